using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Jobs;
using AskVideo.Application.Videos.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AskVideo.Application.Videos.Upload;

/// <summary>
/// Scheduled by <see cref="VideoIngest"/> before an upload stores a byte, and deleted by the transaction that commits the
/// video: it runs only when the upload never committed (the process died between storing the file and committing the
/// video, or while cleaning up after a failure) and removes the files stored for it, which no video owns.
/// </summary>
[JobName("RemoveAbandonedUpload")]
public sealed record RemoveAbandonedUploadJob(Guid OwnerId, Guid VideoId) : IBackgroundJob;

internal sealed class RemoveAbandonedUploadJobHandler(IAppDbContext db, IVideoStorage storage, ILogger<RemoveAbandonedUploadJobHandler> logger)
    : IRequestHandler<RemoveAbandonedUploadJob, Unit>
{
    public async Task<Unit> Handle(RemoveAbandonedUploadJob request, CancellationToken cancellationToken)
    {
        // Only reachable for a committed video if its commit lost the race with this job; its files are its own.
        if (await db.Videos.AnyAsync(v => v.Id == request.VideoId, cancellationToken)) return Unit.Value;
        await storage.DeletePrefixAsync(StorageKeys.VideoPrefix(request.OwnerId, request.VideoId), cancellationToken);
        logger.LogInformation("Removed what the interrupted upload {VideoId} had stored", request.VideoId);
        return Unit.Value;
    }
}

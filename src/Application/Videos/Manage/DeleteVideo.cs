using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Jobs;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Videos.Common;
using MediatR;
using Microsoft.Extensions.Logging;

namespace AskVideo.Application.Videos.Manage;

public sealed record DeleteVideoCommand(Guid Id) : ICommand<Unit>;

/// <summary>
/// The row goes (the database cascades to scenes, vectors, tags and group memberships) together with a durable job
/// that removes the files; the files are then removed at once as well. If that fails, the job retries until the
/// storage is clean, so no file is ever orphaned.
/// </summary>
internal sealed class DeleteVideoHandler(IAppDbContext db, ICurrentUser caller, IJobQueue jobs, IVideoStorage storage, ILogger<DeleteVideoHandler> logger)
    : IRequestHandler<DeleteVideoCommand, Unit>
{
    public async Task<Unit> Handle(DeleteVideoCommand request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        var video = await db.FindOwnedAsync(request.Id, userId, cancellationToken);
        jobs.Enqueue(new DeleteVideoFilesJob(userId, video.Id));
        await db.SaveOwnerChangeAsync(video, v => db.Videos.Remove(v), cancellationToken);
        try
        {
            await storage.DeletePrefixAsync(StorageKeys.VideoPrefix(userId, video.Id), cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or HttpRequestException)
        {
            logger.LogWarning("Files of deleted video {VideoId} not removed yet ({Error}); the cleanup job will retry", video.Id, ex.Message);
        }
        return Unit.Value;
    }
}

/// <summary>Removes every stored file of a deleted video. Idempotent.</summary>
[JobName("DeleteVideoFiles")]
public sealed record DeleteVideoFilesJob(Guid OwnerId, Guid VideoId) : IBackgroundJob;

internal sealed class DeleteVideoFilesJobHandler(IVideoStorage storage) : IRequestHandler<DeleteVideoFilesJob, Unit>
{
    public async Task<Unit> Handle(DeleteVideoFilesJob request, CancellationToken cancellationToken)
    {
        await storage.DeletePrefixAsync(StorageKeys.VideoPrefix(request.OwnerId, request.VideoId), cancellationToken);
        return Unit.Value;
    }
}

using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Jobs;
using AskVideo.Application.Videos.Common;
using MediatR;

namespace AskVideo.Application.Videos.Manage;

/// <summary>Removes every stored file of a deleted video. Idempotent; a storage failure fails the job, which is retried.</summary>
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

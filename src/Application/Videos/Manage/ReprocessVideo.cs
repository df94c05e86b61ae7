using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Videos.Common;
using AskVideo.Application.Videos.Processing;
using AskVideo.Domain.Videos;
using MediatR;

namespace AskVideo.Application.Videos.Manage;

public sealed record ReprocessVideoCommand(Guid Id) : ICommand<VideoDto>;

internal sealed class ReprocessVideoHandler(IAppDbContext db, ICurrentUser caller, IJobQueue jobs, IVideoEvents events, TimeProvider time)
    : IRequestHandler<ReprocessVideoCommand, VideoDto>
{
    public async Task<VideoDto> Handle(ReprocessVideoCommand request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        var video = await db.FindOwnedAsync(request.Id, userId, cancellationToken);
        if (video.Status is VideoStatus.Queued or VideoStatus.Processing)
            throw new ConflictException("already_processing", "This video is already queued or processing.");
        var now = time.GetUtcNow();
        video.Enqueue(now);
        jobs.Enqueue(new ProcessVideoJob(video.Id));
        await db.SaveChangesAsync(cancellationToken);
        await events.PublishAsync(video, cancellationToken);
        return await db.ToDtoAsync(video, cancellationToken);
    }
}

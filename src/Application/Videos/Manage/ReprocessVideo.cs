using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Videos.Common;
using AskVideo.Application.Videos.Processing;
using MediatR;

namespace AskVideo.Application.Videos.Manage;

public sealed record ReprocessVideoCommand(Guid Id) : ICommand<VideoDto>;

internal sealed class ReprocessVideoHandler(IAppDbContext db, ICurrentUser caller, IJobQueue jobs, IVideoEvents events, IMediaLinks links, TimeProvider time)
    : IRequestHandler<ReprocessVideoCommand, VideoDto>
{
    public async Task<VideoDto> Handle(ReprocessVideoCommand request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        var video = await db.FindOwnedAsync(request.Id, userId, cancellationToken);
        // A queued or processing video whose job is gone (dead, failed, lost) would otherwise stay so forever. A
        // concurrent reprocess (a double click) or the worker changing the video meanwhile is refused the same way.
        await VideoRequeue.QueueAsync(video, jobs, time.GetUtcNow(), AlreadyProcessing, cancellationToken);
        jobs.Enqueue(new ProcessVideoJob(video.Id));
        await VideoRequeue.CommitAsync(db, AlreadyProcessing, cancellationToken);
        await events.PublishAsync(video, cancellationToken);
        return await db.ToDtoAsync(video, links, cancellationToken);
    }

    private const string AlreadyProcessing = "This video is already queued or processing.";
}

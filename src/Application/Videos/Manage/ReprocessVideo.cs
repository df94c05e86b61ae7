using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Videos.Common;
using AskVideo.Application.Videos.Processing;
using AskVideo.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Videos.Manage;

public sealed record ReprocessVideoCommand(Guid Id) : ICommand<VideoDto>;

internal sealed class ReprocessVideoHandler(IAppDbContext db, ICurrentUser caller, IJobQueue jobs, IVideoEvents events, IMediaLinks links, TimeProvider time)
    : IRequestHandler<ReprocessVideoCommand, VideoDto>
{
    public async Task<VideoDto> Handle(ReprocessVideoCommand request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        var video = await db.FindOwnedAsync(request.Id, userId, cancellationToken);
        // A queued or processing video whose job is gone (dead, failed, lost) would otherwise stay so forever.
        if (!await VideoRequeue.TryQueueAsync(video, jobs, time.GetUtcNow(), cancellationToken))
            throw AlreadyProcessing();
        jobs.Enqueue(new ProcessVideoJob(video.Id));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The video's row version moved under us: a concurrent reprocess (double click) or the worker won.
            throw AlreadyProcessing();
        }
        await events.PublishAsync(video, cancellationToken);
        return await db.ToDtoAsync(video, links, cancellationToken);
    }

    private static ConflictException AlreadyProcessing() => new(ErrorCode.AlreadyProcessing, "This video is already queued or processing.");
}

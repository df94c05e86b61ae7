using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Jobs;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Videos.Processing;
using AskVideo.Domain.Common;
using AskVideo.Domain.Jobs;
using AskVideo.Domain.Videos;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Admin.Jobs;

/// <summary>
/// Puts a failed or dead job back on the queue. A ProcessVideo job also puts its video back in the queue, as the
/// owner's Reprocess does (<see cref="VideoRequeue"/>): its handler only runs the pipeline of a queued or processing
/// video, so the retry of a failed video's job would otherwise finish at once with nothing done. Refused while another
/// ProcessVideo job of the video is live (the owner reprocessed it meanwhile); a video that is ready again is left as
/// it is, and the job then finishes with nothing to do.
/// </summary>
public sealed record RetryJobCommand(Guid Id) : ICommand<Unit>, IRequireAdmin;

internal sealed class RetryJobHandler(IAppDbContext db, IJobQueue jobs, JobTypeRegistry registry, IVideoEvents events, TimeProvider time)
    : IRequestHandler<RetryJobCommand, Unit>
{
    public async Task<Unit> Handle(RetryJobCommand request, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.SingleOrDefaultAsync(j => j.Id == request.Id, cancellationToken) ?? throw new NotFoundException("job");
        if (job.Status is not (JobStatus.Dead or JobStatus.Failed))
            throw new ConflictException(ErrorCode.JobNotRetryable, $"Only failed or dead jobs can be retried; this one is {job.Status.ToString().ToLowerInvariant()}.");
        var now = time.GetUtcNow();
        var video = await VideoToProcessAsync(job, cancellationToken);
        if (video is not null) await VideoRequeue.QueueAsync(video, jobs, now, AlreadyProcessing, cancellationToken);
        job.Retry(now);
        // The video's owner reprocessing it, or a worker changing it, at the same time is refused the same way.
        await VideoRequeue.CommitAsync(db, AlreadyProcessing, cancellationToken);
        if (video is not null) await events.PublishAsync(video, cancellationToken);
        return Unit.Value;
    }

    /// <summary>The video a ProcessVideo job would process, unless it is gone or ready (processed since the job died).</summary>
    private async Task<Video?> VideoToProcessAsync(Job job, CancellationToken cancellationToken)
    {
        // A payload that cannot be read is left to the worker, which fails the job again, permanently, with the reason.
        if (registry.TryRead(job.Type, job.Payload) is not ProcessVideoJob payload) return null;
        var video = await db.Videos.SingleOrDefaultAsync(v => v.Id == payload.VideoId, cancellationToken);
        return video is { Status: not VideoStatus.Ready } ? video : null;
    }

    private const string AlreadyProcessing =
        "This video is already being processed by another job (its owner reprocessed it). Retry this job once that run has finished, if it is still needed.";
}

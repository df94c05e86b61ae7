using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Domain.Common;
using AskVideo.Domain.Videos;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Videos.Processing;

/// <summary>
/// The one way a video goes back to the processing queue, shared by the owner's Reprocess and an admin's Retry of a
/// failed or dead ProcessVideo job. Never while a ProcessVideo job of the video is live (pending, dispatched or
/// running): the pipeline would run twice. A video left queued or processing by a job that died (dead, failed or
/// lost) is queued again; a ready or failed one starts over. Either way its error and progress are cleared, and the
/// caller commits the change with the job that runs the pipeline through <see cref="CommitAsync"/> (the video's row
/// version fences concurrent requeues). Both refusals are 409 <c>already_processing</c> with the caller's message.
/// </summary>
internal static class VideoRequeue
{
    /// <summary>Queues <paramref name="video"/> again; refused, changing nothing, when a live ProcessVideo job already has it.</summary>
    public static async Task QueueAsync(Video video, IJobQueue jobs, DateTimeOffset now, string refusal, CancellationToken cancellationToken)
    {
        if (video.Status is VideoStatus.Queued or VideoStatus.Processing && await jobs.IsLiveAsync(new ProcessVideoJob(video.Id), cancellationToken))
            throw AlreadyProcessing(refusal);
        if (video.Status == VideoStatus.Queued) video.Requeue(now);
        else video.Enqueue(now);
    }

    /// <summary>Saves the requeue with its job; a concurrent change of the video (another requeue, the worker) is refused.</summary>
    public static async Task CommitAsync(IAppDbContext db, string refusal, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw AlreadyProcessing(refusal);
        }
    }

    private static ConflictException AlreadyProcessing(string message) => new(ErrorCode.AlreadyProcessing, message);
}

using AskVideo.Application.Common.Interfaces;
using AskVideo.Domain.Videos;

namespace AskVideo.Application.Videos.Processing;

/// <summary>
/// The one way a video goes back to the processing queue, shared by the owner's Reprocess and an admin's Retry of a
/// failed or dead ProcessVideo job. Never while a ProcessVideo job of the video is live (pending, dispatched or
/// running): the pipeline would run twice. A video left queued or processing by a job that died (dead, failed or
/// lost) is queued again; a ready or failed one starts over. Either way its error and progress are cleared, and the
/// caller commits the change with the job that runs the pipeline (its row version fences concurrent requeues).
/// </summary>
internal static class VideoRequeue
{
    /// <summary>Queues <paramref name="video"/> again; false, changing nothing, when a live ProcessVideo job already has it.</summary>
    public static async Task<bool> TryQueueAsync(Video video, IJobQueue jobs, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (video.Status is VideoStatus.Queued or VideoStatus.Processing && await jobs.IsLiveAsync(new ProcessVideoJob(video.Id), cancellationToken))
            return false;
        if (video.Status == VideoStatus.Queued) video.Requeue(now);
        else video.Enqueue(now);
        return true;
    }
}

using AskVideo.Domain.Common;
using AskVideo.Domain.Videos;

namespace AskVideo.Integration.Tests.Infrastructure;

/// <summary>Video rows for tests that need a video in some state, not its files (nothing is stored under its key).</summary>
public static class VideoRows
{
    /// <summary>
    /// A new video of <paramref name="ownerId"/> walked through the domain's transitions to <paramref name="status"/>
    /// (queued, processing, ready, or failed with <c>no_transcript_source</c> and <paramref name="failure"/>); add it to a
    /// context to store it.
    /// </summary>
    public static Video InStatus(Guid ownerId, VideoStatus status, DateTimeOffset now, string title = "Clip", string? description = null,
        string failure = "No subtitles.")
    {
        var id = Guid.CreateVersion7();
        var video = Video.Create(id, ownerId, title, description, title + ".mp4", "video/mp4", 1000, $"users/{ownerId:N}/videos/{id:N}/original.mp4", null, now);
        video.Enqueue(now);
        if (status is VideoStatus.Ready or VideoStatus.Failed or VideoStatus.Processing) video.StartStage(ProcessingStage.Transcribing, 10, now);
        if (status == VideoStatus.Ready) video.MarkReady(now);
        if (status == VideoStatus.Failed) video.MarkFailed(ErrorCode.NoTranscriptSource, failure, now);
        return video;
    }
}

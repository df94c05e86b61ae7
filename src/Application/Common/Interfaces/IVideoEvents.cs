using AskVideo.Domain.Videos;

namespace AskVideo.Application.Common.Interfaces;

/// <summary>A status/progress change of one video, pushed to browsers over server-sent events.</summary>
public sealed record VideoStatusEvent(Guid VideoId, VideoStatus Status, ProcessingStage? Stage, int Progress, string? ErrorCode, string? ErrorMessage, DateTimeOffset At)
{
    public static VideoStatusEvent Of(Video video) =>
        new(video.Id, video.Status, video.Stage, video.Progress, video.ErrorCode, video.ErrorMessage, video.UpdatedAt);
}

/// <summary>Fan-out of video status changes across processes (workers publish, API instances stream).</summary>
public interface IVideoEvents
{
    /// <summary>Publishes the video's current status to its own subscribers and to its owner's.</summary>
    Task PublishAsync(Video video, CancellationToken cancellationToken);

    /// <summary>
    /// Subscribes to one video (the returned task completes once changes can no longer be missed), then yields its
    /// changes until <paramref name="cancellationToken"/> is cancelled. Enumerate it to the end to release it.
    /// </summary>
    Task<IAsyncEnumerable<VideoStatusEvent>> SubscribeAsync(Guid videoId, CancellationToken cancellationToken);

    /// <summary>The same for every video of one owner (one connection for a whole library page).</summary>
    Task<IAsyncEnumerable<VideoStatusEvent>> SubscribeToOwnerAsync(Guid ownerId, CancellationToken cancellationToken);
}

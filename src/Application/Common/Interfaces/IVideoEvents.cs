using AskVideo.Domain.Videos;

namespace AskVideo.Application.Common.Interfaces;

/// <summary>A status/progress change of one video, pushed to browsers over server-sent events.</summary>
public sealed record VideoStatusEvent(Guid VideoId, VideoStatus Status, ProcessingStage? Stage, int Progress, string? ErrorCode, string? ErrorMessage, DateTimeOffset At);

/// <summary>Fan-out of video status changes across processes (workers publish, API instances stream).</summary>
public interface IVideoEvents
{
    Task PublishAsync(VideoStatusEvent change, CancellationToken cancellationToken);

    /// <summary>
    /// Subscribes (the returned task completes once changes can no longer be missed), then yields the video's changes
    /// until <paramref name="cancellationToken"/> is cancelled. Enumerate it to the end so the subscription is released.
    /// </summary>
    Task<IAsyncEnumerable<VideoStatusEvent>> SubscribeAsync(Guid videoId, CancellationToken cancellationToken);
}

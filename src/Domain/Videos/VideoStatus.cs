namespace AskVideo.Domain.Videos;

public enum VideoStatus
{
    Uploaded = 0,
    Queued = 1,
    Processing = 2,
    Ready = 3,
    Failed = 4,
}

/// <summary>The step a <see cref="VideoStatus.Processing"/> video is in.</summary>
public enum ProcessingStage
{
    Transcribing = 1,
    Splitting = 2,
    Indexing = 3,
}

/// <summary>The only status transitions the product allows (SPEC §2).</summary>
public static class VideoStatusMachine
{
    private static readonly Dictionary<VideoStatus, VideoStatus[]> Allowed = new()
    {
        [VideoStatus.Uploaded] = [VideoStatus.Queued, VideoStatus.Failed],
        [VideoStatus.Queued] = [VideoStatus.Processing, VideoStatus.Failed],
        [VideoStatus.Processing] = [VideoStatus.Processing, VideoStatus.Ready, VideoStatus.Failed, VideoStatus.Queued],
        [VideoStatus.Ready] = [VideoStatus.Queued],
        [VideoStatus.Failed] = [VideoStatus.Queued],
    };

    public static bool CanMove(VideoStatus from, VideoStatus to) => Allowed.TryGetValue(from, out var targets) && targets.Contains(to);
}

using AskVideo.Domain.Common;
using AskVideo.Domain.Transcripts;

namespace AskVideo.Domain.Videos;

public sealed class Video
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 5000;
    public const int MaxFileNameLength = 255;
    public const int MaxTags = 20;

    private readonly List<VideoTag> _tags = [];

    private Video()
    {
        Title = string.Empty;
        OriginalFileName = string.Empty;
        ContentType = string.Empty;
        StorageKey = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid OwnerId { get; private set; }
    public string Title { get; private set; }
    public string? Description { get; private set; }
    public string OriginalFileName { get; private set; }
    public string ContentType { get; private set; }
    public long SizeBytes { get; private set; }
    public string StorageKey { get; private set; }

    /// <summary>Storage key of subtitles uploaded with the video, used as the transcript source.</summary>
    public string? SubtitlesKey { get; private set; }

    public string? ThumbnailKey { get; private set; }
    public double? DurationSeconds { get; private set; }
    public int? Width { get; private set; }
    public int? Height { get; private set; }
    public string? Language { get; private set; }

    /// <summary>Where the current transcript came from; null until processing made one.</summary>
    public TranscriptSource? TranscriptSource { get; private set; }

    public VideoStatus Status { get; private set; }
    public ProcessingStage? Stage { get; private set; }
    public int Progress { get; private set; }
    public string? ErrorCode { get; private set; }
    public string? ErrorMessage { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? ProcessedAt { get; private set; }

    public IReadOnlyCollection<VideoTag> Tags => _tags;

    public static Video Create(Guid id, Guid ownerId, string title, string? description, string originalFileName, string contentType, long sizeBytes, string storageKey, string? language, DateTimeOffset now)
    {
        var video = new Video
        {
            Id = id,
            OwnerId = ownerId,
            OriginalFileName = Truncate(originalFileName, MaxFileNameLength),
            ContentType = contentType,
            SizeBytes = sizeBytes,
            StorageKey = storageKey,
            Language = string.IsNullOrWhiteSpace(language) ? null : language.Trim(),
            Status = VideoStatus.Uploaded,
            CreatedAt = now,
            UpdatedAt = now,
        };
        video.Rename(title, now);
        video.Describe(description, now);
        return video;
    }

    public void Rename(string title, DateTimeOffset now)
    {
        var trimmed = title.Trim();
        if (trimmed.Length == 0) throw new DomainException(Common.ErrorCode.InvalidTitle, "The title cannot be empty.");
        Title = Truncate(trimmed, MaxTitleLength);
        UpdatedAt = now;
    }

    public void Describe(string? description, DateTimeOffset now)
    {
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        UpdatedAt = now;
    }

    public void AttachSubtitles(string storageKey, DateTimeOffset now)
    {
        SubtitlesKey = storageKey;
        UpdatedAt = now;
    }

    /// <summary>
    /// The owner replaced the transcript: the edited text becomes the video's subtitles (the first transcript source),
    /// and the video is queued to be split and indexed again. Allowed from ready and failed, like a reprocess.
    /// </summary>
    public void ReplaceTranscript(string subtitlesKey, DateTimeOffset now)
    {
        Enqueue(now);
        SubtitlesKey = subtitlesKey;
        TranscriptSource = Transcripts.TranscriptSource.Edit;
    }

    /// <summary>Records which source the pipeline used (an edit stays an edit when it is processed again).</summary>
    public void UseTranscriptSource(TranscriptSource source, DateTimeOffset now)
    {
        if (!(TranscriptSource == Transcripts.TranscriptSource.Edit && source == Transcripts.TranscriptSource.Subtitles))
            TranscriptSource = source;
        UpdatedAt = now;
    }

    public void SetMediaFacts(double? durationSeconds, int? width, int? height, DateTimeOffset now)
    {
        DurationSeconds = durationSeconds;
        Width = width;
        Height = height;
        UpdatedAt = now;
    }

    public void SetThumbnail(string? storageKey, DateTimeOffset now)
    {
        ThumbnailKey = storageKey;
        UpdatedAt = now;
    }

    public void DetectLanguage(string? language, DateTimeOffset now)
    {
        if (Language is null && !string.IsNullOrWhiteSpace(language)) Language = language;
        UpdatedAt = now;
    }

    /// <summary>Queues the video for (re)processing: allowed from uploaded, ready and failed.</summary>
    public void Enqueue(DateTimeOffset now)
    {
        MoveTo(VideoStatus.Queued, now);
        Stage = null;
        Progress = 0;
        ErrorCode = null;
        ErrorMessage = null;
    }

    /// <summary>
    /// Queues a video again that is stuck in queued because its processing job is gone (dead, failed or lost). The
    /// caller checks that no live job exists; this only resets the progress and marks the row changed.
    /// </summary>
    public void Requeue(DateTimeOffset now)
    {
        if (Status != VideoStatus.Queued)
            throw new DomainException(Common.ErrorCode.InvalidTransition, $"Only a queued video can be queued again; this one is {Status}.");
        Stage = null;
        Progress = 0;
        ErrorCode = null;
        ErrorMessage = null;
        UpdatedAt = now;
    }

    public void StartStage(ProcessingStage stage, int progress, DateTimeOffset now)
    {
        MoveTo(VideoStatus.Processing, now);
        Stage = stage;
        Progress = Math.Clamp(progress, 0, 99);
    }

    public void ReportProgress(int progress, DateTimeOffset now)
    {
        if (Status != VideoStatus.Processing)
            throw new DomainException(Common.ErrorCode.InvalidTransition, "Progress can only be reported while processing.");
        Progress = Math.Clamp(progress, Progress, 99);
        UpdatedAt = now;
    }

    public void MarkReady(DateTimeOffset now)
    {
        MoveTo(VideoStatus.Ready, now);
        Stage = null;
        Progress = 100;
        ProcessedAt = now;
    }

    public void MarkFailed(ErrorCode errorCode, string errorMessage, DateTimeOffset now)
    {
        MoveTo(VideoStatus.Failed, now);
        Stage = null;
        ErrorCode = errorCode.Value;
        ErrorMessage = Truncate(errorMessage, 2000);
    }

    public void ReplaceTags(IEnumerable<Guid> tagIds)
    {
        var wanted = tagIds.Distinct().ToHashSet();
        _tags.RemoveAll(t => !wanted.Contains(t.TagId));
        foreach (var id in wanted.Where(id => _tags.All(t => t.TagId != id)))
            _tags.Add(new VideoTag(Id, id));
    }

    private void MoveTo(VideoStatus target, DateTimeOffset now)
    {
        if (!VideoStatusMachine.CanMove(Status, target))
            throw new DomainException(Common.ErrorCode.InvalidTransition, $"A video cannot move from {Status} to {target}.");
        Status = target;
        UpdatedAt = now;
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}

using AskVideo.Application.Common.Interfaces;
using AskVideo.Domain.Videos;

namespace AskVideo.Application.Videos.Common;

public sealed record TagDto(Guid Id, string Name, string Color);

public sealed record VideoErrorDto(string Code, string Message);

public sealed record VideoGroupRefDto(Guid Id, string Name);

/// <summary>A video as lists and details return it. Media URLs need the same authorization as the video.</summary>
public sealed record VideoDto(
    Guid Id,
    string Title,
    string? Description,
    VideoStatus Status,
    ProcessingStage? Stage,
    int Progress,
    VideoErrorDto? Error,
    string OriginalFileName,
    string ContentType,
    long SizeBytes,
    double? DurationSeconds,
    int? Width,
    int? Height,
    string? Language,
    bool HasSubtitles,
    IReadOnlyList<TagDto> Tags,
    IReadOnlyList<VideoGroupRefDto> Groups,
    string MediaUrl,
    string? ThumbnailUrl,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ProcessedAt);

public static class VideoMapping
{
    public static VideoDto ToDto(this Video video, IReadOnlyList<TagDto> tags, IReadOnlyList<VideoGroupRefDto> groups, IMediaLinks links) => new(
        video.Id,
        video.Title,
        video.Description,
        video.Status,
        video.Stage,
        video.Progress,
        video.ErrorCode is null ? null : new VideoErrorDto(video.ErrorCode, video.ErrorMessage ?? string.Empty),
        video.OriginalFileName,
        video.ContentType,
        video.SizeBytes,
        video.DurationSeconds,
        video.Width,
        video.Height,
        video.Language,
        video.SubtitlesKey is not null,
        tags,
        groups,
        links.Media(video.Id),
        video.ThumbnailKey is null ? null : links.Thumbnail(video.Id),
        video.CreatedAt,
        video.UpdatedAt,
        video.ProcessedAt);
}

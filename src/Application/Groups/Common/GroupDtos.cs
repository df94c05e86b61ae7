using AskVideo.Application.Videos.Common;
using AskVideo.Domain.Videos;

namespace AskVideo.Application.Groups.Common;

/// <summary>
/// A member video as group pages and the shared view show it. URLs need the same access as the group. <c>Error</c> is
/// set when processing failed (as on <see cref="VideoDto"/>); guests get its code with a generic message, never the
/// owner's failure details.
/// </summary>
public sealed record GroupVideoDto(Guid Id, string Title, double? DurationSeconds, VideoStatus Status, VideoErrorDto? Error, string? ThumbnailUrl, string MediaUrl, string TranscriptUrl);

public sealed record GroupShareDto(string ShareToken, string Url, DateTimeOffset SharedAt);

public sealed record GroupSummaryDto(Guid Id, string Name, string? Description, int VideoCount, bool IsShared, string? ThumbnailUrl, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record GroupDto(Guid Id, string Name, string? Description, IReadOnlyList<GroupVideoDto> Videos, GroupShareDto? Share, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>What a guest with the share link sees: no owner data.</summary>
public sealed record SharedGroupDto(string Name, string? Description, IReadOnlyList<GroupVideoDto> Videos);

public sealed record AddGroupVideosResultDto(IReadOnlyList<Guid> Added, IReadOnlyList<Guid> Skipped);

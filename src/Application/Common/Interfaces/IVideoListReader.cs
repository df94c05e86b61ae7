using AskVideo.Application.Videos.Common;
using AskVideo.Domain.Videos;

namespace AskVideo.Application.Common.Interfaces;

public enum VideoListSort
{
    NewestFirst = 0,
    OldestFirst = 1,
    TitleAscending = 2,
    TitleDescending = 3,
}

/// <summary>
/// A validated filter over one owner's library. <paramref name="SearchPattern"/> is a lower-case LIKE pattern (escaped
/// with a backslash); the tag matches by id or by normalized name among the owner's tags.
/// </summary>
public sealed record VideoListFilter(
    Guid OwnerId,
    string? SearchPattern,
    VideoStatus? Status,
    Guid? TagId,
    string? TagNormalizedName,
    VideoListSort Sort,
    int Skip,
    int Take);

public sealed record VideoListPage(IReadOnlyList<VideoDto> Items, long TotalCount);

/// <summary>The library list, SQL-shaped: the page, its tags and groups and the total count in one statement.</summary>
public interface IVideoListReader
{
    Task<VideoListPage> ListAsync(VideoListFilter filter, CancellationToken cancellationToken);
}

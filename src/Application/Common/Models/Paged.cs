namespace AskVideo.Application.Common.Models;

public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, long TotalCount);

public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static int Skip(int page, int pageSize) => (Math.Max(page, 1) - 1) * pageSize;
}

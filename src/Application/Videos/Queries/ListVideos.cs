using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Common.Models;
using AskVideo.Application.Common.Validation;
using AskVideo.Application.Videos.Common;
using AskVideo.Domain.Videos;
using FluentValidation;
using MediatR;

namespace AskVideo.Application.Videos.Queries;

public static class VideoSorts
{
    public const string NewestFirst = "createdAt_desc";
    public static readonly string[] All = [NewestFirst, "createdAt_asc", "title_asc", "title_desc"];
}

/// <summary>q searches title and description; tag is a tag id or name; status one of the video statuses.</summary>
public sealed record ListVideosQuery(string? Q, string? Status, string? Tag, string? Sort, int Page, int PageSize) : IQuery<Paged<VideoDto>>;

internal sealed class ListVideosValidator : AbstractValidator<ListVideosQuery>
{
    public ListVideosValidator()
    {
        RuleFor(q => q.Q).MaximumLength(200);
        RuleFor(q => q.Status).Must(s => s is null || Enum.TryParse<VideoStatus>(s, true, out _))
            .WithMessage("status must be one of uploaded, queued, processing, ready, failed.")
            .WithFieldCode(FieldErrorCode.InvalidChoice, ("allowed", "uploaded, queued, processing, ready, failed"));
        RuleFor(q => q.Sort).Must(s => s is null || VideoSorts.All.Contains(s)).WithMessage($"sort must be one of {string.Join(", ", VideoSorts.All)}.")
            .WithFieldCode(FieldErrorCode.InvalidChoice, ("allowed", FieldErrors.Allowed(VideoSorts.All)));
        RuleFor(q => q.Tag).MaximumLength(Tag.MaxNameLength);
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize);
    }
}

internal sealed class ListVideosHandler(IVideoListReader reader, ICurrentUser caller) : IRequestHandler<ListVideosQuery, Paged<VideoDto>>
{
    public async Task<Paged<VideoDto>> Handle(ListVideosQuery request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        var search = string.IsNullOrWhiteSpace(request.Q) ? null : "%" + EscapeLike(request.Q.Trim().ToLowerInvariant()) + "%";
        VideoStatus? status = request.Status is null ? null : Enum.Parse<VideoStatus>(request.Status, true);
        string? tagName = null;
        Guid? tagId = null;
        if (!string.IsNullOrWhiteSpace(request.Tag))
        {
            var tag = request.Tag.Trim();
            tagName = Tag.Normalize(tag);
            tagId = Guid.TryParse(tag, out var id) ? id : null;
        }
        var sort = (request.Sort ?? VideoSorts.NewestFirst) switch
        {
            "createdAt_asc" => VideoListSort.OldestFirst,
            "title_asc" => VideoListSort.TitleAscending,
            "title_desc" => VideoListSort.TitleDescending,
            _ => VideoListSort.NewestFirst,
        };
        var page = await reader.ListAsync(
            new VideoListFilter(userId, search, status, tagId, tagName, sort, Paging.Skip(request.Page, request.PageSize), request.PageSize), cancellationToken);
        return new Paged<VideoDto>(page.Items, request.Page, request.PageSize, page.TotalCount);
    }

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}

using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Common.Models;
using AskVideo.Application.Videos.Common;
using AskVideo.Domain.Videos;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

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
            .WithMessage("status must be one of uploaded, queued, processing, ready, failed.");
        RuleFor(q => q.Sort).Must(s => s is null || VideoSorts.All.Contains(s)).WithMessage($"sort must be one of {string.Join(", ", VideoSorts.All)}.");
        RuleFor(q => q.Tag).MaximumLength(Tag.MaxNameLength);
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize);
    }
}

internal sealed class ListVideosHandler(IAppDbContext db, ICurrentUser caller, IMediaLinks links) : IRequestHandler<ListVideosQuery, Paged<VideoDto>>
{
    public async Task<Paged<VideoDto>> Handle(ListVideosQuery request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        var videos = db.Videos.AsNoTracking().Where(v => v.OwnerId == userId);
        if (!string.IsNullOrWhiteSpace(request.Q))
        {
            var pattern = "%" + EscapeLike(request.Q.Trim().ToLowerInvariant()) + "%";
            videos = videos.Where(v => EF.Functions.Like((v.Title + " " + (v.Description ?? "")).ToLower(), pattern, "\\"));
        }
        if (request.Status is not null)
        {
            var status = Enum.Parse<VideoStatus>(request.Status, true);
            videos = videos.Where(v => v.Status == status);
        }
        if (!string.IsNullOrWhiteSpace(request.Tag))
        {
            var tag = request.Tag.Trim();
            var normalized = Tag.Normalize(tag);
            var tagId = Guid.TryParse(tag, out var id) ? id : (Guid?)null;
            videos = videos.Where(v => db.VideoTags.Any(vt => vt.VideoId == v.Id &&
                db.Tags.Any(t => t.Id == vt.TagId && t.OwnerId == userId && (t.Id == tagId || t.NormalizedName == normalized))));
        }

        var total = await videos.LongCountAsync(cancellationToken);
        videos = (request.Sort ?? VideoSorts.NewestFirst) switch
        {
            "createdAt_asc" => videos.OrderBy(v => v.CreatedAt).ThenBy(v => v.Id),
            "title_asc" => videos.OrderBy(v => v.Title.ToLower()).ThenBy(v => v.Id),
            "title_desc" => videos.OrderByDescending(v => v.Title.ToLower()).ThenByDescending(v => v.Id),
            _ => videos.OrderByDescending(v => v.CreatedAt).ThenByDescending(v => v.Id),
        };
        var page = await videos.Skip(Paging.Skip(request.Page, request.PageSize)).Take(request.PageSize).ToListAsync(cancellationToken);
        return new Paged<VideoDto>(await db.ToDtosAsync(page, links, cancellationToken), request.Page, request.PageSize, total);
    }

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}

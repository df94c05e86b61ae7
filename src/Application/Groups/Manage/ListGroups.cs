using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Common.Models;
using AskVideo.Application.Groups.Common;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Groups.Manage;

/// <summary>The caller's groups, newest first; q searches name and description.</summary>
public sealed record ListGroupsQuery(string? Q, int Page, int PageSize) : IQuery<Paged<GroupSummaryDto>>;

internal sealed class ListGroupsValidator : AbstractValidator<ListGroupsQuery>
{
    public ListGroupsValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize);
        RuleFor(q => q.Q).MaximumLength(200);
    }
}

internal sealed class ListGroupsHandler(IAppDbContext db, ICurrentUser caller, IMediaLinks links) : IRequestHandler<ListGroupsQuery, Paged<GroupSummaryDto>>
{
    public async Task<Paged<GroupSummaryDto>> Handle(ListGroupsQuery request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        var groups = db.Groups.AsNoTracking().Where(g => g.OwnerId == userId);
        if (!string.IsNullOrWhiteSpace(request.Q))
        {
            var pattern = "%" + request.Q.Trim().ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            groups = groups.Where(g => EF.Functions.Like(g.Name.ToLower(), pattern) || (g.Description != null && EF.Functions.Like(g.Description.ToLower(), pattern)));
        }
        var total = await groups.CountAsync(cancellationToken);
        var page = await groups.OrderByDescending(g => g.CreatedAt).ThenByDescending(g => g.Id)
            .Skip((request.Page - 1) * request.PageSize).Take(request.PageSize)
            .Select(g => new
            {
                g.Id, g.Name, g.Description, g.ShareTokenHash, g.CreatedAt, g.UpdatedAt,
                VideoCount = g.Members.Count,
                FirstVideo = g.Members.OrderBy(m => m.Position).Select(m => (Guid?)m.VideoId).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var firstIds = page.Where(g => g.FirstVideo is not null).Select(g => g.FirstVideo!.Value).ToList();
        var withThumbnail = await db.Videos.AsNoTracking().Where(v => firstIds.Contains(v.Id) && v.ThumbnailKey != null).Select(v => v.Id).ToListAsync(cancellationToken);
        var items = page.Select(g => new GroupSummaryDto(g.Id, g.Name, g.Description, g.VideoCount, g.ShareTokenHash != null,
            g.FirstVideo is { } first && withThumbnail.Contains(first) ? links.Thumbnail(first) : null, g.CreatedAt, g.UpdatedAt)).ToList();
        return new Paged<GroupSummaryDto>(items, request.Page, request.PageSize, total);
    }
}

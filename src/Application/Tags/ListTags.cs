using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Tags;

/// <summary>The caller's tags in name order, with how many videos carry each.</summary>
public sealed record ListTagsQuery : IQuery<IReadOnlyList<TagWithCountDto>>;

internal sealed class ListTagsHandler(IAppDbContext db, ICurrentUser caller) : IRequestHandler<ListTagsQuery, IReadOnlyList<TagWithCountDto>>
{
    public async Task<IReadOnlyList<TagWithCountDto>> Handle(ListTagsQuery request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        return await db.Tags.AsNoTracking().Where(t => t.OwnerId == userId).OrderBy(t => t.NormalizedName)
            .Select(t => new TagWithCountDto(t.Id, t.Name, t.Color, db.VideoTags.Count(vt => vt.TagId == t.Id), t.CreatedAt))
            .ToListAsync(cancellationToken);
    }
}

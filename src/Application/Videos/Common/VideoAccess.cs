using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Domain.Videos;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Videos.Common;

public static class VideoAccess
{
    /// <summary>
    /// The caller's own video, tracked for changes. Another user's video is "not found" (404, never 403), so ids of
    /// other users' videos cannot be probed.
    /// </summary>
    public static async Task<Video> FindOwnedAsync(this IAppDbContext db, Guid videoId, Guid ownerId, CancellationToken cancellationToken) =>
        await db.Videos.Include(v => v.Tags).SingleOrDefaultAsync(v => v.Id == videoId && v.OwnerId == ownerId, cancellationToken)
        ?? throw new NotFoundException("video");

    /// <summary>The caller's own video, read only; another user's video is "not found" as well.</summary>
    public static async Task<Video> ReadOwnedAsync(this IAppDbContext db, Guid videoId, Guid ownerId, CancellationToken cancellationToken) =>
        await db.Videos.AsNoTracking().SingleOrDefaultAsync(v => v.Id == videoId && v.OwnerId == ownerId, cancellationToken)
        ?? throw new NotFoundException("video");

    /// <summary>
    /// Applies the owner's change and saves it. While a video processes, the pipeline writes its progress to the same
    /// row, moving its version; the owner's change (a rename, a deletion) does not depend on that progress, so on a
    /// version conflict the row is read again and the change applied again, instead of refusing the owner with a 409.
    /// </summary>
    public static async Task SaveOwnerChangeAsync(this IAppDbContext db, Video video, Action<Video> apply, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            apply(video);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                await db.ReloadAsync(video, cancellationToken);
            }
        }
    }

    /// <summary>The user's tags with these names, creating the missing ones (default color).</summary>
    public static async Task<List<Tag>> ResolveTagsAsync(this IAppDbContext db, Guid ownerId, IEnumerable<string> names, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var wanted = names.Select(n => n.Trim()).Where(n => n.Length > 0).DistinctBy(Tag.Normalize).ToList();
        if (wanted.Count == 0) return [];
        var normalized = wanted.Select(Tag.Normalize).ToList();
        var existing = await db.Tags.Where(t => t.OwnerId == ownerId && normalized.Contains(t.NormalizedName)).ToListAsync(cancellationToken);
        foreach (var name in wanted.Where(n => existing.All(t => t.NormalizedName != Tag.Normalize(n))))
        {
            var tag = Tag.Create(ownerId, name, null, now);
            db.Tags.Add(tag);
            existing.Add(tag);
        }
        return existing;
    }

    /// <summary>DTOs for a page of videos: their tags and groups are loaded in one query each, whatever the page size.</summary>
    public static async Task<IReadOnlyList<VideoDto>> ToDtosAsync(this IAppDbContext db, IReadOnlyList<Video> videos, IMediaLinks links, CancellationToken cancellationToken)
    {
        var ids = videos.Select(v => v.Id).ToList();
        var tags = (await db.VideoTags.Where(vt => ids.Contains(vt.VideoId))
                .Join(db.Tags, vt => vt.TagId, t => t.Id, (vt, t) => new { vt.VideoId, t.Id, t.Name, t.Color })
                .ToListAsync(cancellationToken))
            .ToLookup(x => x.VideoId, x => new TagDto(x.Id, x.Name, x.Color));
        var groups = (await db.GroupMembers.Where(m => ids.Contains(m.VideoId))
                .Join(db.Groups, m => m.GroupId, g => g.Id, (m, g) => new { m.VideoId, g.Id, g.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(x => x.VideoId, x => new VideoGroupRefDto(x.Id, x.Name));
        return videos.Select(v => v.ToDto(
            tags[v.Id].OrderBy(t => t.Name, StringComparer.Ordinal).ToList(),
            groups[v.Id].OrderBy(g => g.Name, StringComparer.Ordinal).ToList(),
            links)).ToList();
    }

    public static async Task<VideoDto> ToDtoAsync(this IAppDbContext db, Video video, IMediaLinks links, CancellationToken cancellationToken) =>
        (await db.ToDtosAsync([video], links, cancellationToken))[0];
}

using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Options;
using AskVideo.Application.Common.Security;
using AskVideo.Domain.Groups;
using AskVideo.Domain.Videos;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Groups.Common;

public static class GroupAccess
{
    /// <summary>The caller's own group with its members, tracked. Another user's group is "not found" (404, never 403).</summary>
    public static async Task<VideoGroup> FindOwnedGroupAsync(this IAppDbContext db, Guid groupId, Guid ownerId, CancellationToken cancellationToken) =>
        await db.Groups.Include(g => g.Members).SingleOrDefaultAsync(g => g.Id == groupId && g.OwnerId == ownerId, cancellationToken)
        ?? throw new NotFoundException("group");

    /// <summary>
    /// The group a share token opens, or 404 for an unknown or revoked token (indistinguishable). The token is
    /// matched by its SHA-256, so the stored value cannot be used as a link and lookups take the same time.
    /// </summary>
    public static async Task<VideoGroup> FindSharedGroupAsync(this IAppDbContext db, string shareToken, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(shareToken) || shareToken.Length > 128) throw new NotFoundException("shared group", "This share link does not exist or was revoked.");
        var hash = SecretTokens.Hash(shareToken);
        return await db.Groups.AsNoTracking().Include(g => g.Members).SingleOrDefaultAsync(g => g.ShareTokenHash == hash, cancellationToken)
            ?? throw new NotFoundException("shared group", "This share link does not exist or was revoked.");
    }

    public static string ShareUrl(AppOptions app, string token) => $"{app.PublicUrl.TrimEnd('/')}/share/{Uri.EscapeDataString(token)}";

    /// <summary>The member video a share token reaches; anything else (another group's, a removed member) is 404.</summary>
    public static async Task<Video> FindSharedVideoAsync(this IAppDbContext db, string shareToken, Guid videoId, CancellationToken cancellationToken)
    {
        var group = await db.FindSharedGroupAsync(shareToken, cancellationToken);
        if (group.Members.All(m => m.VideoId != videoId)) throw new NotFoundException("video");
        return await db.Videos.AsNoTracking().SingleOrDefaultAsync(v => v.Id == videoId && v.OwnerId == group.OwnerId, cancellationToken)
            ?? throw new NotFoundException("video");
    }
}

using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Options;
using AskVideo.Application.Videos.Common;
using AskVideo.Domain.Groups;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AskVideo.Application.Groups.Common;

/// <summary>Groups as their owner and their guests see them: member videos in order, with links for that audience.</summary>
internal sealed class GroupViews(IAppDbContext db, ISecretProtector secrets, IOptions<AppOptions> app, IMediaLinks links)
{
    /// <summary>
    /// The group's videos in member order, with links for the audience: the owner's endpoints, or (with a share token)
    /// the guest endpoints that token opens.
    /// </summary>
    public async Task<IReadOnlyList<GroupVideoDto>> MemberVideosAsync(VideoGroup group, string? shareToken, CancellationToken cancellationToken)
    {
        var order = group.Members.OrderBy(m => m.Position).ThenBy(m => m.AddedAt).Select(m => m.VideoId).ToList();
        var videos = await db.Videos.AsNoTracking()
            .Where(v => order.Contains(v.Id) && v.OwnerId == group.OwnerId)
            .Select(v => new { v.Id, v.Title, v.DurationSeconds, v.Status, v.ErrorCode, v.ErrorMessage, HasThumbnail = v.ThumbnailKey != null })
            .ToDictionaryAsync(v => v.Id, cancellationToken);
        return order.Where(videos.ContainsKey).Select(id => videos[id]).Select(v => new GroupVideoDto(
            v.Id, v.Title, v.DurationSeconds, v.Status, Error(v.ErrorCode, v.ErrorMessage, shareToken),
            v.HasThumbnail ? links.Thumbnail(v.Id, shareToken) : null, links.Media(v.Id, shareToken), links.Transcript(v.Id, shareToken))).ToList();
    }

    /// <summary>A failed video's error: guests get the code (why the video is unavailable), not the owner's details.</summary>
    private static VideoErrorDto? Error(string? code, string? message, string? shareToken) => code switch
    {
        null => null,
        _ when shareToken is not null => new VideoErrorDto(code, "This video could not be processed."),
        _ => new VideoErrorDto(code, message ?? string.Empty),
    };

    /// <summary>The owner's view of the group, with the share link when one exists.</summary>
    public async Task<GroupDto> ToDtoAsync(VideoGroup group, CancellationToken cancellationToken)
    {
        var videos = await MemberVideosAsync(group, shareToken: null, cancellationToken);
        GroupShareDto? share = null;
        if (group is { ShareTokenCiphertext: { } ciphertext, SharedAt: { } sharedAt })
        {
            var token = secrets.Unprotect(ciphertext, SecretContext.GroupShareToken(group.Id));
            share = new GroupShareDto(token, GroupAccess.ShareUrl(app.Value, token), sharedAt);
        }
        return new GroupDto(group.Id, group.Name, group.Description, videos, share, group.CreatedAt, group.UpdatedAt);
    }
}

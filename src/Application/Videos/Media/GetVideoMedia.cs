using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Videos.Media;

public enum MediaKind
{
    Original = 1,
    Thumbnail = 2,
}

public sealed record MediaResult(MediaLocation Location, string ContentType, string DownloadName);

/// <summary>Authorizes first (owner or token with read scope), and only then looks at the file.</summary>
public sealed record GetVideoMediaQuery(Guid VideoId, MediaKind Kind) : IQuery<MediaResult>;

internal sealed class GetVideoMediaHandler(IAppDbContext db, ICurrentUser caller, IVideoStorage storage) : IRequestHandler<GetVideoMediaQuery, MediaResult>
{
    public async Task<MediaResult> Handle(GetVideoMediaQuery request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        var video = await db.Videos.AsNoTracking()
            .Where(v => v.Id == request.VideoId && v.OwnerId == userId)
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("video");
        return await storage.LocateAsync(video, request.Kind, cancellationToken);
    }
}

public static class MediaLocator
{
    /// <summary>Where a video's file or thumbnail is served from. Call only after the caller was authorized for the video.</summary>
    public static async Task<MediaResult> LocateAsync(this IVideoStorage storage, Domain.Videos.Video video, MediaKind kind, CancellationToken cancellationToken)
    {
        var (key, contentType, name) = kind == MediaKind.Thumbnail
            ? (video.ThumbnailKey ?? throw new NotFoundException("thumbnail", "This video has no thumbnail yet."), "image/jpeg", "thumbnail.jpg")
            : (video.StorageKey, video.ContentType, video.OriginalFileName);
        return new MediaResult(await storage.GetMediaLocationAsync(key, contentType, cancellationToken), contentType, name);
    }
}

using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Groups.Common;
using AskVideo.Application.Videos.Media;
using MediatR;

namespace AskVideo.Application.Groups.Sharing;

/// <summary>A member video's file or thumbnail for a guest: the token and the membership are checked before the file.</summary>
public sealed record GetSharedVideoMediaQuery(string ShareToken, Guid VideoId, MediaKind Kind) : IQuery<MediaResult>, IAllowAnonymous;

internal sealed class GetSharedVideoMediaHandler(IAppDbContext db, IVideoStorage storage, GuestThrottle throttle) : IRequestHandler<GetSharedVideoMediaQuery, MediaResult>
{
    public async Task<MediaResult> Handle(GetSharedVideoMediaQuery request, CancellationToken cancellationToken)
    {
        await throttle.EnforceAsync(request.ShareToken, cancellationToken);
        var video = await db.FindSharedVideoAsync(request.ShareToken, request.VideoId, cancellationToken);
        return await storage.LocateAsync(video, request.Kind, cancellationToken);
    }
}

using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Groups.Common;
using AskVideo.Application.Videos.Transcripts;
using MediatR;

namespace AskVideo.Application.Groups.Sharing;

/// <summary>A member video's transcript for a guest, exactly as the owner's (segments and scenes).</summary>
public sealed record GetSharedTranscriptQuery(string ShareToken, Guid VideoId) : IQuery<TranscriptDto>, IAllowAnonymous;

internal sealed class GetSharedTranscriptHandler(IAppDbContext db, GuestThrottle throttle) : IRequestHandler<GetSharedTranscriptQuery, TranscriptDto>
{
    public async Task<TranscriptDto> Handle(GetSharedTranscriptQuery request, CancellationToken cancellationToken)
    {
        await throttle.EnforceAsync(request.ShareToken, cancellationToken);
        var video = await db.FindSharedVideoAsync(request.ShareToken, request.VideoId, cancellationToken);
        return await db.ReadTranscriptAsync(video, cancellationToken);
    }
}

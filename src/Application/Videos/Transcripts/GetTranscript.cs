using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Videos.Transcripts;

public sealed record GetTranscriptQuery(Guid VideoId) : IQuery<TranscriptDto>;

internal sealed class GetTranscriptHandler(IAppDbContext db, ICurrentUser caller) : IRequestHandler<GetTranscriptQuery, TranscriptDto>
{
    public async Task<TranscriptDto> Handle(GetTranscriptQuery request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        var video = await db.Videos.AsNoTracking()
            .Where(v => v.Id == request.VideoId && v.OwnerId == userId)
            .Select(v => new { v.Id, v.Language, v.TranscriptSource })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("video");
        var segments = await db.TranscriptSegments.AsNoTracking().Where(s => s.VideoId == video.Id).OrderBy(s => s.Index)
            .Select(s => new TranscriptSegmentDto(s.Index, s.StartMs, s.EndMs, s.Text)).ToListAsync(cancellationToken);
        var scenes = await db.Scenes.AsNoTracking().Where(s => s.VideoId == video.Id).OrderBy(s => s.Index)
            .Select(s => new SceneDto(s.Id, s.Index, s.StartMs, s.EndMs, s.Text, s.TokenCount)).ToListAsync(cancellationToken);
        return new TranscriptDto(video.Id, video.Language, segments.Count == 0 ? null : video.TranscriptSource, segments, scenes);
    }
}

using AskVideo.Application.Common.Models;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Videos.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Videos.Transcripts;

public sealed record GetTranscriptQuery(Guid VideoId) : IQuery<TranscriptDto>;

internal sealed class GetTranscriptHandler(IAppDbContext db, ICurrentUser caller) : IRequestHandler<GetTranscriptQuery, TranscriptDto>
{
    public async Task<TranscriptDto> Handle(GetTranscriptQuery request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        var video = await db.ReadOwnedAsync(request.VideoId, userId, cancellationToken);
        return await db.ReadTranscriptAsync(video, cancellationToken);
    }
}

public static class TranscriptReader
{
    /// <summary>The video's segments and scenes. Call only after the caller was authorized for the video.</summary>
    public static async Task<TranscriptDto> ReadTranscriptAsync(this IAppDbContext db, Domain.Videos.Video video, CancellationToken cancellationToken)
    {
        var segments = await db.TranscriptSegments.AsNoTracking().Where(s => s.VideoId == video.Id).OrderBy(s => s.Index)
            .Select(s => new TranscriptSegmentDto(s.Index, s.StartMs, s.EndMs, s.Text)).ToListAsync(cancellationToken);
        var scenes = await db.Scenes.AsNoTracking().Where(s => s.VideoId == video.Id).OrderBy(s => s.Index)
            .Select(s => new SceneDto(s.Id, s.Index, s.StartMs, s.EndMs, s.Text, s.TokenCount)).ToListAsync(cancellationToken);
        return new TranscriptDto(video.Id, video.Language, segments.Count == 0 ? null : video.TranscriptSource, segments, scenes);
    }

    /// <summary>The transcript as a subtitle file ("vtt" or "srt"). Call only after the caller was authorized for the video.</summary>
    public static async Task<DownloadFile> ExportTranscriptAsync(this IAppDbContext db, Domain.Videos.Video video, string format, CancellationToken cancellationToken)
    {
        var lines = await db.TranscriptSegments.AsNoTracking().Where(s => s.VideoId == video.Id).OrderBy(s => s.Index)
            .Select(s => new Domain.Transcripts.TranscriptLine(s.StartMs, s.EndMs, s.Text)).ToListAsync(cancellationToken);
        if (lines.Count == 0) throw new NotFoundException("transcript", "This video has no transcript yet: it appears when processing finishes.");
        var name = Common.DownloadNames.From(video.Title, "transcript");
        return format == "srt"
            ? new DownloadFile(Subtitles.ToSrt(lines), "application/x-subrip; charset=utf-8", name + ".srt")
            : new DownloadFile(Subtitles.ToVtt(lines), "text/vtt; charset=utf-8", name + ".vtt");
    }
}

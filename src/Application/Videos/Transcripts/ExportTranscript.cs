using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Videos.Common;
using AskVideo.Domain.Transcripts;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Videos.Transcripts;

/// <summary>The transcript as a subtitle file: "vtt" (also the player's captions track) or "srt".</summary>
public sealed record ExportTranscriptQuery(Guid VideoId, string Format) : IQuery<TranscriptFile>;

internal sealed class ExportTranscriptValidator : AbstractValidator<ExportTranscriptQuery>
{
    public ExportTranscriptValidator()
    {
        RuleFor(q => q.Format).Must(f => f is "vtt" or "srt").WithMessage("format must be json, vtt or srt.");
    }
}

internal sealed class ExportTranscriptHandler(IAppDbContext db, ICurrentUser caller) : IRequestHandler<ExportTranscriptQuery, TranscriptFile>
{
    public async Task<TranscriptFile> Handle(ExportTranscriptQuery request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        var title = await db.Videos.AsNoTracking().Where(v => v.Id == request.VideoId && v.OwnerId == userId).Select(v => v.Title)
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("video");
        var lines = await db.TranscriptSegments.AsNoTracking().Where(s => s.VideoId == request.VideoId).OrderBy(s => s.Index)
            .Select(s => new TranscriptLine(s.StartMs, s.EndMs, s.Text)).ToListAsync(cancellationToken);
        if (lines.Count == 0) throw new NotFoundException("transcript", "This video has no transcript yet: it appears when processing finishes.");
        var name = DownloadNames.From(title, "transcript");
        return request.Format == "srt"
            ? new TranscriptFile(Subtitles.ToSrt(lines), "application/x-subrip; charset=utf-8", name + ".srt")
            : new TranscriptFile(Subtitles.ToVtt(lines), "text/vtt; charset=utf-8", name + ".vtt");
    }
}

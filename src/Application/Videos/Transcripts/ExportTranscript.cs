using AskVideo.Application.Common.Models;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Videos.Transcripts;

/// <summary>The transcript as a subtitle file: "vtt" (also the player's captions track) or "srt".</summary>
public sealed record ExportTranscriptQuery(Guid VideoId, string Format) : IQuery<DownloadFile>;

internal sealed class ExportTranscriptValidator : AbstractValidator<ExportTranscriptQuery>
{
    public ExportTranscriptValidator()
    {
        RuleFor(q => q.Format).Must(f => f is "vtt" or "srt").WithMessage("format must be json, vtt or srt.");
    }
}

internal sealed class ExportTranscriptHandler(IAppDbContext db, ICurrentUser caller) : IRequestHandler<ExportTranscriptQuery, DownloadFile>
{
    public async Task<DownloadFile> Handle(ExportTranscriptQuery request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        var video = await db.Videos.AsNoTracking().SingleOrDefaultAsync(v => v.Id == request.VideoId && v.OwnerId == userId, cancellationToken)
            ?? throw new NotFoundException("video");
        return await db.ExportTranscriptAsync(video, request.Format, cancellationToken);
    }
}

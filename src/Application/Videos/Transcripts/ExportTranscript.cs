using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Common.Models;
using AskVideo.Application.Common.Validation;
using AskVideo.Application.Videos.Common;
using FluentValidation;
using MediatR;

namespace AskVideo.Application.Videos.Transcripts;

/// <summary>The transcript as a subtitle file: "vtt" (also the player's captions track) or "srt".</summary>
public sealed record ExportTranscriptQuery(Guid VideoId, string Format) : IQuery<DownloadFile>;

internal sealed class ExportTranscriptValidator : AbstractValidator<ExportTranscriptQuery>
{
    public ExportTranscriptValidator()
    {
        RuleFor(q => q.Format).Must(f => f is "vtt" or "srt").WithMessage("format must be json, vtt or srt.").WithFieldCode(FieldErrorCode.InvalidChoice, ("allowed", "json, vtt, srt"));
    }
}

internal sealed class ExportTranscriptHandler(IAppDbContext db, ICurrentUser caller) : IRequestHandler<ExportTranscriptQuery, DownloadFile>
{
    public async Task<DownloadFile> Handle(ExportTranscriptQuery request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        var video = await db.ReadOwnedAsync(request.VideoId, userId, cancellationToken);
        return await db.ExportTranscriptAsync(video, request.Format, cancellationToken);
    }
}

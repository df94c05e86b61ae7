using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Common.Models;
using AskVideo.Application.Common.Validation;
using AskVideo.Application.Groups.Common;
using AskVideo.Application.Videos.Transcripts;
using FluentValidation;
using MediatR;

namespace AskVideo.Application.Groups.Sharing;

/// <summary>A member video's transcript for a guest as WebVTT (the captions track) or SRT.</summary>
public sealed record ExportSharedTranscriptQuery(string ShareToken, Guid VideoId, string Format) : IQuery<DownloadFile>, IAllowAnonymous;

internal sealed class ExportSharedTranscriptValidator : AbstractValidator<ExportSharedTranscriptQuery>
{
    public ExportSharedTranscriptValidator()
    {
        RuleFor(q => q.Format).Must(f => f is "vtt" or "srt").WithMessage("format must be json, vtt or srt.").WithFieldCode(FieldErrorCode.InvalidChoice, ("allowed", "json, vtt, srt"));
    }
}

internal sealed class ExportSharedTranscriptHandler(IAppDbContext db, GuestThrottle throttle) : IRequestHandler<ExportSharedTranscriptQuery, DownloadFile>
{
    public async Task<DownloadFile> Handle(ExportSharedTranscriptQuery request, CancellationToken cancellationToken)
    {
        await throttle.EnforceAsync(request.ShareToken, cancellationToken);
        var video = await db.FindSharedVideoAsync(request.ShareToken, request.VideoId, cancellationToken);
        return await db.ExportTranscriptAsync(video, request.Format, cancellationToken);
    }
}

using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Common.Validation;
using AskVideo.Application.Videos.Common;
using AskVideo.Application.Videos.Processing;
using AskVideo.Domain.Common;
using AskVideo.Domain.Transcripts;
using AskVideo.Domain.Videos;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Videos.Transcripts;

/// <summary>
/// The owner's corrected transcript, as subtitle text (SRT or WebVTT) or as timed segments. It becomes the video's
/// subtitles and the video is split and indexed again (202, status queued).
/// </summary>
public sealed record ReplaceTranscriptCommand(Guid VideoId, string? SubtitleText, IReadOnlyList<TranscriptLine>? Segments) : ICommand<VideoDto>
{
    public const int MaxBytes = 2 * 1024 * 1024;
}

internal sealed class ReplaceTranscriptValidator : AbstractValidator<ReplaceTranscriptCommand>
{
    public ReplaceTranscriptValidator()
    {
        RuleFor(c => c).Must(c => (c.SubtitleText is null) != (c.Segments is null))
            .WithName("body").WithMessage("Send the transcript either as SRT/WebVTT text or as JSON segments.")
            .WithFieldCode(FieldErrorCode.InvalidBody);
        RuleFor(c => c.Segments).Must(s => s is null || s.Count <= 100_000).WithMessage("At most 100,000 segments.")
            .WithFieldCode(FieldErrorCode.TooMany, ("max", 100_000));
        RuleForEach(c => c.Segments).ChildRules(segment =>
        {
            segment.RuleFor(s => s.StartMs).GreaterThanOrEqualTo(0);
            segment.RuleFor(s => s.EndMs).GreaterThanOrEqualTo(s => s.StartMs).WithMessage("endMs must not be before startMs.");
            segment.RuleFor(s => s.Text).NotNull().MaximumLength(10_000);
        });
    }
}

internal sealed class ReplaceTranscriptHandler(IAppDbContext db, ICurrentUser caller, IVideoStorage storage, IJobQueue jobs, IVideoEvents events, IMediaLinks links, TimeProvider time)
    : IRequestHandler<ReplaceTranscriptCommand, VideoDto>
{
    public async Task<VideoDto> Handle(ReplaceTranscriptCommand request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        var lines = Parse(request);
        var video = await db.FindOwnedAsync(request.VideoId, userId, cancellationToken);
        if (video.Status is VideoStatus.Queued or VideoStatus.Processing)
            throw new ConflictException(ErrorCode.AlreadyProcessing, "This video is being processed. Edit the transcript when processing has finished.");

        var previousKey = video.SubtitlesKey;
        var key = StorageKeys.EditedSubtitles(userId, video.Id, Ids.New());
        using (var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Subtitles.ToVtt(lines)), writable: false))
            await storage.SaveAsync(key, content, "text/vtt", null, cancellationToken);
        try
        {
            video.ReplaceTranscript(key, time.GetUtcNow());
            jobs.Enqueue(new ProcessVideoJob(video.Id));
            if (previousKey is not null && previousKey != key) jobs.Enqueue(new DeleteReplacedSubtitlesJob(userId, video.Id, previousKey));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await storage.DeleteAsync(key, CancellationToken.None);
            throw new ConflictException(ErrorCode.AlreadyProcessing, "This video changed while you were editing. Reload it and try again.");
        }
        catch
        {
            await storage.DeleteAsync(key, CancellationToken.None);
            throw;
        }

        await events.PublishAsync(video, cancellationToken);
        return await db.ToDtoAsync(video, links, cancellationToken);
    }

    private static IReadOnlyList<TranscriptLine> Parse(ReplaceTranscriptCommand request)
    {
        try
        {
            return request.SubtitleText is not null ? Subtitles.Parse(request.SubtitleText) : TranscriptLine.Normalize(request.Segments!);
        }
        catch (SubtitleFormatException ex)
        {
            throw ValidationFailedException.For("body", FieldErrorCode.InvalidSubtitles, ex.Message);
        }
        catch (DomainException ex)
        {
            throw ValidationFailedException.For("body", ex.Code == ErrorCode.EmptyTranscript ? FieldErrorCode.EmptyTranscript : FieldErrorCode.InvalidBody, ex.Message);
        }
    }
}

using System.Text;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Common.Options;
using AskVideo.Application.Common.Validation;
using AskVideo.Domain.Common;
using AskVideo.Domain.Videos;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AskVideo.Application.Videos.Upload;

/// <summary>
/// Announces an upload: the file's name and exact size with the video's fields (and its subtitles' text, if any).
/// Every check that does not need the bytes happens here, before a byte is sent; the bytes then go in one
/// <see cref="CompleteUploadCommand"/> within <see cref="Lifetime"/>.
/// </summary>
public sealed record CreateUploadCommand(
    string FileName,
    long SizeBytes,
    string? Title,
    string? Description,
    string? Language,
    string? GroupId,
    IReadOnlyList<string>? Tags,
    string? SubtitlesFileName,
    string? Subtitles) : ICommand<UploadSessionDto>, IUploadFieldValues
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    IReadOnlyList<string> IUploadFieldValues.Tags => Tags ?? [];
}

/// <summary>An announced upload: where its bytes go (<c>PUT /videos/uploads/{id}</c>), how many, and until when.</summary>
public sealed record UploadSessionDto(Guid Id, long SizeBytes, DateTimeOffset ExpiresAt);

internal sealed class CreateUploadValidator : UploadFieldRules<CreateUploadCommand>
{
    public CreateUploadValidator()
    {
        RuleFor(c => c.FileName).NotEmpty().MaximumLength(Video.MaxFileNameLength);
        RuleFor(c => c.SizeBytes).GreaterThan(0).WithMessage("The file is empty.").WithFieldCode(FieldErrorCode.Empty);
        RuleForEach(c => c.Tags).NotEmpty().OverridePropertyName("tags");
        RuleFor(c => c.SubtitlesFileName).NotEmpty().When(c => c.Subtitles is not null).WithMessage("Name the subtitles file (.srt or .vtt).");
        RuleFor(c => c.SubtitlesFileName).Must(IsSubtitlesName).WithMessage(SubtitlesMessage).WithFieldCode(FieldErrorCode.InvalidFileType, ("allowed", SubtitleTypes));
        RuleFor(c => c.Subtitles).NotEmpty().When(c => c.SubtitlesFileName is not null).WithMessage("The subtitles are empty.");
        RuleFor(c => c.Subtitles).Must(s => s is null || Encoding.UTF8.GetByteCount(s) <= UploadLimits.MaxSubtitleBytes)
            .WithMessage($"Subtitles may be at most {UploadLimits.MaxSubtitleBytes / 1024 / 1024} MiB.")
            .WithFieldCode(FieldErrorCode.TooLarge, ("maxBytes", UploadLimits.MaxSubtitleBytes));
    }
}

internal sealed class CreateUploadHandler(
    IAppDbContext db,
    ICurrentUser caller,
    IPendingUploads pending,
    VideoIngest ingest,
    IOptions<AppOptions> app,
    TimeProvider time) : IRequestHandler<CreateUploadCommand, UploadSessionDto>
{
    public async Task<UploadSessionDto> Handle(CreateUploadCommand request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        var user = await ingest.EnsureCanAddAsync(userId, cancellationToken);
        var maxBytes = user.MaxUploadBytes ?? app.Value.MaxUploadBytes;
        if (request.SizeBytes > maxBytes) throw new PayloadTooLargeException(maxBytes);
        if (request.GroupId is not null && !await db.Groups.AnyAsync(g => g.Id == Guid.Parse(request.GroupId) && g.OwnerId == userId, cancellationToken))
            throw new NotFoundException("group");

        var fields = new UploadFields(Trimmed(request.Title), Trimmed(request.Description), Trimmed(request.Language), request.GroupId,
            (request.Tags ?? []).Select(t => t.Trim()).ToList());
        var upload = new PendingUpload(Ids.New(), userId, UploadFileName.Clean(request.FileName)!, request.SizeBytes, fields,
            UploadFileName.Clean(request.SubtitlesFileName), request.Subtitles, time.GetUtcNow() + CreateUploadCommand.Lifetime);
        await pending.SaveAsync(upload, cancellationToken);
        return new UploadSessionDto(upload.Id, upload.SizeBytes, upload.ExpiresAt);
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

using System.Text;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Common.Options;
using AskVideo.Application.Videos.Common;
using AskVideo.Domain.Common;
using AskVideo.Domain.Videos;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AskVideo.Application.Videos.Upload;

/// <summary>multipart/form-data: file (required), title, description, language, subtitles (.srt/.vtt), groupId, tags (repeatable).</summary>
public sealed record UploadVideoCommand(IUploadReader Parts, long? DeclaredLength) : ICommand<VideoDto>;

public sealed class UploadFields
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Language { get; set; }
    public string? GroupId { get; set; }
    public List<string> Tags { get; } = [];
    public string? FileName { get; set; }
    public string? SubtitlesFileName { get; set; }
}

internal sealed class UploadFieldsValidator : AbstractValidator<UploadFields>
{
    public UploadFieldsValidator()
    {
        RuleFor(f => f.FileName).NotNull().OverridePropertyName("file").WithMessage("Attach the video or audio file in the \"file\" field.");
        RuleFor(f => f.Title).MaximumLength(Video.MaxTitleLength);
        RuleFor(f => f.Description).MaximumLength(Video.MaxDescriptionLength);
        RuleFor(f => f.Language).Matches("^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})?$").When(f => !string.IsNullOrEmpty(f.Language))
            .WithMessage("Language must be a language code such as \"en\" or \"ja\".");
        RuleFor(f => f.GroupId).Must(g => g is null || Guid.TryParse(g, out _)).WithMessage("groupId must be a group id.");
        RuleFor(f => f.Tags).Must(t => t.Count <= 20).WithMessage("At most 20 tags.");
        RuleForEach(f => f.Tags).MaximumLength(Tag.MaxNameLength).OverridePropertyName("tags");
        RuleFor(f => f.SubtitlesFileName).Must(n => n is null || MediaTypes.SubtitleExtension(n).Length > 0)
            .OverridePropertyName("subtitles").WithMessage("Subtitles must be an .srt or .vtt file.");
    }
}

/// <summary>
/// Checks the limits before reading a byte, streams the file to storage (aborting past the size limit), lets
/// ffprobe decide whether it is really audio/video, then writes the video and its processing job in one
/// transaction. Whatever fails, the files written so far are removed.
/// </summary>
internal sealed class UploadVideoHandler(
    IAppDbContext db,
    ICurrentUser caller,
    IVideoStorage storage,
    IMediaProbe probe,
    VideoIngest ingest,
    IOptions<AppOptions> app,
    IMediaLinks links,
    ILogger<UploadVideoHandler> logger) : IRequestHandler<UploadVideoCommand, VideoDto>
{
    private const int MaxFieldBytes = 16 * 1024;
    private const long MaxSubtitleBytes = 5 * 1024 * 1024;
    private const long MultipartOverheadBytes = 1024 * 1024;

    public async Task<VideoDto> Handle(UploadVideoCommand request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        var user = await ingest.EnsureCanAddAsync(userId, cancellationToken);
        var maxBytes = user.MaxUploadBytes ?? app.Value.MaxUploadBytes;
        if (request.DeclaredLength > maxBytes + MultipartOverheadBytes) throw new PayloadTooLargeException(maxBytes);

        var videoId = Ids.New();
        var fields = new UploadFields();
        string? videoKey = null, subtitlesKey = null;
        long size = 0;
        try
        {
            while (await request.Parts.ReadNextAsync(cancellationToken) is { } part)
            {
                switch (part.Name)
                {
                    case "file" when part.FileName is not null && videoKey is null:
                        fields.FileName = part.FileName;
                        videoKey = StorageKeys.Original(userId, videoId, MediaTypes.SafeExtension(part.FileName));
                        size = await storage.SaveAsync(videoKey, part.Body, "application/octet-stream", maxBytes, cancellationToken);
                        break;
                    case "subtitles" when part.FileName is not null && subtitlesKey is null:
                        fields.SubtitlesFileName = part.FileName;
                        var extension = MediaTypes.SubtitleExtension(part.FileName);
                        if (extension.Length == 0) break;
                        subtitlesKey = StorageKeys.Subtitles(userId, videoId, extension);
                        await storage.SaveAsync(subtitlesKey, part.Body, "text/plain", MaxSubtitleBytes, cancellationToken);
                        break;
                    case "title": fields.Title = await ReadFieldAsync(part, cancellationToken); break;
                    case "description": fields.Description = await ReadFieldAsync(part, cancellationToken); break;
                    case "language": fields.Language = await ReadFieldAsync(part, cancellationToken); break;
                    case "groupId": fields.GroupId = NullIfEmpty(await ReadFieldAsync(part, cancellationToken)); break;
                    case "tags" or "tags[]":
                        fields.Tags.AddRange((await ReadFieldAsync(part, cancellationToken)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                        break;
                    default:
                        // Unknown parts are read to the end and ignored.
                        await part.Body.CopyToAsync(Stream.Null, cancellationToken);
                        break;
                }
            }

            var validation = await new UploadFieldsValidator().ValidateAsync(fields, cancellationToken);
            if (!validation.IsValid)
                throw new ValidationFailedException(validation.Errors.GroupBy(e => char.ToLowerInvariant(e.PropertyName[0]) + e.PropertyName[1..])
                    .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()));
            if (size == 0) throw new UnprocessableException("empty_file", "The file is empty.");

            var facts = await probe.ProbeAsync(await storage.GetProbeInputAsync(videoKey!, cancellationToken), cancellationToken);
            var video = await ingest.SaveAsync(new NewVideo(userId, videoId, fields, videoKey!, subtitlesKey, size, facts), cancellationToken);
            logger.LogInformation("Video {VideoId} uploaded ({SizeBytes} bytes, {Format})", video.Id, size, facts.FormatName);
            return await db.ToDtoAsync(video, links, cancellationToken);
        }
        catch
        {
            await storage.DeletePrefixAsync(StorageKeys.VideoPrefix(userId, videoId), CancellationToken.None);
            throw;
        }
    }

    private static async Task<string> ReadFieldAsync(UploadPart part, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxFieldBytes + 1];
        var total = 0;
        int read;
        while ((read = await part.Body.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
            if (total > MaxFieldBytes) throw ValidationFailedException.For(part.Name, "This field is too long.");
        }
        var text = Encoding.UTF8.GetString(buffer, 0, total).Trim();
        if (text.Contains('\0', StringComparison.Ordinal)) throw ValidationFailedException.For(part.Name, "Text must not contain NUL characters.");
        return text;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}

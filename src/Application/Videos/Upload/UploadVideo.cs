using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Common.Options;
using AskVideo.Application.Common.Validation;
using AskVideo.Application.Videos.Common;
using AskVideo.Domain.Common;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AskVideo.Application.Videos.Upload;

/// <summary>A media file (required) with optional subtitles (.srt/.vtt) and fields, received by the host as a form.</summary>
public sealed record UploadVideoCommand(IUploadForm Form) : ICommand<VideoDto>;

/// <summary>What arrived: the fields and the names of the files that came with them.</summary>
internal sealed record ReceivedUpload(UploadFields Fields, string? FileName, string? SubtitlesFileName) : IUploadFieldValues
{
    public string? Title => Fields.Title;
    public string? Description => Fields.Description;
    public string? Language => Fields.Language;
    public string? GroupId => Fields.GroupId;
    public IReadOnlyList<string> Tags => Fields.Tags;
}

internal sealed class ReceivedUploadValidator : UploadFieldRules<ReceivedUpload>
{
    public ReceivedUploadValidator()
    {
        RuleFor(f => f.FileName).NotNull().OverridePropertyName("file").WithMessage("Attach the video or audio file in the \"file\" field.");
        RuleFor(f => f.SubtitlesFileName).Must(IsSubtitlesName).OverridePropertyName("subtitles").WithMessage(SubtitlesMessage)
            .WithFieldCode(FieldErrorCode.InvalidFileType, ("allowed", SubtitleTypes));
    }
}

/// <summary>
/// Checks the limits before reading a byte, streams the file to storage (aborting past the size limit), lets
/// ffprobe decide whether it is really audio/video, then writes the video and its processing job in one
/// transaction. A failure before that commit removes the files written so far.
/// </summary>
internal sealed class UploadVideoHandler(
    IAppDbContext db,
    ICurrentUser caller,
    IVideoStorage storage,
    VideoIngest ingest,
    IOptions<AppOptions> app,
    IMediaLinks links,
    ILogger<UploadVideoHandler> logger) : IRequestHandler<UploadVideoCommand, VideoDto>
{
    public async Task<VideoDto> Handle(UploadVideoCommand request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        var user = await ingest.EnsureCanAddAsync(userId, cancellationToken);
        var maxBytes = user.MaxUploadBytes ?? app.Value.MaxUploadBytes;
        if (request.Form.DeclaredLength > maxBytes + UploadLimits.MultipartOverheadBytes) throw new PayloadTooLargeException(maxBytes);

        var videoId = Ids.New();
        var video = await ingest.AddAsync(userId, videoId, async ct =>
        {
            string? fileName = null, videoKey = null, subtitlesFileName = null, subtitlesKey = null;
            long size = 0;
            var fields = await request.Form.ReadAsync(async (file, token) =>
            {
                if (file.Role == UploadFileRole.Media)
                {
                    fileName = file.FileName;
                    videoKey = StorageKeys.Original(userId, videoId, MediaTypes.SafeExtension(file.FileName));
                    size = await storage.SaveAsync(videoKey, file.Content, "application/octet-stream", maxBytes, token);
                    return;
                }
                subtitlesFileName = file.FileName;
                var extension = MediaTypes.SubtitleExtension(file.FileName);
                if (extension.Length == 0) return; // refused below, with the other fields' errors
                subtitlesKey = StorageKeys.Subtitles(userId, videoId, extension);
                await storage.SaveAsync(subtitlesKey, file.Content, "text/plain", UploadLimits.MaxSubtitleBytes, token);
            }, ct);

            var validation = await new ReceivedUploadValidator().ValidateAsync(new ReceivedUpload(fields, fileName, subtitlesFileName), ct);
            if (!validation.IsValid)
                throw FieldErrors.ToException(validation.Errors);
            if (size == 0) throw new UnprocessableException(ErrorCode.EmptyFile, "The file is empty.");
            return new NewVideo(userId, videoId, fields, fileName!, videoKey!, subtitlesKey, size, await ingest.ProbeAsync(videoKey!, ct));
        }, cancellationToken);
        logger.LogInformation("Video {VideoId} uploaded ({SizeBytes} bytes)", video.Id, video.SizeBytes);
        return await db.ToDtoAsync(video, links, cancellationToken);
    }
}

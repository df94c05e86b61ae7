using System.Text;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Videos.Common;
using AskVideo.Domain.Common;
using MediatR;
using Microsoft.Extensions.Logging;

namespace AskVideo.Application.Videos.Upload;

/// <summary>
/// The bytes of an announced upload (<see cref="CreateUploadCommand"/>), all of them in one body of the announced
/// length: streamed, or already on local disk when the proxy wrote the body itself (the fast path, SPEC §8).
/// </summary>
public sealed record CompleteUploadCommand(Guid Id, UploadBody Body, long? Length) : ICommand<VideoDto>;

/// <summary>
/// Takes the announced upload (so it completes once), moves the file into storage, writes the subtitles that came
/// with the announcement, lets ffprobe check the file and commits the video with its processing job. A failure
/// before that commit removes the files.
/// </summary>
internal sealed class CompleteUploadHandler(
    IAppDbContext db,
    ICurrentUser caller,
    IPendingUploads pending,
    IVideoStorage storage,
    VideoIngest ingest,
    IMediaLinks links,
    ILogger<CompleteUploadHandler> logger) : IRequestHandler<CompleteUploadCommand, VideoDto>
{
    public async Task<VideoDto> Handle(CompleteUploadCommand request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        await CheckUploadHandler.FindAsync(pending, userId, request.Id, request.Length, cancellationToken);
        await ingest.EnsureCanAddAsync(userId, cancellationToken);
        var upload = await pending.TakeAsync(request.Id, cancellationToken)
            ?? throw new NotFoundException("upload", "This upload was just sent by another request.");

        var videoId = Ids.New();
        var video = await ingest.AddAsync(userId, videoId, async ct =>
        {
            var videoKey = StorageKeys.Original(userId, videoId, MediaTypes.SafeExtension(upload.FileName));
            var size = request.Body switch
            {
                UploadBody.OnDisk file => await storage.ImportFileAsync(videoKey, file.Path, "application/octet-stream", ct),
                UploadBody.Streamed body => await storage.SaveAsync(videoKey, body.Content, "application/octet-stream", upload.SizeBytes, ct),
                _ => throw new InvalidOperationException("Unknown upload body."),
            };
            if (size != upload.SizeBytes)
                throw new UnprocessableException(ErrorCode.UploadSizeMismatch, $"The upload ended after {size} of the {upload.SizeBytes} bytes announced.");
            string? subtitlesKey = null;
            if (upload.Subtitles is not null)
            {
                subtitlesKey = StorageKeys.Subtitles(userId, videoId, MediaTypes.SubtitleExtension(upload.SubtitlesFileName));
                using var subtitles = new MemoryStream(Encoding.UTF8.GetBytes(upload.Subtitles), writable: false);
                await storage.SaveAsync(subtitlesKey, subtitles, "text/plain", UploadLimits.MaxSubtitleBytes, ct);
            }
            return new NewVideo(userId, videoId, upload.Fields, upload.FileName, videoKey, subtitlesKey, size, await ingest.ProbeAsync(videoKey, ct));
        }, cancellationToken);
        logger.LogInformation("Video {VideoId} uploaded ({SizeBytes} bytes, {How})", video.Id, video.SizeBytes, request.Body is UploadBody.OnDisk ? "handed over by the proxy" : "streamed");
        return await db.ToDtoAsync(video, links, cancellationToken);
    }
}

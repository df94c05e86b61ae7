using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Videos.Common;
using AskVideo.Domain.Common;
using MediatR;

namespace AskVideo.Application.Videos.Upload;

/// <summary>Adds the sample clip to the caller's library, so a fresh install shows the whole flow without an AI key.</summary>
public sealed record AddSampleVideoCommand : ICommand<VideoDto>;

internal sealed class AddSampleVideoHandler(
    IAppDbContext db,
    ICurrentUser caller,
    IVideoStorage storage,
    ISampleClipProvider samples,
    VideoIngest ingest,
    IMediaLinks links) : IRequestHandler<AddSampleVideoCommand, VideoDto>
{
    public async Task<VideoDto> Handle(AddSampleVideoCommand request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        await ingest.EnsureCanAddAsync(userId, cancellationToken);
        var clip = await samples.GetAsync(cancellationToken);
        var videoId = Ids.New();
        var video = await ingest.AddAsync(userId, videoId, async ct =>
        {
            var videoKey = StorageKeys.Original(userId, videoId, ".mp4");
            var subtitlesKey = StorageKeys.Subtitles(userId, videoId, ".vtt");
            long size;
            await using (var file = File.OpenRead(clip.VideoPath)) size = await storage.SaveAsync(videoKey, file, "video/mp4", null, ct);
            await using (var vtt = File.OpenRead(clip.SubtitlesPath)) await storage.SaveAsync(subtitlesKey, vtt, "text/vtt", null, ct);
            var fields = new UploadFields(clip.Title, clip.Description, clip.Language, null, ["sample"]);
            return new NewVideo(userId, videoId, fields, "askvideo-sample.mp4", videoKey, subtitlesKey, size, await ingest.ProbeAsync(videoKey, ct));
        }, cancellationToken);
        return await db.ToDtoAsync(video, links, cancellationToken);
    }
}

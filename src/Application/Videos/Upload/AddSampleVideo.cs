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
    IMediaProbe probe,
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
        var videoKey = StorageKeys.Original(userId, videoId, ".mp4");
        var subtitlesKey = StorageKeys.Subtitles(userId, videoId, ".vtt");
        try
        {
            long size;
            await using (var video = File.OpenRead(clip.VideoPath)) size = await storage.SaveAsync(videoKey, video, "video/mp4", null, cancellationToken);
            await using (var vtt = File.OpenRead(clip.SubtitlesPath)) await storage.SaveAsync(subtitlesKey, vtt, "text/vtt", null, cancellationToken);
            var facts = await probe.ProbeAsync(await storage.GetProbeInputAsync(videoKey, cancellationToken), cancellationToken);
            var fields = new UploadFields { Title = clip.Title, Description = clip.Description, Language = clip.Language, FileName = "askvideo-sample.mp4" };
            fields.Tags.Add("sample");
            var saved = await ingest.SaveAsync(new NewVideo(userId, videoId, fields, videoKey, subtitlesKey, size, facts), cancellationToken);
            return await db.ToDtoAsync(saved, links, cancellationToken);
        }
        catch
        {
            await storage.DeletePrefixAsync(StorageKeys.VideoPrefix(userId, videoId), CancellationToken.None);
            throw;
        }
    }
}

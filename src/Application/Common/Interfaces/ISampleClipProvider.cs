namespace AskVideo.Application.Common.Interfaces;

/// <summary>The built-in spoken sample: a local video with an embedded subtitle track and the same subtitles as WebVTT.</summary>
public sealed record SampleClip(string VideoPath, string SubtitlesPath, string Title, string Description, string Language);

/// <summary>Provides the sample clip, generated on this server (espeak-ng + ffmpeg) the first time it is needed.</summary>
public interface ISampleClipProvider
{
    Task<SampleClip> GetAsync(CancellationToken cancellationToken);
}

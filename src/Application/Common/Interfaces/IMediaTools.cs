namespace AskVideo.Application.Common.Interfaces;

/// <summary>ffmpeg operations of the processing pipeline. Inputs are paths or URLs from <see cref="IVideoStorage.GetProbeInputAsync"/>.</summary>
public interface IMediaTools
{
    /// <summary>The subtitle stream at <paramref name="streamIndex"/> converted to WebVTT text.</summary>
    Task<string> ExtractSubtitlesAsync(string input, int streamIndex, CancellationToken cancellationToken);

    /// <summary>A JPEG frame at <paramref name="atSeconds"/> (at most 640 px wide), or null when the input has no picture.</summary>
    Task<byte[]?> ExtractThumbnailAsync(string input, double atSeconds, CancellationToken cancellationToken);
}

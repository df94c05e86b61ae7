using System.Globalization;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Domain.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AskVideo.Infrastructure.Media;

/// <summary>The pipeline's ffmpeg steps: an embedded subtitle track as WebVTT, and a thumbnail frame.</summary>
internal sealed class FfmpegMediaTools(FfmpegRunner runner, IOptions<MediaOptions> options, ILogger<FfmpegMediaTools> logger) : IMediaTools
{
    public async Task<string> ExtractSubtitlesAsync(string input, int streamIndex, CancellationToken cancellationToken)
    {
        var output = TempFile(".vtt");
        try
        {
            var result = await runner.TranscodeAsync([], input, ["-map", $"0:{streamIndex.ToString(CultureInfo.InvariantCulture)}", "-c:s", "webvtt", "-f", "webvtt", "-y", output],
                Timeout, cancellationToken, output);
            if (result.ExitCode != 0 || !File.Exists(output))
            {
                logger.LogWarning("Extracting subtitle stream {Stream} failed: {Error}", streamIndex, FirstLine(result.StandardError));
                throw new UnprocessableException(ErrorCode.InvalidSubtitles, "The subtitle track inside the video could not be read.");
            }
            return await File.ReadAllTextAsync(output, cancellationToken);
        }
        finally
        {
            File.Delete(output);
        }
    }

    public async Task<byte[]?> ExtractThumbnailAsync(string input, double atSeconds, CancellationToken cancellationToken)
    {
        var output = TempFile(".jpg");
        try
        {
            // Input-side seek: fast, decodes from the nearest keyframe only.
            var result = await runner.TranscodeAsync(["-ss", Math.Max(0, atSeconds).ToString("0.###", CultureInfo.InvariantCulture)], input,
                ["-map", "0:v:0", "-frames:v", "1", "-vf", "scale='min(640,iw)':-2", "-q:v", "4", "-f", "image2", "-y", output],
                Timeout, cancellationToken, output);
            if (result.ExitCode != 0 || !File.Exists(output) || new FileInfo(output).Length == 0)
            {
                logger.LogInformation("No thumbnail frame at {Seconds:0.0} s: {Error}", atSeconds, FirstLine(result.StandardError));
                return null;
            }
            return await File.ReadAllBytesAsync(output, cancellationToken);
        }
        finally
        {
            File.Delete(output);
        }
    }

    private TimeSpan Timeout => TimeSpan.FromSeconds(options.Value.TranscodeTimeoutSeconds);

    private static string TempFile(string extension)
    {
        var dir = Path.Combine(Path.GetTempPath(), "askvideo-media");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, Guid.NewGuid().ToString("N") + extension);
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0];
}

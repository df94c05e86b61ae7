using System.Globalization;
using System.Text.Json;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Domain.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AskVideo.Infrastructure.Media;

public sealed class MediaOptions
{
    public const string SectionName = "Media";

    public string FfprobePath { get; set; } = "ffprobe";
    public string FfmpegPath { get; set; } = "ffmpeg";
    public string EspeakPath { get; set; } = "espeak-ng";

    /// <summary>Where generated assets (the sample clip) are cached.</summary>
    public string CacheDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "askvideo-cache");

    [System.ComponentModel.DataAnnotations.Range(1, 3600)]
    public int ProbeTimeoutSeconds { get; set; } = 60;

    /// <summary>ffmpeg/ffprobe processes run at once by this process (each can use a core or more).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 64)]
    public int MaxConcurrentProcesses { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>Longest single ffmpeg step of the pipeline (subtitle extraction, a thumbnail, an audio chunk).</summary>
    [System.ComponentModel.DataAnnotations.Range(10, 86_400)]
    public int TranscodeTimeoutSeconds { get; set; } = 900;
}

/// <summary>
/// Decides with ffprobe whether a file is real audio or video: it must be readable by ffprobe and contain at least one
/// audio stream or a moving video stream. Still images, text and other files are refused with a 422.
/// </summary>
internal sealed class FfprobeMediaProbe(FfmpegRunner runner, IOptions<MediaOptions> options, ILogger<FfprobeMediaProbe> logger) : IMediaProbe
{
    // Demuxers that read single images or plain text, which ffprobe happily "decodes".
    private static readonly string[] NonMediaFormats = ["image2", "tty", "lavfi", "webp_pipe", "png_pipe", "jpeg_pipe", "gif_pipe", "bmp_pipe", "svg_pipe", "apng"];

    public async Task<MediaProbeResult> ProbeAsync(string input, CancellationToken cancellationToken)
    {
        var result = await runner.ProbeAsync(["-v", "error", "-print_format", "json", "-show_format", "-show_streams"], input,
            TimeSpan.FromSeconds(options.Value.ProbeTimeoutSeconds), cancellationToken);
        if (result.ExitCode != 0)
        {
            logger.LogInformation("ffprobe refused the input: {Error}", FirstLine(result.StandardError));
            throw Unsupported();
        }

        using var json = JsonDocument.Parse(result.StandardOutput.Length == 0 ? "{}" : result.StandardOutput);
        var root = json.RootElement;
        var format = root.TryGetProperty("format", out var f) ? f : default;
        var formatName = format.ValueKind == JsonValueKind.Object && format.TryGetProperty("format_name", out var fn) ? fn.GetString() ?? "" : "";
        var duration = ReadDouble(format, "duration");
        var streams = new List<MediaStreamInfo>();
        if (root.TryGetProperty("streams", out var list))
        {
            foreach (var s in list.EnumerateArray())
            {
                var language = s.TryGetProperty("tags", out var tags) && tags.TryGetProperty("language", out var lang) ? lang.GetString() : null;
                streams.Add(new MediaStreamInfo(
                    s.TryGetProperty("index", out var i) ? i.GetInt32() : streams.Count,
                    s.TryGetProperty("codec_type", out var ct) ? ct.GetString() ?? "" : "",
                    s.TryGetProperty("codec_name", out var cn) ? cn.GetString() ?? "" : "",
                    language,
                    s.TryGetProperty("width", out var w) ? w.GetInt32() : null,
                    s.TryGetProperty("height", out var h) ? h.GetInt32() : null));
            }
        }

        var probe = new MediaProbeResult(formatName, duration, streams);
        var isImageOrText = formatName.Split(',').Any(n => NonMediaFormats.Contains(n) || n.EndsWith("_pipe", StringComparison.Ordinal));
        var hasMedia = probe.HasAudio || (probe.FirstVideo is not null && duration is > 0);
        if (isImageOrText || !hasMedia || duration is null or <= 0) throw Unsupported();
        return probe;
    }

    private static UnprocessableException Unsupported() =>
        new(ErrorCode.UnsupportedMedia, "This file is not a playable video or audio file. Upload a video (e.g. MP4, WebM, MOV, MKV) or an audio file.");

    private static double? ReadDouble(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String &&
        double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static string FirstLine(string text) => text.Split('\n', 2)[0];
}

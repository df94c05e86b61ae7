using Microsoft.Extensions.Options;

namespace AskVideo.Infrastructure.Media;

/// <summary>
/// The one way the app runs ffmpeg and ffprobe on user media. Every input is opened with a demuxer allowlist and a
/// protocol allowlist, so a playlist, concat list or other "file that names URLs" uploaded as a video can neither
/// be parsed nor make this server fetch anything; at most <see cref="MediaOptions.MaxConcurrentProcesses"/> run at
/// once per process; each has a timeout and honours cancellation; and the input's location (a server path or a
/// presigned URL) is redacted from anything that can reach a log or an error message.
/// </summary>
public sealed class FfmpegRunner(IOptions<MediaOptions> options) : IDisposable
{
    /// <summary>Demuxers of real audio/video containers. Playlists (hls, concat, ffconcat), images and text are absent.</summary>
    public const string DemuxerAllowlist =
        "mov,mp4,m4a,3gp,3g2,mj2,matroska,webm,avi,flv,mpegts,mpeg,ogg,wav,mp3,flac,aac,asf,mxf,dv,aiff,amr,ac3,eac3,w64";

    private readonly SemaphoreSlim _gate = new(options.Value.MaxConcurrentProcesses, options.Value.MaxConcurrentProcesses);

    /// <summary>Local files only; remote storage (S3) inputs are presigned HTTPS URLs, so those protocols are allowed for them alone.</summary>
    public static string ProtocolAllowlist(string input) =>
        input.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "https,tls,tcp"
        : input.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? "http,tcp"
        : "file";

    /// <summary>The arguments that open <paramref name="input"/> safely: allowlists, then <c>-i input</c>.</summary>
    public static IEnumerable<string> SafeInput(string input) =>
        ["-protocol_whitelist", ProtocolAllowlist(input), "-format_whitelist", DemuxerAllowlist, "-i", input];

    /// <summary>ffprobe with <paramref name="arguments"/> and the input opened safely.</summary>
    public Task<ProcessResult> ProbeAsync(IEnumerable<string> arguments, string input, TimeSpan timeout, CancellationToken cancellationToken) =>
        RunAsync(options.Value.FfprobePath, arguments.Concat(SafeInput(input)), [input], timeout, cancellationToken);

    /// <summary>
    /// ffmpeg: <paramref name="beforeInput"/> (input options such as -ss), the safely opened input, then
    /// <paramref name="afterInput"/> (output options and the output). <paramref name="redact"/> lists further paths to hide.
    /// </summary>
    public Task<ProcessResult> TranscodeAsync(IEnumerable<string> beforeInput, string input, IEnumerable<string> afterInput,
        TimeSpan timeout, CancellationToken cancellationToken, params string[] redact) =>
        RunAsync(options.Value.FfmpegPath, ["-nostdin", "-hide_banner", "-loglevel", "error", .. beforeInput, .. SafeInput(input), .. afterInput],
            [input, .. redact], timeout, cancellationToken);

    public void Dispose() => _gate.Dispose();

    private async Task<ProcessResult> RunAsync(string tool, IEnumerable<string> arguments, IReadOnlyList<string> secrets, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var result = await ProcessRunner.RunAsync(tool, arguments, timeout, cancellationToken);
            return result with { StandardError = Redact(result.StandardError, secrets) };
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Replaces each secret (and, for URLs, anything after the path) with a neutral name.</summary>
    internal static string Redact(string text, IEnumerable<string> secrets)
    {
        foreach (var secret in secrets.Where(s => s.Length > 0).OrderByDescending(s => s.Length))
        {
            text = text.Replace(secret, "<media>", StringComparison.Ordinal);
            var query = secret.IndexOf('?', StringComparison.Ordinal);
            if (query > 0) text = text.Replace(secret[..query], "<media>", StringComparison.Ordinal);
        }
        return text;
    }
}

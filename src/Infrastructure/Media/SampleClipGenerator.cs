using System.Globalization;
using System.Text;
using AskVideo.Application.Common.Interfaces;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AskVideo.Infrastructure.Media;

/// <summary>
/// Makes the built-in sample clip on this server, the first time it is asked for: espeak-ng speaks each sentence of a
/// short script, ffmpeg joins them over an animated gradient and muxes a mov_text subtitle track whose cues are the
/// measured sentence times. No downloaded file, no AI service. The result is cached (keyed by the script version).
/// </summary>
internal sealed class SampleClipGenerator(IOptions<MediaOptions> options, ILogger<SampleClipGenerator> logger) : ISampleClipProvider
{
    private const string Version = "v1";
    private static readonly TimeSpan Gap = TimeSpan.FromMilliseconds(400);
    private static readonly SemaphoreSlim Gate = new(1, 1);

    internal static readonly string[] Script =
    [
        "Welcome to AskVideo.",
        "Upload a video, and AskVideo turns its speech into a searchable transcript.",
        "The transcript is split into scenes, and every scene is indexed for search.",
        "Then you can ask questions about your videos in plain language.",
        "Each answer cites the exact moment in the video, so you can jump right to it.",
        "You can share a group of videos with a link, and guests can ask questions too.",
        "This sample clip was generated on your own server, without any AI service.",
    ];

    public async Task<SampleClip> GetAsync(CancellationToken cancellationToken)
    {
        var dir = Path.Combine(options.Value.CacheDirectory, "sample-" + Version);
        var clip = new SampleClip(Path.Combine(dir, "sample.mp4"), Path.Combine(dir, "sample.vtt"), "AskVideo sample: how it works",
            "A short spoken clip with subtitles, generated on this server. Ask it \"How do I share videos?\" or \"What does an answer cite?\".", "en");
        if (File.Exists(clip.VideoPath) && File.Exists(clip.SubtitlesPath)) return clip;

        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (File.Exists(clip.VideoPath) && File.Exists(clip.SubtitlesPath)) return clip;
            var work = Path.Combine(options.Value.CacheDirectory, "sample-build-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(work);
            try
            {
                await BuildAsync(work, cancellationToken);
                Directory.CreateDirectory(Path.GetDirectoryName(dir)!);
                if (!Directory.Exists(dir)) Directory.Move(work, dir); // atomic publish; another process may have won
                logger.LogInformation("Generated the sample clip in {Directory}", dir);
            }
            finally
            {
                if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
            }
            return clip;
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task BuildAsync(string work, CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromSeconds(120);
        var o = options.Value;
        var concat = new StringBuilder();
        var vtt = new StringBuilder("WEBVTT\n\n");
        var gap = Path.Combine(work, "gap.wav");
        await RunAsync(o.FfmpegPath, ["-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "anullsrc=r=22050:cl=mono", "-t", "0.4", "-c:a", "pcm_s16le", gap], timeout, cancellationToken);

        var at = TimeSpan.Zero;
        for (var i = 0; i < Script.Length; i++)
        {
            var wav = Path.Combine(work, $"s{i}.wav");
            await RunAsync(o.EspeakPath, ["-v", "en-us", "-s", "150", "-w", wav, Script[i]], timeout, cancellationToken);
            var probe = await RunAsync(o.FfprobePath, ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", wav], timeout, cancellationToken);
            var duration = TimeSpan.FromSeconds(double.Parse(probe.StandardOutput.Trim(), CultureInfo.InvariantCulture));
            vtt.Append(CultureInfo.InvariantCulture, $"{i + 1}\n{Stamp(at)} --> {Stamp(at + duration)}\n{Script[i]}\n\n");
            concat.Append(CultureInfo.InvariantCulture, $"file '{wav}'\nfile '{gap}'\n");
            at += duration + Gap;
        }

        var list = Path.Combine(work, "list.txt");
        var speech = Path.Combine(work, "speech.wav");
        var subtitles = Path.Combine(work, "sample.vtt");
        await File.WriteAllTextAsync(list, concat.ToString(), cancellationToken);
        await File.WriteAllTextAsync(subtitles, vtt.ToString(), cancellationToken);
        await RunAsync(o.FfmpegPath, ["-hide_banner", "-loglevel", "error", "-y", "-f", "concat", "-safe", "0", "-i", list, "-c", "copy", speech], timeout, cancellationToken);
        await RunAsync(o.FfmpegPath,
        [
            "-hide_banner", "-loglevel", "error", "-y",
            "-f", "lavfi", "-i", "gradients=s=640x360:c0=0x312e81:c1=0x7c3aed:speed=0.01:r=15",
            "-i", speech, "-i", subtitles,
            "-map", "0:v", "-map", "1:a", "-map", "2:s",
            "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "96k",
            "-c:s", "mov_text", "-metadata:s:s:0", "language=eng",
            "-t", at.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture), "-movflags", "+faststart",
            Path.Combine(work, "sample.mp4"),
        ], timeout, cancellationToken);
        foreach (var file in Directory.GetFiles(work).Where(f => !f.EndsWith("sample.mp4", StringComparison.Ordinal) && !f.EndsWith("sample.vtt", StringComparison.Ordinal)))
            File.Delete(file);
    }

    private static async Task<ProcessResult> RunAsync(string tool, string[] arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(tool, arguments, timeout, cancellationToken);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(tool)} failed while generating the sample clip: {result.StandardError.Split('\n')[0]}");
        return result;
    }

    private static string Stamp(TimeSpan t) => t.ToString(@"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);
}

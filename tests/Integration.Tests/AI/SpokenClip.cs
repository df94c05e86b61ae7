using System.Globalization;
using AskVideo.Infrastructure.Media;
using AskVideo.Integration.Tests.Infrastructure;

namespace AskVideo.Integration.Tests.AI;

/// <summary>
/// A real spoken clip made offline: espeak-ng speaks each sentence to its own WAV, ffmpeg trims the silence around
/// it, and the sentences are joined with exactly <see cref="Gap"/> seconds of silence, so each start time is known.
/// </summary>
public sealed record SpokenClip(string Path, double DurationSeconds, IReadOnlyList<double> SentenceStarts)
{
    public const double Lead = 0.5;
    public const double Gap = 1.0;

    private static readonly string[] Sentences =
    [
        "The river flooded the valley in early spring",
        "Farmers moved their animals to higher ground",
        "Engineers later built a stone wall along the bank",
        "Today the village hosts a market every Sunday",
        "Visitors come from far away to buy fresh bread",
    ];

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static SpokenClip? _made;

    public static async Task<SpokenClip> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return _made ??= await MakeAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<SpokenClip> MakeAsync()
    {
        var dir = System.IO.Path.Combine(TestEnvironment.StackDir, "fixtures", "spoken");
        Directory.CreateDirectory(dir);
        var parts = new List<string>();
        var starts = new List<double>();
        var position = Lead;
        var silence = System.IO.Path.Combine(dir, "gap.wav");
        await RunAsync("ffmpeg", ["-y", "-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono", "-t", Seconds(Gap), "-c:a", "pcm_s16le", silence]);
        var lead = System.IO.Path.Combine(dir, "lead.wav");
        await RunAsync("ffmpeg", ["-y", "-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono", "-t", Seconds(Lead), "-c:a", "pcm_s16le", lead]);
        parts.Add(lead);
        for (var i = 0; i < Sentences.Length; i++)
        {
            var raw = System.IO.Path.Combine(dir, $"raw-{i}.wav");
            var trimmed = System.IO.Path.Combine(dir, $"sentence-{i}.wav");
            await RunAsync("espeak-ng", ["-v", "en", "-s", "150", "-w", raw, Sentences[i]]);
            const string trim = "silenceremove=start_periods=1:start_threshold=-30dB";
            await RunAsync("ffmpeg", ["-y", "-i", raw, "-af", $"{trim},areverse,{trim},areverse", "-ar", "16000", "-ac", "1", "-c:a", "pcm_s16le", trimmed]);
            if (i > 0)
            {
                parts.Add(silence);
                position += Gap;
            }
            starts.Add(position);
            parts.Add(trimmed);
            position += await DurationAsync(trimmed);
        }
        parts.Add(silence);

        var list = System.IO.Path.Combine(dir, "parts.txt");
        await File.WriteAllLinesAsync(list, parts.Select(p => $"file '{p}'"));
        var clip = System.IO.Path.Combine(dir, "spoken.wav");
        await RunAsync("ffmpeg", ["-y", "-f", "concat", "-safe", "0", "-i", list, "-c:a", "pcm_s16le", clip]);
        return new SpokenClip(clip, await DurationAsync(clip), starts);
    }

    private static async Task<double> DurationAsync(string path)
    {
        var result = await RunAsync("ffprobe", ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", path]);
        return double.Parse(result.Trim(), CultureInfo.InvariantCulture);
    }

    private static async Task<string> RunAsync(string tool, string[] arguments)
    {
        var result = await ProcessRunner.RunAsync(tool, tool == "ffmpeg" ? ["-hide_banner", "-loglevel", "error", .. arguments] : arguments,
            TimeSpan.FromSeconds(60), CancellationToken.None);
        if (result.ExitCode != 0) throw new InvalidOperationException($"{tool} failed: {result.StandardError}");
        return result.StandardOutput;
    }

    private static string Seconds(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}

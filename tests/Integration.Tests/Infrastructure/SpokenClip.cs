using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace AskVideo.Integration.Tests.Infrastructure;

/// <summary>A sentence of a generated clip and where it is spoken.</summary>
public sealed record SpokenSentence(string Text, double StartSeconds, double EndSeconds);

/// <summary>
/// A realistic test video made offline: espeak-ng speaks each sentence, ffmpeg joins them with silence between, over a
/// generated picture, optionally with a mov_text subtitle track built from the measured sentence times.
/// </summary>
public sealed record SpokenClip(string Path, IReadOnlyList<SpokenSentence> Sentences)
{
    public const double GapSeconds = 0.8;

    /// <summary>Sentences for tests that need several chunks of speech recognition.</summary>
    public static readonly string[] RiverStory =
    [
        "The river flooded the valley in early spring",
        "Farmers moved their animals to higher ground",
        "Engineers later built a stone wall along the bank",
        "Today the village hosts a market every Sunday",
        "Visitors come from far away to buy fresh bread",
    ];

    public double DurationSeconds => Sentences[^1].EndSeconds + GapSeconds;

    public IReadOnlyList<double> SentenceStarts => Sentences.Select(s => s.StartSeconds).ToList();

    /// <summary>The river story without a subtitle track (for speech recognition).</summary>
    public static Task<SpokenClip> GetAsync() => MakeAsync("river", RiverStory, withSubtitleTrack: false);

    private static readonly SemaphoreSlim Gate = new(1, 1);

    public string Vtt()
    {
        var vtt = new StringBuilder("WEBVTT\n\n");
        foreach (var s in Sentences) vtt.Append(CultureInfo.InvariantCulture, $"{Stamp(s.StartSeconds)} --> {Stamp(s.EndSeconds)}\n{s.Text}\n\n");
        return vtt.ToString();
    }

    public static async Task<SpokenClip> MakeAsync(string name, IReadOnlyList<string> sentences, bool withSubtitleTrack)
    {
        // The version in the folder name keeps a clip cached by an older generator from being reused with new timings.
        var dir = System.IO.Path.Combine(TestEnvironment.StackDir, "fixtures", "spoken-v2-" + name);
        var output = System.IO.Path.Combine(dir, "clip.mp4");
        await Gate.WaitAsync();
        try
        {
            Directory.CreateDirectory(dir);
            var spoken = new List<SpokenSentence>();
            var concat = new StringBuilder();
            var gap = System.IO.Path.Combine(dir, "gap.wav");
            await RunAsync("ffmpeg", "-y", "-f", "lavfi", "-i", "anullsrc=r=22050:cl=mono", "-t", GapSeconds.ToString(CultureInfo.InvariantCulture), "-c:a", "pcm_s16le", gap);
            concat.Append(CultureInfo.InvariantCulture, $"file '{gap}'\n");
            var at = GapSeconds;
            for (var i = 0; i < sentences.Count; i++)
            {
                // espeak-ng pads its output with silence: trimmed at both ends, the sentence starts exactly where it is placed.
                var raw = System.IO.Path.Combine(dir, $"raw{i}.wav");
                var wav = System.IO.Path.Combine(dir, $"s{i}.wav");
                await RunAsync("espeak-ng", "-v", "en-us", "-s", "160", "-w", raw, sentences[i]);
                const string trim = "silenceremove=start_periods=1:start_threshold=-30dB";
                await RunAsync("ffmpeg", "-y", "-i", raw, "-af", $"{trim},areverse,{trim},areverse", "-ar", "22050", "-ac", "1", "-c:a", "pcm_s16le", wav);
                var duration = double.Parse((await RunAsync("ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", wav)).Trim(), CultureInfo.InvariantCulture);
                spoken.Add(new SpokenSentence(sentences[i], at, at + duration));
                concat.Append(CultureInfo.InvariantCulture, $"file '{wav}'\nfile '{gap}'\n");
                at += duration + GapSeconds;
            }
            var clip = new SpokenClip(output, spoken);
            if (File.Exists(output)) return clip;

            var list = System.IO.Path.Combine(dir, "list.txt");
            var speech = System.IO.Path.Combine(dir, "speech.wav");
            var subtitles = System.IO.Path.Combine(dir, "clip.vtt");
            await File.WriteAllTextAsync(list, concat.ToString());
            await File.WriteAllTextAsync(subtitles, clip.Vtt());
            await RunAsync("ffmpeg", "-y", "-f", "concat", "-safe", "0", "-i", list, "-c", "copy", speech);
            string[] args = withSubtitleTrack
                ? ["-y", "-f", "lavfi", "-i", "color=c=0x334155:s=320x180:r=10", "-i", speech, "-i", subtitles, "-map", "0:v", "-map", "1:a", "-map", "2:s",
                   "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-c:s", "mov_text", "-metadata:s:s:0", "language=eng",
                   "-t", at.ToString("0.000", CultureInfo.InvariantCulture), output]
                : ["-y", "-f", "lavfi", "-i", "color=c=0x334155:s=320x180:r=10", "-i", speech, "-map", "0:v", "-map", "1:a",
                   "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
                   "-t", at.ToString("0.000", CultureInfo.InvariantCulture), output];
            await RunAsync("ffmpeg", args);
            return clip;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        if (tool == "ffmpeg") foreach (var a in new[] { "-hide_banner", "-loglevel", "error" }) start.ArgumentList.Add(a);
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} failed: {stderr}");
        return await stdout;
    }

    private static string Stamp(double seconds) => TimeSpan.FromSeconds(seconds).ToString(@"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);
}

using System.Diagnostics;

namespace AskVideo.Integration.Tests.Infrastructure;

/// <summary>Real media made by ffmpeg once per run (no checked-in binaries): a short video with sound, an audio file and an image.</summary>
public static class TestMedia
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly string Dir = Path.Combine(TestEnvironment.StackDir, "fixtures");

    public const string Vtt = "WEBVTT\n\n00:00:00.000 --> 00:00:01.500\nHello from the test video.\n\n00:00:01.500 --> 00:00:03.000\nThis is the second line.\n";

    /// <summary>3 s, 320×240, H.264 + AAC, MP4.</summary>
    public static Task<string> VideoAsync() => MakeAsync("clip.mp4",
        ["-f", "lavfi", "-i", "testsrc=duration=3:size=320x240:rate=25", "-f", "lavfi", "-i", "sine=frequency=440:duration=3",
         "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", "-movflags", "+faststart"]);

    /// <summary>2 s of mono WAV.</summary>
    public static Task<string> AudioAsync() => MakeAsync("tone.wav", ["-f", "lavfi", "-i", "sine=frequency=300:duration=2", "-ac", "1"]);

    public static Task<string> ImageAsync() => MakeAsync("still.jpg", ["-f", "lavfi", "-i", "testsrc=size=64x64", "-frames:v", "1"]);

    private static async Task<string> MakeAsync(string name, string[] arguments)
    {
        var path = Path.Combine(Dir, name);
        await Gate.WaitAsync();
        try
        {
            if (File.Exists(path)) return path;
            Directory.CreateDirectory(Dir);
            var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in new[] { "-hide_banner", "-loglevel", "error", "-y" }.Concat(arguments).Append(path)) start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0) throw new InvalidOperationException($"ffmpeg failed to make {name}: {error}");
            return path;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static MultipartFormDataContent Upload(string filePath, string? fileName = null, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (n, v) in fields) form.Add(new StringContent(v), n);
        var file = new StreamContent(File.OpenRead(filePath));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName ?? Path.GetFileName(filePath));
        return form;
    }

    /// <summary>Files under the user's storage folder (excluding nothing): empty means nothing was left behind.</summary>
    public static IReadOnlyList<string> FilesOf(Guid userId)
    {
        var dir = Path.Combine(TestEnvironment.MediaRoot, "users", userId.ToString("N"));
        return Directory.Exists(dir) ? Directory.GetFiles(dir, "*", SearchOption.AllDirectories) : [];
    }

    public static IReadOnlyList<string> TempFiles()
    {
        var dir = Path.Combine(TestEnvironment.MediaRoot, ".tmp");
        return Directory.Exists(dir) ? Directory.GetFiles(dir).Where(f => !Path.GetFileName(f).StartsWith(".ready", StringComparison.Ordinal)).ToList() : [];
    }
}

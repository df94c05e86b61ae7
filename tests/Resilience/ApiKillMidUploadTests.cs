using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using AskVideo.Integration.Tests.Infrastructure;
using AskVideo.Resilience.Tests.Infrastructure;
using Xunit.Abstractions;

namespace AskVideo.Resilience.Tests;

/// <summary>
/// The API process is killed (SIGKILL) in the middle of uploads through nginx, at the two moments that leave bytes on
/// disk: while the body is arriving, and after the file is stored but before the video is committed (while ffprobe
/// checks it; a stand-in ffprobe holds there on request). Both upload paths: multipart, streamed through nginx to the
/// API, and the fast path, where nginx writes the body itself and hands the file over. Once the clean-up has run
/// (the incomplete-upload sweeper at the next start, and what a crashed upload scheduled), no file may be left that no
/// video owns, and the API must take uploads again.
/// </summary>
[Collection(ResilienceCollection.Name)]
public sealed class ApiKillMidUploadTests(ResilienceStack stack, ITestOutputHelper output)
{
    private const long BigBody = 48L * 1024 * 1024;
    private const long StallAt = 8L * 1024 * 1024;

    [Fact]
    public async Task Uploads_ShouldLeaveNoOrphanFile_WhenTheApiIsKilledMidUpload()
    {
        var started = Stopwatch.StartNew();
        var clips = await Clips.AllAsync();
        await using var deployment = await Deployment.CreateAsync(stack, "api-killed-mid-upload", apis: 1);
        var hold = Path.Combine(stack.Dir, "probe-hold");
        Directory.CreateDirectory(hold);
        var wrapper = Path.Combine(AskVideo.Integration.Tests.Infrastructure.TestEnvironment.RepoRoot, "tests", "Resilience", "ffprobe-hold.sh");
        deployment.Set("Media__FfprobePath", wrapper);
        deployment.Set("ASKVIDEO_PROBE_HOLD", hold);
        deployment.Set("Logging__LogLevel__AskVideo.Infrastructure.Storage.IncompleteUploadSweeper", "Information");

        var outcomes = new List<string>();
        var api = await deployment.StartApiAsync(0);
        using var session = await deployment.SignInAsync();

        // 1. Multipart, killed while the body streams through nginx into the API.
        {
            var body = new StallingContent(BigBody, StallAt);
            using var form = new MultipartFormDataContent { { body, "file", "big.mp4" } };
            var send = session.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/videos") { Content = form });
            await WaitUntilAsync(() => LargestFile(Path.Combine(deployment.MediaRoot, ".tmp")) >= StallAt / 2, "the API writing the body to storage", deployment);
            api.Kill();
            await api.WaitForExitAsync(TimeSpan.FromSeconds(10));
            body.Resume();
            outcomes.Add("multipart-body: " + await OutcomeAsync(send));
            api = await deployment.StartApiAsync(0);
        }

        // 2. Multipart, killed after the file was stored, before the video was committed.
        {
            await File.WriteAllTextAsync(Path.Combine(hold, "hold"), "");
            using var form = TestMedia.Upload(clips[0].Path);
            var send = session.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/videos") { Content = form });
            await WaitUntilAsync(() => File.Exists(Path.Combine(hold, "waiting")), "the API probing the stored file", deployment);
            api = await KillAndRestartAsync(deployment, api, hold);
            outcomes.Add("multipart-stored: " + await OutcomeAsync(send));
        }

        // 3. Fast path, killed while nginx writes the body to its own folder (the check before it went to the API).
        {
            var (_, url) = await AnnounceAsync(session, "big.mp4", BigBody);
            var body = new StallingContent(BigBody, StallAt);
            var send = session.SendAsync(new HttpRequestMessage(HttpMethod.Put, url) { Content = body });
            await WaitUntilAsync(() => LargestFile(stack.NginxUploadDir) >= StallAt / 2, "nginx writing the body", deployment);
            api.Kill();
            await api.WaitForExitAsync(TimeSpan.FromSeconds(10));
            body.Resume(); // the rest arrives; nginx then finds no API to hand the file to
            outcomes.Add("fast-body: " + await OutcomeAsync(send));
            api = await deployment.StartApiAsync(0);
        }

        // 4. Fast path, killed after the API moved nginx's file into storage, before the video was committed.
        {
            await File.WriteAllTextAsync(Path.Combine(hold, "hold"), "");
            var (_, url) = await AnnounceAsync(session, "clip.mp4", new FileInfo(clips[1].Path).Length);
            var send = session.SendAsync(new HttpRequestMessage(HttpMethod.Put, url) { Content = new StreamContent(File.OpenRead(clips[1].Path)) });
            await WaitUntilAsync(() => File.Exists(Path.Combine(hold, "waiting")), "the API probing the handed-over file", deployment);
            api = await KillAndRestartAsync(deployment, api, hold);
            outcomes.Add("fast-stored: " + await OutcomeAsync(send));
        }

        var left = Leftovers(deployment);
        output.WriteLine($"After 4 kills (outcomes seen by the client: {string.Join(", ", outcomes)}), before any clean-up: {left.Count} files\n  " + string.Join("\n  ", left));

        // The clean-up, as if its time had come: every leftover is older than the sweeper's threshold, every job it
        // scheduled is due. Then an API starts (each host sweeps when it starts) and a Worker runs the due jobs.
        foreach (var file in left) File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(-3));
        await deployment.ScalarAsync<long>("WITH due AS (UPDATE jobs SET available_at = now() WHERE status = 'pending' RETURNING 1) SELECT count(*) FROM due");
        api.Kill();
        await api.WaitForExitAsync(TimeSpan.FromSeconds(10));
        api = await deployment.StartApiAsync(0);
        deployment.StartWorker("worker1");
        await WaitUntilAsync(() => api.Lines.Any(l => l.Message.StartsWith("Removed ", StringComparison.Ordinal)), "the sweeper's pass", deployment, throwOnTimeout: false);
        await deployment.WaitForJobsToSettleAsync(TimeSpan.FromSeconds(30));
        var settleDeadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (await deployment.ScalarAsync<long>("SELECT count(*) FROM jobs WHERE status IN ('pending', 'dispatched', 'running')") > 0 && DateTime.UtcNow < settleDeadline)
            await Task.Delay(200);
        var orphans = Leftovers(deployment);

        // The API takes uploads again, and the video is processed.
        var after = await Deployment.UploadAsync(session, clips[2].Path);
        var ledger = new Ledger();
        ledger.Uploaded(after, Clips.Scripts[2].Length);
        await deployment.WaitForVideosAsync([after], TimeSpan.FromMinutes(2));
        await deployment.WaitForJobsToSettleAsync(TimeSpan.FromSeconds(20));
        var result = await ledger.CountAsync(deployment);
        // Any other video would be an upload the client was told had failed.
        var videos = (await deployment.VideoStatusesAsync()).Count;

        ResilienceReport.Write(output, "api-killed-mid-upload", result.Lost, result.Duplicated + (videos - 1), started.Elapsed.TotalSeconds, new Dictionary<string, object?>
        {
            ["kills"] = 4,
            ["orphans"] = orphans.Count,
            ["leftBeforeCleanup"] = left.Count,
            ["clientOutcomes"] = string.Join(", ", outcomes),
        });
        Assert.True(orphans.Count == 0, "Files no video owns after the clean-up:\n  " + string.Join("\n  ", orphans));
        // The client of an interrupted upload hears a 503 problem it can act on (send it again), whichever path it took.
        Assert.All(outcomes, o => Assert.EndsWith(": 503 application/problem+json", o, StringComparison.Ordinal));
        Assert.Equal(1, videos);
        Assert.True(result.Lost == 0 && result.Duplicated == 0, string.Join('\n', result.Problems));
    }

    private static async Task<(Guid Id, string Url)> AnnounceAsync(SessionClient session, string fileName, long size)
    {
        using var response = await session.PostAsync("/api/v1/videos/uploads", new { fileName, sizeBytes = size });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"announce answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var created = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return (created.GetProperty("id").GetGuid(), created.GetProperty("uploadUrl").GetString()!);
    }

    private static async Task<HostProcess> KillAndRestartAsync(Deployment deployment, HostProcess api, string? hold = null)
    {
        api.Kill();
        await api.WaitForExitAsync(TimeSpan.FromSeconds(10));
        if (hold is not null)
        {
            File.Delete(Path.Combine(hold, "hold"));
            File.Delete(Path.Combine(hold, "waiting"));
        }
        return await deployment.StartApiAsync(0);
    }

    /// <summary>What the client saw: a status code, or the exception that ended its request.</summary>
    private static async Task<string> OutcomeAsync(Task<HttpResponseMessage> send)
    {
        try
        {
            using var response = await send.WaitAsync(TimeSpan.FromSeconds(60));
            return $"{(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}";
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
            return ex.GetType().Name;
        }
    }

    private static long LargestFile(string directory) =>
        Directory.Exists(directory) ? new DirectoryInfo(directory).EnumerateFiles().Select(f => f.Length).DefaultIfEmpty(0).Max() : 0;

    /// <summary>Every file under the scenario's media root and nginx's upload folder that no video row owns.</summary>
    private static List<string> Leftovers(Deployment deployment)
    {
        var owned = deployment.QueryAsync("SELECT id FROM videos", r => r.GetGuid(0).ToString("N")).GetAwaiter().GetResult().ToHashSet();
        var files = Directory.EnumerateFiles(deployment.MediaRoot, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith(".ready", StringComparison.Ordinal))
            .Concat(Directory.Exists(deployment.Stack.NginxUploadDir) ? Directory.EnumerateFiles(deployment.Stack.NginxUploadDir) : []);
        return files.Where(f => !owned.Any(id => f.Contains(id, StringComparison.Ordinal))).ToList();
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what, Deployment deployment, bool throwOnTimeout = true)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                if (throwOnTimeout) Assert.Fail($"Timed out waiting for {what}.\n{deployment.Tails()}");
                return;
            }
            await Task.Delay(25);
        }
    }
}

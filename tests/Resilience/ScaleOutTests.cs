using System.Diagnostics;
using AskVideo.Resilience.Tests.Infrastructure;
using Xunit.Abstractions;

namespace AskVideo.Resilience.Tests;

/// <summary>
/// Scale-out on one machine, as `./scripts/run.sh start --apis 2 --workers 3` runs it: two API processes behind nginx
/// (the upstream scripts/lib/stack.sh renders for two) and three Worker processes share one database and one queue.
/// One batch of uploads must be processed exactly once: every job claimed and run once, by one worker, with the work
/// spread over the workers and the uploads over both APIs.
/// </summary>
[Collection(ResilienceCollection.Name)]
public sealed class ScaleOutTests(ResilienceStack stack, ITestOutputHelper output)
{
    private const int Apis = 2;
    private const int Workers = 3;
    private const int Videos = 12;

    [Fact]
    public async Task TwoApisAndThreeWorkers_ShouldProcessOneBatchExactlyOnce()
    {
        var started = Stopwatch.StartNew();
        var clips = await Clips.AllAsync();
        await using var deployment = await Deployment.CreateAsync(stack, "scale-out", Apis);
        var apis = await Task.WhenAll(Enumerable.Range(0, Apis).Select(i => deployment.StartApiAsync(i)));
        var workers = Enumerable.Range(1, Workers).Select(i => deployment.StartWorker($"worker{i}")).ToList();
        // Every worker listens before the batch arrives (otherwise the first one up takes the lot).
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!workers.All(w => w.Lines.Any(l => l.Message.StartsWith("Job consumer started", StringComparison.Ordinal))))
        {
            Assert.True(DateTime.UtcNow < deadline, "The workers did not start within 60 s.\n" + deployment.Tails());
            Assert.DoesNotContain(workers, w => w.HasExited);
            await Task.Delay(100);
        }

        using var session = await deployment.SignInAsync();
        var ledger = new Ledger();
        var scriptOf = await Deployment.UploadClipsAsync(session, clips, Videos, ledger);
        await deployment.WaitForVideosAsync(ledger.Videos, TimeSpan.FromMinutes(3));
        await deployment.WaitForJobsToSettleAsync(TimeSpan.FromSeconds(20));

        var result = await ledger.CountAsync(deployment);
        // Which process did what: a worker logs each job it starts and each it finishes; an API each request it served.
        // (A worker logs a success just after recording it: give the last lines a moment to arrive.)
        List<List<Guid>> SucceededBy() => workers.Select(w => w.Lines.Where(l => l.JobId is not null && l.Message.Contains(" succeeded in ", StringComparison.Ordinal))
            .Select(l => l.JobId!.Value).ToList()).ToList();
        var linesDeadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (SucceededBy().Sum(s => s.Count) < result.Jobs && DateTime.UtcNow < linesDeadline) await Task.Delay(50);
        var succeededBy = SucceededBy();
        var startedBy = workers.Select(w => w.Lines.Count(l => l.JobId is not null && l.Message.Contains(" started (attempt ", StringComparison.Ordinal))).ToList();
        var uploadsBy = apis.Select(a => a.Lines.Count(l => l.StateValue("Method") == "POST" && l.StateValue("Path") == "/api/v1/videos" && l.StateValue("Status") == "201")).ToList();
        ResilienceReport.Write(output, "scale-out-2x3", result.Lost, result.Duplicated, started.Elapsed.TotalSeconds, new Dictionary<string, object?>
        {
            ["apis"] = Apis,
            ["workers"] = Workers,
            ["videos"] = result.Videos,
            ["jobs"] = result.Jobs,
            ["jobsPerWorker"] = string.Join('/', succeededBy.Select(s => s.Count)),
            ["uploadsPerApi"] = string.Join('/', uploadsBy),
        });

        Assert.True(result.Lost == 0 && result.Duplicated == 0, string.Join('\n', result.Problems));
        Assert.Equal(Videos, result.Jobs);
        // Exactly once: one claim per job (attempts), one start and one success in all the workers' logs together.
        Assert.All(result.JobRows, j => Assert.Equal(1, j.Attempts));
        var successes = succeededBy.SelectMany(s => s).ToList();
        Assert.Equal(result.JobRows.Select(j => j.Id).Order(), successes.Order());
        Assert.Equal(Videos, startedBy.Sum());
        await Clips.AssertScenesAsync(deployment, scriptOf);
        // Spread: more than one worker ran jobs, and both APIs took uploads.
        Assert.True(succeededBy.Count(s => s.Count > 0) >= 2, $"Only one worker ran jobs: {string.Join('/', succeededBy.Select(s => s.Count))}");
        Assert.All(uploadsBy, n => Assert.True(n > 0, $"An API served no upload: {string.Join('/', uploadsBy)}"));
        Assert.Equal(Videos, uploadsBy.Sum());
    }
}

using System.Diagnostics;
using AskVideo.Integration.Tests.Infrastructure;
using AskVideo.Resilience.Tests.Infrastructure;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace AskVideo.Resilience.Tests;

/// <summary>
/// SPEC §8 Reliability: worker processes are killed with SIGKILL at random moments mid-pipeline (50 times by default,
/// ASKVIDEO_CRASH_KILLS), each replaced at once, and Redis is flushed once half-way. Every video must still end ready
/// with exactly the scenes of its clip, every job (one per upload or reprocess) must succeed, and none may be lost or
/// duplicated. Four workers run side by side so a kill lands every second or so instead of every worker start-up.
/// </summary>
[Collection(ResilienceCollection.Name)]
public sealed class WorkerKillTests(ResilienceStack stack, ITestOutputHelper output)
{
    private const int Slots = 4;
    private const int Videos = 8;
    private static readonly string[] Stages = ["queued", "transcribing", "splitting", "indexing"];
    private static readonly Random Rng = new();

    [Fact]
    public async Task Workers_ShouldFinishEveryVideoExactlyOnce_WhenKilledAtRandomMidPipelineAndRedisIsFlushed()
    {
        var kills = int.TryParse(Environment.GetEnvironmentVariable("ASKVIDEO_CRASH_KILLS"), out var k) && k >= 0 ? k : 50;
        var started = Stopwatch.StartNew();
        var clips = await Clips.AllAsync();
        await using var deployment = await Deployment.CreateAsync(stack, "worker-sigkill", apis: 1);
        // A job may be killed many times over; it must never be buried for it. One job per worker: a kill then strands
        // one job until its lease runs out (5 s), not two.
        deployment.Set("Queue__MaxAttempts", "100");
        deployment.Set("Queue__Concurrency", "1");
        await deployment.StartApiAsync(0);
        using var session = await deployment.SignInAsync();
        using var redis = await ConnectionMultiplexer.ConnectAsync(stack.RedisConfiguration);

        var tracker = new JobTracker();
        var slots = new HostProcess[Slots];
        for (var i = 0; i < Slots; i++) tracker.Watch(slots[i] = deployment.StartWorker($"worker{i + 1}"));

        var ledger = new Ledger();
        // More videos than job slots, so a job whose worker was just killed (its lease runs out in 5 s) never leaves
        // the remaining workers idle.
        var scriptOf = await Deployment.UploadClipsAsync(session, clips, Videos, ledger);

        var stagesHit = new List<string>();
        var flushed = false;
        var lastKill = DateTime.UtcNow;
        for (var done = 0; done < kills;)
        {
            // Keep work in flight: a video that is ready is reprocessed (a new job that must replace its scenes, never add to them).
            var statuses = await deployment.VideoStatusesAsync();
            foreach (var id in ledger.Videos.Where(id => statuses.GetValueOrDefault(id) == "ready").ToList())
            {
                await Deployment.ReprocessAsync(session, id);
                ledger.Reprocessed(id);
            }

            // A random moment inside a job: a stage of the pipeline picked at random (before its first write, reading
            // the transcript, splitting, indexing), then 0–150 ms into it. A stage that does not come up within 1.5 s
            // (splitting is over in milliseconds) gives way to whatever a running job is doing then.
            var wanted = Stages[Rng.Next(Stages.Length)];
            var waitUntil = DateTime.UtcNow + TimeSpan.FromSeconds(1.5);
            (HostProcess Worker, Guid JobId)? target = null;
            string? stage = null;
            while (true)
            {
                var running = tracker.Running();
                if (running.Count > 0)
                {
                    var now = await deployment.RunningStagesAsync(running.Select(r => r.JobId).ToList());
                    var hits = running.Where(r => now.TryGetValue(r.JobId, out var st) && (st == wanted || DateTime.UtcNow > waitUntil)).ToList();
                    if (hits.Count > 0)
                    {
                        target = hits[Rng.Next(hits.Count)];
                        stage = now[target.Value.JobId];
                        break;
                    }
                }
                if (DateTime.UtcNow > waitUntil + TimeSpan.FromSeconds(30)) break;
                await Task.Delay(15);
            }
            if (target is null)
            {
                Assert.True(DateTime.UtcNow - lastKill < TimeSpan.FromSeconds(90), $"No job ran for 90 s after kill {done}.\n{deployment.Tails()}");
                continue;
            }
            await Task.Delay(Rng.Next(0, 150));

            var (worker, _) = target.Value;
            worker.Kill(); // SIGKILL: no graceful release of the job, its lease just stops being renewed
            await worker.WaitForExitAsync(TimeSpan.FromSeconds(10));
            tracker.Forget(worker);
            stagesHit.Add(stage ?? "?");
            done++;
            lastKill = DateTime.UtcNow;
            var slot = Array.IndexOf(slots, worker);
            tracker.Watch(slots[slot] = deployment.StartWorker($"worker{slot + 1}"));

            if (!flushed && done >= kills / 2)
            {
                // Everything the queue held in Redis is gone: the reconciler must find the jobs again from the outbox.
                foreach (var endpoint in redis.GetEndPoints()) await redis.GetServer(endpoint).FlushAllDatabasesAsync();
                flushed = true;
            }
        }
        if (!flushed)
        {
            foreach (var endpoint in redis.GetEndPoints()) await redis.GetServer(endpoint).FlushAllDatabasesAsync();
        }
        var killsSeconds = started.Elapsed.TotalSeconds;

        await deployment.WaitForVideosAsync(ledger.Videos, TimeSpan.FromMinutes(3));
        await deployment.WaitForJobsToSettleAsync(TimeSpan.FromSeconds(30));
        var result = await ledger.CountAsync(deployment);
        var stages = string.Join(", ", stagesHit.GroupBy(s => s).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}:{g.Count()}"));
        output.WriteLine($"{stagesHit.Count} SIGKILLs of {Slots} workers ({kills} asked) in {killsSeconds:0.0} s, each with a job running; stages hit: {stages}; " +
            $"drained in {started.Elapsed.TotalSeconds - killsSeconds:0.0} s; " +
            $"Redis flushed once; attempts per job: {string.Join(",", result.JobRows.Select(j => j.Attempts))}");
        ResilienceReport.Write(output, "worker-sigkill", result.Lost, result.Duplicated, started.Elapsed.TotalSeconds, new Dictionary<string, object?>
        {
            ["kills"] = stagesHit.Count,
            ["workers"] = Slots,
            ["videos"] = result.Videos,
            ["jobs"] = result.Jobs,
            ["attempts"] = result.JobRows.Sum(j => j.Attempts),
            ["stages"] = stages,
            ["redisFlushes"] = 1,
        });

        Assert.True(result.Lost == 0 && result.Duplicated == 0, string.Join('\n', result.Problems));
        Assert.Equal(kills, stagesHit.Count);
        Assert.Equal(ledger.ExpectedJobs, result.Jobs);
        Assert.All(result.JobRows, j => Assert.Equal("succeeded", j.Status));
        await Clips.AssertScenesAsync(deployment, scriptOf);
        foreach (var (videoId, script) in scriptOf)
        {
            var segments = await deployment.ScalarAsync<long>("SELECT count(*) FROM transcript_segments WHERE video_id = @id", ("id", videoId));
            Assert.Equal(Clips.Scripts[script].Length, segments);
        }
    }
}

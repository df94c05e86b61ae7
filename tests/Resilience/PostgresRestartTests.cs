using System.Diagnostics;
using System.Net;
using AskVideo.Integration.Tests.Infrastructure;
using AskVideo.Resilience.Tests.Infrastructure;
using Xunit.Abstractions;

namespace AskVideo.Resilience.Tests;

/// <summary>
/// SPEC §8 Reliability: PostgreSQL stops while a video is being processed. While it is down, readiness answers 503
/// (problem+json naming the failing check) and so does a request that needs the database, never a 500, while liveness
/// stays 200 (the process is fine; an orchestrator must not restart it). Once PostgreSQL is back, the same API and Worker
/// processes recover on their own: ready is 200 again, the interrupted job finishes, and a new upload is processed.
/// </summary>
[Collection(ResilienceCollection.Name)]
public sealed class PostgresRestartTests(ResilienceStack stack, ITestOutputHelper output)
{
    [Fact]
    public async Task App_ShouldAnswer503WhilePostgresIsDown_AndRecoverWithoutARestart()
    {
        var started = Stopwatch.StartNew();
        var clips = await Clips.AllAsync();
        await using var deployment = await Deployment.CreateAsync(stack, "postgres-restart", apis: 1);
        var api = await deployment.StartApiAsync(0);
        var tracker = new JobTracker();
        var worker = deployment.StartWorker("worker1");
        tracker.Watch(worker);
        using var session = await deployment.SignInAsync();
        using var anonymous = deployment.NewClient();

        var ledger = new Ledger();
        var first = await Deployment.UploadAsync(session, clips[0].Path);
        ledger.Uploaded(first, Clips.Scripts[0].Length);
        var second = await Deployment.UploadAsync(session, clips[1].Path);
        ledger.Uploaded(second, Clips.Scripts[1].Length);
        // The outage starts while a job runs.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (tracker.FindRunning(TimeSpan.FromMilliseconds(300), new Random()) is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "No job started within 60 s.\n" + deployment.Tails());
            await Task.Delay(20);
        }

        await stack.StackAsync("pg-stop");
        var outage = Stopwatch.StartNew();
        // Readiness is cached for a second: wait for the first run of the checks after the stop.
        HttpResponseMessage ready;
        while (true)
        {
            ready = await anonymous.GetAsync("/api/v1/health/ready");
            if (ready.StatusCode != HttpStatusCode.OK || outage.Elapsed > TimeSpan.FromSeconds(15)) break;
            ready.Dispose();
            await Task.Delay(100);
        }
        var readyStatus = (int)ready.StatusCode;
        using var live = await anonymous.GetAsync("/api/v1/health");
        using var list = await session.GetAsync("/api/v1/videos");
        var listStatus = (int)list.StatusCode;

        await Task.Delay(TimeSpan.FromSeconds(2));
        await stack.StackAsync("pg-start");
        Npgsql.NpgsqlConnection.ClearAllPools(); // the test's own connections died with the server
        var down = outage.Elapsed.TotalSeconds;
        var recovering = Stopwatch.StartNew();
        while (true)
        {
            using var again = await anonymous.GetAsync("/api/v1/health/ready");
            if (again.StatusCode == HttpStatusCode.OK) break;
            Assert.True(recovering.Elapsed < TimeSpan.FromSeconds(30), $"Still not ready 30 s after PostgreSQL came back: {(int)again.StatusCode} {await again.Content.ReadAsStringAsync()}\n{deployment.Tails()}");
            await Task.Delay(100);
        }
        var recoverySeconds = recovering.Elapsed.TotalSeconds;

        // The same processes serve again: a list, a new upload processed by the same worker.
        using (var listAgain = await session.GetAsync("/api/v1/videos")) Assert.Equal(HttpStatusCode.OK, listAgain.StatusCode);
        var third = await Deployment.UploadAsync(session, clips[2].Path);
        ledger.Uploaded(third, Clips.Scripts[2].Length);
        await deployment.WaitForVideosAsync(ledger.Videos, TimeSpan.FromMinutes(2));
        await deployment.WaitForJobsToSettleAsync(TimeSpan.FromSeconds(20));
        Assert.False(api.HasExited, "the API process ended");
        Assert.False(worker.HasExited, "the Worker process ended");

        var result = await ledger.CountAsync(deployment);
        ResilienceReport.Write(output, "postgres-restart", result.Lost, result.Duplicated, started.Elapsed.TotalSeconds, new Dictionary<string, object?>
        {
            ["readyDuringOutage"] = readyStatus,
            ["requestDuringOutage"] = listStatus,
            ["recovered"] = true, // ready came back (the loop above fails the test otherwise)
            ["outageSeconds"] = down,
            ["recoverySeconds"] = recoverySeconds,
            ["videos"] = result.Videos,
            ["jobs"] = result.Jobs,
            ["attempts"] = result.JobRows.Sum(j => j.Attempts),
        });
        // During the outage: readiness names the failing check, liveness is fine, a request needing the database is a
        // 503 with Retry-After (the client's cue to try again), not a 500.
        var readyBody = await ProblemAssert.IsProblemAsync(ready, 503, "not_ready");
        Assert.Equal("unhealthy", readyBody.GetProperty("checks").GetProperty("postgres").GetProperty("status").GetString());
        Assert.Equal("healthy", readyBody.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        await ProblemAssert.IsProblemAsync(list, 503, "service_unavailable");
        Assert.True(list.Headers.RetryAfter is not null, "a 503 says when to retry");
        Assert.True(result.Lost == 0 && result.Duplicated == 0, string.Join('\n', result.Problems));
        ready.Dispose();
    }
}

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
        await using var scenario = await OutageScenario.StartAsync(stack, "postgres-restart", workers: 1);
        var (session, anonymous) = (scenario.Session, scenario.Anonymous);
        await scenario.UploadAsync(0);
        await scenario.UploadAsync(1);
        // The outage starts while a job runs.
        await scenario.WaitForRunningJobAsync(TimeSpan.FromMilliseconds(300));

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
            Assert.True(recovering.Elapsed < TimeSpan.FromSeconds(30), $"Still not ready 30 s after PostgreSQL came back: {(int)again.StatusCode} {await again.Content.ReadAsStringAsync()}\n{scenario.Deployment.Tails()}");
            await Task.Delay(100);
        }
        var recoverySeconds = recovering.Elapsed.TotalSeconds;

        // The same processes serve again: a list, a new upload processed by the same worker.
        using (var listAgain = await session.GetAsync("/api/v1/videos")) Assert.Equal(HttpStatusCode.OK, listAgain.StatusCode);
        await scenario.UploadAsync(2);
        var result = await scenario.FinishAsync(TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(20));
        Assert.False(scenario.Api.HasExited, "the API process ended");
        Assert.False(scenario.Workers[0].HasExited, "the Worker process ended");

        scenario.Report(output, result, new Dictionary<string, object?>
        {
            ["readyDuringOutage"] = readyStatus,
            ["requestDuringOutage"] = listStatus,
            ["recovered"] = true, // ready came back (the loop above fails the test otherwise)
            ["outageSeconds"] = down,
            ["recoverySeconds"] = recoverySeconds,
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

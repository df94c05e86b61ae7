using System.Diagnostics;
using System.Net;
using AskVideo.Resilience.Tests.Infrastructure;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace AskVideo.Resilience.Tests;

/// <summary>
/// SPEC §8 Reliability: Redis is restarted, and later flushed (FLUSHALL), each time while jobs are running. PostgreSQL
/// is the queue's source of truth (the outbox): nothing may be lost — the reconciler re-publishes what Redis forgot — and
/// nothing may run twice to a visible effect. An upload while Redis is down is either accepted (and then processed) or
/// refused with a 503, never a 500.
/// </summary>
[Collection(ResilienceCollection.Name)]
public sealed class RedisOutageTests(ResilienceStack stack, ITestOutputHelper output)
{
    [Fact]
    public async Task Jobs_ShouldNeitherBeLostNorDuplicated_WhenRedisRestartsAndIsFlushedWithWorkInFlight()
    {
        await using var scenario = await OutageScenario.StartAsync(stack, "redis-restart-flush", workers: 2);
        var (session, anonymous, ledger, clips) = (scenario.Session, scenario.Anonymous, scenario.Ledger, scenario.Clips);
        for (var i = 0; i < clips.Count; i++) await scenario.UploadAsync(i);

        // 1. Restart while a job runs.
        await scenario.WaitForRunningJobAsync(TimeSpan.FromMilliseconds(200));
        await stack.StackAsync("redis-stop");
        var outage = Stopwatch.StartNew();
        var timer = Stopwatch.StartNew();
        using var ready = await anonymous.GetAsync("/api/v1/health/ready");
        var readySeconds = timer.Elapsed.TotalSeconds;
        // The upload is committed with its job in PostgreSQL; Redis only carries the wake-up.
        int uploadDuringOutage;
        double uploadSeconds;
        timer.Restart();
        using (var form = AskVideo.Integration.Tests.Infrastructure.TestMedia.Upload(clips[0].Path))
        using (var upload = await session.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/videos") { Content = form }))
        {
            uploadDuringOutage = (int)upload.StatusCode;
            uploadSeconds = timer.Elapsed.TotalSeconds;
            var body = await upload.Content.ReadAsStringAsync();
            if (upload.StatusCode == HttpStatusCode.Created)
                ledger.Uploaded(System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid(), Clips.Scripts[0].Length);
            else
                Assert.True(upload.StatusCode == HttpStatusCode.ServiceUnavailable, $"an upload while Redis is down answered {uploadDuringOutage}: {body}");
        }
        await Task.Delay(TimeSpan.FromSeconds(1));
        await stack.StackAsync("redis-start");
        var outageSeconds = outage.Elapsed.TotalSeconds;

        // 2. FLUSHALL while jobs run: the queue's lists, claims and wake-ups are gone; the outbox rows are not.
        await scenario.WaitForRunningJobAsync(TimeSpan.FromMilliseconds(200));
        using (var redis = await ConnectionMultiplexer.ConnectAsync(stack.RedisConfiguration))
        {
            foreach (var endpoint in redis.GetEndPoints()) await redis.GetServer(endpoint).FlushAllDatabasesAsync();
        }
        // Work keeps arriving after the flush.
        await scenario.UploadAsync(1);
        await scenario.UploadAsync(2);

        var result = await scenario.FinishAsync(TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(30));
        scenario.Report(output, result, new Dictionary<string, object?>
        {
            ["restarts"] = 1,
            ["flushes"] = 1,
            ["readyDuringOutage"] = (int)ready.StatusCode,
            ["uploadDuringOutage"] = uploadDuringOutage,
            ["outageSeconds"] = outageSeconds,
            ["readySecondsDuringOutage"] = readySeconds,
            ["uploadSecondsDuringOutage"] = uploadSeconds,
        });
        Assert.True(result.Lost == 0 && result.Duplicated == 0, string.Join('\n', result.Problems));
        Assert.Equal(ledger.ExpectedJobs, result.Jobs);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        // Redis being down costs a request nothing it does not need Redis for: no wait for a connection that is not
        // there (readiness gives its Redis check 3 s at most; an upload needs only PostgreSQL and storage).
        Assert.True(readySeconds < 4, $"readiness took {readySeconds:0.0} s to answer while Redis was down");
        Assert.True(uploadSeconds < 4, $"an upload took {uploadSeconds:0.0} s while Redis was down");
    }
}

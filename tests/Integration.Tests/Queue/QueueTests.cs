using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Jobs.Ping;
using AskVideo.Domain.Jobs;
using AskVideo.Infrastructure.Persistence;
using AskVideo.Infrastructure.Queue;
using AskVideo.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AskVideo.Integration.Tests.Queue;

public class QueueTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private async Task<Guid> EnqueueAsync(IBackgroundJob job, int? maxAttempts = null)
    {
        await using var scope = CreateScope();
        var queue = scope.ServiceProvider.GetRequiredService<IJobQueue>();
        var id = queue.Enqueue(job, maxAttempts);
        await scope.ServiceProvider.GetRequiredService<IAppDbContext>().SaveChangesAsync(CancellationToken.None);
        return id;
    }

    private async Task<Job> WaitForAsync(Guid id, Func<Job, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            await using var scope = CreateScope();
            var job = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Jobs.AsNoTracking().SingleAsync(j => j.Id == id);
            if (done(job)) return job;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Job {id} is still {job.Status} after {job.Attempts} attempts: {job.LastError}");
            await Task.Delay(50);
        }
    }

    /// <summary>Writes a Ping job row directly in a given state, bypassing the dispatcher's wake-up.</summary>
    private static async Task<Guid> InsertJobAsync(string status, string updatedAt, int attempts, string leaseUntil)
    {
        var id = Guid.NewGuid();
        await using var connection = new NpgsqlConnection(TestEnvironment.ConnectionString(TestEnvironment.Database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($$"""
            INSERT INTO jobs (id, type, payload, status, attempts, max_attempts, available_at, lease_until, created_at, updated_at)
            VALUES (@id, 'Ping', '{"note":"test"}', @status, @attempts, 5, now(), {{leaseUntil}}, now(), {{updatedAt}})
            """, connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("attempts", attempts);
        await command.ExecuteNonQueryAsync();
        return id;
    }

    [Fact]
    public async Task Enqueue_ShouldRunTheJobOnce_ThroughOutboxRedisAndConsumer()
    {
        var id = await EnqueueAsync(new PingJob("hello"));

        var job = await WaitForAsync(id, j => j.Status == JobStatus.Succeeded);

        Assert.Equal(1, job.Attempts);
        Assert.NotNull(job.FinishedAt);
        var (pending, processing, _) = await Fixture.Services.GetRequiredService<RedisJobQueue>().CountsAsync();
        Assert.Equal(0, pending);
        Assert.Equal(0, processing);
    }

    [Fact]
    public async Task TransientFailures_ShouldBeRetriedWithBackoff_UntilTheJobSucceeds()
    {
        var key = Guid.NewGuid();
        var id = await EnqueueAsync(new FlakyJob(key, FailTimes: 2));

        var job = await WaitForAsync(id, j => j.Status == JobStatus.Succeeded);

        Assert.Equal(3, job.Attempts);
        Assert.Equal(3, FlakyJobHandler.Runs[key]);
        Assert.Contains("Transient failure 2", job.LastError);
    }

    [Fact]
    public async Task ExhaustedRetries_ShouldMoveTheJobToTheDeadLetters()
    {
        var id = await EnqueueAsync(new FlakyJob(Guid.NewGuid(), FailTimes: 10), maxAttempts: 2);

        var job = await WaitForAsync(id, j => j.Status == JobStatus.Dead);

        Assert.Equal(2, job.Attempts);
        var (_, _, dead) = await Fixture.Services.GetRequiredService<RedisJobQueue>().CountsAsync();
        Assert.Equal(1, dead);
    }

    [Fact]
    public async Task UnknownJobTypes_ShouldFailPermanently_WithoutRetries()
    {
        Guid id;
        await using (var scope = CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var row = Job.Create("NoSuchJob", "{}", DateTimeOffset.UtcNow);
            db.Jobs.Add(row);
            await db.SaveChangesAsync();
            id = row.Id;
        }

        var job = await WaitForAsync(id, j => j.Status == JobStatus.Failed);

        Assert.Equal(1, job.Attempts);
        Assert.Contains("Unknown job type", job.LastError);
    }

    [Fact]
    public async Task Reconciler_ShouldReenqueueDispatchedJobs_ThatRedisLost()
    {
        // A job the outbox believes is on the queue, but Redis no longer has (e.g. after FLUSHALL).
        var id = await InsertJobAsync("dispatched", "now() - interval '1 minute'", attempts: 0, leaseUntil: "NULL");

        var job = await WaitForAsync(id, j => j.Status == JobStatus.Succeeded);

        Assert.Equal(1, job.Attempts);
    }

    [Fact]
    public async Task Reaper_ShouldTakeOverJobs_OfAConsumerThatDied()
    {
        // Simulate a consumer killed mid-job: the job is running with an expired lease and sits in Redis' processing list.
        var id = await InsertJobAsync("running", "now()", attempts: 1, leaseUntil: "now() - interval '5 seconds'");
        var redis = Fixture.Services.GetRequiredService<RedisConnection>().Database;
        var queue = Fixture.Services.GetRequiredService<RedisJobQueue>();
        await redis.ListLeftPushAsync(queue.ProcessingKey, id.ToString("N"));
        await redis.SortedSetAddAsync(queue.LeasesKey, id.ToString("N"), DateTimeOffset.UtcNow.AddSeconds(-5).ToUnixTimeMilliseconds());

        var job = await WaitForAsync(id, j => j.Status == JobStatus.Succeeded);

        Assert.Equal(2, job.Attempts);
    }

    [Fact]
    public async Task DuplicateQueueEntries_ShouldNotRunAJobTwice()
    {
        var key = Guid.NewGuid();
        var id = await EnqueueAsync(new FlakyJob(key, FailTimes: 0));
        await WaitForAsync(id, j => j.Status == JobStatus.Succeeded);

        // The same id pushed again (a reconciler race or a crash between push and commit) is acknowledged and skipped.
        await Fixture.Services.GetRequiredService<RedisJobQueue>().PushAsync([id]);
        await Task.Delay(1000);

        Assert.Equal(1, FlakyJobHandler.Runs[key]);
        var (pending, processing, _) = await Fixture.Services.GetRequiredService<RedisJobQueue>().CountsAsync();
        Assert.Equal(0, pending + processing);
    }
}

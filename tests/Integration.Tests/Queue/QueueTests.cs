using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Jobs.Ping;
using AskVideo.Domain.Jobs;
using AskVideo.Infrastructure.Persistence;
using AskVideo.Infrastructure.Queue;
using AskVideo.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StackExchange.Redis;

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
    private static async Task<Guid> InsertJobAsync(string status, string updatedAt, int attempts, string leaseUntil, int maxAttempts = 5)
    {
        var id = Guid.NewGuid();
        await using var connection = new NpgsqlConnection(TestEnvironment.ConnectionString(TestEnvironment.Database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($$"""
            INSERT INTO jobs (id, type, payload, status, attempts, max_attempts, available_at, lease_until, created_at, updated_at)
            VALUES (@id, 'Ping', '{"note":"test"}', @status, @attempts, @maxAttempts, now(), {{leaseUntil}}, now(), {{updatedAt}})
            """, connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("attempts", attempts);
        command.Parameters.AddWithValue("maxAttempts", maxAttempts);
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
        var (pending, processing) = await Fixture.Services.GetRequiredService<RedisJobQueue>().CountsAsync();
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
        Assert.Null(job.LastError); // the last run succeeded: the earlier attempts' errors are not its outcome
    }

    [Fact]
    public async Task ExhaustedRetries_ShouldMoveTheJobToTheDeadLetters()
    {
        var id = await EnqueueAsync(new FlakyJob(Guid.NewGuid(), FailTimes: 10), maxAttempts: 2);

        var job = await WaitForAsync(id, j => j.Status == JobStatus.Dead);

        Assert.Equal(2, job.Attempts);
        Assert.Contains("Transient failure 2", job.LastError);
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
        var member = new QueueClaim(id, Guid.NewGuid()).Member;
        await redis.ListLeftPushAsync(queue.ProcessingKey, member);
        await redis.SortedSetAddAsync(queue.LeasesKey, member, DateTimeOffset.UtcNow.AddSeconds(-5).ToUnixTimeMilliseconds());
        await redis.SetAddAsync(queue.IdsKey, id.ToString("N"));

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
        var (pending, processing) = await Fixture.Services.GetRequiredService<RedisJobQueue>().CountsAsync();
        Assert.Equal(0, pending + processing);
    }

    private static async Task ExecuteSqlAsync(string sql, Guid? id = null)
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.ConnectionString(TestEnvironment.Database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (id is { } value) command.Parameters.AddWithValue("id", value);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting until {what}.");
            await Task.Delay(50);
        }
    }

    /// <summary>A queue on its own key prefix, with no consumer: its Redis state only changes when the test acts.</summary>
    private RedisJobQueue IsolatedQueue() => new(
        Fixture.Services.GetRequiredService<RedisConnection>(),
        Microsoft.Extensions.Options.Options.Create(new QueueOptions { KeyPrefix = "avqiso" }),
        TimeProvider.System);

    [Fact]
    public async Task AckAsync_ShouldRemoveOnlyItsOwnClaim_WhenTheSameJobWasClaimedTwice()
    {
        var queue = IsolatedQueue();
        var redis = Fixture.Services.GetRequiredService<RedisConnection>().Database;
        var id = Guid.NewGuid();
        await queue.PushAsync([id]);
        var running = (await queue.ClaimAsync(TimeSpan.FromMinutes(1)))!.Value;
        await redis.ListLeftPushAsync(queue.PendingKey, id.ToString("N")); // a duplicate entry of the running job
        var duplicate = (await queue.ClaimAsync(TimeSpan.FromMinutes(1)))!.Value;

        await queue.AckAsync(duplicate);

        Assert.Equal(id, duplicate.JobId);
        Assert.NotEqual(running.Token, duplicate.Token);
        Assert.NotNull(await redis.SortedSetScoreAsync(queue.LeasesKey, running.Member));
        Assert.Equal([(RedisValue)running.Member], await redis.ListRangeAsync(queue.ProcessingKey));
        Assert.True(await queue.RenewAsync(running, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task ReapAsync_ShouldReturnOnlyTheExpiredClaim_WhenAnotherClaimOfTheJobIsLive()
    {
        var queue = IsolatedQueue();
        var redis = Fixture.Services.GetRequiredService<RedisConnection>().Database;
        var id = Guid.NewGuid();
        await queue.PushAsync([id]);
        var expired = (await queue.ClaimAsync(TimeSpan.FromSeconds(-1)))!.Value;
        await redis.ListLeftPushAsync(queue.PendingKey, id.ToString("N"));
        var live = (await queue.ClaimAsync(TimeSpan.FromMinutes(1)))!.Value;

        var reaped = await queue.ReapAsync();

        Assert.Equal(1, reaped);
        Assert.Equal([(RedisValue)id.ToString("N")], await redis.ListRangeAsync(queue.PendingKey));
        Assert.Equal([(RedisValue)live.Member], await redis.ListRangeAsync(queue.ProcessingKey));
        Assert.Null(await redis.SortedSetScoreAsync(queue.LeasesKey, expired.Member));
    }

    [Fact]
    public async Task FindQueuedAsync_ShouldAnswerFromTheIdSet_WhileJobsArePendingOrClaimed()
    {
        var queue = IsolatedQueue();
        var (pendingId, claimedId, ackedId, unknownId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await queue.PushAsync([ackedId]);
        var acked = (await queue.ClaimAsync(TimeSpan.FromMinutes(1)))!.Value;
        await queue.AckAsync(acked);
        await queue.PushAsync([claimedId]);
        await queue.ClaimAsync(TimeSpan.FromMinutes(1));
        await queue.PushAsync([pendingId, pendingId]);

        var queued = await queue.FindQueuedAsync([pendingId, claimedId, ackedId, unknownId]);

        Assert.Equal(new HashSet<Guid> { pendingId, claimedId }, queued.ToHashSet());
        var (pending, processing) = await queue.CountsAsync();
        Assert.Equal(1, pending);
        Assert.Equal(1, processing);
    }

    [Fact]
    public async Task DuplicateEntry_ShouldNotTouchTheRunningClaim_WhenItIsClaimedWhileTheJobRuns()
    {
        var key = Guid.NewGuid();
        var queue = Fixture.Services.GetRequiredService<RedisJobQueue>();
        var redis = Fixture.Services.GetRequiredService<RedisConnection>().Database;
        var id = await EnqueueAsync(new GatedJob(key));
        await GatedJobHandler.Gate(GatedJobHandler.Started, key).Task.WaitAsync(TimeSpan.FromSeconds(15));

        await redis.ListLeftPushAsync(queue.PendingKey, id.ToString("N"));
        await WaitUntilAsync(async () => (await queue.CountsAsync()).Pending == 0, "the duplicate entry is claimed");
        await Task.Delay(300);

        var leases = await redis.SortedSetRangeByRankAsync(queue.LeasesKey);
        Assert.Single(leases);
        Assert.StartsWith(id.ToString("N") + ":", (string)leases[0]!);
        Assert.Single(await redis.ListRangeAsync(queue.ProcessingKey));
        GatedJobHandler.Gate(GatedJobHandler.Release, key).TrySetResult();
        var job = await WaitForAsync(id, j => j.Status == JobStatus.Succeeded);
        Assert.Equal(1, job.Attempts);
    }

    [Fact]
    public async Task RunningJob_ShouldBeCancelledWithoutRecordingAnOutcome_WhenItsDatabaseLeaseIsTakenOver()
    {
        var key = Guid.NewGuid();
        var id = await EnqueueAsync(new GatedJob(key));
        await GatedJobHandler.Gate(GatedJobHandler.Started, key).Task.WaitAsync(TimeSpan.FromSeconds(15));

        // Another worker takes the job over (as after a missed renewal): new attempt, new lease token.
        await ExecuteSqlAsync("UPDATE jobs SET attempts = attempts + 1, lease_token = gen_random_uuid(), lease_until = now() + interval '5 minutes' WHERE id = @id", id);

        await GatedJobHandler.Gate(GatedJobHandler.Cancelled, key).Task.WaitAsync(TimeSpan.FromSeconds(15));
        await Task.Delay(500);
        await using var scope = CreateScope();
        var job = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Jobs.AsNoTracking().SingleAsync(j => j.Id == id);
        Assert.Equal(JobStatus.Running, job.Status);
        Assert.Equal(2, job.Attempts);
        Assert.Null(job.LastError);
        GatedJobHandler.Gate(GatedJobHandler.Release, key).TrySetResult();
    }

    [Fact]
    public async Task RunningJob_ShouldBeCancelled_WhenItsDatabaseLeaseCannotBeRenewedBeforeItExpires()
    {
        var key = Guid.NewGuid();
        var id = await EnqueueAsync(new GatedJob(key));
        await GatedJobHandler.Gate(GatedJobHandler.Started, key).Task.WaitAsync(TimeSpan.FromSeconds(15));
        // From now on every renewal of this job's lease fails in the database (Redis keeps working).
        await ExecuteSqlAsync($$"""
            CREATE FUNCTION test_fail_renewal() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF OLD.id = '{{id}}' AND OLD.status = 'running' AND NEW.status = 'running' THEN
                RAISE EXCEPTION 'simulated database failure while renewing a lease';
              END IF;
              RETURN NEW;
            END $$;
            CREATE TRIGGER test_fail_renewal BEFORE UPDATE ON jobs FOR EACH ROW EXECUTE FUNCTION test_fail_renewal();
            """);
        try
        {
            var cancelled = GatedJobHandler.Gate(GatedJobHandler.Cancelled, key).Task;

            await cancelled.WaitAsync(TimeSpan.FromSeconds(15));

            Assert.True(cancelled.IsCompletedSuccessfully);
        }
        finally
        {
            await ExecuteSqlAsync("""
                DROP TRIGGER IF EXISTS test_fail_renewal ON jobs;
                DROP FUNCTION IF EXISTS test_fail_renewal();
                """);
            // A later takeover of the job must not hold a consumer slot for the rest of the run.
            GatedJobHandler.Gate(GatedJobHandler.Release, key).TrySetResult();
        }
    }

    [Fact]
    public async Task SucceededJob_ShouldNotBeRetried_WhenRecordingTheSuccessFailsAtFirst()
    {
        var key = Guid.NewGuid();
        // The first two attempts to mark any job succeeded fail (a sequence is not rolled back with the failing UPDATE).
        await ExecuteSqlAsync("""
            CREATE SEQUENCE test_complete_failures;
            CREATE FUNCTION test_fail_complete() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF NEW.status = 'succeeded' AND nextval('test_complete_failures') <= 2 THEN
                RAISE EXCEPTION 'simulated database failure while recording success';
              END IF;
              RETURN NEW;
            END $$;
            CREATE TRIGGER test_fail_complete BEFORE UPDATE ON jobs FOR EACH ROW EXECUTE FUNCTION test_fail_complete();
            """);
        try
        {
            var id = await EnqueueAsync(new FlakyJob(key, FailTimes: 0));

            var job = await WaitForAsync(id, j => j.Status == JobStatus.Succeeded);

            Assert.Equal(1, job.Attempts);
            Assert.Equal(1, FlakyJobHandler.Runs[key]);
            Assert.Null(job.LastError);
        }
        finally
        {
            await ExecuteSqlAsync("""
                DROP TRIGGER IF EXISTS test_fail_complete ON jobs;
                DROP FUNCTION IF EXISTS test_fail_complete();
                DROP SEQUENCE IF EXISTS test_complete_failures;
                """);
        }
    }

    [Fact]
    public async Task TryStart_ShouldMoveTheJobToDead_WhenItsLastAllowedAttemptDiedWithTheWorker()
    {
        // The worker running attempt 3 of 3 was killed: the job is running with an expired lease, still claimed in Redis.
        var id = await InsertJobAsync("running", "now()", attempts: 3, leaseUntil: "now() - interval '5 seconds'", maxAttempts: 3);
        var redis = Fixture.Services.GetRequiredService<RedisConnection>().Database;
        var queue = Fixture.Services.GetRequiredService<RedisJobQueue>();
        var member = new QueueClaim(id, Guid.NewGuid()).Member;
        await redis.ListLeftPushAsync(queue.ProcessingKey, member);
        await redis.SortedSetAddAsync(queue.LeasesKey, member, DateTimeOffset.UtcNow.AddSeconds(-5).ToUnixTimeMilliseconds());
        await redis.SetAddAsync(queue.IdsKey, id.ToString("N"));

        var job = await WaitForAsync(id, j => j.Status is JobStatus.Dead or JobStatus.Succeeded);

        Assert.Equal(JobStatus.Dead, job.Status);
        Assert.Equal(3, job.Attempts);
        Assert.Contains("died", job.LastError);
        Assert.NotNull(job.FinishedAt);
    }
}

using System.Diagnostics;
using System.Text.Json;
using AskVideo.Domain.Jobs;
using AskVideo.Infrastructure.Persistence;
using AskVideo.Infrastructure.Queue;
using AskVideo.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace AskVideo.Integration.Tests.Queue;

/// <summary>
/// A consumer's shutdown, on a consumer of its own: a queue under another Redis prefix, so the shared API's consumer
/// never claims these jobs while the test stops this one.
/// </summary>
public class ShutdownTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private (JobConsumer Consumer, RedisJobQueue Queue) CreateConsumer(TimeSpan shutdownTimeout)
    {
        var services = Fixture.Services;
        var shared = services.GetRequiredService<IOptions<QueueOptions>>().Value;
        var options = Options.Create(new QueueOptions
        {
            KeyPrefix = "avqsd" + Guid.NewGuid().ToString("N")[..8],
            Concurrency = 1,
            LeaseSeconds = shared.LeaseSeconds,
            PollMilliseconds = 100,
        });
        var queue = ActivatorUtilities.CreateInstance<RedisJobQueue>(services, options);
        var consumer = ActivatorUtilities.CreateInstance<JobConsumer>(services, queue, options, Options.Create(new HostOptions { ShutdownTimeout = shutdownTimeout }));
        return (consumer, queue);
    }

    /// <summary>A dispatched job row (the shared dispatcher leaves it alone), pushed onto the test consumer's queue.</summary>
    private static async Task<Guid> DispatchAsync(RedisJobQueue queue, GatedJob job)
    {
        var id = Guid.NewGuid();
        await using var connection = new NpgsqlConnection(TestEnvironment.ConnectionString(TestEnvironment.Database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            INSERT INTO jobs (id, type, payload, status, attempts, max_attempts, available_at, created_at, updated_at)
            VALUES (@id, 'Gated', @payload, 'dispatched', 0, 5, now(), now(), now())
            """, connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("payload", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(job, JobQueue.PayloadJson));
        await command.ExecuteNonQueryAsync();
        await queue.PushAsync([id]);
        return id;
    }

    private async Task<Job> ReadJobAsync(Guid id)
    {
        await using var scope = CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Jobs.AsNoTracking().SingleAsync(j => j.Id == id);
    }

    [Fact]
    public void ShutdownGrace_ShouldLeaveAMarginOfAQuarterAtMostFiveSeconds_OfTheHostShutdownTimeout()
    {
        Assert.Equal(TimeSpan.FromSeconds(25), JobConsumer.ShutdownGrace(TimeSpan.FromSeconds(30)));
        Assert.Equal(TimeSpan.FromSeconds(1.5), JobConsumer.ShutdownGrace(TimeSpan.FromSeconds(2)));
        Assert.Equal(TimeSpan.Zero, JobConsumer.ShutdownGrace(TimeSpan.Zero));
    }

    [Fact]
    public async Task Shutdown_ShouldLetTheRunningJobFinish_WithinTheGracePeriod()
    {
        var (consumer, queue) = CreateConsumer(TimeSpan.FromSeconds(10));
        var key = Guid.NewGuid();
        using var _ = consumer;
        await consumer.StartAsync(CancellationToken.None);
        var id = await DispatchAsync(queue, new GatedJob(key));
        await GatedJobHandler.Gate(GatedJobHandler.Started, key).Task.WaitAsync(TimeSpan.FromSeconds(15));

        using var hostTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var stop = consumer.StopAsync(hostTimeout.Token);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var cancelledEarly = GatedJobHandler.Gate(GatedJobHandler.Cancelled, key).Task.IsCompleted;
        var stoppedEarly = stop.IsCompleted;
        GatedJobHandler.Gate(GatedJobHandler.Release, key).TrySetResult();
        await stop.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.False(cancelledEarly, "The running job was cancelled as soon as shutdown started.");
        Assert.False(stoppedEarly, "The consumer stopped without waiting for its running job.");
        var job = await ReadJobAsync(id);
        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Equal(1, job.Attempts);
    }

    [Fact]
    public async Task Shutdown_ShouldCancelAndReleaseTheRunningJob_WhenTheGracePeriodEnds()
    {
        var (consumer, queue) = CreateConsumer(TimeSpan.FromSeconds(2)); // grace 1.5 s
        var key = Guid.NewGuid();
        using var _ = consumer;
        await consumer.StartAsync(CancellationToken.None);
        var id = await DispatchAsync(queue, new GatedJob(key));
        await GatedJobHandler.Gate(GatedJobHandler.Started, key).Task.WaitAsync(TimeSpan.FromSeconds(15));

        using var hostTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var clock = Stopwatch.StartNew();
        var stop = consumer.StopAsync(hostTimeout.Token);
        await GatedJobHandler.Gate(GatedJobHandler.Cancelled, key).Task.WaitAsync(TimeSpan.FromSeconds(10));
        var cancelledAfter = clock.Elapsed;
        await stop;
        var stoppedAfter = clock.Elapsed;
        var released = await ReadJobAsync(id);
        // Released jobs go back to the queue; the shared consumer may run this one now, and it may finish.
        GatedJobHandler.Gate(GatedJobHandler.Release, key).TrySetResult();

        Assert.InRange(cancelledAfter, TimeSpan.FromSeconds(1.3), TimeSpan.FromSeconds(2));
        Assert.True(stoppedAfter < TimeSpan.FromSeconds(2), $"The consumer took {stoppedAfter} to stop, past the host's shutdown timeout.");
        Assert.NotEqual(JobStatus.Failed, released.Status);
        Assert.NotEqual(JobStatus.Dead, released.Status);
        Assert.True(released.Status != JobStatus.Running || released.Attempts == 1, "The released attempt was counted.");
        Assert.True(released.Status == JobStatus.Running || released.Attempts == 0, $"A {released.Status} job kept the released attempt.");
        Assert.Null(released.LastError);
    }
}

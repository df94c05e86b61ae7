using System.Diagnostics;
using AskVideo.Domain.Jobs;
using AskVideo.Infrastructure.Persistence;
using AskVideo.Infrastructure.Queue;
using AskVideo.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskVideo.Integration.Tests.Queue;

/// <summary>A consumer's shutdown, on an <see cref="IsolatedConsumer"/> so that the shared host's consumer stays out of it.</summary>
public class ShutdownTests(ApiFixture fixture) : IntegrationTest(fixture)
{
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
        await using var consumer = IsolatedConsumer.Create(Fixture.Services, TimeSpan.FromSeconds(10));
        var key = Guid.NewGuid();
        await consumer.StartAsync();
        var id = await consumer.DispatchAsync(new GatedJob(key));
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
        await using var consumer = IsolatedConsumer.Create(Fixture.Services, TimeSpan.FromSeconds(2)); // grace 1.5 s
        var key = Guid.NewGuid();
        await consumer.StartAsync();
        var id = await consumer.DispatchAsync(new GatedJob(key));
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

using AskVideo.Infrastructure.Logging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AskVideo.Infrastructure.Queue;

/// <summary>
/// Claims jobs from Redis and runs them with bounded concurrency. A claimed job is leased in Redis and in
/// PostgreSQL; the lease is renewed while it runs, so only a dead consumer's jobs are ever taken over.
/// On shutdown the current job is given a grace period, then released without counting the attempt.
/// </summary>
internal sealed class JobConsumer(
    RedisJobQueue queue,
    JobStore store,
    JobExecutor executor,
    RedisConnection redis,
    IOptions<QueueOptions> options,
    ILogger<JobConsumer> logger) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            redis.Subscriber.Subscribe(queue.WakeChannel, (_, _) => WakeAll());
        }
        catch (Exception ex)
        {
            logger.LogWarning("Could not subscribe to queue wake-ups; polling only: {Error}", ex.Message);
        }
        logger.LogInformation("Job consumer started with {Concurrency} slots", options.Value.Concurrency);
        var loops = Enumerable.Range(0, options.Value.Concurrency).Select(_ => RunLoopAsync(stoppingToken));
        await Task.WhenAll(loops);
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    private void WakeAll()
    {
        var slots = options.Value.Concurrency;
        if (_wake.CurrentCount < slots) _wake.Release(slots);
    }

    private async Task RunLoopAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(options.Value.PollMilliseconds);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var lease = TimeSpan.FromSeconds(options.Value.LeaseSeconds);
                var id = await queue.ClaimAsync(lease);
                if (id is null)
                {
                    await _wake.WaitAsync(poll, stoppingToken);
                    continue;
                }
                failures = 0;
                await ProcessAsync(id.Value, lease, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                failures++;
                logger.LogWarning("Job consumer loop error ({Failures} in a row): {Error}", failures, ex.Message);
                try
                {
                    await Task.Delay(Backoff.Delay(failures, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10)), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    private async Task ProcessAsync(Guid id, TimeSpan lease, CancellationToken stoppingToken)
    {
        var job = await store.TryStartAsync(id, lease, CancellationToken.None);
        if (job is null)
        {
            // Finished, running elsewhere, not due yet or unknown: this Redis entry is a duplicate or stale.
            await queue.AckAsync(id);
            return;
        }

        if (!executor.CanRun(job.Type))
        {
            await store.DeferAsync(job.Id, job.Attempts, TimeSpan.FromSeconds(60), "Waiting for a worker that can run this job type.", CancellationToken.None);
            await queue.AckAsync(job.Id);
            logger.LogDebug("Job {JobType} deferred: no handler in this process", job.Type);
            return;
        }

        using var jobScope = logger.BeginScope(new LogScope(("JobId", job.Id), ("JobType", job.Type), ("Attempt", job.Attempts)));
        using var heartbeatCts = new CancellationTokenSource();
        var heartbeat = RenewLeaseAsync(job, lease, heartbeatCts.Token);
        var started = TimeProvider.System.GetTimestamp();
        try
        {
            await executor.ExecuteAsync(job, stoppingToken);
            await store.CompleteAsync(job.Id, job.Attempts, CancellationToken.None);
            logger.LogInformation("Job {JobType} succeeded in {ElapsedMs} ms", job.Type, (long)TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await store.ReleaseAsync(job.Id, job.Attempts, CancellationToken.None);
            logger.LogInformation("Job {JobType} released on shutdown", job.Type);
        }
        catch (Exception ex) when (JobExecutor.IsPermanent(ex))
        {
            await store.FailPermanentlyAsync(job.Id, job.Attempts, ex.Message, CancellationToken.None);
            logger.LogWarning("Job {JobType} failed permanently: {Error}", job.Type, ex.Message);
        }
        catch (Exception ex)
        {
            if (job.Attempts >= job.MaxAttempts)
            {
                await store.BuryAsync(job.Id, job.Attempts, ex.Message, CancellationToken.None);
                await queue.AddDeadLetterAsync(job.Id);
                logger.LogError("Job {JobType} moved to dead letters after {Attempts} attempts: {Error}", job.Type, job.Attempts, ex.Message);
            }
            else
            {
                var o = options.Value;
                var delay = Backoff.Delay(job.Attempts, TimeSpan.FromSeconds(o.RetryBaseSeconds), TimeSpan.FromSeconds(o.RetryMaxSeconds));
                await store.ScheduleRetryAsync(job.Id, job.Attempts, delay, ex.Message, CancellationToken.None);
                logger.LogWarning("Job {JobType} failed (attempt {Attempt}), retrying in {DelayMs} ms: {Error}", job.Type, job.Attempts, (long)delay.TotalMilliseconds, ex.Message);
            }
        }
        finally
        {
            await heartbeatCts.CancelAsync();
            await heartbeat;
            await queue.AckAsync(job.Id);
        }
    }

    private async Task RenewLeaseAsync(ClaimedJob job, TimeSpan lease, CancellationToken cancellationToken)
    {
        var every = lease / 3;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, cancellationToken);
                await queue.RenewAsync(job.Id, lease);
                await store.RenewLeaseAsync(job.Id, job.Attempts, lease, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning("Could not renew the lease of job {JobId}: {Error}", job.Id, ex.Message);
            }
        }
    }
}

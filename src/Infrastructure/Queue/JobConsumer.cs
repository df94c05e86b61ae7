using System.Diagnostics;
using AskVideo.Infrastructure.Logging;
using AskVideo.Infrastructure.Observability;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AskVideo.Infrastructure.Queue;

/// <summary>
/// Claims jobs from Redis and runs them with bounded concurrency. Each claim has its own token: the Redis entry and
/// lease are "&lt;jobId&gt;:&lt;token&gt;" and the PostgreSQL lease carries the same token, so this run acks, renews and
/// records outcomes for its own claim only. Delivery is at least once: the PostgreSQL lease decides which run may
/// record an outcome (one at a time), it is renewed on its own schedule whatever Redis does, and when it is lost (taken
/// over, or not renewable before it expires) the job's CancellationToken fires and the run's outcome is not recorded.
/// Cancellation is cooperative, so a stalled run can still be finishing while its successor starts: handlers are
/// idempotent. On shutdown no new job is claimed and the running ones get a grace period (the host's shutdown timeout
/// less a margin) to finish; those still running then are cancelled and released without counting the attempt.
/// </summary>
internal sealed class JobConsumer(
    RedisJobQueue queue,
    JobStore store,
    JobExecutor executor,
    RedisConnection redis,
    AppMetrics metrics,
    IOptions<QueueOptions> options,
    IOptions<HostOptions> host,
    TimeProvider time,
    ILogger<JobConsumer> logger) : BackgroundService
{
    private const int CompletionAttempts = 5;

    private static readonly TimeSpan MaxReleaseMargin = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);

    private int _running;

    /// <summary>
    /// How long running jobs may go on after shutdown starts: the host's shutdown timeout less a margin (a quarter of
    /// it, at most 5 s) in which the jobs still running are cancelled and released before the host gives up waiting.
    /// </summary>
    internal static TimeSpan ShutdownGrace(TimeSpan shutdownTimeout)
    {
        if (shutdownTimeout <= TimeSpan.Zero || shutdownTimeout == Timeout.InfiniteTimeSpan) return TimeSpan.Zero;
        var margin = TimeSpan.FromTicks(Math.Min(MaxReleaseMargin.Ticks, shutdownTimeout.Ticks / 4));
        return shutdownTimeout - margin;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        // stoppingToken stops the claiming; graceOver, which fires a grace period later, cancels the jobs still running.
        using var graceOver = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        var grace = ShutdownGrace(host.Value.ShutdownTimeout);
        await using var stopping = stoppingToken.Register(() =>
        {
            logger.LogInformation("Job consumer stopping: {Running} running jobs get up to {GraceMs} ms to finish", Volatile.Read(ref _running), (long)grace.TotalMilliseconds);
            graceOver.CancelAfter(grace);
        });
        try
        {
            await redis.Subscriber.SubscribeAsync(queue.WakeChannel, (_, _) => WakeAll());
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not subscribe to queue wake-ups; polling only");
        }
        logger.LogInformation("Job consumer started with {Concurrency} slots", options.Value.Concurrency);
        var loops = Enumerable.Range(0, options.Value.Concurrency).Select(_ => RunLoopAsync(stoppingToken, graceOver.Token));
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

    private async Task RunLoopAsync(CancellationToken stoppingToken, CancellationToken graceOver)
    {
        var poll = TimeSpan.FromMilliseconds(options.Value.PollMilliseconds);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var lease = TimeSpan.FromSeconds(options.Value.LeaseSeconds);
                var claim = await queue.ClaimAsync(lease);
                if (claim is null)
                {
                    await _wake.WaitAsync(poll, stoppingToken);
                    continue;
                }
                failures = 0;
                await ProcessAsync(claim.Value, lease, graceOver);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                failures++;
                logger.LogWarning(ex, "Job consumer loop error ({Failures} in a row)", failures);
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

    private async Task ProcessAsync(QueueClaim claim, TimeSpan lease, CancellationToken graceOver)
    {
        var (outcome, job) = await store.TryStartAsync(claim.JobId, claim.Token, lease, CancellationToken.None);
        if (outcome != StartOutcome.Started || job is null)
        {
            if (outcome == StartOutcome.Buried)
            {
                logger.LogError("Job {JobId} ({JobType}) moved to dead letters: attempt {Attempt} of {MaxAttempts} never finished", job!.Id, job.Type, job.Attempts, job.MaxAttempts);
                metrics.JobFailed(job.Type, AppMetrics.Outcome.Dead, null);
            }
            await queue.AckAsync(claim);
            return;
        }

        if (!executor.CanRun(job.Type))
        {
            await queue.AckAsync(claim);
            await store.DeferAsync(job, TimeSpan.FromSeconds(60), "Waiting for a worker that can run this job type.", CancellationToken.None);
            logger.LogDebug("Job {JobType} deferred: no handler in this process", job.Type);
            return;
        }

        // The job's span continues the trace of the request that enqueued it; its ids are in every log line of the run.
        using var activity = Telemetry.StartJob(job.Type, job.Id, job.Attempts, job.TraceParent);
        using var jobScope = logger.BeginScope(new LogScope(("JobId", job.Id), ("JobType", job.Type), ("Attempt", job.Attempts)));
        logger.LogDebug("Job {JobType} started (attempt {Attempt} of {MaxAttempts})", job.Type, job.Attempts, job.MaxAttempts);
        using var leaseLost = new CancellationTokenSource();
        using var heartbeatCts = new CancellationTokenSource();
        using var jobCts = CancellationTokenSource.CreateLinkedTokenSource(graceOver, leaseLost.Token);
        var heartbeat = KeepLeaseAsync(claim, job, lease, leaseLost, heartbeatCts.Token);
        var started = time.GetTimestamp();
        try
        {
            Exception? failure = null;
            Interlocked.Increment(ref _running);
            try
            {
                await executor.ExecuteAsync(job, jobCts.Token);
            }
            catch (Exception ex)
            {
                failure = ex;
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
            var elapsed = time.GetElapsedTime(started);

            // Redis first: the claim is done either way. The PostgreSQL outcome below is what matters; if it is never
            // written, the lease expires and the reconciler queues the job again.
            await AckQuietlyAsync(claim);

            string result;
            if (leaseLost.IsCancellationRequested)
            {
                // Another run owns the job now (or will): this run records nothing.
                logger.LogWarning(failure, "Job {JobType} abandoned: its lease was lost while it ran", job.Type);
                result = AppMetrics.Outcome.Abandoned;
            }
            else if (failure is null)
            {
                await RecordSuccessAsync(job, started);
                result = AppMetrics.Outcome.Succeeded;
            }
            else if (failure is OperationCanceledException && graceOver.IsCancellationRequested)
            {
                await store.ReleaseAsync(job, CancellationToken.None);
                logger.LogInformation("Job {JobType} released on shutdown: it was still running when the grace period ended", job.Type);
                result = AppMetrics.Outcome.Released;
            }
            else
            {
                result = await RecordFailureAsync(job, failure);
            }
            metrics.JobFinished(job.Type, result, elapsed, failure);
            activity.SetTag("askvideo.job.outcome", result);
            if (failure is not null) activity.SetStatus(ActivityStatusCode.Error, Telemetry.ErrorType(failure));
        }
        finally
        {
            await heartbeatCts.CancelAsync();
            await heartbeat;
        }
    }

    /// <summary>
    /// The handler succeeded, so this run must never be retried because of a failure here: recording the success is
    /// retried a few times, and if it still fails the job stays running until its lease expires (at-least-once).
    /// </summary>
    private async Task RecordSuccessAsync(ClaimedJob job, long started)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (await store.CompleteAsync(job, CancellationToken.None))
                    logger.LogInformation("Job {JobType} succeeded in {ElapsedMs} ms", job.Type, (long)time.GetElapsedTime(started).TotalMilliseconds);
                else
                    logger.LogWarning("Job {JobType} succeeded but no longer held its lease; the success was not recorded", job.Type);
                return;
            }
            catch (Exception ex) when (attempt < CompletionAttempts)
            {
                logger.LogWarning(ex, "Could not record the success of job {JobType} (try {Try} of {Tries})", job.Type, attempt, CompletionAttempts);
                await Task.Delay(Backoff.Delay(attempt, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2)));
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Could not record the success of job {JobType}; it will run again when its lease expires", job.Type);
                return;
            }
        }
    }

    /// <summary>Records the failure and returns the run's outcome: failed (permanent), dead or retry.</summary>
    private async Task<string> RecordFailureAsync(ClaimedJob job, Exception ex)
    {
        if (JobExecutor.IsPermanent(ex))
        {
            await store.FailPermanentlyAsync(job, ex.Message, CancellationToken.None);
            logger.LogWarning(ex, "Job {JobType} failed permanently", job.Type);
            return AppMetrics.Outcome.Failed;
        }
        if (job.Attempts >= job.MaxAttempts)
        {
            await store.BuryAsync(job, ex.Message, CancellationToken.None);
            logger.LogError(ex, "Job {JobType} moved to dead letters after {Attempts} attempts", job.Type, job.Attempts);
            return AppMetrics.Outcome.Dead;
        }
        var o = options.Value;
        var delay = Backoff.Delay(job.Attempts, TimeSpan.FromSeconds(o.RetryBaseSeconds), TimeSpan.FromSeconds(o.RetryMaxSeconds));
        await store.ScheduleRetryAsync(job, delay, ex.Message, CancellationToken.None);
        logger.LogWarning(ex, "Job {JobType} failed (attempt {Attempt}), retrying in {DelayMs} ms", job.Type, job.Attempts, (long)delay.TotalMilliseconds);
        return AppMetrics.Outcome.Retry;
    }

    private async Task AckQuietlyAsync(QueueClaim claim)
    {
        try
        {
            await queue.AckAsync(claim);
        }
        catch (Exception ex)
        {
            // The reaper returns the claim when its Redis lease expires; the next TryStart skips the finished job.
            logger.LogWarning(ex, "Could not acknowledge job {JobId} in Redis", claim.JobId);
        }
    }

    /// <summary>
    /// Renews the PostgreSQL lease and the Redis lease independently every third of the lease. The database lease
    /// decides: when a renewal finds it taken (0 rows) or renewals keep failing until it could expire before the next
    /// try, <paramref name="leaseLost"/> is cancelled, which cancels the job.
    /// </summary>
    private async Task KeepLeaseAsync(QueueClaim claim, ClaimedJob job, TimeSpan lease, CancellationTokenSource leaseLost, CancellationToken cancellationToken)
    {
        var every = lease / 3;
        var leaseUntil = time.GetUtcNow() + lease;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                var now = time.GetUtcNow();
                if (await store.RenewLeaseAsync(job, lease, cancellationToken))
                {
                    leaseUntil = now + lease;
                }
                else
                {
                    logger.LogWarning("Job {JobType} lost its lease to another run; cancelling it", job.Type);
                    await leaseLost.CancelAsync();
                    return;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Could not renew the database lease of job {JobType}", job.Type);
                if (time.GetUtcNow() + every >= leaseUntil)
                {
                    logger.LogWarning("Job {JobType} cannot keep its database lease; cancelling it before another worker takes it over", job.Type);
                    await leaseLost.CancelAsync();
                    return;
                }
            }

            try
            {
                if (!await queue.RenewAsync(claim, lease))
                    logger.LogDebug("The Redis lease of job {JobType} was already reaped; the database lease still holds", job.Type);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Could not renew the Redis lease of job {JobType}", job.Type);
            }
        }
    }
}

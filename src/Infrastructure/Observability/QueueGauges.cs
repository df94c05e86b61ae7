using System.Diagnostics.Metrics;
using AskVideo.Infrastructure.Queue;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AskVideo.Infrastructure.Observability;

/// <summary>
/// The queue's gauges, read when metrics are collected (a scrape), not on a timer: nothing is queried while nobody
/// looks. askvideo.queue.depth has a "state" tag: "pending" and "processing" are the Redis lists (waiting for a
/// worker, claimed by one), "outbox" the jobs that are due and not on Redis yet (the dispatchers' backlog, which
/// only grows while they cannot reach Redis or none runs), "scheduled" the jobs not due yet (the clean-up scheduled
/// for each pending upload, retries waiting for their backoff): work planned for later, not backlog.
/// askvideo.queue.dead_letters counts the dead jobs (the admin's dead letters). One read serves
/// both gauges and is reused for a second; a store that does not answer within a second or two leaves its series out
/// of that scrape instead of stalling it. Every API and worker process reports the same values: aggregate with max().
/// </summary>
internal sealed class QueueGauges
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RedisTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan DatabaseTimeout = TimeSpan.FromSeconds(2);

    private readonly RedisJobQueue _queue;
    private readonly RedisConnection _redis;
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;
    private readonly ILogger<QueueGauges> _logger;
    private readonly Lock _gate = new();
    private Snapshot? _snapshot;

    public QueueGauges(AppMetrics metrics, RedisJobQueue queue, RedisConnection redis, NpgsqlDataSource dataSource, TimeProvider time, ILogger<QueueGauges> logger)
    {
        (_queue, _redis, _dataSource, _time, _logger) = (queue, redis, dataSource, time, logger);
        metrics.Meter.CreateObservableGauge("askvideo.queue.depth", ObserveDepth, "{job}",
            "Jobs waiting, by state: pending and processing (the Redis lists), outbox (due, not yet on Redis), scheduled (not due yet).");
        metrics.Meter.CreateObservableGauge("askvideo.queue.dead_letters", ObserveDeadLetters, "{job}",
            "Jobs in the dead letters: retryable failures that used up their attempts, retriable by an admin.");
    }

    private sealed record Snapshot(long Taken, long? Pending, long? Processing, long? Outbox, long? Scheduled, long? Dead);

    private IEnumerable<Measurement<long>> ObserveDepth()
    {
        var s = Current();
        if (s.Pending is { } pending) yield return new Measurement<long>(pending, new KeyValuePair<string, object?>("state", "pending"));
        if (s.Processing is { } processing) yield return new Measurement<long>(processing, new KeyValuePair<string, object?>("state", "processing"));
        if (s.Outbox is { } outbox) yield return new Measurement<long>(outbox, new KeyValuePair<string, object?>("state", "outbox"));
        if (s.Scheduled is { } scheduled) yield return new Measurement<long>(scheduled, new KeyValuePair<string, object?>("state", "scheduled"));
    }

    private IEnumerable<Measurement<long>> ObserveDeadLetters()
    {
        if (Current().Dead is { } dead) yield return new Measurement<long>(dead);
    }

    private Snapshot Current()
    {
        lock (_gate)
        {
            if (_snapshot is { } recent && _time.GetElapsedTime(recent.Taken) < MaxAge) return recent;
            _snapshot = Read();
            return _snapshot;
        }
    }

    private Snapshot Read()
    {
        var redis = ReadRedisAsync();
        var database = ReadDatabaseAsync();
        var (pending, processing) = Wait(redis, RedisTimeout, "Redis queue lengths") ?? (null, null);
        var (outbox, scheduled, dead) = Wait(database, DatabaseTimeout, "outbox and dead-letter counts") ?? (null, null, null);
        return new Snapshot(_time.GetTimestamp(), pending, processing, outbox, scheduled, dead);
    }

    private async Task<(long?, long?)?> ReadRedisAsync()
    {
        if (!_redis.Multiplexer.IsConnected) return null;
        var (pending, processing) = await _queue.CountsAsync();
        return (pending, processing);
    }

    /// <summary>
    /// Due means what the dispatchers select (JobStore.DispatchDueAsync): pending with available_at reached. The pending
    /// jobs are read once for both counts; each status through its partial index (jobs_pending_idx, jobs_dead_idx),
    /// never the succeeded jobs.
    /// </summary>
    private async Task<(long?, long?, long?)?> ReadDatabaseAsync()
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        var row = await connection.QuerySingleAsync<(long Outbox, long Scheduled, long Dead)>(new CommandDefinition("""
            SELECT count(*) FILTER (WHERE available_at <= @now) AS outbox,
                   count(*) FILTER (WHERE available_at > @now) AS scheduled,
                   (SELECT count(*) FROM jobs WHERE status = 'dead') AS dead
            FROM jobs WHERE status = 'pending'
            """, new { now = _time.GetUtcNow() }, commandTimeout: (int)DatabaseTimeout.TotalSeconds));
        return (row.Outbox, row.Scheduled, row.Dead);
    }

    /// <summary>Collection is synchronous: waits a bounded time, and leaves the series out when the store is slow or down.</summary>
    private T? Wait<T>(Task<T?> task, TimeSpan timeout, string what) where T : struct
    {
        try
        {
            if (task.Wait(timeout)) return task.Result;
            _logger.LogWarning("Metrics: the {What} did not arrive within {TimeoutMs} ms; left out of this scrape", what, (long)timeout.TotalMilliseconds);
            _ = task.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
        }
        catch (AggregateException ex)
        {
            _logger.LogWarning(ex.InnerException, "Metrics: the {What} could not be read; left out of this scrape", what);
        }
        return null;
    }
}

using Dapper;
using Npgsql;

namespace AskVideo.Infrastructure.Queue;

/// <summary>A job this worker moved to running; <see cref="LeaseToken"/> fences every later write of this run.</summary>
public sealed record ClaimedJob(Guid Id, string Type, string Payload, int Attempts, int MaxAttempts, Guid LeaseToken, string? TraceParent = null);

/// <summary>What <see cref="JobStore.TryStartAsync"/> did with a claimed id.</summary>
public enum StartOutcome
{
    /// <summary>The job is now running under this claim's lease.</summary>
    Started,

    /// <summary>Finished, running elsewhere under a live lease, not due yet or unknown: the Redis entry was stale.</summary>
    Skipped,

    /// <summary>Its last allowed attempt never finished (the worker died or lost its lease): moved to dead.</summary>
    Buried,
}

/// <summary>
/// The PostgreSQL side of the queue. The jobs table is the source of truth: a job runs only after a conditional
/// UPDATE moved it to running under a fresh lease token, and every later write of that run (renewal, outcome) is
/// conditional on the token, so a duplicate Redis entry or a worker that lost its lease can never act on another run.
/// </summary>
public sealed class JobStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>Marks due pending jobs as dispatched and hands their ids to <paramref name="push"/> inside the transaction.</summary>
    public async Task<int> DispatchDueAsync(int batchSize, Func<IReadOnlyCollection<Guid>, Task> push, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var ids = (await connection.QueryAsync<Guid>(new CommandDefinition("""
            SELECT id FROM jobs
            WHERE status = 'pending' AND available_at <= @now
            ORDER BY available_at
            LIMIT @batchSize
            FOR UPDATE SKIP LOCKED
            """, new { now, batchSize }, transaction, cancellationToken: cancellationToken))).ToList();
        if (ids.Count == 0) return 0;

        // Push before commit: a crash in between leaves the job pending (dispatched again later; the push is skipped
        // while Redis still holds the id), never dispatched-but-absent.
        await push(ids);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE jobs SET status = 'dispatched', updated_at = @now WHERE id = ANY(@ids)",
            new { now, ids }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return ids.Count;
    }

    /// <summary>
    /// Moves the job to running under a lease held by <paramref name="token"/>. A job whose attempts already reached
    /// max_attempts is not run again: its last attempt was started and never recorded an outcome, so the worker
    /// running it died (or lost its lease); it goes to dead instead of crashing workers forever.
    /// </summary>
    public async Task<(StartOutcome Outcome, ClaimedJob? Job)> TryStartAsync(Guid id, Guid token, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var row = await connection.QuerySingleOrDefaultAsync<StartRow>(new CommandDefinition("""
            UPDATE jobs
            SET status = CASE WHEN attempts >= max_attempts THEN 'dead' ELSE 'running' END,
                attempts = CASE WHEN attempts >= max_attempts THEN attempts ELSE attempts + 1 END,
                lease_until = CASE WHEN attempts >= max_attempts THEN NULL ELSE @leaseUntil END,
                lease_token = CASE WHEN attempts >= max_attempts THEN NULL ELSE @token END,
                finished_at = CASE WHEN attempts >= max_attempts THEN @now ELSE NULL END,
                last_error = CASE WHEN attempts >= max_attempts
                    THEN 'Attempt ' || attempts || ' of ' || max_attempts || ' never finished: the worker running it died or lost its lease.'
                    ELSE last_error END,
                updated_at = @now
            WHERE id = @id
              AND available_at <= @now
              AND (status IN ('pending', 'dispatched') OR (status = 'running' AND lease_until < @now))
            RETURNING id, type, payload::text AS payload, attempts, max_attempts AS maxattempts, status, trace_parent AS traceparent
            """, new { id, token, now, leaseUntil = now + lease }, cancellationToken: cancellationToken));
        if (row is null) return (StartOutcome.Skipped, null);
        var job = new ClaimedJob(row.Id, row.Type, row.Payload, row.Attempts, row.MaxAttempts, token, row.TraceParent);
        return (row.Status == "dead" ? StartOutcome.Buried : StartOutcome.Started, job);
    }

    /// <summary>Extends this run's lease; false when the run no longer holds it (taken over, or finished elsewhere).</summary>
    public async Task<bool> RenewLeaseAsync(ClaimedJob job, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var renewed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE jobs SET lease_until = @leaseUntil WHERE id = @id AND status = 'running' AND lease_token = @token",
            new { id = job.Id, token = job.LeaseToken, leaseUntil = now + lease }, cancellationToken: cancellationToken));
        return renewed > 0;
    }

    /// <summary>
    /// Records the success. last_error is the error of the job's last run, so it is cleared: an error of an earlier
    /// attempt (a retry after a transient failure, a dead job retried by an admin) is not the outcome of this one.
    /// </summary>
    public Task<bool> CompleteAsync(ClaimedJob job, CancellationToken cancellationToken) =>
        FinishAsync(job, "succeeded", null, cancellationToken);

    public Task<bool> FailPermanentlyAsync(ClaimedJob job, string error, CancellationToken cancellationToken) =>
        FinishAsync(job, "failed", error, cancellationToken);

    public Task<bool> BuryAsync(ClaimedJob job, string error, CancellationToken cancellationToken) =>
        FinishAsync(job, "dead", error, cancellationToken);

    public async Task ScheduleRetryAsync(ClaimedJob job, TimeSpan delay, string error, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var now = time.GetUtcNow();
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE jobs SET status = 'pending', available_at = @availableAt, lease_until = NULL, lease_token = NULL, last_error = @error, updated_at = @now
            WHERE id = @id AND status = 'running' AND lease_token = @token
            """, new { id = job.Id, token = job.LeaseToken, now, availableAt = now + delay, error = Truncate(error) }, cancellationToken: cancellationToken));
    }

    /// <summary>Puts a job back for later without counting the attempt (this worker cannot run its type).</summary>
    public async Task DeferAsync(ClaimedJob job, TimeSpan delay, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var now = time.GetUtcNow();
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE jobs SET status = 'pending', attempts = attempts - 1, available_at = @availableAt, lease_until = NULL, lease_token = NULL, last_error = @reason, updated_at = @now
            WHERE id = @id AND status = 'running' AND lease_token = @token
            """, new { id = job.Id, token = job.LeaseToken, now, availableAt = now + delay, reason }, cancellationToken: cancellationToken));
    }

    /// <summary>Gives a job back without counting the attempt (graceful shutdown).</summary>
    public async Task ReleaseAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var now = time.GetUtcNow();
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE jobs SET status = 'pending', attempts = attempts - 1, available_at = @now, lease_until = NULL, lease_token = NULL, updated_at = @now
            WHERE id = @id AND status = 'running' AND lease_token = @token
            """, new { id = job.Id, token = job.LeaseToken, now }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Finds jobs that should be on the queue but may not be: running with an expired lease (the worker died) and
    /// dispatched long ago. The caller checks Redis and re-enqueues the missing ones.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> FindStaleAsync(TimeSpan dispatchedFor, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var now = time.GetUtcNow();
        return (await connection.QueryAsync<Guid>(new CommandDefinition("""
            SELECT id FROM jobs
            WHERE (status = 'running' AND lease_until < @now)
               OR (status = 'dispatched' AND updated_at < @dispatchedBefore)
            ORDER BY updated_at
            LIMIT @limit
            """, new { now, dispatchedBefore = now - dispatchedFor, limit }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>Returns jobs to pending so the dispatcher pushes them again.</summary>
    public async Task<int> RequeueAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return 0;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var now = time.GetUtcNow();
        return await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE jobs SET status = 'pending', available_at = @now, lease_until = NULL, lease_token = NULL, updated_at = @now
            WHERE id = ANY(@ids)
              AND ((status = 'running' AND lease_until < @now) OR status = 'dispatched')
            """, new { ids = ids.ToArray(), now }, cancellationToken: cancellationToken));
    }

    /// <summary>Runs <paramref name="action"/> only if no other process holds the maintenance lock right now.</summary>
    public async Task<bool> WithMaintenanceLockAsync(Func<Task> action, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var locked = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT pg_try_advisory_lock(4152343001)", cancellationToken: cancellationToken));
        if (!locked) return false;
        try
        {
            await action();
            return true;
        }
        finally
        {
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(4152343001)");
        }
    }

    private async Task<bool> FinishAsync(ClaimedJob job, string status, string? error, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var updated = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE jobs SET status = @status, finished_at = @now, lease_until = NULL, lease_token = NULL, last_error = @error, updated_at = @now
            WHERE id = @id AND status = 'running' AND lease_token = @token
            """, new { id = job.Id, token = job.LeaseToken, status, now, error = error is null ? null : Truncate(error) }, cancellationToken: cancellationToken));
        return updated > 0;
    }

    private sealed record StartRow(Guid Id, string Type, string Payload, int Attempts, int MaxAttempts, string Status, string? TraceParent);

    private static string Truncate(string error) => error.Length <= 2000 ? error : error[..2000];
}

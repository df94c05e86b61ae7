using Dapper;
using Npgsql;

namespace AskVideo.Infrastructure.Queue;

public sealed record ClaimedJob(Guid Id, string Type, string Payload, int Attempts, int MaxAttempts);

/// <summary>
/// The PostgreSQL side of the queue. The jobs table is the source of truth: a job runs only after a conditional
/// UPDATE moved it to running, so a duplicate Redis entry can never make it run twice at once.
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

        // Push before commit: a crash in between leaves the job pending (pushed again later, harmless),
        // never dispatched-but-absent.
        await push(ids);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE jobs SET status = 'dispatched', updated_at = @now WHERE id = ANY(@ids)",
            new { now, ids }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return ids.Count;
    }

    /// <summary>Moves the job to running under a lease, or returns null when it must not run now.</summary>
    public async Task<ClaimedJob?> TryStartAsync(Guid id, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var now = time.GetUtcNow();
        return await connection.QuerySingleOrDefaultAsync<ClaimedJob>(new CommandDefinition("""
            UPDATE jobs
            SET status = 'running', attempts = attempts + 1, lease_until = @leaseUntil, updated_at = @now
            WHERE id = @id
              AND available_at <= @now
              AND (status IN ('pending', 'dispatched') OR (status = 'running' AND lease_until < @now))
            RETURNING id, type, payload::text AS payload, attempts, max_attempts AS maxattempts
            """, new { id, now, leaseUntil = now + lease }, cancellationToken: cancellationToken));
    }

    public async Task RenewLeaseAsync(Guid id, int attempt, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var now = time.GetUtcNow();
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE jobs SET lease_until = @leaseUntil WHERE id = @id AND status = 'running' AND attempts = @attempt",
            new { id, attempt, leaseUntil = now + lease }, cancellationToken: cancellationToken));
    }

    public Task CompleteAsync(Guid id, int attempt, CancellationToken cancellationToken) =>
        FinishAsync(id, attempt, "succeeded", null, cancellationToken);

    public Task FailPermanentlyAsync(Guid id, int attempt, string error, CancellationToken cancellationToken) =>
        FinishAsync(id, attempt, "failed", error, cancellationToken);

    public Task BuryAsync(Guid id, int attempt, string error, CancellationToken cancellationToken) =>
        FinishAsync(id, attempt, "dead", error, cancellationToken);

    public async Task ScheduleRetryAsync(Guid id, int attempt, TimeSpan delay, string error, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var now = time.GetUtcNow();
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE jobs SET status = 'pending', available_at = @availableAt, lease_until = NULL, last_error = @error, updated_at = @now
            WHERE id = @id AND status = 'running' AND attempts = @attempt
            """, new { id, attempt, now, availableAt = now + delay, error = Truncate(error) }, cancellationToken: cancellationToken));
    }

    /// <summary>Puts a job back for later without counting the attempt (this worker cannot run its type).</summary>
    public async Task DeferAsync(Guid id, int attempt, TimeSpan delay, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var now = time.GetUtcNow();
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE jobs SET status = 'pending', attempts = attempts - 1, available_at = @availableAt, lease_until = NULL, last_error = @reason, updated_at = @now
            WHERE id = @id AND status = 'running' AND attempts = @attempt
            """, new { id, attempt, now, availableAt = now + delay, reason }, cancellationToken: cancellationToken));
    }

    /// <summary>Gives a job back without counting the attempt (graceful shutdown).</summary>
    public async Task ReleaseAsync(Guid id, int attempt, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var now = time.GetUtcNow();
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE jobs SET status = 'pending', attempts = attempts - 1, available_at = @now, lease_until = NULL, updated_at = @now
            WHERE id = @id AND status = 'running' AND attempts = @attempt
            """, new { id, attempt, now }, cancellationToken: cancellationToken));
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
            UPDATE jobs SET status = 'pending', available_at = @now, lease_until = NULL, updated_at = @now
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

    private async Task FinishAsync(Guid id, int attempt, string status, string? error, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var now = time.GetUtcNow();
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE jobs SET status = @status, finished_at = @now, lease_until = NULL, last_error = COALESCE(@error, last_error), updated_at = @now
            WHERE id = @id AND status = 'running' AND attempts = @attempt
            """, new { id, attempt, status, now, error = error is null ? null : Truncate(error) }, cancellationToken: cancellationToken));
    }

    private static string Truncate(string error) => error.Length <= 2000 ? error : error[..2000];
}

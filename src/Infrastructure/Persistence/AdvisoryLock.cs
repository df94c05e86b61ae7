using Npgsql;

namespace AskVideo.Infrastructure.Persistence;

/// <summary>
/// Session-level PostgreSQL advisory locks, taken by polling <c>pg_try_advisory_lock</c> rather than blocking in
/// <c>pg_advisory_lock</c>: a session blocked in a statement keeps a snapshot open, and <c>CREATE INDEX CONCURRENTLY</c>
/// run by the lock holder waits for every such snapshot, which would deadlock the two.
/// </summary>
public static class AdvisoryLock
{
    public static async Task AcquireAsync(NpgsqlConnection connection, long key, CancellationToken cancellationToken)
    {
        while (true)
        {
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", key);
            if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!) return;
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }

    public static async Task ReleaseAsync(NpgsqlConnection connection, long key)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
        command.Parameters.AddWithValue("key", key);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }
}

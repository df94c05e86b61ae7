using Npgsql;

namespace AskVideo.Infrastructure.Persistence;

/// <summary>Schema statements that may run for minutes on a large install: migrations, and the embedding index setup.</summary>
internal static class SchemaCommands
{
    /// <summary>
    /// Schema changes that rewrite the table or build an index take minutes on a large library (the HNSW index of
    /// 20,000 × 1,536-d scenes: about two), far beyond the connection's command timeout (Npgsql's default: 30 s).
    /// They run without one; the cancellation token (Ctrl+C, host shutdown) still stops them.
    /// </summary>
    internal static async Task ExecuteDdlAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Drops the named index when a concurrent build of it failed half way (pg_index.indisvalid is false).</summary>
    internal static async Task DropInvalidIndexAsync(NpgsqlConnection connection, string indexName, CancellationToken cancellationToken)
    {
        await using var check = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass(@name) AND NOT indisvalid)", connection);
        check.Parameters.AddWithValue("name", indexName);
        if ((bool)(await check.ExecuteScalarAsync(cancellationToken))!)
            await ExecuteDdlAsync(connection, $"DROP INDEX CONCURRENTLY IF EXISTS {indexName}", cancellationToken);
    }
}

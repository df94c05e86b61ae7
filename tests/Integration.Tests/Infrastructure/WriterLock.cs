using Npgsql;
using Pgvector.Npgsql;

namespace AskVideo.Integration.Tests.Infrastructure;

/// <summary>
/// Holds a writer's lock on a table (as a long upload's transaction would) from another session until released:
/// <c>CREATE INDEX CONCURRENTLY</c> waits for it, so an index build takes as long as the test wants it to.
/// </summary>
internal sealed class WriterLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private WriterLock(NpgsqlConnection connection, NpgsqlTransaction transaction) => (_connection, _transaction) = (connection, transaction);

    /// <summary>Synchronous, so it can be taken inside a progress callback, before the caller goes on.</summary>
    public static WriterLock Take(string database, string table)
    {
        var connection = new NpgsqlConnection(TestEnvironment.ConnectionString(database));
        connection.Open();
        var transaction = connection.BeginTransaction();
        using var command = new NpgsqlCommand($"LOCK TABLE {table} IN ROW EXCLUSIVE MODE", connection, transaction);
        command.ExecuteNonQuery();
        return new WriterLock(connection, transaction);
    }

    /// <summary>Releases the lock after the delay, in the background.</summary>
    public Task ReleaseAfterAsync(TimeSpan delay) => Task.Run(async () =>
    {
        await Task.Delay(delay);
        await DisposeAsync();
    });

    /// <summary>A data source whose commands time out after the given seconds unless they say otherwise.</summary>
    public static async Task<NpgsqlDataSource> DataSourceWithCommandTimeoutAsync(string database, int seconds)
    {
        var builder = new NpgsqlDataSourceBuilder(TestEnvironment.ConnectionString(database) + $";Command Timeout={seconds}");
        builder.UseVector();
        var dataSource = builder.Build();
        await dataSource.ReloadTypesAsync();
        return dataSource;
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}


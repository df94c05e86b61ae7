using Npgsql;
using Pgvector.Npgsql;

namespace AskVideo.Infrastructure.Persistence;

/// <summary>Builds the app's Npgsql data sources (connection pools) from the configured connection string.</summary>
internal static class DataSources
{
    public static NpgsqlDataSource Create(string connectionString, bool resetOnReuse)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        // The hot reads run the same few statements all day: prepared on each pooled connection after a few uses,
        // PostgreSQL stops parsing and planning them (most of its cost for the library list). A connection string
        // that sets "Max Auto Prepare" itself (0 turns it off, e.g. behind a transaction-mode pooler) wins.
        if (!DatabaseOptions.SetsMaxAutoPrepare(connectionString)) builder.ConnectionStringBuilder.MaxAutoPrepare = DatabaseOptions.DefaultMaxAutoPrepare;
        if (!resetOnReuse) builder.ConnectionStringBuilder.NoResetOnClose = true;
        builder.EnableDynamicJson();
        builder.UseVector();
        return builder.Build();
    }
}

/// <summary>
/// A second pool for plain statements that leave no session state behind (the hot reads: the library list, the API
/// token lookup). Its connections skip Npgsql's reset on reuse (RESET ALL, advisory unlock, DISCARD TEMP…: a third of
/// PostgreSQL's work for a list request). Never use it for anything that sets session state: advisory locks, SET,
/// LISTEN, temporary tables or cursors; those belong to the main <see cref="NpgsqlDataSource"/>.
/// </summary>
public sealed class StatelessReadPool(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    public NpgsqlDataSource DataSource => dataSource;

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}

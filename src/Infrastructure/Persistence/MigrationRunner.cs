using System.Reflection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AskVideo.Infrastructure.Persistence;

/// <summary>
/// Applies the ordered SQL files embedded from Persistence/Migrations. EF's design-time tooling is not available in
/// this registry, and plain SQL keeps the schema (pgvector, generated columns, partial indexes) reviewable.
/// A session-level advisory lock makes concurrent runs (several API replicas, the migrate job) safe.
/// </summary>
public sealed class MigrationRunner(NpgsqlDataSource dataSource, ILogger<MigrationRunner> logger)
{
    private const long LockKey = 0x41_56_51_4D_49_47; // "AVQMIG"

    public static IReadOnlyList<(string Version, string Sql)> LoadMigrations()
    {
        var assembly = typeof(MigrationRunner).Assembly;
        const string marker = ".Persistence.Migrations.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.Contains(marker, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => (Version: n[(n.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..^4], Resource: n))
            .OrderBy(m => m.Version, StringComparer.Ordinal)
            .Select(m => (m.Version, Read(assembly, m.Resource)))
            .ToList();
    }

    /// <summary>Applies pending migrations and returns the versions applied by this call.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await AdvisoryLock.AcquireAsync(connection, LockKey, cancellationToken);
        try
        {
            await ExecuteAsync(connection, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version text PRIMARY KEY,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, cancellationToken);

            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using (var command = new NpgsqlCommand("SELECT version FROM schema_migrations", connection))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken)) applied.Add(reader.GetString(0));
            }

            var done = new List<string>();
            foreach (var (version, sql) in LoadMigrations().Where(m => !applied.Contains(m.Version)))
            {
                if (RunsOutsideTransaction(sql))
                {
                    // e.g. CREATE INDEX CONCURRENTLY, which PostgreSQL refuses inside a transaction block: each statement
                    // runs on its own, so such a file must be idempotent (IF NOT EXISTS) in case it stops half way.
                    // A build interrupted earlier leaves an invalid index that IF NOT EXISTS would keep: it is rebuilt.
                    foreach (var statement in SplitStatements(sql))
                    {
                        if (ConcurrentIndexName(statement) is { } index) await SchemaCommands.DropInvalidIndexAsync(connection, index, cancellationToken);
                        await SchemaCommands.ExecuteDdlAsync(connection, statement, cancellationToken);
                    }
                    await using var mark = new NpgsqlCommand("INSERT INTO schema_migrations (version) VALUES (@v)", connection);
                    mark.Parameters.AddWithValue("v", version);
                    await mark.ExecuteNonQueryAsync(cancellationToken);
                    logger.LogInformation("Applied migration {Version} (outside a transaction)", version);
                    done.Add(version);
                    continue;
                }
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                // No command timeout: a migration may rewrite or index a large table (see SchemaCommands).
                await using (var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 })
                    await command.ExecuteNonQueryAsync(cancellationToken);
                await using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (version) VALUES (@v)", connection, transaction))
                {
                    record.Parameters.AddWithValue("v", version);
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Applied migration {Version}", version);
                done.Add(version);
            }
            if (done.Count > 0) await connection.ReloadTypesAsync(cancellationToken);
            return done;
        }
        finally
        {
            await AdvisoryLock.ReleaseAsync(connection, LockKey);
        }
    }

    /// <summary>A migration whose first line is <c>-- askvideo:no-transaction</c> runs statement by statement, outside a transaction.</summary>
    public const string NoTransactionMarker = "-- askvideo:no-transaction";

    internal static bool RunsOutsideTransaction(string sql) =>
        sql.TrimStart().StartsWith(NoTransactionMarker, StringComparison.Ordinal);

    /// <summary>The index a <c>CREATE INDEX CONCURRENTLY IF NOT EXISTS name …</c> statement builds, or null.</summary>
    internal static string? ConcurrentIndexName(string statement)
    {
        var match = System.Text.RegularExpressions.Regex.Match(statement,
            @"^CREATE\s+(?:UNIQUE\s+)?INDEX\s+CONCURRENTLY\s+IF\s+NOT\s+EXISTS\s+(\w+)\s", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>Statements separated by semicolons at line ends (such files hold plain DDL, no functions or literals with ";").</summary>
    internal static IEnumerable<string> SplitStatements(string sql) =>
        sql.Split('\n')
            .Where(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal))
            .Aggregate(new List<System.Text.StringBuilder> { new() }, (acc, line) =>
            {
                acc[^1].AppendLine(line);
                if (line.TrimEnd().EndsWith(';')) acc.Add(new());
                return acc;
            })
            .Select(b => b.ToString().Trim().TrimEnd(';').Trim())
            .Where(s => s.Length > 0);

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

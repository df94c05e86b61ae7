using AskVideo.Infrastructure.Persistence;
using AskVideo.Infrastructure.Queue;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pgvector.Npgsql;
using StackExchange.Redis;

namespace AskVideo.Integration.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}

/// <summary>Creates and migrates the test database once, starts the shared API host, and resets state between tests.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public ApiFactory Factory { get; } = new();

    public FakeOpenAi OpenAi { get; } = new();

    public IServiceProvider Services => Factory.Services;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await EnsureDatabaseAsync(TestEnvironment.Database);
        await OpenAi.StartAsync();
        Factory.StartServer();
        await Services.GetRequiredService<MigrationRunner>().MigrateAsync(CancellationToken.None);
        Client = CreateClient();
        await ResetAsync();
    }

    /// <summary>A client of the real Kestrel endpoint (no cookie container: tests manage cookies explicitly).</summary>
    public static HttpClient CreateClient(Uri? baseAddress = null) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = baseAddress ?? new Uri($"http://127.0.0.1:{TestEnvironment.ApiPort}"),
            Timeout = TimeSpan.FromMinutes(5),
        };

    /// <summary>Empties every table but the migrations ledger, and the test Redis.</summary>
    public async Task ResetAsync()
    {
        OpenAi.Reset();
        await using var connection = new NpgsqlConnection(TestEnvironment.ConnectionString(TestEnvironment.Database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            DO $$
            DECLARE tables text;
            BEGIN
              SELECT string_agg(format('%I', tablename), ', ') INTO tables
              FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations';
              IF tables IS NOT NULL THEN EXECUTE 'TRUNCATE ' || tables || ' CASCADE'; END IF;
            END $$;
            """, connection);
        // The host's background services (queue consumer, reaper, sweepers) lock rows too: a TRUNCATE that meets them
        // in the other order is chosen as the deadlock victim, and simply runs again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await command.ExecuteNonQueryAsync();
                break;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 5)
            {
                await Task.Delay(100 * attempt);
            }
        }
        if (Directory.Exists(TestEnvironment.MailDir))
        {
            foreach (var file in Directory.GetFiles(TestEnvironment.MailDir, "*.eml")) File.Delete(file);
        }
        var redis = Services.GetRequiredService<RedisConnection>();
        foreach (var endpoint in redis.Multiplexer.GetEndPoints())
            await redis.Multiplexer.GetServer(endpoint).FlushDatabaseAsync();
    }

    public static async Task EnsureDatabaseAsync(string database)
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.AdminConnectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync() is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
    }

    /// <summary>A data source (with pgvector) on a scratch database, migrated to the current schema.</summary>
    public static async Task<NpgsqlDataSource> MigratedDataSourceAsync(string database)
    {
        var builder = new NpgsqlDataSourceBuilder(TestEnvironment.ConnectionString(database));
        builder.UseVector();
        var dataSource = builder.Build();
        await new MigrationRunner(dataSource, Microsoft.Extensions.Logging.Abstractions.NullLogger<MigrationRunner>.Instance).MigrateAsync(CancellationToken.None);
        await dataSource.ReloadTypesAsync();
        return dataSource;
    }

    public static async Task DropDatabaseAsync(string database)
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.AdminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        Security.ErrorBodies.Report();
        Security.SecurityReport.Flush();
        Client.Dispose();
        await Factory.DisposeAsync();
        await OpenAi.DisposeAsync();
    }
}

/// <summary>Base class: every test starts from empty tables and an empty Redis.</summary>
[Collection(ApiCollection.Name)]
public abstract class IntegrationTest(ApiFixture fixture) : IAsyncLifetime
{
    protected ApiFixture Fixture { get; } = fixture;

    protected HttpClient Client => Fixture.Client;

    public virtual Task InitializeAsync() => Fixture.ResetAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected AsyncServiceScope CreateScope() => Fixture.Services.CreateAsyncScope();
}

using System.Diagnostics;
using AskVideo.Api;
using AskVideo.Api.Auth;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Options;
using AskVideo.Infrastructure.Configuration;
using AskVideo.Infrastructure.Persistence;
using AskVideo.Infrastructure.Queue;
using AskVideo.Infrastructure.Storage;
using AskVideo.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AskVideo.Integration.Tests.Platform;

/// <summary>
/// A host configured only with a VideoQ deployment's variables (plus AskVideo's own secrets, which VideoQ has no
/// equivalent for) reaches the real PostgreSQL, Redis and S3 of the test stack through them and gets every option.
/// </summary>
public sealed class VideoQAliasTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private const string Database = "askvideo_alias";
    private const string Role = "videoq_alias";

    // Every character a URL must escape, and the ones a connection string must quote.
    private const string Password = "p@ss:w/rd#?%;='\" +x";

    private static readonly Dictionary<string, string?> Secrets = new()
    {
        ["Auth:JwtSigningKey"] = ApiFactory.Settings["Auth:JwtSigningKey"],
        ["Security:EncryptionKeys:0:Id"] = "alias",
        ["Security:EncryptionKeys:0:Key"] = ApiFactory.Settings["Security:EncryptionKeys:0:Key"],
        ["Logging:LogLevel:Default"] = "Warning",
    };

    private static Dictionary<string, string?> VideoQEnvironment() => new()
    {
        ["DATABASE_URL"] = $"postgres://{Role}:{Uri.EscapeDataString(Password)}@127.0.0.1:{TestEnvironment.PostgresPort}/{Database}?sslmode=disable&application_name=videoq-alias",
        ["CELERY_BROKER_URL"] = $"redis://127.0.0.1:{TestEnvironment.RedisPort}/0",
        ["ENABLE_SIGNUP"] = "False",
        ["SECURE_COOKIES"] = "True",
        ["FRONTEND_URL"] = "https://videoq.example.com/",
        ["CORS_ALLOWED_ORIGINS"] = "https://videoq.example.com, https://admin.example.com",
        ["USE_S3_STORAGE"] = "True",
        ["AWS_STORAGE_BUCKET_NAME"] = TestS3.Bucket,
        ["AWS_ACCESS_KEY_ID"] = "S3RVER",
        ["AWS_SECRET_ACCESS_KEY"] = "S3RVER",
        ["AWS_S3_REGION_NAME"] = "us-east-1",
        ["AWS_S3_ENDPOINT_URL"] = TestS3.ServiceUrl,
        ["OPENAI_API_KEY"] = "sk-alias-test",
        ["EMBEDDING_MODEL"] = "text-embedding-3-large",
    };

    [Fact]
    public async Task ApiHost_ShouldTakeEverySetting_FromVideoQVariablesAlone()
    {
        await CreateDatabaseAsync();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(Secrets);
        builder.Configuration.AddVideoQAliases(VideoQEnvironment());
        builder.AddApiServices();
        await using var app = builder.Build();
        var services = app.Services;

        var connection = new NpgsqlConnectionStringBuilder(services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString);
        Assert.Equal((Role, Password, Database, "videoq-alias"), (connection.Username, connection.Password, connection.Database, connection.ApplicationName));
        // The URL's database and role are the ones the host works in.
        await services.GetRequiredService<MigrationRunner>().MigrateAsync(CancellationToken.None);
        await using (var command = services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
                         "SELECT current_user || '/' || current_database() || '/' || current_setting('application_name')"))
            Assert.Equal($"{Role}/{Database}/videoq-alias", await command.ExecuteScalarAsync());
        await services.GetRequiredService<RedisConnection>().Database.PingAsync();

        var appOptions = services.GetRequiredService<IOptions<AppOptions>>().Value;
        Assert.False(appOptions.SignupEnabled);
        Assert.Equal("https://videoq.example.com", appOptions.PublicUrl);
        Assert.True(services.GetRequiredService<AuthCookies>().Secure);
        var cors = await services.GetRequiredService<ICorsPolicyProvider>().GetPolicyAsync(new DefaultHttpContext(), null);
        Assert.Equal(["https://videoq.example.com", "https://admin.example.com"], cors!.Origins);

        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        Assert.Equal(("s3", TestS3.Bucket, TestS3.ServiceUrl, true), (storage.Provider, storage.S3.Bucket, storage.S3.ServiceUrl, storage.S3.ForcePathStyle));
        Assert.IsType<S3VideoStorage>(services.GetRequiredService<IVideoStorage>());

        var ai = services.GetRequiredService<IOptions<AiOptions>>().Value;
        Assert.Equal(("openai", "openai", "openai"), (ai.ChatProvider, ai.EmbeddingProvider, ai.TranscriptionProvider));
        Assert.Equal(("sk-alias-test", "text-embedding-3-large"), (ai.OpenAI.ApiKey, ai.OpenAI.EmbeddingModel));

        // Every dependency is reached through the translated settings: the readiness checks all pass.
        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Tags.Contains("ready"));
        Assert.True(report.Status == HealthStatus.Healthy,
            string.Join("; ", report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => $"{e.Key}: {e.Value.Description} {e.Value.Exception?.Message}")));
    }

    [Fact]
    public async Task ApiBinary_ShouldMigrateTheDatabaseOfDatabaseUrl_WhenOnlyVideoQVariablesAreSet()
    {
        await CreateDatabaseAsync();
        var dll = Path.Combine(AppContext.BaseDirectory, "AskVideo.Api.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("migrate");
        // Only VideoQ's names reach the process for the database and Redis: no native setting from the test's environment.
        foreach (var key in start.Environment.Keys.Where(k => k.Contains("__", StringComparison.Ordinal)).ToList()) start.Environment.Remove(key);
        foreach (var (key, value) in VideoQEnvironment()) start.Environment[key] = value;
        foreach (var (key, value) in Secrets) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        start.Environment["AI__EmbeddingProvider"] = "hashing"; // migrate prepares the scene index for the embedder; no model download here

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"migrate exited {process.ExitCode}: {await stdout} {await stderr}");
        Assert.Contains("Applied", await stdout, StringComparison.Ordinal);

        await using var connection = new NpgsqlConnection(TestEnvironment.ConnectionString(Database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT tableowner FROM pg_tables WHERE tablename = 'videos'", connection);
        Assert.Equal(Role, await command.ExecuteScalarAsync());
    }

    /// <summary>A fresh database owned by a login role with a password full of characters a URL must escape.</summary>
    private static async Task CreateDatabaseAsync()
    {
        await ApiFixture.DropDatabaseAsync(Database);
        await using var admin = new NpgsqlConnection(TestEnvironment.AdminConnectionString);
        await admin.OpenAsync();
        await using (var role = new NpgsqlCommand($"""
            DO $$ BEGIN
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{Role}') THEN CREATE ROLE {Role} LOGIN SUPERUSER; END IF;
            END $$;
            ALTER ROLE {Role} PASSWORD '{Password.Replace("'", "''", StringComparison.Ordinal)}';
            """, admin))
            await role.ExecuteNonQueryAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {Database} OWNER {Role}", admin);
        await create.ExecuteNonQueryAsync();
    }
}

using System.Diagnostics;
using System.Globalization;
using AskVideo.Integration.Tests.Infrastructure;
using Npgsql;

namespace AskVideo.Resilience.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class ResilienceCollection : ICollectionFixture<ResilienceStack>
{
    public const string Name = "resilience";
}

/// <summary>
/// The suite's own PostgreSQL, Redis and nginx (tests/Resilience/stack.sh, through scripts/lib/stack.sh), on a block of
/// ten ports of its own: the scenarios stop, restart and flush them, which must never touch the test stack the other
/// suites use. Each scenario gets a database (a copy of a migrated template with one user), a queue key prefix and a
/// media folder of its own, and starts the Release builds of the API and the Worker as real processes.
/// </summary>
public sealed class ResilienceStack : IAsyncLifetime
{
    public const string Username = "resilience";
    public const string Email = "resilience@example.com";
    public const string Password = "Crash-and-recover-9-times";
    private const string TemplateDatabase = "askvideo_res_template";

    /// <summary>
    /// PostgreSQL, Redis, nginx, then up to seven APIs. The block is derived from the test stack's API port, so checkouts
    /// running side by side with their own ports get blocks of their own (ASKVIDEO_RES_PORT_BASE overrides it). stack.sh
    /// derives it the same way.
    /// </summary>
    public int PortBase { get; } = Environment.GetEnvironmentVariable("ASKVIDEO_RES_PORT_BASE") is { Length: > 0 } b
        ? int.Parse(b, CultureInfo.InvariantCulture)
        : 20000 + TestEnvironment.ApiPort % 1000 * 10;

    public int PostgresPort => PortBase;

    public int RedisPort => PortBase + 1;

    public int NginxPort => PortBase + 2;

    public int ApiPort(int index) => index is >= 0 and < 7 ? PortBase + 3 + index : throw new ArgumentOutOfRangeException(nameof(index));

    public Uri NginxUrl => new($"http://127.0.0.1:{NginxPort}");

    public string Dir { get; } = Path.Combine(TestEnvironment.RepoRoot, ".local", "resilience");

    /// <summary>Where nginx writes the bodies of fast-path uploads (NGINX_UPLOAD_DIR of scripts/lib/stack.sh).</summary>
    public string NginxUploadDir => Path.Combine(Dir, "nginx", "temp", "uploads");

    public string ApiDll { get; } = Path.Combine(TestEnvironment.RepoRoot, "src", "Api", "bin", "Release", "net10.0", "AskVideo.Api.dll");

    public string WorkerDll { get; } = Path.Combine(TestEnvironment.RepoRoot, "src", "Worker", "bin", "Release", "net10.0", "AskVideo.Worker.dll");

    public string RedisConfiguration => $"127.0.0.1:{RedisPort},allowAdmin=true";

    // Secrets of this run only.
    private readonly string _jwtKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
    private readonly string _encryptionKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    private int _nginxApis = 1;

    public string ConnectionString(string database, bool pooling = true) =>
        $"Host=127.0.0.1;Port={PostgresPort};Username=postgres;Database={database};Pooling={pooling};Maximum Pool Size=30";

    public async Task InitializeAsync()
    {
        foreach (var dll in new[] { ApiDll, WorkerDll })
            Assert.True(File.Exists(dll), $"{dll} is not built: run `dotnet build AskVideo.slnx -c Release` (scripts/test.sh does).");
        try
        {
            await StackAsync("start", "1");
            // One migrated database with one user; every scenario copies it (CREATE DATABASE ... TEMPLATE is a file copy).
            await RunCliAsync(TemplateDatabase, "migrate");
            await RunCliAsync(TemplateDatabase, "create-admin", "--email", Email, "--username", Username);
        }
        catch
        {
            await StackAsync("stop"); // xunit does not dispose a fixture that failed to start
            throw;
        }
    }

    public async Task DisposeAsync() => await StackAsync("stop");

    /// <summary>Runs tests/Resilience/stack.sh with this stack's ports.</summary>
    public async Task StackAsync(params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(TestEnvironment.RepoRoot, "tests", "Resilience", "stack.sh"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["ASKVIDEO_RES_PORT_BASE"] = PortBase.ToString(CultureInfo.InvariantCulture);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"stack.sh {string.Join(' ', args)} failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
    }

    /// <summary>Points nginx's upstream at the first <paramref name="apis"/> API ports (a reload, when it changes).</summary>
    public async Task UseApisAsync(int apis)
    {
        if (apis == _nginxApis) return;
        await StackAsync("nginx", apis.ToString(CultureInfo.InvariantCulture));
        _nginxApis = apis;
    }

    /// <summary>A fresh database copied from the template (with the suite's user), for one scenario.</summary>
    public Task CreateDatabaseAsync(string database) => CreateDatabaseAsync(database, TemplateDatabase);

    private async Task CreateDatabaseAsync(string database, string? template)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres", pooling: false));
        await connection.OpenAsync();
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection)) await drop.ExecuteNonQueryAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"" + (template is null ? "" : $" TEMPLATE \"{template}\""), connection);
        await create.ExecuteNonQueryAsync();
    }

    /// <summary>The environment of an API or Worker of a scenario: what ./scripts/run.sh exports, on this stack.</summary>
    public Dictionary<string, string> HostEnvironment(string database, string keyPrefix, string mediaRoot) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["ConnectionStrings__Postgres"] = ConnectionString(database),
        ["Redis__Configuration"] = $"127.0.0.1:{RedisPort}",
        ["App__PublicUrl"] = NginxUrl.ToString().TrimEnd('/'),
        ["App__MaxUploadBytes"] = "4294967296",
        ["Storage__Provider"] = "local",
        ["Storage__LocalRoot"] = mediaRoot,
        ["Uploads__ProxyBodyDirectory"] = NginxUploadDir,
        ["Media__CacheDirectory"] = Path.Combine(Dir, "cache"),
        ["Email__Provider"] = "file",
        ["Email__OutboxDirectory"] = Path.Combine(Dir, "mail"),
        ["Auth__SecureCookies"] = "false",
        ["Auth__JwtSigningKey"] = _jwtKey,
        ["Security__EncryptionKeys__0__Id"] = "res1",
        ["Security__EncryptionKeys__0__Key"] = _encryptionKey,
        ["Queue__KeyPrefix"] = keyPrefix,
        // Subtitle tracks and the lexical embedder: no AI, no model download.
        ["AI__EmbeddingProvider"] = "hashing",
        // Short leases and quick maintenance, so what a crash leaves behind is taken over in seconds.
        ["Queue__LeaseSeconds"] = "5",
        ["Queue__PollMilliseconds"] = "200",
        ["Queue__MaintenanceSeconds"] = "1",
        ["Queue__ReconcileAfterSeconds"] = "2",
        ["Queue__RetryBaseSeconds"] = "1",
        ["Queue__RetryMaxSeconds"] = "2",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Microsoft"] = "Warning",
        // The per-process markers the scenarios read: jobs started and finished, requests served.
        ["Logging__LogLevel__AskVideo.Infrastructure.Queue.JobConsumer"] = "Debug",
        ["Logging__LogLevel__AskVideo.Api.Http.RequestContextMiddleware"] = "Debug",
    };

    private async Task RunCliAsync(string database, params string[] args)
    {
        var env = HostEnvironment(database, "avqres", Path.Combine(Dir, "media-cli"));
        env["ASKVIDEO_ADMIN_PASSWORD"] = Password;
        if (args[0] == "migrate") await CreateDatabaseAsync(database, template: null);
        await using var cli = HostProcess.Start(ApiDll, [.. args], env, "cli-" + args[0], Path.Combine(Dir, "logs"));
        var exit = await cli.WaitForExitAsync(TimeSpan.FromMinutes(2));
        Assert.True(exit == 0, $"`AskVideo.Api {string.Join(' ', args)}` exited with {exit}:\n{cli.Tail()}");
    }

}

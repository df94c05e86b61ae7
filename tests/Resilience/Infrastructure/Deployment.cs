using System.Globalization;
using System.Net;
using AskVideo.Integration.Tests.Infrastructure;
using Npgsql;

namespace AskVideo.Resilience.Tests.Infrastructure;

/// <summary>
/// One scenario's install on the suite's stack: its own database (with the suite's user), queue key prefix and media
/// folder, the API and Worker processes it starts, and queries on its tables.
/// </summary>
public sealed class Deployment : IAsyncDisposable
{
    private readonly ResilienceStack _stack;
    private readonly List<HostProcess> _processes = [];
    private readonly Dictionary<string, string> _environment;
    private readonly List<SessionClient> _sessions = [];

    private Deployment(ResilienceStack stack, string name)
    {
        _stack = stack;
        Name = name;
        Database = "askvideo_res_" + name.Replace('-', '_');
        KeyPrefix = "avqres" + name.Replace("-", "", StringComparison.Ordinal)[..Math.Min(20, name.Replace("-", "", StringComparison.Ordinal).Length)];
        MediaRoot = Path.Combine(stack.Dir, "media-" + name);
        _environment = stack.HostEnvironment(Database, KeyPrefix, MediaRoot);
    }

    public string Name { get; }

    public string Database { get; }

    public string KeyPrefix { get; }

    public string MediaRoot { get; }

    public ResilienceStack Stack => _stack;

    public static async Task<Deployment> CreateAsync(ResilienceStack stack, string name, int apis)
    {
        var deployment = new Deployment(stack, name);
        await stack.CreateDatabaseAsync(deployment.Database);
        if (Directory.Exists(deployment.MediaRoot)) Directory.Delete(deployment.MediaRoot, recursive: true);
        Directory.CreateDirectory(deployment.MediaRoot);
        await stack.UseApisAsync(apis);
        return deployment;
    }

    /// <summary>Settings for every process started from now on (e.g. Queue__MaxAttempts).</summary>
    public void Set(string key, string value) => _environment[key] = value;

    public string LogDirectory => Path.Combine(_stack.Dir, "logs", Name);

    /// <summary>API number <paramref name="index"/> (0-based) on its port of the stack's block; returns once it is ready.</summary>
    public async Task<HostProcess> StartApiAsync(int index, IReadOnlyDictionary<string, string>? extra = null, bool waitReady = true)
    {
        var port = _stack.ApiPort(index);
        var env = new Dictionary<string, string>(_environment);
        foreach (var (k, v) in extra ?? new Dictionary<string, string>()) env[k] = v;
        var api = HostProcess.Start(_stack.ApiDll, ["--urls", $"http://127.0.0.1:{port}"], env, $"api{index + 1}-{_processes.Count}", LogDirectory);
        lock (_processes) _processes.Add(api);
        if (waitReady) await api.WaitForOkAsync($"http://127.0.0.1:{port}/api/v1/health/ready", TimeSpan.FromSeconds(60));
        return api;
    }

    public HostProcess StartWorker(string name, IReadOnlyDictionary<string, string>? extra = null)
    {
        var env = new Dictionary<string, string>(_environment);
        foreach (var (k, v) in extra ?? new Dictionary<string, string>()) env[k] = v;
        var worker = HostProcess.Start(_stack.WorkerDll, [], env, $"{name}-{_processes.Count}", LogDirectory);
        lock (_processes) _processes.Add(worker);
        return worker;
    }

    /// <summary>A browser-like client through nginx, signed in as the suite's user.</summary>
    public async Task<SessionClient> SignInAsync()
    {
        var session = new SessionClient(NewClient());
        var login = await session.PostAsync("/api/v1/auth/login", new { login = ResilienceStack.Email, password = ResilienceStack.Password });
        Assert.True(login.IsSuccessStatusCode, $"sign-in failed: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
        lock (_sessions) _sessions.Add(session);
        return session;
    }

    public HttpClient NewClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = _stack.NginxUrl,
            Timeout = TimeSpan.FromMinutes(2),
        };

    /// <summary>A multipart upload through nginx; returns the new video's id.</summary>
    public static async Task<Guid> UploadAsync(SessionClient session, string path)
    {
        using var form = TestMedia.Upload(path);
        using var response = await session.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/videos") { Content = form });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"upload answered {(int)response.StatusCode}: {body}");
        return System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>
    /// Uploads <paramref name="count"/> videos through nginx, the clips in turn, and enters each in the ledger; returns
    /// which clip's script each video says.
    /// </summary>
    public static async Task<Dictionary<Guid, int>> UploadClipsAsync(SessionClient session, IReadOnlyList<SpokenClip> clips, int count, Ledger ledger)
    {
        var scriptOf = new Dictionary<Guid, int>();
        for (var i = 0; i < count; i++)
        {
            var script = i % clips.Count;
            var id = await UploadAsync(session, clips[script].Path);
            ledger.Uploaded(id, Clips.Scripts[script].Length);
            scriptOf[id] = script;
        }
        return scriptOf;
    }

    public static async Task ReprocessAsync(SessionClient session, Guid videoId)
    {
        using var response = await session.PostAsync($"/api/v1/videos/{videoId}/reprocess");
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"reprocess answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    // ---- the scenario's tables (pooled: the kill loop polls them; after a PostgreSQL restart, ClearAllPools) ----

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(_stack.ConnectionString(Database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (n, v) in parameters) command.Parameters.AddWithValue(n, v);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default! : (T)Convert.ChangeType(value, typeof(T), CultureInfo.InvariantCulture);
    }

    public async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(_stack.ConnectionString(Database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (n, v) in parameters) command.Parameters.AddWithValue(n, v);
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }

    /// <summary>For each of these jobs that is running, what its video is doing (its stage, else its status).</summary>
    public async Task<Dictionary<Guid, string>> RunningStagesAsync(IReadOnlyList<Guid> jobIds) =>
        (await QueryAsync(
            "SELECT j.id, coalesce(v.stage::text, v.status::text) FROM jobs j JOIN videos v ON v.id = (j.payload->>'videoId')::uuid " +
            "WHERE j.id = ANY(@ids) AND j.status = 'running'",
            r => (r.GetGuid(0), r.GetString(1)), ("ids", jobIds.ToArray()))).ToDictionary(x => x.Item1, x => x.Item2);

    public async Task<Dictionary<Guid, string>> VideoStatusesAsync() =>
        (await QueryAsync("SELECT id, status FROM videos", r => (r.GetGuid(0), r.GetString(1)))).ToDictionary(x => x.Item1, x => x.Item2);

    /// <summary>Waits until every video is ready or failed (fails the test at the deadline, with the processes' last lines).</summary>
    public async Task WaitForVideosAsync(IReadOnlyCollection<Guid> ids, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var statuses = await VideoStatusesAsync();
            if (ids.All(id => statuses.GetValueOrDefault(id) is "ready" or "failed")) return;
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Videos still not finished after {timeout.TotalSeconds:0} s: {string.Join(", ", ids.Select(id => statuses.GetValueOrDefault(id, "missing")))}\n{Tails()}");
            await Task.Delay(200);
        }
    }

    /// <summary>Waits until no job is pending, dispatched or running (a video is ready before its job row is marked).</summary>
    public async Task WaitForJobsToSettleAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await ScalarAsync<long>("SELECT count(*) FROM jobs WHERE status IN ('pending', 'dispatched', 'running') AND type = 'ProcessVideo'") == 0) return;
            await Task.Delay(200);
        }
    }

    public string Tails()
    {
        lock (_processes) return string.Join('\n', _processes.TakeLast(4).Select(p => p.Tail(15)));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var session in _sessions) session.Dispose();
        List<HostProcess> processes;
        lock (_processes) processes = [.. _processes];
        foreach (var process in processes) await process.DisposeAsync();
    }
}

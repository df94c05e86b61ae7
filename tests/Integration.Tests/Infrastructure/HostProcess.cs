using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace AskVideo.Integration.Tests.Infrastructure;

/// <summary>
/// One line a host wrote. A JSON log line (the default Logging:Format) is parsed: its level, category, message, state
/// and scopes (the job id, the trace ids); any other line keeps only its text.
/// </summary>
public sealed record LogLine(DateTimeOffset At, string Level, string Category, string Message, Guid? JobId, JsonElement State, JsonElement Scopes, string Raw)
{
    /// <summary>The exception the line was written with, as the JSON formatter put it.</summary>
    public string? Exception { get; init; }

    public string? StateValue(string name) =>
        State.ValueKind == JsonValueKind.Object && State.TryGetProperty(name, out var v) ? v.ToString() : null;

    /// <summary>The value of <paramref name="name"/> in the first scope that has it (TraceId, SpanId, JobId…).</summary>
    public string? ScopeValue(string name) =>
        Scopes.ValueKind == JsonValueKind.Array
            ? Scopes.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty(name, out _)).Select(s => s.GetProperty(name).ToString()).FirstOrDefault()
            : null;

    public static LogLine Parse(string raw)
    {
        try
        {
            using var doc = JsonDocument.Parse(raw);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return Text(raw);
            var scopes = root.TryGetProperty(nameof(Scopes), out var s) && s.ValueKind == JsonValueKind.Array ? s.Clone() : default;
            var line = new LogLine(
                DateTimeOffset.UtcNow,
                root.TryGetProperty("LogLevel", out var level) ? level.GetString() ?? "" : "",
                root.TryGetProperty(nameof(Category), out var category) ? category.GetString() ?? "" : "",
                root.TryGetProperty(nameof(Message), out var message) ? message.GetString() ?? "" : "",
                null,
                root.TryGetProperty(nameof(State), out var state) ? state.Clone() : default,
                scopes,
                raw);
            return line with
            {
                JobId = Guid.TryParse(line.ScopeValue(nameof(JobId)), out var jobId) ? jobId : null,
                Exception = root.TryGetProperty(nameof(Exception), out var exception) && exception.ValueKind == JsonValueKind.String ? exception.GetString() : null,
            };
        }
        catch (JsonException)
        {
            return Text(raw);
        }
    }

    private static LogLine Text(string raw) => new(DateTimeOffset.UtcNow, "", "", raw, null, default, default, raw);
}

/// <summary>
/// A built AskVideo host (the API, the Worker, or one of the API's commands) run as a real process, as it is deployed:
/// every line of its stdout and stderr is kept (parsed, and in a log file when a folder is given), and it is killed
/// when disposed. Shared by the integration tests and the failure suite (tests/Resilience links this file).
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    // The variables the hosts accept as aliases of their settings (a migrated deployment's names): never inherited
    // from whoever runs the tests, so the environment given is the whole configuration.
    private static readonly string[] NotInherited = ["DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "ENABLE_SIGNUP", "SECURE_COOKIES",
        "FRONTEND_URL", "CORS_ALLOWED_ORIGINS", "USE_S3_STORAGE", "OPENAI_API_KEY", "EMBEDDING_MODEL", "ASPNETCORE_URLS"];

    private readonly Process _process;
    private readonly List<LogLine> _lines = [];
    private readonly StreamWriter? _log;
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _disposed;

    private HostProcess(string name, Process process, StreamWriter? log)
    {
        Name = name;
        _process = process;
        _log = log;
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Raised (on a thread-pool thread) for every line the process writes.</summary>
    public event Action<HostProcess, LogLine>? LineWritten;

    /// <summary>Every line the process wrote so far, in order.</summary>
    public IReadOnlyList<LogLine> Lines
    {
        get
        {
            lock (_lines) return [.. _lines];
        }
    }

    /// <summary>The built dll of a host project ("Api", "Worker") in the configuration the tests were built with.</summary>
    public static string Dll(string project)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var dll = Path.Combine(TestEnvironment.RepoRoot, "src", project, "bin", configuration, "net10.0", $"AskVideo.{project}.dll");
        Assert.True(File.Exists(dll), $"{dll} is not built: run `dotnet build src/{project} -c {configuration}` (scripts/test.sh builds the solution).");
        return dll;
    }

    /// <summary>A TCP port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Starts <c>dotnet <paramref name="dll"/> <paramref name="args"/></c> with <paramref name="environment"/> on top of
    /// this process's (less the alias variables). With <paramref name="logDirectory"/>, its output also goes to
    /// <c>{logDirectory}/{name}.log</c>.
    /// </summary>
    public static HostProcess Start(string dll, IReadOnlyList<string> args, IReadOnlyDictionary<string, string> environment, string? name = null, string? logDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var key in start.Environment.Keys.Where(k => NotInherited.Contains(k, StringComparer.Ordinal) || k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(key);
        foreach (var (key, value) in environment) start.Environment[key] = value;

        name ??= Path.GetFileNameWithoutExtension(dll);
        StreamWriter? log = null;
        if (logDirectory is not null)
        {
            Directory.CreateDirectory(logDirectory);
            log = new StreamWriter(Path.Combine(logDirectory, name + ".log"), append: true) { AutoFlush = true };
        }
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var host = new HostProcess(name, process, log);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.Exited += (_, _) => host._exited.TrySetResult();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    private void Append(string? raw)
    {
        if (raw is null) return;
        var line = LogLine.Parse(raw);
        lock (_lines)
        {
            _lines.Add(line);
            _log?.WriteLine(raw);
        }
        LineWritten?.Invoke(this, line);
    }

    /// <summary>Waits until <paramref name="url"/> answers 200; fails with the process's last lines when it exits or time runs out.</summary>
    public async Task WaitForOkAsync(string url, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited) Assert.Fail($"The process exited (code {_process.ExitCode}) before {url} answered:\n{Tail()}");
            try
            {
                using var response = await http.GetAsync(url);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // slow start
            }
            if (DateTime.UtcNow > deadline) Assert.Fail($"{url} did not answer 200 within {timeout.TotalSeconds} s:\n{Tail()}");
            await Task.Delay(100);
        }
    }

    public string Tail(int lines = 40)
    {
        lock (_lines) return $"--- {Name} (pid {_process.Id}) ---\n" + string.Join('\n', _lines.TakeLast(lines).Select(l => l.Raw));
    }

    /// <summary>SIGKILL of the host alone: it ends at once, whatever it was doing (what a crash looks like).</summary>
    public void Kill() => Kill(entireProcessTree: false);

    private void Kill(bool entireProcessTree)
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _exited.Task.WaitAsync(timeout);
        await _process.WaitForExitAsync(); // drains the output
        return _process.ExitCode;
    }

    /// <summary>Kills the host and whatever it started (ffmpeg…), and waits for it to end.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        Kill(entireProcessTree: true);
        try
        {
            await WaitForExitAsync(TimeSpan.FromSeconds(20));
        }
        catch (TimeoutException)
        {
            // reported by the test that owns it
        }
        _process.Dispose();
        lock (_lines) _log?.Dispose();
    }
}

using System.Diagnostics;
using System.Text.Json;

namespace AskVideo.Resilience.Tests.Infrastructure;

/// <summary>One JSON log line of a host (the default Logging:Format): what the scenarios read as per-process markers.</summary>
public sealed record LogLine(DateTimeOffset At, string Level, string Category, string Message, Guid? JobId, JsonElement State, string Raw)
{
    public string? StateValue(string name) =>
        State.ValueKind == JsonValueKind.Object && State.TryGetProperty(name, out var v) ? v.ToString() : null;

    public static LogLine Parse(string raw)
    {
        try
        {
            using var doc = JsonDocument.Parse(raw);
            var root = doc.RootElement;
            Guid? jobId = null;
            if (root.TryGetProperty("Scopes", out var scopes) && scopes.ValueKind == JsonValueKind.Array)
            {
                foreach (var scope in scopes.EnumerateArray())
                {
                    if (scope.ValueKind == JsonValueKind.Object && scope.TryGetProperty(nameof(JobId), out var id) && Guid.TryParse(id.GetString(), out var g)) jobId = g;
                }
            }
            return new LogLine(
                DateTimeOffset.UtcNow,
                root.TryGetProperty("LogLevel", out var level) ? level.GetString() ?? "" : "",
                root.TryGetProperty(nameof(Category), out var category) ? category.GetString() ?? "" : "",
                root.TryGetProperty(nameof(Message), out var message) ? message.GetString() ?? "" : "",
                jobId,
                root.TryGetProperty(nameof(State), out var state) ? state.Clone() : default,
                raw);
        }
        catch (JsonException)
        {
            return new LogLine(DateTimeOffset.UtcNow, "", "", raw, null, default, raw);
        }
    }
}

/// <summary>
/// An API or Worker started from its Release build as a real process, with its output kept (in memory, parsed, and in a
/// log file under .local/resilience/logs). <see cref="Kill"/> is a SIGKILL: no graceful shutdown of anything.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    // The variables the hosts accept as aliases of their settings (a migrated deployment's names): never inherited
    // from whoever runs the tests, so the environment below is the whole configuration.
    private static readonly string[] Inherited = ["DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "ENABLE_SIGNUP", "SECURE_COOKIES",
        "FRONTEND_URL", "CORS_ALLOWED_ORIGINS", "USE_S3_STORAGE", "OPENAI_API_KEY", "EMBEDDING_MODEL", "ASPNETCORE_URLS"];

    private readonly Process _process;
    private readonly List<LogLine> _lines = [];
    private readonly StreamWriter _log;
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppProcess(string name, Process process, StreamWriter log)
    {
        Name = name;
        _process = process;
        _log = log;
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Raised (on a thread-pool thread) for every line the process writes.</summary>
    public event Action<AppProcess, LogLine>? LineWritten;

    public static AppProcess Start(string name, string dll, IReadOnlyList<string> args, IReadOnlyDictionary<string, string> environment, string logDirectory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var key in start.Environment.Keys.Where(k => Inherited.Contains(k, StringComparer.Ordinal) || k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(key);
        foreach (var (key, value) in environment) start.Environment[key] = value;

        Directory.CreateDirectory(logDirectory);
        var log = new StreamWriter(Path.Combine(logDirectory, name + ".log"), append: true) { AutoFlush = true };
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var app = new AppProcess(name, process, log);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.Exited += (_, _) => app._exited.TrySetResult();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    private void Append(string? raw)
    {
        if (raw is null) return;
        var line = LogLine.Parse(raw);
        lock (_lines)
        {
            _lines.Add(line);
            _log.WriteLine(raw);
        }
        LineWritten?.Invoke(this, line);
    }

    public IReadOnlyList<LogLine> Lines
    {
        get
        {
            lock (_lines) return [.. _lines];
        }
    }

    public string Tail(int lines = 40)
    {
        lock (_lines) return $"--- {Name} (pid {_process.Id}) ---\n" + string.Join('\n', _lines.TakeLast(lines).Select(l => l.Raw));
    }

    /// <summary>SIGKILL: the process ends at once, whatever it was doing.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: false);
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

    public async ValueTask DisposeAsync()
    {
        Kill();
        try
        {
            await WaitForExitAsync(TimeSpan.FromSeconds(20));
        }
        catch (TimeoutException)
        {
            // reported by the scenario that owns it
        }
        _process.Dispose();
        lock (_lines) _log.Dispose();
    }
}

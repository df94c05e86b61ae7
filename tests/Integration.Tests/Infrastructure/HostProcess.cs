using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AskVideo.Integration.Tests.Infrastructure;

/// <summary>
/// A built AskVideo host (the API or the Worker) run as a real process, as it is deployed: its stdout and stderr are
/// kept line by line (the JSON logs), and it is killed when disposed.
/// </summary>
public sealed class HostProcess : IDisposable
{
    private readonly Process _process;

    private HostProcess(Process process) => _process = process;

    /// <summary>Every line the process wrote, in order.</summary>
    public ConcurrentQueue<string> Lines { get; } = new();

    public bool HasExited => _process.HasExited;

    /// <summary>Waits for the process to end by itself and returns its exit code (null when it is still running after <paramref name="timeout"/>).</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
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

    public static HostProcess Start(string dll, IReadOnlyDictionary<string, string?> environment, params string[] args)
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
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var host = new HostProcess(new Process { StartInfo = start });
        host._process.OutputDataReceived += (_, e) => { if (e.Data is not null) host.Lines.Enqueue(e.Data); };
        host._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) host.Lines.Enqueue(e.Data); };
        host._process.Start();
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        return host;
    }

    /// <summary>A TCP port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until <paramref name="url"/> answers 200; fails with the process's last lines when it exits or time runs out.</summary>
    public async Task WaitForOkAsync(string url, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
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
            }
            catch (TaskCanceledException)
            {
            }
            if (DateTime.UtcNow > deadline) Assert.Fail($"{url} did not answer 200 within {timeout.TotalSeconds} s:\n{Tail()}");
            await Task.Delay(100);
        }
    }

    public string Tail(int lines = 40) => string.Join('\n', Lines.TakeLast(lines));

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }
}

using AskVideo.Integration.Tests.Infrastructure;

namespace AskVideo.Integration.Tests.Security;

/// <summary>
/// Every error body the security suite (access matrix, CSRF, throttles, forced server errors) and the bad-input fuzz
/// pass receive goes through <see cref="Inspect"/>: none may carry a stack trace, a server path, a connection string
/// or a secret of the test host. The totals are reported once per run (<see cref="Report"/>, called by the fixture).
/// </summary>
public static class ErrorBodies
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, int> BodiesBySource = new(StringComparer.Ordinal);
    private static readonly List<string> AllLeaks = [];

    /// <summary>What must never appear in an error body, with why.</summary>
    private static readonly (string Marker, string Why)[] Forbidden =
    [
        ("   at ", "a stack frame"),
        (".cs:line", "a source line"),
        ("Exception:", "an exception's text"),
        ("Exception (0x", "an exception's HRESULT"),
        ("--- End of", "a stack trace"),
        (TestEnvironment.RepoRoot, "the repository path"),
        (TestEnvironment.StackDir, "the test stack's path"),
        ("/home/", "a home directory"),
        ("/usr/", "a system path"),
        ("/tmp/", "a temporary path"),
        ("/root/", "a home directory"),
        ("/var/lib/", "a system path"),
        ("Host=127.0.0.1", "a connection string"),
        ("Username=postgres", "a connection string"),
        ("allowAdmin", "the Redis configuration"),
        ("Npgsql", "the database driver's message"),
        ("StackExchange.Redis", "the Redis client's message"),
        (ApiFactory.Settings["Auth:JwtSigningKey"]!, "the JWT signing key"),
        (ApiFactory.Settings["Security:EncryptionKeys:0:Key"]!, "the encryption key"),
        (FakeOpenAi.ValidKey, "a stored OpenAI key"),
    ];

    /// <summary>Records an error body; returns what it leaks (empty when clean).</summary>
    public static IReadOnlyList<string> Inspect(string source, string request, int status, string body)
    {
        var leaks = Forbidden.Where(f => body.Contains(f.Marker, StringComparison.Ordinal))
            .Select(f => $"{request} → {status}: the body contains {f.Why} ({Excerpt(body, f.Marker)})")
            .ToList();
        lock (Gate)
        {
            BodiesBySource[source] = BodiesBySource.GetValueOrDefault(source) + 1;
            AllLeaks.AddRange(leaks);
        }
        return leaks;
    }

    /// <summary>Reads the body of an error response (status ≥ 400) and inspects it; other responses are left alone.</summary>
    public static async Task<IReadOnlyList<string>> InspectAsync(string source, string request, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status < 400) return [];
        return Inspect(source, request, status, await response.Content.ReadAsStringAsync());
    }

    public static int Count(string source)
    {
        lock (Gate) return BodiesBySource.GetValueOrDefault(source);
    }

    /// <summary>One line for the run: how many error bodies were inspected (per source) and how many leaked.</summary>
    public static void Report()
    {
        lock (Gate)
        {
            if (BodiesBySource.Count == 0) return;
            SecurityReport.Append(new Dictionary<string, object>
            {
                ["check"] = "error-bodies",
                ["bodies"] = BodiesBySource.Values.Sum(),
                ["leaks"] = AllLeaks.Count,
                ["sources"] = new SortedDictionary<string, int>(BodiesBySource, StringComparer.Ordinal),
            });
        }
    }

    private static string Excerpt(string body, string marker)
    {
        var at = body.IndexOf(marker, StringComparison.Ordinal);
        var start = Math.Max(0, at - 40);
        return body.Substring(start, Math.Min(body.Length - start, marker.Length + 80)).ReplaceLineEndings(" ");
    }
}

/// <summary>
/// The suite's report for bench/run.sh: when <c>ASKVIDEO_REPORT_DIR</c> is set, one JSON line per check is appended to
/// <c>$ASKVIDEO_REPORT_DIR/security.jsonl</c>. Every line has <c>check</c>, and <c>leaks</c> or <c>failures</c> (0 = pass).
/// </summary>
public static class SecurityReport
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, List<(string Name, bool Passed)>> Outcomes = new(StringComparer.Ordinal);

    /// <summary>Runs one named part of a check (e.g. one throttle) and records whether it passed; the totals go out in <see cref="Flush"/>.</summary>
    public static async Task RecordAsync(string check, string name, Func<Task> body)
    {
        var passed = false;
        try
        {
            await body();
            passed = true;
        }
        finally
        {
            lock (Gate)
            {
                if (!Outcomes.TryGetValue(check, out var list)) Outcomes[check] = list = [];
                list.Add((name, passed));
            }
        }
    }

    /// <summary>One line per recorded check: how many parts ran, and which failed. Called once, when the test run ends.</summary>
    public static void Flush()
    {
        lock (Gate)
        {
            foreach (var (check, outcomes) in Outcomes)
            {
                Append(new Dictionary<string, object>
                {
                    ["check"] = check,
                    ["checked"] = outcomes.Count,
                    ["failures"] = outcomes.Count(o => !o.Passed),
                    ["names"] = outcomes.Select(o => o.Name).Order(StringComparer.Ordinal).ToList(),
                    ["failed"] = outcomes.Where(o => !o.Passed).Select(o => o.Name).ToList(),
                });
            }
            Outcomes.Clear();
        }
    }

    public static void Append(IReadOnlyDictionary<string, object> line)
    {
        var dir = Environment.GetEnvironmentVariable("ASKVIDEO_REPORT_DIR");
        if (string.IsNullOrEmpty(dir)) return;
        lock (Gate)
        {
            Directory.CreateDirectory(dir);
            File.AppendAllText(Path.Combine(dir, "security.jsonl"), System.Text.Json.JsonSerializer.Serialize(line) + "\n");
        }
    }
}

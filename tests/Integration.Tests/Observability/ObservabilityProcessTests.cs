using System.Net;
using AskVideo.Integration.Tests.Infrastructure;
using AskVideo.Integration.Tests.Processing;
using Xunit.Abstractions;

namespace AskVideo.Integration.Tests.Observability;

/// <summary>
/// The real API and Worker processes, as deployed (Production, JSON logs), each with its Prometheus endpoint on a port
/// of its own: after a video is uploaded and processed, their /metrics show the request, queue and job series, and
/// the worker's log lines of the job carry the trace id of the API's upload request. They use their own database and
/// Redis key prefix, so the shared test host's consumer never takes their jobs.
/// </summary>
public sealed class ObservabilityProcessTests(ApiFixture fixture, ITestOutputHelper output) : IntegrationTest(fixture)
{
    private const string Database = "askvideo_obs";
    private const string Prefix = "avqobs";

    private static readonly string[] Sentences =
    [
        "The lighthouse keeper polished the great lens every evening.",
        "Ships passing the rocky cape relied on its steady beam.",
        "By midnight the light was burning again over the waves.",
    ];

    [Fact]
    public async Task ApiAndWorker_ShouldExposeRequestQueueAndJobSeries_AndLogTheRequestsTraceId_AfterAProcessedVideo()
    {
        // Arrange: a fresh database, the clip, and both processes (the API does not consume jobs; the worker does).
        var started = DateTime.UtcNow;
        var clip = await SpokenClip.MakeAsync("observability", Sentences, withSubtitleTrack: true);
        await RunApiAndWorkerAsync(Database, (metricsPort, api) => Environment(Database, Prefix, metricsPort, api), output, async processes =>
        {
            var (api, worker, apiUrl, apiMetricsPort, workerMetricsPort) = processes;
            output.WriteLine($"both processes up after {(DateTime.UtcNow - started).TotalSeconds:0.0} s");

            // Act: sign up, sign in and upload through the API process; the worker processes the video.
            using var session = new SessionClient(ApiFixture.CreateClient(new Uri(apiUrl)));
            var name = "obs" + Guid.NewGuid().ToString("N")[..8];
            var signup = await session.PostAsync("/api/v1/auth/signup", new { email = $"{name}@example.test", username = name, password = TestUsers.Password, preferredLanguage = "en" });
            Assert.True(signup.StatusCode == HttpStatusCode.Accepted, $"signup: {(int)signup.StatusCode} {await signup.Content.ReadAsStringAsync()}");
            var login = await session.PostAsync("/api/v1/auth/login", new { login = name, password = TestUsers.Password });
            Assert.True(login.IsSuccessStatusCode, $"login: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
            var videoId = await ProcessingTests.UploadAsync(session, clip.Path);
            await ProcessingTests.WaitForStatusAsync(session, videoId, "ready", TimeSpan.FromSeconds(60));
            await WaitForAsync(() => worker.Lines.Any(l => l.Raw.Contains("Job ProcessVideo succeeded", StringComparison.Ordinal)),
                TimeSpan.FromSeconds(20), () => worker.Tail());
            output.WriteLine($"video ready after {(DateTime.UtcNow - started).TotalSeconds:0.0} s");

            // Assert: the API's endpoint has the request series of the upload route and the queue gauges.
            var apiScrape = await PrometheusText.ScrapeAsync($"http://127.0.0.1:{apiMetricsPort}/metrics");
            Assert.True(apiScrape.Value("http_server_request_duration_seconds_count",
                ("http_request_method", "POST"), ("http_route", "/api/v1/videos/"), ("http_response_status_code", "201")) >= 1);
            Assert.True(apiScrape.Value("http_server_request_duration_seconds_sum",
                ("http_request_method", "POST"), ("http_route", "/api/v1/videos/"), ("http_response_status_code", "201")) > 0);
            Assert.Equal(0, apiScrape.Value("askvideo_queue_dead_letters"));
            foreach (var state in new[] { "pending", "processing", "outbox", "scheduled" })
                Assert.InRange(apiScrape.Value("askvideo_queue_depth", ("state", state)), 0, 5);

            // The worker's: the job series (ProcessVideo ran once and succeeded, every step timed), the AI calls of
            // its embeddings, the queue gauges, and no request series (it serves none).
            var workerScrape = await PrometheusText.ScrapeAsync($"http://127.0.0.1:{workerMetricsPort}/metrics");
            Assert.True(workerScrape.Value("askvideo_job_duration_seconds_count", ("job_type", "ProcessVideo"), ("outcome", "succeeded")) >= 1);
            Assert.InRange(workerScrape.Value("askvideo_job_duration_seconds_sum", ("job_type", "ProcessVideo"), ("outcome", "succeeded")), 0.001, 60);
            Assert.Equal(1, workerScrape.Value("askvideo_job_duration_seconds_bucket", ("job_type", "ProcessVideo"), ("outcome", "succeeded"), ("le", "+Inf")));
            foreach (var step in new[] { "probe", "transcript", "split", "embed", "thumbnail", "save" })
                Assert.Equal(1, workerScrape.Value("askvideo_pipeline_step_duration_seconds_count", ("job_type", "ProcessVideo"), ("step", step), ("outcome", "succeeded")));
            Assert.Empty(workerScrape.Series("askvideo_job_failures_total", ("job_type", "ProcessVideo")));
            Assert.Equal(2, workerScrape.Value("askvideo_ai_request_duration_seconds_count", ("ai_operation", "embeddings"), ("ai_model", "text-embedding-3-small"), ("outcome", "ok")));
            Assert.True(workerScrape.Value("askvideo_ai_tokens_total", ("ai_operation", "embeddings"), ("token_type", "input")) > 0);
            Assert.InRange(workerScrape.Value("askvideo_queue_depth", ("state", "pending")), 0, 5);
            Assert.Empty(workerScrape.Series("http_server_request_duration_seconds_count"));

            // Every family the deploy files may query is exported with its type (askvideo_* failures appear on failures only).
            var types = ParseTypes(apiScrape, workerScrape);
            var families = types.Keys.ToHashSet(StringComparer.Ordinal);
            foreach (var (family, type) in MetricList.Read().Where(m => !MetricList.EventOnly.Contains(m.Name)))
            {
                Assert.True(families.Contains(family), $"{family} (deploy/prometheus/metrics.txt) is in neither scrape");
                Assert.Equal(type, types[family]);
            }
            var unlisted = families.Where(f => f.StartsWith("askvideo_", StringComparison.Ordinal) && MetricList.Read().All(m => m.Name != f)).ToList();
            Assert.True(unlisted.Count == 0, "exported but not in deploy/prometheus/metrics.txt: " + string.Join(", ", unlisted));

            // The trace: the worker's lines of the job carry the trace id of the API's upload request, and the job's
            // span is the child of that request's span.
            var upload = JsonLines(api).Single(l => l.Category == "AskVideo.Api.Http.RequestContextMiddleware" && l.Message.StartsWith("POST /api/v1/videos → 201", StringComparison.Ordinal));
            Assert.Matches("^[0-9a-f]{32}$", upload.TraceId);
            var ready = JsonLines(worker).Single(l => l.Category.EndsWith("ProcessVideoHandler", StringComparison.Ordinal) && l.Message.Contains("is ready", StringComparison.Ordinal));
            Assert.Equal(upload.TraceId, ready.TraceId);
            Assert.Equal(upload.SpanId, ready.ParentId);
            var succeeded = JsonLines(worker).Single(l => l.Category.EndsWith("JobConsumer", StringComparison.Ordinal) && l.Message.StartsWith("Job ProcessVideo succeeded", StringComparison.Ordinal));
            Assert.Equal((upload.TraceId, ready.SpanId), (succeeded.TraceId, succeeded.SpanId));
            output.WriteLine($"trace {upload.TraceId}: request span {upload.SpanId} → job span {ready.SpanId}; {(DateTime.UtcNow - started).TotalSeconds:0.0} s in all");
        });
    }

    /// <summary>The API and a Worker as real processes, up and ready, with the ports they answer on.</summary>
    internal sealed record ApiAndWorker(HostProcess Api, HostProcess Worker, string ApiUrl, int ApiMetricsPort, int WorkerMetricsPort);

    /// <summary>
    /// Runs <paramref name="scenario"/> against the API and a Worker started as real processes on a fresh, migrated
    /// <paramref name="database"/> (dropped afterwards) with the settings <paramref name="environment"/> gives for a
    /// metrics port and the host (true: the API); on a failure, the tails of both outputs go to the test's output.
    /// </summary>
    internal static async Task RunApiAndWorkerAsync(string database, Func<int, bool, Dictionary<string, string>> environment, ITestOutputHelper output, Func<ApiAndWorker, Task> scenario)
    {
        await ApiFixture.DropDatabaseAsync(database);
        await ApiFixture.EnsureDatabaseAsync(database);
        await (await ApiFixture.MigratedDataSourceAsync(database)).DisposeAsync();
        var (apiPort, apiMetricsPort, workerMetricsPort) = (HostProcess.FreePort(), HostProcess.FreePort(), HostProcess.FreePort());
        var apiUrl = $"http://127.0.0.1:{apiPort}";
        await using var api = HostProcess.Start(HostProcess.Dll("Api"), ["--urls", apiUrl], environment(apiMetricsPort, true));
        await using var worker = HostProcess.Start(HostProcess.Dll("Worker"), [], environment(workerMetricsPort, false));
        try
        {
            await Task.WhenAll(
                api.WaitForOkAsync($"{apiUrl}/api/v1/health/ready", TimeSpan.FromSeconds(60)),
                worker.WaitForOkAsync($"http://127.0.0.1:{workerMetricsPort}/metrics", TimeSpan.FromSeconds(60)));
            await scenario(new ApiAndWorker(api, worker, apiUrl, apiMetricsPort, workerMetricsPort));
        }
        catch
        {
            output.WriteLine("--- api ---\n" + api.Tail(60) + "\n--- worker ---\n" + worker.Tail(60));
            throw;
        }
        finally
        {
            await api.DisposeAsync();
            await worker.DisposeAsync();
            await ApiFixture.DropDatabaseAsync(database);
        }
    }

    /// <summary>A host process as deployed (Production, JSON logs) on its own database and Redis key prefix.</summary>
    internal static Dictionary<string, string> Environment(string database, string prefix, int metricsPort, bool api)
    {
        string Setting(string key) => ApiFactory.Settings[key] ?? throw new InvalidOperationException($"The test host has no {key}.");
        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Postgres"] = TestEnvironment.ConnectionString(database),
            ["Redis__Configuration"] = TestEnvironment.RedisConfiguration,
            ["Queue__KeyPrefix"] = prefix,
            ["Queue__ConsumerEnabled"] = api ? "false" : "true",
            ["Queue__PollMilliseconds"] = "200",
            ["Storage__LocalRoot"] = TestEnvironment.MediaRoot,
            ["Media__CacheDirectory"] = Path.Combine(TestEnvironment.StackDir, "cache"),
            ["App__PublicUrl"] = Setting("App:PublicUrl"),
            ["App__RequireEmailVerification"] = "false",
            ["Email__Provider"] = "file",
            ["Email__OutboxDirectory"] = Path.Combine(TestEnvironment.StackDir, "obs-mail"),
            ["Auth__JwtSigningKey"] = Setting("Auth:JwtSigningKey"),
            ["Auth__SecureCookies"] = "false",
            ["Security__EncryptionKeys__0__Id"] = Setting("Security:EncryptionKeys:0:Id"),
            ["Security__EncryptionKeys__0__Key"] = Setting("Security:EncryptionKeys:0:Key"),
            // Embeddings through the OpenAI wire format (the fake), so the AI series have real calls behind them.
            ["AI__EmbeddingProvider"] = "openai",
            ["AI__OpenAI__BaseUrl"] = FakeOpenAi.BaseUrl,
            ["AI__OpenAI__ApiKey"] = FakeOpenAi.ValidKey,
            ["AI__OpenAI__EmbeddingModel"] = "text-embedding-3-small",
            ["AI__OpenAI__EmbeddingDimensions"] = "256",
            ["Observability__MetricsPort"] = metricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Observability__MetricsHost"] = "127.0.0.1",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__AskVideo"] = "Information",
            // The API's one line per request is at Debug for a quick success (nginx logs them all in production).
            ["Logging__LogLevel__AskVideo.Api.Http.RequestContextMiddleware"] = "Debug",
        };
        return env;
    }

    internal sealed record TracedLine(string Category, string Message, string? TraceId, string? SpanId, string? ParentId, string? Exception);

    /// <summary>The process's JSON log lines, with the trace ids of their scopes (ActivityTrackingOptions).</summary>
    internal static List<TracedLine> JsonLines(HostProcess process) =>
        process.Lines.Where(l => l.Raw.StartsWith('{'))
            .Select(l => new TracedLine(l.Category, l.Message, l.ScopeValue("TraceId"), l.ScopeValue("SpanId"), l.ScopeValue("ParentId"), l.Exception))
            .ToList();

    private static Dictionary<string, string> ParseTypes(params PrometheusText[] scrapes) =>
        scrapes.SelectMany(s => s.Types).GroupBy(t => t.Key).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);

    internal static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout, Func<string> describe)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("Timed out:\n" + describe());
            await Task.Delay(100);
        }
    }
}

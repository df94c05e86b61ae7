using AskVideo.Application.Common.Jobs;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AskVideo.Integration.Tests.Infrastructure;

/// <summary>
/// The one API host of a test run: the real Program on a real Kestrel port (so nginx can proxy to it), wired to
/// the test stack's PostgreSQL and Redis, with the in-process job consumer on.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    public static readonly Dictionary<string, string?> Settings = new()
    {
        ["ConnectionStrings:Postgres"] = TestEnvironment.ConnectionString(TestEnvironment.Database),
        ["Redis:Configuration"] = TestEnvironment.RedisConfiguration,
        ["Queue:KeyPrefix"] = "avqit",
        ["Queue:ConsumerEnabled"] = "true",
        ["Queue:Concurrency"] = "2",
        ["Queue:PollMilliseconds"] = "200",
        // Short leases (renewed every 2 s) so lease-loss tests finish quickly.
        ["Queue:LeaseSeconds"] = "6",
        ["Queue:MaintenanceSeconds"] = "1",
        ["Queue:ReconcileAfterSeconds"] = "2",
        ["Queue:RetryBaseSeconds"] = "1",
        ["Queue:RetryMaxSeconds"] = "2",
        ["Storage:LocalRoot"] = TestEnvironment.MediaRoot,
        // nginx's folder for upload bodies it hands over (scripts/lib/stack.sh, NGINX_UPLOAD_DIR).
        ["Uploads:ProxyBodyDirectory"] = Path.Combine(TestEnvironment.StackDir, "nginx", "temp", "uploads"),
        ["Media:CacheDirectory"] = Path.Combine(TestEnvironment.StackDir, "cache"),
        ["App:PublicUrl"] = TestEnvironment.NginxUrl.ToString().TrimEnd('/'),
        ["Auth:JwtSigningKey"] = Convert.ToBase64String(Enumerable.Range(0, 48).Select(i => (byte)(i * 7 + 3)).ToArray()),
        ["Auth:SecureCookies"] = "false",
        ["Security:EncryptionKeys:0:Id"] = "test1",
        ["Security:EncryptionKeys:0:Key"] = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(255 - i)).ToArray()),
        ["Email:Provider"] = "file",
        ["Email:OutboxDirectory"] = TestEnvironment.MailDir,
        // Short windows so throttling tests can watch a window end; counters are flushed between tests.
        ["Auth:RefreshRaceGraceSeconds"] = "1",
        ["RateLimits:LoginPerAccount:Limit"] = "5",
        ["RateLimits:LoginPerAccount:WindowSeconds"] = "3",
        ["RateLimits:LoginPerIp:Limit"] = "30",
        ["RateLimits:LoginPerIp:WindowSeconds"] = "60",
        ["RateLimits:OpenAiKeyPerUser:Limit"] = "4",
        ["RateLimits:ModelsPerUser:Limit"] = "6",
        // A small stream cap, and open streams re-check their session every second, so stream tests finish quickly.
        ["Streams:MaxPerUser"] = "3",
        ["Streams:SessionCheckSeconds"] = "1",
        ["AI:OpenAI:BaseUrl"] = FakeOpenAi.BaseUrl,
        // The lexical embedder keeps the suite fast; the default local model has its own tests and runs in the browser tests.
        ["AI:EmbeddingProvider"] = "hashing",
        // A language model through the fake for users who set their own key; everyone else gets extractive answers.
        ["AI:ChatProvider"] = "openai",
        // Speech recognition through the fake for users who set their own key (no server key), in small chunks.
        ["AI:TranscriptionProvider"] = "openai",
        ["AI:Transcription:ChunkSeconds"] = "5",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:AskVideo"] = "Warning",
    };

    private readonly IReadOnlyDictionary<string, string?> _overrides;

    /// <summary>The shared host's Prometheus endpoint (http://127.0.0.1:MetricsPort/metrics), on a port of its own as in production.</summary>
    public static readonly int MetricsPort = HostProcess.FreePort();

    /// <summary>The shared host on the fixed Kestrel port; <paramref name="overrides"/> make a short-lived in-memory variant.</summary>
    public ApiFactory(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        // Variants never consume jobs: the shared host does, and a disposed variant must not hold any. Only the shared
        // host serves metrics (one listener per port).
        _overrides = overrides is null
            ? new Dictionary<string, string?>
            {
                ["Observability:MetricsPort"] = MetricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Observability:MetricsHost"] = "127.0.0.1",
            }
            : new Dictionary<string, string?>(overrides) { ["Queue:ConsumerEnabled"] = "false" };
        if (overrides is null) UseKestrel(TestEnvironment.ApiPort);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Settings.Concat(_overrides)) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            // Test-only job types, to exercise retries and dead letters through the real queue.
            services.AddSingleton(JobTypeRegistry.FromAssemblies([typeof(Application.DependencyInjection).Assembly, typeof(FlakyJob).Assembly]));
            services.AddScoped<IRequestHandler<FlakyJob, Unit>, FlakyJobHandler>();
            services.AddScoped<IRequestHandler<GatedJob, Unit>, GatedJobHandler>();
        });
    }
}

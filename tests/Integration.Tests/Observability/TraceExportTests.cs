using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Net.Http.Json;
using AskVideo.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace AskVideo.Integration.Tests.Observability;

/// <summary>
/// The app's TracerProvider, as configured when an OTLP endpoint is set: what it exports (here to memory, besides the
/// OTLP endpoint that nothing answers) is whole traces that start at requests, with their SQL and Redis spans, and
/// none of the background loops' one-span noise nor the health probes.
/// </summary>
public sealed class TraceExportTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Traces_ShouldStartAtRequests_WithTheirSqlAndRedisSpans_WhenAnOtlpEndpointIsConfigured()
    {
        // Arrange
        var exported = new Exported();
        var user = await Fixture.CreateAsync();
        await using var host = new ApiFactory(new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9" });
        using var client = host.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(exported))))
            .CreateClient();

        // Act: a probe, then a sign-in (SQL, and Redis for the throttles and the session).
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/api/v1/health/ready")).StatusCode);
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { login = user.Email, password = user.Password });
        Assert.True(login.IsSuccessStatusCode, $"login: {(int)login.StatusCode}");
        var traceId = ActivityTraceId.CreateFromString(login.Headers.GetValues("X-Request-Id").Single());

        // Assert
        List<Activity> Trace() => exported.Snapshot().Where(a => a.TraceId == traceId).ToList();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        // The server span ends (and is exported) after the client has the response, so wait for it as well as its children.
        bool Complete(List<Activity> t) => t.Any(a => a.Kind == ActivityKind.Server) && t.Any(a => a.Source.Name.Contains("StackExchangeRedis", StringComparison.Ordinal));
        while (!Complete(Trace()) && DateTime.UtcNow < deadline) await Task.Delay(100);
        var trace = Trace();
        var request = Assert.Single(trace, a => a.Kind == ActivityKind.Server);
        Assert.Equal(default, request.ParentSpanId);
        Assert.Equal("/api/v1/auth/login", request.GetTagItem("http.route"));
        Assert.Contains(trace, a => a.Source.Name == "Npgsql" && a.ParentSpanId == request.SpanId);
        Assert.Contains(trace, a => a.Source.Name.Contains("StackExchangeRedis", StringComparison.Ordinal) && a.ParentSpanId == request.SpanId);
        var all = exported.Snapshot();
        Assert.DoesNotContain(all, a => a.GetTagItem("url.path") is "/api/v1/health/ready");
        // Every exported span belongs to a trace that starts at a request or a job.
        Assert.All(all.Where(a => a.ParentSpanId == default), a => Assert.Contains(a.Kind, new[] { ActivityKind.Server, ActivityKind.Consumer }));
    }

    /// <summary>The exporter adds from the SDK's threads while the test reads.</summary>
    private sealed class Exported : Collection<Activity>
    {
        private readonly Lock _gate = new();

        protected override void InsertItem(int index, Activity item)
        {
            lock (_gate) base.InsertItem(index, item);
        }

        public List<Activity> Snapshot()
        {
            lock (_gate) return [.. Items];
        }
    }
}

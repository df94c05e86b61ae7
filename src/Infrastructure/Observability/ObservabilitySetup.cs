using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AskVideo.Infrastructure.Observability;

/// <summary>
/// Metrics for Prometheus and traces over OTLP, each only when configured (docs/deployment.md, "Observability"):
/// <list type="bullet">
/// <item>Observability:MetricsPort &gt; 0: a MeterProvider with the app's meter, ASP.NET Core, HttpClient, the runtime
/// and Npgsql, read by the Prometheus exporter at http://MetricsHost:MetricsPort/metrics (<see cref="MetricsEndpoint"/>,
/// a Kestrel server of its own) — the same in the API and the worker, on a port nginx never proxies.</item>
/// <item>An OTLP endpoint (OTEL_EXPORTER_OTLP_ENDPOINT): a TracerProvider for requests, jobs and their steps, SQL
/// (Npgsql), Redis and outgoing HTTP (the AI provider), exported over OTLP.</item>
/// </list>
/// With neither, nothing is registered: no listener, no exporter, and the instruments cost a null check.
/// </summary>
public static class ObservabilitySetup
{
    public static IServiceCollection AddObservability(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        services.AddOptions<ObservabilityOptions>()
            .Bind(configuration.GetSection(ObservabilityOptions.SectionName))
            .PostConfigure(o => ObservabilityOptions.Fill(o, configuration))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var options = ObservabilityOptions.From(configuration);
        var metrics = options.MetricsPort is > 0 and <= 65535;
        var traces = options.TracingEnabled;
        if (!metrics && !traces) return services;

        services.AddSingleton<QueueGauges>();
        var version = typeof(ObservabilitySetup).Assembly.GetName().Version?.ToString(3);
        var otel = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : serviceName, serviceVersion: version));
        if (metrics)
        {
            otel.WithMetrics(m => m
                .AddMeter(Telemetry.Name)
                .AddInstrumentation(sp => sp.GetRequiredService<QueueGauges>())
                // ASP.NET Core's request duration and in-flight requests, Kestrel's connections and the exceptions its
                // handler saw; not routing, authentication, authorization or memory-pool counters, recorded on every
                // request (and every buffer) for little an operator needs.
                .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Diagnostics")
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Npgsql")
                .AddPrometheusExporter());
            services.AddHostedService<MetricsEndpoint>();
        }
        if (traces)
        {
            otel.WithTracing(t => t
                .SetSampler(new ParentBasedSampler(new EntryPointSampler(options.TraceSampleRatio)))
                .AddSource(Telemetry.Name)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbe(context.Request.Path) && !IsScrape(context, options))
                .AddHttpClientInstrumentation()
                .AddSource("Npgsql")
                .AddRedisInstrumentation(o =>
                {
                    o.EnrichActivityWithTimingEvents = false;
                    // Commands are profiled and turned into spans by a background drain; poll at least every second.
                    o.FlushInterval = TimeSpan.FromSeconds(1);
                })
                .ConfigureRedisInstrumentation((sp, redis) => redis.AddConnection(sp.GetRequiredService<Queue.RedisConnection>().Multiplexer))
                .AddOtlpExporter());
        }
        return services;
    }

    /// <summary>Health probes (every few seconds from Docker, Kubernetes or a load balancer) start no trace, nor do scrapes.</summary>
    private static bool IsProbe(PathString path) => path.StartsWithSegments("/api/v1/health", StringComparison.OrdinalIgnoreCase);

    private static bool IsScrape(HttpContext context, ObservabilityOptions options) =>
        options.MetricsPort > 0 && context.Connection.LocalPort == options.MetricsPort;
}

/// <summary>
/// Starts traces only at entry points — a request the API serves (Server) or a job a worker runs without a known
/// parent (Consumer) — and keeps <c>ratio</c> of them. Spans of other kinds without a parent are the SQL and Redis
/// commands of the background loops (outbox polling, lease renewals, the reaper): thousands of one-span traces an hour
/// that nobody asked for, so they are dropped. Used as the root sampler of a <see cref="ParentBasedSampler"/>, so
/// every span under a kept entry point is kept.
/// </summary>
public sealed class EntryPointSampler(double ratio) : Sampler
{
    private readonly TraceIdRatioBasedSampler _ratio = new(ratio);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Kind is ActivityKind.Server or ActivityKind.Consumer
            ? _ratio.ShouldSample(samplingParameters)
            : new SamplingResult(SamplingDecision.Drop);
}

using System.Diagnostics;
using System.Diagnostics.Metrics;
using AskVideo.Infrastructure.Observability;
using AskVideo.Infrastructure.Queue;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AskVideo.Infrastructure.UnitTests.Observability;

public sealed class ObservabilityTests
{
    [Fact]
    public void AddObservability_ShouldRegisterNoProviderNorExporter_WhenNeitherAMetricsPortNorAnOtlpEndpointIsSet()
    {
        // Arrange + Act
        using var services = Build([]);

        // Assert: the instruments exist (the adapters record into them), nothing listens to them.
        Assert.NotNull(services.GetRequiredService<AppMetrics>());
        Assert.Null(services.GetService<MeterProvider>());
        Assert.Null(services.GetService<TracerProvider>());
        Assert.False(services.GetRequiredService<IOptions<ObservabilityOptions>>().Value.TracingEnabled);
    }

    [Fact]
    public void AddObservability_ShouldRegisterATracerProvider_OnlyWhenAnOtlpEndpointIsSet()
    {
        // Arrange + Act
        using var services = Build(new() { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://collector:4317" });

        // Assert
        Assert.NotNull(services.GetService<TracerProvider>());
        Assert.Null(services.GetService<MeterProvider>());
        Assert.Equal("http://collector:4317", services.GetRequiredService<IOptions<ObservabilityOptions>>().Value.OtlpEndpoint);
    }

    [Theory]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4317", "OTEL_EXPORTER_OTLP_ENDPOINT")]
    [InlineData("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "ftp://collector", "OTEL_EXPORTER_OTLP_ENDPOINT")]
    [InlineData("Observability:MetricsPort", "70000", "MetricsPort")]
    [InlineData("Observability:MetricsHost", "http://0.0.0.0", "MetricsHost")]
    [InlineData("Observability:MetricsHost", "metrics.example.com", "MetricsHost")]
    [InlineData("Observability:TraceSampleRatio", "1.5", "TraceSampleRatio")]
    public void ObservabilityOptions_ShouldFailValidationNamingTheSetting_WhenAValueIsInvalid(string key, string value, string named)
    {
        // Arrange
        using var services = Build(new() { [key] = value });

        // Act
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ObservabilityOptions>>().Value);

        // Assert
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ActivityKind.Server, true)]
    [InlineData(ActivityKind.Consumer, true)]
    [InlineData(ActivityKind.Client, false)]
    [InlineData(ActivityKind.Internal, false)]
    [InlineData(ActivityKind.Producer, false)]
    public void EntryPointSampler_ShouldStartTracesOnlyAtRequestsAndJobs(ActivityKind kind, bool sampled)
    {
        // Arrange
        var sampler = new EntryPointSampler(1.0);
        var parameters = new SamplingParameters(default, ActivityTraceId.CreateRandom(), "span", kind);

        // Act
        var result = sampler.ShouldSample(parameters);

        // Assert
        Assert.Equal(sampled ? SamplingDecision.RecordAndSample : SamplingDecision.Drop, result.Decision);
    }

    [Fact]
    public void EntryPointSampler_ShouldKeepNoEntryPoint_WhenTheRatioIsZero()
    {
        var parameters = new SamplingParameters(default, ActivityTraceId.CreateRandom(), "GET /api/v1/videos/", ActivityKind.Server);

        Assert.Equal(SamplingDecision.Drop, new EntryPointSampler(0).ShouldSample(parameters).Decision);
    }

    [Fact]
    public void StartJob_ShouldContinueTheEnqueuersTrace_EvenWithNothingListening()
    {
        // Arrange: the traceparent a request stored with the job.
        var traceId = ActivityTraceId.CreateRandom();
        var parent = ActivitySpanId.CreateRandom();

        // Act
        using var job = Telemetry.StartJob("ProcessVideo", Guid.NewGuid(), 1, $"00-{traceId}-{parent}-01");

        // Assert: the job's log lines get this trace id (ActivityTrackingOptions), and its parent is the request.
        Assert.Same(job, Activity.Current);
        Assert.Equal(traceId, job.TraceId);
        Assert.Equal(parent, job.ParentSpanId);
        Assert.Equal("job ProcessVideo", job.DisplayName);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a traceparent")]
    public void StartJob_ShouldStartANewTrace_WhenNoValidTraceparentWasStored(string? traceParent)
    {
        using var job = Telemetry.StartJob("SendEmail", Guid.NewGuid(), 2, traceParent);

        Assert.Equal(default, job.ParentSpanId);
        Assert.NotEqual(default, job.TraceId);
    }

    [Fact]
    public void Instruments_ShouldBeExactlyTheAskvideoFamiliesOfTheDeployList()
    {
        // Arrange: every instrument of the "AskVideo" meter, as the Prometheus exporter names them.
        var published = new List<Instrument>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, _) =>
        {
            lock (published) published.Add(instrument);
        };
        listener.Start();
        using var services = Build([]);
        var metrics = services.GetRequiredService<AppMetrics>();
        _ = new QueueGauges(metrics, services.GetRequiredService<RedisJobQueue>(), services.GetRequiredService<RedisConnection>(),
            NpgsqlDataSource.Create("Host=127.0.0.1;Port=1"), TimeProvider.System, NullLogger<QueueGauges>.Instance);

        // Act
        List<string> exported;
        lock (published) exported = published.Where(i => ReferenceEquals(i.Meter, metrics.Meter)).Select(i => $"{PrometheusName(i)} {PrometheusType(i)}").Distinct().Order(StringComparer.Ordinal).ToList();

        // Assert
        var listed = File.ReadAllLines(Path.Combine(RepositoryRoot(), "deploy", "prometheus", "metrics.txt"))
            .Where(l => l.StartsWith("askvideo_", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(listed, exported);
    }

    /// <summary>The OpenTelemetry Prometheus exporter's naming: dots to underscores, the unit's suffix, _total for counters.</summary>
    private static string PrometheusName(Instrument instrument)
    {
        var name = instrument.Name.Replace('.', '_');
        name += instrument.Unit switch
        {
            "s" => "_seconds",
            "By" => "_bytes",
            null or "" => "",
            var unit when unit.StartsWith('{') => "",
            var unit => throw new InvalidOperationException($"{instrument.Name}: unit {unit} has no suffix rule here"),
        };
        return instrument.GetType().Name.StartsWith("Counter", StringComparison.Ordinal) ? name + "_total" : name;
    }

    private static string PrometheusType(Instrument instrument) => instrument.GetType().Name switch
    {
        var t when t.StartsWith("Counter", StringComparison.Ordinal) => "counter",
        var t when t.StartsWith("Histogram", StringComparison.Ordinal) => "histogram",
        var t when t.StartsWith("ObservableGauge", StringComparison.Ordinal) => "gauge",
        var t => throw new InvalidOperationException($"{instrument.Name}: {t} has no Prometheus type here"),
    };

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AskVideo.slnx"))) return dir.FullName;
        throw new InvalidOperationException("No AskVideo.slnx above " + AppContext.BaseDirectory);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddInfrastructure(configuration);
        services.AddObservability(configuration, "askvideo-test");
        return services.BuildServiceProvider();
    }
}

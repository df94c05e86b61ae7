using System.ComponentModel.DataAnnotations;

namespace AskVideo.Infrastructure.Observability;

/// <summary>Metrics and traces (section "Observability"; the OTLP endpoint comes from the standard OTEL_* variables).</summary>
public sealed class ObservabilityOptions : IValidatableObject
{
    public const string SectionName = "Observability";

    /// <summary>
    /// Port of this process's Prometheus scrape endpoint (GET /metrics), a small server of its own beside the API's
    /// port, so nginx (which proxies only the API's port) never exposes it. 0 (the default): no endpoint and no meter
    /// listener.
    /// </summary>
    [Range(0, 65535)]
    public int MetricsPort { get; set; }

    /// <summary>
    /// Where that endpoint listens: "*" every interface (containers, a pod scraped by Prometheus), "localhost", or an
    /// address of this machine such as 127.0.0.1.
    /// </summary>
    [Required]
    public string MetricsHost { get; set; } = "*";

    /// <summary>
    /// The share of traces kept when traces are exported (an OTLP endpoint is set): a trace starts at a request the
    /// API serves or a job without a parent; every span under a kept entry point is kept. 1 keeps all.
    /// </summary>
    [Range(0.0, 1.0)]
    public double TraceSampleRatio { get; set; } = 1.0;

    /// <summary>
    /// OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, else OTEL_EXPORTER_OTLP_ENDPOINT (filled from configuration, not from this
    /// section). Traces are exported over OTLP only when it is set; without it no span is recorded or exported.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    public bool TracingEnabled => !string.IsNullOrWhiteSpace(OtlpEndpoint);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MetricsHost is not ("*" or "+" or "localhost") && !System.Net.IPAddress.TryParse(MetricsHost.Trim('[', ']'), out _))
            yield return new ValidationResult("Observability:MetricsHost must be *, localhost or an IP address of this machine.", [nameof(MetricsHost)]);
        if (TracingEnabled && !(Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            yield return new ValidationResult("The OTLP endpoint (OTEL_EXPORTER_OTLP_ENDPOINT) must be an absolute http:// or https:// URL, e.g. http://otel-collector:4317.",
                [nameof(OtlpEndpoint)]);
    }

    /// <summary>The options as configured, with the OTLP endpoint from the standard variables.</summary>
    public static ObservabilityOptions From(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var options = new ObservabilityOptions();
        Microsoft.Extensions.Configuration.ConfigurationBinder.Bind(configuration.GetSection(SectionName), options);
        Fill(options, configuration);
        return options;
    }

    internal static void Fill(ObservabilityOptions options, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var endpoint = configuration["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint)) endpoint = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        options.OtlpEndpoint = string.IsNullOrWhiteSpace(endpoint) ? null : endpoint.Trim();
    }
}

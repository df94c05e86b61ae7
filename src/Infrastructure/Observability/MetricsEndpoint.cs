using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace AskVideo.Infrastructure.Observability;

/// <summary>
/// GET /metrics (Prometheus text format) on Observability:MetricsPort, served by a Kestrel server of its own beside
/// the host: the same in the API and the worker, on a port nginx never proxies. The API's own Kestrel is left alone
/// (endpoints set in code would override ASPNETCORE_URLS / --urls). Anything but /metrics is a 404; scrapes are left
/// out of the request metrics and the traces.
/// </summary>
internal sealed class MetricsEndpoint(MeterProvider meterProvider, IOptions<ObservabilityOptions> options, ILoggerFactory loggers)
    : IHostedService, IAsyncDisposable
{
    public const string Path = "/metrics";

    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton(loggers);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            if (o.MetricsHost is "*" or "+") kestrel.ListenAnyIP(o.MetricsPort);
            else if (o.MetricsHost == "localhost") kestrel.ListenLocalhost(o.MetricsPort);
            else kestrel.Listen(IPAddress.Parse(o.MetricsHost.Trim('[', ']')), o.MetricsPort);
        });
        _app = builder.Build();
        _app.Use((context, next) =>
        {
            // A scrape is not a request of the app's.
            if (context.Features.Get<IHttpMetricsTagsFeature>() is { } metrics) metrics.MetricsDisabled = true;
            return next(context);
        });
        _app.UseOpenTelemetryPrometheusScrapingEndpoint(meterProvider, null!, Path, null!, null!);
        _app.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        await _app.StartAsync(cancellationToken);
        loggers.CreateLogger<MetricsEndpoint>().LogInformation("Prometheus metrics on http://{Host}:{Port}{Path}", o.MetricsHost, o.MetricsPort, Path);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _app?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}

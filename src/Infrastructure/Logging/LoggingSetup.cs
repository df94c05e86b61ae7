using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace AskVideo.Infrastructure.Logging;

public static class LoggingSetup
{
    /// <summary>
    /// Structured JSON lines on stdout (with scopes, so every line carries the request or job id, and the trace and
    /// span ids of the current request or job), or the human "simple" format when Logging:Format is "simple" (local
    /// development). Either way no stack trace and no secret reaches the output: the console provider is wrapped in a
    /// <see cref="RedactingLoggerProvider"/>, which covers the framework's lines too (see docs/decisions.md).
    /// </summary>
    public static ILoggingBuilder AddAskVideoLogging(this ILoggingBuilder logging, IConfiguration configuration)
    {
        logging.ClearProviders();
        // The current span's ids as a scope of every line: a job's lines share the trace id of the request that
        // enqueued it, and ParentId of the job's first span is that request's SpanId.
        logging.Services.Configure<LoggerFactoryOptions>(o =>
            o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        if (string.Equals(configuration["Logging:Format"], "simple", StringComparison.OrdinalIgnoreCase))
        {
            logging.AddSimpleConsole(o =>
            {
                o.IncludeScopes = true;
                o.SingleLine = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "HH:mm:ss.fff ";
            });
        }
        else
        {
            logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        // The console provider the calls above registered, wrapped: exceptions as type and message, no frames, no secrets.
        foreach (var console in logging.Services.Where(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider)).ToList())
            logging.Services.Remove(console);
        logging.Services.AddSingleton<ILoggerProvider>(sp => new RedactingLoggerProvider(
            new ConsoleLoggerProvider(sp.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>(), sp.GetServices<ConsoleFormatter>())));
        return logging;
    }
}

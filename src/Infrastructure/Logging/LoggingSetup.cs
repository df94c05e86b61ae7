using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AskVideo.Infrastructure.Logging;

public static class LoggingSetup
{
    /// <summary>
    /// Structured JSON lines on stdout (with scopes, so every line carries the request or job id, and the trace and
    /// span ids of the current request or job), or the human "simple" format when Logging:Format is "simple" (local
    /// development).
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
        return logging;
    }
}

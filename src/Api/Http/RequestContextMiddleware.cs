using System.Diagnostics;
using System.Text.RegularExpressions;
using AskVideo.Infrastructure.Logging;

namespace AskVideo.Api.Http;

/// <summary>
/// Gives every request an id (nginx's X-Request-Id when it looks sane, else the trace id), echoes it in the response
/// and puts it in a logging scope, then logs one line per request (successful quick ones at Debug). Secrets in paths
/// (share tokens) are redacted.
/// </summary>
internal sealed partial class RequestContextMiddleware(RequestDelegate next, ILogger<RequestContextMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers["X-Request-Id"].ToString();
        var requestId = SafeId().IsMatch(incoming) ? incoming : Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        context.TraceIdentifier = requestId;
        context.Response.Headers["X-Request-Id"] = requestId;

        using var scope = logger.BeginScope(new LogScope(("RequestId", requestId)));
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            var status = context.Response.StatusCode;
            // Successful quick requests are the bulk and nginx's access log already has one line for each (with the
            // same request id); at Information they cost the API a tenth of its CPU on the hot reads. Failures and
            // slow requests stay at Information, server errors at Warning, everything at Debug.
            var level = status >= 500 ? LogLevel.Warning : status >= 400 || elapsed >= SlowRequest ? LogLevel.Information : LogLevel.Debug;
            if (logger.IsEnabled(level)) LogRequest(logger, level, context.Request.Method, Redact(context.Request.Path.Value ?? "/"), status, elapsed.TotalMilliseconds);
        }
    }

    /// <summary>Requests slower than this are logged at Information even when they succeed.</summary>
    public static readonly TimeSpan SlowRequest = TimeSpan.FromSeconds(1);

    [LoggerMessage("{Method} {Path} → {Status} in {ElapsedMs:0.0} ms")]
    private static partial void LogRequest(ILogger logger, LogLevel level, string method, string path, int status, double elapsedMs);

    public static string Redact(string path) => SharePath().Replace(path, "/shared/***");

    [GeneratedRegex("^[A-Za-z0-9._-]{8,128}$")]
    private static partial Regex SafeId();

    [GeneratedRegex("/shared/[^/]+")]
    private static partial Regex SharePath();
}

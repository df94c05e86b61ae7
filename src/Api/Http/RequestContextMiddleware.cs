using System.Diagnostics;
using System.Text.RegularExpressions;
using AskVideo.Infrastructure.Logging;

namespace AskVideo.Api.Http;

/// <summary>
/// Gives every request an id (nginx's X-Request-Id when it looks sane, else the trace id), echoes it in the response
/// and puts it in a logging scope, then logs one line per request. Secrets in paths (share tokens) are redacted.
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
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var path = Redact(context.Request.Path.Value ?? "/");
            var status = context.Response.StatusCode;
            if (status >= 500)
                logger.LogWarning("{Method} {Path} → {Status} in {ElapsedMs:0.0} ms", context.Request.Method, path, status, elapsed);
            else
                logger.LogInformation("{Method} {Path} → {Status} in {ElapsedMs:0.0} ms", context.Request.Method, path, status, elapsed);
        }
    }

    public static string Redact(string path) => SharePath().Replace(path, "/shared/***");

    [GeneratedRegex("^[A-Za-z0-9._-]{8,128}$")]
    private static partial Regex SafeId();

    [GeneratedRegex("/shared/[^/]+")]
    private static partial Regex SharePath();
}

using AskVideo.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AskVideo.Integration.Tests.Platform;

/// <summary>The API's own per-request line: quiet for the bulk (nginx logs every request), loud for what matters.</summary>
public class RequestLogTests
{
    private sealed class CapturingLogger : ILogger<RequestContextMiddleware>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }

    [Theory]
    [InlineData(200, 0, LogLevel.Debug)]
    [InlineData(304, 0, LogLevel.Debug)]
    [InlineData(404, 0, LogLevel.Information)]
    [InlineData(429, 0, LogLevel.Information)]
    [InlineData(503, 0, LogLevel.Warning)]
    [InlineData(200, 1100, LogLevel.Information)]
    public async Task EachRequest_ShouldBeLoggedOnce_AtALevelThatFitsItsOutcome(int status, int delayMs, LogLevel expected)
    {
        var logger = new CapturingLogger();
        var middleware = new RequestContextMiddleware(async context =>
        {
            if (delayMs > 0) await Task.Delay(delayMs);
            context.Response.StatusCode = status;
        }, logger);
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = "/api/v1/shared/secret-token/videos";

        await middleware.InvokeAsync(context);

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(expected, entry.Level);
        Assert.StartsWith($"GET /api/v1/shared/***/videos → {status} in ", entry.Message);
    }
}

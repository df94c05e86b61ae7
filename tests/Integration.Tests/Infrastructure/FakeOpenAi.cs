using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AskVideo.Integration.Tests.Infrastructure;

/// <summary>
/// The only fake allowed: a real HTTP server speaking the OpenAI wire format, so the real OpenAI SDK adapters are
/// exercised end to end. Keys: <see cref="ValidKey"/> works, <see cref="RateLimitedKey"/> gets 429, anything else 401.
/// </summary>
public sealed class FakeOpenAi : IAsyncDisposable
{
    public const string ValidKey = "sk-test-valid-key-1234";
    public const string RateLimitedKey = "sk-test-rate-limited-9999";
    public static readonly int Port = int.Parse(Environment.GetEnvironmentVariable("FAKE_OPENAI_PORT") ?? "5199", System.Globalization.CultureInfo.InvariantCulture);
    public static readonly string BaseUrl = $"http://127.0.0.1:{Port}/v1";

    public static readonly string[] ChatModels = ["gpt-4o", "gpt-4o-mini", "o3-mini"];
    public static readonly string[] OtherModels = ["text-embedding-3-small", "whisper-1", "tts-1", "dall-e-3"];

    private readonly WebApplication _app;

    /// <summary>Every request the fake received (method, path, bearer key), for assertions.</summary>
    public ConcurrentQueue<(string Method, string Path, string? Key)> Requests { get; } = new();

    public FakeOpenAi()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            var key = context.Request.Headers.Authorization.ToString().Replace("Bearer ", "", StringComparison.Ordinal);
            Requests.Enqueue((context.Request.Method, context.Request.Path, key));
            if (key == RateLimitedKey)
            {
                context.Response.Headers.RetryAfter = "7";
                await Error(context, 429, "Rate limit reached for requests", "rate_limit_exceeded");
                return;
            }
            if (key != ValidKey)
            {
                await Error(context, 401, "Incorrect API key provided.", "invalid_api_key");
                return;
            }
            await next(context);
        });
        _app.MapGet("/v1/models", () => Results.Json(new
        {
            @object = "list",
            data = ChatModels.Concat(OtherModels).Select(id => new { id, @object = "model", created = 1_700_000_000, owned_by = "askvideo-tests" }),
        }));
    }

    public Task StartAsync() => _app.StartAsync();

    private static Task Error(HttpContext context, int status, string message, string code)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error = new { message, type = "invalid_request_error", param = (string?)null, code } });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

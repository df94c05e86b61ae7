using System.Net;
using AskVideo.Application.Common.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace AskVideo.Infrastructure.AI;

/// <summary>
/// The HTTP client of the chat, embedding and model-list calls, with the standard resilience stack
/// (Microsoft.Extensions.Http.Resilience): up to two retries with exponential backoff and jitter for network errors,
/// 5xx, and 429s whose Retry-After is short; a longer Retry-After is the user's to see (a 429 with the wait), not
/// something to sit through inside a request. Speech recognition keeps its own per-chunk attempts, so its counts
/// stay exact.
/// </summary>
internal static class OpenAiHttp
{
    public const string ClientName = "openai";

    private static readonly TimeSpan LongestWorthWaiting = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddOpenAiHttp(this IServiceCollection services)
    {
        services.AddHttpClient(ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("openai", (pipeline, context) =>
            {
                var settings = context.ServiceProvider.GetRequiredService<IOptions<AiOptions>>().Value.OpenAI;
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 2,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(500),
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                    {
                        { Exception: HttpRequestException } => true,
                        { Result.StatusCode: HttpStatusCode.TooManyRequests } r => (r.Result.Headers.RetryAfter?.Delta ?? TimeSpan.MaxValue) <= LongestWorthWaiting,
                        { Result: { } response } => (int)response.StatusCode >= 500,
                        _ => false,
                    }),
                });
                // Until the response starts (answers then stream for as long as they take).
                pipeline.AddTimeout(TimeSpan.FromSeconds(settings.TimeoutSeconds));
            });
        return services;
    }
}

using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Options;
using AskVideo.Domain.Common;
using OpenAI;

namespace AskVideo.Infrastructure.AI;

/// <summary>
/// What the OpenAI adapters share: client options (the configured base URL, no SDK retries, so ours are counted
/// exactly), which key to use, and how provider failures become <see cref="UpstreamException"/>s. Messages never
/// carry keys, paths or URLs.
/// </summary>
internal static class OpenAiErrors
{
    public const string InvalidKeyMessage = "The AI provider rejected the API key. Update it in Settings.";

    /// <summary>Options for an SDK client; with <paramref name="http"/>, its resilience handler does the retries.</summary>
    public static OpenAIClientOptions ClientOptions(OpenAiSettings settings, HttpClient? http = null)
    {
        var options = new OpenAIClientOptions
        {
            Endpoint = new Uri(settings.BaseUrl),
            NetworkTimeout = TimeSpan.FromSeconds(settings.TimeoutSeconds),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        };
        if (http is not null) options.Transport = new HttpClientPipelineTransport(http);
        return options;
    }

    /// <summary>The user's own key when given, else the server's; null when there is neither.</summary>
    public static string? ResolveKey(string? userKey, OpenAiSettings settings) =>
        !string.IsNullOrWhiteSpace(userKey) ? userKey : string.IsNullOrWhiteSpace(settings.ApiKey) ? null : settings.ApiKey;

    public static UpstreamException MissingKey() =>
        new(ErrorCode.OpenAiKeyMissing, "No API key is configured for the AI provider. Add your OpenAI key in Settings.", transient: false);

    /// <summary>
    /// The application error for a failed provider call, or null when <paramref name="exception"/> is not a
    /// provider failure (including cancellation by the caller, which must propagate as is).
    /// </summary>
    public static UpstreamException? Map(Exception exception, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested) return null;
        return exception switch
        {
            ClientResultException { Status: 401 or 403 } => new UpstreamException(ErrorCode.InvalidOpenAiKey, InvalidKeyMessage, transient: false),
            ClientResultException { Status: 429 } rate => new UpstreamException(ErrorCode.AiRateLimited,
                "The AI provider is rate limiting requests. Try again shortly.", transient: true, RetryAfter(rate) ?? TimeSpan.FromSeconds(20)),
            ClientResultException { Status: 408 } or ClientResultException { Status: >= 500 } or ClientResultException { Status: 0 }
                or HttpRequestException or TimeoutException or OperationCanceledException or IOException => Unavailable(),
            ClientResultException { Status: >= 400 and < 500 } => new UpstreamException(ErrorCode.AiRequestRejected,
                "The AI provider rejected the request. Check the configured model and settings.", transient: false),
            _ => null,
        };
    }

    public static UpstreamException Unavailable() =>
        new(ErrorCode.AiUnavailable, "The AI provider could not be reached. Try again in a minute.", transient: true, TimeSpan.FromSeconds(30));

    private static TimeSpan? RetryAfter(ClientResultException exception)
    {
        var response = exception.GetRawResponse();
        if (response is null || !response.Headers.TryGetValue("Retry-After", out var value) || string.IsNullOrWhiteSpace(value)) return null;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            return TimeSpan.FromSeconds(Math.Ceiling(seconds));
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }
}

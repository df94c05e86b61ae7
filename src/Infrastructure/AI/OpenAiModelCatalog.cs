using System.ClientModel;
using System.ClientModel.Primitives;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Options;
using AskVideo.Domain.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Models;

namespace AskVideo.Infrastructure.AI;

/// <summary>Lists models and checks keys against the configured OpenAI-compatible endpoint (the real OpenAI SDK).</summary>
internal sealed class OpenAiModelCatalog(IOptions<AiOptions> options, ILogger<OpenAiModelCatalog> logger) : IChatModelCatalog
{
    // Model families that cannot chat (OpenAI naming; other servers mostly expose chat models only).
    private static readonly string[] NonChat = ["embedding", "embed", "whisper", "tts", "dall-e", "davinci", "babbage", "moderation", "transcribe", "image", "audio", "realtime", "search"];

    public async Task<IReadOnlyList<string>> ListChatModelsAsync(string? apiKey, CancellationToken cancellationToken)
    {
        var key = apiKey ?? options.Value.OpenAI.ApiKey;
        if (string.IsNullOrEmpty(key)) return [];
        try
        {
            var models = await CreateClient(key).GetModelsAsync(cancellationToken);
            return models.Value.Select(m => m.Id)
                .Where(id => !NonChat.Any(n => id.Contains(n, StringComparison.OrdinalIgnoreCase)))
                .Order(StringComparer.Ordinal)
                .ToList();
        }
        catch (ClientResultException ex) when (ex.Status is 401 or 403)
        {
            throw new Application.Common.Exceptions.UnprocessableException(ErrorCode.InvalidOpenAiKey, "The AI provider rejected the API key. Update it in Settings.");
        }
        catch (ClientResultException ex) when (ex.Status == 429)
        {
            throw new Application.Common.Exceptions.RateLimitedException(TimeSpan.FromSeconds(20), "The AI provider is rate limiting requests. Try again shortly.");
        }
        catch (Exception ex) when (ex is ClientResultException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Listing models failed: {Error}", ex.Message);
            throw new Application.Common.Exceptions.UpstreamException(ErrorCode.AiUnavailable, "The AI provider could not be reached. Try again in a minute.", transient: true, TimeSpan.FromSeconds(30));
        }
    }

    public async Task<KeyCheck> CheckKeyAsync(string apiKey, CancellationToken cancellationToken)
    {
        try
        {
            await CreateClient(apiKey).GetModelsAsync(cancellationToken);
            return KeyCheck.Valid;
        }
        catch (ClientResultException ex) when (ex.Status is 401 or 403)
        {
            return KeyCheck.Invalid;
        }
        catch (Exception ex) when (ex is ClientResultException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Could not verify an API key against the AI endpoint: {Error}", ex.Message);
            return KeyCheck.Unverified;
        }
    }

    private OpenAIModelClient CreateClient(string apiKey)
    {
        var settings = options.Value.OpenAI;
        return new OpenAIModelClient(new ApiKeyCredential(apiKey), new OpenAIClientOptions
        {
            Endpoint = new Uri(settings.BaseUrl),
            NetworkTimeout = TimeSpan.FromSeconds(15),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        });
    }
}

using System.ClientModel;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Options;
using AskVideo.Domain.Common;
using AskVideo.Infrastructure.Observability;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI.Embeddings;

namespace AskVideo.Infrastructure.AI;

/// <summary>
/// Embeddings from OpenAI or any compatible /v1/embeddings server (the real OpenAI SDK). Vectors are checked to have
/// the configured size and re-normalised (compatible servers do not all return unit vectors).
/// </summary>
internal sealed class OpenAiEmbedder : IEmbedder
{
    /// <summary>Inputs per request (OpenAI allows 2,048; smaller requests fail and retry cheaper).</summary>
    internal const int BatchSize = 256;

    /// <summary>
    /// Characters per window for very long texts. OpenAI's models read 8,191 tokens; 6,000 characters stay under that
    /// even for scripts that cost about a token per character, so nothing is cut off by the provider.
    /// </summary>
    internal const int WindowCharacters = 6000;

    private readonly AiOptions _options;
    private readonly ILogger<OpenAiEmbedder> _logger;
    private readonly AppMetrics _metrics;
    private readonly TimeProvider _time;

    public OpenAiEmbedder(IOptions<AiOptions> options, ILogger<OpenAiEmbedder> logger, AppMetrics metrics, TimeProvider time)
    {
        _options = options.Value;
        _logger = logger;
        _metrics = metrics;
        _time = time;
        Dimensions = _options.ResolveOpenAiEmbeddingDimensions();
        ModelId = $"openai/{_options.OpenAI.EmbeddingModel}/{Dimensions}";
    }

    public string ModelId { get; }

    public int Dimensions { get; }

    public async Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, string? apiKey, CancellationToken cancellationToken)
    {
        var key = OpenAiErrors.ResolveKey(apiKey, _options.OpenAI) ?? throw OpenAiErrors.MissingKey();
        var settings = _options.OpenAI;
        var client = new EmbeddingClient(settings.EmbeddingModel, new ApiKeyCredential(key), OpenAiErrors.ClientOptions(settings));
        // Only the text-embedding-3 family can shorten its output; other models reject the parameter.
        var generation = new EmbeddingGenerationOptions
        {
            Dimensions = settings.EmbeddingModel.StartsWith("text-embedding-3", StringComparison.Ordinal) ? Dimensions : null,
        };

        var results = new float[texts.Count][];
        var windows = new List<(int Text, string Piece)>();
        for (var t = 0; t < texts.Count; t++)
        {
            if (string.IsNullOrWhiteSpace(texts[t]))
            {
                // Providers reject empty input; a fixed unit vector keeps "one vector per text".
                results[t] = new float[Dimensions];
                results[t][0] = 1f;
                continue;
            }
            results[t] = new float[Dimensions];
            foreach (var piece in Split(texts[t])) windows.Add((t, piece));
        }

        var filled = new bool[texts.Count];
        for (var start = 0; start < windows.Count; start += BatchSize)
        {
            var batch = windows.GetRange(start, Math.Min(BatchSize, windows.Count - start));
            OpenAIEmbeddingCollection embeddings;
            var started = _time.GetTimestamp();
            try
            {
                embeddings = (await client.GenerateEmbeddingsAsync(batch.Select(w => w.Piece), generation, cancellationToken)).Value;
            }
            catch (Exception ex) when (OpenAiErrors.Map(ex, cancellationToken) is { } mapped)
            {
                _metrics.AiRequest(AppMetrics.AiOperation.Embeddings, settings.EmbeddingModel, _time.GetElapsedTime(started), mapped.Code.Value);
                _logger.LogWarning("Embedding request failed ({Code}): {Type}", mapped.Code, ex.GetType().Name);
                throw mapped;
            }
            _metrics.AiRequest(AppMetrics.AiOperation.Embeddings, settings.EmbeddingModel, _time.GetElapsedTime(started), null);
            _metrics.AiTokens(AppMetrics.AiOperation.Embeddings, settings.EmbeddingModel, embeddings.Usage?.InputTokenCount, null);
            if (embeddings.Count != batch.Count)
                throw new UpstreamException(ErrorCode.AiUnavailable, "The AI provider returned an incomplete embedding response.", transient: true);

            foreach (var embedding in embeddings)
            {
                var vector = embedding.ToFloats().Span;
                if (vector.Length != Dimensions)
                    throw new UpstreamException(ErrorCode.EmbeddingDimensionMismatch,
                        $"The embedding model returned {vector.Length} dimensions where {Dimensions} were configured (AI:OpenAI:EmbeddingDimensions).",
                        transient: false);
                var (text, piece) = batch[embedding.Index];
                var sum = results[text];
                for (var d = 0; d < sum.Length; d++) sum[d] += piece.Length * vector[d];
                filled[text] = true;
            }
        }

        for (var t = 0; t < results.Length; t++)
        {
            if (filled[t]) LocalEmbedder.Normalize(results[t]);
        }
        return results;
    }

    /// <summary>The text in windows of at most <see cref="WindowCharacters"/>, cut at whitespace when there is some.</summary>
    internal static IEnumerable<string> Split(string text)
    {
        var start = 0;
        while (text.Length - start > WindowCharacters)
        {
            var end = text.LastIndexOf(' ', start + WindowCharacters, WindowCharacters / 2);
            if (end <= start) end = start + WindowCharacters;
            yield return text[start..end];
            start = end;
        }
        yield return text[start..];
    }
}

using System.ComponentModel.DataAnnotations;

namespace AskVideo.Application.Common.Options;

/// <summary>
/// Which AI providers are active (section "AI"). The defaults work offline: subtitles only, the local MiniLM
/// embedder and an extractive answerer. "openai" means any OpenAI-compatible server at <see cref="OpenAiSettings.BaseUrl"/>.
/// </summary>
public sealed class AiOptions : IValidatableObject
{
    public const string SectionName = "AI";

    public static readonly string[] ChatProviders = ["extractive", "openai"];
    public static readonly string[] EmbeddingProviders = ["local", "hashing", "openai"];
    public static readonly string[] TranscriptionProviders = ["none", "openai"];

    /// <summary>Output sizes of OpenAI's embedding models, used when AI:OpenAI:EmbeddingDimensions is not set.</summary>
    public static readonly IReadOnlyDictionary<string, int> KnownEmbeddingDimensions = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["text-embedding-3-small"] = 1536,
        ["text-embedding-3-large"] = 3072,
        ["text-embedding-ada-002"] = 1536,
    };

    public string ChatProvider { get; set; } = "extractive";
    public string EmbeddingProvider { get; set; } = "local";
    public string TranscriptionProvider { get; set; } = "none";

    public OpenAiSettings OpenAI { get; set; } = new();
    public HashingSettings Hashing { get; set; } = new();
    public TranscriptionSettings Transcription { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!ChatProviders.Contains(ChatProvider))
            yield return new ValidationResult($"AI:ChatProvider must be one of {string.Join(", ", ChatProviders)}.", [nameof(ChatProvider)]);
        if (!EmbeddingProviders.Contains(EmbeddingProvider))
            yield return new ValidationResult($"AI:EmbeddingProvider must be one of {string.Join(", ", EmbeddingProviders)}.", [nameof(EmbeddingProvider)]);
        if (!TranscriptionProviders.Contains(TranscriptionProvider))
            yield return new ValidationResult($"AI:TranscriptionProvider must be one of {string.Join(", ", TranscriptionProviders)}.", [nameof(TranscriptionProvider)]);
        if (!Uri.TryCreate(OpenAI.BaseUrl, UriKind.Absolute, out _))
            yield return new ValidationResult("AI:OpenAI:BaseUrl must be an absolute URL.", ["OpenAI.BaseUrl"]);

        // Nested objects are not validated by data annotations, so their ranges are checked here, by setting name.
        foreach (var result in Nested(OpenAI, "OpenAI").Concat(Nested(Hashing, "Hashing")).Concat(Nested(Transcription, "Transcription")))
            yield return result;

        if (EmbeddingProvider == "openai" && OpenAI.EmbeddingDimensions is null && !KnownEmbeddingDimensions.ContainsKey(OpenAI.EmbeddingModel))
            yield return new ValidationResult(
                $"AI:OpenAI:EmbeddingDimensions must be set: the output size of embedding model '{OpenAI.EmbeddingModel}' is not known.",
                ["OpenAI.EmbeddingDimensions"]);
        if (Transcription.OverlapSeconds * 2 >= Transcription.ChunkSeconds)
            yield return new ValidationResult("AI:Transcription:OverlapSeconds must be less than half of AI:Transcription:ChunkSeconds.",
                ["Transcription.OverlapSeconds"]);
    }

    /// <summary>The vector size of the OpenAI embedder: the configured one, else the model's known size.</summary>
    public int ResolveOpenAiEmbeddingDimensions() =>
        OpenAI.EmbeddingDimensions ?? (KnownEmbeddingDimensions.TryGetValue(OpenAI.EmbeddingModel, out var known)
            ? known
            : throw new InvalidOperationException("AI:OpenAI:EmbeddingDimensions is required for this embedding model."));

    private static IEnumerable<ValidationResult> Nested(object settings, string prefix)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(settings, new ValidationContext(settings), results, validateAllProperties: true);
        return results.Select(r => new ValidationResult(
            $"AI:{prefix}:{string.Join(", ", r.MemberNames)}: {r.ErrorMessage}",
            r.MemberNames.Select(m => $"{prefix}.{m}").ToArray()));
    }
}

public sealed class OpenAiSettings
{
    /// <summary>Base URL of an OpenAI-compatible API, including the version segment (…/v1).</summary>
    public string BaseUrl { get; set; } = "https://api.openai.com/v1";

    /// <summary>Server-wide key; a user's own key overrides it for that user. Empty means none.</summary>
    public string? ApiKey { get; set; }

    public string ChatModel { get; set; } = "gpt-4o-mini";
    public double ChatTemperature { get; set; } = 0.2;
    public string EmbeddingModel { get; set; } = "text-embedding-3-small";

    /// <summary>Vector size; optional for OpenAI's own models (their size is known), required for any other model.</summary>
    [Range(1, 16000)]
    public int? EmbeddingDimensions { get; set; }

    public string TranscriptionModel { get; set; } = "whisper-1";

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 120;
}

/// <summary>The lexical feature-hashing embedder (AI:EmbeddingProvider = hashing).</summary>
public sealed class HashingSettings
{
    [Range(16, 4096)]
    public int Dimensions { get; set; } = 384;
}

/// <summary>How long audio is cut up for speech recognition (AI:TranscriptionProvider = openai).</summary>
public sealed class TranscriptionSettings
{
    /// <summary>Longest chunk sent in one request; shortened further when it would exceed <see cref="MaxChunkBytes"/>.</summary>
    [Range(1, 7200)]
    public int ChunkSeconds { get; set; } = 600;

    /// <summary>The provider's upload limit (OpenAI: 25 MB); chunks stay under it.</summary>
    [Range(65_536, 1_073_741_824)]
    public int MaxChunkBytes { get; set; } = 24 * 1024 * 1024;

    /// <summary>Extra audio on each side of a chunk, so a sentence crossing a cut is heard whole by the chunk where it starts.</summary>
    [Range(0, 30)]
    public double OverlapSeconds { get; set; } = 1;

    /// <summary>Chunks in flight at once for one video.</summary>
    [Range(1, 16)]
    public int Concurrency { get; set; } = 3;

    /// <summary>Tries per chunk for transient errors before the whole transcription fails.</summary>
    [Range(1, 10)]
    public int AttemptsPerChunk { get; set; } = 2;
}

using System.ComponentModel.DataAnnotations;

namespace AskVideo.Application.Common.Options;

/// <summary>
/// Which AI providers are active (section "AI"). The defaults work offline: subtitles only, a hashing embedder
/// and an extractive answerer. "openai" means any OpenAI-compatible server at <see cref="OpenAiSettings.BaseUrl"/>.
/// </summary>
public sealed class AiOptions : IValidatableObject
{
    public const string SectionName = "AI";

    public static readonly string[] ChatProviders = ["extractive", "openai"];
    public static readonly string[] EmbeddingProviders = ["hashing", "openai"];
    public static readonly string[] TranscriptionProviders = ["none", "openai"];

    public string ChatProvider { get; set; } = "extractive";
    public string EmbeddingProvider { get; set; } = "hashing";
    public string TranscriptionProvider { get; set; } = "none";

    public OpenAiSettings OpenAI { get; set; } = new();

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
    public int? EmbeddingDimensions { get; set; }
    public string TranscriptionModel { get; set; } = "whisper-1";

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 120;
}

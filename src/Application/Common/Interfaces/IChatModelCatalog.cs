namespace AskVideo.Application.Common.Interfaces;

public enum KeyCheck
{
    Valid = 1,
    Invalid = 2,

    /// <summary>The endpoint could not be reached; the key's validity is unknown.</summary>
    Unverified = 3,
}

/// <summary>What the configured OpenAI-compatible endpoint offers for a given key.</summary>
public interface IChatModelCatalog
{
    /// <summary>Chat-capable model ids for the key (the user's own, else the server's); empty when no endpoint is configured.</summary>
    Task<IReadOnlyList<string>> ListChatModelsAsync(string? apiKey, CancellationToken cancellationToken);

    Task<KeyCheck> CheckKeyAsync(string apiKey, CancellationToken cancellationToken);
}

namespace AskVideo.Application.Common.Interfaces;

/// <summary>
/// Turns texts into unit-length vectors of a fixed dimension. One embedder is configured per installation
/// (AI:EmbeddingProvider), and every vector in the scene index comes from it.
/// </summary>
public interface IEmbedder
{
    /// <summary>A stable name of the model and its settings, recorded with every scene ("local/all-MiniLM-L6-v2").</summary>
    string ModelId { get; }

    int Dimensions { get; }

    /// <summary>
    /// One L2-normalised vector per text, in order. <paramref name="apiKey"/> is the user's own key for remote
    /// providers (null: the server's); local providers ignore it. Texts longer than the model's window are embedded
    /// as the mean of their windows, never silently truncated.
    /// </summary>
    Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, string? apiKey, CancellationToken cancellationToken);
}

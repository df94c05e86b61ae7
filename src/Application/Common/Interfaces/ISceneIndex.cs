using AskVideo.Domain.Transcripts;

namespace AskVideo.Application.Common.Interfaces;

/// <summary>A scene ready to be written: its text, times and vector.</summary>
public sealed record IndexedScene(int Index, long StartMs, long EndMs, string Text, int TokenCount, float[] Embedding);

/// <summary>The scenes table: pgvector embeddings (HNSW, cosine) plus a generated tsvector (GIN).</summary>
public interface ISceneIndex
{
    /// <summary>
    /// Replaces the video's transcript segments and scenes inside the unit of work's current transaction, which the
    /// caller must have begun and will commit (together with the video becoming ready), so readers never see a mix
    /// of old and new scenes and a re-run never duplicates them.
    /// </summary>
    Task ReplaceAsync(Guid videoId, Guid ownerId, string? language, IReadOnlyList<TranscriptLine> segments,
        IReadOnlyList<IndexedScene> scenes, string embeddingModel, CancellationToken cancellationToken);
}

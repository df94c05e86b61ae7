namespace AskVideo.Application.Common.Interfaces;

/// <summary>What to look for and where: only scenes of <see cref="VideoIds"/> owned by <see cref="OwnerId"/> are candidates.</summary>
public sealed record SceneQuery(Guid OwnerId, IReadOnlyList<Guid> VideoIds, string Text, float[] Vector, int Limit, bool Highlight = false);

/// <summary>A retrieved scene (or several adjacent scenes of one video merged into one), best first.</summary>
public sealed record RetrievedScene(Guid SceneId, Guid VideoId, string Title, long StartMs, long EndMs, string Text, double Score, string? Snippet);

/// <summary>
/// Hybrid retrieval (SPEC §5): pgvector cosine top-k and PostgreSQL full-text top-k over the allowed scope only,
/// fused with reciprocal rank fusion, neighbouring scenes of a video merged.
/// </summary>
public interface ISceneSearch
{
    Task<IReadOnlyList<RetrievedScene>> SearchAsync(SceneQuery query, CancellationToken cancellationToken);
}

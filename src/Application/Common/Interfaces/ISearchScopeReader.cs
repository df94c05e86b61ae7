namespace AskVideo.Application.Common.Interfaces;

/// <summary>Where a search may look (the owner's videos in scope) and the owner's own AI provider key, if any (encrypted).</summary>
public sealed record SearchScope(IReadOnlyList<Guid> VideoIds, string? AiKeyCiphertext);

/// <summary>
/// What a search needs before it runs, in one statement: the videos of its scope (one video, one group, or the whole
/// library) and the key to embed the question with. Every statement is a round trip that /search adds to its SQL
/// (SPEC §8: ≤ 5 ms at p50).
/// </summary>
public interface ISearchScopeReader
{
    /// <summary>
    /// The scope: <paramref name="videoId"/> when given, else the videos of <paramref name="groupId"/> when given, else the
    /// owner's library. Null when the video or group is not the owner's (or the owner no longer exists).
    /// </summary>
    Task<SearchScope?> ReadAsync(Guid ownerId, Guid? groupId, Guid? videoId, CancellationToken cancellationToken);
}

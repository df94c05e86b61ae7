namespace AskVideo.Application.Common.Interfaces;

/// <summary>A VideoQ account (Django's auth user, table app_user). <paramref name="PasswordHash"/> is Django's encoded hash.</summary>
public sealed record VideoQUser(long Id, string Username, string Email, string PasswordHash, bool IsActive, bool IsSuperuser, DateTimeOffset DateJoined);

/// <summary>
/// A VideoQ video (app_video). <paramref name="File"/> is relative to VideoQ's MEDIA_ROOT (empty for a YouTube link);
/// <paramref name="Transcript"/> is its SubRip transcript (empty until transcribed); <paramref name="Status"/> is
/// VideoQ's (uploading, pending, processing, indexing, completed, error).
/// </summary>
public sealed record VideoQVideo(long Id, long UserId, string File, string Title, string Description, string Transcript, string Status, DateTimeOffset UploadedAt);

/// <summary>A VideoQ group (app_videogroup).</summary>
public sealed record VideoQGroup(long Id, long UserId, string Name, string Description, DateTimeOffset CreatedAt);

/// <summary>A video in a VideoQ group (app_videogroupmember), with its place in the group.</summary>
public sealed record VideoQMember(long GroupId, long VideoId, int Order, DateTimeOffset AddedAt);

/// <summary>
/// One question and answer of a VideoQ group chat (app_chatlog). <paramref name="CitationsJson"/> is VideoQ's citation
/// list ([{video_id, title, start_time, end_time}], "related_videos" before VideoQ's migration 0025);
/// <paramref name="RetrievedContextsJson"/> the retrieved passages in the same order (null before migration 0034).
/// </summary>
public sealed record VideoQChatLog(
    long Id, long UserId, long GroupId, string Question, string Answer, string CitationsJson, string? RetrievedContextsJson, bool IsSharedOrigin,
    string? Feedback, DateTimeOffset CreatedAt);

/// <summary>A media file of the VideoQ media folder, opened for reading.</summary>
public sealed record VideoQMedia(Stream Content, long Length) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}

/// <summary>
/// A VideoQ installation to import from (import-videoq): its PostgreSQL database (Django's tables app_*) and its media
/// folder (MEDIA_ROOT). Rows come ordered by id.
/// </summary>
public interface IVideoQSource : IAsyncDisposable
{
    Task<IReadOnlyList<VideoQUser>> ReadUsersAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<VideoQVideo>> ReadVideosAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<VideoQGroup>> ReadGroupsAsync(CancellationToken cancellationToken);

    /// <summary>Ordered by group, then as VideoQ orders a group (order, then when added).</summary>
    Task<IReadOnlyList<VideoQMember>> ReadMembersAsync(CancellationToken cancellationToken);

    /// <summary>Streamed: a VideoQ chat history can be large.</summary>
    IAsyncEnumerable<VideoQChatLog> ReadChatLogsAsync(CancellationToken cancellationToken);

    /// <summary>The file at <paramref name="relativePath"/> under the media folder, or null when it is not there (or outside it).</summary>
    Task<VideoQMedia?> OpenMediaAsync(string relativePath, CancellationToken cancellationToken);
}

public interface IVideoQSourceFactory
{
    /// <summary>
    /// Connects to the VideoQ database (an Npgsql connection string or a postgres:// URL) and checks that it has
    /// VideoQ's tables and the media folder exists; an <see cref="InvalidOperationException"/> says what is wrong.
    /// </summary>
    Task<IVideoQSource> OpenAsync(string database, string mediaFolder, CancellationToken cancellationToken);
}

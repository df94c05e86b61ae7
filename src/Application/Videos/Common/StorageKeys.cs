namespace AskVideo.Application.Videos.Common;

/// <summary>
/// The storage layout. Keys are generated here, never taken from user input; everything of a user lives under one
/// prefix so deleting an account is one prefix delete.
/// </summary>
public static class StorageKeys
{
    public static string UserPrefix(Guid userId) => $"users/{userId:N}/";

    public static string VideoPrefix(Guid userId, Guid videoId) => $"{UserPrefix(userId)}videos/{videoId:N}/";

    public static string Original(Guid userId, Guid videoId, string extension) => $"{VideoPrefix(userId, videoId)}original{extension}";

    public static string Subtitles(Guid userId, Guid videoId, string extension) => $"{VideoPrefix(userId, videoId)}subtitles{extension}";

    /// <summary>An edited transcript: a new key per edit, so a failed save never overwrites the file in use.</summary>
    public static string EditedSubtitles(Guid userId, Guid videoId, Guid editId) => $"{VideoPrefix(userId, videoId)}subtitles-{editId:N}.vtt";

    public static string Thumbnail(Guid userId, Guid videoId) => $"{VideoPrefix(userId, videoId)}thumbnail.jpg";
}

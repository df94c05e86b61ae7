namespace AskVideo.Application.Videos.Common;

/// <summary>
/// File extensions AskVideo keeps for uploads and the content type it serves them with. The type is derived from the
/// extension of the stored file (after ffprobe accepted its content), never from the client's Content-Type header.
/// </summary>
public static class MediaTypes
{
    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".mp4"] = "video/mp4",
        [".m4v"] = "video/mp4",
        [".mov"] = "video/quicktime",
        [".webm"] = "video/webm",
        [".mkv"] = "video/x-matroska",
        [".avi"] = "video/x-msvideo",
        [".mpeg"] = "video/mpeg",
        [".mpg"] = "video/mpeg",
        [".ts"] = "video/mp2t",
        [".ogv"] = "video/ogg",
        [".mp3"] = "audio/mpeg",
        [".m4a"] = "audio/mp4",
        [".aac"] = "audio/aac",
        [".wav"] = "audio/wav",
        [".ogg"] = "audio/ogg",
        [".oga"] = "audio/ogg",
        [".opus"] = "audio/ogg",
        [".flac"] = "audio/flac",
        [".weba"] = "audio/webm",
    };

    /// <summary>The extension to store a file under: its own when known, else ".bin" (a name never decides anything).</summary>
    public static string SafeExtension(string? fileName)
    {
        var extension = Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant();
        return ByExtension.ContainsKey(extension) ? extension : ".bin";
    }

    public static string ContentTypeFor(string extension, bool hasVideo) =>
        ByExtension.TryGetValue(extension, out var type) ? type : hasVideo ? "video/mp4" : "audio/mpeg";

    public static string SubtitleExtension(string? fileName)
    {
        var extension = Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant();
        return extension is ".srt" or ".vtt" ? extension : string.Empty;
    }
}

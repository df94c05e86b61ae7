namespace AskVideo.Application.Videos.Common;

public static class DownloadNames
{
    private static readonly HashSet<char> Invalid = [.. Path.GetInvalidFileNameChars(), '"', '\\', '/', ':', '*', '?', '<', '>', '|'];

    /// <summary>A title usable as a download file name: no path separators or control characters, at most 100 characters.</summary>
    public static string From(string title, string fallback)
    {
        var cleaned = new string(title.Select(c => Invalid.Contains(c) || char.IsControl(c) ? '_' : c).ToArray()).Trim();
        return cleaned.Length == 0 ? fallback : cleaned[..Math.Min(cleaned.Length, 100)];
    }
}

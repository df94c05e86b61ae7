using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AskVideo.Application.Chat.Common;
using AskVideo.Domain.Users;

namespace AskVideo.Application.Admin.Import;

/// <summary>How VideoQ's values become AskVideo's (import-videoq).</summary>
internal static partial class VideoQMapping
{
    /// <summary>
    /// A username AskVideo accepts (3–32 letters, digits, '.', '_' or '-', starting and ending with a letter or digit)
    /// made from Django's (up to 150 characters, also '@', '+' and non-Latin letters): other characters become '_',
    /// it is cut to length, and a name too short to keep becomes "user" + VideoQ's id.
    /// </summary>
    public static string Username(string videoQName, long id)
    {
        var cleaned = new StringBuilder(videoQName.Length);
        foreach (var c in videoQName.Trim()) cleaned.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_');
        var name = Trim(cleaned.ToString(), User.MaxUsernameLength);
        return name.Length >= 3 ? name : "user" + id.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary><paramref name="name"/> with a "-N" suffix, still within the length limit and its edge rule.</summary>
    public static string WithSuffix(string name, int n)
    {
        var suffix = "-" + n.ToString(CultureInfo.InvariantCulture);
        return Trim(name, User.MaxUsernameLength - suffix.Length) + suffix;
    }

    private static string Trim(string name, int max)
    {
        if (name.Length > max) name = name[..max];
        return name.Trim('.', '_', '-');
    }

    /// <summary>
    /// VideoQ's citations ([{video_id, title, start_time, end_time}], SubRip times) in AskVideo's shape. The passages
    /// come from retrieved_contexts, which VideoQ stores in the same order; a citation of a video that was not
    /// imported keeps its title and times with an empty video id (like a citation of a deleted video).
    /// </summary>
    public static string Citations(string citationsJson, string? contextsJson, IReadOnlyDictionary<long, Guid> videos)
    {
        var citations = new List<CitationDto>();
        var contexts = Strings(contextsJson);
        try
        {
            using var document = JsonDocument.Parse(citationsJson);
            if (document.RootElement.ValueKind != JsonValueKind.Array) return "[]";
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object) continue;
                var index = citations.Count;
                var videoId = Long(item, "video_id") is { } sourceId && videos.TryGetValue(sourceId, out var target) ? target : Guid.Empty;
                var start = Milliseconds(Text(item, "start_time"));
                var end = Math.Max(start, Milliseconds(Text(item, "end_time")));
                citations.Add(new CitationDto(index + 1, Guid.Empty, videoId, Text(item, "title"), start, end, index < contexts.Count ? contexts[index] : string.Empty));
            }
        }
        catch (JsonException)
        {
            return "[]";
        }
        return JsonSerializer.Serialize(citations, CitationJson.Options);
    }

    /// <summary>A SubRip or WebVTT time ("00:01:02,500", "01:02.5") or a number of seconds; 0 when unreadable.</summary>
    public static long Milliseconds(string value)
    {
        var text = value.Trim().Replace(',', '.');
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            return seconds >= 0 ? (long)Math.Round(seconds * 1000) : 0;
        var match = TimePattern().Match(text);
        if (!match.Success) return 0;
        var hours = match.Groups["h"].Success ? int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture) : 0;
        var minutes = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var secs = double.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture);
        return (long)Math.Round(((hours * 60 + minutes) * 60 + secs) * 1000);
    }

    private static List<string> Strings(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Array
                ? document.RootElement.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() ?? string.Empty : string.Empty).ToList()
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() ?? string.Empty,
            JsonValueKind.Number => value.GetRawText(),
            _ => string.Empty,
        } : string.Empty;

    private static long? Long(JsonElement item, string name) =>
        long.TryParse(Text(item, name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    [GeneratedRegex(@"^(?:(?<h>\d+):)?(?<m>\d{1,2}):(?<s>\d{1,2}(?:\.\d+)?)$")]
    private static partial Regex TimePattern();
}

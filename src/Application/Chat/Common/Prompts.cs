using System.Globalization;
using System.Text;

namespace AskVideo.Application.Chat.Common;

/// <summary>
/// The prompts, from versioned files embedded in this assembly (Chat/Prompts/&lt;name&gt;.v&lt;n&gt;.&lt;lang&gt;.txt),
/// so they are reviewed like code and a change of wording is a new version, not a string edited in place.
/// </summary>
public static class Prompts
{
    public const string Version = "v1";

    private static readonly Dictionary<string, string> Cache = new(StringComparer.Ordinal);

    public static string Answer(string language, string? groupName, string? groupDescription, IReadOnlyList<CitationDto> scenes)
    {
        var context = groupName is null ? string.Empty : language == "ja"
            ? $"\nグループ「{groupName}」{(groupDescription is null ? "" : $"（{groupDescription}）")}の動画についての質問です。\n"
            : $"\nThe videos belong to the group \"{groupName}\"{(groupDescription is null ? "" : $": {groupDescription}")}.\n";
        var list = new StringBuilder();
        foreach (var scene in scenes)
            list.Append(CultureInfo.InvariantCulture, $"[{scene.N}] \"{scene.Title}\" {Time(scene.StartMs)}–{Time(scene.EndMs)}\n{scene.Text}\n\n");
        return Load("answer", language)
            .Replace("{{language}}", language == "ja" ? "日本語" : "English", StringComparison.Ordinal)
            .Replace("{{context}}", context, StringComparison.Ordinal)
            .Replace("{{scenes}}", list.ToString().TrimEnd(), StringComparison.Ordinal);
    }

    public static string Rewrite(string language) => Load("rewrite", language);

    public static string Time(long ms)
    {
        var t = TimeSpan.FromMilliseconds(ms);
        return t.TotalHours >= 1 ? t.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : t.ToString(@"m\:ss", CultureInfo.InvariantCulture);
    }

    private static string Load(string name, string language)
    {
        var resource = $"AskVideo.Application.Chat.Prompts.{name}.{Version}.{(language == "ja" ? "ja" : "en")}.txt";
        lock (Cache)
        {
            if (Cache.TryGetValue(resource, out var cached)) return cached;
            using var stream = typeof(Prompts).Assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"The prompt {resource} is missing from the build.");
            using var reader = new StreamReader(stream);
            return Cache[resource] = reader.ReadToEnd();
        }
    }
}

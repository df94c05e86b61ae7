using System.Text.RegularExpressions;

namespace AskVideo.Application.Chat.Common;

/// <summary>Finds the [n] markers an answer really used, in order of first use; numbers with no candidate are dropped.</summary>
public static partial class CitationParser
{
    public static IReadOnlyList<CitationDto> Used(string answer, IReadOnlyList<CitationDto> candidates)
    {
        var byNumber = candidates.ToDictionary(c => c.N);
        var used = new List<CitationDto>();
        foreach (Match group in Markers().Matches(answer))
        {
            foreach (var part in group.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (int.TryParse(part, out var n) && byNumber.TryGetValue(n, out var citation) && !used.Contains(citation)) used.Add(citation);
            }
        }
        return used;
    }

    // [1], [2, 3] and [1][2]; not Markdown links ([text](url)) or footnotes ([^1]).
    [GeneratedRegex(@"\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\](?!\()")]
    private static partial Regex Markers();
}

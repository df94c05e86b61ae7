using AskVideo.Domain.Common;

namespace AskVideo.Domain.Transcripts;

/// <summary>One timed line of a transcript (from subtitles, speech recognition or an edit), in milliseconds.</summary>
public sealed record TranscriptLine(long StartMs, long EndMs, string Text)
{
    /// <summary>
    /// The lines in time order, with blank lines dropped, whitespace collapsed, negative times clamped to zero and
    /// an end never before its start. Throws when nothing is left: a transcript needs at least one spoken line.
    /// </summary>
    public static IReadOnlyList<TranscriptLine> Normalize(IEnumerable<TranscriptLine> lines)
    {
        var result = lines
            .Select(l => l with
            {
                StartMs = Math.Max(0, l.StartMs),
                EndMs = Math.Max(Math.Max(0, l.StartMs), l.EndMs),
                Text = string.Join(' ', l.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)),
            })
            .Where(l => l.Text.Length > 0)
            .OrderBy(l => l.StartMs)
            .ThenBy(l => l.EndMs)
            .ToList();
        if (result.Count == 0) throw new DomainException(ErrorCode.EmptyTranscript, "The transcript has no spoken lines.");
        return result;
    }
}

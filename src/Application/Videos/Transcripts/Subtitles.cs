using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AskVideo.Domain.Common;
using AskVideo.Domain.Transcripts;

namespace AskVideo.Application.Videos.Transcripts;

/// <summary>
/// A subtitle file could not be read. The message is meant for the user who uploaded it. <see cref="LineNumber"/> is
/// the 1-based line the problem is on, or 0 when it is about the file as a whole (empty, too large).
/// </summary>
public sealed class SubtitleFormatException(string message, int lineNumber) : Exception(message)
{
    public int LineNumber { get; } = lineNumber;
}

/// <summary>Reads and writes SubRip (.srt) and WebVTT (.vtt) subtitles as transcript lines. No I/O.</summary>
public static partial class Subtitles
{
    public const int MaxCues = 100_000;
    public const int MaxTextLength = 10 * 1024 * 1024;

    private const string SrtExample = "00:00:01,000 --> 00:00:04,000";
    private const string VttExample = "00:00:01.000 --> 00:00:04.000";
    private const string NoCues = "The file contains no subtitle cues.";

    /// <summary>Reads WebVTT when the text starts with "WEBVTT" (after an optional BOM), SubRip otherwise.</summary>
    public static IReadOnlyList<TranscriptLine> Parse(string text)
    {
        var lines = SplitLines(text);
        var first = lines.FindIndex(l => !string.IsNullOrWhiteSpace(l));
        return first >= 0 && IsVttSignature(lines[first]) ? ParseVtt(lines, first) : ParseSrt(lines);
    }

    public static IReadOnlyList<TranscriptLine> ParseSrt(string text) => ParseSrt(SplitLines(text));

    public static IReadOnlyList<TranscriptLine> ParseVtt(string text)
    {
        var lines = SplitLines(text);
        var first = lines.FindIndex(l => !string.IsNullOrWhiteSpace(l));
        if (first < 0) throw new SubtitleFormatException(NoCues, 0);
        if (!IsVttSignature(lines[first]))
        {
            throw Error(first, $"'{Quote(lines[first])}' is not a WebVTT header: a WebVTT file starts with 'WEBVTT'.");
        }
        return ParseVtt(lines, first);
    }

    public static string ToSrt(IReadOnlyList<TranscriptLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var builder = new StringBuilder();
        var counter = 0;
        foreach (var line in lines)
        {
            var text = WritableText(line.Text);
            if (text.Length == 0) continue;
            if (counter > 0) builder.Append('\n');
            builder.Append(++counter).Append('\n');
            AppendRange(builder, line, ',');
            builder.Append(EscapeForSrt(text)).Append('\n');
        }
        return builder.ToString();
    }

    public static string ToVtt(IReadOnlyList<TranscriptLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var builder = new StringBuilder("WEBVTT\n");
        foreach (var line in lines)
        {
            var text = WritableText(line.Text);
            if (text.Length == 0) continue;
            builder.Append('\n');
            AppendRange(builder, line, '.');
            builder.Append(EscapeForVtt(text)).Append('\n');
        }
        return builder.ToString();
    }

    private static IReadOnlyList<TranscriptLine> ParseSrt(List<string> lines)
    {
        var cues = new List<RawCue>();
        foreach (var (start, end) in Blocks(lines, 0))
        {
            int timing;
            if (lines[start].Contains("-->", StringComparison.Ordinal)) timing = start;
            else if (IsCounter(lines[start]))
            {
                if (end - start < 2) throw Error(start, $"cue number '{Quote(lines[start])}' is not followed by a time range such as '{SrtExample}'.");
                timing = start + 1;
            }
            else if (end - start >= 2 && lines[start + 1].Contains("-->", StringComparison.Ordinal)) timing = start + 1;
            else if (cues.Count > 0)
            {
                // Some editors leave blank lines inside cue text; players show the orphaned lines with the previous cue.
                cues[^1].Text.AddRange(lines.GetRange(start, end - start));
                continue;
            }
            else
            {
                throw Error(start, $"'{Quote(lines[start])}' is neither an SRT nor a WebVTT cue. Upload an .srt or .vtt subtitle file.");
            }
            AddCues(cues, lines, timing, end, srt: true);
        }
        return Finish(cues);
    }

    private static IReadOnlyList<TranscriptLine> ParseVtt(List<string> lines, int header)
    {
        // The header block holds the signature and optional metadata lines; a missing blank line before the first cue is tolerated.
        var bodyStart = header + 1;
        while (bodyStart < lines.Count && !string.IsNullOrWhiteSpace(lines[bodyStart]) && !lines[bodyStart].Contains("-->", StringComparison.Ordinal))
        {
            bodyStart++;
        }
        var cues = new List<RawCue>();
        foreach (var (start, end) in Blocks(lines, bodyStart))
        {
            var first = lines[start];
            if (IsKeywordBlock(first, "NOTE") || IsKeywordBlock(first, "STYLE") || IsKeywordBlock(first, "REGION")) continue;
            int timing;
            if (first.Contains("-->", StringComparison.Ordinal)) timing = start;
            else if (end - start >= 2) timing = start + 1; // a cue identifier, then the timing line
            else throw Error(start, $"'{Quote(first)}' is not a cue: a WebVTT cue needs a time range such as '{VttExample}'.");
            AddCues(cues, lines, timing, end, srt: false);
        }
        return Finish(cues);
    }

    /// <summary>
    /// Reads the cue whose timing line is at <paramref name="timing"/>, and the cues that follow it in the same block:
    /// a line with "-->" starts a new cue even without a blank line before it (as in the WebVTT parsing rules), and in
    /// SRT a number just before it is that cue's counter, not text.
    /// </summary>
    private static void AddCues(List<RawCue> cues, List<string> lines, int timing, int end, bool srt)
    {
        while (true)
        {
            var next = timing + 1;
            while (next < end && !lines[next].Contains("-->", StringComparison.Ordinal)) next++;
            var textEnd = next < end && srt && next - 1 > timing && IsCounter(lines[next - 1]) ? next - 1 : next;
            AddCue(cues, lines, timing, textEnd, srt);
            if (next >= end) return;
            timing = next;
        }
    }

    /// <summary>One cue: its timing line, then its text up to <paramref name="textEnd"/>. Only WebVTT may leave out the hours.</summary>
    private static void AddCue(List<RawCue> cues, List<string> lines, int timing, int textEnd, bool srt)
    {
        var example = srt ? SrtExample : VttExample;
        if (cues.Count >= MaxCues) throw Error(timing, $"the file has more than {MaxCues:N0} cues, the most a transcript may have.");
        var line = lines[timing];
        var arrow = line.IndexOf("-->", StringComparison.Ordinal);
        if (arrow < 0) throw Error(timing, $"'{Quote(line)}' is not a valid time range (expected e.g. '{example}').");
        var startText = line[..arrow].Trim();
        // Whatever follows the end time are cue settings ("align:start position:10%"), which carry no text.
        var endText = line[(arrow + 3)..].TrimStart().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        if (!TryParseTime(startText, hoursRequired: srt, out var startMs) || !TryParseTime(endText, hoursRequired: srt, out var endMs))
        {
            throw Error(timing, $"'{Quote(line)}' is not a valid time range (expected e.g. '{example}').");
        }
        if (endMs < startMs)
        {
            throw Error(timing, $"the cue ends ({FormatTime(endMs, '.')}) before it starts ({FormatTime(startMs, '.')}).");
        }
        cues.Add(new RawCue(startMs, endMs, lines.GetRange(timing + 1, textEnd - timing - 1)));
    }

    private static IReadOnlyList<TranscriptLine> Finish(List<RawCue> cues)
    {
        try
        {
            return TranscriptLine.Normalize(cues.Select(c => new TranscriptLine(c.StartMs, c.EndMs, CleanText(c.Text))));
        }
        catch (DomainException)
        {
            throw new SubtitleFormatException(NoCues, 0);
        }
    }

    private static string CleanText(List<string> lines)
    {
        var text = string.Join(' ', lines);
        text = MarkupTag().Replace(text, "");
        text = AssOverride().Replace(text, "");
        // Entities one by one: WebUtility.HtmlDecode on the whole text takes "&T &amp;" for one unknown entity and
        // leaves both undecoded, and bare ampersands are common in SRT.
        return Entity().Replace(text, m => WebUtility.HtmlDecode(m.Value));
    }

    /// <summary>Consecutive non-blank lines from <paramref name="from"/> on, as [start, end) index ranges.</summary>
    private static IEnumerable<(int Start, int End)> Blocks(List<string> lines, int from)
    {
        var i = from;
        while (i < lines.Count)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < lines.Count && !string.IsNullOrWhiteSpace(lines[i])) i++;
            yield return (start, i);
        }
    }

    /// <summary>Lines split at CRLF, LF or CR, after a leading BOM is dropped; list index + 1 is the line number.</summary>
    private static List<string> SplitLines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxTextLength) throw new SubtitleFormatException("The subtitle file is larger than 10 MB.", 0);
        var lines = new List<string>();
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '\r' && c != '\n') continue;
            lines.Add(text[start..i]);
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            start = i + 1;
        }
        if (start < text.Length) lines.Add(text[start..]);
        return lines;
    }

    private static bool IsVttSignature(string line) =>
        line.StartsWith("WEBVTT", StringComparison.Ordinal) && (line.Length == 6 || line[6] is ' ' or '\t');

    private static bool IsKeywordBlock(string line, string keyword) =>
        line.StartsWith(keyword, StringComparison.Ordinal) && (line.Length == keyword.Length || char.IsWhiteSpace(line[keyword.Length]));

    private static bool IsCounter(string line)
    {
        var trimmed = line.AsSpan().Trim();
        return trimmed.Length > 0 && !trimmed.ContainsAnyExceptInRange('0', '9');
    }

    /// <summary>[hh:]mm:ss[.,]ttt; hours are optional only where <paramref name="hoursRequired"/> is false (WebVTT).</summary>
    private static bool TryParseTime(string text, bool hoursRequired, out long milliseconds)
    {
        milliseconds = 0;
        var parts = text.Split(':');
        if (parts.Length is < 2 or > 3 || (hoursRequired && parts.Length != 3)) return false;
        long hours = 0;
        if (parts.Length == 3 && !TryParseDigits(parts[0], 1, 6, out hours)) return false;
        var seconds = parts[^1];
        var separator = seconds.IndexOfAny(['.', ',']);
        var fraction = separator < 0 ? "" : seconds[(separator + 1)..];
        if (separator >= 0) seconds = seconds[..separator];
        if (!TryParseDigits(parts[^2], 1, 2, out var minutes) || minutes > 59) return false;
        if (!TryParseDigits(seconds, 1, 2, out var wholeSeconds) || wholeSeconds > 59) return false;
        long millis = 0;
        if (separator >= 0)
        {
            if (!TryParseDigits(fraction, 1, 3, out millis)) return false;
            millis *= fraction.Length switch { 1 => 100, 2 => 10, _ => 1 };
        }
        milliseconds = (((hours * 60) + minutes) * 60 + wholeSeconds) * 1000 + millis;
        return true;
    }

    private static bool TryParseDigits(string text, int minLength, int maxLength, out long value)
    {
        value = 0;
        if (text.Length < minLength || text.Length > maxLength || text.AsSpan().ContainsAnyExceptInRange('0', '9')) return false;
        value = long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        return true;
    }

    private static void AppendRange(StringBuilder builder, TranscriptLine line, char separator)
    {
        var start = Math.Max(0, line.StartMs);
        builder.Append(FormatTime(start, separator)).Append(" --> ").Append(FormatTime(Math.Max(start, line.EndMs), separator)).Append('\n');
    }

    private static string FormatTime(long milliseconds, char separator)
    {
        var hours = milliseconds / 3_600_000;
        var minutes = milliseconds / 60_000 % 60;
        var seconds = milliseconds / 1000 % 60;
        return string.Create(CultureInfo.InvariantCulture, $"{hours:00}:{minutes:00}:{seconds:00}{separator}{milliseconds % 1000:000}");
    }

    /// <summary>One line of text that cannot end a cue early or be taken for a timing line.</summary>
    private static string WritableText(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Replace("-->", "→", StringComparison.Ordinal);

    /// <summary>WebVTT escaping, plus "{\…}", which the reader strips as an SSA override (files converted from SRT carry them).</summary>
    private static string EscapeForVtt(string text)
    {
        text = text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
        return text.Replace("{\\", "&#123;\\", StringComparison.Ordinal);
    }

    /// <summary>
    /// SRT has no escaping rules and many players show entities literally, so only what the reader would otherwise
    /// strip or decode is escaped: markup-like tags, "{\…}" overrides and entity-like "&amp;…;" sequences.
    /// </summary>
    private static string EscapeForSrt(string text)
    {
        // Every "<" and "{\" that could start a tag is escaped, not just those that close one now: escaping a later
        // "<" would otherwise let an earlier one reach the next ">".
        text = Entity().Replace(text, m => "&amp;" + m.Value[1..]);
        text = TagStart().Replace(text, "&lt;");
        return text.Replace("{\\", "&#123;\\", StringComparison.Ordinal);
    }

    private static SubtitleFormatException Error(int lineIndex, string problem) =>
        new($"Line {lineIndex + 1}: {char.ToUpperInvariant(problem[0])}{problem[1..]}", lineIndex + 1);

    private static string Quote(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Length <= 60 ? trimmed : trimmed[..57] + "...";
    }

    /// <summary>WebVTT/HTML tags (&lt;i&gt;, &lt;/b&gt;, &lt;c.x&gt;, &lt;v Speaker&gt;, &lt;font …&gt;) and WebVTT timestamp tags (&lt;00:00:01.000&gt;).</summary>
    [GeneratedRegex(@"<(?:/?[A-Za-z][^<>]*|[0-9:.]+)>")]
    private static partial Regex MarkupTag();

    [GeneratedRegex(@"<(?=/?[A-Za-z]|[0-9:.]+>)")]
    private static partial Regex TagStart();

    /// <summary>ASS/SSA override blocks that some SRT files carry, such as {\an8}.</summary>
    [GeneratedRegex(@"\{\\[^{}]*\}")]
    private static partial Regex AssOverride();

    /// <summary>A named or numeric character reference such as &amp;amp;, &amp;nbsp;, &amp;#65; or &amp;#x41;.</summary>
    [GeneratedRegex(@"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")]
    private static partial Regex Entity();

    private sealed record RawCue(long StartMs, long EndMs, List<string> Text);
}

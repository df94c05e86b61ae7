using System.Globalization;
using System.Text;

namespace AskVideo.Application.Videos.Processing;

/// <summary>
/// An estimate of how many subword tokens a text has, of the same order as BPE or WordPiece tokenizers give: each
/// CJK ideograph, kana or Hangul character is 1; every other word (a run of characters between whitespace or
/// punctuation) is max(1, ⌈length / 4⌉); whitespace and punctuation are 0.
/// It is an estimate on purpose: the scene token budget must not depend on which embedder is configured, so that
/// switching embedders does not move scene boundaries and the splitter needs no model-specific tokenizer.
/// </summary>
public static class TokenEstimator
{
    public static int Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Scan(text, null);
    }

    /// <summary>
    /// Counts the tokens of <paramref name="text"/> and, when <paramref name="segments"/> is given, adds every counted
    /// unit (a word or a single CJK character) to it. Text between segments counts 0, so the count of any substring cut
    /// at segment boundaries is the sum of its segments.
    /// </summary>
    internal static int Scan(string text, List<TokenSegment>? segments)
    {
        var total = 0;
        var wordStart = -1;
        var wordLength = 0;
        var i = 0;
        while (i < text.Length)
        {
            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var width);
            var kind = Classify(rune);
            if (kind == CharKind.Word)
            {
                if (wordStart < 0) wordStart = i;
                wordLength++;
            }
            else
            {
                if (wordStart >= 0) total += EndWord(segments, wordStart, i, wordLength);
                wordStart = -1;
                wordLength = 0;
                if (kind == CharKind.Ideograph)
                {
                    segments?.Add(new TokenSegment(i, i + width, 1));
                    total++;
                }
            }
            i += width;
        }
        if (wordStart >= 0) total += EndWord(segments, wordStart, text.Length, wordLength);
        return total;
    }

    /// <summary>A word of n characters is ⌈n / 4⌉ tokens (n ≥ 1, so at least 1).</summary>
    private static int EndWord(List<TokenSegment>? segments, int start, int end, int length)
    {
        var tokens = (length + 3) / 4;
        segments?.Add(new TokenSegment(start, end, tokens));
        return tokens;
    }

    private static CharKind Classify(Rune rune)
    {
        if (IsCjk(rune.Value)) return CharKind.Ideograph;
        if (Rune.IsWhiteSpace(rune)) return CharKind.Separator;
        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
                or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
                or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation
                or UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => CharKind.Separator,
            _ => CharKind.Word,
        };
    }

    private static bool IsCjk(int c) =>
        c is not (0x30A0 or 0x30FB) // ゠ and ・ are punctuation
        && c is (>= 0x4E00 and <= 0x9FFF) // CJK unified ideographs
            or (>= 0x3400 and <= 0x4DBF) // extension A
            or (>= 0x20000 and <= 0x323AF) // extensions B–H and compatibility supplement
            or (>= 0xF900 and <= 0xFAFF) // compatibility ideographs
            or (>= 0x3005 and <= 0x3007) // 々 〆 〇
            or (>= 0x3040 and <= 0x309F) // Hiragana
            or (>= 0x30A0 and <= 0x30FF) // Katakana
            or (>= 0x31F0 and <= 0x31FF) // Katakana phonetic extensions
            or (>= 0xFF66 and <= 0xFF9F) // half-width Katakana
            or (>= 0xAC00 and <= 0xD7AF) // Hangul syllables
            or (>= 0x1100 and <= 0x11FF) // Hangul Jamo
            or (>= 0x3130 and <= 0x318F) // Hangul compatibility Jamo
            or (>= 0xA960 and <= 0xA97F) or (>= 0xD7B0 and <= 0xD7FF); // Hangul Jamo extensions
}

/// <summary>A counted unit of text: [Start, End) in UTF-16 code units and its token estimate.</summary>
internal readonly record struct TokenSegment(int Start, int End, int Tokens);

internal enum CharKind
{
    Separator,
    Word,
    Ideograph,
}

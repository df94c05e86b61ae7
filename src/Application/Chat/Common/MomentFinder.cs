using AskVideo.Domain.Transcripts;

namespace AskVideo.Application.Chat.Common;

/// <summary>
/// A scene can span minutes; a citation should start where the answer is said. The line of the scene that shares
/// the most distinct words with the question (or, for Japanese, character pairs) is the moment; with no overlap the
/// scene's start is.
/// </summary>
public static class MomentFinder
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "are", "was", "were", "what", "when", "where", "which", "who", "whom", "why", "how", "does",
        "did", "that", "this", "these", "those", "with", "from", "about", "into", "there", "their", "they", "them", "you",
        "your", "can", "could", "should", "would", "will", "has", "have", "had", "not", "but", "any", "all", "its", "our",
        "tell", "say", "said", "video", "videos",
    };

    public static long BestStart(string question, long sceneStartMs, IReadOnlyList<TranscriptLine> sceneLines)
    {
        var wanted = Terms(question);
        if (wanted.Count == 0 || sceneLines.Count == 0) return sceneStartMs;
        var best = (Score: 0, Start: sceneStartMs);
        foreach (var line in sceneLines)
        {
            var score = Terms(line.Text).Count(wanted.Contains);
            if (score > best.Score) best = (score, line.StartMs);
        }
        return best.Start;
    }

    internal static HashSet<string> Terms(string text)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        var word = new System.Text.StringBuilder();
        char? previousCjk = null;
        foreach (var c in text.ToLowerInvariant().Append(' '))
        {
            if (IsCjk(c))
            {
                Flush();
                if (previousCjk is { } p) terms.Add(string.Concat(p, c));
                previousCjk = c;
                continue;
            }
            previousCjk = null;
            if (char.IsLetterOrDigit(c)) word.Append(c);
            else Flush();
        }
        return terms;

        void Flush()
        {
            if (word.Length >= 3 && !StopWords.Contains(word.ToString())) terms.Add(Stem(word.ToString()));
            word.Clear();
        }
    }

    /// <summary>A crude plural/verb-ending fold ("measured" ~ "measure", "cracks" ~ "crack"): enough to match a question to a line.</summary>
    private static string Stem(string word) =>
        word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal) ? word[..^3]
        : word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal) ? word[..^2]
        : word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1]
        : word;

    private static bool IsCjk(char c) => c is >= '\u3040' and <= '\u30ff' or >= '\u4e00' and <= '\u9fff';
}

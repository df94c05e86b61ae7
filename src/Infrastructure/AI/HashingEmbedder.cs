using System.Globalization;
using System.Text;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AskVideo.Infrastructure.AI;

/// <summary>
/// Feature hashing of lowercased word unigrams and bigrams (plus character trigrams of CJK runs, which have no
/// spaces) into a fixed number of signed buckets, with sublinear term frequency and L2 normalisation.
/// It is lexical, not semantic: texts are close only when they share words ("car" and "automobile" are unrelated),
/// so it suits tests and tiny machines, not real question answering. Deterministic across processes and machines
/// (FNV-1a over UTF-8, never <see cref="string.GetHashCode()"/>), so stored vectors stay valid after a restart.
/// </summary>
internal sealed class HashingEmbedder : IEmbedder
{
    [ActivatorUtilitiesConstructor]
    public HashingEmbedder(IOptions<AiOptions> options) : this(options.Value.Hashing.Dimensions)
    {
    }

    public HashingEmbedder(int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 2);
        Dimensions = dimensions;
        ModelId = $"hashing/{dimensions}";
    }

    public string ModelId { get; }

    public int Dimensions { get; }

    public Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, string? apiKey, CancellationToken cancellationToken)
    {
        var vectors = new float[texts.Count][];
        for (var i = 0; i < texts.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            vectors[i] = Embed(texts[i]);
        }
        return Task.FromResult<IReadOnlyList<float[]>>(vectors);
    }

    internal float[] Embed(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        string? previous = null;
        foreach (var token in Tokenize(text))
        {
            Add(counts, token);
            if (previous is not null) Add(counts, previous + " " + token);
            previous = token;
        }

        var vector = new float[Dimensions];
        foreach (var (feature, count) in counts)
        {
            var hash = Fnv1a(feature);
            var bucket = (int)(hash % (uint)Dimensions);
            var sign = (hash >> 31) == 0 ? 1f : -1f; // the top bit is independent enough of the bucket (mod) for a sign
            vector[bucket] += sign * (1f + MathF.Log(count));
        }

        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        if (norm == 0)
        {
            // No features (empty text, or only punctuation): a zero vector has no direction, so return a fixed unit one.
            vector[0] = 1f;
            return vector;
        }
        for (var i = 0; i < vector.Length; i++) vector[i] /= norm;
        return vector;
    }

    /// <summary>Lowercased words; a run of CJK characters yields its character trigrams (or the run itself when shorter).</summary>
    internal static IEnumerable<string> Tokenize(string text)
    {
        var word = new StringBuilder();
        var cjk = new StringBuilder();
        foreach (var rune in text.ToLowerInvariant().EnumerateRunes())
        {
            if (IsCjk(rune))
            {
                foreach (var token in FlushWord(word)) yield return token;
                cjk.Append(rune.ToString());
            }
            else if (Rune.IsLetterOrDigit(rune))
            {
                foreach (var token in FlushCjk(cjk)) yield return token;
                word.Append(rune.ToString());
            }
            else
            {
                foreach (var token in FlushWord(word).Concat(FlushCjk(cjk))) yield return token;
            }
        }
        foreach (var token in FlushWord(word).Concat(FlushCjk(cjk))) yield return token;
    }

    private static IEnumerable<string> FlushWord(StringBuilder word)
    {
        if (word.Length == 0) yield break;
        var token = word.ToString();
        word.Clear();
        yield return token;
    }

    private static IEnumerable<string> FlushCjk(StringBuilder run)
    {
        if (run.Length == 0) yield break;
        var elements = StringInfo.GetTextElementEnumerator(run.ToString());
        var chars = new List<string>();
        while (elements.MoveNext()) chars.Add(elements.GetTextElement());
        run.Clear();
        if (chars.Count < 3)
        {
            yield return string.Concat(chars);
            yield break;
        }
        for (var i = 0; i + 3 <= chars.Count; i++) yield return chars[i] + chars[i + 1] + chars[i + 2];
    }

    private static bool IsCjk(Rune rune) => rune.Value switch
    {
        >= 0x3040 and <= 0x30FF => true,   // Hiragana, Katakana
        >= 0x3400 and <= 0x4DBF => true,   // CJK Extension A
        >= 0x4E00 and <= 0x9FFF => true,   // CJK Unified Ideographs
        >= 0xAC00 and <= 0xD7AF => true,   // Hangul syllables
        >= 0xF900 and <= 0xFAFF => true,   // CJK Compatibility Ideographs
        >= 0xFF66 and <= 0xFF9F => true,   // half-width Katakana
        >= 0x20000 and <= 0x2FA1F => true, // CJK Extensions B–F
        _ => false,
    };

    private static void Add(Dictionary<string, int> counts, string feature) =>
        counts[feature] = counts.GetValueOrDefault(feature) + 1;

    private static uint Fnv1a(string value)
    {
        var hash = 2166136261u;
        Span<byte> buffer = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            var length = rune.EncodeToUtf8(buffer);
            for (var i = 0; i < length; i++)
            {
                hash ^= buffer[i];
                hash *= 16777619u;
            }
        }
        // FNV's low bits mix poorly for short keys; a final avalanche (murmur3 fmix32) spreads them over the buckets.
        hash ^= hash >> 16;
        hash *= 0x85ebca6b;
        hash ^= hash >> 13;
        hash *= 0xc2b2ae35;
        hash ^= hash >> 16;
        return hash;
    }
}

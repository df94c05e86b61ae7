using System.Numerics;
using AskVideo.Domain.Transcripts;

namespace AskVideo.Application.Videos.Processing;

/// <summary>A scene: the transcript lines FirstLine..LastLine (inclusive), their time range, joined text and token estimate.</summary>
public sealed record SceneSpan(int FirstLine, int LastLine, long StartMs, long EndMs, string Text, int TokenCount);

/// <summary>Cuts a transcript into topic-coherent scenes that fit an embedding token budget (SPEC §4.2). No I/O.</summary>
public static class SceneSplitter
{
    public const int DefaultTokenBudget = 512;

    /// <summary>
    /// Splits any single line longer than the budget into consecutive pieces of at most <paramref name="tokenBudget"/>
    /// tokens (cut at word boundaries; for CJK text without spaces, at characters), with times interpolated linearly by
    /// token position. Other lines are returned unchanged. Call this before embedding the lines.
    /// </summary>
    public static IReadOnlyList<TranscriptLine> PrepareLines(IReadOnlyList<TranscriptLine> lines, int tokenBudget)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentOutOfRangeException.ThrowIfLessThan(tokenBudget, 1);
        var result = new List<TranscriptLine>(lines.Count);
        var segments = new List<TokenSegment>();
        foreach (var line in lines)
        {
            segments.Clear();
            var total = TokenEstimator.Scan(line.Text, segments);
            if (total <= tokenBudget) result.Add(line);
            else AddPieces(line, SplitLongWords(line.Text, segments, tokenBudget), total, tokenBudget, result);
        }
        return result;
    }

    /// <summary>
    /// Otsu-style recursive split (SPEC §4.2): a range whose token count exceeds the budget is cut at the index k that
    /// maximises n0·n1·‖μ0 − μ1‖² (n = number of lines on each side, μ = mean embedding of each side), in O(T·d) per
    /// range from running sums; both halves are then split the same way. Ranges within the budget become scenes.
    /// <paramref name="lines"/> are in time order (as <see cref="TranscriptLine.Normalize"/> gives) and
    /// lineEmbeddings[i] belongs to lines[i].
    /// </summary>
    public static IReadOnlyList<SceneSpan> Split(IReadOnlyList<TranscriptLine> lines, IReadOnlyList<float[]> lineEmbeddings, int tokenBudget = DefaultTokenBudget)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(lineEmbeddings);
        ArgumentOutOfRangeException.ThrowIfLessThan(tokenBudget, 1);
        if (lines.Count != lineEmbeddings.Count)
        {
            throw new ArgumentException($"There are {lines.Count} lines but {lineEmbeddings.Count} embeddings.", nameof(lineEmbeddings));
        }
        if (lines.Count == 0) return [];
        var dimensions = lineEmbeddings[0]?.Length ?? 0;
        if (dimensions == 0) throw new ArgumentException("The first embedding is missing or empty.", nameof(lineEmbeddings));
        for (var i = 1; i < lineEmbeddings.Count; i++)
        {
            if (lineEmbeddings[i] is null || lineEmbeddings[i].Length != dimensions)
            {
                throw new ArgumentException($"Embedding {i} is missing or does not have {dimensions} dimensions like the first one.", nameof(lineEmbeddings));
            }
        }

        var tokenPrefix = new long[lines.Count + 1];
        var lineTokens = new int[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            lineTokens[i] = TokenEstimator.Count(lines[i].Text);
            tokenPrefix[i + 1] = tokenPrefix[i] + lineTokens[i];
        }

        var scenes = new List<SceneSpan>();
        var cutter = new Cutter(lineEmbeddings, tokenPrefix, dimensions, tokenBudget);
        // An explicit stack instead of recursion: a badly unbalanced split of 100k lines would overflow the call stack.
        // The left half is pushed last so that scenes come out in time order.
        var pending = new Stack<(int First, int Last)>();
        pending.Push((0, lines.Count - 1));
        while (pending.TryPop(out var range))
        {
            var (first, last) = range;
            if (first == last || tokenPrefix[last + 1] - tokenPrefix[first] <= tokenBudget)
            {
                scenes.Add(ToScene(lines, lineTokens, first, last));
                continue;
            }
            var cut = cutter.BestCut(first, last);
            pending.Push((cut, last));
            pending.Push((first, cut - 1));
        }
        return scenes;
    }

    private static SceneSpan ToScene(IReadOnlyList<TranscriptLine> lines, int[] lineTokens, int first, int last)
    {
        var endMs = lines[first].EndMs;
        var tokens = 0;
        var texts = new string[last - first + 1];
        for (var i = first; i <= last; i++)
        {
            endMs = Math.Max(endMs, lines[i].EndMs);
            tokens += lineTokens[i];
            texts[i - first] = lines[i].Text;
        }
        return new SceneSpan(first, last, lines[first].StartMs, endMs, string.Join(' ', texts), tokens);
    }

    /// <summary>Finds Otsu cuts; the two work vectors are reused by every range, so a whole split allocates them once.</summary>
    private sealed class Cutter(IReadOnlyList<float[]> embeddings, long[] tokenPrefix, int dimensions, int tokenBudget)
    {
        /// <summary>
        /// A cut that leaves a side with less than a quarter of the budget must beat the best cut that doesn't by a
        /// clear margin. Near-orthogonal line vectors (lexical embeddings of unrelated sentences) make the criterion
        /// almost flat (n0·n1·(1/n0 + 1/n1) = n), so without this, noise picks lopsided cuts and a video crumbles into
        /// one-line scenes; a real topic boundary scores far above the flat level and still wins.
        /// </summary>
        private readonly long _minSideTokens = Math.Max(1, tokenBudget / 4);

        private const double LopsidedMargin = 1.25;

        private readonly double[] _left = new double[dimensions];
        private readonly double[] _total = new double[dimensions];

        /// <summary>
        /// The index of the first line of the right half (first &lt; k ≤ last). The score n0·n1·‖S0/n0 − S1/n1‖² uses
        /// S0 = the running sum of the left side and S1 = total − S0, so each cut costs O(d). Ties, including the
        /// degenerate case of identical embeddings, go to the cut nearest the middle of the token mass; a cut always
        /// exists, so every range over budget shrinks and the split terminates.
        /// </summary>
        public int BestCut(int first, int last)
        {
            Array.Clear(_left);
            Array.Clear(_total);
            var energy = 0.0;
            for (var i = first; i <= last; i++) energy += Accumulate(_total, embeddings[i]);
            // Every score is at most N·Σ‖e‖² (N times the between-side scatter, which the total scatter bounds), so
            // differences below this share of it are rounding noise and count as ties, on any SIMD width.
            var tolerance = 1e-9 * (last - first + 1) * energy;

            var rangeTokens = tokenPrefix[last + 1] - tokenPrefix[first];
            var best = new Candidate(-1, 0, long.MaxValue);
            var bestBalanced = best;
            for (var k = first + 1; k <= last; k++)
            {
                var score = ScoreAfterAdding(embeddings[k - 1], k - first, last - k + 1);
                if (double.IsNaN(score)) continue;
                var leftTokens = tokenPrefix[k] - tokenPrefix[first];
                var candidate = new Candidate(k, score, Math.Abs(2 * leftTokens - rangeTokens));
                best = candidate.Beats(best, tolerance) ? candidate : best;
                if (leftTokens >= _minSideTokens && rangeTokens - leftTokens >= _minSideTokens && candidate.Beats(bestBalanced, tolerance))
                    bestBalanced = candidate;
            }
            var cut = bestBalanced.Cut >= 0 && best.Score <= bestBalanced.Score * LopsidedMargin ? bestBalanced.Cut : best.Cut;
            return cut >= 0 ? cut : MiddleOfTokens(first, last, rangeTokens);
        }

        private readonly record struct Candidate(int Cut, double Score, long Imbalance)
        {
            public bool Beats(Candidate other, double tolerance) =>
                other.Cut < 0 || Score > other.Score + tolerance || (Score >= other.Score - tolerance && Imbalance < other.Imbalance);
        }

        /// <summary>Adds <paramref name="vector"/> to the left sum, then scores the cut with n0 lines left and n1 right.</summary>
        /// <remarks>
        /// This loop is the whole cost of a split, so it is vectorised: floats are widened to doubles in SIMD registers,
        /// and μ0 − μ1 = S0/n0 − (T − S0)/n1 is computed as S0·(1/n0 + 1/n1) − T/n1.
        /// </remarks>
        private double ScoreAfterAdding(float[] vector, int n0, int n1)
        {
            var left = _left.AsSpan();
            var total = _total.AsSpan();
            var input = vector.AsSpan();
            var inverse1 = 1.0 / n1;
            var scale = (1.0 / n0) + inverse1;
            var j = 0;
            if (Vector.IsHardwareAccelerated && input.Length >= Vector<float>.Count)
            {
                var width = Vector<double>.Count;
                var scaleVector = new Vector<double>(scale);
                var inverse1Vector = new Vector<double>(inverse1);
                var distanceLow = Vector<double>.Zero;
                var distanceHigh = Vector<double>.Zero;
                for (; j <= input.Length - Vector<float>.Count; j += Vector<float>.Count)
                {
                    Vector.Widen(new Vector<float>(input[j..]), out var low, out var high);
                    var sumLow = new Vector<double>(left[j..]) + low;
                    var sumHigh = new Vector<double>(left[(j + width)..]) + high;
                    sumLow.CopyTo(left[j..]);
                    sumHigh.CopyTo(left[(j + width)..]);
                    var differenceLow = (sumLow * scaleVector) - (new Vector<double>(total[j..]) * inverse1Vector);
                    var differenceHigh = (sumHigh * scaleVector) - (new Vector<double>(total[(j + width)..]) * inverse1Vector);
                    distanceLow += differenceLow * differenceLow;
                    distanceHigh += differenceHigh * differenceHigh;
                }
                var distance = Vector.Sum(distanceLow + distanceHigh);
                return (double)n0 * n1 * (distance + ScalarTail(left, total, input, j, scale, inverse1));
            }
            return (double)n0 * n1 * ScalarTail(left, total, input, j, scale, inverse1);
        }

        private static double ScalarTail(Span<double> left, Span<double> total, ReadOnlySpan<float> input, int from, double scale, double inverse1)
        {
            var distance = 0.0;
            for (var j = from; j < input.Length; j++)
            {
                var sum = left[j] += input[j];
                var difference = (sum * scale) - (total[j] * inverse1);
                distance += difference * difference;
            }
            return distance;
        }

        /// <summary>Adds <paramref name="vector"/> to <paramref name="sums"/> and returns its squared norm.</summary>
        private static double Accumulate(Span<double> sums, ReadOnlySpan<float> vector)
        {
            var j = 0;
            var squares = 0.0;
            if (Vector.IsHardwareAccelerated)
            {
                var width = Vector<double>.Count;
                var squaresVector = Vector<double>.Zero;
                for (; j <= vector.Length - Vector<float>.Count; j += Vector<float>.Count)
                {
                    Vector.Widen(new Vector<float>(vector[j..]), out var low, out var high);
                    (new Vector<double>(sums[j..]) + low).CopyTo(sums[j..]);
                    (new Vector<double>(sums[(j + width)..]) + high).CopyTo(sums[(j + width)..]);
                    squaresVector += (low * low) + (high * high);
                }
                squares = Vector.Sum(squaresVector);
            }
            for (; j < vector.Length; j++)
            {
                sums[j] += vector[j];
                squares += (double)vector[j] * vector[j];
            }
            return squares;
        }

        private int MiddleOfTokens(int first, int last, long rangeTokens)
        {
            var best = first + 1;
            for (var k = first + 2; k <= last; k++)
            {
                if (Math.Abs(2 * (tokenPrefix[k] - tokenPrefix[first]) - rangeTokens) < Math.Abs(2 * (tokenPrefix[best] - tokenPrefix[first]) - rangeTokens)) best = k;
            }
            return best;
        }
    }

    /// <summary>Cuts any word longer than the budget (a URL, unspaced text) into pieces of at most the budget.</summary>
    private static List<TokenSegment> SplitLongWords(string text, List<TokenSegment> segments, int tokenBudget)
    {
        var result = new List<TokenSegment>(segments.Count);
        foreach (var segment in segments)
        {
            if (segment.Tokens <= tokenBudget)
            {
                result.Add(segment);
                continue;
            }
            var start = segment.Start;
            while (start < segment.End)
            {
                var end = (int)Math.Min(segment.End, start + (4L * tokenBudget));
                if (end < segment.End && char.IsLowSurrogate(text[end])) end--;
                result.Add(new TokenSegment(start, end, TokenEstimator.Count(text[start..end])));
                start = end;
            }
        }
        return result;
    }

    /// <summary>Packs segments greedily into pieces of at most the budget; a piece keeps the punctuation that follows it.</summary>
    private static void AddPieces(TranscriptLine line, List<TokenSegment> segments, int totalTokens, int tokenBudget, List<TranscriptLine> result)
    {
        var pieceStarts = new List<int> { 0 };
        var tokens = 0;
        for (var s = 0; s < segments.Count; s++)
        {
            if (tokens + segments[s].Tokens > tokenBudget && tokens > 0)
            {
                pieceStarts.Add(s);
                tokens = 0;
            }
            tokens += segments[s].Tokens;
        }

        var duration = Math.Max(0, line.EndMs - line.StartMs);
        long TimeAt(long tokenPosition) => line.StartMs + (long)Math.Round(duration * (double)tokenPosition / totalTokens);

        long tokensBefore = 0;
        for (var p = 0; p < pieceStarts.Count; p++)
        {
            var firstSegment = pieceStarts[p];
            var nextSegment = p + 1 < pieceStarts.Count ? pieceStarts[p + 1] : segments.Count;
            var textStart = p == 0 ? 0 : segments[firstSegment].Start;
            var textEnd = nextSegment < segments.Count ? segments[nextSegment].Start : line.Text.Length;
            var pieceTokens = 0;
            for (var s = firstSegment; s < nextSegment; s++) pieceTokens += segments[s].Tokens;
            var start = TimeAt(tokensBefore);
            tokensBefore += pieceTokens;
            var end = p + 1 < pieceStarts.Count ? TimeAt(tokensBefore) : line.StartMs + duration;
            result.Add(new TranscriptLine(start, end, line.Text[textStart..textEnd].Trim()));
        }
    }
}

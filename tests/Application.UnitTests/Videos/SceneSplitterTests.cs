using AskVideo.Application.Videos.Processing;
using AskVideo.Domain.Transcripts;

namespace AskVideo.Application.UnitTests.Videos;

public class SceneSplitterTests
{
    /// <summary>A line of exactly <paramref name="tokens"/> estimated tokens (four-letter words).</summary>
    private static string Words(int tokens, int seed = 0) =>
        string.Join(' ', Enumerable.Range(0, tokens).Select(i => "w" + ((seed + i) % 1000).ToString("000")));

    private static List<TranscriptLine> Lines(int count, int tokensEach) =>
        Enumerable.Range(0, count).Select(i => new TranscriptLine(i * 1000L, (i * 1000L) + 900, Words(tokensEach, i))).ToList();

    private static float[] NearAxis(int axis, int dimensions, Random random, double noise)
    {
        var vector = new float[dimensions];
        for (var j = 0; j < dimensions; j++) vector[j] = (float)((random.NextDouble() - 0.5) * 2 * noise);
        vector[axis] += 1f;
        return vector;
    }

    private static List<float[]> RandomEmbeddings(int count, int dimensions, Random random) =>
        Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, dimensions).Select(_ => (float)random.NextDouble() - 0.5f).ToArray()).ToList();

    private static void AssertCoversEveryLineOnce(IReadOnlyList<TranscriptLine> lines, IReadOnlyList<SceneSpan> scenes, int budget)
    {
        Assert.Equal(0, scenes[0].FirstLine);
        Assert.Equal(lines.Count - 1, scenes[^1].LastLine);
        for (var s = 0; s < scenes.Count; s++)
        {
            var scene = scenes[s];
            Assert.True(scene.FirstLine <= scene.LastLine);
            if (s > 0) Assert.Equal(scenes[s - 1].LastLine + 1, scene.FirstLine);
            var members = lines.Skip(scene.FirstLine).Take(scene.LastLine - scene.FirstLine + 1).ToList();
            Assert.Equal(string.Join(' ', members.Select(l => l.Text)), scene.Text);
            Assert.Equal(members.Sum(l => TokenEstimator.Count(l.Text)), scene.TokenCount);
            Assert.Equal(members[0].StartMs, scene.StartMs);
            Assert.Equal(members.Max(l => l.EndMs), scene.EndMs);
            Assert.True(scene.TokenCount <= budget || members.Count == 1, $"scene {s} has {scene.TokenCount} tokens over {members.Count} lines");
        }
    }

    [Fact]
    public void Split_ShouldCutExactlyAtTopicBoundaries_WhenBlocksHaveDistinctEmbeddings()
    {
        // Arrange: three topics of 40 lines × 20 tokens; 800 tokens fit a budget of 900, two topics do not
        var random = new Random(42);
        var lines = Lines(120, 20);
        var embeddings = Enumerable.Range(0, 120).Select(i => NearAxis(i / 40, 16, random, noise: 0.1)).ToList();

        // Act
        var scenes = SceneSplitter.Split(lines, embeddings, tokenBudget: 900);

        // Assert
        Assert.Equal([(0, 39), (40, 79), (80, 119)], scenes.Select(s => (s.FirstLine, s.LastLine)));
        Assert.All(scenes, s => Assert.Equal(800, s.TokenCount));
        AssertCoversEveryLineOnce(lines, scenes, 900);
    }

    [Fact]
    public void Split_ShouldCutAtTheTopicBoundary_WhenItIsOffCentre()
    {
        // Arrange: 10 lines of one topic, then 50 of another; 600 tokens over a budget of 500
        var random = new Random(1);
        var lines = Lines(60, 10);
        var embeddings = Enumerable.Range(0, 60).Select(i => NearAxis(i < 10 ? 0 : 1, 8, random, noise: 0.05)).ToList();

        // Act
        var scenes = SceneSplitter.Split(lines, embeddings, tokenBudget: 500);

        // Assert
        Assert.Equal([(0, 9), (10, 59)], scenes.Select(s => (s.FirstLine, s.LastLine)));
    }

    [Fact]
    public void Split_ShouldNotCrumbleIntoTinyScenes_WhenLineVectorsAreUnrelated()
    {
        // Arrange: 600 lines of 15 tokens whose vectors are random in 384 dimensions (nearly orthogonal, as lexical
        // embeddings of unrelated sentences are): the criterion is almost flat, so noise alone would pick the cuts.
        var lines = Lines(600, 15);
        var embeddings = RandomEmbeddings(600, 384, new Random(3));

        // Act
        var scenes = SceneSplitter.Split(lines, embeddings, tokenBudget: 512);

        // Assert: every scene is within budget and none is below a quarter of it.
        AssertCoversEveryLineOnce(lines, scenes, 512);
        Assert.All(scenes, s => Assert.InRange(s.TokenCount, 128, 512));
    }

    [Fact]
    public void Split_ShouldReturnOneScene_WhenEverythingFitsTheBudget()
    {
        // Arrange
        var lines = Lines(30, 10);
        var embeddings = RandomEmbeddings(30, 8, new Random(5));

        // Act
        var scenes = SceneSplitter.Split(lines, embeddings);

        // Assert
        var scene = Assert.Single(scenes);
        Assert.Equal(new SceneSpan(0, 29, 0, 29_900, string.Join(' ', lines.Select(l => l.Text)), 300), scene);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(384)]
    public void Split_ShouldCutAtTheMiddleOfTheTokens_WhenAllEmbeddingsAreEqual(int dimensions)
    {
        // Arrange: no cut is better than another (up to rounding), so balance decides
        var lines = Lines(10, 10);
        var embeddings = Enumerable.Range(0, 10).Select(_ => Enumerable.Range(0, dimensions).Select(j => 0.1f * (j % 7)).ToArray()).ToList();

        // Act
        var scenes = SceneSplitter.Split(lines, embeddings, tokenBudget: 50);

        // Assert
        Assert.Equal([(0, 4), (5, 9)], scenes.Select(s => (s.FirstLine, s.LastLine)));
    }

    [Fact]
    public void Split_ShouldReturnNothing_WhenThereAreNoLines()
    {
        // Act
        var scenes = SceneSplitter.Split([], []);

        // Assert
        Assert.Empty(scenes);
    }

    [Fact]
    public void Split_ShouldCoverEveryLineOnceInOrder_WhenInputsAreRandom()
    {
        // Arrange
        var random = new Random(2024);
        for (var run = 0; run < 100; run++)
        {
            var count = random.Next(1, 300);
            var lines = Enumerable.Range(0, count)
                .Select(i => new TranscriptLine(i * 500L, (i * 500L) + random.Next(0, 3000), Words(random.Next(0, 40), i)))
                .ToList();
            var embeddings = RandomEmbeddings(count, random.Next(1, 12), random);
            var budget = random.Next(1, 400);

            // Act
            var scenes = SceneSplitter.Split(lines, embeddings, budget);

            // Assert
            AssertCoversEveryLineOnce(lines, scenes, budget);
        }
    }

    [Fact]
    public void Split_ShouldKeepAnOverlongLineAsItsOwnScene_WhenPrepareLinesWasSkipped()
    {
        // Arrange
        TranscriptLine[] lines = [new(0, 1000, Words(10)), new(1000, 9000, Words(600)), new(9000, 10_000, Words(10))];
        var embeddings = RandomEmbeddings(3, 4, new Random(9));

        // Act
        var scenes = SceneSplitter.Split(lines, embeddings, tokenBudget: 100);

        // Assert
        Assert.Equal([(0, 0), (1, 1), (2, 2)], scenes.Select(s => (s.FirstLine, s.LastLine)));
        Assert.Equal(600, scenes[1].TokenCount);
    }

    [Fact]
    public void Split_ShouldThrow_WhenThereAreNotAsManyEmbeddingsAsLines()
    {
        // Arrange
        var lines = Lines(3, 5);
        var embeddings = RandomEmbeddings(2, 4, new Random(1));

        // Act and assert
        Assert.Throws<ArgumentException>(() => SceneSplitter.Split(lines, embeddings));
    }

    [Fact]
    public void Split_ShouldThrow_WhenEmbeddingsHaveDifferentDimensions()
    {
        // Arrange
        var lines = Lines(3, 5);
        List<float[]> embeddings = [[1f, 2f], [1f, 2f], [1f, 2f, 3f]];

        // Act and assert
        Assert.Throws<ArgumentException>(() => SceneSplitter.Split(lines, embeddings));
    }

    [Fact]
    public void Split_ShouldThrow_WhenTheBudgetIsNotPositive()
    {
        // Act and assert
        Assert.Throws<ArgumentOutOfRangeException>(() => SceneSplitter.Split(Lines(1, 1), [[1f]], tokenBudget: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SceneSplitter.PrepareLines(Lines(1, 1), tokenBudget: 0));
    }

    [Fact]
    public void Split_ShouldComplete_WhenThereAreTenThousandLines()
    {
        // Arrange
        var random = new Random(11);
        var lines = SceneSplitter.PrepareLines(Enumerable.Range(0, 10_000).Select(i => new TranscriptLine(i * 2000L, (i * 2000L) + 1900, Words(random.Next(5, 40), i))).ToList(), 512);
        var embeddings = RandomEmbeddings(lines.Count, 64, random);

        // Act
        var scenes = SceneSplitter.Split(lines, embeddings, 512);

        // Assert
        AssertCoversEveryLineOnce(lines, scenes, 512);
    }

    [Fact]
    public void Split_ShouldNotOverflowTheStack_WhenEveryCutPeelsOffOneLine()
    {
        // Arrange: each line is far from all before it, so the best cut keeps isolating the last line
        var lines = Lines(3000, 1);
        var embeddings = Enumerable.Range(0, 3000).Select(i => new[] { (float)Math.Pow(1.01, i) }).ToList();

        // Act
        var scenes = SceneSplitter.Split(lines, embeddings, tokenBudget: 1);

        // Assert
        Assert.Equal(3000, scenes.Count);
        AssertCoversEveryLineOnce(lines, scenes, 1);
    }

    [Fact]
    public void PrepareLines_ShouldReturnShortLinesUnchanged_WhenTheyFitTheBudget()
    {
        // Arrange
        var lines = Lines(5, 30);

        // Act
        var prepared = SceneSplitter.PrepareLines(lines, 30);

        // Assert
        Assert.Equal(lines.Count, prepared.Count);
        Assert.All(lines.Zip(prepared), pair => Assert.Same(pair.First, pair.Second));
    }

    public static TheoryData<string, int> OverlongTexts() => new()
    {
        { "Well, " + Words(1500) + ". The end!", 512 },
        { string.Concat(Enumerable.Repeat("今日はいい天気ですね。", 200)), 100 },
        { "see " + new string('x', 10_000) + " there", 100 },
        { string.Join(' ', Enumerable.Repeat("日本語とEnglishのmix、です。", 100)), 37 },
    };

    [Theory]
    [MemberData(nameof(OverlongTexts))]
    public void PrepareLines_ShouldSplitAnOverlongLineWithInterpolatedTimes_WhenItExceedsTheBudget(string text, int budget)
    {
        // Arrange
        TranscriptLine[] lines = [new(0, 5000, "Before."), new(10_000, 70_000, text), new(70_000, 71_000, "After.")];

        // Act
        var prepared = SceneSplitter.PrepareLines(lines, budget);

        // Assert
        Assert.Same(lines[0], prepared[0]);
        Assert.Same(lines[2], prepared[^1]);
        var pieces = prepared.Skip(1).Take(prepared.Count - 2).ToList();
        Assert.True(pieces.Count >= 2);
        Assert.All(pieces, p => Assert.InRange(TokenEstimator.Count(p.Text), 1, budget));
        Assert.Equal(TokenEstimator.Count(text), pieces.Sum(p => TokenEstimator.Count(p.Text)));
        Assert.Equal(StripSpaces(text), StripSpaces(string.Concat(pieces.Select(p => p.Text))));
        Assert.Equal(10_000, pieces[0].StartMs);
        Assert.Equal(70_000, pieces[^1].EndMs);
        for (var i = 0; i < pieces.Count; i++)
        {
            Assert.True(pieces[i].StartMs <= pieces[i].EndMs);
            if (i > 0) Assert.Equal(pieces[i - 1].EndMs, pieces[i].StartMs);
        }
    }

    [Fact]
    public void PrepareLines_ShouldPlaceTimesByTokenPosition_WhenALineIsSplitInHalf()
    {
        // Arrange: 20 tokens over 2 s with a budget of 10 makes two equal halves
        TranscriptLine[] lines = [new(1000, 3000, Words(20))];

        // Act
        var prepared = SceneSplitter.PrepareLines(lines, 10);

        // Assert
        Assert.Equal([new TranscriptLine(1000, 2000, Words(10)), new TranscriptLine(2000, 3000, Words(10, 10))], prepared);
    }

    private static string StripSpaces(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}

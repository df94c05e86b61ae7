using AskVideo.Application.Common.Interfaces;
using AskVideo.Infrastructure.AI;
using Microsoft.Extensions.Logging.Abstractions;
using static AskVideo.Infrastructure.UnitTests.AI.VectorMath;

namespace AskVideo.Infrastructure.UnitTests.AI;

/// <summary>One model load for the class: loading takes a second or two.</summary>
public sealed class LocalEmbedderFixture : IDisposable
{
    private readonly LocalEmbedder _embedder = new(NullLogger<LocalEmbedder>.Instance);

    public IEmbedder Embedder => _embedder;

    public void Dispose() => _embedder.Dispose();
}

public sealed class LocalEmbedderTests(LocalEmbedderFixture fixture) : IClassFixture<LocalEmbedderFixture>
{
    private const string Sentence = "The committee reviewed the quarterly budget and approved new funding for the river restoration project.";

    [Fact]
    public async Task EmbedAsync_ShouldReturnDeterministic384dUnitVectors_WhenEmbeddingTwice()
    {
        // Arrange
        var embedder = fixture.Embedder;

        // Act
        var first = await embedder.EmbedAsync([Sentence, "short"], null, CancellationToken.None);
        var second = await embedder.EmbedAsync([Sentence], null, CancellationToken.None);

        // Assert
        Assert.Equal("local/all-MiniLM-L6-v2", embedder.ModelId);
        Assert.Equal(384, embedder.Dimensions);
        Assert.All(first, v =>
        {
            Assert.Equal(384, v.Length);
            Assert.Equal(1.0, Norm(v), 4);
        });
        // Batch composition changes padding, not the result (beyond float noise).
        Assert.True(Dot(first[0], second[0]) > 0.9999);
    }

    [Fact]
    public async Task EmbedAsync_ShouldRankAParaphraseAboveAnUnrelatedSentence_WhenComparingMeaning()
    {
        // Arrange
        var embedder = fixture.Embedder;

        // Act
        var v = await embedder.EmbedAsync(["A cat sat on the mat", "A kitten rested on the rug", "Stock markets fell sharply today"],
            null, CancellationToken.None);

        // Assert
        var paraphrase = Dot(v[0], v[1]);
        var unrelated = Dot(v[0], v[2]);
        Assert.True(paraphrase > 0.4, $"paraphrase cosine {paraphrase:0.000}");
        Assert.True(paraphrase > unrelated + 0.3, $"paraphrase {paraphrase:0.000} vs unrelated {unrelated:0.000}");
    }

    [Fact]
    public async Task EmbedAsync_ShouldEmbedTheWholeText_WhenItIsLongerThanTheModelWindow()
    {
        // Arrange: 1,000 words whose second half is about something else entirely.
        var embedder = fixture.Embedder;
        var opening = string.Join(' ', Enumerable.Repeat("The orchestra rehearsed the symphony slowly before the evening concert.", 20)); // 200 words
        var rest = string.Join(' ', Enumerable.Repeat("Engineers replaced the corroded steel beams of the railway bridge.", 80)); // 800 words
        var full = opening + " " + rest;
        Assert.Equal(1000, full.Split(' ').Length);

        // Act
        var v = await embedder.EmbedAsync([full, opening, rest], null, CancellationToken.None);

        // Assert
        Assert.Equal(1.0, Norm(v[0]), 4);
        Assert.True(Dot(v[0], v[1]) < 0.95, "the long text must not collapse to its first window");
        Assert.True(Dot(v[0], v[2]) > Dot(v[0], v[1]), "most of the text is about the bridge");
    }

    [Fact]
    public async Task EmbedAsync_ShouldReturnAUnitVector_WhenTheTextIsEmpty()
    {
        // Act
        var v = await fixture.Embedder.EmbedAsync([""], null, CancellationToken.None);

        // Assert
        Assert.Equal(1.0, Norm(v[0]), 4);
    }

    [Fact]
    public async Task EmbedAsync_ShouldEmbedNonEnglishText_WhenItHasAccentsOrJapanese()
    {
        // Act (the hosts run with invariant globalization; the tokenizer's Unicode normalisation must still work)
        var v = await fixture.Embedder.EmbedAsync(["Le café près de la gare ouvre à sept heures.", "東京は日本の首都です。", "Ünïcödé façade naïve"],
            null, CancellationToken.None);

        // Assert
        Assert.All(v, vector => Assert.Equal(1.0, Norm(vector), 4));
    }
}

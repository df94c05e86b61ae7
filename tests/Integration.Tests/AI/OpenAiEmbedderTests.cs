using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Options;
using AskVideo.Infrastructure.AI;
using AskVideo.Integration.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AskVideo.Integration.Tests.AI;

/// <summary>The real OpenAI SDK embedder against the fake OpenAI server started by the fixture.</summary>
[Collection(ApiCollection.Name)]
public sealed class OpenAiEmbedderTests
{
    private readonly FakeOpenAi _openAi;

    public OpenAiEmbedderTests(ApiFixture fixture)
    {
        _openAi = fixture.OpenAi;
        _openAi.Reset();
    }

    private static OpenAiEmbedder Create(string model = "text-embedding-3-small", int? dimensions = null, RecordedMetrics? metrics = null) =>
        new(Options.Create(new AiOptions
        {
            EmbeddingProvider = "openai",
            OpenAI = new OpenAiSettings { BaseUrl = FakeOpenAi.BaseUrl, ApiKey = FakeOpenAi.ValidKey, EmbeddingModel = model, EmbeddingDimensions = dimensions },
        }), NullLogger<OpenAiEmbedder>.Instance, (metrics ?? Unrecorded).Metrics, TimeProvider.System);

    private static readonly RecordedMetrics Unrecorded = new();

    [Fact]
    public async Task EmbedAsync_ShouldReturnUnitVectorsOfTheModelsKnownSize_WhenNoDimensionsAreConfigured()
    {
        // Arrange
        var embedder = Create();

        // Act
        var vectors = await embedder.EmbedAsync(["The cat sat on the mat", "the cat sat on a mat", "Stock markets fell sharply"], null, CancellationToken.None);

        // Assert
        Assert.Equal("openai/text-embedding-3-small/1536", embedder.ModelId);
        Assert.All(vectors, v =>
        {
            Assert.Equal(1536, v.Length);
            Assert.Equal(1.0, Math.Sqrt(v.Sum(x => (double)x * x)), 4);
        });
        Assert.True(Dot(vectors[0], vectors[1]) > Dot(vectors[0], vectors[2]));
    }

    [Fact]
    public async Task EmbedAsync_ShouldRequestTheConfiguredDimensions_WhenTheModelCanShortenItsOutput()
    {
        // Arrange
        var embedder = Create(dimensions: 256);

        // Act
        var vectors = await embedder.EmbedAsync(["hello world"], null, CancellationToken.None);

        // Assert
        Assert.Equal("openai/text-embedding-3-small/256", embedder.ModelId);
        Assert.Equal(256, Assert.Single(vectors).Length);
    }

    [Fact]
    public async Task EmbedAsync_ShouldSendBatchesOfAtMost256AndKeepTheOrder_WhenGiven300Inputs()
    {
        // Arrange
        var embedder = Create();
        var texts = Enumerable.Range(0, 300).Select(i => $"scene number {i} talks about topic {i % 7}").ToList();

        // Act
        var vectors = await embedder.EmbedAsync(texts, FakeOpenAi.ValidKey, CancellationToken.None);

        // Assert
        Assert.Equal([256, 44], _openAi.EmbeddingBatchSizes.ToArray());
        Assert.Equal(300, vectors.Count);
        for (var i = 0; i < texts.Count; i++)
            Assert.True(Dot(vectors[i], FakeOpenAi.HashedVector(texts[i], 1536)) > 0.999, $"vector {i} is out of order");
    }

    [Fact]
    public async Task EmbedAsync_ShouldFailWithANonTransientDimensionMismatch_WhenTheServerReturnsAnotherSize()
    {
        // Arrange: a model outside the text-embedding-3 family gets no "dimensions" parameter; the fake answers 1536.
        var embedder = Create(model: "nomic-embed-text", dimensions: 768);

        // Act
        var error = await Assert.ThrowsAsync<UpstreamException>(() => embedder.EmbedAsync(["hello"], null, CancellationToken.None));

        // Assert
        Assert.Equal("embedding_dimension_mismatch", error.Code.Value);
        Assert.False(error.Transient);
    }

    [Fact]
    public async Task EmbedAsync_ShouldFailWithANonTransientInvalidKey_WhenTheProviderRejectsTheKey()
    {
        // Arrange
        var embedder = Create();

        // Act
        var error = await Assert.ThrowsAsync<UpstreamException>(() => embedder.EmbedAsync(["hello"], "sk-not-a-real-key", CancellationToken.None));

        // Assert
        Assert.Equal("invalid_openai_key", error.Code.Value);
        Assert.False(error.Transient);
        Assert.DoesNotContain("sk-", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmbedAsync_ShouldFailTransientlyWithRetryAfter_WhenTheProviderRateLimits()
    {
        // Arrange
        var embedder = Create();

        // Act
        var error = await Assert.ThrowsAsync<UpstreamException>(() => embedder.EmbedAsync(["hello"], FakeOpenAi.RateLimitedKey, CancellationToken.None));

        // Assert
        Assert.Equal("ai_rate_limited", error.Code.Value);
        Assert.True(error.Transient);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.Single(_openAi.Requests); // no hidden SDK retries
    }

    [Fact]
    public async Task EmbedAsync_ShouldRecordEachRequestsDurationAndInputTokens_WhenTheProviderAnswers()
    {
        // Arrange: 300 inputs are two requests (256 + 44).
        using var recorded = new RecordedMetrics();
        var embedder = Create(metrics: recorded);
        var inputs = Enumerable.Range(0, 300).Select(i => $"scene {i} about the harbour").ToList();

        // Act
        await embedder.EmbedAsync(inputs, null, CancellationToken.None);

        // Assert
        var durations = recorded.Of("askvideo.ai.request.duration");
        Assert.Equal(2, durations.Count);
        Assert.All(durations, d => Assert.Equal(("embeddings", "text-embedding-3-small", "ok"), (d.Tag("ai.operation"), d.Tag("ai.model"), d.Tag("outcome"))));
        var tokens = recorded.Of("askvideo.ai.tokens");
        Assert.Equal(2, tokens.Count);
        Assert.All(tokens, t => Assert.Equal("input", t.Tag("token.type")));
        Assert.Equal(300 * 5, tokens.Sum(t => t.Value)); // the fake counts a token per word
        Assert.Empty(recorded.Of("askvideo.ai.errors"));
    }

    [Fact]
    public async Task EmbedAsync_ShouldCountAnErrorByItsCode_WhenTheProviderRateLimits()
    {
        // Arrange
        using var recorded = new RecordedMetrics();
        var embedder = Create(metrics: recorded);

        // Act
        await Assert.ThrowsAsync<UpstreamException>(() => embedder.EmbedAsync(["hello"], FakeOpenAi.RateLimitedKey, CancellationToken.None));

        // Assert
        var duration = Assert.Single(recorded.Of("askvideo.ai.request.duration"));
        Assert.Equal("error", duration.Tag("outcome"));
        var error = Assert.Single(recorded.Of("askvideo.ai.errors"));
        Assert.Equal(("embeddings", "ai_rate_limited"), (error.Tag("ai.operation"), error.Tag("error.type")));
        Assert.Empty(recorded.Of("askvideo.ai.tokens"));
    }

    private static double Dot(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();
}

using AskVideo.Infrastructure.AI;
using static AskVideo.Infrastructure.UnitTests.AI.VectorMath;

namespace AskVideo.Infrastructure.UnitTests.AI;

public sealed class HashingEmbedderTests
{
    [Fact]
    public async Task EmbedAsync_ShouldReturnIdenticalVectors_WhenTwoInstancesEmbedTheSameText()
    {
        // Arrange
        var first = new HashingEmbedder(384);
        var second = new HashingEmbedder(384);
        string[] texts = ["The quick brown fox jumps over the lazy dog.", "東京は日本の首都です。"];

        // Act
        var a = await first.EmbedAsync(texts, null, CancellationToken.None);
        var b = await second.EmbedAsync(texts, null, CancellationToken.None);

        // Assert
        Assert.Equal(a[0], b[0]);
        Assert.Equal(a[1], b[1]);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(384)]
    [InlineData(4096)]
    public async Task EmbedAsync_ShouldReturnUnitVectorsOfTheConfiguredSize_WhenGivenAnyText(int dimensions)
    {
        // Arrange
        var embedder = new HashingEmbedder(dimensions);

        // Act
        var vectors = await embedder.EmbedAsync(["Hello world, hello again.", "", "  ...  ", "字幕"], null, CancellationToken.None);

        // Assert
        Assert.Equal($"hashing/{dimensions}", embedder.ModelId);
        Assert.All(vectors, v =>
        {
            Assert.Equal(dimensions, v.Length);
            Assert.Equal(1.0, Norm(v), 4);
        });
    }

    [Fact]
    public async Task EmbedAsync_ShouldPlaceSimilarTextsCloser_WhenOneIsUnrelated()
    {
        // Arrange
        var embedder = new HashingEmbedder(384);

        // Act
        var v = await embedder.EmbedAsync(
            ["The cat sat on the warm mat", "A cat sat on the mat today", "Stock markets fell sharply in early trading"], null, CancellationToken.None);

        // Assert
        Assert.True(Dot(v[0], v[1]) > Dot(v[0], v[2]) + 0.2);
    }

    [Fact]
    public async Task EmbedAsync_ShouldMatchSharedCharacters_WhenTextIsJapanese()
    {
        // Arrange
        var embedder = new HashingEmbedder(384);

        // Act
        var v = await embedder.EmbedAsync(["東京は日本の首都です", "日本の首都は東京です", "猫がマットの上に座った"], null, CancellationToken.None);

        // Assert
        Assert.True(Dot(v[0], v[1]) > Dot(v[0], v[2]));
    }
}

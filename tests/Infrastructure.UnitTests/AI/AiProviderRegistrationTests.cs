using System.ComponentModel.DataAnnotations;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Options;
using AskVideo.Infrastructure.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AskVideo.Infrastructure.UnitTests.AI;

public sealed class AiProviderRegistrationTests
{
    [Theory]
    [InlineData(null, typeof(LocalEmbedder))]
    [InlineData("local", typeof(LocalEmbedder))]
    [InlineData("hashing", typeof(HashingEmbedder))]
    [InlineData("openai", typeof(OpenAiEmbedder))]
    public void AddInfrastructure_ShouldRegisterTheConfiguredEmbedder_WhenAProviderIsChosen(string? provider, Type expected)
    {
        // Arrange
        using var services = Build(new() { ["AI:EmbeddingProvider"] = provider });

        // Act
        var embedder = services.GetRequiredService<IEmbedder>();

        // Assert
        Assert.IsType(expected, embedder);
        Assert.Same(embedder, services.GetRequiredService<IEmbedder>());
    }

    [Theory]
    [InlineData(null, typeof(NoTranscriber))]
    [InlineData("openai", typeof(OpenAiTranscriber))]
    public void AddInfrastructure_ShouldRegisterTheConfiguredTranscriber_WhenAProviderIsChosen(string? provider, Type expected)
    {
        // Arrange
        using var services = Build(new() { ["AI:TranscriptionProvider"] = provider });

        // Act
        var transcriber = services.GetRequiredService<ITranscriber>();

        // Assert
        Assert.IsType(expected, transcriber);
    }

    [Fact]
    public void AddInfrastructure_ShouldUseTheConfiguredHashingSize_WhenDimensionsAreSet()
    {
        // Arrange
        using var services = Build(new() { ["AI:EmbeddingProvider"] = "hashing", ["AI:Hashing:Dimensions"] = "64" });

        // Act
        var embedder = services.GetRequiredService<IEmbedder>();

        // Assert
        Assert.Equal("hashing/64", embedder.ModelId);
        Assert.Equal(64, embedder.Dimensions);
    }

    [Theory]
    [InlineData("text-embedding-3-large", null, 3072)]
    [InlineData("text-embedding-ada-002", null, 1536)]
    [InlineData("nomic-embed-text", "768", 768)]
    public void AddInfrastructure_ShouldResolveOpenAiDimensions_WhenTheModelIsKnownOrDimensionsAreSet(string model, string? dimensions, int expected)
    {
        // Arrange
        using var services = Build(new()
        {
            ["AI:EmbeddingProvider"] = "openai", ["AI:OpenAI:EmbeddingModel"] = model, ["AI:OpenAI:EmbeddingDimensions"] = dimensions,
        });

        // Act
        var embedder = services.GetRequiredService<IEmbedder>();

        // Assert
        Assert.Equal(expected, embedder.Dimensions);
        Assert.Equal($"openai/{model}/{expected}", embedder.ModelId);
    }

    [Theory]
    [InlineData("AI:OpenAI:EmbeddingDimensions", "AI:EmbeddingProvider", "openai", "AI:OpenAI:EmbeddingModel", "nomic-embed-text")]
    [InlineData("AI:Hashing:Dimensions", "AI:Hashing:Dimensions", "8", "AI:EmbeddingProvider", "hashing")]
    [InlineData("AI:Transcription:ChunkSeconds", "AI:Transcription:ChunkSeconds", "0", "AI:TranscriptionProvider", "openai")]
    [InlineData("AI:Transcription:OverlapSeconds", "AI:Transcription:ChunkSeconds", "2", "AI:Transcription:OverlapSeconds", "1")]
    [InlineData("AI:Transcription:AttemptsPerChunk", "AI:Transcription:AttemptsPerChunk", "0", "AI:TranscriptionProvider", "none")]
    public void AiOptions_ShouldFailValidationNamingTheSetting_WhenAValueIsInvalid(string named, string key1, string value1, string key2, string value2)
    {
        // Arrange
        using var services = Build(new() { [key1] = value1, [key2] = value2 });

        // Act
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AiOptions>>().Value);

        // Assert
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AiOptions_ShouldBeValid_WhenNothingIsConfigured()
    {
        // Arrange
        var options = new AiOptions();
        var results = new List<ValidationResult>();

        // Act
        var valid = Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);

        // Assert
        Assert.True(valid, string.Join("; ", results.Select(r => r.ErrorMessage)));
        Assert.Equal("local", options.EmbeddingProvider);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        // An unset setting is absent (a null value would bind as an empty string).
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Where(s => s.Value is not null)).Build();
        return new ServiceCollection().AddLogging().AddInfrastructure(configuration).BuildServiceProvider();
    }
}

using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Options;
using AskVideo.Infrastructure.AI;
using AskVideo.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AskVideo.Integration.Tests.AI;

/// <summary>The streaming chat adapter (real OpenAI SDK, the app's resilient HTTP client) against the fake server.</summary>
[Collection(ApiCollection.Name)]
public sealed class OpenAiChatModelTests
{
    private readonly ApiFixture _fixture;

    public OpenAiChatModelTests(ApiFixture fixture)
    {
        _fixture = fixture;
        fixture.OpenAi.Reset();
    }

    private OpenAiChatModel Create(RecordedMetrics metrics) =>
        new(Options.Create(new AiOptions
        {
            ChatProvider = "openai",
            OpenAI = new OpenAiSettings { BaseUrl = FakeOpenAi.BaseUrl, ApiKey = FakeOpenAi.ValidKey },
        }), _fixture.Services.GetRequiredService<IHttpClientFactory>(), metrics.Metrics, TimeProvider.System);

    private static ChatCompletionRequest Question(string? apiKey = null) =>
        new([new ChatTurn(ChatRole.System, "Answer from the scenes.\n[1] The lighthouse keeper polished the lens"), new ChatTurn(ChatRole.User, "Who polished the lens?")],
            apiKey, "gpt-4o-mini", 0);

    [Fact]
    public async Task StreamAsync_ShouldRecordOneRequestUntilTheLastToken_AndTheTokensTheProviderReported()
    {
        // Arrange
        using var recorded = new RecordedMetrics();

        // Act
        var chunks = new List<ChatChunk>();
        await foreach (var chunk in Create(recorded).StreamAsync(Question(), CancellationToken.None)) chunks.Add(chunk);

        // Assert
        var usage = chunks.Single(c => c.PromptTokens is not null);
        var duration = Assert.Single(recorded.Of("askvideo.ai.request.duration"));
        Assert.Equal(("chat", "gpt-4o-mini", "ok"), (duration.Tag("ai.operation"), duration.Tag("ai.model"), duration.Tag("outcome")));
        var tokens = recorded.Of("askvideo.ai.tokens");
        Assert.Equal(usage.PromptTokens, (int)tokens.Single(t => t.Tag("token.type") == "input").Value);
        Assert.Equal(usage.CompletionTokens, (int)tokens.Single(t => t.Tag("token.type") == "output").Value);
        Assert.All(tokens, t => Assert.Equal(("chat", "gpt-4o-mini"), (t.Tag("ai.operation"), t.Tag("ai.model"))));
        Assert.Empty(recorded.Of("askvideo.ai.errors"));
    }

    [Fact]
    public async Task StreamAsync_ShouldCountAnErrorByItsCode_WhenTheProviderRejectsTheKey()
    {
        // Arrange
        using var recorded = new RecordedMetrics();

        // Act
        var error = await Assert.ThrowsAsync<UpstreamException>(async () =>
        {
            await foreach (var _ in Create(recorded).StreamAsync(Question("sk-not-a-real-key"), CancellationToken.None))
            {
            }
        });

        // Assert
        Assert.Equal("invalid_openai_key", error.Code.Value);
        Assert.Equal("error", Assert.Single(recorded.Of("askvideo.ai.request.duration")).Tag("outcome"));
        var counted = Assert.Single(recorded.Of("askvideo.ai.errors"));
        Assert.Equal(("chat", "invalid_openai_key"), (counted.Tag("ai.operation"), counted.Tag("error.type")));
        Assert.Empty(recorded.Of("askvideo.ai.tokens"));
    }
}

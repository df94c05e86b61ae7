namespace AskVideo.Application.Common.Interfaces;

public enum ChatRole
{
    System = 1,
    User = 2,
    Assistant = 3,
}

public sealed record ChatTurn(ChatRole Role, string Content);

/// <summary>A chat completion request; the user's own key, model and temperature override the server's when given.</summary>
public sealed record ChatCompletionRequest(IReadOnlyList<ChatTurn> Messages, string? ApiKey, string? Model, double? Temperature, int? MaxTokens = null);

/// <summary>A piece of a streamed answer: text, and (on the last piece) the token usage when the provider reports it.</summary>
public sealed record ChatChunk(string Text, int? PromptTokens = null, int? CompletionTokens = null);

/// <summary>
/// A language model (AI:ChatProvider "openai": OpenAI or any compatible server). Provider errors are
/// <see cref="Exceptions.UpstreamException"/>s: invalid_openai_key, ai_rate_limited (with Retry-After), ai_unavailable.
/// </summary>
public interface IChatModel
{
    /// <summary>Whether a language model can answer with this key (the user's own, else the server's).</summary>
    bool IsAvailable(string? apiKey);

    /// <summary>The model a request would use (the user's choice, else the server default).</summary>
    string ResolveModel(string? model);

    /// <summary>The answer as it is generated.</summary>
    IAsyncEnumerable<ChatChunk> StreamAsync(ChatCompletionRequest request, CancellationToken cancellationToken);
}

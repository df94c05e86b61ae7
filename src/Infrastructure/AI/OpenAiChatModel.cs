using System.ClientModel;
using System.Runtime.CompilerServices;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Options;
using Microsoft.Extensions.Options;
using OpenAI.Chat;

namespace AskVideo.Infrastructure.AI;

/// <summary>Chat through OpenAI or any compatible server (AI:ChatProvider = "openai"), streamed with the OpenAI SDK.</summary>
internal sealed class OpenAiChatModel(IOptions<AiOptions> options, IHttpClientFactory http) : IChatModel
{
    public bool IsAvailable(string? apiKey) =>
        options.Value.ChatProvider == "openai" && OpenAiErrors.ResolveKey(apiKey, options.Value.OpenAI) is not null;

    public string ResolveModel(string? model) => string.IsNullOrWhiteSpace(model) ? options.Value.OpenAI.ChatModel : model;

    public async IAsyncEnumerable<ChatChunk> StreamAsync(ChatCompletionRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var settings = options.Value.OpenAI;
        var key = OpenAiErrors.ResolveKey(request.ApiKey, settings) ?? throw OpenAiErrors.MissingKey();
        var client = new ChatClient(ResolveModel(request.Model), new ApiKeyCredential(key), OpenAiErrors.ClientOptions(settings, http.CreateClient(OpenAiHttp.ClientName)));
        var messages = request.Messages.Select<ChatTurn, ChatMessage>(m => m.Role switch
        {
            ChatRole.System => new SystemChatMessage(m.Content),
            ChatRole.Assistant => new AssistantChatMessage(m.Content),
            _ => new UserChatMessage(m.Content),
        }).ToList();
        var completion = new ChatCompletionOptions
        {
            Temperature = (float)(request.Temperature ?? settings.ChatTemperature),
            MaxOutputTokenCount = request.MaxTokens,
        };

        IAsyncEnumerator<StreamingChatCompletionUpdate> updates;
        try
        {
            updates = client.CompleteChatStreamingAsync(messages, completion, cancellationToken).GetAsyncEnumerator(cancellationToken);
        }
        catch (Exception ex) when (OpenAiErrors.Map(ex, cancellationToken) is { } mapped)
        {
            throw mapped;
        }
        await using (updates)
        {
            while (true)
            {
                StreamingChatCompletionUpdate update;
                try
                {
                    if (!await updates.MoveNextAsync()) break;
                    update = updates.Current;
                }
                catch (Exception ex) when (OpenAiErrors.Map(ex, cancellationToken) is { } mapped)
                {
                    throw mapped;
                }
                var text = string.Concat(update.ContentUpdate.Select(part => part.Text));
                if (text.Length > 0 || update.Usage is not null)
                    yield return new ChatChunk(text, update.Usage?.InputTokenCount, update.Usage?.OutputTokenCount);
            }
        }
    }
}

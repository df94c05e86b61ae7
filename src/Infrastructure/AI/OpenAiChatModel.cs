using System.ClientModel;
using System.Runtime.CompilerServices;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Options;
using AskVideo.Infrastructure.Observability;
using Microsoft.Extensions.Options;
using OpenAI.Chat;

namespace AskVideo.Infrastructure.AI;

/// <summary>Chat through OpenAI or any compatible server (AI:ChatProvider = "openai"), streamed with the OpenAI SDK.</summary>
internal sealed class OpenAiChatModel(IOptions<AiOptions> options, IHttpClientFactory http, AppMetrics metrics, TimeProvider time) : IChatModel
{
    public bool IsAvailable(string? apiKey) =>
        options.Value.ChatProvider == "openai" && OpenAiErrors.ResolveKey(apiKey, options.Value.OpenAI) is not null;

    public string ResolveModel(string? model) => string.IsNullOrWhiteSpace(model) ? options.Value.OpenAI.ChatModel : model;

    public async IAsyncEnumerable<ChatChunk> StreamAsync(ChatCompletionRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var settings = options.Value.OpenAI;
        var key = OpenAiErrors.ResolveKey(request.ApiKey, settings) ?? throw OpenAiErrors.MissingKey();
        var model = ResolveModel(request.Model);
        var client = new ChatClient(model, new ApiKeyCredential(key), OpenAiErrors.ClientOptions(settings, http.CreateClient(OpenAiHttp.ClientName)));
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

        // One askvideo.ai.request.duration sample per answer, until its last token; an answer its reader abandoned
        // (the user left) is neither a success nor a provider error and is not recorded.
        var started = time.GetTimestamp();
        string? error = null;
        var finished = false;
        ChatTokenUsage? usage = null;
        IAsyncEnumerator<StreamingChatCompletionUpdate> updates;
        try
        {
            updates = client.CompleteChatStreamingAsync(messages, completion, cancellationToken).GetAsyncEnumerator(cancellationToken);
        }
        catch (Exception ex) when (OpenAiErrors.Map(ex, cancellationToken) is { } mapped)
        {
            metrics.AiRequest(AppMetrics.AiOperation.Chat, model, time.GetElapsedTime(started), mapped.Code.Value);
            throw mapped;
        }
        try
        {
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
                        error = mapped.Code.Value;
                        throw mapped;
                    }
                    usage = update.Usage ?? usage;
                    var text = string.Concat(update.ContentUpdate.Select(part => part.Text));
                    if (text.Length > 0 || update.Usage is not null)
                        yield return new ChatChunk(text, update.Usage?.InputTokenCount, update.Usage?.OutputTokenCount);
                }
                finished = true;
            }
        }
        finally
        {
            if (finished || error is not null) metrics.AiRequest(AppMetrics.AiOperation.Chat, model, time.GetElapsedTime(started), error);
            if (usage is not null) metrics.AiTokens(AppMetrics.AiOperation.Chat, model, usage.InputTokenCount, usage.OutputTokenCount);
        }
    }
}

using System.Text.Json;
using AskVideo.Application.Chat.Common;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Domain.Common;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace AskVideo.Api.Http;

/// <summary>
/// Sends a prepared answer as JSON, or as server-sent events (`citations`, `delta`…, `done`, or `error`) when the
/// client asked to stream. The first piece of text is awaited before anything is written, so a provider that
/// refuses at once (an invalid key, a rate limit) still gets an ordinary problem+json response with its status.
/// A streamed answer holds one of the caller's stream slots (<see cref="StreamGuard"/>, taken by the endpoint's
/// <see cref="StreamLimits.WithStreamLimits"/> filter with <see cref="IsStream"/>): over the cap it is refused with 429
/// <c>too_many_streams</c> before any retrieval, and it ends with an <c>error</c> event (401 <c>unauthenticated</c>)
/// if the caller's session ends meanwhile.
/// </summary>
internal static class AnswerStreaming
{
    private const string SessionEndedEvent =
        "event: error\ndata: {\"status\":401,\"code\":\"unauthenticated\",\"detail\":\"You were signed out while the answer was being written.\"}\n\n";

    public static bool Wants(HttpRequest request, bool? stream) =>
        stream == true || request.Headers.Accept.Any(a => a?.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>Whether a chat request (an <see cref="Endpoints.ChatEndpoints.AskRequest"/> body) asks for a stream.</summary>
    public static bool IsStream(EndpointFilterInvocationContext invocation) =>
        Wants(invocation.HttpContext.Request, invocation.Arguments.OfType<Endpoints.ChatEndpoints.AskRequest>().FirstOrDefault()?.Stream);

    public static async Task<IResult> RespondAsync(HttpContext context, AnswerStream answer, bool stream, CancellationToken cancellationToken)
    {
        if (!stream) return TypedResults.Ok(await answer.CompleteAsync(cancellationToken));

        var guard = context.Features.Get<StreamGuard>();
        if (guard is not null) cancellationToken = guard.Token;
        var json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        await using var events = answer.RunAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        var more = await events.MoveNextAsync(); // may throw: still before the response started

        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        async Task SendAsync(string name, object data)
        {
            await response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data, json)}\n\n", cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
        }

        await SendAsync("citations", answer.Candidates);
        try
        {
            while (more)
            {
                switch (events.Current)
                {
                    case AnswerEvent.Delta delta:
                        await SendAsync("delta", new { text = delta.Text });
                        break;
                    case AnswerEvent.Done done:
                        await SendAsync("done", done.Answer);
                        break;
                }
                more = await events.MoveNextAsync();
            }
        }
        catch (AppException ex) when (!cancellationToken.IsCancellationRequested)
        {
            var status = ex is UpstreamException limited && limited.Code == ErrorCode.AiRateLimited ? 429 : ex is UpstreamException { Transient: true } ? 503 : 502;
            await SendAsync("error", new { status, code = ex.Code.Value, detail = ex.Message });
        }
        catch (OperationCanceledException) when (guard is { SessionEnded: true } && !context.RequestAborted.IsCancellationRequested)
        {
            await response.WriteAsync(SessionEndedEvent, context.RequestAborted);
        }
        return Results.Empty;
    }
}

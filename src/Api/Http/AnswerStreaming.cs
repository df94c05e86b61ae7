using System.Text.Json;
using AskVideo.Application.Chat.Common;
using AskVideo.Application.Common.Exceptions;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace AskVideo.Api.Http;

/// <summary>
/// Sends a prepared answer as JSON, or as server-sent events (`citations`, `delta`…, `done`, or `error`) when the
/// client asked to stream. The first piece of text is awaited before anything is written, so a provider that
/// refuses at once (an invalid key, a rate limit) still gets an ordinary problem+json response with its status.
/// </summary>
internal static class AnswerStreaming
{
    public static bool Wants(HttpRequest request, bool? stream) =>
        stream == true || request.Headers.Accept.Any(a => a?.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase) == true);

    public static async Task<IResult> RespondAsync(HttpContext context, AnswerStream answer, bool stream, CancellationToken cancellationToken)
    {
        if (!stream) return TypedResults.Ok(await answer.CompleteAsync(cancellationToken));

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
            var status = ex is UpstreamException { Code: "ai_rate_limited" } ? 429 : ex is UpstreamException { Transient: true } ? 503 : 502;
            await SendAsync("error", new { status, code = ex.Code, detail = ex.Message });
        }
        return Results.Empty;
    }
}

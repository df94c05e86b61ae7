using System.Text.Json;
using AskVideo.Application.Common.Interfaces;
using Microsoft.Extensions.Options;

namespace AskVideo.Api.Http;

/// <summary>
/// Writes a text/event-stream of video status changes, with a keep-alive comment every 15 s. On an endpoint with
/// <see cref="StreamLimits.WithStreamLimits"/> the stream also ends, normally, when its caller's session does.
/// </summary>
internal static class ServerSentEvents
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Sends <paramref name="first"/> as a status event (or, when null, an empty <c>ready</c> event saying the
    /// subscription is live), then every change until the client goes away or the stream guard ends the stream.
    /// </summary>
    public static async Task StreamAsync(HttpContext context, VideoStatusEvent? first, IAsyncEnumerable<VideoStatusEvent> changes, CancellationToken cancellationToken)
    {
        if (context.Features.Get<StreamGuard>() is { } guard) cancellationToken = guard.Token;
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        var json = context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

        async Task WriteAsync(string text)
        {
            await response.WriteAsync(text, cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
        }

        try
        {
            await WriteAsync(first is null ? "event: ready\ndata: {}\n\n" : $"event: status\ndata: {JsonSerializer.Serialize(first, json)}\n\n");
            await using var enumerator = changes.GetAsyncEnumerator(cancellationToken);
            var next = enumerator.MoveNextAsync().AsTask();
            while (!cancellationToken.IsCancellationRequested)
            {
                var finished = await Task.WhenAny(next, Task.Delay(KeepAlive, cancellationToken));
                if (cancellationToken.IsCancellationRequested) break;
                if (finished != next)
                {
                    await WriteAsync(": keep-alive\n\n");
                    continue;
                }
                if (!await next) break;
                await WriteAsync($"event: status\ndata: {JsonSerializer.Serialize(enumerator.Current, json)}\n\n");
                next = enumerator.MoveNextAsync().AsTask();
            }
            // The subscription ends with the request (or the guard); let the pending read observe that before the enumerator is disposed.
            try
            {
                await next;
            }
            catch (OperationCanceledException)
            {
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away, or the guard ended the stream while an event was being written.
        }
    }
}

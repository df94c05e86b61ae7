using AskVideo.Application.Common.Interfaces;

namespace AskVideo.Application.Videos.Events;

/// <summary>
/// A live subscription to video status changes: <see cref="First"/> is the state read after subscribing (null for a
/// whole library, whose client refetches its list instead), <see cref="Changes"/> yields every change until the
/// request's cancellation token fires. Enumerate <see cref="Changes"/> to release the subscription.
/// </summary>
public sealed record VideoEventStream(VideoStatusEvent? First, IAsyncEnumerable<VideoStatusEvent> Changes)
{
    /// <summary>Ends a subscription that will not be streamed (its enumeration is what unsubscribes).</summary>
    internal static async Task ReleaseAsync(IAsyncEnumerable<VideoStatusEvent> changes)
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        try
        {
            await foreach (var _ in changes.WithCancellation(cancelled.Token))
            {
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}

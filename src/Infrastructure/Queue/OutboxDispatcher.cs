using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AskVideo.Infrastructure.Queue;

/// <summary>Moves committed jobs from the outbox table onto the Redis queue.</summary>
internal sealed class OutboxDispatcher(
    JobStore store,
    RedisJobQueue queue,
    RedisConnection redis,
    OutboxSignal signal,
    IOptions<QueueOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await SubscribeToRemoteWakeUpsAsync();
        var poll = TimeSpan.FromMilliseconds(options.Value.PollMilliseconds);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                int dispatched;
                do
                {
                    dispatched = await store.DispatchDueAsync(BatchSize, queue.PushAsync, stoppingToken);
                }
                while (dispatched == BatchSize && !stoppingToken.IsCancellationRequested);
                failures = 0;
                await signal.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                failures++;
                logger.LogWarning(ex, "Outbox dispatch failed ({Failures} in a row)", failures);
                await Task.Delay(Backoff.Delay(failures, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10)), stoppingToken)
                    .ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task SubscribeToRemoteWakeUpsAsync()
    {
        try
        {
            await redis.Subscriber.SubscribeAsync(queue.OutboxChannel, (_, _) => signal.NotifyLocal());
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not subscribe to outbox wake-ups; polling only");
        }
    }
}

internal static class Backoff
{
    /// <summary>Exponential backoff with equal jitter: a random delay in [delay/2, delay], so retries never bunch at zero.</summary>
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        var exponent = Math.Min(Math.Max(attempt - 1, 0), 20);
        var capped = Math.Min(baseDelay.TotalMilliseconds * Math.Pow(2, exponent), maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped / 2 + Random.Shared.NextDouble() * capped / 2);
    }
}

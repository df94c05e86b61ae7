using AskVideo.Application.Common.Interfaces;
using Microsoft.Extensions.Logging;

namespace AskVideo.Infrastructure.Queue;

/// <summary>The Redis list depths for the admin overview; unknown (null) rather than an error while Redis is down.</summary>
internal sealed class QueueMonitor(RedisJobQueue queue, RedisConnection redis, ILogger<QueueMonitor> logger) : IQueueMonitor
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    public async Task<QueueDepths?> TryGetDepthsAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (!redis.Multiplexer.IsConnected) return null;
            var (pending, processing) = await queue.CountsAsync().WaitAsync(Timeout, cancellationToken);
            return new QueueDepths(pending, processing);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Redis queue depths unavailable");
            return null;
        }
    }
}

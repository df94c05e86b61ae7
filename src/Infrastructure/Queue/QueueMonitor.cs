using AskVideo.Application.Common.Interfaces;

namespace AskVideo.Infrastructure.Queue;

internal sealed class QueueMonitor(RedisJobQueue queue) : IQueueMonitor
{
    public Task<(long Pending, long Processing, long DeadLetters)> GetRedisCountsAsync(CancellationToken cancellationToken) => queue.CountsAsync();
}

namespace AskVideo.Application.Common.Interfaces;

/// <summary>Entries in the Redis pending and processing lists.</summary>
public sealed record RedisQueueDepths(long Pending, long Processing);

/// <summary>Redis-side queue depths, for the admin overview. They are extras: PostgreSQL holds the jobs' truth.</summary>
public interface IQueueMonitor
{
    /// <summary>The depths, or null while Redis is unreachable.</summary>
    Task<RedisQueueDepths?> TryGetRedisDepthsAsync(CancellationToken cancellationToken);
}

namespace AskVideo.Application.Common.Interfaces;

/// <summary>Redis-side queue depths, for the admin overview.</summary>
public interface IQueueMonitor
{
    Task<(long Pending, long Processing, long DeadLetters)> GetRedisCountsAsync(CancellationToken cancellationToken);
}

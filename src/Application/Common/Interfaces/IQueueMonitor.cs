namespace AskVideo.Application.Common.Interfaces;

/// <summary>Entries in the delivery queue: waiting to be claimed, and claimed by a worker but not yet acknowledged.</summary>
public sealed record QueueDepths(long Pending, long Processing);

/// <summary>
/// The delivery queue's depths, for the admin overview. They are extras: the jobs' truth is in the database, and the
/// delivery queue only carries their ids to the workers.
/// </summary>
public interface IQueueMonitor
{
    /// <summary>The depths, or null while the delivery queue is unreachable.</summary>
    Task<QueueDepths?> TryGetDepthsAsync(CancellationToken cancellationToken);
}

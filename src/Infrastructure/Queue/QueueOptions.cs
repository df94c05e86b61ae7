using System.ComponentModel.DataAnnotations;

namespace AskVideo.Infrastructure.Queue;

/// <summary>Background job queue settings (section "Queue").</summary>
public sealed class QueueOptions
{
    public const string SectionName = "Queue";

    /// <summary>Prefix for every Redis key of the queue, so several installs can share one Redis.</summary>
    [Required, RegularExpression("^[a-zA-Z0-9:_-]{1,32}$")]
    public string KeyPrefix { get; set; } = "avq";

    /// <summary>Run the consumer in this process. The Worker host always does; the API does in the single-machine run.</summary>
    public bool ConsumerEnabled { get; set; }

    /// <summary>Jobs run at once by this process.</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 2;

    /// <summary>How long a claimed job is leased before it is considered abandoned. Renewed while the job runs.</summary>
    [Range(5, 3600)]
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>Fallback poll interval when no pub/sub wake-up arrives.</summary>
    [Range(50, 60_000)]
    public int PollMilliseconds { get; set; } = 1000;

    /// <summary>Attempts before a retryable job is moved to the dead letters.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    [Range(1, 3600)]
    public int RetryBaseSeconds { get; set; } = 2;

    [Range(1, 86_400)]
    public int RetryMaxSeconds { get; set; } = 300;

    /// <summary>How often the reaper and reconciler run.</summary>
    [Range(1, 3600)]
    public int MaintenanceSeconds { get; set; } = 5;

    /// <summary>A dispatched job missing from Redis for this long is re-enqueued (e.g. after a Redis flush).</summary>
    [Range(1, 3600)]
    public int ReconcileAfterSeconds { get; set; } = 30;
}

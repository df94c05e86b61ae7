using AskVideo.Domain.Common;

namespace AskVideo.Domain.Jobs;

public enum JobStatus
{
    /// <summary>Written by the enqueuing transaction, not yet on the Redis queue (or due for a retry).</summary>
    Pending = 0,

    /// <summary>Pushed onto the Redis queue.</summary>
    Dispatched = 1,

    /// <summary>Claimed by a consumer that holds a lease until <see cref="Job.LeaseUntil"/>.</summary>
    Running = 2,

    Succeeded = 3,

    /// <summary>Failed permanently (not retryable).</summary>
    Failed = 4,

    /// <summary>Retryable failures (or crashed attempts) exhausted the attempts; the dead letters, retriable by hand.</summary>
    Dead = 5,
}

/// <summary>
/// The durable record of a background job (the outbox). It is written in the same transaction as the state
/// change that needs it, so a job exists exactly when its cause was committed, whatever happens to Redis.
/// </summary>
public sealed class Job
{
    /// <summary>"00-" + 32 + "-" + 16 + "-" + 2 hex digits is 55; later versions of the format may append fields.</summary>
    public const int MaxTraceParentLength = 256;

    private Job()
    {
        Type = string.Empty;
        Payload = "{}";
    }

    public Guid Id { get; private set; }
    public string Type { get; private set; }
    public string Payload { get; private set; }
    public JobStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public int MaxAttempts { get; private set; }
    public DateTimeOffset AvailableAt { get; private set; }
    public DateTimeOffset? LeaseUntil { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>
    /// The W3C traceparent of the span that enqueued the job (an HTTP request, or another job), so the run continues
    /// that trace; null when there was none.
    /// </summary>
    public string? TraceParent { get; private set; }

    /// <summary>A pending job, due at once or at <paramref name="availableAt"/> (a job scheduled for later).</summary>
    public static Job Create(string type, string payload, DateTimeOffset now, int maxAttempts = 5, string? traceParent = null, DateTimeOffset? availableAt = null)
    {
        if (string.IsNullOrWhiteSpace(type)) throw new DomainException(ErrorCode.InvalidJob, "A job needs a type.");
        return new Job
        {
            Id = Ids.New(),
            Type = type,
            Payload = payload,
            Status = JobStatus.Pending,
            MaxAttempts = Math.Max(1, maxAttempts),
            AvailableAt = availableAt is { } due && due > now ? due : now,
            CreatedAt = now,
            UpdatedAt = now,
            TraceParent = traceParent is { Length: > 0 and <= MaxTraceParentLength } ? traceParent : null,
        };
    }

    /// <summary>Manual retry of a dead or failed job by an admin.</summary>
    public void Retry(DateTimeOffset now)
    {
        if (Status is not (JobStatus.Dead or JobStatus.Failed))
            throw new DomainException(ErrorCode.JobNotRetryable, "Only failed or dead jobs can be retried.");
        Status = JobStatus.Pending;
        Attempts = 0;
        AvailableAt = now;
        LeaseUntil = null;
        UpdatedAt = now;
        FinishedAt = null;
    }
}

namespace AskVideo.Application.Common.Interfaces;

/// <summary>The attempt a background job handler is running as (set by the queue for each run).</summary>
public interface IJobContext
{
    int Attempt { get; }

    int MaxAttempts { get; }

    /// <summary>True when a transient failure now would move the job to the dead letters instead of retrying it.</summary>
    bool IsLastAttempt => Attempt >= MaxAttempts;
}

using AskVideo.Application.Common.Interfaces;

namespace AskVideo.Infrastructure.Queue;

/// <summary>The job running in this DI scope (set by <see cref="JobExecutor"/>; attempt 1 of 1 outside jobs).</summary>
internal sealed class JobContext : IJobContext
{
    /// <summary>The job's type name ("ProcessVideo"), "none" outside jobs; a tag of the step metrics.</summary>
    public string Type { get; set; } = "none";

    public int Attempt { get; set; } = 1;

    public int MaxAttempts { get; set; } = 1;
}

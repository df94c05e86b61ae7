using AskVideo.Application.Common.Interfaces;

namespace AskVideo.Infrastructure.Queue;

/// <summary>The attempt of the job running in this DI scope (set by <see cref="JobExecutor"/>; 1 of 1 outside jobs).</summary>
internal sealed class JobContext : IJobContext
{
    public int Attempt { get; set; } = 1;

    public int MaxAttempts { get; set; } = 1;
}

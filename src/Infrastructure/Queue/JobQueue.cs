using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Jobs;
using AskVideo.Domain.Jobs;
using AskVideo.Infrastructure.Observability;
using AskVideo.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AskVideo.Infrastructure.Queue;

/// <summary>
/// Writes the job row into the caller's unit of work; it becomes visible to dispatchers on commit. The current span's
/// traceparent goes with it, so the worker's run continues the trace of the request that caused it.
/// </summary>
internal sealed class JobQueue(AppDbContext db, JobTypeRegistry registry, IOptions<QueueOptions> options, TimeProvider time) : IJobQueue
{
    public Guid Enqueue(IBackgroundJob job, int? maxAttempts = null) => Add(job, maxAttempts ?? options.Value.MaxAttempts, delay: null);

    public Guid Schedule(IBackgroundJob job, TimeSpan delay) => Add(job, options.Value.MaxAttempts, delay);

    /// <summary>One job row, due now or after <paramref name="delay"/>, carrying the current trace (saved with the caller's changes).</summary>
    private Guid Add(IBackgroundJob job, int maxAttempts, TimeSpan? delay)
    {
        var payload = JobTypeRegistry.Payload(job);
        var now = time.GetUtcNow();
        var row = Job.Create(registry.NameOf(job), payload, now, maxAttempts, Telemetry.CurrentTraceParent(), now + delay);
        db.Jobs.Add(row);
        return row.Id;
    }

    public Task<bool> IsLiveAsync(IBackgroundJob job, CancellationToken cancellationToken)
    {
        var type = registry.NameOf(job);
        var payload = JobTypeRegistry.Payload(job);
        return db.Jobs
            .FromSql($"SELECT * FROM jobs WHERE type = {type} AND status IN ('pending', 'dispatched', 'running') AND payload @> {payload}::jsonb")
            .AnyAsync(cancellationToken);
    }
}

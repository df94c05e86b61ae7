using System.Text.Json;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Jobs;
using AskVideo.Domain.Jobs;
using AskVideo.Infrastructure.Persistence;
using Microsoft.Extensions.Options;

namespace AskVideo.Infrastructure.Queue;

/// <summary>Writes the job row into the caller's unit of work; it becomes visible to dispatchers on commit.</summary>
internal sealed class JobQueue(AppDbContext db, JobTypeRegistry registry, IOptions<QueueOptions> options, TimeProvider time) : IJobQueue
{
    public static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    public Guid Enqueue(IBackgroundJob job, int? maxAttempts = null)
    {
        var payload = JsonSerializer.Serialize(job, job.GetType(), PayloadJson);
        var row = Job.Create(registry.NameOf(job), payload, time.GetUtcNow(), maxAttempts ?? options.Value.MaxAttempts);
        db.Jobs.Add(row);
        return row.Id;
    }
}

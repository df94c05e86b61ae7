using AskVideo.Domain.Jobs;
using AskVideo.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Integration.Tests.Infrastructure;

/// <summary>Seeds job rows in a state the domain only reaches by running them (dead, failed, running…).</summary>
public static class JobRows
{
    /// <summary>
    /// Adds <paramref name="job"/> (with whatever else <paramref name="db"/> tracks) already in <paramref name="status"/>,
    /// in one transaction. Committed as pending first, it could be dispatched and run by the suite's worker before the
    /// update made it <paramref name="status"/> (a CI failure of <c>RetryProcessVideoJobTests</c> was that race).
    /// </summary>
    public static async Task<Guid> AddAsync(AppDbContext db, Job job, JobStatus status, int attempts = 0, string? lastError = null)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Jobs.Add(job);
        await db.SaveChangesAsync();
        var state = status.ToString().ToLowerInvariant();
        await db.Database.ExecuteSqlAsync($"UPDATE jobs SET status = {state}, attempts = {attempts}, last_error = {lastError} WHERE id = {job.Id}");
        await transaction.CommitAsync();
        return job.Id;
    }
}

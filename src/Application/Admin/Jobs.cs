using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Common.Models;
using AskVideo.Domain.Jobs;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Admin;

/// <summary>
/// Queue statistics. <see cref="Pending"/> and <see cref="Processing"/> are Redis list depths, null while Redis is
/// unreachable; the rest are counted in PostgreSQL, the jobs' source of truth: <see cref="DeadLetters"/> are dead jobs,
/// <see cref="Scheduled"/> pending ones, <see cref="Failed"/> failed plus dead ones.
/// </summary>
public sealed record QueueStatsDto(long? Pending, long? Processing, long DeadLetters, long Scheduled, long Running, long Failed);

public sealed record JobDto(
    Guid Id,
    string Type,
    string Status,
    int Attempts,
    int MaxAttempts,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt);

public sealed record JobsOverviewDto(QueueStatsDto Queue, Paged<JobDto> Jobs);

/// <summary>status: dead (default), failed, running, pending, dispatched, succeeded or all.</summary>
public sealed record ListJobsQuery(string? Status, int Page, int PageSize) : IQuery<JobsOverviewDto>, IRequireAdmin;

internal sealed class ListJobsValidator : AbstractValidator<ListJobsQuery>
{
    private static readonly string[] Statuses = ["dead", "failed", "running", "pending", "dispatched", "succeeded", "all"];

    public ListJobsValidator()
    {
        RuleFor(q => q.Status).Must(s => s is null || Statuses.Contains(s)).WithMessage($"status must be one of {string.Join(", ", Statuses)}.");
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize);
    }
}

internal sealed class ListJobsHandler(IAppDbContext db, IQueueMonitor monitor) : IRequestHandler<ListJobsQuery, JobsOverviewDto>
{
    public async Task<JobsOverviewDto> Handle(ListJobsQuery request, CancellationToken cancellationToken)
    {
        var depths = await monitor.TryGetRedisDepthsAsync(cancellationToken);
        var counts = await db.Jobs.GroupBy(j => j.Status).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(cancellationToken);
        long Count(JobStatus s) => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0;
        var stats = new QueueStatsDto(depths?.Pending, depths?.Processing, Count(JobStatus.Dead), Count(JobStatus.Pending), Count(JobStatus.Running),
            Count(JobStatus.Failed) + Count(JobStatus.Dead));

        var jobs = db.Jobs.AsNoTracking();
        var status = request.Status ?? "dead";
        if (status != "all") jobs = jobs.Where(j => j.Status == Enum.Parse<JobStatus>(status, true));
        var total = await jobs.LongCountAsync(cancellationToken);
        var rows = await jobs.OrderByDescending(j => j.UpdatedAt).Skip(Paging.Skip(request.Page, request.PageSize)).Take(request.PageSize).ToListAsync(cancellationToken);
        var items = rows.Select(j => new JobDto(j.Id, j.Type, j.Status.ToString().ToLowerInvariant(), j.Attempts, j.MaxAttempts, j.LastError, j.CreatedAt, j.UpdatedAt, j.FinishedAt)).ToList();
        return new JobsOverviewDto(stats, new Paged<JobDto>(items, request.Page, request.PageSize, total));
    }
}

public sealed record RetryJobCommand(Guid Id) : ICommand<Unit>, IRequireAdmin;

internal sealed class RetryJobHandler(IAppDbContext db, TimeProvider time) : IRequestHandler<RetryJobCommand, Unit>
{
    public async Task<Unit> Handle(RetryJobCommand request, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.SingleOrDefaultAsync(j => j.Id == request.Id, cancellationToken) ?? throw new NotFoundException("job");
        if (job.Status is not (JobStatus.Dead or JobStatus.Failed))
            throw new ConflictException("job_not_retryable", $"Only failed or dead jobs can be retried; this one is {job.Status.ToString().ToLowerInvariant()}.");
        job.Retry(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>Enqueues no-op jobs to check the queue end to end (operators, benchmarks). All are written in one transaction.</summary>
public sealed record EnqueuePingJobsCommand(int Count) : ICommand<PingJobsDto>, IRequireAdmin;

public sealed record PingJobsDto(IReadOnlyList<Guid> JobIds);

internal sealed class EnqueuePingJobsValidator : AbstractValidator<EnqueuePingJobsCommand>
{
    public EnqueuePingJobsValidator() => RuleFor(c => c.Count).InclusiveBetween(1, 10_000);
}

internal sealed class EnqueuePingJobsHandler(IAppDbContext db, IJobQueue jobs) : IRequestHandler<EnqueuePingJobsCommand, PingJobsDto>
{
    public async Task<PingJobsDto> Handle(EnqueuePingJobsCommand request, CancellationToken cancellationToken)
    {
        var ids = Enumerable.Range(0, request.Count).Select(i => jobs.Enqueue(new Jobs.Ping.PingJob($"ping {i + 1}/{request.Count}"))).ToList();
        await db.SaveChangesAsync(cancellationToken);
        return new PingJobsDto(ids);
    }
}

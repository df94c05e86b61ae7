using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Common.Models;
using AskVideo.Application.Common.Validation;
using AskVideo.Domain.Jobs;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Admin.Jobs;

/// <summary>
/// Queue statistics. <see cref="Pending"/> and <see cref="Processing"/> are the delivery queue's depths, null while it
/// is unreachable; the rest are counted in the database, the jobs' source of truth: <see cref="DeadLetters"/> are dead
/// jobs, <see cref="Scheduled"/> pending ones, <see cref="Failed"/> failed plus dead ones.
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
        RuleFor(q => q.Status).Must(s => s is null || Statuses.Contains(s)).WithMessage($"status must be one of {string.Join(", ", Statuses)}.")
            .WithFieldCode(FieldErrorCode.InvalidChoice, ("allowed", FieldErrors.Allowed(Statuses)));
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize);
    }
}

internal sealed class ListJobsHandler(IAppDbContext db, IQueueMonitor monitor) : IRequestHandler<ListJobsQuery, JobsOverviewDto>
{
    public async Task<JobsOverviewDto> Handle(ListJobsQuery request, CancellationToken cancellationToken)
    {
        var depths = await monitor.TryGetDepthsAsync(cancellationToken);
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

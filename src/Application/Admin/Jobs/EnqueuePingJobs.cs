using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Jobs.Ping;
using FluentValidation;
using MediatR;

namespace AskVideo.Application.Admin.Jobs;

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
        var ids = Enumerable.Range(0, request.Count).Select(i => jobs.Enqueue(new PingJob($"ping {i + 1}/{request.Count}"))).ToList();
        await db.SaveChangesAsync(cancellationToken);
        return new PingJobsDto(ids);
    }
}

using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Domain.Common;
using AskVideo.Domain.Jobs;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Admin.Jobs;

/// <summary>Puts a failed or dead job back on the queue.</summary>
public sealed record RetryJobCommand(Guid Id) : ICommand<Unit>, IRequireAdmin;

internal sealed class RetryJobHandler(IAppDbContext db, TimeProvider time) : IRequestHandler<RetryJobCommand, Unit>
{
    public async Task<Unit> Handle(RetryJobCommand request, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.SingleOrDefaultAsync(j => j.Id == request.Id, cancellationToken) ?? throw new NotFoundException("job");
        if (job.Status is not (JobStatus.Dead or JobStatus.Failed))
            throw new ConflictException(ErrorCode.JobNotRetryable, $"Only failed or dead jobs can be retried; this one is {job.Status.ToString().ToLowerInvariant()}.");
        job.Retry(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

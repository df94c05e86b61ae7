using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Jobs;
using MediatR;
using Microsoft.Extensions.Logging;

namespace AskVideo.Application.Jobs.Ping;

/// <summary>A no-op job used to check the queue end to end (health, benchmarks).</summary>
[JobName("Ping")]
public sealed record PingJob(string? Note) : IBackgroundJob;

internal sealed class PingJobHandler(ILogger<PingJobHandler> logger) : IRequestHandler<PingJob, Unit>
{
    public Task<Unit> Handle(PingJob request, CancellationToken cancellationToken)
    {
        logger.LogInformation("Ping job handled: {Note}", request.Note);
        return Task.FromResult(Unit.Value);
    }
}

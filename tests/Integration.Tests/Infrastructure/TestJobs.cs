using System.Collections.Concurrent;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Jobs;
using MediatR;

namespace AskVideo.Integration.Tests.Infrastructure;

/// <summary>A job that fails with a transient error <see cref="FailTimes"/> times, then succeeds. Test wiring only.</summary>
[JobName("Flaky")]
public sealed record FlakyJob(Guid Key, int FailTimes) : IBackgroundJob;

public sealed class FlakyJobHandler : IRequestHandler<FlakyJob, Unit>
{
    public static readonly ConcurrentDictionary<Guid, int> Runs = new();

    public Task<Unit> Handle(FlakyJob request, CancellationToken cancellationToken)
    {
        var run = Runs.AddOrUpdate(request.Key, 1, (_, n) => n + 1);
        if (run <= request.FailTimes) throw new InvalidOperationException($"Transient failure {run} of {request.FailTimes}.");
        return Task.FromResult(Unit.Value);
    }
}

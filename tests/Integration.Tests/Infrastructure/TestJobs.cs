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

/// <summary>A job that runs until the test releases it or its CancellationToken fires. Test wiring only.</summary>
[JobName("Gated")]
public sealed record GatedJob(Guid Key) : IBackgroundJob;

public sealed class GatedJobHandler : IRequestHandler<GatedJob, Unit>
{
    public static readonly ConcurrentDictionary<Guid, TaskCompletionSource> Started = new();
    public static readonly ConcurrentDictionary<Guid, TaskCompletionSource> Release = new();
    public static readonly ConcurrentDictionary<Guid, TaskCompletionSource> Cancelled = new();

    public static TaskCompletionSource Gate(ConcurrentDictionary<Guid, TaskCompletionSource> gates, Guid key) =>
        gates.GetOrAdd(key, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public async Task<Unit> Handle(GatedJob request, CancellationToken cancellationToken)
    {
        Gate(Started, request.Key).TrySetResult();
        try
        {
            await Gate(Release, request.Key).Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Gate(Cancelled, request.Key).TrySetResult();
            throw;
        }
        return Unit.Value;
    }
}

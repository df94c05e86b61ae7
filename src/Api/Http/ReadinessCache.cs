using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AskVideo.Api.Http;

/// <summary>
/// The readiness report behind the public <c>/health/ready</c>: one run of the checks is shared by every request that
/// arrives while it runs and for a second after it completes, so a flood of readiness probes costs the database one
/// query a second at most. The run belongs to no request: a caller that goes away does not cancel it for the others.
/// </summary>
public sealed class ReadinessCache(HealthCheckService health, TimeProvider time)
{
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private Task<HealthReport>? _current;
    private long _completedAt;

    public Task<HealthReport> GetAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var reuse = _current is { IsCompleted: false } ||
                        (_current is { IsCompletedSuccessfully: true } && time.GetElapsedTime(_completedAt) < Fresh);
            if (!reuse) _current = RunAsync();
            return _current!.WaitAsync(cancellationToken);
        }
    }

    private async Task<HealthReport> RunAsync()
    {
        // Off the caller's thread and lock; the checks have their own timeouts.
        await Task.Yield();
        var report = await health.CheckHealthAsync(c => c.Tags.Contains("ready"), CancellationToken.None);
        _completedAt = time.GetTimestamp();
        return report;
    }
}

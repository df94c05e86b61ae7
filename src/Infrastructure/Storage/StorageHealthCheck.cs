using AskVideo.Application.Common.Interfaces;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AskVideo.Infrastructure.Storage;

internal sealed class StorageHealthCheck(IVideoStorage storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            switch (storage)
            {
                case LocalVideoStorage local:
                    await local.CheckWritableAsync(cancellationToken);
                    return HealthCheckResult.Healthy("local");
                case IStorageProbe probe:
                    await probe.CheckAsync(cancellationToken);
                    return HealthCheckResult.Healthy("s3");
                default:
                    return HealthCheckResult.Healthy();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Media storage is not writable or unreachable.");
        }
    }
}

/// <summary>Implemented by remote stores that can check their reachability.</summary>
internal interface IStorageProbe
{
    Task CheckAsync(CancellationToken cancellationToken);
}

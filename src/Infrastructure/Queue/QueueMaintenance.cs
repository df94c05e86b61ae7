using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AskVideo.Infrastructure.Queue;

/// <summary>
/// The reaper (expired Redis claims back to pending) and the reconciler (outbox rows that Redis lost, e.g. after a
/// flush or a crash between steps, are dispatched again; membership is one SMISMEMBER on the queue's id set, not a
/// scan of the lists). One process at a time does it, under an advisory lock.
/// </summary>
internal sealed class QueueMaintenance(
    JobStore store,
    RedisJobQueue queue,
    OutboxSignal signal,
    IOptions<QueueOptions> options,
    ILogger<QueueMaintenance> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(options.Value.MaintenanceSeconds);
        await DropLegacyDeadLettersAsync();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, stoppingToken);
                await store.WithMaintenanceLockAsync(() => RunOnceAsync(stoppingToken), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Queue maintenance failed");
            }
        }
    }

    private async Task DropLegacyDeadLettersAsync()
    {
        try
        {
            await queue.DropLegacyDeadLettersAsync();
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "The legacy Redis dead-letter list was not removed");
        }
    }

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var reaped = await queue.ReapAsync();
        if (reaped > 0) logger.LogWarning("Reaper returned {Count} expired job leases to the queue", reaped);

        var stale = await store.FindStaleAsync(TimeSpan.FromSeconds(options.Value.ReconcileAfterSeconds), 500, cancellationToken);
        if (stale.Count == 0) return;
        var queued = await queue.FindQueuedAsync(stale);
        var missing = stale.Where(id => !queued.Contains(id)).ToList();
        var requeued = await store.RequeueAsync(missing, cancellationToken);
        if (requeued > 0)
        {
            logger.LogWarning("Reconciler re-enqueued {Count} jobs missing from Redis", requeued);
            signal.NotifyLocal();
        }
    }
}

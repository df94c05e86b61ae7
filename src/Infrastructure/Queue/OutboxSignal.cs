using System.Data.Common;
using AskVideo.Domain.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace AskVideo.Infrastructure.Queue;

/// <summary>
/// Wakes dispatchers as soon as a transaction that enqueued jobs commits: the local one directly, the ones in
/// other processes through Redis pub/sub. Dispatchers also poll, so a lost signal only costs latency.
/// </summary>
public sealed class OutboxSignal(RedisJobQueue queue, ILogger<OutboxSignal> logger) : IDisposable
{
    private readonly SemaphoreSlim _local = new(0, 1);

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        await _local.WaitAsync(timeout, cancellationToken);

    public void Notify()
    {
        NotifyLocal();
        _ = PublishAsync();
    }

    public void NotifyLocal()
    {
        try
        {
            _local.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    public void Dispose() => _local.Dispose();

    private async Task PublishAsync()
    {
        try
        {
            await queue.PublishOutboxWakeAsync();
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "Outbox wake-up not published; dispatchers will poll");
        }
    }
}

/// <summary>Detects committed job rows and fires the <see cref="OutboxSignal"/>.</summary>
internal sealed class OutboxSaveChangesInterceptor(OutboxSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private bool _pending;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Track(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Track(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SignalIfCommitted(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        SignalIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Flush();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Flush();
        return Task.CompletedTask;
    }

    private void Track(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<Job>().Any(e => e.State == EntityState.Added)) _pending = true;
    }

    private void SignalIfCommitted(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null) Flush();
    }

    private void Flush()
    {
        if (!_pending) return;
        _pending = false;
        signal.Notify();
    }
}

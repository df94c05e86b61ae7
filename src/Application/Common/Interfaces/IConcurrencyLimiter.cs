namespace AskVideo.Application.Common.Interfaces;

/// <summary>
/// Caps work that stays open (event streams) per key, across every API instance. A slot is a lease: its holder renews
/// it while the work runs, and a slot whose instance died lapses by itself.
/// </summary>
public interface IConcurrencyLimiter
{
    /// <summary>A slot of <paramref name="bucket"/>/<paramref name="key"/>, or null when <paramref name="limit"/> slots are taken.</summary>
    Task<IConcurrencySlot?> TryAcquireAsync(string bucket, string key, int limit, TimeSpan lease, CancellationToken cancellationToken);
}

/// <summary>A held slot; disposing it frees the slot.</summary>
public interface IConcurrencySlot : IAsyncDisposable
{
    /// <summary>Extends the lease by its full length from now.</summary>
    Task RenewAsync(CancellationToken cancellationToken);
}

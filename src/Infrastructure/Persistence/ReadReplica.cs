using AskVideo.Application.Common.Interfaces;
using AskVideo.Infrastructure.Queue;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using StackExchange.Redis;

namespace AskVideo.Infrastructure.Persistence;

/// <summary>
/// The pool of the optional read replica (Database:ReadOnlyConnectionString). Its statements leave no session state
/// behind, so, like <see cref="StatelessReadPool"/>, its connections skip Npgsql's reset on reuse.
/// </summary>
public sealed class ReplicaPool(IOptions<DatabaseOptions> options) : IAsyncDisposable
{
    private readonly Lazy<NpgsqlDataSource?> _dataSource = new(() =>
        options.Value.HasReadReplica ? DataSources.Create(options.Value.ReadOnlyConnectionString!, resetOnReuse: false) : null);

    /// <summary>The replica's pool, or null when no replica is configured.</summary>
    public NpgsqlDataSource? DataSource => _dataSource.Value;

    public ValueTask DisposeAsync() => _dataSource.IsValueCreated && _dataSource.Value is { } source ? source.DisposeAsync() : ValueTask.CompletedTask;
}

/// <summary>
/// Chooses the pool of a read-only query (the library list, search, chat analytics). Without a replica it is always
/// the primary's. With one it is the replica's, except for an owner whose data changed in the last
/// Database:ReadYourWritesSeconds (their own command, or a status change of one of their videos): a replica lags the
/// primary by a moment, and the SPA reads right after a write. The marks live in Redis, so every API instance sees
/// them; when Redis cannot answer, the primary serves (never a stale read because of an outage). A replica that cannot
/// be reached is left alone for <see cref="RetryAfter"/> while the primary serves its reads.
/// </summary>
public sealed class ReadRouting(
    ReplicaPool replica, RedisConnection redis, IOptions<DatabaseOptions> database, IOptions<QueueOptions> queue, TimeProvider time, ILogger<ReadRouting> logger)
    : IReadConsistency
{
    /// <summary>How long reads stay on the primary after the replica could not be reached.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    private long _replicaDownUntilTicks;

    /// <summary>No replica: every read on the primary (for code that builds the readers by hand, such as tests). Never touches Redis.</summary>
    internal static ReadRouting PrimaryOnly()
    {
        var database = Options.Create(new DatabaseOptions());
        return new ReadRouting(new ReplicaPool(database), new RedisConnection(Options.Create(new RedisOptions())), database,
            Options.Create(new QueueOptions()), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<ReadRouting>.Instance);
    }

    private TimeSpan Window => TimeSpan.FromSeconds(database.Value.ReadYourWritesSeconds);

    private RedisKey Key(Guid ownerId) => $"{queue.Value.KeyPrefix}:recent-write:{ownerId:N}";

    /// <summary>
    /// An open connection to read <paramref name="ownerId"/>'s data: from the replica, or from <paramref name="primary"/>
    /// (no replica, a recent write of the owner, or a replica that cannot be reached).
    /// </summary>
    public async ValueTask<NpgsqlConnection> OpenAsync(Guid ownerId, NpgsqlDataSource primary, CancellationToken cancellationToken)
    {
        var source = await ForOwnerAsync(ownerId, primary, cancellationToken);
        if (ReferenceEquals(source, primary)) return await primary.OpenConnectionAsync(cancellationToken);
        try
        {
            return await source.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            Interlocked.Exchange(ref _replicaDownUntilTicks, (time.GetUtcNow() + RetryAfter).UtcTicks);
            logger.LogWarning("The read replica cannot be reached ({Error}); the primary serves its reads for the next {Seconds} s",
                ex.Message, (int)RetryAfter.TotalSeconds);
            return await primary.OpenConnectionAsync(cancellationToken);
        }
    }

    /// <summary>The pool to read <paramref name="ownerId"/>'s data from: the replica's, or <paramref name="primary"/>.</summary>
    private async ValueTask<NpgsqlDataSource> ForOwnerAsync(Guid ownerId, NpgsqlDataSource primary, CancellationToken cancellationToken)
    {
        if (replica.DataSource is not { } replicaSource) return primary;
        if (time.GetUtcNow().UtcTicks < Interlocked.Read(ref _replicaDownUntilTicks)) return primary;
        if (Window == TimeSpan.Zero) return replicaSource;
        try
        {
            return await redis.Database.KeyExistsAsync(Key(ownerId)).WaitAsync(cancellationToken) ? primary : replicaSource;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogDebug("Read routed to the primary: recent writes unknown ({Error})", ex.Message);
            return primary;
        }
    }

    public async Task MarkWrittenAsync(Guid ownerId, CancellationToken cancellationToken)
    {
        if (replica.DataSource is null || Window == TimeSpan.Zero) return;
        try
        {
            await redis.Database.StringSetAsync(Key(ownerId), 1, Window).WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Reads check the same Redis: while it fails they go to the primary anyway.
            logger.LogDebug("Recent write of {OwnerId} not recorded: {Error}", ownerId, ex.Message);
        }
    }
}

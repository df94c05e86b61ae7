using System.Text.Json;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Infrastructure.Queue;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AskVideo.Infrastructure.Storage;

/// <summary>
/// Announced uploads in Redis: one key per upload expiring with it, and per owner a sorted set (by expiry) that keeps
/// at most <see cref="IPendingUploads.MaxPerOwner"/> of them, so no user can pile them up. GETDEL makes taking one atomic.
/// </summary>
internal sealed class RedisPendingUploads(RedisConnection redis, IOptions<QueueOptions> options, TimeProvider time) : IPendingUploads
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private RedisKey Key(Guid id) => $"{options.Value.KeyPrefix}:upload:{id:N}";

    private RedisKey OwnerKey(Guid ownerId) => $"{options.Value.KeyPrefix}:uploads-of:{ownerId:N}";

    public async Task SaveAsync(PendingUpload upload, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var lifetime = upload.ExpiresAt - now;
        if (lifetime <= TimeSpan.Zero) return;
        var db = redis.Database;
        var owner = OwnerKey(upload.OwnerId);
        await db.StringSetAsync(Key(upload.Id), JsonSerializer.Serialize(upload, Json), lifetime);
        await db.SortedSetRemoveRangeByScoreAsync(owner, double.NegativeInfinity, now.ToUnixTimeSeconds());
        await db.SortedSetAddAsync(owner, upload.Id.ToString("N"), upload.ExpiresAt.ToUnixTimeSeconds());
        await db.KeyExpireAsync(owner, lifetime);
        var count = await db.SortedSetLengthAsync(owner);
        if (count <= IPendingUploads.MaxPerOwner) return;
        foreach (var oldest in await db.SortedSetRangeByRankAsync(owner, 0, count - IPendingUploads.MaxPerOwner - 1))
        {
            await db.KeyDeleteAsync(Key(Guid.ParseExact(oldest.ToString(), "N")));
            await db.SortedSetRemoveAsync(owner, oldest);
        }
    }

    public async Task<PendingUpload?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        Read(await redis.Database.StringGetAsync(Key(id)));

    public async Task<PendingUpload?> TakeAsync(Guid id, CancellationToken cancellationToken)
    {
        var upload = Read(await redis.Database.StringGetDeleteAsync(Key(id)));
        if (upload is not null) await redis.Database.SortedSetRemoveAsync(OwnerKey(upload.OwnerId), id.ToString("N"));
        return upload;
    }

    private static PendingUpload? Read(RedisValue value) => value.IsNullOrEmpty ? null : JsonSerializer.Deserialize<PendingUpload>(value.ToString(), Json);
}

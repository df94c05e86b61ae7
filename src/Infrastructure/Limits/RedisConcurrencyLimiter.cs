using System.Security.Cryptography;
using System.Text;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Infrastructure.Queue;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AskVideo.Infrastructure.Limits;

/// <summary>
/// Slots as members of one Redis sorted set per key, scored by when their lease ends: taking a slot first drops the
/// lapsed ones, then counts, in one script, so every API instance sees the same count. Keys are hashed (no user ids or
/// addresses in clear). If Redis is unreachable the work is allowed and the outage logged, like the rate limiter.
/// </summary>
public sealed class RedisConcurrencyLimiter(RedisConnection redis, IOptions<QueueOptions> queue, TimeProvider time, ILogger<RedisConcurrencyLimiter> logger)
    : IConcurrencyLimiter
{
    // KEYS[1]: the set. ARGV: now (ms), lease end (ms), limit, member, key lifetime (ms).
    private const string AcquireScript = """
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
        if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
        redis.call('ZADD', KEYS[1], ARGV[2], ARGV[4])
        redis.call('PEXPIRE', KEYS[1], ARGV[5])
        return 1
        """;

    public async Task<IConcurrencySlot?> TryAcquireAsync(string bucket, string key, int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        var slot = new Slot(redis, time, logger, Key(bucket, key), Guid.NewGuid().ToString("N"), lease);
        try
        {
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            var taken = (long)(await redis.Database.ScriptEvaluateAsync(AcquireScript, [slot.Key],
                [now, now + (long)lease.TotalMilliseconds, limit, slot.Member, (long)lease.TotalMilliseconds]).WaitAsync(cancellationToken));
            return taken == 1 ? slot : null;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning("Concurrency limit skipped, Redis unavailable: {Error}", ex.Message);
            return slot;
        }
    }

    private RedisKey Key(string bucket, string key)
    {
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..24];
        return $"{queue.Value.KeyPrefix}:slots:{bucket}:{digest}";
    }

    private sealed class Slot(RedisConnection redis, TimeProvider time, ILogger logger, RedisKey key, string member, TimeSpan lease) : IConcurrencySlot
    {
        public RedisKey Key => key;

        public string Member => member;

        public async Task RenewAsync(CancellationToken cancellationToken)
        {
            try
            {
                var ends = time.GetUtcNow().Add(lease).ToUnixTimeMilliseconds();
                var batch = redis.Database.CreateBatch();
                var add = batch.SortedSetAddAsync(key, member, ends);
                var expire = batch.KeyExpireAsync(key, lease);
                batch.Execute();
                await Task.WhenAll(add, expire).WaitAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                logger.LogDebug("Concurrency slot not renewed, Redis unavailable: {Error}", ex.Message);
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await redis.Database.SortedSetRemoveAsync(key, member);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                // The lease lapses by itself.
                logger.LogDebug("Concurrency slot not released, Redis unavailable: {Error}", ex.Message);
            }
        }
    }
}

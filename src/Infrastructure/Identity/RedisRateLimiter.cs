using System.Security.Cryptography;
using System.Text;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Infrastructure.Queue;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AskVideo.Infrastructure.Identity;

/// <summary>
/// Fixed-window counters in Redis (one atomic script per hit), shared by every API instance. Keys are hashed so emails
/// and IPs are not stored in clear. If Redis is unreachable, requests are allowed and the outage is logged: throttling
/// must not take the whole product down with it.
/// </summary>
internal sealed class RedisRateLimiter(RedisConnection redis, IOptions<QueueOptions> queue, ILogger<RedisRateLimiter> logger) : IRateLimiter
{
    /// <summary>Lua that counts a hit on the counter named by the local <c>key</c>: {count, ttl in ms}; ARGV[1] is the window in ms.</summary>
    internal const string CountLua = """
        local n = redis.call('INCR', key)
        local ttl = redis.call('PTTL', key)
        if ttl < 0 then
          redis.call('PEXPIRE', key, ARGV[1])
          ttl = tonumber(ARGV[1])
        end
        return {n, ttl}
        """;

    private const string HitScript = "local key = KEYS[1]\n" + CountLua;

    public async Task<RateLimitDecision> HitAsync(string bucket, string key, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        try
        {
            var result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(HitScript, [Key(bucket, key)], [(long)window.TotalMilliseconds]))!;
            return Decide((long)result[0], (long)result[1], limit);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning("Rate limiting skipped, Redis unavailable: {Error}", ex.Message);
            return new RateLimitDecision(true, limit, TimeSpan.Zero);
        }
    }

    public async Task ResetAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        try
        {
            await redis.Database.KeyDeleteAsync(Key(bucket, key));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning("Rate limit reset skipped, Redis unavailable: {Error}", ex.Message);
        }
    }

    private RedisKey Key(string bucket, string key) => CounterKey(queue.Value.KeyPrefix, bucket, key);

    /// <summary>The counter of <paramref name="key"/> in <paramref name="bucket"/> (also counted by <see cref="RedisSessionCheck"/>).</summary>
    internal static RedisKey CounterKey(string prefix, string bucket, string key)
    {
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..24];
        return $"{prefix}:rl:{bucket}:{digest}";
    }

    internal static RateLimitDecision Decide(long count, long ttlMs, int limit) =>
        new(count <= limit, (int)Math.Max(0, limit - count), count <= limit ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Math.Max(0, ttlMs)));
}

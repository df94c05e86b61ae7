using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Options;
using AskVideo.Infrastructure.Queue;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AskVideo.Infrastructure.Identity;

/// <summary>The outcome of <see cref="RedisSessionCheck.CheckAndCountAsync"/>: revoked, or the budget after counting.</summary>
public sealed record SessionCheck(bool IsRevoked, RateLimitDecision? Budget)
{
    public static readonly SessionCheck Revoked = new(true, null);
}

/// <summary>
/// The check of every cookie-authenticated request, in one Redis round trip (one script): is the session revoked
/// (logout, refresh reuse) or every token of the user issued before a time (password reset, deactivation)? The same
/// markers as <see cref="RedisSessionRevocation.IsRevokedAsync"/>. If not, the request is counted against the user's
/// general budget (<see cref="RateLimitOptions.ApiPerUser"/>, the counter <see cref="RedisRateLimiter"/> keeps); a
/// revoked request is not counted (it goes on as anonymous, under the per-IP budget). If Redis is unreachable the check
/// fails open, as the revocation check and the rate limiter each do (logged).
/// </summary>
public sealed class RedisSessionCheck(
    RedisConnection redis,
    RedisSessionRevocation revocation,
    IOptions<QueueOptions> queue,
    IOptions<RateLimitOptions> limits,
    ILogger<RedisSessionCheck> logger)
{
    /// <summary>The general per-user budget's bucket (the same counter the request pipeline hits for API tokens).</summary>
    public const string UserBudgetBucket = "api-user";

    // KEYS: the session's marker, the user's "revoked before" marker (unix ms), the budget counter.
    // ARGV: the budget window (ms), the token's issue time (unix ms). Returns {-1, 0} when revoked, else {count, ttl}.
    private const string CheckScript = """
        if redis.call('EXISTS', KEYS[1]) == 1 then return {-1, 0} end
        local before = redis.call('GET', KEYS[2])
        if before and tonumber(ARGV[2]) <= tonumber(before) then return {-1, 0} end
        local key = KEYS[3]

        """ + RedisRateLimiter.CountLua;

    public async Task<SessionCheck> CheckAndCountAsync(AccessTokenClaims claims)
    {
        var budget = limits.Value.ApiPerUser;
        try
        {
            var result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(CheckScript,
                [revocation.SessionKey(claims.SessionId), revocation.UserKey(claims.UserId),
                 RedisRateLimiter.CounterKey(queue.Value.KeyPrefix, UserBudgetBucket, claims.UserId.ToString())],
                [(long)budget.Window.TotalMilliseconds, claims.IssuedAt.ToUnixTimeMilliseconds()]))!;
            var count = (long)result[0];
            return count < 0 ? SessionCheck.Revoked : new SessionCheck(false, RedisRateLimiter.Decide(count, (long)result[1], budget.Limit));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning("Session revocation check and rate limiting skipped, Redis unavailable: {Error}", ex.Message);
            return new SessionCheck(false, new RateLimitDecision(true, budget.Limit, TimeSpan.Zero));
        }
    }
}

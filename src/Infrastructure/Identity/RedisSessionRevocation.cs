using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Options;
using AskVideo.Infrastructure.Queue;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AskVideo.Infrastructure.Identity;

/// <summary>
/// Access tokens are stateless for their few minutes of life; revocations bridge that gap. A revoked session (logout,
/// refresh reuse) and "everything of this user issued before T" (password reset, deactivation, deletion) are kept in
/// Redis for one access-token lifetime. If Redis is unreachable the check fails open (logged): refresh tokens,
/// which are checked in PostgreSQL, still end the session within minutes.
/// </summary>
public sealed class RedisSessionRevocation(
    RedisConnection redis,
    IOptions<QueueOptions> queue,
    IOptions<JwtOptions> jwt,
    IOptions<RateLimitOptions> limits,
    TimeProvider time,
    ILogger<RedisSessionRevocation> logger) : ISessionRevocation
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

    private TimeSpan Ttl => TimeSpan.FromMinutes(jwt.Value.AccessTokenMinutes + 1);

    private RedisKey SessionKey(Guid sessionId) => $"{queue.Value.KeyPrefix}:revoked:sid:{sessionId:N}";

    private RedisKey UserKey(Guid userId) => $"{queue.Value.KeyPrefix}:revoked:user:{userId:N}";

    public Task RevokeSessionAsync(Guid sessionId, CancellationToken cancellationToken) =>
        redis.Database.StringSetAsync(SessionKey(sessionId), "1", Ttl);

    public Task RevokeAllSessionsAsync(Guid userId, CancellationToken cancellationToken) =>
        redis.Database.StringSetAsync(UserKey(userId), AccessTokenService.FormatUnix(time.GetUtcNow()), Ttl);

    /// <summary>
    /// The check of every cookie-authenticated request, in one Redis round trip (one script): is the session revoked
    /// (logout, refresh reuse) or the user's every token issued before a time (password reset, deactivation)? If not,
    /// the request is counted against the user's general budget (<see cref="RateLimitOptions.ApiPerUser"/>); a
    /// revoked request is not counted (it goes on as anonymous, under the per-IP budget). If Redis is unreachable the
    /// check fails open, as the rate limiter does (logged).
    /// </summary>
    public async Task<SessionCheck> CheckAndCountAsync(AccessTokenClaims claims)
    {
        var budget = limits.Value.ApiPerUser;
        try
        {
            var result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(CheckScript,
                [SessionKey(claims.SessionId), UserKey(claims.UserId), RedisRateLimiter.CounterKey(queue.Value.KeyPrefix, UserBudgetBucket, claims.UserId.ToString())],
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

/// <summary>The outcome of <see cref="RedisSessionRevocation.CheckAndCountAsync"/>: revoked, or the budget after counting.</summary>
public sealed record SessionCheck(bool IsRevoked, RateLimitDecision? Budget)
{
    public static readonly SessionCheck Revoked = new(true, null);
}

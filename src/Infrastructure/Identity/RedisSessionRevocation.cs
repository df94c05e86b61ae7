using System.Globalization;
using AskVideo.Application.Common.Interfaces;
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
    TimeProvider time,
    ILogger<RedisSessionRevocation> logger) : ISessionRevocation
{
    private TimeSpan Ttl => TimeSpan.FromMinutes(jwt.Value.AccessTokenMinutes + 1);

    internal RedisKey SessionKey(Guid sessionId) => $"{queue.Value.KeyPrefix}:revoked:sid:{sessionId:N}";

    internal RedisKey UserKey(Guid userId) => $"{queue.Value.KeyPrefix}:revoked:user:{userId:N}";

    public Task RevokeSessionAsync(Guid sessionId, CancellationToken cancellationToken) =>
        redis.Database.StringSetAsync(SessionKey(sessionId), "1", Ttl);

    public Task RevokeAllSessionsAsync(Guid userId, CancellationToken cancellationToken) =>
        redis.Database.StringSetAsync(UserKey(userId), AccessTokenService.FormatUnix(time.GetUtcNow()), Ttl);

    public async Task<bool> IsRevokedAsync(AccessTokenClaims claims)
    {
        try
        {
            var values = await redis.Database.StringGetAsync([SessionKey(claims.SessionId), UserKey(claims.UserId)]);
            if (values[0].HasValue) return true;
            return values[1].HasValue &&
                   long.TryParse((string?)values[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var revokedBefore) &&
                   claims.IssuedAt.ToUnixTimeMilliseconds() <= revokedBefore;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning("Session revocation check skipped, Redis unavailable: {Error}", ex.Message);
            return false;
        }
    }
}

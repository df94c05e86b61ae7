using System.Globalization;
using System.Text.Json;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Infrastructure.Queue;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AskVideo.Infrastructure.Identity;

/// <summary>
/// Access tokens are stateless for their few minutes of life; revocations bridge that gap. A revoked session (logout,
/// refresh reuse) and "everything of this user issued before T" (password reset, deactivation, deletion) are kept in
/// Redis for one access-token lifetime, and published for open event streams. If Redis is unreachable the check fails
/// open (logged): refresh tokens, which are checked in PostgreSQL, still end the session within minutes, and the
/// revocation's queued job writes it here once Redis is back.
/// </summary>
public sealed class RedisSessionRevocation(
    RedisConnection redis,
    IOptions<QueueOptions> queue,
    IOptions<JwtOptions> jwt,
    ILogger<RedisSessionRevocation> logger) : ISessionRevocation
{
    private TimeSpan Ttl => TimeSpan.FromMinutes(jwt.Value.AccessTokenMinutes + 1);

    internal RedisKey SessionKey(Guid sessionId) => $"{queue.Value.KeyPrefix}:revoked:sid:{sessionId:N}";

    internal RedisKey UserKey(Guid userId) => $"{queue.Value.KeyPrefix}:revoked:user:{userId:N}";

    /// <summary>The pub/sub channel that tells open event streams about revocations (<see cref="RedisSessionRevocationSignal"/>).</summary>
    public RedisChannel Channel => RedisChannel.Literal($"{queue.Value.KeyPrefix}:revocations");

    // "Every token issued up to T": only ever moves forward, so a late retry of an older revocation cannot shorten it.
    private const string RevokeBeforeScript = """
        local current = tonumber(redis.call('GET', KEYS[1]) or '0')
        if tonumber(ARGV[1]) > current then
          redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
        end
        return 1
        """;

    public async Task<bool> ApplyAsync(SessionRevocation revocation, CancellationToken cancellationToken)
    {
        try
        {
            var database = redis.Database;
            var writes = revocation.SessionIds.Select(id => (Task)database.StringSetAsync(SessionKey(id), "1", Ttl)).ToList();
            if (revocation.AllIssuedBefore is { } before)
            {
                writes.Add(database.ScriptEvaluateAsync(RevokeBeforeScript, [UserKey(revocation.UserId)],
                    [before.ToUnixTimeMilliseconds(), (long)Ttl.TotalMilliseconds]));
            }
            await Task.WhenAll(writes).WaitAsync(cancellationToken);
            await redis.Subscriber.PublishAsync(Channel, JsonSerializer.Serialize(revocation)).WaitAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning("Session revocation not applied, Redis unavailable: {Error}", ex.Message);
            return false;
        }
    }

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

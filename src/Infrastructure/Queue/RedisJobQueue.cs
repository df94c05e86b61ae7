using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AskVideo.Infrastructure.Queue;

/// <summary>One claim of a job from Redis: the job id and the token that names this claim alone.</summary>
public readonly record struct QueueClaim(Guid JobId, Guid Token)
{
    /// <summary>The processing-list entry and lease member of this claim: "&lt;jobId&gt;:&lt;token&gt;".</summary>
    public string Member => $"{JobId:N}:{Token:N}";
}

/// <summary>
/// The Redis side of the queue: a reliable list pair (pending → processing) with a lease sorted set, and a set of
/// the job ids that are in either list. Pending holds bare job ids; a claim moves one into processing as
/// "&lt;jobId&gt;:&lt;claimToken&gt;" and leases that same member, so ack, renew and reap touch only their own claim, never
/// another claim of the same job. Every multi-key step is one Lua script, so the lists, the leases and the id set
/// always agree.
/// </summary>
public sealed class RedisJobQueue(RedisConnection redis, IOptions<QueueOptions> options, TimeProvider time)
{
    // KEYS: pending, ids. ARGV: job ids. An id already queued or claimed is not pushed again, so each job has at
    // most one entry across both lists and the id set is exact.
    private const string PushScript = """
        local pushed = 0
        for _, id in ipairs(ARGV) do
          if redis.call('SADD', KEYS[2], id) == 1 then
            redis.call('LPUSH', KEYS[1], id)
            pushed = pushed + 1
          end
        end
        return pushed
        """;

    // KEYS: pending, processing, leases. ARGV: lease until (ms), claim token. Returns the claimed job id.
    private const string ClaimScript = """
        local id = redis.call('RPOP', KEYS[1])
        if not id then return false end
        local member = id .. ':' .. ARGV[2]
        redis.call('LPUSH', KEYS[2], member)
        redis.call('ZADD', KEYS[3], ARGV[1], member)
        return id
        """;

    // KEYS: processing, leases, ids. ARGV: claim member, job id. The id leaves the set only if this claim was still
    // in processing; if the reaper already moved it back to pending, the id is queued again and stays.
    private const string AckScript = """
        redis.call('ZREM', KEYS[2], ARGV[1])
        if redis.call('LREM', KEYS[1], 1, ARGV[1]) > 0 then
          redis.call('SREM', KEYS[3], ARGV[2])
          return 1
        end
        return 0
        """;

    // KEYS: pending, processing, leases. ARGV: now (ms). Returns expired claims' jobs to the head of pending.
    // Members without a token (written by an older version) are bare ids.
    private const string ReapScript = """
        local members = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', ARGV[1], 'LIMIT', 0, 500)
        for _, member in ipairs(members) do
          redis.call('ZREM', KEYS[3], member)
          if redis.call('LREM', KEYS[2], 1, member) > 0 then
            local id = string.match(member, '^([^:]+)')
            redis.call('RPUSH', KEYS[1], id)
          end
        end
        return #members
        """;

    // KEYS: leases. ARGV: lease until (ms), claim member. XX: a reaped claim is not brought back; the job is
    // queued again by then and its PostgreSQL lease decides who may run it.
    private const string RenewScript = """
        return redis.call('ZADD', KEYS[1], 'XX', 'CH', ARGV[1], ARGV[2])
        """;

    private readonly string _prefix = options.Value.KeyPrefix;

    public RedisKey PendingKey => _prefix + ":q:pending";
    public RedisKey ProcessingKey => _prefix + ":q:processing";
    public RedisKey LeasesKey => _prefix + ":q:leases";

    /// <summary>Ids of the jobs in pending or processing; the reconciler tests membership here.</summary>
    public RedisKey IdsKey => _prefix + ":q:ids";

    /// <summary>The Redis dead-letter list of earlier versions. PostgreSQL is the only dead-letter record now.</summary>
    public RedisKey LegacyDeadKey => _prefix + ":q:dead";

    public RedisChannel WakeChannel => RedisChannel.Literal(_prefix + ":q:wake");
    public RedisChannel OutboxChannel => RedisChannel.Literal(_prefix + ":q:outbox");

    public async Task PushAsync(IReadOnlyCollection<Guid> ids)
    {
        if (ids.Count == 0) return;
        var values = ids.Select(id => (RedisValue)id.ToString("N")).ToArray();
        var pushed = (long)await redis.Database.ScriptEvaluateAsync(PushScript, [PendingKey, IdsKey], values);
        if (pushed > 0) await redis.Subscriber.PublishAsync(WakeChannel, pushed);
    }

    public Task PublishOutboxWakeAsync() => redis.Subscriber.PublishAsync(OutboxChannel, 1);

    public async Task<QueueClaim?> ClaimAsync(TimeSpan lease)
    {
        var until = (time.GetUtcNow() + lease).ToUnixTimeMilliseconds();
        var token = Guid.NewGuid();
        var result = await redis.Database.ScriptEvaluateAsync(ClaimScript, [PendingKey, ProcessingKey, LeasesKey], [until, token.ToString("N")]);
        return result.IsNull ? null : new QueueClaim(Guid.ParseExact((string)result!, "N"), token);
    }

    /// <summary>Extends this claim's Redis lease; false when the claim is no longer leased (reaped).</summary>
    public async Task<bool> RenewAsync(QueueClaim claim, TimeSpan lease)
    {
        var until = (time.GetUtcNow() + lease).ToUnixTimeMilliseconds();
        return (long)await redis.Database.ScriptEvaluateAsync(RenewScript, [LeasesKey], [until, claim.Member]) > 0;
    }

    public Task AckAsync(QueueClaim claim) =>
        redis.Database.ScriptEvaluateAsync(AckScript, [ProcessingKey, LeasesKey, IdsKey], [claim.Member, claim.JobId.ToString("N")]);

    public async Task<int> ReapAsync()
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var result = await redis.Database.ScriptEvaluateAsync(ReapScript, [PendingKey, ProcessingKey, LeasesKey], [now]);
        return (int)result;
    }

    /// <summary>The subset of <paramref name="ids"/> that is queued or claimed: one SMISMEMBER, O(ids).</summary>
    public async Task<IReadOnlySet<Guid>> FindQueuedAsync(IReadOnlyCollection<Guid> ids)
    {
        if (ids.Count == 0) return new HashSet<Guid>();
        var list = ids.ToList();
        var present = await redis.Database.SetContainsAsync(IdsKey, list.Select(id => (RedisValue)id.ToString("N")).ToArray());
        var found = new HashSet<Guid>();
        for (var i = 0; i < list.Count; i++)
            if (present[i]) found.Add(list[i]);
        return found;
    }

    public async Task<(long Pending, long Processing)> CountsAsync()
    {
        var db = redis.Database;
        var pending = db.ListLengthAsync(PendingKey);
        var processing = db.ListLengthAsync(ProcessingKey);
        return (await pending, await processing);
    }

    /// <summary>Removes the dead-letter list older versions kept in Redis; it drifted from PostgreSQL.</summary>
    public Task DropLegacyDeadLettersAsync() => redis.Database.KeyDeleteAsync(LegacyDeadKey);
}

using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AskVideo.Infrastructure.Queue;

/// <summary>
/// The Redis side of the queue: a reliable list pair (pending → processing) with a lease sorted set.
/// Every multi-key step is one Lua script, so a crash can never leave a job in neither list.
/// </summary>
public sealed class RedisJobQueue(RedisConnection redis, IOptions<QueueOptions> options, TimeProvider time)
{
    // Pops the oldest job and records its lease in one step.
    private const string ClaimScript = """
        local id = redis.call('RPOPLPUSH', KEYS[1], KEYS[2])
        if id then redis.call('ZADD', KEYS[3], ARGV[1], id) end
        return id
        """;

    private const string AckScript = """
        redis.call('LREM', KEYS[1], 1, ARGV[1])
        redis.call('ZREM', KEYS[2], ARGV[1])
        return 1
        """;

    // Returns expired leases to the head of the pending list.
    private const string ReapScript = """
        local ids = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', ARGV[1], 'LIMIT', 0, 500)
        for _, id in ipairs(ids) do
          redis.call('ZREM', KEYS[3], id)
          if redis.call('LREM', KEYS[2], 1, id) > 0 then redis.call('RPUSH', KEYS[1], id) end
        end
        return #ids
        """;

    private const string RenewScript = """
        return redis.call('ZADD', KEYS[1], 'XX', 'CH', ARGV[1], ARGV[2])
        """;

    // For each id, 1 when it is in pending or processing.
    private const string ContainsScript = """
        local out = {}
        for i, id in ipairs(ARGV) do
          if redis.call('LPOS', KEYS[1], id) or redis.call('LPOS', KEYS[2], id) then out[i] = 1 else out[i] = 0 end
        end
        return out
        """;

    private readonly string _prefix = options.Value.KeyPrefix;

    public RedisKey PendingKey => _prefix + ":q:pending";
    public RedisKey ProcessingKey => _prefix + ":q:processing";
    public RedisKey LeasesKey => _prefix + ":q:leases";
    public RedisKey DeadKey => _prefix + ":q:dead";
    public RedisChannel WakeChannel => _prefix + ":q:wake";
    public RedisChannel OutboxChannel => _prefix + ":q:outbox";

    public async Task PushAsync(IReadOnlyCollection<Guid> ids)
    {
        if (ids.Count == 0) return;
        var values = ids.Select(id => (RedisValue)id.ToString("N")).ToArray();
        await redis.Database.ListLeftPushAsync(PendingKey, values);
        await redis.Subscriber.PublishAsync(WakeChannel, ids.Count);
    }

    public Task PublishOutboxWakeAsync() => redis.Subscriber.PublishAsync(OutboxChannel, 1);

    public async Task<Guid?> ClaimAsync(TimeSpan lease)
    {
        var until = (time.GetUtcNow() + lease).ToUnixTimeMilliseconds();
        var result = await redis.Database.ScriptEvaluateAsync(ClaimScript, [PendingKey, ProcessingKey, LeasesKey], [until]);
        return result.IsNull ? null : Guid.ParseExact((string)result!, "N");
    }

    public Task RenewAsync(Guid id, TimeSpan lease)
    {
        var until = (time.GetUtcNow() + lease).ToUnixTimeMilliseconds();
        return redis.Database.ScriptEvaluateAsync(RenewScript, [LeasesKey], [until, id.ToString("N")]);
    }

    public Task AckAsync(Guid id) =>
        redis.Database.ScriptEvaluateAsync(AckScript, [ProcessingKey, LeasesKey], [id.ToString("N")]);

    public async Task<int> ReapAsync()
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var result = await redis.Database.ScriptEvaluateAsync(ReapScript, [PendingKey, ProcessingKey, LeasesKey], [now]);
        return (int)result;
    }

    public async Task<IReadOnlySet<Guid>> FindQueuedAsync(IReadOnlyCollection<Guid> ids)
    {
        if (ids.Count == 0) return new HashSet<Guid>();
        var list = ids.ToList();
        var result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(
            ContainsScript, [PendingKey, ProcessingKey], list.Select(id => (RedisValue)id.ToString("N")).ToArray()))!;
        var found = new HashSet<Guid>();
        for (var i = 0; i < list.Count; i++)
            if ((int)result[i] == 1) found.Add(list[i]);
        return found;
    }

    public async Task AddDeadLetterAsync(Guid id)
    {
        await redis.Database.ListLeftPushAsync(DeadKey, id.ToString("N"));
        await redis.Database.ListTrimAsync(DeadKey, 0, 9_999);
    }

    public async Task<(long Pending, long Processing, long Dead)> CountsAsync()
    {
        var db = redis.Database;
        var pending = db.ListLengthAsync(PendingKey);
        var processing = db.ListLengthAsync(ProcessingKey);
        var dead = db.ListLengthAsync(DeadKey);
        return (await pending, await processing, await dead);
    }
}

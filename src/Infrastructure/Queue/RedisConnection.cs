using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AskVideo.Infrastructure.Queue;

public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary>StackExchange.Redis configuration string, e.g. "127.0.0.1:6379".</summary>
    [Required]
    public string Configuration { get; set; } = "127.0.0.1:6379";
}

/// <summary>
/// One multiplexer per process. It connects lazily and never aborts on a failed connect, so the app starts (and
/// reports not-ready) while Redis is down, then recovers by itself. While it has no connection, commands fail at once
/// (<see cref="BacklogPolicy.FailFast"/>) instead of waiting in a backlog for the sync timeout: what can do without
/// Redis (rate limits, session checks, events) skips it without a delay, and the queue's loops retry on their own.
/// </summary>
public sealed class RedisConnection(IOptions<RedisOptions> options) : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> _multiplexer = new(() =>
    {
        var config = ConfigurationOptions.Parse(options.Value.Configuration);
        config.AbortOnConnectFail = false;
        config.ConnectTimeout = 3000;
        config.SyncTimeout = 5000;
        config.BacklogPolicy = BacklogPolicy.FailFast;
        return ConnectionMultiplexer.Connect(config);
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    public ConnectionMultiplexer Multiplexer => _multiplexer.Value;

    public IDatabase Database => Multiplexer.GetDatabase();

    public ISubscriber Subscriber => Multiplexer.GetSubscriber();

    public void Dispose()
    {
        if (_multiplexer.IsValueCreated) _multiplexer.Value.Dispose();
    }
}

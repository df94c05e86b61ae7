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
/// reports not-ready) while Redis is down, then recovers by itself.
/// </summary>
public sealed class RedisConnection(IOptions<RedisOptions> options) : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> _multiplexer = new(() =>
    {
        var config = ConfigurationOptions.Parse(options.Value.Configuration);
        config.AbortOnConnectFail = false;
        config.ConnectTimeout = 3000;
        config.SyncTimeout = 5000;
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

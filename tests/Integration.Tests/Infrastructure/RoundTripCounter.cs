using System.Collections.Concurrent;
using System.Diagnostics;
using AskVideo.Infrastructure.Queue;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using StackExchange.Redis.Profiling;

namespace AskVideo.Integration.Tests.Infrastructure;

/// <summary>
/// Counts the SQL statements (Npgsql's activities) and the Redis commands (StackExchange.Redis profiling) the API
/// issues while it serves the requests tagged with this counter's W3C trace id. Background work of the shared host
/// (queue polling, outbox) runs under other trace ids, so it is not counted.
/// </summary>
public sealed class RoundTripCounter : IDisposable
{
    private readonly ActivityTraceId _traceId = ActivityTraceId.CreateRandom();
    private readonly ConcurrentQueue<string> _statements = new();
    private readonly ProfilingSession _redis = new();
    private readonly ActivityListener _listener;
    private readonly ConnectionMultiplexer _multiplexer;

    public RoundTripCounter(IServiceProvider services)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == "Npgsql" && activity.TraceId == _traceId)
                    _statements.Enqueue(activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string ?? activity.DisplayName);
            },
        };
        ActivitySource.AddActivityListener(_listener);
        _multiplexer = services.GetRequiredService<RedisConnection>().Multiplexer;
        _multiplexer.RegisterProfiler(() => Activity.Current?.TraceId == _traceId ? _redis : null);
    }

    /// <summary>Marks the request as one to count (the API continues the trace it is sent).</summary>
    public HttpRequestMessage Track(HttpRequestMessage request)
    {
        request.Headers.Add("traceparent", $"00-{_traceId}-{ActivitySpanId.CreateRandom()}-01");
        return request;
    }

    public IReadOnlyList<string> SqlStatements => [.. _statements];

    /// <summary>The Redis commands so far (reading them ends the profiling of those commands).</summary>
    public IReadOnlyList<string> FinishRedisCommands() => _redis.FinishProfiling().Select(c => c.Command).ToList();

    public void Dispose()
    {
        _multiplexer.RegisterProfiler(() => null);
        _listener.Dispose();
    }
}

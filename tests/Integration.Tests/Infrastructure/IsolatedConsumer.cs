using System.Reflection;
using System.Text.Json;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Jobs;
using AskVideo.Infrastructure.Queue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace AskVideo.Integration.Tests.Infrastructure;

/// <summary>
/// A job consumer of a test's own, on a queue under another Redis prefix: the shared host's consumer never claims its
/// jobs, so a test can stop it, or run jobs with another host's services (another email provider, say).
/// </summary>
public sealed class IsolatedConsumer : IAsyncDisposable
{
    private bool _started;

    private IsolatedConsumer(JobConsumer consumer, RedisJobQueue queue) => (Consumer, Queue) = (consumer, queue);

    internal JobConsumer Consumer { get; }

    internal RedisJobQueue Queue { get; }

    /// <summary>One slot, a fast poll and <paramref name="shutdownTimeout"/> as the host's shutdown timeout.</summary>
    public static IsolatedConsumer Create(IServiceProvider services, TimeSpan shutdownTimeout)
    {
        var shared = services.GetRequiredService<IOptions<QueueOptions>>().Value;
        var options = Options.Create(new QueueOptions
        {
            KeyPrefix = "avqiso" + Guid.NewGuid().ToString("N")[..8],
            Concurrency = 1,
            LeaseSeconds = shared.LeaseSeconds,
            PollMilliseconds = 100,
            RetryBaseSeconds = shared.RetryBaseSeconds,
            RetryMaxSeconds = shared.RetryMaxSeconds,
        });
        var queue = ActivatorUtilities.CreateInstance<RedisJobQueue>(services, options);
        var consumer = ActivatorUtilities.CreateInstance<JobConsumer>(services, queue, options, Options.Create(new HostOptions { ShutdownTimeout = shutdownTimeout }));
        return new IsolatedConsumer(consumer, queue);
    }

    public async Task StartAsync()
    {
        await Consumer.StartAsync(CancellationToken.None);
        _started = true;
    }

    public Task StopAsync(CancellationToken hostTimeout) => Consumer.StopAsync(hostTimeout);

    /// <summary>Writes the job as already dispatched (the shared dispatcher leaves it alone) and pushes it onto this queue.</summary>
    public async Task<Guid> DispatchAsync(IBackgroundJob job)
    {
        var id = Guid.NewGuid();
        var name = job.GetType().GetCustomAttribute<JobNameAttribute>()!.Name;
        await using var connection = new NpgsqlConnection(TestEnvironment.ConnectionString(TestEnvironment.Database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            INSERT INTO jobs (id, type, payload, status, attempts, max_attempts, available_at, created_at, updated_at)
            VALUES (@id, @type, @payload, 'dispatched', 0, 5, now(), now(), now())
            """, connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("type", name);
        command.Parameters.AddWithValue("payload", NpgsqlDbType.Jsonb, JobTypeRegistry.Payload(job));
        await command.ExecuteNonQueryAsync();
        await Queue.PushAsync([id]);
        return id;
    }

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await Consumer.StopAsync(timeout.Token);
        }
        Consumer.Dispose();
    }
}

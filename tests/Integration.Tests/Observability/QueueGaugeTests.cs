using AskVideo.Integration.Tests.Infrastructure;
using Npgsql;

namespace AskVideo.Integration.Tests.Observability;

/// <summary>The queue gauges of the shared host's /metrics read the real outbox and dead letters at scrape time.</summary>
public sealed class QueueGaugeTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Scrape_ShouldCountTheOutboxAndTheDeadLetters_AsTheyAreNow()
    {
        // Arrange: two dead jobs; a retry waiting for its backoff and a clean-up job scheduled 25 hours ahead (pending,
        // not due: "scheduled", not outbox backlog); and a job that is due but not on Redis: the outbox. That one is
        // written due in a moment and held locked before it is due, as a dispatcher holds the rows it is pushing, so
        // the shared host's dispatcher (FOR UPDATE SKIP LOCKED) leaves it pending while the test scrapes.
        await using var connection = new NpgsqlConnection(TestEnvironment.ConnectionString(TestEnvironment.Database));
        await connection.OpenAsync();
        var due = Guid.NewGuid();
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO jobs (id, type, payload, status, attempts, max_attempts, available_at, created_at, updated_at)
            VALUES (gen_random_uuid(), 'Flaky', '{}', 'dead', 5, 5, now(), now(), now()),
                   (gen_random_uuid(), 'Flaky', '{}', 'dead', 5, 5, now(), now(), now()),
                   (gen_random_uuid(), 'Flaky', '{}', 'pending', 1, 5, now() + interval '1 hour', now(), now()),
                   (gen_random_uuid(), 'RemoveAbandonedUpload', '{}', 'pending', 0, 5, now() + interval '25 hours', now(), now()),
                   (@due, 'Flaky', '{}', 'pending', 0, 5, now() + interval '1 second', now(), now())
            """, connection))
        {
            insert.Parameters.AddWithValue("due", due);
            await insert.ExecuteNonQueryAsync();
        }
        await using var dispatcherLike = await connection.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("SELECT id FROM jobs WHERE id = @due FOR UPDATE", connection, dispatcherLike))
        {
            hold.Parameters.AddWithValue("due", due);
            await hold.ExecuteNonQueryAsync();
        }

        // Act: scrape until the reading is fresh (one read serves scrapes for a second).
        var url = $"http://127.0.0.1:{ApiFactory.MetricsPort}/metrics";
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        PrometheusText scrape;
        do
        {
            scrape = await PrometheusText.ScrapeAsync(url);
            if (scrape.Series("askvideo_queue_dead_letters").SingleOrDefault()?.Value == 2
                && scrape.Series("askvideo_queue_depth").SingleOrDefault(s => s.Has("state", "outbox"))?.Value == 1) break;
            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);
        await dispatcherLike.RollbackAsync();

        // Assert
        Assert.Equal(2, scrape.Value("askvideo_queue_dead_letters"));
        Assert.Equal(1, scrape.Value("askvideo_queue_depth", ("state", "outbox")));
        Assert.Equal(2, scrape.Value("askvideo_queue_depth", ("state", "scheduled")));
        Assert.Equal(0, scrape.Value("askvideo_queue_depth", ("state", "pending")));
        Assert.Equal(0, scrape.Value("askvideo_queue_depth", ("state", "processing")));
    }
}

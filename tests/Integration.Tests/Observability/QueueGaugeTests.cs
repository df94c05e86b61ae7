using AskVideo.Integration.Tests.Infrastructure;
using Npgsql;

namespace AskVideo.Integration.Tests.Observability;

/// <summary>The queue gauges of the shared host's /metrics read the real outbox and dead letters at scrape time.</summary>
public sealed class QueueGaugeTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Scrape_ShouldCountTheOutboxAndTheDeadLetters_AsTheyAreNow()
    {
        // Arrange: two dead jobs, and one retry waiting for its backoff (pending, due in an hour: nothing dispatches it).
        await using var connection = new NpgsqlConnection(TestEnvironment.ConnectionString(TestEnvironment.Database));
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO jobs (id, type, payload, status, attempts, max_attempts, available_at, created_at, updated_at)
            VALUES (gen_random_uuid(), 'Flaky', '{}', 'dead', 5, 5, now(), now(), now()),
                   (gen_random_uuid(), 'Flaky', '{}', 'dead', 5, 5, now(), now(), now()),
                   (gen_random_uuid(), 'Flaky', '{}', 'pending', 1, 5, now() + interval '1 hour', now(), now())
            """, connection);
        await insert.ExecuteNonQueryAsync();

        // Act: scrape until the reading is fresh (one read serves scrapes for a second).
        var url = $"http://127.0.0.1:{ApiFactory.MetricsPort}/metrics";
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        PrometheusText scrape;
        do
        {
            scrape = await PrometheusText.ScrapeAsync(url);
            if (scrape.Series("askvideo_queue_dead_letters").SingleOrDefault()?.Value == 2) break;
            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);

        // Assert
        Assert.Equal(2, scrape.Value("askvideo_queue_dead_letters"));
        Assert.Equal(1, scrape.Value("askvideo_queue_depth", ("state", "outbox")));
        Assert.Equal(0, scrape.Value("askvideo_queue_depth", ("state", "pending")));
        Assert.Equal(0, scrape.Value("askvideo_queue_depth", ("state", "processing")));
    }
}

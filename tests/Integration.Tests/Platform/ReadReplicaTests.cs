using System.Net;
using AskVideo.Integration.Tests.Infrastructure;
using AskVideo.Integration.Tests.Processing;
using Npgsql;

namespace AskVideo.Integration.Tests.Platform;

/// <summary>
/// The optional read replica (ConnectionStrings:PostgresReadOnly): the library list, search and chat analytics run on
/// its pool, a user's own writes send their next reads to the primary for Database:ReadYourWritesSeconds, and the
/// replica connection really is read-only. The "replica" is the test database reached through a login role whose
/// transactions are read-only and a connection string with its own application_name, so pg_stat_activity shows which
/// pool ran each statement.
/// </summary>
public sealed class ReadReplicaTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private const string ReaderRole = "askvideo_replica_reader";
    private const string ReplicaApplication = "askvideo-replica-it";

    private static string ReplicaConnectionString =>
        $"Host=127.0.0.1;Port={TestEnvironment.PostgresPort};Username={ReaderRole};Database={TestEnvironment.Database};Application Name={ReplicaApplication}";

    [Fact]
    public async Task ReadOnlyQueries_ShouldRunOnTheReplica_ExceptRightAfterTheUsersOwnWrite()
    {
        await CreateReaderRoleAsync();
        using var variant = new ApiFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:PostgresReadOnly"] = ReplicaConnectionString,
            ["Database:ReadYourWritesSeconds"] = "1",
        });
        var user = await Fixture.CreateAsync();
        using var session = new SessionClient(variant.CreateDefaultClient());
        var login = await session.PostAsync("/api/v1/auth/login", new { login = user.Email, password = user.Password });
        Assert.True(login.IsSuccessStatusCode, await login.Content.ReadAsStringAsync());

        var sample = await session.PostAsync("/api/v1/videos/sample");
        Assert.Equal(HttpStatusCode.Created, sample.StatusCode);
        var videoId = (await sample.ReadJsonAsync()).GetProperty("id").GetGuid();
        await ProcessingTests.WaitForStatusAsync(session, videoId, "ready");
        var group = await session.PostAsync("/api/v1/groups", new { name = "Replica group" });
        var groupId = (await group.ReadJsonAsync()).GetProperty("id").GetGuid();
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // past the read-your-writes window of the writes above

        // The library list, search and analytics: each ran by the replica pool.
        var since = await ClockAsync();
        var list = await (await session.GetAsync("/api/v1/videos")).ReadJsonAsync();
        Assert.Equal(videoId, list.GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.Contains(await ReplicaStatementsSinceAsync(since), q => q.Contains("FROM videos v", StringComparison.Ordinal));

        since = await ClockAsync();
        var search = await session.GetAsync("/api/v1/search?q=sample");
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Contains(await ReplicaStatementsSinceAsync(since), q => q.Contains("scope_size", StringComparison.Ordinal));

        since = await ClockAsync();
        var analytics = await session.GetAsync($"/api/v1/groups/{groupId}/chat/analytics");
        Assert.Equal(HttpStatusCode.OK, analytics.StatusCode);
        Assert.Contains(await ReplicaStatementsSinceAsync(since), q => q.Contains("chat_logs", StringComparison.Ordinal));

        // Right after the user's own write, the list comes from the primary (it shows the write at once)…
        var rename = await session.PatchAsync($"/api/v1/videos/{videoId}", new { title = "Renamed on the primary" });
        Assert.Equal(HttpStatusCode.OK, rename.StatusCode);
        since = await ClockAsync();
        list = await (await session.GetAsync("/api/v1/videos")).ReadJsonAsync();
        Assert.Equal("Renamed on the primary", list.GetProperty("items")[0].GetProperty("title").GetString());
        Assert.Empty(await ReplicaStatementsSinceAsync(since));

        // …and once the window has passed, from the replica again.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        since = await ClockAsync();
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/v1/videos")).StatusCode);
        Assert.Contains(await ReplicaStatementsSinceAsync(since), q => q.Contains("FROM videos v", StringComparison.Ordinal));

        // The replica's connection string cannot write.
        await using var replica = new NpgsqlConnection(ReplicaConnectionString);
        await replica.OpenAsync();
        await using var write = new NpgsqlCommand("UPDATE videos SET title = 'x' WHERE id = @id", replica);
        write.Parameters.AddWithValue("id", videoId);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => write.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, refused.SqlState);
    }

    [Fact]
    public async Task ReadOnlyQueries_ShouldFallBackToThePrimary_WhenTheReplicaCannotBeReached()
    {
        using var variant = new ApiFactory(new Dictionary<string, string?>
        {
            // Nothing listens on port 1: every connection attempt is refused at once.
            ["ConnectionStrings:PostgresReadOnly"] = "Host=127.0.0.1;Port=1;Database=askvideo;Username=reader;Timeout=2",
            // No read-your-writes window: the reads right after creating the group go to the replica too.
            ["Database:ReadYourWritesSeconds"] = "0",
        });
        var user = await Fixture.CreateAsync();
        using var session = new SessionClient(variant.CreateDefaultClient());
        Assert.True((await session.PostAsync("/api/v1/auth/login", new { login = user.Email, password = user.Password })).IsSuccessStatusCode);
        var group = await (await session.PostAsync("/api/v1/groups", new { name = "Fallback" })).ReadJsonAsync();

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/v1/videos")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/v1/search?q=anything")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await session.GetAsync($"/api/v1/groups/{group.GetProperty("id").GetGuid()}/chat/analytics")).StatusCode);
        }
    }

    /// <summary>A login role that may read every table and whose transactions are read-only, like a hot standby's.</summary>
    private static async Task CreateReaderRoleAsync()
    {
        await using var admin = new NpgsqlConnection(TestEnvironment.AdminConnectionString);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            DO $$ BEGIN
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{ReaderRole}') THEN CREATE ROLE {ReaderRole} LOGIN; END IF;
            END $$;
            GRANT pg_read_all_data TO {ReaderRole};
            ALTER ROLE {ReaderRole} SET default_transaction_read_only = on;
            """, admin);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<DateTime> ClockAsync()
    {
        await using var admin = new NpgsqlConnection(TestEnvironment.AdminConnectionString);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT clock_timestamp()", admin);
        return (DateTime)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The statements the replica pool's connections started since <paramref name="since"/> (their last one each).</summary>
    private static async Task<List<string>> ReplicaStatementsSinceAsync(DateTime since)
    {
        await using var admin = new NpgsqlConnection(TestEnvironment.AdminConnectionString);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT query FROM pg_stat_activity WHERE application_name = @app AND usename = @role AND query_start >= @since", admin);
        command.Parameters.AddWithValue("app", ReplicaApplication);
        command.Parameters.AddWithValue("role", ReaderRole);
        command.Parameters.AddWithValue("since", since);
        var statements = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) statements.Add(reader.GetString(0));
        return statements;
    }
}

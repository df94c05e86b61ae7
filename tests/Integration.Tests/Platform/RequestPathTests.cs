using System.Diagnostics;
using System.Net;
using System.Text.Json;
using AskVideo.Application.Accounts.Me;
using AskVideo.Application.Common.Models;
using AskVideo.Application.Common.Options;
using AskVideo.Application.Videos.Common;
using AskVideo.Domain.Common;
using AskVideo.Domain.Groups;
using AskVideo.Domain.Videos;
using AskVideo.Infrastructure.Identity;
using AskVideo.Infrastructure.Persistence;
using AskVideo.Infrastructure.Queue;
using AskVideo.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using StackExchange.Redis.Profiling;

namespace AskVideo.Integration.Tests.Platform;

/// <summary>
/// The hot read path (SPEC §8: the library list at ≥ 1,000 req/s): what one request costs in round trips, and that
/// the fast list answers exactly what the single-video reads answer.
/// </summary>
public class RequestPathTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    /// <summary>Three videos, each with two tags; two of them in two groups (names chosen to test the ordering).</summary>
    private async Task<IReadOnlyList<Guid>> SeedLibraryAsync(Guid ownerId)
    {
        await using var scope = CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UtcNow;
        var tags = new[] { Tag.Create(ownerId, "zeta", null, now), Tag.Create(ownerId, "Alpha", "#ff0000", now) };
        db.Tags.AddRange(tags);
        var groups = new[] { VideoGroup.Create(ownerId, "b-group", null, now), VideoGroup.Create(ownerId, "a-group", null, now) };
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var id = Guid.CreateVersion7();
            var video = Video.Create(id, ownerId, $"Video {i}", i == 0 ? null : "described", $"v{i}.mp4", "video/mp4", 1000 + i, $"users/{ownerId:N}/videos/{id:N}/original.mp4", "en", now.AddMinutes(i));
            video.Enqueue(now);
            if (i == 1) video.MarkFailed(ErrorCode.NoTranscriptSource, "No subtitles.", now);
            video.ReplaceTags(tags.Select(t => t.Id));
            db.Videos.Add(video);
            if (i < 2) foreach (var group in groups) group.AddVideo(id, now);
            ids.Add(id);
        }
        db.Groups.AddRange(groups);
        await db.SaveChangesAsync();
        return ids;
    }

    [Fact]
    public async Task VideoList_WithACookieSession_ShouldCostOneSqlStatementAndOneRedisCall()
    {
        var user = await Fixture.CreateAsync();
        await SeedLibraryAsync(user.Id);
        using var session = await Fixture.LoginAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/v1/videos?pageSize=20")).StatusCode);

        using var counter = new RoundTripCounter(Fixture.Services);
        var response = await session.SendAsync(counter.Track(new HttpRequestMessage(HttpMethod.Get, "/api/v1/videos?pageSize=20")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, (await response.ReadJsonAsync()).GetProperty("items").GetArrayLength());
        var statements = counter.SqlStatements;
        Assert.True(statements.Count == 1, "SQL statements: " + string.Join(" | ", statements));
        var commands = counter.FinishRedisCommands();
        Assert.True(commands.Count == 1, "Redis commands: " + string.Join(", ", commands));
    }

    [Fact]
    public async Task Me_ShouldReadTheProfileAndItsUsageInOneSqlStatement()
    {
        var user = await Fixture.CreateAsync();
        await SeedLibraryAsync(user.Id);
        using var session = await Fixture.LoginAsync(user);
        using var counter = new RoundTripCounter(Fixture.Services);

        var me = await (await session.SendAsync(counter.Track(new HttpRequestMessage(HttpMethod.Get, "/api/v1/me")))).ReadJsonAsync();

        Assert.Equal(user.Id, me.GetProperty("id").GetGuid());
        Assert.Equal(3, me.GetProperty("usage").GetProperty("videoCount").GetInt32());
        Assert.Equal(1000 + 1001 + 1002, me.GetProperty("usage").GetProperty("storageBytes").GetInt64());
        Assert.True(counter.SqlStatements.Count == 1, "SQL statements: " + string.Join(" | ", counter.SqlStatements));

        var empty = await Fixture.CreateAsync();
        using var emptySession = await Fixture.LoginAsync(empty);
        var none = await (await emptySession.GetAsync("/api/v1/me")).ReadJsonAsync();
        Assert.Equal(0, none.GetProperty("usage").GetProperty("videoCount").GetInt32());
        Assert.Equal(0, none.GetProperty("usage").GetProperty("storageBytes").GetInt64());
    }

    [Fact]
    public async Task VideoList_ShouldAnswerWhatTheSingleVideoReadsAnswer_AndCountPastTheLastPage()
    {
        var user = await Fixture.CreateAsync();
        var ids = await SeedLibraryAsync(user.Id);
        using var session = await Fixture.LoginAsync(user);

        var list = await (await session.GetAsync("/api/v1/videos?sort=createdAt_asc")).ReadJsonAsync();
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(ids, items.Select(i => i.GetProperty("id").GetGuid()));
        foreach (var item in items)
        {
            var single = await (await session.GetAsync($"/api/v1/videos/{item.GetProperty("id").GetGuid()}")).ReadJsonAsync();
            Assert.Equal(JsonSerializer.Serialize(single), JsonSerializer.Serialize(item));
        }
        Assert.Equal(["Alpha", "zeta"], items[0].GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(["a-group", "b-group"], items[0].GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("name").GetString()));
        Assert.Equal(0, items[2].GetProperty("groups").GetArrayLength());
        Assert.Equal("no_transcript_source", items[1].GetProperty("error").GetProperty("code").GetString());

        var pastTheEnd = await (await session.GetAsync("/api/v1/videos?page=3&pageSize=2")).ReadJsonAsync();
        Assert.Equal(0, pastTheEnd.GetProperty("items").GetArrayLength());
        Assert.Equal(3, pastTheEnd.GetProperty("totalCount").GetInt64());
        var lastPage = await (await session.GetAsync("/api/v1/videos?page=2&pageSize=2&sort=createdAt_asc")).ReadJsonAsync();
        Assert.Equal([ids[2]], lastPage.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        Assert.Equal(3, lastPage.GetProperty("totalCount").GetInt64());

        var tagId = items[0].GetProperty("tags")[0].GetProperty("id").GetGuid();
        var byTagId = await (await session.GetAsync($"/api/v1/videos?tag={tagId}&status=failed")).ReadJsonAsync();
        Assert.Equal([ids[1]], byTagId.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task CookieSessions_ShouldBeThrottledWithRetryAfter_AndRejectedOnTheNextRequestOnceRevoked()
    {
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);
        await using var strict = new ApiFactory(new Dictionary<string, string?>
        {
            ["RateLimits:ApiPerUser:Limit"] = "3",
            ["RateLimits:ApiPerUser:WindowSeconds"] = "60",
        });
        using var tab = new SessionClient(strict.CreateClient());
        tab.SetCookie("access_token", session.Cookie("access_token")!, "/api");

        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await tab.GetAsync("/api/v1/me")).StatusCode);
        var limited = await tab.GetAsync("/api/v1/me");

        await ProblemAssert.IsProblemAsync(limited, 429, "rate_limited");
        Assert.InRange(limited.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        Assert.Equal(HttpStatusCode.NoContent, (await session.PostAsync("/api/v1/auth/logout")).StatusCode);
        await ProblemAssert.IsProblemAsync(await tab.GetAsync("/api/v1/me"), 401, "unauthenticated");
    }

    [Fact]
    public async Task SessionCheck_ShouldAnswerRevokedOrCountTheBudget_InOneRedisCommand()
    {
        var redis = Fixture.Services.GetRequiredService<RedisConnection>();
        var revocation = Fixture.Services.GetRequiredService<RedisSessionRevocation>();
        var check = new RedisSessionCheck(redis, revocation, Fixture.Services.GetRequiredService<IOptions<QueueOptions>>(),
            Options.Create(new RateLimitOptions { ApiPerUser = new RateLimitPolicy(2, 60) }), NullLogger<RedisSessionCheck>.Instance);
        var userId = Guid.NewGuid();
        var earlier = new AccessTokenClaims(userId, Guid.NewGuid(), false, DateTimeOffset.UtcNow.AddSeconds(-5));
        // Only this test's commands are profiled (the shared host polls its queue meanwhile).
        using var scope = new Activity("session-check-test").Start();
        var profiling = new ProfilingSession();
        redis.Multiplexer.RegisterProfiler(() => Activity.Current?.TraceId == scope.TraceId ? profiling : null);
        try
        {
            var first = await check.CheckAndCountAsync(earlier);
            var second = await check.CheckAndCountAsync(earlier);
            var third = await check.CheckAndCountAsync(earlier);
            Assert.Equal(3, profiling.FinishProfiling().Count());

            Assert.Equal((false, true, 1), (first.IsRevoked, first.Budget!.Allowed, first.Budget.Remaining));
            Assert.Equal((false, true, 0), (second.IsRevoked, second.Budget!.Allowed, second.Budget.Remaining));
            Assert.False(third.Budget!.Allowed);
            Assert.InRange(third.Budget.RetryAfter.TotalSeconds, 1, 60);

            // The markers the revocations write (logout: the session; password reset: everything issued up to now).
            await redis.Database.StringSetAsync(revocation.SessionKey(earlier.SessionId), "1", TimeSpan.FromMinutes(1));
            Assert.Same(SessionCheck.Revoked, await check.CheckAndCountAsync(earlier));
            Assert.True(await revocation.IsRevokedAsync(earlier));

            var otherSession = earlier with { SessionId = Guid.NewGuid() };
            Assert.False((await check.CheckAndCountAsync(otherSession)).IsRevoked);
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            await redis.Database.StringSetAsync(revocation.UserKey(userId), now, TimeSpan.FromMinutes(1));
            Assert.True((await check.CheckAndCountAsync(otherSession)).IsRevoked);
            var issuedAfter = otherSession with { IssuedAt = DateTimeOffset.UtcNow.AddSeconds(1) };
            Assert.False((await check.CheckAndCountAsync(issuedAfter)).IsRevoked);
        }
        finally
        {
            redis.Multiplexer.RegisterProfiler(() => null);
        }
    }

    [Theory]
    [InlineData(typeof(Paged<VideoDto>))]
    [InlineData(typeof(VideoDto))]
    [InlineData(typeof(MeDto))]
    public void HotResponses_ShouldBeSerializedWithSourceGeneratedMetadata(Type type)
    {
        var options = Fixture.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

        var info = options.GetTypeInfo(type);

        Assert.Equal("ApiJsonContext", info.OriginatingResolver?.GetType().Name);
        Assert.Same(JsonNamingPolicy.CamelCase, options.PropertyNamingPolicy);
    }

    [Theory]
    [InlineData("group")]
    [InlineData("video")]
    [InlineData("library")]
    public async Task Search_WithACookieSession_ShouldCostTwoSqlStatementsAndOneRedisCall(string scope)
    {
        // SPEC §8: /search adds ≤ 5 ms over its SQL. Each extra statement is a round trip to PostgreSQL; the scope
        // (the group's videos, the video, or the library) and the caller's AI key are read in one statement, then the search.
        var user = await Fixture.CreateAsync();
        var ids = await SeedLibraryAsync(user.Id);
        await using (var seed = await Fixture.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync())
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO scenes (id, video_id, owner_id, position, start_ms, end_ms, text, token_count, language)
            VALUES (gen_random_uuid(), @video, @owner, 0, 0, 1000, 'Engineers inspected the old steel bridge over the river.', 9, 'en')
            """, seed))
        {
            insert.Parameters.AddWithValue("video", ids[0]);
            insert.Parameters.AddWithValue("owner", user.Id);
            await insert.ExecuteNonQueryAsync();
        }
        await using (var read = CreateScope())
        {
            var groupId = await read.ServiceProvider.GetRequiredService<AppDbContext>().Groups
                .Where(g => g.OwnerId == user.Id && g.Name == "a-group").Select(g => g.Id).SingleAsync();
            var url = "/api/v1/search?q=steel%20bridge" + scope switch { "group" => $"&groupId={groupId}", "video" => $"&videoId={ids[0]}", _ => "" };
            using var session = await Fixture.LoginAsync(user);
            Assert.Equal(HttpStatusCode.OK, (await session.GetAsync(url)).StatusCode);

            using var counter = new RoundTripCounter(Fixture.Services);
            var response = await session.SendAsync(counter.Track(new HttpRequestMessage(HttpMethod.Get, url)));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(ids[0], Assert.Single((await response.ReadJsonAsync()).GetProperty("items").EnumerateArray()).GetProperty("videoId").GetGuid());
            var statements = counter.SqlStatements;
            Assert.True(statements.Count == 2, "SQL statements: " + string.Join(" | ", statements));
            var commands = counter.FinishRedisCommands();
            Assert.True(commands.Count == 1, "Redis commands: " + string.Join(", ", commands));
        }
    }

    [Fact]
    public void HotStatements_ShouldBeAutoPrepared_UnlessTheConnectionStringSaysOtherwise()
    {
        var dataSource = Fixture.Services.GetRequiredService<NpgsqlDataSource>();

        Assert.Equal(DatabaseOptions.DefaultMaxAutoPrepare, new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).MaxAutoPrepare);
    }

    [Fact]
    public void HotReads_ShouldUseAPoolThatSkipsTheSessionReset_AndEverythingElseThePoolThatResets()
    {
        var reads = new NpgsqlConnectionStringBuilder(Fixture.Services.GetRequiredService<StatelessReadPool>().DataSource.ConnectionString);
        var main = new NpgsqlConnectionStringBuilder(Fixture.Services.GetRequiredService<NpgsqlDataSource>().ConnectionString);

        Assert.True(reads.NoResetOnClose);
        Assert.Equal(DatabaseOptions.DefaultMaxAutoPrepare, reads.MaxAutoPrepare);
        Assert.False(main.NoResetOnClose);
    }

    [Fact]
    public void TheApiHost_ShouldNotLetIdleThreadPoolWorkersSpin()
    {
        var config = Path.Combine(Path.GetDirectoryName(typeof(Program).Assembly.Location)!, "AskVideo.Api.runtimeconfig.json");

        using var json = JsonDocument.Parse(File.ReadAllText(config));

        var options = json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.Equal(0, options.GetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit").GetInt32());
    }
}

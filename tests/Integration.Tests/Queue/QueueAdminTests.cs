using System.Net;
using System.Text.Json;
using AskVideo.Domain.Jobs;
using AskVideo.Infrastructure.Persistence;
using AskVideo.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskVideo.Integration.Tests.Queue;

/// <summary>The admin view of the queue: PostgreSQL is the truth, Redis depths are optional extras.</summary>
public class QueueAdminTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private async Task<Guid> InsertDeadJobAsync()
    {
        await using var scope = CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var job = Job.Create("Ping", """{"note":"was dead"}""", DateTimeOffset.UtcNow);
        return await JobRows.AddAsync(db, job, JobStatus.Dead, attempts: 5, lastError: "boom");
    }

    private static JsonElement Queue(JsonElement overview) => overview.GetProperty("queue");

    /// <summary>The succeeded jobs' page once it lists one (or after 20 s).</summary>
    private static async Task<JsonElement> WaitForSucceededAsync(SessionClient session)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        JsonElement after;
        do
        {
            await Task.Delay(100);
            after = await (await session.GetAsync("/api/v1/admin/jobs?status=succeeded")).ReadJsonAsync();
        }
        while (after.GetProperty("jobs").GetProperty("totalCount").GetInt64() == 0 && DateTime.UtcNow < deadline);
        return after;
    }

    [Fact]
    public async Task ListJobs_ShouldCountDeadLettersFromTheDatabase_WhenADeadJobIsRetried()
    {
        var admin = await Fixture.CreateAsync(admin: true);
        using var session = await Fixture.LoginAsync(admin);
        var id = await InsertDeadJobAsync();
        var before = await (await session.GetAsync("/api/v1/admin/jobs")).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Accepted, (await session.PostAsync($"/api/v1/admin/jobs/{id}/retry")).StatusCode);
        var after = await WaitForSucceededAsync(session);

        Assert.Equal(1, Queue(before).GetProperty("deadLetters").GetInt64());
        Assert.Equal(1, Queue(before).GetProperty("failed").GetInt64());
        Assert.Equal(1, after.GetProperty("jobs").GetProperty("totalCount").GetInt64());
        Assert.Equal(0, Queue(after).GetProperty("deadLetters").GetInt64());
        Assert.Equal(0, Queue(after).GetProperty("failed").GetInt64());
        Assert.Equal(0, Queue(after).GetProperty("pending").GetInt64());
    }

    [Fact]
    public async Task ListJobs_ShouldShowNoLastError_WhenARetriedJobSucceeds()
    {
        // The dead job's error ("boom") belonged to its earlier attempts; the run that succeeded had none.
        var admin = await Fixture.CreateAsync(admin: true);
        using var session = await Fixture.LoginAsync(admin);
        var id = await InsertDeadJobAsync();

        Assert.Equal(HttpStatusCode.Accepted, (await session.PostAsync($"/api/v1/admin/jobs/{id}/retry")).StatusCode);
        var after = await WaitForSucceededAsync(session);

        var job = Assert.Single(after.GetProperty("jobs").GetProperty("items").EnumerateArray());
        Assert.Equal(id, job.GetProperty("id").GetGuid());
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, job.GetProperty("lastError").ValueKind);
    }

    [Fact]
    public async Task ListJobs_ShouldServeTheDatabaseView_WhenRedisIsDown()
    {
        var admin = await Fixture.CreateAsync(admin: true);
        using var session = await Fixture.LoginAsync(admin);
        var id = await InsertDeadJobAsync();
        await using var factory = new ApiFactory(new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = "127.0.0.1:1,abortConnect=false,connectTimeout=300,syncTimeout=500,asyncTimeout=500",
        });
        using var offline = new SessionClient(factory.CreateClient());
        offline.SetCookie("access_token", session.Cookie("access_token")!);

        var response = await offline.GetAsync("/api/v1/admin/jobs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var overview = await response.ReadJsonAsync();
        Assert.Equal(JsonValueKind.Null, Queue(overview).GetProperty("pending").ValueKind);
        Assert.Equal(JsonValueKind.Null, Queue(overview).GetProperty("processing").ValueKind);
        Assert.Equal(1, Queue(overview).GetProperty("deadLetters").GetInt64());
        Assert.Equal(id, overview.GetProperty("jobs").GetProperty("items")[0].GetProperty("id").GetGuid());
    }
}

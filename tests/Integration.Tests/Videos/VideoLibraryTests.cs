using System.Net;
using System.Net.Http.Json;
using AskVideo.Domain.Videos;
using AskVideo.Infrastructure.Persistence;
using AskVideo.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskVideo.Integration.Tests.Videos;

public class VideoLibraryTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    /// <summary>Inserts a video row directly (list tests need many, not their files).</summary>
    private async Task<Guid> SeedAsync(Guid ownerId, string title, string? description = null, VideoStatus status = VideoStatus.Queued, string[]? tags = null, int minutesAgo = 0)
    {
        await using var scope = CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UtcNow.AddMinutes(-minutesAgo);
        var video = VideoRows.InStatus(ownerId, status, now, title, description);
        foreach (var name in tags ?? [])
        {
            var tag = await db.Tags.SingleOrDefaultAsync(t => t.OwnerId == ownerId && t.NormalizedName == name) ?? Tag.Create(ownerId, name, null, now);
            if (db.Entry(tag).State == EntityState.Detached) db.Tags.Add(tag);
            video.ReplaceTags(video.Tags.Select(t => t.TagId).Append(tag.Id));
        }
        db.Videos.Add(video);
        await db.SaveChangesAsync();
        return video.Id;
    }

    private static IEnumerable<string?> Titles(System.Text.Json.JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("title").GetString());

    [Fact]
    public async Task List_ShouldSearchFilterSortAndPage_OnlyTheCallersVideos()
    {
        var user = await Fixture.CreateAsync();
        var other = await Fixture.CreateAsync();
        await SeedAsync(user.Id, "Algebra basics", "Intro to groups", VideoStatus.Ready, ["math"], minutesAgo: 5);
        await SeedAsync(user.Id, "Calculus", "Limits and derivatives", VideoStatus.Failed, ["math", "hard"], minutesAgo: 4);
        await SeedAsync(user.Id, "Biology 101", "Cells 100% explained", VideoStatus.Queued, ["science"], minutesAgo: 3);
        await SeedAsync(user.Id, "zoology", null, VideoStatus.Ready, null, minutesAgo: 2);
        await SeedAsync(other.Id, "Algebra for others", null, VideoStatus.Ready);
        using var session = await Fixture.LoginAsync(user);

        var all = await (await session.GetAsync("/api/v1/videos")).ReadJsonAsync();
        Assert.Equal(4, all.GetProperty("totalCount").GetInt64());
        Assert.Equal(["zoology", "Biology 101", "Calculus", "Algebra basics"], Titles(all));
        Assert.Equal(1, all.GetProperty("page").GetInt32());
        Assert.Equal(20, all.GetProperty("pageSize").GetInt32());

        Assert.Equal(["Algebra basics"], Titles(await (await session.GetAsync("/api/v1/videos?q=ALGEBRA")).ReadJsonAsync()));
        Assert.Equal(["Calculus"], Titles(await (await session.GetAsync("/api/v1/videos?q=derivative")).ReadJsonAsync()));
        Assert.Equal(["Biology 101"], Titles(await (await session.GetAsync("/api/v1/videos?q=100%25")).ReadJsonAsync()));
        Assert.Empty(Titles(await (await session.GetAsync("/api/v1/videos?q=_")).ReadJsonAsync()));
        Assert.Equal(["zoology", "Algebra basics"], Titles(await (await session.GetAsync("/api/v1/videos?status=ready")).ReadJsonAsync()));
        Assert.Equal(["Calculus", "Algebra basics"], Titles(await (await session.GetAsync("/api/v1/videos?tag=Math")).ReadJsonAsync()));
        Assert.Equal(["Algebra basics", "Biology 101", "Calculus", "zoology"], Titles(await (await session.GetAsync("/api/v1/videos?sort=title_asc")).ReadJsonAsync()));
        Assert.Equal(["Algebra basics", "Calculus", "Biology 101", "zoology"], Titles(await (await session.GetAsync("/api/v1/videos?sort=createdAt_asc")).ReadJsonAsync()));

        var page2 = await (await session.GetAsync("/api/v1/videos?sort=title_desc&page=2&pageSize=3")).ReadJsonAsync();
        Assert.Equal(["Algebra basics"], Titles(page2));
        Assert.Equal(4, page2.GetProperty("totalCount").GetInt64());

        await ProblemAssert.IsProblemAsync(await session.GetAsync("/api/v1/videos?status=done"), 400, "validation_failed");
        await ProblemAssert.IsProblemAsync(await session.GetAsync("/api/v1/videos?sort=size"), 400, "validation_failed");
        await ProblemAssert.IsProblemAsync(await session.GetAsync("/api/v1/videos?pageSize=101"), 400, "validation_failed");
        await ProblemAssert.IsProblemAsync(await session.GetAsync("/api/v1/videos?page=0"), 400, "validation_failed");
    }

    [Fact]
    public async Task Patch_ShouldRenameAndRetag_AndSearchShouldSeeTheNewTitle()
    {
        var user = await Fixture.CreateAsync();
        var id = await SeedAsync(user.Id, "Old name", tags: ["draft"]);
        using var session = await Fixture.LoginAsync(user);

        var patched = await (await session.PatchAsync($"/api/v1/videos/{id}", new { title = "Quantum physics", tags = new[] { "physics", "final" } })).ReadJsonAsync();

        Assert.Equal("Quantum physics", patched.GetProperty("title").GetString());
        Assert.Equal(["final", "physics"], patched.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(["Quantum physics"], Titles(await (await session.GetAsync("/api/v1/videos?q=quantum")).ReadJsonAsync()));
        Assert.Empty(Titles(await (await session.GetAsync("/api/v1/videos?q=old")).ReadJsonAsync()));
        await ProblemAssert.IsProblemAsync(await session.PatchAsync($"/api/v1/videos/{id}", new { title = "   " }), 400, "validation_failed");
        await ProblemAssert.IsProblemAsync(await session.PatchAsync($"/api/v1/videos/{Guid.NewGuid()}", new { title = "x" }), 404, "not_found");
    }

    [Fact]
    public async Task OtherUsersVideos_ShouldBeIndistinguishableFromMissingOnes()
    {
        var owner = await Fixture.CreateAsync();
        var id = await SeedAsync(owner.Id, "Private");
        var intruder = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(intruder);

        foreach (var path in new[] { $"/api/v1/videos/{id}", $"/api/v1/videos/{id}/media", $"/api/v1/videos/{id}/thumbnail", $"/api/v1/videos/{id}/events" })
        {
            var theirs = await ProblemAssert.IsProblemAsync(await session.GetAsync(path), 404, "not_found");
            var missing = await ProblemAssert.IsProblemAsync(await session.GetAsync(path.Replace(id.ToString(), Guid.NewGuid().ToString(), StringComparison.Ordinal)), 404, "not_found");
            Assert.Equal(theirs.GetProperty("detail").GetString(), missing.GetProperty("detail").GetString());
        }
        await ProblemAssert.IsProblemAsync(await session.DeleteAsync($"/api/v1/videos/{id}"), 404);
        await ProblemAssert.IsProblemAsync(await session.PostAsync($"/api/v1/videos/{id}/reprocess"), 404);
        await ProblemAssert.IsProblemAsync(await session.GetAsync("/api/v1/videos/not-a-guid"), 404);
    }

    [Fact]
    public async Task Delete_ShouldRemoveTheFilesRowAndMemberships()
    {
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);
        var (token, _) = await session.CreateTokenClientAsync("read", "write");
        var uploaded = await (await token.PostAsync("/api/v1/videos", TestMedia.Upload(await TestMedia.VideoAsync(), null, ("tags", "keep")))).ReadJsonAsync();
        var id = uploaded.GetProperty("id").GetGuid();
        await using (var scope = CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var group = Domain.Groups.VideoGroup.Create(user.Id, "G", null, DateTimeOffset.UtcNow);
            group.AddVideo(id, DateTimeOffset.UtcNow);
            db.Groups.Add(group);
            await db.SaveChangesAsync();
        }
        Assert.NotEmpty(TestMedia.FilesOf(user.Id));

        var response = await session.DeleteAsync($"/api/v1/videos/{id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        // The files go with the cleanup job, right after.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (TestMedia.FilesOf(user.Id).Count > 0 && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Empty(TestMedia.FilesOf(user.Id));
        await using (var scope = CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.False(await db.Videos.AnyAsync(v => v.Id == id));
            Assert.False(await db.GroupMembers.AnyAsync(m => m.VideoId == id));
            Assert.True(await db.Tags.AnyAsync(t => t.OwnerId == user.Id && t.Name == "keep"));
            Assert.True(await db.Jobs.AnyAsync(j => j.Type == "DeleteVideoFiles"));
        }
        await ProblemAssert.IsProblemAsync(await session.GetAsync($"/api/v1/videos/{id}"), 404);
    }

    [Fact]
    public async Task DeleteFilesJob_ShouldFinishTheCleanup_WhenFilesAreStillThere()
    {
        var user = await Fixture.CreateAsync();
        var videoId = Guid.NewGuid();
        var dir = Path.Combine(TestEnvironment.MediaRoot, "users", user.Id.ToString("N"), "videos", videoId.ToString("N"));
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "original.mp4"), "left over");
        await using (var scope = CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<Application.Common.Interfaces.IJobQueue>().Enqueue(new Application.Videos.Manage.DeleteVideoFilesJob(user.Id, videoId));
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (Directory.Exists(dir) && DateTime.UtcNow < deadline) await Task.Delay(100);

        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public async Task Reprocess_ShouldQueueReadyOrFailedVideos_Only()
    {
        var user = await Fixture.CreateAsync();
        var failed = await SeedAsync(user.Id, "Broken", status: VideoStatus.Failed);
        var queued = await SeedAsync(user.Id, "Waiting", status: VideoStatus.Queued);
        await using (var seed = CreateScope())
        {
            // Its processing job is still live (a queued video without one could be queued again).
            var db = seed.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Jobs.Add(AskVideo.Domain.Jobs.Job.Create("ProcessVideo", $$"""{"videoId":"{{queued}}"}""", DateTimeOffset.UtcNow.AddDays(1)));
            await db.SaveChangesAsync();
        }
        using var session = await Fixture.LoginAsync(user);

        var response = await session.PostAsync($"/api/v1/videos/{failed}/reprocess");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("queued", body.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("error").ValueKind);
        await ProblemAssert.IsProblemAsync(await session.PostAsync($"/api/v1/videos/{queued}/reprocess"), 409, "already_processing");
        await using var scope = CreateScope();
        var payloads = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Jobs.Where(j => j.Type == "ProcessVideo").Select(j => j.Payload).ToListAsync();
        Assert.Contains(payloads, p => p.Contains(failed.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Events_ShouldStreamTheCurrentStatus_ThenChanges()
    {
        var user = await Fixture.CreateAsync();
        var id = await SeedAsync(user.Id, "Live", status: VideoStatus.Failed);
        using var session = await Fixture.LoginAsync(user);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/videos/{id}/events");
        request.Headers.Add("Cookie", $"access_token={session.Cookie("access_token")}");
        using var stream = await session.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(cts.Token));

        var first = await NextEventAsync(reader, cts.Token);
        Assert.Contains("\"status\":\"failed\"", first);
        Assert.Contains("no_transcript_source", first);

        Assert.Equal(HttpStatusCode.Accepted, (await session.PostAsync($"/api/v1/videos/{id}/reprocess")).StatusCode);
        var second = await NextEventAsync(reader, cts.Token);
        Assert.Contains("\"status\":\"queued\"", second);
    }

    [Fact]
    public async Task LibraryEvents_ShouldStreamChangesOfAllTheCallersVideos_AndOnlyTheirs()
    {
        var user = await Fixture.CreateAsync();
        var other = await Fixture.CreateAsync();
        var mine = await SeedAsync(user.Id, "Mine", status: VideoStatus.Failed);
        var theirs = await SeedAsync(other.Id, "Theirs", status: VideoStatus.Failed);
        using var session = await Fixture.LoginAsync(user);
        using var otherSession = await Fixture.LoginAsync(other);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/videos/events");
        request.Headers.Add("Cookie", $"access_token={session.Cookie("access_token")}");
        using var stream = await session.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(cts.Token));
        Assert.Equal("event: ready", await reader.ReadLineAsync(cts.Token));
        Assert.Equal("data: {}", await reader.ReadLineAsync(cts.Token));

        Assert.Equal(HttpStatusCode.Accepted, (await otherSession.PostAsync($"/api/v1/videos/{theirs}/reprocess")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await session.PostAsync($"/api/v1/videos/{mine}/reprocess")).StatusCode);

        var change = await NextEventAsync(reader, cts.Token);
        Assert.Contains(mine.ToString(), change);
        Assert.Contains("\"status\":\"queued\"", change);
        Assert.DoesNotContain(theirs.ToString(), change);
    }

    private static async Task<string> NextEventAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal)) return line[6..];
        }
        throw new EndOfStreamException();
    }
}

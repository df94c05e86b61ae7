using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AskVideo.Domain.Jobs;
using AskVideo.Infrastructure.Persistence;
using AskVideo.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskVideo.Integration.Tests.Videos;

public class VideoUploadTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private async Task<(TestUser User, HttpClient Client)> SignedInAsync(Action<Domain.Users.User>? change = null)
    {
        var user = await Fixture.CreateAsync();
        if (change is not null) await Fixture.SetUserAsync(user.Id, change);
        var session = await Fixture.LoginAsync(user);
        var (client, _) = await session.CreateTokenClientAsync("read", "write");
        session.Dispose();
        return (user, client);
    }

    [Fact]
    public async Task Upload_ShouldStreamTheFileToStorage_AndQueueItWithItsJobInOneGo()
    {
        var (user, client) = await SignedInAsync();
        var clip = await TestMedia.VideoAsync();

        var response = await client.PostAsync("/api/v1/videos", TestMedia.Upload(clip, "Lecture 1.mp4", ("description", "First lecture"), ("tags", "math"), ("tags", "intro")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var video = await response.ReadJsonAsync();
        var id = video.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/videos/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("Lecture 1", video.GetProperty("title").GetString());
        Assert.Equal("queued", video.GetProperty("status").GetString());
        Assert.Equal("video/mp4", video.GetProperty("contentType").GetString());
        Assert.Equal(new FileInfo(clip).Length, video.GetProperty("sizeBytes").GetInt64());
        Assert.InRange(video.GetProperty("durationSeconds").GetDouble(), 2.9, 3.2);
        Assert.Equal(320, video.GetProperty("width").GetInt32());
        Assert.Equal(["intro", "math"], video.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString()));

        var stored = Assert.Single(TestMedia.FilesOf(user.Id));
        Assert.EndsWith("original.mp4", stored);
        Assert.Equal(await File.ReadAllBytesAsync(clip), await File.ReadAllBytesAsync(stored));
        Assert.Empty(TestMedia.TempFiles());

        await using var scope = CreateScope();
        var job = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Jobs.AsNoTracking().SingleAsync(j => j.Type == "ProcessVideo");
        Assert.Contains(id.ToString(), job.Payload);
        Assert.NotEqual(JobStatus.Failed, job.Status);
    }

    [Fact]
    public async Task Upload_ShouldAcceptAudio_AndSubtitles()
    {
        var (_, client) = await SignedInAsync();
        var form = TestMedia.Upload(await TestMedia.AudioAsync(), "podcast.wav", ("title", "Podcast"), ("language", "en"));
        form.Add(new StringContent(TestMedia.Vtt, Encoding.UTF8, "text/vtt"), "subtitles", "podcast.vtt");

        var response = await client.PostAsync("/api/v1/videos", form);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var video = await response.ReadJsonAsync();
        Assert.Equal("audio/wav", video.GetProperty("contentType").GetString());
        Assert.True(video.GetProperty("hasSubtitles").GetBoolean());
        Assert.Equal("en", video.GetProperty("language").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, video.GetProperty("width").ValueKind);
    }

    [Fact]
    public async Task Upload_ShouldRejectATextFileRenamedMp4_AndLeaveNothingBehind()
    {
        var (user, client) = await SignedInAsync();
        var fake = Path.Combine(TestEnvironment.StackDir, "fixtures", "notes.mp4");
        Directory.CreateDirectory(Path.GetDirectoryName(fake)!);
        await File.WriteAllTextAsync(fake, string.Concat(Enumerable.Repeat("this is not a video, just text\n", 2000)));

        var response = await client.PostAsync("/api/v1/videos", TestMedia.Upload(fake));

        await ProblemAssert.IsProblemAsync(response, 422, "unsupported_media");
        Assert.Empty(TestMedia.FilesOf(user.Id));
        await AssertNoVideosAsync(user.Id);
    }

    [Fact]
    public async Task Upload_ShouldRejectStillImages()
    {
        var (user, client) = await SignedInAsync();

        var response = await client.PostAsync("/api/v1/videos", TestMedia.Upload(await TestMedia.ImageAsync(), "photo.mp4"));

        await ProblemAssert.IsProblemAsync(response, 422, "unsupported_media");
        Assert.Empty(TestMedia.FilesOf(user.Id));
    }

    [Fact]
    public async Task Upload_ShouldStopAtTheSizeLimit_With413_AndLeaveNothingBehind()
    {
        var (user, client) = await SignedInAsync(u => u.SetMaxUploadBytes(20_000, DateTimeOffset.UtcNow));
        var clip = await TestMedia.VideoAsync();
        Assert.True(new FileInfo(clip).Length > 20_000);

        // Chunked (no Content-Length), so the limit is enforced while streaming, not from a header.
        var form = TestMedia.Upload(clip);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/videos") { Content = form };
        request.Headers.TransferEncodingChunked = true;
        var response = await client.SendAsync(request);

        var problem = await ProblemAssert.IsProblemAsync(response, 413, "file_too_large");
        Assert.Contains("20000", problem.GetProperty("detail").GetString());
        Assert.Empty(TestMedia.FilesOf(user.Id));
        Assert.Empty(TestMedia.TempFiles());
        await AssertNoVideosAsync(user.Id);
    }

    [Fact]
    public async Task Upload_ShouldRejectTooLargeDeclaredBodies_BeforeReadingThem()
    {
        var (user, client) = await SignedInAsync(u => u.SetMaxUploadBytes(10_000, DateTimeOffset.UtcNow));

        var response = await client.PostAsync("/api/v1/videos", TestMedia.Upload(await TestMedia.VideoAsync()));

        await ProblemAssert.IsProblemAsync(response, 413, "file_too_large");
        Assert.Empty(TestMedia.FilesOf(user.Id));
    }

    [Fact]
    public async Task Upload_ShouldEnforceTheVideoLimit()
    {
        var (user, client) = await SignedInAsync(u => u.SetVideoLimit(1, DateTimeOffset.UtcNow));
        var clip = await TestMedia.VideoAsync();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/v1/videos", TestMedia.Upload(clip))).StatusCode);

        var second = await client.PostAsync("/api/v1/videos", TestMedia.Upload(clip));

        var problem = await ProblemAssert.IsProblemAsync(second, 403, "video_limit_reached");
        Assert.Contains("limit of 1", problem.GetProperty("detail").GetString());
        Assert.Single(TestMedia.FilesOf(user.Id));
    }

    [Fact]
    public async Task Upload_ShouldAskForMultipartWithAFile()
    {
        var (_, client) = await SignedInAsync();

        var json = await client.PostAsync("/api/v1/videos", new StringContent("{}", Encoding.UTF8, "application/json"));
        await ProblemAssert.IsProblemAsync(json, 415, "unsupported_media_type");

        var noFile = new MultipartFormDataContent { { new StringContent("Title only"), "title" } };
        var problem = await ProblemAssert.IsProblemAsync(await client.PostAsync("/api/v1/videos", noFile), 400, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));
    }

    [Fact]
    public async Task Upload_ShouldRejectSubtitlesThatAreNotSrtOrVtt_AndBadFields()
    {
        var (user, client) = await SignedInAsync();
        var form = TestMedia.Upload(await TestMedia.VideoAsync(), null, ("language", "english please"), ("groupId", "not-a-guid"));
        form.Add(new StringContent("hello"), "subtitles", "notes.txt");

        var problem = await ProblemAssert.IsProblemAsync(await client.PostAsync("/api/v1/videos", form), 400, "validation_failed");

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("subtitles", out _));
        Assert.True(errors.TryGetProperty("language", out _));
        Assert.True(errors.TryGetProperty("groupId", out _));
        Assert.Empty(TestMedia.FilesOf(user.Id));
    }

    [Fact]
    public async Task Upload_ShouldAnswer404_ForAnotherUsersGroup_AndKeepNothing()
    {
        var other = await Fixture.CreateAsync();
        Guid groupId;
        await using (var scope = CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var group = Domain.Groups.VideoGroup.Create(other.Id, "Theirs", null, DateTimeOffset.UtcNow);
            db.Groups.Add(group);
            await db.SaveChangesAsync();
            groupId = group.Id;
        }
        var (user, client) = await SignedInAsync();

        var response = await client.PostAsync("/api/v1/videos", TestMedia.Upload(await TestMedia.VideoAsync(), null, ("groupId", groupId.ToString())));

        await ProblemAssert.IsProblemAsync(response, 404, "not_found");
        Assert.Empty(TestMedia.FilesOf(user.Id));
    }

    [Fact]
    public async Task Upload_ShouldAddTheVideoToTheUsersGroup()
    {
        var (user, client) = await SignedInAsync();
        Guid groupId;
        await using (var scope = CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var group = Domain.Groups.VideoGroup.Create(user.Id, "Course", null, DateTimeOffset.UtcNow);
            db.Groups.Add(group);
            await db.SaveChangesAsync();
            groupId = group.Id;
        }

        var created = await (await client.PostAsync("/api/v1/videos", TestMedia.Upload(await TestMedia.VideoAsync(), null, ("groupId", groupId.ToString())))).ReadJsonAsync();
        var detail = await (await client.GetAsync($"/api/v1/videos/{created.GetProperty("id").GetGuid()}")).ReadJsonAsync();

        Assert.Equal("Course", detail.GetProperty("groups")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Upload_ShouldAnswer400_WhenTheBodyIsTruncated_AndLeaveNothingBehind()
    {
        var (user, client) = await SignedInAsync();
        var bytes = await File.ReadAllBytesAsync(await TestMedia.VideoAsync());
        const string boundary = "avqtestboundary";
        var head = Encoding.UTF8.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cut.mp4\"\r\nContent-Type: video/mp4\r\n\r\n");
        var body = new ByteArrayContent([.. head, .. bytes.AsSpan(0, bytes.Length / 2)]); // no closing boundary
        body.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");

        var response = await client.PostAsync("/api/v1/videos", body);

        await ProblemAssert.IsProblemAsync(response, 400);
        Assert.Empty(TestMedia.FilesOf(user.Id));
        Assert.Empty(TestMedia.TempFiles());
    }

    [Fact]
    public async Task Upload_ThroughNginx_ShouldStreamAndSucceed()
    {
        var (user, _) = await SignedInAsync();
        using var session = await Fixture.LoginAsync(user);
        using var viaNginx = new SessionClient(ApiFixture.CreateClient(TestEnvironment.NginxUrl));
        foreach (var name in new[] { "access_token", "csrf_token" }) viaNginx.SetCookie(name, session.Cookie(name)!, name == "access_token" ? "/api" : "/");

        var response = await viaNginx.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/videos") { Content = TestMedia.Upload(await TestMedia.VideoAsync()) });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Single(TestMedia.FilesOf(user.Id));
    }

    [Fact]
    public async Task Upload_WithCookieAuth_ShouldRequireTheCsrfHeader()
    {
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);
        session.SendCsrfHeader = false;

        var response = await session.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/videos") { Content = TestMedia.Upload(await TestMedia.VideoAsync()) });

        await ProblemAssert.IsProblemAsync(response, 403, "csrf_failed");
        Assert.Empty(TestMedia.FilesOf(user.Id));
    }

    private async Task AssertNoVideosAsync(Guid userId)
    {
        await using var scope = CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Videos.AnyAsync(v => v.OwnerId == userId));
    }
}

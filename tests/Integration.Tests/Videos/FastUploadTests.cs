using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AskVideo.Infrastructure.Persistence;
using AskVideo.Infrastructure.Storage;
using AskVideo.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskVideo.Integration.Tests.Videos;

/// <summary>
/// The fast upload path: announce (JSON), then PUT the bare bytes. Through nginx the body is written to disk by nginx
/// and handed over to the API, after nginx asked the API whether it may accept it.
/// </summary>
public class FastUploadTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private static string NginxUploadDir => Path.Combine(TestEnvironment.StackDir, "nginx", "temp", "uploads");

    [Fact]
    public async Task Api_ShouldCreateTheUploadBodyFolder_BeforeItServes()
    {
        // Docker Compose mounts this folder into nginx as a subpath of the media volume, which must exist by then
        // (nginx starts once the API is healthy): the API creates it when it starts.
        var folder = Path.Combine(TestEnvironment.StackDir, "fresh-media-" + Guid.NewGuid().ToString("N"), ".uploads");
        await using var host = new ApiFactory(new Dictionary<string, string?> { ["Uploads:ProxyBodyDirectory"] = folder });
        using var client = host.CreateClient();

        var ready = await client.GetAsync("/api/v1/health");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.True(Directory.Exists(folder), $"{folder} was not created");
        Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
    }

    private async Task<(TestUser User, HttpClient Direct, HttpClient ViaNginx)> SignedInAsync(Action<Domain.Users.User>? change = null)
    {
        var user = await Fixture.CreateAsync();
        if (change is not null) await Fixture.SetUserAsync(user.Id, change);
        using var session = await Fixture.LoginAsync(user);
        var (direct, _) = await session.CreateTokenClientAsync("read", "write");
        var viaNginx = ApiFixture.CreateClient(TestEnvironment.NginxUrl);
        viaNginx.DefaultRequestHeaders.Authorization = direct.DefaultRequestHeaders.Authorization;
        return (user, direct, viaNginx);
    }

    private static async Task<(Guid Id, string Url)> AnnounceAsync(HttpClient client, string file, object? extra = null)
    {
        var body = new Dictionary<string, object?> { ["fileName"] = Path.GetFileName(file), ["sizeBytes"] = new FileInfo(file).Length };
        if (extra is not null)
        {
            foreach (var property in extra.GetType().GetProperties()) body[property.Name] = property.GetValue(extra);
        }
        var response = await client.PostAsJsonAsync("/api/v1/videos/uploads", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadJsonAsync();
        var url = created.GetProperty("uploadUrl").GetString()!;
        Assert.Equal(url, response.Headers.Location!.OriginalString);
        return (created.GetProperty("id").GetGuid(), url);
    }

    private static HttpRequestMessage Put(string url, string file) => new(HttpMethod.Put, url)
    {
        Content = new StreamContent(File.OpenRead(file)) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } },
    };

    [Fact]
    public async Task FastUpload_ThroughNginx_ShouldHandTheBodyFileOver_AndQueueTheVideo()
    {
        var (user, direct, viaNginx) = await SignedInAsync();
        var clip = await TestMedia.VideoAsync();
        var (_, url) = await AnnounceAsync(viaNginx, clip, new
        {
            title = "Fast lecture",
            tags = new[] { "fast", "big" },
            language = "en",
            subtitlesFileName = "lecture.vtt",
            subtitles = TestMedia.Vtt,
        });

        var response = await viaNginx.SendAsync(Put(url, clip));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var video = await response.ReadJsonAsync();
        Assert.Equal($"/api/v1/videos/{video.GetProperty("id").GetGuid()}", response.Headers.Location!.OriginalString);
        Assert.Equal("Fast lecture", video.GetProperty("title").GetString());
        Assert.Equal("queued", video.GetProperty("status").GetString());
        Assert.True(video.GetProperty("hasSubtitles").GetBoolean());
        Assert.Equal(["big", "fast"], video.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString()).Order());
        var original = Assert.Single(TestMedia.FilesOf(user.Id), f => Path.GetFileName(f).StartsWith("original", StringComparison.Ordinal));
        Assert.Equal(await File.ReadAllBytesAsync(clip), await File.ReadAllBytesAsync(original));
        Assert.Empty(Directory.GetFiles(NginxUploadDir)); // moved, not copied
        direct.Dispose();
        viaNginx.Dispose();
    }

    [Fact]
    public async Task FastUpload_ThroughNginx_ShouldBeRefused_BeforeAByteOfTheBodyIsAccepted()
    {
        var (_, direct, viaNginx) = await SignedInAsync();
        var clip = await TestMedia.VideoAsync();
        var (id, url) = await AnnounceAsync(viaNginx, clip);
        var token = direct.DefaultRequestHeaders.Authorization!.Parameter!;

        // The wrong length, an unknown upload, no credentials: each answered at once, the body never sent.
        foreach (var (path, length, auth, status, code) in new[]
        {
            (url, new FileInfo(clip).Length + 1, true, 403, "upload_size_mismatch"),
            ($"/api/v1/videos/uploads/{Guid.NewGuid()}", new FileInfo(clip).Length, true, 403, "not_found"),
            (url, new FileInfo(clip).Length, false, 401, "unauthenticated"),
        })
        {
            var headers = new List<(string, string)> { ("Content-Length", length.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Expect", "100-continue") };
            if (auth) headers.Add(("Authorization", "Bearer " + token));
            await using var request = await RawHttpRequest.StartAsync(TestEnvironment.NginxPort, "PUT", path, headers);

            var response = await request.ResponseWithinAsync(TimeSpan.FromSeconds(5));

            Assert.NotNull(response);
            Assert.Equal(status, response.Status);
            Assert.Equal("application/problem+json", response.Headers["Content-Type"]);
            Assert.Equal(code, response.Json.GetProperty("code").GetString());
            Assert.Equal(0, request.BodyBytesSent);
        }
        Assert.Empty(Directory.GetFiles(NginxUploadDir));

        // Refusals take nothing away: the upload still completes.
        Assert.Equal(HttpStatusCode.Created, (await viaNginx.SendAsync(Put(url, clip))).StatusCode);
        Assert.Equal(id, Guid.Parse(url.Split('/')[^1]));
        direct.Dispose();
        viaNginx.Dispose();
    }

    [Fact]
    public async Task FastUpload_Direct_ShouldStreamTheBody_AndCompleteOnlyOnce()
    {
        var (user, direct, viaNginx) = await SignedInAsync();
        var clip = await TestMedia.VideoAsync();
        var (_, url) = await AnnounceAsync(direct, clip);

        var first = await direct.SendAsync(Put(url, clip));
        var second = await direct.SendAsync(Put(url, clip));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await ProblemAssert.IsProblemAsync(second, 404, "not_found");
        Assert.Single(TestMedia.FilesOf(user.Id));
        direct.Dispose();
        viaNginx.Dispose();
    }

    [Fact]
    public async Task FastUpload_ShouldRefuseABodyOfAnotherLength_AndLeaveNothingBehind()
    {
        var (user, direct, viaNginx) = await SignedInAsync();
        var clip = await TestMedia.VideoAsync();
        var (_, url) = await AnnounceAsync(direct, clip);
        var shorter = new ByteArrayContent((await File.ReadAllBytesAsync(clip))[..1000]);

        var response = await direct.PutAsync(url, shorter);

        await ProblemAssert.IsProblemAsync(response, 422, "upload_size_mismatch");
        Assert.Empty(TestMedia.FilesOf(user.Id));
        direct.Dispose();
        viaNginx.Dispose();
    }

    [Fact]
    public async Task CreateUpload_ShouldCheckEverythingThatNeedsNoBytes()
    {
        var (_, direct, viaNginx) = await SignedInAsync(u => u.SetMaxUploadBytes(10_000, DateTimeOffset.UtcNow));
        var clip = await TestMedia.VideoAsync();

        var tooLarge = await direct.PostAsJsonAsync("/api/v1/videos/uploads", new { fileName = "big.mp4", sizeBytes = 10_001 });
        var badFields = await direct.PostAsJsonAsync("/api/v1/videos/uploads", new
        {
            fileName = "a.mp4", sizeBytes = 100, language = "english please", tags = Enumerable.Range(0, 21).Select(i => $"t{i}"),
            subtitlesFileName = "notes.txt", subtitles = "hello",
        });
        var foreignGroup = await direct.PostAsJsonAsync("/api/v1/videos/uploads", new { fileName = "a.mp4", sizeBytes = 100, groupId = Guid.NewGuid() });

        await ProblemAssert.IsProblemAsync(tooLarge, 413, "file_too_large");
        var errors = (await ProblemAssert.IsProblemAsync(badFields, 400, "validation_failed")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("language", out _));
        Assert.True(errors.TryGetProperty("tags", out _));
        Assert.True(errors.TryGetProperty("subtitlesFileName", out _));
        await ProblemAssert.IsProblemAsync(foreignGroup, 404, "not_found");
        Assert.True(new FileInfo(clip).Length > 0);
        direct.Dispose();
        viaNginx.Dispose();
    }

    [Fact]
    public async Task PutUpload_ShouldIgnoreABodyFileNamedByAnUntrustedPeer_OrOutsideNginxsFolder()
    {
        var (user, direct, viaNginx) = await SignedInAsync();
        var clip = await TestMedia.VideoAsync();
        // A file of the right size in nginx's folder (someone else's upload, say), and one elsewhere.
        Directory.CreateDirectory(NginxUploadDir);
        var theirs = Path.Combine(NginxUploadDir, "0000099999");
        var elsewhere = Path.Combine(TestEnvironment.StackDir, "fixtures", "0000099998");
        Directory.CreateDirectory(Path.GetDirectoryName(elsewhere)!);
        File.Copy(clip, theirs, overwrite: true);
        File.Copy(clip, elsewhere, overwrite: true);
        // A copy keeps the clip's old timestamp: on a stack that has been up a while the incomplete-upload sweeper
        // would take it for a crash leftover and delete it before the assertions below look for it.
        File.SetLastWriteTimeUtc(theirs, DateTime.UtcNow);
        File.SetLastWriteTimeUtc(elsewhere, DateTime.UtcNow);

        // In-process requests have no loopback peer: they are not from the proxy.
        await using var host = new ApiFactory(new Dictionary<string, string?>());
        using var untrusted = host.CreateClient();
        untrusted.DefaultRequestHeaders.Authorization = direct.DefaultRequestHeaders.Authorization;
        var (_, first) = await AnnounceAsync(direct, clip);
        var fromUntrusted = Put(first, clip);
        fromUntrusted.Headers.Add("X-Upload-Body-File", theirs);
        Assert.Equal(HttpStatusCode.Created, (await untrusted.SendAsync(fromUntrusted)).StatusCode);

        // Loopback is trusted, but the file is not in nginx's folder.
        var (_, second) = await AnnounceAsync(direct, clip);
        var outside = Put(second, clip);
        outside.Headers.Add("X-Upload-Body-File", elsewhere);
        Assert.Equal(HttpStatusCode.Created, (await direct.SendAsync(outside)).StatusCode);

        Assert.True(File.Exists(theirs));
        Assert.True(File.Exists(elsewhere));
        Assert.Equal(2, TestMedia.FilesOf(user.Id).Count); // both made from the bodies sent
        File.Delete(theirs);
        direct.Dispose();
        viaNginx.Dispose();
    }

    [Fact]
    public async Task Sweep_ShouldAlsoRemoveBodiesNginxLeftBehind()
    {
        Directory.CreateDirectory(NginxUploadDir);
        var leftover = Path.Combine(NginxUploadDir, "0000077777");
        await File.WriteAllTextAsync(leftover, "a body nobody took");
        File.SetLastWriteTimeUtc(leftover, DateTime.UtcNow.AddHours(-3));

        await Fixture.Services.GetRequiredService<IncompleteUploadSweeper>().SweepOnceAsync(CancellationToken.None);

        Assert.False(File.Exists(leftover));
    }

    [Fact]
    public async Task CreateUpload_ShouldKeepAtMostTenWaitingPerUser()
    {
        var (user, direct, viaNginx) = await SignedInAsync();
        var clip = await TestMedia.VideoAsync();
        var first = await AnnounceAsync(direct, clip);
        for (var i = 0; i < 10; i++) await AnnounceAsync(direct, clip);

        var response = await direct.SendAsync(Put(first.Url, clip));

        await ProblemAssert.IsProblemAsync(response, 404, "not_found");
        await using var scope = CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Videos.AnyAsync(v => v.OwnerId == user.Id));
        direct.Dispose();
        viaNginx.Dispose();
    }
}

using System.Net;
using System.Net.Http.Headers;
using AskVideo.Integration.Tests.Infrastructure;

namespace AskVideo.Integration.Tests.Videos;

public class MediaTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private async Task<(SessionClient Session, Guid VideoId, byte[] Bytes)> UploadedAsync()
    {
        var user = await Fixture.CreateAsync();
        var session = await Fixture.LoginAsync(user);
        var clip = await TestMedia.VideoAsync();
        var video = await (await session.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/videos") { Content = TestMedia.Upload(clip) })).ReadJsonAsync();
        return (session, video.GetProperty("id").GetGuid(), await File.ReadAllBytesAsync(clip));
    }

    [Fact]
    public async Task Media_ShouldServeRanges_Directly()
    {
        var (session, id, bytes) = await UploadedAsync();

        var full = await session.GetAsync($"/api/v1/videos/{id}/media");
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Equal("video/mp4", full.Content.Headers.ContentType?.MediaType);
        Assert.Equal("bytes", full.Headers.AcceptRanges.Single());
        Assert.Contains("private", full.Headers.CacheControl!.ToString());
        Assert.Equal(bytes, await full.Content.ReadAsByteArrayAsync());

        var range = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/videos/{id}/media");
        range.Headers.Range = new RangeHeaderValue(100, 1123);
        var partial = await session.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal($"bytes 100-1123/{bytes.Length}", partial.Content.Headers.ContentRange!.ToString());
        Assert.Equal(bytes[100..1124], await partial.Content.ReadAsByteArrayAsync());

        var beyond = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/videos/{id}/media");
        beyond.Headers.Range = new RangeHeaderValue(bytes.Length + 10, null);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, (await session.SendAsync(beyond)).StatusCode);
    }

    [Fact]
    public async Task Media_ShouldServeRanges_ThroughNginx_WithXAccelRedirect()
    {
        var (session, id, bytes) = await UploadedAsync();
        using var viaNginx = new SessionClient(ApiFixture.CreateClient(TestEnvironment.NginxUrl));
        viaNginx.SetCookie("access_token", session.Cookie("access_token")!, "/api");

        var range = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/videos/{id}/media");
        range.Headers.Range = new RangeHeaderValue(0, 99);
        var partial = await viaNginx.SendAsync(range);

        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(bytes[..100], await partial.Content.ReadAsByteArrayAsync());
        Assert.Equal($"bytes 0-99/{bytes.Length}", partial.Content.Headers.ContentRange!.ToString());
        Assert.Equal("video/mp4", partial.Content.Headers.ContentType?.MediaType);
        Assert.False(partial.Headers.Contains("X-Accel-Redirect"));

        var tail = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/videos/{id}/media");
        tail.Headers.Range = new RangeHeaderValue(null, 50);
        Assert.Equal(bytes[^50..], await (await viaNginx.SendAsync(tail)).Content.ReadAsByteArrayAsync());

        using var anonymous = ApiFixture.CreateClient(TestEnvironment.NginxUrl);
        await ProblemAssert.IsProblemAsync(await anonymous.GetAsync($"/api/v1/videos/{id}/media"), 401);
    }

    [Fact]
    public async Task Media_ShouldWorkWithAReadOnlyToken()
    {
        var (session, id, bytes) = await UploadedAsync();
        var (reader, _) = await session.CreateTokenClientAsync("read");

        var response = await reader.GetAsync($"/api/v1/videos/{id}/media");

        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Thumbnail_ShouldBe404_UntilProcessingMadeOne()
    {
        var (session, id, _) = await UploadedAsync();

        var problem = await ProblemAssert.IsProblemAsync(await session.GetAsync($"/api/v1/videos/{id}/thumbnail"), 404);

        Assert.Contains("thumbnail", problem.GetProperty("detail").GetString());
    }
}

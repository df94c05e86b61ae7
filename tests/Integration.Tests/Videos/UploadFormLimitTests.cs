using System.Text;
using AskVideo.Integration.Tests.Infrastructure;

namespace AskVideo.Integration.Tests.Videos;

/// <summary>
/// A form can make the server hold or read only so much before it answers: more than 20 tags, or more than 64 KiB of
/// fields and extra parts, are refused while the body is still arriving (the rest of it is never read).
/// </summary>
public class UploadFormLimitTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private const string Boundary = "avqlimits";
    // Shorter than Kestrel's grace period for a stalled body (5 s), after which it would answer 408 on its own.
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Upload_ShouldRefuseTheTwentyFirstTag_BeforeTheRestOfTheBodyArrives()
    {
        await using var request = await StartUploadAsync();

        // 21 tags, then the start of a 22nd part: the body announced is 100 MiB, and nothing more comes.
        var parts = string.Concat(Enumerable.Range(1, 21).Select(i => Part("tags", $"tag{i}"))) + PartHead("tags") + "tag22";
        Assert.True(await request.SendAsync(Encoding.ASCII.GetBytes(parts)));

        var response = await request.ResponseWithinAsync(AnswerTimeout);

        Assert.True(response is not null, "the server should answer without waiting for the rest of the body");
        Assert.Equal(400, response.Status);
        Assert.Equal("validation_failed", response.Json.GetProperty("code").GetString());
        Assert.Contains("20", response.Json.GetProperty("errors").GetProperty("tags")[0].GetString());
        Assert.True(request.BodyBytesSent < 4096);
    }

    [Fact]
    public async Task Upload_ShouldRefuseFieldsOverTheirBudget_BeforeTheRestOfTheBodyArrives()
    {
        await using var request = await StartUploadAsync();

        // 80 unknown fields of 1 KB each (80 KB, over the 64 KiB budget), then nothing more.
        var filler = new string('x', 1000);
        var parts = string.Concat(Enumerable.Range(1, 80).Select(i => Part($"note{i}", filler))) + PartHead("note81") + "x";
        Assert.True(await request.SendAsync(Encoding.ASCII.GetBytes(parts)));

        var response = await request.ResponseWithinAsync(AnswerTimeout);

        Assert.True(response is not null, "the server should answer without waiting for the rest of the body");
        Assert.Equal(413, response.Status);
        Assert.Equal("application/problem+json", response.Headers["Content-Type"].Split(';')[0]);
        Assert.Equal("form_too_large", response.Json.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Upload_ShouldStillAcceptTwentyTagsInOneOrManyParts()
    {
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);
        var (client, _) = await session.CreateTokenClientAsync("read", "write");
        var form = TestMedia.Upload(await TestMedia.VideoAsync(), "clip.mp4", ("tags", string.Join(',', Enumerable.Range(1, 10).Select(i => $"a{i}"))));
        foreach (var i in Enumerable.Range(1, 10)) form.Add(new StringContent($"b{i}"), "tags");

        var response = await client.PostAsync("/api/v1/videos", form);

        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(20, (await response.ReadJsonAsync()).GetProperty("tags").GetArrayLength());
    }

    private async Task<RawHttpRequest> StartUploadAsync()
    {
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);
        var (client, _) = await session.CreateTokenClientAsync("read", "write");
        var token = client.DefaultRequestHeaders.Authorization!.Parameter!;
        client.Dispose();
        return await RawHttpRequest.StartAsync(TestEnvironment.ApiPort, "POST", "/api/v1/videos",
        [
            ("Authorization", "Bearer " + token),
            ("Content-Type", $"multipart/form-data; boundary={Boundary}"),
            ("Content-Length", (100L * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);
    }

    private static string PartHead(string name) => $"--{Boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n";

    private static string Part(string name, string value) => PartHead(name) + value + "\r\n";
}

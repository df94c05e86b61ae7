using System.Net;
using AskVideo.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AskVideo.Integration.Tests.Videos;

/// <summary>A presigned URL is a bearer credential for the file: it must not reach a log line, at any log level.</summary>
public class PresignedUrlLoggingTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task S3Media_ShouldRedirectToAPresignedUrl_ThatNoLogLineContains()
    {
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);
        var (token, _) = await session.CreateTokenClientAsync("read", "write");
        var logs = new CapturedLogs();
        var settings = new Dictionary<string, string?>(TestS3.Settings())
        {
            // Everything, including the framework's own debug output.
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:AskVideo"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:System"] = "Trace",
        };
        await using var host = new ApiFactory(settings);
        using var client = host.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs))).CreateClient(
            new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = token.DefaultRequestHeaders.Authorization;
        var created = await client.PostAsync("/api/v1/videos", TestMedia.Upload(await TestMedia.VideoAsync()));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();

        var media = await client.GetAsync($"/api/v1/videos/{id}/media");

        Assert.Equal(HttpStatusCode.Redirect, media.StatusCode);
        var url = media.Headers.Location!;
        Assert.Contains("X-Amz-Signature=", url.Query);
        using (var direct = new HttpClient())
            Assert.Equal(HttpStatusCode.OK, (await direct.GetAsync(url)).StatusCode); // the URL survives being set by hand
        Assert.NotEmpty(logs.Lines);
        var signature = System.Text.RegularExpressions.Regex.Match(url.Query, "X-Amz-Signature=([0-9a-f]+)").Groups[1].Value;
        Assert.DoesNotContain(logs.Lines, l => l.Contains(signature, StringComparison.Ordinal) || l.Contains("X-Amz-", StringComparison.Ordinal));
        await TestS3.DeletePrefixAsync($"users/{user.Id:N}/");
    }
}

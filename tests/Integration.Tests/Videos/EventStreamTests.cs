using System.Net;
using AskVideo.Domain.Videos;
using AskVideo.Infrastructure.Persistence;
using AskVideo.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AskVideo.Integration.Tests.Videos;

/// <summary>
/// Event streams are capped per user (Streams:MaxPerUser = 3 in the test host), and end when the session or API token
/// they were opened with stops being valid (re-checked every Streams:SessionCheckSeconds = 1 s).
/// </summary>
public class EventStreamTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private const int Cap = 3;

    private sealed class OpenStream(HttpResponseMessage response, StreamReader reader) : IDisposable
    {
        public StreamReader Reader => reader;

        public void Dispose()
        {
            reader.Dispose();
            response.Dispose();
        }
    }

    private async Task<Guid> SeedVideoAsync(Guid ownerId)
    {
        await using var scope = CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var video = VideoRows.InStatus(ownerId, VideoStatus.Queued, DateTimeOffset.UtcNow, "Streams");
        db.Videos.Add(video);
        await db.SaveChangesAsync();
        return video.Id;
    }

    private static Task<HttpResponseMessage> RequestStreamAsync(HttpClient client, string path) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path), HttpCompletionOption.ResponseHeadersRead);

    /// <summary>Opens an event stream and reads its first line (the subscription is live once it arrives).</summary>
    private static async Task<OpenStream> OpenAsync(Func<Task<HttpResponseMessage>> send)
    {
        var response = await send();
        if (response.StatusCode != HttpStatusCode.OK) Assert.Fail($"stream refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cts.Token));
        Assert.StartsWith("event: ", await reader.ReadLineAsync(cts.Token));
        return new OpenStream(response, reader);
    }

    private static Task<OpenStream> OpenAsync(SessionClient session, string path) =>
        OpenAsync(() => session.SendAsync(new HttpRequestMessage(HttpMethod.Get, path), HttpCompletionOption.ResponseHeadersRead));

    /// <summary>True when the server ends the stream within <paramref name="within"/>; false when it is still open then.</summary>
    private static async Task<bool> EndsWithinAsync(OpenStream stream, TimeSpan within)
    {
        using var cts = new CancellationTokenSource(within);
        try
        {
            while (await stream.Reader.ReadLineAsync(cts.Token) is not null)
            {
            }
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task AssertRefusedAsync(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        // The status first: the body of a stream that was let through never ends.
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        await ProblemAssert.IsProblemAsync(response, 429, "too_many_streams");
        Assert.NotNull(response.Headers.RetryAfter);
    }

    private static object Question(bool stream) => new { messages = new[] { new { role = "user", content = "What happens here?" } }, stream };

    [Fact]
    public async Task Streams_OverThePerUserCap_ShouldBeRefusedWithTooManyStreams_UntilOneCloses()
    {
        var user = await Fixture.CreateAsync();
        var other = await Fixture.CreateAsync();
        var videoId = await SeedVideoAsync(user.Id);
        using var session = await Fixture.LoginAsync(user);
        using var otherSession = await Fixture.LoginAsync(other);
        var open = new List<OpenStream>();
        try
        {
            // Library and per-video streams share the cap.
            open.Add(await OpenAsync(session, "/api/v1/videos/events"));
            open.Add(await OpenAsync(session, "/api/v1/videos/events"));
            open.Add(await OpenAsync(session, $"/api/v1/videos/{videoId}/events"));
            Assert.Equal(Cap, open.Count);

            await AssertRefusedAsync(session.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/videos/events"), HttpCompletionOption.ResponseHeadersRead));
            await AssertRefusedAsync(session.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/videos/{videoId}/events"), HttpCompletionOption.ResponseHeadersRead));
            // A streamed chat answer is a stream too: refused before any retrieval.
            await AssertRefusedAsync(session.PostAsync($"/api/v1/videos/{videoId}/chat", Question(stream: true)));
            // Other users have slots of their own.
            open.Add(await OpenAsync(otherSession, "/api/v1/videos/events"));

            // Closing a stream frees its slot as soon as the server sees the client go.
            open[0].Dispose();
            open.RemoveAt(0);
            HttpStatusCode status = 0;
            for (var attempt = 0; attempt < 50 && status != HttpStatusCode.OK; attempt++)
            {
                var retry = await session.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/videos/events"), HttpCompletionOption.ResponseHeadersRead);
                status = retry.StatusCode;
                if (status == HttpStatusCode.OK) open.Add(new OpenStream(retry, new StreamReader(await retry.Content.ReadAsStreamAsync())));
                else
                {
                    retry.Dispose();
                    await Task.Delay(100);
                }
            }
            Assert.Equal(HttpStatusCode.OK, status);
        }
        finally
        {
            foreach (var stream in open) stream.Dispose();
        }
    }

    [Fact]
    public async Task LibraryEvents_ShouldEnd_WhenTheirSessionSignsOut_AndOnlyThatSession()
    {
        var user = await Fixture.CreateAsync();
        using var signingOut = await Fixture.LoginAsync(user);
        using var staying = await Fixture.LoginAsync(user);
        using var ending = await OpenAsync(signingOut, "/api/v1/videos/events");
        using var lasting = await OpenAsync(staying, "/api/v1/videos/events");

        Assert.Equal(HttpStatusCode.NoContent, (await signingOut.PostAsync("/api/v1/auth/logout")).StatusCode);

        Assert.True(await EndsWithinAsync(ending, TimeSpan.FromSeconds(8)), "the signed-out session's stream ends within a few re-check intervals");
        Assert.False(await EndsWithinAsync(lasting, TimeSpan.FromSeconds(3)), "the other session's stream stays open");
    }

    [Fact]
    public async Task LibraryEvents_ShouldEnd_AsSoonAsTheirSessionSignsOut_NotAtTheNextPeriodicCheck()
    {
        // The periodic re-check is five minutes away here: only the revocation signal can end the stream in time.
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["Streams:SessionCheckSeconds"] = "300" });
        await using var host = api.WithWebHostBuilder(_ => { });
        var user = await Fixture.CreateAsync();
        using var session = new SessionClient(host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false }));
        Assert.True((await session.PostAsync("/api/v1/auth/login", new { login = user.Email, password = user.Password })).IsSuccessStatusCode);
        using var stream = await OpenAsync(session, "/api/v1/videos/events");

        Assert.Equal(HttpStatusCode.NoContent, (await session.PostAsync("/api/v1/auth/logout")).StatusCode);

        Assert.True(await EndsWithinAsync(stream, TimeSpan.FromSeconds(10)), "the signed-out session's stream ends on the revocation signal");
    }

    [Fact]
    public async Task LibraryEvents_ShouldEnd_WhenTheirApiTokenIsRevoked()
    {
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);
        var (client, tokenId) = await session.CreateTokenClientAsync("read");
        using var _ = client;
        using var stream = await OpenAsync(() => RequestStreamAsync(client, "/api/v1/videos/events"));

        Assert.Equal(HttpStatusCode.NoContent, (await session.DeleteAsync($"/api/v1/me/tokens/{tokenId}")).StatusCode);

        Assert.True(await EndsWithinAsync(stream, TimeSpan.FromSeconds(8)), "the revoked token's stream ends within a few re-check intervals");
    }
}

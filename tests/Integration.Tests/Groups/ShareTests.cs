using System.Net;
using System.Net.Http.Headers;
using AskVideo.Domain.Videos;
using AskVideo.Infrastructure.Persistence;
using AskVideo.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using AskVideo.Integration.Tests.Security;
using static AskVideo.Integration.Tests.Groups.GroupTests;

namespace AskVideo.Integration.Tests.Groups;

public class ShareTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    /// <summary>The SPEC §8 line "share tokens are unguessable and revocable" in the security report (bench/run.sh).</summary>
    private const string ShareTokensCheck = "share-tokens";

    private static async Task<string> ShareAsync(SessionClient session, Guid group)
    {
        var share = await (await session.PostAsync($"/api/v1/groups/{group}/share")).ReadJsonAsync();
        var token = share.GetProperty("shareToken").GetString()!;
        Assert.EndsWith($"/share/{token}", share.GetProperty("url").GetString());
        return token;
    }

    /// <summary>A member that failed to process, inserted directly (its files do not matter here).</summary>
    private async Task<Guid> SeedFailedVideoAsync(Guid ownerId)
    {
        await using var scope = CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var video = VideoRows.InStatus(ownerId, VideoStatus.Failed, DateTimeOffset.UtcNow, "Broken clip",
            failure: "No speech and no subtitles: upload subtitles in the transcript editor.");
        db.Videos.Add(video);
        await db.SaveChangesAsync();
        return video.Id;
    }

    [Fact]
    public async Task FailedMembers_ShouldCarryTheirErrorCode_ForTheOwner_AndForGuests()
    {
        var owner = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(owner);
        var failed = await SeedFailedVideoAsync(owner.Id);
        var fine = await UploadVideoAsync(session, "fine");
        var group = await CreateGroupAsync(session, "With a failure", failed, fine);
        var token = await ShareAsync(session, group);
        using var guest = ApiFixture.CreateClient();

        var mine = (await (await session.GetAsync($"/api/v1/groups/{group}")).ReadJsonAsync()).GetProperty("videos");
        var theirs = (await (await guest.GetAsync($"/api/v1/shared/{token}")).ReadJsonAsync()).GetProperty("videos");

        Assert.Equal("failed", mine[0].GetProperty("status").GetString());
        Assert.Equal("no_transcript_source", mine[0].GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("No speech and no subtitles: upload subtitles in the transcript editor.", mine[0].GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, mine[1].GetProperty("error").ValueKind);
        // Guests get the code (the UI translates it), not the owner's failure details.
        Assert.Equal("no_transcript_source", theirs[0].GetProperty("error").GetProperty("code").GetString());
        Assert.DoesNotContain("transcript editor", theirs[0].GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, theirs[1].GetProperty("error").ValueKind);
    }

    [Fact]
    public async Task Share_ShouldLetGuestsSeeTheGroupInOrder_WithoutOwnerData()
    {
        var owner = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(owner);
        var (a, b) = (await UploadVideoAsync(session, "first"), await UploadVideoAsync(session, "second"));
        var group = await CreateGroupAsync(session, "Shared lectures", b, a);
        var token = await ShareAsync(session, group);
        using var guest = ApiFixture.CreateClient();

        var response = await guest.GetAsync($"/api/v1/shared/{token}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(owner.Email, body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(owner.Username, body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(owner.Id.ToString(), body, StringComparison.OrdinalIgnoreCase);
        var shared = await response.ReadJsonAsync();
        Assert.Equal("Shared lectures", shared.GetProperty("name").GetString());
        var videos = shared.GetProperty("videos").EnumerateArray().ToList();
        Assert.Equal([b, a], videos.Select(v => v.GetProperty("id").GetGuid()));
        Assert.Equal($"/api/v1/shared/{token}/videos/{b}/media", videos[0].GetProperty("mediaUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, (await guest.GetAsync(videos[0].GetProperty("mediaUrl").GetString())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await guest.GetAsync(videos[0].GetProperty("transcriptUrl").GetString())).StatusCode);
        var detail = await (await session.GetAsync($"/api/v1/groups/{group}")).ReadJsonAsync();
        Assert.Equal(token, detail.GetProperty("share").GetProperty("shareToken").GetString());
    }

    [Fact]
    public Task RotateAndRevoke_ShouldEndTheOldLink_AtOnce_IncludingMediaUrls() => SecurityReport.RecordAsync(ShareTokensCheck, "rotate and revoke end the old link (256-bit tokens)", async () =>
    {
        var owner = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(owner);
        var video = await UploadVideoAsync(session, "v");
        var group = await CreateGroupAsync(session, "G", video);
        var first = await ShareAsync(session, group);
        using var guest = ApiFixture.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await guest.GetAsync($"/api/v1/shared/{first}/videos/{video}/media")).StatusCode);

        var second = await ShareAsync(session, group);

        Assert.NotEqual(first, second);
        Assert.True(second.Length >= 43, "at least 256 bits of randomness");
        await ProblemAssert.IsProblemAsync(await guest.GetAsync($"/api/v1/shared/{first}"), 404, "not_found");
        await ProblemAssert.IsProblemAsync(await guest.GetAsync($"/api/v1/shared/{first}/videos/{video}/media"), 404, "not_found");
        Assert.Equal(HttpStatusCode.OK, (await guest.GetAsync($"/api/v1/shared/{second}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await session.DeleteAsync($"/api/v1/groups/{group}/share")).StatusCode);

        await ProblemAssert.IsProblemAsync(await guest.GetAsync($"/api/v1/shared/{second}"), 404, "not_found");
        await ProblemAssert.IsProblemAsync(await guest.GetAsync($"/api/v1/shared/{second}/videos/{video}/media"), 404, "not_found");
        await ProblemAssert.IsProblemAsync(await guest.GetAsync($"/api/v1/shared/{second}/videos/{video}/transcript"), 404, "not_found");
        Assert.False((await (await session.GetAsync("/api/v1/groups")).ReadJsonAsync()).GetProperty("items")[0].GetProperty("isShared").GetBoolean());
    });

    [Fact]
    public Task Token_ShouldReachOnlyItsGroupsVideos_AndNotVideosRemovedFromIt() => SecurityReport.RecordAsync(ShareTokensCheck, "a token reaches only its group's videos", async () =>
    {
        var owner = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(owner);
        var (member, outsider) = (await UploadVideoAsync(session, "member"), await UploadVideoAsync(session, "outsider"));
        var group = await CreateGroupAsync(session, "G", member);
        var token = await ShareAsync(session, group);
        using var guest = ApiFixture.CreateClient();

        await ProblemAssert.IsProblemAsync(await guest.GetAsync($"/api/v1/shared/{token}/videos/{outsider}/media"), 404, "not_found");
        Assert.Equal(HttpStatusCode.OK, (await guest.GetAsync($"/api/v1/shared/{token}/videos/{member}/media")).StatusCode);

        await session.DeleteAsync($"/api/v1/groups/{group}/videos/{member}");

        await ProblemAssert.IsProblemAsync(await guest.GetAsync($"/api/v1/shared/{token}/videos/{member}/media"), 404, "not_found");
        Assert.Empty((await (await guest.GetAsync($"/api/v1/shared/{token}")).ReadJsonAsync()).GetProperty("videos").EnumerateArray());
    });

    [Fact]
    public async Task SignedInUser_ShouldWatchSomeoneElsesSharedGroup_AsAGuest()
    {
        var owner = await Fixture.CreateAsync();
        var viewer = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(owner);
        using var viewerSession = await Fixture.LoginAsync(viewer);
        var video = await UploadVideoAsync(session, "v");
        var token = await ShareAsync(session, await CreateGroupAsync(session, "G", video));

        Assert.Equal(HttpStatusCode.OK, (await viewerSession.GetAsync($"/api/v1/shared/{token}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewerSession.GetAsync($"/api/v1/shared/{token}/videos/{video}/media")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewerSession.GetAsync($"/api/v1/videos/{video}/media")).StatusCode);
    }

    [Fact]
    public async Task GuestMedia_ShouldServeRanges_ThroughNginx()
    {
        var owner = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(owner);
        var video = await UploadVideoAsync(session, "v");
        var token = await ShareAsync(session, await CreateGroupAsync(session, "G", video));
        var bytes = await File.ReadAllBytesAsync(await TestMedia.VideoAsync());
        using var viaNginx = ApiFixture.CreateClient(TestEnvironment.NginxUrl);
        var range = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/shared/{token}/videos/{video}/media");
        range.Headers.Range = new RangeHeaderValue(100, 199);

        var partial = await viaNginx.SendAsync(range);

        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(bytes[100..200], await partial.Content.ReadAsByteArrayAsync());
        Assert.Equal("video/mp4", partial.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Guests_ShouldBeThrottledPerLink_With429AndRetryAfter()
    {
        var owner = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(owner);
        var token = await ShareAsync(session, await CreateGroupAsync(session));
        await using var strict = new ApiFactory(new Dictionary<string, string?>
        {
            ["RateLimits:SharePerToken:Limit"] = "3",
            ["RateLimits:SharePerToken:WindowSeconds"] = "60",
        });
        using var guest = strict.CreateClient();

        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await guest.GetAsync($"/api/v1/shared/{token}")).StatusCode);
        var limited = await guest.GetAsync($"/api/v1/shared/{token}");

        await ProblemAssert.IsProblemAsync(limited, 429, "rate_limited");
        Assert.NotNull(limited.Headers.RetryAfter);
    }
}

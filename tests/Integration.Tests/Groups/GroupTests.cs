using System.Net;
using System.Text.Json;
using AskVideo.Integration.Tests.Infrastructure;

namespace AskVideo.Integration.Tests.Groups;

public class GroupTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    internal static async Task<Guid> UploadVideoAsync(SessionClient session, string title)
    {
        using var form = TestMedia.Upload(await TestMedia.VideoAsync(), null, ("title", title));
        var response = await session.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/videos") { Content = form });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    internal static async Task<Guid> CreateGroupAsync(SessionClient session, string name = "Lectures", params Guid[] videos)
    {
        var response = await session.PostAsync("/api/v1/groups", new { name, description = "Week one" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
        if (videos.Length > 0) Assert.Equal(HttpStatusCode.OK, (await session.PostAsync($"/api/v1/groups/{id}/videos", new { videoIds = videos })).StatusCode);
        return id;
    }

    private static async Task<List<Guid>> MemberIdsAsync(SessionClient session, Guid groupId) =>
        (await (await session.GetAsync($"/api/v1/groups/{groupId}")).ReadJsonAsync())
            .GetProperty("videos").EnumerateArray().Select(v => v.GetProperty("id").GetGuid()).ToList();

    [Fact]
    public async Task Groups_ShouldBeCreatedListedRenamedAndDeleted_KeepingTheirVideos()
    {
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);
        var video = await UploadVideoAsync(session, "Intro");

        var id = await CreateGroupAsync(session, "Lectures", video);
        await CreateGroupAsync(session, "Cooking");
        var patched = await (await session.PatchAsync($"/api/v1/groups/{id}", new { name = "Lectures 2026" })).ReadJsonAsync();
        var list = await (await session.GetAsync("/api/v1/groups?q=lecture")).ReadJsonAsync();

        Assert.Equal("Lectures 2026", patched.GetProperty("name").GetString());
        Assert.Equal("Week one", patched.GetProperty("description").GetString());
        Assert.Equal(1, list.GetProperty("totalCount").GetInt32());
        var summary = list.GetProperty("items")[0];
        Assert.Equal(1, summary.GetProperty("videoCount").GetInt32());
        Assert.False(summary.GetProperty("isShared").GetBoolean());
        Assert.Equal(2, (await (await session.GetAsync("/api/v1/groups")).ReadJsonAsync()).GetProperty("totalCount").GetInt32());
        var detail = await (await session.GetAsync($"/api/v1/videos/{video}")).ReadJsonAsync();
        Assert.Equal("Lectures 2026", detail.GetProperty("groups")[0].GetProperty("name").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await session.DeleteAsync($"/api/v1/groups/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"/api/v1/groups/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync($"/api/v1/videos/{video}")).StatusCode);
    }

    [Theory]
    [InlineData("{\"name\":\"   \"}", "validation_failed")]
    [InlineData("{}", "validation_failed")]
    [InlineData("{\"email\": 42, \"title\": {\"a\": 1}, \"tags\": \"nope\"}", "validation_failed")]
    [InlineData("{\"name\":null}", "bad_request")]
    [InlineData("[1,2,3]", "bad_request")]
    public async Task CreateGroup_ShouldAnswer400_WhenTheNameIsBlankOrMissing(string body, string code)
    {
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/groups") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        var problem = await ProblemAssert.IsProblemAsync(await session.SendAsync(request), 400, code);

        if (code == "validation_failed") Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task AddVideos_ShouldSkipMembers_AndAddTheRestInOrder()
    {
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);
        var (first, second, third) = (await UploadVideoAsync(session, "1"), await UploadVideoAsync(session, "2"), await UploadVideoAsync(session, "3"));
        var group = await CreateGroupAsync(session, "G", first);

        var result = await (await session.PostAsync($"/api/v1/groups/{group}/videos", new { videoIds = new[] { second, first, third, second } })).ReadJsonAsync();

        Assert.Equal([second, third], result.GetProperty("added").EnumerateArray().Select(e => e.GetGuid()));
        Assert.Equal([first], result.GetProperty("skipped").EnumerateArray().Select(e => e.GetGuid()));
        Assert.Equal([first, second, third], await MemberIdsAsync(session, group));
    }

    [Fact]
    public async Task AddVideos_ShouldAddNothing_WhenAnyVideoIsNotTheCallers()
    {
        var owner = await Fixture.CreateAsync();
        var other = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(owner);
        using var otherSession = await Fixture.LoginAsync(other);
        var mine = await UploadVideoAsync(session, "mine");
        var theirs = await UploadVideoAsync(otherSession, "theirs");
        var group = await CreateGroupAsync(session);

        await ProblemAssert.IsProblemAsync(await session.PostAsync($"/api/v1/groups/{group}/videos", new { videoIds = new[] { mine, theirs } }), 404, "not_found");
        await ProblemAssert.IsProblemAsync(await session.PostAsync($"/api/v1/groups/{group}/videos", new { videoIds = new[] { mine, Guid.NewGuid() } }), 404, "not_found");

        Assert.Empty(await MemberIdsAsync(session, group));
        await ProblemAssert.IsProblemAsync(await session.PostAsync($"/api/v1/groups/{group}/videos", new { videoIds = Array.Empty<Guid>() }), 400, "validation_failed");
    }

    [Fact]
    public async Task Reorder_ShouldApplyExactlyTheMemberSet_AndRefuseAnythingElseWithoutChanges()
    {
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);
        var (a, b, c) = (await UploadVideoAsync(session, "a"), await UploadVideoAsync(session, "b"), await UploadVideoAsync(session, "c"));
        var group = await CreateGroupAsync(session, "G", a, b, c);

        foreach (var invalid in new[] { new[] { c, a }, new[] { c, a, b, Guid.NewGuid() }, new[] { c, a, a } })
            await ProblemAssert.IsProblemAsync(await session.PutAsync($"/api/v1/groups/{group}/order", new { videoIds = invalid }), 400, "validation_failed");
        await ProblemAssert.IsProblemAsync(await session.PutAsync($"/api/v1/groups/{group}/order", new { }), 400, "validation_failed");
        await ProblemAssert.IsProblemAsync(await session.PostAsync($"/api/v1/groups/{group}/videos", new { }), 400, "validation_failed");
        Assert.Equal([a, b, c], await MemberIdsAsync(session, group));

        var reordered = await (await session.PutAsync($"/api/v1/groups/{group}/order", new { videoIds = new[] { c, a, b } })).ReadJsonAsync();

        Assert.Equal([c, a, b], reordered.GetProperty("videos").EnumerateArray().Select(v => v.GetProperty("id").GetGuid()));
        Assert.Equal([c, a, b], await MemberIdsAsync(session, group));
    }

    [Fact]
    public async Task RemoveVideo_ShouldKeepTheOthersInOrder_AndTheVideoInTheLibrary()
    {
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);
        var (a, b, c) = (await UploadVideoAsync(session, "a"), await UploadVideoAsync(session, "b"), await UploadVideoAsync(session, "c"));
        var group = await CreateGroupAsync(session, "G", a, b, c);

        Assert.Equal(HttpStatusCode.NoContent, (await session.DeleteAsync($"/api/v1/groups/{group}/videos/{b}")).StatusCode);

        Assert.Equal([a, c], await MemberIdsAsync(session, group));
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync($"/api/v1/videos/{b}")).StatusCode);
        await ProblemAssert.IsProblemAsync(await session.DeleteAsync($"/api/v1/groups/{group}/videos/{b}"), 404, "not_found");
    }

    [Fact]
    public async Task Upload_ShouldJoinTheGroup_WhenAGroupIdIsGiven()
    {
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);
        var group = await CreateGroupAsync(session);
        using var form = TestMedia.Upload(await TestMedia.VideoAsync(), null, ("groupId", group.ToString()));

        var response = await session.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/videos") { Content = form });

        var video = (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal([video], await MemberIdsAsync(session, group));
        var detail = await (await session.GetAsync($"/api/v1/groups/{group}")).ReadJsonAsync();
        var member = detail.GetProperty("videos")[0];
        Assert.Equal($"/api/v1/videos/{video}/media", member.GetProperty("mediaUrl").GetString());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("share").ValueKind);
    }
}

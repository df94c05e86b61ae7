using System.Net;
using AskVideo.Integration.Tests.Infrastructure;

namespace AskVideo.Integration.Tests.Videos;

public class TagTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Tags_ShouldSupportCreateListRenameRecolorAndDelete()
    {
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);

        var created = await session.PostAsync("/api/v1/tags", new { name = "Lectures", color = "#FF0000" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var tag = await created.ReadJsonAsync();
        var id = tag.GetProperty("id").GetGuid();
        Assert.Equal("#ff0000", tag.GetProperty("color").GetString());

        await ProblemAssert.IsProblemAsync(await session.PostAsync("/api/v1/tags", new { name = "lectures" }), 409, "tag_exists");
        await ProblemAssert.IsProblemAsync(await session.PostAsync("/api/v1/tags", new { name = "x", color = "red" }), 400, "validation_failed");
        await ProblemAssert.IsProblemAsync(await session.PostAsync("/api/v1/tags", new { name = "" }), 400, "validation_failed");

        var renamed = await (await session.PatchAsync($"/api/v1/tags/{id}", new { name = "Talks", color = "#00ff00" })).ReadJsonAsync();
        Assert.Equal("Talks", renamed.GetProperty("name").GetString());
        Assert.Equal("#00ff00", renamed.GetProperty("color").GetString());

        await session.PostAsync("/api/v1/tags", new { name = "Another" });
        var list = await (await session.GetAsync("/api/v1/tags")).ReadJsonAsync();
        Assert.Equal(["Another", "Talks"], list.EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(0, list[0].GetProperty("videoCount").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await session.DeleteAsync($"/api/v1/tags/{id}")).StatusCode);
        await ProblemAssert.IsProblemAsync(await session.DeleteAsync($"/api/v1/tags/{id}"), 404);

        var other = await Fixture.CreateAsync();
        using var otherSession = await Fixture.LoginAsync(other);
        var mine = (await (await session.GetAsync("/api/v1/tags")).ReadJsonAsync())[0].GetProperty("id").GetGuid();
        await ProblemAssert.IsProblemAsync(await otherSession.PatchAsync($"/api/v1/tags/{mine}", new { name = "stolen" }), 404);
        Assert.Empty((await (await otherSession.GetAsync("/api/v1/tags")).ReadJsonAsync()).EnumerateArray());
    }
}

using System.Net;
using AskVideo.Integration.Tests.Infrastructure;

namespace AskVideo.Integration.Tests.Accounts;

public class SessionTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Login_ShouldAcceptTheUsername_CaseInsensitively()
    {
        var user = await Fixture.CreateAsync("Henry_1");
        using var session = new SessionClient(ApiFixture.CreateClient());

        var response = await session.PostAsync("/api/v1/auth/login", new { login = "henry_1", password = user.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Login_ShouldNotRevealWhetherAnAccountExists()
    {
        var user = await Fixture.CreateAsync();

        var wrongPassword = await ProblemAssert.IsProblemAsync(await Client.PostAsync("/api/v1/auth/login",
            Json(new { login = user.Email, password = "definitely wrong" })), 401, "unauthenticated");
        var unknown = await ProblemAssert.IsProblemAsync(await Client.PostAsync("/api/v1/auth/login",
            Json(new { login = "ghost@example.test", password = "definitely wrong" })), 401, "unauthenticated");

        Assert.Equal(wrongPassword.GetProperty("detail").GetString(), unknown.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Logout_ShouldRevokeTheSession_AndClearTheCookies()
    {
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);
        var access = session.Cookie("access_token")!;
        var refresh = session.Cookie("refresh_token")!;

        var logout = await session.PostAsync("/api/v1/auth/logout");

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Null(session.Cookie("access_token"));
        using var replay = new SessionClient(ApiFixture.CreateClient());
        replay.SetCookie("access_token", access, "/api");
        replay.SetCookie("refresh_token", refresh, "/api/v1/auth");
        replay.SetCookie("csrf_token", "c");
        await ProblemAssert.IsProblemAsync(await replay.GetAsync("/api/v1/me"), 401);
        await ProblemAssert.IsProblemAsync(await replay.PostAsync("/api/v1/auth/refresh"), 401);
    }

    [Fact]
    public async Task DeactivatedOrUnverifiedAccounts_ShouldGetAClear403_OnlyAfterTheRightPassword()
    {
        var unverified = await Fixture.CreateAsync(verified: false);
        var disabled = await Fixture.CreateAsync();
        await Fixture.SetUserAsync(disabled.Id, u => u.SetActive(false, DateTimeOffset.UtcNow));

        await ProblemAssert.IsProblemAsync(await Client.PostAsync("/api/v1/auth/login", Json(new { login = unverified.Email, password = unverified.Password })), 403, "email_not_verified");
        await ProblemAssert.IsProblemAsync(await Client.PostAsync("/api/v1/auth/login", Json(new { login = disabled.Email, password = disabled.Password })), 403, "account_disabled");
        await ProblemAssert.IsProblemAsync(await Client.PostAsync("/api/v1/auth/login", Json(new { login = disabled.Email, password = "not the password" })), 401);
    }

    private static StringContent Json(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}

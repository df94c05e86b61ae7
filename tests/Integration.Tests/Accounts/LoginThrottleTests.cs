using System.Net;
using System.Net.Http.Json;
using AskVideo.Integration.Tests.Infrastructure;

namespace AskVideo.Integration.Tests.Accounts;

/// <summary>
/// The account throttle (issue 10, item 2): counted before the password is checked, one counter per account whatever
/// the login names, per network (IPv6 /64) so a stranger's guesses cannot lock the owner out from elsewhere.
/// The test host allows 5 attempts per account and network in 3 s, and 30 per network in 60 s.
/// </summary>
public class LoginThrottleTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Login_ShouldLetAtMostTheLimitThrough_WhenAParallelBurstArrives()
    {
        var user = await Fixture.CreateAsync();
        var wrong = Enumerable.Range(0, 29).Select(i => LoginFrom("203.0.113.9", user.Email, "wrong guess number " + i)).ToList();
        // The right password arrives while the wrong guesses are still being hashed: a peek-then-count throttle has
        // counted none of them yet and lets it through.
        await Task.Delay(150);
        var right = LoginFrom("203.0.113.9", user.Email, user.Password);

        var statuses = (await Task.WhenAll(wrong.Append(right))).Select(r => (int)r.StatusCode).ToList();

        Assert.True(statuses.Count(s => s != 429) <= 5, "at most 5 attempts may be checked: " + string.Join(",", statuses));
        Assert.Equal(429, (int)(await right).StatusCode);
        Assert.All(statuses, s => Assert.Contains(s, new[] { 401, 429 }));
    }

    [Fact]
    public async Task Login_ShouldCountEmailAndUsernameAgainstOneAccount()
    {
        var user = await Fixture.CreateAsync();
        for (var i = 0; i < 3; i++) Assert.Equal(401, (int)(await LoginFrom("203.0.113.10", user.Email, "wrong by email " + i)).StatusCode);
        for (var i = 0; i < 2; i++) Assert.Equal(401, (int)(await LoginFrom("203.0.113.10", user.Username.ToUpperInvariant(), "wrong by name " + i)).StatusCode);

        await ProblemAssert.IsProblemAsync(await LoginFrom("203.0.113.10", user.Email, "one more wrong"), 429, "rate_limited");
        await ProblemAssert.IsProblemAsync(await LoginFrom("203.0.113.10", user.Username, user.Password), 429, "rate_limited");
    }

    [Fact]
    public async Task Login_ShouldNotLockTheOwnerOut_WhenAStrangerGuessesFromAnotherNetwork()
    {
        var user = await Fixture.CreateAsync();
        for (var i = 0; i < 10; i++) await LoginFrom("203.0.113.66", user.Email, "stranger guess " + i);
        await ProblemAssert.IsProblemAsync(await LoginFrom("203.0.113.66", user.Email, user.Password), 429, "rate_limited");

        var owner = await LoginFrom("198.51.100.77", user.Email, user.Password);

        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
    }

    [Fact]
    public async Task Login_ShouldResetTheCounter_AfterASuccess()
    {
        var user = await Fixture.CreateAsync();
        for (var i = 0; i < 4; i++) await LoginFrom("203.0.113.11", user.Email, "typo " + i);
        Assert.Equal(HttpStatusCode.OK, (await LoginFrom("203.0.113.11", user.Email, user.Password)).StatusCode);

        for (var i = 0; i < 4; i++) Assert.Equal(401, (int)(await LoginFrom("203.0.113.11", user.Email, "later typo " + i)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginFrom("203.0.113.11", user.Email, user.Password)).StatusCode);
    }

    [Fact]
    public async Task Login_ShouldCountAnIpv6Slash64AsOneNetwork()
    {
        for (var i = 1; i <= 30; i++)
            await ProblemAssert.IsProblemAsync(await LoginFrom($"2001:db8:5:6::{i:x}", $"nobody{i}@example.test", "whatever it is"), 401);

        await ProblemAssert.IsProblemAsync(await LoginFrom("2001:db8:5:6:ffff:1:2:3", "someone@example.test", "whatever it is"), 429, "rate_limited");
        await ProblemAssert.IsProblemAsync(await LoginFrom("2001:db8:5:7::1", "someone@example.test", "whatever it is"), 401);
    }

    [Fact]
    public async Task ChangePassword_ShouldBeThrottledByTheAccountLimiter()
    {
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);
        for (var i = 0; i < 5; i++)
            await ProblemAssert.IsProblemAsync(await session.PostAsync("/api/v1/me/password", new { currentPassword = "guess number " + i, newPassword = "a brand new passphrase" }), 400);

        var blocked = await session.PostAsync("/api/v1/me/password", new { currentPassword = user.Password, newPassword = "a brand new passphrase" });

        await ProblemAssert.IsProblemAsync(blocked, 429, "rate_limited");
        Assert.True(blocked.Headers.RetryAfter is not null);
    }

    private Task<HttpResponseMessage> LoginFrom(string ip, string login, string password)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(new { login, password }) };
        request.Headers.Add("X-Forwarded-For", ip);
        return Client.SendAsync(request);
    }
}

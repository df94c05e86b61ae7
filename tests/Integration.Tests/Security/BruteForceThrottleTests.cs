using System.Net;
using System.Net.Http.Json;
using AskVideo.Application.Common.Security;
using AskVideo.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace AskVideo.Integration.Tests.Security;

/// <summary>
/// The brute-force throttles (RateLimits options, Redis counters shared by every API instance), each answering 429
/// problem+json <c>rate_limited</c> with Retry-After:
/// <list type="bullet">
/// <item>password guesses per account (sign-in, password change), counted before the password is checked, one counter
/// per account whatever the login names, per network (an IPv4 address or an IPv6 /64) so a stranger's guesses cannot
/// lock the owner out from elsewhere; and sign-in attempts per network whatever the account;</item>
/// <item>sign-ups per network, and "email me a link" requests (sign-up, verification, password reset) per address and
/// per network;</item>
/// <item>share-token guessing on /shared per network, and every anonymous request in the general per-network budget
/// (which also bounds guessing email-link tokens: those are 256-bit, like share tokens).</item>
/// </list>
/// The test host allows 5 password attempts per account and network in 3 s and 30 sign-ins per network in 60 s; the
/// other limits are the defaults, or lowered in a variant host where reaching them would take hundreds of requests.
/// </summary>
public class BruteForceThrottleTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private const string Check = "throttles";

    [Fact]
    public Task Login_ShouldBeThrottledPerAccount_AndRecoverAfterTheWindow() => SecurityReport.RecordAsync(Check, "login per account", async () =>
    {
        var user = await Fixture.CreateAsync();
        for (var i = 0; i < 5; i++) await ProblemAssert.IsProblemAsync(await LoginFrom("203.0.113.1", user.Email, "wrong password " + i), 401);

        var blocked = await LoginFrom("203.0.113.1", user.Email, "wrong again");
        var blockedEvenWithTheRightPassword = await LoginFrom("203.0.113.1", user.Email, user.Password);

        Assert.InRange(await AssertThrottledAsync(blocked), 1, 3);
        await AssertThrottledAsync(blockedEvenWithTheRightPassword);
        await Task.Delay(TimeSpan.FromSeconds(3.5)); // the test window is 3 s
        Assert.Equal(HttpStatusCode.OK, (await LoginFrom("203.0.113.1", user.Email, user.Password)).StatusCode);
    });

    [Fact]
    public Task Login_ShouldBeThrottledPerNetwork_AcrossAccounts() => SecurityReport.RecordAsync(Check, "login per network", async () =>
    {
        // Thirty attempts: the account throttle refuses most of them before any password hashing (fast), and every
        // one counts for the network.
        for (var i = 0; i < 30; i++) await AssertRefusedAsync(await LoginFrom("198.51.100.23", "nobody@example.test", "whatever it is " + i));

        await AssertThrottledAsync(await LoginFrom("198.51.100.23", "someone-else@example.test", "whatever it is"));
        await ProblemAssert.IsProblemAsync(await LoginFrom("198.51.100.24", "someone-else@example.test", "whatever it is"), 401);
    });

    [Fact]
    public Task Login_ShouldCountAnIpv6Slash64AsOneNetwork() => SecurityReport.RecordAsync(Check, "login per IPv6 /64", async () =>
    {
        for (var i = 1; i <= 30; i++) await AssertRefusedAsync(await LoginFrom($"2001:db8:5:6::{i:x}", "nobody@example.test", "whatever it is " + i));

        await AssertThrottledAsync(await LoginFrom("2001:db8:5:6:ffff:1:2:3", "someone@example.test", "whatever it is"));
        await ProblemAssert.IsProblemAsync(await LoginFrom("2001:db8:5:7::1", "someone@example.test", "whatever it is"), 401);
    });

    [Fact]
    public Task Login_ShouldLetAtMostTheLimitThrough_WhenAParallelBurstArrives() => SecurityReport.RecordAsync(Check, "login burst", async () =>
    {
        var user = await Fixture.CreateAsync();
        var wrong = Enumerable.Range(0, 29).Select(i => LoginFrom("203.0.113.9", user.Email, "wrong guess number " + i)).ToList();
        // The right password arrives while the wrong guesses are still being hashed: a peek-then-count throttle has
        // counted none of them yet and lets it through.
        await Task.Delay(150);
        var right = LoginFrom("203.0.113.9", user.Email, user.Password);

        var statuses = (await Task.WhenAll(wrong.Append(right))).Select(r => (int)r.StatusCode).ToList();

        Assert.True(statuses.Count(s => s != 429) <= 5, "at most 5 attempts may be checked: " + string.Join(",", statuses));
        await AssertThrottledAsync(await right);
        Assert.All(statuses, s => Assert.Contains(s, new[] { 401, 429 }));
    });

    [Fact]
    public Task Login_ShouldCountEmailAndUsernameAgainstOneAccount() => SecurityReport.RecordAsync(Check, "login per account, any name", async () =>
    {
        var user = await Fixture.CreateAsync();
        for (var i = 0; i < 3; i++) Assert.Equal(401, (int)(await LoginFrom("203.0.113.10", user.Email, "wrong by email " + i)).StatusCode);
        for (var i = 0; i < 2; i++) Assert.Equal(401, (int)(await LoginFrom("203.0.113.10", user.Username.ToUpperInvariant(), "wrong by name " + i)).StatusCode);

        await AssertThrottledAsync(await LoginFrom("203.0.113.10", user.Email, "one more wrong"));
        await AssertThrottledAsync(await LoginFrom("203.0.113.10", user.Username, user.Password));
    });

    [Fact]
    public Task Login_ShouldNotLockTheOwnerOut_WhenAStrangerGuessesFromAnotherNetwork() => SecurityReport.RecordAsync(Check, "no lockout from elsewhere", async () =>
    {
        var user = await Fixture.CreateAsync();
        for (var i = 0; i < 10; i++) await LoginFrom("203.0.113.66", user.Email, "stranger guess " + i);
        await AssertThrottledAsync(await LoginFrom("203.0.113.66", user.Email, user.Password));

        var owner = await LoginFrom("198.51.100.77", user.Email, user.Password);

        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
    });

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
    public Task ChangePassword_ShouldBeThrottledByTheAccountLimiter() => SecurityReport.RecordAsync(Check, "password change per account", async () =>
    {
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);
        for (var i = 0; i < 5; i++)
            await ProblemAssert.IsProblemAsync(await session.PostAsync("/api/v1/me/password", new { currentPassword = "guess number " + i, newPassword = "a brand new passphrase" }), 400);

        await AssertThrottledAsync(await session.PostAsync("/api/v1/me/password", new { currentPassword = user.Password, newPassword = "a brand new passphrase" }));
    });

    [Fact]
    public Task Signup_ShouldBeThrottledPerAddress_AndPerNetwork() => SecurityReport.RecordAsync(Check, "sign-up per address and network", async () =>
    {
        // Defaults: 5 emails an hour per address, 10 sign-ups an hour per network. Every attempt counts (the network's
        // first, then the address's), also the refused ones.
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.Accepted, (await SignUpFrom("203.0.113.20", "sam@example.test", "sam" + i)).StatusCode);
        await AssertThrottledAsync(await SignUpFrom("198.51.100.20", "sam@example.test", "sam_other_network"));
        for (var i = 0; i < 5; i++) await AssertThrottledAsync(await SignUpFrom("203.0.113.20", "sam@example.test", "sam_again" + i));

        await AssertThrottledAsync(await SignUpFrom("203.0.113.20", "tia@example.test", "tia"));
        Assert.Equal(HttpStatusCode.Accepted, (await SignUpFrom("198.51.100.21", "tia@example.test", "tia")).StatusCode);
    });

    [Fact]
    public Task EmailLinks_ShouldBeThrottledPerNetwork_AndPerAddress() => SecurityReport.RecordAsync(Check, "email links per network and address", async () =>
    {
        // Defaults: 20 an hour per network, 5 an hour per address, sign-up, verification and reset together; known
        // and unknown addresses alike (the answer is 202 either way).
        for (var i = 0; i < 20; i++)
        {
            var path = i % 2 == 0 ? "/api/v1/auth/password-reset" : "/api/v1/auth/resend-verification";
            Assert.Equal(HttpStatusCode.Accepted, (await PostFrom("203.0.113.30", path, new { email = $"who{i}@example.test" })).StatusCode);
        }
        await AssertThrottledAsync(await PostFrom("203.0.113.30", "/api/v1/auth/password-reset", new { email = "fresh@example.test" }));

        var user = await Fixture.CreateAsync();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Accepted, (await PostFrom($"198.51.100.{30 + i}", i < 3 ? "/api/v1/auth/password-reset" : "/api/v1/auth/resend-verification", new { email = user.Email })).StatusCode);
        await AssertThrottledAsync(await PostFrom("198.51.100.40", "/api/v1/auth/password-reset", new { email = user.Email.ToUpperInvariant() }));
    });

    [Fact]
    public Task ShareTokenGuessing_ShouldBeThrottledPerNetwork() => SecurityReport.RecordAsync(Check, "share-token guessing per network", async () =>
    {
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["RateLimits:SharePerIp:Limit"] = "5" });
        var guesses = new[] { "", "/videos/" + Guid.NewGuid() + "/media", "/videos/" + Guid.NewGuid() + "/transcript" };
        for (var i = 0; i < 5; i++) Assert.Equal(404, (await SendFromAsync(api, "203.0.113.40", "/api/v1/shared/" + SecretTokens.Create() + guesses[i % 3])).Status);
        AssertThrottled(await SendFromAsync(api, "203.0.113.40", "/api/v1/shared/" + SecretTokens.Create()), "IPv4");
        Assert.Equal(404, (await SendFromAsync(api, "203.0.113.41", "/api/v1/shared/" + SecretTokens.Create())).Status);

        // One IPv6 subscriber holds a whole /64: rotating through its addresses is still one network.
        for (var i = 1; i <= 5; i++) Assert.Equal(404, (await SendFromAsync(api, $"2001:db8:7:8::{i:x}", "/api/v1/shared/" + SecretTokens.Create())).Status);
        AssertThrottled(await SendFromAsync(api, "2001:db8:7:8:aaaa:bbbb:cccc:dddd", "/api/v1/shared/" + SecretTokens.Create()), "IPv6 /64");
    });

    [Fact]
    public Task AnonymousRequests_ShouldShareOneBudgetPerNetwork() => SecurityReport.RecordAsync(Check, "anonymous budget per network", async () =>
    {
        // The general budget (middleware, before any endpoint) bounds guessing anywhere, email-link tokens included.
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["RateLimits:ApiPerIp:Limit"] = "3" });
        for (var i = 1; i <= 3; i++) Assert.Equal(200, (await SendFromAsync(api, $"2001:db8:9:a::{i:x}", "/api/v1/config/frontend")).Status);

        AssertThrottled(await SendFromAsync(api, "2001:db8:9:a:1:2:3:4", "/api/v1/config/frontend"), "IPv6 /64");
        Assert.Equal(200, (await SendFromAsync(api, "2001:db8:9:b::1", "/api/v1/config/frontend")).Status);
    });

    /// <summary>A wrong sign-in: 401, or 429 once a throttle holds.</summary>
    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests) await AssertThrottledAsync(response);
        else await ProblemAssert.IsProblemAsync(response, 401, "unauthenticated");
    }

    /// <summary>Asserts a 429 problem+json rate_limited with Retry-After, and returns the Retry-After seconds.</summary>
    private static async Task<int> AssertThrottledAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.Empty(ErrorBodies.Inspect(Check, response.RequestMessage?.RequestUri?.AbsolutePath ?? "?", (int)response.StatusCode, text));
        await ProblemAssert.IsProblemAsync(response, 429, "rate_limited");
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.True(retryAfter is { TotalSeconds: >= 1 }, "429 without a Retry-After of at least a second");
        return (int)retryAfter.Value.TotalSeconds;
    }

    private static void AssertThrottled((int Status, string Body, string? RetryAfter) response, string what)
    {
        Assert.Empty(ErrorBodies.Inspect(Check, what, response.Status, response.Body));
        Assert.True(response.Status == 429, $"{what}: expected 429, got {response.Status}: {response.Body}");
        var problem = System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement>(response.Body);
        Assert.Equal("rate_limited", problem.GetProperty("code").GetString());
        ProblemAssert.AssertCatalogued(problem);
        Assert.True(int.TryParse(response.RetryAfter, out var seconds) && seconds >= 1, $"429 with Retry-After '{response.RetryAfter}'");
    }

    private Task<HttpResponseMessage> LoginFrom(string ip, string login, string password) =>
        PostFrom(ip, "/api/v1/auth/login", new { login, password });

    private Task<HttpResponseMessage> SignUpFrom(string ip, string email, string username) =>
        PostFrom(ip, "/api/v1/auth/signup", new { email, username, password = "a sturdy passphrase 42" });

    /// <summary>Through the real host: loopback (the local nginx) is a trusted proxy, so X-Forwarded-For is the caller.</summary>
    private Task<HttpResponseMessage> PostFrom(string ip, string path, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Forwarded-For", ip);
        return Client.SendAsync(request);
    }

    /// <summary>A GET through an in-memory variant host, as a connection from <paramref name="peer"/>.</summary>
    private static async Task<(int Status, string Body, string? RetryAfter)> SendFromAsync(ApiFactory api, string peer, string path)
    {
        var context = await api.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = path;
            c.Connection.RemoteIpAddress = IPAddress.Parse(peer);
        });
        using var reader = new StreamReader(context.Response.Body);
        return (context.Response.StatusCode, await reader.ReadToEndAsync(), context.Response.Headers.RetryAfter.ToString());
    }
}

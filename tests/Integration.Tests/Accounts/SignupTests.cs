using System.Net;
using System.Net.Http.Json;
using AskVideo.Domain.Users;
using AskVideo.Infrastructure.Persistence;
using AskVideo.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskVideo.Integration.Tests.Accounts;

public class SignupTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private static object NewSignup(string name, string? password = null) =>
        new { email = $"{name}@example.test", username = name, password = password ?? "a sturdy passphrase 42" };

    [Fact]
    public async Task Signup_ShouldSendAVerificationLink_ThatEnablesLogin()
    {
        using var session = new SessionClient(ApiFixture.CreateClient());

        var signup = await session.PostAsync("/api/v1/auth/signup", NewSignup("alice"));
        Assert.Equal(HttpStatusCode.Accepted, signup.StatusCode);

        var beforeVerify = await session.PostAsync("/api/v1/auth/login", new { login = "alice", password = "a sturdy passphrase 42" });
        await ProblemAssert.IsProblemAsync(beforeVerify, 403, "email_not_verified");

        var email = await MailOutbox.WaitForAsync("alice@example.test");
        Assert.Contains("Confirm your email", email.Subject);
        var link = MailOutbox.ExtractLink(email, "verify-email");
        Assert.StartsWith(TestEnvironment.NginxUrl.ToString().TrimEnd('/') + "/verify-email?token=", link);
        Assert.Contains("<a href=", email.Html);

        var verify = await session.PostAsync("/api/v1/auth/verify-email", new { token = MailOutbox.TokenFrom(link) });
        Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
        var again = await session.PostAsync("/api/v1/auth/verify-email", new { token = MailOutbox.TokenFrom(link) });
        await ProblemAssert.IsProblemAsync(again, 422, "token_invalid");

        var login = await session.PostAsync("/api/v1/auth/login", new { login = "ALICE@example.test", password = "a sturdy passphrase 42" });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var body = await login.ReadJsonAsync();
        Assert.Equal("alice", body.GetProperty("user").GetProperty("username").GetString());
        Assert.False(body.ToString().Contains("token", StringComparison.OrdinalIgnoreCase), "tokens never appear in JSON bodies");

        var cookies = login.SetCookies().ToList();
        Assert.Contains(cookies, c => c.StartsWith("access_token=", StringComparison.Ordinal) && c.Contains("httponly") && c.Contains("samesite=lax") && c.Contains("path=/api"));
        Assert.Contains(cookies, c => c.StartsWith("refresh_token=", StringComparison.Ordinal) && c.Contains("httponly") && c.Contains("path=/api/v1/auth"));
        Assert.Contains(cookies, c => c.StartsWith("csrf_token=", StringComparison.Ordinal) && !c.Contains("httponly"));
    }

    [Fact]
    public async Task Signup_ShouldAnswerTheSame_WhenTheEmailIsAlreadyRegistered()
    {
        var existing = await Fixture.CreateAsync("bob");
        using var session = new SessionClient(ApiFixture.CreateClient());

        var response = await session.PostAsync("/api/v1/auth/signup", new { email = existing.Email.ToUpperInvariant(), username = "bob2", password = "another sturdy phrase" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var email = await MailOutbox.WaitForAsync(existing.Email);
        Assert.Contains("already have", email.Subject);
        await using var scope = CreateScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.CountAsync());
    }

    [Theory]
    [InlineData("short1", "Use at least 10 characters.")]
    [InlineData("password123", "too common")]
    [InlineData("1234567890", "too common")]
    [InlineData("my carol secret", "must not contain your username")]
    public async Task Signup_ShouldEnforceThePasswordPolicy(string password, string expected)
    {
        var response = await Client.PostAsJsonAsync("/api/v1/auth/signup", new { email = "carol@example.test", username = "carol", password });

        var problem = await ProblemAssert.IsProblemAsync(response, 400, "validation_failed");
        Assert.Contains(problem.GetProperty("errors").GetProperty("password").EnumerateArray(), e => e.GetString()!.Contains(expected));
    }

    [Fact]
    public async Task Signup_ShouldReportEveryInvalidField()
    {
        var response = await Client.PostAsJsonAsync("/api/v1/auth/signup", new { email = "not-an-email", username = "x", password = "" });

        var errors = (await ProblemAssert.IsProblemAsync(response, 400, "validation_failed")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("username", out _));
        Assert.True(errors.TryGetProperty("password", out _));
    }

    [Fact]
    public async Task Signup_ShouldRejectATakenUsername()
    {
        await Fixture.CreateAsync("dave");

        var response = await Client.PostAsJsonAsync("/api/v1/auth/signup", new { email = "another-dave@example.test", username = "DAVE", password = "a sturdy passphrase 42" });

        var problem = await ProblemAssert.IsProblemAsync(response, 400, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("username", out _));
    }

    [Fact]
    public async Task Signup_ShouldNotRevealARegisteredEmail_WhenTheUsernameIsTaken()
    {
        var registered = await Fixture.CreateAsync("hank");
        await Fixture.CreateAsync("ivan");

        var known = await Client.PostAsJsonAsync("/api/v1/auth/signup", new { email = registered.Email, username = "ivan", password = "a sturdy passphrase 42" });
        var unknown = await Client.PostAsJsonAsync("/api/v1/auth/signup", new { email = "not-registered@example.test", username = "ivan", password = "a sturdy passphrase 42" });

        Assert.Equal(unknown.StatusCode, known.StatusCode);
        var knownBody = await known.ReadJsonAsync();
        var unknownBody = await unknown.ReadJsonAsync();
        Assert.Equal(Without(unknownBody, "traceId"), Without(knownBody, "traceId"));
        await Task.Delay(500);
        Assert.DoesNotContain(MailOutbox.All(), m => m.To.Contains(registered.Email) || m.To.Contains("not-registered"));
    }

    private static string Without(System.Text.Json.JsonElement body, string property) =>
        System.Text.Json.JsonSerializer.Serialize(body.EnumerateObject().Where(p => p.Name != property).ToDictionary(p => p.Name, p => p.Value));

    [Fact]
    public async Task Signup_ShouldBeForbidden_WhenDisabledByConfiguration()
    {
        await using var factory = new ApiFactory(new Dictionary<string, string?> { ["App:SignupEnabled"] = "false" });
        using var client = factory.CreateClient();

        var config = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/config/frontend");
        var response = await client.PostAsJsonAsync("/api/v1/auth/signup", NewSignup("erin"));

        Assert.False(config.GetProperty("signupEnabled").GetBoolean());
        await ProblemAssert.IsProblemAsync(response, 403, "signup_disabled");
    }

    [Fact]
    public async Task Signup_ShouldGiveNewUsersTheConfiguredVideoLimit_NotZero()
    {
        await Client.PostAsJsonAsync("/api/v1/auth/signup", NewSignup("frank"));

        await using var scope = CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.SingleAsync(u => u.NormalizedUsername == "frank");
        Assert.Equal(100, user.VideoLimit);
        Assert.Equal(Language.English, user.PreferredLanguage);
    }

    [Fact]
    public async Task ResendVerification_ShouldSendANewLink_AndInvalidateTheOldOne()
    {
        await Client.PostAsJsonAsync("/api/v1/auth/signup", NewSignup("gina"));
        var first = MailOutbox.ExtractLink(await MailOutbox.WaitForAsync("gina@example.test"), "verify-email");

        var resend = await Client.PostAsJsonAsync("/api/v1/auth/resend-verification", new { email = "gina@example.test" });
        var unknown = await Client.PostAsJsonAsync("/api/v1/auth/resend-verification", new { email = "nobody@example.test" });

        Assert.Equal(HttpStatusCode.Accepted, resend.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode);
        var second = MailOutbox.ExtractLink(await MailOutbox.WaitForAsync("gina@example.test", m => !m.Text.Contains(first)), "verify-email");
        await ProblemAssert.IsProblemAsync(await Client.PostAsJsonAsync("/api/v1/auth/verify-email", new { token = MailOutbox.TokenFrom(first) }), 422, "token_invalid");
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsJsonAsync("/api/v1/auth/verify-email", new { token = MailOutbox.TokenFrom(second) })).StatusCode);
        Assert.DoesNotContain(MailOutbox.All(), m => m.To.Contains("nobody"));
    }

    [Fact]
    public async Task MalformedJson_ShouldBeAProblem_NotAServerError()
    {
        var response = await Client.PostAsync("/api/v1/auth/signup", new StringContent("{\"email\": ", System.Text.Encoding.UTF8, "application/json"));
        await ProblemAssert.IsProblemAsync(response, 400);

        var wrongType = await Client.PostAsync("/api/v1/auth/login", new StringContent("{\"login\": 5, \"password\": []}", System.Text.Encoding.UTF8, "application/json"));
        await ProblemAssert.IsProblemAsync(wrongType, 400);

        var notJson = await Client.PostAsync("/api/v1/auth/login", new StringContent("login=a&password=b", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        await ProblemAssert.IsProblemAsync(notJson, 415);
    }
}

using System.Net;
using System.Net.Http.Json;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Infrastructure.Persistence;
using AskVideo.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskVideo.Integration.Tests.Accounts;

/// <summary>
/// Credentials that outlive their reason, what API tokens may do, races on single-use secrets and revocation
/// during a Redis outage (issue 10, items 6 to 9).
/// </summary>
public class CredentialHardeningTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private const string NewPassword = "a brand new passphrase";

    [Fact]
    public async Task ChangePassword_ShouldVoidUnusedResetLinks_AndRevokeApiTokensWhenAsked()
    {
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);
        var (kept, _) = await session.CreateTokenClientAsync("read");
        await Client.PostAsJsonAsync("/api/v1/auth/password-reset", new { email = user.Email });
        var link = MailOutbox.TokenFrom(MailOutbox.ExtractLink(await MailOutbox.WaitForAsync(user.Email, m => m.Subject.Contains("Reset")), "reset-password"));

        Assert.Equal(HttpStatusCode.NoContent, (await session.PostAsync("/api/v1/me/password", new { currentPassword = user.Password, newPassword = NewPassword })).StatusCode);

        await ProblemAssert.IsProblemAsync(await Client.PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new { token = link, newPassword = "the attackers passphrase" }), 422, "token_invalid");
        Assert.Equal(HttpStatusCode.OK, (await kept.GetAsync("/api/v1/me")).StatusCode);

        var (revoked, _) = await session.CreateTokenClientAsync("read");
        var again = await session.PostAsync("/api/v1/me/password", new { currentPassword = NewPassword, newPassword = "a third fine passphrase", revokeApiTokens = true });
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        await ProblemAssert.IsProblemAsync(await revoked.GetAsync("/api/v1/me"), 401);
        await ProblemAssert.IsProblemAsync(await kept.GetAsync("/api/v1/me"), 401);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task PasswordReset_ShouldRevokeApiTokens_WhenAsked()
    {
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);
        var (token, _) = await session.CreateTokenClientAsync("read");
        var link = await ResetLinkAsync(user.Email);

        var ok = await Client.PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new { token = link, newPassword = NewPassword, revokeApiTokens = true });

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        await ProblemAssert.IsProblemAsync(await token.GetAsync("/api/v1/me"), 401);
        await ProblemAssert.IsProblemAsync(await session.GetAsync("/api/v1/me"), 401);
    }

    [Fact]
    public async Task Revocation_ShouldBeSignalled_ToOpenStreams()
    {
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);
        var me = await (await session.GetAsync("/api/v1/me")).ReadJsonAsync();
        Assert.Equal(user.Id, me.GetProperty("id").GetGuid());
        var signal = Fixture.Services.GetRequiredService<ISessionRevocationSignal>();
        var sessionId = await SessionIdAsync(user.Id);
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var other = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = await signal.SubscribeAsync(user.Id, sessionId, () => ended.TrySetResult(), CancellationToken.None);
        using var unrelated = await signal.SubscribeAsync(Guid.NewGuid(), Guid.NewGuid(), () => other.TrySetResult(), CancellationToken.None);

        Assert.Equal(HttpStatusCode.NoContent, (await session.PostAsync("/api/v1/auth/logout")).StatusCode);

        await ended.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(other.Task.IsCompleted);
        Assert.True(await signal.IsRevokedAsync(user.Id, sessionId, DateTimeOffset.UtcNow.AddMinutes(-1), CancellationToken.None));
    }

    [Fact]
    public async Task ApiTokens_ShouldNeverActAsAdmin_NorMintTokens_NorManageTheAccount()
    {
        var admin = await Fixture.CreateAsync(admin: true);
        using var session = await Fixture.LoginAsync(admin);
        var (write, id) = await session.CreateTokenClientAsync("read", "write");

        await ProblemAssert.IsProblemAsync(await write.GetAsync("/api/v1/admin/users"), 403, "session_required");
        await ProblemAssert.IsProblemAsync(await write.PostAsJsonAsync("/api/v1/me/tokens", new { name = "minted", scopes = new[] { "read", "write" } }), 403, "session_required");
        await ProblemAssert.IsProblemAsync(await write.GetAsync("/api/v1/me/tokens"), 403, "session_required");
        await ProblemAssert.IsProblemAsync(await write.DeleteAsync($"/api/v1/me/tokens/{id}"), 403, "session_required");
        await ProblemAssert.IsProblemAsync(await write.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = admin.Password, newPassword = NewPassword }), 403, "session_required");
        await ProblemAssert.IsProblemAsync(await write.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me") { Content = JsonContent.Create(new { password = admin.Password }) }), 403, "session_required");
        await ProblemAssert.IsProblemAsync(await write.PatchAsJsonAsync($"/api/v1/admin/users/{admin.Id}", new { videoLimit = 1 }), 403, "session_required");
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/v1/admin/users")).StatusCode);
    }

    [Fact]
    public async Task DeleteAccount_ShouldAskForThePassword_AndBeThrottled()
    {
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);

        await ProblemAssert.IsProblemAsync(await session.DeleteAsync("/api/v1/me"), 400);
        var missing = await session.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me") { Content = JsonContent.Create(new { password = "" }) });
        Assert.True((await ProblemAssert.IsProblemAsync(missing, 400, "validation_failed")).GetProperty("errors").TryGetProperty("password", out _));
        for (var i = 0; i < 5; i++)
        {
            var wrong = await session.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me") { Content = JsonContent.Create(new { password = "not my password " + i }) });
            Assert.True((await ProblemAssert.IsProblemAsync(wrong, 400, "validation_failed")).GetProperty("errors").TryGetProperty("password", out _));
        }
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/v1/me")).StatusCode);
        var blocked = await session.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me") { Content = JsonContent.Create(new { password = "still not it" }) });
        await ProblemAssert.IsProblemAsync(blocked, 429, "rate_limited");

        await Task.Delay(TimeSpan.FromSeconds(3.5)); // the test window is 3 s
        var deleted = await session.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me") { Content = JsonContent.Create(new { password = user.Password }) });
        Assert.Equal(HttpStatusCode.Accepted, deleted.StatusCode);
    }

    [Fact]
    public async Task ResetToken_ShouldWorkOnce_WhenUsedInParallel()
    {
        var user = await Fixture.CreateAsync();
        var link = await ResetLinkAsync(user.Email);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Client.PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new { token = link, newPassword = $"parallel passphrase {i}" })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(422, (int)r.StatusCode));
    }

    [Fact]
    public async Task VerifyToken_ShouldWorkOnce_WhenUsedInParallel()
    {
        await Client.PostAsJsonAsync("/api/v1/auth/signup", new { email = "paula@example.test", username = "paula", password = "a sturdy passphrase 42" });
        var token = MailOutbox.TokenFrom(MailOutbox.ExtractLink(await MailOutbox.WaitForAsync("paula@example.test"), "verify-email"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Client.PostAsJsonAsync("/api/v1/auth/verify-email", new { token })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(422, (int)r.StatusCode));
    }

    [Fact]
    public async Task Refresh_ShouldNotOutliveAConcurrentRevocation()
    {
        var user = await Fixture.CreateAsync();
        for (var round = 0; round < 25; round++)
        {
            using var session = await Fixture.LoginAsync(user);
            var refresh = session.Cookie("refresh_token")!;
            using var other = new SessionClient(ApiFixture.CreateClient());
            other.SetCookie("refresh_token", refresh, "/api/v1/auth");
            other.SetCookie("csrf_token", "r");

            await Task.WhenAll(session.PostAsync("/api/v1/auth/refresh"), other.PostAsync("/api/v1/auth/logout"));

            await using var scope = CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var family = await db.RefreshTokens.Where(t => t.TokenHash == Application.Common.Security.SecretTokens.Hash(refresh)).Select(t => t.FamilyId).SingleAsync();
            var alive = await db.RefreshTokens.CountAsync(t => t.FamilyId == family && t.RevokedAt == null);
            Assert.True(alive == 0, $"round {round}: {alive} refresh token(s) of a signed-out session are still usable");
        }
    }

    [Fact]
    public async Task Logout_ShouldSucceed_WithoutAHalfDoneChange_WhenRedisIsDown()
    {
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);
        await using var factory = new ApiFactory(new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = "127.0.0.1:1,abortConnect=false,connectTimeout=300,syncTimeout=500,asyncTimeout=500",
        });
        using var offline = new SessionClient(factory.CreateClient());
        foreach (var name in new[] { "access_token", "csrf_token" }) offline.SetCookie(name, session.Cookie(name)!);
        offline.SetCookie("refresh_token", session.Cookie("refresh_token")!, "/api/v1/auth");

        var logout = await offline.PostAsync("/api/v1/auth/logout");

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        await using (var scope = CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.False(await db.RefreshTokens.AnyAsync(t => t.UserId == user.Id && t.RevokedAt == null));
        }
        // The revocation reaches Redis (through the job outbox) once Redis is reachable: the shared host applies it.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await session.GetAsync("/api/v1/me")).StatusCode != HttpStatusCode.Unauthorized)
        {
            Assert.True(DateTime.UtcNow < deadline, "the access token still works after logout");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task PasswordReset_ShouldSucceed_WhenRedisIsDown()
    {
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);
        var link = await ResetLinkAsync(user.Email);
        await using var factory = new ApiFactory(new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = "127.0.0.1:1,abortConnect=false,connectTimeout=300,syncTimeout=500,asyncTimeout=500",
        });
        using var offline = factory.CreateClient();

        var confirm = await offline.PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new { token = link, newPassword = NewPassword });

        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        await ProblemAssert.IsProblemAsync(await session.PostAsync("/api/v1/auth/refresh"), 401);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await session.GetAsync("/api/v1/me")).StatusCode != HttpStatusCode.Unauthorized)
        {
            Assert.True(DateTime.UtcNow < deadline, "the access token still works after the reset");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task Login_ShouldUpgradeAnOldPasswordHash()
    {
        var user = await Fixture.CreateAsync();
        var legacy = new Microsoft.AspNetCore.Identity.PasswordHasher<object>(Microsoft.Extensions.Options.Options.Create(
            new Microsoft.AspNetCore.Identity.PasswordHasherOptions { IterationCount = 100_000 })).HashPassword(new object(), user.Password);
        await Fixture.SetUserAsync(user.Id, u => u.ChangePasswordHash(legacy, DateTimeOffset.UtcNow));

        using var session = await Fixture.LoginAsync(user);

        await using var scope = CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Where(u => u.Id == user.Id).Select(u => u.PasswordHash).SingleAsync();
        Assert.NotEqual(legacy, stored);
        var bytes = Convert.FromBase64String(stored);
        Assert.Equal(0x01, bytes[0]); // Identity v3 format: marker, PRF, iteration count (big-endian), salt length
        Assert.Equal(2, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1))); // HMAC-SHA512
        Assert.True(System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(5)) >= 210_000);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/v1/me")).StatusCode);
        using var again = await Fixture.LoginAsync(user);
    }

    [Fact]
    public async Task OutboundCallingEndpoints_ShouldHaveTheirOwnLimits()
    {
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);
        for (var i = 0; i < 4; i++) Assert.Equal(HttpStatusCode.OK, (await session.PutAsync("/api/v1/me/openai-key", new { apiKey = FakeOpenAi.ValidKey })).StatusCode);
        for (var i = 0; i < 6; i++) Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/v1/me/models")).StatusCode);

        var key = await session.PutAsync("/api/v1/me/openai-key", new { apiKey = FakeOpenAi.ValidKey });
        var models = await session.GetAsync("/api/v1/me/models");

        await ProblemAssert.IsProblemAsync(key, 429, "rate_limited");
        await ProblemAssert.IsProblemAsync(models, 429, "rate_limited");
        Assert.NotNull(key.Headers.RetryAfter);
        Assert.NotNull(models.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/v1/me")).StatusCode);
    }

    private async Task<string> ResetLinkAsync(string email)
    {
        Assert.Equal(HttpStatusCode.Accepted, (await Client.PostAsJsonAsync("/api/v1/auth/password-reset", new { email })).StatusCode);
        return MailOutbox.TokenFrom(MailOutbox.ExtractLink(await MailOutbox.WaitForAsync(email, m => m.Subject.Contains("Reset")), "reset-password"));
    }

    private async Task<Guid> SessionIdAsync(Guid userId)
    {
        await using var scope = CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().RefreshTokens.Where(t => t.UserId == userId).Select(t => t.FamilyId).SingleAsync();
    }
}

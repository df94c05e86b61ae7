using System.Net;
using System.Net.Http.Json;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Domain.Users;
using AskVideo.Infrastructure.Persistence;
using AskVideo.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskVideo.Integration.Tests.Accounts;

public class AccountTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task PasswordReset_ShouldChangeThePassword_AndSignOutEverySession()
    {
        var user = await Fixture.CreateAsync();
        using var oldSession = await Fixture.LoginAsync(user);

        Assert.Equal(HttpStatusCode.Accepted, (await Client.PostAsJsonAsync("/api/v1/auth/password-reset", new { email = user.Email })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await Client.PostAsJsonAsync("/api/v1/auth/password-reset", new { email = "unknown@example.test" })).StatusCode);
        var email = await MailOutbox.WaitForAsync(user.Email, m => m.Subject.Contains("Reset"));
        var token = MailOutbox.TokenFrom(MailOutbox.ExtractLink(email, "reset-password"));

        var weak = await Client.PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new { token, newPassword = "password123" });
        await ProblemAssert.IsProblemAsync(weak, 400, "validation_failed");
        var ok = await Client.PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new { token, newPassword = "a brand new passphrase" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var reuse = await Client.PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new { token, newPassword = "yet another passphrase" });
        await ProblemAssert.IsProblemAsync(reuse, 422, "token_invalid");

        await ProblemAssert.IsProblemAsync(await oldSession.GetAsync("/api/v1/me"), 401);
        await ProblemAssert.IsProblemAsync(await oldSession.PostAsync("/api/v1/auth/refresh"), 401);
        await ProblemAssert.IsProblemAsync(await Client.PostAsJsonAsync("/api/v1/auth/login", new { login = user.Email, password = user.Password }), 401);
        using var fresh = await Fixture.LoginAsync(user with { Password = "a brand new passphrase" });
        Assert.DoesNotContain(MailOutbox.All(), m => m.To.Contains("unknown@example.test"));
    }

    [Fact]
    public async Task ChangePassword_ShouldKeepThisSession_AndEndTheOthers()
    {
        var user = await Fixture.CreateAsync();
        using var here = await Fixture.LoginAsync(user);
        using var elsewhere = await Fixture.LoginAsync(user);

        var wrong = await here.PostAsync("/api/v1/me/password", new { currentPassword = "not it at all", newPassword = "a brand new passphrase" });
        var problem = await ProblemAssert.IsProblemAsync(wrong, 400, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("currentPassword", out _));

        var changed = await here.PostAsync("/api/v1/me/password", new { currentPassword = user.Password, newPassword = "a brand new passphrase" });

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.PostAsync("/api/v1/auth/refresh")).StatusCode);
        await ProblemAssert.IsProblemAsync(await elsewhere.GetAsync("/api/v1/me"), 401);
        await ProblemAssert.IsProblemAsync(await elsewhere.PostAsync("/api/v1/auth/refresh"), 401);
    }

    [Fact]
    public async Task Me_ShouldShowProfileLimitsUsageAndPreferences_AndApplyPatches()
    {
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);

        var me = await (await session.GetAsync("/api/v1/me")).ReadJsonAsync();
        Assert.Equal(user.Email, me.GetProperty("email").GetString());
        Assert.Equal(100, me.GetProperty("limits").GetProperty("videoLimit").GetInt32());
        Assert.Equal(4L * 1024 * 1024 * 1024, me.GetProperty("limits").GetProperty("maxUploadBytes").GetInt64());
        Assert.Equal(0, me.GetProperty("usage").GetProperty("videoCount").GetInt32());
        Assert.False(me.GetProperty("openAiKey").GetProperty("configured").GetBoolean());

        var patched = await (await session.PatchAsync("/api/v1/me", new { preferredLanguage = "ja", llmModel = "gpt-4o", llmTemperature = 0.7 })).ReadJsonAsync();
        var preferences = patched.GetProperty("preferences");
        Assert.Equal("ja", preferences.GetProperty("preferredLanguage").GetString());
        Assert.Equal("gpt-4o", preferences.GetProperty("llmModel").GetString());
        Assert.Equal(0.7, preferences.GetProperty("llmTemperature").GetDouble());

        // null returns to the server's defaults; absent fields stay as they are.
        var reset = await (await session.PatchAsync("/api/v1/me", new { llmTemperature = (double?)null, llmModel = (string?)null })).ReadJsonAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, reset.GetProperty("preferences").GetProperty("llmTemperature").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, reset.GetProperty("preferences").GetProperty("llmModel").ValueKind);
        Assert.Equal("ja", reset.GetProperty("preferences").GetProperty("preferredLanguage").GetString());

        var invalid = await session.PatchAsync("/api/v1/me", new { llmTemperature = 2.5, preferredLanguage = "fr" });
        var errors = (await ProblemAssert.IsProblemAsync(invalid, 400, "validation_failed")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("llmTemperature", out _));
        Assert.True(errors.TryGetProperty("preferredLanguage", out _));
    }

    [Fact]
    public async Task ApiTokens_ShouldBeShownOnce_HonourScopes_AndStopWorkingWhenDeleted()
    {
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);

        var created = await session.PostAsync("/api/v1/me/tokens", new { name = "CI", scopes = new[] { "read" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.ReadJsonAsync();
        var secret = body.GetProperty("token").GetString()!;
        Assert.StartsWith("avq_", secret);
        Assert.True(secret.Length >= 40);

        var list = await (await session.GetAsync("/api/v1/me/tokens")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(secret, list);
        Assert.Contains(secret[..10], list); // the display prefix

        using var reader = ApiFixture.CreateClient();
        reader.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/me")).StatusCode);
        await ProblemAssert.IsProblemAsync(await reader.PatchAsJsonAsync("/api/v1/me", new { preferredLanguage = "ja" }), 403, "insufficient_scope");

        await using (var scope = CreateScope())
        {
            var token = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ApiTokens.SingleAsync();
            Assert.NotEqual(secret, token.TokenHash);
            Assert.NotNull(token.LastUsedAt);
        }

        var id = body.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await session.DeleteAsync($"/api/v1/me/tokens/{id}")).StatusCode);
        await ProblemAssert.IsProblemAsync(await reader.GetAsync("/api/v1/me"), 401);
        await ProblemAssert.IsProblemAsync(await session.DeleteAsync($"/api/v1/me/tokens/{id}"), 404);
    }

    [Fact]
    public async Task ApiTokens_ShouldStopWorking_AfterTheyExpire()
    {
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);
        var (client, id) = await session.CreateTokenClientAsync("read");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);

        await using (var scope = CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database
                .ExecuteSqlAsync($"UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = {id}");
        }

        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/v1/me"), 401);
        var past = await session.PostAsync("/api/v1/me/tokens", new { name = "old", scopes = new[] { "read" }, expiresAt = DateTimeOffset.UtcNow.AddDays(-1) });
        await ProblemAssert.IsProblemAsync(past, 400, "validation_failed");
    }

    [Fact]
    public async Task OpenAiKey_ShouldBeVerified_StoredEncrypted_AndNeverReturned()
    {
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);

        var rejected = await session.PutAsync("/api/v1/me/openai-key", new { apiKey = "sk-not-a-real-key-0000" });
        await ProblemAssert.IsProblemAsync(rejected, 422, "invalid_openai_key"); // never 401, which would sign the user out
        var malformed = await session.PutAsync("/api/v1/me/openai-key", new { apiKey = "has spaces in it" });
        await ProblemAssert.IsProblemAsync(malformed, 400, "validation_failed");

        var stored = await session.PutAsync("/api/v1/me/openai-key", new { apiKey = FakeOpenAi.ValidKey });
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        var result = await stored.ReadJsonAsync();
        Assert.Equal("…1234", result.GetProperty("last4").GetString());
        Assert.True(result.GetProperty("verified").GetBoolean());

        var me = await (await session.GetAsync("/api/v1/me")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(FakeOpenAi.ValidKey, me);
        Assert.Contains("…1234", me);

        await using (var scope = CreateScope())
        {
            var row = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == user.Id);
            Assert.DoesNotContain(FakeOpenAi.ValidKey, row.OpenAiKeyCiphertext!);
            Assert.StartsWith("v2:test1:", row.OpenAiKeyCiphertext);
            Assert.Equal(FakeOpenAi.ValidKey, scope.ServiceProvider.GetRequiredService<ISecretProtector>().Unprotect(row.OpenAiKeyCiphertext!, SecretContext.UserAiKey(user.Id)));
        }

        var models = await (await session.GetAsync("/api/v1/me/models")).ReadJsonAsync();
        Assert.Equal("user", models.GetProperty("source").GetString());
        Assert.Equal(FakeOpenAi.ChatModels.Order(StringComparer.Ordinal), models.GetProperty("models").EnumerateArray().Select(m => m.GetString()));

        Assert.Equal(HttpStatusCode.NoContent, (await session.DeleteAsync("/api/v1/me/openai-key")).StatusCode);
        var after = await (await session.GetAsync("/api/v1/me")).ReadJsonAsync();
        Assert.False(after.GetProperty("openAiKey").GetProperty("configured").GetBoolean());
        var noKey = await (await session.GetAsync("/api/v1/me/models")).ReadJsonAsync();
        Assert.Equal("none", noKey.GetProperty("source").GetString());
        Assert.Empty(noKey.GetProperty("models").EnumerateArray());
    }

    [Fact]
    public async Task SecretProtector_ShouldDetectTampering()
    {
        await using var scope = CreateScope();
        var protector = scope.ServiceProvider.GetRequiredService<ISecretProtector>();
        var context = SecretContext.UserAiKey(Guid.NewGuid());
        var ciphertext = protector.Protect("sk-secret", context);
        var bytes = Convert.FromBase64String(ciphertext.Split(':')[2]);
        bytes[^1] ^= 0x01;
        var tampered = $"v2:test1:{Convert.ToBase64String(bytes)}";

        Assert.Equal("sk-secret", protector.Unprotect(ciphertext, context));
        Assert.NotEqual(ciphertext, protector.Protect("sk-secret", context)); // random nonce
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => protector.Unprotect(tampered, context));
    }

    [Fact]
    public async Task DeleteAccount_ShouldSignOutAtOnce_AndRemoveEverythingInTheBackground()
    {
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);
        await session.CreateTokenClientAsync("read");
        var userFolder = Path.Combine(TestEnvironment.MediaRoot, "users", user.Id.ToString("N"), "videos", "x");
        Directory.CreateDirectory(userFolder);
        await File.WriteAllTextAsync(Path.Combine(userFolder, "original.mp4"), "bytes");

        var response = await session.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me") { Content = JsonContent.Create(new { password = user.Password }) });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await ProblemAssert.IsProblemAsync(await session.GetAsync("/api/v1/me"), 401);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await using var scope = CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (!await db.Users.AnyAsync(u => u.Id == user.Id)) break;
            Assert.True(DateTime.UtcNow < deadline, "the account was not deleted in time");
            await Task.Delay(100);
        }
        Assert.False(Directory.Exists(Path.Combine(TestEnvironment.MediaRoot, "users", user.Id.ToString("N"))));
        await using (var scope = CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.False(await db.ApiTokens.AnyAsync(t => t.UserId == user.Id));
            Assert.False(await db.RefreshTokens.AnyAsync(t => t.UserId == user.Id));
        }
        await ProblemAssert.IsProblemAsync(await Client.PostAsJsonAsync("/api/v1/auth/login", new { login = user.Email, password = user.Password }), 401);
    }

    [Fact]
    public async Task Emails_ShouldBeInTheUsersLanguage()
    {
        var user = await Fixture.CreateAsync();
        await Fixture.SetUserAsync(user.Id, u => u.SetPreferredLanguage(Language.Japanese, DateTimeOffset.UtcNow));

        await Client.PostAsJsonAsync("/api/v1/auth/password-reset", new { email = user.Email });

        var email = await MailOutbox.WaitForAsync(user.Email);
        Assert.Contains("パスワード", email.Subject);
        Assert.Contains("lang=\"ja\"", email.Html);
    }
}

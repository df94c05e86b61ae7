using System.Net.Http.Json;
using System.Text.Json;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Domain.Users;
using AskVideo.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskVideo.Integration.Tests.Infrastructure;

public sealed record TestUser(Guid Id, string Email, string Username, string Password);

/// <summary>Creates users straight in the database (fast), and signs them in through the real login endpoint.</summary>
public static class TestUsers
{
    public const string Password = "correct horse battery staple";

    // Every test user has the same password: one hash (PBKDF2, a good fraction of a second on a busy machine) serves them all.
    private static string? _passwordHash;

    public static async Task<TestUser> CreateAsync(this ApiFixture fixture, string? name = null, bool verified = true, bool admin = false, int? videoLimit = 100)
    {
        name ??= "user" + Guid.NewGuid().ToString("N")[..10];
        var email = $"{name}@example.test";
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher>();
        var now = DateTimeOffset.UtcNow;
        var user = User.Register(email, name, _passwordHash ??= hasher.Hash(Password), videoLimit, "en", now);
        if (verified) user.MarkEmailVerified(now);
        if (admin) user.SetAdmin(true, now);
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return new TestUser(user.Id, email, name, Password);
    }

    public static async Task<SessionClient> LoginAsync(this ApiFixture fixture, TestUser user)
    {
        var session = new SessionClient(ApiFixture.CreateClient());
        var response = await session.PostAsync("/api/v1/auth/login", new { login = user.Email, password = user.Password });
        Assert.True(response.IsSuccessStatusCode, $"login failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return session;
    }

    /// <summary>Creates a personal API token for the signed-in user and returns a client that sends it as Bearer.</summary>
    public static async Task<(HttpClient Client, Guid Id)> CreateTokenClientAsync(this SessionClient session, params string[] scopes)
    {
        var response = await session.PostAsync("/api/v1/me/tokens", new { name = "test " + string.Join('+', scopes), scopes });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var client = ApiFixture.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", body.GetProperty("token").GetString());
        return (client, body.GetProperty("id").GetGuid());
    }

    public static async Task SetUserAsync(this ApiFixture fixture, Guid userId, Action<User> change)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = await db.Users.SingleAsync(u => u.Id == userId);
        change(user);
        await db.SaveChangesAsync();
    }
}

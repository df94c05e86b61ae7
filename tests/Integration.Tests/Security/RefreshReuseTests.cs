using System.Net;
using AskVideo.Application.Common.Security;
using AskVideo.Infrastructure.Persistence;
using AskVideo.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskVideo.Integration.Tests.Security;

/// <summary>
/// Refresh tokens rotate on every use; presenting a rotated one again is theft (SPEC §3): the whole family dies, the
/// thief's copy, the holder's current token and the holder's access token alike. Within the race grace
/// (1 s in tests) it is two tabs refreshing at once instead: 409, nothing revoked.
/// </summary>
public class RefreshReuseTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Refresh_ShouldRevokeTheWholeFamily_WhenARotatedTokenIsReused()
    {
        var familyRevoked = false;
        try
        {
            var user = await Fixture.CreateAsync();
            using var session = await Fixture.LoginAsync(user);
            var first = session.Cookie("refresh_token")!;
            Assert.Equal(HttpStatusCode.OK, (await session.PostAsync("/api/v1/auth/refresh")).StatusCode);
            var second = session.Cookie("refresh_token")!;
            Assert.Equal(HttpStatusCode.OK, (await session.PostAsync("/api/v1/auth/refresh")).StatusCode);
            var current = session.Cookie("refresh_token")!;
            Assert.Equal(3, new[] { first, second, current }.Distinct().Count());
            Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/v1/me")).StatusCode);

            await Task.Delay(TimeSpan.FromSeconds(1.5)); // past the race grace (1 s in tests)
            var reuse = await RefreshWithAsync(first);

            await ProblemAssert.IsProblemAsync(reuse, 401, "unauthenticated");
            Assert.Empty(ErrorBodies.Inspect("refresh-reuse", "POST /api/v1/auth/refresh (reused)", 401, await reuse.Content.ReadAsStringAsync()));
            // The holder is signed out too: every token of the family, and the access token, stop working.
            foreach (var token in new[] { first, second, current })
                await ProblemAssert.IsProblemAsync(await RefreshWithAsync(token), 401, "unauthenticated");
            await ProblemAssert.IsProblemAsync(await session.GetAsync("/api/v1/me"), 401);
            await using var scope = CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var family = await db.RefreshTokens.Where(t => t.TokenHash == SecretTokens.Hash(current)).Select(t => t.FamilyId).SingleAsync();
            Assert.Equal(0, await db.RefreshTokens.CountAsync(t => t.FamilyId == family && t.RevokedAt == null));
            Assert.True(await db.RefreshTokens.CountAsync(t => t.FamilyId == family) >= 3);
            familyRevoked = true;
        }
        finally
        {
            SecurityReport.Append(new Dictionary<string, object> { ["check"] = "refresh-reuse", ["familyRevoked"] = familyRevoked, ["failures"] = familyRevoked ? 0 : 1 });
        }
    }

    [Fact]
    public async Task Refresh_ShouldAnswer409_WhenTwoTabsRefreshAtOnce_WithoutRevokingAnything()
    {
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);
        var first = session.Cookie("refresh_token")!;
        Assert.Equal(HttpStatusCode.OK, (await session.PostAsync("/api/v1/auth/refresh")).StatusCode);

        await ProblemAssert.IsProblemAsync(await RefreshWithAsync(first), 409, "refresh_race");

        Assert.Equal(HttpStatusCode.OK, (await session.PostAsync("/api/v1/auth/refresh")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/v1/me")).StatusCode);
    }

    /// <summary>A refresh from another client holding only <paramref name="refreshToken"/> (with a matching CSRF pair).</summary>
    private static async Task<HttpResponseMessage> RefreshWithAsync(string refreshToken)
    {
        using var other = new SessionClient(ApiFixture.CreateClient());
        other.SetCookie("refresh_token", refreshToken, "/api/v1/auth");
        other.SetCookie("csrf_token", SecretTokens.Create());
        var response = await other.PostAsync("/api/v1/auth/refresh");
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}

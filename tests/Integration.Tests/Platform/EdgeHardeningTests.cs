using System.Net;
using AskVideo.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AskVideo.Integration.Tests.Platform;

/// <summary>
/// What the API does at the edge: prefixed cookie names with Secure cookies, X-Forwarded-* only from trusted proxies,
/// and a public readiness probe that cannot be used to load the database (HSTS: Security/SecurityHeadersTests).
/// </summary>
public class EdgeHardeningTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private static readonly Dictionary<string, string?> SecureCookies = new() { ["Auth:SecureCookies"] = "true" };

    private static HttpClient ClientOf(ApiFactory factory) => factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });

    /// <summary>An anonymous request as if it came from <paramref name="peer"/>, with an X-Forwarded-For header.</summary>
    private static async Task<int> FromPeerAsync(ApiFactory factory, string peer, string forwardedFor)
    {
        var context = await factory.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = "/api/v1/config/frontend";
            c.Connection.RemoteIpAddress = IPAddress.Parse(peer);
            c.Request.Headers["X-Forwarded-For"] = forwardedFor;
        });
        return context.Response.StatusCode;
    }

    [Fact]
    public async Task SecureCookies_ShouldHavePrefixedNames_AndOnlyThoseShouldBeRead()
    {
        var user = await Fixture.CreateAsync();
        await using var secure = new ApiFactory(SecureCookies);
        using var session = new SessionClient(ClientOf(secure));

        var login = await session.PostAsync("/api/v1/auth/login", new { login = user.Email, password = user.Password });

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookies = login.SetCookies().ToList();
        Assert.Contains(cookies, c => c.StartsWith("__Host-access_token=", StringComparison.Ordinal) && c.Contains("path=/;", StringComparison.Ordinal) && c.Contains("secure", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("__Secure-refresh_token=", StringComparison.Ordinal) && c.Contains("path=/api/v1/auth", StringComparison.Ordinal) && c.Contains("secure", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("__Host-csrf_token=", StringComparison.Ordinal) && c.Contains("path=/;", StringComparison.Ordinal) && c.Contains("secure", StringComparison.Ordinal));
        Assert.DoesNotContain(cookies, c => c.StartsWith("access_token=", StringComparison.Ordinal) || c.StartsWith("refresh_token=", StringComparison.Ordinal) || c.StartsWith("csrf_token=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/v1/me")).StatusCode);
        // The refresh and the CSRF double submit work with the prefixed names.
        Assert.Equal(HttpStatusCode.OK, (await session.PostAsync("/api/v1/auth/refresh")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/v1/me")).StatusCode);

        // The same token under the unprefixed name (as a cookie planted by another host would be) is not read.
        using var planted = ClientOf(secure);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Add("Cookie", $"access_token={session.Cookie("__Host-access_token")}");
        await ProblemAssert.IsProblemAsync(await planted.SendAsync(request), 401, "unauthenticated");

        Assert.Equal(HttpStatusCode.NoContent, (await session.PostAsync("/api/v1/auth/logout")).StatusCode);
        Assert.Null(session.Cookie("__Host-access_token"));
        Assert.Null(session.Cookie("__Secure-refresh_token"));
    }

    [Fact]
    public async Task ForwardedFor_FromAnUntrustedPeer_ShouldBeIgnored_ForRateLimits()
    {
        // 10.0.0.0/8 used to be trusted as a whole; now only loopback and configured proxies are.
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["RateLimits:ApiPerIp:Limit"] = "3" });
        var statuses = new List<int>();
        for (var i = 1; i <= 5; i++) statuses.Add(await FromPeerAsync(api, "10.20.30.40", $"203.0.113.{i}"));

        Assert.Equal([200, 200, 200, 429, 429], statuses);
        // Loopback (the local run's nginx) is trusted: each forwarded address has its own budget.
        for (var i = 1; i <= 5; i++) Assert.Equal(200, await FromPeerAsync(api, "127.0.0.1", $"198.51.100.{i}"));
    }

    [Fact]
    public async Task ForwardedFor_FromAConfiguredProxy_ShouldBeTheClientAddress()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?>
        {
            ["RateLimits:ApiPerIp:Limit"] = "3",
            ["ForwardedHeaders:KnownProxies:0"] = "10.20.30.40",
        });

        for (var i = 1; i <= 5; i++) Assert.Equal(200, await FromPeerAsync(api, "10.20.30.40", $"203.0.113.{i}"));
        var sameClient = new List<int>();
        for (var i = 0; i < 4; i++) sameClient.Add(await FromPeerAsync(api, "10.20.30.40", "192.0.2.7"));
        Assert.Equal([200, 200, 200, 429], sameClient);
        // Another private address is still not a proxy.
        for (var i = 0; i < 3; i++) await FromPeerAsync(api, "10.20.30.41", $"203.0.113.{i + 10}");
        Assert.Equal(429, await FromPeerAsync(api, "10.20.30.41", "203.0.113.99"));
    }

    private sealed class CountingCheck : IHealthCheck
    {
        private int _runs;

        public int Runs => Volatile.Read(ref _runs);

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _runs);
            await Task.Delay(300, cancellationToken); // as slow as a loaded database: the flood arrives while it runs
            return HealthCheckResult.Healthy();
        }
    }

    [Fact]
    public async Task Ready_UnderAFloodOfProbes_ShouldCheckTheDependenciesOnce_ThenAgainAfterASecond()
    {
        var counter = new CountingCheck();
        await using var api = new ApiFactory(new Dictionary<string, string?>());
        await using var host = api.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddHealthChecks().AddCheck("counting", counter, tags: ["ready"])));
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        var flood = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.GetAsync("/api/v1/health/ready")));

        Assert.All(flood, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, counter.Runs);
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/health/ready")).StatusCode);
        Assert.Equal(2, counter.Runs);
    }
}

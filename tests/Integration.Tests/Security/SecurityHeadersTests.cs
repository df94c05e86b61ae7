using System.Net;
using System.Text.RegularExpressions;
using AskVideo.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AskVideo.Integration.Tests.Security;

/// <summary>
/// The security headers every kind of response gets through the real nginx of the test stack (rendered from
/// nginx/templates/default.conf.template): the SPA shell, its assets, API JSON and problems, nginx's own problems, and
/// media bytes served through X-Accel-Redirect. nginx never names its version, and HSTS comes from the API only when
/// cookies are Secure (the test stack is plain HTTP, where browsers ignore it anyway).
/// </summary>
public partial class SecurityHeadersTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private static readonly HttpClient Nginx = ApiFixture.CreateClient(TestEnvironment.NginxUrl);

    [Fact]
    public async Task EveryKindOfResponse_ThroughNginx_ShouldCarryTheSecurityHeaders()
    {
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);
        var (token, _) = await session.CreateTokenClientAsync("write");
        var video = (await (await token.PostAsync("/api/v1/videos/sample", null)).ReadJsonAsync()).GetProperty("id").GetString();
        var group = (await (await token.PostAsync("/api/v1/groups", Json("""{"name":"headers"}"""))).ReadJsonAsync()).GetProperty("id").GetString();
        await token.PostAsync($"/api/v1/groups/{group}/videos", Json($$"""{"videoIds":["{{video}}"]}"""));
        var share = (await (await token.PostAsync($"/api/v1/groups/{group}/share", null)).ReadJsonAsync()).GetProperty("shareToken").GetString();
        var bearer = token.DefaultRequestHeaders.Authorization!;
        var failures = new List<string>();
        var checkedResponses = 0;

        async Task CheckAsync(string what, HttpRequestMessage request, Kind kind, int status)
        {
            using var response = await Nginx.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            checkedResponses++;
            if ((int)response.StatusCode != status) failures.Add($"{what}: {(int)response.StatusCode}, expected {status}");
            failures.AddRange(Missing(response, kind).Select(m => $"{what} ({(int)response.StatusCode}): {m}"));
            if (status >= 400) failures.AddRange(ErrorBodies.Inspect("security-headers", what, status, await response.Content.ReadAsStringAsync()));
        }

        await CheckAsync("the SPA shell", Get("/"), Kind.Html, 200);
        await CheckAsync("a client route (SPA fallback)", Get("/videos/some/client/route"), Kind.Html, 200);
        var index = await Nginx.GetStringAsync("/");
        if (AssetPath().Match(index) is { Success: true } asset) await CheckAsync("a hashed asset", Get(asset.Value), Kind.Asset, 200);
        await CheckAsync("API JSON", Get("/api/v1/health"), Kind.Api, 200);
        await CheckAsync("an API problem", Get("/api/v1/videos"), Kind.Api, 401);
        await CheckAsync("an upload refused by nginx's check", new HttpRequestMessage(HttpMethod.Put, $"/api/v1/videos/uploads/{Guid.NewGuid()}") { Content = new StringContent("x") }, Kind.Api, 401);
        await CheckAsync("nginx's own problem (URI too long)", Get("/api/v1/videos?q=" + new string('a', 20_000)), Kind.Api, 414);
        await CheckAsync("an internal location probed from outside", Get("/_protected_media/anything.mp4"), Kind.Api, 404);
        var media = Get($"/api/v1/videos/{video}/media");
        media.Headers.Authorization = bearer;
        await CheckAsync("the owner's media (X-Accel-Redirect)", media, Kind.Media, 200);
        await CheckAsync("a guest's media (X-Accel-Redirect)", Get($"/api/v1/shared/{share}/videos/{video}/media"), Kind.Media, 200);

        SecurityReport.Append(new Dictionary<string, object> { ["check"] = "security-headers", ["responses"] = checkedResponses, ["failures"] = failures.Count });
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Hsts_ShouldBeSentOnEveryApiResponse_WhenCookiesAreSecure_AndOnlyThen()
    {
        await using var secure = new ApiFactory(new Dictionary<string, string?> { ["Auth:SecureCookies"] = "true" });
        using var client = secure.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });

        var health = await client.GetAsync("/api/v1/health");
        var problem = await client.GetAsync("/api/v1/videos");

        Assert.Equal("max-age=31536000", string.Join(",", health.Headers.GetValues("Strict-Transport-Security")));
        Assert.Equal(HttpStatusCode.Unauthorized, problem.StatusCode);
        Assert.True(problem.Headers.Contains("Strict-Transport-Security"), "problem responses carry it too");
        Assert.False((await Client.GetAsync("/api/v1/health")).Headers.Contains("Strict-Transport-Security"), "not with plain-HTTP cookies");
        Assert.False((await Nginx.GetAsync("/api/v1/health")).Headers.Contains("Strict-Transport-Security"), "not through the plain-HTTP test nginx");
    }

    [Fact]
    public async Task Api_ShouldNotNameItsServer_EvenWithoutNginx()
    {
        var response = await Client.GetAsync("/api/v1/health");

        Assert.False(response.Headers.Contains("Server"), "Kestrel's Server header is off");
        Assert.False(response.Headers.Contains("X-Powered-By"));
    }

    private enum Kind
    {
        /// <summary>The SPA: the full policy.</summary>
        Html,

        /// <summary>Hashed assets (scripts, styles): never sniffed, no referrer leaks.</summary>
        Asset,

        /// <summary>API JSON and problems, and nginx's own problems.</summary>
        Api,

        /// <summary>Media bytes: never sniffed, never framed, nothing executes.</summary>
        Media,
    }

    private static IEnumerable<string> Missing(HttpResponseMessage response, Kind kind)
    {
        string? Header(string name) =>
            response.Headers.TryGetValues(name, out var v) || response.Content.Headers.TryGetValues(name, out v) ? string.Join(", ", v) : null;

        if (Header("X-Content-Type-Options") != "nosniff") yield return $"X-Content-Type-Options is '{Header("X-Content-Type-Options")}'";
        if (Header("Server") is { } server && server != "nginx") yield return $"the Server header names a version: '{server}'";
        if (Header("X-Powered-By") is not null) yield return "an X-Powered-By header";
        if (Header("Strict-Transport-Security") is not null) yield return "HSTS over plain HTTP";
        if (kind == Kind.Asset) yield break;

        var csp = Header("Content-Security-Policy") ?? "";
        if (!csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal)) yield return $"no frame-ancestors 'none' in the CSP '{csp}'";
        if (Header("X-Frame-Options") != "DENY") yield return $"X-Frame-Options is '{Header("X-Frame-Options")}'";
        if (Header("Referrer-Policy") != "strict-origin-when-cross-origin") yield return $"Referrer-Policy is '{Header("Referrer-Policy")}'";
        if (kind == Kind.Html)
        {
            foreach (var directive in new[] { "default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'" })
            {
                if (!csp.Contains(directive, StringComparison.Ordinal)) yield return $"no {directive} in the CSP '{csp}'";
            }
            if (csp.Contains("script-src 'self' 'unsafe", StringComparison.Ordinal)) yield return "scripts may be inline or eval'd";
            if (Header("Permissions-Policy") is null) yield return "no Permissions-Policy";
        }
        if (kind == Kind.Media && !csp.Contains("default-src 'none'", StringComparison.Ordinal)) yield return $"media may load or run something: CSP '{csp}'";
    }

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    [GeneratedRegex("/assets/[^\"']+\\.js")]
    private static partial Regex AssetPath();
}

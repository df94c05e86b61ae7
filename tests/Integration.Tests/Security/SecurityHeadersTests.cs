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
        // A body announced over the limit (4 GiB in the test stack) is refused from its Content-Length, before any byte.
        await using (var tooLarge = await RawHttpRequest.StartAsync(TestEnvironment.NginxPort, "POST", "/api/v1/videos",
            [("Content-Type", "video/mp4"), ("Content-Length", "5000000000")]))
        {
            var response = await tooLarge.ResponseWithinAsync(TimeSpan.FromSeconds(10));
            checkedResponses++;
            if (response is null) failures.Add("nginx's own problem (body too large): no answer");
            else
            {
                if (response.Status != 413) failures.Add($"nginx's own problem (body too large): {response.Status}, expected 413");
                failures.AddRange(Missing(name => response.Headers.GetValueOrDefault(name), Kind.Api).Select(m => $"nginx's own problem (body too large): {m}"));
            }
        }
        await CheckAsync("an internal location probed from outside", Get("/_protected_media/anything.mp4"), Kind.Api, 404);
        var media = Get($"/api/v1/videos/{video}/media");
        media.Headers.Authorization = bearer;
        await CheckAsync("the owner's media (X-Accel-Redirect)", media, Kind.Media, 200);
        await CheckAsync("a guest's media (X-Accel-Redirect)", Get($"/api/v1/shared/{share}/videos/{video}/media"), Kind.Media, 200);

        SecurityReport.Append(new Dictionary<string, object> { ["check"] = "security-headers", ["responses"] = checkedResponses, ["failures"] = failures.Count });
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// nginx's own problems that the shared test nginx cannot be brought to answer (its API is up, its limits are the
    /// defaults that every test shares): an nginx started by the local run's own function (scripts/lib/stack.sh
    /// <c>start_nginx</c>, which scripts/run.sh and scripts/test.sh use), in front of an API port nothing listens on,
    /// with limits low enough to reach.
    /// </summary>
    [Fact]
    public async Task NginxOwnProblems_WhenTheApiIsDown_OrTheClientTooFast_ShouldCarryTheSecurityHeaders()
    {
        await using var edge = await PrivateNginx.StartAsync();
        using var client = ApiFixture.CreateClient(edge.Url);
        var failures = new List<string>();

        async Task CheckAsync(string what, HttpRequestMessage request, int status, string code, string detail)
        {
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode != status || !body.Contains($"\"code\":\"{code}\"", StringComparison.Ordinal) || !body.Contains(detail, StringComparison.Ordinal))
            {
                failures.Add($"{what}: {(int)response.StatusCode} {body}, expected {status} {code} '{detail}'");
            }
            if (response.Headers.RetryAfter is null && status is 429 or 503) failures.Add($"{what}: no Retry-After");
            failures.AddRange(Missing(response, Kind.Api).Select(m => $"{what} ({(int)response.StatusCode}): {m}"));
            failures.AddRange(ErrorBodies.Inspect("security-headers", what, status, body));
        }

        await CheckAsync("the API unreachable", Get("/api/v1/health"), 503, "service_unavailable", "temporarily unavailable");
        await CheckAsync("an upload that could not be checked", new HttpRequestMessage(HttpMethod.Put, $"/api/v1/videos/uploads/{Guid.NewGuid()}") { Content = new StringContent("x") },
            503, "service_unavailable", "could not be checked");
        await CheckAsync("a body over the limit", new HttpRequestMessage(HttpMethod.Post, "/api/v1/videos") { Content = new ByteArrayContent(new byte[4096]) },
            413, "payload_too_large", "larger than this server accepts");
        // Rate 1r/s with a burst of 2 (the two requests above that reached the limits count): the next few are refused.
        var status = 0;
        for (var i = 0; i < 10 && status != 429; i++)
        {
            using var probe = await client.GetAsync("/api/v1/health");
            status = (int)probe.StatusCode;
        }
        Assert.Equal(429, status);
        await CheckAsync("nginx's per-address limit", Get("/api/v1/health"), 429, "rate_limited", "Too many requests");

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

    private static IEnumerable<string> Missing(HttpResponseMessage response, Kind kind) =>
        Missing(name => response.Headers.TryGetValues(name, out var v) || response.Content.Headers.TryGetValues(name, out v) ? string.Join(", ", v) : null, kind);

    private static IEnumerable<string> Missing(Func<string, string?> header, Kind kind)
    {
        if (header("X-Content-Type-Options") != "nosniff") yield return $"X-Content-Type-Options is '{header("X-Content-Type-Options")}'";
        if (header("Server") is { } server && server != "nginx") yield return $"the Server header names a version: '{server}'";
        if (header("X-Powered-By") is not null) yield return "an X-Powered-By header";
        if (header("Strict-Transport-Security") is not null) yield return "HSTS over plain HTTP";
        if (kind == Kind.Asset) yield break;

        var csp = header("Content-Security-Policy") ?? "";
        if (!csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal)) yield return $"no frame-ancestors 'none' in the CSP '{csp}'";
        if (header("X-Frame-Options") != "DENY") yield return $"X-Frame-Options is '{header("X-Frame-Options")}'";
        if (header("Referrer-Policy") != "strict-origin-when-cross-origin") yield return $"Referrer-Policy is '{header("Referrer-Policy")}'";
        if (kind == Kind.Html)
        {
            foreach (var directive in new[] { "default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'" })
            {
                if (!csp.Contains(directive, StringComparison.Ordinal)) yield return $"no {directive} in the CSP '{csp}'";
            }
            if (csp.Contains("script-src 'self' 'unsafe", StringComparison.Ordinal)) yield return "scripts may be inline or eval'd";
            if (header("Permissions-Policy") is null) yield return "no Permissions-Policy";
        }
        if (kind == Kind.Media && !csp.Contains("default-src 'none'", StringComparison.Ordinal)) yield return $"media may load or run something: CSP '{csp}'";
    }

    /// <summary>A throwaway nginx from the local run's stack library (its own STACK_NAME, so its own folder and pid).</summary>
    private sealed class PrivateNginx : IAsyncDisposable
    {
        private const string StackName = "headers";
        private readonly Dictionary<string, string> _environment;

        private PrivateNginx(int port, Dictionary<string, string> environment)
        {
            Url = new Uri($"http://127.0.0.1:{port}");
            _environment = environment;
        }

        public Uri Url { get; }

        public static async Task<PrivateNginx> StartAsync()
        {
            var port = FreePort();
            var environment = new Dictionary<string, string>
            {
                ["STACK_NAME"] = StackName,
                ["NGINX_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["API_PORT"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture), // nothing listens there
                ["ASKVIDEO_API_RATE"] = "1r/s",
                ["ASKVIDEO_API_BURST"] = "2",
            };
            var nginx = new PrivateNginx(port, environment);
            await nginx.RunAsync("""
                mkdir -p "$STACK_DIR/www" && echo '<!doctype html><title>AskVideo</title>' > "$STACK_DIR/www/index.html"
                start_nginx "$STACK_DIR/www" "$STACK_DIR/media" 1024
                wait_for 10 nginx curl -fsS -o /dev/null "http://127.0.0.1:$NGINX_PORT/health"
                """);
            return nginx;
        }

        public async ValueTask DisposeAsync() => await RunAsync("stop_nginx");

        private async Task RunAsync(string script)
        {
            var start = new System.Diagnostics.ProcessStartInfo("bash")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = TestEnvironment.RepoRoot,
            };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("set -euo pipefail; . scripts/lib/stack.sh; " + script);
            foreach (var (key, value) in _environment) start.Environment[key] = value;
            using var process = System.Diagnostics.Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"stack.sh: {script}\n{await output}\n{await errors}");
        }

        private static int FreePort()
        {
            using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    [GeneratedRegex("/assets/[^\"']+\\.js")]
    private static partial Regex AssetPath();
}

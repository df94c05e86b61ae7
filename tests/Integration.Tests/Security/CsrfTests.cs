using System.Text;
using System.Text.RegularExpressions;
using AskVideo.Application.Common.Security;
using AskVideo.Integration.Tests.Infrastructure;

namespace AskVideo.Integration.Tests.Security;

/// <summary>
/// CSRF (double submit of the csrf_token cookie in X-CSRF-Token) over every unsafe operation of the OpenAPI document:
/// a cookie session without the header, or with a wrong one, gets 403 <c>csrf_failed</c> before anything runs; with the
/// right header, API tokens and anonymous callers never meet the check. The access matrix's cookie columns show the
/// same operations succeeding with the header.
/// </summary>
public partial class CsrfTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private const string Source = "csrf";

    [Fact]
    public async Task EveryUnsafeOperation_ShouldRefuseACookieSessionWithoutTheRightCsrfHeader_AndOnlyIt()
    {
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);
        var (token, _) = await session.CreateTokenClientAsync("write");
        using var anonymous = ApiFixture.CreateClient();
        var operations = await UnsafeOperationsAsync();
        var failures = new List<string>();
        var requests = 0;

        async Task CheckAsync(string caller, (string Method, string Path) op, Func<HttpRequestMessage, Task<HttpResponseMessage>> send, bool refused)
        {
            using var response = await send(Request(op));
            requests++;
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            if (status >= 400) failures.AddRange(ErrorBodies.Inspect(Source, $"{op.Method} {op.Path} as {caller}", status, text));
            var csrfFailed = status == 403 && text.Contains("\"csrf_failed\"", StringComparison.Ordinal);
            if (refused && !csrfFailed) failures.Add($"{op.Method} {op.Path} as {caller} → {status}, not 403 csrf_failed: {text[..Math.Min(200, text.Length)]}");
            if (!refused && csrfFailed) failures.Add($"{op.Method} {op.Path} as {caller} → 403 csrf_failed");
            if (refused && csrfFailed) await ProblemAssert.IsProblemAsync(response, 403, "csrf_failed");
        }

        foreach (var op in operations)
        {
            session.SendCsrfHeader = false;
            await CheckAsync("a cookie session without X-CSRF-Token", op, r => session.SendAsync(r), refused: true);
            await CheckAsync("a cookie session with a forged X-CSRF-Token", op, r =>
            {
                r.Headers.Add("X-CSRF-Token", SecretTokens.Create());
                return session.SendAsync(r);
            }, refused: true);
            await CheckAsync("an API token", op, token.SendAsync, refused: false);
            await CheckAsync("an anonymous caller", op, anonymous.SendAsync, refused: false);
        }
        // Nothing ran: the session is intact. Then, with the header, no operation refuses it for CSRF (logout last: it
        // ends the session).
        session.SendCsrfHeader = true;
        Assert.Equal(200, (int)(await session.GetAsync("/api/v1/me")).StatusCode);
        foreach (var op in operations.OrderBy(o => o.Path == "/api/v1/auth/logout"))
            await CheckAsync("a cookie session with X-CSRF-Token", op, r => session.SendAsync(r), refused: false);

        SecurityReport.Append(new Dictionary<string, object>
        {
            ["check"] = Source,
            ["endpoints"] = operations.Count,
            ["requests"] = requests,
            ["failures"] = failures.Count,
        });
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(operations.Count >= 30, $"only {operations.Count} unsafe operations found");
    }

    [Fact]
    public async Task SessionEndpoints_ShouldNeedTheCsrfHeader_WheneverTheRefreshCookieIsSent()
    {
        // Refresh and logout act on the refresh cookie alone (the access cookie may have expired): that is enough to need the header.
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);
        using var expired = new SessionClient(ApiFixture.CreateClient()) { SendCsrfHeader = false };
        expired.SetCookie("refresh_token", session.Cookie("refresh_token")!, "/api/v1/auth");
        expired.SetCookie("csrf_token", session.Cookie("csrf_token")!);

        foreach (var path in new[] { "/api/v1/auth/refresh", "/api/v1/auth/logout" })
        {
            var response = await expired.PostAsync(path);
            ErrorBodies.Inspect(Source, "POST " + path, (int)response.StatusCode, await response.Content.ReadAsStringAsync());
            await ProblemAssert.IsProblemAsync(response, 403, "csrf_failed");
        }
        expired.SendCsrfHeader = true;
        Assert.Equal(200, (int)(await expired.PostAsync("/api/v1/auth/refresh")).StatusCode);
    }

    private async Task<List<(string Method, string Path)>> UnsafeOperationsAsync()
    {
        var document = await (await Client.GetAsync("/api/openapi/v1.json")).ReadJsonAsync();
        var share = SecretTokens.Create();
        return document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(op => op.Name is "post" or "put" or "patch" or "delete")
                .Select(op => (op.Name.ToUpperInvariant(), Placeholder().Replace(path.Name, m => m.Value == "{shareToken}" ? share : Guid.NewGuid().ToString()))))
            .ToList();
    }

    /// <summary>A plausible body for any operation: an empty JSON object (the check comes before the body is read).</summary>
    private static HttpRequestMessage Request((string Method, string Path) op) =>
        new(new HttpMethod(op.Method), op.Path) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Placeholder();
}

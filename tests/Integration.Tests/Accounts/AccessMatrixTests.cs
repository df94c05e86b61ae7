using AskVideo.Integration.Tests.Infrastructure;

namespace AskVideo.Integration.Tests.Accounts;

/// <summary>
/// Every endpoint × every kind of caller, with the status each must get. Later features add their rows here (or in a
/// sibling class using <see cref="AccessMatrix"/>), so a new endpoint without an authorization decision stands out.
/// Columns: anonymous, user A (cookie), user B (cookie), A's read-only token, admin (cookie).
/// </summary>
public class AccessMatrixTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    public static TheoryData<string, string, string, int[]> Rows => AccessMatrix.ToTheoryData(
    [
        new("GET", "/api/v1/health", null, [200, 200, 200, 200, 200]),
        new("GET", "/api/v1/health/ready", null, [200, 200, 200, 200, 200]),
        new("GET", "/api/v1/config/frontend", null, [200, 200, 200, 200, 200]),
        new("POST", "/api/v1/auth/refresh", null, [401, 200, 200, 401, 200]),
        new("POST", "/api/v1/auth/logout", null, [204, 204, 204, 204, 204]),
        new("GET", "/api/v1/me", null, [401, 200, 200, 200, 200]),
        new("PATCH", "/api/v1/me", """{"preferredLanguage":"en"}""", [401, 200, 200, 403, 200]),
        new("POST", "/api/v1/me/password", """{"currentPassword":"wrong password!","newPassword":"a fine new passphrase"}""", [401, 400, 400, 403, 400]),
        new("PUT", "/api/v1/me/openai-key", """{"apiKey":"sk-not-a-real-key-0000"}""", [401, 422, 422, 403, 422]),
        new("DELETE", "/api/v1/me/openai-key", null, [401, 204, 204, 403, 204]),
        new("GET", "/api/v1/me/models", null, [401, 200, 200, 200, 200]),
        new("GET", "/api/v1/me/tokens", null, [401, 200, 200, 403, 200]),
        new("POST", "/api/v1/me/tokens", """{"name":"matrix","scopes":["read"]}""", [401, 201, 201, 403, 201]),
        new("DELETE", "/api/v1/me/tokens/{tokenA}", null, [401, 204, 404, 403, 404]),
        new("DELETE", "/api/v1/me", """{"password":"correct horse battery staple"}""", [401, 202, 202, 403, 202]),
        new("GET", "/api/v1/admin/users", null, [401, 403, 403, 403, 200]),
        new("PATCH", "/api/v1/admin/users/{userA}", """{"videoLimit":5}""", [401, 403, 403, 403, 200]),
        new("GET", "/api/v1/admin/jobs", null, [401, 403, 403, 403, 200]),
        new("POST", "/api/v1/admin/jobs/{randomId}/retry", null, [401, 403, 403, 403, 404]),
        new("POST", "/api/v1/admin/jobs/ping", """{"count":2}""", [401, 403, 403, 403, 202]),
    ]);

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Endpoint_ShouldAnswerEachCallerAsSpecified(string method, string path, string body, int[] expected)
    {
        await using var matrix = await AccessMatrix.CreateAsync(Fixture);
        await matrix.AssertAsync(method, path, body, expected);
    }
}

public sealed record AccessRow(string Method, string Path, string? Body, int[] Expected);

/// <summary>The callers of the access matrix and the resources they probe.</summary>
public sealed class AccessMatrix : IAsyncDisposable
{
    public static readonly string[] Callers = ["anonymous", "user A", "user B", "A's read token", "admin"];

    /// <summary>Body marker: a real multipart upload of the test clip.</summary>
    public const string UploadBody = "<upload>";

    private readonly Dictionary<string, string> _placeholders = [];
    private readonly List<Func<HttpRequestMessage, Task<HttpResponseMessage>>> _senders = [];
    private readonly List<IDisposable> _owned = [];

    public TestUser UserA { get; private set; } = null!;

    public SessionClient SessionA { get; private set; } = null!;

    public SessionClient SessionB { get; private set; } = null!;

    public static TheoryData<string, string, string, int[]> ToTheoryData(IEnumerable<AccessRow> rows)
    {
        var data = new TheoryData<string, string, string, int[]>();
        foreach (var row in rows) data.Add(row.Method, row.Path, row.Body ?? "", row.Expected);
        return data;
    }

    public static async Task<AccessMatrix> CreateAsync(ApiFixture fixture)
    {
        var matrix = new AccessMatrix();
        matrix.UserA = await fixture.CreateAsync("matrix_a");
        var userB = await fixture.CreateAsync("matrix_b");
        var admin = await fixture.CreateAsync("matrix_admin", admin: true);
        matrix.SessionA = await fixture.LoginAsync(matrix.UserA);
        var sessionB = matrix.SessionB = await fixture.LoginAsync(userB);
        var sessionAdmin = await fixture.LoginAsync(admin);
        var (readToken, tokenId) = await matrix.SessionA.CreateTokenClientAsync("read");
        var anonymous = new SessionClient(ApiFixture.CreateClient());
        matrix._owned.AddRange([matrix.SessionA, sessionB, sessionAdmin, readToken, anonymous]);

        // Headers only: streaming endpoints (server-sent events) never finish their body.
        const HttpCompletionOption headers = HttpCompletionOption.ResponseHeadersRead;
        matrix._senders.Add(r => anonymous.SendAsync(r, headers));
        matrix._senders.Add(r => matrix.SessionA.SendAsync(r, headers));
        matrix._senders.Add(r => sessionB.SendAsync(r, headers));
        matrix._senders.Add(r => readToken.SendAsync(r, headers));
        matrix._senders.Add(r => sessionAdmin.SendAsync(r, headers));
        matrix._placeholders["{tokenA}"] = tokenId.ToString();
        matrix._placeholders["{userA}"] = matrix.UserA.Id.ToString();
        matrix._placeholders["{randomId}"] = Guid.NewGuid().ToString();
        return matrix;
    }

    public void SetPlaceholder(string name, string value) => _placeholders[name] = value;

    /// <summary>Gives user A a real uploaded video ({videoA}) and a tag ({tagA}).</summary>
    public async Task AddVideoAndTagOfAAsync()
    {
        var video = await (await SessionA.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/videos") { Content = TestMedia.Upload(await TestMedia.VideoAsync()) })).ReadJsonAsync();
        var tag = await (await SessionA.PostAsync("/api/v1/tags", new { name = "matrix-tag" })).ReadJsonAsync();
        _placeholders["{videoA}"] = video.GetProperty("id").GetString()!;
        _placeholders["{tagA}"] = tag.GetProperty("id").GetString()!;

        // The pipeline runs at once; wait until it settles so every row sees the same state. The test clip has no
        // speech source here, so it ends failed (no_transcript_source): reprocess and transcript edits are allowed.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await (await SessionA.GetAsync($"/api/v1/videos/{_placeholders["{videoA}"]}")).ReadJsonAsync()).GetProperty("status").GetString() is not ("ready" or "failed"))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The matrix video did not finish processing.");
            await Task.Delay(100);
        }
    }

    /// <summary>Sends the request as each caller in turn (all on the same data) and compares every status at once.</summary>
    public async Task AssertAsync(string method, string path, string body, int[] expected)
    {
        var resolved = Resolve(path);
        var actual = new int[_senders.Count];
        // Destructive rows (DELETE /me, logout) are sent by the caller under test last-to-first so that, e.g., user A
        // deleting their account does not change what user B sees.
        for (var i = _senders.Count - 1; i >= 0; i--)
        {
            var request = new HttpRequestMessage(new HttpMethod(method), resolved);
            if (body == UploadBody) request.Content = TestMedia.Upload(await TestMedia.VideoAsync());
            else if (body.Length > 0) request.Content = new StringContent(Resolve(body), System.Text.Encoding.UTF8, "application/json");
            using var response = await _senders[i](request);
            actual[i] = (int)response.StatusCode;
            if (actual[i] >= 400) await ProblemAssert.IsProblemAsync(response, actual[i]);
        }
        var report = string.Join(", ", Callers.Select((c, i) => $"{c}: {actual[i]}{(actual[i] == expected[i] ? "" : $" (expected {expected[i]})")}"));
        Assert.True(expected.SequenceEqual(actual), $"{method} {path} → {report}");
    }

    private string Resolve(string text) => _placeholders.Aggregate(text, (t, kv) => t.Replace(kv.Key, kv.Value, StringComparison.Ordinal));

    /// <summary>
    /// User A's group {groupA} holding {videoA}, shared as {shareA}; user B's shared group as {shareB}; and a token
    /// that opens nothing as {randomShare}. Call after <see cref="AddVideoAndTagOfAAsync"/>.
    /// </summary>
    public async Task AddSharedGroupsAsync()
    {
        var groupA = (await (await SessionA.PostAsync("/api/v1/groups", new { name = "matrix group A" })).ReadJsonAsync()).GetProperty("id").GetString()!;
        await SessionA.PostAsync($"/api/v1/groups/{groupA}/videos", new { videoIds = new[] { _placeholders["{videoA}"] } });
        var shareA = await (await SessionA.PostAsync($"/api/v1/groups/{groupA}/share")).ReadJsonAsync();
        var groupB = (await (await SessionB.PostAsync("/api/v1/groups", new { name = "matrix group B" })).ReadJsonAsync()).GetProperty("id").GetString()!;
        var shareB = await (await SessionB.PostAsync($"/api/v1/groups/{groupB}/share")).ReadJsonAsync();
        _placeholders["{groupA}"] = groupA;
        _placeholders["{shareA}"] = shareA.GetProperty("shareToken").GetString()!;
        _placeholders["{shareB}"] = shareB.GetProperty("shareToken").GetString()!;
        _placeholders["{randomShare}"] = Application.Common.Security.SecretTokens.Create();
    }

    public ValueTask DisposeAsync()
    {
        foreach (var owned in _owned) owned.Dispose();
        return ValueTask.CompletedTask;
    }
}

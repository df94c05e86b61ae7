using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AskVideo.Application.Common.Security;
using AskVideo.Integration.Tests.Infrastructure;

namespace AskVideo.Integration.Tests.Security;

/// <summary>The callers of the access matrix, in the order of its columns.</summary>
public enum Principal
{
    /// <summary>User A, signed in with cookies: owns every resource the rows name.</summary>
    Owner,

    /// <summary>User B, signed in with cookies.</summary>
    Other,

    Anonymous,

    /// <summary>A's personal API token with the read scope.</summary>
    ReadToken,

    /// <summary>A's personal API token with the write scope (write implies read).</summary>
    WriteToken,

    /// <summary>An administrator, signed in with cookies (owns nothing the rows name).</summary>
    Admin,

    /// <summary>The share token of A's shared group, which holds A's video.</summary>
    ShareThis,

    /// <summary>The share token of B's shared group, which holds B's own video.</summary>
    ShareOther,
}

/// <summary>
/// One row: a request and the status each principal must get (columns in <see cref="Principal"/> order).
/// <see cref="Isolated"/> rows change the callers themselves (sign out, delete the account) and get a world of their own.
/// </summary>
public sealed record AccessRow(string Method, string Path, string? Body, IReadOnlyList<int> Expected, bool Isolated = false)
{
    public bool IsShared => Path.StartsWith("/api/v1/shared/", StringComparison.Ordinal);

    public int ExpectedFor(Principal principal) => Expected[(int)principal];

    public override string ToString() => $"{Method} {Path}";
}

/// <summary>
/// The callers and the resources of the access matrix, and the runner that sends a row as every caller.
/// <para>Placeholders in paths and bodies: <c>{videoA}</c>, <c>{groupA}</c>, <c>{tagA}</c>, <c>{chatLogA}</c>,
/// <c>{owner}</c> (A's user id) are A's; <c>{videoB}</c>, <c>{groupB}</c> are B's; <c>{share}</c> is the caller's share
/// token (B's for <see cref="Principal.ShareOther"/>, A's for everyone else: the link is a capability);
/// <c>{randomShare}</c> opens nothing, <c>{revokedShare}</c> was A's until A revoked it; <c>{randomId}</c> names nothing;
/// <c>{unique}</c> is a fresh value per request (names that must not collide).</para>
/// <para>Doomed resources (<c>{doomedVideo}</c>, <c>{doomedGroup}</c>, <c>{doomedTag}</c>, <c>{doomedToken}</c>,
/// <c>{doomedUpload}</c>) are A's, made on first use, and made again after any answer other than 401, 403 or 404 (those
/// refuse before anything changes): every caller of a deleting, rotating or reprocessing row meets a fresh one.</para>
/// </summary>
public sealed class AccessMatrix : IAsyncDisposable
{
    /// <summary>Body marker: a real multipart upload of the test clip.</summary>
    public const string UploadBody = "<upload>";

    /// <summary>A body the announced upload <c>{doomedUpload}</c> expects exactly (its size), which is no video.</summary>
    public const string NotAVideo = "just some text, not a video";

    /// <summary>
    /// Callers of a row go in this order so that isolated rows (sign-out, account deletion) cannot disturb a later
    /// caller: A's tokens and A's share link before A, B's share link before B.
    /// </summary>
    public static readonly Principal[] SendOrder =
        [Principal.Anonymous, Principal.ShareThis, Principal.ShareOther, Principal.ReadToken, Principal.WriteToken, Principal.Admin, Principal.Other, Principal.Owner];

    private const HttpCompletionOption HeadersOnly = HttpCompletionOption.ResponseHeadersRead;

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<Task<string>>> _doomedFactories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _doomed = new(StringComparer.Ordinal);
    private readonly List<IDisposable> _owned = [];
    private SessionClient _owner = null!;
    private SessionClient _other = null!;
    private SessionClient _admin = null!;
    private HttpClient _read = null!;
    private HttpClient _write = null!;
    private HttpClient _plain = null!;

    private AccessMatrix()
    {
    }

    public TestUser Owner { get; private set; } = null!;

    public string ShareThis => _values["{shareA}"];

    public string ShareOther => _values["{shareB}"];

    /// <summary>Requests sent by <see cref="RunAsync"/> (setup excluded).</summary>
    public int Requests { get; private set; }

    /// <summary>
    /// Three users, A's two API tokens and the two shared groups. With <paramref name="content"/>: A's and B's sample
    /// videos (processed to ready, so media, thumbnail and transcript exist), A's tag, A's chat log, and a revoked link.
    /// </summary>
    public static async Task<AccessMatrix> CreateAsync(ApiFixture fixture, bool content)
    {
        var matrix = new AccessMatrix();
        await matrix.InitializeAsync(fixture, content);
        return matrix;
    }

    private async Task InitializeAsync(ApiFixture fixture, bool content)
    {
        var users = await Task.WhenAll(fixture.CreateAsync("matrix_a"), fixture.CreateAsync("matrix_b"), fixture.CreateAsync("matrix_admin", admin: true));
        Owner = users[0];
        var sessions = await Task.WhenAll(users.Select(LoginAsync));
        (_owner, _other, _admin) = (sessions[0], sessions[1], sessions[2]);
        _owned.AddRange(sessions);
        // The samples process while the rest is set up.
        var samples = content ? Task.WhenAll(SampleAsync(_owner), SampleAsync(_other)) : Task.FromResult<string[]>([]);
        _read = await TokenClientAsync(_owner, "read");
        _write = await TokenClientAsync(_owner, "write");
        _plain = CreateClient();
        _owned.AddRange([_read, _write, _plain]);
        _values["{owner}"] = Owner.Id.ToString();
        _values["{randomId}"] = Guid.NewGuid().ToString();
        _values["{randomShare}"] = SecretTokens.Create();

        if (content)
        {
            _values["{tagA}"] = await IdOfAsync(_owner.PostAsync("/api/v1/tags", new { name = "matrix-tag" }));
            var videos = await samples;
            (_values["{videoA}"], _values["{videoB}"]) = (videos[0], videos[1]);
            var answer = await JsonOfAsync(_owner.PostAsync($"/api/v1/videos/{videos[0]}/chat", new { messages = new[] { new { role = "user", content = "What is the transcript split into?" } } }));
            _values["{chatLogA}"] = answer.GetProperty("chatLogId").GetString()!;
            var revoked = await SharedGroupAsync(_owner, "matrix revoked", videos[0]);
            Assert.Equal(204, (int)(await _owner.DeleteAsync($"/api/v1/groups/{revoked.Group}/share")).StatusCode);
            _values["{revokedShare}"] = revoked.Token;
        }
        var groupA = await SharedGroupAsync(_owner, "matrix group A", content ? _values["{videoA}"] : null);
        var groupB = await SharedGroupAsync(_other, "matrix group B", content ? _values["{videoB}"] : null);
        (_values["{groupA}"], _values["{shareA}"]) = groupA;
        (_values["{groupB}"], _values["{shareB}"]) = groupB;

        _doomedFactories["{doomedVideo}"] = UploadSettledVideoAsync;
        _doomedFactories["{doomedGroup}"] = async () => (await SharedGroupAsync(_owner, "doomed " + Guid.NewGuid().ToString("N")[..8], _values["{videoA}"])).Group;
        _doomedFactories["{doomedTag}"] = () => IdOfAsync(_owner.PostAsync("/api/v1/tags", new { name = "doomed-" + Guid.NewGuid().ToString("N")[..8] }));
        _doomedFactories["{doomedToken}"] = async () => (await JsonOfAsync(_owner.PostAsync("/api/v1/me/tokens", new { name = "doomed", scopes = new[] { "read" } }))).GetProperty("id").GetString()!;
        _doomedFactories["{doomedUpload}"] = () => IdOfAsync(_owner.PostAsync("/api/v1/videos/uploads", new { fileName = "a.mp4", sizeBytes = Encoding.UTF8.GetByteCount(NotAVideo) }));
    }

    /// <summary>The ids only A's own callers may see in a successful answer (their appearing elsewhere is a leak).</summary>
    private IEnumerable<(string Name, string Value)> PrivateToOwner() =>
        _values.Where(kv => kv.Key is "{owner}" or "{videoA}" or "{groupA}" or "{tagA}" or "{chatLogA}" or "{shareA}")
            .Select(kv => (kv.Key, kv.Value))
            .Concat(_doomed.Select(kv => (kv.Key, kv.Value)))
            .Append(("A's email", Owner.Email));

    /// <summary>Sends the row as every principal (share principals outside /shared twice: as a Bearer token and as query parameters).</summary>
    public async Task<RowResult> RunAsync(AccessRow row)
    {
        var result = new RowResult(row);
        foreach (var principal in SendOrder)
        {
            var expected = row.ExpectedFor(principal);
            foreach (var (variant, client, configure) in Callers(principal, row))
            {
                var (url, body, doomed) = await ResolveAsync(row, principal);
                url = configure?.Invoke(url) ?? url;
                using var request = await BuildAsync(row.Method, url, body);
                if (variant == "bearer") request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", principal == Principal.ShareOther ? ShareOther : ShareThis);
                using var response = await client(request);
                Requests++;
                var status = (int)response.StatusCode;
                var name = variant is null ? principal.ToString() : $"{principal} ({variant})";
                result.Actual.Add((name, status, expected));
                foreach (var key in doomed.Where(_ => status is not (401 or 403 or 404))) _doomed.Remove(key);

                var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
                if (status >= 400)
                {
                    result.Failures.AddRange(await ProblemFailuresAsync(response, $"{row} as {name}"));
                    result.Leaks.AddRange(await ErrorBodies.InspectAsync("access-matrix", $"{row} as {name}", response));
                }
                else if (mediaType is "application/json" or "text/plain" or "text/vtt" or "text/csv")
                {
                    var text = await response.Content.ReadAsStringAsync();
                    result.Leaks.AddRange(Forbidden(principal, url).Where(p => text.Contains(p.Value, StringComparison.OrdinalIgnoreCase))
                        .Select(p => $"{row} as {name} → {status}: the answer contains A's {p.Name}"));
                }
                if (status != expected && status < 400 && expected >= 400)
                    result.Leaks.Add($"{row} as {name} → {status}, where {expected} was expected");
            }
        }
        return result;
    }

    /// <summary>
    /// What a successful answer to this caller must not contain: nothing for A's own callers and for the admin on admin
    /// endpoints; A's identity (id, email) and chat log for anyone holding A's link inside /shared (guests see the
    /// group, never its owner); every id private to A for everyone else.
    /// </summary>
    private IEnumerable<(string Name, string Value)> Forbidden(Principal principal, string url)
    {
        if (principal is Principal.Owner or Principal.ReadToken or Principal.WriteToken) return [];
        if (principal == Principal.Admin && url.StartsWith("/api/v1/admin/", StringComparison.Ordinal)) return [];
        if (url.StartsWith("/api/v1/shared/" + ShareThis + "/", StringComparison.Ordinal) || url == "/api/v1/shared/" + ShareThis)
            return PrivateToOwner().Where(p => p.Name is "{owner}" or "A's email" or "{chatLogA}");
        return PrivateToOwner();
    }

    /// <summary>How a principal sends: its client, and for share principals outside /shared the two ways of presenting the link.</summary>
    private IEnumerable<(string? Variant, Func<HttpRequestMessage, Task<HttpResponseMessage>> Send, Func<string, string>? Configure)> Callers(Principal principal, AccessRow row)
    {
        switch (principal)
        {
            case Principal.Owner: yield return (null, r => _owner.SendAsync(r, HeadersOnly), null); break;
            case Principal.Other: yield return (null, r => _other.SendAsync(r, HeadersOnly), null); break;
            case Principal.Admin: yield return (null, r => _admin.SendAsync(r, HeadersOnly), null); break;
            case Principal.ReadToken: yield return (null, r => _read.SendAsync(r, HeadersOnly), null); break;
            case Principal.WriteToken: yield return (null, r => _write.SendAsync(r, HeadersOnly), null); break;
            case Principal.Anonymous: yield return (null, r => _plain.SendAsync(r, HeadersOnly), null); break;
            default:
                if (row.IsShared)
                {
                    yield return (null, r => _plain.SendAsync(r, HeadersOnly), null);
                    break;
                }
                var token = principal == Principal.ShareOther ? ShareOther : ShareThis;
                yield return ("bearer", r => _plain.SendAsync(r, HeadersOnly), null);
                yield return ("query", r => _plain.SendAsync(r, HeadersOnly), url => url + (url.Contains('?') ? '&' : '?') + $"share={token}&shareToken={token}");
                break;
        }
    }

    private async Task<(string Url, string Body, List<string> Doomed)> ResolveAsync(AccessRow row, Principal principal)
    {
        var doomed = _doomedFactories.Keys.Where(k => row.Path.Contains(k, StringComparison.Ordinal) || (row.Body?.Contains(k, StringComparison.Ordinal) ?? false)).ToList();
        foreach (var key in doomed.Where(k => !_doomed.ContainsKey(k))) _doomed[key] = await _doomedFactories[key]();
        string Resolve(string text)
        {
            text = text.Replace("{share}", principal == Principal.ShareOther ? ShareOther : ShareThis, StringComparison.Ordinal)
                .Replace("{unique}", Guid.NewGuid().ToString("N")[..12], StringComparison.Ordinal);
            return _values.Concat(_doomed).Aggregate(text, (t, kv) => t.Replace(kv.Key, kv.Value, StringComparison.Ordinal));
        }
        return (Resolve(row.Path), Resolve(row.Body ?? ""), doomed);
    }

    private static async Task<HttpRequestMessage> BuildAsync(string method, string url, string body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body == UploadBody) request.Content = TestMedia.Upload(await TestMedia.VideoAsync());
        else if (body.Length > 0) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        return request;
    }

    private static async Task<IReadOnlyList<string>> ProblemFailuresAsync(HttpResponseMessage response, string request)
    {
        try
        {
            await ProblemAssert.IsProblemAsync(response, (int)response.StatusCode);
            return [];
        }
        catch (Xunit.Sdk.XunitException ex)
        {
            return [$"{request}: not a proper problem+json: {ex.Message.ReplaceLineEndings(" ")}"];
        }
    }

    /// <summary>
    /// A client of the test API that closes the connection of a response disposed unread (the default drains it for up
    /// to 2 s): an event stream the matrix opened then gives its stream slot back at once.
    /// </summary>
    private static HttpClient CreateClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, MaxResponseDrainSize = 0 })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{TestEnvironment.ApiPort}"),
            Timeout = TimeSpan.FromMinutes(2),
        };

    private static async Task<SessionClient> LoginAsync(TestUser user)
    {
        var session = new SessionClient(CreateClient());
        await JsonOfAsync(session.PostAsync("/api/v1/auth/login", new { login = user.Email, password = user.Password }));
        return session;
    }

    private static async Task<HttpClient> TokenClientAsync(SessionClient session, string scope)
    {
        var created = await JsonOfAsync(session.PostAsync("/api/v1/me/tokens", new { name = "matrix " + scope, scopes = new[] { scope } }));
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.GetProperty("token").GetString());
        return client;
    }

    private async Task<string> UploadSettledVideoAsync()
    {
        var id = await IdOfAsync(_owner.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/videos") { Content = TestMedia.Upload(await TestMedia.VideoAsync()) }));
        // The test clip has no speech source (no key, no subtitles): its pipeline ends failed at once, after which it may be reprocessed or edited.
        await SettledAsync(_owner, id);
        return id;
    }

    private static async Task<string> SampleAsync(SessionClient session)
    {
        var id = await IdOfAsync(session.PostAsync("/api/v1/videos/sample"));
        Assert.Equal("ready", await SettledAsync(session, id));
        return id;
    }

    private static async Task<string> SettledAsync(SessionClient session, string videoId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var status = (await JsonOfAsync(session.GetAsync($"/api/v1/videos/{videoId}"))).GetProperty("status").GetString()!;
            if (status is "ready" or "failed") return status;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The matrix video {videoId} did not finish processing ({status}).");
            await Task.Delay(50);
        }
    }

    private static async Task<(string Group, string Token)> SharedGroupAsync(SessionClient session, string name, string? videoId)
    {
        var group = await IdOfAsync(session.PostAsync("/api/v1/groups", new { name }));
        if (videoId is not null) Assert.Equal(200, (int)(await session.PostAsync($"/api/v1/groups/{group}/videos", new { videoIds = new[] { videoId } })).StatusCode);
        var share = await JsonOfAsync(session.PostAsync($"/api/v1/groups/{group}/share"));
        return (group, share.GetProperty("shareToken").GetString()!);
    }

    private static async Task<string> IdOfAsync(Task<HttpResponseMessage> response) => (await JsonOfAsync(response)).GetProperty("id").GetString()!;

    private static async Task<JsonElement> JsonOfAsync(Task<HttpResponseMessage> pending)
    {
        using var response = await pending;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"matrix setup: {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath} → {(int)response.StatusCode} {text}");
        return JsonSerializer.Deserialize<JsonElement>(text);
    }

    public ValueTask DisposeAsync()
    {
        foreach (var owned in _owned) owned.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>What one row got: each caller's status against the expected one, leaks and malformed problems.</summary>
public sealed class RowResult(AccessRow row)
{
    public AccessRow Row => row;

    public List<(string Caller, int Status, int Expected)> Actual { get; } = [];

    public List<string> Leaks { get; } = [];

    public List<string> Failures { get; } = [];

    public bool Matches => Actual.All(a => a.Status == a.Expected);

    public string Describe() =>
        $"{row} → " + string.Join(", ", Actual.Select(a => $"{a.Caller}: {a.Status}{(a.Status == a.Expected ? "" : $" (expected {a.Expected})")}"));
}

using AskVideo.Integration.Tests.Infrastructure;
using static AskVideo.Integration.Tests.Security.AccessMatrix;

namespace AskVideo.Integration.Tests.Security;

/// <summary>
/// The access matrix: every endpoint of the OpenAPI document × every kind of caller, with the status each must get
/// (<see cref="AccessMatrixCompletenessTests"/> fails when an operation has no row). Columns, in order: A (the owner,
/// cookies), B (another user, cookies), anonymous, A's read token, A's write token, an admin (cookies), the share token
/// of A's shared group (which holds A's video), the share token of B's shared group (B's video).
/// <para><b>Share tokens are capabilities for /shared/… only.</b> Inside <c>/api/v1/shared/{share}/…</c> each share
/// principal uses its own token, and every other caller uses A's token: whoever holds the link is a guest, cookies and
/// API tokens are not consulted, so those columns show what the link opens. Outside /shared a share principal presents
/// its token twice, as <c>Authorization: Bearer &lt;token&gt;</c> and as <c>?share=&lt;token&gt;&amp;shareToken=&lt;token&gt;</c>;
/// both must get exactly what an anonymous caller gets (401 on every endpoint that needs a sign-in).</para>
/// <para>Beyond the statuses, every run counts as a leak a success where a refusal was expected, and a successful
/// answer that shows ids private to A (A's video, group, tag, chat log, user id, email or link) to a caller not
/// entitled to them; guests holding A's link may see the group's videos but never A's identity. Error bodies are
/// checked by <see cref="ErrorBodies"/>.</para>
/// <para>The rows share one set of callers and resources (fast); rows that consume a resource use a doomed one made
/// afresh per caller (see <see cref="AccessMatrix"/>), and the rows that end the callers' own session or account are
/// <see cref="AccessRow.Isolated"/>: each runs in a world of its own.</para>
/// </summary>
public partial class AccessMatrixTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private const string Ask = """{"messages":[{"role":"user","content":"What is the transcript split into?"}]}""";

    private static AccessRow Row(string method, string path, string? body, params int[] expected) => new(method, path, body, expected);

    private static AccessRow IsolatedRow(string method, string path, string? body, params int[] expected) => new(method, path, body, expected, Isolated: true);

    public static readonly IReadOnlyList<AccessRow> Rows =
    [
        //                                                                                                   A    B    anon read write admin share shareB
        Row("GET", "/api/v1/health", null,                                                                   200, 200, 200, 200, 200, 200, 200, 200),
        Row("GET", "/api/v1/health/ready", null,                                                             200, 200, 200, 200, 200, 200, 200, 200),
        Row("GET", "/api/v1/config/frontend", null,                                                          200, 200, 200, 200, 200, 200, 200, 200),

        // Account
        // A read token sends no command at all, not even the anonymous-allowed ones (403 insufficient_scope).
        Row("POST", "/api/v1/auth/refresh", null,                                                            200, 200, 401, 403, 401, 200, 401, 401),
        IsolatedRow("POST", "/api/v1/auth/logout", null,                                                     204, 204, 204, 403, 204, 204, 204, 204),
        Row("GET", "/api/v1/me", null,                                                                       200, 200, 401, 200, 200, 200, 401, 401),
        Row("PATCH", "/api/v1/me", """{"preferredLanguage":"en"}""",                                         200, 200, 401, 403, 200, 200, 401, 401),
        Row("POST", "/api/v1/me/password", """{"currentPassword":"wrong password!","newPassword":"a fine new passphrase"}""",
                                                                                                             400, 400, 401, 403, 403, 400, 401, 401),
        Row("PUT", "/api/v1/me/openai-key", """{"apiKey":"sk-not-a-real-key-0000"}""",                      422, 422, 401, 403, 422, 422, 401, 401),
        Row("DELETE", "/api/v1/me/openai-key", null,                                                         204, 204, 401, 403, 204, 204, 401, 401),
        Row("GET", "/api/v1/me/models", null,                                                                200, 200, 401, 200, 200, 200, 401, 401),
        Row("GET", "/api/v1/me/tokens", null,                                                                200, 200, 401, 403, 403, 200, 401, 401),
        Row("POST", "/api/v1/me/tokens", """{"name":"matrix {unique}","scopes":["read"]}""",                 201, 201, 401, 403, 403, 201, 401, 401),
        Row("DELETE", "/api/v1/me/tokens/{doomedToken}", null,                                               204, 404, 401, 403, 403, 404, 401, 401),
        IsolatedRow("DELETE", "/api/v1/me", """{"password":"correct horse battery staple"}""",               202, 202, 401, 403, 403, 202, 401, 401),

        // Administration
        Row("GET", "/api/v1/admin/users", null,                                                              403, 403, 401, 403, 403, 200, 401, 401),
        Row("PATCH", "/api/v1/admin/users/{owner}", """{"videoLimit":100}""",                                403, 403, 401, 403, 403, 200, 401, 401),
        Row("GET", "/api/v1/admin/jobs", null,                                                               403, 403, 401, 403, 403, 200, 401, 401),
        Row("POST", "/api/v1/admin/jobs/{randomId}/retry", null,                                             403, 403, 401, 403, 403, 404, 401, 401),
        Row("POST", "/api/v1/admin/jobs/ping", """{"count":2}""",                                            403, 403, 401, 403, 403, 202, 401, 401),

        // Videos and tags (B and the admin get 404, never 403, for A's resources: nothing to probe)
        Row("GET", "/api/v1/videos", null,                                                                   200, 200, 401, 200, 200, 200, 401, 401),
        Row("GET", "/api/v1/videos/{videoA}", null,                                                          200, 404, 401, 200, 200, 404, 401, 401),
        Row("PATCH", "/api/v1/videos/{videoA}", """{"title":"renamed"}""",                                   200, 404, 401, 403, 200, 404, 401, 401),
        Row("GET", "/api/v1/videos/{videoA}/media", null,                                                    200, 404, 401, 200, 200, 404, 401, 401),
        Row("GET", "/api/v1/videos/{videoA}/thumbnail", null,                                                200, 404, 401, 200, 200, 404, 401, 401),
        Row("GET", "/api/v1/videos/{videoA}/events", null,                                                   200, 404, 401, 200, 200, 404, 401, 401),
        Row("GET", "/api/v1/videos/events", null,                                                            200, 200, 401, 200, 200, 200, 401, 401),
        Row("GET", "/api/v1/videos/{videoA}/transcript", null,                                               200, 404, 401, 200, 200, 404, 401, 401),
        Row("GET", "/api/v1/videos/{videoA}/transcript?format=vtt", null,                                    200, 404, 401, 200, 200, 404, 401, 401),
        Row("POST", "/api/v1/videos/{videoA}/chat", Ask,                                                     200, 404, 401, 200, 200, 404, 401, 401),
        Row("GET", "/api/v1/search?q=transcript", null,                                                      200, 200, 401, 200, 200, 200, 401, 401),
        Row("GET", "/api/v1/search?q=transcript&videoId={videoA}", null,                                     200, 404, 401, 200, 200, 404, 401, 401),
        Row("GET", "/api/v1/search?q=transcript&groupId={groupA}", null,                                     200, 404, 401, 200, 200, 404, 401, 401),
        Row("POST", "/api/v1/videos/{doomedVideo}/reprocess", null,                                          202, 404, 401, 403, 202, 404, 401, 401),
        Row("PUT", "/api/v1/videos/{doomedVideo}/transcript", """{"segments":[{"startMs":0,"endMs":1000,"text":"Hi."}]}""",
                                                                                                             202, 404, 401, 403, 202, 404, 401, 401),
        Row("DELETE", "/api/v1/videos/{doomedVideo}", null,                                                  204, 404, 401, 403, 204, 404, 401, 401),
        // A's announced upload of exactly this body, which is no video: A's callers get past every check to ffprobe's 422.
        Row("PUT", "/api/v1/videos/uploads/{doomedUpload}", NotAVideo,                                       422, 404, 401, 403, 422, 404, 401, 401),
        Row("GET", "/api/v1/tags", null,                                                                     200, 200, 401, 200, 200, 200, 401, 401),
        Row("POST", "/api/v1/tags", """{"name":"tag-{unique}","color":"#123456"}""",                         201, 201, 401, 403, 201, 201, 401, 401),
        Row("PATCH", "/api/v1/tags/{tagA}", """{"color":"#abcdef"}""",                                       200, 404, 401, 403, 200, 404, 401, 401),
        Row("DELETE", "/api/v1/tags/{doomedTag}", null,                                                      204, 404, 401, 403, 204, 404, 401, 401),

        // Groups
        Row("GET", "/api/v1/groups", null,                                                                   200, 200, 401, 200, 200, 200, 401, 401),
        Row("POST", "/api/v1/groups", """{"name":"new group {unique}"}""",                                   201, 201, 401, 403, 201, 201, 401, 401),
        Row("GET", "/api/v1/groups/{groupA}", null,                                                          200, 404, 401, 200, 200, 404, 401, 401),
        Row("PATCH", "/api/v1/groups/{groupA}", """{"name":"renamed"}""",                                    200, 404, 401, 403, 200, 404, 401, 401),
        Row("POST", "/api/v1/groups/{groupA}/videos", """{"videoIds":["{videoA}"]}""",                       200, 404, 401, 403, 200, 404, 401, 401),
        // B may not put A's video into B's shared group (it would reach A's video through B's link).
        Row("POST", "/api/v1/groups/{groupB}/videos", """{"videoIds":["{videoA}"]}""",                       404, 404, 401, 403, 404, 404, 401, 401),
        Row("PUT", "/api/v1/groups/{groupA}/order", """{"videoIds":["{videoA}"]}""",                         200, 404, 401, 403, 200, 404, 401, 401),
        Row("POST", "/api/v1/groups/{doomedGroup}/share", null,                                              200, 404, 401, 403, 200, 404, 401, 401),
        Row("DELETE", "/api/v1/groups/{doomedGroup}/share", null,                                            204, 404, 401, 403, 204, 404, 401, 401),
        Row("DELETE", "/api/v1/groups/{doomedGroup}/videos/{videoA}", null,                                  204, 404, 401, 403, 204, 404, 401, 401),
        Row("DELETE", "/api/v1/groups/{doomedGroup}", null,                                                  204, 404, 401, 403, 204, 404, 401, 401),

        // Chat
        Row("POST", "/api/v1/groups/{groupA}/chat", Ask,                                                     200, 404, 401, 200, 200, 404, 401, 401),
        Row("GET", "/api/v1/groups/{groupA}/chat/logs", null,                                                200, 404, 401, 200, 200, 404, 401, 401),
        Row("GET", "/api/v1/groups/{groupA}/chat/logs?format=csv", null,                                     200, 404, 401, 200, 200, 404, 401, 401),
        Row("DELETE", "/api/v1/groups/{groupA}/chat/logs", null,                                             204, 404, 401, 403, 204, 404, 401, 401),
        Row("GET", "/api/v1/groups/{groupA}/chat/analytics", null,                                           200, 404, 401, 200, 200, 404, 401, 401),
        // Feedback is open to guests holding the answer's feedbackToken; without it only A's callers may rate A's answers.
        Row("PUT", "/api/v1/chat/logs/{chatLogA}/feedback", """{"value":"good"}""",                          204, 404, 401, 403, 204, 404, 401, 401),
        Row("PUT", "/api/v1/chat/logs/{randomId}/feedback", """{"value":"good"}""",                          404, 404, 401, 403, 404, 404, 401, 401),

        // Shared links: {share} is B's link for the B-link column and A's for everyone else.
        Row("GET", "/api/v1/shared/{share}", null,                                                           200, 200, 200, 200, 200, 200, 200, 200),
        Row("GET", "/api/v1/shared/{share}/videos/{videoA}/media", null,                                     200, 200, 200, 200, 200, 200, 200, 404),
        Row("GET", "/api/v1/shared/{share}/videos/{videoA}/thumbnail", null,                                 200, 200, 200, 200, 200, 200, 200, 404),
        Row("GET", "/api/v1/shared/{share}/videos/{videoA}/transcript", null,                                200, 200, 200, 200, 200, 200, 200, 404),
        Row("GET", "/api/v1/shared/{share}/videos/{videoA}/transcript?format=vtt", null,                     200, 200, 200, 200, 200, 200, 200, 404),
        Row("GET", "/api/v1/shared/{share}/videos/{videoB}/media", null,                                     404, 404, 404, 404, 404, 404, 404, 200),
        Row("GET", "/api/v1/shared/{share}/videos/{videoB}/transcript", null,                                404, 404, 404, 404, 404, 404, 404, 200),
        Row("POST", "/api/v1/shared/{share}/chat", Ask,                                                      200, 200, 200, 200, 200, 200, 200, 200),
        Row("GET", "/api/v1/shared/{randomShare}", null,                                                     404, 404, 404, 404, 404, 404, 404, 404),
        Row("GET", "/api/v1/shared/{randomShare}/videos/{videoA}/media", null,                               404, 404, 404, 404, 404, 404, 404, 404),
        Row("GET", "/api/v1/shared/{randomShare}/videos/{videoA}/thumbnail", null,                           404, 404, 404, 404, 404, 404, 404, 404),
        Row("GET", "/api/v1/shared/{randomShare}/videos/{videoA}/transcript", null,                          404, 404, 404, 404, 404, 404, 404, 404),
        Row("POST", "/api/v1/shared/{randomShare}/chat", Ask,                                                404, 404, 404, 404, 404, 404, 404, 404),
        Row("GET", "/api/v1/shared/{revokedShare}", null,                                                    404, 404, 404, 404, 404, 404, 404, 404),
        Row("GET", "/api/v1/shared/{revokedShare}/videos/{videoA}/media", null,                              404, 404, 404, 404, 404, 404, 404, 404),

        // Last: rows that add videos start background work that would slow the doomed videos above.
        Row("POST", "/api/v1/videos", UploadBody,                                                            201, 201, 401, 403, 201, 201, 401, 401),
        Row("POST", "/api/v1/videos/uploads", """{"fileName":"big.mp4","sizeBytes":1000000}""",              201, 201, 401, 403, 201, 201, 401, 401),
        Row("POST", "/api/v1/videos/sample", null,                                                           201, 201, 401, 403, 201, 201, 401, 401),
    ];

    public static TheoryData<string> IsolatedRows => new(Rows.Where(r => r.Isolated).Select(r => r.ToString()));

    [Fact]
    public async Task EveryEndpoint_ShouldAnswerEachCallerAsSpecified_AndLeakNothing()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using var matrix = await CreateAsync(Fixture, content: true);
        var results = new List<RowResult>();
        foreach (var row in Rows.Where(r => !r.Isolated)) results.Add(await matrix.RunAsync(row));

        AssertAndReport(results, matrix.Requests, started.Elapsed, "access-matrix");
    }

    [Theory]
    [MemberData(nameof(IsolatedRows))]
    public async Task SessionEndingEndpoint_ShouldAnswerEachCallerAsSpecified(string row)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using var matrix = await CreateAsync(Fixture, content: false);

        var result = await matrix.RunAsync(Rows.Single(r => r.ToString() == row));

        AssertAndReport([result], matrix.Requests, started.Elapsed, null);
    }

    private static void AssertAndReport(List<RowResult> results, int requests, TimeSpan elapsed, string? check)
    {
        var mismatches = results.Where(r => !r.Matches).Select(r => r.Describe()).ToList();
        var leaks = results.SelectMany(r => r.Leaks).ToList();
        var malformed = results.SelectMany(r => r.Failures).ToList();
        if (check is not null)
        {
            SecurityReport.Append(new Dictionary<string, object>
            {
                ["check"] = check,
                ["endpoints"] = Rows.Select(r => r.Method + " " + Placeholder().Replace(r.Path.Split('?')[0], "{}")).Distinct().Count(),
                ["rows"] = results.Count + Rows.Count(r => r.Isolated),
                ["principals"] = Enum.GetValues<Principal>().Length,
                ["requests"] = requests,
                ["mismatches"] = mismatches.Count,
                ["leaks"] = leaks.Count,
                ["failures"] = mismatches.Count + leaks.Count + malformed.Count,
                ["seconds"] = Math.Round(elapsed.TotalSeconds, 1),
            });
        }
        Assert.True(mismatches.Count + leaks.Count + malformed.Count == 0,
            string.Join("\n", mismatches.Prepend($"{mismatches.Count} row(s) answered differently:")
                .Concat(leaks.Prepend($"{leaks.Count} leak(s):"))
                .Concat(malformed.Prepend($"{malformed.Count} malformed error(s):"))));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{[^}]+\}")]
    private static partial System.Text.RegularExpressions.Regex Placeholder();
}

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AskVideo.Integration.Tests.Infrastructure;
using AskVideo.Integration.Tests.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskVideo.Integration.Tests.Robustness;

/// <summary>
/// A bad-input pass over every operation in the OpenAPI document (SPEC §8): malformed and mistyped JSON, huge and
/// exotic strings, path tricks, truncated multipart and non-video files, as an anonymous caller and as a signed-in
/// user. Nothing may answer 5xx, every error must be problem+json without a stack trace, server path or secret
/// (<see cref="ErrorBodies"/>), and no file may be left behind.
/// With ASKVIDEO_REPORT_DIR set (bench/run.sh), the pass appends its counts to fuzz.jsonl there for the SPEC §8 scoreboard.
/// </summary>
public class BadInputFuzzTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private static readonly string Huge = new('x', 100_000);
    private const string Exotic = "é😀\u202Eevil\u0000nul 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 <script>alert(1)</script> '; DROP TABLE users; --";

    // Destructive for the fuzzing session itself; covered by their own tests.
    private static readonly HashSet<string> Skipped = ["DELETE /api/v1/me", "POST /api/v1/auth/logout"];

    // "%00" is not here: Kestrel refuses such a request line itself, before any application code (nginx does the same
    // in front of it). NUL characters inside values are covered by the bodies and query strings.
    private static readonly string[] PathValues =
        [Guid.NewGuid().ToString(), "not-a-guid", "..%2F..%2Fetc%2Fpasswd", "%2e%2e", Huge[..5000], "00000000-0000-0000-0000-000000000000"];

    private static IEnumerable<HttpContent?> Bodies()
    {
        yield return null;
        yield return Json("{");
        yield return Json("[1,2,3]");
        yield return Json("\"just a string\"");
        yield return Json("""{"email": 42, "password": [], "title": {"a": 1}, "tags": "nope", "videoLimit": "many", "scopes": [null], "isActive": "yes"}""");
        yield return Json($$"""{"email": "{{Huge}}@x.test", "username": "{{Huge}}", "password": "{{Huge}}", "name": "{{Huge}}", "title": "{{Huge}}", "apiKey": "{{Huge}}", "token": "{{Huge}}", "login": "{{Huge}}"}""");
        yield return Json(System.Text.Json.JsonSerializer.Serialize(new { email = Exotic, username = Exotic, password = Exotic, name = Exotic, title = Exotic, description = Exotic, tags = new[] { Exotic }, color = Exotic, apiKey = Exotic, token = Exotic, login = Exotic, preferredLanguage = Exotic }));
        yield return new StringContent("a=1&b=2", Encoding.UTF8, "application/x-www-form-urlencoded");
        var truncated = new ByteArrayContent(Encoding.UTF8.GetBytes("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.mp4\"\r\n\r\nnot a video at all"));
        truncated.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        yield return truncated;
        var textAsVideo = new MultipartFormDataContent { { new StringContent(Exotic), "title" }, { new ByteArrayContent(Encoding.UTF8.GetBytes(Huge)), "file", "../../evil.mp4" } };
        yield return textAsVideo;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task EveryOperation_ShouldAnswerBadInputWithAProblem_NeverA5xx_AndLeaveNoFiles()
    {
        var user = await Fixture.CreateAsync();
        using var session = await Fixture.LoginAsync(user);
        using var anonymous = new SessionClient(ApiFixture.CreateClient());
        var document = JsonNode.Parse(await Client.GetStringAsync("/api/openapi/v1.json"))!;
        var failures = new List<string>();
        var sent = 0;
        var status5xx = 0;
        var notProblemJson = 0;

        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, _) in item!.AsObject())
            {
                var name = $"{method.ToUpperInvariant()} {template}";
                if (Skipped.Contains(name)) continue;
                var paths = template.Contains('{')
                    ? PathValues.Select(v => System.Text.RegularExpressions.Regex.Replace(template, "\\{[^}]+\\}", v))
                    : [template, template + "?page=-1&pageSize=999999&q=" + Uri.EscapeDataString(Exotic) + "&status=%00&sort=" + Huge[..300], template + "?q=" + Uri.EscapeDataString(Exotic) + "&tag=%00"];
                foreach (var path in paths)
                {
                    foreach (var caller in new[] { session, anonymous })
                    {
                        foreach (var body in method is "get" or "delete" ? [null] : Bodies())
                        {
                            var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), path) { Content = body };
                            using var response = await caller.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                            sent++;
                            var status = (int)response.StatusCode;
                            var kind = body?.Headers.ContentType?.MediaType ?? "no body";
                            if (status >= 500)
                            {
                                status5xx++;
                                failures.Add($"{name} [{path[..Math.Min(path.Length, 80)]}] ({kind}) → {status}");
                            }
                            else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                            {
                                notProblemJson++;
                                failures.Add($"{name} ({kind}) → {status} without problem+json");
                            }
                            failures.AddRange(await ErrorBodies.InspectAsync("fuzz", $"{name} ({kind})", response));
                        }
                    }
                }
            }
        }

        // Some operations accept any body (POST /videos/sample takes none): the videos they add keep their files. No
        // file may belong to a video that does not exist.
        List<string> orphans;
        await using (var scope = CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AskVideo.Infrastructure.Persistence.AppDbContext>();
            var videos = (await db.Videos.Where(v => v.OwnerId == user.Id).Select(v => v.Id).ToListAsync()).Select(id => id.ToString("N")).ToHashSet();
            orphans = TestMedia.FilesOf(user.Id).Where(f => !videos.Any(id => f.Contains($"/videos/{id}/", StringComparison.Ordinal))).ToList();
        }
        // The in-process job consumer may be processing a video the pass added (POST /videos/sample) and writing its
        // derived files through the same .tmp folder right now: a partial write is a leftover only if it stays.
        var tempFiles = TestMedia.TempFiles();
        for (var wait = 0; tempFiles.Count > 0 && wait < 100; wait++)
        {
            await Task.Delay(100);
            tempFiles = TestMedia.TempFiles();
        }
        await ReportAsync(new { requests = sent, status5xx, notProblemJson, orphanFiles = orphans.Count + tempFiles.Count });

        Assert.True(sent > 300, $"only {sent} requests were sent");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct().Take(40)));
        Assert.Empty(orphans);
        Assert.Empty(tempFiles);
        // The session survived (or is merely throttled: thousands of requests exceed the per-user budget, as they should).
        Assert.Contains((int)(await session.GetAsync("/api/v1/me")).StatusCode, new[] { 200, 429 });
    }

    /// <summary>Appends the pass's counts as one JSON line to $ASKVIDEO_REPORT_DIR/fuzz.jsonl (bench/run.sh reads it).</summary>
    private static async Task ReportAsync(object counts)
    {
        var dir = Environment.GetEnvironmentVariable("ASKVIDEO_REPORT_DIR");
        if (string.IsNullOrEmpty(dir)) return;
        Directory.CreateDirectory(dir);
        await File.AppendAllTextAsync(Path.Combine(dir, "fuzz.jsonl"), System.Text.Json.JsonSerializer.Serialize(counts) + "\n");
    }
}

using AskVideo.Integration.Tests.Accounts;
using AskVideo.Integration.Tests.Infrastructure;

namespace AskVideo.Integration.Tests.Videos;

/// <summary>The access matrix, extended to the video and tag endpoints (same callers: anonymous, A, B, A's read token, admin).</summary>
public class VideoAccessMatrixTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private const string NotAVideo = "just some text, not a video";

    public static TheoryData<string, string, string, int[]> Rows => AccessMatrix.ToTheoryData(
    [
        new("GET", "/api/v1/videos", null, [401, 200, 200, 200, 200]),
        new("POST", "/api/v1/videos", AccessMatrix.UploadBody, [401, 201, 201, 403, 201]),
        new("POST", "/api/v1/videos/uploads", """{"fileName":"big.mp4","sizeBytes":1000000}""", [401, 201, 201, 403, 201]),
        // A's announced upload of exactly this body, which is no video: A gets past every check to ffprobe's 422.
        new("PUT", "/api/v1/videos/uploads/{uploadA}", NotAVideo, [401, 422, 404, 403, 404]),
        new("GET", "/api/v1/videos/{videoA}", null, [401, 200, 404, 200, 404]),
        new("PATCH", "/api/v1/videos/{videoA}", """{"title":"renamed"}""", [401, 200, 404, 403, 404]),
        new("GET", "/api/v1/videos/{videoA}/media", null, [401, 200, 404, 200, 404]),
        new("GET", "/api/v1/videos/{videoA}/thumbnail", null, [401, 404, 404, 404, 404]),
        new("GET", "/api/v1/videos/{videoA}/events", null, [401, 200, 404, 200, 404]),
        new("GET", "/api/v1/videos/events", null, [401, 200, 200, 200, 200]),
        new("POST", "/api/v1/videos/{videoA}/reprocess", null, [401, 202, 404, 403, 404]),
        new("POST", "/api/v1/videos/sample", null, [401, 201, 201, 403, 201]),
        new("GET", "/api/v1/videos/{videoA}/transcript", null, [401, 200, 404, 200, 404]),
        new("PUT", "/api/v1/videos/{videoA}/transcript", """{"segments":[{"startMs":0,"endMs":1000,"text":"Hi."}]}""", [401, 202, 404, 403, 404]),
        new("POST", "/api/v1/videos/{videoA}/chat", """{"messages":[{"role":"user","content":"What is this about?"}]}""", [401, 200, 404, 200, 404]),
        new("GET", "/api/v1/search?q=hello", null, [401, 200, 200, 200, 200]),
        new("DELETE", "/api/v1/videos/{videoA}", null, [401, 204, 404, 403, 404]),
        new("GET", "/api/v1/tags", null, [401, 200, 200, 200, 200]),
        new("POST", "/api/v1/tags", """{"name":"new-tag","color":"#123456"}""", [401, 201, 201, 403, 201]),
        new("PATCH", "/api/v1/tags/{tagA}", """{"color":"#abcdef"}""", [401, 200, 404, 403, 404]),
        new("DELETE", "/api/v1/tags/{tagA}", null, [401, 204, 404, 403, 404]),
    ]);

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Endpoint_ShouldAnswerEachCallerAsSpecified(string method, string path, string body, int[] expected)
    {
        await using var matrix = await AccessMatrix.CreateAsync(Fixture);
        await matrix.AddVideoAndTagOfAAsync();
        var upload = await matrix.SessionA.PostAsync("/api/v1/videos/uploads", new { fileName = "a.mp4", sizeBytes = System.Text.Encoding.UTF8.GetByteCount(NotAVideo) });
        matrix.SetPlaceholder("{uploadA}", (await upload.ReadJsonAsync()).GetProperty("id").GetString()!);
        await matrix.AssertAsync(method, path, body, expected);
    }
}

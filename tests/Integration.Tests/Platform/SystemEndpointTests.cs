using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AskVideo.Integration.Tests.Infrastructure;

namespace AskVideo.Integration.Tests.Platform;

public class SystemEndpointTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Health_ShouldAnswerOk()
    {
        var response = await Client.GetAsync("/api/v1/health");

        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ok", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_ShouldReportEveryDependency_WhenAllAreUp()
    {
        var response = await Client.GetAsync("/api/v1/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checks = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks");
        foreach (var name in new[] { "postgres", "pgvector", "redis", "storage" })
            Assert.Equal("healthy", checks.GetProperty(name).GetProperty("status").GetString());
        Assert.StartsWith("pgvector 0.8", checks.GetProperty("pgvector").GetProperty("description").GetString());
    }

    [Fact]
    public async Task FrontendConfig_ShouldExposeRuntimeSettings_WithoutAuthentication()
    {
        var body = await Client.GetFromJsonAsync<JsonElement>("/api/v1/config/frontend");

        Assert.True(body.GetProperty("signupEnabled").GetBoolean());
        Assert.True(body.GetProperty("maxUploadBytes").GetInt64() > 0);
        Assert.Equal(["en", "ja"], body.GetProperty("languages").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(ApiFactory.Settings["AI:ChatProvider"], body.GetProperty("providers").GetProperty("chat").GetString());
        Assert.Equal(ApiFactory.Settings["AI:EmbeddingProvider"], body.GetProperty("providers").GetProperty("embeddings").GetString());
        Assert.Equal(ApiFactory.Settings["AI:TranscriptionProvider"], body.GetProperty("providers").GetProperty("transcription").GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+$", body.GetProperty("version").GetString());
    }

    [Theory]
    [InlineData("GET", "/api/v1/does-not-exist", 404, "not_found")]
    [InlineData("POST", "/api/v1/health", 405, "method_not_allowed")]
    public async Task UnknownRoutesAndMethods_ShouldAnswerProblemJson(string method, string path, int status, string code)
    {
        var response = await Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await ProblemAssert.IsProblemAsync(response, status, code);
    }

    [Fact]
    public async Task Responses_ShouldCarryARequestId_AndHonourASaneIncomingOne()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/health");
        request.Headers.Add("X-Request-Id", "abc12345-nginx");
        var response = await Client.SendAsync(request);
        Assert.Equal("abc12345-nginx", response.Headers.GetValues("X-Request-Id").Single());

        var hostile = new HttpRequestMessage(HttpMethod.Get, "/api/v1/health");
        hostile.Headers.TryAddWithoutValidation("X-Request-Id", "<script>");
        var second = await Client.SendAsync(hostile);
        Assert.NotEqual("<script>", second.Headers.GetValues("X-Request-Id").Single());
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using AskVideo.Integration.Tests.Infrastructure;

namespace AskVideo.Integration.Tests.Platform;

public class OpenApiTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private async Task<JsonNode> LiveDocumentAsync() =>
        JsonNode.Parse(await Client.GetStringAsync("/api/openapi/v1.json"))!;

    [Fact]
    public async Task CommittedDocument_ShouldMatchTheLiveOne_SoTheGeneratedClientIsCurrent()
    {
        var live = await LiveDocumentAsync();
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(TestEnvironment.RepoRoot, "client", "openapi.json")))!;

        Assert.True(JsonNode.DeepEquals(live, committed),
            "client/openapi.json is stale: run ./scripts/gen-api.sh and commit the result.");
    }

    [Fact]
    public async Task EveryOperation_ShouldHaveAnIdASummaryATagAndTypedResponses()
    {
        var paths = (await LiveDocumentAsync())["paths"]!.AsObject();
        Assert.NotEmpty(paths);
        foreach (var (path, item) in paths)
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var where = $"{method.ToUpperInvariant()} {path}";
                Assert.False(string.IsNullOrWhiteSpace(operation!["operationId"]?.GetValue<string>()), $"{where} has no operationId");
                Assert.False(string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()), $"{where} has no summary");
                Assert.NotEmpty(operation["tags"]!.AsArray());
                var responses = operation["responses"]!.AsObject();
                Assert.Contains(responses, r => r.Key.StartsWith('2'));
            }
        }
    }

    [Fact]
    public async Task SwaggerUi_ShouldBeServedAtApiDocs()
    {
        var response = await Client.GetAsync("/api/docs/index.html");

        response.EnsureSuccessStatusCode();
        Assert.Contains("swagger", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Document_ShouldDeclareBothAuthenticationSchemes()
    {
        var schemes = (await LiveDocumentAsync())["components"]!["securitySchemes"]!.AsObject();

        Assert.Equal("bearer", schemes["apiToken"]!["scheme"]!.GetValue<string>());
        Assert.Equal("cookie", schemes["cookieSession"]!["in"]!.GetValue<string>());
        Assert.Equal(JsonValueKind.String, JsonSerializer.SerializeToElement(schemes["cookieSession"]!["name"]).ValueKind);
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AskVideo.Application.Common.Validation;
using AskVideo.Domain.Common;
using AskVideo.Integration.Tests.Infrastructure;

namespace AskVideo.Integration.Tests.Platform;

/// <summary>The error catalogs on the wire and in the OpenAPI document the client generates its types and translations from.</summary>
public class ErrorCodeTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private async Task<JsonNode> SchemasAsync() =>
        JsonNode.Parse(await Client.GetStringAsync("/api/openapi/v1.json"))!["components"]!["schemas"]!;

    private static List<string> EnumOf(JsonNode schema) => schema["enum"]!.AsArray().Select(v => v!.GetValue<string>()).ToList();

    [Fact]
    public async Task OpenApi_ShouldPublishEveryErrorCode_AsTheCodeOfProblemsAndFailedVideos()
    {
        var schemas = await SchemasAsync();

        Assert.Equal(ErrorCode.All.Select(c => c.Value), EnumOf(schemas["ErrorCode"]!));
        foreach (var owner in new[] { "ProblemDetails", "HttpValidationProblemDetails", "VideoErrorDto" })
            Assert.Equal("#/components/schemas/ErrorCode", schemas[owner]!["properties"]!["code"]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public async Task OpenApi_ShouldPublishEveryFieldErrorCode_AndFieldErrorsOnTheValidationProblem()
    {
        var schemas = await SchemasAsync();

        Assert.Equal(FieldErrorCode.All.Select(c => c.Value), EnumOf(schemas["FieldErrorCode"]!));
        Assert.Equal("#/components/schemas/FieldErrorCode", schemas["FieldError"]!["properties"]!["code"]!["$ref"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/FieldError",
            schemas["HttpValidationProblemDetails"]!["properties"]!["fieldErrors"]!["additionalProperties"]!["items"]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public async Task ValidationProblem_ShouldCarryACodeAndParametersPerFieldFailure()
    {
        var response = await Client.PostAsJsonAsync("/api/v1/auth/signup", new { email = "not-an-email", username = "x", password = "short1" });

        var problem = await ProblemAssert.IsProblemAsync(response, 400, "validation_failed");
        var fields = problem.GetProperty("fieldErrors");
        Assert.Contains(fields.GetProperty("email").EnumerateArray(), e => e.GetProperty("code").GetString() == "invalid_email");
        Assert.Contains(fields.GetProperty("username").EnumerateArray(), e => e.GetProperty("code").GetString() == "invalid_username");
        var tooShort = Assert.Single(fields.GetProperty("password").EnumerateArray(), e => e.GetProperty("code").GetString() == "password_too_short");
        Assert.Equal(10, tooShort.GetProperty("params").GetProperty("min").GetInt32());
        Assert.Equal("Use at least 10 characters.", tooShort.GetProperty("message").GetString());
        // The English messages stay in errors for integrators.
        Assert.Contains(problem.GetProperty("errors").GetProperty("password").EnumerateArray(), e => e.GetString() == "Use at least 10 characters.");
    }

    [Fact]
    public async Task ValidationProblem_ShouldGiveTheLimitOfATooLongField()
    {
        var session = await Fixture.LoginAsync(await Fixture.CreateAsync());

        var response = await session.PostAsync("/api/v1/tags", new { name = new string('t', 200), color = "#123456" });

        var problem = await ProblemAssert.IsProblemAsync(response, 400, "validation_failed");
        var failure = problem.GetProperty("fieldErrors").GetProperty("name").EnumerateArray().First();
        Assert.Equal("invalid_length", failure.GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Number, failure.GetProperty("params").GetProperty("max").ValueKind);
    }
}

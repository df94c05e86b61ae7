using System.Net.Http.Json;
using System.Text.Json;
using AskVideo.Application.Common.Validation;
using AskVideo.Domain.Common;

namespace AskVideo.Integration.Tests.Infrastructure;

public static class ProblemAssert
{
    /// <summary>Asserts an RFC 9457 problem+json response with the given status and code, and returns its body.</summary>
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, int status, string? code = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"Expected {status} but got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonSerializer.Deserialize<JsonElement>(text);
        Assert.Equal(status, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("title").GetString()));
        Assert.True(body.TryGetProperty("traceId", out _), "problem details carry a traceId");
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal); // never a stack trace
        if (code is not null) Assert.Equal(code, body.GetProperty("code").GetString());
        AssertCatalogued(body);
        return body;
    }

    /// <summary>Every problem the tests see has a code of the catalog, and a validation problem a catalogued code per field failure.</summary>
    public static void AssertCatalogued(JsonElement problem)
    {
        var code = problem.GetProperty("code").GetString();
        Assert.True(ErrorCode.TryParse(code, out _), $"The code {code} is not in ErrorCode.");
        if (code != ErrorCode.ValidationFailed.Value) return;
        var fields = problem.GetProperty("fieldErrors").EnumerateObject().ToList();
        Assert.Equal(problem.GetProperty("errors").EnumerateObject().Select(f => f.Name).Order(), fields.Select(f => f.Name).Order());
        foreach (var field in fields)
        {
            foreach (var failure in field.Value.EnumerateArray())
            {
                var fieldCode = failure.GetProperty("code").GetString();
                Assert.True(FieldErrorCode.Find(fieldCode) is { } found && found != FieldErrorCode.Invalid, $"{field.Name}: the field code {fieldCode} is not catalogued.");
                Assert.False(string.IsNullOrWhiteSpace(failure.GetProperty("message").GetString()));
            }
        }
    }

    public static Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        response.Content.ReadFromJsonAsync<JsonElement>();
}

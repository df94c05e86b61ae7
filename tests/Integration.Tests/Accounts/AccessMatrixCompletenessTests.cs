using System.Reflection;
using System.Text.RegularExpressions;
using AskVideo.Integration.Tests.Infrastructure;

namespace AskVideo.Integration.Tests.Accounts;

/// <summary>Every operation of the OpenAPI document has an authorization decision in one of the access matrices.</summary>
public partial class AccessMatrixCompletenessTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    /// <summary>Anonymous by design (sign-up, sign-in and email-link flows), each covered by its own tests.</summary>
    private static readonly HashSet<string> PublicFlows =
    [
        "POST /api/v1/auth/signup", "POST /api/v1/auth/verify-email", "POST /api/v1/auth/resend-verification",
        "POST /api/v1/auth/login", "POST /api/v1/auth/password-reset", "POST /api/v1/auth/password-reset/confirm",
    ];

    [Fact]
    public async Task EveryOperation_ShouldAppearInAnAccessMatrix()
    {
        var document = await (await Client.GetAsync("/api/openapi/v1.json")).ReadJsonAsync();
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => $"{op.Name.ToUpperInvariant()} {Normalize(path.Name)}"))
            .ToHashSet();
        var covered = typeof(AccessMatrixCompletenessTests).Assembly.GetTypes()
            .Select(t => t.GetProperty("Rows", BindingFlags.Public | BindingFlags.Static))
            .Where(p => p?.PropertyType == typeof(TheoryData<string, string, string, int[]>))
            .SelectMany(p => (TheoryData<string, string, string, int[]>)p!.GetValue(null)!)
            .Select(row => $"{row[0]} {Normalize((string)row[1])}")
            .ToHashSet();

        var missing = operations.Where(op => !covered.Contains(op) && !PublicFlows.Contains(op)).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, "Operations without an access-matrix row: " + string.Join(", ", missing));
    }

    private static string Normalize(string path) => Placeholder().Replace(path.Split('?')[0], "{}");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Placeholder();
}

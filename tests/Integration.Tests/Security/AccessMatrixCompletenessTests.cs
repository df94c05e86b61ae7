using System.Text.RegularExpressions;
using AskVideo.Integration.Tests.Infrastructure;

namespace AskVideo.Integration.Tests.Security;

/// <summary>The access matrix covers the OpenAPI document exactly, and its rows follow the matrix's own rules.</summary>
public partial class AccessMatrixCompletenessTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    /// <summary>
    /// Anonymous by design (sign-up, sign-in and email-link flows), each covered by its own tests (Accounts/*, and the
    /// throttles in <see cref="BruteForceThrottleTests"/>). Nothing else may be missing from the matrix.
    /// </summary>
    private static readonly HashSet<string> PublicFlows =
    [
        "POST /api/v1/auth/signup", "POST /api/v1/auth/verify-email", "POST /api/v1/auth/resend-verification",
        "POST /api/v1/auth/login", "POST /api/v1/auth/password-reset", "POST /api/v1/auth/password-reset/confirm",
    ];

    [Fact]
    public async Task EveryOperation_ShouldHaveARow_AndEveryRowAnOperation()
    {
        var operations = await OperationsAsync();
        var covered = AccessMatrixTests.Rows.Select(Key).ToHashSet();

        var missing = operations.Where(op => !covered.Contains(op) && !PublicFlows.Contains(op)).Order(StringComparer.Ordinal).ToList();
        var stale = covered.Where(op => !operations.Contains(op)).Order(StringComparer.Ordinal).ToList();
        var exemptButGone = PublicFlows.Where(op => !operations.Contains(op)).ToList();

        Assert.True(missing.Count == 0, "Operations without an access-matrix row: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "Access-matrix rows for operations the API does not have: " + string.Join(", ", stale));
        Assert.True(exemptButGone.Count == 0, "Exempt public flows the API does not have: " + string.Join(", ", exemptButGone));
    }

    [Fact]
    public void Rows_ShouldNameEveryPrincipal_AndGiveShareTokensNothingOutsideShared()
    {
        var principals = Enum.GetValues<Principal>().Length;
        Assert.All(AccessMatrixTests.Rows, row => Assert.True(row.Expected.Count == principals, $"{row}: {row.Expected.Count} columns, not {principals}"));
        // Outside /shared a share token is worth nothing: its holder gets what an anonymous caller gets.
        var privileged = AccessMatrixTests.Rows.Where(r => !r.IsShared &&
            (r.ExpectedFor(Principal.ShareThis) != r.ExpectedFor(Principal.Anonymous) || r.ExpectedFor(Principal.ShareOther) != r.ExpectedFor(Principal.Anonymous)));
        Assert.Empty(privileged);
        // Another group's link never opens A's video; A's link never opens B's.
        Assert.All(AccessMatrixTests.Rows.Where(r => r.IsShared && r.Path.Contains("{videoA}", StringComparison.Ordinal)),
            row => Assert.True(row.ExpectedFor(Principal.ShareOther) == 404, $"{row}: B's link must get 404"));
        Assert.All(AccessMatrixTests.Rows.Where(r => r.IsShared && r.Path.Contains("{videoB}", StringComparison.Ordinal)),
            row => Assert.True(row.ExpectedFor(Principal.ShareThis) == 404, $"{row}: A's link must get 404"));
        // Read tokens never change A's resources.
        var writes = AccessMatrixTests.Rows.Where(r => r.Method != "GET" && !r.IsShared &&
            (r.Path.Contains("A}", StringComparison.Ordinal) || r.Path.Contains("{doomed", StringComparison.Ordinal)) && !r.Path.EndsWith("/chat", StringComparison.Ordinal));
        Assert.All(writes, row => Assert.True(row.ExpectedFor(Principal.ReadToken) >= 400, $"{row}: a read token must be refused"));
    }

    private async Task<HashSet<string>> OperationsAsync()
    {
        var document = await (await Client.GetAsync("/api/openapi/v1.json")).ReadJsonAsync();
        return document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => $"{op.Name.ToUpperInvariant()} {Normalize(path.Name)}"))
            .ToHashSet();
    }

    private static string Key(AccessRow row) => $"{row.Method} {Normalize(row.Path)}";

    private static string Normalize(string path) => Placeholder().Replace(path.Split('?')[0], "{}");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Placeholder();
}

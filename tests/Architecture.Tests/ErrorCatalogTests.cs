using System.Text.RegularExpressions;
using AskVideo.Api.Http;
using AskVideo.Domain.Common;

namespace AskVideo.Architecture.Tests;

/// <summary>
/// Every error code the server can send is in the catalog (<see cref="ErrorCode"/>), which the OpenAPI document
/// publishes and the client translates: the codes C# writes are typed (the catalog's constructor is private), and the
/// ones outside C# — nginx's own problem+json answers — are read from its templates here.
/// </summary>
public partial class ErrorCatalogTests
{
    private static readonly HashSet<string> Catalog = ErrorCode.All.Select(c => c.Value).ToHashSet(StringComparer.Ordinal);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AskVideo.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No AskVideo.slnx above {AppContext.BaseDirectory}.");
    }

    private static IEnumerable<(string Path, string Text)> Files(string folder, string pattern) =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), folder), pattern, SearchOption.AllDirectories)
            .Where(p => !p.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin"))
            .Select(p => (Path.GetRelativePath(RepositoryRoot(), p), File.ReadAllText(p)));

    [Fact]
    public void Codes_ShouldBeUniqueAndSnakeCase()
    {
        var values = ErrorCode.All.Select(c => c.Value).ToList();

        Assert.True(values.Count > 50, $"only {values.Count} codes found");
        Assert.Equal(values.Count, Catalog.Count);
        Assert.All(values, v => Assert.Matches("^[a-z]+(_[a-z]+)*$", v));
    }

    [Fact]
    public void NginxProblems_ShouldUseCataloguedCodes()
    {
        var found = Files("nginx", "*.template")
            .SelectMany(f => NginxCode().Matches(f.Text).Select(m => (f.Path, Code: m.Groups["code"].Value)))
            .ToList();

        Assert.Contains(found, f => f.Code == "uri_too_long");
        var unknown = found.Where(f => !Catalog.Contains(f.Code)).Select(f => $"{f.Path}: {f.Code}").ToList();
        Assert.True(unknown.Count == 0, "nginx sends codes outside ErrorCode:\n" + string.Join("\n", unknown));
    }

    [Fact]
    public void ServerSources_ShouldNotWriteACodeFromAStringLiteral()
    {
        var literal = Files("src", "*.cs")
            .SelectMany(f => f.Text.Split('\n').Select((line, i) => (f.Path, Line: i + 1, Text: line)))
            .Where(l => LiteralCode().IsMatch(l.Text))
            .Select(l => $"{l.Path}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(literal.Count == 0, "Write problem codes from ErrorCode, not string literals:\n" + string.Join("\n", literal));
    }

    [Fact]
    public void DefaultCodes_OfEveryStatus_ShouldBeCatalogued()
    {
        for (var status = 400; status < 600; status++)
            Assert.Contains(ProblemDetailsDefaults.DefaultCode(status), ErrorCode.All);
    }

    [Fact]
    public void EveryCode_ShouldBeDocumentedInApiErrors()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "api-errors.md"));

        var missing = ErrorCode.All.Where(c => !doc.Contains($"`{c.Value}`", StringComparison.Ordinal)).Select(c => c.Value).ToList();

        Assert.True(missing.Count == 0, "Codes missing from docs/api-errors.md: " + string.Join(", ", missing));
    }

    [GeneratedRegex("\"code\":\"(?<code>[a-z_]+)\"")]
    private static partial Regex NginxCode();

    /// <summary><c>["code"] = "x"</c> or <c>code = "x"</c> (an anonymous event object).</summary>
    [GeneratedRegex("(\\[\"code\"\\]|\\bcode)\\s*=\\s*\"[a-z_]+\"")]
    private static partial Regex LiteralCode();
}

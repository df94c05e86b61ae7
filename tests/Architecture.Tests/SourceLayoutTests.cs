using System.Reflection;
using System.Text.RegularExpressions;

namespace AskVideo.Architecture.Tests;

/// <summary>
/// Rules about where code is written, read from the source tree: one use case per file, named after its request
/// (DESIGN §2.2), and no HTTP routes in the Application layer.
/// </summary>
public partial class SourceLayoutTests
{
    private static readonly Assembly Application = typeof(Application.DependencyInjection).Assembly;

    private static readonly string[] StrippableSuffixes = ["Command", "Query", "Request"];

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AskVideo.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No AskVideo.slnx above {AppContext.BaseDirectory}.");
    }

    private static List<(string Path, string Text)> ApplicationSources()
    {
        var root = Path.Combine(RepositoryRoot(), "src", "Application");
        return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin"))
            .Select(p => (Path.GetRelativePath(root, p), File.ReadAllText(p)))
            .ToList();
    }

    /// <summary>Every MediatR request of the Application assembly (commands, queries, background jobs).</summary>
    public static IReadOnlyList<Type> Requests() => Application.GetTypes()
        .Where(t => t is { IsInterface: false, IsAbstract: false } && !t.Name.StartsWith('<') && typeof(MediatR.IBaseRequest).IsAssignableFrom(t))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToList();

    /// <summary>The names a request's file may have: its own, or without a Command/Query/Request suffix.</summary>
    public static IReadOnlyList<string> AllowedFileNames(string typeName)
    {
        var names = new List<string> { typeName };
        foreach (var suffix in StrippableSuffixes)
        {
            if (typeName.Length > suffix.Length && typeName.EndsWith(suffix, StringComparison.Ordinal)) names.Add(typeName[..^suffix.Length]);
        }
        return names;
    }

    /// <summary>The files (relative to src/Application) that declare a class or record of this name.</summary>
    public static IReadOnlyList<string> FilesDeclaring(string typeName, IReadOnlyList<(string Path, string Text)> sources)
    {
        var declaration = new Regex($@"\b(?:record|class)\s+(?:class\s+|struct\s+)?{Regex.Escape(typeName)}\b(?!\s*\.)");
        return sources.Where(s => declaration.IsMatch(StripComments(s.Text))).Select(s => s.Path).ToList();
    }

    private static string StripComments(string code) => Comments().Replace(code, "");

    [Fact]
    public void AllowedFileNames_ShouldStripOnlyTheRequestSuffixes()
    {
        Assert.Equal(["ListTagsQuery", "ListTags"], AllowedFileNames("ListTagsQuery"));
        Assert.Equal(["CreateAdminCommand", "CreateAdmin"], AllowedFileNames("CreateAdminCommand"));
        Assert.Equal(["PingJob"], AllowedFileNames("PingJob"));
        Assert.Equal(["Query"], AllowedFileNames("Query"));
    }

    [Fact]
    public void FilesDeclaring_ShouldFindRecordsAndClassesButNotMentions()
    {
        (string, string)[] sources =
        [
            ("A.cs", "public sealed record FooCommand(int X) : ICommand<Unit>;"),
            ("B.cs", "internal sealed class FooCommandHandler : IRequestHandler<FooCommand, Unit> { }"),
            ("C.cs", "// record FooCommand in a comment\npublic sealed record class FooQuery;"),
        ];
        Assert.Equal(["A.cs"], FilesDeclaring("FooCommand", sources));
        Assert.Equal(["C.cs"], FilesDeclaring("FooQuery", sources));
    }

    [Fact]
    public void EachRequest_ShouldLiveInAFileNamedAfterIt()
    {
        var sources = ApplicationSources();
        var requests = Requests();
        Assert.NotEmpty(requests);
        var misplaced = new List<string>();
        foreach (var request in requests)
        {
            var files = FilesDeclaring(request.Name, sources);
            var allowed = AllowedFileNames(request.Name);
            if (files.Count != 1 || !allowed.Contains(Path.GetFileNameWithoutExtension(files[0])))
                misplaced.Add($"{request.Name} in {(files.Count == 0 ? "no file" : string.Join(" and ", files))} (expected {string.Join(" or ", allowed.Select(a => a + ".cs"))})");
        }
        Assert.True(misplaced.Count == 0, "Requests not in a file named after them:\n" + string.Join("\n", misplaced));
    }

    [Fact]
    public void Application_ShouldKnowNoHttpRoutes()
    {
        // URLs of the API are the Api layer's; Application asks the IMediaLinks port for them.
        var offending = ApplicationSources()
            .SelectMany(s => StripComments(s.Text).Split('\n').Select((line, i) => (s.Path, Line: i + 1, Text: line)))
            .Where(l => ApiRoute().IsMatch(l.Text))
            .Select(l => $"{l.Path}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(offending.Count == 0, "Route strings in Application:\n" + string.Join("\n", offending));
    }

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comments();

    [GeneratedRegex(@"""[^""\n]*/api/")]
    private static partial Regex ApiRoute();
}

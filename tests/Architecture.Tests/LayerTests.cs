using System.Reflection;
using NetArchTest.Rules;

namespace AskVideo.Architecture.Tests;

/// <summary>
/// Dependency direction: Domain ← Application ← Infrastructure ← {Api, Worker}, checked on the assemblies' references
/// and, with NetArchTest, on every type's dependencies (field, parameter, base, attribute and method-body types).
/// </summary>
public class LayerTests
{
    private static readonly Assembly Domain = typeof(Domain.Videos.Video).Assembly;
    private static readonly Assembly Application = typeof(Application.DependencyInjection).Assembly;
    private static readonly Assembly Infrastructure = typeof(Infrastructure.DependencyInjection).Assembly;
    private static readonly Assembly Api = typeof(Api.DependencyInjection).Assembly;
    private static readonly Assembly Worker = Assembly.Load("AskVideo.Worker");

    /// <summary>
    /// Adapters and frameworks the Application layer must not see. EF Core's provider-neutral core is allowed on
    /// purpose: <c>IAppDbContext</c> exposes <c>DbSet&lt;T&gt;</c> and handlers compose LINQ queries (DESIGN §2.4, "writes go
    /// through EF Core"); what is refused is everything relational or provider-specific (SQL, migrations, model
    /// configuration, connections), which lives in Infrastructure/Persistence.
    /// </summary>
    private static readonly string[] ApplicationForbidden =
    [
        "AskVideo.Infrastructure", "AskVideo.Api", "AskVideo.Worker",
        "Npgsql", "Pgvector", "Dapper", "StackExchange.Redis", "Amazon", "OpenAI", "MailKit", "MimeKit", "Microsoft.ML", "FastBertTokenizer",
        "Microsoft.AspNetCore", "Microsoft.Extensions.Hosting", "System.Net.Http", "System.Net.Mail", "System.Data",
        "Microsoft.EntityFrameworkCore.Migrations", "Microsoft.EntityFrameworkCore.Metadata.Builders", "Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions",
        "Microsoft.EntityFrameworkCore.RelationalQueryableExtensions", "Microsoft.EntityFrameworkCore.NpgsqlDbFunctionsExtensions",
    ];

    private static IEnumerable<string> ReferencesOf(Assembly assembly) => assembly.GetReferencedAssemblies().Select(a => a.Name!);

    private static void AssertNoFailures(TestResult result, string rule) =>
        Assert.True(result.IsSuccessful, $"{rule}: {string.Join(", ", result.FailingTypeNames ?? [])}");

    [Fact]
    public void Domain_ShouldReferenceOnlyTheRuntime()
    {
        var offending = ReferencesOf(Domain).Where(n => !n.StartsWith("System", StringComparison.Ordinal) && n != "netstandard").ToList();
        Assert.Empty(offending);
    }

    [Fact]
    public void DomainTypes_ShouldLiveInTheDomainNamespaceAndDependOnNothingOfOursOrOfAFramework()
    {
        // With Domain_ShouldReferenceOnlyTheRuntime this leaves the BCL: no type of another layer, no package type.
        // Names starting with '<' are what the compiler emits (collection-expression wrappers, constant data).
        const string compilerGenerated = "^(<|__StaticArrayInitTypeSize)";
        AssertNoFailures(Types.InAssembly(Domain).That().DoNotHaveNameMatching(compilerGenerated).Should().ResideInNamespaceStartingWith("AskVideo.Domain").GetResult(), "Domain types outside AskVideo.Domain");
        var result = Types.InAssembly(Domain).That().DoNotHaveNameMatching(compilerGenerated).ShouldNot().HaveDependencyOnAny(
                "AskVideo.Application", "AskVideo.Infrastructure", "AskVideo.Api", "AskVideo.Worker",
                "MediatR", "FluentValidation", "Microsoft.EntityFrameworkCore", "Microsoft.Extensions", "Microsoft.AspNetCore",
                "System.Text.Json.Serialization", "System.ComponentModel.DataAnnotations", "Npgsql", "StackExchange.Redis", "Amazon", "OpenAI")
            .GetResult();
        AssertNoFailures(result, "Domain types depend on another layer or a framework");
    }

    [Fact]
    public void Application_ShouldReferenceDomainAndNoOtherProjectOrAdapter()
    {
        var references = ReferencesOf(Application).ToList();
        Assert.Contains("AskVideo.Domain", references);
        Assert.DoesNotContain(references, n => n.StartsWith("AskVideo.", StringComparison.Ordinal) && n != "AskVideo.Domain");
        string[] adapters = ["Npgsql", "StackExchange.Redis", "Dapper", "AWSSDK", "OpenAI", "MailKit", "MimeKit", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore.Relational"];
        Assert.DoesNotContain(references, n => adapters.Any(a => n.StartsWith(a, StringComparison.Ordinal)));
    }

    [Fact]
    public void ApplicationTypes_ShouldNotDependOnAdaptersHostsOrWebFrameworks()
    {
        // One dependency at a time, so that the message names what each offending type uses.
        var offending = ApplicationForbidden
            .Select(d => (Dependency: d, Result: Types.InAssembly(Application).ShouldNot().HaveDependencyOn(d).GetResult()))
            .Where(r => !r.Result.IsSuccessful)
            .Select(r => $"{r.Dependency}: {string.Join(", ", r.Result.FailingTypeNames ?? [])}")
            .ToList();
        Assert.True(offending.Count == 0, "Application types depend on an adapter, a host or a framework:\n" + string.Join("\n", offending));
    }

    [Fact]
    public void Infrastructure_ShouldNotReferenceAHost()
    {
        var references = ReferencesOf(Infrastructure).ToList();
        Assert.DoesNotContain("AskVideo.Api", references);
        Assert.DoesNotContain("AskVideo.Worker", references);
        var result = Types.InAssembly(Infrastructure).ShouldNot().HaveDependencyOnAny("AskVideo.Api", "AskVideo.Worker").GetResult();
        AssertNoFailures(result, "Infrastructure types depend on a host");
    }

    [Fact]
    public void Hosts_ShouldNotReferenceEachOther()
    {
        Assert.DoesNotContain("AskVideo.Worker", ReferencesOf(Api));
        Assert.DoesNotContain("AskVideo.Api", ReferencesOf(Worker));
        AssertNoFailures(Types.InAssembly(Api).ShouldNot().HaveDependencyOn("AskVideo.Worker").GetResult(), "Api types depend on the Worker");
        AssertNoFailures(Types.InAssembly(Worker).ShouldNot().HaveDependencyOn("AskVideo.Api").GetResult(), "Worker types depend on the Api");
    }

    [Fact]
    public void Endpoints_ShouldOnlyTranslateHttpIntoRequests()
    {
        // Endpoints send MediatR requests; data access, adapters and the ports behind the use cases are not theirs.
        var result = Types.InAssembly(Api).That().ResideInNamespace("AskVideo.Api.Endpoints")
            .ShouldNot().HaveDependencyOnAny(
                "AskVideo.Infrastructure", "Microsoft.EntityFrameworkCore", "Npgsql", "StackExchange.Redis",
                "AskVideo.Application.Common.Interfaces.IAppDbContext", "AskVideo.Application.Common.Interfaces.IVideoEvents",
                "AskVideo.Application.Common.Interfaces.IVideoStorage", "AskVideo.Application.Common.Interfaces.ICurrentUser",
                "AskVideo.Application.Common.Interfaces.IJobQueue")
            .GetResult();
        AssertNoFailures(result, "Endpoints reach past MediatR");
    }

    [Fact]
    public void Handlers_ShouldBeInternalSealed_AndRequestsSealed()
    {
        var handlerInterface = typeof(MediatR.IRequestHandler<,>);
        var handlers = Application.GetTypes()
            .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == handlerInterface))
            .ToList();
        Assert.NotEmpty(handlers);
        Assert.All(handlers, h => Assert.True(h.IsNotPublic && h.IsSealed, $"{h.Name} should be internal sealed"));

        var requests = Application.GetTypes()
            .Where(t => !t.IsInterface && !t.IsAbstract && typeof(MediatR.IBaseRequest).IsAssignableFrom(t))
            .ToList();
        Assert.All(requests, r => Assert.True(r.IsSealed && r.IsPublic, $"{r.Name} should be public sealed"));
    }

    [Fact]
    public void Validators_ShouldBeInternalSealed()
    {
        var validators = Application.GetTypes()
            .Where(t => !t.IsAbstract && t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(FluentValidation.AbstractValidator<>))
            .ToList();
        Assert.NotEmpty(validators);
        Assert.All(validators, v => Assert.True(v.IsNotPublic && v.IsSealed, $"{v.Name} should be internal sealed"));
    }

    [Fact]
    public void Ports_ShouldNameCapabilitiesNotTechnologies()
    {
        // A port says what it does; which product does it (Redis, S3, PostgreSQL, OpenAI, SMTP) is an adapter's business.
        string[] products = ["Redis", "Postgres", "Npgsql", "S3", "Smtp", "OpenAi", "Ffmpeg", "Ffprobe"];
        var names = Application.GetTypes()
            .Where(t => t.Namespace == "AskVideo.Application.Common.Interfaces" && !t.Name.StartsWith('<'))
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Select(m => $"{t.Name}.{m.Name}").Prepend(t.Name))
            .ToList();
        var offending = names.Where(n => products.Any(p => n.Contains(p, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(offending.Count == 0, $"Ports that name a technology: {string.Join(", ", offending)}");
    }
}

using System.Reflection;

namespace AskVideo.Architecture.Tests;

/// <summary>Dependency direction: Domain ← Application ← Infrastructure ← {Api, Worker}.</summary>
public class LayerTests
{
    private static readonly Assembly Domain = typeof(Domain.Videos.Video).Assembly;
    private static readonly Assembly Application = typeof(Application.DependencyInjection).Assembly;
    private static readonly Assembly Infrastructure = typeof(Infrastructure.DependencyInjection).Assembly;
    private static readonly Assembly Api = typeof(Api.DependencyInjection).Assembly;
    private static readonly Assembly Worker = Assembly.Load("AskVideo.Worker");

    private static IEnumerable<string> ReferencesOf(Assembly assembly) => assembly.GetReferencedAssemblies().Select(a => a.Name!);

    [Fact]
    public void Domain_ShouldReferenceOnlyTheRuntime()
    {
        var offending = ReferencesOf(Domain).Where(n => !n.StartsWith("System", StringComparison.Ordinal) && n != "netstandard").ToList();
        Assert.Empty(offending);
    }

    [Fact]
    public void Application_ShouldReferenceDomainAndNoOtherProjectOrAdapter()
    {
        var references = ReferencesOf(Application).ToList();
        Assert.Contains("AskVideo.Domain", references);
        Assert.DoesNotContain(references, n => n.StartsWith("AskVideo.", StringComparison.Ordinal) && n != "AskVideo.Domain");
        string[] adapters = ["Npgsql", "StackExchange.Redis", "Dapper", "AWSSDK", "OpenAI", "Microsoft.AspNetCore", "Npgsql.EntityFrameworkCore.PostgreSQL"];
        Assert.DoesNotContain(references, n => adapters.Any(a => n.StartsWith(a, StringComparison.Ordinal)));
    }

    [Fact]
    public void Infrastructure_ShouldNotReferenceAHost()
    {
        var references = ReferencesOf(Infrastructure).ToList();
        Assert.DoesNotContain("AskVideo.Api", references);
        Assert.DoesNotContain("AskVideo.Worker", references);
    }

    [Fact]
    public void Hosts_ShouldNotReferenceEachOther()
    {
        Assert.DoesNotContain("AskVideo.Worker", ReferencesOf(Api));
        Assert.DoesNotContain("AskVideo.Api", ReferencesOf(Worker));
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
        Assert.All(requests, r => Assert.True(r.IsSealed, $"{r.Name} should be sealed"));
    }
}

using System.Reflection;
using AskVideo.Application.Common.Interfaces;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace AskVideo.Application.UnitTests;

public class DependencyInjectionTests
{
    private static readonly Assembly Application = typeof(DependencyInjection).Assembly;

    [Fact]
    public void AddApplication_ShouldRegisterEveryValidator_IncludingInternalOnes()
    {
        var services = new ServiceCollection().AddApplication();

        var validators = Application.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IValidator).IsAssignableFrom(t))
            .ToList();
        Assert.NotEmpty(validators);
        Assert.Contains(validators, v => v.IsNotPublic);
        foreach (var validator in validators)
        {
            var service = validator.GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>));
            Assert.Contains(services, d => d.ServiceType == service && d.ImplementationType == validator && d.Lifetime == ServiceLifetime.Scoped);
        }
    }

    [Fact]
    public void AddApplication_ShouldLeaveMediaLinksToTheWebHost_WithAStandInThatRefusesToGuess()
    {
        using var provider = new ServiceCollection().AddApplication().BuildServiceProvider();

        var links = provider.GetRequiredService<IMediaLinks>();

        var ex = Assert.Throws<InvalidOperationException>(() => links.Media(Guid.NewGuid()));
        Assert.Contains("web host", ex.Message, StringComparison.Ordinal);
    }
}

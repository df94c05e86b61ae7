using System.Reflection;
using AskVideo.Application.Accounts.Common;
using AskVideo.Application.Common.Behaviours;
using AskVideo.Application.Common.Jobs;
using AskVideo.Application.Videos.Upload;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AskVideo.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Registers MediatR 5 (handlers by assembly scanning), the FluentValidation validators (assembly scanning) and the pipeline behaviours in order:
    /// logging → validation → authorization → read-your-writes → performance.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        var assembly = typeof(DependencyInjection).Assembly;

        services.AddScoped<ServiceFactory>(provider => provider.GetRequiredService);
        services.AddScoped<IMediator, Mediator>();

        foreach (var (service, implementation) in FindImplementations(assembly, typeof(IRequestHandler<,>)))
            services.AddScoped(service, implementation);
        // FluentValidation's own scanning; the validators are internal, next to their requests.
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Scoped, includeInternalTypes: true);

        // MediatR 5 runs behaviours in registration order (the first registered is outermost).
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ReadYourWritesBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(PerformanceBehaviour<,>));

        services.AddSingleton(JobTypeRegistry.FromAssembly(assembly));
        services.AddScoped<SessionIssuer>();
        services.AddScoped<RateLimitGuard>();
        services.AddScoped<AccountThrottle>();
        services.AddScoped<AccountEmailDispatcher>();
        services.AddScoped<VideoIngest>();
        services.AddScoped<Groups.Common.GuestThrottle>();
        services.AddScoped<Groups.Common.GroupViews>();
        services.AddScoped<Chat.Common.Answerer>();
        services.TryAddSingleton<Common.Interfaces.IMediaLinks, Common.Interfaces.NoMediaLinks>();
        return services;
    }

    private static IEnumerable<(Type Service, Type Implementation)> FindImplementations(Assembly assembly, Type openGeneric) =>
        from type in assembly.GetTypes()
        where type is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }
        from service in type.GetInterfaces()
        where service.IsGenericType && service.GetGenericTypeDefinition() == openGeneric
        select (service, type);
}

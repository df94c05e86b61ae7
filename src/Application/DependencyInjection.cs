using System.Reflection;
using AskVideo.Application.Accounts.Common;
using AskVideo.Application.Common.Behaviours;
using AskVideo.Application.Common.Jobs;
using AskVideo.Application.Videos.Upload;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace AskVideo.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Registers MediatR 5 (handlers and validators by assembly scanning) and the pipeline behaviours in order:
    /// logging → validation → authorization → performance.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        var assembly = typeof(DependencyInjection).Assembly;

        services.AddScoped<ServiceFactory>(provider => provider.GetRequiredService);
        services.AddScoped<IMediator, Mediator>();

        foreach (var (service, implementation) in FindImplementations(assembly, typeof(IRequestHandler<,>)))
            services.AddScoped(service, implementation);
        foreach (var (service, implementation) in FindImplementations(assembly, typeof(IValidator<>)))
            services.AddScoped(service, implementation);

        // MediatR 5 runs behaviours in registration order (the first registered is outermost).
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(PerformanceBehaviour<,>));

        services.AddSingleton(JobTypeRegistry.FromAssembly(assembly));
        services.AddScoped<SessionIssuer>();
        services.AddScoped<RateLimitGuard>();
        services.AddScoped<AccountThrottle>();
        services.AddScoped<AccountEmailDispatcher>();
        services.AddScoped<VideoIngest>();
        services.AddScoped<Groups.Common.GuestThrottle>();
        services.AddScoped<Chat.Common.Answerer>();
        return services;
    }

    private static IEnumerable<(Type Service, Type Implementation)> FindImplementations(Assembly assembly, Type openGeneric) =>
        from type in assembly.GetTypes()
        where type is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }
        from service in type.GetInterfaces()
        where service.IsGenericType && service.GetGenericTypeDefinition() == openGeneric
        select (service, type);
}

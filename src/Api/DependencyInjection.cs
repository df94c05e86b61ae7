using System.Text.Json;
using System.Text.Json.Serialization;
using AskVideo.Api.Auth;
using AskVideo.Api.Endpoints;
using AskVideo.Api.Http;
using AskVideo.Api.Media;
using AskVideo.Api.OpenApi;
using AskVideo.Application;
using AskVideo.Infrastructure;
using AskVideo.Infrastructure.Logging;
using AskVideo.Infrastructure.Observability;
using AskVideo.Infrastructure.Queue;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AskVideo.Api;

public static class DependencyInjection
{
    /// <summary>Everything the API host needs: logging, application, infrastructure and HTTP concerns.</summary>
    public static WebApplicationBuilder AddApiServices(this WebApplicationBuilder builder)
    {
        builder.Logging.AddAskVideoLogging(builder.Configuration);

        var services = builder.Services;
        services.AddApplication();
        services.AddInfrastructure(builder.Configuration);
        services.AddObservability(builder.Configuration, "askvideo-api");
        if (builder.Configuration.GetValue<bool>($"{QueueOptions.SectionName}:{nameof(QueueOptions.ConsumerEnabled)}"))
            services.AddJobConsumer();

        services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDetailsDefaults.Customize);
        services.AddExceptionHandler<AppExceptionHandler>();
        // Only loopback and the configured proxies (e.g. the nginx container) may set X-Forwarded-*.
        services.AddOptions<TrustedProxyOptions>().Bind(builder.Configuration.GetSection(TrustedProxyOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TrustedProxyOptions>>((o, proxies) => proxies.Value.Apply(o));
        services.AddOptions<StreamOptions>().Bind(builder.Configuration.GetSection(StreamOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ReadinessCache>();
        builder.WebHost.ConfigureKestrel(o =>
        {
            // Small by default; the upload endpoint raises it for its own request.
            o.Limits.MaxRequestBodySize = HttpLimits.DefaultMaxBodyBytes;
            // Room for two long path values (a share token and ids) so such requests reach the app and get a proper
            // problem; nginx in front refuses longer request lines with its own problem+json 414.
            o.Limits.MaxRequestLineSize = 16 * 1024;
            o.AddServerHeader = false;
        });
        services.AddAuthentication(AuthConstants.Scheme).AddScheme<AuthenticationSchemeOptions, AskVideoAuthenticationHandler>(AuthConstants.Scheme, null);
        services.AddAuthorization();
        services.AddOptions<CookieSettings>().Bind(builder.Configuration.GetSection(CookieSettings.SectionName));
        services.AddSingleton<AuthCookies>();
        services.Replace(ServiceDescriptor.Singleton<Application.Common.Interfaces.IMediaLinks, ApiMediaLinks>());
        services.AddFastUploads(builder.Configuration);
        services.AddOptions<MediaServingOptions>().Bind(builder.Configuration.GetSection(MediaServingOptions.SectionName));
        AddCors(services, builder.Configuration);
        services.AddApiOpenApi();
        return builder;
    }

    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        // A null where the contract says non-nullable is a 400 at the door, not a null reference deeper in.
        options.RespectNullableAnnotations = true;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new OptionalJsonConverterFactory());
        options.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
    }

    /// <summary>Cross-origin browser access only for configured origins (none by default: same origin behind nginx).</summary>
    private static void AddCors(IServiceCollection services, ConfigurationManager configuration)
    {
        var origins = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        services.AddCors(o => o.AddDefaultPolicy(policy =>
        {
            if (origins.Length == 0) return;
            policy.WithOrigins(origins).AllowCredentials().AllowAnyMethod()
                .WithHeaders("Content-Type", AuthConstants.CsrfHeader, "Authorization", "X-Request-Id")
                .WithExposedHeaders("X-Request-Id", "Retry-After", "Location");
        }));
    }

    public static WebApplication UseApiPipeline(this WebApplication app)
    {
        app.UseStrictTransportSecurity();
        app.UseForwardedHeaders();
        app.UseMiddleware<RequestContextMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseApiOpenApi();
        app.UseRouting();
        app.UseCors();
        app.UseAuthentication();
        app.UseMiddleware<RequestSecurityMiddleware>();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapApiEndpoints(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapSystemEndpoints();
        api.MapAuthEndpoints();
        api.MapMeEndpoints();
        api.MapAdminEndpoints();
        api.MapUploadEndpoints();
        api.MapVideoEndpoints();
        api.MapTagEndpoints();
        api.MapGroupEndpoints();
        api.MapSharedEndpoints();
        api.MapChatEndpoints();

        // Explicit, so the endpoints are registered with routing before the host starts: the "openapi" command
        // reads the document without ever serving.
        app.UseEndpoints(_ => { });
        return app;
    }
}

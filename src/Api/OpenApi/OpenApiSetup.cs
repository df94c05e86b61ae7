using AskVideo.Application.Common.Models;
using Microsoft.OpenApi;

namespace AskVideo.Api.OpenApi;

public static class OpenApiSetup
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddApiOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "AskVideo API",
                Version = "v1",
                Description = "Upload videos, let them be transcribed and split into scenes, and ask questions answered with timestamped citations. " +
                    "Authenticate with a personal API token (`Authorization: Bearer avq_…`) or, from the browser, with the session cookie plus the `X-CSRF-Token` header on unsafe methods. " +
                    "Errors are RFC 9457 problem+json with a stable `code`.",
            });
            o.CustomOperationIds(api => api.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName);
            o.SupportNonNullableReferenceTypes();
            o.UseAllOfToExtendReferenceSchemas();
            o.CustomSchemaIds(SchemaId);
            o.AddSecurityDefinition(SecuritySchemes.ApiToken, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "avq_…",
                Description = "A personal API token created in Settings → API tokens (`/api/v1/me/tokens`). Read-only tokens cannot call commands.",
            });
            o.AddSecurityDefinition(SecuritySchemes.Cookie, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = "access_token",
                Description = "The browser session (HttpOnly cookie set by /auth/login). Unsafe methods also need the X-CSRF-Token header equal to the csrf_token cookie.",
            });
            o.OperationFilter<SecurityRequirementsOperationFilter>();
            // PATCH fields that distinguish "absent" from "null" are documented as plain nullable values.
            o.MapType<Optional<bool?>>(() => new OpenApiSchema { Type = JsonSchemaType.Boolean | JsonSchemaType.Null });
            o.MapType<Optional<int?>>(() => new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32" });
            o.MapType<Optional<long?>>(() => new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int64" });
            o.MapType<Optional<string?>>(() => new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null });
            o.MapType<Optional<double?>>(() => new OpenApiSchema { Type = JsonSchemaType.Number | JsonSchemaType.Null, Format = "double" });
            o.SchemaFilter<RequiredPropertiesSchemaFilter>();
            o.OperationFilter<UploadVideoOperationFilter>();
            o.OperationFilter<MultiFormatOperationFilter>();
            o.DocumentFilter<ErrorCodesDocumentFilter>();
        });
        return services;
    }

    public static WebApplication UseApiOpenApi(this WebApplication app)
    {
        app.UseSwagger(o => o.RouteTemplate = "api/openapi/{documentName}.json");
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "api/docs";
            o.SwaggerEndpoint($"/api/openapi/{DocumentName}.json", "AskVideo API v1");
            o.DocumentTitle = "AskVideo API";
        });
        return app;
    }

    /// <summary>Nested DTO records get their outer type as a prefix only when needed, keeping generated TS names short.</summary>
    private static string SchemaId(Type type)
    {
        static string Name(Type t) => t.IsGenericType
            ? t.Name[..t.Name.IndexOf('`', StringComparison.Ordinal)] + "Of" + string.Concat(t.GetGenericArguments().Select(Name))
            : t.Name;
        var name = Name(type);
        // Request bodies bound straight to commands read better as "…Request" in the document and the TS client.
        return name.EndsWith("Command", StringComparison.Ordinal) ? name[..^"Command".Length] + "Request" : name;
    }
}

public static class SecuritySchemes
{
    public const string ApiToken = "apiToken";
    public const string Cookie = "cookieSession";
}

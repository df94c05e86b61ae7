using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace AskVideo.Api.OpenApi;

/// <summary>
/// Responses always carry every property (nulls included), so every non-nullable property is required in the
/// document. Generated TypeScript types then say exactly what the API guarantees. Optional request fields are
/// nullable in the C# contract and stay optional here.
/// </summary>
internal sealed class RequiredPropertiesSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || concrete.Properties is null) return;
        foreach (var (name, property) in concrete.Properties)
        {
            var nullable = property.Type is { } type && type.HasFlag(JsonSchemaType.Null);
            if (nullable) continue;
            concrete.Required ??= new HashSet<string>();
            concrete.Required.Add(name);
        }
    }
}

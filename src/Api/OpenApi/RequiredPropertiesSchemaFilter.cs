using System.Text.Json;
using AskVideo.Application.Common.Models;
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
        var optional = context.Type.GetProperties()
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(Optional<>))
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var (name, property) in concrete.Properties)
        {
            // PATCH fields (Optional<T>): may be absent, and null is a meaningful value ("clear it").
            if (optional.Contains(name))
            {
                if (property is OpenApiSchema patchField) patchField.Type = (patchField.Type ?? 0) | JsonSchemaType.Null;
                continue;
            }
            var nullable = property.Type is { } type && type.HasFlag(JsonSchemaType.Null);
            if (nullable) continue;
            concrete.Required ??= new HashSet<string>();
            concrete.Required.Add(name);
        }
    }
}

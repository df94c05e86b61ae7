using System.Text.Json.Nodes;
using AskVideo.Application.Common.Validation;
using AskVideo.Domain.Common;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace AskVideo.Api.OpenApi;

/// <summary>
/// Publishes the error catalogs: <c>ErrorCode</c> (every problem <c>code</c> and every failed video's
/// <c>error.code</c>) and <c>FieldErrorCode</c> (the codes of a validation problem's <c>fieldErrors</c>), as enums the
/// client generates its types and translation checks from. Adds <c>code</c> and <c>traceId</c> to the problem schemas,
/// <c>fieldErrors</c> to the validation problem, and types <c>VideoErrorDto.code</c> as an <c>ErrorCode</c>.
/// </summary>
internal sealed class ErrorCodesDocumentFilter : IDocumentFilter
{
    public const string ErrorCodeSchema = "ErrorCode";
    public const string FieldErrorCodeSchema = "FieldErrorCode";
    public const string FieldErrorSchema = "FieldError";

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        document.Components ??= new OpenApiComponents();
        var schemas = document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();

        schemas[ErrorCodeSchema] = Enum("A stable, machine-readable error code (see docs/api-errors.md).", ErrorCode.All.Select(c => c.Value));
        schemas[FieldErrorCodeSchema] = Enum("Why one field of a validation problem is invalid.", FieldErrorCode.All.Select(c => c.Value));
        schemas[FieldErrorSchema] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "One failure of one field: translate `code` with `params`; `message` is the English sentence also found in `errors`.",
            Required = new HashSet<string> { "code", "message" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["code"] = Ref(FieldErrorCodeSchema, document),
                ["message"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["params"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "The code's parameters: min, max, maxBytes (numbers), allowed (comma-separated values).",
                    AdditionalProperties = new OpenApiSchema
                    {
                        OneOf = [new OpenApiSchema { Type = JsonSchemaType.Number }, new OpenApiSchema { Type = JsonSchemaType.String }],
                    },
                },
            },
        };

        foreach (var name in new[] { "ProblemDetails", "HttpValidationProblemDetails" })
        {
            if (!schemas.TryGetValue(name, out var found) || found is not OpenApiSchema problem) continue;
            problem.Properties ??= new Dictionary<string, IOpenApiSchema>();
            problem.Properties["code"] = Ref(ErrorCodeSchema, document);
            problem.Properties["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Matches the X-Request-Id response header and the server logs." };
            problem.Required ??= new HashSet<string>();
            problem.Required.Add("code");
            problem.Required.Add("traceId");
            if (name == "HttpValidationProblemDetails")
            {
                problem.Properties["fieldErrors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "The same failures as `errors`, by field, with a machine-readable code each.",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Ref(FieldErrorSchema, document) },
                };
                problem.Required.Add("fieldErrors");
            }
        }

        if (schemas.TryGetValue("VideoErrorDto", out var videoError) && videoError is OpenApiSchema { Properties: { } properties })
            properties["code"] = Ref(ErrorCodeSchema, document);
    }

    private static OpenApiSchema Enum(string description, IEnumerable<string> values) => new()
    {
        Type = JsonSchemaType.String,
        Description = description,
        Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList(),
    };

    private static OpenApiSchemaReference Ref(string id, OpenApiDocument document) => new(id, document);
}

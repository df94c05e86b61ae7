using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace AskVideo.Api.OpenApi;

/// <summary>Describes the streamed uploads' bodies (the endpoints read them themselves, so nothing is inferred): the multipart form field by field, and the bare bytes of the fast path.</summary>
internal sealed class UploadVideoOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.OperationId == "PutUploadContent")
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = "The file's bytes, exactly as many as announced.",
                Content = new Dictionary<string, IOpenApiMediaType>
                {
                    ["application/octet-stream"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                },
            };
            return;
        }
        if (operation.OperationId != "UploadVideo") return;
        static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "file" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "The video or audio file. Its content decides, not its name: ffprobe must find an audio or video stream." },
                ["title"] = Text("Defaults to the file name without extension."),
                ["description"] = Text("Free text, searchable."),
                ["language"] = Text("Spoken language code (e.g. en, ja) when known."),
                ["subtitles"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "Optional .srt or .vtt file used as the transcript." },
                ["groupId"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid", Description = "Add the video to this group of yours." },
                ["tags"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Text("A tag name"), Description = "Repeat the field (or send comma-separated names); unknown tags are created." },
            },
        };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, IOpenApiMediaType> { ["multipart/form-data"] = new OpenApiMediaType { Schema = schema } },
        };
    }
}

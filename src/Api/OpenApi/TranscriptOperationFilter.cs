using AskVideo.Api.Endpoints;
using AskVideo.Application.Videos.Transcripts;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace AskVideo.Api.OpenApi;

/// <summary>
/// The transcript endpoints speak several content types (they read and write the body themselves): JSON for data,
/// WebVTT and SubRip as plain text.
/// </summary>
internal sealed class TranscriptOperationFilter : IOperationFilter
{
    private static readonly string[] SubtitleTypes = ["text/vtt", "application/x-subrip", "text/plain"];

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        static OpenApiMediaType Text(string description) => new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = description } };
        if (operation.OperationId is "GetVideoTranscript" or "GetSharedVideoTranscript" && operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse response)
        {
            response.Content = new Dictionary<string, IOpenApiMediaType>
            {
                ["application/json"] = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(typeof(TranscriptDto), context.SchemaRepository) },
                ["text/vtt"] = Text("With ?format=vtt: WebVTT, usable as a captions <track>."),
                ["application/x-subrip"] = Text("With ?format=srt: a SubRip download."),
            };
        }
        if (operation.OperationId == "PutVideoTranscript")
        {
            var content = new Dictionary<string, IOpenApiMediaType>
            {
                ["application/json"] = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(typeof(VideoEndpoints.ReplaceTranscriptRequest), context.SchemaRepository) },
            };
            foreach (var type in SubtitleTypes) content[type] = Text("The whole transcript as WebVTT or SRT text (detected from the content).");
            operation.RequestBody = new OpenApiRequestBody { Required = true, Content = content };
        }
    }
}

using AskVideo.Api.Endpoints;
using AskVideo.Application.Chat.Common;
using AskVideo.Application.Common.Models;
using AskVideo.Application.Videos.Transcripts;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace AskVideo.Api.OpenApi;

/// <summary>
/// Endpoints that speak several content types (they read or write the body themselves): transcripts as JSON, WebVTT
/// or SubRip; answers as JSON or server-sent events; chat history as JSON or CSV.
/// </summary>
internal sealed class MultiFormatOperationFilter : IOperationFilter
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
        if (operation.OperationId is "AskVideo" or "AskGroup" or "AskShared")
            SetOk(operation, context, typeof(ChatAnswerDto), ("text/event-stream", "With stream: true: server-sent events citations (the numbered candidates), delta {text}…, then done (the answer) or error (a problem)."));
        if (operation.OperationId == "ListGroupChatLogs")
            SetOk(operation, context, typeof(Paged<ChatLogDto>), ("text/csv", "With ?format=csv: the whole history, UTF-8 with a byte order mark."));
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

    private static void SetOk(OpenApiOperation operation, OperationFilterContext context, Type json, (string Type, string Description) alternative)
    {
        if (operation.Responses?.TryGetValue("200", out var ok) != true || ok is not OpenApiResponse response) return;
        response.Content = new Dictionary<string, IOpenApiMediaType>
        {
            ["application/json"] = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(json, context.SchemaRepository) },
            [alternative.Type] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = alternative.Description } },
        };
    }
}

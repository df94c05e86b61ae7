using AskVideo.Application.Tags;
using MediatR;
using static AskVideo.Api.Http.EndpointResults;

namespace AskVideo.Api.Endpoints;

public static class TagEndpoints
{
    public sealed record UpdateTagRequest(string? Name, string? Color);

    public static IEndpointRouteBuilder MapTagEndpoints(this IEndpointRouteBuilder api)
    {
        var tags = api.MapGroup("/tags").WithTags("Tags").RequireAuthorization().ProducesProblem(401).ProducesProblem(429);
        tags.MapGet("", (IMediator m, CancellationToken ct) => Ok(m.Send(new ListTagsQuery(), ct)))
            .WithName("ListTags").WithSummary("Your tags with how many videos carry each.");
        tags.MapPost("", async (CreateTagCommand command, IMediator m, CancellationToken ct) =>
            {
                var tag = await m.Send(command, ct);
                return TypedResults.Created($"/api/v1/tags/{tag.Id}", tag);
            })
            .WithName("CreateTag").WithSummary("Create a tag {name, color (#RRGGBB)?}.").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);
        tags.MapPatch("/{id:guid}", (Guid id, UpdateTagRequest body, IMediator m, CancellationToken ct) =>
                Ok(m.Send(new UpdateTagCommand(id, body.Name, body.Color), ct)))
            .WithName("UpdateTag").WithSummary("Rename or recolor a tag.").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        tags.MapDelete("/{id:guid}", async (Guid id, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new DeleteTagCommand(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteTag").WithSummary("Delete a tag (videos keep existing, without it).").ProducesProblem(403).ProducesProblem(404);
        return api;
    }
}

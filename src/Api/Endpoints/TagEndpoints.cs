using AskVideo.Application.Tags;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using static AskVideo.Api.Http.EndpointResults;

namespace AskVideo.Api.Endpoints;

public static class TagEndpoints
{
    public sealed record UpdateTagRequest(string? Name, string? Color);

    public static IEndpointRouteBuilder MapTagEndpoints(this IEndpointRouteBuilder api)
    {
        var tags = api.MapGroup("/tags").WithTags("Tags").RequireAuthorization().ProducesProblem(401).ProducesProblem(429);
        tags.MapGet("", ListAsync)
            .WithName("ListTags").WithSummary("Your tags with how many videos carry each.");
        tags.MapPost("", CreateAsync)
            .WithName("CreateTag").WithSummary("Create a tag {name, color (#RRGGBB)?}.").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);
        tags.MapPatch("/{id:guid}", UpdateAsync)
            .WithName("UpdateTag").WithSummary("Rename or recolor a tag.").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        tags.MapDelete("/{id:guid}", DeleteAsync)
            .WithName("DeleteTag").WithSummary("Delete a tag (videos keep existing, without it).").ProducesProblem(403).ProducesProblem(404);
        return api;
    }

    private static Task<Ok<IReadOnlyList<TagWithCountDto>>> ListAsync(IMediator mediator, CancellationToken cancellationToken) =>
        Ok(mediator.Send(new ListTagsQuery(), cancellationToken));

    private static async Task<Created<TagWithCountDto>> CreateAsync(CreateTagCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var tag = await mediator.Send(command, cancellationToken);
        return TypedResults.Created(ApiRoutes.Tag(tag.Id), tag);
    }

    private static Task<Ok<TagWithCountDto>> UpdateAsync(Guid id, UpdateTagRequest body, IMediator mediator, CancellationToken cancellationToken) =>
        Ok(mediator.Send(new UpdateTagCommand(id, body.Name, body.Color), cancellationToken));

    private static async Task<NoContent> DeleteAsync(Guid id, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteTagCommand(id), cancellationToken);
        return TypedResults.NoContent();
    }
}

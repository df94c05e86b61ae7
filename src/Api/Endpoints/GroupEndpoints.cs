using AskVideo.Application.Common.Models;
using AskVideo.Application.Groups.Common;
using AskVideo.Application.Groups.Manage;
using AskVideo.Application.Groups.Members;
using AskVideo.Application.Groups.Sharing;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using static AskVideo.Api.Http.EndpointResults;

namespace AskVideo.Api.Endpoints;

/// <summary>The owner's groups: collections of videos with an order and an optional share link (SPEC §3 "Groups and sharing").</summary>
public static class GroupEndpoints
{
    public sealed record CreateGroupRequest(string Name, string? Description);

    public sealed record UpdateGroupRequest(string? Name, string? Description);

    public sealed record GroupVideoIdsRequest(IReadOnlyList<Guid> VideoIds);

    public static IEndpointRouteBuilder MapGroupEndpoints(this IEndpointRouteBuilder api)
    {
        var groups = api.MapGroup("/groups").WithTags("Groups").RequireAuthorization().ProducesProblem(401).ProducesProblem(429);
        groups.MapGet("", ListAsync).WithName("ListGroups")
            .WithSummary("Your groups, newest first, paged; ?q= searches name and description.").ProducesValidationProblem();
        groups.MapPost("", CreateAsync).WithName("CreateGroup")
            .WithSummary("Create a group {name, description?}.").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);
        groups.MapGet("/{id:guid}", GetAsync).WithName("GetGroup")
            .WithSummary("A group with its videos in order and its share link (when shared).").ProducesProblem(404);
        groups.MapPatch("/{id:guid}", UpdateAsync).WithName("UpdateGroup")
            .WithSummary("Rename a group or change its description.").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        groups.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteGroup")
            .WithSummary("Delete a group with its share link and chat history. Its videos are kept.").ProducesProblem(403).ProducesProblem(404);
        groups.MapPost("/{id:guid}/videos", AddVideosAsync).WithName("AddGroupVideos")
            .WithSummary("Add videos {videoIds} at the end; ones already in the group are skipped. Any id that is not yours → 404 and nothing is added.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(422);
        groups.MapDelete("/{id:guid}/videos/{videoId:guid}", RemoveVideoAsync).WithName("RemoveGroupVideo")
            .WithSummary("Take a video out of the group (the video stays in your library).").ProducesProblem(403).ProducesProblem(404);
        groups.MapPut("/{id:guid}/order", ReorderAsync).WithName("ReorderGroup")
            .WithSummary("Set the order {videoIds}: exactly the group's videos, each once (400 otherwise, nothing changed).")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        groups.MapPost("/{id:guid}/share", ShareAsync).WithName("ShareGroup")
            .WithSummary("Create the share link, or rotate it (the old link stops working at once). Anyone with the link can watch the group's videos.")
            .ProducesProblem(403).ProducesProblem(404);
        groups.MapDelete("/{id:guid}/share", RevokeShareAsync).WithName("RevokeGroupShare")
            .WithSummary("Revoke the share link: every guest URL made from it answers 404 from now on.").ProducesProblem(403).ProducesProblem(404);
        return api;
    }

    private static Task<Ok<Paged<GroupSummaryDto>>> ListAsync(string? q, int? page, int? pageSize, IMediator mediator, CancellationToken cancellationToken) =>
        Ok(mediator.Send(new ListGroupsQuery(q, page ?? 1, pageSize ?? Paging.DefaultPageSize), cancellationToken));

    private static async Task<Created<GroupDto>> CreateAsync(CreateGroupRequest body, IMediator mediator, CancellationToken cancellationToken)
    {
        var group = await mediator.Send(new CreateGroupCommand(body.Name, body.Description), cancellationToken);
        return TypedResults.Created(ApiRoutes.Group(group.Id), group);
    }

    private static Task<Ok<GroupDto>> GetAsync(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        Ok(mediator.Send(new GetGroupQuery(id), cancellationToken));

    private static Task<Ok<GroupDto>> UpdateAsync(Guid id, UpdateGroupRequest body, IMediator mediator, CancellationToken cancellationToken) =>
        Ok(mediator.Send(new UpdateGroupCommand(id, body.Name, body.Description), cancellationToken));

    private static async Task<NoContent> DeleteAsync(Guid id, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteGroupCommand(id), cancellationToken);
        return TypedResults.NoContent();
    }

    private static Task<Ok<AddGroupVideosResultDto>> AddVideosAsync(Guid id, GroupVideoIdsRequest body, IMediator mediator, CancellationToken cancellationToken) =>
        Ok(mediator.Send(new AddGroupVideosCommand(id, body.VideoIds ?? []), cancellationToken));

    private static async Task<NoContent> RemoveVideoAsync(Guid id, Guid videoId, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new RemoveGroupVideoCommand(id, videoId), cancellationToken);
        return TypedResults.NoContent();
    }

    private static Task<Ok<GroupDto>> ReorderAsync(Guid id, GroupVideoIdsRequest body, IMediator mediator, CancellationToken cancellationToken) =>
        Ok(mediator.Send(new ReorderGroupCommand(id, body.VideoIds ?? []), cancellationToken));

    private static Task<Ok<GroupShareDto>> ShareAsync(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        Ok(mediator.Send(new ShareGroupCommand(id), cancellationToken));

    private static async Task<NoContent> RevokeShareAsync(Guid id, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new RevokeGroupShareCommand(id), cancellationToken);
        return TypedResults.NoContent();
    }
}

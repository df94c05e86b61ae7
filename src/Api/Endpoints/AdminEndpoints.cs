using AskVideo.Application.Admin;
using AskVideo.Application.Common.Models;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using static AskVideo.Api.Http.EndpointResults;

namespace AskVideo.Api.Endpoints;

public static class AdminEndpoints
{
    /// <summary>Only the fields present change. videoLimit null = unlimited; maxUploadBytes null = the server default.</summary>
    public sealed record UpdateUserRequest(Optional<bool?> IsActive, Optional<bool?> IsAdmin, Optional<int?> VideoLimit, Optional<long?> MaxUploadBytes);

    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder api)
    {
        var admin = api.MapGroup("/admin").WithTags("Admin").RequireAuthorization().ProducesProblem(401).ProducesProblem(403).ProducesProblem(429);
        admin.MapGet("/users", (string? q, int? page, int? pageSize, IMediator m, CancellationToken ct) =>
                Ok(m.Send(new ListUsersQuery(q, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("AdminListUsers").WithSummary("Users with their limits and usage (admins only). ?q= filters by email or username.")
            .ProducesValidationProblem();
        admin.MapPatch("/users/{id:guid}", (Guid id, UpdateUserRequest body, IMediator m, CancellationToken ct) =>
                Ok(m.Send(new UpdateUserCommand(id, body.IsActive, body.IsAdmin, body.VideoLimit, body.MaxUploadBytes), ct)))
            .WithName("AdminUpdateUser").WithSummary("Activate or deactivate a user, grant or remove admin, set videoLimit or maxUploadBytes.")
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        admin.MapGet("/jobs", (string? status, int? page, int? pageSize, IMediator m, CancellationToken ct) =>
                Ok(m.Send(new ListJobsQuery(status, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("AdminListJobs").WithSummary("Queue depth, in-flight jobs and dead letters (admins only). ?status= dead (default), failed, running, pending, dispatched, succeeded, all.")
            .ProducesValidationProblem();
        admin.MapPost("/jobs/{id:guid}/retry", async (Guid id, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new RetryJobCommand(id), ct);
                return TypedResults.Accepted((string?)null);
            })
            .WithName("AdminRetryJob").WithSummary("Put a failed or dead job back on the queue.").ProducesProblem(404).ProducesProblem(409);
        admin.MapPost("/jobs/ping", async (PingRequest body, IMediator m, CancellationToken ct) =>
                TypedResults.Accepted((string?)null, await m.Send(new EnqueuePingJobsCommand(body.Count), ct)))
            .WithName("AdminPingJobs").WithSummary("Enqueue no-op jobs (1–10000) to check the queue end to end; watch them in /admin/jobs?status=succeeded.")
            .ProducesValidationProblem();
        return api;
    }

    public sealed record PingRequest(int Count);
}

using AskVideo.Application.Admin.Jobs;
using AskVideo.Application.Admin.Users;
using AskVideo.Application.Common.Models;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using static AskVideo.Api.Http.EndpointResults;

namespace AskVideo.Api.Endpoints;

public static class AdminEndpoints
{
    /// <summary>Only the fields present change. videoLimit null = unlimited; maxUploadBytes null = the server default.</summary>
    public sealed record UpdateUserRequest(Optional<bool?> IsActive, Optional<bool?> IsAdmin, Optional<int?> VideoLimit, Optional<long?> MaxUploadBytes);

    public sealed record PingRequest(int Count);

    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder api)
    {
        var admin = api.MapGroup("/admin").WithTags("Admin").RequireAuthorization().ProducesProblem(401).ProducesProblem(403).ProducesProblem(429);
        admin.MapGet("/users", ListUsersAsync)
            .WithName("AdminListUsers").WithSummary("Users with their limits and usage (admins only). ?q= filters by email or username.")
            .ProducesValidationProblem();
        admin.MapPatch("/users/{id:guid}", UpdateUserAsync)
            .WithName("AdminUpdateUser").WithSummary("Activate or deactivate a user, grant or remove admin, set videoLimit or maxUploadBytes.")
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        admin.MapGet("/jobs", ListJobsAsync)
            .WithName("AdminListJobs").WithSummary("Queue depth, in-flight jobs and dead letters (admins only). ?status= dead (default), failed, running, pending, dispatched, succeeded, all.")
            .ProducesValidationProblem();
        admin.MapPost("/jobs/{id:guid}/retry", RetryJobAsync)
            .WithName("AdminRetryJob").WithSummary("Put a failed or dead job back on the queue.").ProducesProblem(404).ProducesProblem(409);
        admin.MapPost("/jobs/ping", PingJobsAsync)
            .WithName("AdminPingJobs").WithSummary("Enqueue no-op jobs (1–10000) to check the queue end to end; watch them in /admin/jobs?status=succeeded.")
            .ProducesValidationProblem();
        return api;
    }

    private static Task<Ok<Paged<AdminUserDto>>> ListUsersAsync(string? q, int? page, int? pageSize, IMediator mediator, CancellationToken cancellationToken) =>
        Ok(mediator.Send(new ListUsersQuery(q, page ?? 1, pageSize ?? Paging.DefaultPageSize), cancellationToken));

    private static Task<Ok<AdminUserDto>> UpdateUserAsync(Guid id, UpdateUserRequest body, IMediator mediator, CancellationToken cancellationToken) =>
        Ok(mediator.Send(new UpdateUserCommand(id, body.IsActive, body.IsAdmin, body.VideoLimit, body.MaxUploadBytes), cancellationToken));

    private static Task<Ok<JobsOverviewDto>> ListJobsAsync(string? status, int? page, int? pageSize, IMediator mediator, CancellationToken cancellationToken) =>
        Ok(mediator.Send(new ListJobsQuery(status, page ?? 1, pageSize ?? Paging.DefaultPageSize), cancellationToken));

    private static async Task<Accepted> RetryJobAsync(Guid id, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new RetryJobCommand(id), cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Accepted<PingJobsDto>> PingJobsAsync(PingRequest body, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Accepted((string?)null, await mediator.Send(new EnqueuePingJobsCommand(body.Count), cancellationToken));
}

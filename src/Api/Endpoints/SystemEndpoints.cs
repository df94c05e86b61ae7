using AskVideo.Api.Http;
using AskVideo.Application.Platform.GetFrontendConfig;
using AskVideo.Domain.Common;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AskVideo.Api.Endpoints;

public static class SystemEndpoints
{
    public sealed record HealthDto(string Status);

    public sealed record HealthCheckDto(string Status, string? Description, double DurationMs);

    public sealed record ReadinessDto(string Status, IReadOnlyDictionary<string, HealthCheckDto> Checks);

    public static IEndpointRouteBuilder MapSystemEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("").WithTags("System").AllowAnonymous();
        group.MapGet("/health", GetHealth)
            .WithName("GetHealth").WithSummary("Liveness: the API process is up.");
        group.MapGet("/health/ready", GetReadinessAsync)
            .WithName("GetReadiness").WithSummary("Readiness: PostgreSQL, pgvector, Redis and storage are reachable. 503 with per-check detail otherwise.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/config/frontend", GetFrontendConfigAsync)
            .WithName("GetFrontendConfig").WithSummary("Runtime settings the SPA needs: signup, upload limit, languages, active AI providers, version.");
        return api;
    }

    private static Ok<HealthDto> GetHealth() => TypedResults.Ok(new HealthDto("ok"));

    private static async Task<Results<Ok<ReadinessDto>, ProblemHttpResult>> GetReadinessAsync(ReadinessCache readiness, CancellationToken cancellationToken)
    {
        var report = await readiness.GetAsync(cancellationToken);
        var checks = report.Entries.ToDictionary(
            e => e.Key,
            e => new HealthCheckDto(e.Value.Status.ToString().ToLowerInvariant(), e.Value.Description, Math.Round(e.Value.Duration.TotalMilliseconds, 1)));
        if (report.Status == HealthStatus.Healthy)
            return TypedResults.Ok(new ReadinessDto("ready", checks));

        var failing = string.Join(", ", checks.Where(c => c.Value.Status != "healthy").Select(c => c.Key));
        return TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "Not ready",
            Detail = $"Dependencies unavailable: {failing}.",
            Extensions = { ["code"] = ErrorCode.NotReady.Value, ["checks"] = checks },
        });
    }

    private static async Task<Ok<FrontendConfigDto>> GetFrontendConfigAsync(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetFrontendConfigQuery(), cancellationToken));
}

using System.Globalization;
using System.Text.Json;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Domain.Common;
using AskVideo.Infrastructure.Health;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Api.Http;

/// <summary>
/// The one exception → problem+json map. Client mistakes get a 4xx with a useful message; anything unexpected is a
/// 500 with only a trace id (the exception is logged, never returned). PostgreSQL or Redis unreachable or restarting is a
/// 503 with Retry-After, like readiness: the request was fine and works again once they are back.
/// </summary>
internal sealed class AppExceptionHandler(IProblemDetailsService problems, ILogger<AppExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
            httpContext.Response.StatusCode = 499;
            return true;
        }

        var problem = ToProblem(exception, httpContext);
        // The exception handler middleware has cleared the endpoint by now; its feature still names it. The lines show
        // the exception's types and messages only, never its stack trace (LoggingSetup), with the request's trace id.
        var endpoint = (httpContext.GetEndpoint() ?? httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint)?.DisplayName;
        if (DependencyOutage.Find(exception) is { } dependency)
            logger.LogWarning("{Method} {Endpoint} answered 503: {Dependency} is unavailable ({Error})",
                httpContext.Request.Method, endpoint, dependency, exception.GetBaseException().Message);
        else if (problem.Status >= 500 && exception is not UpstreamException)
            logger.LogError(exception, "Unhandled exception for {Method} {Endpoint}", httpContext.Request.Method, endpoint);

        httpContext.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    internal static ProblemDetails ToProblem(Exception exception, HttpContext httpContext)
    {
        switch (exception)
        {
            case ValidationFailedException v:
                return new HttpValidationProblemDetails(v.Errors.ToDictionary(kv => kv.Key, kv => kv.Value))
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "Validation failed",
                    Detail = v.Errors.Count == 1 ? v.Errors.First().Value.FirstOrDefault() : v.Message,
                    Extensions = { ["code"] = v.Code.Value, ["fieldErrors"] = FieldErrorDto.From(v.FieldErrors) },
                };
            case AppException app:
                var status = StatusFor(app);
                if (app is RateLimitedException limited) SetRetryAfter(httpContext, limited.RetryAfter);
                if (app is UpstreamException { RetryAfter: { } retry }) SetRetryAfter(httpContext, retry);
                return Problem(status, app.Code, app.Message);
            case DomainException domain:
                return Problem(domain.Code == ErrorCode.InvalidTransition ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity,
                    domain.Code, domain.Message);
            case BadHttpRequestException bad:
                return Problem(bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? ErrorCode.PayloadTooLarge : ErrorCode.BadRequest,
                    bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : DescribeBadRequest(bad));
            case DbUpdateConcurrencyException:
                return Problem(StatusCodes.Status409Conflict, ErrorCode.ConcurrentUpdate, "Someone else changed this at the same moment. Reload and try again.");
            case JsonException:
                return Problem(StatusCodes.Status400BadRequest, ErrorCode.MalformedJson, "The request body is not valid JSON for this endpoint.");
            case var _ when DependencyOutage.Find(exception) is not null:
                // PostgreSQL or Redis is down or restarting: the request was fine and will work again shortly.
                SetRetryAfter(httpContext, DependencyRetryAfter);
                return Problem(StatusCodes.Status503ServiceUnavailable, ErrorCode.ServiceUnavailable,
                    "AskVideo cannot reach its database or queue at the moment. Try again in a few seconds.");
            default:
                return Problem(StatusCodes.Status500InternalServerError, ErrorCode.InternalError, "An unexpected error occurred. Quote the trace id when reporting it.");
        }
    }

    /// <summary>What a 503 for an unreachable dependency suggests in Retry-After (a restart takes seconds).</summary>
    public static readonly TimeSpan DependencyRetryAfter = TimeSpan.FromSeconds(5);

    private static int StatusFor(AppException exception) => exception switch
    {
        NotFoundException => StatusCodes.Status404NotFound,
        UnauthenticatedException => StatusCodes.Status401Unauthorized,
        ForbiddenException => StatusCodes.Status403Forbidden,
        ConflictException => StatusCodes.Status409Conflict,
        PayloadTooLargeException => StatusCodes.Status413PayloadTooLarge,
        UnsupportedMediaTypeException => StatusCodes.Status415UnsupportedMediaType,
        UnprocessableException => StatusCodes.Status422UnprocessableEntity,
        RateLimitedException => StatusCodes.Status429TooManyRequests,
        // A rejected or missing AI key is the user's to fix in Settings: never 401, which would sign them out.
        UpstreamException u when u.Code == ErrorCode.InvalidOpenAiKey || u.Code == ErrorCode.OpenAiKeyMissing => StatusCodes.Status422UnprocessableEntity,
        UpstreamException u when u.Code == ErrorCode.AiRateLimited => StatusCodes.Status429TooManyRequests,
        UpstreamException u => u.Transient ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status502BadGateway,
        _ => StatusCodes.Status400BadRequest,
    };

    private static string DescribeBadRequest(BadHttpRequestException bad) =>
        bad.InnerException is JsonException
            ? "The request body is not valid JSON for this endpoint."
            : bad.Message.StartsWith("Failed to read parameter", StringComparison.Ordinal) || bad.Message.StartsWith("Required parameter", StringComparison.Ordinal)
                ? bad.Message
                : "The request is malformed.";

    private static ProblemDetails Problem(int status, ErrorCode code, string detail) => new()
    {
        Status = status,
        Detail = detail,
        Extensions = { ["code"] = code.Value },
    };

    private static void SetRetryAfter(HttpContext httpContext, TimeSpan retryAfter) =>
        httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}

using System.Diagnostics;
using AskVideo.Domain.Common;
using Microsoft.AspNetCore.WebUtilities;

namespace AskVideo.Api.Http;

/// <summary>The shape every error response shares: RFC 9457 problem+json with a stable code and the trace id.</summary>
public static class ProblemDetailsDefaults
{
    public const string TypePrefix = "urn:askvideo:problem:";

    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        problem.Status = status;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(status);
        if (!problem.Extensions.ContainsKey("code")) problem.Extensions["code"] = DefaultCode(status).Value;
        if (problem.Type is null || problem.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
            problem.Type = TypePrefix + problem.Extensions["code"];
        problem.Detail ??= DefaultDetail(status);
        problem.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
        problem.Instance ??= context.HttpContext.Request.Path;
    }

    /// <summary>The code of a problem that was written without one (framework answers such as 404 for an unknown route).</summary>
    public static ErrorCode DefaultCode(int status) => status switch
    {
        400 => ErrorCode.BadRequest,
        401 => ErrorCode.Unauthenticated,
        403 => ErrorCode.Forbidden,
        404 => ErrorCode.NotFound,
        405 => ErrorCode.MethodNotAllowed,
        406 => ErrorCode.NotAcceptable,
        409 => ErrorCode.Conflict,
        413 => ErrorCode.PayloadTooLarge,
        414 => ErrorCode.UriTooLong,
        415 => ErrorCode.UnsupportedMediaType,
        422 => ErrorCode.Unprocessable,
        429 => ErrorCode.RateLimited,
        502 => ErrorCode.BadGateway,
        503 => ErrorCode.ServiceUnavailable,
        _ when status >= 500 => ErrorCode.InternalError,
        _ => ErrorCode.Error,
    };

    private static string? DefaultDetail(int status) => status switch
    {
        401 => "Sign in to continue.",
        404 => "The resource was not found.",
        405 => "This HTTP method is not allowed here.",
        415 => "The request's content type is not supported here.",
        500 => "An unexpected error occurred. Quote the trace id when reporting it.",
        _ => null,
    };
}

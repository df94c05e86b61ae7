using System.Diagnostics;
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
        if (!problem.Extensions.ContainsKey("code")) problem.Extensions["code"] = DefaultCode(status);
        if (problem.Type is null || problem.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
            problem.Type = TypePrefix + problem.Extensions["code"];
        problem.Detail ??= DefaultDetail(status);
        problem.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
        problem.Instance ??= context.HttpContext.Request.Path;
    }

    private static string DefaultCode(int status) => status switch
    {
        400 => "bad_request",
        401 => "unauthenticated",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        406 => "not_acceptable",
        409 => "conflict",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        422 => "unprocessable",
        429 => "rate_limited",
        502 => "bad_gateway",
        503 => "service_unavailable",
        _ when status >= 500 => "internal_error",
        _ => "error",
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

using System.Net;
using System.Security.Claims;
using AskVideo.Application.Accounts.Common;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Options;
using AskVideo.Application.Common.Security;
using AskVideo.Domain.Common;
using AskVideo.Infrastructure.Identity;
using Microsoft.Extensions.Options;

namespace AskVideo.Api.Auth;

/// <summary>Marks endpoints that act on the session cookies, so they need the CSRF header whenever those cookies are sent.</summary>
public sealed class RequiresCsrfMetadata;

/// <summary>Set by authentication when it has already counted the request against the user's general budget.</summary>
internal sealed record CountedBudget(RateLimitDecision Decision);

/// <summary>
/// After authentication: fills the request's <see cref="ICurrentUser"/>, enforces CSRF for cookie-authenticated unsafe
/// requests (double submit of the csrf_token cookie in X-CSRF-Token) and applies the general budget: per user, or per
/// network (an IPv4 address or an IPv6 /64) for anonymous callers.
/// Bearer-token requests need no CSRF: browsers never attach them on their own.
/// </summary>
internal sealed class RequestSecurityMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, CurrentUserContext currentUser, IRateLimiter limiter, IOptions<RateLimitOptions> limits, AuthCookies cookies)
    {
        currentUser.SetIpAddress(Normalize(context.Connection.RemoteIpAddress)?.ToString());

        var user = context.User;
        var method = Enum.TryParse<AuthMethod>(user.FindFirstValue(AuthConstants.MethodClaim), out var m) ? m : AuthMethod.None;
        if (method != AuthMethod.None && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            Guid? session = Guid.TryParse(user.FindFirstValue(AuthConstants.SessionClaim), out var sid) ? sid : null;
            currentUser.SetUser(userId, session, user.FindFirstValue(AuthConstants.AdminClaim) == "true", method,
                user.FindAll(AuthConstants.ScopeClaim).Select(c => c.Value).ToArray());
        }

        var unsafeMethod = !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method));
        var sessionCookieEndpoint = context.GetEndpoint()?.Metadata.GetMetadata<RequiresCsrfMetadata>() is not null &&
            cookies.HasSession(context.Request);
        var needsCsrf = unsafeMethod && (method == AuthMethod.Cookie || sessionCookieEndpoint);
        if (needsCsrf && !CsrfMatches(context.Request, cookies))
        {
            await WriteProblemAsync(context, StatusCodes.Status403Forbidden, ErrorCode.CsrfFailed,
                "Missing or invalid X-CSRF-Token header. Send the value of the csrf_token cookie with every POST, PUT, PATCH and DELETE.");
            return;
        }

        // A cookie session was already counted by authentication, in the same Redis call as its revocation check.
        var budget = context.Features.Get<CountedBudget>()?.Decision ?? (currentUser.UserId is { } id
            ? await limiter.HitAsync(RedisSessionCheck.UserBudgetBucket, id.ToString(), limits.Value.ApiPerUser.Limit, limits.Value.ApiPerUser.Window, context.RequestAborted)
            : await limiter.HitAsync("api-ip", NetworkKey.Of(currentUser.IpAddress), limits.Value.ApiPerIp.Limit, limits.Value.ApiPerIp.Window, context.RequestAborted));
        if (!budget.Allowed)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(budget.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await WriteProblemAsync(context, StatusCodes.Status429TooManyRequests, ErrorCode.RateLimited, "Too many requests. Slow down and retry after the time in Retry-After.");
            return;
        }

        await next(context);
    }

    private static bool CsrfMatches(HttpRequest request, AuthCookies cookies)
    {
        var cookie = cookies.ReadCsrf(request);
        var header = request.Headers[AuthConstants.CsrfHeader].ToString();
        return !string.IsNullOrEmpty(cookie) && !string.IsNullOrEmpty(header) && SecretTokens.FixedTimeEquals(cookie, header);
    }

    private static Task WriteProblemAsync(HttpContext context, int status, ErrorCode code, string detail)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Detail = detail, Extensions = { ["code"] = code.Value } },
        }).AsTask();
    }

    private static IPAddress? Normalize(IPAddress? ip) => ip is { IsIPv4MappedToIPv6: true } ? ip.MapToIPv4() : ip;
}

using System.Security.Claims;
using System.Text.Encodings.Web;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Domain.Common;
using AskVideo.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AskVideo.Api.Auth;

/// <summary>
/// One scheme for both ways in: <c>Authorization: Bearer avq_…</c> (personal API tokens, checked in PostgreSQL) or the
/// access_token cookie (a signed JWT, checked against revocations in Redis in the same call that counts the request
/// against the user's budget). Failures answer 401 problem+json.
/// </summary>
internal sealed class AskVideoAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccessTokenService accessTokens,
    RedisSessionCheck sessions,
    ApiTokenAuthenticator apiTokens,
    AuthCookies cookies) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var authorization = Request.Headers.Authorization.ToString();
        if (authorization.Length > 0)
        {
            if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                return AuthenticateResult.Fail("Unsupported Authorization scheme; use Bearer avq_….");
            var principal = await apiTokens.AuthenticateAsync(authorization["Bearer ".Length..].Trim(), Context.RequestAborted);
            if (principal is null) return AuthenticateResult.Fail("The API token is invalid, expired or revoked.");
            var claims = new List<Claim>
            {
                new(ClaimTypes.NameIdentifier, principal.UserId.ToString()),
                new(AuthConstants.MethodClaim, nameof(AuthMethod.ApiToken)),
                new(AuthConstants.AdminClaim, principal.IsAdmin ? "true" : "false"),
            };
            claims.AddRange(principal.Scopes.Select(s => new Claim(AuthConstants.ScopeClaim, s)));
            return Success(claims);
        }

        var cookie = cookies.ReadAccess(Request);
        if (string.IsNullOrEmpty(cookie)) return AuthenticateResult.NoResult();
        var token = await accessTokens.ValidateAsync(cookie);
        if (token is null) return AuthenticateResult.Fail("The session has expired.");
        // One Redis round trip: the revocation check and the hit on the user's general budget (read by RequestSecurityMiddleware).
        var check = await sessions.CheckAndCountAsync(token);
        if (check.IsRevoked) return AuthenticateResult.Fail("The session was signed out.");
        if (check.Budget is not null) Context.Features.Set(new CountedBudget(check.Budget));
        return Success(
        [
            new Claim(ClaimTypes.NameIdentifier, token.UserId.ToString()),
            new Claim(AuthConstants.SessionClaim, token.SessionId.ToString()),
            new Claim(AuthConstants.MethodClaim, nameof(AuthMethod.Cookie)),
            new Claim(AuthConstants.AdminClaim, token.IsAdmin ? "true" : "false"),
        ]);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        var failure = Context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Failure?.Message;
        await Context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Detail = failure ?? "Sign in to continue.",
                Extensions = { ["code"] = ErrorCode.Unauthenticated.Value },
            },
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await Context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = StatusCodes.Status403Forbidden, Detail = "You are not allowed to do this.", Extensions = { ["code"] = ErrorCode.Forbidden.Value } },
        });
    }

    private AuthenticateResult Success(IEnumerable<Claim> claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name)), Scheme.Name));
}

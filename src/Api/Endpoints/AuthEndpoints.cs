using AskVideo.Api.Auth;
using AskVideo.Application.Accounts.Auth;
using AskVideo.Application.Accounts.Common;
using AskVideo.Application.Common.Exceptions;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AskVideo.Api.Endpoints;

public static class AuthEndpoints
{
    public sealed record AcceptedDto(string Message);

    public sealed record SessionDto(UserDto User);

    public sealed record VerifiedDto(bool Verified);

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth").AllowAnonymous();
        auth.MapPost("/signup", SignUpAsync).WithName("SignUp")
            .WithSummary("Create an account (when sign-up is enabled). Always 202, whether or not the email is registered; a verification email follows.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(429);
        auth.MapPost("/verify-email", VerifyEmailAsync).WithName("VerifyEmail")
            .WithSummary("Confirm an email address with the single-use token from the verification link.").ProducesValidationProblem().ProducesProblem(422);
        auth.MapPost("/resend-verification", ResendVerificationAsync).WithName("ResendVerification")
            .WithSummary("Send a new verification link. Always 202 (no account enumeration).").ProducesValidationProblem().ProducesProblem(429);
        auth.MapPost("/login", LoginAsync).WithName("Login")
            .WithSummary("Sign in with email or username. Sets the access_token, refresh_token and csrf_token cookies; the body has only the user.")
            .ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403).ProducesProblem(429);
        auth.MapPost("/refresh", RefreshAsync).WithName("RefreshSession").WithMetadata(new RequiresCsrfMetadata())
            .WithSummary("Rotate the refresh token cookie and issue a new access token. Reuse of a rotated token signs out that session everywhere.")
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(409);
        auth.MapPost("/logout", LogoutAsync).WithName("Logout").WithMetadata(new RequiresCsrfMetadata())
            .WithSummary("Sign out: revokes the session and clears the cookies.").ProducesProblem(403);
        auth.MapPost("/password-reset", RequestPasswordResetAsync).WithName("RequestPasswordReset")
            .WithSummary("Email a password-reset link. Always 202 (no account enumeration).").ProducesValidationProblem().ProducesProblem(429);
        auth.MapPost("/password-reset/confirm", ConfirmPasswordResetAsync).WithName("ConfirmPasswordReset")
            .WithSummary("Set a new password with the reset token; signs out every session.").ProducesValidationProblem().ProducesProblem(422);
        return api;
    }

    private static async Task<Accepted<AcceptedDto>> SignUpAsync(SignUpCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(command, cancellationToken);
        return TypedResults.Accepted((string?)null, new AcceptedDto("Check your inbox for a link to confirm your email address."));
    }

    private static async Task<Ok<VerifiedDto>> VerifyEmailAsync(VerifyEmailCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(command, cancellationToken);
        return TypedResults.Ok(new VerifiedDto(true));
    }

    private static async Task<Accepted<AcceptedDto>> ResendVerificationAsync(ResendVerificationCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(command, cancellationToken);
        return TypedResults.Accepted((string?)null, new AcceptedDto("If that address has an unconfirmed account, a new link is on its way."));
    }

    private static async Task<Ok<SessionDto>> LoginAsync(LoginCommand command, IMediator mediator, AuthCookies cookies, HttpResponse response, CancellationToken cancellationToken)
    {
        var session = await mediator.Send(command, cancellationToken);
        cookies.Write(response, session);
        return TypedResults.Ok(new SessionDto(session.User));
    }

    private static async Task<Ok<SessionDto>> RefreshAsync(HttpRequest request, IMediator mediator, AuthCookies cookies, HttpResponse response, CancellationToken cancellationToken)
    {
        try
        {
            var session = await mediator.Send(new RefreshSessionCommand(cookies.ReadRefresh(request)), cancellationToken);
            cookies.Write(response, session);
            return TypedResults.Ok(new SessionDto(session.User));
        }
        catch (UnauthenticatedException)
        {
            cookies.Clear(response);
            throw;
        }
    }

    private static async Task<NoContent> LogoutAsync(HttpRequest request, IMediator mediator, AuthCookies cookies, HttpResponse response, CancellationToken cancellationToken)
    {
        await mediator.Send(new LogoutCommand(cookies.ReadRefresh(request)), cancellationToken);
        cookies.Clear(response);
        return TypedResults.NoContent();
    }

    private static async Task<Accepted<AcceptedDto>> RequestPasswordResetAsync(RequestPasswordResetCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(command, cancellationToken);
        return TypedResults.Accepted((string?)null, new AcceptedDto("If that address has an account, a reset link is on its way."));
    }

    private static async Task<Ok<AcceptedDto>> ConfirmPasswordResetAsync(ConfirmPasswordResetCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(command, cancellationToken);
        return TypedResults.Ok(new AcceptedDto("Your password was changed. Sign in with the new password."));
    }
}

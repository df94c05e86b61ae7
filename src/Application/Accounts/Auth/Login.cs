using AskVideo.Application.Accounts.Common;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Common.Options;
using AskVideo.Application.Common.Security;
using AskVideo.Domain.Common;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AskVideo.Application.Accounts.Auth;

/// <summary>Sign in with an email address or a username.</summary>
public sealed record LoginCommand(string Login, string Password) : ICommand<SessionResult>, IAllowAnonymous;

internal sealed class LoginValidator : AbstractValidator<LoginCommand>
{
    public LoginValidator()
    {
        RuleFor(c => c.Login).NotEmpty().WithMessage("Enter your email or username.").MaximumLength(254);
        RuleFor(c => c.Password).NotEmpty().WithMessage("Enter your password.").MaximumLength(PasswordPolicy.MaxLength);
    }
}

/// <summary>
/// Throttled per network (every attempt) and per account (<see cref="AccountThrottle"/>: counted before the password
/// is checked, reset by a success). Whether the account exists is never revealed: unknown logins cost the same
/// password hash and get the same answer; only after a correct password does the caller learn that the email is
/// unverified or the account disabled. A hash made with older parameters is upgraded on success.
/// </summary>
internal sealed class LoginHandler(
    IAppDbContext db,
    IPasswordHasher hasher,
    SessionIssuer sessions,
    RateLimitGuard limits,
    AccountThrottle throttle,
    ICurrentUser caller,
    IOptions<RateLimitOptions> rateLimits,
    TimeProvider time) : IRequestHandler<LoginCommand, SessionResult>
{
    // Unknown logins are verified against this hash, so they cost the same time as known ones.
    private static string? _dummyHash;

    public async Task<SessionResult> Handle(LoginCommand request, CancellationToken cancellationToken)
    {
        await limits.EnforceAsync("login-ip", NetworkKey.Of(caller.IpAddress), rateLimits.Value.LoginPerIp, cancellationToken,
            "Too many sign-in attempts from this network. Wait a moment and try again.");

        var login = request.Login.Trim().ToLowerInvariant();
        var user = await db.Users.SingleOrDefaultAsync(
            u => u.NormalizedEmail == login || u.NormalizedUsername == login, cancellationToken);
        var accountKey = user is null ? AccountThrottle.KeyForUnknown(login) : AccountThrottle.KeyFor(user.Id);
        await throttle.CountAttemptAsync(accountKey, cancellationToken);

        var check = hasher.Verify(user?.PasswordHash ?? (_dummyHash ??= hasher.Hash(SecretTokens.Create())), request.Password);
        if (user is null || user.IsDeleted || check == PasswordCheck.Failed)
            throw new UnauthenticatedException("The email/username or password is incorrect.");
        await throttle.ResetAsync(accountKey, cancellationToken);
        if (!user.IsActive)
            throw new ForbiddenException(ErrorCode.AccountDisabled, "This account has been deactivated. Contact an administrator.");
        if (!user.IsEmailVerified)
            throw new ForbiddenException(ErrorCode.EmailNotVerified, "Confirm your email address first: use the link we sent you, or request a new one.");

        if (check == PasswordCheck.SuccessRehashNeeded) user.ChangePasswordHash(hasher.Hash(request.Password), time.GetUtcNow());
        var session = sessions.Start(user);
        await db.SaveChangesAsync(cancellationToken);
        return session;
    }
}

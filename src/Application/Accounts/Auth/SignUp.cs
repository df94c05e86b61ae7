using AskVideo.Application.Accounts.Common;
using AskVideo.Application.Accounts.Emails;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Common.Options;
using AskVideo.Application.Common.Validation;
using AskVideo.Domain.Common;
using AskVideo.Domain.Users;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AskVideo.Application.Accounts.Auth;

public sealed record SignUpCommand(string Email, string Username, string Password, string? PreferredLanguage) : ICommand<Unit>, IAllowAnonymous;

internal sealed class SignUpValidator : AbstractValidator<SignUpCommand>
{
    public SignUpValidator()
    {
        RuleFor(c => c.Email).ValidEmail();
        RuleFor(c => c.Username).ValidUsername();
        RuleFor(c => c.PreferredLanguage).ValidLanguage();
        RuleFor(c => c.Password).ValidPassword(c => c.Username, c => c.Email);
    }
}

/// <summary>
/// Never reveals whether an email is registered: the answer depends only on the username, which is public anyway.
/// A taken username is a 400 for everyone (known email or not); otherwise the answer is 202, and a known address gets
/// an "you already have an account" email instead of a second account. Every path hashes the password first, so they
/// take the same time. See docs/decisions.md, "Sign-up without account enumeration".
/// </summary>
internal sealed class SignUpHandler(
    IAppDbContext db,
    IPasswordHasher hasher,
    AccountEmailDispatcher emails,
    RateLimitGuard limits,
    ICurrentUser caller,
    IOptions<AppOptions> app,
    IOptions<RateLimitOptions> rateLimits,
    TimeProvider time) : IRequestHandler<SignUpCommand, Unit>
{
    public async Task<Unit> Handle(SignUpCommand request, CancellationToken cancellationToken)
    {
        if (!app.Value.SignupEnabled)
            throw new ForbiddenException(ErrorCode.SignupDisabled, "Sign-up is disabled on this server. Ask an administrator for an account.");

        var email = User.NormalizeEmail(request.Email);
        await limits.EnforceAsync("signup-ip", NetworkKey.Of(caller.IpAddress), rateLimits.Value.SignupPerIp, cancellationToken);
        await limits.EnforceAsync("email-address", email, rateLimits.Value.EmailPerAddress, cancellationToken);

        var hash = hasher.Hash(request.Password);
        if (await IsUsernameTakenAsync(request.Username, cancellationToken)) throw UsernameTaken();

        var existing = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == email, cancellationToken);
        if (existing is not null)
        {
            if (!existing.IsDeleted) emails.SendNotice(existing, AccountEmailKind.AccountExists);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }

        var user = User.Register(request.Email, request.Username, hash, app.Value.DefaultVideoLimit, request.PreferredLanguage ?? Language.English, time.GetUtcNow());
        db.Users.Add(user);
        if (app.Value.RequireEmailVerification)
            await emails.SendTokenAsync(user, OneTimeTokenPurpose.VerifyEmail, cancellationToken);
        else
            user.MarkEmailVerified(time.GetUtcNow());

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Lost a race with a concurrent signup: for the username, say so; for the email, answer as for a known one.
            if (await IsUsernameTakenAsync(request.Username, cancellationToken)) throw UsernameTaken();
        }
        return Unit.Value;
    }

    private Task<bool> IsUsernameTakenAsync(string username, CancellationToken cancellationToken)
    {
        var normalized = User.NormalizeUsername(username);
        return db.Users.AnyAsync(u => u.NormalizedUsername == normalized, cancellationToken);
    }

    private static ValidationFailedException UsernameTaken() =>
        ValidationFailedException.For("username", FieldErrorCode.UsernameTaken, "This username is taken; choose another one.");
}

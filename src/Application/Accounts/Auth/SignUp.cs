using AskVideo.Application.Accounts.Common;
using AskVideo.Application.Accounts.Emails;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Common.Options;
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
        RuleFor(c => c.Password).Custom((password, context) =>
        {
            foreach (var problem in PasswordPolicy.Check(password, context.InstanceToValidate.Username, context.InstanceToValidate.Email))
                context.AddFailure(nameof(SignUpCommand.Password), problem);
        });
    }
}

/// <summary>
/// Answers the same way whether or not the email is registered: a known address gets an "you already have an
/// account" email instead of a second account. Usernames are public, so a taken one is reported.
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
            throw new ForbiddenException("signup_disabled", "Sign-up is disabled on this server. Ask an administrator for an account.");

        var email = User.NormalizeEmail(request.Email);
        await limits.EnforceAsync("signup-ip", caller.IpAddress, rateLimits.Value.SignupPerIp, cancellationToken);
        await limits.EnforceAsync("email-address", email, rateLimits.Value.EmailPerAddress, cancellationToken);

        // Hash first in every case, so both branches take the same time.
        var hash = hasher.Hash(request.Password);
        var existing = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == email, cancellationToken);
        if (existing is not null)
        {
            if (!existing.IsDeleted) emails.SendNotice(existing, AccountEmailKind.AccountExists);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }

        var username = User.NormalizeUsername(request.Username);
        if (await db.Users.AnyAsync(u => u.NormalizedUsername == username, cancellationToken))
            throw ValidationFailedException.For("username", "This username is taken; choose another one.");

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
            // Lost a race with a concurrent signup for the same email or username.
            throw ValidationFailedException.For("username", "This username is taken; choose another one.");
        }
        return Unit.Value;
    }
}

using AskVideo.Application.Accounts.Common;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Common.Validation;
using AskVideo.Domain.Users;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Accounts.Me;

/// <summary><paramref name="RevokeApiTokens"/>: true also deletes every personal API token of the account (optional, default false).</summary>
public sealed record ChangePasswordCommand(string CurrentPassword, string NewPassword, bool? RevokeApiTokens = null) : ICommand<Unit>, ISessionOnly;

internal sealed class ChangePasswordValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordValidator()
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage("Enter your current password.");
        RuleFor(c => c.NewPassword).NotEmpty().WithMessage("Enter a new password.");
    }
}

/// <summary>
/// The current password is throttled like a sign-in. Other sessions are signed out and unused reset links stop
/// working; the session that made the change stays signed in.
/// </summary>
internal sealed class ChangePasswordHandler(
    IAppDbContext db,
    ICurrentUser caller,
    IPasswordHasher hasher,
    AccountThrottle throttle,
    AccountEmailDispatcher emails,
    SessionIssuer sessions,
    TimeProvider time) : IRequestHandler<ChangePasswordCommand, Unit>
{
    public async Task<Unit> Handle(ChangePasswordCommand request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken) ?? throw new NotFoundException("user");
        await throttle.ConfirmPasswordAsync(user, request.CurrentPassword, "currentPassword", cancellationToken);
        var problems = PasswordPolicy.Problems(request.NewPassword, user.Username, user.Email);
        if (problems.Count > 0) throw new ValidationFailedException(new Dictionary<string, FieldError[]> { ["newPassword"] = [.. problems] });
        if (request.NewPassword == request.CurrentPassword)
            throw ValidationFailedException.For("newPassword", FieldErrorCode.PasswordUnchanged, "Choose a password different from the current one.");

        SessionRevocation revoked;
        await using (var transaction = await db.BeginTransactionAsync(cancellationToken))
        {
            user.ChangePasswordHash(hasher.Hash(request.NewPassword), time.GetUtcNow());
            await emails.VoidUnusedAsync(userId, OneTimeTokenPurpose.PasswordReset, cancellationToken);
            if (request.RevokeApiTokens == true) await db.ApiTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            revoked = await sessions.StageRevokeAllAsync(userId, keepFamilyId: caller.SessionId, request.RevokeApiTokens == true, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await sessions.ApplyAsync(revoked, cancellationToken);
        return Unit.Value;
    }
}

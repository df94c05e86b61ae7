using AskVideo.Application.Accounts.Common;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Common.Validation;
using AskVideo.Domain.Common;
using AskVideo.Domain.Users;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Accounts.Auth;

/// <summary><paramref name="RevokeApiTokens"/>: true also deletes every personal API token of the account (optional, default false).</summary>
public sealed record ConfirmPasswordResetCommand(string Token, string NewPassword, bool? RevokeApiTokens = null) : ICommand<Unit>, IAllowAnonymous;

internal sealed class ConfirmPasswordResetValidator : AbstractValidator<ConfirmPasswordResetCommand>
{
    public ConfirmPasswordResetValidator()
    {
        RuleFor(c => c.Token).NotEmpty().MaximumLength(200).WithMessage("The reset link is incomplete.");
        RuleFor(c => c.NewPassword).NotEmpty().WithMessage("Enter a new password.");
    }
}

/// <summary>
/// Sets the new password, proves the email (the link reached it) and signs the user out everywhere. The link works
/// once even when used twice at the same moment; a rejected new password leaves it usable.
/// </summary>
internal sealed class ConfirmPasswordResetHandler(
    IAppDbContext db,
    IPasswordHasher hasher,
    AccountEmailDispatcher tokens,
    SessionIssuer sessions,
    TimeProvider time) : IRequestHandler<ConfirmPasswordResetCommand, Unit>
{
    public async Task<Unit> Handle(ConfirmPasswordResetCommand request, CancellationToken cancellationToken)
    {
        SessionRevocation revoked;
        await using (var transaction = await db.BeginTransactionAsync(cancellationToken))
        {
            var userId = await tokens.ConsumeAsync(request.Token, OneTimeTokenPurpose.PasswordReset, cancellationToken)
                ?? throw new UnprocessableException(ErrorCode.TokenInvalid, "This reset link is invalid, already used or expired. Request a new one.");
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken) ?? throw new NotFoundException("user");
            var problems = PasswordPolicy.Problems(request.NewPassword, user.Username, user.Email);
            if (problems.Count > 0) throw new ValidationFailedException(new Dictionary<string, FieldError[]> { ["newPassword"] = [.. problems] });

            var now = time.GetUtcNow();
            user.ChangePasswordHash(hasher.Hash(request.NewPassword), now);
            user.MarkEmailVerified(now);
            await tokens.VoidUnusedAsync(user.Id, OneTimeTokenPurpose.PasswordReset, cancellationToken);
            if (request.RevokeApiTokens == true) await db.ApiTokens.Where(t => t.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
            revoked = await sessions.StageRevokeAllAsync(user.Id, keepFamilyId: null, request.RevokeApiTokens == true, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await sessions.ApplyAsync(revoked, cancellationToken);
        return Unit.Value;
    }
}

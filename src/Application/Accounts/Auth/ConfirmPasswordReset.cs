using AskVideo.Application.Accounts.Common;
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

public sealed record ConfirmPasswordResetCommand(string Token, string NewPassword) : ICommand<Unit>, IAllowAnonymous;

internal sealed class ConfirmPasswordResetValidator : AbstractValidator<ConfirmPasswordResetCommand>
{
    public ConfirmPasswordResetValidator()
    {
        RuleFor(c => c.Token).NotEmpty().MaximumLength(200).WithMessage("The reset link is incomplete.");
        RuleFor(c => c.NewPassword).NotEmpty().WithMessage("Enter a new password.");
    }
}

/// <summary>Sets the new password, proves the email (the link reached it) and signs the user out everywhere.</summary>
internal sealed class ConfirmPasswordResetHandler(
    IAppDbContext db,
    IPasswordHasher hasher,
    AccountEmailDispatcher tokens,
    SessionIssuer sessions,
    TimeProvider time) : IRequestHandler<ConfirmPasswordResetCommand, Unit>
{
    public async Task<Unit> Handle(ConfirmPasswordResetCommand request, CancellationToken cancellationToken)
    {
        var token = await tokens.FindUsableAsync(request.Token, OneTimeTokenPurpose.PasswordReset, cancellationToken)
            ?? throw new UnprocessableException("token_invalid", "This reset link is invalid, already used or expired. Request a new one.");
        var user = await db.Users.FindAsync([token.UserId], cancellationToken) ?? throw new NotFoundException("user");
        var problems = PasswordPolicy.Check(request.NewPassword, user.Username, user.Email);
        if (problems.Count > 0) throw new ValidationFailedException(new Dictionary<string, string[]> { ["newPassword"] = [.. problems] });

        var now = time.GetUtcNow();
        token.Consume(now);
        user.ChangePasswordHash(hasher.Hash(request.NewPassword), now);
        user.MarkEmailVerified(now);
        await db.SaveChangesAsync(cancellationToken);
        await sessions.RevokeAllAsync(user.Id, keepFamilyId: null, cancellationToken);
        return Unit.Value;
    }
}

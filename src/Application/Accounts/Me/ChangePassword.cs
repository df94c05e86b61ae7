using AskVideo.Application.Accounts.Common;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Accounts.Me;

public sealed record ChangePasswordCommand(string CurrentPassword, string NewPassword) : ICommand<Unit>;

internal sealed class ChangePasswordValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordValidator()
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage("Enter your current password.");
        RuleFor(c => c.NewPassword).NotEmpty().WithMessage("Enter a new password.");
    }
}

/// <summary>Other sessions are signed out; the one that made the change stays signed in.</summary>
internal sealed class ChangePasswordHandler(IAppDbContext db, ICurrentUser caller, IPasswordHasher hasher, SessionIssuer sessions, TimeProvider time)
    : IRequestHandler<ChangePasswordCommand, Unit>
{
    public async Task<Unit> Handle(ChangePasswordCommand request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken) ?? throw new NotFoundException("user");
        if (hasher.Verify(user.PasswordHash, request.CurrentPassword) == PasswordCheck.Failed)
            throw ValidationFailedException.For("currentPassword", "The current password is incorrect.");
        var problems = PasswordPolicy.Check(request.NewPassword, user.Username, user.Email);
        if (problems.Count > 0) throw new ValidationFailedException(new Dictionary<string, string[]> { ["newPassword"] = [.. problems] });
        if (request.NewPassword == request.CurrentPassword)
            throw ValidationFailedException.For("newPassword", "Choose a password different from the current one.");

        user.ChangePasswordHash(hasher.Hash(request.NewPassword), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await sessions.RevokeAllAsync(userId, keepFamilyId: caller.SessionId, cancellationToken);
        return Unit.Value;
    }
}

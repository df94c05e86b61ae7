using AskVideo.Application.Accounts.Common;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Accounts.Me;

/// <summary>Needs the password again (throttled like a sign-in), so a borrowed browser cannot delete the account.</summary>
public sealed record DeleteAccountCommand(string Password) : ICommand<Unit>, ISessionOnly;

internal sealed class DeleteAccountValidator : AbstractValidator<DeleteAccountCommand>
{
    public DeleteAccountValidator() => RuleFor(c => c.Password).NotEmpty().WithMessage("Enter your password to delete the account.");
}

/// <summary>The account stops working at once; its data is removed by a background job.</summary>
internal sealed class DeleteAccountHandler(IAppDbContext db, ICurrentUser caller, AccountThrottle throttle, SessionIssuer sessions, IJobQueue jobs, TimeProvider time)
    : IRequestHandler<DeleteAccountCommand, Unit>
{
    public async Task<Unit> Handle(DeleteAccountCommand request, CancellationToken cancellationToken)
    {
        var userId = caller.RequireUserId();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken) ?? throw new NotFoundException("user");
        await throttle.ConfirmPasswordAsync(user, request.Password, "password", cancellationToken);

        SessionRevocation revoked;
        await using (var transaction = await db.BeginTransactionAsync(cancellationToken))
        {
            user.RequestDeletion(time.GetUtcNow());
            jobs.Enqueue(new DeleteAccountJob(userId));
            revoked = await sessions.StageRevokeAllAsync(userId, keepFamilyId: null, apiTokensRevoked: true, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await sessions.ApplyAsync(revoked, cancellationToken);
        return Unit.Value;
    }
}

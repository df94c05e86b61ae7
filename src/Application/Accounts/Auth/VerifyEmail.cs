using AskVideo.Application.Accounts.Common;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Domain.Common;
using AskVideo.Domain.Users;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Accounts.Auth;

public sealed record VerifyEmailCommand(string Token) : ICommand<Unit>, IAllowAnonymous;

internal sealed class VerifyEmailValidator : AbstractValidator<VerifyEmailCommand>
{
    public VerifyEmailValidator() => RuleFor(c => c.Token).NotEmpty().MaximumLength(200).WithMessage("The verification link is incomplete.");
}

/// <summary>The link works once, even when opened twice at the same moment (the token is used up atomically).</summary>
internal sealed class VerifyEmailHandler(IAppDbContext db, AccountEmailDispatcher tokens, TimeProvider time)
    : IRequestHandler<VerifyEmailCommand, Unit>
{
    public async Task<Unit> Handle(VerifyEmailCommand request, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var userId = await tokens.ConsumeAsync(request.Token, OneTimeTokenPurpose.VerifyEmail, cancellationToken)
            ?? throw new UnprocessableException(ErrorCode.TokenInvalid, "This verification link is invalid, already used or expired. Request a new one from the sign-in page.");
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken) ?? throw new NotFoundException("user");
        user.MarkEmailVerified(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}

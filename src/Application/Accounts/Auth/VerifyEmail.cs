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

public sealed record VerifyEmailCommand(string Token) : ICommand<Unit>, IAllowAnonymous;

internal sealed class VerifyEmailValidator : AbstractValidator<VerifyEmailCommand>
{
    public VerifyEmailValidator() => RuleFor(c => c.Token).NotEmpty().MaximumLength(200).WithMessage("The verification link is incomplete.");
}

internal sealed class VerifyEmailHandler(IAppDbContext db, AccountEmailDispatcher tokens, TimeProvider time)
    : IRequestHandler<VerifyEmailCommand, Unit>
{
    public async Task<Unit> Handle(VerifyEmailCommand request, CancellationToken cancellationToken)
    {
        var token = await tokens.FindUsableAsync(request.Token, OneTimeTokenPurpose.VerifyEmail, cancellationToken)
            ?? throw new UnprocessableException("token_invalid", "This verification link is invalid, already used or expired. Request a new one from the sign-in page.");
        var user = await db.Users.FindAsync([token.UserId], cancellationToken) ?? throw new NotFoundException("user");
        var now = time.GetUtcNow();
        token.Consume(now);
        user.MarkEmailVerified(now);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

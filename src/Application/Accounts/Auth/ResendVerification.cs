using AskVideo.Application.Accounts.Common;
using AskVideo.Application.Common.Messaging;
using AskVideo.Domain.Users;
using FluentValidation;
using MediatR;

namespace AskVideo.Application.Accounts.Auth;

public sealed record ResendVerificationCommand(string Email) : ICommand<Unit>, IAllowAnonymous;

internal sealed class ResendVerificationValidator : AbstractValidator<ResendVerificationCommand>
{
    public ResendVerificationValidator() => RuleFor(c => c.Email).ValidEmail();
}

internal sealed class ResendVerificationHandler(AccountEmailDispatcher emails) : IRequestHandler<ResendVerificationCommand, Unit>
{
    public async Task<Unit> Handle(ResendVerificationCommand request, CancellationToken cancellationToken)
    {
        await emails.SendLinkOnRequestAsync(request.Email, OneTimeTokenPurpose.VerifyEmail, u => !u.IsEmailVerified, cancellationToken);
        return Unit.Value;
    }
}

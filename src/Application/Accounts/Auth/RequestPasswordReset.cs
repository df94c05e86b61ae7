using AskVideo.Application.Accounts.Common;
using AskVideo.Application.Common.Messaging;
using AskVideo.Domain.Users;
using FluentValidation;
using MediatR;

namespace AskVideo.Application.Accounts.Auth;

public sealed record RequestPasswordResetCommand(string Email) : ICommand<Unit>, IAllowAnonymous;

internal sealed class RequestPasswordResetValidator : AbstractValidator<RequestPasswordResetCommand>
{
    public RequestPasswordResetValidator() => RuleFor(c => c.Email).ValidEmail();
}

internal sealed class RequestPasswordResetHandler(AccountEmailDispatcher emails) : IRequestHandler<RequestPasswordResetCommand, Unit>
{
    public async Task<Unit> Handle(RequestPasswordResetCommand request, CancellationToken cancellationToken)
    {
        await emails.SendLinkOnRequestAsync(request.Email, OneTimeTokenPurpose.PasswordReset, u => u.IsActive, cancellationToken);
        return Unit.Value;
    }
}

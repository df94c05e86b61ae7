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

using AskVideo.Application.Accounts.Common;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AskVideo.Application.Accounts.Auth;

public sealed record LogoutCommand(string? RefreshToken) : ICommand<Unit>, IAllowAnonymous;

/// <summary>Revokes the caller's session (found by its access token, or by the refresh cookie when that has expired).</summary>
internal sealed class LogoutHandler(IAppDbContext db, SessionIssuer sessions, ICurrentUser caller) : IRequestHandler<LogoutCommand, Unit>
{
    public async Task<Unit> Handle(LogoutCommand request, CancellationToken cancellationToken)
    {
        Guid? family = caller.SessionId;
        if (!string.IsNullOrEmpty(request.RefreshToken) && request.RefreshToken.Length <= 200)
        {
            var hash = SecretTokens.Hash(request.RefreshToken);
            family ??= await db.RefreshTokens.Where(t => t.TokenHash == hash).Select(t => (Guid?)t.FamilyId).SingleOrDefaultAsync(cancellationToken);
        }
        if (family is not null) await sessions.RevokeFamilyAsync(family.Value, cancellationToken);
        return Unit.Value;
    }
}

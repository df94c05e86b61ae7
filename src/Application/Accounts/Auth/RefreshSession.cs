using AskVideo.Application.Accounts.Common;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Application.Common.Options;
using AskVideo.Application.Common.Security;
using AskVideo.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AskVideo.Application.Accounts.Auth;

/// <summary>Rotates the refresh token (read from its cookie by the endpoint).</summary>
public sealed record RefreshSessionCommand(string? RefreshToken) : ICommand<SessionResult>, IAllowAnonymous;

/// <summary>
/// Each refresh token works once. Presenting an already rotated token means it was copied: the whole family is
/// revoked (the thief and the victim are both signed out). A second use within a few seconds of rotation is a race
/// between tabs and only gets 409, so the tab retries with the cookie the first one received.
/// </summary>
internal sealed class RefreshSessionHandler(
    IAppDbContext db,
    SessionIssuer sessions,
    IOptions<AuthOptions> options,
    TimeProvider time,
    ILogger<RefreshSessionHandler> logger) : IRequestHandler<RefreshSessionCommand, SessionResult>
{
    public async Task<SessionResult> Handle(RefreshSessionCommand request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.RefreshToken) || request.RefreshToken.Length > 200)
            throw new UnauthenticatedException("Your session has ended. Sign in again.");

        var hash = SecretTokens.Hash(request.RefreshToken);
        var token = await db.RefreshTokens.SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken)
            ?? throw new UnauthenticatedException("Your session has ended. Sign in again.");
        var now = time.GetUtcNow();

        if (token.RevokedAt is not null || token.IsExpired(now))
            throw new UnauthenticatedException("Your session has ended. Sign in again.");
        if (token.RotatedAt is { } rotatedAt)
        {
            if (now - rotatedAt <= TimeSpan.FromSeconds(options.Value.RefreshRaceGraceSeconds))
                throw new ConflictException(ErrorCode.RefreshRace, "The session was just refreshed by another tab; retry the request.");
            logger.LogWarning("Refresh token reuse detected for session family {FamilyId}; revoking it", token.FamilyId);
            await sessions.RevokeFamilyAsync(token.FamilyId, cancellationToken);
            throw new UnauthenticatedException("This session was signed out for safety because its refresh token was used twice. Sign in again.");
        }

        var user = await db.Users.FindAsync([token.UserId], cancellationToken);
        if (user is null || !user.CanSignIn)
        {
            await sessions.RevokeFamilyAsync(token.FamilyId, cancellationToken);
            throw new UnauthenticatedException("Your session has ended. Sign in again.");
        }

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        // The family row is locked until the commit: a revocation that committed first is seen here, and one that
        // comes in the meantime waits and then revokes the token issued below as well.
        if (!await sessions.LockLiveFamilyAsync(token.FamilyId, cancellationToken))
            throw new UnauthenticatedException("Your session has ended. Sign in again.");
        // The conditional update makes rotation atomic: of two concurrent refreshes, only one rotates.
        var rotated = await db.RefreshTokens
            .Where(t => t.Id == token.Id && t.RotatedAt == null && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RotatedAt, now), cancellationToken);
        if (rotated == 0)
            throw new ConflictException(ErrorCode.RefreshRace, "The session was just refreshed by another tab; retry the request.");

        var session = sessions.Continue(user, token.FamilyId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return session;
    }
}

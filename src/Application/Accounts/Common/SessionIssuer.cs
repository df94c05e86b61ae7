using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Options;
using AskVideo.Application.Common.Security;
using AskVideo.Domain.Common;
using AskVideo.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AskVideo.Application.Accounts.Common;

/// <summary>Starts, rotates and ends browser sessions (refresh-token families plus short-lived access tokens).</summary>
public sealed class SessionIssuer(
    IAppDbContext db,
    IAccessTokenIssuer accessTokens,
    ISessionRevocation revocation,
    IOptions<AuthOptions> options,
    TimeProvider time)
{
    /// <summary>Adds a new family's first refresh token to the unit of work and issues an access token.</summary>
    public SessionResult Start(User user) => Issue(user, Ids.New());

    public SessionResult Continue(User user, Guid familyId) => Issue(user, familyId);

    /// <summary>Revokes every refresh token of a family and makes its access tokens stop working.</summary>
    public async Task RevokeFamilyAsync(Guid familyId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await db.RefreshTokens.Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
        await revocation.RevokeSessionAsync(familyId, cancellationToken);
    }

    /// <summary>Ends every session of the user, optionally keeping one (the caller's own after a password change).</summary>
    public async Task RevokeAllAsync(Guid userId, Guid? keepFamilyId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var families = await db.RefreshTokens
            .Where(t => t.UserId == userId && t.RevokedAt == null && t.FamilyId != keepFamilyId)
            .Select(t => t.FamilyId).Distinct().ToListAsync(cancellationToken);
        await db.RefreshTokens.Where(t => t.UserId == userId && t.RevokedAt == null && t.FamilyId != keepFamilyId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
        if (keepFamilyId is null)
        {
            await revocation.RevokeAllSessionsAsync(userId, cancellationToken);
        }
        else
        {
            foreach (var family in families) await revocation.RevokeSessionAsync(family, cancellationToken);
        }
    }

    private SessionResult Issue(User user, Guid familyId)
    {
        var now = time.GetUtcNow();
        var refreshSecret = SecretTokens.Create();
        var refresh = RefreshToken.Issue(user.Id, familyId, SecretTokens.Hash(refreshSecret), now, TimeSpan.FromDays(options.Value.RefreshTokenDays));
        db.RefreshTokens.Add(refresh);
        var access = accessTokens.Issue(user.Id, user.IsAdmin, familyId);
        return new SessionResult(UserDto.From(user), familyId, access.Token, access.ExpiresAt, refreshSecret, refresh.ExpiresAt);
    }
}

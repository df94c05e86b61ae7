using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Options;
using AskVideo.Application.Common.Security;
using AskVideo.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AskVideo.Application.Accounts.Common;

/// <summary>
/// Starts, rotates and ends browser sessions (refresh-token families plus short-lived access tokens).
/// Revocation is written to PostgreSQL (the source of truth) together with a queued job that makes it effective in
/// Redis; after the commit it is also applied to Redis at once. If Redis is down, the request still succeeds and the
/// job retries until it is back (meanwhile the access-token check fails open anyway), so nothing is left half done.
/// </summary>
public sealed class SessionIssuer(
    IAppDbContext db,
    IAccessTokenIssuer accessTokens,
    ISessionRevocation revocation,
    IJobQueue jobs,
    IOptions<AuthOptions> options,
    TimeProvider time,
    ILogger<SessionIssuer> logger)
{
    /// <summary>Adds a new family and its first refresh token to the unit of work and issues an access token.</summary>
    public SessionResult Start(User user)
    {
        var family = SessionFamily.Start(user.Id, time.GetUtcNow());
        db.SessionFamilies.Add(family);
        return Issue(user, family.Id);
    }

    /// <summary>
    /// Locks the family row until the current transaction ends and tells whether it is still live. Call it in the
    /// rotation's transaction: a revocation running at the same time waits for the rotation and then revokes the new
    /// token as well; one that committed first makes this false.
    /// </summary>
    public async Task<bool> LockLiveFamilyAsync(Guid familyId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await db.SessionFamilies.Where(f => f.Id == familyId && f.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.LastRefreshedAt, now), cancellationToken) == 1;
    }

    public SessionResult Continue(User user, Guid familyId) => Issue(user, familyId);

    /// <summary>Revokes a family in its own transaction, then applies it (see <see cref="ApplyAsync"/>).</summary>
    public async Task RevokeFamilyAsync(Guid familyId, CancellationToken cancellationToken)
    {
        SessionRevocation? revoked;
        await using (var transaction = await db.BeginTransactionAsync(cancellationToken))
        {
            revoked = await StageRevokeFamilyAsync(familyId, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        if (revoked is not null) await ApplyAsync(revoked, cancellationToken);
    }

    /// <summary>Ends every session of the user (optionally keeping one) in its own transaction, then applies it.</summary>
    public async Task RevokeAllAsync(Guid userId, Guid? keepFamilyId, CancellationToken cancellationToken)
    {
        SessionRevocation revoked;
        await using (var transaction = await db.BeginTransactionAsync(cancellationToken))
        {
            revoked = await StageRevokeAllAsync(userId, keepFamilyId, apiTokensRevoked: false, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await ApplyAsync(revoked, cancellationToken);
    }

    /// <summary>
    /// Revokes the family in the caller's transaction and queues the job that applies it; null for an unknown family.
    /// Commit, then call <see cref="ApplyAsync"/>.
    /// </summary>
    public async Task<SessionRevocation?> StageRevokeFamilyAsync(Guid familyId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var userId = await db.SessionFamilies.Where(f => f.Id == familyId).Select(f => (Guid?)f.UserId).SingleOrDefaultAsync(cancellationToken);
        if (userId is null) return null;
        // The family first: this waits for a rotation in progress, and the token update below then sees its new token.
        await db.SessionFamilies.Where(f => f.Id == familyId && f.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.RevokedAt, now), cancellationToken);
        await db.RefreshTokens.Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
        return Queue(new SessionRevocation(userId.Value, [familyId], null));
    }

    /// <summary>
    /// Ends every session of the user but <paramref name="keepFamilyId"/> in the caller's transaction and queues the
    /// job that applies it. Commit, then call <see cref="ApplyAsync"/>.
    /// </summary>
    public async Task<SessionRevocation> StageRevokeAllAsync(Guid userId, Guid? keepFamilyId, bool apiTokensRevoked, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var families = await db.SessionFamilies.Where(f => f.UserId == userId && f.RevokedAt == null && f.Id != keepFamilyId)
            .Select(f => f.Id).ToListAsync(cancellationToken);
        await db.SessionFamilies.Where(f => f.UserId == userId && f.RevokedAt == null && f.Id != keepFamilyId)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.RevokedAt, now), cancellationToken);
        await db.RefreshTokens.Where(t => t.UserId == userId && t.RevokedAt == null && t.FamilyId != keepFamilyId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
        return Queue(keepFamilyId is null
            ? new SessionRevocation(userId, families, now, apiTokensRevoked)
            : new SessionRevocation(userId, families, null, apiTokensRevoked));
    }

    /// <summary>
    /// After the commit: makes the revocation effective for live access tokens and open streams now. When Redis is
    /// unreachable this only logs; the job queued with the revocation applies it once Redis is back.
    /// </summary>
    public async Task ApplyAsync(SessionRevocation revoked, CancellationToken cancellationToken)
    {
        if (revoked.IsEmpty) return;
        if (!await revocation.ApplyAsync(revoked, cancellationToken))
            logger.LogWarning("Revocation for user {UserId} is committed; applying it to live access tokens is queued until Redis is reachable", revoked.UserId);
    }

    private SessionRevocation Queue(SessionRevocation revoked)
    {
        if (!revoked.IsEmpty) jobs.Enqueue(new ApplySessionRevocationJob(revoked, time.GetUtcNow()));
        return revoked;
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

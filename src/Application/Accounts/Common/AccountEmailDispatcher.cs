using AskVideo.Application.Accounts.Emails;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Options;
using AskVideo.Application.Common.Security;
using AskVideo.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AskVideo.Application.Accounts.Common;

/// <summary>Issues single-use email tokens and enqueues the email, in the caller's unit of work.</summary>
public sealed class AccountEmailDispatcher(
    IAppDbContext db,
    IJobQueue jobs,
    ISecretProtector protector,
    RateLimitGuard limits,
    ICurrentUser caller,
    IOptions<AuthOptions> options,
    IOptions<RateLimitOptions> rateLimits,
    TimeProvider time)
{
    /// <summary>
    /// For "email me a link" requests: throttled per IP and per address, and silent about whether the address is known
    /// (the caller always answers 202). The link is sent only when the account is <paramref name="eligible"/>.
    /// </summary>
    public async Task SendLinkOnRequestAsync(string email, OneTimeTokenPurpose purpose, Func<User, bool> eligible, CancellationToken cancellationToken)
    {
        var normalized = User.NormalizeEmail(email);
        await limits.EnforceAsync("email-ip", NetworkKey.Of(caller.IpAddress), rateLimits.Value.EmailPerIp, cancellationToken);
        await limits.EnforceAsync("email-address", normalized, rateLimits.Value.EmailPerAddress, cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        if (user is null || user.IsDeleted || !eligible(user)) return;
        await SendTokenAsync(user, purpose, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Issues a fresh token (older unused ones of the same purpose stop working) and queues its email.</summary>
    public async Task SendTokenAsync(User user, OneTimeTokenPurpose purpose, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await VoidUnusedAsync(user.Id, purpose, cancellationToken);

        var lifetime = purpose == OneTimeTokenPurpose.VerifyEmail
            ? TimeSpan.FromHours(options.Value.VerificationTokenHours)
            : TimeSpan.FromHours(options.Value.PasswordResetTokenHours);
        var secret = SecretTokens.Create();
        db.OneTimeTokens.Add(OneTimeToken.Issue(user.Id, purpose, SecretTokens.Hash(secret), now, lifetime));
        var kind = purpose == OneTimeTokenPurpose.VerifyEmail ? AccountEmailKind.VerifyEmail : AccountEmailKind.PasswordReset;
        jobs.Enqueue(new SendAccountEmailJob(user.Id, kind, protector.Protect(secret, SecretContext.EmailLink(user.Id))));
    }

    public void SendNotice(User user, AccountEmailKind kind) => jobs.Enqueue(new SendAccountEmailJob(user.Id, kind, null));

    /// <summary>Makes every unused link of the purpose stop working (a newer one was sent, or the password changed).</summary>
    public Task VoidUnusedAsync(Guid userId, OneTimeTokenPurpose purpose, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return db.OneTimeTokens.Where(t => t.UserId == userId && t.Purpose == purpose && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), cancellationToken);
    }

    /// <summary>
    /// Uses up the token of an email link and returns its user, or null when it is unknown, used or expired. One
    /// conditional UPDATE (… WHERE used_at IS NULL): of two parallel uses only one gets the user. Call it in the
    /// transaction of the change the link allows, so a failed change leaves the link usable.
    /// </summary>
    public async Task<Guid?> ConsumeAsync(string secret, OneTimeTokenPurpose purpose, CancellationToken cancellationToken)
    {
        var hash = SecretTokens.Hash(secret);
        var now = time.GetUtcNow();
        var token = await db.OneTimeTokens.AsNoTracking().Where(t => t.TokenHash == hash && t.Purpose == purpose)
            .Select(t => new { t.Id, t.UserId }).SingleOrDefaultAsync(cancellationToken);
        if (token is null) return null;
        var consumed = await db.OneTimeTokens.Where(t => t.Id == token.Id && t.UsedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), cancellationToken);
        return consumed == 1 ? token.UserId : null;
    }
}

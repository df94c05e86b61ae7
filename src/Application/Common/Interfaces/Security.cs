namespace AskVideo.Application.Common.Interfaces;

public enum PasswordCheck
{
    Failed = 0,
    Success = 1,
    SuccessRehashNeeded = 2,
}

public interface IPasswordHasher
{
    string Hash(string password);

    PasswordCheck Verify(string hash, string password);

    /// <summary>
    /// Whether <see cref="Verify"/> understands a hash in this format: its own, and the ones an import may bring over
    /// (Django's pbkdf2_sha256/pbkdf2_sha1, which verify as <see cref="PasswordCheck.SuccessRehashNeeded"/>).
    /// </summary>
    bool CanVerify(string hash);
}

public sealed record IssuedAccessToken(string Token, DateTimeOffset ExpiresAt);

/// <summary>Issues the short-lived access token (a signed JWT) carried by the access_token cookie.</summary>
public interface IAccessTokenIssuer
{
    IssuedAccessToken Issue(Guid userId, bool isAdmin, Guid sessionId);
}

/// <summary>
/// What a revocation ends: some sessions (refresh-token families) of a user, or every access token of the user issued
/// up to <see cref="AllIssuedBefore"/>; <see cref="ApiTokensRevoked"/> when the user's API tokens were deleted too.
/// </summary>
public sealed record SessionRevocation(Guid UserId, IReadOnlyList<Guid> SessionIds, DateTimeOffset? AllIssuedBefore, bool ApiTokensRevoked = false)
{
    public bool IsEmpty => SessionIds.Count == 0 && AllIssuedBefore is null && !ApiTokensRevoked;

    /// <summary>True when a stream of this session (null: of an API token) is ended by this revocation.</summary>
    public bool Ends(Guid userId, Guid? sessionId) =>
        userId == UserId && (AllIssuedBefore is not null || (sessionId is { } id ? SessionIds.Contains(id) : ApiTokensRevoked));
}

/// <summary>
/// Makes revocations effective for access tokens that are still within their short lifetime. The database is the
/// source of truth (refresh tokens, session families); this is the fast path that also tells open event streams.
/// </summary>
public interface ISessionRevocation
{
    /// <summary>Applies the revocation; false (logged) when the store is unreachable, so a queued job must retry it.</summary>
    Task<bool> ApplyAsync(SessionRevocation revocation, CancellationToken cancellationToken);
}

/// <summary>
/// For long-lived responses (server-sent event streams): ask cheaply whether a session was revoked, or be called back
/// as soon as it is (logout, password change or reset, refresh-token reuse, deactivation, account deletion).
/// </summary>
public interface ISessionRevocationSignal
{
    /// <summary>True when the session, or every session of the user, was revoked after an access token issued at <paramref name="issuedAt"/>.</summary>
    Task<bool> IsRevokedAsync(Guid userId, Guid sessionId, DateTimeOffset issuedAt, CancellationToken cancellationToken);

    /// <summary>
    /// Calls <paramref name="onRevoked"/> (once, on any thread) when a revocation ends this session, or for a null
    /// <paramref name="sessionId"/> (an API-token stream) when all of the user's sessions or tokens are revoked.
    /// Dispose the result to stop listening.
    /// </summary>
    Task<IDisposable> SubscribeAsync(Guid userId, Guid? sessionId, Action onRevoked, CancellationToken cancellationToken);
}

/// <summary>
/// Authenticated encryption for secrets at rest (users' OpenAI keys, group share links, email link secrets). The
/// <c>context</c> names the row the secret belongs to (see <see cref="SecretContext"/>) and is bound to the ciphertext
/// as associated data: a ciphertext copied to another row does not decrypt.
/// </summary>
public interface ISecretProtector
{
    string Protect(string plaintext, string context);

    /// <summary>Throws <see cref="System.Security.Cryptography.CryptographicException"/> when the ciphertext was tampered with or belongs to another context.</summary>
    string Unprotect(string ciphertext, string context);
}

/// <summary>The associated-data contexts of <see cref="ISecretProtector"/>, one per kind of secret and owning row.</summary>
public static class SecretContext
{
    // The context string is stored with every ciphertext: it keeps its original wording.
    public static string UserAiKey(Guid userId) => $"users/{userId:N}/openai_key";

    public static string GroupShareToken(Guid groupId) => $"video_groups/{groupId:N}/share_token";

    public static string EmailLink(Guid userId) => $"users/{userId:N}/email_link";
}

public sealed record RateLimitDecision(bool Allowed, int Remaining, TimeSpan RetryAfter);

/// <summary>Fixed-window counters shared by every API instance.</summary>
public interface IRateLimiter
{
    /// <summary>Counts this call and tells whether it is within the limit (one atomic step, so a parallel burst cannot slip through).</summary>
    Task<RateLimitDecision> HitAsync(string bucket, string key, int limit, TimeSpan window, CancellationToken cancellationToken);

    Task ResetAsync(string bucket, string key, CancellationToken cancellationToken);
}

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
}

public sealed record IssuedAccessToken(string Token, DateTimeOffset ExpiresAt);

/// <summary>Issues the short-lived access token (a signed JWT) carried by the access_token cookie.</summary>
public interface IAccessTokenIssuer
{
    IssuedAccessToken Issue(Guid userId, bool isAdmin, Guid sessionId);
}

/// <summary>Makes revocations effective for access tokens that are still within their short lifetime.</summary>
public interface ISessionRevocation
{
    Task RevokeSessionAsync(Guid sessionId, CancellationToken cancellationToken);

    /// <summary>Every access token of the user issued before now stops working.</summary>
    Task RevokeAllSessionsAsync(Guid userId, CancellationToken cancellationToken);
}

/// <summary>Authenticated encryption for secrets at rest (e.g. users' OpenAI keys).</summary>
public interface ISecretProtector
{
    string Protect(string plaintext);

    /// <summary>Throws <see cref="System.Security.Cryptography.CryptographicException"/> when the ciphertext was tampered with.</summary>
    string Unprotect(string ciphertext);
}

public sealed record RateLimitDecision(bool Allowed, int Remaining, TimeSpan RetryAfter);

/// <summary>Fixed-window counters shared by every API instance.</summary>
public interface IRateLimiter
{
    Task<RateLimitDecision> HitAsync(string bucket, string key, int limit, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>The current state of a counter without counting this call.</summary>
    Task<RateLimitDecision> PeekAsync(string bucket, string key, int limit, CancellationToken cancellationToken);

    Task ResetAsync(string bucket, string key, CancellationToken cancellationToken);
}

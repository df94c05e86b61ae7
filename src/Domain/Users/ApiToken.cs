using AskVideo.Domain.Common;

namespace AskVideo.Domain.Users;

public static class ApiScopes
{
    public const string Read = "read";
    public const string Write = "write";

    public static readonly IReadOnlyList<string> All = [Read, Write];

    public static bool IsValid(string scope) => All.Contains(scope);
}

/// <summary>A personal access token for integrators. The secret is shown once; only its hash is stored.</summary>
public sealed class ApiToken
{
    public const string SecretPrefix = "avq_";
    public const int MaxNameLength = 100;

    private ApiToken()
    {
        Name = string.Empty;
        TokenHash = string.Empty;
        DisplayPrefix = string.Empty;
        Scopes = [];
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public string Name { get; private set; }
    public string TokenHash { get; private set; }

    /// <summary>The first characters of the secret, so a user can tell tokens apart.</summary>
    public string DisplayPrefix { get; private set; }

    public string[] Scopes { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }
    public DateTimeOffset? ExpiresAt { get; private set; }

    public static ApiToken Create(Guid userId, string name, IEnumerable<string> scopes, string tokenHash, string displayPrefix, DateTimeOffset now, DateTimeOffset? expiresAt)
    {
        var distinct = scopes.Distinct().ToArray();
        if (distinct.Length == 0 || distinct.Any(s => !ApiScopes.IsValid(s)))
            throw new DomainException(ErrorCode.InvalidScopes, "Scopes must be a non-empty subset of read and write.");
        if (expiresAt is not null && expiresAt <= now)
            throw new DomainException(ErrorCode.InvalidExpiry, "The expiry must be in the future.");
        return new ApiToken
        {
            Id = Ids.New(),
            UserId = userId,
            Name = name.Trim(),
            Scopes = distinct,
            TokenHash = tokenHash,
            DisplayPrefix = displayPrefix,
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
    }

    public bool IsExpired(DateTimeOffset now) => ExpiresAt is not null && now >= ExpiresAt;

    public bool HasScope(string scope) => Scopes.Contains(scope);
}

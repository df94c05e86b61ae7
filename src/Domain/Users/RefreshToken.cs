namespace AskVideo.Domain.Users;

/// <summary>
/// One link of a rotating refresh-token chain. Tokens of one sign-in share a <see cref="FamilyId"/>;
/// presenting a token that was already rotated is treated as theft and revokes the whole family.
/// </summary>
public sealed class RefreshToken
{
    private RefreshToken()
    {
        TokenHash = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public Guid FamilyId { get; private set; }
    public string TokenHash { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? RotatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public static RefreshToken Issue(Guid userId, Guid familyId, string tokenHash, DateTimeOffset now, TimeSpan lifetime) => new()
    {
        Id = Common.Ids.New(),
        UserId = userId,
        FamilyId = familyId,
        TokenHash = tokenHash,
        CreatedAt = now,
        ExpiresAt = now + lifetime,
    };

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    public bool IsUsable(DateTimeOffset now) => RevokedAt is null && RotatedAt is null && !IsExpired(now);

    public void MarkRotated(DateTimeOffset now) => RotatedAt ??= now;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}

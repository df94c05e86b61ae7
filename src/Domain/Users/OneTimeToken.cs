namespace AskVideo.Domain.Users;

public enum OneTimeTokenPurpose
{
    VerifyEmail = 1,
    PasswordReset = 2,
}

/// <summary>A single-use, expiring secret sent by email (verification, password reset). Only its hash is stored.</summary>
public sealed class OneTimeToken
{
    private OneTimeToken()
    {
        TokenHash = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public OneTimeTokenPurpose Purpose { get; private set; }
    public string TokenHash { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }

    public static OneTimeToken Issue(Guid userId, OneTimeTokenPurpose purpose, string tokenHash, DateTimeOffset now, TimeSpan lifetime) => new()
    {
        Id = Common.Ids.New(),
        UserId = userId,
        Purpose = purpose,
        TokenHash = tokenHash,
        CreatedAt = now,
        ExpiresAt = now + lifetime,
    };

    public bool IsUsable(DateTimeOffset now) => UsedAt is null && now < ExpiresAt;

    public void Consume(DateTimeOffset now)
    {
        if (!IsUsable(now))
            throw new Common.DomainException(Common.ErrorCode.TokenInvalid, "This link is invalid or has expired.");
        UsedAt = now;
    }
}

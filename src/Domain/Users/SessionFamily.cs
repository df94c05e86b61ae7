namespace AskVideo.Domain.Users;

/// <summary>
/// One sign-in: the refresh tokens that rotate from it share its id. Its row is the lock that orders a rotation against
/// a revocation: a refresh rotates only while the family is not revoked, and a revocation marks the family first, so
/// no token can be added to a family after it was revoked.
/// </summary>
public sealed class SessionFamily
{
    private SessionFamily()
    {
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? LastRefreshedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public static SessionFamily Start(Guid userId, DateTimeOffset now) => new()
    {
        Id = Common.Ids.New(),
        UserId = userId,
        CreatedAt = now,
    };
}

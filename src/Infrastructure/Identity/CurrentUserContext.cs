using AskVideo.Application.Common.Interfaces;

namespace AskVideo.Infrastructure.Identity;

/// <summary>
/// The scoped <see cref="ICurrentUser"/>. The API fills it from the authenticated principal; the job executor marks its
/// scope as the system. Anything not set is anonymous.
/// </summary>
public sealed class CurrentUserContext : ICurrentUser
{
    public Guid? UserId { get; private set; }
    public Guid? SessionId { get; private set; }
    public bool IsAdmin { get; private set; }
    public AuthMethod Method { get; private set; }
    public IReadOnlyCollection<string> Scopes { get; private set; } = [];
    public string? IpAddress { get; private set; }

    public void SetUser(Guid userId, Guid? sessionId, bool isAdmin, AuthMethod method, IReadOnlyCollection<string> scopes)
    {
        UserId = userId;
        SessionId = sessionId;
        // Only a browser session acts as an administrator; a personal API token never carries its user's admin flag.
        IsAdmin = isAdmin && method == AuthMethod.Cookie;
        Method = method;
        Scopes = scopes;
    }

    public void SetIpAddress(string? ipAddress) => IpAddress = ipAddress;

    public void SetSystem()
    {
        UserId = null;
        SessionId = null;
        IsAdmin = false;
        Method = AuthMethod.System;
        Scopes = [];
    }
}

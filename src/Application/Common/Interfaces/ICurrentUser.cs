namespace AskVideo.Application.Common.Interfaces;

public enum AuthMethod
{
    None = 0,
    Cookie = 1,
    ApiToken = 2,
    System = 3,
}

/// <summary>Who is making the current request. Implemented by each host (HTTP context, background job scope).</summary>
public interface ICurrentUser
{
    Guid? UserId { get; }

    /// <summary>The browser session (refresh-token family) of a cookie-authenticated request.</summary>
    Guid? SessionId { get; }
    bool IsAdmin { get; }
    AuthMethod Method { get; }

    /// <summary>Scopes of the personal API token, when <see cref="Method"/> is <see cref="AuthMethod.ApiToken"/>.</summary>
    IReadOnlyCollection<string> Scopes { get; }

    /// <summary>The caller's IP address (after trusted proxies), for rate limits and audit logs.</summary>
    string? IpAddress { get; }

    bool IsAuthenticated => UserId is not null;
}

public static class CurrentUserExtensions
{
    /// <summary>The caller's id; throws <see cref="Exceptions.UnauthenticatedException"/> when anonymous.</summary>
    public static Guid RequireUserId(this ICurrentUser user) =>
        user.UserId ?? throw new Exceptions.UnauthenticatedException();
}

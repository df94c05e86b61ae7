namespace AskVideo.Application.Common.Interfaces;

/// <summary>
/// Checks again, while a long response runs (an event stream), that the credential its request was authenticated with
/// still holds: not signed out, revoked or expired, and its user still allowed in. Cheap enough to call every few
/// seconds per open stream.
/// </summary>
public interface ICredentialCheck
{
    /// <param name="method">How the request was authenticated: <see cref="AuthMethod.Cookie"/> or <see cref="AuthMethod.ApiToken"/>.</param>
    /// <param name="credential">The credential as presented: the access-token cookie's value, or the personal API token.</param>
    /// <returns>False when the credential no longer authenticates anybody. Other methods are always valid.</returns>
    Task<bool> IsStillValidAsync(AuthMethod method, string credential, CancellationToken cancellationToken);
}

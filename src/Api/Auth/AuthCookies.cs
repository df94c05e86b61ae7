using AskVideo.Application.Accounts.Common;
using AskVideo.Application.Common.Security;
using Microsoft.Extensions.Options;

namespace AskVideo.Api.Auth;

public sealed class CookieSettings
{
    public const string SectionName = "Auth";

    /// <summary>Mark cookies Secure (HTTPS only). Defaults to on outside Development; turn off only for plain-http local use.</summary>
    public bool? SecureCookies { get; set; }
}

/// <summary>
/// Writes, reads and clears the three session cookies. Tokens travel only in HttpOnly cookies, never in JSON.
/// When cookies are Secure their names carry the prefix browsers enforce, and only prefixed names are read, so a
/// cookie planted by another host (a sibling subdomain) or over plain HTTP is never taken for ours:
/// <c>__Host-</c> (Secure, Path=/, no Domain) for the access and CSRF cookies, and <c>__Secure-</c> for the refresh
/// token, which keeps its narrow path so the long-lived credential is sent to the refresh and logout endpoints only.
/// </summary>
public sealed class AuthCookies(IOptions<CookieSettings> settings, IHostEnvironment environment)
{
    public bool Secure => settings.Value.SecureCookies ?? !environment.IsDevelopment();

    public string AccessName => Secure ? AuthConstants.HostPrefix + AuthConstants.AccessCookie : AuthConstants.AccessCookie;

    public string RefreshName => Secure ? AuthConstants.SecurePrefix + AuthConstants.RefreshCookie : AuthConstants.RefreshCookie;

    public string CsrfName => Secure ? AuthConstants.HostPrefix + AuthConstants.CsrfCookie : AuthConstants.CsrfCookie;

    // "__Host-" requires Path=/; without the prefix the access token stays within /api.
    private string AccessPath => Secure ? "/" : "/api";

    public string? ReadAccess(HttpRequest request) => request.Cookies[AccessName];

    public string? ReadRefresh(HttpRequest request) => request.Cookies[RefreshName];

    public string? ReadCsrf(HttpRequest request) => request.Cookies[CsrfName];

    /// <summary>Whether the request carries a session cookie (access or refresh token).</summary>
    public bool HasSession(HttpRequest request) => request.Cookies.ContainsKey(RefreshName) || request.Cookies.ContainsKey(AccessName);

    public void Write(HttpResponse response, SessionResult session)
    {
        response.Cookies.Append(AccessName, session.AccessToken, Options(AccessPath, httpOnly: true, session.AccessTokenExpiresAt));
        response.Cookies.Append(RefreshName, session.RefreshToken, Options(AuthConstants.RefreshCookiePath, httpOnly: true, session.RefreshTokenExpiresAt));
        // Readable by the SPA, which echoes it in X-CSRF-Token (double submit).
        response.Cookies.Append(CsrfName, SecretTokens.Create(24), Options("/", httpOnly: false, session.RefreshTokenExpiresAt));
    }

    public void Clear(HttpResponse response)
    {
        response.Cookies.Delete(AccessName, Options(AccessPath, true, null));
        response.Cookies.Delete(RefreshName, Options(AuthConstants.RefreshCookiePath, true, null));
        response.Cookies.Delete(CsrfName, Options("/", false, null));
    }

    private CookieOptions Options(string path, bool httpOnly, DateTimeOffset? expires) => new()
    {
        HttpOnly = httpOnly,
        Secure = Secure,
        SameSite = SameSiteMode.Lax,
        Path = path,
        Expires = expires,
        IsEssential = true,
    };
}

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

/// <summary>Writes and clears the three session cookies. Tokens travel only in HttpOnly cookies, never in JSON.</summary>
public sealed class AuthCookies(IOptions<CookieSettings> settings, IHostEnvironment environment)
{
    private bool Secure => settings.Value.SecureCookies ?? !environment.IsDevelopment();

    public void Write(HttpResponse response, SessionResult session)
    {
        response.Cookies.Append(AuthConstants.AccessCookie, session.AccessToken, Options("/api", httpOnly: true, session.AccessTokenExpiresAt));
        response.Cookies.Append(AuthConstants.RefreshCookie, session.RefreshToken, Options(AuthConstants.RefreshCookiePath, httpOnly: true, session.RefreshTokenExpiresAt));
        // Readable by the SPA, which echoes it in X-CSRF-Token (double submit).
        response.Cookies.Append(AuthConstants.CsrfCookie, SecretTokens.Create(24), Options("/", httpOnly: false, session.RefreshTokenExpiresAt));
    }

    public void Clear(HttpResponse response)
    {
        response.Cookies.Delete(AuthConstants.AccessCookie, Options("/api", true, null));
        response.Cookies.Delete(AuthConstants.RefreshCookie, Options(AuthConstants.RefreshCookiePath, true, null));
        response.Cookies.Delete(AuthConstants.CsrfCookie, Options("/", false, null));
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

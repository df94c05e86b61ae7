namespace AskVideo.Api.Auth;

public static class AuthConstants
{
    public const string Scheme = "AskVideo";
    public const string AccessCookie = "access_token";
    public const string RefreshCookie = "refresh_token";
    public const string CsrfCookie = "csrf_token";
    public const string CsrfHeader = "X-CSRF-Token";

    /// <summary>Name prefixes of Secure cookies (see <see cref="AuthCookies"/>).</summary>
    public const string HostPrefix = "__Host-";
    public const string SecurePrefix = "__Secure-";
    public const string RefreshCookiePath = "/api/v1/auth";

    public const string MethodClaim = "avq:method";
    public const string SessionClaim = "sid";
    public const string ScopeClaim = "scope";
    public const string AdminClaim = "adm";
}

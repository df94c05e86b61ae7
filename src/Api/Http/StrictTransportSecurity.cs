using AskVideo.Api.Auth;

namespace AskVideo.Api.Http;

/// <summary>
/// With Secure cookies (HTTPS deployments), every API response tells browsers to use HTTPS only for this host for a
/// year (HSTS; no includeSubDomains, so other hosts of the domain are left alone). Sent whatever the scheme the API
/// sees behind its proxies: browsers ignore the header on plain HTTP, and heed it as soon as it arrives over HTTPS.
/// </summary>
internal static class StrictTransportSecurity
{
    public const string Value = "max-age=31536000";

    public static WebApplication UseStrictTransportSecurity(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<AuthCookies>().Secure) return app;
        // On starting, so it survives the exception handler clearing the headers of a failed request.
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                ((HttpResponse)state).Headers.StrictTransportSecurity = Value;
                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
        return app;
    }
}

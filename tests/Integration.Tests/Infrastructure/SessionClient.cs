using System.Net.Http.Json;

namespace AskVideo.Integration.Tests.Infrastructure;

/// <summary>
/// A browser-like client: keeps the cookies the API sets (honouring their paths) and, like the SPA, echoes the
/// csrf_token cookie (__Host-csrf_token with Secure cookies) in X-CSRF-Token on unsafe methods unless told not to.
/// </summary>
public sealed class SessionClient(HttpClient http) : IDisposable
{
    private readonly Dictionary<string, (string Value, string Path)> _cookies = new(StringComparer.Ordinal);

    public bool SendCsrfHeader { get; set; } = true;

    public HttpClient Http => http;

    public string? Cookie(string name) => _cookies.TryGetValue(name, out var c) ? c.Value : null;

    public void SetCookie(string name, string value, string path = "/") => _cookies[name] = (value, path);

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    public Task<HttpResponseMessage> DeleteAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Delete, path));

    public Task<HttpResponseMessage> PostAsync(string path, object? body = null) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) });

    public Task<HttpResponseMessage> PutAsync(string path, object? body = null) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Put, path) { Content = body is null ? null : JsonContent.Create(body) });

    public Task<HttpResponseMessage> PatchAsync(string path, object? body = null) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Patch, path) { Content = body is null ? null : JsonContent.Create(body) });

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        var path = request.RequestUri!.IsAbsoluteUri ? request.RequestUri.AbsolutePath : request.RequestUri.OriginalString.Split('?')[0];
        var applicable = _cookies.Where(c => path.StartsWith(c.Value.Path, StringComparison.Ordinal)).Select(c => $"{c.Key}={c.Value.Value}").ToList();
        if (applicable.Count > 0) request.Headers.Add("Cookie", string.Join("; ", applicable));
        var unsafeMethod = request.Method != HttpMethod.Get && request.Method != HttpMethod.Head;
        if (unsafeMethod && SendCsrfHeader && (Cookie("__Host-csrf_token") ?? Cookie("csrf_token")) is { } csrf) request.Headers.Add("X-CSRF-Token", csrf);

        var response = await http.SendAsync(request, completion);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var header in setCookies) Apply(header);
        }
        return response;
    }

    private void Apply(string header)
    {
        var parts = header.Split(';', StringSplitOptions.TrimEntries);
        var nameValue = parts[0].Split('=', 2);
        var cookiePath = parts.FirstOrDefault(p => p.StartsWith("path=", StringComparison.OrdinalIgnoreCase))?[5..] ?? "/";
        var expired = parts.Any(p => p.StartsWith("expires=", StringComparison.OrdinalIgnoreCase) &&
                                     DateTimeOffset.TryParse(p[8..], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var e) && e < DateTimeOffset.UtcNow);
        if (expired || nameValue[1].Length == 0) _cookies.Remove(nameValue[0]);
        else _cookies[nameValue[0]] = (nameValue[1], cookiePath);
    }

    public void Dispose() => http.Dispose();
}

public static class HeaderExtensions
{
    public static IEnumerable<string> SetCookies(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}

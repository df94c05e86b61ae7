using System.Globalization;
using System.Text;

namespace AskVideo.Infrastructure.Configuration;

/// <summary>
/// Turns a redis-py/Celery style URL (<c>redis://[[user]:password@]host[:port][/db]</c>, <c>rediss://</c> for TLS) into a
/// StackExchange.Redis configuration string (<c>host:port,user=…,password=…,defaultDatabase=N,ssl=true</c>).
/// Errors never echo the URL: it may hold a password.
/// </summary>
public static class RedisUrl
{
    private static readonly string[] Schemes = ["redis", "rediss"];

    public static string ToConfiguration(string url)
    {
        var trimmed = url.Trim();
        if (trimmed.StartsWith("unix://", StringComparison.OrdinalIgnoreCase))
            throw new FormatException("Redis over a Unix socket (unix://) is not supported; use redis://host:port.");
        var parts = UrlParts.Split(trimmed, Schemes, "a Redis URL (redis://[:password@]host:port/db)");
        var host = parts.Host.Length == 0 ? "localhost" : parts.Host;
        var port = parts.Port ?? 6379;
        int? database = null;
        var path = parts.Path.Trim('/');
        if (path.Length > 0) database = ParseDatabase(path);
        var tls = parts.Scheme == "rediss";
        foreach (var (name, value) in parts.Query)
        {
            switch (name)
            {
                case "db":
                    database = ParseDatabase(value);
                    break;
                case "ssl_cert_reqs" when value.ToLowerInvariant() is "required" or "cert_required":
                    // StackExchange.Redis always verifies the server certificate.
                    break;
                case "ssl_cert_reqs":
                    throw new FormatException("ssl_cert_reqs other than 'required' is not supported: AskVideo always verifies Redis's TLS certificate.");
                default:
                    throw new FormatException($"The Redis URL has the parameter '{name}', which AskVideo does not translate (supported: db, ssl_cert_reqs=required). " +
                        "Set Redis__Configuration to a StackExchange.Redis configuration string instead.");
            }
        }

        var config = new StringBuilder();
        // An IPv6 address keeps its brackets so the port stays separate.
        config.Append(host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host).Append(':').Append(port.ToString(CultureInfo.InvariantCulture));
        if (parts.User is { Length: > 0 } user) config.Append(",user=").Append(Safe(user, "user name"));
        if (parts.Password is { Length: > 0 } password) config.Append(",password=").Append(Safe(password, "password"));
        if (database is { } db) config.Append(",defaultDatabase=").Append(db.ToString(CultureInfo.InvariantCulture));
        if (tls) config.Append(",ssl=true");
        return config.ToString();
    }

    private static int ParseDatabase(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var db) && db is >= 0 and <= 65535
            ? db
            : throw new FormatException("The Redis database must be a number (redis://host:6379/0).");

    /// <summary>A StackExchange.Redis configuration string separates options with ',' and has no escaping for it.</summary>
    private static string Safe(string value, string what) =>
        value.Contains(',', StringComparison.Ordinal)
            ? throw new FormatException($"The Redis {what} contains ',', which a StackExchange.Redis configuration string cannot hold; change it on the Redis server.")
            : value;
}

using System.Globalization;
using Npgsql;

namespace AskVideo.Infrastructure.Configuration;

/// <summary>
/// Turns a libpq/dj-database-url style URL (<c>postgres://user:pass@host:port/db?sslmode=require</c>, the
/// <c>DATABASE_URL</c> of VideoQ and of most PaaS) into an Npgsql connection string. The parts are split the way
/// Python's urlsplit does (the user info ends at the last '@', so an unencoded '@' in a password still works) and
/// percent-decoded; the connection string is written by <see cref="NpgsqlConnectionStringBuilder"/>, which quotes
/// whatever needs quoting (';', '=', quotes in a password). Errors never echo the URL: it holds a password.
/// </summary>
public static class PostgresUrl
{
    private static readonly string[] Schemes = ["postgres", "postgresql", "pgsql", "postgis"];

    /// <summary>Whether the value looks like a URL rather than a key=value connection string.</summary>
    public static bool IsUrl(string value) => Schemes.Any(s => value.TrimStart().StartsWith(s + "://", StringComparison.OrdinalIgnoreCase));

    /// <summary>The Npgsql connection string for <paramref name="url"/>; a <see cref="FormatException"/> says what is wrong.</summary>
    public static string ToConnectionString(string url)
    {
        var parts = UrlParts.Split(url.Trim(), Schemes, "a PostgreSQL URL (postgres://user:password@host:port/database)");
        var builder = new NpgsqlConnectionStringBuilder();
        if (parts.Host.Length > 0) builder.Host = parts.Host;
        if (parts.Port is { } port) builder.Port = port;
        var database = UrlParts.Decode(parts.Path.TrimStart('/'));
        if (database.Length > 0) builder.Database = database;
        if (parts.User is { Length: > 0 } user) builder.Username = user;
        if (parts.Password is not null) builder.Password = parts.Password;
        foreach (var (name, value) in parts.Query) Apply(builder, name, value);
        if (string.IsNullOrEmpty(builder.Host)) throw new FormatException("The PostgreSQL URL names no host.");
        return builder.ConnectionString;
    }

    private static void Apply(NpgsqlConnectionStringBuilder builder, string name, string value)
    {
        switch (name)
        {
            case "sslmode":
                builder.SslMode = value.ToLowerInvariant() switch
                {
                    "disable" => SslMode.Disable,
                    "allow" => SslMode.Allow,
                    "prefer" => SslMode.Prefer,
                    "require" => SslMode.Require,
                    "verify-ca" => SslMode.VerifyCA,
                    "verify-full" => SslMode.VerifyFull,
                    _ => throw new FormatException("sslmode must be one of disable, allow, prefer, require, verify-ca, verify-full."),
                };
                break;
            case "sslrootcert":
                builder.RootCertificate = value;
                break;
            case "sslcert":
                builder.SslCertificate = value;
                break;
            case "sslkey":
                builder.SslKey = value;
                break;
            case "sslpassword":
                builder.SslPassword = value;
                break;
            case "application_name":
                builder.ApplicationName = value;
                break;
            case "connect_timeout":
                builder.Timeout = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and <= 1024
                    ? seconds
                    : throw new FormatException("connect_timeout must be a number of seconds (0-1024).");
                break;
            case "options":
                builder.Options = value;
                break;
            case "target_session_attrs":
                builder.TargetSessionAttributes = value;
                break;
            case "host":
                // libpq's way to name a Unix socket folder: postgres:///db?host=/var/run/postgresql
                builder.Host = value;
                break;
            case "port":
                builder.Port = UrlParts.ParsePort(value);
                break;
            case "user":
                builder.Username = value;
                break;
            case "password":
                builder.Password = value;
                break;
            case "dbname":
                builder.Database = value;
                break;
            default:
                throw new FormatException(
                    $"The PostgreSQL URL has the parameter '{name}', which AskVideo does not translate (supported: sslmode, sslrootcert, sslcert, " +
                    "sslkey, sslpassword, application_name, connect_timeout, options, target_session_attrs, host, port, user, password, dbname). " +
                    "Set ConnectionStrings__Postgres to an Npgsql connection string instead.");
        }
    }
}

/// <summary>
/// A URL split like Python's <c>urllib.parse.urlsplit</c>, which is what VideoQ's settings used: the network location
/// runs to the first '/', '?' or '#'; the user info is everything before its last '@', the user name ends at the
/// first ':'. User, password and host are percent-decoded; the query is decoded like <c>parse_qsl</c> ('+' is a space).
/// </summary>
internal sealed record UrlParts(string Scheme, string? User, string? Password, string Host, int? Port, string Path, IReadOnlyList<(string Name, string Value)> Query)
{
    public static UrlParts Split(string url, IReadOnlyCollection<string> schemes, string expected)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var scheme = schemeEnd > 0 ? url[..schemeEnd].ToLowerInvariant() : string.Empty;
        if (!schemes.Contains(scheme)) throw new FormatException($"The value is not {expected}.");
        var rest = url[(schemeEnd + 3)..];
        var fragment = rest.IndexOf('#', StringComparison.Ordinal);
        if (fragment >= 0) rest = rest[..fragment];
        var netlocEnd = rest.IndexOfAny(['/', '?']);
        var netloc = netlocEnd < 0 ? rest : rest[..netlocEnd];
        rest = netlocEnd < 0 ? string.Empty : rest[netlocEnd..];
        var queryStart = rest.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart < 0 ? rest : rest[..queryStart];
        var query = queryStart < 0 ? string.Empty : rest[(queryStart + 1)..];

        string? user = null, password = null;
        var at = netloc.LastIndexOf('@');
        var hostPort = netloc;
        if (at >= 0)
        {
            var userInfo = netloc[..at];
            hostPort = netloc[(at + 1)..];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            user = Decode(colon < 0 ? userInfo : userInfo[..colon]);
            password = colon < 0 ? null : Decode(userInfo[(colon + 1)..]);
        }

        string host;
        int? port = null;
        if (hostPort.StartsWith('['))
        {
            var close = hostPort.IndexOf(']', StringComparison.Ordinal);
            if (close < 0) throw new FormatException("The host has an unclosed '[' (an IPv6 address is written [::1]).");
            host = hostPort[1..close];
            var after = hostPort[(close + 1)..];
            if (after.Length > 0)
            {
                if (after[0] != ':') throw new FormatException("Only ':port' may follow an IPv6 address in brackets.");
                if (after.Length > 1) port = ParsePort(after[1..]);
            }
        }
        else
        {
            var colon = hostPort.LastIndexOf(':');
            host = Decode(colon < 0 ? hostPort : hostPort[..colon]);
            if (colon >= 0 && colon < hostPort.Length - 1) port = ParsePort(hostPort[(colon + 1)..]);
            if (host.Contains(',', StringComparison.Ordinal))
                throw new FormatException("The URL names several hosts; set the native connection setting for a multi-host setup.");
        }

        var pairs = new List<(string, string)>();
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = DecodeQuery(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? string.Empty : DecodeQuery(pair[(eq + 1)..]);
            pairs.Add((name, value));
        }
        return new UrlParts(scheme, user, password, host, port, path, pairs);
    }

    public static int ParsePort(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw new FormatException("The port must be a number from 1 to 65535.");

    /// <summary>Percent-decoding of a URL part ('+' stays '+', as in urllib's unquote).</summary>
    public static string Decode(string value) => Uri.UnescapeDataString(value);

    private static string DecodeQuery(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}

using AskVideo.Infrastructure.Configuration;
using Npgsql;
using StackExchange.Redis;

namespace AskVideo.Infrastructure.UnitTests.Configuration;

public class PostgresUrlTests
{
    private static NpgsqlConnectionStringBuilder Parse(string url) => new(PostgresUrl.ToConnectionString(url));

    [Fact]
    public void ToConnectionString_ShouldMapEveryPart_OfAPlainUrl()
    {
        var cs = Parse("postgres://videoq:secret@db.example.com:6543/videoq_prod");
        Assert.Equal("db.example.com", cs.Host);
        Assert.Equal(6543, cs.Port);
        Assert.Equal("videoq_prod", cs.Database);
        Assert.Equal("videoq", cs.Username);
        Assert.Equal("secret", cs.Password);
    }

    [Theory]
    [InlineData("postgresql://u:p@h/db")]
    [InlineData("pgsql://u:p@h/db")]
    [InlineData("postgis://u:p@h/db")]
    [InlineData("POSTGRES://u:p@h/db")]
    public void ToConnectionString_ShouldAcceptTheSchemesDjDatabaseUrlAccepts(string url) => Assert.Equal("h", Parse(url).Host);

    [Fact]
    public void ToConnectionString_ShouldLeaveThePortToNpgsql_WhenTheUrlHasNone()
    {
        var cs = Parse("postgres://u:p@postgres/postgres");
        Assert.Equal(NpgsqlConnection.DefaultPort, cs.Port);
        Assert.DoesNotContain("Port", PostgresUrl.ToConnectionString("postgres://u:p@postgres/postgres"), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    // Percent-encoded reserved characters, as a URL must carry them.
    [InlineData("postgres://app:p%40ss%3Aw%2Frd%23%3F%25@h/db", "p@ss:w/rd#?%")]
    // Characters a connection string would have to quote: ';', '=', quotes, spaces.
    [InlineData("postgres://app:a%3Bb%3Dc%27d%22e%20f@h/db", "a;b=c'd\"e f")]
    // An unencoded '@' and ':' inside the password: the user info ends at the last '@', the user at the first ':'.
    [InlineData("postgres://app:p@ss:word@h:5432/db", "p@ss:word")]
    // '+' in the user info is a plus, not a space (unquote, not unquote_plus).
    [InlineData("postgres://app:a+b@h/db", "a+b")]
    [InlineData("postgres://app:%E3%83%91%E3%82%B9@h/db", "パス")]
    public void ToConnectionString_ShouldKeepThePasswordExact(string url, string password)
    {
        var cs = Parse(url);
        Assert.Equal(password, cs.Password);
        Assert.Equal("app", cs.Username);
        Assert.Equal("h", cs.Host);
        Assert.Equal("db", cs.Database);
    }

    [Theory]
    [InlineData("disable", SslMode.Disable)]
    [InlineData("allow", SslMode.Allow)]
    [InlineData("prefer", SslMode.Prefer)]
    [InlineData("require", SslMode.Require)]
    [InlineData("verify-ca", SslMode.VerifyCA)]
    [InlineData("verify-full", SslMode.VerifyFull)]
    public void ToConnectionString_ShouldMapSslMode(string sslmode, SslMode expected) =>
        Assert.Equal(expected, Parse($"postgres://u:p@h/db?sslmode={sslmode}").SslMode);

    [Fact]
    public void ToConnectionString_ShouldMapTheOtherLibpqParameters()
    {
        var cs = Parse("postgresql://u:p@neon.example/db?sslmode=require&sslrootcert=%2Fetc%2Fssl%2Fca.pem&application_name=askvideo+import&connect_timeout=7&options=-c%20search_path%3Dpublic");
        Assert.Equal(SslMode.Require, cs.SslMode);
        Assert.Equal("/etc/ssl/ca.pem", cs.RootCertificate);
        Assert.Equal("askvideo import", cs.ApplicationName);
        Assert.Equal(7, cs.Timeout);
        Assert.Equal("-c search_path=public", cs.Options);
    }

    [Fact]
    public void ToConnectionString_ShouldDecodeTheDatabaseName_AndASocketFolderAsHost()
    {
        Assert.Equal("my db", Parse("postgres://u@h/my%20db").Database);
        Assert.Equal("/var/run/postgresql", Parse("postgres://u@%2Fvar%2Frun%2Fpostgresql/db").Host);
        Assert.Equal("/var/run/postgresql", Parse("postgres:///db?host=/var/run/postgresql").Host);
    }

    [Fact]
    public void ToConnectionString_ShouldReadAnIpv6Host()
    {
        var cs = Parse("postgres://u:p@[::1]:5433/db");
        Assert.Equal("::1", cs.Host);
        Assert.Equal(5433, cs.Port);
    }

    [Fact]
    public void ToConnectionString_ShouldAllowNoPassword()
    {
        var cs = Parse("postgres://app@h/db");
        Assert.Equal("app", cs.Username);
        Assert.Null(cs.Password);
    }

    [Theory]
    [InlineData("mysql://u:p@h/db")]
    [InlineData("Host=h;Database=db")]
    [InlineData("postgres://u:p@h:99999/db")]
    [InlineData("postgres://u:p@h:abc/db")]
    [InlineData("postgres://u:p@h/db?sslmode=sometimes")]
    [InlineData("postgres://u:p@h/db?conn_max_age=600")]
    [InlineData("postgres://u:p@/db")]
    [InlineData("postgres://u:p@h1,h2/db")]
    public void ToConnectionString_ShouldRefuse_WhatItCannotTranslate(string url) =>
        Assert.Throws<FormatException>(() => PostgresUrl.ToConnectionString(url));

    [Fact]
    public void ToConnectionString_ShouldNeverPutThePasswordInAnError()
    {
        var ex = Assert.Throws<FormatException>(() => PostgresUrl.ToConnectionString("postgres://u:Sup3rS3cret@h:70000/db"));
        Assert.DoesNotContain("Sup3rS3cret", ex.Message, StringComparison.Ordinal);
    }
}

public class RedisUrlTests
{
    private static ConfigurationOptions Parse(string url) => ConfigurationOptions.Parse(RedisUrl.ToConfiguration(url));

    [Fact]
    public void ToConfiguration_ShouldMapHostPortAndDatabase()
    {
        var options = Parse("redis://redis:6380/2");
        Assert.Equal(new System.Net.DnsEndPoint("redis", 6380), Assert.Single(options.EndPoints));
        Assert.Equal(2, options.DefaultDatabase);
        Assert.False(options.Ssl);
        Assert.Null(options.Password);
    }

    [Fact]
    public void ToConfiguration_ShouldDefaultThePortTo6379()
    {
        Assert.Equal(new System.Net.DnsEndPoint("redis", 6379), Assert.Single(Parse("redis://redis").EndPoints));
        Assert.Equal(new System.Net.DnsEndPoint("redis", 6379), Assert.Single(Parse("redis://redis/0").EndPoints));
    }

    [Theory]
    // Celery's usual form: no user, only a password.
    [InlineData("redis://:s3cr%40t%3D%3B%23@h:6379/0", null, "s3cr@t=;#")]
    [InlineData("redis://default:pa%3Ass@h:6379/0", "default", "pa:ss")]
    [InlineData("redis://:p@ss@h/0", null, "p@ss")]
    public void ToConfiguration_ShouldKeepUserAndPasswordExact(string url, string? user, string password)
    {
        var options = Parse(url);
        Assert.Equal(user, options.User);
        Assert.Equal(password, options.Password);
        Assert.Equal(new System.Net.DnsEndPoint("h", 6379), Assert.Single(options.EndPoints));
    }

    [Fact]
    public void ToConfiguration_ShouldTurnOnTls_ForRediss()
    {
        var options = Parse("rediss://:pw@cache.example.com:6380/1?ssl_cert_reqs=required");
        Assert.True(options.Ssl);
        Assert.Equal(1, options.DefaultDatabase);
    }

    [Fact]
    public void ToConfiguration_ShouldReadTheDatabaseFromTheQuery() => Assert.Equal(3, Parse("redis://h?db=3").DefaultDatabase);

    [Theory]
    [InlineData("amqp://guest@rabbit//")]
    [InlineData("sqs://")]
    [InlineData("unix:///tmp/redis.sock")]
    [InlineData("redis://h/abc")]
    [InlineData("redis://h?ssl_cert_reqs=none")]
    [InlineData("redis://h?socket_timeout=5")]
    [InlineData("redis://:a,b@h/0")]
    public void ToConfiguration_ShouldRefuse_WhatItCannotTranslate(string url) =>
        Assert.Throws<FormatException>(() => RedisUrl.ToConfiguration(url));
}

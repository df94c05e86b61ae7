namespace AskVideo.Integration.Tests.Infrastructure;

/// <summary>
/// Where the real services of the test stack are (started by scripts/test.sh, or by hand with
/// <c>./scripts/test.sh --stack-only</c>). Every value can be overridden by an environment variable.
/// </summary>
public static class TestEnvironment
{
    public static readonly string RepoRoot = FindRepoRoot();
    public static readonly string StackDir = Env("ASKVIDEO_TEST_DIR", Path.Combine(RepoRoot, ".local", "test"));
    public static readonly int PostgresPort = int.Parse(Env("PG_PORT", "54339"), System.Globalization.CultureInfo.InvariantCulture);
    public static readonly int RedisPort = int.Parse(Env("REDIS_PORT", "63791"), System.Globalization.CultureInfo.InvariantCulture);
    public static readonly int ApiPort = int.Parse(Env("API_PORT", "5181"), System.Globalization.CultureInfo.InvariantCulture);
    public static readonly int NginxPort = int.Parse(Env("NGINX_PORT", "8181"), System.Globalization.CultureInfo.InvariantCulture);
    public static readonly string Database = Env("ASKVIDEO_TEST_DB", "askvideo_it");

    public static string AdminConnectionString => $"Host=127.0.0.1;Port={PostgresPort};Username=postgres;Database=postgres;Pooling=false";

    public static string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={PostgresPort};Username=postgres;Database={database};Maximum Pool Size=40";

    public static string RedisConfiguration => $"127.0.0.1:{RedisPort},allowAdmin=true";

    public static Uri NginxUrl => new($"http://127.0.0.1:{NginxPort}");

    public static string MediaRoot => Path.Combine(StackDir, "media");

    public static string MailDir => Path.Combine(StackDir, "mail");

    private static string Env(string name, string fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : fallback;

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AskVideo.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Could not find the repository root (AskVideo.slnx).");
    }
}

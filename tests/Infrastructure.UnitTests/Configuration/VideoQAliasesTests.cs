using AskVideo.Infrastructure.Configuration;
using Microsoft.Extensions.Configuration;

namespace AskVideo.Infrastructure.UnitTests.Configuration;

public class VideoQAliasesTests
{
    private static IReadOnlyDictionary<string, string?> Translate(params (string Name, string? Value)[] env) =>
        VideoQAliases.Translate(env.ToDictionary(e => e.Name, e => e.Value));

    [Fact]
    public void Translate_ShouldMapVideoQsEnvExample_OntoAskVideoSettings()
    {
        // The values of VideoQ's .env.example (with S3 and a key filled in).
        var settings = Translate(
            ("ENABLE_SIGNUP", "True"),
            ("DATABASE_URL", "postgresql://postgres:postgres@postgres:5432/postgres"),
            ("CELERY_BROKER_URL", "redis://redis:6379/0"),
            ("CORS_ALLOWED_ORIGINS", "http://localhost,http://127.0.0.1"),
            ("USE_S3_STORAGE", "True"),
            ("FRONTEND_URL", "http://localhost/"),
            ("AWS_STORAGE_BUCKET_NAME", "videoq-media"),
            ("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE"),
            ("AWS_SECRET_ACCESS_KEY", "secret/key+1"),
            ("AWS_S3_REGION_NAME", "auto"),
            ("AWS_S3_ENDPOINT_URL", "https://acct.r2.cloudflarestorage.com"),
            ("EMBEDDING_MODEL", "text-embedding-3-large"),
            ("OPENAI_API_KEY", "sk-proj-example"));

        Assert.Equal("true", settings["App:SignupEnabled"]);
        Assert.Equal("Host=postgres;Port=5432;Database=postgres;Username=postgres;Password=postgres", settings["ConnectionStrings:Postgres"]);
        Assert.Equal("redis:6379,defaultDatabase=0", settings["Redis:Configuration"]);
        Assert.Equal("http://localhost", settings["Cors:AllowedOrigins:0"]);
        Assert.Equal("http://127.0.0.1", settings["Cors:AllowedOrigins:1"]);
        Assert.Equal("s3", settings["Storage:Provider"]);
        Assert.Equal("http://localhost", settings["App:PublicUrl"]);
        Assert.Equal("videoq-media", settings["Storage:S3:Bucket"]);
        Assert.Equal("AKIAEXAMPLE", settings["Storage:S3:AccessKey"]);
        Assert.Equal("secret/key+1", settings["Storage:S3:SecretKey"]);
        Assert.Equal("auto", settings["Storage:S3:Region"]);
        Assert.Equal("https://acct.r2.cloudflarestorage.com", settings["Storage:S3:ServiceUrl"]);
        Assert.Equal("true", settings["Storage:S3:ForcePathStyle"]);
        Assert.Equal("text-embedding-3-large", settings["AI:OpenAI:EmbeddingModel"]);
        Assert.Equal("sk-proj-example", settings["AI:OpenAI:ApiKey"]);
        Assert.Equal("openai", settings["AI:ChatProvider"]);
        Assert.Equal("openai", settings["AI:EmbeddingProvider"]);
        Assert.Equal("openai", settings["AI:TranscriptionProvider"]);
    }

    [Theory]
    [InlineData("true", "true")]
    [InlineData("True", "true")]
    [InlineData("TRUE", "true")]
    [InlineData("False", "false")]
    // VideoQ compares value.lower() == "true": anything else, even "1" or "yes", is false.
    [InlineData("1", "false")]
    [InlineData("yes", "false")]
    public void Translate_ShouldReadBooleansLikeVideoQ(string value, string expected)
    {
        Assert.Equal(expected, Translate(("SECURE_COOKIES", value))["Auth:SecureCookies"]);
        Assert.Equal(expected, Translate(("ENABLE_SIGNUP", value))["App:SignupEnabled"]);
        Assert.Equal(expected == "true" ? "s3" : "local", Translate(("USE_S3_STORAGE", value))["Storage:Provider"]);
    }

    [Fact]
    public void Translate_ShouldTreatEmptyAliasesAsUnset()
    {
        // VideoQ's .env.example leaves the AWS settings empty when S3 is off.
        var settings = Translate(("AWS_STORAGE_BUCKET_NAME", ""), ("AWS_S3_REGION_NAME", "  "), ("OPENAI_API_KEY", null), ("DATABASE_URL", ""));
        Assert.Empty(settings);
    }

    [Fact]
    public void Translate_ShouldPreferCeleryBrokerUrl_OverRedisUrl()
    {
        Assert.Equal("broker:6379,defaultDatabase=1", Translate(("CELERY_BROKER_URL", "redis://broker:6379/1"), ("REDIS_URL", "redis://cache:6379/0"))["Redis:Configuration"]);
        Assert.Equal("cache:6379,defaultDatabase=0", Translate(("REDIS_URL", "redis://cache:6379/0"))["Redis:Configuration"]);
    }

    [Fact]
    public void Translate_ShouldLetNativeSettingsWin_InAnySpelling()
    {
        var settings = Translate(
            ("DATABASE_URL", "postgres://u:p@alias-db/db"),
            ("ConnectionStrings__Postgres", "Host=native-db"),
            ("REDIS_URL", "redis://alias:6379"),
            ("redis__configuration", "native:6379"),
            ("ENABLE_SIGNUP", "true"),
            ("App:SignupEnabled", "false"),
            ("CORS_ALLOWED_ORIGINS", "https://a.example,https://b.example"),
            ("Cors__AllowedOrigins__0", "https://native.example"),
            ("OPENAI_API_KEY", "sk-alias"),
            ("AI__EmbeddingProvider", "local"));

        Assert.False(settings.ContainsKey("ConnectionStrings:Postgres"));
        Assert.False(settings.ContainsKey("Redis:Configuration"));
        Assert.False(settings.ContainsKey("App:SignupEnabled"));
        // A native list replaces the alias list as a whole (no merge of index 1 from the alias).
        Assert.DoesNotContain(settings.Keys, k => k.StartsWith("Cors:", StringComparison.Ordinal));
        Assert.False(settings.ContainsKey("AI:EmbeddingProvider"));
        Assert.Equal("openai", settings["AI:ChatProvider"]);
        Assert.Equal("sk-alias", settings["AI:OpenAI:ApiKey"]);
    }

    [Fact]
    public void Translate_ShouldLetDatabaseConnectionStringWin_OverDatabaseUrl() =>
        Assert.Empty(Translate(("DATABASE_URL", "postgres://u:p@h/db"), ("Database__ConnectionString", "Host=native")));

    [Fact]
    public void Translate_ShouldNotParseAnAlias_ThatANativeSettingOverrides() =>
        Assert.Empty(Translate(("DATABASE_URL", "not a url"), ("ConnectionStrings__Postgres", "Host=native")));

    [Fact]
    public void Translate_ShouldNameTheVariable_ButNotTheSecret_WhenAUrlIsInvalid()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Translate(("DATABASE_URL", "postgres://u:TopSecret1@h:0/db")));
        Assert.StartsWith("DATABASE_URL", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("TopSecret1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddVideoQAliases_ShouldSitBelowTheEnvironmentAndCommandLine_AndAboveJsonDefaults()
    {
        var builder = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["App:PublicUrl"] = "http://json-default", ["App:SignupEnabled"] = "true" })
            .AddEnvironmentVariables()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:SecureCookies"] = "true" });
        builder.AddVideoQAliases(new Dictionary<string, string?>
        {
            ["FRONTEND_URL"] = "https://videoq.example.com",
            ["ENABLE_SIGNUP"] = "False",
            ["SECURE_COOKIES"] = "False",
        });
        var configuration = builder.Build();

        Assert.Equal("https://videoq.example.com", configuration["App:PublicUrl"]);
        Assert.Equal("False", configuration["App:SignupEnabled"], ignoreCase: true);
        // A source added after the environment variables (the command line, a test's settings) wins over the alias.
        Assert.Equal("true", configuration["Auth:SecureCookies"]);
        Assert.IsType<Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationSource>(builder.Sources[^2]);
    }

    [Fact]
    public void All_ShouldDescribeEveryVariableTranslateReads()
    {
        var env = VideoQAliases.All.ToDictionary(a => a.Variable, a => (string?)(a.Variable switch
        {
            "DATABASE_URL" => "postgres://u:p@h/db",
            "CELERY_BROKER_URL" or "REDIS_URL" => "redis://h:6379/0",
            "EMBEDDING_VECTOR_SIZE" => "1536",
            _ => "true",
        }));
        var settings = VideoQAliases.Translate(env);
        foreach (var target in VideoQAliases.All.SelectMany(a => a.Settings))
            Assert.Contains(settings.Keys, k => k == target || k.StartsWith(target + ":", StringComparison.Ordinal));
    }
}

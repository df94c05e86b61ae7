using System.Collections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;

namespace AskVideo.Infrastructure.Configuration;

/// <summary>One environment variable of a VideoQ deployment and the AskVideo settings it becomes.</summary>
public sealed record VideoQAlias(string Variable, IReadOnlyList<string> Settings, string Meaning);

/// <summary>
/// The environment variables of a VideoQ deployment (its .env / docker-compose), accepted by the API and the worker as
/// aliases of AskVideo's own settings, so an existing .env keeps working after the move. The native setting always
/// wins: an alias is ignored when the environment also sets its native name (<c>Section__Key</c>), and the aliases sit
/// below the environment variables and the command line in the configuration, above appsettings.json. An empty alias
/// counts as unset (VideoQ's own <c>os.environ.get(...) or None</c>). Booleans follow VideoQ: true only for "true" in
/// any case, anything else is false.
/// </summary>
public static class VideoQAliases
{
    public static readonly IReadOnlyList<VideoQAlias> All =
    [
        new("DATABASE_URL", ["ConnectionStrings:Postgres"], "postgres:// URL, converted to an Npgsql connection string"),
        new("CELERY_BROKER_URL", ["Redis:Configuration"], "redis:// or rediss:// URL, converted to a StackExchange.Redis configuration"),
        new("REDIS_URL", ["Redis:Configuration"], "the same, when CELERY_BROKER_URL is not set"),
        new("ENABLE_SIGNUP", ["App:SignupEnabled"], "true/false"),
        new("SECURE_COOKIES", ["Auth:SecureCookies"], "true/false"),
        new("FRONTEND_URL", ["App:PublicUrl"], "the URL users open (email links)"),
        new("CORS_ALLOWED_ORIGINS", ["Cors:AllowedOrigins"], "comma-separated origins"),
        new("USE_S3_STORAGE", ["Storage:Provider"], "true: s3, false: local"),
        new("AWS_STORAGE_BUCKET_NAME", ["Storage:S3:Bucket"], "bucket"),
        new("AWS_ACCESS_KEY_ID", ["Storage:S3:AccessKey"], "access key"),
        new("AWS_SECRET_ACCESS_KEY", ["Storage:S3:SecretKey"], "secret key"),
        new("AWS_S3_REGION_NAME", ["Storage:S3:Region"], "region (\"auto\" for Cloudflare R2)"),
        new("AWS_S3_ENDPOINT_URL", ["Storage:S3:ServiceUrl", "Storage:S3:ForcePathStyle"],
            "endpoint of an S3-compatible store (empty: AWS); path-style requests, as boto3 makes to a custom endpoint"),
        new("OPENAI_API_KEY", ["AI:OpenAI:ApiKey", "AI:ChatProvider", "AI:EmbeddingProvider", "AI:TranscriptionProvider"],
            "the server's OpenAI key; like VideoQ, answers, embeddings and transcription then use OpenAI"),
        new("EMBEDDING_MODEL", ["AI:OpenAI:EmbeddingModel"], "embedding model"),
        new("EMBEDDING_VECTOR_SIZE", ["AI:OpenAI:EmbeddingDimensions"], "embedding dimensions"),
        new("LLM_MODEL", ["AI:OpenAI:ChatModel"], "chat model"),
    ];

    /// <summary>
    /// Adds the aliases read from <paramref name="environment"/> (the process environment by default) just below the
    /// unprefixed environment variables, so native settings from the environment or the command line win.
    /// </summary>
    public static IConfigurationBuilder AddVideoQAliases(this IConfigurationBuilder builder, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var source = new VideoQAliasSource(environment ?? ProcessEnvironment());
        var sources = builder.Sources;
        var index = -1;
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is EnvironmentVariablesConfigurationSource { Prefix: null or "" }) index = i;
        }
        if (index < 0) builder.Add(source);
        else sources.Insert(index, source);
        return builder;
    }

    /// <summary>The AskVideo settings (configuration keys) the variables stand for; natives present in them are left out.</summary>
    public static IReadOnlyDictionary<string, string?> Translate(IReadOnlyDictionary<string, string?> environment)
    {
        var env = new Dictionary<string, string?>(environment, StringComparer.OrdinalIgnoreCase);
        var result = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

        string? Alias(string name) => env.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        // A native setting in the environment, as Section__Key (or Section:Key), or anything below it for a list.
        bool Native(string key) => env.Keys.Any(k =>
        {
            var normalized = k.Replace("__", ":", StringComparison.Ordinal);
            return string.Equals(normalized, key, StringComparison.OrdinalIgnoreCase) ||
                   normalized.StartsWith(key + ":", StringComparison.OrdinalIgnoreCase);
        });
        void Set(string key, string value) => SetFrom(key, () => value);
        // The value is only computed (and a malformed URL only reported) when no native setting wins anyway.
        void SetFrom(string key, Func<string> value, params string[] nativeNames)
        {
            if (Native(key) || nativeNames.Any(Native)) return;
            result[key] = value();
        }
        static string Bool(string value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) ? "true" : "false";

        if (Alias("DATABASE_URL") is { } databaseUrl)
            SetFrom("ConnectionStrings:Postgres", () => Convert("DATABASE_URL", () => PostgresUrl.ToConnectionString(databaseUrl)), "Database:ConnectionString");
        if ((Alias("CELERY_BROKER_URL") is { } broker ? ("CELERY_BROKER_URL", broker) : Alias("REDIS_URL") is { } redis ? ("REDIS_URL", redis) : default) is (string name, string url))
            SetFrom("Redis:Configuration", () => Convert(name, () => RedisUrl.ToConfiguration(url)));
        if (Alias("ENABLE_SIGNUP") is { } signup) Set("App:SignupEnabled", Bool(signup));
        if (Alias("SECURE_COOKIES") is { } secure) Set("Auth:SecureCookies", Bool(secure));
        if (Alias("FRONTEND_URL") is { } frontend) Set("App:PublicUrl", frontend.TrimEnd('/'));
        if (Alias("CORS_ALLOWED_ORIGINS") is { } origins && !Native("Cors:AllowedOrigins"))
        {
            var list = origins.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            for (var i = 0; i < list.Length; i++) result[$"Cors:AllowedOrigins:{i}"] = list[i].TrimEnd('/');
        }
        if (Alias("USE_S3_STORAGE") is { } s3) Set("Storage:Provider", Bool(s3) == "true" ? "s3" : "local");
        if (Alias("AWS_STORAGE_BUCKET_NAME") is { } bucket) Set("Storage:S3:Bucket", bucket);
        if (Alias("AWS_ACCESS_KEY_ID") is { } accessKey) Set("Storage:S3:AccessKey", accessKey);
        if (Alias("AWS_SECRET_ACCESS_KEY") is { } secretKey) Set("Storage:S3:SecretKey", secretKey);
        if (Alias("AWS_S3_REGION_NAME") is { } region) Set("Storage:S3:Region", region);
        if (Alias("AWS_S3_ENDPOINT_URL") is { } endpoint)
        {
            Set("Storage:S3:ServiceUrl", endpoint);
            // boto3 (VideoQ's django-storages) addresses a custom endpoint path-style (endpoint/bucket/key).
            Set("Storage:S3:ForcePathStyle", "true");
        }
        if (Alias("OPENAI_API_KEY") is { } apiKey)
        {
            Set("AI:OpenAI:ApiKey", apiKey);
            Set("AI:ChatProvider", "openai");
            Set("AI:EmbeddingProvider", "openai");
            Set("AI:TranscriptionProvider", "openai");
        }
        if (Alias("EMBEDDING_MODEL") is { } embeddingModel) Set("AI:OpenAI:EmbeddingModel", embeddingModel);
        if (Alias("EMBEDDING_VECTOR_SIZE") is { } dimensions) Set("AI:OpenAI:EmbeddingDimensions", dimensions);
        if (Alias("LLM_MODEL") is { } chatModel) Set("AI:OpenAI:ChatModel", chatModel);
        return result;
    }

    private static string Convert(string variable, Func<string> convert)
    {
        try
        {
            return convert();
        }
        catch (FormatException ex)
        {
            // The message names the variable and the problem, never the value (it holds a password).
            throw new InvalidOperationException($"{variable} (a VideoQ setting AskVideo reads as an alias) is invalid: {ex.Message}", ex);
        }
    }

    private static Dictionary<string, string?> ProcessEnvironment()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables()) variables[(string)entry.Key] = entry.Value as string;
        return variables;
    }
}

internal sealed class VideoQAliasSource(IReadOnlyDictionary<string, string?> environment) : IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new VideoQAliasProvider(environment);
}

internal sealed class VideoQAliasProvider(IReadOnlyDictionary<string, string?> environment) : ConfigurationProvider
{
    public override void Load() => Data = new Dictionary<string, string?>(VideoQAliases.Translate(environment), StringComparer.OrdinalIgnoreCase);
}

using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Options;
using AskVideo.Infrastructure.AI;
using AskVideo.Infrastructure.Email;
using AskVideo.Infrastructure.Events;
using AskVideo.Infrastructure.Health;
using AskVideo.Infrastructure.Identity;
using AskVideo.Infrastructure.Limits;
using AskVideo.Infrastructure.Media;
using AskVideo.Infrastructure.Observability;
using AskVideo.Infrastructure.Persistence;
using AskVideo.Infrastructure.Persistence.Reads;
using AskVideo.Infrastructure.Persistence.Search;
using AskVideo.Infrastructure.Queue;
using AskVideo.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AskVideo.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Adapters shared by every host: PostgreSQL, Redis, the job queue (producer side) and health checks.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<AppMetrics>();
        services.AddScoped<IPipelineSteps, PipelineSteps>();

        AddValidatedOptions<AppOptions>(services, configuration, AppOptions.SectionName);
        AddValidatedOptions<AiOptions>(services, configuration, AiOptions.SectionName);
        AddValidatedOptions<QueueOptions>(services, configuration, QueueOptions.SectionName);
        AddValidatedOptions<RedisOptions>(services, configuration, RedisOptions.SectionName);
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .PostConfigure(o =>
            {
                if (string.IsNullOrWhiteSpace(o.ConnectionString))
                    o.ConnectionString = configuration.GetConnectionString("Postgres") ?? string.Empty;
                if (string.IsNullOrWhiteSpace(o.ReadOnlyConnectionString))
                    o.ReadOnlyConnectionString = configuration.GetConnectionString("PostgresReadOnly");
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton(sp => DataSources.Create(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString, resetOnReuse: true));
        services.AddSingleton(sp => new StatelessReadPool(DataSources.Create(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString, resetOnReuse: false)));
        services.AddSingleton<ReplicaPool>();
        services.AddSingleton<ReadRouting>();
        services.AddSingleton<IReadConsistency>(sp => sp.GetRequiredService<ReadRouting>());
        services.AddScoped<OutboxSaveChangesInterceptor>();
        services.AddDbContext<AppDbContext>((sp, options) => options
            .UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>())
            .AddInterceptors(sp.GetRequiredService<OutboxSaveChangesInterceptor>()));
        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<AppDbContext>());
        services.AddSingleton<MigrationRunner>();

        AddValidatedOptions<AuthOptions>(services, configuration, AuthOptions.SectionName);
        AddValidatedOptions<RateLimitOptions>(services, configuration, RateLimitOptions.SectionName);
        AddValidatedOptions<JwtOptions>(services, configuration, JwtOptions.SectionName);
        AddValidatedOptions<SecurityOptions>(services, configuration, SecurityOptions.SectionName);
        AddValidatedOptions<EmailOptions>(services, configuration, EmailOptions.SectionName);
        services.AddSingleton<IPasswordHasher, PasswordHasher>();
        services.AddSingleton<RedisSessionCheck>();
        services.AddSingleton<AccessTokenService>();
        services.AddSingleton<IAccessTokenIssuer>(sp => sp.GetRequiredService<AccessTokenService>());
        services.AddSingleton<RedisSessionRevocation>();
        services.AddSingleton<ISessionRevocation>(sp => sp.GetRequiredService<RedisSessionRevocation>());
        services.AddSingleton<ISessionRevocationSignal, RedisSessionRevocationSignal>();
        services.AddSingleton<SecretCiphertextUpgrader>();
        services.AddSingleton<ISecretProtector, AesGcmSecretProtector>();
        services.AddSingleton<IRateLimiter, RedisRateLimiter>();
        services.AddSingleton<ApiTokenAuthenticator>();
        services.AddSingleton<ICredentialCheck, CredentialCheck>();
        services.AddSingleton<IConcurrencyLimiter, RedisConcurrencyLimiter>();
        services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.Provider == "smtp"
            ? ActivatorUtilities.CreateInstance<SmtpEmailSender>(sp)
            : ActivatorUtilities.CreateInstance<FileEmailSender>(sp));
        services.AddSingleton<IChatModelCatalog, OpenAiModelCatalog>();
        services.AddSingleton<IEmbedder>(sp => sp.GetRequiredService<IOptions<AiOptions>>().Value.EmbeddingProvider switch
        {
            "openai" => ActivatorUtilities.CreateInstance<OpenAiEmbedder>(sp),
            "hashing" => ActivatorUtilities.CreateInstance<HashingEmbedder>(sp),
            _ => ActivatorUtilities.CreateInstance<LocalEmbedder>(sp),
        });
        services.AddSingleton<ITranscriber>(sp => sp.GetRequiredService<IOptions<AiOptions>>().Value.TranscriptionProvider == "openai"
            ? ActivatorUtilities.CreateInstance<OpenAiTranscriber>(sp)
            : new NoTranscriber());
        services.AddSingleton<IQueueMonitor, QueueMonitor>();

        services.AddScoped<CurrentUserContext>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUserContext>());

        services.AddSingleton<RedisConnection>();
        services.AddSingleton<RedisJobQueue>();
        services.AddSingleton<JobStore>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<JobExecutor>();
        services.AddScoped<IJobQueue, JobQueue>();
        services.AddScoped<JobContext>();
        services.AddScoped<IJobContext>(sp => sp.GetRequiredService<JobContext>());
        services.AddHostedService<OutboxDispatcher>();
        services.AddHostedService<QueueMaintenance>();

        AddValidatedOptions<StorageOptions>(services, configuration, StorageOptions.SectionName);
        services.AddSingleton<IVideoStorage>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == "s3"
            ? ActivatorUtilities.CreateInstance<S3VideoStorage>(sp)
            : ActivatorUtilities.CreateInstance<LocalVideoStorage>(sp));
        services.AddSingleton<IPendingUploads, RedisPendingUploads>();
        services.AddSingleton<IncompleteUploadSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<IncompleteUploadSweeper>());
        AddValidatedOptions<MediaOptions>(services, configuration, MediaOptions.SectionName);
        services.AddSingleton<FfmpegRunner>();
        services.AddSingleton<IMediaProbe, FfprobeMediaProbe>();
        services.AddSingleton<IMediaTools, FfmpegMediaTools>();
        AddValidatedOptions<PipelineOptions>(services, configuration, PipelineOptions.SectionName);
        services.AddSingleton<EmbeddingIndex>();
        services.AddScoped<ISceneIndex, SceneIndex>();
        services.AddSingleton<ISceneSearch, HybridSceneSearch>();
        services.AddSingleton<IChatAnalyticsReader, ChatAnalyticsReader>();
        services.AddSingleton<IVideoListReader, VideoListReader>();
        services.AddSingleton<ISearchScopeReader, SearchScopeReader>();
        services.AddOpenAiHttp();
        services.AddSingleton<IChatModel, OpenAiChatModel>();
        services.AddHostedService<EmbeddingIndexGuard>();
        services.AddSingleton<ISampleClipProvider, SampleClipGenerator>();
        services.AddSingleton<IVideoEvents, RedisVideoEvents>();
        services.AddSingleton<IVideoQSourceFactory, Import.VideoQSourceFactory>();

        services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgres", tags: ["ready"])
            .AddCheck<PgvectorHealthCheck>("pgvector", tags: ["ready"])
            .AddCheck<RedisHealthCheck>("redis", tags: ["ready"])
            .AddCheck<StorageHealthCheck>("storage", tags: ["ready"]);
        return services;
    }

    /// <summary>Runs background jobs in this process (the Worker host, or the API in the single-machine run).</summary>
    public static IServiceCollection AddJobConsumer(this IServiceCollection services)
    {
        services.AddHostedService<JobConsumer>();
        return services;
    }

    internal static OptionsBuilder<T> AddValidatedOptions<T>(IServiceCollection services, IConfiguration configuration, string section)
        where T : class =>
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();
}

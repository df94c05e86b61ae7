using AskVideo.Application.Common.Interfaces;
using AskVideo.Domain.Chat;
using AskVideo.Domain.Groups;
using AskVideo.Domain.Imports;
using AskVideo.Domain.Jobs;
using AskVideo.Domain.Transcripts;
using AskVideo.Domain.Users;
using AskVideo.Domain.Videos;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AskVideo.Infrastructure.Persistence;

/// <summary>
/// The EF Core unit of work. The schema itself is owned by the SQL migrations in Migrations/; this model only maps
/// onto it (a test checks that every entity can be read back from a freshly migrated database).
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options), IAppDbContext
{
    public DbSet<User> Users => Set<User>();
    public DbSet<SessionFamily> SessionFamilies => Set<SessionFamily>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<OneTimeToken> OneTimeTokens => Set<OneTimeToken>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Video> Videos => Set<Video>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<VideoTag> VideoTags => Set<VideoTag>();
    public DbSet<VideoGroup> Groups => Set<VideoGroup>();
    public DbSet<VideoGroupMember> GroupMembers => Set<VideoGroupMember>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<Scene> Scenes => Set<Scene>();
    public DbSet<ChatLog> ChatLogs => Set<ChatLog>();
    public DbSet<TranscriptSegment> TranscriptSegments => Set<TranscriptSegment>();
    public DbSet<ImportedRecord> ImportedRecords => Set<ImportedRecord>();

    public void ClearTracking() => ChangeTracker.Clear();

    public Task<IDbContextTransaction> BeginTransactionAsync(CancellationToken cancellationToken) => Database.BeginTransactionAsync(cancellationToken);

    public Task ReloadAsync(object entity, CancellationToken cancellationToken) => Entry(entity).ReloadAsync(cancellationToken);

    public Task LockUserAsync(Guid userId, CancellationToken cancellationToken) =>
        Database.ExecuteSqlAsync($"SELECT 1 FROM users WHERE id = {userId} FOR UPDATE", cancellationToken);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        SnakeCaseNames.Apply(modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<VideoStatus>().HaveConversion<SnakeCaseEnumConverter<VideoStatus>>();
        configurationBuilder.Properties<ProcessingStage>().HaveConversion<SnakeCaseEnumConverter<ProcessingStage>>();
        configurationBuilder.Properties<TranscriptSource>().HaveConversion<SnakeCaseEnumConverter<TranscriptSource>>();
        configurationBuilder.Properties<ChatOrigin>().HaveConversion<SnakeCaseEnumConverter<ChatOrigin>>();
        configurationBuilder.Properties<ChatFeedback>().HaveConversion<SnakeCaseEnumConverter<ChatFeedback>>();
        configurationBuilder.Properties<JobStatus>().HaveConversion<SnakeCaseEnumConverter<JobStatus>>();
        configurationBuilder.Properties<OneTimeTokenPurpose>().HaveConversion<SnakeCaseEnumConverter<OneTimeTokenPurpose>>();
        configurationBuilder.Properties<ImportedKind>().HaveConversion<SnakeCaseEnumConverter<ImportedKind>>();
    }
}

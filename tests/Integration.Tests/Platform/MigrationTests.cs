using AskVideo.Infrastructure.Persistence;
using AskVideo.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AskVideo.Integration.Tests.Platform;

public class MigrationTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Migrate_ShouldBuildTheWholeSchema_OnAnEmptyDatabase_AndBeIdempotent()
    {
        var database = "askvideo_migrate_" + Guid.NewGuid().ToString("N")[..8];
        await ApiFixture.EnsureDatabaseAsync(database);
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(TestEnvironment.ConnectionString(database));
            var runner = new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance);

            var first = await runner.MigrateAsync(CancellationToken.None);
            var second = await runner.MigrateAsync(CancellationToken.None);

            Assert.Equal(MigrationRunner.LoadMigrations().Select(m => m.Version), first);
            Assert.Empty(second);

            // The EF model must match the SQL schema: every mapped entity can be queried.
            var options = new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(dataSource).Options;
            await using var db = new AppDbContext(options);
            Assert.Empty(await db.Users.ToListAsync());
            Assert.Empty(await db.RefreshTokens.ToListAsync());
            Assert.Empty(await db.OneTimeTokens.ToListAsync());
            Assert.Empty(await db.ApiTokens.ToListAsync());
            Assert.Empty(await db.Videos.Include(v => v.Tags).ToListAsync());
            Assert.Empty(await db.Tags.ToListAsync());
            Assert.Empty(await db.Groups.Include(g => g.Members).ToListAsync());
            Assert.Empty(await db.Jobs.ToListAsync());
            Assert.Empty(await db.Scenes.ToListAsync());
            Assert.Empty(await db.TranscriptSegments.ToListAsync());

            // A migration marked no-transaction (CREATE INDEX CONCURRENTLY) was applied.
            await using var concurrentIndex = dataSource.CreateCommand("SELECT to_regclass('public.transcript_segments_video_time_idx') IS NOT NULL");
            Assert.True((bool)(await concurrentIndex.ExecuteScalarAsync())!);

            await using var command = dataSource.CreateCommand("SELECT extversion FROM pg_extension WHERE extname = 'vector'");
            Assert.NotNull(await command.ExecuteScalarAsync());
        }
        finally
        {
            await ApiFixture.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task Migrate_ShouldBuildIndexes_BeyondTheDefaultCommandTimeout_AndRebuildOnesLeftInvalid()
    {
        var database = "askvideo_migrate_" + Guid.NewGuid().ToString("N")[..8];
        await ApiFixture.EnsureDatabaseAsync(database);
        try
        {
            await using var dataSource = await WriterLock.DataSourceWithCommandTimeoutAsync(database, 1);
            var runner = new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance);
            await runner.MigrateAsync(CancellationToken.None);
            // 0004 again, as on a large install: its first index build was interrupted (a timeout leaves the index
            // invalid under its name); rebuilding it waits 3 s for a writer while every command may take 1 s.
            await using (var undo = dataSource.CreateCommand("""
                DELETE FROM schema_migrations WHERE version = '0004_scene_search_indexes';
                DROP INDEX transcript_segments_video_time_idx;
                """))
                await undo.ExecuteNonQueryAsync();
            await using (var writer = WriterLock.Take(database, "transcript_segments"))
            await using (var build = dataSource.CreateCommand("CREATE INDEX CONCURRENTLY transcript_segments_video_time_idx ON transcript_segments (video_id, start_ms)"))
                await Assert.ThrowsAnyAsync<NpgsqlException>(() => build.ExecuteNonQueryAsync());
            var release = WriterLock.Take(database, "transcript_segments").ReleaseAfterAsync(TimeSpan.FromSeconds(3));

            await runner.MigrateAsync(CancellationToken.None);
            await release;

            await using var valid = dataSource.CreateCommand("""
                SELECT count(*) FROM pg_index WHERE indisvalid
                AND indexrelid IN ('transcript_segments_video_time_idx'::regclass, 'scenes_embedding_model_idx'::regclass)
                """);
            Assert.Equal(2L, (long)(await valid.ExecuteScalarAsync())!);
        }
        finally
        {
            await ApiFixture.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task Migrate_ShouldBeSafe_WhenRunConcurrently()
    {
        var database = "askvideo_migrate_" + Guid.NewGuid().ToString("N")[..8];
        await ApiFixture.EnsureDatabaseAsync(database);
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(TestEnvironment.ConnectionString(database));
            var runners = Enumerable.Range(0, 3).Select(_ => new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance)).ToList();

            var results = await Task.WhenAll(runners.Select(r => r.MigrateAsync(CancellationToken.None)));

            // Exactly one runner applied each migration; the others found it done.
            Assert.Equal(MigrationRunner.LoadMigrations().Count, results.Sum(r => r.Count));
        }
        finally
        {
            await ApiFixture.DropDatabaseAsync(database);
        }
    }
}

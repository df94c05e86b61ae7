using AskVideo.Infrastructure.AI;
using AskVideo.Infrastructure.Persistence;
using AskVideo.Infrastructure.Persistence.Search;
using AskVideo.Integration.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Pgvector.Npgsql;

namespace AskVideo.Integration.Tests.Processing;

/// <summary>The vector column follows the configured embedder; another model's vectors are refused until reindex.</summary>
public class EmbeddingIndexTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task SeedScenesAsync(NpgsqlDataSource dataSource, HashingEmbedder embedder, int count)
    {
        var texts = Enumerable.Range(0, count).Select(i => $"scene number {i} about topic {i % 7}").ToList();
        var vectors = await embedder.EmbedAsync(texts, null, CancellationToken.None);
        await SceneRows.SeedVideoAsync(dataSource, texts.Zip(vectors).ToList(), embedder.ModelId);
    }

    [Fact]
    public async Task Search_OnAFreshDatabase_ShouldSetUpTheIndexFirst_InsteadOfFailingOnAMissingColumn()
    {
        // A new installation (migrated, nothing processed yet) asked a question before any scene was indexed: the
        // search read the sign-bit column the index set-up adds, and failed with "column embedding_bq does not exist".
        var database = "askvideo_fresh_" + Guid.NewGuid().ToString("N")[..8];
        await ApiFixture.EnsureDatabaseAsync(database);
        try
        {
            await using var dataSource = await ApiFixture.MigratedDataSourceAsync(database);
            var embedder = new HashingEmbedder(32);
            var search = new HybridSceneSearch(new StatelessReadPool(dataSource), ReadRouting.PrimaryOnly(), new EmbeddingIndex(dataSource, embedder, TimeProvider.System, NullLogger<EmbeddingIndex>.Instance));
            var vector = (await embedder.EmbedAsync(["what is said"], null, CancellationToken.None))[0];

            var found = await search.SearchAsync(new Application.Common.Interfaces.SceneQuery(Guid.NewGuid(), [Guid.NewGuid()], "what is said", vector, 5), CancellationToken.None);

            Assert.Empty(found);
            Assert.Equal("bit(32)", await ScalarAsync<string>(dataSource, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'scenes'::regclass AND attname = 'embedding_bq'"));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ApiFixture.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task Reindex_ShouldMoveEveryScene_ToTheNewModelAndDimension_AfterTheStartCheckRefusedIt()
    {
        var database = "askvideo_reindex_" + Guid.NewGuid().ToString("N")[..8];
        await ApiFixture.EnsureDatabaseAsync(database);
        try
        {
            await using var dataSource = await ApiFixture.MigratedDataSourceAsync(database);
            var oldModel = new HashingEmbedder(32);
            var oldIndex = new EmbeddingIndex(dataSource, oldModel, TimeProvider.System, NullLogger<EmbeddingIndex>.Instance);
            await oldIndex.EnsureReadyAsync(CancellationToken.None);
            await SeedScenesAsync(dataSource, oldModel, 150);
            Assert.Equal("vector(32)", await ScalarAsync<string>(dataSource, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'scenes'::regclass AND attname = 'embedding'"));

            var newModel = new HashingEmbedder(48);
            var newIndex = new EmbeddingIndex(dataSource, newModel, TimeProvider.System, NullLogger<EmbeddingIndex>.Instance);
            var check = await newIndex.CheckAsync(CancellationToken.None);
            Assert.Equal(EmbeddingIndexState.Mismatch, check.State);
            Assert.Contains("reindex", check.Message);
            Assert.Contains("AI:EmbeddingProvider", check.Message);
            await Assert.ThrowsAsync<InvalidOperationException>(() => newIndex.EnsureReadyAsync(CancellationToken.None));

            // Interrupted after the first batch, then run again: it resumes.
            using var stop = new CancellationTokenSource();
            var progress = new List<(long Done, long Total)>();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                newIndex.ReindexAsync(null, (done, total) => { progress.Add((done, total)); stop.Cancel(); }, stop.Token, batchSize: 50));
            Assert.Equal(50, await ScalarAsync<long>(dataSource, $"SELECT count(*) FROM scenes WHERE embedding_model = '{newModel.ModelId}'"));
            await newIndex.ReindexAsync(null, (done, total) => progress.Add((done, total)), CancellationToken.None, batchSize: 50);

            Assert.Equal((150L, 150L), progress[^1]);
            Assert.Equal(0, await ScalarAsync<long>(dataSource, $"SELECT count(*) FROM scenes WHERE embedding IS NULL OR embedding_model <> '{newModel.ModelId}'"));
            Assert.Equal("vector(48)", await ScalarAsync<string>(dataSource, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'scenes'::regclass AND attname = 'embedding'"));
            Assert.Equal(EmbeddingIndexState.Matches, (await newIndex.CheckAsync(CancellationToken.None)).State);
            Assert.True(await ScalarAsync<bool>(dataSource, "SELECT to_regclass('public.scenes_embedding_hnsw_idx') IS NOT NULL"));
            Assert.Equal("ready", await ScalarAsync<string>(dataSource, "SELECT state FROM embedding_index"));
        }
        finally
        {
            await ApiFixture.DropDatabaseAsync(database);
        }
    }
    [Fact]
    public async Task Reindex_ShouldBuildTheVectorIndex_BeyondTheDefaultCommandTimeout()
    {
        var database = "askvideo_reindex_" + Guid.NewGuid().ToString("N")[..8];
        await ApiFixture.EnsureDatabaseAsync(database);
        try
        {
            await using (var migrated = await ApiFixture.MigratedDataSourceAsync(database))
            {
                var oldModel = new HashingEmbedder(32);
                await new EmbeddingIndex(migrated, oldModel, TimeProvider.System, NullLogger<EmbeddingIndex>.Instance).EnsureReadyAsync(CancellationToken.None);
                await SeedScenesAsync(migrated, oldModel, 20);
            }
            // Every command may take 1 s at most; the index build at the end of the reindex waits 3 s for a writer.
            await using var dataSource = await WriterLock.DataSourceWithCommandTimeoutAsync(database, 1);
            var index = new EmbeddingIndex(dataSource, new HashingEmbedder(48), TimeProvider.System, NullLogger<EmbeddingIndex>.Instance);
            var release = Task.CompletedTask;
            await index.ReindexAsync(null, (done, total) =>
            {
                if (done == total) release = WriterLock.Take(database, "scenes").ReleaseAfterAsync(TimeSpan.FromSeconds(3));
            }, CancellationToken.None, batchSize: 50);
            await release;

            Assert.True(await ScalarAsync<bool>(dataSource, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'scenes_embedding_hnsw_idx'::regclass"));
            Assert.Equal("ready", await ScalarAsync<string>(dataSource, "SELECT state FROM embedding_index"));
        }
        finally
        {
            await ApiFixture.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task Reindex_ShouldRebuildAVectorIndex_LeftInvalidByAnInterruptedBuild()
    {
        var database = "askvideo_reindex_" + Guid.NewGuid().ToString("N")[..8];
        await ApiFixture.EnsureDatabaseAsync(database);
        try
        {
            await using var dataSource = await ApiFixture.MigratedDataSourceAsync(database);
            var model = new HashingEmbedder(32);
            var index = new EmbeddingIndex(dataSource, model, TimeProvider.System, NullLogger<EmbeddingIndex>.Instance);
            await index.EnsureReadyAsync(CancellationToken.None);
            await SeedScenesAsync(dataSource, model, 20);
            // A build cancelled while it waits (a timeout, a stopped job) leaves an invalid index behind under its name.
            await using (var command = dataSource.CreateCommand("DROP INDEX scenes_embedding_hnsw_idx"))
                await command.ExecuteNonQueryAsync();
            await using (var writer = WriterLock.Take(database, "scenes"))
            await using (var build = dataSource.CreateCommand("CREATE INDEX CONCURRENTLY scenes_embedding_hnsw_idx ON scenes USING hnsw (embedding vector_cosine_ops)"))
            {
                build.CommandTimeout = 1;
                await Assert.ThrowsAnyAsync<NpgsqlException>(() => build.ExecuteNonQueryAsync());
            }
            Assert.False(await ScalarAsync<bool>(dataSource, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'scenes_embedding_hnsw_idx'::regclass"));

            await index.ReindexAsync(null, (_, _) => { }, CancellationToken.None);

            Assert.True(await ScalarAsync<bool>(dataSource, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'scenes_embedding_hnsw_idx'::regclass"));
        }
        finally
        {
            await ApiFixture.DropDatabaseAsync(database);
        }
    }
}

/// <summary>A host whose embedding configuration disagrees with the stored vectors does not start.</summary>
public class EmbeddingIndexGuardTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task HostStart_ShouldFailNamingTheReindexCommand_WhenTheStoredVectorsComeFromAnotherModel()
    {
        await using (var connection = new NpgsqlConnection(TestEnvironment.ConnectionString(TestEnvironment.Database)))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand(
                "INSERT INTO embedding_index (singleton, model, dimensions, state, updated_at) VALUES (true, 'openai/text-embedding-3-large/3072', 3072, 'ready', now())",
                connection);
            await insert.ExecuteNonQueryAsync();
        }

        try
        {
            await using var host = new ApiFactory(new Dictionary<string, string?> { ["AI:EmbeddingProvider"] = "hashing" });
            var error = Assert.Throws<InvalidOperationException>(() => host.CreateClient());

            Assert.Contains("reindex", error.Message);
            Assert.Contains("AI:EmbeddingProvider", error.Message);
            Assert.Contains("text-embedding-3-large", error.Message);
        }
        finally
        {
            // The shared database goes back to the index every other test's host expects.
            await using var connection = new NpgsqlConnection(TestEnvironment.ConnectionString(TestEnvironment.Database));
            await connection.OpenAsync();
            await using var delete = new NpgsqlCommand("DELETE FROM embedding_index WHERE model = 'openai/text-embedding-3-large/3072'", connection);
            await delete.ExecuteNonQueryAsync();
        }
    }
}

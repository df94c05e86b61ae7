using System.Globalization;
using AskVideo.Application.Common.Interfaces;
using Microsoft.Extensions.Logging;
using Npgsql;
using Pgvector;

namespace AskVideo.Infrastructure.Persistence.Search;

public enum EmbeddingIndexState
{
    /// <summary>The schema is not migrated yet; nothing to check.</summary>
    NotMigrated,

    /// <summary>The index holds (or is being re-indexed to) the configured model's vectors.</summary>
    Matches,

    /// <summary>The index holds another model's vectors: the configuration and the data disagree.</summary>
    Mismatch,
}

/// <summary>
/// Keeps the scenes' vector column in step with the configured embedder: the column's dimension is fixed to the
/// model's (pgvector needs a fixed dimension for an HNSW index), the model is recorded, and a configuration that
/// disagrees with the stored vectors is refused until <c>reindex</c> re-embeds every scene.
/// </summary>
public sealed class EmbeddingIndex(NpgsqlDataSource dataSource, IEmbedder embedder, TimeProvider time, ILogger<EmbeddingIndex> logger)
{
    private const long LockKey = 0x41_56_51_45_4D_42; // "AVQEMB"
    private const string HnswIndexName = "scenes_embedding_hnsw_idx";
    private volatile bool _ready;

    public sealed record Status(EmbeddingIndexState State, string? StoredModel, int? StoredDimensions, string Message);

    /// <summary>Compares the stored index with the configured embedder, without changing anything.</summary>
    public async Task<Status> CheckAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (!await TableExistsAsync(connection, cancellationToken))
            return new Status(EmbeddingIndexState.NotMigrated, null, null, "The database is not migrated yet.");
        var row = await ReadAsync(connection, cancellationToken);
        if (row is null || (row.Value.Model == embedder.ModelId && row.Value.Dimensions == embedder.Dimensions))
            return new Status(EmbeddingIndexState.Matches, row?.Model, row?.Dimensions, "The scene index matches the configured embedding model.");
        return new Status(EmbeddingIndexState.Mismatch, row.Value.Model, row.Value.Dimensions,
            $"The scene index holds {row.Value.Dimensions}-dimensional vectors of the embedding model '{row.Value.Model}', but the configuration " +
            $"(AI:EmbeddingProvider and its settings) now gives '{embedder.ModelId}' with {embedder.Dimensions} dimensions. " +
            "Run `AskVideo.Api reindex` to re-embed every scene with the configured model, or restore the previous AI:EmbeddingProvider settings.");
    }

    /// <summary>
    /// Makes sure the vector column and its HNSW index exist for the configured model (first use of a fresh
    /// database). Throws when the stored vectors belong to another model.
    /// </summary>
    public async Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        if (_ready) return;
        var status = await CheckAsync(cancellationToken);
        if (status.State == EmbeddingIndexState.Mismatch) throw new InvalidOperationException(status.Message);
        if (status.State == EmbeddingIndexState.NotMigrated) throw new InvalidOperationException(status.Message);
        if (status.StoredModel is null) await ConfigureAsync(reindexing: false, cancellationToken);
        _ready = true;
    }

    /// <summary>
    /// Switches the index to the configured model and re-embeds every scene that another model made, in batches
    /// committed one by one, so an interrupted run continues where it stopped. Reports (done, total) after each batch.
    /// </summary>
    public async Task ReindexAsync(string? apiKey, Action<long, long> report, CancellationToken cancellationToken, int batchSize = 64)
    {
        await ConfigureAsync(reindexing: true, cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var total = await ScalarAsync<long>(connection, "SELECT count(*) FROM scenes", cancellationToken);
        while (true)
        {
            var batch = new List<(Guid Id, string Text)>();
            await using (var select = new NpgsqlCommand(
                "SELECT id, text FROM scenes WHERE embedding IS NULL OR embedding_model IS DISTINCT FROM @model ORDER BY id LIMIT @limit", connection))
            {
                select.Parameters.AddWithValue("model", embedder.ModelId);
                select.Parameters.AddWithValue("limit", batchSize);
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken)) batch.Add((reader.GetGuid(0), reader.GetString(1)));
            }
            if (batch.Count == 0) break;
            var vectors = await embedder.EmbedAsync(batch.Select(b => b.Text).ToList(), apiKey, cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            for (var i = 0; i < batch.Count; i++)
            {
                await using var update = new NpgsqlCommand("UPDATE scenes SET embedding = @embedding, embedding_model = @model WHERE id = @id", connection, transaction);
                update.Parameters.AddWithValue("embedding", new Vector(vectors[i]));
                update.Parameters.AddWithValue("model", embedder.ModelId);
                update.Parameters.AddWithValue("id", batch[i].Id);
                await update.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            await using var count = new NpgsqlCommand("SELECT count(*) FROM scenes WHERE embedding_model IS DISTINCT FROM @model", connection);
            count.Parameters.AddWithValue("model", embedder.ModelId);
            var remaining = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
            report(total - remaining, total);
        }
        await CreateHnswIndexAsync(connection, cancellationToken);
        await ExecuteAsync(connection, "UPDATE embedding_index SET state = 'ready', updated_at = now()", cancellationToken);
        _ready = true;
        logger.LogInformation("Re-indexed {Total} scenes with {Model}", total, embedder.ModelId);
    }

    /// <summary>
    /// Records the configured model and fixes the column to its dimension. When the dimension or model changes, the
    /// old vectors cannot be kept (they are nulled; reindex refills them) and the HNSW index is rebuilt.
    /// </summary>
    private async Task ConfigureAsync(bool reindexing, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await AdvisoryLock.AcquireAsync(connection, LockKey, cancellationToken);
        try
        {
            var row = await ReadAsync(connection, cancellationToken);
            var sameModel = row is not null && row.Value.Model == embedder.ModelId && row.Value.Dimensions == embedder.Dimensions;
            if (sameModel && !reindexing)
            {
                await EnsureSignBitsAsync(connection, cancellationToken);
                return;
            }
            var dims = embedder.Dimensions.ToString(CultureInfo.InvariantCulture);
            if (!sameModel)
            {
                await SchemaCommands.ExecuteDdlAsync(connection, $"DROP INDEX IF EXISTS {HnswIndexName}", cancellationToken);
                // PostgreSQL cannot change the type of a column a generated column reads: the sign bits go first.
                await SchemaCommands.ExecuteDdlAsync(connection, "ALTER TABLE scenes DROP COLUMN IF EXISTS embedding_bq", cancellationToken);
                var typeChange = row is null
                    ? $"ALTER TABLE scenes ALTER COLUMN embedding TYPE vector({dims})"
                    : $"ALTER TABLE scenes ALTER COLUMN embedding TYPE vector({dims}) USING NULL::vector({dims})";
                await SchemaCommands.ExecuteDdlAsync(connection, typeChange, cancellationToken);
            }
            await EnsureSignBitsAsync(connection, cancellationToken);
            await using (var upsert = new NpgsqlCommand("""
                INSERT INTO embedding_index (singleton, model, dimensions, state, updated_at) VALUES (true, @model, @dims, @state, @now)
                ON CONFLICT (singleton) DO UPDATE SET model = EXCLUDED.model, dimensions = EXCLUDED.dimensions, state = EXCLUDED.state, updated_at = EXCLUDED.updated_at
                """, connection))
            {
                upsert.Parameters.AddWithValue("model", embedder.ModelId);
                upsert.Parameters.AddWithValue("dims", embedder.Dimensions);
                upsert.Parameters.AddWithValue("state", reindexing ? "reindexing" : "ready");
                upsert.Parameters.AddWithValue("now", time.GetUtcNow());
                await upsert.ExecuteNonQueryAsync(cancellationToken);
            }
            if (!reindexing) await CreateHnswIndexAsync(connection, cancellationToken);
            logger.LogInformation("Scene index set up for {Model} ({Dimensions} dimensions)", embedder.ModelId, embedder.Dimensions);
        }
        finally
        {
            await AdvisoryLock.ReleaseAsync(connection, LockKey);
        }
    }

    /// <summary>
    /// The sign bits of every vector (binary_quantize: one bit per dimension, 192 bytes at 1536-d), kept by
    /// PostgreSQL as a generated column, and a covering index on the scope columns that includes them: the first pass
    /// of a large scoped search reads only that index (see HybridSceneSearch and bench/retrieval).
    /// </summary>
    private async Task EnsureSignBitsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var dims = embedder.Dimensions.ToString(CultureInfo.InvariantCulture);
        await SchemaCommands.ExecuteDdlAsync(connection,
            $"ALTER TABLE scenes ADD COLUMN IF NOT EXISTS embedding_bq bit({dims}) GENERATED ALWAYS AS (binary_quantize(embedding)::bit({dims})) STORED",
            cancellationToken);
        await SchemaCommands.DropInvalidIndexAsync(connection, "scenes_owner_video_bq_idx", cancellationToken);
        await SchemaCommands.ExecuteDdlAsync(connection,
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS scenes_owner_video_bq_idx ON scenes (owner_id, video_id) INCLUDE (id, embedding_bq)", cancellationToken);
    }

    /// <summary>
    /// HNSW over cosine distance; pgvector indexes up to 2,000 dimensions as vector and up to 4,000 as halfvec.
    /// A build interrupted earlier (a stopped job, a lost connection) leaves an invalid index under the name, which
    /// IF NOT EXISTS would keep for ever (unused by queries, yet updated on every write): it is dropped and rebuilt.
    /// </summary>
    private async Task CreateHnswIndexAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var dims = embedder.Dimensions.ToString(CultureInfo.InvariantCulture);
        await SchemaCommands.DropInvalidIndexAsync(connection, HnswIndexName, cancellationToken);
        var sql = embedder.Dimensions <= 2000
            ? $"CREATE INDEX CONCURRENTLY IF NOT EXISTS {HnswIndexName} ON scenes USING hnsw (embedding vector_cosine_ops)"
            : $"CREATE INDEX CONCURRENTLY IF NOT EXISTS {HnswIndexName} ON scenes USING hnsw ((embedding::halfvec({dims})) halfvec_cosine_ops)";
        await SchemaCommands.ExecuteDdlAsync(connection, sql, cancellationToken);
    }

    private static async Task<(string Model, int Dimensions)?> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT model, dimensions FROM embedding_index", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetString(0), reader.GetInt32(1)) : null;
    }

    private static async Task<bool> TableExistsAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        await ScalarAsync<bool>(connection, "SELECT to_regclass('public.embedding_index') IS NOT NULL", cancellationToken);

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

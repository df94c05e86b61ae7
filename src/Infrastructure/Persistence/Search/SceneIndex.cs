using AskVideo.Application.Common.Interfaces;
using AskVideo.Domain.Common;
using AskVideo.Domain.Transcripts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Pgvector;

namespace AskVideo.Infrastructure.Persistence.Search;

/// <summary>
/// Writes a video's segments and scenes (with pgvector embeddings) on the unit of work's own connection and
/// transaction, with binary COPY. The delete-then-insert replaces the previous version atomically when the caller commits.
/// </summary>
internal sealed class SceneIndex(AppDbContext db, EmbeddingIndex embeddingIndex) : ISceneIndex
{
    public async Task ReplaceAsync(Guid videoId, Guid ownerId, string? language, IReadOnlyList<TranscriptLine> segments,
        IReadOnlyList<IndexedScene> scenes, string embeddingModel, CancellationToken cancellationToken)
    {
        await embeddingIndex.EnsureReadyAsync(cancellationToken);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction
            ?? throw new InvalidOperationException("Scenes must be replaced inside the unit of work's transaction.");
        var connection = transaction.Connection!;

        await using (var delete = new NpgsqlCommand(
            "DELETE FROM scenes WHERE video_id = @id; DELETE FROM transcript_segments WHERE video_id = @id;", connection, transaction))
        {
            delete.Parameters.AddWithValue("id", videoId);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY transcript_segments (video_id, position, start_ms, end_ms, text) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var i = 0; i < segments.Count; i++)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(videoId, NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(segments[i].StartMs, NpgsqlDbType.Bigint, cancellationToken);
                await writer.WriteAsync(segments[i].EndMs, NpgsqlDbType.Bigint, cancellationToken);
                await writer.WriteAsync(segments[i].Text, NpgsqlDbType.Text, cancellationToken);
            }
            await writer.CompleteAsync(cancellationToken);
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY scenes (id, video_id, owner_id, position, start_ms, end_ms, text, token_count, language, embedding, embedding_model) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            foreach (var scene in scenes)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(Ids.New(), NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(videoId, NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(ownerId, NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(scene.Index, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(scene.StartMs, NpgsqlDbType.Bigint, cancellationToken);
                await writer.WriteAsync(scene.EndMs, NpgsqlDbType.Bigint, cancellationToken);
                await writer.WriteAsync(scene.Text, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(scene.TokenCount, NpgsqlDbType.Integer, cancellationToken);
                if (language is null) await writer.WriteNullAsync(cancellationToken);
                else await writer.WriteAsync(language, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(new Vector(scene.Embedding), "vector", cancellationToken);
                await writer.WriteAsync(embeddingModel, NpgsqlDbType.Text, cancellationToken);
            }
            await writer.CompleteAsync(cancellationToken);
        }
    }
}

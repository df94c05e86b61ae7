using Npgsql;
using NpgsqlTypes;
using Pgvector;

namespace AskVideo.Integration.Tests.Infrastructure;

/// <summary>Scenes written straight into a scratch database of a test (no pipeline): for the search and index tests.</summary>
public static class SceneRows
{
    /// <summary>
    /// An owner with one ready video whose scenes are <paramref name="scenes"/>, in order, two positions apart (so no
    /// two merge into one passage), ten seconds each, in English, embedded by <paramref name="modelId"/>. Returns the
    /// owner, the video and the scenes' ids in order.
    /// </summary>
    public static async Task<(Guid Owner, Guid Video, List<Guid> SceneIds)> SeedVideoAsync(NpgsqlDataSource dataSource, IReadOnlyList<(string Text, float[] Vector)> scenes, string modelId)
    {
        var (owner, video) = (Guid.NewGuid(), Guid.NewGuid());
        var name = owner.ToString("N")[..12];
        await using (var insert = dataSource.CreateCommand($"""
            INSERT INTO users (id, email, normalized_email, username, normalized_username, password_hash, created_at, updated_at)
            VALUES ('{owner}', '{name}@x.test', '{name}@x.test', '{name}', '{name}', 'x', now(), now());
            INSERT INTO videos (id, owner_id, title, original_file_name, content_type, size_bytes, storage_key, status, created_at, updated_at)
            VALUES ('{video}', '{owner}', 'Scenes', 'f.mp4', 'video/mp4', 1, 'k', 'ready', now(), now());
            """))
            await insert.ExecuteNonQueryAsync();
        var ids = scenes.Select(_ => Guid.NewGuid()).ToList();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY scenes (id, video_id, owner_id, position, start_ms, end_ms, text, token_count, language, embedding, embedding_model) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < scenes.Count; i++)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(ids[i], NpgsqlDbType.Uuid);
                await writer.WriteAsync(video, NpgsqlDbType.Uuid);
                await writer.WriteAsync(owner, NpgsqlDbType.Uuid);
                await writer.WriteAsync(i * 2, NpgsqlDbType.Integer);
                await writer.WriteAsync(i * 10_000L, NpgsqlDbType.Bigint);
                await writer.WriteAsync(i * 10_000L + 9_000, NpgsqlDbType.Bigint);
                await writer.WriteAsync(scenes[i].Text, NpgsqlDbType.Text);
                await writer.WriteAsync(12, NpgsqlDbType.Integer);
                await writer.WriteAsync("en", NpgsqlDbType.Text);
                await writer.WriteAsync(new Vector(scenes[i].Vector), "vector");
                await writer.WriteAsync(modelId, NpgsqlDbType.Text);
            }
            await writer.CompleteAsync();
        }
        await using (var analyze = new NpgsqlCommand("ANALYZE scenes", connection))
            await analyze.ExecuteNonQueryAsync();
        return (owner, video, ids);
    }
}

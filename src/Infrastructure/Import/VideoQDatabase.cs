using System.Runtime.CompilerServices;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Infrastructure.Configuration;
using Npgsql;

namespace AskVideo.Infrastructure.Import;

/// <summary>Opens a VideoQ installation: its database (connection string or postgres:// URL) and its media folder.</summary>
internal sealed class VideoQSourceFactory : IVideoQSourceFactory
{
    /// <summary>Django's tables of VideoQ's app (app label "app") the import reads.</summary>
    private static readonly string[] Tables = ["app_user", "app_video", "app_videogroup", "app_videogroupmember", "app_chatlog"];

    public async Task<IVideoQSource> OpenAsync(string database, string mediaFolder, CancellationToken cancellationToken)
    {
        string connectionString;
        try
        {
            connectionString = PostgresUrl.IsUrl(database) ? PostgresUrl.ToConnectionString(database) : new NpgsqlConnectionStringBuilder(database).ConnectionString;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            // Never the value itself: it holds a password.
            throw new InvalidOperationException($"The VideoQ database is neither a postgres:// URL nor an Npgsql connection string: {ex.Message}", ex);
        }
        var root = Path.GetFullPath(mediaFolder);
        if (!Directory.Exists(root)) throw new InvalidOperationException($"The VideoQ media folder {root} does not exist.");

        var dataSource = NpgsqlDataSource.Create(connectionString);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var columns = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            await using (var command = new NpgsqlCommand("""
                SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = ANY(@tables)
                """, connection))
            {
                command.Parameters.AddWithValue("tables", Tables);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var table = reader.GetString(0);
                    if (!columns.TryGetValue(table, out var set)) columns[table] = set = new HashSet<string>(StringComparer.Ordinal);
                    set.Add(reader.GetString(1));
                }
            }
            var missing = Tables.Where(t => !columns.ContainsKey(t)).ToList();
            if (missing.Count > 0)
                throw new InvalidOperationException($"This is not a VideoQ database: table(s) {string.Join(", ", missing)} missing (VideoQ's Django app keeps its data in app_*).");
            var chatLog = columns["app_chatlog"];
            var citations = chatLog.Contains("citations") ? "citations" : chatLog.Contains("related_videos") ? "related_videos"
                : throw new InvalidOperationException("This VideoQ database's app_chatlog has neither citations nor related_videos.");
            return new VideoQDatabase(dataSource, root, citations, chatLog.Contains("retrieved_contexts"), columns["app_video"].Contains("deleted_at"));
        }
        catch
        {
            await dataSource.DisposeAsync();
            throw;
        }
    }
}

/// <summary>
/// Reads the tables of VideoQ's Django models (app_user, app_video, app_videogroup, app_videogroupmember, app_chatlog)
/// with plain SQL, tolerating the column renames of VideoQ's history (related_videos → citations in its migration
/// 0025, retrieved_contexts from 0034, the short-lived soft delete of 0002).
/// </summary>
internal sealed class VideoQDatabase(NpgsqlDataSource dataSource, string mediaRoot, string citationsColumn, bool hasRetrievedContexts, bool hasDeletedAt)
    : IVideoQSource
{
    public Task<IReadOnlyList<VideoQUser>> ReadUsersAsync(CancellationToken cancellationToken) => ListAsync("""
        SELECT id::bigint, username, coalesce(email, ''), password, is_active, is_superuser, date_joined FROM app_user ORDER BY id
        """, r => new VideoQUser(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetBoolean(4), r.GetBoolean(5),
        r.GetFieldValue<DateTimeOffset>(6)), cancellationToken);

    public Task<IReadOnlyList<VideoQVideo>> ReadVideosAsync(CancellationToken cancellationToken) => ListAsync($"""
        SELECT id::bigint, user_id::bigint, coalesce(file, ''), title, coalesce(description, ''), coalesce(transcript, ''), status, uploaded_at
        FROM app_video {(hasDeletedAt ? "WHERE deleted_at IS NULL" : string.Empty)} ORDER BY id
        """, r => new VideoQVideo(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
        r.GetFieldValue<DateTimeOffset>(7)), cancellationToken);

    public Task<IReadOnlyList<VideoQGroup>> ReadGroupsAsync(CancellationToken cancellationToken) => ListAsync("""
        SELECT id::bigint, user_id::bigint, name, coalesce(description, ''), created_at FROM app_videogroup ORDER BY id
        """, r => new VideoQGroup(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetFieldValue<DateTimeOffset>(4)), cancellationToken);

    public Task<IReadOnlyList<VideoQMember>> ReadMembersAsync(CancellationToken cancellationToken) => ListAsync("""
        SELECT group_id::bigint, video_id::bigint, "order", added_at FROM app_videogroupmember ORDER BY group_id, "order", added_at, id
        """, r => new VideoQMember(r.GetInt64(0), r.GetInt64(1), r.GetInt32(2), r.GetFieldValue<DateTimeOffset>(3)), cancellationToken);

    public async IAsyncEnumerable<VideoQChatLog> ReadChatLogsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT id::bigint, user_id::bigint, group_id::bigint, question, answer, coalesce({citationsColumn}::text, '[]'),
                   {(hasRetrievedContexts ? "retrieved_contexts::text" : "NULL::text")}, is_shared_origin, feedback, created_at
            FROM app_chatlog ORDER BY id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new VideoQChatLog(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetBoolean(7), reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.GetFieldValue<DateTimeOffset>(9));
        }
    }

    public Task<VideoQMedia?> OpenMediaAsync(string relativePath, CancellationToken cancellationToken)
    {
        // Django stores the name relative to MEDIA_ROOT with '/' separators; nothing outside the folder is opened.
        var path = Path.GetFullPath(Path.Combine(mediaRoot, relativePath.Replace('\\', '/').TrimStart('/')));
        if (!path.StartsWith(mediaRoot.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path))
            return Task.FromResult<VideoQMedia?>(null);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return Task.FromResult<VideoQMedia?>(new VideoQMedia(stream, stream.Length));
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    private async Task<IReadOnlyList<T>> ListAsync<T>(string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken)) rows.Add(read(reader));
        return rows;
    }
}

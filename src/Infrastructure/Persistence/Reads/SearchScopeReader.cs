using AskVideo.Application.Common.Interfaces;
using Npgsql;

namespace AskVideo.Infrastructure.Persistence.Reads;

/// <summary>
/// The scope of a search and the owner's AI key in one statement per kind of scope (each auto-prepared), on the
/// primary like the ownership checks of the commands: a group's membership read from a lagging replica could
/// search a video the owner just removed. A null array means the video or group is not the owner's.
/// </summary>
internal sealed class SearchScopeReader(StatelessReadPool pool) : ISearchScopeReader
{
    private const string VideoSql = """
        SELECT u.openai_key_ciphertext, CASE WHEN v.id IS NULL THEN NULL ELSE ARRAY[v.id] END
        FROM users u LEFT JOIN videos v ON v.id = @video AND v.owner_id = u.id
        WHERE u.id = @owner
        """;

    private const string GroupSql = """
        SELECT u.openai_key_ciphertext, CASE WHEN g.id IS NULL THEN NULL ELSE ARRAY(SELECT m.video_id FROM video_group_members m WHERE m.group_id = g.id) END
        FROM users u LEFT JOIN video_groups g ON g.id = @group AND g.owner_id = u.id
        WHERE u.id = @owner
        """;

    private const string LibrarySql = """
        SELECT u.openai_key_ciphertext, ARRAY(SELECT v.id FROM videos v WHERE v.owner_id = u.id)
        FROM users u
        WHERE u.id = @owner
        """;

    public async Task<SearchScope?> ReadAsync(Guid ownerId, Guid? groupId, Guid? videoId, CancellationToken cancellationToken)
    {
        await using var connection = await pool.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(videoId is not null ? VideoSql : groupId is not null ? GroupSql : LibrarySql, connection);
        command.Parameters.AddWithValue("owner", ownerId);
        if (videoId is { } video) command.Parameters.AddWithValue("video", video);
        else if (groupId is { } group) command.Parameters.AddWithValue("group", group);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken) || reader.IsDBNull(1)) return null;
        return new SearchScope(reader.GetFieldValue<Guid[]>(1), reader.IsDBNull(0) ? null : reader.GetString(0));
    }
}

using System.Text;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Videos.Common;
using AskVideo.Domain.Videos;
using Npgsql;

namespace AskVideo.Infrastructure.Persistence.Reads;

/// <summary>
/// The library list in one SQL statement (the hot read of the SPA): the page of videos with the total count as a
/// window over the filtered rows, and each video's tags and groups aggregated into arrays by lateral joins. Only a
/// page past the end, which has no row to carry the count, costs a second (count) statement. Rows are read by
/// ordinal with typed getters (Npgsql reads timestamptz as UTC DateTime). Runs on the read replica when there is one.
/// </summary>
internal sealed class VideoListReader(StatelessReadPool pool, ReadRouting routing, IMediaLinks links) : IVideoListReader
{
    public async Task<VideoListPage> ListAsync(VideoListFilter filter, CancellationToken cancellationToken)
    {
        var where = Where(filter);
        var (order, outerOrder) = filter.Sort switch
        {
            VideoListSort.OldestFirst => ("v.created_at, v.id", "p.created_at, p.id"),
            VideoListSort.TitleAscending => ("lower(v.title), v.id", "lower(p.title), p.id"),
            VideoListSort.TitleDescending => ("lower(v.title) DESC, v.id DESC", "lower(p.title) DESC, p.id DESC"),
            _ => ("v.created_at DESC, v.id DESC", "p.created_at DESC, p.id DESC"),
        };
        var sql = $"""
            SELECT p.id, p.title, p.description, p.status, p.stage, p.progress, p.error_code, p.error_message,
                   p.original_file_name, p.content_type, p.size_bytes, p.duration_seconds, p.width, p.height, p.language,
                   p.has_subtitles, p.has_thumbnail, p.created_at, p.updated_at, p.processed_at,
                   p.total, tg.ids, tg.names, tg.colors, gr.ids, gr.names
            FROM (
                SELECT v.id, v.title, v.description, v.status, v.stage, v.progress, v.error_code, v.error_message,
                       v.original_file_name, v.content_type, v.size_bytes, v.duration_seconds, v.width, v.height, v.language,
                       v.subtitles_key IS NOT NULL AS has_subtitles, v.thumbnail_key IS NOT NULL AS has_thumbnail,
                       v.created_at, v.updated_at, v.processed_at, count(*) OVER () AS total
                FROM videos v
                WHERE {where}
                ORDER BY {order}
                LIMIT @Take OFFSET @Skip
            ) p
            LEFT JOIN LATERAL (
                SELECT array_agg(t.id) AS ids, array_agg(t.name) AS names, array_agg(t.color) AS colors
                FROM video_tags vt JOIN tags t ON t.id = vt.tag_id
                WHERE vt.video_id = p.id
            ) tg ON true
            LEFT JOIN LATERAL (
                SELECT array_agg(g.id) AS ids, array_agg(g.name) AS names
                FROM video_group_members m JOIN video_groups g ON g.id = m.group_id
                WHERE m.video_id = p.id
            ) gr ON true
            ORDER BY {outerOrder}
            """;
        await using var connection = await routing.OpenAsync(filter.OwnerId, pool.DataSource, cancellationToken);
        var items = new List<VideoDto>(filter.Take);
        long total = 0;
        // Typed reads by ordinal (the column order above): no boxing of the 26 columns of each row.
        await using (var command = Command(connection, sql, filter))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(ToDto(reader));
                total = reader.GetInt64(20);
            }
        }
        if (items.Count == 0 && filter.Skip > 0)
        {
            await using var count = Command(connection, $"SELECT count(*) FROM videos v WHERE {where}", filter);
            total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }
        return new VideoListPage(items, total);
    }

    private static string Where(VideoListFilter filter)
    {
        var where = new StringBuilder("v.owner_id = @OwnerId");
        // The same expression as the trigram index videos_search_trgm_idx.
        if (filter.SearchPattern is not null) where.Append(" AND lower(v.title || ' ' || coalesce(v.description, '')) LIKE @SearchPattern ESCAPE '\\'");
        if (filter.Status is not null) where.Append(" AND v.status = @Status");
        if (filter.TagId is not null || filter.TagNormalizedName is not null)
        {
            var match = (filter.TagId, filter.TagNormalizedName) switch
            {
                (not null, not null) => "(t.id = @TagId OR t.normalized_name = @TagName)",
                (not null, null) => "t.id = @TagId",
                _ => "t.normalized_name = @TagName",
            };
            where.Append(" AND EXISTS (SELECT 1 FROM video_tags vt JOIN tags t ON t.id = vt.tag_id WHERE vt.video_id = v.id AND t.owner_id = @OwnerId AND ")
                .Append(match).Append(')');
        }
        return where.ToString();
    }

    /// <summary>The statement with the parameters its text names (the same names as <see cref="Where"/> uses).</summary>
    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, VideoListFilter filter)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<Guid>("OwnerId", filter.OwnerId));
        command.Parameters.Add(new NpgsqlParameter<int>("Take", filter.Take));
        command.Parameters.Add(new NpgsqlParameter<int>("Skip", filter.Skip));
        if (filter.SearchPattern is not null) command.Parameters.Add(new NpgsqlParameter<string>("SearchPattern", filter.SearchPattern));
        if (filter.Status is { } status) command.Parameters.Add(new NpgsqlParameter<string>("Status", SnakeCaseNames.ToSnakeCase(status.ToString())));
        if (filter.TagId is { } tagId) command.Parameters.Add(new NpgsqlParameter<Guid>("TagId", tagId));
        if (filter.TagNormalizedName is not null) command.Parameters.Add(new NpgsqlParameter<string>("TagName", filter.TagNormalizedName));
        return command;
    }

    private VideoDto ToDto(NpgsqlDataReader r)
    {
        var id = r.GetGuid(0);
        return new VideoDto(
            id, r.GetString(1), Text(r, 2), SnakeCaseNames.ParseEnum<VideoStatus>(r.GetString(3)),
            r.IsDBNull(4) ? null : SnakeCaseNames.ParseEnum<ProcessingStage>(r.GetString(4)), r.GetInt32(5),
            r.IsDBNull(6) ? null : new VideoErrorDto(r.GetString(6), Text(r, 7) ?? string.Empty), r.GetString(8), r.GetString(9),
            r.GetInt64(10), r.IsDBNull(11) ? null : r.GetDouble(11), Int(r, 12), Int(r, 13), Text(r, 14), r.GetBoolean(15),
            Tags(r), Groups(r), links.Media(id), r.GetBoolean(16) ? links.Thumbnail(id) : null,
            Utc(r.GetDateTime(17)), Utc(r.GetDateTime(18)), r.IsDBNull(19) ? null : Utc(r.GetDateTime(19)));
    }

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static int? Int(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);

    // The aggregates are null when there is nothing. The same order as the single-video reads (VideoAccess.ToDtosAsync): by name, ordinal.
    private static List<TagDto> Tags(NpgsqlDataReader r)
    {
        if (r.IsDBNull(21)) return [];
        var (ids, names, colors) = (r.GetFieldValue<Guid[]>(21), r.GetFieldValue<string[]>(22), r.GetFieldValue<string[]>(23));
        var tags = new List<TagDto>(ids.Length);
        for (var i = 0; i < ids.Length; i++) tags.Add(new TagDto(ids[i], names[i], colors[i]));
        tags.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return tags;
    }

    private static List<VideoGroupRefDto> Groups(NpgsqlDataReader r)
    {
        if (r.IsDBNull(24)) return [];
        var (ids, names) = (r.GetFieldValue<Guid[]>(24), r.GetFieldValue<string[]>(25));
        var groups = new List<VideoGroupRefDto>(ids.Length);
        for (var i = 0; i < ids.Length; i++) groups.Add(new VideoGroupRefDto(ids[i], names[i]));
        groups.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return groups;
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}

using System.Text;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Videos.Common;
using AskVideo.Domain.Videos;
using Dapper;
using Npgsql;

namespace AskVideo.Infrastructure.Persistence.Reads;

/// <summary>
/// The library list in one SQL statement (the hot read of the SPA): the page of videos with the total count as a
/// window over the filtered rows, and each video's tags and groups aggregated into arrays by lateral joins. Only a
/// page past the end, which has no row to carry the count, costs a second (count) statement.
/// </summary>
internal sealed class VideoListReader(NpgsqlDataSource dataSource) : IVideoListReader
{
    // Npgsql reads timestamptz as UTC DateTime; arrays of the lateral aggregates are null when there is nothing.
    private sealed class Row
    {
        public Guid Id { get; init; }
        public string Title { get; init; } = string.Empty;
        public string? Description { get; init; }
        public string Status { get; init; } = string.Empty;
        public string? Stage { get; init; }
        public int Progress { get; init; }
        public string? ErrorCode { get; init; }
        public string? ErrorMessage { get; init; }
        public string OriginalFileName { get; init; } = string.Empty;
        public string ContentType { get; init; } = string.Empty;
        public long SizeBytes { get; init; }
        public double? DurationSeconds { get; init; }
        public int? Width { get; init; }
        public int? Height { get; init; }
        public string? Language { get; init; }
        public bool HasSubtitles { get; init; }
        public bool HasThumbnail { get; init; }
        public DateTime CreatedAt { get; init; }
        public DateTime UpdatedAt { get; init; }
        public DateTime? ProcessedAt { get; init; }
        public long Total { get; init; }
        public Guid[]? TagIds { get; init; }
        public string[]? TagNames { get; init; }
        public string[]? TagColors { get; init; }
        public Guid[]? GroupIds { get; init; }
        public string[]? GroupNames { get; init; }
    }

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
            SELECT p.id, p.title, p.description, p.status, p.stage, p.progress, p.error_code AS errorcode, p.error_message AS errormessage,
                   p.original_file_name AS originalfilename, p.content_type AS contenttype, p.size_bytes AS sizebytes,
                   p.duration_seconds AS durationseconds, p.width, p.height, p.language, p.has_subtitles AS hassubtitles,
                   p.has_thumbnail AS hasthumbnail, p.created_at AS createdat, p.updated_at AS updatedat, p.processed_at AS processedat,
                   p.total, tg.ids AS tagids, tg.names AS tagnames, tg.colors AS tagcolors, gr.ids AS groupids, gr.names AS groupnames
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
        var args = Arguments(filter);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(sql, args, cancellationToken: cancellationToken))).AsList();
        var total = rows.Count > 0
            ? rows[0].Total
            : filter.Skip == 0 ? 0 : await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                $"SELECT count(*) FROM videos v WHERE {where}", args, cancellationToken: cancellationToken));
        return new VideoListPage(rows.ConvertAll(ToDto), total);
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

    private static object Arguments(VideoListFilter filter) => new
    {
        filter.OwnerId,
        filter.SearchPattern,
        Status = filter.Status is { } status ? SnakeCaseNames.ToSnakeCase(status.ToString()) : null,
        filter.TagId,
        TagName = filter.TagNormalizedName,
        filter.Take,
        filter.Skip,
    };

    private static VideoDto ToDto(Row r) => new(
        r.Id, r.Title, r.Description, SnakeCaseNames.ParseEnum<VideoStatus>(r.Status),
        r.Stage is null ? null : SnakeCaseNames.ParseEnum<ProcessingStage>(r.Stage), r.Progress,
        r.ErrorCode is null ? null : new VideoErrorDto(r.ErrorCode, r.ErrorMessage ?? string.Empty), r.OriginalFileName, r.ContentType,
        r.SizeBytes, r.DurationSeconds, r.Width, r.Height, r.Language, r.HasSubtitles, Tags(r), Groups(r),
        VideoMapping.MediaUrl(r.Id), r.HasThumbnail ? VideoMapping.ThumbnailUrl(r.Id) : null, Utc(r.CreatedAt), Utc(r.UpdatedAt),
        r.ProcessedAt is { } processed ? Utc(processed) : null);

    // The same order as the single-video reads (VideoAccess.ToDtosAsync): by name, ordinal.
    private static List<TagDto> Tags(Row r) => r.TagIds is null || r.TagNames is null || r.TagColors is null
        ? []
        : r.TagIds.Select((id, i) => new TagDto(id, r.TagNames[i], r.TagColors[i])).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();

    private static List<VideoGroupRefDto> Groups(Row r) => r.GroupIds is null || r.GroupNames is null
        ? []
        : r.GroupIds.Select((id, i) => new VideoGroupRefDto(id, r.GroupNames[i])).OrderBy(g => g.Name, StringComparer.Ordinal).ToList();

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}

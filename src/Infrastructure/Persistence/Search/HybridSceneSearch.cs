using AskVideo.Application.Common.Interfaces;
using Npgsql;
using NpgsqlTypes;
using Pgvector;

namespace AskVideo.Infrastructure.Persistence.Search;

/// <summary>
/// Hybrid retrieval in one SQL statement over the allowed scope only (the owner's scenes of the given videos):
/// exact cosine top-k on the vectors, full-text top-k (English stemming, plus the simple configuration without
/// English stop words for Japanese scenes) and word-trigram top-k (fuzzy words, and Japanese, which has no word breaks), fused with
/// reciprocal rank fusion (k = 60); then neighbouring scenes of one video are merged into one passage. Runs on the read
/// replica when there is one (the vector column's set-up stays on the primary), else on the primary's
/// <see cref="StatelessReadPool"/>: the statement leaves no session state, so its connection skips Npgsql's reset.
/// </summary>
internal sealed class HybridSceneSearch(StatelessReadPool pool, ReadRouting routing, EmbeddingIndex embeddingIndex) : ISceneSearch
{
    /// <summary>Candidates per ranking before fusion (SPEC §5: up to 40).</summary>
    public const int Candidates = 40;

    private const int RrfK = 60;

    /// <summary>At most this many neighbouring scenes become one passage, so a citation stays a moment, not a whole video.</summary>
    private const int MaxMerged = 3;

    // The vector ranking follows the plan measured by bench/retrieval (VectorSearch.sql.md): a scope of up to
    // ExactBelow scenes is scanned exactly; a larger one takes the nearest RerankCandidates by Hamming distance of the
    // sign bits (embedding_bq, read from a covering index without touching the vectors) and re-ranks them exactly.
    // The MATERIALIZED CTEs keep the planner off the HNSW index, whose recall a scope filter would cut.
    private const string Sql = """
        WITH scope_size AS MATERIALIZED (
            SELECT count(*) AS n FROM (SELECT 1 FROM scenes WHERE owner_id = @owner AND video_id = ANY(@videos) LIMIT @exactBelow + 1) capped
        ),
        exact_scope AS MATERIALIZED (
            SELECT id, embedding FROM scenes
            WHERE owner_id = @owner AND video_id = ANY(@videos) AND embedding IS NOT NULL AND (SELECT n FROM scope_size) <= @exactBelow
        ),
        bit_candidates AS MATERIALIZED (
            SELECT id FROM scenes
            WHERE owner_id = @owner AND video_id = ANY(@videos) AND embedding_bq IS NOT NULL AND (SELECT n FROM scope_size) > @exactBelow
            ORDER BY embedding_bq <~> binary_quantize(@vector) LIMIT @rerank
        ),
        by_vector AS (
            SELECT id, row_number() OVER (ORDER BY distance) AS r
            FROM (SELECT id, distance FROM (
                      SELECT id, embedding <=> @vector AS distance FROM exact_scope
                      UNION ALL
                      SELECT s.id, s.embedding <=> @vector FROM bit_candidates c JOIN scenes s ON s.id = c.id) hits
                  ORDER BY distance LIMIT @candidates) v
        ),
        -- Questions are not keyword queries: any of their words may match (OR), and ts_rank_cd rewards scenes that
        -- match more of them, closer together. Quoted phrases stay phrases.
        query AS (
            SELECT replace(websearch_to_tsquery('english', @text)::text, ' & ', ' | ')::tsquery
                || replace(websearch_to_tsquery('askvideo_simple', @text)::text, ' & ', ' | ')::tsquery AS q
        ),
        -- ts_rank_cd reads each scene's TOASTed tsvector: ranking every match of a large scope took most of the
        -- statement (20k scenes: 300-700 ms). The matches are found word by word in the GIN index instead (no
        -- tsvector read), and only the TextRerank scenes with the most, rarest, question words are ranked.
        text_terms AS MATERIALIZED (
            SELECT DISTINCT format('''%s''', replace(replace(lexeme, '\', '\\'), '''', ''''''))::tsquery AS term
            FROM unnest(tsvector_to_array(to_tsvector('english', @text) || to_tsvector('askvideo_simple', @text))) AS l(lexeme)
        ),
        term_hits AS MATERIALIZED (
            SELECT t.term, s.id FROM text_terms t CROSS JOIN LATERAL (
                SELECT id FROM scenes WHERE owner_id = @owner AND video_id = ANY(@videos) AND search_vector @@ t.term) s
        ),
        text_candidates AS (
            SELECT h.id FROM term_hits h JOIN (SELECT term, count(*)::float8 AS df FROM term_hits GROUP BY term) d ON d.term = h.term
            GROUP BY h.id ORDER BY sum(1 / d.df) DESC LIMIT @textRerank
        ),
        by_text AS (
            SELECT id, row_number() OVER (ORDER BY rank DESC) AS r
            FROM (SELECT s.id, ts_rank_cd(s.search_vector, query.q) AS rank FROM text_candidates c JOIN scenes s ON s.id = c.id, query
                  WHERE s.search_vector @@ query.q ORDER BY 2 DESC LIMIT @candidates) t
        ),
        by_trigram AS (
            SELECT id, row_number() OVER (ORDER BY similarity DESC) AS r
            FROM (SELECT id, word_similarity(@text, text) AS similarity FROM scenes
                  WHERE owner_id = @owner AND video_id = ANY(@videos) AND @text <% text ORDER BY 2 DESC LIMIT @candidates) g
        ),
        fused AS (
            SELECT id, sum(1.0 / (@rrf + r)) AS score
            FROM (SELECT * FROM by_vector UNION ALL SELECT * FROM by_text UNION ALL SELECT * FROM by_trigram) ranked
            GROUP BY id ORDER BY score DESC LIMIT @candidates
        )
        SELECT s.id, s.video_id, v.title, s.position, s.start_ms, s.end_ms, s.text, f.score::float8,
               CASE WHEN @highlight THEN ts_headline('english',
                   replace(replace(replace(s.text, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), query.q,
                   'StartSel=<b>, StopSel=</b>, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "') END
        FROM fused f JOIN scenes s ON s.id = f.id JOIN videos v ON v.id = s.video_id, query
        ORDER BY f.score DESC
        """;

    /// <summary>Scopes up to this many scenes are searched exactly (measured: as fast as the two passes, and exact).</summary>
    public const int ExactBelow = 3000;

    /// <summary>Sign-bit candidates re-ranked exactly in a larger scope (measured recall@20 0.97 at 400).</summary>
    public const int RerankCandidates = 400;

    /// <summary>
    /// Full-text matches ranked by ts_rank_cd: those with the most, rarest, question words (a scope with fewer
    /// matches is ranked exactly). See docs/decisions.md, "Hybrid search on large groups".
    /// </summary>
    public const int TextRerank = 400;

    private sealed record Row(Guid Id, Guid VideoId, string Title, int Position, long StartMs, long EndMs, string Text, double Score, string? Snippet);

    public async Task<IReadOnlyList<RetrievedScene>> SearchAsync(SceneQuery query, CancellationToken cancellationToken)
    {
        if (query.VideoIds.Count == 0 || string.IsNullOrWhiteSpace(query.Text)) return [];
        // The vector column's dimension and its sign bits are set up on first use (a fresh database has neither).
        await embeddingIndex.EnsureReadyAsync(cancellationToken);
        await using var connection = await routing.OpenAsync(query.OwnerId, pool.DataSource, cancellationToken);
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.AddWithValue("owner", query.OwnerId);
        command.Parameters.Add(new NpgsqlParameter("videos", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = query.VideoIds.ToArray() });
        command.Parameters.AddWithValue("text", query.Text.Length <= 500 ? query.Text : query.Text[..500]);
        command.Parameters.AddWithValue("vector", new Vector(query.Vector));
        command.Parameters.AddWithValue("candidates", Candidates);
        command.Parameters.AddWithValue("exactBelow", ExactBelow);
        command.Parameters.AddWithValue("rerank", RerankCandidates);
        command.Parameters.AddWithValue("textRerank", TextRerank);
        command.Parameters.AddWithValue("rrf", RrfK);
        command.Parameters.AddWithValue("highlight", query.Highlight);
        var rows = new List<Row>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new Row(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt64(4), reader.GetInt64(5),
                    reader.GetString(6), reader.GetDouble(7), reader.IsDBNull(8) ? null : reader.GetString(8)));
            }
        }
        return MergeNeighbours(rows).Take(query.Limit).ToList();
    }

    /// <summary>
    /// Scenes of one video that follow each other are one passage to a reader: they are merged (the best score,
    /// the joined text and times, the best scene's id) so the answer cites one moment instead of two halves.
    /// </summary>
    private static IEnumerable<RetrievedScene> MergeNeighbours(List<Row> rows)
    {
        var taken = new HashSet<Guid>();
        var byVideo = rows.ToLookup(r => r.VideoId);
        foreach (var best in rows)
        {
            if (!taken.Add(best.Id)) continue;
            var run = new List<Row> { best };
            var siblings = byVideo[best.VideoId].ToDictionary(r => r.Position);
            for (var p = best.Position - 1; run.Count < MaxMerged && siblings.TryGetValue(p, out var before) && taken.Add(before.Id); p--) run.Insert(0, before);
            for (var p = best.Position + 1; run.Count < MaxMerged && siblings.TryGetValue(p, out var after) && taken.Add(after.Id); p++) run.Add(after);
            var snippet = string.Join(" … ", run.Select(r => r.Snippet).Where(s => !string.IsNullOrEmpty(s)));
            yield return new RetrievedScene(best.Id, best.VideoId, best.Title, run[0].StartMs, run.Max(r => r.EndMs),
                string.Join(' ', run.Select(r => r.Text)), best.Score, snippet.Length == 0 ? null : snippet);
        }
    }
}

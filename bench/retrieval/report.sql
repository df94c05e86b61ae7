-- Prints the Retrieval section of docs/benchmarks.md from bench_results. Variables: :machine, :k, :candidates, :exact_below.
WITH s AS (SELECT * FROM bench_summary),
sizes AS (SELECT scope, scenes, cardinality(video_ids) AS videos FROM bench_scopes),
big AS (SELECT * FROM s WHERE scope = 'big'), small AS (SELECT * FROM s WHERE scope = 'small'),
c AS (SELECT * FROM big WHERE label = 'chosen'), r AS (SELECT * FROM big WHERE label = 'reference'),
rows AS (
  SELECT l.label, l.ord, l.cand, b.p50 AS bp50, b.p95 AS bp95, b.recall AS brec, b.min_recall AS bmin, b.nodes AS bnodes,
         sm.p50 AS sp50, sm.p95 AS sp95, sm.recall AS srec, sm.min_recall AS smin, sm.nodes AS snodes
  FROM (SELECT DISTINCT label, CASE WHEN label = 'reference' THEN 0 WHEN label LIKE 'chosen%' THEN 1 WHEN label = 'exact' THEN 2
                                    WHEN label LIKE 'hnsw%' THEN 3 ELSE 4 END AS ord, CASE WHEN label LIKE 'bq %' THEN substring(label FROM 4)::int END AS cand FROM s) l
  LEFT JOIN big b USING (label) LEFT JOIN small sm USING (label)),
descr(label, what) AS (VALUES
  ('reference', 'reference layout (langchain-postgres: untyped `vector`, `cmetadata->>''video_id'' = ANY(...)`, no ANN index)'),
  ('chosen', format('**chosen**: adaptive — exact scan when the scope has ≤ %s scenes, else binary-quantized first pass (`embedding_bq <~> binary_quantize(q)`, index-only scan of the covering B-tree) + exact cosine re-rank of %s candidates', :'exact_below', :'candidates')),
  ('chosen (repeat)', 'chosen plan again at the end of the run (drift on the shared cores)'),
  ('exact', 'typed `vector(1536)`, exact scan of the scope (B-tree on owner/video)'),
  ('hnsw ef 200', 'HNSW (m 16, ef_construction 64), `iterative_scan = relaxed_order`, ef_search 200, index scan forced'),
  ('bq 200', 'binary-quantized first pass + exact re-rank of 200'),
  ('bq ' || :'candidates', format('binary-quantized first pass + exact re-rank of %s, without the exact branch for small scopes', :'candidates')),
  ('bq 300', 'binary-quantized first pass + exact re-rank of 300'),
  ('bq 800', 'binary-quantized first pass + exact re-rank of 800'))
SELECT concat_ws(E'\n',
  '## Retrieval (scoped top-' || :k || ' cosine search)',
  '',
  format('Run %s UTC on %s; `./bench/retrieval/run.sh`. PostgreSQL %s, pgvector %s, shared_buffers %s.',
         to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'), :'machine', current_setting('server_version'),
         (SELECT extversion FROM pg_extension WHERE extname = 'vector'), current_setting('shared_buffers')),
  format('Data: %s scenes × 1536-d over %s users and %s videos (64 gaussian clusters, noise norm 0.9, normalised; each video draws from 3 topics). '
         'Scopes: one owner''s group of %s videos = %s scenes ("20k") and a group of %s videos = %s scenes ("2k"). '
         '%s query vectors per scope, drawn like the data from any of the 64 centres (so some ask about topics the group does not hold).',
         (SELECT to_char(count(*), 'FM999,999') FROM scenes), (SELECT count(*) FROM users), (SELECT count(*) FROM videos),
         (SELECT videos FROM sizes WHERE scope = 'big'), (SELECT to_char(scenes, 'FM999,999') FROM sizes WHERE scope = 'big'),
         (SELECT videos FROM sizes WHERE scope = 'small'), (SELECT to_char(scenes, 'FM999,999') FROM sizes WHERE scope = 'small'),
         (SELECT count(*) FROM bench_queries WHERE scope = 'big')),
  'Latency is the server-side `Execution Time` of `EXPLAIN (ANALYZE, TIMING OFF)` (planning excluded, about 0.3–1 ms) with every table and index prewarmed into shared_buffers (warm cache); '
  'each query also runs once un-EXPLAINed for its ids. Recall@' || :k || ' is against an exact search of the same scope. Times in ms, p50 / p95; recall is the mean (min).',
  '',
  '| plan | 20k group p50 / p95 | recall@' || :k || ' | 2k group p50 / p95 | recall@' || :k || ' |',
  '|---|---|---|---|---|',
  (SELECT string_agg(format('| %s | %s | %s | %s | %s |', coalesce(d.what, rows.label),
      coalesce(round(bp50::numeric, 1) || ' / ' || round(bp95::numeric, 1), '—'), coalesce(round(brec::numeric, 3) || ' (' || round(bmin::numeric, 2) || ')', '—'),
      coalesce(round(sp50::numeric, 1) || ' / ' || round(sp95::numeric, 1), '—'), coalesce(round(srec::numeric, 3) || ' (' || round(smin::numeric, 2) || ')', '—')),
      E'\n' ORDER BY ord, cand, rows.label) FROM rows LEFT JOIN descr d USING (label)),
  '',
  '| SPEC §8 target | measured | verdict |',
  '|---|---|---|',
  format('| p95 ≤ 15 ms at the 20k group | %s ms | %s |', round(c.p95::numeric, 1), CASE WHEN c.p95 <= 15 THEN 'pass' ELSE 'FAIL' END),
  format('| recall@20 ≥ 0.95 at the 20k group | %s (min %s) | %s |', round(c.recall::numeric, 3), round(c.min_recall::numeric, 2), CASE WHEN c.recall >= 0.95 THEN 'pass' ELSE 'FAIL' END),
  format('| ≥ 10× faster than the reference (20k group) | %s× at p50, %s× at p95 | %s |', round((r.p50 / c.p50)::numeric, 1), round((r.p95 / c.p95)::numeric, 1),
         CASE WHEN r.p50 / c.p50 >= 10 AND r.p95 / c.p95 >= 10 THEN 'pass' WHEN r.p50 / c.p50 >= 10 THEN 'pass at p50, not at p95' ELSE 'FAIL' END),
  '',
  format('Plans seen (20k group, chosen): %s. Sizes: scenes heap %s + TOAST %s; `scenes_owner_video_bq_idx` %s; `scenes_embedding_hnsw_idx` %s (built in %s s with 2 maintenance workers; not used by the chosen plan). '
         'The plan''s SQL, DDL and parameters: `src/Infrastructure/Persistence/Search/VectorSearch.sql.md`.',
         c.nodes, pg_size_pretty(pg_relation_size('scenes')), pg_size_pretty(pg_relation_size((SELECT reltoastrelid FROM pg_class WHERE relname = 'scenes'))),
         pg_size_pretty(pg_relation_size('scenes_owner_video_bq_idx')), pg_size_pretty(pg_relation_size('scenes_embedding_hnsw_idx')),
         coalesce((SELECT substring(key FROM 'hnsw_build_s=(\d+)') FROM bench_meta WHERE key LIKE 'hnsw_build_s=%'), '?')))
FROM c, r;

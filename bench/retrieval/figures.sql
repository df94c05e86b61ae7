-- The key figures of the run as one JSON object, for the scoreboard of bench/run.sh (latencies in ms, 20k = "big" scope).
SELECT json_build_object(
  'scenes', (SELECT count(*) FROM scenes), 'users', (SELECT count(*) FROM users), 'videos', (SELECT count(*) FROM videos),
  'dims', :dims, 'k', :k, 'queries', (SELECT count(*) FROM bench_queries WHERE scope = 'big'),
  'big_scope_scenes', (SELECT scenes FROM bench_scopes WHERE scope = 'big'),
  'small_scope_scenes', (SELECT scenes FROM bench_scopes WHERE scope = 'small'),
  'chosen_p50_ms', round(c.p50::numeric, 2), 'chosen_p95_ms', round(c.p95::numeric, 2),
  'chosen_recall', round(c.recall::numeric, 4), 'chosen_min_recall', round(c.min_recall::numeric, 2),
  'chosen_repeat_p95_ms', (SELECT round(p95::numeric, 2) FROM bench_summary WHERE label = 'chosen (repeat)' AND scope = 'big'),
  'reference_p50_ms', round(r.p50::numeric, 2), 'reference_p95_ms', round(r.p95::numeric, 2), 'reference_recall', round(r.recall::numeric, 4),
  'exact_p50_ms', round(e.p50::numeric, 2), 'exact_p95_ms', round(e.p95::numeric, 2),
  'small_chosen_p95_ms', (SELECT round(p95::numeric, 2) FROM bench_summary WHERE label = 'chosen' AND scope = 'small'),
  'small_chosen_recall', (SELECT round(recall::numeric, 4) FROM bench_summary WHERE label = 'chosen' AND scope = 'small'))
FROM bench_summary c, bench_summary r, bench_summary e
WHERE c.label = 'chosen' AND c.scope = 'big' AND r.label = 'reference' AND r.scope = 'big' AND e.label = 'exact' AND e.scope = 'big';

-- Runs every plan on both scopes. Variables: :k, :candidates, :exact_below. Plans: plans.sql.
-- Flush the load's dirty buffers first, so the checkpointer does not compete with the timed queries.
CHECKPOINT;
SELECT count(pg_prewarm(c.oid)) AS prewarmed FROM pg_class c
WHERE c.relkind IN ('r', 'i', 't') AND c.relnamespace IN ('public'::regnamespace, 'pg_toast'::regnamespace)
  AND pg_relation_size(c.oid) > 0;
\ir plans.sql
TRUNCATE bench_results;
SELECT replace(:'plan_chosen', '@candidates', :'candidates') AS chosen,
       replace(:'plan_bq', '@candidates', '200') AS bq200, replace(:'plan_bq', '@candidates', :'candidates') AS bq,
       replace(:'plan_bq', '@candidates', '400') AS bq400, replace(:'plan_bq', '@candidates', '800') AS bq800 \gset
SELECT replace(:'chosen', '@exactBelow', :'exact_below') AS chosen \gset
-- Warm-up pass of the chosen plan (not recorded).
CALL bench_measure('warm-up', 'big', :'chosen', :k);
CALL bench_measure('warm-up', 'small', :'chosen', :k);
CALL bench_measure('chosen', 'big', :'chosen', :k);
CALL bench_measure('chosen', 'small', :'chosen', :k);
CALL bench_measure('reference', 'big', :'plan_ref', :k);
CALL bench_measure('reference', 'small', :'plan_ref', :k);
CALL bench_measure('exact', 'big', :'plan_exact', :k);
CALL bench_measure('exact', 'small', :'plan_exact', :k);
CALL bench_measure('bq 200', 'big', :'bq200', :k);
CALL bench_measure('bq ' || :'candidates', 'big', :'bq', :k);
CALL bench_measure('bq ' || :'candidates', 'small', :'bq', :k);
CALL bench_measure('bq 300', 'big', replace(:'plan_bq', '@candidates', '300'), :k);
CALL bench_measure('bq 800', 'big', :'bq800', :k);
CALL bench_measure('hnsw ef 200', 'big', :'plan_hnsw', :k, 'SET hnsw.ef_search = 200; SET hnsw.iterative_scan = relaxed_order; SET enable_sort = off');
CALL bench_measure('hnsw ef 200', 'small', :'plan_hnsw', :k, 'SET hnsw.ef_search = 200; SET hnsw.iterative_scan = relaxed_order; SET enable_sort = off');
-- The chosen plan once more at the end, to see drift from the neighbours on these shared cores.
CALL bench_measure('chosen (repeat)', 'big', :'chosen', :k);
DELETE FROM bench_results WHERE label = 'warm-up';

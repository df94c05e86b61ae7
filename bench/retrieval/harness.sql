-- Measurement harness: the plans are SQL templates with the app's named parameters (@owner, @videoIds, @query, @k),
-- bound here as literals. Each query runs once for its ids (recall against bench_truth) and once under
-- EXPLAIN (ANALYZE, TIMING OFF) for the server-side execution time. Everything is prewarmed into shared_buffers first.
CREATE TABLE IF NOT EXISTS bench_results (label text, scope text, q int, ms double precision, recall double precision, nodes text);
CREATE TABLE IF NOT EXISTS bench_truth (scope text, q int, ids uuid[], PRIMARY KEY (scope, q));
CREATE OR REPLACE VIEW bench_scopes AS
  SELECT g.name AS scope, g.owner_id, array_agg(m.video_id ORDER BY m.position) AS video_ids,
         (SELECT count(*) FROM scenes s WHERE s.video_id = ANY(array_agg(m.video_id))) AS scenes
  FROM bench_groups g JOIN video_group_members m ON m.group_id = g.id GROUP BY g.name, g.owner_id;

CREATE OR REPLACE FUNCTION bench_bind(p_sql text, p_owner uuid, p_vids uuid[], p_query vector, p_k int) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT replace(replace(replace(replace(p_sql,
    '@owner', quote_literal(p_owner) || '::uuid'), '@videoIds', quote_literal(p_vids) || '::uuid[]'),
    '@query', quote_literal(p_query) || '::vector(1536)'), '@k', p_k::text)
$$;

CREATE OR REPLACE FUNCTION bench_plan_nodes(plan jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  WITH RECURSIVE n(p) AS (SELECT plan UNION ALL SELECT jsonb_array_elements(n.p->'Plans') FROM n WHERE n.p ? 'Plans')
  SELECT string_agg(DISTINCT (p->>'Node Type') || coalesce(' ' || (p->>'Index Name'), ''), ', ') FROM n
  WHERE p->>'Node Type' IN ('Seq Scan', 'Index Scan', 'Index Only Scan', 'Bitmap Index Scan') AND (p->>'Actual Loops')::int > 0
$$;

-- Exact top-k of each query on its scope: a materialised scan of the scope, so no index can shortcut it.
CREATE OR REPLACE PROCEDURE bench_make_truth(p_k int) LANGUAGE plpgsql AS $$
DECLARE r record; ids uuid[];
BEGIN
  FOR r IN SELECT q.scope, q.q, q.v, s.owner_id, s.video_ids FROM bench_queries q JOIN bench_scopes s USING (scope)
           WHERE NOT EXISTS (SELECT 1 FROM bench_truth t WHERE t.scope = q.scope AND t.q = q.q) LOOP
    EXECUTE bench_bind('WITH s AS MATERIALIZED (SELECT id, embedding FROM scenes WHERE owner_id = @owner AND video_id = ANY(@videoIds))
                        SELECT array_agg(id) FROM (SELECT id FROM s ORDER BY embedding <=> @query LIMIT @k) t',
                       r.owner_id, r.video_ids, r.v, p_k) INTO ids;
    INSERT INTO bench_truth VALUES (r.scope, r.q, ids);
  END LOOP;
END $$;

CREATE OR REPLACE PROCEDURE bench_measure(p_label text, p_scope text, p_sql text, p_k int, p_setup text DEFAULT NULL) LANGUAGE plpgsql AS $$
DECLARE r record; ids uuid[]; plan jsonb;
BEGIN
  IF p_setup IS NOT NULL THEN EXECUTE p_setup; END IF;
  DELETE FROM bench_results WHERE label = p_label AND scope = p_scope;
  FOR r IN SELECT q.q, q.v, s.owner_id, s.video_ids, t.ids AS truth
           FROM bench_queries q JOIN bench_scopes s USING (scope) JOIN bench_truth t USING (scope, q)
           WHERE q.scope = p_scope ORDER BY q.q LOOP
    EXECUTE 'SELECT array_agg(id) FROM (' || bench_bind(p_sql, r.owner_id, r.video_ids, r.v, p_k) || ') t' INTO ids;
    EXECUTE 'EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ' || bench_bind(p_sql, r.owner_id, r.video_ids, r.v, p_k) INTO plan;
    INSERT INTO bench_results VALUES (p_label, p_scope, r.q, (plan->0->>'Execution Time')::double precision,
      (SELECT count(*) FROM unnest(ids) i WHERE i = ANY(r.truth))::double precision / cardinality(r.truth), bench_plan_nodes(plan->0->'Plan'));
  END LOOP;
  RESET ALL;
END $$;

CREATE OR REPLACE VIEW bench_summary AS
  SELECT label, scope, count(*) AS n,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_cont(0.95) WITHIN GROUP (ORDER BY ms) AS p95,
         avg(recall) AS recall, min(recall) AS min_recall, min(nodes) AS nodes
  FROM bench_results GROUP BY label, scope;

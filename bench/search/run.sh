#!/usr/bin/env bash
# Search overhead benchmark (SPEC §8: "end-to-end /search adds ≤ 5 ms p50 over the raw SQL"). One signed-in user
# with a group of VIDEOS × SCENES scenes (20,000 by default, the retrieval bench's large scope) of generated English
# text, embedded by the app's own `reindex` with the `hashing` embedder at DIMS dimensions (1536, as the retrieval
# bench). Two measurements on one connection each, interleaved round by round:
#   - the raw SQL: the exact statement HybridSceneSearch runs (read from its source file), with the same parameters
#     (the query's own vector included), typed as Npgsql sends them, through pgbench as a prepared statement (Npgsql
#     auto-prepares the app's repeated statements);
#   - end to end: GET /api/v1/search?q=…&groupId=… with an API token, through the real nginx into the Release API
#     (token check, the scope and the AI key in one statement, embedding the question, the same SQL, merging
#     neighbours, JSON), with wrk.
# The overhead is the median over the rounds of (p50 end to end − p50 of the raw SQL).
# Both are warmed up for WARMUP seconds first: a freshly started API runs its first hundred-odd requests through
# the JIT tiers (measured: 30-45 ms of API CPU per search in its first 35 requests, against 3-4 ms warm).
#   ./bench/search/run.sh            (VIDEOS=100 SCENES=200 WORDS=120 DIMS=1536 DURATION=10 WARMUP=10 ROUNDS=3 by default)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
VIDEOS="${VIDEOS:-100}"
SCENES="${SCENES:-200}"
WORDS="${WORDS:-120}"
DIMS="${DIMS:-1536}"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-10}"
ROUNDS="${ROUNDS:-3}"
QUERY="how do engineers inspect the steel bridge for cracks after the winter storm"
trap bench_stop EXIT

"$ROOT/scripts/install-deps.sh" --with-bench
export AI__EmbeddingProvider=hashing AI__Hashing__Dimensions="$DIMS"
bench_start --no-worker
TOKEN="$(bench_token)"
WORK="$STACK_DIR/search-bench"
mkdir -p "$WORK"
PSQL=("$PG_BIN/psql" -X -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$PG_DB" -v ON_ERROR_STOP=1 -qtA)
owner="$("${PSQL[@]}" -c "SELECT id FROM users WHERE username = 'bench'")"

log "seeding $VIDEOS videos × $SCENES scenes of ~$WORDS words for the bench user, and one probe scene outside the group"
phase=$SECONDS
"${PSQL[@]}" -v owner="$owner" -v videos="$VIDEOS" -v scenes="$SCENES" -v words="$WORDS" -v query="$QUERY" <<'SQL'
SELECT setseed(0.25);
-- Scene text: mostly made-up words of three syllables (2,744 of them), and one word in twenty from a list of real ones,
-- so that each real word of the question occurs in a few per cent of the scenes, as topic words do in transcripts.
CREATE TABLE bench_words AS
SELECT regexp_split_to_array('river bridge steel crack winter storm engineer inspect bakery bread morning oven comet telescope
 garden tomato aphid ladybird orchestra violin concert tuning bus mountain road electric battery lighthouse keeper lens ship
 volcano lava ash cloud bee hive honey colony chess opening endgame marathon runner training coffee roast bean sailing ocean
 library tool book wind turbine coast glacier valley robot parcel warehouse printing press type vaccine immune recipe sauce
 train continent coral reef fish cricket rule jazz trio ballad interest mathematics owl barn mouse canoe wood eclipse moon
 shadow desert plant water stem budget committee village market farmer harvest school teacher student museum painting kitchen
 doctor hospital patient medicine software server database network customer invoice meeting project deadline weather forecast
 rain snow ice spring summer autumn city street traffic bicycle tunnel railway station platform ticket price report', '\s+') AS topic_words,
       ARRAY['ka', 'lo', 'mi', 'ne', 'ru', 'ta', 'po', 'si', 'de', 'vu', 'za', 'he', 'gi', 'bo'] AS syllables;
-- Filling and re-embedding 20k scenes row by row through the GIN indexes (full text, trigrams) takes minutes: they are
-- dropped here and rebuilt, from their own definitions, after the reindex.
CREATE TABLE bench_gin AS SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'scenes' AND indexdef LIKE '% USING gin %';
SELECT format('DROP INDEX %I', indexname) FROM bench_gin \gexec
CREATE TABLE bench_search_videos AS SELECT n, gen_random_uuid() AS id FROM generate_series(0, :videos) n;
INSERT INTO videos (id, owner_id, title, original_file_name, content_type, size_bytes, storage_key, status, created_at, updated_at)
SELECT id, :'owner', 'bench video ' || n, 'v.mp4', 'video/mp4', 1, 'bench/' || n, 'ready', now(), now() FROM bench_search_videos;
-- The group's videos are 0 … videos - 1; video number :videos holds only the probe scene, whose text is the query.
INSERT INTO scenes (id, video_id, owner_id, position, start_ms, end_ms, text, token_count, language)
SELECT gen_random_uuid(), v.id, :'owner', p, p * 30000, p * 30000 + 29000,
       (SELECT string_agg(CASE WHEN random() < 0.05 THEN topic_words[1 + floor(random() * cardinality(topic_words))::int]
                               ELSE syllables[1 + floor(random() * 14)::int] || syllables[1 + floor(random() * 14)::int]
                                    || syllables[1 + floor(random() * 14)::int] END, ' ')
        FROM bench_words, generate_series(1, :words) WHERE p >= 0 AND v.n >= 0) || '.',
       :words, 'en'
FROM bench_search_videos v CROSS JOIN generate_series(0, :scenes - 1) p WHERE v.n < :videos;
INSERT INTO scenes (id, video_id, owner_id, position, start_ms, end_ms, text, token_count, language)
SELECT gen_random_uuid(), id, :'owner', 0, 0, 1000, :'query', 12, 'en' FROM bench_search_videos WHERE n = :videos;
-- reindex builds the HNSW index once at the end instead of inserting 20k vectors into it one by one.
DROP INDEX IF EXISTS scenes_embedding_hnsw_idx;
SQL

log "seeded in $((SECONDS - phase)) s; embedding every scene with the app's reindex (hashing, $DIMS dimensions)"
phase=$SECONDS
# Its last step builds the HNSW index (minutes at this size): the app runs its schema statements without a command timeout.
dotnet "$API_DLL" reindex | tail -n 2
"${PSQL[@]}" <<<'SELECT indexdef FROM bench_gin \gexec'
"${PSQL[@]}" -c "VACUUM ANALYZE"
log "embedded and indexed in $((SECONDS - phase)) s ($("${PSQL[@]}" -c "SELECT string_agg(indexname, ', ') FROM bench_gin") rebuilt)"

group="$(curl -fsS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"name":"search bench"}' "$BENCH_URL/api/v1/groups" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
"${PSQL[@]}" -c "SELECT json_build_object('videoIds', json_agg(id ORDER BY n)) FROM bench_search_videos WHERE n < $VIDEOS" > "$WORK/members.json"
curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d @"$WORK/members.json" "$BENCH_URL/api/v1/groups/$group/videos"
scope_scenes="$("${PSQL[@]}" -c "SELECT count(*) FROM scenes s JOIN video_group_members m ON m.video_id = s.video_id WHERE m.group_id = '$group'")"
"${PSQL[@]}" -c "SELECT embedding::text FROM scenes WHERE text = '$QUERY'" > "$WORK/query-vector.txt"
[ -s "$WORK/query-vector.txt" ] || die "the probe scene has no vector"

# The statement HybridSceneSearch sends (read from its source, with its constants), in two forms: for pgbench, with
# its parameters typed as Npgsql types them (uuid, uuid[], text, vector, int, bool) and sent separately, so that the
# server prepares and plans it as it does for the app (Npgsql auto-prepares repeated statements); and with the values
# inlined as literals, for a one-off check with psql that it finds something.
python3 - "$ROOT/src/Infrastructure/Persistence/Search/HybridSceneSearch.cs" "$owner" "$WORK/members.json" "$QUERY" \
  "$WORK/query-vector.txt" "$WORK" <<'PY'
import sys, re, json, textwrap
src = open(sys.argv[1]).read()
sql = textwrap.dedent(re.search(r'private const string Sql = """\n(.*?)\n\s*""";', src, re.S).group(1))
const = lambda name: re.search(rf"const int {name} = (\d+);", src).group(1)
ids = json.load(open(sys.argv[3]))["videoIds"]
values = {"owner": (sys.argv[2], "uuid"), "videos": ("{" + ",".join(ids) + "}", "uuid[]"), "text": (sys.argv[4], "text"),
          "vector": (open(sys.argv[5]).read().strip(), "vector"), "candidates": (const("Candidates"), "int"),
          "exactBelow": (const("ExactBelow"), "int"), "rerank": (const("RerankCandidates"), "int"), "textRerank": (const("TextRerank"), "int"), "rrf": (const("RrfK"), "int"),
          "highlight": ("true", "bool")}
for name in set(re.findall(r"@(\w+)", sql)) - values.keys():
    sys.exit(f"unknown parameter @{name} in HybridSceneSearch's SQL")
work = sys.argv[6]
with open(f"{work}/search.sql", "w") as f:
    f.write(re.sub(r"@(\w+)", lambda m: f"CAST(:{m.group(1)} AS {values[m.group(1)][1]})", sql) + ";\n")
with open(f"{work}/search.vars", "w") as f:
    f.writelines(f"{name}={value}\n" for name, (value, _) in values.items())
quote = lambda s: "'" + s.replace("'", "''") + "'"
with open(f"{work}/search-literal.sql", "w") as f:
    f.write(re.sub(r"@(\w+)", lambda m: f"CAST({quote(values[m.group(1)][0])} AS {values[m.group(1)][1]})", sql) + ";\n")
PY
sql_rows="$("${PSQL[@]}" -f "$WORK/search-literal.sql" | grep -c . || true)"
search_url="$BENCH_URL/api/v1/search?q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$QUERY")&groupId=$group"
api_items="$(curl -fsS -H "Authorization: Bearer $TOKEN" "$search_url" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["items"]))')"
log "scope: $scope_scenes scenes; the raw SQL returns $sql_rows rows, /search $api_items passages"
[ "$sql_rows" -gt 0 ] && [ "$api_items" -gt 0 ] || die "the search finds nothing: the bench would measure an empty search"

mapfile -t vars < "$WORK/search.vars"
PGBENCH=("$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -M prepared -c 1 -j 1 -f "$WORK/search.sql")
for v in "${vars[@]}"; do PGBENCH+=(-D "$v"); done
WRK=(wrk -t1 -c1 --latency -H "Authorization: Bearer $TOKEN")
log "warm-up: ${WARMUP}s of each"
"${PGBENCH[@]}" -T "$WARMUP" "$PG_DB" >/dev/null 2>&1
"${WRK[@]}" -d"${WARMUP}s" "$search_url" >/dev/null
load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$ROUNDS"); do
  log "round $round/$ROUNDS: raw SQL (pgbench, 1 connection, ${DURATION}s), then GET /search (wrk, 1 connection, ${DURATION}s)"
  rm -f "$WORK"/pgbench-"$round".*
  (cd "$WORK" && "${PGBENCH[@]}" -T "$DURATION" -l --log-prefix="pgbench-$round" "$PG_DB" > "$WORK/pgbench-$round.txt" 2>&1)
  "${WRK[@]}" -d"${DURATION}s" "$search_url" > "$WORK/wrk-$round.txt"
done

python3 - "$WORK" "$ROUNDS" "$scope_scenes" "$DIMS" "$QUERY" "$sql_rows" "$api_items" "$load_at_start" "$DURATION" \
  "$BENCH_RESULTS/search.json" > "$BENCH_RESULTS/search.md" <<'PY'
import sys, re, glob, json, statistics, datetime, os
work, rounds, scenes, dims, query, sql_rows, api_items, load, duration, out = sys.argv[1:11]
rounds = int(rounds)
def ms(value, unit): return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
sql, http = [], []
for r in range(1, rounds + 1):
    lat = [int(line.split()[2]) / 1000 for f in glob.glob(f"{work}/pgbench-{r}.*") if not f.endswith(".txt") for line in open(f)]
    sql.append((statistics.median(lat), sorted(lat)[int(len(lat) * 0.99) - 1], len(lat)))
    text = open(f"{work}/wrk-{r}.txt").read()
    pct = {p: ms(v, u) for p, v, u in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)}
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    total = int(re.search(r"(\d+) requests in", text).group(1))
    if bad: sys.exit(f"round {r}: {bad.group(1)} of {total} /search responses were not 2xx")
    http.append((pct["50"], pct["99"], total))
overheads = [h[0] - s[0] for s, h in zip(sql, http)]
overhead = statistics.median(overheads)
sql_p50, http_p50 = statistics.median(s[0] for s in sql), statistics.median(h[0] for h in http)
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
print("## Search overhead (GET /search vs its raw SQL)\n")
print(f"Run {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} cores ({cpu}); `./bench/search/run.sh`. "
      f"Scope: one group of {int(scenes):,} scenes of generated English text, {dims}-d `hashing` vectors made by the app's `reindex`; "
      f"question: \"{query}\" ({sql_rows} fused rows from the SQL, {api_items} passages from the API). One connection each, "
      f"{rounds} interleaved rounds of {duration} s: pgbench runs HybridSceneSearch's statement, prepared, with the same "
      f"parameters, typed as Npgsql sends them; wrk sends GET /api/v1/search?q=…&groupId=… with an API token through nginx. Load average at the start: {load}.\n")
print("| round | raw SQL p50 / p99 (runs) | GET /search p50 / p99 (requests) | overhead at p50 |")
print("|---|---|---|---|")
for r, (s, h, o) in enumerate(zip(sql, http, overheads), 1):
    print(f"| {r} | {s[0]:.2f} / {s[1]:.2f} ms ({s[2]}) | {h[0]:.2f} / {h[1]:.2f} ms ({h[2]}) | {o:.2f} ms |")
print()
print("| measure | value | target (SPEC §8) | verdict |")
print("|---|---|---|---|")
print(f"| baseline: raw SQL p50 (median of the rounds) | {sql_p50:.2f} ms | — | — |")
print(f"| GET /search p50 (median of the rounds) | {http_p50:.2f} ms ({http_p50 / sql_p50:.2f}× the SQL) | — | — |")
print(f"| **end-to-end overhead over the raw SQL, p50** (median of the rounds) | **{overhead:.2f} ms** | ≤ 5 ms | {'pass' if overhead <= 5 else 'FAIL'} |")
with open(out, "w") as f:
    json.dump({"scope_scenes": int(scenes), "dims": int(dims), "rounds": rounds, "sql_p50_ms": round(sql_p50, 3), "http_p50_ms": round(http_p50, 3),
               "overhead_p50_ms": round(overhead, 3), "overheads_ms": [round(o, 3) for o in overheads],
               "sql_p99_ms": [round(s[1], 3) for s in sql], "http_p99_ms": [round(h[1], 3) for h in http],
               "sql_rows": int(sql_rows), "api_items": int(api_items)}, f, indent=1)
PY
cat "$BENCH_RESULTS/search.md"
bench_record search "$BENCH_RESULTS/search.md"

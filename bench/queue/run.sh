#!/usr/bin/env bash
# Queue benchmark (SPEC §8): enqueue-to-finish latency of no-op jobs one at a time, and the throughput of a 2,000-job
# burst with two Worker processes, checking that no job is lost or run twice. The baseline, measured in the same run,
# is the rate of bare single-row INSERT transactions into the same PostgreSQL (the floor of any durable enqueue).
#   ./bench/queue/run.sh            (JOBS=2000, SINGLES=200 by default)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
JOBS="${JOBS:-2000}"
SINGLES="${SINGLES:-200}"
trap bench_stop_all EXIT
bench_stop_all() { stop_pidfile worker2 || true; bench_stop; }

bench_start --no-worker
bench_token >/dev/null # creates the admin and signs in (the session is in $STACK_DIR/cookies.txt)
for n in 1 2; do
  name=worker; [ "$n" = 2 ] && name=worker2
  start_dotnet "$name" "$WORKER_DLL" "--Logging:LogLevel:AskVideo.Application.Jobs.Ping=Information"
done
sleep 3
PSQL=("$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$PG_DB" -tAq)
# Admin operations take the session cookie only (API tokens are refused): the admin's session from bench_token.
jar="$STACK_DIR/cookies.txt"
csrf="$(awk '$6=="csrf_token"{print $7}' "$jar")"
ping_jobs() { curl -fsS -b "$jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' -d "{\"count\":$1}" "$BENCH_URL/api/v1/admin/jobs/ping" >/dev/null; }
wait_done() { # wait_done <expected succeeded total>
  for _ in $(seq 1 1200); do
    [ "$("${PSQL[@]}" -c "SELECT count(*) FROM jobs WHERE type = 'Ping' AND status = 'succeeded'")" -ge "$1" ] && return 0
    sleep 0.1
  done
  die "jobs did not finish"
}

log "baseline: $JOBS single-row INSERT transactions"
"${PSQL[@]}" -c "CREATE TABLE bench_insert (id uuid PRIMARY KEY, at timestamptz NOT NULL)"
echo "INSERT INTO bench_insert VALUES (gen_random_uuid(), now());" > "$STACK_DIR/insert.sql"
insert_tps=$("$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -c 1 -t "$JOBS" -f "$STACK_DIR/insert.sql" "$PG_DB" 2>/dev/null | sed -nE 's/^tps = ([0-9.]+).*/\1/p')

log "latency: $SINGLES jobs enqueued one at a time"
for _ in $(seq 1 "$SINGLES"); do ping_jobs 1; sleep 0.05; done
wait_done "$SINGLES"
latencies=$("${PSQL[@]}" -c "SELECT string_agg(round(extract(epoch FROM finished_at - created_at) * 1000)::text, ' ') FROM jobs WHERE type = 'Ping'")
"${PSQL[@]}" -c "DELETE FROM jobs"

log "throughput: a burst of $JOBS jobs, two workers"
ping_jobs "$JOBS"
wait_done "$JOBS"
sleep 2 # let any duplicate delivery show up in the logs
burst_ms=$("${PSQL[@]}" -c "SELECT round(extract(epoch FROM max(finished_at) - min(created_at)) * 1000) FROM jobs WHERE type = 'Ping'")
summary=$("${PSQL[@]}" -c "SELECT count(*) FILTER (WHERE status = 'succeeded') || ' ' || count(*) FILTER (WHERE attempts <> 1) FROM jobs WHERE type = 'Ping'")
handled=$(cat "$STACK_DIR/logs/worker.log" "$STACK_DIR/logs/worker2.log" | grep -o 'Ping job handled: ping [0-9]*/'"$JOBS" | sort)
runs=$(( $(printf '%s\n' "$handled" | grep -c . || true) ))
distinct=$(printf '%s\n' "$handled" | sort -u | grep -c . || true)
per_worker="$(grep -c "Ping job handled: ping [0-9]*/$JOBS" "$STACK_DIR/logs/worker.log" || true)/$(grep -c "Ping job handled: ping [0-9]*/$JOBS" "$STACK_DIR/logs/worker2.log" || true)"

python3 - "$insert_tps" "$latencies" "$JOBS" "$burst_ms" "$summary" "$runs" "$distinct" "$per_worker" "$BENCH_RESULTS/queue.json" > "$BENCH_RESULTS/queue.md" <<'PY'
import sys, statistics, datetime, os, json
tps = float(sys.argv[1]); lat = sorted(int(x) for x in sys.argv[2].split()); jobs = int(sys.argv[3]); burst_ms = float(sys.argv[4])
succeeded, retried = (int(x) for x in sys.argv[5].split()); runs, distinct = int(sys.argv[6]), int(sys.argv[7]); per_worker = sys.argv[8]
p50, p95 = statistics.median(lat), lat[int(len(lat) * 0.95) - 1]
per_min = jobs / (burst_ms / 1000) * 60
print(f"## Queue (no-op jobs, 2 workers)\n")
print(f"Run {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC on {os.cpu_count()} cores; `./bench/queue/run.sh`. Enqueue goes through the API (outbox row + commit), "
      "the dispatcher, Redis and a worker; latency is enqueue → finished (an upper bound of enqueue → start for a no-op job).\n")
print("| measure | value | target (SPEC §8) | verdict |")
print("|---|---|---|---|")
print(f"| enqueue → finished, one job at a time ({len(lat)} jobs) | p50 {p50:.0f} ms, p95 {p95:.0f} ms | p50 ≤ 50 ms | {'pass' if p50 <= 50 else 'FAIL'} |")
print(f"| burst of {jobs} jobs, wall time | {burst_ms/1000:.2f} s → {per_min:,.0f} jobs/min (per worker: {per_worker}) | ≥ 1,000 jobs/min | {'pass' if per_min >= 1000 else 'FAIL'} |")
print(f"| succeeded / run in total / distinct jobs run / retried | {succeeded} / {runs} / {distinct} / {retried} | none lost or duplicated | {'pass' if succeeded == jobs == runs == distinct and retried == 0 else 'FAIL'} |")
print(f"| baseline: bare single-row INSERT commits | {tps:,.0f}/s | — | — |")
print(f"| queue throughput / INSERT baseline | {per_min / 60 / tps:.3f} | (context) | — |")
# The key figures for bench/run.sh's scoreboard. Lost: jobs that never succeeded; duplicated: runs beyond one per job.
with open(sys.argv[9], "w") as f:
    json.dump({"singles": len(lat), "latency_p50_ms": p50, "latency_p95_ms": p95, "jobs": jobs, "burst_s": burst_ms / 1000,
               "jobs_per_min": round(per_min), "succeeded": succeeded, "runs": runs, "distinct": distinct, "retried": retried,
               "lost": jobs - min(succeeded, distinct), "duplicated": runs - distinct, "insert_tps": round(tps),
               "insert_ms": round(1000 / tps, 3)}, f, indent=1)
PY
cat "$BENCH_RESULTS/queue.md"
bench_record queue "$BENCH_RESULTS/queue.md"

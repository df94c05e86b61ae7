#!/usr/bin/env bash
# Request path benchmark (SPEC §8): wrk through the real nginx against the Release API, one signed-in user with 20
# videos (each with a tag, all in a group). Measures GET /api/v1/health as the same-run baseline, then GET /api/v1/me
# and GET /api/v1/videos?pageSize=20 with the session cookie and with a personal API token. The per-user and
# per-IP API budgets are raised by configuration (bench/lib.sh), otherwise the run would measure 429s. The API logs
# at its production level (one line per request), as it does in a real deployment.
#   ./bench/api/run.sh            (DURATION=15s WARMUP=5s ROUNDS=3 CONNECTIONS=32 THREADS=2 by default)
# Each endpoint is measured ROUNDS times; the table shows the medians (a shared 2-core machine stalls now and then)
# and every round's p99.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
DURATION="${DURATION:-15s}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
WARMUP="${WARMUP:-5s}"
ROUNDS="${ROUNDS:-3}"
trap bench_stop EXIT

"$ROOT/scripts/install-deps.sh" --with-bench
BENCH_LOG_LEVEL=Information bench_start --no-worker
TOKEN="$(bench_token)"
WORK="$STACK_DIR/api-bench"
mkdir -p "$WORK"
jar="$STACK_DIR/cookies.txt"
csrf="$(awk '$6=="csrf_token"{print $7}' "$jar")"

log "seeding 20 sample videos (one tag each) in one group"
ids=()
for _ in $(seq 1 20); do
  ids+=("$(curl -fsS -X POST -H "Authorization: Bearer $TOKEN" "$BENCH_URL/api/v1/videos/sample" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')")
done
group="$(curl -fsS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"name":"bench"}' "$BENCH_URL/api/v1/groups" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
body="$(python3 -c 'import json,sys; print(json.dumps({"videoIds": sys.argv[1:]}))' "${ids[@]}")"
curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$body" "$BENCH_URL/api/v1/groups/$group/videos"
list_bytes="$(curl -fsS -H "Authorization: Bearer $TOKEN" "$BENCH_URL/api/v1/videos?pageSize=20" | wc -c)"
# Planner statistics, as autovacuum keeps them on any real database (these few rows never reach its threshold).
"$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$PG_DB" -qc "ANALYZE"
api_pid=$(cat "$STACK_DIR/run/api.pid")
api_cpu_ticks() { awk '{print $14 + $15}' "/proc/$api_pid/stat"; }

# A fresh session right before the runs (the access cookie lives for minutes).
curl -fsS -c "$jar" -H 'Content-Type: application/json' -d '{"login":"bench","password":"runs fast on two cores"}' "$BENCH_URL/api/v1/auth/login" >/dev/null
access="$(awk '$6=="access_token"{print $7}' "$jar")"
[ -n "$access" ] || die "no access_token cookie after login"
cookie_header="Cookie: access_token=$access; csrf_token=$csrf"
token_header="Authorization: Bearer $TOKEN"

run_wrk() { # run_wrk <name> <path> [header]: a warm-up, then ROUNDS measured runs, each with the API's CPU time.
  local name="$1" path="$2" header="${3:-}" args=() before round
  [ -n "$header" ] && args=(-H "$header")
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${args[@]}" "$BENCH_URL$path" >/dev/null
  for round in $(seq 1 "$ROUNDS"); do
    log "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency $path ${header%%:*} (round $round/$ROUNDS)"
    before=$(api_cpu_ticks)
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${args[@]}" "$BENCH_URL$path" > "$WORK/$name-$round.txt"
    echo "API CPU ticks: $(( $(api_cpu_ticks) - before )) of $(getconf CLK_TCK)/s" >> "$WORK/$name-$round.txt"
    cat "$WORK/$name-$round.txt"
  done
}

load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"
run_wrk health /api/v1/health
run_wrk me-cookie /api/v1/me "$cookie_header"
run_wrk me-token /api/v1/me "$token_header"
run_wrk videos-cookie "/api/v1/videos?pageSize=20" "$cookie_header"
run_wrk videos-token "/api/v1/videos?pageSize=20" "$token_header"

python3 - "$WORK" "$THREADS" "$CONNECTIONS" "$DURATION" "$list_bytes" "$WARMUP" "$load_at_start" "$ROUNDS" "$BENCH_RESULTS/api.json" > "$BENCH_RESULTS/api.md" <<'PY'
import sys, re, pathlib, platform, datetime, os, json
work, threads, conns, duration, list_bytes = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
warmup, load, rounds = sys.argv[6], sys.argv[7], int(sys.argv[8])
import statistics

def ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

def parse_one(path):
    text = path.read_text()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    pct = {p: ms(v, u) for p, v, u in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)}
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    errors = re.search(r"Socket errors:.*", text)
    total = int(re.search(r"(\d+) requests in", text).group(1))
    ticks, hz = (int(x) for x in re.search(r"API CPU ticks: (-?\d+) of (\d+)/s", text).groups())
    return rps, pct["50"], pct["99"], int(bad.group(1)) if bad else 0, errors.group(0) if errors else "", ticks / hz / total * 1e6

def parse(name):
    runs = [parse_one(work / f"{name}-{r}.txt") for r in range(1, rounds + 1)]
    median = lambda i: statistics.median(run[i] for run in runs)
    return (median(0), median(1), median(2), sum(run[3] for run in runs), "; ".join(run[4] for run in runs if run[4]),
            median(5), [run[2] for run in runs])

rows = [("GET /api/v1/health", "—", "health"),
        ("GET /api/v1/me", "cookie", "me-cookie"), ("GET /api/v1/me", "API token", "me-token"),
        (f"GET /api/v1/videos?pageSize=20 ({list_bytes / 1024:.0f} KB)", "cookie", "videos-cookie"),
        (f"GET /api/v1/videos?pageSize=20 ({list_bytes / 1024:.0f} KB)", "API token", "videos-token")]
results = {key: parse(key) for _, _, key in rows}
base = results["health"][0]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.machine())
print(f"## API request path (wrk through nginx)\n")
print(f"Run {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} cores ({cpu}), wrk sharing the cores "
      f"with nginx, the API, PostgreSQL and Redis; `./bench/api/run.sh` = `wrk -t{threads} -c{conns} -d{duration} --latency` "
      f"per endpoint, {rounds} rounds after a {warmup} warm-up (medians of the rounds), API in Release at its production log level, one user with 20 videos "
      f"(each with a tag, all in one group), planner statistics analyzed. Load average at the start: {load}.\n")
print("| endpoint | auth | req/s | p50 | p99 | p99 of each round | req/s vs /health | API CPU per request | non-2xx |")
print("|---|---|---|---|---|---|---|---|---|")
for label, auth, key in rows:
    rps, p50, p99, bad, _, cpu_us, p99s = results[key]
    print(f"| {label} | {auth} | {rps:,.0f} | {p50:.1f} ms | {p99:.1f} ms | {', '.join(f'{x:.0f}' for x in p99s)} ms | {rps / base:.2f} | {cpu_us:.0f} µs | {bad} |")
print()
target = [results[k] for k in ("videos-cookie", "videos-token")]
ok = all(r[0] >= 1000 and r[2] <= 50 for r in target)
print(f"Target (SPEC §8) for the list: ≥ 1,000 req/s with p99 ≤ 50 ms — **{'pass' if ok else 'FAIL'}**.")
for key, r in results.items():
    if r[3] or r[4]:
        print(f"\nWarning: {key}: {r[3]} non-2xx responses; {r[4]}")
# The key figures for bench/run.sh's scoreboard (medians of the rounds; p99 of every round).
figures = {"connections": int(conns), "threads": int(threads), "duration": duration, "rounds": rounds, "list_bytes": list_bytes, "load_at_start": load}
for key, (rps, p50, p99, bad, errors, cpu_us, p99s) in results.items():
    figures[key.replace("-", "_")] = {"rps": round(rps), "p50_ms": round(p50, 2), "p99_ms": round(p99, 2), "p99_rounds_ms": [round(x, 2) for x in p99s],
                                      "non_2xx": bad, "socket_errors": errors, "api_cpu_us": round(cpu_us)}
with open(sys.argv[9], "w") as f:
    json.dump(figures, f, indent=1)
PY
cat "$BENCH_RESULTS/api.md"
bench_record api "$BENCH_RESULTS/api.md"

#!/usr/bin/env bash
# Runs every benchmark once, one after the other, then the test suites that prove SPEC §8's Reliability, Bad input
# and Security lines, and writes the SPEC §8 scoreboard (measured value, same-run baseline, ratio, target, verdict,
# and the machine) at the top of docs/benchmarks.md; each bench rewrites its own section below it.
#   ./bench/run.sh                  full SPEC §8 sizes; rewrites docs/benchmarks.md (about 35–45 min on 2 cores)
#   ./bench/run.sh --quick          smoke run: every bench end to end at small sizes (about 10 min), to check the
#                                   harness; writes a copy of the doc in the run's folder, never docs/benchmarks.md
#   ./bench/run.sh --only "api search"   only these benches (names as below); the scoreboard says the rest did not run
# Results of each run: bench/results/run-<UTC time>-<mode>/ (bench/results/latest points at the last one): each
# bench's log, Markdown section and key figures (<bench>.json), the suites' reports (suites/*.jsonl), run.json,
# scoreboard.md. The services bind to PG_PORT, REDIS_PORT, API_PORT, NGINX_PORT and S3_PORT when they are set
# (each bench stops its own before the next starts). Exits non-zero when a bench or suite fails to run; a missed
# target is a FAIL in the scoreboard, not a failed run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCHES=(upload queue api search pipeline retrieval embeddings suites)
MODE=full
ONLY=""
while [ "$#" -gt 0 ]; do
  case "$1" in
    --quick) MODE=quick ;;
    --only) ONLY="$2"; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
if [ -n "$ONLY" ]; then
  for name in $ONLY; do
    [[ " ${BENCHES[*]} " == *" $name "* ]] || { echo "unknown bench '$name' (one of: ${BENCHES[*]})" >&2; exit 2; }
  done
fi

RUN_ID="$(date -u +%Y%m%d-%H%M%S)-$MODE"
export BENCH_RESULTS="$ROOT/bench/results/run-$RUN_ID"
mkdir -p "$BENCH_RESULTS"
ln -sfn "run-$RUN_ID" "$ROOT/bench/results/latest"
if [ "$MODE" = quick ]; then
  cp "$ROOT/docs/benchmarks.md" "$BENCH_RESULTS/benchmarks.md"
  export BENCH_DOC="$BENCH_RESULTS/benchmarks.md"
else
  export BENCH_DOC="$ROOT/docs/benchmarks.md"
fi
. "$ROOT/bench/figures.sh"
say() { printf '\033[1;35m[bench]\033[0m %s\n' "$*"; }

# Sizes of the smoke run: small, but every bench still goes through all its steps (and the 20k-style scopes stay
# above the 3,000-scene threshold where search switches plans).
quick_env() { # quick_env <bench>: prints the variables that shrink it
  case "$1" in
    upload) echo SIZE_MIB=64 ROUNDS=1 ;;
    queue) echo JOBS=200 SINGLES=20 ;;
    api) echo DURATION=3s WARMUP=1s ROUNDS=1 ;;
    search) echo VIDEOS=20 SCENES=200 DURATION=3 WARMUP=1 ROUNDS=1 ;;
    pipeline) echo DURATION=300 CUES=100 ;;
    retrieval) echo USERS=10 OWNER_VIDEOS=30 BIG=20 SMALL=5 OTHER_VIDEOS=10 QUERIES=10 RETRIEVAL_DB=retrieval_quick \
                    PG_SHARED_BUFFERS=512MB PG_MAINTENANCE_WORK_MEM=512MB ;;
  esac
}

started_at=$SECONDS
started="$(date -u '+%Y-%m-%d %H:%M')"
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
git -C "$ROOT" diff --quiet HEAD 2>/dev/null || commit="$commit + uncommitted changes"
say "run $RUN_ID ($MODE), commit $commit, load $load_start; results in ${BENCH_RESULTS#$ROOT/}"

say "installing what the benches need and building the solution once (Release)"
"$ROOT/scripts/install-deps.sh" --with-bench
dotnet build "$ROOT/AskVideo.slnx" -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
export BENCH_BUILT=1

: > "$BENCH_RESULTS/benches.tsv"
failed=0
for bench in "${BENCHES[@]}"; do
  if [ -n "$ONLY" ] && [[ " $ONLY " != *" $bench "* ]]; then continue; fi
  vars=()
  if [ "$MODE" = quick ]; then read -r -a vars <<<"$(quick_env "$bench")"; fi
  say "=== $bench ${vars[*]:+(${vars[*]})}"
  start=$SECONDS
  status=ok
  if ! env "${vars[@]}" bash "$ROOT/bench/$bench/run.sh" 2>&1 | tee "$BENCH_RESULTS/$bench.log"; then status=failed; fi
  printf '%s\t%s\t%s\n' "$bench" "$status" "$((SECONDS - start))" >> "$BENCH_RESULTS/benches.tsv"
  say "=== $bench: $status in $((SECONDS - start)) s"
  [ "$status" = ok ] || failed=1
done

load_end="$(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$BENCH_RESULTS" "$MODE" "$started" "$((SECONDS - started_at))" "$commit" "$load_start" "$load_end" <<'PY'
import sys, json, os, platform, datetime
run, mode, started, seconds, commit, load_start, load_end = sys.argv[1:8]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.machine())
ram = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal:")) / 1024 / 1024
benches = {}
for line in open(f"{run}/benches.tsv"):
    name, status, secs = line.split()
    benches[name] = {"status": status, "seconds": int(secs)}
json.dump({"mode": mode, "started": started, "finished": f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M}",
           "seconds": int(seconds), "commit": commit, "benches": benches,
           "machine": {"cpu": cpu, "cores": os.cpu_count(), "ram_gib": round(ram, 1), "kernel": platform.release(),
                       "load_start": load_start, "load_end": load_end}}, open(f"{run}/run.json", "w"), indent=1)
PY
python3 "$ROOT/bench/scoreboard.py" "$BENCH_RESULTS" > "$BENCH_RESULTS/scoreboard.md"
bench_record scoreboard "$BENCH_RESULTS/scoreboard.md"
cat "$BENCH_RESULTS/scoreboard.md"
say "done in $(( (SECONDS - started_at) / 60 )) min $(( (SECONDS - started_at) % 60 )) s; scoreboard written to ${BENCH_DOC#$ROOT/}"
exit "$failed"

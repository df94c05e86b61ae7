#!/usr/bin/env bash
# The SPEC §8 lines that test suites prove (Reliability, Bad input, Security), run for the scoreboard of bench/run.sh.
# Starts the test stack (`./scripts/test.sh --stack-only`: PostgreSQL, Redis, s3rver and nginx on this shell's PG_PORT,
# REDIS_PORT, S3_PORT, NGINX_PORT, API_PORT), runs with ASKVIDEO_REPORT_DIR=$BENCH_RESULTS/suites:
#   - resilience: the failure suite, tests/Resilience                        → resilience.jsonl
#   - fuzz:       the bad-input pass, tests/Integration.Tests/Robustness      → fuzz.jsonl
#   - security:   the security suite, tests/Integration.Tests/Security and Groups/ShareTests (share-tokens) → security.jsonl
# then stops the stack. A suite that is not in the checkout is reported missing, not run. Writes suites.json (each
# suite's outcome, counts and seconds) and each suite's log next to it. Exits non-zero when a suite that exists fails.
#   ./bench/suites/run.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
. "$ROOT/bench/figures.sh"
REPORT_DIR="$BENCH_RESULTS/suites"
rm -rf "$REPORT_DIR"
mkdir -p "$REPORT_DIR"
export ASKVIDEO_REPORT_DIR="$REPORT_DIR"
INTEGRATION="$ROOT/tests/Integration.Tests"
RESILIENCE="$ROOT/tests/Resilience"

trap '"$ROOT/scripts/test.sh" --stop >/dev/null 2>&1 || true' EXIT
"$ROOT/scripts/test.sh" --stack-only
[ "${BENCH_BUILT:-0}" = 1 ] || dotnet build "$INTEGRATION" -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
# Built here even after bench/run.sh's solution build, in case the project is not in AskVideo.slnx.
if [ -d "$RESILIENCE" ]; then dotnet build "$RESILIENCE" -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null; fi

: > "$REPORT_DIR/outcomes.tsv"
run_suite() { # run_suite <name> <project dir> <folder the tests live in> [filter]
  local name="$1" project="$2" folder="$3" filter="${4:-}" log="$REPORT_DIR/$1.log" status=passed start=$SECONDS args=()
  if [ ! -d "$folder" ]; then
    echo "[suites] $name: ${folder#$ROOT/} is not in this checkout: not run"
    printf '%s\tmissing\t0\t0\t0\n' "$name" >> "$REPORT_DIR/outcomes.tsv"
    return 0
  fi
  [ -n "$filter" ] && args=(--filter "$filter")
  echo "[suites] $name: dotnet test ${project#$ROOT/} ${filter:+--filter $filter}"
  dotnet test "$project" -c Release --no-build --nologo "${args[@]}" >"$log" 2>&1 || status=failed
  grep -q "Passed!\|Test Run Successful" "$log" || status=failed
  local passed failed
  passed="$(sed -nE 's/.*Passed: +([0-9]+).*/\1/p' "$log" | tail -1)"
  failed="$(sed -nE 's/.*Failed: +([0-9]+),.*/\1/p' "$log" | tail -1)"
  echo "[suites] $name: $status (passed ${passed:-0}, failed ${failed:-0}) in $((SECONDS - start)) s"
  [ "$status" = passed ] || grep -E "^\s+Failed |Error Message|Assert\." "$log" | head -n 20 || true
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$status" "${passed:-0}" "${failed:-0}" "$((SECONDS - start))" >> "$REPORT_DIR/outcomes.tsv"
}

run_suite resilience "$RESILIENCE" "$RESILIENCE"
run_suite fuzz "$INTEGRATION" "$INTEGRATION/Robustness" "FullyQualifiedName~AskVideo.Integration.Tests.Robustness."
run_suite security "$INTEGRATION" "$INTEGRATION/Security" "FullyQualifiedName~AskVideo.Integration.Tests.Security.|FullyQualifiedName~AskVideo.Integration.Tests.Groups.ShareTests"

python3 - "$REPORT_DIR/outcomes.tsv" "$BENCH_RESULTS/suites.json" <<'PY'
import sys, json
suites = {}
for line in open(sys.argv[1]):
    name, status, passed, failed, seconds = line.rstrip("\n").split("\t")
    suites[name] = {"status": status, "passed": int(passed), "failed": int(failed), "seconds": int(seconds)}
with open(sys.argv[2], "w") as f: json.dump(suites, f, indent=1)
PY
cat "$BENCH_RESULTS/suites.json"; echo
! grep -q $'\tfailed\t' "$REPORT_DIR/outcomes.tsv"

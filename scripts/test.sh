#!/usr/bin/env bash
# Runs every test suite against a throwaway local stack (PostgreSQL + pgvector, Redis, nginx) that this script
# starts under .local/test and stops at the end:
#   .NET unit tests, architecture tests, integration tests (real PG/Redis/ffmpeg/nginx), the failure suite (real API
#   and Worker processes killed, PostgreSQL and Redis restarted, on a stack of its own), client unit tests (vitest)
#   and browser end-to-end tests (Debian Chromium through nginx against the real API and Worker).
#   ./scripts/test.sh               everything
#   ./scripts/test.sh --stack-only  start the test stack and leave it running (for running tests from an IDE)
#   ./scripts/test.sh --stop        stop a test stack left running
#   ./scripts/test.sh --e2e [ARGS]  fast loop for the browser suite: builds only the API, the Worker and the client,
#                                   starts the stack and runs only the Playwright journeys (ARGS go to `playwright test`,
#                                   e.g. `--e2e tests/admin.spec.ts` or `--e2e --grep "password reset"`)
# Exits non-zero when any suite fails.
set -euo pipefail
STACK_NAME=test
. "$(dirname "${BASH_SOURCE[0]}")/lib/stack.sh"

MODE=all
E2E_ARGS=()
while [ "$#" -gt 0 ]; do
  case "$1" in
    --stack-only) MODE=stack ;;
    --stop) MODE=stop ;;
    --e2e) MODE=e2e; shift; E2E_ARGS=("$@"); break ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

API_DLL="$ROOT/src/Api/bin/Release/net10.0/AskVideo.Api.dll"
WORKER_DLL="$ROOT/src/Worker/bin/Release/net10.0/AskVideo.Worker.dll"
RESULTS="$STACK_DIR/results"
SUMMARY=()
FAILED=0
STARTED_AT=$(date +%s)

stop_stack() {
  # What a failure suite run cut short left running (its own PostgreSQL, Redis and nginx; see tests/Resilience/stack.sh).
  API_PORT="$API_PORT" bash "$ROOT/tests/Resilience/stack.sh" stop >/dev/null 2>&1 || true
  stop_pidfile s3rver || true
  stop_pidfile worker || true
  stop_pidfile api || true
  stop_nginx || true
  stop_redis || true
  stop_postgres || true
}

if [ "$MODE" = stop ]; then stop_stack; exit 0; fi

start_stack() {
  "$ROOT/scripts/install-deps.sh" --with-browser
  stop_stack
  rm -rf "$STACK_DIR"
  mkdir -p "$STACK_DIR" "$RESULTS"
  export PG_FSYNC=off   # a throwaway cluster: durability is not under test here, speed is welcome
  start_postgres
  start_redis
  start_s3rver askvideo-test
  mkdir -p "$ROOT/client/dist"
  [ -f "$ROOT/client/dist/index.html" ] || echo '<!doctype html><title>AskVideo</title>' > "$ROOT/client/dist/index.html"
  start_nginx "$ROOT/client/dist" "$STACK_DIR/media" 4294967296
}

if [ "$MODE" = stack ]; then
  start_stack
  log "test stack is up: PostgreSQL 127.0.0.1:$PG_PORT, Redis 127.0.0.1:$REDIS_PORT, s3rver 127.0.0.1:$S3_PORT, nginx 127.0.0.1:$NGINX_PORT → API 127.0.0.1:$API_PORT"
  exit 0
fi

trap 'stop_stack' EXIT

record() { # record <suite> <passed> <failed> <status>
  SUMMARY+=("$(printf '%-28s passed %5s   failed %3s   %s' "$1" "$2" "$3" "$4")")
  if [ "$4" != ok ]; then FAILED=1; fi
}

run_dotnet_suite() { # run_dotnet_suite <name> <project>
  local name="$1" project="$2" out="$RESULTS/$1.log" status=ok
  log "running $name"
  dotnet test "$project" -c Release --no-build --nologo --logger "console;verbosity=normal" >"$out" 2>&1 || status=FAILED
  # Show failures in full, and the per-suite totals.
  grep -E "^\s+Failed |Error Message|^\s+at AskVideo|Assert\.|Expected:|Actual:" "$out" | head -n 60 || true
  local passed failed
  passed="$(sed -nE 's/^ +Passed: +([0-9]+).*/\1/p' "$out" | tail -1)"
  failed="$(sed -nE 's/^ +Failed: +([0-9]+).*/\1/p' "$out" | tail -1)"
  grep -q "Test Run Successful" "$out" || status=FAILED
  record "$name" "${passed:-0}" "${failed:-0}" "$status"
}

# The browser journeys (Playwright with Debian's Chromium) against the real API and Worker behind nginx.
run_e2e() {
  log "e2e: starting the real API and Worker behind nginx"
  ensure_secrets
  export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=askvideo_e2e"
  "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE askvideo_e2e" >/dev/null
  export Redis__Configuration="$REDIS_CONFIGURATION" Queue__KeyPrefix=avqe2e
  export App__PublicUrl="http://127.0.0.1:$NGINX_PORT" Storage__LocalRoot="$STACK_DIR/media" Uploads__ProxyBodyDirectory="$NGINX_UPLOAD_DIR"
  export Email__Provider=file Email__OutboxDirectory="$STACK_DIR/e2e-mail" Auth__SecureCookies=false
  export ASPNETCORE_ENVIRONMENT=Production
  # Speech recognition goes to an AI endpoint that is down (nothing listens on port 9): a user who saved an API key
  # and uploads a clip without subtitles gets a processing job that fails for real until it is dead-lettered, which
  # the admin journey then retries. Two attempts, one second apart, so that takes seconds, not minutes. Users without
  # a key are not affected (no transcriber: subtitles only, as before).
  export AI__TranscriptionProvider=openai AI__OpenAI__BaseUrl="http://127.0.0.1:9/v1" Queue__MaxAttempts=2 Queue__RetryBaseSeconds=1
  # Every journey signs up a user of its own, all from 127.0.0.1: more sign-ups and emails an hour than one address may make.
  export RateLimits__SignupPerIp__Limit=500 RateLimits__EmailPerIp__Limit=500
  dotnet "$API_DLL" migrate >/dev/null
  local admin_user="e2e_admin" admin_password
  admin_password="Admin-e2e-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')-42"
  ASKVIDEO_ADMIN_PASSWORD="$admin_password" dotnet "$API_DLL" create-admin --email "$admin_user@example.com" --username "$admin_user" >/dev/null
  start_dotnet api "$API_DLL" --urls "http://127.0.0.1:$API_PORT"
  start_dotnet worker "$WORKER_DLL"
  wait_for 60 "the API behind nginx" curl -fsS "http://127.0.0.1:$NGINX_PORT/api/v1/health/ready"
  local e2e_out="$RESULTS/e2e.log" e2e_status=ok
  (cd "$ROOT/e2e" && npm ci --no-audit --no-fund >/dev/null)
  if ! (cd "$ROOT/e2e" && npm run --silent typecheck >"$RESULTS/e2e-typecheck.log" 2>&1); then
    cat "$RESULTS/e2e-typecheck.log"; record "e2e typecheck (tsc)" 0 1 FAILED
  fi
  rm -rf "$ROOT/e2e/artifacts"
  # The summary reporter ends with "e2e: N passed, N failed, N skipped"; traces, screenshots and videos of failed
  # journeys, and the page tour's screenshots, are under e2e/artifacts/.
  if ! (cd "$ROOT/e2e" && E2E_BASE_URL="http://127.0.0.1:$NGINX_PORT" E2E_MAIL_DIR="$STACK_DIR/e2e-mail" \
      E2E_ADMIN_USERNAME="$admin_user" E2E_ADMIN_PASSWORD="$admin_password" \
      npx playwright test "${E2E_ARGS[@]}" 2>&1 | tee "$e2e_out"); then e2e_status=FAILED; fi
  local e2e_passed e2e_failed
  e2e_passed="$(sed -nE 's/^e2e: ([0-9]+) passed, ([0-9]+) failed.*/\1/p' "$e2e_out" | tail -1)"
  e2e_failed="$(sed -nE 's/^e2e: ([0-9]+) passed, ([0-9]+) failed.*/\2/p' "$e2e_out" | tail -1)"
  [ "${e2e_failed:-1}" = 0 ] || e2e_status=FAILED
  record "browser e2e (playwright)" "${e2e_passed:-0}" "${e2e_failed:-?}" "$e2e_status"
}

start_stack

if [ "$MODE" = e2e ]; then
  log "building the API and the Worker (Release, warnings are errors)"
  dotnet build "$ROOT/src/Api/AskVideo.Api.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly
  dotnet build "$ROOT/src/Worker/AskVideo.Worker.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly
  log "client: install and build"
  (cd "$ROOT/client" && npm ci --no-audit --no-fund >/dev/null && npm run build >/dev/null) || record "client build" 0 1 FAILED
  start_nginx "$ROOT/client/dist" "$STACK_DIR/media" 4294967296
  run_e2e
else
log "building the solution (Release, warnings are errors)"
dotnet build "$ROOT/AskVideo.slnx" -c Release -nologo -v quiet -clp:ErrorsOnly

log "client: install, type-check and lint (tsc, ESLint with typescript-eslint, react-hooks, jsx-a11y), unit tests, build"
(cd "$ROOT/client" && npm ci --no-audit --no-fund >/dev/null)
lint_out="$RESULTS/client-lint.log"
if (cd "$ROOT/client" && npm run lint >"$lint_out" 2>&1); then
  record "client lint (tsc+eslint)" 1 0 ok
else
  grep -vE "^\s*$|^>" "$lint_out" | tail -n 40
  record "client lint (tsc+eslint)" 0 1 FAILED
fi
client_out="$RESULTS/client.log"
if (cd "$ROOT/client" && NO_COLOR=1 FORCE_COLOR=0 npm test 2>&1 | tee "$client_out" | tail -n 15); then client_status=ok; else client_status=FAILED; fi
client_passed="$(sed -nE 's/.*Tests +([0-9]+) passed.*/\1/p' "$client_out" | tail -1)"
client_failed="$(sed -nE 's/.*Tests +([0-9]+) failed.*/\1/p' "$client_out" | tail -1)"
record "client unit (vitest)" "${client_passed:-0}" "${client_failed:-0}" "$client_status"
(cd "$ROOT/client" && npm run build >/dev/null) || record "client build" 0 1 FAILED
# No chunk over 500 kB (Vite's warning threshold): the largest ones and any over are printed, the full list is logged.
chunks_out="$RESULTS/client-chunks.log"
if (cd "$ROOT/client" && node scripts/check-chunks.mjs >"$chunks_out" 2>&1); then chunks_status=ok; else chunks_status=FAILED; fi
# (grep exits 1 when nothing matches, which `set -e` would take for a failure: the counts come from awk.)
{ awk '/^OVER/' "$chunks_out"; head -n 3 "$chunks_out" | awk '!/^OVER/'; tail -n 1 "$chunks_out"; } | sed 's/^/  /'
record "client chunks (<= 500 kB)" "$(awk '/ kB  /{n++} END{print n+0}' "$chunks_out")" "$(awk '/^OVER/{n++} END{print n+0}' "$chunks_out")" "$chunks_status"
start_nginx "$ROOT/client/dist" "$STACK_DIR/media" 4294967296

deploy_out="$RESULTS/deploy.log"
if bash "$ROOT/scripts/check-deploy.sh" >"$deploy_out" 2>&1; then deploy_status=ok; else deploy_status=FAILED; grep -E "FAIL" "$deploy_out" | head -20; fi
record "deploy config" "$(sed -nE 's/^check-deploy: ([0-9]+) passed.*/\1/p' "$deploy_out")" "$(sed -nE 's/^check-deploy: [0-9]+ passed, ([0-9]+) failed.*/\1/p' "$deploy_out")" "$deploy_status"

run_dotnet_suite "domain unit" "$ROOT/tests/Domain.UnitTests"
run_dotnet_suite "application unit" "$ROOT/tests/Application.UnitTests"
run_dotnet_suite "infrastructure unit" "$ROOT/tests/Infrastructure.UnitTests"
run_dotnet_suite "architecture" "$ROOT/tests/Architecture.Tests"
run_dotnet_suite "integration" "$ROOT/tests/Integration.Tests"
# The failure suite (tests/Resilience): real API and Worker processes on a stack of its own, killed, restarted and
# flushed. One line per scenario (lost / duplicated counts) from its report.
resilience_report="${ASKVIDEO_REPORT_DIR:-$RESULTS}/resilience.jsonl"
resilience_before=$( (cat "$resilience_report" 2>/dev/null || true) | wc -l)
ASKVIDEO_REPORT_DIR="$(dirname "$resilience_report")" run_dotnet_suite "resilience" "$ROOT/tests/Resilience"
tail -n +$((resilience_before + 1)) "$resilience_report" 2>/dev/null | sed 's/^/  /' || true

if [ -d "$ROOT/e2e" ] && [ -f "$ROOT/e2e/package.json" ]; then run_e2e; fi
fi

echo
echo "================ test summary ($(( $(date +%s) - STARTED_AT ))s) ================"
for line in "${SUMMARY[@]}"; do echo "$line"; done
echo "logs: ${RESULTS#$ROOT/}"
exit $FAILED

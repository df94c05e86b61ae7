#!/usr/bin/env bash
# Shared setup for benchmarks: a throwaway "bench" stack (own ports, state under .local/bench), the Release API
# and Worker behind the real nginx, and an admin with an API token. Source after `set -euo pipefail`.
STACK_NAME=bench
. "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib/stack.sh"
API_DLL="$ROOT/src/Api/bin/Release/net10.0/AskVideo.Api.dll"
WORKER_DLL="$ROOT/src/Worker/bin/Release/net10.0/AskVideo.Worker.dll"
. "$ROOT/bench/figures.sh"

bench_stop() {
  stop_pidfile worker || true
  stop_pidfile api || true
  stop_nginx || true
  stop_redis || true
  stop_postgres || true
}

bench_start() { # bench_start [--no-worker]
  "$ROOT/scripts/install-deps.sh"
  bench_stop
  rm -rf "$STACK_DIR"
  mkdir -p "$STACK_DIR"
  PG_FSYNC=off start_postgres
  start_redis
  # bench/run.sh builds once for all benches (BENCH_BUILT=1).
  [ "${BENCH_BUILT:-0}" = 1 ] || dotnet build "$ROOT/AskVideo.slnx" -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
  ensure_secrets
  export ConnectionStrings__Postgres="$CONNECTION_STRING" Redis__Configuration="$REDIS_CONFIGURATION"
  export Storage__LocalRoot="$STACK_DIR/media" Uploads__ProxyBodyDirectory="$NGINX_UPLOAD_DIR" Email__Provider=file Email__OutboxDirectory="$STACK_DIR/mail"
  export App__PublicUrl="http://127.0.0.1:$NGINX_PORT" Auth__SecureCookies=false Queue__KeyPrefix=avqbench
  export RateLimits__ApiPerUser__Limit=100000000 RateLimits__ApiPerIp__Limit=100000000 Logging__LogLevel__Default="${BENCH_LOG_LEVEL:-Warning}"
  dotnet "$API_DLL" migrate >/dev/null
  mkdir -p "$STACK_DIR/empty-client" && echo '<!doctype html><title>bench</title>' > "$STACK_DIR/empty-client/index.html"
  start_nginx "$STACK_DIR/empty-client" "$STACK_DIR/media" 8589934592
  start_dotnet api "$API_DLL" --urls "http://127.0.0.1:$API_PORT"
  if [ "${1:-}" != "--no-worker" ]; then start_dotnet worker "$WORKER_DLL"; fi
  wait_for 60 "the API" curl -fsS "http://127.0.0.1:$NGINX_PORT/api/v1/health/ready"
  BENCH_URL="http://127.0.0.1:$NGINX_PORT"
}

# Creates an admin through the CLI, signs in and prints a write-scoped API token.
bench_token() {
  dotnet "$API_DLL" create-admin --email bench@example.test --username bench --password "runs fast on two cores" >/dev/null
  local jar="$STACK_DIR/cookies.txt"
  curl -fsS -c "$jar" -H 'Content-Type: application/json' -d '{"login":"bench","password":"runs fast on two cores"}' "$BENCH_URL/api/v1/auth/login" >/dev/null
  local csrf; csrf="$(awk '$6=="csrf_token"{print $7}' "$jar")"
  curl -fsS -b "$jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
    -d '{"name":"bench","scopes":["read","write"]}' "$BENCH_URL/api/v1/me/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
}

#!/usr/bin/env bash
# The failure suite's own throwaway stack (PostgreSQL + pgvector, Redis, nginx) under .local/resilience, started with
# the same functions as ./scripts/run.sh and ./scripts/test.sh (scripts/lib/stack.sh). The suite restarts, stops and
# flushes these services on purpose, so they are never the test stack's or the dev stack's: they listen on a block of
# ten ports of their own, from ASKVIDEO_RES_PORT_BASE (PostgreSQL, Redis, nginx, then the APIs). The suite's fixture
# sets it; without it the block is derived from the test stack's API port (API_PORT, default 5181) exactly as the
# fixture derives it (ResilienceStack.PortBase), so `./scripts/test.sh` can stop what a crashed run left.
#   stack.sh start <api count>   fresh state, start PostgreSQL, Redis and nginx balancing over <api count> APIs
#   stack.sh nginx <api count>   re-render nginx's upstream for <api count> APIs and reload it
#   stack.sh stop                stop everything
#   stack.sh pg-stop | pg-start | redis-stop | redis-start
set -euo pipefail
base="${ASKVIDEO_RES_PORT_BASE:-$((20000 + ${API_PORT:-5181} % 1000 * 10))}"
export PG_PORT="$base" REDIS_PORT="$((base + 1))" NGINX_PORT="$((base + 2))" API_PORT="$((base + 3))"
STACK_NAME=resilience
. "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib/stack.sh"

# One address sends every request of the suite: nginx's per-address limits out of the way (as for the benches).
export ASKVIDEO_API_RATE="${ASKVIDEO_API_RATE:-1000r/s}" ASKVIDEO_API_BURST="${ASKVIDEO_API_BURST:-100000}" ASKVIDEO_API_CONNECTIONS="${ASKVIDEO_API_CONNECTIONS:-1000}"

client_dir() {
  mkdir -p "$STACK_DIR/client"
  [ -f "$STACK_DIR/client/index.html" ] || echo '<!doctype html><title>AskVideo</title>' > "$STACK_DIR/client/index.html"
  echo "$STACK_DIR/client"
}

stop_all() {
  stop_nginx || true
  stop_redis || true
  stop_postgres || true
}

case "${1:-}" in
  start)
    stop_all
    rm -rf "${STACK_DIR:?}"/* 2>/dev/null || true
    mkdir -p "$STACK_DIR"
    export PG_FSYNC=off
    start_postgres
    start_redis
    start_nginx "$(client_dir)" "$STACK_DIR/media" 4294967296 "${2:-1}"
    ;;
  nginx) start_nginx "$(client_dir)" "$STACK_DIR/media" 4294967296 "${2:-1}" ;;
  stop) stop_all ;;
  pg-stop) stop_postgres ;;
  pg-start) PG_FSYNC=off start_postgres ;;
  redis-stop) stop_redis ;;
  redis-start) start_redis ;;
  dir) echo "$STACK_DIR" ;;
  *) echo "usage: $0 start <apis>|nginx <apis>|stop|pg-stop|pg-start|redis-stop|redis-start|dir" >&2; exit 2 ;;
esac

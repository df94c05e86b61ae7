#!/usr/bin/env bash
# AskVideo local run without Docker: installs what is missing (apt), starts PostgreSQL + pgvector, Redis and nginx
# on loopback under .local/dev, migrates, builds the client and starts the API and the Worker.
#   ./scripts/run.sh          start (idempotent) and print the URL
#   ./scripts/run.sh stop     stop everything this script started
#   ./scripts/run.sh status   show what is running
#   ./scripts/run.sh logs     follow the API and Worker logs
set -euo pipefail
STACK_NAME=dev
. "$(dirname "${BASH_SOURCE[0]}")/lib/stack.sh"

API_DLL="$ROOT/src/Api/bin/Release/net10.0/AskVideo.Api.dll"
WORKER_DLL="$ROOT/src/Worker/bin/Release/net10.0/AskVideo.Worker.dll"
MEDIA_ROOT="$STACK_DIR/media"
PUBLIC_URL="http://127.0.0.1:$NGINX_PORT"

stop_all() {
  stop_pidfile worker
  stop_pidfile api
  stop_nginx
  stop_redis
  stop_postgres
  log "stopped"
}

status() {
  for name in api worker nginx redis; do
    if pid_alive "$STACK_DIR/run/$name.pid"; then echo "$name: running (pid $(cat "$STACK_DIR/run/$name.pid"))"; else echo "$name: stopped"; fi
  done
  if [ -f "$STACK_DIR/pg/PG_VERSION" ] && as_pg "$PG_BIN/pg_ctl" -D "$STACK_DIR/pg" status >/dev/null 2>&1; then echo "postgres: running"; else echo "postgres: stopped"; fi
}

export_app_env() {
  # User overrides (see .env.example) win over the defaults below.
  export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
  export DOTNET_ENVIRONMENT="$ASPNETCORE_ENVIRONMENT"
  export ConnectionStrings__Postgres="$CONNECTION_STRING"
  export Redis__Configuration="$REDIS_CONFIGURATION"
  export App__PublicUrl="${App__PublicUrl:-$PUBLIC_URL}"
  export App__MaxUploadBytes="${App__MaxUploadBytes:-4294967296}"
  export Storage__Provider="${Storage__Provider:-local}"
  export Storage__LocalRoot="${Storage__LocalRoot:-$MEDIA_ROOT}"
  export Uploads__ProxyBodyDirectory="${Uploads__ProxyBodyDirectory:-$NGINX_UPLOAD_DIR}"
  export Email__Provider="${Email__Provider:-file}"
  export Email__OutboxDirectory="${Email__OutboxDirectory:-$ROOT/.local/mail}"
  export Auth__SecureCookies="${Auth__SecureCookies:-false}"
  export Queue__KeyPrefix="${Queue__KeyPrefix:-avq}"
}

start_all() {
  "$ROOT/scripts/install-deps.sh"
  command -v dotnet >/dev/null || die "the .NET 10 SDK is required (https://dot.net); it is not an apt package on Debian 12"
  command -v npm >/dev/null || die "Node.js 20+ and npm are required"
  if [ -f "$ROOT/.env" ]; then set -a; . "$ROOT/.env"; set +a; fi
  ensure_secrets
  export_app_env

  start_postgres
  start_redis

  log "building the API and Worker (Release)"
  dotnet build "$ROOT/AskVideo.slnx" -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null

  log "applying migrations"
  dotnet "$API_DLL" migrate

  log "building the client"
  (
    cd "$ROOT/client"
    if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then npm ci --no-audit --no-fund >/dev/null; fi
    npm run build >/dev/null
  )

  start_nginx "$ROOT/client/dist" "$MEDIA_ROOT" "$App__MaxUploadBytes"
  start_dotnet api "$API_DLL" --urls "http://127.0.0.1:$API_PORT"
  start_dotnet worker "$WORKER_DLL"

  log "waiting for the API to be ready"
  wait_for 90 "the API (see .local/dev/logs/api.log)" curl -fsS "http://127.0.0.1:$NGINX_PORT/api/v1/health/ready"
  log "AskVideo is running at $PUBLIC_URL  (API docs: $PUBLIC_URL/api/docs, mail outbox: .local/mail)"
  log "stop it with: ./scripts/run.sh stop"
}

case "${1:-start}" in
  start) start_all ;;
  stop) stop_all ;;
  status) status ;;
  logs) tail -n 50 -F "$STACK_DIR/logs/api.log" "$STACK_DIR/logs/worker.log" ;;
  *) echo "usage: $0 [start|stop|status|logs]" >&2; exit 2 ;;
esac

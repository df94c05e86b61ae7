#!/usr/bin/env bash
# AskVideo local run without Docker: installs what is missing (apt), starts PostgreSQL + pgvector, Redis and nginx
# on loopback under .local/dev, migrates, builds the client and starts the API and the Worker.
#   ./scripts/run.sh          start (idempotent) and print the URL
#   ./scripts/run.sh stop     stop everything this script started
#   ./scripts/run.sh status   show what is running
#   ./scripts/run.sh logs     follow the API and Worker logs
# Scale-out on one machine: `./scripts/run.sh start --apis 2 --workers 3` (or ASKVIDEO_APIS / ASKVIDEO_WORKERS; default
# 1 and 1) starts that many APIs on consecutive ports from API_PORT, with nginx balancing over all of them, and that
# many Workers. The first instance of each is "api" / "worker" (pid and log files as before), the others "api-2",
# "worker-3", ... under .local/dev/run and .local/dev/logs. stop, status and logs cover every instance.
set -euo pipefail
STACK_NAME=dev
. "$(dirname "${BASH_SOURCE[0]}")/lib/stack.sh"

COMMAND=start
APIS="${ASKVIDEO_APIS:-1}"
WORKERS="${ASKVIDEO_WORKERS:-1}"
while [ "$#" -gt 0 ]; do
  case "$1" in
    start|stop|status|logs) COMMAND="$1" ;;
    --apis) APIS="${2:-}"; shift ;;
    --apis=*) APIS="${1#*=}" ;;
    --workers) WORKERS="${2:-}"; shift ;;
    --workers=*) WORKERS="${1#*=}" ;;
    *) echo "usage: $0 [start [--apis N] [--workers M]|stop|status|logs]" >&2; exit 2 ;;
  esac
  shift
done
[[ "$APIS" =~ ^[1-9][0-9]?$ ]] || die "--apis (ASKVIDEO_APIS) must be a number from 1 to 99, not '$APIS'"
[[ "$WORKERS" =~ ^[0-9][0-9]?$ ]] || die "--workers (ASKVIDEO_WORKERS) must be a number from 0 to 99, not '$WORKERS'"

API_DLL="$ROOT/src/Api/bin/Release/net10.0/AskVideo.Api.dll"
WORKER_DLL="$ROOT/src/Worker/bin/Release/net10.0/AskVideo.Worker.dll"
MEDIA_ROOT="$STACK_DIR/media"
PUBLIC_URL="http://127.0.0.1:$NGINX_PORT"

# Instance <n> of api or worker: "api" for the first, "api-2", "api-3", ... for the others.
instance() { if [ "$2" -eq 1 ]; then echo "$1"; else echo "$1-$2"; fi; }

# The instances of api or worker that have a pid file (running or not), first to last.
instances() { # instances <api|worker>
  local f
  for f in "$STACK_DIR/run/$1.pid" "$STACK_DIR/run/$1"-*.pid; do
    [ -f "$f" ] && basename "$f" .pid
  done | sort -t- -k2,2n
}

# Stops the instances of api or worker numbered above <keep> (all of them with 0).
stop_instances() { # stop_instances <api|worker> <keep>
  local name n
  for name in $(instances "$1"); do
    n="${name#"$1"}"; n="${n#-}"
    if [ "${n:-1}" -gt "$2" ]; then stop_pidfile "$name"; fi
  done
}

stop_all() {
  stop_instances worker 0
  stop_instances api 0
  stop_nginx
  stop_redis
  stop_postgres
  log "stopped"
}

status() {
  local name apis workers
  apis="$(instances api)"; workers="$(instances worker)"
  for name in ${apis:-api} ${workers:-worker} nginx redis; do
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

  # Fewer instances than a previous start: the extra ones stop (nginx is reloaded without them first).
  local i
  start_nginx "$ROOT/client/dist" "$MEDIA_ROOT" "$App__MaxUploadBytes" "$APIS"
  stop_instances api "$APIS"
  stop_instances worker "$WORKERS"
  for i in $(seq 1 "$APIS"); do start_dotnet "$(instance api "$i")" "$API_DLL" --urls "http://127.0.0.1:$((API_PORT + i - 1))"; done
  for i in $(seq 1 "$WORKERS"); do start_dotnet "$(instance worker "$i")" "$WORKER_DLL"; done

  log "waiting for the API to be ready"
  for i in $(seq 1 "$APIS"); do
    wait_for 90 "the API on port $((API_PORT + i - 1)) (see .local/dev/logs/$(instance api "$i").log)" \
      curl -fsS "http://127.0.0.1:$((API_PORT + i - 1))/api/v1/health/ready"
  done
  wait_for 30 "nginx" curl -fsS "http://127.0.0.1:$NGINX_PORT/api/v1/health/ready"
  if [ "$APIS" -gt 1 ] || [ "$WORKERS" -ne 1 ]; then log "$APIS APIs (ports $API_PORT-$((API_PORT + APIS - 1)), balanced by nginx) and $WORKERS workers"; fi
  log "AskVideo is running at $PUBLIC_URL  (API docs: $PUBLIC_URL/api/docs, mail outbox: .local/mail)"
  log "stop it with: ./scripts/run.sh stop"
}

logs() {
  local files=() name
  for name in $(instances api) $(instances worker); do files+=("$STACK_DIR/logs/$name.log"); done
  [ "${#files[@]}" -gt 0 ] || files=("$STACK_DIR/logs/api.log" "$STACK_DIR/logs/worker.log")
  tail -n 50 -F "${files[@]}"
}

case "$COMMAND" in
  start) start_all ;;
  stop) stop_all ;;
  status) status ;;
  logs) logs ;;
esac

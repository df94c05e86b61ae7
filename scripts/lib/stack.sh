#!/usr/bin/env bash
# Shared helpers for the local stacks (scripts/run.sh: "dev", scripts/test.sh: "test").
# Every service binds to 127.0.0.1 on a non-default port and keeps its state under $STACK_DIR.
# Source this file after setting STACK_NAME; ports can be overridden through the environment.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STACK_NAME="${STACK_NAME:-dev}"
STACK_DIR="$ROOT/.local/$STACK_NAME"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"

# As root, PostgreSQL runs as the postgres user and nginx's workers as nobody: both must be able to enter the stack's
# folders. A checkout they cannot enter (root's home, a mode-700 `mktemp -d` folder) keeps its state in
# $ASKVIDEO_STATE_ROOT/<stack>-<hash of the checkout path> (default /var/lib/askvideo) instead, and .local/<stack>
# becomes a link to it. Everywhere else the state stays under .local/<stack>.
service_users_can_enter() { # service_users_can_enter <dir>: postgres (if it exists yet) and nobody can traverse it
  local user
  for user in nobody postgres; do
    id -u "$user" >/dev/null 2>&1 || continue
    (cd / && runuser -u "$user" -- test -x "$1") 2>/dev/null || return 1
  done
}
if [ "$(id -u)" -eq 0 ] && ! service_users_can_enter "$ROOT"; then
  STACK_DIR="${ASKVIDEO_STATE_ROOT:-/var/lib/askvideo}/$STACK_NAME-$(printf '%s' "$ROOT" | sha256sum | cut -c1-12)"
  mkdir -p "$STACK_DIR" "$ROOT/.local"
  chmod 755 "$(dirname "$STACK_DIR")" "$STACK_DIR"
  if [ ! -e "$ROOT/.local/$STACK_NAME" ] || [ -L "$ROOT/.local/$STACK_NAME" ]; then ln -sfn "$STACK_DIR" "$ROOT/.local/$STACK_NAME"; fi
fi

if [ "$STACK_NAME" = "test" ]; then
  PG_PORT="${PG_PORT:-54339}"; REDIS_PORT="${REDIS_PORT:-63791}"; API_PORT="${API_PORT:-5181}"; NGINX_PORT="${NGINX_PORT:-8181}"
  S3_PORT="${S3_PORT:-4569}"
elif [ "$STACK_NAME" = "bench" ]; then
  PG_PORT="${PG_PORT:-54349}"; REDIS_PORT="${REDIS_PORT:-63792}"; API_PORT="${API_PORT:-5191}"; NGINX_PORT="${NGINX_PORT:-8191}"
  # Load generators send thousands of requests a second from one address: nginx's per-address limits out of the way.
  ASKVIDEO_API_RATE="${ASKVIDEO_API_RATE:-1000000r/s}"; ASKVIDEO_API_BURST="${ASKVIDEO_API_BURST:-1000000}"
  ASKVIDEO_API_CONNECTIONS="${ASKVIDEO_API_CONNECTIONS:-60000}"  # nginx refuses 65536 or more
else
  PG_PORT="${PG_PORT:-54329}"; REDIS_PORT="${REDIS_PORT:-63790}"; API_PORT="${API_PORT:-5080}"; NGINX_PORT="${NGINX_PORT:-8080}"
fi
PG_DB="${PG_DB:-askvideo}"
# Where nginx writes upload bodies of the fast path; the API reads them there (Uploads__ProxyBodyDirectory).
NGINX_UPLOAD_DIR="$STACK_DIR/nginx/temp/uploads"
CONNECTION_STRING="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$PG_DB;Pooling=true;Maximum Pool Size=50"
REDIS_CONFIGURATION="127.0.0.1:$REDIS_PORT"

log() { printf '\033[1;34m[%s]\033[0m %s\n' "$STACK_NAME" "$*"; }
die() { printf '\033[1;31m[%s] %s\033[0m\n' "$STACK_NAME" "$*" >&2; exit 1; }

# Runs a command as the postgres OS user when we are root (initdb and postgres refuse to run as root).
# From /, so a working directory the postgres user cannot enter does not matter.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

wait_for() { # wait_for <seconds> <description> <command...>
  local seconds="$1" what="$2"; shift 2
  for _ in $(seq 1 $((seconds * 5))); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.2
  done
  die "timed out waiting for $what"
}

start_postgres() {
  local data="$STACK_DIR/pg" sock="$STACK_DIR/pg-socket"
  mkdir -p "$STACK_DIR" "$sock"
  if [ ! -f "$data/PG_VERSION" ]; then
    log "initializing PostgreSQL cluster in $data"
    mkdir -p "$data"
    if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$data" "$sock"; fi
    as_pg "$PG_BIN/initdb" -D "$data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$sock"; fi
  if as_pg "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    log "PostgreSQL already running on 127.0.0.1:$PG_PORT"
  else
    log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
    # PG_SERVER_OPTIONS replaces the server settings (a bench sizes its own cluster); PG_START_SECONDS the wait.
    local settings="${PG_SERVER_OPTIONS:--c max_connections=200 -c shared_buffers=256MB -c maintenance_work_mem=512MB -c fsync=${PG_FSYNC:-on}}"
    as_pg "$PG_BIN/pg_ctl" -D "$data" -l "$data/server.log" -w -t "${PG_START_SECONDS:-60}" \
      -o "-p $PG_PORT -k $sock -c listen_addresses=127.0.0.1 $settings" start >/dev/null
  fi
  wait_for "${PG_START_SECONDS:-30}" "PostgreSQL" "$PG_BIN/pg_isready" -h 127.0.0.1 -p "$PG_PORT"
  if ! "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$PG_DB'" | grep -q 1; then
    "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE $PG_DB" >/dev/null
  fi
}

stop_postgres() {
  local data="$STACK_DIR/pg"
  if [ -f "$data/PG_VERSION" ] && as_pg "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    log "stopping PostgreSQL"
    as_pg "$PG_BIN/pg_ctl" -D "$data" -m fast -w stop >/dev/null || true
  fi
}

start_redis() {
  local dir="$STACK_DIR/redis" pid="$STACK_DIR/run/redis.pid"
  mkdir -p "$dir" "$STACK_DIR/run"
  if pid_alive "$pid"; then log "Redis already running on 127.0.0.1:$REDIS_PORT"; return; fi
  log "starting Redis on 127.0.0.1:$REDIS_PORT"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$dir" --daemonize yes --pidfile "$pid" \
    --appendonly yes --save "" --logfile "$dir/redis.log" >/dev/null
  wait_for 15 "Redis" redis-cli -p "$REDIS_PORT" ping
}

stop_redis() {
  local pid="$STACK_DIR/run/redis.pid"
  if pid_alive "$pid"; then log "stopping Redis"; redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || kill "$(cat "$pid")"; fi
  rm -f "$pid"
}

# s3rver (npm): a real S3-compatible HTTP server, for the S3 storage adapter's tests.
start_s3rver() { # start_s3rver <bucket>
  local dir="$STACK_DIR/s3" pid="$STACK_DIR/run/s3rver.pid"
  mkdir -p "$dir" "$STACK_DIR/run" "$STACK_DIR/logs"
  if pid_alive "$pid"; then log "s3rver already running"; return; fi
  (cd "$ROOT/tests/tools" && { [ -x node_modules/.bin/s3rver ] || npm ci --no-audit --no-fund >/dev/null; })
  log "starting s3rver on 127.0.0.1:$S3_PORT"
  nohup "$ROOT/tests/tools/node_modules/.bin/s3rver" -d "$dir" -a 127.0.0.1 -p "$S3_PORT" -s --configure-bucket "$1" \
    >>"$STACK_DIR/logs/s3rver.log" 2>&1 &
  echo $! > "$pid"
  wait_for 20 "s3rver" curl -s -o /dev/null "http://127.0.0.1:$S3_PORT/"
}

# The API instances nginx balances over: <count> of them on consecutive ports from API_PORT.
api_upstreams() { # api_upstreams <count>
  local i out=""
  for i in $(seq 0 $(( ${1:-1} - 1 ))); do out="${out:+$out }127.0.0.1:$((API_PORT + i))"; done
  printf '%s' "$out"
}

# Renders nginx/templates/default.conf.template (the same file the Docker image uses) and starts nginx.
# With an API count above 1, the upstream lists that many APIs on consecutive ports from API_PORT (round robin).
start_nginx() { # start_nginx <client dist dir> <media root> <max body bytes> [api count]
  local dist="$1" media="$2" max_body="$3" apis="${4:-1}"
  local prefix="$STACK_DIR/nginx" pid="$STACK_DIR/run/nginx.pid"
  mkdir -p "$prefix/conf.d" "$prefix/snippets" "$prefix/logs" "$prefix/temp" "$STACK_DIR/run" "$media"
  # The template includes snippets/… relative to the folder of nginx.conf, as in the image (/etc/nginx/snippets/).
  cp "$ROOT/nginx/snippets/askvideo-security-headers.conf" "$prefix/snippets/"
  # nginx's workers (nobody) read the client files: serve a copy when they cannot enter the checkout.
  if [ "$(id -u)" -eq 0 ] && ! service_users_can_enter "$dist"; then
    rm -rf "$STACK_DIR/client"
    cp -R "$dist" "$STACK_DIR/client"
    chmod -R a+rX "$STACK_DIR/client"
    dist="$STACK_DIR/client"
  fi
  API_UPSTREAM="$(api_upstreams "$apis")" NGINX_PORT="$NGINX_PORT" CLIENT_ROOT="$dist" MEDIA_ROOT="$media" \
    NGINX_MAX_BODY_SIZE="$max_body" NGINX_API_RATE="${ASKVIDEO_API_RATE:-}" NGINX_API_BURST="${ASKVIDEO_API_BURST:-}" \
    NGINX_API_CONNECTIONS="${ASKVIDEO_API_CONNECTIONS:-}" NGINX_UPLOAD_DIR="$NGINX_UPLOAD_DIR" "$ROOT/nginx/render.sh" "$ROOT/nginx/templates/default.conf.template" > "$prefix/conf.d/default.conf"
  cat > "$prefix/nginx.conf" <<CONF
worker_processes 2;
pid $pid;
error_log $prefix/logs/error.log warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  client_body_temp_path $prefix/temp/body;
  proxy_temp_path $prefix/temp/proxy;
  fastcgi_temp_path $prefix/temp/fastcgi;
  uwsgi_temp_path $prefix/temp/uwsgi;
  scgi_temp_path $prefix/temp/scgi;
  sendfile on;
  tcp_nopush on;
  include $prefix/conf.d/default.conf;
}
CONF
  if [ "$(id -u)" -eq 0 ]; then chown -R nobody:nogroup "$prefix/temp" "$prefix/logs"; fi
  if pid_alive "$pid"; then
    log "reloading nginx on 127.0.0.1:$NGINX_PORT"
    nginx -p "$prefix" -c "$prefix/nginx.conf" -s reload 2>/dev/null
  else
    log "starting nginx on 127.0.0.1:$NGINX_PORT"
    nginx -p "$prefix" -c "$prefix/nginx.conf" -t -q || die "nginx configuration is invalid"
    nginx -p "$prefix" -c "$prefix/nginx.conf"
  fi
}

stop_nginx() {
  local prefix="$STACK_DIR/nginx" pid="$STACK_DIR/run/nginx.pid"
  if pid_alive "$pid"; then log "stopping nginx"; nginx -p "$prefix" -c "$prefix/nginx.conf" -s quit 2>/dev/null || kill "$(cat "$pid")"; fi
}

# start_dotnet <name> <dll> [args...]: starts a .NET host in the background with the stack's environment.
start_dotnet() {
  local name="$1" dll="$2"; shift 2
  local pid="$STACK_DIR/run/$name.pid" logf="$STACK_DIR/logs/$name.log"
  mkdir -p "$STACK_DIR/run" "$STACK_DIR/logs"
  if pid_alive "$pid"; then log "$name already running (pid $(cat "$pid"))"; return; fi
  log "starting $name (log: ${logf#$ROOT/})"
  nohup dotnet "$dll" "$@" >>"$logf" 2>&1 &
  echo $! > "$pid"
}

stop_pidfile() { # stop_pidfile <name>
  local pid="$STACK_DIR/run/$1.pid"
  if pid_alive "$pid"; then
    log "stopping $1"
    kill "$(cat "$pid")" 2>/dev/null || true
    for _ in $(seq 1 100); do pid_alive "$pid" || break; sleep 0.2; done
    pid_alive "$pid" && kill -9 "$(cat "$pid")" 2>/dev/null || true
  fi
  rm -f "$pid"
}

# Secrets for a local stack: generated once, kept under .local, never committed.
ensure_secrets() {
  local f="$STACK_DIR/secrets.env"
  if [ ! -f "$f" ]; then
    mkdir -p "$STACK_DIR"
    # Each line keeps a value already set (e.g. from .env) and falls back to the generated one.
    # The umask is scoped to a subshell: the media files written later must stay readable by nginx.
    ( umask 077
    {
      echo "Auth__JwtSigningKey=\${Auth__JwtSigningKey:-$(head -c 48 /dev/urandom | base64 -w0)}"
      echo "Security__EncryptionKeys__0__Id=\${Security__EncryptionKeys__0__Id:-k1}"
      echo "Security__EncryptionKeys__0__Key=\${Security__EncryptionKeys__0__Key:-$(head -c 32 /dev/urandom | base64 -w0)}"
    } > "$f" )
  fi
  set -a; . "$f"; set +a
}

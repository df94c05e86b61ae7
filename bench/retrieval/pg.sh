#!/usr/bin/env bash
# The retrieval bench's own PostgreSQL cluster (STACK_NAME=bench-retrieval, port 54959), sized for 200k × 1536-d:
# big shared_buffers so the warm-cache figures are warm, and memory for the index builds. Source after stack.sh.
retrieval_pg_start() {
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
    as_pg "$PG_BIN/pg_ctl" -D "$data" -l "$data/server.log" -w -t 120 -o "-p $PG_PORT -k $sock -c listen_addresses=127.0.0.1 \
      -c shared_buffers=${PG_SHARED_BUFFERS:-4GB} -c effective_cache_size=12GB -c maintenance_work_mem=${PG_MAINTENANCE_WORK_MEM:-4GB} \
      -c max_parallel_maintenance_workers=2 -c max_parallel_workers_per_gather=0 -c work_mem=64MB -c fsync=off \
      -c synchronous_commit=off -c full_page_writes=off -c max_wal_size=8GB -c jit=off -c random_page_cost=1.1" start >/dev/null
  fi
  wait_for 60 "PostgreSQL" "$PG_BIN/pg_isready" -h 127.0.0.1 -p "$PG_PORT"
  if ! "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$PG_DB'" | grep -q 1; then
    "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE $PG_DB" >/dev/null
  fi
}

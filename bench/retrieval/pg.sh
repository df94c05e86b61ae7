#!/usr/bin/env bash
# The retrieval bench's own PostgreSQL cluster (STACK_NAME=bench-retrieval, port 54959), sized for 200k × 1536-d:
# big shared_buffers so the warm-cache figures are warm, and memory for the index builds. Source after stack.sh.
retrieval_pg_start() {
  PG_START_SECONDS=120 PG_SERVER_OPTIONS="-c shared_buffers=${PG_SHARED_BUFFERS:-4GB} -c effective_cache_size=12GB \
    -c maintenance_work_mem=${PG_MAINTENANCE_WORK_MEM:-4GB} -c max_parallel_maintenance_workers=2 -c max_parallel_workers_per_gather=0 \
    -c work_mem=64MB -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_wal_size=8GB -c jit=off \
    -c random_page_cost=1.1" start_postgres
}

#!/usr/bin/env bash
# Runs every benchmark, one after the other, and records the results in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
for bench in */run.sh; do
  echo "=== ${bench%/run.sh} ==="
  bash "$bench"
done

#!/usr/bin/env bash
# Scene-split micro-benchmark (SPEC §4.2): PrepareLines + Split on 10,000 synthetic lines with random 384-d embeddings,
# budget 512, median of 5 runs, next to the same-run baseline of one plain prefix-sum pass over all the embeddings.
# Needs no database or services.   ./bench/pipeline/split/run.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
PROJECT="$ROOT/bench/pipeline/SplitBench/SplitBench.csproj"
dotnet build "$PROJECT" -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
dotnet "$ROOT/bench/pipeline/SplitBench/bin/Release/net10.0/SplitBench.dll"

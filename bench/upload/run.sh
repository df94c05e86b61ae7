#!/usr/bin/env bash
# Upload benchmark (SPEC §8): a 2 GiB generated video uploaded through nginx into the real API, both ways:
#   - fast: POST /api/v1/videos/uploads (announce) then PUT the bytes; nginx writes the body to disk itself and hands
#     the file to the API, which moves it into storage (the path the SPA uses);
#   - multipart: POST /api/v1/videos as multipart/form-data, streamed through nginx into the API (SPEC §3 contract).
# Reports the API's peak RSS growth during each upload and each path's throughput as a ratio to a plain `cp` of the same file measured
# in the same run (machines here are noisy, so only same-run ratios mean anything), plus where the CPU time goes
# (seconds of CPU of curl, nginx and the API per upload).
#   ./bench/upload/run.sh            (SIZE_MIB=2048, ROUNDS=5 by default)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
SIZE_MIB="${SIZE_MIB:-2048}"
ROUNDS="${ROUNDS:-5}"
trap bench_stop EXIT

bench_start --no-worker
TOKEN="$(bench_token)"
WORK="$STACK_DIR/upload-bench"
mkdir -p "$WORK"

log "generating a ${SIZE_MIB} MiB MPEG-TS video (concatenated TS segments are a valid stream)"
ffmpeg -hide_banner -loglevel error -y -f lavfi -i "testsrc2=size=1280x720:rate=30" -f lavfi -i "sine=frequency=500" -t 10 \
  -c:v libx264 -preset ultrafast -b:v 40M -maxrate 40M -bufsize 80M -c:a aac -f mpegts "$WORK/segment.ts"
seg_bytes=$(stat -c %s "$WORK/segment.ts")
copies=$(( (SIZE_MIB * 1024 * 1024 + seg_bytes - 1) / seg_bytes ))
: > "$WORK/big.ts"
for _ in $(seq 1 "$copies"); do cat "$WORK/segment.ts" >> "$WORK/big.ts"; done
truncate -s "$((SIZE_MIB * 1024 * 1024))" "$WORK/big.ts"
bytes=$(stat -c %s "$WORK/big.ts")
sync

api_pid=$(cat "$STACK_DIR/run/api.pid")
nginx_workers=$(pgrep -P "$(cat "$STACK_DIR/run/nginx.pid")" | tr '\n' ' ')
rss_kib() { awk '/^VmRSS/{print $2}' "/proc/$api_pid/status"; }
# CPU seconds (user + system) used so far by the given processes.
cpu_s() { for p in "$@"; do awk '{print $14 + $15}' "/proc/$p/stat"; done | awk -v hz="$(getconf CLK_TCK)" '{s += $1} END {printf "%.2f", s / hz}'; }

upload_multipart() {
  curl -sS -o "$WORK/response.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -F "file=@$WORK/big.ts;filename=big.ts" "$BENCH_URL/api/v1/videos"
}
# Announces an upload of <file> and prints the URL its bytes go to.
announce() {
  curl -fsS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"fileName\":\"$(basename "$1")\",\"sizeBytes\":$(stat -c %s "$1")}" "$BENCH_URL/api/v1/videos/uploads" \
    | sed -n 's/.*"uploadUrl":"\([^"]*\)".*/\1/p'
}
upload_fast() {
  local url
  url=$(announce "$WORK/big.ts")
  curl -sS -o "$WORK/response.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/octet-stream' -T "$WORK/big.ts" "$BENCH_URL$url"
}

log "warming up the API with a small upload of each kind"
curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" -F "file=@$WORK/segment.ts" "$BENCH_URL/api/v1/videos"
curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" -T "$WORK/segment.ts" "$BENCH_URL$(announce "$WORK/segment.ts")"
sleep 2
rss_before=$(rss_kib)

# Interleaved rounds (cp, dd, fast, multipart, cp, …): the medians of each are compared, which tames the noise of a
# shared 2-core machine better than a single pair.
peak_file="$WORK/peak"; echo "$rss_before" > "$peak_file"
( while kill -0 "$api_pid" 2>/dev/null; do r=$(rss_kib); p=$(cat "$peak_file"); [ "$r" -gt "$p" ] && echo "$r" > "$peak_file"; sleep 0.1; done ) &
sampler=$!
results="$WORK/results.tsv"; : > "$results"
TIMEFORMAT='%U %S'
for round in $(seq 1 "$ROUNDS"); do
  log "round $round/$ROUNDS: cp, dd, then the fast and the multipart upload through nginx"
  t0=$(date +%s%N); cp "$WORK/big.ts" "$WORK/copy.ts"; sync; t1=$(date +%s%N)
  rm -f "$WORK/copy.ts"; sync
  printf 'cp\t%s\t-\t-\t-\t-\n' "$(( (t1 - t0) / 1000000 ))" >> "$results"
  # A user-space read/write copy (cp uses the kernel's copy_file_range, which never leaves the kernel).
  t0=$(date +%s%N); dd if="$WORK/big.ts" of="$WORK/copy.ts" bs=1M status=none; sync; t1=$(date +%s%N)
  rm -f "$WORK/copy.ts"; sync
  printf 'dd\t%s\t-\t-\t-\t-\n' "$(( (t1 - t0) / 1000000 ))" >> "$results"
  for kind in fast multipart; do
    api0=$(cpu_s "$api_pid"); nginx0=$(cpu_s $nginx_workers)
    rss0=$(rss_kib); echo "$rss0" > "$peak_file"
    t0=$(date +%s%N)
    { time status=$("upload_$kind"); } 2> "$WORK/curl-cpu"
    sync; t1=$(date +%s%N)
    [ "$status" = 201 ] || die "$kind upload failed with HTTP $status: $(head -c 500 "$WORK/response.json")"
    curl_cpu=$(awk '{printf "%.2f", $1 + $2}' "$WORK/curl-cpu")
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$kind" "$(( (t1 - t0) / 1000000 ))" "$curl_cpu" "$(( $(cat "$peak_file") - rss0 ))" \
      "$(awk -v a="$(cpu_s $nginx_workers)" -v b="$nginx0" 'BEGIN {printf "%.2f", a - b}')" \
      "$(awk -v a="$(cpu_s "$api_pid")" -v b="$api0" 'BEGIN {printf "%.2f", a - b}')" >> "$results"
    # Free the disk for the next upload (the upload itself is what was measured).
    rm -rf "$STACK_DIR/media/users"; sync
  done
done
kill "$sampler" 2>/dev/null || true
rss_after=$(rss_kib)

python3 - "$bytes" "$rss_before" "$rss_after" "$results" "$BENCH_RESULTS/upload.json" > "$BENCH_RESULTS/upload.md" <<'PY'
import sys, platform, datetime, os, statistics, collections, json
size, before, after = (float(x) for x in sys.argv[1:4])
runs = collections.defaultdict(list)
for line in open(sys.argv[4]):
    kind, ms, *cpu = line.split()
    runs[kind].append((int(ms) / 1000, cpu))
med = {k: statistics.median(t for t, _ in v) for k, v in runs.items()}
def cpu(kind, i):
    return statistics.median(float(c[i]) for _, c in runs[kind])
def growth(kind):
    return max(float(c[1]) for _, c in runs[kind]) / 1024
mib = size / 1024 / 1024
fast, multipart = med["cp"] / med["fast"], med["cp"] / med["multipart"]
times = lambda k: ", ".join(f"{t:.2f}" for t, _ in runs[k])
print(f"## Upload ({mib:.0f} MiB through nginx)\n")
print(f"Run {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} cores ({platform.machine()}); `./bench/upload/run.sh`.\n")
print("| measure | value | target (SPEC §8) | verdict |")
print("|---|---|---|---|")
for kind in ("fast", "multipart"):
    g = growth(kind)
    print(f"| API RSS growth during a {kind} upload (largest of {len(runs[kind])}) | {g:.1f} MiB | ≤ 64 MiB | {'pass' if g <= 64 else 'FAIL'} |")
print(f"| API RSS at start → at end of the run | {before/1024:.0f} → {after/1024:.0f} MiB | (context) | — |")
print(f"| baseline `cp` + sync, median of {len(runs['cp'])} | {med['cp']:.2f} s ({mib/med['cp']:.0f} MiB/s); runs: {times('cp')} | — | — |")
print(f"| user-space copy (`dd bs=1M`) + sync | {med['dd']:.2f} s ({mib/med['dd']:.0f} MiB/s); runs: {times('dd')} | — | — |")
print(f"| fast upload (announce + PUT, nginx writes the file) + sync | {med['fast']:.2f} s ({mib/med['fast']:.0f} MiB/s); runs: {times('fast')} | — | — |")
print(f"| multipart upload (streamed through the API) + sync | {med['multipart']:.2f} s ({mib/med['multipart']:.0f} MiB/s); runs: {times('multipart')} | — | — |")
print(f"| **fast upload throughput / cp throughput** | **{fast:.2f}** | ≥ 0.70 | {'pass' if fast >= 0.70 else 'FAIL'} |")
print(f"| multipart upload throughput / cp throughput | {multipart:.2f} | (context: the SPEC §3 contract path) | — |")
print()
print("CPU seconds per upload (median), where the time goes:\n")
print("| path | curl | nginx | API |")
print("|---|---|---|---|")
for kind in ("fast", "multipart"):
    print(f"| {kind} | {cpu(kind, 0):.2f} | {cpu(kind, 2):.2f} | {cpu(kind, 3):.2f} |")
# The key figures for bench/run.sh's scoreboard.
with open(sys.argv[5], "w") as f:
    json.dump({"size_mib": round(mib), "rounds": len(runs["cp"]), "rss_growth_fast_mib": round(growth("fast"), 1),
               "rss_growth_multipart_mib": round(growth("multipart"), 1), "rss_start_mib": round(before / 1024), "rss_end_mib": round(after / 1024),
               "cp_s": med["cp"], "fast_s": med["fast"], "multipart_s": med["multipart"], "cp_mib_s": round(mib / med["cp"]),
               "fast_mib_s": round(mib / med["fast"]), "multipart_mib_s": round(mib / med["multipart"]),
               "ratio_fast": round(fast, 3), "ratio_multipart": round(multipart, 3)}, f, indent=1)
PY
cat "$BENCH_RESULTS/upload.md"
bench_record upload "$BENCH_RESULTS/upload.md"
rm -rf "$WORK"

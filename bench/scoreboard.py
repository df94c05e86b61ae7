#!/usr/bin/env python3
"""Prints the SPEC §8 scoreboard (Markdown) of one bench/run.sh run from the figures its benches and suites left in
the run's folder: <bench>.json per bench, suites/*.jsonl from the test suites, run.json (the machine, the mode and
each bench's outcome and seconds). One row per SPEC §8 line: measured value, baseline measured in the same run, ratio,
target, verdict. A line whose figures are absent says why ("not measured (…)") instead of a number.

    python3 bench/scoreboard.py bench/results/run-<id>
"""
import json
import pathlib
import sys

RUN = pathlib.Path(sys.argv[1])
META = json.loads((RUN / "run.json").read_text())
QUICK = META["mode"] == "quick"


def load(name):
    path = RUN / f"{name}.json"
    try:
        return json.loads(path.read_text()) if path.exists() else None
    except json.JSONDecodeError:
        return None


def jsonl(name, key):
    """The last line for each value of key in suites/<name>.jsonl (a re-run appends)."""
    path = RUN / "suites" / f"{name}.jsonl"
    lines = {}
    if path.exists():
        for line in path.read_text().splitlines():
            if line.strip():
                try:
                    item = json.loads(line)
                except json.JSONDecodeError:
                    continue
                lines[item.get(key, "")] = item
    return lines


def why_absent(bench):
    """Why a bench left no figures: not run, failed, or ran and wrote nothing."""
    outcome = META["benches"].get(bench)
    if outcome is None:
        return "not measured (bench not run)"
    if outcome["status"] != "ok":
        return f"not measured (bench failed: see {bench}.log)"
    return "not measured (bench wrote no figures)"


def why_absent_suite(suite, what):
    outcome = (load("suites") or {}).get(suite)
    if META["benches"].get("suites") is None:
        return "not measured (suites not run)"
    if outcome is None:
        return "not measured (the suites did not run: see suites.log)"
    if outcome["status"] == "missing":
        return "not measured (suite missing)"
    if outcome["status"] == "failed":
        return f"not measured (the suite failed before writing its {what}: see suites/{suite}.log)"
    return f"not measured (the suite writes no {what})"


def num(value, digits=0):
    return f"{value:,.{digits}f}"


def verdict(ok, spec_size=True, bench=True):
    """pass/FAIL, or why the figure is no SPEC verdict: a bench run below SPEC §8's sizes, or any bench of a --quick
    run (shorter rounds too). The test suites run the same in both modes."""
    if bench and (QUICK or not spec_size):
        return f"{'pass' if ok else 'FAIL'} at smoke sizes (not a SPEC verdict)"
    return "pass" if ok else "**FAIL**"


rows = []  # (area, line, measured, baseline, ratio, target, verdict)


def row(area, line, measured, baseline="—", ratio="—", target="", result="—"):
    rows.append((area, line, measured, baseline, ratio, target, result))


def absent(area, line, target, reason):
    row(area, line, reason, "—", "—", target, "—")


# Retrieval ----------------------------------------------------------------------------------------------------------
r = load("retrieval")
area = "Retrieval"
if r:
    size = r["scenes"] >= 200_000 and r["big_scope_scenes"] >= 19_000 and r["dims"] == 1536
    data = f"{r['big_scope_scenes']:,}-scene group of {r['scenes']:,} × {r['dims']}-d"
    row(area, "top-20 search in a ~20k-scene group, p95 in SQL", f"{r['chosen_p95_ms']:.1f} ms ({data})",
        f"exact scan of the group: {r['exact_p95_ms']:.1f} ms", f"{r['chosen_p95_ms'] / r['exact_p95_ms']:.2f}",
        "≤ 15 ms", verdict(r["chosen_p95_ms"] <= 15, size))
    row(area, "recall@20 versus exact search", f"{r['chosen_recall']:.3f} (min {r['chosen_min_recall']:.2f}, {r['queries']} queries)",
        "exact search: 1.000", f"{r['chosen_recall']:.3f}", "≥ 0.95", verdict(r["chosen_recall"] >= 0.95, size))
    p50x, p95x = r["reference_p50_ms"] / r["chosen_p50_ms"], r["reference_p95_ms"] / r["chosen_p95_ms"]
    row(area, "≥ 10× faster than the reference layout", f"{p50x:.1f}× at p50, {p95x:.1f}× at p95",
        f"reference: p50 {r['reference_p50_ms']:.1f} ms, p95 {r['reference_p95_ms']:.1f} ms", f"{min(p50x, p95x):.1f}×",
        "≥ 10×", verdict(p50x >= 10 and p95x >= 10, size))
else:
    reason = why_absent("retrieval")
    for line, target in (("top-20 search in a ~20k-scene group, p95 in SQL", "≤ 15 ms"), ("recall@20 versus exact search", "≥ 0.95"),
                         ("≥ 10× faster than the reference layout", "≥ 10×")):
        absent(area, line, target, reason)
s = load("search")
if s:
    row(area, "end-to-end /search over the raw SQL, p50", f"+{s['overhead_p50_ms']:.2f} ms (/search p50 {s['http_p50_ms']:.2f} ms; rounds: "
        + ", ".join(f"{o:.2f}" for o in s["overheads_ms"]) + f"; {s['scope_scenes']:,}-scene group)",
        f"raw SQL p50 {s['sql_p50_ms']:.2f} ms", f"{s['http_p50_ms'] / s['sql_p50_ms']:.2f}",
        "≤ 5 ms", verdict(s["overhead_p50_ms"] <= 5, s["scope_scenes"] >= 19_000))
else:
    absent(area, "end-to-end /search over the raw SQL, p50", "≤ 5 ms", why_absent("search"))

# Upload -------------------------------------------------------------------------------------------------------------
u = load("upload")
area = "Upload"
if u:
    size = u["size_mib"] >= 2048
    worst = max(u["rss_growth_fast_mib"], u["rss_growth_multipart_mib"])
    row(area, f"API memory growth during a {u['size_mib']:,} MiB upload through nginx",
        f"{worst:.1f} MiB (fast path {u['rss_growth_fast_mib']:.1f}, multipart {u['rss_growth_multipart_mib']:.1f}; largest of {u['rounds']} each)",
        f"API RSS at start: {u['rss_start_mib']} MiB", "—", "≤ 64 MiB", verdict(worst <= 64, size))
    row(area, "upload throughput / plain local file copy",
        f"{u['fast_mib_s']:,} MiB/s fast path (multipart {u['multipart_mib_s']:,} MiB/s, {u['ratio_multipart']:.2f})",
        f"`cp` + sync: {u['cp_mib_s']:,} MiB/s", f"{u['ratio_fast']:.2f}", "≥ 0.70", verdict(u["ratio_fast"] >= 0.70, size))
else:
    absent(area, "API memory growth during a 2 GiB upload through nginx", "≤ 64 MiB", why_absent("upload"))
    absent(area, "upload throughput / plain local file copy", "≥ 0.70", why_absent("upload"))

# Queue --------------------------------------------------------------------------------------------------------------
q = load("queue")
area = "Queue"
if q:
    size = q["jobs"] >= 1000 and q["singles"] >= 100
    row(area, "enqueue-to-start p50", f"{q['latency_p50_ms']:.0f} ms (enqueue → finished of a no-op job, an upper bound; p95 {q['latency_p95_ms']:.0f} ms, {q['singles']} jobs)",
        f"one INSERT commit: {q['insert_ms']:.2f} ms", f"{q['latency_p50_ms'] / q['insert_ms']:.0f}×", "≤ 50 ms", verdict(q["latency_p50_ms"] <= 50, size))
    row(area, "no-op jobs/min with 2 workers", f"{q['jobs_per_min']:,} jobs/min ({q['jobs']:,} jobs in {q['burst_s']:.2f} s)",
        f"INSERT commits: {q['insert_tps'] * 60:,}/min", f"{q['jobs_per_min'] / (q['insert_tps'] * 60):.3f}", "≥ 1,000", verdict(q["jobs_per_min"] >= 1000, size))
    row(area, "jobs lost / duplicated", f"lost {q['lost']}, duplicated {q['duplicated']} of {q['jobs']:,} (retried {q['retried']})",
        "—", "—", "0 / 0", verdict(q["lost"] == 0 and q["duplicated"] == 0, size))
else:
    for line, target in (("enqueue-to-start p50", "≤ 50 ms"), ("no-op jobs/min with 2 workers", "≥ 1,000"), ("jobs lost / duplicated", "0 / 0")):
        absent(area, line, target, why_absent("queue"))

# Pipeline -----------------------------------------------------------------------------------------------------------
p = load("pipeline")
area = "Pipeline"
for provider, target in (("local", 60), ("hashing", 20)):
    line = f"1-hour video with subtitles, upload end → ready, `{provider}` embeddings"
    if p and f"{provider}_ready_ms" in p:
        ready = p[f"{provider}_ready_ms"] / 1000
        row(area, line, f"{ready:.2f} s ({p['video_s']:,} s video, {p['cues']:,} cues → {p[f'{provider}_scenes']:,} scenes)",
            f"`ffprobe` + subtitle extraction: {p['baseline_ms'] / 1000:.2f} s", f"{ready * 1000 / p['baseline_ms']:.1f}×",
            f"≤ {target} s", verdict(ready <= target, p["video_s"] >= 3600))
    else:
        absent(area, line, f"≤ {target} s", why_absent("pipeline") if not p else "not measured (provider not run)")
if p and "split_ms" in p:
    row(area, "scene split of 10k lines", f"{p['split_ms']:.1f} ms ({p['split_lines']:,} lines, median)",
        f"one prefix-sum pass: {p['split_baseline_ms']:.1f} ms", f"{p['split_ms'] / p['split_baseline_ms']:.1f}×", "≤ 1 s",
        verdict(p["split_ms"] <= 1000, p["split_lines"] >= 10_000))
else:
    absent(area, "scene split of 10k lines", "≤ 1 s", why_absent("pipeline") if not p else "not measured (SplitBench absent or failed)")

# API ----------------------------------------------------------------------------------------------------------------
a = load("api")
area = "API"
if a:
    size = a["connections"] == 32
    lists = {"cookie": a["videos_cookie"], "API token": a["videos_token"]}
    worst_rps = min(v["rps"] for v in lists.values())
    worst_p99 = max(v["p99_ms"] for v in lists.values())
    h = a["health"]
    row(area, f"GET /videos (20 items) req/s at {a['connections']} connections",
        ", ".join(f"{k} {v['rps']:,}" for k, v in lists.items()) + f" ({a['rounds']} × {a['duration']}, median)",
        f"GET /health: {h['rps']:,} req/s", f"{worst_rps / h['rps']:.2f}", "≥ 1,000 req/s", verdict(worst_rps >= 1000, size))
    row(area, f"GET /videos (20 items) p99 at {a['connections']} connections",
        ", ".join(f"{k} {v['p99_ms']:.1f} ms (rounds {', '.join(f'{x:.0f}' for x in v['p99_rounds_ms'])})" for k, v in lists.items()),
        f"GET /health: {h['p99_ms']:.1f} ms", f"{worst_p99 / h['p99_ms']:.1f}×", "≤ 50 ms", verdict(worst_p99 <= 50, size))
else:
    absent(area, "GET /videos (20 items) req/s at 32 connections", "≥ 1,000 req/s", why_absent("api"))
    absent(area, "GET /videos (20 items) p99 at 32 connections", "≤ 50 ms", why_absent("api"))

# Reliability (tests/Resilience → resilience.jsonl) -------------------------------------------------------------------
res = jsonl("resilience", "scenario")
area = "Reliability"


def seconds(item):
    return f"; {item['seconds']:.0f} s" if isinstance(item.get("seconds"), (int, float)) else ""


def lost_dup(item):
    return item.get("lost") == 0 and item.get("duplicated") == 0


item = res.get("worker-sigkill")
if item:
    row(area, "random `kill -9`s of the worker mid-pipeline: all ready, no duplicate scenes",
        f"{item.get('kills', '?')} kills: lost {item.get('lost', '?')}, duplicated {item.get('duplicated', '?')}{seconds(item)}",
        "—", "—", "50 kills, 0 lost, 0 duplicated", verdict(lost_dup(item) and item.get("kills", 0) >= 50, bench=False))
else:
    absent(area, "random `kill -9`s of the worker mid-pipeline: all ready, no duplicate scenes", "50 kills, 0 lost, 0 duplicated",
           why_absent_suite("resilience", "`worker-sigkill` line"))
item = res.get("redis-restart-flush")
if item:
    row(area, "Redis restarted and flushed: no job lost", f"lost {item.get('lost', '?')}, duplicated {item.get('duplicated', '?')}{seconds(item)}",
        "—", "—", "0 lost", verdict(item.get("lost") == 0 and item.get("duplicated", 0) == 0, bench=False))
else:
    absent(area, "Redis restarted and flushed: no job lost", "0 lost", why_absent_suite("resilience", "`redis-restart-flush` line"))
item = res.get("postgres-restart")
if item:
    row(area, "PostgreSQL restarted: ready answers 503, the app recovers without a restart",
        f"ready during the outage: {item.get('readyDuringOutage', '?')}; recovered: {str(item.get('recovered', '?')).lower()}{seconds(item)}",
        "—", "—", "503, recovered", verdict(item.get("readyDuringOutage") == 503 and item.get("recovered") is True, bench=False))
else:
    absent(area, "PostgreSQL restarted: ready answers 503, the app recovers without a restart", "503, recovered",
           why_absent_suite("resilience", "`postgres-restart` line"))
item = res.get("api-killed-mid-upload")
line = "(issue 12) API killed mid-upload: no orphan file after the sweeper"
if item:
    orphans = item.get("orphans", item.get("orphanFiles"))
    row(area, line, f"orphan files: {orphans if orphans is not None else '?'}{seconds(item)}", "—", "—", "0", verdict(orphans == 0, bench=False))
else:
    absent(area, line, "0", why_absent_suite("resilience", "`api-killed-mid-upload` line"))
item = res.get("scale-out-2x3")
line = "(issue 12) 2 APIs + 3 workers through one batch"
if item:
    row(area, line, f"lost {item.get('lost', '?')}, duplicated {item.get('duplicated', '?')}{seconds(item)}", "—", "—", "0 / 0", verdict(lost_dup(item), bench=False))
else:
    absent(area, line, "0 / 0", why_absent_suite("resilience", "`scale-out-2x3` line"))

# Bad input (fuzz.jsonl) ------------------------------------------------------------------------------------------------
fuzz = jsonl("fuzz", "_").get("")
area = "Bad input"
line = "fuzz pass over every endpoint: 5xx responses and orphan files"
if fuzz:
    row(area, line, f"{fuzz['status5xx']} × 5xx, {fuzz['orphanFiles']} orphan files over {fuzz['requests']:,} requests"
        + (f" ({fuzz['notProblemJson']} errors not problem+json)" if fuzz.get("notProblemJson") else ""),
        "—", "—", "0 / 0", verdict(fuzz["status5xx"] == 0 and fuzz["orphanFiles"] == 0, bench=False))
else:
    absent(area, line, "0 / 0", why_absent_suite("fuzz", "line in fuzz.jsonl"))

# Security (security.jsonl) -----------------------------------------------------------------------------------------
sec = jsonl("security", "check")
area = "Security"
for check, line in (("access-matrix", "access matrix, every endpoint × every principal: leaks"),
                    ("csrf", "CSRF enforced for cookie auth"),
                    ("throttles", "login brute force throttled"),
                    ("refresh-reuse", "refresh reuse revokes the family"),
                    ("share-tokens", "share tokens unguessable and revocable"),
                    ("error-bodies", "(issue 12) no stack trace or server path in any error body")):
    item = sec.get(check)
    if item:
        counts = {k: v for k, v in item.items() if k != "check"}
        bad = sum(v for k, v in counts.items() if k in ("leaks", "failures") and isinstance(v, (int, float)))
        row(area, line, ", ".join(f"{k} {v}" for k, v in counts.items()), "—", "—", "0 leaks / failures",
            verdict(bad == 0 and any(k in counts for k in ("leaks", "failures")), bench=False))
    else:
        absent(area, line, "0 leaks / failures", why_absent_suite("security", f"`{check}` line"))

# Output -------------------------------------------------------------------------------------------------------------
m = META["machine"]
print("## SPEC §8 scoreboard\n")
if QUICK:
    print("**Smoke run (`./bench/run.sh --quick`)**: every bench end to end at small sizes, to check the harness. "
          "Sizes are below SPEC §8, so no verdict here is a SPEC verdict.\n")
status = ", ".join(f"{name} {o['seconds'] // 60}:{o['seconds'] % 60:02d}" + ("" if o["status"] == "ok" else f" ({o['status']})")
                   for name, o in META["benches"].items())
print(f"One run of `./bench/run.sh{' --quick' if QUICK else ''}`, {META['started']} → {META['finished']} UTC "
      f"({META['seconds'] // 60} min {META['seconds'] % 60} s), commit `{META['commit']}`. "
      f"Machine: {m['cpu']}, {m['cores']} cores, {m['ram_gib']} GiB RAM, Linux {m['kernel']}; "
      f"load average {m['load_start']} at the start, {m['load_end']} at the end. Minutes per bench: {status}.\n")
print("Baselines are measured in the same run, on the same machine; the ratio is measured / baseline. "
      "Each bench's own section below has the detail.\n")
print("| area | SPEC §8 line | measured | baseline (same run) | ratio | target | verdict |")
print("|---|---|---|---|---|---|---|")
for r_ in rows:
    print("| " + " | ".join(str(c) for c in r_) + " |")
passed = sum(1 for r_ in rows if r_[6] == "pass")
failed = sum(1 for r_ in rows if "FAIL" in r_[6] and "smoke" not in r_[6])
missing = sum(1 for r_ in rows if r_[2].startswith("not measured"))
print(f"\n{len(rows)} lines: {passed} pass, {failed} fail, {missing} not measured"
      + (", the rest at smoke sizes." if QUICK else "."))

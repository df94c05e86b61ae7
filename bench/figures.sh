#!/usr/bin/env bash
# What every benchmark shares, whether or not it uses the bench stack (bench/lib.sh): where its results go and how
# they are recorded. Source after setting ROOT.
#   BENCH_RESULTS  folder for the results (default bench/results; bench/run.sh gives each run a folder of its own)
#   BENCH_DOC      the Markdown file whose sections the benches rewrite (default docs/benchmarks.md; the --quick
#                  smoke run of bench/run.sh points it at a copy in its results folder)
BENCH_RESULTS="${BENCH_RESULTS:-$ROOT/bench/results}"
BENCH_DOC="${BENCH_DOC:-$ROOT/docs/benchmarks.md}"
mkdir -p "$BENCH_RESULTS"

# Replaces the section between <!-- bench:NAME --> markers in $BENCH_DOC with the given file (appends it when absent).
bench_record() { # bench_record <name> <markdown file>
  python3 - "$BENCH_DOC" "$1" "$2" <<'PY'
import sys, re, pathlib
doc, name, part = pathlib.Path(sys.argv[1]), sys.argv[2], pathlib.Path(sys.argv[3]).read_text()
start, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
text = doc.read_text() if doc.exists() else "# Benchmarks\n"
block = f"{start}\n{part.strip()}\n{end}"
text = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda m: block, text, flags=re.S) if start in text else text.rstrip() + "\n\n" + block + "\n"
doc.write_text(text)
PY
}

# Writes a bench's key figures, machine-readable, to $BENCH_RESULTS/<name>.json for the scoreboard of bench/run.sh.
# Numbers stay numbers and true/false become booleans; anything else is a string.
bench_figures() { # bench_figures <name> key=value...
  local name="$1"; shift
  python3 - "$BENCH_RESULTS/$name.json" "$@" <<'PY'
import sys, json
def value(v):
    if v in ("true", "false"): return v == "true"
    for kind in (int, float):
        try: return kind(v)
        except ValueError: pass
    return v
figures = {k: value(v) for k, v in (arg.split("=", 1) for arg in sys.argv[2:])}
with open(sys.argv[1], "w") as f: json.dump(figures, f, indent=1)
PY
}

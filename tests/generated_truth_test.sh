#!/usr/bin/env bash
# Imports a generated corpus of 1,000 posts (../shared/tools/gen_corpus.py, seed 1) and checks
# the graph against the generator's truth.jsonl: every paper, lab, topic, post, review,
# affiliation, mention and cross-link, nothing missing and nothing extra. Only the "truth"
# part of papergraph-bench's report is judged here; its query timings are a benchmark.
set -euo pipefail
bench=$1
shared=$2
if [ ! -f "$shared/tools/gen_corpus.py" ]; then
  echo "skipped: $shared/tools/gen_corpus.py not found"
  exit 0
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
python3 "$shared/tools/gen_corpus.py" --posts 1000 --seed 1 --out "$out" >/dev/null
"$bench" "$out" --check-truth --repeat 1 > "$out/report.json" || true
python3 - "$out/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
perfect = True
for kind, s in r["truth"].items():
    print(f"{kind:14} truth {s['truth']:6}  found {s['found']:6}  correct {s['correct']:6}")
    if not s["truth"] == s["found"] == s["correct"]:
        perfect = False
        print(f"  missing e.g. {s['missing']}\n  extra e.g. {s['extra']}")
if r["import"]["failed"]:
    perfect = False
    print(f"{r['import']['failed']} files failed to import")
sys.exit(0 if perfect else 1)
PY

#!/usr/bin/env bash
# kill -9 during an import, TRIALS times at seeded random moments: after each kill,
# `papergraph check` must pass (every document wholly present or wholly absent, indexes in
# agreement), and re-running the import must give a database whose export is byte-identical
# to a clean import's.
#
#   tests/crash_test.sh build/cli/papergraph ../shared [TRIALS=10] [POSTS=300] [SEED=42]
set -euo pipefail
pg=$1
shared=$2
trials=${3:-10}
posts=${4:-300}
RANDOM=${5:-42}
if [ ! -f "$shared/tools/gen_corpus.py" ]; then
  echo "skipped: $shared/tools/gen_corpus.py not found"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$shared/tools/gen_corpus.py" --posts "$posts" --seed 3 --out "$work/gen" >/dev/null

start=$(date +%s%N)
"$pg" --db "$work/clean.db" import -q "$work/gen/posts" 2>/dev/null
span_ms=$(( ($(date +%s%N) - start) / 1000000 ))
"$pg" --db "$work/clean.db" export -o "$work/clean.json"
echo "clean import of $posts posts: ${span_ms} ms"

for ((t = 1; t <= trials; t++)); do
  db="$work/crash.db"
  rm -rf "$db"
  # Half the trials kill a first import, half an import on top of a partial one.
  if (( t % 2 == 0 )); then
    "$pg" --db "$db" import -q "$work/gen/posts" 2>/dev/null &
    pid=$!
    sleep "0.$(printf '%03d' $(( RANDOM % 1000 )))e0" 2>/dev/null || true
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  delay=$(( RANDOM % (span_ms + 1) ))
  "$pg" --db "$db" import -q "$work/gen/posts" 2>/dev/null &
  pid=$!
  sleep "$(printf '%d.%03d' $(( delay / 1000 )) $(( delay % 1000 )))"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  written="no database yet"
  if [ -d "$db" ] && [ -f "$db/CURRENT" ]; then
    written="$("$pg" --db "$db" stats --format json 2>/dev/null | grep -o '"documents": [0-9]*' | grep -o '[0-9]*' || true) documents"
    if ! "$pg" --db "$db" check >"$work/check.txt" 2>&1; then
      echo "trial $t: check failed after kill at ${delay} ms:"
      cat "$work/check.txt"
      exit 1
    fi
  fi
  "$pg" --db "$db" import -q "$work/gen/posts" 2>/dev/null
  "$pg" --db "$db" export -o "$work/after.json"
  if ! cmp -s "$work/clean.json" "$work/after.json"; then
    echo "trial $t: re-import after a kill at ${delay} ms differs from a clean import"
    diff <(head -c 2000 "$work/clean.json") <(head -c 2000 "$work/after.json") | head -20
    exit 1
  fi
  echo "trial $t: killed at ${delay} ms ($written); check ok; re-import identical"
done
echo "$trials passed, 0 failed"

#!/usr/bin/env bash
# Cold one-shot query times: for each case of OUT/queries.json, runs
#   papergraph --db DB query '<the case as papergraph-bench writes it>' --format FORMAT --max-rows 100000000
# N times as a fresh process (start to exit: open the store, run the query,
# print the answer, close) and prints the median and p99 per case, in ms, as a
# Markdown table. DB is a database kept with `papergraph-bench OUT --db DB`.
#
#   bench/cold_queries.sh DB OUT [N] [FORMAT]   (N defaults to 50, FORMAT to table; json adds
#                                               every node's name and the answer's subgraph)
#
# Uses hyperfine when it is installed, else a bash loop timed with
# `date +%s%N`. BUILD names the build directory (default: ../build beside
# this script). Exits 1 when a query fails.
set -euo pipefail

if [ $# -lt 2 ]; then
  sed -n '2,12p' "$0" >&2
  exit 2
fi
db=$1
out=$2
runs=${3:-50}
format=${4:-table}
here=$(cd "$(dirname "$0")" && pwd)
build=${BUILD:-$here/../build}
papergraph=$build/cli/papergraph
bench=$build/bench/papergraph-bench
[ -x "$papergraph" ] && [ -x "$bench" ] || { echo "cold_queries: build papergraph and papergraph-bench in $build first" >&2; exit 2; }
[ -f "$db/CURRENT" ] || { echo "cold_queries: $db is not a database (keep one with papergraph-bench OUT --db DIR)" >&2; exit 2; }

# Median and p99 (nearest rank) of microsecond times on stdin, as "median_ms p99_ms".
stats() {
  sort -n | awk '{ t[NR] = $1 } END {
    n = NR; m = (n % 2) ? t[(n + 1) / 2] : (t[n / 2] + t[n / 2 + 1]) / 2
    r = int(0.99 * n); if (r < 0.99 * n) r++; if (r < 1) r = 1
    printf "%.1f %.1f\n", m / 1000, t[r] / 1000 }'
}

# Times `cmd...` $runs times; prints microseconds, one a line.
time_runs() {
  if command -v hyperfine > /dev/null; then
    local json
    json=$(mktemp)
    hyperfine --runs "$runs" --warmup 0 -N --style none --export-json "$json" -- "$(printf '%q ' "$@")" > /dev/null
    python3 -c 'import json, sys; [print(round(t * 1e6)) for t in json.load(open(sys.argv[1]))["results"][0]["times"]]' "$json"
    rm -f "$json"
  else
    local i start end
    for ((i = 0; i < runs; i++)); do
      start=$(date +%s%N)
      "$@" > /dev/null
      end=$(date +%s%N)
      echo $(((end - start) / 1000))
    done
  fi
}

echo "| case | median | p99 |"
echo "|---|---:|---:|"
read -r m p < <(time_runs "$papergraph" --help | stats)
echo "| (process start: papergraph --help) | $m ms | $p ms |"
failed=0
while IFS=$'\t' read -r name query; do
  # k hops at 100k posts answer 194,092 rows: past the default bound of 1,000.
  if ! "$papergraph" --db "$db" query "$query" --format "$format" --max-rows 100000000 > /dev/null; then
    echo "cold_queries: $name failed: $query" >&2
    failed=1
    continue
  fi
  read -r m p < <(time_runs "$papergraph" --db "$db" query "$query" --format "$format" --max-rows 100000000 | stats)
  echo "| $name | $m ms | $p ms |"
done < <("$bench" "$out" --print-queries)
exit $failed

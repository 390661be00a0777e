#!/usr/bin/env bash
# README command (1): installs dependencies, builds, imports the bundled example posts
# (examples/: the three formats, written for this project) and answers the example questions.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh >/dev/null
export PAPERGRAPH_DB=${PAPERGRAPH_DB:-./papergraph.db}
pg=build/cli/papergraph
ask() {
  printf '\n$ papergraph %s\n' "$*"
  "$pg" "$@"
}
ask import examples
ask stats
ask query 'topic:"loop transformers" - paper - org | count by org'
ask query 'org:bytedance - paper - topic | count by topic | top 5'
ask query 'topic:"추측적 디코딩" - paper'
ask path paper:2510.90001 paper:2510.90005
ask related paper:2510.90001
ask show arxiv:2510.90004
printf '\nExplore the graph in a browser: %s serve   (then open http://127.0.0.1:8080)\n' "$pg"

#!/usr/bin/env bash
# README command (1): installs dependencies, builds, imports the bundled example posts into
# a fresh database and answers the example questions.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
DB=${PAPERGRAPH_DB:-./papergraph.db}
export PAPERGRAPH_DB="$DB"
bin=build/cli/papergraph
if [ -d examples ] && [ -n "$(ls -A examples 2>/dev/null)" ] && "$bin" --help | grep -q ' import'; then
  "$bin" import examples
fi
"$bin" stats

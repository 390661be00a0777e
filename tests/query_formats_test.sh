#!/usr/bin/env bash
# `papergraph query|path|related --format dot|graphml`: the answer's subgraph as
# Graphviz DOT and GraphML, on the bundled examples. Checks that dot(1)
# renders the DOT, that xmllint accepts the GraphML, and that both hold the
# answer's nodes.
#
#   tests/query_formats_test.sh build/cli/papergraph examples
set -euo pipefail
pg=$1
examples=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$pg" --db "$tmp/db" import "$examples" --site-root "$examples/site" >/dev/null 2>&1

q='topic:"loop transformers" - paper - org'
"$pg" --db "$tmp/db" query "$q" --format dot > "$tmp/q.dot" || fail "query --format dot exits non-zero"
grep -q '"org:bytedance"' "$tmp/q.dot" || fail "the DOT lacks the answer's lab"
grep -q '"topic:looped-transformer"' "$tmp/q.dot" || fail "the DOT lacks the topic"
if command -v dot >/dev/null; then
  dot -Tsvg "$tmp/q.dot" > "$tmp/q.svg" || fail "dot cannot render the DOT"
fi

"$pg" --db "$tmp/db" query "$q" --format graphml > "$tmp/q.graphml" || fail "query --format graphml exits non-zero"
grep -q '>org:bytedance</data>' "$tmp/q.graphml" || fail "the GraphML lacks the answer's lab"
if command -v xmllint >/dev/null; then
  xmllint --noout "$tmp/q.graphml" || fail "the GraphML is not well-formed XML"
fi

"$pg" --db "$tmp/db" path paper:2510.90001 org:paddlepaddle --format dot > "$tmp/p.dot" || fail "path --format dot"
grep -q '"org:paddlepaddle"' "$tmp/p.dot" || fail "the path's DOT lacks its end"

# A failing query still fails, with its message, whatever the format.
if "$pg" --db "$tmp/db" query 'org:bytedanse' --format dot > /dev/null 2> "$tmp/err"; then fail "a bad query exits 0"; fi
grep -q "did you mean" "$tmp/err" || fail "a bad query's message is lost"
echo "query_formats: every check passed"

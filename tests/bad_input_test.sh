#!/usr/bin/env bash
# DESIGN §8 through the command line: each bad input beside a good post, imported in its own
# database. For each case: the exact message, the exit status, the good post imported, and
# `papergraph check` passing afterwards. Then the query and database cases.
#
#   tests/bad_input_test.sh build/cli/papergraph
set -uo pipefail
pg=$1
work=$(mktemp -d)
trap 'chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

good='---
title: Good
---

## [Good Paper](https://arxiv.org/abs/2501.00001)

A paper on speculative decoding.
'

# check_case NAME WANT_STATUS WANT_LINE: imports $work/NAME/posts (the good post plus what the
# caller put there) and checks the status, that stderr has WANT_LINE exactly (or a line
# starting with it, for the summary, whose time varies), that the good paper is in the graph
# and that check passes.
has_line() {  # has_line TEXT FILE: a line equal to TEXT, or TEXT followed by " in ..."
  local line
  while IFS= read -r line; do
    [[ "$line" == "$1" || "$line" == "$1 in "* ]] && return 0
  done < "$2"
  return 1
}
case_dir() { mkdir -p "$work/$1/posts" && printf '%s' "$good" > "$work/$1/posts/good.md" && echo "$work/$1/posts"; }
check_case() {
  local name=$1 want_status=$2 want_line=$3
  local dir=$work/$name
  "$pg" --db "$dir/db" import -q "$dir/posts" 2> "$dir/stderr" > /dev/null
  local status=$?
  [ "$status" = "$want_status" ] || fail "$name: exit status $status, expected $want_status"
  has_line "$want_line" "$dir/stderr" || { fail "$name: no line '$want_line' in:"; sed 's/^/    /' "$dir/stderr"; }
  "$pg" --db "$dir/db" show arxiv:2501.00001 > /dev/null 2>&1 || fail "$name: the good post was not imported"
  "$pg" --db "$dir/db" check > "$dir/check" 2>&1 || { fail "$name: check failed"; cat "$dir/check"; }
  echo "ok: $name"
}

d=$(case_dir nul);      printf 'a\nb\0c\n' > "$d/nul.md"
check_case nul 1 "error: nul.md:2: NUL byte at column 2"
d=$(case_dir utf8);     printf 'ok\n\377 bad\n' > "$d/utf8.md"
check_case utf8 1 "error: utf8.md:2:1: invalid UTF-8 (byte 0xFF)"
d=$(case_dir binary);   printf '\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0' > "$d/tool.md"
check_case binary 1 "error: tool.md: binary file, not a text post"
d=$(case_dir empty);    : > "$d/empty.md"
check_case empty 0 "warning: empty.md: empty file; imported as a post with no papers"
d=$(case_dir longline); head -c $((50 * 1024 * 1024)) /dev/zero | tr '\0' x > "$d/long.md"
check_case longline 1 "error: long.md:1: line is 50.0 MB long; longest allowed is 1 MB"
d=$(case_dir frontmatter); printf -- '---\ntitle: x\n\nno end\n' > "$d/fm.md"
check_case frontmatter 1 "error: fm.md:1: front matter opened here is never closed (no '---' line ends it)"
d=$(case_dir fence);    printf '# T\n\n```\ncode\n' > "$d/fence.md"
check_case fence 0 "warning: fence.md:3: code fence opened here is never closed"
d=$(case_dir nested);   for ((i = 0; i < 5000; i++)); do printf '%*s- x\n' $((i * 2)) ''; done > "$d/nested.md"
check_case nested 0 "imported 2 of 2 files (0 unchanged, 0 failed)"
d=$(case_dir loop);     ln -s b.md "$d/a.md"; ln -s a.md "$d/b.md"
check_case loop 1 "error: $d/a.md: cannot read: Too many levels of symbolic links"
d=$(case_dir unknown);  printf 'tmux notes\n\nctrl-b d detaches\n' > "$d/notes.txt"
check_case unknown 0 "imported 2 of 2 files (0 unchanged, 0 failed)"
d=$(case_dir directory); mkdir -p "$d/looks-like-a-file.md"
check_case directory 0 "imported 1 of 1 files (0 unchanged, 0 failed)"
if [ "$(id -u)" != 0 ]; then
  d=$(case_dir unreadable); echo "# x" > "$d/secret.md"; chmod 000 "$d/secret.md"
  check_case unreadable 1 "error: $d/secret.md: cannot read: Permission denied"
else
  echo "skipped: unreadable file (running as root, which reads anything)"
fi
"$pg" --db "$work/missing/db" import -q "$work/no-such-dir" 2> "$work/missing.err" > /dev/null
[ $? = 1 ] && grep -qxF "error: $work/no-such-dir: no such file or directory" "$work/missing.err" && echo "ok: missing path" ||
  fail "missing path: $(cat "$work/missing.err")"
# Beside a good post, the missing path is one of the files, so the summary adds up.
"$pg" --db "$work/missing/db2" import -q "$work/nul/posts/good.md" "$work/no-such-dir" 2> "$work/missing2.err" > /dev/null
[ $? = 1 ] && has_line "imported 1 of 2 files (0 unchanged, 1 failed)" "$work/missing2.err" && echo "ok: missing path counted" ||
  fail "missing path counted: $(cat "$work/missing2.err")"

# --orgs: a lab named only in the user's alias file is found; a spelling of another lab is refused.
mkdir -p "$work/orgs/posts"
printf '# 2025-10-20 papers review\n\n## 1. [Small Loops](https://arxiv.org/abs/2510.90005) `tmtlab`\n' > "$work/orgs/posts/a.md"
printf 'tomato-lab\tTomato Lab\ttmtlab\n' > "$work/orgs/mine.tsv"
"$pg" --db "$work/orgs/db" import -q --orgs "$work/orgs/mine.tsv" "$work/orgs/posts" 2> "$work/orgs.err" > /dev/null &&
  "$pg" --db "$work/orgs/db" show arxiv:2510.90005 2>&1 | grep -qF "org:tomato-lab  Tomato Lab" && echo "ok: --orgs" ||
  fail "--orgs: $(cat "$work/orgs.err")"
printf 'not-google\tNot Google\tgoogle\n' > "$work/orgs/clash.tsv"
"$pg" --db "$work/orgs/db" import -q --orgs "$work/orgs/clash.tsv" "$work/orgs/posts" 2> "$work/orgs.err" > /dev/null
[ $? = 1 ] && grep -q "^papergraph: $work/orgs/clash.tsv:1: 'google' of lab 'not-google' is already a spelling of lab 'google'" "$work/orgs.err" &&
  echo "ok: --orgs clash" || fail "--orgs clash: $(cat "$work/orgs.err")"

# A database directory that is not a papergraph database is refused and left alone.
mkdir -p "$work/notdb" && echo keep > "$work/notdb/notes.txt"
"$pg" --db "$work/notdb" import -q "$work/nul/posts" 2> "$work/notdb.err" > /dev/null
[ $? = 1 ] && grep -qxF "papergraph: $work/notdb: not a papergraph database (a non-empty directory without one)" "$work/notdb.err" &&
  [ "$(ls "$work/notdb")" = notes.txt ] && echo "ok: not a database" || fail "not a database: $(cat "$work/notdb.err")"

# Queries: unbalanced quotes, unknown kinds, huge depths, huge limits — exit 1, the message.
db=$work/nul/db
query_case() {
  local q=$1 want=$2
  "$pg" --db "$db" query "$q" < /dev/null > /dev/null 2> "$work/q.err"
  local status=$?
  [ $status = 1 ] && grep -qxF -- "$want" "$work/q.err" && echo "ok: query $q" || { fail "query $q: exit $status"; cat "$work/q.err"; }
}
query_case 'topic:"loop' "query:1:7: unterminated string: no closing '\"'"
# An empty argument is an empty query, not a request for the prompt (which read stdin and said nothing).
query_case '' "query:1:1: expected a node selector or a command (path, neighbors, related, why), got end of query"
query_case 'gizmo:x -- paper' "query:1:1: unknown node kind 'gizmo'; expected paper, org, topic, post or *"
query_case 'neighbors topic:looped-transformer depth 1000000' \
  "query:1:42: depth 1000000 is more than the bound max_depth = 10 (raise it with --max-depth)"
query_case 'paper -links_to*1..100000-> paper' \
  "query:1:16: the repetition goes up to 100000 hops, more than the bound max_depth = 10 (raise it with --max-depth)"
query_case 'paper | limit 99999999999999999999' "query:1:15: number 99999999999999999999 is too large (at most 1000000000)"

if [ $failures -gt 0 ]; then
  echo "$failures failures"
  exit 1
fi
echo "all bad-input cases passed"

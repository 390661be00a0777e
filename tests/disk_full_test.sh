#!/usr/bin/env bash
# A real full disk under the command line (issue #8): `papergraph import` into a 2 MiB tmpfs
# must stop with "No space left on device" naming the file, exit 1, leave a database that
# `papergraph check` passes, and, once the file system has room again, a second import must
# finish with the bytes of a clean import (`papergraph export`). tests/fault_test.cc injects
# the same failures in-process at every write; this is the end-to-end check with the kernel's
# own ENOSPC.
#
# Mounting needs CAP_SYS_ADMIN: without it the test prints "skipped: ..." and passes. The
# mount lives in a private mount namespace (unshare -m), so it disappears with the test even
# if the test is killed.
#
#   tests/disk_full_test.sh build/cli/papergraph ../shared
set -euo pipefail
pg=$(realpath "$1")
shared=$2
if [ "${PAPERGRAPH_IN_NAMESPACE:-}" != 1 ]; then
  if ! unshare -m --propagation private true 2>/dev/null; then
    echo "skipped: cannot make a mount namespace here (unshare -m needs CAP_SYS_ADMIN)"
    exit 0
  fi
  PAPERGRAPH_IN_NAMESPACE=1 exec unshare -m --propagation private "$0" "$pg" "$shared"
fi

work=$(mktemp -d)
mnt="$work/small"
mkdir -p "$mnt"
cleanup() {
  umount "$mnt" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
if ! mount -t tmpfs -o size=2m tmpfs "$mnt" 2>/dev/null; then
  echo "skipped: cannot mount a tmpfs here (needs CAP_SYS_ADMIN)"
  exit 0
fi

if [ -f "$shared/tools/gen_corpus.py" ]; then
  python3 "$shared/tools/gen_corpus.py" --posts 300 --seed 11 --out "$work/gen" >/dev/null
  posts="$work/gen/posts"
else
  posts="$(dirname "$0")/../examples"
fi
"$pg" --db "$work/clean.db" import -q "$posts" 2>/dev/null
"$pg" --db "$work/clean.db" export -o "$work/clean.json"
echo "clean database: $(du -sh "$work/clean.db" | cut -f1); the tmpfs: 2 MiB"

db="$mnt/db"
status=0
"$pg" --db "$db" import -q "$posts" 2>"$work/err.txt" || status=$?
echo "import into the full disk: exit $status"
sed 's/^/  | /' "$work/err.txt" | head -5
fail() {
  echo "FAIL: $*"
  exit 1
}
[ "$status" = 1 ] || fail "exit status $status, not 1"
grep -q "No space left on device" "$work/err.txt" || fail "the error does not say 'No space left on device'"
grep -qE "\.(md|txt): not imported: |flushing|syncing the log|cannot create the database" "$work/err.txt" ||
  fail "the error names neither the file nor the step"
[ -f "$db/OWNER" ] && fail "OWNER left behind: the importer did not close the database"

if [ -f "$db/CURRENT" ]; then
  # The disk is still full: reading must work anyway (a reader writes only under /tmp).
  "$pg" --db "$db" check >"$work/check.txt" 2>&1 || { cat "$work/check.txt"; fail "check on the full disk"; }
  kept=$("$pg" --db "$db" stats --format json 2>/dev/null | grep -o '"documents": [0-9]*' | grep -o '[0-9]*' || echo "?")
  echo "check on the full disk: ok; documents kept: $kept"
fi

mount -o remount,size=64m "$mnt"
"$pg" --db "$db" import -q "$posts" 2>"$work/err2.txt" || { cat "$work/err2.txt"; fail "the import after freeing space"; }
"$pg" --db "$db" check >/dev/null || fail "check after the second import"
"$pg" --db "$db" export -o "$work/after.json"
cmp -s "$work/clean.json" "$work/after.json" || fail "the finished import differs from a clean import"
echo "after freeing space: the import finished, check ok, export identical to a clean import"

#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang into build-fuzz/, builds their seed corpora
# from examples/ and ../shared/corpus (when present), and runs every target for
# SECONDS_PER_TARGET seconds (default 60). Fails when any target finds a crash, a leak,
# undefined behaviour, a broken property, a timeout or runaway memory; the input is saved in
# build-fuzz/artifacts/<target>/ (docs/fuzzing.md says how to replay and minimize it).
# Prints the executions per target. Extra arguments go to every fuzzer (e.g. -max_len=65536).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=(post front_matter link query query_engine)
# query_engine takes the query target's seeds and dictionary.
declare -A inputs_of=([query_engine]=query)
out=build-fuzz

# Quiet unless it fails (configuring also reads web/, which warns without its npm packages).
mkdir -p "$out/logs"
cmake -S . -B "$out" -DPAPERGRAPH_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ >"$out/logs/configure.log" 2>&1 ||
  { cat "$out/logs/configure.log" >&2; exit 1; }
cmake --build "$out" --target fuzz -j"$(nproc)" >"$out/logs/build.log" 2>&1 || { tail -50 "$out/logs/build.log" >&2; exit 1; }

# Seeds are rebuilt each run (never committed). What the fuzzers find goes to
# $out/corpus/<target>/, the first corpus directory, the only one libFuzzer writes to. It
# starts empty, so that a bounded run takes the time it is given (libFuzzer first runs the
# whole corpus, however long that takes); PAPERGRAPH_FUZZ_KEEP_CORPUS=1 goes on from what
# earlier runs found, for long runs.
rm -rf "$out/seeds"
[ "${PAPERGRAPH_FUZZ_KEEP_CORPUS:-0}" = 1 ] || rm -rf "$out/corpus"
shared=()
[ -d ../shared/corpus ] && shared=(../shared)
python3 fuzz/make_seeds.py "$out/seeds" . "${shared[@]}"
mkdir -p "$out/tmp"
# query_engine's scratch store goes here, not to /tmp.
export TMPDIR=$PWD/$out/tmp
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

failed=()
printf '%-13s %8s %12s %9s %7s\n' target seconds executions exec/s corpus
for t in "${targets[@]}"; do
  mkdir -p "$out/corpus/$t" "$out/artifacts/$t"
  base=${inputs_of[$t]:-$t}
  inputs=("$out/corpus/$t" "$out/seeds/$base")
  for r in $(printf 'fuzz/regressions/%s\n' "$t" "$base" | sort -u); do
    if [ -d "$r" ]; then inputs+=("$r"); fi
  done
  log=$out/logs/$t.log
  status=0
  start=$(date +%s)
  # -timeout: one input may take at most 10 s; -rss_limit_mb: the process at most 2 GB.
  "$out/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -dict="fuzz/dict/$base.dict" -artifact_prefix="$out/artifacts/$t/" -print_final_stats=1 "$@" \
    "${inputs[@]}" >"$log" 2>&1 || status=$?
  secs=$(( $(date +%s) - start ))
  # The final stats when the run ended normally, else the last status line ("#12345 NEW ...").
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  [ -n "$runs" ] || runs=$(sed -n 's/^#\([0-9][0-9]*\).*/\1/p' "$log" | tail -1)
  runs=${runs:-0}
  corpus=$(find "$out/corpus/$t" -type f | wc -l)
  printf '%-13s %8s %12s %9s %7s\n' "$t" "$secs" "$runs" "$(( runs / (secs > 0 ? secs : 1) ))" "$corpus"
  if [ "$status" -ne 0 ]; then
    failed+=("$t")
    echo "fuzz: $t failed (exit $status); log: $log" >&2
    grep -E 'ERROR|property broken|SUMMARY|Test unit written|runtime error' "$log" | head -20 >&2 || true
  fi
done
if [ ${#failed[@]} -ne 0 ]; then
  echo "fuzz: failed: ${failed[*]}; minimize the input and add it to fuzz/regressions/<target>/ (docs/fuzzing.md)" >&2
  exit 1
fi

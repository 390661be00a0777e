#!/usr/bin/env bash
# README command (2): installs dependencies, builds, and runs the whole test suite through
# CTest twice: on the Release build, and on an AddressSanitizer + UndefinedBehaviorSanitizer
# build (build-asan/), where any memory error, leak or undefined behaviour fails the run.
# Then every libFuzzer target runs for PAPERGRAPH_FUZZ_SECONDS seconds (scripts/fuzz.sh,
# docs/fuzzing.md).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"

cmake -S . -B build-asan -DPAPERGRAPH_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-asan -j"$(nproc)"
# The generated-corpus truth check, the kill -9 trials and the command-line concurrency test
# (hundreds of process start-ups: 90 s under ASan; concurrency_tests runs the same reading and
# writing code in-process here) run once, on the Release build.
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j"$(nproc)" -E "generated_truth|crash_recovery|concurrency_cli"

# A bounded fuzzing run: the clang build, then PAPERGRAPH_FUZZ_SECONDS (default 45) per target,
# about 6 minutes in all (docs/fuzzing.md has the long run).
scripts/fuzz.sh "${PAPERGRAPH_FUZZ_SECONDS:-45}"

#!/bin/sh
# Runs one libFuzzer target for a while and reports executions and findings.
# Usage: sh scripts/fuzz.sh TARGET SECONDS
#   TARGET: deck_json | layout | translation | extract | engine
# Builds build-fuzz/ with clang, ASan and UBSan (needs: sh scripts/deps.sh fuzz); .ci/run
# runs the whole test suite in that same folder (FUZZ_REBUILD=0: use what is built). The run
# starts from the committed seeds (tests/fuzz/corpus/TARGET) with the target's dictionary;
# new inputs go to build-fuzz/corpus/TARGET, findings to build-fuzz/findings/TARGET/. Each
# finding becomes a regression input in tests/fuzz/regressions/ (run by e2e.fuzz_regressions).
# Exit: 0 no finding, 1 a finding (printed), 2 bad usage.
set -eu
target=${1:-}; seconds=${2:-}
case "$target" in deck_json|layout|translation|extract|engine) ;; *)
  echo "deckhand: error: scripts/fuzz.sh: unknown target '$target' (use deck_json, layout, translation, extract or engine)" >&2; exit 2 ;;
esac
case "$seconds" in ''|*[!0-9]*) echo "deckhand: error: scripts/fuzz.sh: SECONDS must be a whole number" >&2; exit 2 ;; esac
cd "$(dirname "$0")/.."
src=$(pwd)
if [ ! -x "build-fuzz/tests/fuzz/fuzz_$target" ] || [ "${FUZZ_REBUILD:-1}" = 1 ]; then
  CXX=${CXX:-clang++} cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDECKHAND_FUZZ=ON >/dev/null
  cmake --build build-fuzz -j"${JOBS:-2}" --target "fuzz_$target" >/dev/null
fi
corpus=build-fuzz/corpus/$target; findings=build-fuzz/findings/$target
mkdir -p "$corpus" "$findings"
log=build-fuzz/fuzz-$target.log
export DECKHAND_DATA="$src"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
start=$(date +%s)
"build-fuzz/tests/fuzz/fuzz_$target" "$corpus" "tests/fuzz/corpus/$target" -dict="tests/fuzz/$target.dict" \
  -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="$findings/" \
  -print_final_stats=1 >"$log" 2>&1 || status=$?
took=$(( $(date +%s) - start ))
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
n=$(find "$findings" -type f | wc -l)
echo "fuzz_$target: ${took} s (asked ${seconds}), ${execs:-?} executions (${rate:-?}/s), $n finding(s), exit $status; log $log"
if [ "$n" != 0 ] || [ "$status" != 0 ]; then
  find "$findings" -type f
  grep -E "ERROR|runtime error|SUMMARY|deadly signal|timeout" "$log" | head -20
  exit 1
fi

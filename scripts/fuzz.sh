#!/bin/sh
# Runs one libFuzzer target for a while and reports executions and findings.
# Usage: sh scripts/fuzz.sh TARGET SECONDS
#   TARGET: deck_json | layout | translation | extract | engine      (text and PDF bytes)
#           preflight | impose | vector_frames | slides               (PDF bytes, libqpdf)
# Builds build-fuzz/ with clang, ASan and UBSan (needs: sh scripts/deps.sh fuzz); .ci/run
# runs the whole test suite in that same folder (FUZZ_REBUILD=0: use what is built). The run
# starts from the committed seeds (tests/fuzz/corpus/TARGET; for the PDF targets
# tests/fuzz/corpus/pdf and the PDFs tests/fuzz/corpus/pdf-seeds.txt names) with the target's
# dictionary (TARGET.dict; pdf.dict for the PDF targets); inputs up to 64 KB (1 MB for the
# PDF targets); new inputs go to build-fuzz/corpus/TARGET, findings to
# build-fuzz/findings/TARGET/. Each finding becomes a regression input in
# tests/fuzz/regressions/TARGET/ (run by fuzz_replay.TARGET). FUZZ_FLAGS adds libFuzzer
# flags (e.g. "-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1" to go on past
# findings).
# Exit: 0 no finding, 1 a finding (printed), 2 bad usage.
set -eu
target=${1:-}; seconds=${2:-}
case "$target" in deck_json|layout|translation|extract|engine|preflight|impose|vector_frames|slides) ;; *)
  echo "deckhand: error: scripts/fuzz.sh: unknown target '$target' (use deck_json, layout, translation, extract, engine, preflight, impose, vector_frames or slides)" >&2; exit 2 ;;
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
seeds=tests/fuzz/corpus/$target dict=tests/fuzz/$target.dict max_len=65536 more=
case "$target" in preflight|impose|vector_frames|slides)
  seeds=tests/fuzz/corpus/pdf dict=tests/fuzz/pdf.dict max_len=1048576
  list=tests/fuzz/corpus/pdf-seeds.txt
  more=-seed_inputs=$(sed -e '/^#/d' -e '/^$/d' -e "s|^|$src/tests/fuzz/corpus/|" "$list" | paste -sd, -) ;;
esac
# shellcheck disable=SC2086
"build-fuzz/tests/fuzz/fuzz_$target" "$corpus" "$seeds" -dict="$dict" $more ${FUZZ_FLAGS:-} \
  -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 -max_len="$max_len" -artifact_prefix="$findings/" \
  -print_final_stats=1 >"$log" 2>&1 || status=$?
took=$(( $(date +%s) - start ))
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
if [ -z "$execs" ]; then  # -fork: "#N: cov: ... exec/s R ..." lines
  execs=$(sed -n 's/^#\([0-9]*\): cov:.*/\1/p' "$log" | tail -1)
  rate=$(sed -n 's/^#[0-9]*: cov:.* exec\/s \([0-9]*\) .*/\1/p' "$log" | tail -1)
fi
n=$(find "$findings" -type f | wc -l)
echo "fuzz_$target: ${took} s (asked ${seconds}), ${execs:-?} executions (${rate:-?}/s), $n finding(s), exit $status; log $log"
if [ "$n" != 0 ] || [ "$status" != 0 ]; then
  find "$findings" -type f
  grep -E "ERROR|runtime error|SUMMARY|deadly signal|timeout" "$log" | head -20
  exit 1
fi

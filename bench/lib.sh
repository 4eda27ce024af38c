# Shared by the benchmarks: sourced after `cd` to the repository root, with $1 the build
# folder. Sets $deckhand and $work (removed on exit); defines make_deck and best.
set -eu
build=${1:-build}
deckhand=$build/src/deckhand
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for tool in qpdf pdftotext pdftoppm bc /usr/bin/time; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bench: needs $tool (apt-get install qpdf poppler-utils bc time)" >&2; exit 1; }
done

make_deck() {  # make_deck PAGES OUT: samples/*.pdf concatenated to at least PAGES pages
  _want=$1; _out=$2
  set -- samples/*.pdf
  _per=0; for _f; do _per=$((_per + $(qpdf --show-npages "$_f"))); done
  _reps=$(( (_want + _per - 1) / _per ))
  _args=""; _i=0; while [ $_i -lt $_reps ]; do _args="$_args $*"; _i=$((_i + 1)); done
  # shellcheck disable=SC2086
  qpdf --empty --pages $_args -- "$_out"
}

best() {  # best of 3 wall times (s, to the millisecond) of a command, and the peak RSS (KiB) of the last run
  _b=""; for _ in 1 2 3; do
    _s=$(date +%s%N)
    /usr/bin/time -f "%M" -o "$work/t" "$@" >/dev/null 2>&1
    _e=$(date +%s%N)
    _t=$(echo "scale=3; ($_e - $_s) / 1000000000" | bc); _m=$(tail -n 1 "$work/t")
    if [ -z "$_b" ] || [ "$(echo "$_t < $_b" | bc)" = 1 ]; then _b=$_t; fi
  done; echo "$_b $_m"
}

timed() {  # timed CMD...: wall time (s, to the millisecond) and peak RSS (KiB) of one run
  _s=$(date +%s%N)
  /usr/bin/time -f "%M" -o "$work/t" "$@" >/dev/null 2>&1
  _e=$(date +%s%N)
  echo "$(echo "scale=3; ($_e - $_s) / 1000000000" | bc) $(tail -n 1 "$work/t")"
}

# race N A -- B: runs A and B in turn, N times each (A, B, A, B, ...), so that a noisy
# stretch of the machine falls on both; prints the best wall time and the last peak RSS of
# A, then of B, then the median of the N ratios B/A of runs made one after the other:
# "a_s a_kib b_s b_kib median_ratio" (one lucky run of either moves the ratio of the best
# times; the median of the pairs, each timed in the same stretch of the machine, not)
race() {
  _n=$1; shift
  _a=""; while [ "$1" != "--" ]; do _a="$_a $(printf '%s' "$1" | sed "s/'/'\\''/g; s/^/'/; s/$/'/")"; shift; done; shift
  _b=""; for _x; do _b="$_b $(printf '%s' "$_x" | sed "s/'/'\\''/g; s/^/'/; s/$/'/")"; done
  _ba=""; _bb=""; _i=0; _rs=""
  while [ $_i -lt "$_n" ]; do
    set -- $(eval timed "$_a"); _ta=$1; _ma=$2
    set -- $(eval timed "$_b"); _tb=$1; _mb=$2
    if [ -z "$_ba" ] || [ "$(echo "$_ta < $_ba" | bc)" = 1 ]; then _ba=$_ta; fi
    if [ -z "$_bb" ] || [ "$(echo "$_tb < $_bb" | bc)" = 1 ]; then _bb=$_tb; fi
    [ "$(echo "$_ta > 0" | bc)" = 1 ] && _rs="$_rs $(echo "scale=4; $_tb / $_ta" | bc)"
    _i=$((_i + 1))
  done
  # shellcheck disable=SC2086
  _med=$(printf '%s\n' $_rs | sort -n | awk '{v[NR] = $1} END {if (NR == 0) print 0; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2}')
  echo "$_ba $_ma $_bb $_mb $_med"
}

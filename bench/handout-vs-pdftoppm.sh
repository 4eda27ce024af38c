#!/bin/sh
# Benchmark: deckhand handout --layout grid-6 against pdftoppm -r 150 -jpeg on the same
# 200+ page deck, in one run; prints the wall-time ratio and both peak memories, and
# deckhand's peak memory on a deck 4 times as long (it should not grow with the deck).
# Usage: bench/handout-vs-pdftoppm.sh [BUILD_DIR]   (needs qpdf, poppler-utils, time, bc)
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
deckhand=$build/src/deckhand
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
make_deck() {  # make_deck PAGES OUT: the samples concatenated to at least PAGES pages
  set -- "$1" "$2" samples/*.pdf
  want=$1; out=$2; shift 2
  per=0; for f; do per=$((per + $(qpdf --show-npages "$f"))); done
  reps=$(( (want + per - 1) / per ))
  args=""; i=0; while [ $i -lt $reps ]; do args="$args $*"; i=$((i + 1)); done
  # shellcheck disable=SC2086
  qpdf --empty --pages $args -- "$out"
}
make_deck 200 "$work/deck.pdf"
make_deck 800 "$work/long.pdf"
pages=$(qpdf --show-npages "$work/deck.pdf")
long=$(qpdf --show-npages "$work/long.pdf")
best() {
  b=""; for _ in 1 2 3; do
    /usr/bin/time -f "%e %M" -o "$work/t" "$@" >/dev/null 2>&1
    t=$(cut -d' ' -f1 "$work/t"); m=$(cut -d' ' -f2 "$work/t")
    if [ -z "$b" ] || [ "$(echo "$t < $b" | bc)" = 1 ]; then b=$t; fi
  done; echo "$b $m"
}
mkdir -p "$work/ppm"
set -- $(best pdftoppm -r 150 -jpeg "$work/deck.pdf" "$work/ppm/p"); pt=$1; pm=$2
set -- $(best "$deckhand" handout -q "$work/deck.pdf" --layout grid-6 -o "$work/out.pdf"); dt=$1; dm=$2
set -- $(best "$deckhand" handout -q "$work/long.pdf" --layout grid-6 -o "$work/long-out.pdf"); lt=$1; lm=$2
echo "deck: $pages pages (samples/*.pdf concatenated), $(nproc) cores"
echo "pdftoppm -r 150 -jpeg:          ${pt} s, peak ${pm} KiB"
echo "deckhand handout --layout grid-6: ${dt} s, peak ${dm} KiB ($(qpdf --show-npages "$work/out.pdf") handout pages)"
echo "ratio (deckhand / pdftoppm wall time): $(echo "scale=2; $dt / $pt" | bc)  (target <= 1.0)"
echo "deckhand on $long pages: ${lt} s, peak ${lm} KiB (peak memory x$(echo "scale=2; $lm / $dm" | bc) for x$(echo "scale=1; $long / $pages" | bc) pages)"

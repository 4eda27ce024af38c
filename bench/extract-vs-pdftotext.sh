#!/bin/sh
# Benchmark: deckhand extract against pdftotext -bbox-layout on a deck of 1,000+ pages,
# both in one run on the same file, printing the wall-time ratio and peak memory.
# Usage: bench/extract-vs-pdftotext.sh [BUILD_DIR]   (needs qpdf, poppler-utils, time)
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
deckhand=$build/src/deckhand
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# 1,000+ pages: the samples (Impress and Beamer decks) concatenated over and over.
set -- samples/*.pdf
per=0; for f; do per=$((per + $(qpdf --show-npages "$f"))); done
reps=$(( (1000 + per - 1) / per ))
args=""; i=0; while [ $i -lt $reps ]; do args="$args $*"; i=$((i + 1)); done
# shellcheck disable=SC2086
qpdf --empty --pages $args -- "$work/big.pdf"
pages=$(qpdf --show-npages "$work/big.pdf")
best() {  # best of 3 wall times, and the peak RSS of the last run
  b=""; for _ in 1 2 3; do
    /usr/bin/time -f "%e %M" -o "$work/t" "$@" >/dev/null 2>&1
    t=$(cut -d' ' -f1 "$work/t"); m=$(cut -d' ' -f2 "$work/t")
    if [ -z "$b" ] || [ "$(echo "$t < $b" | bc)" = 1 ]; then b=$t; fi
  done; echo "$b $m"
}
set -- $(best pdftotext -bbox-layout "$work/big.pdf" "$work/out.html"); pt=$1; pm=$2
set -- $(best "$deckhand" extract -q "$work/big.pdf" -o "$work/out.json"); dt=$1; dm=$2
echo "deck: $pages pages ($reps x samples/*.pdf), $(nproc) cores"
echo "pdftotext -bbox-layout: ${pt} s, peak ${pm} KiB"
echo "deckhand extract:       ${dt} s, peak ${dm} KiB"
echo "ratio (deckhand / pdftotext wall time): $(echo "scale=2; $dt / $pt" | bc)  (target <= 1.0)"

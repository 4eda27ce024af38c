#!/bin/sh
# Benchmark: deckhand handout --layout grid-6 against pdftoppm -r 150 -jpeg on the same
# 200+ page deck, in one run; prints the wall-time ratio and both peak memories, and
# deckhand's peak memory on a deck 4 times as long (it should not grow with the deck).
# Usage: bench/handout-vs-pdftoppm.sh [BUILD_DIR]   (needs qpdf, poppler-utils, time, bc)
cd "$(dirname "$0")/.."
. bench/lib.sh
make_deck 200 "$work/deck.pdf"
make_deck 800 "$work/long.pdf"
pages=$(qpdf --show-npages "$work/deck.pdf")
long=$(qpdf --show-npages "$work/long.pdf")
mkdir -p "$work/ppm"
set -- $(best pdftoppm -r 150 -jpeg "$work/deck.pdf" "$work/ppm/p"); pt=$1; pm=$2
set -- $(best "$deckhand" handout -q "$work/deck.pdf" --layout grid-6 -o "$work/out.pdf"); dt=$1; dm=$2
set -- $(best "$deckhand" handout -q "$work/long.pdf" --layout grid-6 -o "$work/long-out.pdf"); lt=$1; lm=$2
echo "deck: $pages pages (samples/*.pdf concatenated), $(nproc) cores"
echo "pdftoppm -r 150 -jpeg:          ${pt} s, peak ${pm} KiB"
echo "deckhand handout --layout grid-6: ${dt} s, peak ${dm} KiB ($(qpdf --show-npages "$work/out.pdf") handout pages)"
echo "ratio (deckhand / pdftoppm wall time): $(echo "scale=2; $dt / $pt" | bc)  (target <= 1.0)"
echo "deckhand on $long pages: ${lt} s, peak ${lm} KiB (peak memory x$(echo "scale=2; $lm / $dm" | bc) for x$(echo "scale=1; $long / $pages" | bc) pages)"

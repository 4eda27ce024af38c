#!/bin/sh
# Benchmark: deckhand extract against pdftotext -bbox-layout on a deck of 1,000+ pages,
# both in one run on the same file, printing the wall-time ratio and peak memory.
# Usage: bench/extract-vs-pdftotext.sh [BUILD_DIR]   (needs qpdf, poppler-utils, time, bc)
# Measured (2 cores shared with other builds): 0.94, 0.83 and 1.03 in three runs with one
# pass per page (the build before it, in the same hour: 2.20; 2.70 the session before); peak memory 57 MiB, pdftotext 13 MiB.
cd "$(dirname "$0")/.."
. bench/lib.sh
make_deck 1000 "$work/big.pdf"
pages=$(qpdf --show-npages "$work/big.pdf")
set -- $(best pdftotext -bbox-layout "$work/big.pdf" "$work/out.html"); pt=$1; pm=$2
set -- $(best "$deckhand" extract -q "$work/big.pdf" -o "$work/out.json"); dt=$1; dm=$2
echo "deck: $pages pages (samples/*.pdf concatenated), $(nproc) cores"
echo "pdftotext -bbox-layout: ${pt} s, peak ${pm} KiB"
echo "deckhand extract:       ${dt} s, peak ${dm} KiB"
echo "ratio (deckhand / pdftotext wall time): $(echo "scale=2; $dt / $pt" | bc)  (target <= 1.0)"

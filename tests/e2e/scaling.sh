#!/bin/sh
# Pathological scaling (issue 20): the cost of a command grows at most 5x for 4x its input,
# measured by scaling() (tests/e2e/scaling_lib.sh: CPU time at n and 4n, and peak memory).
# Inputs are made here: source PDFs of n pages, each page 2 of samples/ietf-wsis20.pdf
# (qpdf --pages), a deck JSON of 1 slide extracted from that page, and its pseudo-translation.
#  - `slides` on a 1-slide deck JSON over 5,000 and 20,000 source pages (it was quadratic:
#    10,000 pages 13 s, 20,000 pages 81 s), and over 1 and 20,000 pages: the pages the deck
#    does not show are not extracted (only a linear read of the file: qpdf, Poppler, SHA-256);
#  - `slides` on a whole deck of 1,000 and 4,000 slides (extraction, layout and writing).
# Memory at 20,000 pages stays under 1 GiB.
# Usage: scaling.sh path/to/deckhand path/to/source
DECKHAND=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SRC=$(cd "$2" && pwd)
. "$SRC/tests/e2e/lib.sh"
. "$SRC/tests/e2e/scaling_lib.sh"
export DECKHAND_DATA="$SRC" LC_ALL=C.UTF-8
# an ASan build reserves terabytes of address space, and its peak RSS is its shadow memory
# too: 1.5 GiB there (measured: about 3x the Release build's), 1 GiB in a Release build
if grep -q __asan_init "$DECKHAND" 2>/dev/null; then big_kb=1572864; else big_kb=1048576; fi

qpdf --empty --pages "$SRC/samples/ietf-wsis20.pdf" 2 -- "$T/p1.pdf" || { bad "qpdf cannot make the 1-page PDF"; summary; exit 1; }
# n pages: the 1-page PDF n times (sizes made from smaller ones: one qpdf call each)
pages() {  # N FROM K: $T/pN.pdf is K times $T/pFROM.pdf
  n=$1; from=$2; k=$3; args=
  i=0; while [ "$i" -lt "$k" ]; do args="$args $T/p$from.pdf"; i=$((i + 1)); done
  # shellcheck disable=SC2086
  qpdf --empty --pages $args -- "$T/p$n.pdf" && [ "$(qpdf --show-npages "$T/p$n.pdf")" = "$n" ] ||
    { bad "qpdf cannot make the $n-page PDF"; summary; exit 1; }
}
pages 10 1 10; pages 1000 10 100; pages 4000 1000 4; pages 5000 1000 5; pages 20000 5000 4

"$DECKHAND" extract -q "$T/p1.pdf" -o "$T/one.json" &&
  "$DECKHAND" strings pseudo --all "$T/one.json" --format po -o "$T/one.po" ||
  { bad "the 1-slide deck and its translation"; summary; exit 1; }

# the 1-slide deck JSON over 5,000 and 20,000 pages (its sha256 is the 1-page PDF's: a
# source-changed warning, exit 0)
SCALING_KB=$big_kb scaling "slides, a 1-slide deck JSON over n source pages" 5000 20000 -- \
  "$DECKHAND" slides "$T/one.json" --source "$T/p{N}.pdf" --translations "$T/one.po" -o "$T/out{N}.pdf"
# what it wrote: 1 page, translated, and a PDF qpdf finds sound
if [ "$(qpdf --show-npages "$T/out20000.pdf" 2>/dev/null)" = 1 ] && qpdf --check "$T/out20000.pdf" >/dev/null 2>&1 &&
   pdftotext "$T/out20000.pdf" - | grep -q "Ŵĥý"; then
  ok "over 20,000 pages: one translated page, qpdf --check passes"
else
  bad "over 20,000 pages: $(qpdf --show-npages "$T/out20000.pdf" 2>&1) page(s); $(pdftotext "$T/out20000.pdf" - 2>&1 | head -2)"
fi
# 20,000 times the pages: reading the file is linear (about 0.1 ms a page), extracting a
# page about 1 ms; extracting the 19,999 pages the deck does not show took over 100x the
# 1-page run (24 s of CPU in a Release build), reading only the shown pages about 15x
# (under ASan, the scan of the 20,000-page tree is instrumented and the 1-page run is mostly
# start-up: 58x on a loaded machine; 100x there still tells 15x from the 147x+ of old)
# (December 2026, Release: 45x to 50.5x, 2.4 to 3.2 s of CPU: the budget scan of the 20,000
# pages' content, 0.6 s, Poppler's page tree read to the 40 other pages the deck's furniture
# is told by, 0.55 s, qpdf reading every object for the writer, 0.57 s; 50x failed one run
# in two. 100x still tells reading the shown pages from extracting all, about 480x)
one_max=100
SCALING_MAX=$one_max SCALING_KB=$big_kb scaling "slides, a 1-slide deck JSON: pages it does not show are not extracted" 1 20000 -- \
  "$DECKHAND" slides "$T/one.json" --source "$T/p{N}.pdf" --translations "$T/one.po" -o "$T/out{N}.pdf"

# a whole deck: 1,000 and 4,000 slides, every one translated: a deck whose every page is the
# same has one unit a text, named after the last slide that shows it (sN.title), so the
# 1-slide deck's translation serves, its units renamed; one worker (-j 1), so that the CPU
# time is the work and not the threads' waiting
for n in 1000 4000; do sed "s/^msgctxt \"s1\./msgctxt \"s$n./" "$T/one.po" >"$T/all$n.po"; done
# (under ASan its shadow memory and quarantine take 2 GB at n = 4000: its own bound there)
if grep -q __asan_init "$DECKHAND" 2>/dev/null; then deck_kb=3145728; else deck_kb=1048576; fi
SCALING_RUNS=1 SCALING_KB=$deck_kb scaling "slides, a deck of n slides, every one translated" 1000 4000 -- \
  "$DECKHAND" -j 1 slides "$T/p{N}.pdf" --translations "$T/all{N}.po" -o "$T/all{N}.pdf"
if [ "$(qpdf --show-npages "$T/all4000.pdf" 2>/dev/null)" = 4000 ] && [ "$(pdftotext -f 4000 -l 4000 "$T/all4000.pdf" - | grep -c "Ŵĥý")" = 1 ]; then
  ok "a deck of 4,000 slides: 4,000 pages, the last one translated"
else
  bad "a deck of 4,000 slides: $(qpdf --show-npages "$T/all4000.pdf" 2>&1) page(s)"
fi

summary

#!/bin/sh
# Benchmark: translated slides of a 200+ page deck (the samples repeated with qpdf, in
# their six languages), timed side by side with `deckhand extract` of the same deck in one
# run: wall-time ratio and peak memory of each. The translation is a `strings pseudo` one
# (every unit translated, 40 % longer). `slides` extracts the deck itself, so the ratio
# is extract + removal + layout + writing over extract alone. Then the same on real decks of
# ../shared/corpus/real (or DECKHAND_CORPUS) when present: a Keynote, a PowerPoint and a
# Google Slides deck, each with its own `strings pseudo` +40 % translation.
# The two run in turn (extract, slides, extract, ...), RUNS times each (default 5): the
# ratio of the best time of each, and the median of the ratios of the runs made one after
# the other (a noisy stretch of the machine falls on both of a pair).
# Usage: [RUNS=5] bench/slides-vs-extract.sh [BUILD_DIR] [PAGES]
cd "$(dirname "$0")/.."
. bench/lib.sh
pages=${2:-210}
runs=${RUNS:-5}
make_deck "$pages" "$work/deck.pdf"
n=$(qpdf --show-npages "$work/deck.pdf")
"$deckhand" extract -q "$work/deck.pdf" -o "$work/deck.json"
"$deckhand" strings pseudo --all "$work/deck.json" --format po -o "$work/pseudo.po" 2>/dev/null
set -- $(race "$runs" "$deckhand" extract -q "$work/deck.pdf" -o "$work/out.json" -- "$deckhand" slides -q "$work/deck.pdf" --translations "$work/pseudo.po" -o "$work/out.pdf")
et=$1; em=$2; st=$3; sm=$4; med=$5
[ "$(echo "$et < 0.01" | bc)" = 1 ] && et=0.01
qpdf --check "$work/out.pdf" >/dev/null 2>&1 || { echo "bench: the translated slides do not pass qpdf --check" >&2; exit 1; }
printf '%-10s %6s %9s %10s\n' step pages "wall s" "peak KiB"
printf '%-10s %6s %9s %10s\n' extract "$n" "$et" "$em"
printf '%-10s %6s %9s %10s\n' slides "$n" "$st" "$sm"
echo "ratio (slides / extract wall time): $(echo "scale=2; $st / $et" | bc) of the best times, $(printf '%.2f' "$med") the median of $runs runs in turn, $(nproc) cores"
corpus=${DECKHAND_CORPUS:-../shared/corpus/real}
for name in keynote-types-dont-know-hash powerpoint2013-making-cpp-code-beautiful google-slides-cpp11-in-the-wild; do
  pdf=$corpus/$name.pdf
  [ -f "$pdf" ] || { echo "real deck $name: skipped (corpus absent: $pdf)"; continue; }
  n=$(qpdf --show-npages "$pdf")
  "$deckhand" strings pseudo -q --all "$pdf" --expand 40% --format po -o "$work/$name.po"
  set -- $(race "$runs" "$deckhand" extract -q "$pdf" -o "$work/real.json" -- "$deckhand" slides -q "$pdf" --translations "$work/$name.po" -o "$work/real.pdf")
  et=$1; em=$2; st=$3; sm=$4; med=$5
  [ "$(echo "$et < 0.01" | bc)" = 1 ] && et=0.01
  printf '%-10s %6s %9s %10s  %s\n' extract "$n" "$et" "$em" "$name"
  printf '%-10s %6s %9s %10s  %s\n' slides "$n" "$st" "$sm" "$name"
  echo "ratio on $name (slides / extract wall time): $(echo "scale=2; $st / $et" | bc) of the best times, $(printf '%.2f' "$med") the median"
done

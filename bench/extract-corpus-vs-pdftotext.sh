#!/bin/sh
# Benchmark: every deck of the real-world corpus (../shared/corpus/real, or $DECKHAND_CORPUS)
# timed with deckhand extract and pdftotext -bbox-layout side by side in one run: per-deck
# wall-time ratio and peak memory, then the median ratio over decks (target <= 1.3, issue 16; goal
# <= 1.0). Usage: bench/extract-corpus-vs-pdftotext.sh [BUILD_DIR]
# Times are wall times to the millisecond (best of 3). Measured (issue 16, 2 cores, three
# runs in a row): median 1.13, 1.15, 1.19 (target <= 1.3); per deck 0.72 (Beamer, 138
# pages) to 2.31 (the Russian PowerPoint deck, which waits ~110 ms for the Russian
# hunspell dictionary its line-end hyphens need; Keynote 1.75, Marp 1.43 next); peak
# memory 38 MiB (the Russian deck), 16-28 MiB for the others, pdftotext 10-13 MiB. A
# fresh user measured 1.27 and 1.31 on a quiet machine before SHA-256 moved to Nettle.
# Before deckhand ran extract without loading the output stages' libraries
# (docs/architecture.md, "Two executables") and without asking a dictionary about URLs:
# median 1.60.
cd "$(dirname "$0")/.."
. bench/lib.sh
corpus=${DECKHAND_CORPUS:-../shared/corpus/real}
[ -d "$corpus" ] || { echo "bench: corpus not found at $corpus" >&2; exit 1; }
printf '%-52s %5s %8s %8s %6s %9s %9s\n' deck pages pdftotext deckhand ratio "pt KiB" "dh KiB"
: > "$work/ratios"
maxmem=0
for f in "$corpus"/*.pdf; do
  n=$(qpdf --show-npages "$f" 2>/dev/null || echo "?")
  set -- $(best pdftotext -bbox-layout "$f" "$work/out.html"); pt=$1; pm=$2
  set -- $(best "$deckhand" extract -q "$f" -o "$work/out.json"); dt=$1; dm=$2
  # (a time under 1 ms counts as 1 ms)
  [ "$(echo "$pt < 0.001" | bc)" = 1 ] && pt=0.001
  [ "$(echo "$dt < 0.001" | bc)" = 1 ] && dt=0.001
  r=$(echo "scale=2; $dt / $pt" | bc)
  echo "$r" >> "$work/ratios"
  [ "$dm" -gt "$maxmem" ] && maxmem=$dm
  printf '%-52s %5s %8s %8s %6s %9s %9s\n' "$(basename "$f")" "$n" "$pt" "$dt" "$r" "$pm" "$dm"
done
count=$(wc -l < "$work/ratios")
median=$(sort -n "$work/ratios" | awk -v n="$count" '{a[NR]=$1} END {if (n % 2) print a[(n+1)/2]; else printf "%.2f\n", (a[n/2]+a[n/2+1])/2}')
echo "decks: $count, $(nproc) cores"
echo "median ratio (deckhand / pdftotext wall time): $median  (target <= 1.3, goal <= 1.0)"
echo "peak memory of deckhand over the decks: $maxmem KiB"

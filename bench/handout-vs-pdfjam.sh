#!/bin/sh
# Benchmark: a grid-6 handout of a 200+ page deck, side by side in one run:
#   deckhand, vector slides (image.mode: vector, the default)
#   deckhand, raster slides (image.mode: raster, 150 dpi)
#   pdfjam --nup 2x3 (vector N-up through LaTeX; Debian: texlive-extra-utils)
#   pdftoppm -r 150 -jpeg (the cost of rendering the slides at all)
# wall time (best of 3), output bytes and peak memory of each, and the ratios of vector
# deckhand to pdfjam. Target: vector deckhand <= 1.0x pdfjam's time and bytes.
# Usage: bench/handout-vs-pdfjam.sh [BUILD_DIR]
#   needs qpdf, poppler-utils, time, bc, and pdfjam: apt-get install --no-install-recommends
#   texlive-extra-utils texlive-latex-recommended (not part of the test set: only this
#   benchmark uses it)
cd "$(dirname "$0")/.."
. bench/lib.sh
if ! command -v pdfjam >/dev/null 2>&1; then
  echo "bench: needs pdfjam (apt-get install --no-install-recommends texlive-extra-utils texlive-latex-recommended)" >&2
  exit 1
fi
make_deck 200 "$work/deck.pdf"
pages=$(qpdf --show-npages "$work/deck.pdf")
# the built-in grid-6 with raster slides, as a layout file
cat layouts/grid-6.yaml >"$work/grid-6-raster.yaml"
printf 'image:\n  mode: raster\n  dpi: 150\n' >>"$work/grid-6-raster.yaml"
mkdir -p "$work/ppm"
bytes() { wc -c <"$1" | tr -d ' '; }
set -- $(best "$deckhand" handout -q "$work/deck.pdf" --layout grid-6 -o "$work/vector.pdf"); vt=$1; vm=$2
set -- $(best "$deckhand" handout -q "$work/deck.pdf" --layout "$work/grid-6-raster.yaml" -o "$work/raster.pdf"); rt=$1; rm=$2
set -- $(best pdfjam --quiet --nup 2x3 --paper a4paper --outfile "$work/jam.pdf" "$work/deck.pdf"); jt=$1; jm=$2
set -- $(best pdftoppm -r 150 -jpeg "$work/deck.pdf" "$work/ppm/p"); pt=$1; pm=$2
vb=$(bytes "$work/vector.pdf"); rb=$(bytes "$work/raster.pdf"); jb=$(bytes "$work/jam.pdf")
pb=$(cat "$work"/ppm/* | wc -c | tr -d ' ')
echo "deck: $pages pages (samples/*.pdf concatenated, $(bytes "$work/deck.pdf") bytes), $(nproc) cores"
printf '%-34s %9s %12s %14s %s\n' "" "wall (s)" "bytes" "peak (KiB)" "images (pdfimages -list)"
printf '%-34s %9s %12s %14s %s\n' "deckhand grid-6, vector" "$vt" "$vb" "$vm" "$(pdfimages -list "$work/vector.pdf" | tail -n +3 | wc -l)"
printf '%-34s %9s %12s %14s %s\n' "deckhand grid-6, raster 150 dpi" "$rt" "$rb" "$rm" "$(pdfimages -list "$work/raster.pdf" | tail -n +3 | wc -l)"
printf '%-34s %9s %12s %14s %s\n' "pdfjam --nup 2x3" "$jt" "$jb" "$jm" "$(pdfimages -list "$work/jam.pdf" | tail -n +3 | wc -l)"
printf '%-34s %9s %12s %14s %s\n' "pdftoppm -r 150 -jpeg (all files)" "$pt" "$pb" "$pm" "-"
echo "source deck: $(pdfimages -list "$work/deck.pdf" | tail -n +3 | wc -l) images"
echo "vector / pdfjam: time x$(echo "scale=2; $vt / $jt" | bc), bytes x$(echo "scale=2; $vb / $jb" | bc)  (target <= 1.0 for both)"
echo "vector / pdftoppm: time x$(echo "scale=2; $vt / $pt" | bc); raster / pdftoppm: time x$(echo "scale=2; $rt / $pt" | bc)"

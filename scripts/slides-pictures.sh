#!/bin/sh
# Makes docs/img/slides-<lang>.png: slide 5 of the sample deck, as the source has it (en)
# and translated by `deckhand slides` into Arabic, Chinese and French, from real output and
# the committed translations (docs/translation.md, "Translated slides").
# Usage: scripts/slides-pictures.sh [BUILD_DIR]
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pdftoppm -r 50 -png -f 5 -l 5 -singlefile samples/ietf-wsis20.pdf docs/img/slides-en
for l in ar zh fr; do
  "$build/src/deckhand" slides -q samples/ietf-wsis20.pdf --translations "samples/translations/ietf-wsis20.$l.po" -o "$tmp/$l.pdf"
  pdftoppm -r 50 -png -f 5 -l 5 -singlefile "$tmp/$l.pdf" "docs/img/slides-$l"
  echo "made docs/img/slides-$l.png"
done

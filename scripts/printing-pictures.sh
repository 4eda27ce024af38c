#!/bin/sh
# Makes the pictures of docs/printing.md from real output of the sample deck: the cover
# and an inside page of leaflet-a5 --print (crop marks and bleed visible), an imposed sheet
# (--impose booklet --creep 1mm, marks on), and the trifold's outside.
# Usage: scripts/printing-pictures.sh [BUILD_DIR]
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
d="$build/src/deckhand"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$d" handout -q samples/ietf-wsis20.pdf --layout leaflet-a5 --print --event "IGF 2026" --date 2026-03-14 \
  --contact 'Questions? ietf@example.org\nhttps://www.ietf.org' -o "$tmp/leaflet.pdf"
pdftoppm -r 50 -png -f 1 -l 1 -singlefile "$tmp/leaflet.pdf" docs/img/leaflet-a5-cover
pdftoppm -r 50 -png -f 2 -l 2 -singlefile "$tmp/leaflet.pdf" docs/img/leaflet-a5-inside
"$d" handout -q samples/ietf-wsis20.pdf --layout leaflet-a5 --print --impose booklet --creep 1mm --event "IGF 2026" \
  --date 2026-03-14 -o "$tmp/sheets.pdf"
pdftoppm -r 40 -png -f 2 -l 2 -singlefile "$tmp/sheets.pdf" docs/img/leaflet-a5-imposed-sheet
"$d" handout -q samples/ietf-wsis20.pdf --layout leaflet-trifold --event "IGF 2026" --date 2026-03-14 -o "$tmp/trifold.pdf"
pdftoppm -r 40 -png -f 1 -l 1 -singlefile "$tmp/trifold.pdf" docs/img/leaflet-trifold-outside
echo "made docs/img/leaflet-a5-cover.png, leaflet-a5-inside.png, leaflet-a5-imposed-sheet.png, leaflet-trifold-outside.png"

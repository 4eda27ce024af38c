#!/bin/sh
# Makes docs/img/notes-3.png, the picture in the README: page 1 of the sample deck's
# notes-3 handout, from real output. Usage: scripts/readme-picture.sh [BUILD_DIR]
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$build/src/deckhand" handout -q samples/ietf-wsis20.pdf --layout notes-3 --event "IGF 2026" --date 2026-03-14 -o "$tmp/notes-3.pdf"
pdftoppm -r 60 -png -f 1 -l 1 -singlefile "$tmp/notes-3.pdf" docs/img/notes-3
echo "made docs/img/notes-3.png"

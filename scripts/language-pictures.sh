#!/bin/sh
# Makes docs/img/notes-3-<lang>.png: page 2 of the sample deck's notes-3 handout in each
# of the six UN languages, from real output and the committed translations.
# Usage: scripts/language-pictures.sh [BUILD_DIR]
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for l in en ar zh fr ru es; do
  tr=""; [ "$l" = en ] || tr="--translations samples/translations/ietf-wsis20.$l.po"
  # shellcheck disable=SC2086
  "$build/src/deckhand" handout -q samples/ietf-wsis20.pdf --layout notes-3 $tr --event "IGF 2026" --date 2026-03-14 -o "$tmp/$l.pdf"
  pdftoppm -r 60 -png -f 2 -l 2 -singlefile "$tmp/$l.pdf" "docs/img/notes-3-$l"
  echo "made docs/img/notes-3-$l.png"
done

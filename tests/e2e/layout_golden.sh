#!/bin/sh
# Issue 9, point 4: layout golden files. The laid-out pages (handout --dump layout-text:
# every frame, picture, rule, box and text run with its position, font and form) of the
# notes-3, grid-6 and outline layouts for the English, Arabic and Chinese sample decks,
# and the English deck translated into Arabic (samples/translations), compared with
# tests/golden/layout/LAYOUT.DECK.txt. After a deliberate layout change, rewrite them with
#   DECKHAND_UPDATE_GOLDEN=1 ctest -R e2e.issue9_layout_golden
# and review the diff before committing.
# Usage: layout_golden.sh DECKHAND SOURCE_DIR
DECKHAND=$1; SRC=$2
. "$SRC/tests/e2e/lib.sh"
G="$SRC/tests/golden/layout"
for layout in notes-3 grid-6 outline; do
  for deck in ietf-wsis20 ar zh ietf-wsis20+ar; do
    base=${deck%+*}
    set -- "$SRC/tests/golden/$base.deck.json" --source "$SRC/samples/$base.pdf" --layout $layout --date 2026-03-14 --event "IGF 2026"
    [ "$deck" != "$base" ] && set -- "$@" --translations "$SRC/samples/translations/$base.${deck#*+}.po"
    name=$layout.$deck
    if ! "$DECKHAND" -q handout "$@" --dump layout-text -o "$T/$name.txt" -j 2; then bad "$name: handout --dump layout-text"; continue; fi
    if [ "${DECKHAND_UPDATE_GOLDEN:-}" = 1 ]; then
      cp "$T/$name.txt" "$G/$name.txt" && ok "$name: golden file written"
    elif [ ! -f "$G/$name.txt" ]; then
      bad "$name: no golden file $G/$name.txt (make it with DECKHAND_UPDATE_GOLDEN=1)"
    elif cmp -s "$T/$name.txt" "$G/$name.txt"; then
      ok "$name: as the golden file ($(grep -c '^page' "$G/$name.txt") pages, $(grep -c '^  text' "$G/$name.txt") text runs)"
    else
      bad "$name: differs from the golden file:"; diff -u "$G/$name.txt" "$T/$name.txt" | head -20
    fi
  done
done
summary

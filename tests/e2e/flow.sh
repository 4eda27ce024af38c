#!/bin/sh
# Issue 9, point 5: a paragraph continued on the next pages keeps every character, its
# fonts and its shaping. A 5,000-character paragraph in each of the six UN languages
# (Chinese, Arabic, Russian, English, French, Spanish) flows across several outline pages;
# its lines read back in order give it exactly, on the laid-out pages (--dump layout) and,
# for Chinese, Arabic and Russian, in pdftotext's text of the handout.
# Usage: flow.sh DECKHAND SOURCE_DIR
DECKHAND=$1; SRC=$2
. "$SRC/tests/e2e/lib.sh"
PY="$SRC/tests/e2e/flow_check.py"
for lang in zh ar ru en fr es; do
  case $lang in zh|ar|ru) base=$lang ;; *) base=ietf-wsis20 ;; esac
  python3 "$PY" make $lang "$SRC/tests/golden/$base.deck.json" "$T/$lang.json" 5000
  "$DECKHAND" -q handout "$T/$lang.json" --layout outline --dump layout -o "$T/$lang.dump.json" || bad "$lang: --dump layout"
  if python3 "$PY" laid $lang "$T/$lang.json" "$T/$lang.dump.json"; then ok "$lang laid out"; else bad "$lang laid out"; fi
  case $lang in zh|ar|ru)
    "$DECKHAND" -q handout "$T/$lang.json" --layout outline -o "$T/$lang-handout.pdf" || bad "$lang: handout"
    pdffonts "$T/$lang-handout.pdf" | awk 'NR>2 && $(NF-4)!="yes" {bad=1} END {exit bad}' && ok "$lang: fonts embedded" || bad "$lang: a font not embedded"
    pdftotext "$T/$lang-handout.pdf" "$T/$lang.txt"
    if python3 "$PY" pdf $lang "$T/$lang.json" "$T/$lang.txt"; then ok "$lang pdftotext"; else bad "$lang pdftotext"; fi ;;
  esac
done
summary

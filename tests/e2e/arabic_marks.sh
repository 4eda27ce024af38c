#!/bin/sh
# Arabic vowel marks over their letters (tests/e2e/arabic_marks.py, tests/data/ar-marks/README.md):
# the sample deck with a fully vocalised Arabic translation (231 words with marks), as an
# outline handout, a notes-3 handout and translated slides; each PDF is checked from the PDF
# alone (every mark's ink centred over its letter, every line within 1 % of hb-view at
# 150 dpi), and the checker's own controls run (--self-test: hb-view's and a HarfBuzz-run
# writer's PDFs pass, deckhand 0.1's way of setting marks fails).
# usage: arabic_marks.sh DECKHAND SRCDIR. Exit 77 (skipped) when a tool it needs is missing.
DECKHAND=$1; ROOT=$2
export LC_ALL=C.UTF-8

PY=
for p in /usr/bin/python3 python3; do
  if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import fontTools' 2>/dev/null; then PY=$p; break; fi
done
[ -n "$PY" ] || { echo "skip: no python3 with fontTools"; exit 77; }
for tool in mutool qpdf pdftoppm hb-shape hb-view hb-subset; do
  command -v "$tool" >/dev/null 2>&1 || { echo "skip: $tool is not installed"; exit 77; }
done

. "$ROOT/tests/e2e/lib.sh"
CHECK="$PY $ROOT/tests/e2e/arabic_marks.py"
PO=$ROOT/tests/data/ar-marks/ietf-wsis20.ar-marks.po
SRC=$ROOT/samples/ietf-wsis20.pdf
now() { date +%s; }

# the data: a valid PO file, at least 100 marked words, every kind of mark
if command -v msgfmt >/dev/null 2>&1; then
  if msgfmt -c -o /dev/null "$PO" 2>"$T/msgfmt"; then ok "msgfmt -c accepts the translation"
  else bad "msgfmt -c: $(head -3 "$T/msgfmt")"; fi
fi
if $CHECK --count "$PO" >"$T/count" 2>&1; then ok "the translation has enough marked words and every kind of mark"
else bad "the translation: $(grep FAIL "$T/count")"; fi
sed 's/^/  /' "$T/count"

# the checker can pass and fail
t0=$(now)
if $CHECK --self-test >"$T/self" 2>&1; then ok "self-test ($(($(now) - t0)) s): $(grep '^self-test' "$T/self" | head -1)"
else bad "self-test: $(grep -E '^(FAIL|self-test)' "$T/self" | head -5)"; fi
grep -E '^(ok|FAIL|self-test)' "$T/self" | sed 's/^/  self-test: /'

# a frozen negative control: the outline handout of this translation by deckhand 580df49
# (presentation forms drawn left to right, each mark at the pen after its letter)
OLD=$ROOT/tests/data/ar-marks/deckhand-580df49-outline.pdf
$CHECK --hbview "$OLD" >"$T/old.report" 2>&1; rc=$?
most_misplaced='import re, sys
t = open(sys.argv[1]).read().splitlines()[-1]
m = re.search(r"(\d+) marks checked .*?, (\d+) misplaced", t)
sys.exit(0 if m and 2 * int(m.group(2)) >= int(m.group(1)) else 1)'
if [ $rc = 0 ]; then
  bad "deckhand 580df49's outline passes: the checker misses misplaced marks"
elif [ $rc = 1 ] && "$PY" -c "$most_misplaced" "$T/old.report"; then
  ok "deckhand 580df49's outline fails, most marks misplaced: $(tail -1 "$T/old.report")"
else
  bad "deckhand 580df49's outline: not the expected failure (exit $rc): $(tail -3 "$T/old.report")"
fi

# deckhand's three ways of setting the translation
check() {  # NAME PDF
  name=$1; pdf=$2; t0=$(now)
  if $CHECK --hbview --expect "$PO" "$pdf" >"$T/$name.report" 2>&1; then
    ok "$name ($(($(now) - t0)) s): $(tail -1 "$T/$name.report")"
  else
    bad "$name ($(($(now) - t0)) s): $(tail -1 "$T/$name.report")"
    grep -E '^(MARK|LINE|TEXT)' "$T/$name.report" | head -8 | sed "s/^/  $name: /"
    grep -E '^(worst|note)' "$T/$name.report" | sed "s/^/  $name: /"
  fi
}
for layout in outline notes-3; do
  if "$DECKHAND" handout "$SRC" --translations "$PO" --layout "$layout" -o "$T/$layout.pdf" 2>"$T/$layout.err"; then
    check "handout-$layout" "$T/$layout.pdf"
  else
    bad "deckhand handout --layout $layout: $(head -3 "$T/$layout.err")"
  fi
done
if "$DECKHAND" slides "$SRC" --translations "$PO" -o "$T/slides.pdf" 2>"$T/slides.err"; then
  check slides "$T/slides.pdf"
else
  bad "deckhand slides: $(head -3 "$T/slides.err")"
fi
summary

#!/bin/sh
# Text set in Type 3 fonts is read at its size (docs/extraction.md, "Type 3 fonts"): decks
# written by tests/e2e/type3_pdf.py as four producers set Type 3 text (Skia's flipped
# 1/2048 matrix and g0 names, pdfTeX's bitmap fonts at 83 pixels to the em, glyphs drawn at
# their size under `1 Tf`, letter-named glyphs with a 0.001 matrix), with Times-Roman's
# advances and with monospaced ones; a deck Chromium printed in fonts it may not embed
# (tests/data/type3/chrome-restricted.pdf, scripts/cases/type3-restricted.html); and the
# corpus's Marp deck when present. Each: `extract` gives every title and line its text,
# level and size (within 3 %; 10 % where the em is known only from the advances of a
# monospaced font) in a box at most 1.6 sizes tall; the translated slides (`strings
# pseudo` +40 %) set each unit at its source's size or shrunk to fit, never larger; and
# `slides --check` finds no translation running into another.
# Usage: type3.sh DECKHAND ROOT. Exit 0 all well, 1 a violation, 77 a tool missing.
DECKHAND=$1; ROOT=$2
export LC_ALL=C.UTF-8
command -v python3 >/dev/null 2>&1 || { echo "skip: python3 missing"; exit 77; }
[ -x "$DECKHAND" ] || { echo "FAIL: no deckhand at $DECKHAND"; exit 1; }
. "$ROOT/tests/e2e/lib.sh"
CHECK="python3 $ROOT/tests/e2e/type3_check.py"

# deck NAME PDF TRUTH TOL
deck() {
  name=$1; pdf=$2; truth=$3; tol=$4
  if ! "$DECKHAND" extract -q "$pdf" -o "$T/$name.json" 2>"$T/err"; then bad "$name: extract failed: $(head -c 300 "$T/err")"; return; fi
  if $CHECK extract "$truth" "$T/$name.json" "$tol" "$name" >"$T/report"; then ok "$(sed 's/^ok: //' "$T/report")"
  else grep '^FAIL' "$T/report" | head -8; bad "$name: extract: $(grep -c '^FAIL' "$T/report") line(s) off"; fi
  "$DECKHAND" strings pseudo -q --all "$pdf" --expand 40% --format po -o "$T/$name.po" || { bad "$name: strings pseudo"; return; }
  if ! "$DECKHAND" slides -q "$pdf" --translations "$T/$name.po" --dump layout -o "$T/$name.layout.json" 2>"$T/err"; then
    bad "$name: slides --dump layout failed: $(head -c 300 "$T/err")"; return
  fi
  if $CHECK layout "$truth" "$T/$name.json" "$T/$name.layout.json" "$name" "$tol" >"$T/report"; then ok "$(sed 's/^ok: //' "$T/report")"
  else grep '^FAIL' "$T/report" | head -8; bad "$name: slides: $(grep -c '^FAIL' "$T/report") unit(s) set off their size"; fi
  "$DECKHAND" slides --check "$pdf" --translations "$T/$name.po" >"$T/check" 2>&1
  if grep -q "overlaps the translation of" "$T/check"; then bad "$name: slides --check: $(grep -m2 'overlaps the translation of' "$T/check")"
  else ok "$name: no translation runs into another"; fi
}

for v in skia pk unit named; do
  for m in "" --mono; do
    python3 "$ROOT/tests/e2e/type3_pdf.py" $v "$T/$v$m.pdf" "$T/$v$m.truth.json" $m || { bad "type3_pdf.py $v $m"; continue; }
    tol=0.03
    [ "$v$m" = "unit--mono" ] && tol=0.10
    deck "$v$m" "$T/$v$m.pdf" "$T/$v$m.truth.json" $tol
  done
done
deck chrome-restricted "$ROOT/tests/data/type3/chrome-restricted.pdf" "$ROOT/tests/data/type3/chrome-restricted.truth.json" 0.03

# The corpus's Marp deck (Chrome's Skia, all its text in Type 3 fonts): its body text is
# 29 px, 21.75 pt; Poppler's guess made it 33.1 pt, and 59 of 124 units of a +40 %
# translation ran into each other.
MARP=${DECKHAND_CORPUS:-$ROOT/../shared/corpus/real}/marp-speculative-decoding.pdf
if [ -f "$MARP" ]; then
  "$DECKHAND" extract -q "$MARP" -o "$T/marp.json" &&
    python3 - "$T/marp.json" >"$T/report" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
s = d["slides"][15]  # "Token-Level Intersection (TLI)": five items at 29 px
sizes = [b["style"]["size"] for b in s["blocks"]]
bad = [x for x in sizes if abs(x - 21.75) > 0.03 * 21.75]
print(("FAIL: sizes " if bad or not sizes else "ok: marp slide 16: body at ") + str(sizes))
PY
  if grep -q '^ok' "$T/report"; then ok "$(sed 's/^ok: //' "$T/report")"; else bad "$(cat "$T/report")"; fi
  "$DECKHAND" strings pseudo -q --all "$MARP" --expand 40% --format po -o "$T/marp.po"
  "$DECKHAND" slides --check "$MARP" --translations "$T/marp.po" >"$T/check" 2>&1
  n=$(grep -c "overlaps the translation of" "$T/check")
  # (16 left: the two of slide 14's math display, and diagram labels: 59 before)
  if [ "$n" -le 6 ]; then ok "marp: $n translation-over-translation finding(s) in --check"; else bad "marp: $n translations run into others: $(grep -m3 'overlaps the translation of' "$T/check")"; fi
else
  echo "skip: marp deck: corpus absent ($MARP)"
fi
summary

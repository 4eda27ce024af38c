#!/bin/sh
# Issue 18, items 3 and 5, on translated slides (`deckhand slides`), read back from the PDFs
# alone by tests/e2e/build_steps.py (mutool trace, Ghostscript with and without text,
# pdftotext; no deckhand code):
#   (a) no page carries a translation whose source text is not drawn (visibly) on that page:
#       a build step that does not show a block shows no translation of it;
#   (b) every glyph of a translated unit's source text is taken out of every page where the
#       translation is drawn;
#   (c) and nothing is lost: a unit whose source a page shows, not drawn there, keeps its
#       source text on the page (or `slides` warned that it cut it).
# Decks (../shared/corpus/real, skipped when absent): keynote-types-dont-know-hash (Keynote
# builds) in es, fr, ru, zh (tests/data/sizes; not ar: mutool reads the Arabic font's
# ligature glyphs, lam-alef and others, as U+FFFD, so its words cannot be matched) and
# `strings pseudo` +40 %; the Beamer decks pdftex-beamer-canonical-class (33 overlay steps,
# later items drawn faint), luatex-beamer-template-ja and xetex-pandoc-beamer-git-setup-ru
# (no overlay steps; pandoc's section pages share their frame's page label) at +40 %. Three negative controls: page 17
# of the Keynote output (its "Here is one way…") drawn over page 16, which does not show it,
# must fail (a); the translated text layers drawn over the untouched source pages must
# fail (b); page 9 checked against a translation it does not carry must fail (c).
# Usage: build_steps.sh DECKHAND ROOT. Exit 0 pass, 1 fail, 77 corpus or a tool missing.
DECKHAND=$1; ROOT=$2
export LC_ALL=C.UTF-8
for tool in mutool gs qpdf pdftotext; do
  command -v "$tool" >/dev/null 2>&1 || { echo "skip: $tool is not installed"; exit 77; }
done
PY=/usr/bin/python3; [ -x "$PY" ] || PY=python3
. "$ROOT/tests/e2e/lib.sh"
CHECK="$PY $ROOT/tests/e2e/build_steps.py"
CORPUS=${DECKHAND_CORPUS:-$ROOT/../shared/corpus/real}
K=keynote-types-dont-know-hash
if [ ! -f "$CORPUS/$K.pdf" ]; then echo "skip: the corpus is absent ($CORPUS)"; exit 77; fi

# slides NAME PDF PO: the translated slides of PDF in $T/NAME.pdf
slides() {  # (its warnings in $T/NAME.warn: units cut, which (c) allows)
  "$DECKHAND" slides "$2" --translations "$3" -o "$T/$1.pdf" 2>"$T/$1.warn" || { bad "$1: slides failed: $(head -c 300 "$T/$1.warn")"; return 1; }
}
pseudo() {  # NAME PDF
  "$DECKHAND" strings pseudo -q --all "$2" --expand 40% --format po -o "$T/$1.po" || { bad "$1: strings pseudo"; return 1; }
  slides "$1" "$2" "$T/$1.po"
}
# check PDF OUT PO [OUT PO...]: each output's figures, its violations when it has some
check() {
  src=$1; shift
  $CHECK "$src" "$@" >"$T/report" 2>&1; rc=$?
  [ "$rc" = 2 ] && { bad "$(basename "$src"): the checker failed: $(tail -3 "$T/report")"; return; }
  awk -F'\t' -v deck="$(basename "$src" .pdf)" '
    /^== / { out = $0; sub(/^== /, "", out); next }
    /^pages / { line = deck (out == "" ? "" : " " out) ": " $0; if ($0 ~ /violations: a 0, b 0, c 0$/) print "ok: " line; else print "FAIL: " line; next }
    NF == 5 { if (shown[out]++ < 8) print "  page " $1 " (" $2 ") " $3 " \"" $4 "\": " $5 }' "$T/report" >"$T/lines"
  cat "$T/lines"
  passes=$((passes + $(grep -c '^ok:' "$T/lines"))); fails=$((fails + $(grep -c '^FAIL:' "$T/lines")))
}

# the Keynote deck: our translations of titles and first blocks, and every unit pseudo-translated
set --
for lang in es fr ru zh; do
  "$DECKHAND" strings export -q "$CORPUS/$K.pdf" --format po --target-lang "$lang" -o "$T/$K.$lang.export.po" || { bad "$K $lang: export"; continue; }
  $PY "$ROOT/tests/e2e/sizes_check.py" fill "$T/$K.$lang.export.po" "$ROOT/tests/data/sizes/$K.$lang.tsv" "$T/$K.$lang.po" >/dev/null \
    || { bad "$K $lang: filling the translations"; continue; }
  slides "$K.$lang" "$CORPUS/$K.pdf" "$T/$K.$lang.po" && set -- "$@" --warnings "$T/$K.$lang.warn" "$T/$K.$lang.pdf" "$T/$K.$lang.po"
done
pseudo "$K.pseudo" "$CORPUS/$K.pdf" && set -- "$@" --warnings "$T/$K.pseudo.warn" "$T/$K.pseudo.pdf" "$T/$K.pseudo.po"
check "$CORPUS/$K.pdf" "$@"

# the Beamer decks
for name in pdftex-beamer-canonical-class luatex-beamer-template-ja xetex-pandoc-beamer-git-setup-ru; do
  pdf=$CORPUS/$name.pdf
  if [ ! -f "$pdf" ]; then echo "skip: $name (not in the corpus)"; continue; fi
  pseudo "$name.pseudo" "$pdf" && check "$pdf" --warnings "$T/$name.pseudo.warn" "$T/$name.pseudo.pdf" "$T/$name.pseudo.po"
done

# negative controls: each must fail, with the violation it is made for
if [ -f "$T/$K.pseudo.pdf" ]; then
  # (a) page 16, a build step without "Here is one way…", carrying page 17's text layer (and
  # page 17 whole: the overlay draws the page over page 16)
  qpdf "$T/$K.pseudo.pdf" --overlay "$T/$K.pseudo.pdf" --to=16 --from=17 -- "$T/control-a.pdf" 2>/dev/null
  $CHECK "$CORPUS/$K.pdf" "$T/control-a.pdf" "$T/$K.pseudo.po" --pages 16-16 >"$T/ca" 2>&1
  if [ $? = 1 ] && grep -q "^16	a	.*s17.b5" "$T/ca"; then ok "control (a): page 17's layer over page 16 fails: $(grep -c '	a	' "$T/ca") token(s), e.g. $(grep -m1 's17.b5' "$T/ca" | cut -f3,4)"
  else bad "control (a): page 17's layer over page 16 is not found: $(tail -3 "$T/ca")"; fi
  # (b) the translation drawn over the source page as it is, nothing taken out (page 9,
  # the issue's page that kept English words)
  qpdf "$CORPUS/$K.pdf" --overlay "$T/$K.pseudo.pdf" -- "$T/control-b.pdf" 2>/dev/null  # (the deck has an object at offset 0)
  $CHECK "$CORPUS/$K.pdf" "$T/control-b.pdf" "$T/$K.pseudo.po" --pages 9-9 >"$T/cb" 2>&1
  if [ $? = 1 ] && grep -q "^9	b	s9.b1	" "$T/cb"; then ok "control (b): nothing removed on page 9 fails: $(grep -c '	b	' "$T/cb") word(s), e.g. $(grep -m1 '	b	' "$T/cb" | cut -f3,4)"
  else bad "control (b): the source text left under the translation is not found: $(tail -3 "$T/cb")"; fi
  # (c) page 9 checked against a translation of its first bullet that the page does not
  # carry: its source is taken out and that translation is not there
  awk '/^#: s9.b1$/ {f = 1} f && /^msgstr / {print "msgstr \"[Qqqq Xxxx Zzzz]\""; f = 0; next} {print}' "$T/$K.pseudo.po" >"$T/control-c.po"
  $CHECK "$CORPUS/$K.pdf" "$T/$K.pseudo.pdf" "$T/control-c.po" --pages 9-9 >"$T/cc" 2>&1
  if [ $? = 1 ] && grep -q "^9	c	s9.b1	" "$T/cc"; then ok "control (c): a unit taken out and not drawn fails: $(grep -m1 '	c	' "$T/cc" | cut -f3,4)"
  else bad "control (c): a unit neither drawn nor left is not found: $(tail -3 "$T/cc")"; fi
fi
summary

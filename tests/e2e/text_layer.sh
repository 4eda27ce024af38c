#!/bin/sh
# Acceptance (issue 17), text layer: pdftotext of each output gives each translated unit's
# text exactly for Latin, Cyrillic and CJK, and for Arabic its letters and marks in reading
# order (tests/e2e/text_layer.py says how; docs/text-setting.md, "The text layer", where
# readers still differ). Outputs: outline, notes-3, leaflet-trifold and translated slides.
# Translations: the sample's five (fr, ru, es, zh, ar), the vocalised Arabic one
# (tests/data/ar-marks), whole and with six units untranslated (pages Poppler reads left to
# right), `strings pseudo` at +40 % and +80 % (hyphenated words); and the
# titles and first blocks of three corpus decks in the five languages (tests/data/sizes;
# skipped when ../shared/corpus/real is absent). Two negative controls: the same PDFs with
# the text layer's U+200F and U+200B taken out must fail.
# Usage: text_layer.sh DECKHAND ROOT. Exit 0 all found, 1 a unit not found, 77 a tool missing.
DECKHAND=$1; ROOT=$2
export LC_ALL=C.UTF-8
for tool in pdftotext qpdf fix-qdf; do
  command -v "$tool" >/dev/null 2>&1 || { echo "skip: $tool is not installed"; exit 77; }
done
PY=/usr/bin/python3; [ -x "$PY" ] || PY=python3
. "$ROOT/tests/e2e/lib.sh"
CHECK="$PY $ROOT/tests/e2e/text_layer.py"
S=$ROOT/samples/ietf-wsis20.pdf
TR=$ROOT/samples/translations
CORPUS=${DECKHAND_CORPUS:-$ROOT/../shared/corpus/real}

# check NAME PO PDF
check() {
  if $CHECK "$2" "$3" >"$T/report" 2>&1; then ok "$1: $(tail -1 "$T/report")"
  else bad "$1: $(tail -1 "$T/report")"; grep '^NOTFOUND' "$T/report" | head -5 | sed 's/^/  /'; fi
}
# outputs NAME PDF PO [LAYOUT...]: each handout layout and the translated slides
outputs() {
  o_name=$1; o_pdf=$2; o_po=$3; shift 3
  for lay in "$@"; do
    if "$DECKHAND" handout -q "$o_pdf" --layout "$lay" --translations "$o_po" -o "$T/$o_name-$lay.pdf" 2>"$T/err"; then
      check "$o_name $lay" "$o_po" "$T/$o_name-$lay.pdf"
    else bad "$o_name $lay: handout failed: $(head -c 300 "$T/err")"; fi
  done
  if "$DECKHAND" slides -q "$o_pdf" --translations "$o_po" -o "$T/$o_name-slides.pdf" 2>"$T/err"; then
    check "$o_name slides" "$o_po" "$T/$o_name-slides.pdf"
  else bad "$o_name slides: failed: $(head -c 300 "$T/err")"; fi
}

for l in fr ru es zh ar; do outputs "sample $l" "$S" "$TR/ietf-wsis20.$l.po" outline notes-3 leaflet-trifold; done
outputs "sample ar vocalised" "$S" "$ROOT/tests/data/ar-marks/ietf-wsis20.ar-marks.po" outline notes-3 leaflet-trifold
# the vocalised translation with six units of slides 2 and 5 left untranslated: those pages
# keep enough English for Poppler to read them left to right, with Arabic words ending in a
# mark before "،" and "."
$PY - "$ROOT/tests/data/ar-marks/ietf-wsis20.ar-marks.po" "$T/ar-partial.po" <<'EOF'
import re, sys
blank = {"s2.title", "s2.b1", "s2.b3", "s5.title", "s5.b2", "s5.b3"}
out, ctx = [], None
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r'msgctxt "([^"-]+)', line)
    if m:
        ctx = m.group(1)
    if line.startswith("msgstr ") and ctx in blank:
        out.append('msgstr ""\n')
        ctx = "blanked"
        continue
    if ctx == "blanked" and line.startswith('"'):
        continue
    out.append(line)
open(sys.argv[2], "w", encoding="utf-8").write("".join(out))
EOF
outputs "sample ar vocalised, in part" "$S" "$T/ar-partial.po" notes-3
for e in 40 80; do
  "$DECKHAND" strings pseudo -q --all "$S" --expand "$e%" --format po -o "$T/pseudo$e.po" || bad "strings pseudo --all $e%"
  outputs "sample pseudo+$e%" "$S" "$T/pseudo$e.po" outline notes-3
done

# negative controls: without U+200F a vowel mark ending a run on a page Poppler reads left
# to right comes before its word; without U+200B pdftotext drops "по-прежнему"'s hyphen
strip() {  # IN OUT HEX-TO-DROP
  qpdf --qdf --object-streams=disable "$1" "$T/qdf.pdf" 2>/dev/null
  LC_ALL=C sed "s/$3//gI" "$T/qdf.pdf" >"$T/qdf2.pdf" && fix-qdf "$T/qdf2.pdf" >"$2"
  cmp -s "$T/qdf.pdf" "$T/qdf2.pdf" && bad "control: $3 not found in $1"
}
control() {  # NAME PO PDF
  if $CHECK "$2" "$3" >"$T/report" 2>&1; then bad "$1: the checker passes it"
  else ok "$1 fails as it should: $(grep '^NOTFOUND' "$T/report" | head -1 | cut -c1-160)"; fi
}
strip "$T/sample ar vocalised-slides.pdf" "$T/no-rlm.pdf" "200F"
control "control: vocalised Arabic slides without U+200F" "$ROOT/tests/data/ar-marks/ietf-wsis20.ar-marks.po" "$T/no-rlm.pdf"
strip "$T/sample ar vocalised, in part-slides.pdf" "$T/no-rlm2.pdf" "200F"
control "control: vocalised Arabic slides in part without U+200F" "$T/ar-partial.po" "$T/no-rlm2.pdf"
strip "$T/sample ru-outline.pdf" "$T/no-zwsp.pdf" "002D200B"
control "control: Russian outline without U+200B" "$TR/ietf-wsis20.ru.po" "$T/no-zwsp.pdf"

# three real decks (other producers), their titles and first blocks in five languages
for name in powerpoint2013-making-cpp-code-beautiful keynote-types-dont-know-hash google-slides-cpp11-in-the-wild; do
  pdf=$CORPUS/$name.pdf
  if [ ! -f "$pdf" ]; then echo "skip: $name (corpus absent: $pdf)"; continue; fi
  for lang in fr ru es ar zh; do
    "$DECKHAND" strings export -q "$pdf" --format po --target-lang "$lang" -o "$T/$name.$lang.export.po" || { bad "$name $lang: export"; continue; }
    $PY "$ROOT/tests/e2e/sizes_check.py" fill "$T/$name.$lang.export.po" "$ROOT/tests/data/sizes/$name.$lang.tsv" "$T/$name.$lang.po" >/dev/null \
      || { bad "$name $lang: filling the translations"; continue; }
    outputs "$name $lang" "$pdf" "$T/$name.$lang.po" notes-3
  done
done
summary

#!/bin/sh
# Issue 19, points 2 and 3: what a deck JSON says is what is printed; point 8: --print
# never makes what preflight fails, bleed range, A4 sheets, no contact panel unless asked,
# a page budget; point 9: progress on a terminal and -v's steps.
# p7: code and blocks marked not for translation; review: the review sheet in fr, ar and zh.
# p1: a translator's filled file is never replaced.
# p6: a build step's warning names its unit.
# sh issue19_deck.sh DECKHAND ROOT POINT (p1 | p2 | p3 | p6 | p7 | p8 | p9 | review). Read back
# with pdftotext and pdftoppm; a terminal made with script(1).
DECKHAND=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); ROOT=$(cd "$2" && pwd); POINT=$3
export LC_ALL=C.UTF-8
. "$ROOT/tests/e2e/lib.sh"
TR=$ROOT/samples/translations
cp "$ROOT/samples/ietf-wsis20.pdf" "$T/ietf-wsis20.pdf"
"$DECKHAND" extract -q "$T/ietf-wsis20.pdf" -o "$T/ietf.json" || { echo "FAIL: extract"; exit 1; }
# first line of page N's text
page_text() { pdftotext -f "$2" -l "$2" "$1" - 2>/dev/null | sed -n '/./{p;q}'; }

case $POINT in
p1)  # a translator's work is never replaced: export over a filled XLIFF 2, pseudo over a real Arabic PO
  "$DECKHAND" strings export -q "$T/ietf.json" --format xliff2 --target-lang fr -o "$T/my.xlf"
  /usr/bin/python3 - "$T/my.xlf" <<'PYEOF'
import re, sys
s = open(sys.argv[1]).read()
s = re.sub(r'(<source xml:space="preserve">)([^<]*)(</source>)', r'\1\2\3<target>FR \2</target>', s)
open(sys.argv[1], 'w').write(s)
PYEOF
  before=$(sha256sum "$T/my.xlf")
  expect 10 "my.xlf: already holds 27 translated units.*strings update.*--force" -- "$DECKHAND" strings export "$T/ietf.json" --format xliff2 --target-lang fr -o "$T/my.xlf"
  [ "$(sha256sum "$T/my.xlf")" = "$before" ] && ok "the filled XLIFF is unchanged" || bad "the filled XLIFF was changed"
  cp "$TR/ietf-wsis20.ar.po" "$T/myar.po"; before=$(sha256sum "$T/myar.po")
  expect 10 "myar.po: already holds 27 translated units" -- "$DECKHAND" strings pseudo "$T/ietf.json" --format po -o "$T/myar.po"
  [ "$(sha256sum "$T/myar.po")" = "$before" ] && ok "the Arabic PO is unchanged" || bad "the Arabic PO was replaced"
  # nor by another kind of output: a handout, translated slides, a translated deck JSON
  for cmd in "handout $T/ietf.json --layout outline" "slides $T/ietf.json --translations $TR/ietf-wsis20.fr.po" "translate $T/ietf.json $TR/ietf-wsis20.fr.po"; do
    # shellcheck disable=SC2086
    expect 10 "myar.po: is a translation file holding 27 translated units: this output would replace it" -- "$DECKHAND" $cmd -o "$T/myar.po"
  done
  [ "$(sha256sum "$T/myar.po")" = "$before" ] && ok "the Arabic PO is unchanged by handout, slides, translate" || bad "the Arabic PO was replaced"
  # strings update over another translator's file (the French carried over the Arabic)
  expect 10 "myar.po: already holds 27 translated units, which 'strings update' would replace.*--force" -- \
    "$DECKHAND" strings update "$TR/ietf-wsis20.fr.po" "$T/ietf.json" -o "$T/myar.po"
  [ "$(sha256sum "$T/myar.po")" = "$before" ] && ok "the Arabic PO is unchanged by update" || bad "update replaced the Arabic PO"
  ;;
p2)  # slides follows the deck JSON: its order, a slide listed twice, a block the page lacks
  /usr/bin/python3 - "$T" <<'EOF'
import json, sys, copy
t = sys.argv[1]
d = json.load(open(t + '/ietf.json'))
s = d['slides']
s.insert(1, s.pop(6))                  # slide 7 moved to second place
b = copy.deepcopy(s[2]['blocks'][0])   # a bullet added to slide 2 (now third): s2.b9
b['id'] = s[2]['id'] + '.b9'
b['text'] = 'A bullet added to the deck JSON'
s[2]['blocks'].append(b)
s.append(copy.deepcopy(s[3]))          # slide 3 shown again at the end
del s[5]                               # and slide 5 deleted
json.dump(d, open(t + '/edited.json', 'w'), ensure_ascii=False)
EOF
  "$DECKHAND" strings export "$T/edited.json" --format po --target-lang fr -o "$T/edited.po"
  # the translator's file: the sample's French, and the new bullet translated
  /usr/bin/python3 - "$T" "$TR/ietf-wsis20.fr.po" <<'EOF'
import re, sys
t, fr = sys.argv[1], sys.argv[2]
unit = re.compile(r'msgctxt "([^"]*)"\nmsgid "((?:[^"\\]|\\.)*)"\nmsgstr "((?:[^"\\]|\\.)*)"')
tr = {m.group(1): m.group(3) for m in unit.finditer(open(fr).read())}
def fill(m):
    k = m.group(1)
    return 'msgctxt "%s"\nmsgid "%s"\nmsgstr "%s"' % (k, m.group(2), tr.get(k, 'Une puce ajoutée au JSON'))
text = unit.sub(fill, open(t + '/edited.po').read())
open(t + '/edited.po', 'w').write(text)
EOF
  "$DECKHAND" slides -v "$T/edited.json" --translations "$T/edited.po" -o "$T/out.pdf" 2>"$T/err"; rc=$?
  [ $rc = 0 ] && ok "slides of the edited deck: exit 0" || bad "slides of the edited deck: exit $rc: $(cat "$T/err")"
  n=$(qpdf --show-npages "$T/out.pdf" 2>/dev/null)
  [ "$n" = 7 ] && ok "7 pages, as the deck lists" || bad "$n pages, the deck lists 7"
  # the deck's order: 1, 7, 2, 3, 4, 6, 3
  want="L’IETF et le SMSI+20|Prochaines étapes|Pourquoi s’engager dans le SMSI+20 ?|Comment nous allons nous engager|Le message de l’IETF au SMSI+20|2. L’IETF est ouverte|Comment nous allons nous engager"
  got=""
  for p in 1 2 3 4 5 6 7; do got="$got${got:+|}$(page_text "$T/out.pdf" $p)"; done
  # (slide 7's title as translated, whatever it is: read from the sample's own slides output)
  "$DECKHAND" slides -q "$T/ietf-wsis20.pdf" --translations "$TR/ietf-wsis20.fr.po" -o "$T/plain.pdf" 2>/dev/null
  t7=$(page_text "$T/plain.pdf" 7)
  want=$(echo "$want" | sed "s/Prochaines étapes/$t7/")
  [ "$got" = "$want" ] && ok "pages in the deck's order" || bad "page order: got '$got', wanted '$want'"
  # the slide listed twice is the same picture both times
  pdftoppm -r 30 -png -f 4 -l 4 "$T/out.pdf" "$T/a"; pdftoppm -r 30 -png -f 7 -l 7 "$T/out.pdf" "$T/b"
  cmp -s "$T"/a-*4.png "$T"/b-*7.png && ok "a slide listed twice is shown twice, alike" || bad "the repeated slide differs"
  grep -q "s2.b9 is not on the slide's page.*\[not-on-slide\]" "$T/err" && ok "the added bullet is reported (not-on-slide)" ||
    bad "no not-on-slide warning for the added bullet: $(cat "$T/err")"
  grep -q "out.pdf: 7 pages" "$T/err" && ok "the run says 7 pages" || bad "the run does not say 7 pages: $(cat "$T/err")"
  # untranslated, the added bullet is reported too: by slides and by a handout of pictures
  "$DECKHAND" slides "$T/edited.json" --translations "$TR/ietf-wsis20.fr.po" --allow-mismatch -o "$T/out3.pdf" 2>"$T/err"
  grep -q "s2.b9 is not on the slide's page.*\[not-on-slide\]" "$T/err" && ok "slides: the untranslated added bullet is reported" ||
    bad "slides: no not-on-slide for the untranslated added bullet: $(cat "$T/err")"
  "$DECKHAND" handout "$T/edited.json" --layout notes-3 -o "$T/h.pdf" 2>"$T/err"
  grep -q "s2.b9 is not on the slide's page.*\[not-on-slide\]" "$T/err" && ok "handout notes-3: the added bullet is reported" ||
    bad "handout notes-3: no not-on-slide for the added bullet: $(cat "$T/err")"
  # and nothing is reported for a deck JSON as extracted (no false alarm)
  for f in "$T/ietf.json"; do
    "$DECKHAND" handout "$f" --layout notes-3 -o "$T/h2.pdf" 2>"$T/err"
    "$DECKHAND" slides "$f" --translations "$TR/ietf-wsis20.fr.po" -o "$T/s2.pdf" 2>>"$T/err"
    grep -q "not-on-slide" "$T/err" && bad "not-on-slide for an unedited deck: $(cat "$T/err")" || ok "no not-on-slide for an unedited deck"
  done
  # the outline shows the added bullet, translated
  "$DECKHAND" handout -q "$T/edited.json" --translations "$T/edited.po" --layout outline -o "$T/outline.pdf" 2>/dev/null
  pdftotext "$T/outline.pdf" - | grep -q "Une puce ajoutée au JSON" && ok "the outline shows the added bullet" || bad "the outline lacks the added bullet"
  ;;
p3)  # a translated deck JSON prints translated slides, not the source's pages with translated labels
  "$DECKHAND" translate -q "$T/ietf.json" "$TR/ietf-wsis20.es.po" -o "$T/ietf.es.json"
  "$DECKHAND" handout "$T/ietf.es.json" --layout notes-3 -o "$T/es.pdf" 2>"$T/err"; rc=$?
  [ $rc = 0 ] && ok "handout of the translated deck: exit 0" || bad "exit $rc: $(cat "$T/err")"
  pdftotext "$T/es.pdf" "$T/es.txt"
  grep -q "Diapositiva 2" "$T/es.txt" && ok "Spanish labels" || bad "no Spanish labels"
  grep -q "¿Por qué participar en la CMSI+20?" "$T/es.txt" && ok "the slide pictures are in Spanish" || bad "the slide pictures are not translated"
  grep -q "Why engage" "$T/es.txt" && bad "English slide text in the Spanish handout" || ok "no English slide text"
  # the same as the handout made from the source deck and the translation file
  "$DECKHAND" handout -q "$T/ietf.json" --translations "$TR/ietf-wsis20.es.po" --layout notes-3 -o "$T/es2.pdf" 2>/dev/null
  pdftoppm -r 40 -png "$T/es.pdf" "$T/x"; pdftoppm -r 40 -png "$T/es2.pdf" "$T/y"
  same=1
  for f in "$T"/x-*.png; do cmp -s "$f" "$T/y-${f##*/x-}" || same=0; done
  [ $same = 1 ] && ok "pixel-identical to the handout with --translations" || bad "differs from the handout with --translations"
  # slides of the translated deck JSON, no translation file: as slides with --translations
  "$DECKHAND" slides -q "$T/ietf.es.json" -o "$T/es-s.pdf" 2>"$T/err" && ok "slides of the translated deck JSON: exit 0" || bad "slides: $(cat "$T/err")"
  "$DECKHAND" slides -q "$T/ietf.json" --translations "$TR/ietf-wsis20.es.po" -o "$T/es-s2.pdf" 2>/dev/null
  [ "$(pdftotext "$T/es-s.pdf" - | md5sum)" = "$(pdftotext "$T/es-s2.pdf" - | md5sum)" ] && ok "the same text as slides --translations" || bad "slides of the translated JSON differ"
  expect 2 "a deck JSON in its source language, and no translation file given" -- "$DECKHAND" slides "$T/ietf.json" -o "$T/x.pdf"
  ;;
p8)  # print: what --print makes passes preflight; a bleed in range; A4 sheets; contact only when given; a budget
  S=$T/ietf-wsis20.pdf
  expect 2 "--bleed 30cm: out of range for a bleed" -- "$DECKHAND" handout "$S" --layout leaflet-a5 --bleed 30cm -o "$T/b.pdf"
  [ -e "$T/b.pdf" ] && bad "a file was written" || ok "nothing written"
  expect 2 "--bleed 2in: out of range" -- "$DECKHAND" preflight "$S" --bleed 2in
  expect 0 "" -- "$DECKHAND" handout -q "$S" --layout leaflet-a5 --bleed 0.125in -o "$T/b.pdf"
  expect 0 "" -- "$DECKHAND" preflight -q "$T/b.pdf" --bleed 0.125in --booklet
  # an A5 booklet on the office printer's A4 (ISO 216: 297 x 210 mm = 841.89 x 595.28 pt)
  "$DECKHAND" handout -q "$S" --layout leaflet-a5 --impose booklet -o "$T/sheets.pdf"
  size=$(pdfinfo "$T/sheets.pdf" | sed -n 's/^Page size: *\([0-9.]*\) x \([0-9.]*\).*/\1 \2/p')
  echo "$size" | awk '{exit !($1 > 841.8 && $1 < 842 && $2 > 595.2 && $2 < 595.4)}' && ok "A5 booklet sheets are A4 ($size)" || bad "sheets are $size, not A4"
  # no contact panel unless asked: the last slide is not the back page
  last=$(pdftotext -f 7 -l 7 "$S" - | sed -n '/./{p;q}')
  "$DECKHAND" handout -q "$S" --layout leaflet-a5 -o "$T/l.pdf"
  n=$(qpdf --show-npages "$T/l.pdf")
  pdftotext -f "$n" -l "$n" "$T/l.pdf" - | grep -qF "$last" && bad "the back page shows the last slide ($last)" || ok "no contact panel without --contact"
  pdftotext "$T/l.pdf" - | grep -qF "$last" && ok "the last slide is inside" || bad "the last slide is left out"
  "$DECKHAND" handout -q "$S" --layout leaflet-a5 --contact 'Write to us\nhello@example.org' -o "$T/l2.pdf"
  n=$(qpdf --show-npages "$T/l2.pdf")
  pdftotext -f "$n" -l "$n" "$T/l2.pdf" - | grep -q "hello@example.org" && ok "--contact on the back page" || bad "--contact missing"
  # a page budget: 70 slides do not make a leaflet without a word
  qpdf --empty --pages "$S" "$S" "$S" "$S" "$S" "$S" "$S" "$S" "$S" "$S" -- "$T/big.pdf"
  "$DECKHAND" handout "$T/big.pdf" --layout leaflet-a5 -o "$T/big-l.pdf" 2>"$T/err"
  grep -q "leaflet has [0-9]* pages for 70 slides.*\[leaflet-long\]" "$T/err" && ok "leaflet-long warning" || bad "no leaflet-long warning: $(cat "$T/err")"
  "$DECKHAND" handout "$S" --layout leaflet-a5 -o "$T/small.pdf" 2>"$T/err"
  grep -q "leaflet-long" "$T/err" && bad "leaflet-long for 7 slides" || ok "no warning for a short leaflet"
  # a deck whose fonts are not embedded: --print makes what preflight passes
  C=${DECKHAND_CORPUS:-$ROOT/../shared/corpus/real}
  if [ -f "$C/powerpoint2016-tidb-migration-zh.pdf" ]; then
    "$DECKHAND" handout -q "$C/powerpoint2016-tidb-migration-zh.pdf" --layout leaflet-a5 --print -o "$T/p.pdf" 2>/dev/null
    expect 0 "" -- "$DECKHAND" preflight -q "$T/p.pdf" --booklet
  else
    echo "note: corpus absent, the unembedded-font leaflet is not tried"
  fi
  ;;
p9)  # progress on a terminal (after DECKHAND_PROGRESS_AFTER seconds, 2 by default), -v lists the steps
  command -v script >/dev/null || { echo "skip: script(1) not installed"; exit 77; }
  run_tty() { DECKHAND_PROGRESS_AFTER=$1 script -qec "$2" /dev/null; }
  out=$(run_tty 0 "'$DECKHAND' handout '$T/ietf-wsis20.pdf' --layout notes-3 -o '$T/p.pdf'")
  echo "$out" | grep -q "reading the PDF: page 7/7" && ok "progress: reading the PDF" || bad "no reading progress: $out"
  echo "$out" | grep -q "writing the handout: page 3/3" && ok "progress: writing the handout" || bad "no writing progress: $out"
  out=$(run_tty 0 "'$DECKHAND' slides '$T/ietf-wsis20.pdf' --translations '$TR/ietf-wsis20.fr.po' -o '$T/s.pdf'")
  echo "$out" | grep -q "laying out the slides: slide 7/7" && ok "progress: laying out the slides" || bad "no layout progress: $out"
  out=$(run_tty 0 "'$DECKHAND' handout -q '$T/ietf-wsis20.pdf' --layout notes-3 -o '$T/p.pdf'")
  [ -z "$out" ] && ok "-q: no progress" || bad "-q prints: $out"
  out=$(run_tty 2 "'$DECKHAND' handout '$T/ietf-wsis20.pdf' --layout notes-3 -o '$T/p.pdf'")
  echo "$out" | grep -q "page" && bad "a job under two seconds shows progress: $out" || ok "no progress for a short job"
  DECKHAND_PROGRESS_AFTER=0 "$DECKHAND" handout "$T/ietf-wsis20.pdf" --layout notes-3 -o "$T/p.pdf" 2>"$T/err"
  grep -q "page 7/7" "$T/err" && bad "progress written to a file, not a terminal" || ok "no progress when standard error is a file"
  # a misspelt command of 'strings' or 'fonts' (the fresh user's finding)
  expect 2 "exprt: no such command of 'deckhand strings' \(did you mean 'export'\?" -- "$DECKHAND" strings exprt "$T/ietf.json"
  expect 2 "chek: no such command of 'deckhand fonts' \(did you mean 'check'\?" -- "$DECKHAND" fonts chek "$T/ietf.json"
  expect 2 "strings: which one\? \(export, update, pseudo" -- "$DECKHAND" strings
  # --lang stands in for a file's language that is no tag ("Language: French"); without it, exit 11
  sed 's/^"Language: fr\\n"/"Language: French\\n"/' "$TR/ietf-wsis20.fr.po" >"$T/french.po"
  expect 11 "the Language: header 'French' is not a language tag \(did you mean 'fr'" -- "$DECKHAND" translate "$T/ietf.json" "$T/french.po" -o "$T/f.json"
  expect 0 "" -- "$DECKHAND" translate -q "$T/ietf.json" "$T/french.po" --lang fr -o "$T/f.json"
  # -v: the steps, one line each
  "$DECKHAND" handout -v "$T/ietf.json" --translations "$TR/ietf-wsis20.fr.po" --layout notes-3 -o "$T/v.pdf" 2>"$T/err"
  for step in "a deck JSON of 7 slides" "27 units translated into fr" "notes-3 layout: 3 pages laid out for 7 slides" \
              "7 slide pictures placed from its pages as vector graphics" "the slide pictures translated" "v.pdf: 3 pages"; do
    grep -q "info: .*$step" "$T/err" && ok "-v says: $step" || bad "-v does not say '$step': $(cat "$T/err")"
  done
  "$DECKHAND" slides -v "$T/ietf-wsis20.pdf" --translations "$TR/ietf-wsis20.fr.po" -o "$T/s.pdf" 2>"$T/err"
  grep -q "info: .*extracted 7 slides" "$T/err" && ok "-v says the extraction" || bad "-v does not say the extraction: $(cat "$T/err")"
  ;;
p7)  # not for translation: code listings (and blocks marked so) are exported locked, not pseudo-translated, printed as they are
  /usr/bin/python3 - "$T/ietf.json" "$T/code.json" <<'PYEOF'
import json, sys
d = json.load(open(sys.argv[1]))
b = d['slides'][1]['blocks']
b[0]['code'] = True          # s2.b1: as a code listing reads (translate absent: false)
b[1]['translate'] = False    # s2.b2: marked by hand
json.dump(d, open(sys.argv[2], 'w'), ensure_ascii=False)
PYEOF
  # a translator's file made for the deck as it was (code units translated): their work is used
  "$DECKHAND" translate -v "$T/code.json" "$TR/ietf-wsis20.fr.po" -o "$T/code.fr.json" 2>"$T/err"
  grep -q "2 unit(s) not for translation (code, or no words) translated all the same: used" "$T/err" && ok "-v says the locked units' translations are used" ||
    bad "-v does not say it: $(cat "$T/err")"
  # the file exported now: the locked units have no target, and print as they are
  "$DECKHAND" strings export -q "$T/code.json" --format po --target-lang fr -o "$T/fresh.po"
  /usr/bin/python3 "$ROOT/tests/e2e/po_target.py" --fill "$T/fresh.po" "$TR/ietf-wsis20.fr.po"
  "$DECKHAND" translate -q "$T/code.json" "$T/fresh.po" -o "$T/code.fr.json"
  /usr/bin/python3 - "$T/code.json" "$T/code.fr.json" <<'PYEOF' && ok "code blocks printed as they are, the rest translated" || bad "code blocks changed, or the rest not translated"
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:3])
x, y = a['slides'][1]['blocks'], b['slides'][1]['blocks']
assert x[0]['text'] == y[0]['text'] and x[1]['text'] == y[1]['text'], 'code translated'
assert x[2]['text'] != y[2]['text'], 'the third bullet not translated'
PYEOF
  # text without a letter is not for translation either
  /usr/bin/python3 - "$T/ietf.json" "$T/sym.json" <<'PYEOF'
import json, sys
d = json.load(open(sys.argv[1]))
b = dict(d['slides'][2]['blocks'][0]); b['id'] = d['slides'][2]['id'] + '.b9'; b['text'] = '→ 2 × 3 ≥ 6 !!'
d['slides'][2]['blocks'].append(b)
json.dump(d, open(sys.argv[2], 'w'), ensure_ascii=False)
PYEOF
  "$DECKHAND" strings export -q "$T/sym.json" --format xliff2 --target-lang fr -o "$T/sym.xlf"
  grep -q 'name="s3.b9"[^>]*translate="no"' "$T/sym.xlf" && ok "a unit without a letter is locked" || bad "a unit without a letter is not locked"
  "$DECKHAND" strings export "$T/code.json" --format xliff2 --target-lang fr -o "$T/c2.xlf"
  n=$(grep -c '<unit [^>]*translate="no"' "$T/c2.xlf"); [ "$n" = 2 ] && ok "XLIFF 2: 2 units translate=\"no\"" || bad "XLIFF 2: $n units translate=no"
  "$DECKHAND" strings export "$T/code.json" --format xliff12 --target-lang fr -o "$T/c1.xlf"
  n=$(grep -c '<trans-unit [^>]*translate="no"' "$T/c1.xlf"); [ "$n" = 2 ] && ok "XLIFF 1.2: 2 trans-units translate=\"no\"" || bad "XLIFF 1.2: $n"
  "$DECKHAND" strings export "$T/code.json" --format po --target-lang fr -o "$T/c.po"
  n=$(grep -c '^#, no-translate' "$T/c.po"); [ "$n" = 2 ] && ok "PO: 2 entries flagged no-translate" || bad "PO: $n flagged"
  msgfmt -c -o /dev/null "$T/c.po" 2>"$T/err" && ok "msgfmt -c accepts the PO" || bad "msgfmt: $(cat "$T/err")"
  "$DECKHAND" strings pseudo -q "$T/code.json" --format po -o "$T/cp.po"
  /usr/bin/python3 - "$T/cp.po" <<'PYEOF' && ok "pseudo leaves code untranslated" || bad "pseudo translated code"
import re, sys
t = open(sys.argv[1]).read()
for e in t.split('\n\n'):
    if 'no-translate' in e:
        assert re.search(r'msgstr ""\s*$', e), e
PYEOF
  # translate: true on a code block gives it to translators
  sed 's/"code": true/"code": true, "translate": true/' "$T/code.json" >"$T/code2.json"
  "$DECKHAND" strings export "$T/code2.json" --format xliff2 --target-lang fr -o "$T/c3.xlf"
  n=$(grep -c 'translate="no"' "$T/c3.xlf"); [ "$n" = 1 ] && ok "\"translate\": true on a code block exports it" || bad "translate true: $n locked"
  # size limits from the room at the smallest size: never under twice the source's length here
  /usr/bin/python3 - "$T/c.po" <<'PYEOF' && ok "size limits leave room to grow" || bad "size limits tighter than twice the source"
import re, sys
t = open(sys.argv[1]).read()
for m in re.finditer(r'at most (\d+) characters\n(?:#.*\n)*msgctxt "[^"]*"\nmsgid "((?:[^"\\]|\\.)*)"', t):
    assert int(m.group(1)) >= 2 * len(m.group(2)), (m.group(1), m.group(2))
PYEOF
  # extraction marks code: a code-heavy corpus deck has its listings locked
  C=${DECKHAND_CORPUS:-$ROOT/../shared/corpus/real}
  if [ -f "$C/google-slides-cpp11-in-the-wild.pdf" ]; then
    "$DECKHAND" strings export -q "$C/google-slides-cpp11-in-the-wild.pdf" --format xliff2 --target-lang fr -o "$T/g.xlf"
    all=$(grep -c '<unit ' "$T/g.xlf"); locked=$(grep -c '<unit [^>]*translate="no"' "$T/g.xlf")
    [ "$locked" -gt 100 ] && ok "google-slides-cpp11: $locked of $all units locked (code)" || bad "google-slides-cpp11: $locked of $all locked"
  else
    echo "note: corpus absent, the code-heavy deck is not tried"
  fi
  ;;
p6)  # a build step's warning names the unit the translator's file has (keynote-types: step s83's
  # block s83.b2 is unit s86.b5 of its frame), with the step's own block in brackets
  C=${DECKHAND_CORPUS:-$ROOT/../shared/corpus/real}
  [ -f "$C/keynote-types-dont-know-hash.pdf" ] || { echo "skip: corpus absent"; exit 77; }
  "$DECKHAND" strings export -q "$C/keynote-types-dont-know-hash.pdf" --format po --target-lang fr -o "$T/k.po"
  /usr/bin/python3 - "$T/k.po" <<'PYEOF'
import re, sys
t = open(sys.argv[1]).read()
t = re.sub(r'(msgctxt "s86\.b5-[^"]*"\nmsgid "[^"]*"\nmsgstr )""', lambda m: m.group(1) + '"' + 'C’est la partie difficile. ' * 60 + '"', t)
open(sys.argv[1], 'w').write(t)
PYEOF
  "$DECKHAND" slides "$C/keynote-types-dont-know-hash.pdf" --translations "$T/k.po" --allow-mismatch -o "$T/k.pdf" 2>"$T/err"
  grep -q "s86.b5-[0-9a-f]* (s83.b2) does not fit" "$T/err" && ok "the step's warning names unit s86.b5-… (s83.b2)" ||
    bad "no warning naming the unit: $(grep 'does not fit' "$T/err" | head -3)"
  ;;
review)  # deckhand review: the review sheet, read back with pdftotext, pdffonts and qpdf
  for l in fr ar zh; do
    "$DECKHAND" review "$T/ietf.json" --translations "$TR/ietf-wsis20.$l.po" -o "$T/r-$l.pdf" 2>"$T/err"; rc=$?
    [ $rc = 0 ] && ok "review $l: exit 0" || { bad "review $l: exit $rc: $(cat "$T/err")"; continue; }
    qpdf --check "$T/r-$l.pdf" >/dev/null 2>&1 && ok "review $l passes qpdf --check" || bad "review $l fails qpdf --check"
    pdffonts "$T/r-$l.pdf" | awk 'NR > 2 && $(NF-4) != "yes" {bad = 1} END {exit bad}' && ok "review $l embeds every font" || bad "review $l has a font not embedded"
    # (pdftotext wraps words of a right-to-left column in embedding marks: taken out)
    pdftotext "$T/r-$l.pdf" - | sed -e 's/\xe2\x80\xaa//g' -e 's/\xe2\x80\xab//g' -e 's/\xe2\x80\xac//g' -e 's/\xe2\x80\xad//g' -e 's/\xe2\x80\xae//g' >"$T/r-$l.txt"
    # slide 2's first bullet, in English and the first word of its translation in the file
    tr=$(/usr/bin/python3 "$ROOT/tests/e2e/po_target.py" "$TR/ietf-wsis20.$l.po" s2.b1)
    grep -q "IETF needs to be seen" "$T/r-$l.txt" && ok "review $l shows the source" || bad "review $l lacks the source"
    [ -n "$tr" ] && grep -qF "$tr" "$T/r-$l.txt" && ok "review $l shows the translation ($tr)" || bad "review $l lacks the translation '$tr'"
    n=$(grep -c "^translated$" "$T/r-$l.txt")
    [ "$n" = 27 ] && ok "review $l: 27 units, each translated" || bad "review $l: $n units say translated, wanted 27"
  done
  # states: a fuzzy unit and an empty one
  /usr/bin/python3 "$ROOT/tests/e2e/po_target.py" --states "$TR/ietf-wsis20.fr.po" "$T/states.po"
  "$DECKHAND" review -q "$T/ietf.json" --translations "$T/states.po" -o "$T/r-s.pdf"
  pdftotext "$T/r-s.pdf" "$T/r-s.txt"
  grep -q "fuzzy: not used" "$T/r-s.txt" && ok "a fuzzy unit: 'fuzzy: not used'" || bad "no fuzzy state"
  grep -q "not translated" "$T/r-s.txt" && ok "an empty unit: 'not translated'" || bad "no 'not translated' state"
  # fit: the units slides --check lists are marked, no more
  "$DECKHAND" strings pseudo -q "$T/ietf.json" --expand 500% --format po -o "$T/p500.po"
  want=$("$DECKHAND" slides "$T/ietf.json" --translations "$T/p500.po" --check 2>/dev/null | wc -l)
  "$DECKHAND" review -q "$T/ietf.json" --translations "$T/p500.po" -o "$T/r-p.pdf"
  got=$(pdftotext "$T/r-p.pdf" - | grep -c "^does not fit its box on the slide\|^on the slide, it ")
  [ "$want" -gt 0 ] && [ "$got" = "$want" ] && ok "fit: $got units marked, as slides --check lists" || bad "fit: $got marked, slides --check lists $want"
  expect 2 "translations" -- "$DECKHAND" review "$T/ietf.json" -o "$T/x.pdf"
  expect 2 "the review layout shows a translation" -- "$DECKHAND" handout "$T/ietf.json" --layout review -o "$T/x.pdf"
  ;;
*) echo "unknown point $POINT"; exit 2 ;;
esac
summary

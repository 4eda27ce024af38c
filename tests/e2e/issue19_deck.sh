#!/bin/sh
# Issue 19, points 2 and 3: what a deck JSON says is what is printed; point 9: progress on
# a terminal and -v's steps. sh issue19_deck.sh DECKHAND ROOT POINT (p2 | p3 | p9). Read back
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
  # -v: the steps, one line each
  "$DECKHAND" handout -v "$T/ietf.json" --translations "$TR/ietf-wsis20.fr.po" --layout notes-3 -o "$T/v.pdf" 2>"$T/err"
  for step in "a deck JSON of 7 slides" "27 units translated into fr" "notes-3 layout: 3 pages laid out for 7 slides" \
              "7 slide pictures placed from its pages as vector graphics" "the slide pictures translated" "v.pdf: 3 pages"; do
    grep -q "info: .*$step" "$T/err" && ok "-v says: $step" || bad "-v does not say '$step': $(cat "$T/err")"
  done
  "$DECKHAND" slides -v "$T/ietf-wsis20.pdf" --translations "$TR/ietf-wsis20.fr.po" -o "$T/s.pdf" 2>"$T/err"
  grep -q "info: .*extracted 7 slides" "$T/err" && ok "-v says the extraction" || bad "-v does not say the extraction: $(cat "$T/err")"
  ;;
*) echo "unknown point $POINT"; exit 2 ;;
esac
summary

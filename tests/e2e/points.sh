#!/bin/sh
# Issue 8, one test a point: sh points.sh DECKHAND ROOT POINT. Each point's block checks
# the behaviour users met (see docs), read back with independent tools.
DECKHAND=$1; ROOT=$2; POINT=$3
export LC_ALL=C.UTF-8
. "$ROOT/tests/e2e/lib.sh"
S=$ROOT/samples/ietf-wsis20.pdf
TR=$ROOT/samples/translations
sum() { sha256sum "$1" | cut -d' ' -f1; }
# unchanged FILE CMD...: exit 10 and FILE keeps its bytes
unchanged() {
  f=$1; shift
  before=$(sum "$f")
  expect 10 "would overwrite" -- "$@"
  [ "$(sum "$f")" = "$before" ] && ok "$(basename "$f") unchanged" || bad "$(basename "$f") was changed"
}

case $POINT in
point1)  # every input of a run is protected, by real path, also through links
  cp "$S" "$T/talk.pdf"
  "$DECKHAND" extract -q "$T/talk.pdf" -o "$T/talk.json"
  cp "$TR/ietf-wsis20.fr.po" "$T/fr.po"
  cp "$ROOT/fonts/DejaVuSans.ttf" "$T/My.ttf"
  printf 'name: mine\nmode: grid\ngrid: {rows: 2, columns: 1}\nfonts: {regular: My.ttf}\n' >"$T/mine.yaml"
  ln -s talk.pdf "$T/link-to-pdf.pdf"; ln -s fr.po "$T/link-to-po.pdf"; ln -s mine.yaml "$T/link-to-layout.pdf"
  ln -s My.ttf "$T/link-to-font.pdf"; ln -s talk.json "$T/link-to-json.pdf"
  unchanged "$T/talk.pdf" "$DECKHAND" handout "$T/talk.json" --layout grid-6 -o "$T/talk.pdf"
  unchanged "$T/talk.pdf" "$DECKHAND" handout "$T/talk.json" --layout grid-6 -o "$T/link-to-pdf.pdf"
  unchanged "$T/talk.pdf" "$DECKHAND" handout "$T/talk.json" --source "$T/link-to-pdf.pdf" -o "$T/talk.pdf"
  unchanged "$T/talk.json" "$DECKHAND" handout "$T/talk.json" -o "$T/link-to-json.pdf"
  unchanged "$T/fr.po" "$DECKHAND" handout "$T/talk.json" --translations "$T/fr.po" -o "$T/fr.po"
  unchanged "$T/fr.po" "$DECKHAND" handout "$T/talk.json" --translations "$T/fr.po" -o "$T/link-to-po.pdf"
  unchanged "$T/mine.yaml" "$DECKHAND" handout "$T/talk.json" --layout "$T/mine.yaml" -o "$T/mine.yaml"
  unchanged "$T/mine.yaml" "$DECKHAND" handout "$T/talk.json" --layout "$T/mine.yaml" -o "$T/link-to-layout.pdf"
  unchanged "$T/My.ttf" "$DECKHAND" handout "$T/talk.json" --layout "$T/mine.yaml" -o "$T/My.ttf"
  unchanged "$T/My.ttf" "$DECKHAND" handout "$T/talk.json" --layout "$T/mine.yaml" -o "$T/link-to-font.pdf"
  unchanged "$T/fr.po" "$DECKHAND" translate "$T/talk.json" "$T/fr.po" -o "$T/link-to-po.pdf"
  unchanged "$T/talk.pdf" "$DECKHAND" extract "$T/talk.pdf" -o "$T/link-to-pdf.pdf"
  expect 0 "" -- "$DECKHAND" handout -q "$T/talk.json" --layout "$T/mine.yaml" -o "$T/ok.pdf"
  qpdf --check "$T/ok.pdf" >/dev/null 2>&1 && ok "a handout beside its inputs is written" || bad "ok.pdf"
  ;;
point2)  # translation states: a non-empty target is used unless its state says "not yet"
  "$DECKHAND" extract -q "$S" -o "$T/deck.json"; cp "$S" "$T/ietf-wsis20.pdf"
  for f in po xliff12 xliff2; do "$DECKHAND" strings export -q "$T/deck.json" --format $f --target-lang fr -o "$T/empty.$f"; done
  # fill FORMAT STATE OUT: s2.title gets the target "Pourquoi STATE" in that state ("-": no state)
  fill() {
    python3 - "$T/empty.$1" "$2" "$3" <<'PY'
import re, sys
src, state, out = sys.argv[1], sys.argv[2], sys.argv[3]
t = open(src, encoding="utf-8").read()
word = "Pourquoi " + state.replace("-", "")
if src.endswith(".po"):
    m = re.search(r'msgctxt "s2\.title-[0-9a-f]+"\nmsgid "Why Engage in WSIS\+20\?"\nmsgstr ""\n', t)
    entry = m.group(0)
    if state == "fuzzy": new = "#, fuzzy\n" + entry.replace('msgstr ""', 'msgstr "%s"' % word)
    elif state == "empty": new = entry
    elif state == "obsolete": new = "".join("#~ " + l + "\n" for l in entry.replace('msgstr ""', 'msgstr "%s"' % word).splitlines())
    else: new = entry.replace('msgstr ""', 'msgstr "%s"' % word)
    t = t.replace(entry, new)
elif src.endswith(".xliff12"):
    st = "" if state == "-" else ' state="%s"' % state
    t = re.sub(r'(<source>Why Engage in WSIS\+20\?</source>)', r'\1<target%s>%s</target>' % (st, word), t, count=1)
else:
    st = "" if state == "-" else 'state="%s"' % state
    t = re.sub(r'<segment state="initial">(\s*<source xml:space="preserve">Why Engage in WSIS\+20\?</source>)',
               r'<segment %s>\1<target>%s</target>' % (st, word), t, count=1)
open(out, "w", encoding="utf-8").write(t)
PY
  }
  # FORMAT STATE shown|kept: the table in docs/translation.md
  while read -r f state want; do
    fill $f "$state" "$T/in.$f"
    word=$(echo "$state" | tr -d -)
    grep -q "Pourquoi $word" "$T/in.$f" || [ "$state" = empty ] || bad "$f $state: the test file has no target"
    "$DECKHAND" handout -q "$T/deck.json" --translations "$T/in.$f" --layout grid-6 -o "$T/out.pdf" 2>"$T/err" || { bad "$f $state: handout failed: $(cat "$T/err")"; continue; }
    pdftotext "$T/out.pdf" - | tr -s ' \n' '  ' >"$T/out.txt"
    if [ "$want" = shown ]; then
      grep -q "Pourquoi $word" "$T/out.txt" && ok "$f $state: the translation is printed" || bad "$f $state: translation not printed"
    else
      grep -q "Why Engage in WSIS+20?" "$T/out.txt" && ! grep -q "Pourquoi" "$T/out.txt" && ok "$f $state: kept in English" || bad "$f $state: not kept in English"
    fi
  done <<'LIST'
po translated shown
po fuzzy kept
po empty kept
po obsolete kept
xliff12 - shown
xliff12 new shown
xliff12 needs-translation shown
xliff12 translated shown
xliff12 signed-off shown
xliff12 final shown
xliff12 needs-adaptation kept
xliff12 needs-l10n kept
xliff12 needs-review-adaptation kept
xliff12 needs-review-l10n kept
xliff12 needs-review-translation kept
xliff2 - shown
xliff2 initial shown
xliff2 translated shown
xliff2 reviewed shown
xliff2 final shown
LIST
  # one warning counts the units left in English by reason
  fill xliff2 initial "$T/one.xliff2"
  "$DECKHAND" translate "$T/deck.json" "$T/one.xliff2" -o "$T/one.json" 2>"$T/err"
  grep -q "26 of 27 unit(s) kept in the source language (26 empty target)" "$T/err" && ok "warning counts by reason" || bad "warning: $(cat "$T/err")"
  # a file made for another deck: 0 of 27 ids match
  "$DECKHAND" extract -q "$ROOT/samples/features.pdf" -o "$T/other.json"
  "$DECKHAND" strings export -q "$T/other.json" --format po --target-lang fr -o "$T/other.po"
  expect 11 "none of the deck's 27 units is in this file" -- "$DECKHAND" --strict handout "$T/deck.json" --translations "$T/other.po" -o "$T/x.pdf"
  [ ! -e "$T/x.pdf" ] && ok "--strict: nothing written" || bad "--strict wrote a handout"
  expect 11 "none of the deck's 27 units" -- "$DECKHAND" check "$T/deck.json" --translations "$T/other.po"
  "$DECKHAND" handout "$T/deck.json" --translations "$T/other.po" -o "$T/x.pdf" 2>"$T/err"
  grep -q "\[translation-mismatch\]" "$T/err" && ok "without --strict: a warning" || bad "no mismatch warning: $(cat "$T/err")"
  ;;
*) echo "unknown point $POINT"; exit 2 ;;
esac
summary

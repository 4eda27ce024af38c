#!/bin/sh
# Issue 7, rule 9: speaker notes of a notes-page export are translation units (PO, XLIFF,
# pseudo) and the notes-3 layout prints them, translated or not (checked with pdftotext).
# Input: tests/cases/extract/notes-pages.pdf (scripts/make-cases.py).
DECKHAND=$1; ROOT=$2
export LC_ALL=C.UTF-8
. "$ROOT/tests/e2e/lib.sh"
cp "$ROOT/tests/cases/extract/notes-pages.pdf" "$T/notes-pages.pdf"  # beside the deck JSON, for the pictures
S=$T/notes-pages.pdf
"$DECKHAND" extract -q "$S" -o "$T/deck.json" || bad "extract"
[ "$(jq -r '.slides[0].notes | join("|")' "$T/deck.json")" = "Thank the hosts by name.|Keep this under five minutes." ] \
  && ok "notes in the deck JSON" || bad "notes: $(jq -c '.slides[0].notes' "$T/deck.json")"

"$DECKHAND" strings export -q "$T/deck.json" --format po --target-lang fr -o "$T/fr.po" || bad "export po"
grep -q '^#: s1.n1$' "$T/fr.po" && grep -q '^#\. slide 1, speaker notes' "$T/fr.po" && grep -q '^msgid "Keep this under five minutes."' "$T/fr.po" \
  && ok "po: notes are units (s1.n1, speaker notes)" || bad "po: no notes units: $(grep -c msgid "$T/fr.po") msgids"
msgfmt --check -o /dev/null "$T/fr.po" 2>"$T/err" && [ ! -s "$T/err" ] && ok "po: msgfmt --check" || bad "po: $(cat "$T/err")"
for f in xliff2 xliff12; do
  "$DECKHAND" strings export -q "$T/deck.json" --format $f --target-lang fr -o "$T/fr.$f.xlf" || bad "export $f"
  grep -q 's2.n2' "$T/fr.$f.xlf" && grep -q 'The next forum is in Accra in 2027.' "$T/fr.$f.xlf" && ok "$f: notes are units" || bad "$f: no notes"
done
"$DECKHAND" strings pseudo -q --all "$T/deck.json" --format po -o "$T/pseudo.po" || bad "pseudo"
grep -A4 '^#: s2.n1$' "$T/pseudo.po" | grep -q '^msgstr "\[' && ok "pseudo: notes pseudo-translated" || bad "pseudo: notes"

# the translator's work: two notes and one title
awk '
  /^msgid "Thank the hosts by name."$/ { print; getline; print "msgstr \"Remerciez les hôtes par leur nom.\""; next }
  /^msgid "Remind everyone of the survey."$/ { print; getline; print "msgstr \"Rappelez le questionnaire à tous.\""; next }
  /^msgid "Opening"$/ { print; getline; print "msgstr \"Ouverture\""; next }
  { print }' "$T/fr.po" >"$T/filled.po"
"$DECKHAND" translate -q "$T/deck.json" "$T/filled.po" -o "$T/fr.json" 2>/dev/null
[ "$(jq -r '.slides[0].notes[0]' "$T/fr.json")" = "Remerciez les hôtes par leur nom." ] && ok "translate: notes merged" \
  || bad "translate: $(jq -c '.slides[0].notes' "$T/fr.json")"

text() { pdftotext "$1" - | tr '\n' ' ' | tr -s ' '; }
"$DECKHAND" handout -q "$T/deck.json" --layout notes-3 -o "$T/en.pdf" 2>/dev/null || bad "handout en"
qpdf --check "$T/en.pdf" >/dev/null 2>&1 && ok "en handout: qpdf --check" || bad "en handout: qpdf --check"
text "$T/en.pdf" >"$T/en.txt"
grep -qF "Thank the hosts by name." "$T/en.txt" && grep -qF "The next forum is in Accra in 2027." "$T/en.txt" \
  && ok "notes-3 prints the speaker notes" || bad "notes-3 en: $(cat "$T/en.txt")"
"$DECKHAND" handout -q "$T/deck.json" --layout notes-3 --translations "$T/filled.po" -o "$T/fr.pdf" 2>/dev/null || bad "handout fr"
qpdf --check "$T/fr.pdf" >/dev/null 2>&1 && ok "fr handout: qpdf --check" || bad "fr handout: qpdf --check"
text "$T/fr.pdf" >"$T/fr.txt"
grep -qF "Remerciez les hôtes par leur nom." "$T/fr.txt" && grep -qF "Rappelez le questionnaire à tous." "$T/fr.txt" \
  && ok "notes-3 prints the translated notes" || bad "notes-3 fr: $(cat "$T/fr.txt")"
grep -qF "Keep this under five minutes." "$T/fr.txt" && ok "an untranslated note stays in the source language" || bad "fr: untranslated note missing"
# the page picture (the whole notes page, placed as a vector page) holds the source text
# once; printed notes add a second copy
count() { pdftotext "$1" - | grep -cF "$2"; }
[ "$(count "$T/en.pdf" "Thank the hosts by name.")" = 2 ] && ok "en: the note printed beside its picture" || bad "en: $(count "$T/en.pdf" "Thank the hosts by name.") copies"
[ "$(count "$T/fr.pdf" "Thank the hosts by name.")" = 1 ] && ok "fr: translated note replaces its source" || bad "fr: the source of a translated note is printed"
# a layout without notes.text prints no notes
sed 's/text: true/text: false/' "$ROOT/layouts/notes-3.yaml" >"$T/plain.yaml"
"$DECKHAND" handout -q "$T/deck.json" --layout "$T/plain.yaml" -o "$T/plain.pdf" 2>/dev/null || bad "handout plain"
[ "$(count "$T/plain.pdf" "Thank the hosts by name.")" = 1 ] && ok "notes.text false: lines only" || bad "notes.text false still prints notes"
summary

#!/bin/sh
# Translation round trips with the translators' own tools: export -> fill -> merge in
# XLIFF 2.0, XLIFF 1.2 and PO; gettext (msgfmt --check, msgmerge) and Translate Toolkit
# (po2xliff, xliff2po, pocount) read our files and we read theirs; a revised deck keeps
# the translations of unchanged units.
DECKHAND=$1; ROOT=$2
export LC_ALL=C.UTF-8
. "$ROOT/tests/e2e/lib.sh"
S=$ROOT/samples/ietf-wsis20.pdf
TR=$ROOT/samples/translations
"$DECKHAND" extract -q "$S" -o "$T/deck.json"
cp "$S" "$T/ietf-wsis20.pdf"

translated_title() { jq -r '.slides[1].title' "$1"; }

for l in fr es ru zh ar; do
  msgfmt --check -o /dev/null "$TR/ietf-wsis20.$l.po" 2>"$T/err" && [ ! -s "$T/err" ] && ok "$l: msgfmt --check, no warning" || bad "$l: msgfmt: $(cat "$T/err")"
done

want=$(grep -A3 's2.title' "$TR/ietf-wsis20.fr.po" | sed -n 's/^msgstr "\(.*\)"$/\1/p')
ext() { case $1 in xliff2) echo x2.xlf ;; xliff12) echo x12.xlf ;; *) echo po ;; esac; }
for f in xliff2 xliff12 po; do
  e=$(ext $f)
  "$DECKHAND" strings export -q "$T/deck.json" --format $f --target-lang fr -o "$T/empty.$e" || bad "$f: export"
  [ "$(grep -c 's5.b2' "$T/empty.$e")" -ge 1 ] && ok "$f: exported" || bad "$f: export has no s5.b2"
  # fill: the translator's work, carried into this format
  "$DECKHAND" strings update -q "$TR/ietf-wsis20.fr.po" "$T/deck.json" --format $f -o "$T/filled.$e" 2>/dev/null
  "$DECKHAND" translate "$T/deck.json" "$T/filled.$e" -o "$T/fr.$f.json" 2>"$T/err" && [ ! -s "$T/err" ] \
    && ok "$f: merged with no warning" || bad "$f: merge: $(cat "$T/err")"
  [ "$(translated_title "$T/fr.$f.json")" = "$want" ] && ok "$f: translated title" || bad "$f: title $(translated_title "$T/fr.$f.json")"
  [ "$(jq -r '.lang' "$T/fr.$f.json")" = fr ] && ok "$f: lang fr" || bad "$f: lang"
done
for e in x2.xlf x12.xlf; do
  xmllint --noout "$T/empty.$e" "$T/filled.$e" 2>"$T/err" && ok "$e: well-formed XML" || bad "$e: xmllint: $(cat "$T/err")"
done
grep -q 'slr:sizeRestriction="[0-9]' "$T/empty.x2.xlf" && grep -q 'generalProfile="xliff:codepoints"' "$T/empty.x2.xlf" \
  && ok "xliff2: size restrictions (slr module)" || bad "xliff2: slr"
grep -q 'maxwidth="[0-9]*" size-unit="char"' "$T/empty.x12.xlf" && ok "xliff12: maxwidth and size-unit" || bad "xliff12: maxwidth"
grep -q '^#\. slide 5, bullet level 1; at most [0-9]* characters' "$T/empty.po" && ok "po: context and limit comment" || bad "po: comment"
msgfmt --check -o /dev/null "$T/empty.po" 2>"$T/err" && [ ! -s "$T/err" ] && ok "po: msgfmt --check on the export" || bad "po export: $(cat "$T/err")"

# Translate Toolkit reads ours; we read what it writes
po2xliff --progress=none "$TR/ietf-wsis20.es.po" "$T/tt.xlf" 2>"$T/err" && ok "po2xliff reads our PO" || bad "po2xliff: $(cat "$T/err")"
"$DECKHAND" translate "$T/deck.json" "$T/tt.xlf" --lang es -o "$T/es.tt.json" 2>"$T/err"
[ ! -s "$T/err" ] && [ "$(translated_title "$T/es.tt.json")" = "¿Por qué participar en la CMSI+20?" ] \
  && ok "po2xliff's XLIFF merges back" || bad "po2xliff's XLIFF: $(cat "$T/err") $(translated_title "$T/es.tt.json")"
xliff2po --progress=none "$T/filled.x12.xlf" "$T/tt.po" 2>"$T/err" && ok "xliff2po reads our XLIFF 1.2" || bad "xliff2po: $(cat "$T/err")"
"$DECKHAND" translate "$T/deck.json" "$T/tt.po" --lang fr -o "$T/fr.tt.json" 2>"$T/err"
[ ! -s "$T/err" ] && [ "$(translated_title "$T/fr.tt.json")" = "$want" ] && ok "xliff2po's PO merges back" || bad "xliff2po's PO: $(cat "$T/err")"
for f in "$T/empty.x12.xlf" "$T/filled.x12.xlf" "$T/empty.po" "$TR/ietf-wsis20.ru.po"; do
  pocount --csv "$f" >"$T/count" 2>&1 && grep -q ', *27,\|,27,' "$T/count" && ok "pocount: 27 units in $(basename "$f")" || bad "pocount $(basename "$f"): $(tail -2 "$T/count")"
done

# a revised deck keeps the translations of its unchanged units (ours, and msgmerge)
jq '.slides[1].blocks[0].text = "IETF must be seen to defend the multistakeholder approach"' "$T/deck.json" >"$T/v2.json"
"$DECKHAND" strings update "$TR/ietf-wsis20.fr.po" "$T/v2.json" -o "$T/v2.fr.po" 2>"$T/err"
grep -q "26 of 27 units keep their translation" "$T/err" && ok "update: 26 of 27 units keep their translation" || bad "update: $(cat "$T/err")"
"$DECKHAND" translate "$T/v2.json" "$T/v2.fr.po" -o "$T/v2.fr.json" 2>"$T/err"
grep -q "1 of 27 unit(s) kept in the source language (1 not translated yet): s2.b1-" "$T/err" && ok "the changed unit is reported and kept in English" || bad "v2 merge: $(cat "$T/err")"
"$DECKHAND" strings export -q "$T/v2.json" --format po --target-lang fr -o "$T/v2.pot"
msgmerge --quiet -o "$T/mm.po" "$TR/ietf-wsis20.fr.po" "$T/v2.pot" 2>"$T/err" && ok "msgmerge merges our PO with a revised export" || bad "msgmerge: $(cat "$T/err")"
"$DECKHAND" translate "$T/v2.json" "$T/mm.po" -o "$T/mm.json" 2>"$T/err"
grep -q "1 of 27 unit(s) kept in the source language (1 fuzzy)" "$T/err" && [ "$(translated_title "$T/mm.json")" = "$want" ] && ok "msgmerge's result merges: 26 translated, the fuzzy one reported" || bad "msgmerge result: $(cat "$T/err")"

# unknown units, bad files
printf 'msgid ""\nmsgstr "Language: fr\\n"\n\nmsgctxt "s9.b9-00000000"\nmsgid "Gone"\nmsgstr "Parti"\n' >"$T/stale.po"
# (a file of one unknown unit is under half of the deck: --allow-mismatch, issue 19 P5)
"$DECKHAND" translate "$T/deck.json" "$T/stale.po" --allow-mismatch -o "$T/stale.json" 2>"$T/err"
grep -q "1 unit(s) not in this deck.*s9.b9-00000000" "$T/err" && ok "unknown ids reported" || bad "unknown: $(cat "$T/err")"
printf '<xliff version="2.0"><file id="f"><unit id="x"><segment><source>a</source>\n' >"$T/broken.xlf"
expect 11 "^deckhand: error: .*broken.xlf:[0-9]+: not well-formed XML" -- "$DECKHAND" translate "$T/deck.json" "$T/broken.xlf" -o "$T/b.json"
[ ! -e "$T/b.json" ] && ok "no output for a broken file" || bad "output left"
printf 'msgid "a"\nmsgstr "b"\nnonsense\n' >"$T/broken.po"
expect 11 "broken.po:3: not valid gettext PO" -- "$DECKHAND" translate "$T/deck.json" "$T/broken.po" -o "$T/b.json"

# pseudo-translation
"$DECKHAND" strings pseudo -q --all "$T/deck.json" --expand 40% --format po -o "$T/pseudo.po"
msgfmt --check -o /dev/null "$T/pseudo.po" && grep -q '^msgstr "\[Ŵĥý Éñĝáĝé íñ ŴŠÎŠ+20?' "$T/pseudo.po" && ok "pseudo: accented, bracketed, msgfmt-clean" || bad "pseudo: $(grep -m3 '^msgstr "\[' "$T/pseudo.po")"

# Inline styles (docs/translation.md, "Inline styles"): a bold word inside a bullet stays
# bold in the translation, wherever the translator moves it, in PO, XLIFF 2.0 and 1.2
jq '.slides[4].blocks[1].spans = [{"begin": 20, "end": 35, "bold": true}, {"begin": 49, "end": 62, "italic": true, "color": "#C00000"}]' \
  "$T/deck.json" >"$T/styled.json"
for f in xliff2 xliff12 po; do
  "$DECKHAND" strings export -q "$T/styled.json" --format $f --target-lang fr -o "$T/styled.$(ext $f)" || bad "styled $f: export"
done
grep -q '^msgid "Those standards are <b>building blocks</b> to assure an <i><span style=\\"color:#c00000\\">interoperable</span></i>, non-discriminatory' "$T/styled.po" \
  && grep -q '^#\. inline tags: keep <b>' "$T/styled.po" && ok "po: the styled bullet's msgid has its tags, and a comment says to keep them" || bad "po tags: $(grep -m1 'Those standards' "$T/styled.po")"
grep -q 'Those standards are <pc id="1" type="fmt" subType="xlf:b">building blocks</pc> to assure an <pc id="2" type="fmt" subType="xlf:i"><pc id="3" type="fmt" subType="deckhand:color" dataRefStart="d1" dataRefEnd="d2">interoperable</pc></pc>,' "$T/styled.x2.xlf" \
  && grep -q '<data id="d1">&lt;span style="color:#c00000"&gt;</data>' "$T/styled.x2.xlf" && ok "xliff2: <pc> codes, the colour in originalData" || bad "xliff2 pc: $(grep -m1 'Those standards' "$T/styled.x2.xlf")"
grep -q 'Those standards are <g id="1" ctype="bold">building blocks</g> to assure an <g id="2" ctype="italic"><g id="3" ctype="x-color-c00000">interoperable</g></g>,' "$T/styled.x12.xlf" \
  && ok "xliff12: <g> codes" || bad "xliff12 g: $(grep -m1 'Those standards' "$T/styled.x12.xlf")"
# the other units are written as before: the exports differ in the styled unit only
for e in po x2.xlf x12.xlf; do
  diff "$T/empty.$e" "$T/styled.$e" | grep '^[<>]' | grep -v 's5\.b2-\|Those standards\|inline tags\|originalData\|<data id=' >"$T/diff"
  [ ! -s "$T/diff" ] && ok "$e: only the styled unit differs from the export without spans" || bad "$e: other lines differ: $(head -3 "$T/diff")"
done
xmllint --noout "$T/styled.x2.xlf" "$T/styled.x12.xlf" 2>"$T/err" && ok "styled XLIFF: well-formed XML" || bad "styled xmllint: $(cat "$T/err")"
msgfmt --check -o /dev/null "$T/styled.po" 2>"$T/err" && [ ! -s "$T/err" ] && ok "styled po: msgfmt --check" || bad "styled msgfmt: $(cat "$T/err")"
# the French translation made before the deck had spans is carried to the styled unit, to review
"$DECKHAND" strings update "$TR/ietf-wsis20.fr.po" "$T/styled.json" -o "$T/styled.fr.po" 2>"$T/err"
grep -q "27 of 27 units keep their translation" "$T/err" && grep -B2 '^msgctxt "s5\.b2-' "$T/styled.fr.po" | grep -q '^#, fuzzy' \
  && ok "update: the styled unit keeps its translation, fuzzy (tags to place)" || bad "styled update: $(cat "$T/err")"
# the translator places the tags: the bold on another word than in English
fr='Ces <b>normes</b> sont les briques d’un Internet <i><span style=\\"color:#c00000\\">interopérable</span></i>, non discriminatoire et orienté par la demande, qui peut évoluer.'
sed -e '/^#: s5\.b2$/{n;/^#, fuzzy$/d}' -e "/^msgid \"Those standards are <b>/{n;s|^msgstr .*|msgstr \"$fr\"|}" "$T/styled.fr.po" >"$T/styled.fr2.po"
msgfmt --check -o /dev/null "$T/styled.fr2.po" 2>"$T/err" && [ ! -s "$T/err" ] && ok "translated styled po: msgfmt --check" || bad "msgfmt: $(cat "$T/err")"
want_text='Ces normes sont les briques d’un Internet interopérable, non discriminatoire et orienté par la demande, qui peut évoluer.'
spans() { jq -c '.slides[4].blocks[1].spans' "$1"; }
"$DECKHAND" translate "$T/styled.json" "$T/styled.fr2.po" -o "$T/styled.fr.json" 2>"$T/err"
[ ! -s "$T/err" ] && [ "$(jq -r '.slides[4].blocks[1].text' "$T/styled.fr.json")" = "$want_text" ] \
  && [ "$(spans "$T/styled.fr.json")" = '[{"begin":4,"end":10,"bold":true},{"begin":42,"end":55,"italic":true,"color":"#c00000"}]' ] \
  && ok "po: merged text and spans (the bold moved to 'normes')" || bad "po merge: $(cat "$T/err") $(spans "$T/styled.fr.json")"
for f in xliff2 xliff12; do
  e=$(ext $f)
  "$DECKHAND" strings update -q "$T/styled.fr2.po" "$T/styled.json" --format $f -o "$T/styled.fr.$e" 2>/dev/null
  xmllint --noout "$T/styled.fr.$e" 2>"$T/err" && ok "$f: translated, well-formed" || bad "$f: xmllint $(cat "$T/err")"
  # the translator moves the bold once more, in their XLIFF tool: onto "briques"
  sed -E 's#(<target[^>]*>Ces )(<(pc|g) id="1"[^>]*>)normes(</(pc|g)>) sont les briques#\1normes sont les \2briques\4#' "$T/styled.fr.$e" >"$T/styled.fr2.$e"
  "$DECKHAND" translate "$T/styled.json" "$T/styled.fr2.$e" -o "$T/styled.fr.$f.json" 2>"$T/err"
  [ ! -s "$T/err" ] && [ "$(jq -r '.slides[4].blocks[1].text' "$T/styled.fr.$f.json")" = "$want_text" ] \
    && [ "$(spans "$T/styled.fr.$f.json")" = '[{"begin":20,"end":27,"bold":true},{"begin":42,"end":55,"italic":true,"color":"#c00000"}]' ] \
    && ok "$f: merged text and spans (the bold moved to 'briques')" || bad "$f merge: $(cat "$T/err") $(spans "$T/styled.fr.$f.json")"
done
# Translate Toolkit: pocount reads our codes, po2xliff's XLIFF (the tags as text) merges with its styles
pocount --csv "$T/styled.fr.x12.xlf" >"$T/count" 2>&1 && grep -q ', *27,\|,27,' "$T/count" && ok "pocount reads the styled XLIFF 1.2" || bad "pocount: $(tail -2 "$T/count")"
po2xliff --progress=none "$T/styled.fr2.po" "$T/styled.tt.xlf" 2>"$T/err" && "$DECKHAND" translate "$T/styled.json" "$T/styled.tt.xlf" --lang fr -o "$T/styled.tt.json" 2>"$T/err" \
  && [ ! -s "$T/err" ] && [ "$(spans "$T/styled.tt.json")" = "$(spans "$T/styled.fr.json")" ] && ok "po2xliff's XLIFF merges with the spans" || bad "po2xliff styled: $(cat "$T/err") $(spans "$T/styled.tt.json")"
# xliff2po drops <g> codes: its PO merges the words, without styles and without a warning
xliff2po --progress=none "$T/styled.fr.x12.xlf" "$T/styled.tt.po" 2>"$T/err" && "$DECKHAND" translate "$T/styled.json" "$T/styled.tt.po" --lang fr -o "$T/styled.tt2.json" 2>"$T/err" \
  && [ ! -s "$T/err" ] && [ "$(jq -r '.slides[4].blocks[1].text' "$T/styled.tt2.json")" = "$want_text" ] && [ "$(spans "$T/styled.tt2.json")" = null ] \
  && ok "xliff2po's PO (codes dropped) merges the words" || bad "xliff2po styled: $(cat "$T/err") $(spans "$T/styled.tt2.json")"
# malformed markup: one warning naming the unit, the words kept without styles
sed 's|<b>normes</b> sont|<b>normes sont|' "$T/styled.fr2.po" >"$T/styled.bad.po"
"$DECKHAND" translate "$T/styled.json" "$T/styled.bad.po" -o "$T/styled.bad.json" 2>"$T/err"
grep -q "warning: .*styled.bad.po: 1 unit(s) with inline tags deckhand cannot read.*: s5\.b2-[0-9a-f]* (<b> is not closed) \[inline-markup\]" "$T/err" \
  && [ "$(jq -r '.slides[4].blocks[1].text' "$T/styled.bad.json")" = "$want_text" ] && [ "$(spans "$T/styled.bad.json")" = null ] \
  && ok "malformed tags: warned with the unit id, text kept without spans" || bad "malformed: $(cat "$T/err") $(spans "$T/styled.bad.json")"
# pseudo-translation keeps the tags, accents the words, and merges with its spans
"$DECKHAND" strings pseudo -q --all "$T/styled.json" --expand 40% --format po -o "$T/styled.pseudo.po"
msgfmt --check -o /dev/null "$T/styled.pseudo.po" 2>"$T/err" && [ ! -s "$T/err" ] && grep -q '^msgstr "\[Ţĥöšé šţáñďáŕďš áŕé <b>ƀüíľďíñĝ ƀľöçķš</b>' "$T/styled.pseudo.po" \
  && ok "pseudo: tags kept, text accented, msgfmt-clean" || bad "pseudo styled: $(cat "$T/err") $(grep -m1 '^msgstr "\[Ţĥöšé' "$T/styled.pseudo.po")"
"$DECKHAND" translate "$T/styled.json" "$T/styled.pseudo.po" -o "$T/styled.pseudo.json" 2>"$T/err"
[ ! -s "$T/err" ] && [ "$(jq '.slides[4].blocks[1].spans | length' "$T/styled.pseudo.json")" = 2 ] && ok "pseudo merges with both spans" || bad "pseudo merge: $(cat "$T/err")"
# a '<' in a unit without spans stays as it is: no escaping, no tags read
jq '.slides[4].blocks[3].text = "std::vector<int> v; // a & b <b>not bold</b>"' "$T/deck.json" >"$T/code.json"
"$DECKHAND" strings export -q "$T/code.json" --format po --target-lang fr -o "$T/code.po"
grep -q '^msgid "std::vector<int> v; // a & b <b>not bold</b>"$' "$T/code.po" && ! grep -q 'inline tags' "$T/code.po" \
  && ok "code with '<' and no spans: msgid as it is" || bad "code msgid: $(grep -m1 vector "$T/code.po")"
sed '/^msgid "std::vector<int>/{n;s|^msgstr ""$|msgstr "std::vector<int> v; // a \& b <b>pas gras</b>"|}' "$T/code.po" >"$T/code.fr.po"
"$DECKHAND" translate "$T/code.json" "$T/code.fr.po" -o "$T/code.fr.json" 2>/dev/null
[ "$(jq -r '.slides[4].blocks[3].text' "$T/code.fr.json")" = 'std::vector<int> v; // a & b <b>pas gras</b>' ] && [ "$(jq -c '.slides[4].blocks[3].spans' "$T/code.fr.json")" = null ] \
  && ok "code with '<': translated as text" || bad "code translation: $(jq -r '.slides[4].blocks[3].text' "$T/code.fr.json")"

# a translator's work is not replaced: export and pseudo refuse an output file that holds
# translations (exit 10, the file unchanged), --force replaces it; an empty export is replaced
cp "$TR/ietf-wsis20.fr.po" "$T/done.po"
expect 10 "done.po: already holds 2[0-9] translated units.*strings update.*--force" -- "$DECKHAND" strings export "$T/deck.json" --format po --target-lang fr -o "$T/done.po"
cmp -s "$TR/ietf-wsis20.fr.po" "$T/done.po" && ok "the translated file is unchanged" || bad "export changed a translated file"
expect 10 "already holds" -- "$DECKHAND" strings pseudo --all "$T/deck.json" --format po -o "$T/done.po"
"$DECKHAND" strings export -q "$T/deck.json" --format po --target-lang fr -o "$T/done.po" --force && ! grep -q 'msgstr "[^"]' "$T/done.po" \
  && ok "--force replaces it" || bad "--force"
"$DECKHAND" strings export -q "$T/deck.json" --format po --target-lang fr -o "$T/done.po" && ok "an untranslated file is replaced" || bad "replacing an empty export"
# a PO it cannot read (a stray quote) and one whose translations are all obsolete (#~) are
# refused too
sed '0,/^msgstr "..*"$/s/^msgstr "\(..*\)"$/msgstr "\1 "oops""/' "$TR/ietf-wsis20.fr.po" >"$T/broken.po"
expect 10 "broken.po: exists and is not a translation file deckhand can read \(line [0-9]+: .*--force" -- "$DECKHAND" strings export "$T/deck.json" --format po -o "$T/broken.po"
printf 'msgid ""\nmsgstr "Language: fr\\n"\n\n#~ msgctxt "s1.title-6b6b6c8c"\n#~ msgid "The IETF and WSIS+20"\n#~ msgstr "L’IETF et le SMSI+20"\n' >"$T/obsolete.po"
expect 10 "obsolete.po: already holds 1 translated unit" -- "$DECKHAND" strings export "$T/deck.json" --format po -o "$T/obsolete.po"

# a translated handout (outline) has the translated text in order
"$DECKHAND" handout -q "$T/deck.json" --source "$S" --layout outline --translations "$TR/ietf-wsis20.ru.po" -o "$T/ru.pdf"
pdftotext "$T/ru.pdf" - | tr -s ' \n' '  ' >"$T/ru.txt"
grep -q "Зачем участвовать в ВВУИО+20?" "$T/ru.txt" && grep -q "Как мы будем участвовать" "$T/ru.txt" && ok "ru: translated outline" || bad "ru outline"
summary

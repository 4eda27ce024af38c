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
"$DECKHAND" translate "$T/deck.json" "$T/stale.po" -o "$T/stale.json" 2>"$T/err"
grep -q "1 unit(s) not in this deck.*s9.b9-00000000" "$T/err" && ok "unknown ids reported" || bad "unknown: $(cat "$T/err")"
printf '<xliff version="2.0"><file id="f"><unit id="x"><segment><source>a</source>\n' >"$T/broken.xlf"
expect 11 "^deckhand: error: .*broken.xlf:[0-9]+: not well-formed XML" -- "$DECKHAND" translate "$T/deck.json" "$T/broken.xlf" -o "$T/b.json"
[ ! -e "$T/b.json" ] && ok "no output for a broken file" || bad "output left"
printf 'msgid "a"\nmsgstr "b"\nnonsense\n' >"$T/broken.po"
expect 11 "broken.po:3: not valid gettext PO" -- "$DECKHAND" translate "$T/deck.json" "$T/broken.po" -o "$T/b.json"

# pseudo-translation
"$DECKHAND" strings pseudo -q "$T/deck.json" --expand 40% --format po -o "$T/pseudo.po"
msgfmt --check -o /dev/null "$T/pseudo.po" && grep -q '^msgstr "\[Ŵĥý Éñĝáĝé íñ ŴŠÎŠ+20?' "$T/pseudo.po" && ok "pseudo: accented, bracketed, msgfmt-clean" || bad "pseudo: $(grep -m3 '^msgstr "\[' "$T/pseudo.po")"

# a translated handout (outline) has the translated text in order
"$DECKHAND" handout -q "$T/deck.json" --source "$S" --layout outline --translations "$TR/ietf-wsis20.ru.po" -o "$T/ru.pdf"
pdftotext "$T/ru.pdf" - | tr -s ' \n' '  ' >"$T/ru.txt"
grep -q "Зачем участвовать в ВВУИО+20?" "$T/ru.txt" && grep -q "Как мы будем участвовать" "$T/ru.txt" && ok "ru: translated outline" || bad "ru outline"
summary

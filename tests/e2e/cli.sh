#!/bin/sh
# The CLI as a person uses it: help, extract to a file and to stdout, inspect, strict.
DECKHAND=$1; ROOT=$2
. "$ROOT/tests/e2e/lib.sh"
S=$ROOT/samples/ietf-wsis20.pdf

"$DECKHAND" --help >"$T/help" 2>&1 && grep -q "extract" "$T/help" && grep -q "Exit codes" "$T/help" \
  && ok "--help lists commands and exit codes" || bad "--help"
"$DECKHAND" extract --help >"$T/help2" 2>&1 && grep -q -- "--pages" "$T/help2" && grep -q "Example" "$T/help2" \
  && ok "extract --help teaches" || bad "extract --help"
# a command's help says where the options every command takes are (-q, -j, --max-*)
for c in slides handout "strings export"; do
  "$DECKHAND" $c --help >"$T/help3" 2>&1 && grep -q -- "--max-file-size" "$T/help3" && grep -q -- "-j N" "$T/help3" \
    && ok "$c --help names the options of every command" || bad "$c --help: no word of -j or --max-*: $(tail -2 "$T/help3")"
done
"$DECKHAND" --version | grep -Eq '^deckhand [0-9]+\.[0-9]+' && ok "--version" || bad "--version"
# a misspelt command is named, with the nearest one (exit 2, usage)
"$DECKHAND" extrct "$S" 2>"$T/misspelt"; rc=$?
[ $rc = 2 ] && [ "$(wc -l <"$T/misspelt")" = 1 ] && grep -q "^deckhand: error: extrct: no such command (did you mean 'extract'?" "$T/misspelt" \
  && ok "a misspelt command is named with the nearest" || bad "misspelt command: rc $rc, $(cat "$T/misspelt")"

"$DECKHAND" extract "$S" -o "$T/deck.json" && ok "extract -o" || bad "extract -o"
"$DECKHAND" extract "$S" >"$T/stdout.json" && cmp -s "$T/deck.json" "$T/stdout.json" \
  && ok "stdout output equals file output" || bad "stdout output differs"
"$DECKHAND" extract -q -j 1 "$S" -o "$T/one.json" && cmp -s "$T/deck.json" "$T/one.json" \
  && ok "one thread gives the same bytes" || bad "-j 1 differs"
grep -q '"schema": "deckhand.deck/1"' "$T/deck.json" && ok "schema field" || bad "schema field"
[ "$(grep -c '"kind":' "$T/deck.json")" = 7 ] && ok "7 slides" || bad "slide count"
grep -q '"text": "Those standards are building blocks to assure an interoperable, non-discriminatory and demand-driven Internet that can evolve."' "$T/deck.json" \
  && ok "hyphenated compound across a line break kept" || bad "demand-driven"

"$DECKHAND" extract "$S" --pages 2-3 -o "$T/part.json" && [ "$(grep -c '"kind":' "$T/part.json")" = 2 ] \
  && grep -q '"id": "s2"' "$T/part.json" && ok "--pages keeps page ids" || bad "--pages"

"$DECKHAND" inspect "$S" >"$T/outline" && grep -q "^4. \[section\] The IETF Message to WSIS+20" "$T/outline" \
  && grep -q "^      – Equitable online participation" "$T/outline" && ok "inspect PDF" || bad "inspect PDF: $(head -20 "$T/outline")"
"$DECKHAND" inspect "$T/deck.json" >"$T/outline2" && cmp -s "$T/outline" "$T/outline2" \
  && ok "inspect deck JSON equals inspect PDF" || bad "inspect JSON differs"

# an edited deck JSON is read back with the edit
sed 's/Why Engage in WSIS+20?/Why we engage/' "$T/deck.json" >"$T/edited.json"
"$DECKHAND" inspect "$T/edited.json" | grep -q "^2. \[content\] Why we engage" && ok "edited JSON" || bad "edited JSON"

# a page with /Rotate 90 is read as displayed: its size is the displayed one
qpdf --rotate=+90 "$S" "$T/rotated.pdf"
"$DECKHAND" extract -q "$T/rotated.pdf" -o "$T/rot.json"
[ "$(jq -c '.slides[0].size' "$T/rot.json")" = "$(jq -c '.slides[0].size | [.[1], .[0]]' "$T/deck.json")" ] \
  && ok "a /Rotate 90 page has its displayed size" || bad "rotated size: $(jq -c '.slides[0].size' "$T/rot.json")"

# --strict: a blank page is a warning; with --strict it fails with exit 3 and no output
qpdf --empty --pages "$S" 1 "$S" 2 -- "$T/two.pdf"
printf '%%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 720 405]>>endobj\ntrailer<</Root 1 0 R>>\n%%%%EOF\n' >"$T/raw.pdf"
qpdf "$T/raw.pdf" "$T/blank.pdf" 2>/dev/null
qpdf --empty --pages "$T/two.pdf" "$T/blank.pdf" -- "$T/withblank.pdf" 2>/dev/null
expect 0 "warning: .*page 3: no text on this page" -- "$DECKHAND" extract "$T/withblank.pdf" -o "$T/wb.json"
[ -s "$T/wb.json" ] && ok "warnings alone still write output" || bad "no output with warnings"
expect 3 "warning.s. \\[page-no-text\\] and --strict is set" -- "$DECKHAND" extract --strict -q "$T/withblank.pdf" -o "$T/wb2.json"
[ ! -e "$T/wb2.json" ] && ok "--strict writes nothing" || bad "--strict wrote output"

# the output is readable by an independent JSON parser
if command -v jq >/dev/null 2>&1; then
  [ "$(jq '.slides | length' "$T/deck.json")" = 7 ] && [ "$(jq -r '.slides[3].kind' "$T/deck.json")" = section ] \
    && ok "jq reads the deck" || bad "jq"
fi
summary

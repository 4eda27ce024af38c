#!/bin/sh
# Bad input: each case gives one clear line on stderr, its documented exit code, and no
# output file. Inputs are made here with qpdf and printf.
DECKHAND=$1; ROOT=$2
. "$ROOT/tests/e2e/lib.sh"
S=$ROOT/samples/ietf-wsis20.pdf
line='^deckhand: error: .+: .+ \(.+\)$'

printf 'This is a text file, not a slide deck.\n' >"$T/notes.pdf"
expect 5 "$line" -- "$DECKHAND" extract "$T/notes.pdf" -o "$T/o1.json"
[ ! -e "$T/o1.json" ] && ok "no output for a non-PDF" || bad "output left for a non-PDF"
grep -q "not a PDF" "$T/stderr" && ok "says not a PDF" || bad "message: $(cat "$T/stderr")"

: >"$T/empty.pdf"
expect 5 "$line" -- "$DECKHAND" extract "$T/empty.pdf" -o "$T/o2.json"
[ ! -e "$T/o2.json" ] && ok "no output for an empty file" || bad "output left for an empty file"

head -c 3000 "$S" >"$T/truncated.pdf"
expect 5 "$line" -- "$DECKHAND" extract "$T/truncated.pdf" -o "$T/o3.json"
[ ! -e "$T/o3.json" ] && ok "no output for a truncated PDF" || bad "output left for a truncated PDF"

qpdf --encrypt user-pw owner-pw 256 -- "$S" "$T/locked.pdf"
expect 6 "$line" -- "$DECKHAND" extract "$T/locked.pdf" -o "$T/o4.json"
grep -q "needs a password" "$T/stderr" && ok "asks for a password" || bad "message: $(cat "$T/stderr")"
[ ! -e "$T/o4.json" ] && ok "no output without a password" || bad "output left without a password"
expect 6 "$line" -- "$DECKHAND" extract "$T/locked.pdf" --password wrong -o "$T/o5.json"
grep -q "password does not open" "$T/stderr" && ok "says the password is wrong" || bad "message: $(cat "$T/stderr")"
[ ! -e "$T/o5.json" ] && ok "no output with a wrong password" || bad "output left with a wrong password"
expect 0 "" -- "$DECKHAND" extract "$T/locked.pdf" --password user-pw -o "$T/o6.json"
[ -s "$T/o6.json" ] && ok "the right password opens it" || bad "no output with the right password"

# zero pages: a hand-made PDF whose page tree is empty, tidied by qpdf
printf '%%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%%%EOF\n' >"$T/raw0.pdf"
qpdf "$T/raw0.pdf" "$T/zero.pdf" 2>/dev/null
expect 5 "$line" -- "$DECKHAND" extract "$T/zero.pdf" -o "$T/o7.json"
grep -q "no pages" "$T/stderr" && ok "says no pages" || bad "message: $(cat "$T/stderr")"
[ ! -e "$T/o7.json" ] && ok "no output for zero pages" || bad "output left for zero pages"

# a scan: pages with drawings but no text layer
cs='0.2 0.2 0.2 rg 50 50 500 300 re f'
printf '%%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 720 405]/Contents 4 0 R>>endobj\n4 0 obj<</Length %d>>stream\n%s\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%%%EOF\n' ${#cs} "$cs" >"$T/raw1.pdf"
qpdf "$T/raw1.pdf" "$T/scan.pdf" 2>/dev/null
expect 7 "$line" -- "$DECKHAND" extract "$T/scan.pdf" -o "$T/o8.json"
grep -q "no page has a text layer" "$T/stderr" && ok "says no text layer" || bad "message: $(cat "$T/stderr")"
[ ! -e "$T/o8.json" ] && ok "no output for a scan" || bad "output left for a scan"

expect 4 "$line" -- "$DECKHAND" extract "$T/missing.pdf" -o "$T/o9.json"
expect 10 "$line" -- "$DECKHAND" extract "$S" -o "$S"
cmp -s "$S" "$ROOT/samples/ietf-wsis20.pdf" && ok "input untouched" || bad "input changed"
expect 10 "$line" -- "$DECKHAND" extract "$S" -o "$T/no/such/dir/out.json"
expect 2 "^deckhand: error: " -- "$DECKHAND" extract "$S" --pages 9-12
expect 2 "^deckhand: error: --pages: an empty page list" -- "$DECKHAND" extract "$S" --pages ""
expect 2 "^deckhand: error: " -- "$DECKHAND" extract --no-such-flag "$S"

printf '{"schema":"deckhand.deck/1","slides":[{"kind":"poster"}]}' >"$T/bad.json"
expect 8 "$line" -- "$DECKHAND" inspect "$T/bad.json"
printf '{not json' >"$T/broken.json"
expect 8 "$line" -- "$DECKHAND" inspect "$T/broken.json"
ls "$T" | grep -q '\.tmp-' && bad "temporary files left behind" || ok "no temporary files left"
# an empty output path ("-o \"$OUT\"" with OUT unset) names no file: not standard output
expect 2 "$line" -- "$DECKHAND" extract "$S" -o ""
grep -q "output path is empty" "$T/stderr" && ok "says the output path is empty" || bad "message: $(cat "$T/stderr")"
[ ! -s "$T/stdout" ] && ok "nothing on standard output for -o ''" || bad "standard output written for -o ''"

summary

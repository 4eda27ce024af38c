#!/bin/sh
# Hostile input, round 2 (issue 20): strings, options, text inputs and charsets. Every case
# runs under hard() (30 s, 2 GiB, exit code, one line, no output when it fails, nothing
# left behind) with every command that reads the input. Large inputs are made here.
# Usage: robust2_text.sh path/to/deckhand path/to/source
DECKHAND=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SRC=$(cd "$2" && pwd)
. "$SRC/tests/e2e/lib.sh"
C=$SRC/../shared/cases/robust/round2
F=$SRC/samples/features.pdf
PY=/usr/bin/python3
export DECKHAND_DATA="$SRC"
export TMPDIR="$T/tmp"
mkdir -p "$TMPDIR" "$T/out" "$T/in"
O=$T/out
I=$T/in
. "$SRC/tests/e2e/hard.sh"
"$DECKHAND" extract "$F" -o "$I/feat.json" 2>/dev/null || bad "extract features.pdf"

# ---- 1. no regular expression on unbounded input
# a PDF /Info /Title of 100,000 characters (the deck's title when no slide is a title slide)
$PY "$SRC/tests/e2e/titled_pdf.py" 3 100000 "$I/t100k.pdf"
hard 0 "" -- "$DECKHAND" extract "$I/t100k.pdf" -o "$O/t.json" &&
  if [ "$($PY -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["title"]))' "$O/t.json")" = 100000 ]; then
    ok "100,000-character title kept whole in the deck JSON"; else bad "100,000-character title not kept whole"; fi
hard 0 "" -- "$DECKHAND" inspect "$I/t100k.pdf"
hard 0 "" -- "$DECKHAND" strings export "$I/t100k.pdf" --format po --target-lang fr -o "$O/t.po"
hard 0 "" -- "$DECKHAND" check "$I/t100k.pdf"
for l in notes-3 outline; do
  # (6. titles over 64 KB: libharu's string limit; cut in the PDF's properties, with a warning)
  hard 0 "title-cut" -- "$DECKHAND" handout "$I/t100k.pdf" --layout "$l" -o "$O/t.pdf"
done
# a 30 KB header field in a layout: exit 9 naming the field, cut in the message
awk 'BEGIN { printf "name: r\nmode: flow\nheader: {center: \"{"; for (i = 0; i < 30000; i++) printf "a"; print "}\"}" }' >"$I/field.yaml"
for y in "$C/y-regex30000.yaml" "$I/field.yaml"; do
  [ -f "$y" ] || { echo "skip: $y absent"; continue; }
  hard 9 "unknown field \{a+… \([0-9]+ bytes\)\}" -- "$DECKHAND" handout "$I/feat.json" --layout "$y" -o "$O/x.pdf"
  hard 9 "unknown field" -- "$DECKHAND" check "$F" --layout "$y"
  hard 9 "unknown field" -- "$DECKHAND" slides "$F" --translations "$SRC/tests/fuzz/corpus/translation/features.po" --layout "$y" -o "$O/x.pdf"
done
[ "$(wc -c <"$T/stderr")" -lt 1000 ] && ok "the message of a 30 KB field is short" || bad "the message of a 30 KB field is $(wc -c <"$T/stderr") bytes"
# a 40 KB --target-lang: exit 2, a short line
L40=$(head -c 40000 /dev/zero | tr '\0' a)
hard 2 "--target-lang: 'a+… \(40000 bytes\)' is not a language tag" -- "$DECKHAND" strings export "$I/feat.json" --target-lang "$L40" -o "$O/x.po"
hard 2 "--lang" -- "$DECKHAND" translate "$I/feat.json" "$SRC/tests/fuzz/corpus/translation/features.po" --lang "$L40" -o "$O/x.json"

# ---- 2. every number option finite and in range
for v in nan inf -inf 1e999 -1 NaN; do
  for opt in --max-file-size --max-string --max-depth --max-slides --max-pages --max-page-size --max-pixels --max-output-pages -j; do
    hard 2 "(--jobs|$opt): must be a (whole )?number from .* to .*, not '$v'" -- "$DECKHAND" "$opt" "$v" inspect "$F"
  done
  hard 2 "--min-dpi: must be a number from 1 to 10000" -- "$DECKHAND" preflight "$F" --min-dpi "$v"
  hard 2 "--min-size: must be a number from" -- "$DECKHAND" slides "$F" --translations "$SRC/tests/fuzz/corpus/translation/features.po" --min-size "$v" -o "$O/x.pdf"
  hard 2 "--signature: must be a whole number from 0 to 1000" -- "$DECKHAND" impose "$F" --signature "$v" -o "$O/x.pdf"
  hard 2 "--signature: must be a whole number" -- "$DECKHAND" handout "$F" --impose booklet --signature "$v" -o "$O/x.pdf"
  hard 2 "--expand .*: not a percentage from 0% to 500%" -- "$DECKHAND" strings pseudo "$I/feat.json" --expand "$v%" -o "$O/x.po"
  hard 2 "--bleed .*: not a length" -- "$DECKHAND" handout "$F" --bleed "$v" -o "$O/x.pdf"
  hard 2 "--creep .*: not a length" -- "$DECKHAND" impose "$F" --creep "$v" -o "$O/x.pdf"
done

# ---- 3. --pages: linear, bounded
$PY "$SRC/tests/e2e/numbered_pdf.py" 20000 "$I/n20k.pdf"
P9000=$($PY -c 'print(",".join(["1-"] * 9000))')
hard 5 "the number of pages to read is 20000, over the limit of 10 \(--max-pages\)" -- "$DECKHAND" --max-pages 10 extract "$I/n20k.pdf" --pages "$P9000" -o "$O/x.json"
P43000=$($PY -c 'print(",".join(["1-"] * 43000))')
hard 2 "--pages \"1-,1-,.*… \([0-9]+ bytes\)\": is [0-9]+ bytes long, over the limit of 100000" -- "$DECKHAND" extract "$I/n20k.pdf" --pages "$P43000" -o "$O/x.json"
P12000=$($PY -c 'print(",".join(str(i) for i in range(1, 12001)))')
hard 2 "has more than 10000 ranges" -- "$DECKHAND" extract "$I/n20k.pdf" --pages "$P12000" -o "$O/x.json"

# ---- 4. sizes checked before reading: layout, deck JSON
$PY -c 'import sys; f=open(sys.argv[1],"w"); f.write("name: big\nmode: flow\nx: [" + "0," * 5000000 + "0]\n")' "$I/big.yaml"
hard 9 "big.yaml: the layout file is [0-9]+ bytes, over the limit of 262144 bytes" -- "$DECKHAND" handout "$I/feat.json" --layout "$I/big.yaml" -o "$O/x.pdf"
hard 9 "over the limit of 262144 bytes" -- "$DECKHAND" check "$I/feat.json" --source "$F" --layout "$I/big.yaml"
hard 9 "over the limit of 262144 bytes" -- "$DECKHAND" slides "$F" --translations "$SRC/tests/fuzz/corpus/translation/features.po" --layout "$I/big.yaml" -o "$O/x.pdf"
$PY -c 'import sys; f=open(sys.argv[1],"w"); f.write("{\"schema\":\"deckhand.deck/1\",\"slides\":[],\"x\":[" + "0," * 50000000 + "0]}\n")' "$I/big.json"
for c in "inspect $I/big.json" "handout $I/big.json --layout outline -o $O/x.pdf" "strings export $I/big.json --format po -o $O/x.po"; do
  # shellcheck disable=SC2086
  hard 8 "big.json: the number of JSON values is more than 10000000, over the limit of 10000000 .*--max-slides" -- "$DECKHAND" $c
done
rm -f "$I/big.json"

# ---- 5. -j clamped to the cores and the memory
hard 0 "" -- "$DECKHAND" -j 256 extract "$I/n20k.pdf" --pages 1-5 -o "$O/x.json"
hard 0 "" -- "$DECKHAND" -j 64 inspect "$I/t100k.pdf"

# ---- 7. charsets, NUL bytes, invalid UTF-8 in translation files: every command that reads one
"$DECKHAND" strings export "$I/feat.json" --format po --target-lang fr -o "$I/fr.po"
# (windows-1252: "café" in its bytes, declared; the deck's ’ is 0x92 there)
$PY - "$I/fr.po" "$I" <<'PYEOF'
import sys, re
src, d = sys.argv[1], sys.argv[2]
t = open(src, encoding="utf-8").read()
t = re.sub(r'msgstr ""\n(?!")', lambda m: 'msgstr "caf\u00e9"\n', t)
t = t.replace("charset=UTF-8", "charset=windows-1252")
open(d + "/latin1.po", "wb").write(t.encode("cp1252"))
open(d + "/unknown-cs.po", "wb").write(t.replace("charset=windows-1252", "charset=X-NO-SUCH").encode("cp1252"))
open(d + "/bad-utf8.po", "wb").write(t.replace("charset=windows-1252", "charset=UTF-8").encode("cp1252"))
# (bytes a declared charset does not have: 0x81 is unassigned in windows-1252)
open(d + "/bad-cp1252.po", "wb").write(t.encode("cp1252").replace(b"caf\xe9", b"caf\x81", 1))
PYEOF
for po in "$C/po-latin1.po" "$I/latin1.po"; do
  [ -f "$po" ] || { echo "skip: $po absent"; continue; }
  hard 0 "" -- "$DECKHAND" translate "$I/feat.json" "$po" -o "$O/x.json" &&
    if grep -q "café" "$O/x.json" && ! grep -q "$(printf '\357\277\275')" "$O/x.json"; then ok "$(basename "$po"): é read as é"; else bad "$(basename "$po"): é not kept"; fi
  hard 0 "" -- "$DECKHAND" handout "$F" --translations "$po" --layout outline -o "$O/x.pdf" &&
    if pdftotext "$O/x.pdf" - | grep -q "café"; then ok "$(basename "$po"): café in the handout"; else bad "$(basename "$po"): café not in the handout"; fi
  hard 0 "" -- "$DECKHAND" slides "$F" --translations "$po" -o "$O/x.pdf"
  hard 0 "" -- "$DECKHAND" check "$F" --translations "$po"
  hard 0 "" -- "$DECKHAND" review "$F" --translations "$po" -o "$O/x.pdf"
  hard 0 "" -- "$DECKHAND" strings update "$po" "$I/feat.json" -o "$O/x.po" &&
    if grep -q "café" "$O/x.po" && grep -q "charset=UTF-8" "$O/x.po"; then ok "$(basename "$po"): written back as UTF-8"; else bad "$(basename "$po"): not written back as UTF-8"; fi
done
# refused with a clear line: an unknown charset, bytes invalid in the declared charset, a NUL, invalid UTF-8 in XLIFF
for spec in "$I/unknown-cs.po:declares charset=X-NO-SUCH, which deckhand cannot convert" \
            "$I/bad-cp1252.po:bad-cp1252.po:[0-9]+: is not valid windows-1252" \
            "$I/bad-utf8.po:bad-utf8.po:[0-9]+: not valid gettext PO: invalid multibyte sequence" \
            "$C/po-nul.po:po-nul.po:10: unit s1.title-b61862f0: the translation holds a NUL byte" \
            "$C/xlf-badutf8.xlf:unit s1.title-b61862f0: the translation is not valid UTF-8"; do
  f=${spec%%:*}; pat=${spec#*:}
  [ -f "$f" ] || { echo "skip: $f absent"; continue; }
  hard 11 "$pat" -- "$DECKHAND" translate "$I/feat.json" "$f" -o "$O/x.json"
  hard 11 "$pat" -- "$DECKHAND" handout "$F" --translations "$f" --layout outline -o "$O/x.pdf"
  hard 11 "$pat" -- "$DECKHAND" slides "$F" --translations "$f" -o "$O/x.pdf"
  hard 11 "$pat" -- "$DECKHAND" check "$F" --translations "$f"
  hard 11 "$pat" -- "$DECKHAND" review "$F" --translations "$f" -o "$O/x.pdf"
  hard 11 "$pat" -- "$DECKHAND" strings update "$f" "$I/feat.json" -o "$O/x.xlf"
done

# ---- 8. plural forms: bounded, and linear (CPU time at 4n at most 5x the time at n; the
# best of three runs, CPU time of the child: the machine may be shared)
plural() {  # plural N FILE: one message with N plural forms
  $PY -c 'import sys
n = int(sys.argv[1])
with open(sys.argv[2], "w") as f:
    f.write("msgid \"\"\nmsgstr \"\"\n\"Language: fr\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n")
    f.write("msgctxt \"s1.title\"\nmsgid \"one\"\nmsgid_plural \"many\"\n")
    for i in range(n): f.write("msgstr[%d] \"x\"\n" % i)' "$1" "$2"
}
plural 101 "$I/p101.po"
for c in translate handout check; do
  case $c in
    translate) set -- translate "$I/feat.json" "$I/p101.po" -o "$O/x.json" ;;
    handout) set -- handout "$F" --translations "$I/p101.po" -o "$O/x.pdf" ;;
    check) set -- check "$F" --translations "$I/p101.po" ;;
  esac
  hard 11 "p101.po:[0-9]+: unit s1.title: a message with more than 100 plural forms" -- "$DECKHAND" "$@"
done
plural 10000 "$I/p10k.po"; plural 40000 "$I/p40k.po"
t1=$($PY -c 'import os, subprocess, sys
best = 1e9
for _ in range(3):
    p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); _, _, ru = os.wait4(p.pid, 0); best = min(best, ru.ru_utime + ru.ru_stime)
print(best)' "$DECKHAND" translate "$I/feat.json" "$I/p10k.po" -o "$O/x.json")
t4=$($PY -c 'import os, subprocess, sys
best = 1e9
for _ in range(3):
    p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); _, _, ru = os.wait4(p.pid, 0); best = min(best, ru.ru_utime + ru.ru_stime)
print(best)' "$DECKHAND" translate "$I/feat.json" "$I/p40k.po" -o "$O/x.json")
if $PY -c 'import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); sys.exit(0 if b <= 5 * max(a, 0.02) else 1)' "$t1" "$t4"; then
  ok "plural forms: 10,000 in ${t1}s, 40,000 in ${t4}s (at most 5x)"
else bad "plural forms: 10,000 in ${t1}s, 40,000 in ${t4}s: more than 5x"; fi
summary

#!/bin/sh
# Issue 9, point 1 and 2: the commands as one library job (src/job/). Usage: job.sh DECKHAND SOURCE_DIR
#  - every command that reads a PDF accepts --password (an encrypted sample made here with
#    qpdf --encrypt): without it exit 6, with it exit 0;
#  - no command writes anything when --strict fails (a deck with a page without text gives
#    a warning: files are not created, standard output stays empty);
#  - handout deck.json --layout outline works without the PDF, and opens no PDF;
#  - a handout opens the source PDF once per worker at most (DECKHAND_DEBUG_OPENS=1).
DECKHAND=$1; SRC=$2
. "$SRC/tests/e2e/lib.sh"

cp "$SRC/samples/zh.pdf" "$T/zh.pdf"
qpdf --encrypt s3cret s3cret 256 -- "$T/zh.pdf" "$T/enc.pdf" || { bad "qpdf --encrypt"; summary; exit 1; }
"$DECKHAND" -q extract "$T/zh.pdf" -o "$T/zh.json"
"$DECKHAND" -q strings export "$T/zh.json" --format po --target-lang fr -o "$T/zh.fr.po"

# 1. --password, for every command that reads a PDF
for cmd in "extract" "inspect" "handout --layout grid-6 -o $T/h.pdf" "handout --layout notes-3 -o $T/h.pdf" \
           "strings export" "strings pseudo" "check --layout grid-6" "fonts check"; do
  set -- $cmd
  c1=$1; shift
  if [ "$c1" = strings ] || [ "$c1" = fonts ]; then c2=$1; shift; else c2=""; fi
  expect 6 "needs a password" -- "$DECKHAND" $c1 $c2 "$T/enc.pdf" "$@"
  expect 6 "password does not open" -- "$DECKHAND" $c1 $c2 "$T/enc.pdf" "$@" --password wrong
  "$DECKHAND" -q $c1 $c2 "$T/enc.pdf" "$@" --password s3cret >"$T/out" 2>"$T/err" \
    && ok "$c1 $c2 --password" || bad "$c1 $c2 --password: $(cat "$T/err")"
done
expect 6 "needs a password" -- "$DECKHAND" strings update "$T/zh.fr.po" "$T/enc.pdf"
"$DECKHAND" -q strings update "$T/zh.fr.po" "$T/enc.pdf" --password s3cret -o "$T/u.po" 2>"$T/err" \
  && ok "strings update --password" || bad "strings update --password: $(cat "$T/err")"
expect 6 "needs a password" -- "$DECKHAND" translate "$T/enc.pdf" "$T/zh.fr.po"
"$DECKHAND" -q translate "$T/enc.pdf" "$T/zh.fr.po" --password s3cret -o "$T/t.json" \
  && ok "translate --password" || bad "translate --password"
# a deck JSON whose PDF is encrypted: the pictures come from it with the password
"$DECKHAND" -q handout "$T/zh.json" --source "$T/enc.pdf" --password s3cret --layout grid-6 -o "$T/hj.pdf" \
  && qpdf --check "$T/hj.pdf" >/dev/null && ok "handout deck.json --source encrypted --password" || bad "handout deck.json --source encrypted"

# 2. --strict writes nothing: a page without text is a warning
python3 - "$T/blank.pdf" <<'PY'
import sys
objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 960 540] >>"]
out = bytearray(b"%PDF-1.4\n"); offs = []
for i, o in enumerate(objs):
    offs.append(len(out)); out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
x = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for o in offs: out += b"%010d 00000 n \n" % o
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
open(sys.argv[1], "wb").write(out)
PY
qpdf --empty --pages "$T/zh.pdf" "$T/blank.pdf" -- "$T/warn.pdf"
"$DECKHAND" extract "$T/warn.pdf" -o "$T/warn.json" 2>"$T/err"
grep -q "page-no-text\|no text on this page" "$T/err" && ok "the sample with a blank page warns" || bad "no warning from the blank page: $(cat "$T/err")"
nowrite() {  # nowrite NAME FILE command...: exit 3, FILE not created, nothing on standard output
  name=$1; f=$2; shift 2
  rm -f "$f"
  "$@" >"$T/so" 2>"$T/se"; rc=$?
  if [ "$rc" != 3 ]; then bad "$name --strict: exit $rc, wanted 3: $(cat "$T/se")"
  elif [ -e "$f" ]; then bad "$name --strict wrote $f"
  elif [ -s "$T/so" ]; then bad "$name --strict wrote to standard output: $(head -c 200 "$T/so")"
  else ok "$name --strict: exit 3, nothing written"; fi
}
nowrite extract "$T/s1.json" "$DECKHAND" --strict extract "$T/warn.pdf" -o "$T/s1.json"
nowrite "strings export" "$T/s2.po" "$DECKHAND" --strict strings export "$T/warn.pdf" --format po -o "$T/s2.po"
nowrite "strings update" "$T/s3.po" "$DECKHAND" --strict strings update "$T/zh.fr.po" "$T/warn.pdf" -o "$T/s3.po"
nowrite "strings pseudo" "$T/s4.po" "$DECKHAND" --strict strings pseudo --all "$T/warn.pdf" -o "$T/s4.po"
nowrite translate "$T/s5.json" "$DECKHAND" --strict translate "$T/zh.json" "$T/zh.fr.po" -o "$T/s5.json"
nowrite handout "$T/s6.pdf" "$DECKHAND" --strict handout "$T/warn.pdf" -o "$T/s6.pdf"
nowrite "handout --dump layout" "$T/s7.json" "$DECKHAND" --strict handout "$T/warn.pdf" --dump layout -o "$T/s7.json"
nowrite "strings export (stdout)" "$T/none" "$DECKHAND" --strict strings export "$T/warn.pdf"
nowrite inspect "$T/none" "$DECKHAND" --strict inspect "$T/warn.pdf"
nowrite check "$T/none" "$DECKHAND" --strict check "$T/warn.pdf"
nowrite "fonts check" "$T/none" "$DECKHAND" --strict fonts check "$T/warn.pdf"
# check's exit code is its last step's: with warnings but no --strict it still reports and exits 0
"$DECKHAND" -q check "$T/warn.pdf" --layout grid-6 >"$T/so" 2>"$T/se" && ok "check without --strict: exit 0" || bad "check without --strict: exit $?"

# 3. outline from a deck JSON without its PDF: no PDF opened
mkdir "$T/alone" && cp "$T/zh.json" "$T/alone/zh.json"
DECKHAND_DEBUG_OPENS=1 "$DECKHAND" handout "$T/alone/zh.json" --layout outline -o "$T/alone/o.pdf" 2>"$T/err" \
  && grep -q "opened 0 time" "$T/err" && pdftotext "$T/alone/o.pdf" - | grep -q . \
  && ok "outline from deck.json alone, no PDF opened" || bad "outline from deck.json alone: $(cat "$T/err")"
expect 4 "cannot find the deck's PDF" -- "$DECKHAND" handout "$T/alone/zh.json" --layout grid-6 -o "$T/alone/g.pdf"

# 4. the source PDF is opened once per worker at most
opens() {  # opens MAX what command...
  max=$1; what=$2; shift 2
  DECKHAND_DEBUG_OPENS=1 "$@" 2>"$T/err" >/dev/null
  n=$(sed -n 's/.*opened \([0-9]*\) time.*/\1/p' "$T/err")
  if [ -n "$n" ] && [ "$n" -ge 1 ] && [ "$n" -le "$max" ]; then ok "$what: $n open(s), at most $max"; else bad "$what: opened '${n}' times, wanted 1..$max: $(cat "$T/err")"; fi
}
cp "$SRC/layouts/grid-6.yaml" "$T/raster-6.yaml" && printf 'image:\n  mode: raster\n  dpi: 100\n' >>"$T/raster-6.yaml"
for j in 1 2; do
  opens $j "handout PDF grid-6 vector -j $j" "$DECKHAND" handout "$T/zh.pdf" --layout grid-6 -j $j -o "$T/o$j.pdf"
  opens $j "handout PDF grid-6 raster -j $j" "$DECKHAND" handout "$T/zh.pdf" --layout "$T/raster-6.yaml" -j $j -o "$T/r$j.pdf"
  opens $j "handout deck.json notes-3 -j $j" "$DECKHAND" handout "$T/zh.json" --layout notes-3 -j $j -o "$T/n$j.pdf"
  opens $j "extract -j $j" "$DECKHAND" extract "$T/zh.pdf" -j $j -o "$T/e$j.json"
done
summary

#!/bin/sh
# Issue 11, translated slides that keep their design: `deckhand slides` on the sample deck
# with its five translations, and on three real-world decks (../shared/corpus/real, when
# present) with a `strings pseudo` translation, checked with independent tools by
# check_slides.py (qpdf, pdfinfo, pdftotext, pdfimages, mutool, pdftoppm); then `--check`
# on a +80 % pseudo-translation, and the usage errors.
DECKHAND=$1; ROOT=$2
export LC_ALL=C.UTF-8
. "$ROOT/tests/e2e/lib.sh"
CHECK="python3 $ROOT/tests/e2e/check_slides.py"

# one deck and translation: slides, then every acceptance check
run_case() {  # NAME PDF TRANSLATION
  name=$1; pdf=$2; tr=$3
  mkdir -p "$T/$name"
  "$DECKHAND" extract -q "$pdf" -o "$T/$name/src.json" || { bad "$name: extract of the source"; return; }
  if ! "$DECKHAND" slides "$pdf" --translations "$tr" -o "$T/$name/out.pdf" 2>"$T/$name/warn"; then
    bad "$name: slides failed: $(head -c 300 "$T/$name/warn")"; return
  fi
  "$DECKHAND" translate -q "$T/$name/src.json" "$tr" -o "$T/$name/tr.json" || { bad "$name: translate"; return; }
  "$DECKHAND" extract -q "$T/$name/out.pdf" -o "$T/$name/out.json" || { bad "$name: extract of the translated slides"; return; }
  if $CHECK "$pdf" "$T/$name/out.pdf" "$T/$name/src.json" "$T/$name/tr.json" "$T/$name/out.json" "$T/$name" "$T/$name/warn" >"$T/$name/report" 2>&1; then
    ok "$name: every check"
  else
    bad "$name: $(grep FAIL "$T/$name/report" | head -3)"
  fi
  sed "s/^/  $name: /" "$T/$name/report"
}

for l in ar zh fr ru es; do
  run_case "sample-$l" "$ROOT/samples/ietf-wsis20.pdf" "$ROOT/samples/translations/ietf-wsis20.$l.po"
  # no stray glyph of the source: LibreOffice's "(" of "(and significantly shaped)" is
  # code 32 of its subset font, which a space rule once left on slide 2
  if [ -f "$T/sample-$l/out.pdf" ] && pdftotext -f 2 -l 2 "$T/sample-$l/out.pdf" - |
     python3 -c 'import sys; sys.exit(0 if any(l.strip(" \t\u202a\u202b\u202c\u202d\u202e\n") == "(" for l in sys.stdin) else 1)'; then
    bad "sample-$l: a lone '(' of the source is left on slide 2"
  else
    ok "sample-$l: no stray source glyph on slide 2"
  fi
  # the document says it is in the translation's language, under the translated title
  if [ -f "$T/sample-$l/out.pdf" ]; then
    lang=$(qpdf --qdf --object-streams=disable "$T/sample-$l/out.pdf" - 2>/dev/null | grep -a '^  /Lang ' | head -n 1)
    title=$(pdfinfo "$T/sample-$l/out.pdf" | sed -n 's/^Title: *//p')
    if [ "$lang" = "  /Lang ($l)" ] && [ -n "$title" ] && [ "$title" != "The IETF and WSIS+20" ]; then
      ok "sample-$l: /Lang ($l), title '$title'"
    else
      bad "sample-$l: catalog '$lang' (want /Lang ($l)), document title '$title' (want the translated title)"
    fi
  fi
done

# a tagged source (Chromium's structure tree): the tree, which describes the source's text
# and not the translation, is not in the output, nor the /MarkInfo that says it is tagged
tagged="$ROOT/tests/cases/extract/chromium-marks.pdf"
if "$DECKHAND" strings pseudo -q --all "$tagged" --format po -o "$T/tagged.po" &&
   "$DECKHAND" slides -q "$tagged" --translations "$T/tagged.po" -o "$T/tagged.pdf"; then
  qpdf --qdf --object-streams=disable "$T/tagged.pdf" "$T/tagged.qdf.pdf" 2>/dev/null
  if grep -aq '/StructTreeRoot\|/MarkInfo\|/StructParent' "$T/tagged.qdf.pdf"; then
    bad "a tagged source: the output keeps its structure tree, which does not describe the translation"
  elif pdftotext "$T/tagged.pdf" - | grep -q '\['; then
    ok "a tagged source: no structure tree in the output, and its pseudo-translation is read from the pages"
  else
    bad "a tagged source: the translation is not read from the output's pages"
  fi
else
  bad "a tagged source: slides failed"
fi

# the untranslated units: listed in one warning, and left on the page
"$DECKHAND" extract -q "$ROOT/samples/ietf-wsis20.pdf" -o "$T/s.json"
awk '/^msgid "Why Engage in WSIS\+20\?"/ {print; getline; print "msgstr \"\""; next} {print}' "$ROOT/samples/translations/ietf-wsis20.fr.po" >"$T/part.po"
"$DECKHAND" slides "$ROOT/samples/ietf-wsis20.pdf" --translations "$T/part.po" -o "$T/part.pdf" 2>"$T/part.err"
if [ "$(grep -c 'untranslated' "$T/part.err")" = 1 ] && pdftotext -f 2 -l 2 "$T/part.pdf" - | grep -q "Why Engage in WSIS+20?"; then
  ok "an untranslated title: one warning, and the source's text stays on the page"
else
  bad "untranslated unit: $(cat "$T/part.err") / $(pdftotext -f 2 -l 2 "$T/part.pdf" - | head -3)"
fi

CORPUS=${DECKHAND_CORPUS:-$ROOT/../shared/corpus/real}
if [ -d "$CORPUS" ]; then
  for n in powerpoint2013-making-cpp-code-beautiful keynote-types-dont-know-hash pdftex-beamer-canonical-class; do
    [ -f "$CORPUS/$n.pdf" ] || continue
    "$DECKHAND" extract -q "$CORPUS/$n.pdf" -o "$T/$n.json"
    "$DECKHAND" strings pseudo --all "$T/$n.json" --format po -o "$T/$n.po" 2>/dev/null
    run_case "$n" "$CORPUS/$n.pdf" "$T/$n.po"
  done
  # `check` of a handout (auto frames: the translated slides) on a +80 % pseudo-translation
  n=pdftex-beamer-canonical-class
  if [ -f "$CORPUS/$n.pdf" ]; then
    ln -sf "$CORPUS/$n.pdf" "$T/$n.pdf"
    "$DECKHAND" strings pseudo --all "$T/$n.json" --expand 80% --format po -o "$T/$n.p80.po" 2>/dev/null
    "$DECKHAND" check "$T/$n.json" --translations "$T/$n.p80.po" >"$T/c80.out" 2>"$T/c80.err"; rc=$?
    if [ "$rc" = 12 ] && [ "$(wc -l <"$T/c80.out")" -gt 10 ]; then
      ok "check +80 % on $n: $(wc -l <"$T/c80.out") units listed, exit 12"
    else
      bad "check +80 % on $n: exit $rc, $(cat "$T/c80.err")"
    fi
  fi
else
  echo "corpus not found at $CORPUS: its three decks skipped"
fi

# --check on a +80 % pseudo-translation: the units cut at the minimum size, exit 12
"$DECKHAND" strings pseudo --all "$T/s.json" --expand 80% --format po -o "$T/p80.po" 2>/dev/null
"$DECKHAND" slides "$ROOT/samples/ietf-wsis20.pdf" --translations "$T/p80.po" --check --min-size 16 >"$T/p80.out" 2>"$T/p80.err"; rc=$?
if [ "$rc" = 12 ] && [ -s "$T/p80.out" ] && ! grep -qv '^slide [0-9]*	s[0-9]*\.\(title\|b[0-9]*\)-[0-9a-f]*	needs [0-9]*% ' "$T/p80.out"; then
  ok "--check +80 %: $(wc -l <"$T/p80.out") units listed at --min-size 16, exit 12"
else
  bad "--check +80 %: exit $rc, $(head -3 "$T/p80.out") $(cat "$T/p80.err")"
fi
"$DECKHAND" slides "$ROOT/samples/ietf-wsis20.pdf" --translations "$ROOT/samples/translations/ietf-wsis20.fr.po" --check >"$T/fr.out" 2>"$T/fr.err"; rc=$?
[ "$rc" = 0 ] && [ ! -s "$T/fr.out" ] && ok "--check French: everything fits (exit 0)" || bad "--check French: exit $rc $(cat "$T/fr.out" "$T/fr.err")"

# text shown by ' and " (next line, then show; " sets the spacings too): the TJ that replaces
# such an operator stays apart from the token before it ("TdT*" is no operator)
python3 - "$T/quote.pdf" <<'PY'
import sys
content = (b"BT /F1 24 Tf 72 700 Td 30 TL (Quarterly results) Tj 0 -40 Td (Revenue grew strongly)'\n"
           b"(Costs stayed flat)' 2 1 (Margins improved)\" ET")
objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
out, offs = b"%PDF-1.4\n", []
for i, o in enumerate(objs):
    offs.append(len(out)); out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
x = len(out); out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for o in offs: out += b"%010d 00000 n \n" % o
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
open(sys.argv[1], "wb").write(out)
PY
"$DECKHAND" strings pseudo -q --all "$T/quote.pdf" --format po -o "$T/quote.po"
if "$DECKHAND" slides -q "$T/quote.pdf" --translations "$T/quote.po" -o "$T/quote.out.pdf" 2>"$T/quote.err"; then
  qpdf --qdf --object-streams=disable "$T/quote.out.pdf" "$T/quote.qdf.pdf" 2>/dev/null
  pdftotext "$T/quote.out.pdf" /dev/null 2>"$T/quote.pt.err"
  if grep -aq ' T\* \[' "$T/quote.qdf.pdf" && ! grep -aq 'TdT\*\|TJT\*\|TJ2 Tw' "$T/quote.qdf.pdf" && ! grep -q 'Unknown operator' "$T/quote.pt.err"; then
    ok "' and \" rewritten as T* [...] TJ, apart from the token before"
  else
    bad "' and \": $(grep -a 'TJ' "$T/quote.qdf.pdf" | head -2) $(head -2 "$T/quote.pt.err")"
  fi
else
  bad "' and \": slides failed: $(cat "$T/quote.err")"
fi
# the page's font is Helvetica without /Widths: its glyphs are measured with the standard
# 14 fonts' metrics (fonts-urw-base35's AFM), so no letter of a source word is left past
# its box (with half an em a letter, "ts" of "results" stayed). The translation is Greek:
# a Latin letter on the page is the source's.
awk 'prev != "msgid \"\"" && /^msgstr "/ { print "msgstr \"ΩΩΩ ΩΩΩ\""; prev = $0; next } { print; prev = $0 }' "$T/quote.po" >"$T/quote.el.po"
"$DECKHAND" slides -q "$T/quote.pdf" --translations "$T/quote.el.po" -o "$T/quote.el.pdf" 2>/dev/null
left=$(pdftotext "$T/quote.el.pdf" - 2>/dev/null | grep '[A-Za-z]' | head -3 | tr '\n' ' ')
if [ -s "$T/quote.el.pdf" ] && [ -z "$left" ] && pdftotext "$T/quote.el.pdf" - | grep -q 'ΩΩΩ'; then
  ok "Helvetica without /Widths: no source letter left"
else
  bad "Helvetica without /Widths: left on the page: $left"
fi

# --pages: those pages only, in order; the file's units of other pages are not unknown ones
"$DECKHAND" slides "$ROOT/samples/ietf-wsis20.pdf" --translations "$ROOT/samples/translations/ietf-wsis20.es.po" --pages 3,2 -o "$T/two.pdf" 2>"$T/two.err"; rc=$?
if [ "$rc" = 0 ] && [ "$(qpdf --show-npages "$T/two.pdf")" = 2 ] && ! grep -q unknown-units "$T/two.err" &&
   pdftotext -f 1 -l 1 "$T/two.pdf" - | grep -q 'participar' && ! pdftotext "$T/two.pdf" - | grep -q 'Why Engage'; then
  ok "--pages 3,2: pages 2 and 3 in order, translated, no unknown-units warning"
else
  bad "--pages 3,2: exit $rc, $(qpdf --show-npages "$T/two.pdf" 2>&1) pages, $(cat "$T/two.err")"
fi
"$DECKHAND" extract -q "$ROOT/samples/ietf-wsis20.pdf" -o "$T/pages.json"
expect 2 "is for a PDF input" -- "$DECKHAND" slides "$T/pages.json" --translations "$ROOT/samples/translations/ietf-wsis20.es.po" --pages 2 -o "$T/p.pdf"

# usage errors: one line, documented exit codes
expect 2 "no translation file" -- "$DECKHAND" slides "$ROOT/samples/ietf-wsis20.pdf" -o "$T/x.pdf"
expect 2 "no output file" -- "$DECKHAND" slides "$ROOT/samples/ietf-wsis20.pdf" --translations "$ROOT/samples/translations/ietf-wsis20.fr.po"
expect 10 "" -- "$DECKHAND" slides "$ROOT/samples/ietf-wsis20.pdf" --translations "$ROOT/samples/translations/ietf-wsis20.fr.po" -o "$ROOT/samples/ietf-wsis20.pdf"
expect 2 "writes no PDF" -- "$DECKHAND" slides "$ROOT/samples/ietf-wsis20.pdf" --translations "$ROOT/samples/translations/ietf-wsis20.fr.po" --check -o "$T/checked.pdf"
[ ! -e "$T/checked.pdf" ] && ok "--check with -o: nothing written" || bad "--check with -o wrote $T/checked.pdf"
summary

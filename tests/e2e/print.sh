#!/bin/sh
# Issue 12: print-ready leaflets and booklets, read back with independent tools (pdfinfo
# -box, qpdf --check, pdffonts, pdftoppm, pdftotext -bbox). Part A: page boxes, preflight;
# B: a rendered page (bleed, crop marks, safe margin); C: imposition (page order read from
# each sheet's text, creep measured); D: leaflets translated (fr, ar) and in vector mode.
# usage: print.sh DECKHAND ROOT [A|B|C|D|all]
DECKHAND=$1; ROOT=$2; PART=${3:-all}
export LC_ALL=C.UTF-8
. "$ROOT/tests/e2e/lib.sh"
PY="python3 $ROOT/tests/e2e/print_check.py"
S="$ROOT/samples/ietf-wsis20.pdf"
A5W=419.53; A5H=595.28; MM3=8.50
unembedded() { pdffonts "$1" 2>/dev/null | tail -n +3 | awk '$(NF-4) != "yes" {print $1}'; }
pages_of() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }
# boxes_ok NAME FILE MARKS(1/0): every page: TrimBox = A5, BleedBox = A5 + 3 mm a side,
# MediaBox larger than the BleedBox with marks, equal without; boxes nested
boxes_ok() {
  n=$(pages_of "$2")
  pdfinfo -box -f 1 -l "$n" "$2" >"$T/box.txt" 2>&1
  $PY boxes "$T/box.txt" >"$T/boxes"
  [ "$(wc -l <"$T/boxes")" = "$n" ] || { bad "$1: pdfinfo -box gave $(wc -l <"$T/boxes") pages of $n"; return; }
  awk -v w=$A5W -v h=$A5H -v b=$MM3 -v marks="$3" '
    function near(a, c) { return a - c < 0.05 && c - a < 0.05 }
    { tw=$8; th=$9; bw=$6; bh=$7; mw=$2; mh=$3
      if (!near(tw, w) || !near(th, h)) { print "page " $1 ": TrimBox " tw " x " th; bad=1 }
      if (!near(bw, w + 2*b) || !near(bh, h + 2*b) || !near($10, b)) { print "page " $1 ": BleedBox " bw " x " bh " bleed " $10; bad=1 }
      if (marks == 1 && !(mw > bw + 10 && mh > bh + 10)) { print "page " $1 ": MediaBox " mw " x " mh " not larger than the BleedBox"; bad=1 }
      if (marks == 0 && !(near(mw, bw) && near(mh, bh))) { print "page " $1 ": MediaBox " mw " x " mh " differs from the BleedBox"; bad=1 }
      if ($11 != 1) { print "page " $1 ": boxes not nested"; bad=1 } }
    END { exit bad }' "$T/boxes" >"$T/why" && ok "$1: $n pages, each TrimBox A5 ($A5W x $A5H), BleedBox +3 mm a side, MediaBox $( [ "$3" = 1 ] && echo larger than || echo equal to) the BleedBox" \
    || bad "$1: $(head -3 "$T/why")"
}

if [ "$PART" = A ] || [ "$PART" = all ]; then
  "$DECKHAND" handout -q "$S" --layout leaflet-a5 --print --event "IGF 2026" --date 2026-03-14 -o "$T/leaf.pdf" 2>"$T/err" || bad "leaflet --print: $(cat "$T/err")"
  boxes_ok "leaflet-a5 --print" "$T/leaf.pdf" 1
  n=$(pages_of "$T/leaf.pdf"); [ $((n % 4)) = 0 ] && ok "leaflet-a5: $n pages, a multiple of 4" || bad "leaflet-a5: $n pages"
  qpdf --check "$T/leaf.pdf" >/dev/null 2>&1 && ok "leaflet --print: qpdf --check" || bad "leaflet: qpdf --check: $(qpdf --check "$T/leaf.pdf" 2>&1 | head -3)"
  [ -z "$(unembedded "$T/leaf.pdf")" ] && ok "leaflet --print: all fonts embedded" || bad "leaflet: not embedded: $(unembedded "$T/leaf.pdf")"
  pdffonts "$T/leaf.pdf" | grep -q DejaVu && ok "pdffonts lists DejaVu" || bad "pdffonts: $(pdffonts "$T/leaf.pdf")"
  expect 0 "preflight passed" -- "$DECKHAND" preflight "$T/leaf.pdf" --booklet
  "$DECKHAND" handout -q "$S" --layout leaflet-a5 --print --marks none -o "$T/leaf-nomarks.pdf" 2>"$T/err" || bad "--marks none: $(cat "$T/err")"
  boxes_ok "leaflet-a5 --print --marks none" "$T/leaf-nomarks.pdf" 0
  expect 0 "preflight passed" -- "$DECKHAND" preflight "$T/leaf-nomarks.pdf"
  # the mark colour: a Separation colour space named All
  qpdf --qdf --object-streams=disable "$T/leaf.pdf" "$T/leaf-qdf.pdf" 2>/dev/null
  tr -d ' \n' <"$T/leaf-qdf.pdf" | grep -aq "/Separation/All/DeviceCMYK" && ok "crop marks in registration colour (/Separation /All)" || bad "no /Separation /All"
  # without --print: preflight fails, with the right lines
  "$DECKHAND" handout -q "$S" --layout notes-3 -o "$T/plain.pdf" 2>/dev/null
  "$DECKHAND" preflight "$T/plain.pdf" >"$T/pf.out" 2>"$T/pf.err"; rc=$?
  [ $rc = 12 ] && ok "preflight on a handout without --print: exit 12" || bad "preflight without --print: exit $rc"
  grep -q "^deckhand: preflight: $T/plain.pdf: page 1: no TrimBox" "$T/pf.out" && ok "preflight: 'page 1: no TrimBox' line" || bad "preflight lines: $(head -3 "$T/pf.out")"
  grep -q "page 1: no BleedBox" "$T/pf.out" && ok "preflight: 'page 1: no BleedBox' line" || bad "no BleedBox line: $(head -3 "$T/pf.out")"
  [ "$(wc -l <"$T/pf.err")" = 2 ] && grep -q "^deckhand: error: .*preflight problem" "$T/pf.err" && ok "preflight: summary and one error line on stderr" || bad "stderr: $(cat "$T/pf.err")"
  # a bleed too small for --bleed 5mm; --booklet with 3 pages; unembedded fonts; a low-resolution image
  "$DECKHAND" preflight "$T/leaf.pdf" --bleed 5mm >"$T/pf.out" 2>/dev/null; rc=$?
  [ $rc = 12 ] && grep -q "page 1: bleed 3.0 mm, 5.0 mm needed" "$T/pf.out" && ok "preflight --bleed 5mm: 'bleed 3.0 mm, 5.0 mm needed'" || bad "--bleed 5mm: $rc $(head -2 "$T/pf.out")"
  python3 "$ROOT/tests/e2e/numbered_pdf.py" 3 "$T/three.pdf"
  "$DECKHAND" preflight "$T/three.pdf" --booklet >"$T/pf.out" 2>/dev/null
  grep -q "3 pages: a saddle-stitched booklet needs a multiple of 4" "$T/pf.out" && ok "preflight --booklet: page count" || bad "--booklet: $(cat "$T/pf.out")"
  grep -q "page 1: font Helvetica is not embedded" "$T/pf.out" && ok "preflight: unembedded Helvetica named once" || bad "font: $(cat "$T/pf.out")"
  [ "$(grep -c "Helvetica" "$T/pf.out")" = 1 ] && ok "a font shared by pages is reported once" || bad "font lines: $(grep -c Helvetica "$T/pf.out")"
  # a raster handout at 150 dpi: preflight measures about 150 dpi for its pictures
  printf 'mode: grid\ngrid: {rows: 3, columns: 2}\nimage: {mode: raster, dpi: 150}\n' >"$T/raster.yaml"
  "$DECKHAND" handout -q "$S" --layout "$T/raster.yaml" -o "$T/raster.pdf" 2>/dev/null
  "$DECKHAND" preflight "$T/raster.pdf" --bleed 0 >"$T/pf.out" 2>"$T/pf.err"
  ppi=$(pdfimages -list "$T/raster.pdf" | awk 'NR == 3 {print $13}')
  grep -Eq "image .* \([0-9]+ x [0-9]+ px\) drawn at .*: $ppi dpi, under 300" "$T/pf.out" && ok "preflight: raster slides at $ppi dpi, as pdfimages -list says ($(grep -m1 'image' "$T/pf.out" | sed 's/.*: image/image/'))" || bad "dpi (pdfimages: $ppi): $(grep -m2 image "$T/pf.out")"
  "$DECKHAND" preflight "$T/raster.pdf" --bleed 0 --min-dpi 140 >"$T/pf.out" 2>/dev/null
  grep -q "dpi, under" "$T/pf.out" && bad "--min-dpi 140 still reports: $(head -1 "$T/pf.out")" || ok "preflight --min-dpi 140: no image line"
  expect 4 "no such file" -- "$DECKHAND" preflight "$T/none.pdf"
  printf 'not a pdf' >"$T/bad.pdf"
  expect 5 "not a PDF file" -- "$DECKHAND" preflight "$T/bad.pdf"
fi

if [ "$PART" = B ] || [ "$PART" = all ]; then
  "$DECKHAND" handout -q "$S" --layout leaflet-a5 --print --event "IGF 2026" -o "$T/leafB.pdf" 2>"$T/err" || bad "leaflet: $(cat "$T/err")"
  # slug = MediaBox margin beyond the trim (from pdfinfo -box)
  pdfinfo -box "$T/leafB.pdf" | awk '/^MediaBox/ {mw=$4} /^TrimBox/ {tl=$2} END {print tl}' >"$T/slug"
  slug=$(cat "$T/slug")
  pdftoppm -r 72 -aa no -aaVector no -f 1 -l 2 "$T/leafB.pdf" "$T/r"
  if $PY render "$T/r-1.ppm" "$slug" $MM3 14.17 "#1f4e79" cover >"$T/res"; then ok "cover page rendered: $(grep -c '^ok' "$T/res") checks: band into the bleed, marks outside it, only background by the trim"; else bad "cover: $(grep FAIL "$T/res")"; fi
  cat "$T/res"
  if $PY render "$T/r-2.ppm" "$slug" $MM3 14.17 "#1f4e79" inside >"$T/res"; then ok "inside page rendered: $(grep -c '^ok' "$T/res") checks"; else bad "inside: $(grep FAIL "$T/res")"; fi
fi

if [ "$PART" = C ] || [ "$PART" = all ]; then
  # expected order, computed here independently: sheets of a signature nest; sheet k (0
  # outermost) of a signature of m sheets holding pages q[0..4m-1] has, front: q[4m-1-2k] |
  # q[2k], back: q[2k+1] | q[4m-2-2k]; blanks (-) go before the last page
  expected() {  # N SIGNATURE RTL
    python3 - "$@" <<'PYEOF'
import sys
n, sig, rtl = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "1"
P = -(-n // 4) * 4
seq = [str(i) for i in range(1, n)] + ["-"] * (P - n) + [str(n)]
S = P // 4; N = sig or S
for first in range(0, S, N):
    m = min(N, S - first); q = seq[4 * first: 4 * (first + m)]
    for k in range(m):
        for l, r in ((q[4 * m - 1 - 2 * k], q[2 * k]), (q[2 * k + 1], q[4 * m - 2 - 2 * k])):
            print(*(r, l) if rtl else (l, r))
PYEOF
  }
  for n in 4 8 12 13 40; do
    python3 "$ROOT/tests/e2e/numbered_pdf.py" $n "$T/n$n.pdf"
    for sig in 0 3; do
      for bind in left right; do
        rtl=0; [ $bind = right ] && rtl=1
        "$DECKHAND" impose -q "$T/n$n.pdf" --signature $sig --binding $bind -o "$T/i.pdf" 2>"$T/err" || { bad "impose $n: $(cat "$T/err")"; continue; }
        pdftotext -bbox "$T/i.pdf" "$T/i.html" 2>/dev/null
        $PY words "$T/i.html" $A5W | awk '{print $1, $2}' >"$T/got"
        expected $n $sig $rtl >"$T/want"
        if cmp -s "$T/got" "$T/want"; then ok "impose $n pages, signature $sig, $bind binding: $(($(wc -l <"$T/want") / 2)) sheets, order read back ($(head -2 "$T/got" | tr '\n' '/'))"
        else bad "impose $n sig $sig $bind: got $(tr '\n' '/' <"$T/got") want $(tr '\n' '/' <"$T/want")"; fi
        w=$(pdfinfo "$T/i.pdf" | awk '/^Page size/ {print $3 "x" $5}')
        [ "$w" = "841.89x595.276" ] || bad "sheet size $w, wanted 841.89x595.276 (A4 landscape: two A5 pages centred on it)"
      done
    done
  done
  # creep: 12 pages, 3 sheets, --creep 2mm: sheet k shifts 1 mm x k toward the spine; the
  # word P<n> is 100 pt from its page's left edge
  "$DECKHAND" impose -q "$T/n12.pdf" --creep 2mm -o "$T/c.pdf" 2>/dev/null
  pdftotext -bbox "$T/c.pdf" "$T/c.html"
  $PY words "$T/c.html" $A5W >"$T/got"
  awk 'BEGIN { mm = 72 / 25.4 }
       { k = int((NR - 1) / 2); s = k * mm
         if ($3 - (100 + s) > 0.05 || (100 + s) - $3 > 0.05) { print "side " NR ": left page at " $3 ", wanted " 100 + s; bad = 1 }
         if ($4 - (100 - s) > 0.05 || (100 - s) - $4 > 0.05) { print "side " NR ": right page at " $4 ", wanted " 100 - s; bad = 1 } }
       END { exit bad }' "$T/got" >"$T/why" && ok "creep 2 mm over 3 sheets: shifts measured 0, 1, 2 mm toward the spine ($(awk '{printf "%s/%s ", $3, $4}' "$T/got"))" || bad "creep: $(cat "$T/why")"
  # creep per signature: 40 pages, --signature 5: sheets 0..4 of each signature, 0.5 mm steps
  "$DECKHAND" impose -q "$T/n40.pdf" --signature 5 --creep 2mm -o "$T/c.pdf" 2>/dev/null
  pdftotext -bbox "$T/c.pdf" "$T/c.html"
  $PY words "$T/c.html" $A5W >"$T/got"
  awk 'BEGIN { mm = 72 / 25.4 } { k = int((NR - 1) / 2) % 5; s = k * 0.5 * mm; d = $3 - (100 + s); if (d > 0.05 || d < -0.05) bad = 1 } END { exit bad }' "$T/got" \
    && ok "creep with signatures of 5 sheets: 0 to 2 mm within each signature" || bad "signature creep: $(head -12 "$T/got" | tr '\n' '/')"
  # marks on imposed sheets: fold and trim marks outside the spread
  "$DECKHAND" impose -q "$T/n8.pdf" --marks crop -o "$T/m.pdf" 2>/dev/null
  pdfinfo -box "$T/m.pdf" | awk '/^MediaBox/ {mw=$4} /^TrimBox/ {tw=$4 - $2} END {exit !(mw > tw + 20)}' && ok "impose --marks crop: MediaBox larger than the spread (TrimBox)" || bad "impose marks: $(pdfinfo -box "$T/m.pdf")"
  qpdf --check "$T/m.pdf" >/dev/null 2>&1 && ok "imposed sheets: qpdf --check" || bad "imposed: qpdf --check"
  expect 2 "need --impose booklet" -- "$DECKHAND" handout "$S" --layout leaflet-a5 --creep 1mm -o "$T/x.pdf"
  expect 2 "not a length" -- "$DECKHAND" impose "$T/n8.pdf" --creep 1furlong -o "$T/x.pdf"
  expect 10 "" -- "$DECKHAND" impose "$T/n8.pdf" -o "$T/n8.pdf"
  # a handout imposed: leaflet of the Arabic deck is bound on the right by itself
  "$DECKHAND" handout -q "$ROOT/samples/ar.pdf" --layout leaflet-a5 --impose booklet -o "$T/ar-sheets.pdf" 2>"$T/err" || bad "ar leaflet imposed: $(cat "$T/err")"
  pdftotext -f 2 -l 2 -bbox "$T/ar-sheets.pdf" "$T/ar.html"
  awk -v w=$A5W '/>2<\/word>/ { split($0, a, "\""); if (a[2] > w) right = 1; else left = 1 } END { exit !(right && !left) }' "$T/ar.html" \
    && ok "Arabic leaflet, --impose booklet: page 2 on the right half of sheet 1's back (right-edge binding, automatic)" || bad "ar binding: $(grep '>2<' "$T/ar.html")"
  "$DECKHAND" handout -q "$ROOT/samples/ar.pdf" --layout leaflet-a5 --impose booklet --binding left -o "$T/ar-left.pdf" 2>/dev/null
  pdftotext -f 2 -l 2 -bbox "$T/ar-left.pdf" "$T/ar.html"
  awk -v w=$A5W '/>2<\/word>/ { split($0, a, "\""); if (a[2] > w) right = 1; else left = 1 } END { exit !(left && !right) }' "$T/ar.html" \
    && ok "--binding left overrides it" || bad "ar --binding left: $(grep '>2<' "$T/ar.html")"
fi

if [ "$PART" = D ] || [ "$PART" = all ]; then
  for lang in fr ar; do
    out="$T/leaf-$lang.pdf"
    if ! "$DECKHAND" handout -q "$S" --layout leaflet-a5 --print --translations "$ROOT/samples/translations/ietf-wsis20.$lang.po" -o "$out" 2>"$T/err"; then
      bad "leaflet $lang: $(cat "$T/err")"; continue; fi
    boxes_ok "leaflet-a5 $lang" "$out" 1
    qpdf --check "$out" >/dev/null 2>&1 && ok "leaflet $lang: qpdf --check" || bad "leaflet $lang: qpdf --check"
    [ -z "$(unembedded "$out")" ] && ok "leaflet $lang: fonts embedded" || bad "leaflet $lang: $(unembedded "$out")"
    expect 0 "preflight passed" -- "$DECKHAND" preflight "$out" --booklet
  done
  pdftotext "$T/leaf-fr.pdf" - | grep -q "L’IETF et le SMSI+20" && ok "leaflet fr: the French title extractable" || bad "leaflet fr text"
  pdftotext "$T/leaf-ar.pdf" - | grep -q "ال" && ok "leaflet ar: Arabic text extractable" || bad "leaflet ar: no Arabic letters"
  pdffonts "$T/leaf-ar.pdf" | grep -q NotoSansArabic && ok "leaflet ar: Noto Sans Arabic used" || bad "leaflet ar fonts: $(pdffonts "$T/leaf-ar.pdf")"
  # vector mode (the default): the cover's title slide is the source page itself, its text searchable twice
  "$DECKHAND" handout -q "$S" --layout leaflet-a5 --print -o "$T/leaf-v.pdf" 2>/dev/null
  [ "$(pdfimages -list "$T/leaf-v.pdf" | tail -n +3 | wc -l)" = "$(pdfimages -list "$S" | tail -n +3 | wc -l)" ] \
    && ok "leaflet (vector frames): no picture added beyond the source's own" || bad "leaflet vector: $(pdfimages -list "$T/leaf-v.pdf" | head -5)"
  printf 'name: leaf-raster\nmode: leaflet\npaper: A5\nprint: {enabled: true}\nimage: {mode: raster, dpi: 300}\n' >"$T/leaf-raster.yaml"
  "$DECKHAND" handout -q "$S" --layout "$T/leaf-raster.yaml" -o "$T/leaf-r.pdf" 2>"$T/err" && expect 0 "preflight passed" -- "$DECKHAND" preflight "$T/leaf-r.pdf" --min-dpi 295 \
    || bad "raster leaflet: $(cat "$T/err")"
  # a translated leaflet shows its chosen slides retypeset (the pictures show the source language)
  pdftotext "$T/leaf-fr.pdf" - | grep -c "L’IETF et le SMSI+20" | grep -q "^2$" && ok "leaflet fr: the cover's slide retypeset in French (title twice)" || bad "leaflet fr cover: $(pdftotext "$T/leaf-fr.pdf" - | head -5)"
  # leaflet-trifold: two A4 landscape sides, panels 100/100/97 mm, content clear of the folds
  "$DECKHAND" handout -q "$S" --layout leaflet-trifold --print --event "IGF 2026" -o "$T/tri.pdf" 2>"$T/err" || bad "trifold: $(cat "$T/err")"
  [ "$(pages_of "$T/tri.pdf")" = 2 ] && ok "leaflet-trifold: 2 pages (outside, inside)" || bad "trifold pages: $(pages_of "$T/tri.pdf")"
  pdfinfo -box "$T/tri.pdf" | awk '/^TrimBox/ {w = $4 - $2; h = $5 - $3} END {exit !(w - 841.89 < 0.05 && 841.89 - w < 0.05 && h - 595.28 < 0.05 && 595.28 - h < 0.05)}' \
    && ok "leaflet-trifold: TrimBox A4 landscape" || bad "trifold trim: $(pdfinfo -box "$T/tri.pdf" | grep TrimBox)"
  # no word within 5 mm of a fold (folds at 97 and 197 mm on the outside, 100 and 200 mm inside; trim at the slug)
  slug=$(pdfinfo -box "$T/tri.pdf" | awk '/^TrimBox/ {print $2}')
  pdftotext -bbox "$T/tri.pdf" "$T/tri.html"
  python3 - "$T/tri.html" "$slug" >"$T/why" <<'PYEOF' && ok "leaflet-trifold: no word within 5 mm of a fold" || bad "trifold folds: $(head -3 "$T/why")"
import re, sys
mm = 72 / 25.4; slug = float(sys.argv[2]); bad = 0
for i, page in enumerate(re.findall(r"<page[^>]*>(.*?)</page>", open(sys.argv[1], encoding="utf-8").read(), re.S)):
    folds = [97 * mm, 197 * mm] if i == 0 else [100 * mm, 200 * mm]
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)<', page):
        x0, x1 = float(m.group(1)) - slug, float(m.group(2)) - slug
        for f in folds:
            if x1 > f - 5 * mm and x0 < f + 5 * mm:
                print("page %d: %r at %.1f-%.1f mm, fold at %.0f mm" % (i + 1, m.group(3), x0 / mm, x1 / mm, f / mm)); bad = 1
sys.exit(bad)
PYEOF
  expect 0 "preflight passed" -- "$DECKHAND" preflight "$T/tri.pdf"
  # booklet-a5
  "$DECKHAND" handout -q "$S" --layout booklet-a5 --print -o "$T/bk.pdf" 2>"$T/err" || bad "booklet-a5: $(cat "$T/err")"
  boxes_ok "booklet-a5 --print" "$T/bk.pdf" 1
  n=$(pages_of "$T/bk.pdf"); [ $((n % 4)) = 0 ] && ok "booklet-a5: $n pages" || bad "booklet-a5: $n pages"
fi
summary

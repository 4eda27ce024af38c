#!/bin/sh
# Issue 9, point 4: slides placed as vector pages (image.mode: vector, the default), read
# back with independent tools. For every built-in layout on every sample (and, with a
# third argument "corpus", on every deck of ../shared/corpus/real, skipped when absent;
# there four layouts unless DECKHAND_LAYOUTS=all):
# qpdf --check; every font embedded; no warning from pdftotext, pdffonts or mutool; the
# images pdfimages lists are only the source's own (none added: each has the size of an
# image of the source, and there are no more of them than the source holds). Then: a
# slide's text is extractable from the handout; the same bytes on repeat and with -j 1 and
# -j 2; raster mode still makes one picture a frame; letterboxed and encrypted sources.
DECKHAND=$1; ROOT=$2; WHAT=${3:-samples}
export LC_ALL=C.UTF-8
. "$ROOT/tests/e2e/lib.sh"
LAYOUTS="notes-3 grid-2 grid-4 grid-6 grid-9 slides-1 outline outline-thumbs leaflet-a5 leaflet-trifold booklet-a5"
CORPUS=${DECKHAND_CORPUS:-$ROOT/../shared/corpus/real}
if [ "$WHAT" = corpus ]; then
  if [ ! -d "$CORPUS" ]; then echo "corpus not found at $CORPUS: skipped"; exit 77; fi
  DECKS=$(ls "$CORPUS"/*.pdf)
  # four layouts that cover every kind of frame (DECKHAND_LAYOUTS=all for all eleven: ~20 min)
  [ "${DECKHAND_LAYOUTS:-}" = all ] || LAYOUTS="notes-3 grid-6 slides-1 outline-thumbs"
else
  DECKS=$(ls "$ROOT"/samples/*.pdf)
fi

# image sizes "WxH" of a PDF, one a line (pdfimages -list: columns 4 and 5)
sizes() { pdfimages -list "$1" 2>/dev/null | tail -n +3 | awk '$3 == "image" {print $4 "x" $5}'; }
# fonts a PDF does not embed, by name without the subset tag
unembedded() { pdffonts "$1" 2>/dev/null | tail -n +3 | awk '$(NF-4) != "yes" {print $1}' | sed 's/^[A-Z]\{6\}+//' | sort -u; }

for f in $DECKS; do
  n=$(basename "$f" .pdf)
  sizes "$f" | sort -u >"$T/src-sizes"
  src_images=$(pdfimages -list "$f" 2>/dev/null | tail -n +3 | wc -l)
  unembedded "$f" >"$T/src-unemb"
  for l in $LAYOUTS; do
    out="$T/$n-$l.pdf"
    if ! "$DECKHAND" handout "$f" --layout "$l" -o "$out" 2>"$T/err"; then bad "$n $l: handout failed: $(head -c 300 "$T/err")"; continue; fi
    qpdf --check "$out" >/dev/null 2>&1 && ok "$n $l: qpdf --check" || bad "$n $l: qpdf --check: $(qpdf --check "$out" 2>&1 | head -3)"
    # every font embedded: a slide whose source page uses a font the source does not embed
    # is placed as a picture, with a warning naming the font (docs/layouts.md)
    unembedded "$out" >"$T/unemb"
    if [ -s "$T/unemb" ]; then bad "$n $l: fonts not embedded: $(tr '\n' ' ' <"$T/unemb")"
    else ok "$n $l: all fonts embedded"; fi
    pictured=0
    if [ -s "$T/src-unemb" ] && grep -q "font-not-embedded" "$T/err"; then
      pictured=1; ok "$n $l: the source's unembedded fonts are named: $(grep -o 'does not embed [^:]*' "$T/err" | head -1)"
    # (leaflets show only chosen slides: the slides with those fonts may not be among them,
    # and "all fonts embedded" above holds for what they show)
    elif [ -s "$T/src-unemb" ] && [ "${l#leaflet-}" = "$l" ] && "$DECKHAND" handout -q "$f" --layout "$l" --dump layout | jq -e '[.pages[].images[]?] | length > 0' >/dev/null; then
      bad "$n $l: the source does not embed $(tr '\n' ' ' <"$T/src-unemb") and no warning says so"
    fi
    quiet "$n $l: pdffonts" pdffonts "$out"
    quiet "$n $l: pdftotext" pdftotext "$out" "$T/out.txt"
    quiet "$n $l: mutool" mutool draw -q -o "$T/mu-%d.png" -r 20 "$out"
    rm -f "$T"/mu-*.png
    images=$(pdfimages -list "$out" 2>/dev/null | tail -n +3 | wc -l)
    foreign=$(sizes "$out" | sort -u | comm -23 - "$T/src-sizes" | tr '\n' ' ')
    if [ "$pictured" = 1 ]; then
      [ "$images" -gt 0 ] && ok "$n $l: $images images: the slides with unembedded fonts as pictures" || bad "$n $l: no picture for the slides with unembedded fonts"
    elif [ -n "$foreign" ]; then bad "$n $l: images the source does not have: $foreign"
    elif [ "$images" -gt "$src_images" ]; then bad "$n $l: $images images, the source has $src_images"
    else ok "$n $l: $images images, all the source's own ($src_images in the source)"; fi
    # a slide's text stays extractable: the longest words of the source's first pages are
    # in the handout's text (vector frames carry the slide's own text; not for slides
    # placed as pictures, nor for outline, which retypesets)
    # (and not for leaflets, which show chosen slides, not the first pages)
    if [ "$pictured" = 0 ] && [ "$l" != outline ] && [ "${l#leaflet-}" = "$l" ]; then
      pdftotext -l 3 "$f" - 2>/dev/null | tr -s ' \t\f' '\n\n\n' | awk 'length($0) >= 7 && $0 !~ /[[:punct:][:digit:]]/' | head -3 >"$T/words"
      # spaces left out: at a frame's scale pdftotext may split a word of spaced letters
      pdftotext "$out" - 2>/dev/null | tr -d ' \t\n\f' >"$T/out.txt"
      missing=$(while read -r w; do grep -qF -- "$w" "$T/out.txt" || printf '%s ' "$w"; done <"$T/words")
      if [ ! -s "$T/words" ]; then ok "$n $l: (no word of 7+ letters on the first pages to look for)"
      elif [ -z "$missing" ]; then ok "$n $l: slide text extractable ($(tr '\n' ' ' <"$T/words"))"
      else bad "$n $l: slide words not extractable from the handout: $missing"; fi
    fi
  done
done

if [ "$WHAT" = corpus ]; then
  # a letterboxed deck (PScript5: 16:9 slides on landscape Letter, /Rotate 90): the frames
  # show the slide, cut out of the sheet, in both modes
  R="$CORPUS/ghostscript-pscript5-rotated-four-year-bug.pdf"
  if [ -f "$R" ]; then
    c=$("$DECKHAND" handout -q "$R" --layout grid-6 --dump layout | jq -c '.pages[0].images[0].crop')
    [ "$c" = "[0,83.25,792,528.75]" ] && ok "letterbox: the frame shows the slide's part of the sheet $c" || bad "letterbox crop: $c"
    "$DECKHAND" handout -q "$R" --layout grid-6 -o "$T/lb-v.pdf"
    sed '/^image:/d' "$ROOT/layouts/grid-6.yaml" >"$T/grid-6-raster.yaml"; printf 'image: {mode: raster, dpi: 100}\n' >>"$T/grid-6-raster.yaml"
    "$DECKHAND" handout -q "$R" --layout "$T/grid-6-raster.yaml" -o "$T/lb-r.pdf"
    # the two modes draw the same page: compare them at 20 dpi, grey, pixel by pixel
    pdftoppm -r 20 -gray -f 1 -l 1 "$T/lb-v.pdf" "$T/lbv" && pdftoppm -r 20 -gray -f 1 -l 1 "$T/lb-r.pdf" "$T/lbr"
    d=$(python3 -c "
import sys
def px(p):
    b=open(p,'rb').read().split(b'\n',3)
    return b[3]
a=px(sys.argv[1]); b=px(sys.argv[2])
print(sum(abs(x-y) for x,y in zip(a,b))/len(a))" "$T"/lbv-1.pgm "$T"/lbr-1.pgm)
    [ "$(echo "$d < 4" | bc)" = 1 ] && ok "letterbox: vector and raster pages look the same (mean grey difference $d)" || bad "letterbox: vector and raster differ (mean grey difference $d)"
  fi
  summary; exit
fi

S=$ROOT/samples/ietf-wsis20.pdf
# the default is vector: no picture added, and the slide's own text is in the handout
"$DECKHAND" handout -q "$S" --layout grid-6 --dump layout >"$T/dump.json"
[ "$(jq '[.pages[].images[] | select(.mode == "vector")] | length' "$T/dump.json")" = 7 ] && ok "grid-6: 7 vector frames in the laid-out pages (7 slides)" || bad "grid-6 dump: $(jq -c '.pages[0].images' "$T/dump.json")"
"$DECKHAND" handout -q "$S" --layout grid-6 -o "$T/g.pdf"
pdftotext "$T/g.pdf" - | grep -q "IETF doesn’t need a license to operate\|IETF doesn't need a license to operate" \
  && ok "grid-6: a slide's body text is extractable (pdftotext)" || bad "grid-6: slide text not extractable: $(pdftotext "$T/g.pdf" - | head -5)"
# the same bytes on repeat, and with one worker and two
"$DECKHAND" handout -q "$S" --layout grid-6 -o "$T/g-again.pdf"
cmp -s "$T/g.pdf" "$T/g-again.pdf" && ok "vector: identical bytes on a second run" || bad "vector: output differs between runs"
"$DECKHAND" handout -q -j 1 "$ROOT/samples/features.pdf" --layout notes-3 -o "$T/j1.pdf" && "$DECKHAND" handout -q -j 2 "$ROOT/samples/features.pdf" --layout notes-3 -o "$T/j2.pdf"
cmp -s "$T/j1.pdf" "$T/j2.pdf" && ok "vector: identical bytes with -j 1 and -j 2" || bad "vector: -j 1 and -j 2 differ"
pdfinfo "$T/g.pdf" | grep -q CreationDate && bad "vector: a timestamp without --date" || ok "vector: no timestamp without --date"

# raster mode still works: one picture a frame, at the layout's dpi
sed '/^image:/d' "$ROOT/layouts/grid-6.yaml" >"$T/raster.yaml"; printf 'image: {mode: raster, dpi: 150}\n' >>"$T/raster.yaml"
"$DECKHAND" handout -q "$S" --layout "$T/raster.yaml" -o "$T/r.pdf"
[ "$(pdfimages -list "$T/r.pdf" | tail -n +3 | wc -l)" = 7 ] && ok "raster: 7 pictures for 7 frames" || bad "raster: $(pdfimages -list "$T/r.pdf" | tail -n +3 | wc -l) pictures"
qpdf --check "$T/r.pdf" >/dev/null 2>&1 && ok "raster: qpdf --check" || bad "raster: qpdf --check"
"$DECKHAND" handout -q "$S" --layout "$T/raster.yaml" --dump layout | jq -e '.pages[0].images[0] | .mode == "raster" and (.pixels | length == 2)' >/dev/null \
  && ok "raster: the laid-out pages say raster, with pixels" || bad "raster dump"
# a bad mode is a layout error (exit 9), on one line
sed '/^image:/d' "$ROOT/layouts/grid-6.yaml" >"$T/bad.yaml"; printf 'image: {mode: bitmap}\n' >>"$T/bad.yaml"
expect 9 "image.mode.*vector.*raster" -- "$DECKHAND" handout "$S" --layout "$T/bad.yaml" -o "$T/bad.pdf"

# overlays (Beamer): only each frame's last page, or all with --keep-overlays, as vector
B=$ROOT/samples/beamer.pdf
a=$("$DECKHAND" handout -q "$B" --layout grid-9 --dump layout | jq '[.pages[].images[]] | length')
k=$("$DECKHAND" handout -q "$B" --layout grid-9 --keep-overlays --dump layout | jq '[.pages[].images[]] | length')
"$DECKHAND" handout -q "$B" --layout grid-9 --keep-overlays -o "$T/b.pdf" && qpdf --check "$T/b.pdf" >/dev/null 2>&1 \
  && [ "$k" -gt "$a" ] && ok "overlays: $a frames, $k with --keep-overlays, vector PDF valid" || bad "overlays: $a / $k"
# --pages (extract): only the chosen slides, from the deck JSON
"$DECKHAND" extract -q "$S" --pages 2-3 -o "$T/p.json"
"$DECKHAND" handout -q "$T/p.json" --source "$S" --layout grid-6 -o "$T/p.pdf" && pdftotext "$T/p.pdf" - >"$T/p.txt"
grep -q "Why Engage" "$T/p.txt" && ! grep -q "Building Blocks" "$T/p.txt" && ok "--pages 2-3: those slides only, as vector pages" || bad "--pages 2-3: $(head -5 "$T/p.txt")"

# an encrypted source: qpdf opens it with the password; the handout is not encrypted
qpdf --encrypt user owner 256 -- "$S" "$T/enc.pdf"
"$DECKHAND" handout -q "$T/enc.pdf" --password user --layout grid-6 -o "$T/e.pdf" 2>"$T/err" || bad "encrypted: $(cat "$T/err")"
qpdf --show-encryption "$T/e.pdf" 2>&1 | grep -q "not encrypted" && ok "encrypted source: the handout is not encrypted" || bad "encrypted: $(qpdf --show-encryption "$T/e.pdf" 2>&1 | head -2)"
pdftotext "$T/e.pdf" - | grep -q "Why Engage" && ok "encrypted source: slide text placed" || bad "encrypted source: no slide text"
# a source that does not embed its font (Helvetica, page 2 of 3): that slide becomes a
# picture, with a warning naming the font; the others stay vector; every font embedded
python3 - "$T/unemb.pdf" <<'PY'
import sys
def page(text, font):
    c = b"BT /F1 36 Tf 72 300 Td (" + text + b") Tj ET" if font else b"0 0 1 rg 72 72 200 200 re f"
    return c
objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R 5 0 R 7 0 R] /Count 3 >>"]
body = {}
for k, (t, f) in enumerate([(b"A first slide", False), (b"Unembedded Helvetica text", True), (b"A third slide", False)]):
    c = page(t, f)
    res = b"/Resources << /Font << /F1 9 0 R >> >>" if f else b""
    objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 960 540] " + res + b" /Contents %d 0 R >>" % (len(objs) + 2))
    objs.append(b"<< /Length %d >>\nstream\n" % len(c) + c + b"\nendstream")
objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
out = bytearray(b"%PDF-1.4\n"); offs = []
for i, o in enumerate(objs):
    offs.append(len(out)); out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
x = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for o in offs: out += b"%010d 00000 n \n" % o
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
open(sys.argv[1], "wb").write(out)
PY
[ -n "$(unembedded "$T/unemb.pdf")" ] && ok "unembedded-font sample: pdffonts lists $(unembedded "$T/unemb.pdf")" || bad "the unembedded-font sample embeds its font?"
"$DECKHAND" handout "$T/unemb.pdf" --layout grid-6 -o "$T/u.pdf" 2>"$T/err"
grep -q "does not embed 1 font (Helvetica): 1 slide (2) placed as pictures.*font-not-embedded" "$T/err" \
  && ok "unembedded font: one warning names the font and the slide" || bad "unembedded font warning: $(cat "$T/err")"
[ -z "$(unembedded "$T/u.pdf")" ] && ok "unembedded font: every font of the handout embedded" || bad "unembedded font: $(unembedded "$T/u.pdf") not embedded"
[ "$(pdfimages -list "$T/u.pdf" | tail -n +3 | wc -l)" = 1 ] && ok "unembedded font: one picture (slide 2), the other slides vector" || bad "unembedded font: $(pdfimages -list "$T/u.pdf" | tail -n +3 | wc -l) pictures"
qpdf --check "$T/u.pdf" >/dev/null 2>&1 && ok "unembedded font: qpdf --check" || bad "unembedded font: qpdf --check"
"$DECKHAND" --strict -q handout "$T/unemb.pdf" --layout grid-6 -o "$T/u2.pdf"; rc=$?
[ "$rc" = 3 ] && [ ! -e "$T/u2.pdf" ] && ok "unembedded font with --strict: exit 3, nothing written" || bad "unembedded font --strict: exit $rc"
summary

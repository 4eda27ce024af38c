#!/bin/sh
# Handouts read back with independent tools: qpdf --check, pdffonts (all fonts embedded
# and subset), pdfinfo (page count and paper), pdftotext (the outline's text in order),
# pdftoppm and mutool (no warnings); byte-identical repeat runs; bad layout files.
DECKHAND=$1; ROOT=$2
export LC_ALL=C.UTF-8
. "$ROOT/tests/e2e/lib.sh"
S=$ROOT/samples/ietf-wsis20.pdf


for spec in notes-3:3:595.28x841.89 grid-2:4:595.28x841.89 grid-4:2:841.89x595.28 grid-6:2:595.28x841.89 \
            grid-9:1:595.28x841.89 slides-1:7:595.28x841.89 outline:2:595.28x841.89 outline-thumbs:2:595.28x841.89; do
  l=${spec%%:*}; rest=${spec#*:}; pages=${rest%%:*}; size=${rest#*:}
  out="$T/$l.pdf"
  if ! "$DECKHAND" handout -q "$S" --layout "$l" --event "IGF 2026" --date 2026-03-14 -o "$out"; then bad "$l: handout failed"; continue; fi
  qpdf --check "$out" >/dev/null 2>&1 && ok "$l: qpdf --check" || bad "$l: qpdf --check: $(qpdf --check "$out" 2>&1 | head -3)"
  n=$(pdfinfo "$out" | awk '/^Pages:/ {print $2}')
  [ "$n" = "$pages" ] && ok "$l: $n pages" || bad "$l: $n pages, wanted $pages"
  sz=$(pdfinfo "$out" | awk '/^Page size:/ {print $3 "x" $5}')
  [ "$sz" = "$size" ] && ok "$l: paper $sz" || bad "$l: paper $sz, wanted $size"
  fonts=$(pdffonts "$out" 2>/dev/null | tail -n +3)
  if [ -z "$fonts" ]; then bad "$l: no fonts"; fi
  echo "$fonts" | awk '{ if ($(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes") exit 1 }' \
    && ok "$l: fonts embedded, subset, with ToUnicode" || bad "$l: fonts: $fonts"
  quiet "$l: pdffonts" pdffonts "$out"
  quiet "$l: pdftotext" pdftotext "$out" "$T/$l.txt"
  quiet "$l: pdftoppm" pdftoppm -r 30 -png "$out" "$T/$l-img"
  quiet "$l: mutool" mutool draw -q -o "$T/$l-mu-%d.png" -r 30 "$out"
done

# the outline returns every title and block of the deck, in order
"$DECKHAND" extract -q "$S" -o "$T/deck.json"
tr -s ' \n' '  ' <"$T/outline.txt" >"$T/outline.flat"
jq -r '.slides[] | .title, .blocks[].text' "$T/deck.json" | grep -v '^$' >"$T/expected"
missing=0; rest=$(cat "$T/outline.flat")
while IFS= read -r line; do
  case "$rest" in
    *"$line"*) rest=${rest#*"$line"} ;;
    *) missing=$((missing + 1)); echo "not found in order: $line" ;;
  esac
done <"$T/expected"
[ "$missing" = 0 ] && ok "outline: every title and block, in order ($(wc -l <"$T/expected") strings)" || bad "outline: $missing strings missing or out of order"

# the same inputs give the same bytes
"$DECKHAND" handout -q "$S" --layout notes-3 --event "IGF 2026" --date 2026-03-14 -o "$T/again.pdf"
cmp -s "$T/notes-3.pdf" "$T/again.pdf" && ok "notes-3: identical bytes on a second run" || bad "notes-3: output differs between runs"
"$DECKHAND" handout -q -j 1 "$S" --layout grid-6 -o "$T/g1.pdf" && "$DECKHAND" handout -q -j 2 "$S" --layout grid-6 -o "$T/g2.pdf"
cmp -s "$T/g1.pdf" "$T/g2.pdf" && ok "grid-6: identical bytes on one thread and two" || bad "grid-6: -j 1 and -j 2 differ"
pdfinfo "$T/g1.pdf" | grep -q CreationDate && bad "a timestamp without --date" || ok "no timestamp without --date"

# metadata, bookmarks, page labels
pdfinfo "$T/notes-3.pdf" | grep -q "^Title: *The IETF and WSIS+20" && ok "Title from the deck" || bad "Title"
pdfinfo "$T/notes-3.pdf" | grep -q "^Creator: *deckhand [0-9]" && ok "Creator deckhand <version>" || bad "Creator"
qpdf --json --json-key=outlines "$T/notes-3.pdf" >"$T/outlines.json" 2>/dev/null
[ "$(jq '[.outlines[] | ., .kids[]?] | length' "$T/outlines.json")" = 7 ] && ok "7 bookmarks" || bad "bookmarks: $(jq -c '.outlines' "$T/outlines.json" | head -c 300)"
[ "$(jq -r '.outlines[3].title' "$T/outlines.json")" = "The IETF Message to WSIS+20" ] && [ "$(jq '.outlines[3].kids | length' "$T/outlines.json")" = 3 ] \
  && ok "the section bookmark holds its 3 slides" || bad "section bookmark: $(jq -c '.outlines[3]' "$T/outlines.json" | head -c 300)"
qpdf --json --json-key=pagelabels "$T/notes-3.pdf" | jq -e '.pagelabels | length > 0' >/dev/null && ok "page labels" || bad "page labels"

# an edited deck JSON renders the edited text; its PDF is found through "source"
cp "$S" "$T/talk.pdf"
"$DECKHAND" extract -q "$T/talk.pdf" -o "$T/talk.json"
sed 's/Why Engage in WSIS+20?/Why we take part/' "$T/talk.json" >"$T/edited.json"
"$DECKHAND" handout -q "$T/edited.json" --layout outline -o "$T/edited.pdf" && pdftotext "$T/edited.pdf" - | grep -q "Why we take part" \
  && ok "edited deck JSON renders the edit" || bad "edited deck JSON"
mv "$T/talk.pdf" "$T/moved.pdf"
# issue 9: outline draws no slide picture, so the deck JSON alone is enough; grid-4 needs the PDF
"$DECKHAND" handout -q "$T/edited.json" --layout outline -o "$T/nosrc.pdf" && pdftotext "$T/nosrc.pdf" - | grep -q "Why we take part" \
  && ok "outline from a deck JSON without its PDF" || bad "outline without the PDF"
expect 4 "cannot find the deck's PDF" -- "$DECKHAND" handout "$T/edited.json" --layout grid-4 -o "$T/nosrc.pdf"
"$DECKHAND" handout -q "$T/edited.json" --source "$T/moved.pdf" --layout grid-4 -o "$T/src.pdf" && ok "--source" || bad "--source"

# Beamer overlays: only each frame's last page unless --keep-overlays
B=$ROOT/samples/beamer.pdf
n1=$("$DECKHAND" handout -q "$B" --layout grid-9 --dump layout | jq '.pages[0].images | length')
n2=$("$DECKHAND" handout -q "$B" --layout grid-9 --keep-overlays --dump layout | jq '.pages[0].images | length')
[ "$n1" = 4 ] && [ "$n2" = 5 ] && ok "overlays skipped (4 of 5 pages), kept on request" || bad "overlays: $n1 / $n2"

# --paper, --list-layouts
"$DECKHAND" handout -q "$S" --layout grid-6 --paper Letter -o "$T/letter.pdf"
pdfinfo "$T/letter.pdf" | grep -q "612 x 792" && ok "--paper Letter" || bad "--paper Letter"
"$DECKHAND" handout --list-layouts | grep -q "^notes-3 " && ok "--list-layouts" || bad "--list-layouts"

# the example in docs/layouts.md works as documented
sed -n '/^```yaml$/,/^```$/p' "$ROOT/docs/layouts.md" | sed '1d;$d' >"$T/booklet-a5.yaml"
"$DECKHAND" handout -q "$S" --layout "$T/booklet-a5.yaml" -o "$T/booklet.pdf" && pdfinfo "$T/booklet.pdf" | grep -q "595.28 x 419.53" \
  && ok "the docs' example layout (A5 landscape)" || bad "docs example layout"

# a user's layout file, and bad ones
printf 'name: mine\nmode: grid\npaper: A5\ngrid: {rows: 2, columns: 1}\n' >"$T/mine.yaml"
"$DECKHAND" handout -q "$S" --layout "$T/mine.yaml" -o "$T/mine.pdf" && [ "$(pdfinfo "$T/mine.pdf" | awk '/^Pages:/ {print $2}')" = 4 ] \
  && ok "a user's layout file" || bad "user layout"
printf 'mode: grid\ngrid:\n  rows: 3\n  colums: 2\n' >"$T/typo.yaml"
expect 9 "^deckhand: error: .*typo.yaml:4: key 'grid.colums': unknown key \(allowed here: .*\) \(see [^ ]*/layouts\.md\)$" -- \
  "$DECKHAND" handout "$S" --layout "$T/typo.yaml" -o "$T/typo.pdf"
[ ! -e "$T/typo.pdf" ] && ok "no output for a bad layout" || bad "output left for a bad layout"
expect 9 "no such layout" -- "$DECKHAND" handout "$S" --layout notes-4 -o "$T/x.pdf"
expect 10 "overwrite the input" -- "$DECKHAND" handout "$S" --layout notes-3 -o "$S"

# a word wider than the column (a long URL) is broken where the line is full, never run past
# the page (it ran 300 pt past the A4 edge), and loses no character
URL=https://stackoverflow.com/questions/48455244/sorting-a-vector-of-a-custom-class-with-stdsort-causes-a-segmentation-fault-in-release-builds-only
printf '{"schema":"deckhand.deck/1","title":"Long words","slides":[{"id":"s1","page":1,"title":"Links","size":[720,405],"blocks":[{"id":"s1.b1","level":1,"text":"%s"}]}]}\n' "$URL" >"$T/long.json"
if "$DECKHAND" handout -q "$T/long.json" --layout outline -o "$T/long.pdf" 2>"$T/long.err"; then
  over=$(pdftotext -bbox "$T/long.pdf" - | awk -F'"' '/<word / && $6 + 0 > 595.28 + 0.5 {print $6}' | head -3)
  [ -z "$over" ] && ok "outline: a word wider than the column stays on the page" || bad "outline: words past the page edge (xMax $over)"
  # (a line that ends with the text's own hyphen carries U+200B after it: text-setting.md)
  txt=$(pdftotext "$T/long.pdf" - | tr -d '\n ' | sed 's/\xe2\x80\x8b//g')
  case "$txt" in *"$URL"*) ok "outline: the long URL whole, line by line" ;; *) bad "outline: the long URL is not whole: $(echo "$txt" | head -c 300)" ;; esac
else bad "outline of a long URL: $(head -c 300 "$T/long.err")"; fi
# a code listing is never hyphenated ("__normal_itera-tor" is no identifier); the same words
# as a bullet are
W=$(for i in 1 2 3 4 5 6; do printf 'configuration_representation transformation initialization internationalization responsibilities communication '; done)
printf '{"schema":"deckhand.deck/1","lang":"en","title":"Code","slides":[{"id":"s1","page":1,"title":"Code","size":[720,405],"blocks":[{"id":"s1.b1","text":"%s","code":true},{"id":"s1.b2","level":1,"text":"%s"}]}]}\n' "$W" "$W" >"$T/code.json"
if "$DECKHAND" handout -q "$T/code.json" --layout outline -o "$T/code.pdf" 2>"$T/code.err"; then
  pdftotext -raw "$T/code.pdf" "$T/code.txt"
  code_h=$(sed -n '/^configuration/,/^•/p' "$T/code.txt" | grep -v '^•' | grep -c -- '[a-z]-$')
  prose_h=$(sed -n '/^•/,$p' "$T/code.txt" | grep -c -- '[a-z]-$')
  [ "$code_h" = 0 ] && [ "$prose_h" -gt 0 ] && ok "outline: a code listing is not hyphenated ($prose_h hyphens in the same words as prose)" ||
    bad "outline: $code_h line-end hyphens in the code listing, $prose_h in the prose (want 0 and some)"
  # in the layout's monospaced face (fonts.mono, DejaVu Sans Mono), and only the code: the
  # long-URL handout above, which has none, embeds no such font
  if pdffonts "$T/code.pdf" | grep -q "DejaVuSansMono" && ! pdffonts "$T/long.pdf" | grep -q "DejaVuSansMono"; then
    ok "outline: the code listing in DejaVu Sans Mono, prose not"
  else bad "outline: monospaced face: code.pdf: $(pdffonts "$T/code.pdf" | tail -n +3 | awk '{print $1}' | tr '\n' ' '); long.pdf: $(pdffonts "$T/long.pdf" | tail -n +3 | awk '{print $1}' | tr '\n' ' ')"; fi
else bad "outline of a code listing: $(head -c 300 "$T/code.err")"; fi

ls "$T" | grep -q '\.tmp-' && bad "temporary files left" || ok "no temporary files left"
summary

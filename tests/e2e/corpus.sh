#!/bin/sh
# Every real-world deck in ../shared/corpus/real extracts with exit 0 and one slide per
# page, and makes a grid-6 handout that qpdf accepts. Skipped (exit 77) when the corpus
# is not there. Prints a summary table.
DECKHAND=$1; ROOT=$2
export LC_ALL=C.UTF-8
CORPUS=${DECKHAND_CORPUS:-$ROOT/../shared/corpus/real}
if [ ! -d "$CORPUS" ]; then echo "corpus not found at $CORPUS: skipped"; exit 77; fi
. "$ROOT/tests/e2e/lib.sh"
printf '%-50s %5s %6s %6s %6s %7s %4s\n' file pages slides titles blocks overlays lang
for f in "$CORPUS"/*.pdf; do
  n=$(basename "$f")
  if ! "$DECKHAND" extract -q "$f" -o "$T/d.json" 2>"$T/err"; then bad "$n: exit $? $(cat "$T/err")"; continue; fi
  pages=$(qpdf --show-npages "$f" 2>/dev/null)
  slides=$(jq '.slides | length' "$T/d.json")
  titles=$(jq '[.slides[] | select(.title != "")] | length' "$T/d.json")
  blocks=$(jq '[.slides[].blocks | length] | add' "$T/d.json")
  overlays=$(jq '[.slides[] | select(.overlay_of != null)] | length' "$T/d.json")
  lang=$(jq -r '.lang' "$T/d.json")
  printf '%-50s %5s %6s %6s %6s %7s %4s\n' "$n" "$pages" "$slides" "$titles" "$blocks" "$overlays" "$lang"
  if [ "$slides" = "$pages" ]; then ok "$n: $slides slides = $pages pages"; else bad "$n: $slides slides for $pages pages"; fi
  if jq -r '.slides[] | .title, .blocks[].text' "$T/d.json" | grep -q "$(printf '\t')"; then bad "$n: tab in text"; fi
  if jq -r '.slides[] | .title, .blocks[].text' "$T/d.json" | grep -qP '[\x{E000}-\x{F8FF}]'; then bad "$n: PUA in text"; fi
  # and a handout of it, from the deck JSON, that qpdf accepts
  if "$DECKHAND" handout -q "$T/d.json" --source "$f" --layout grid-6 -o "$T/h.pdf" 2>"$T/err" && qpdf --check "$T/h.pdf" >/dev/null 2>&1; then
    ok "$n: grid-6 handout"
  else
    bad "$n: grid-6 handout: $(head -c 300 "$T/err")"
  fi
done
# the PScript5 deck: Letter pages with /Rotate 90, the slide letterboxed on the sheet
R="$CORPUS/ghostscript-pscript5-rotated-four-year-bug.pdf"
if [ -f "$R" ]; then
  "$DECKHAND" extract -q "$R" -o "$T/r.json"
  [ "$(jq -r '.slides[1].title' "$T/r.json")" = "The Beginning" ] && ok "rotated deck: slide 2 title read across the page" || bad "rotated deck title: $(jq -r '.slides[1].title' "$T/r.json")"
  jq -r '.slides[1:12][].blocks[].text' "$T/r.json" | grep -q "KEVIN CARPENTER" && bad "rotated deck: footer left in the text" || ok "rotated deck: letterboxed footer removed as furniture (slides 2-12; the last slide's differs)"
fi
summary

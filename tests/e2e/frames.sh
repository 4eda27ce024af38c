#!/bin/sh
# Acceptance (issue 8): every built-in grid layout, its frames retypeset, in the six
# languages (the sample deck and its translations, and the Russian, Chinese and Arabic
# samples), with a +60 % pseudo-translation, on every sample and on the Marp and Keynote
# decks of the corpus (skipped when absent): no text outside its frame, no two text boxes
# overlapping, nothing under 5 pt, checked on the laid-out pages (--dump layout).
DECKHAND=$1; ROOT=$2
export LC_ALL=C.UTF-8
. "$ROOT/tests/e2e/lib.sh"
TR=$ROOT/samples/translations
CORPUS=${DECKHAND_CORPUS:-$ROOT/../shared/corpus/real}
textify() { sed -e 's/^cell: {/cell: {content: text, /' -e 's/^cell:$/cell:\n  content: text/' "$1"; }
layouts=""
for f in "$ROOT"/layouts/*.yaml; do
  grep -q "^mode: flow" "$f" && continue
  grep -q "^mode: review" "$f" && continue  # deckhand review's sheet: tests/e2e/issue19_deck.sh review
  l=$(basename "$f" .yaml); layouts="$layouts $l"
  textify "$f" >"$T/$l.yaml"
done
# deck NAME PDF: extract once, and a +60 % pseudo-translation
decks=""
deck() {
  "$DECKHAND" extract -q "$2" -o "$T/$1.json" || { bad "$1: extract"; return; }
  "$DECKHAND" strings pseudo -q --all "$T/$1.json" --expand 60% --format po -o "$T/$1.pseudo.po" || bad "$1: pseudo"
  decks="$decks $1:$2"
}
for s in ietf-wsis20 features ru zh ar beamer; do deck "$s" "$ROOT/samples/$s.pdf"; done
for c in marp-speculative-decoding keynote-types-dont-know-hash; do
  if [ -f "$CORPUS/$c.pdf" ]; then deck "$c" "$CORPUS/$c.pdf"; else echo "skip: $c (corpus absent)"; fi
done
# run NAME PDF LAYOUT [translation file]
run() {
  name=$1; pdf=$2; l=$3; tr=$4
  set -- handout -q "$T/${name%%.*}.json" --source "$pdf" --layout "$T/$l.yaml" --dump layout -o "$T/dump.json"
  [ -n "$tr" ] && set -- "$@" --translations "$tr"
  "$DECKHAND" "$@" 2>/dev/null || { bad "$name $l: handout failed"; return; }
  if python3 "$ROOT/tests/e2e/check_frames.py" "$T/dump.json" >"$T/frames"; then
    sz=$(jq '[.pages[].texts[]?.size] | min' "$T/dump.json")  # a blank page (booklet padding) has no texts
    [ "$(awk -v s="$sz" 'BEGIN { print (s >= 4.99) }')" = 1 ] && ok "$name $l: inside its frames, no overlap, >= 5 pt" || bad "$name $l: text at $sz pt"
  else
    bad "$name $l: $(head -3 "$T/frames")"
  fi
}
for l in $layouts; do
  for d in $decks; do
    name=${d%%:*}; pdf=${d#*:}
    run "$name" "$pdf" "$l"
    run "$name.pseudo60" "$pdf" "$l" "$T/$name.pseudo.po"
  done
  for lang in fr es ru zh ar; do run "ietf-wsis20.$lang" "$ROOT/samples/ietf-wsis20.pdf" "$l" "$TR/ietf-wsis20.$lang.po"; done
done
summary

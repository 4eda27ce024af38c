#!/bin/sh
# Benchmark: an event build (docs/events.md) against the same jobs run one by one as
# single commands, side by side in one run. The event: the real decks of
# ../shared/corpus/real (or DECKHAND_CORPUS; the samples when absent) x 3 languages
# (`strings pseudo` +40 %, labelled fr, ar, zh) x notes-3, outline and slides (slides in the
# three languages only: in the source language they are the PDF). Prints both wall times,
# their ratio (goal: build -j 2 / one by one <= 0.6), the time of a no-op rerun (goal: under
# 2 s) and peak memory.
# Usage: bench/event-build.sh [BUILD_DIR] [DECKS]   (DECKS: at most this many decks; all by default)
cd "$(dirname "$0")/.."
. bench/lib.sh
command -v jq >/dev/null 2>&1 || { echo "bench: needs jq" >&2; exit 1; }
corpus=${DECKHAND_CORPUS:-../shared/corpus/real}
max=${2:-1000}
mkdir -p "$work/ev/decks" "$work/ev/tr"
n=0
for f in "$corpus"/*.pdf; do
  [ -f "$f" ] || continue
  [ "$n" -lt "$max" ] || break
  cp "$f" "$work/ev/decks/"; n=$((n + 1))
done
if [ "$n" = 0 ]; then echo "corpus absent ($corpus): the samples instead"; cp samples/*.pdf "$work/ev/decks/"; n=$(ls "$work/ev/decks" | wc -l); fi
for f in "$work"/ev/decks/*.pdf; do
  d=$(basename "$f" .pdf)
  rm -f "$work/p.po"
  "$deckhand" strings pseudo -q --all "$f" --expand 40% --format po -o "$work/p.po" || { echo "bench: $d: cannot pseudo-translate; left out"; rm "$f"; continue; }
  for l in fr ar zh; do sed "s/^\"Language: en-XA/\"Language: $l/" "$work/p.po" >"$work/ev/tr/$d.$l.po"; done
done
cat >"$work/ev/event.yaml" <<'YAML'
decks: [decks/*.pdf]
languages: [fr, ar, zh]
translations: tr/{deck}.{lang}.po
outputs:
  - {handout: notes-3}
  - {handout: outline}
  - {slides: true}
out: build/{lang}/{deck}-{output}.pdf
YAML
# one by one: the commands a shell loop would run
: >"$work/cmds"
for f in "$work"/ev/decks/*.pdf; do
  d=$(basename "$f" .pdf)
  for o in notes-3 outline; do echo "$deckhand handout -q $f --layout $o -o $work/one/en-$d-$o.pdf" >>"$work/cmds"; done
  for l in fr ar zh; do
    for o in notes-3 outline; do echo "$deckhand handout -q $f --layout $o --translations $work/ev/tr/$d.$l.po -o $work/one/$l-$d-$o.pdf" >>"$work/cmds"; done
    echo "$deckhand slides -q $f --translations $work/ev/tr/$d.$l.po -o $work/one/$l-$d-slides.pdf" >>"$work/cmds"
  done
done
jobs=$(wc -l <"$work/cmds")
mkdir -p "$work/one"
s=$(date +%s%N)
/usr/bin/time -f "%M" -o "$work/t1" sh -c "while read -r c; do \$c || true; done <'$work/cmds'" 2>/dev/null
e=$(date +%s%N); one=$(echo "scale=2; ($e - $s) / 1000000000" | bc)
s=$(date +%s%N)
/usr/bin/time -f "%M" -o "$work/t2" "$deckhand" build -q -j 2 "$work/ev/event.yaml" --report "$work/r.json" || true
e=$(date +%s%N); bt=$(echo "scale=2; ($e - $s) / 1000000000" | bc)
built=$(jq '[.jobs[] | select(.status == "built")] | length' "$work/r.json")
failed=$(jq '[.jobs[] | select(.status == "failed")] | length' "$work/r.json")
s=$(date +%s%N)
"$deckhand" build -q -j 2 "$work/ev/event.yaml"
e=$(date +%s%N); noop=$(echo "scale=2; ($e - $s) / 1000000000" | bc)
echo "$n decks, $jobs jobs ($built built, $failed failed by the build), $(nproc) cores"
printf '%-26s %9s %12s\n' run "wall s" "peak KiB"
printf '%-26s %9s %12s\n' "one by one" "$one" "$(tail -n1 "$work/t1")"
printf '%-26s %9s %12s\n' "build -j 2" "$bt" "$(tail -n1 "$work/t2")"
printf '%-26s %9s\n' "build again (nothing)" "$noop"
echo "ratio (build / one by one): $(echo "scale=2; $bt / $one" | bc) (goal <= 0.6); no-op rerun ${noop} s (goal < 2 s)"

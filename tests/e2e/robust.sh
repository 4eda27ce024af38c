#!/bin/sh
# Hostile and broken input (issue 10): every case finishes within 30 s and 2 GB, exits with
# a documented code and one line, writes no damaged PDF (qpdf --check) and leaves no
# temporary file; outputs that are devices, FIFOs or folders; SIGTERM and SIGKILL; limits.
# Inputs: tests/robust/ (ours, committed) and ../shared/cases/robust/ (the reproducers of
# the issue, next to the repository; skipped when absent).
# Usage: robust.sh path/to/deckhand path/to/source
DECKHAND=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SRC=$(cd "$2" && pwd)
. "$SRC/tests/e2e/lib.sh"
R=$SRC/tests/robust
C=$SRC/../shared/cases/robust
F=$SRC/samples/features.pdf
export DECKHAND_DATA="$SRC"
export TMPDIR="$T/tmp"
mkdir -p "$TMPDIR" "$T/out"
O=$T/out
. "$SRC/tests/e2e/hard.sh"

# ---- our inputs: each kind of the issue's reproducers, and more of each kind
# a paragraph that needs many pages of a flow layout: it ends, every word kept, in order
hard 0 "" -- "$DECKHAND" handout "$R/long-bullet.json" --layout outline -o "$O/long.pdf" &&
  pdftotext -raw "$O/long.pdf" - | grep -oE '(alpha|beta|gamma|delta|epsilon|zeta|theta|kappa|lambda|omicron|sigma|upsilon|omega)[0-9]+' >"$T/words" &&
  if [ "$(wc -l <"$T/words")" = 3000 ] && [ "$(sed 's/[a-z]*//' "$T/words" | tr '\n' ' ')" = "$(seq 0 2999 | tr '\n' ' ')" ]; then
    ok "long bullet: all 3000 words, in order"
  else bad "long bullet: $(wc -l <"$T/words") of 3000 words (or out of order)"; fi
hard 0 "" -- "$DECKHAND" handout "$R/long-bullet.json" --layout outline-thumbs -o "$O/long.pdf"
# a 60,000-character deck title in the header (linear ellipsis), and as a translated title
hard 0 "" -- "$DECKHAND" handout "$R/long-deck-title.json" --layout notes-3 -o "$O/title.pdf"
"$DECKHAND" strings export "$R/long-bullet.json" --format po --target-lang fr -o "$T/long.po"
awk -v t="$(printf 'Titre%.0s ' $(seq 1 9000))" '/^msgctxt "s1.title"/ {f=1} f && /^msgstr/ {print "msgstr \"" t "\""; f=0; next} {print}' "$T/long.po" >"$T/long-title.po"
hard 0 "" -- "$DECKHAND" handout "$R/long-bullet.json" --translations "$T/long-title.po" --layout notes-3 -o "$O/title-fr.pdf"
# layouts that leave no room for a line: exit 9, never pages without end
for y in noroom-header noroom-tall-line noroom-grid; do
  hard 9 "no room for text" -- "$DECKHAND" handout "$R/long-bullet.json" --layout "$R/$y.yaml" -o "$O/x.pdf"
done
# NaN, infinities and lengths that do not fit a double are not numbers in range
for y in nan-dpi inf-header-size nan-min-size huge-length; do
  hard 9 "$y.yaml:[0-9]+: key '.*': must be (a number|a length|from)" -- "$DECKHAND" handout "$R/long-bullet.json" --layout "$R/$y.yaml" -o "$O/x.pdf"
done
# values in range whose pictures would be huge: the pixel limit, named
hard 9 "huge-pictures.yaml: a slide picture is [0-9]+ x [0-9]+ pixels, over the limit of [0-9]+ pixels \(--max-pixels\)" -- \
  "$DECKHAND" handout "$R/long-bullet.json" --layout "$R/huge-pictures.yaml" -o "$O/x.pdf"
# numbers in a deck JSON: range-checked where they are read, with the JSON pointer and the range
for j in num-page-1e308:/slides/0/page num-level-2e64:/slides/0/blocks/0/level num-column-neg:/slides/0/blocks/0/column \
         num-size-huge:/slides/0/size/0 num-style-size:/slides/0/blocks/0/style/size num-title-bbox:/slides/0/title_bbox/2 \
         num-source-pages:/source/pages; do
  f=${j%%:*}; at=${j#*:}
  hard 8 "$f.json: .*$at.*(from|limit)" -- "$DECKHAND" strings export "$R/$f.json" --format po -o "$O/x.po"
  hard 8 "$f.json: .*$at" -- "$DECKHAND" handout "$R/$f.json" --layout grid-6 -o "$O/x.pdf"
done
# a number JSON cannot hold (fuzz finding engine/crash-51c4cbca: an exception that was not a parse error)
hard 8 "num-overflow-literal.json: not valid JSON: .*number overflow" -- "$DECKHAND" inspect "$R/num-overflow-literal.json"
# a legal but tiny font size: unit size limits and retypeset frames stay finite
hard 0 "" -- "$DECKHAND" strings export "$R/tiny-font.json" --format po --target-lang fr -o "$O/tiny.po"
sed 's/^msgstr ""$/msgstr "traduit"/' "$O/tiny.po" >"$T/tiny.po"
hard 0 "" -- "$DECKHAND" handout "$R/tiny-font.json" --translations "$T/tiny.po" --layout grid-6 -o "$O/tiny.pdf"
# overlay steps whose block ids have no dot
"$DECKHAND" strings export "$R/overlay-nodot.json" --format po --target-lang fr -o "$T/nodot.po"
sed 's/^msgstr ""$/msgstr "traduit"/' "$T/nodot.po" >"$T/nodot-fr.po"
hard 0 "" -- "$DECKHAND" translate "$R/overlay-nodot.json" "$T/nodot-fr.po" -o "$O/nodot.json"
# XML: no external entity, no entity expansion, no recursion bounded by the input
for x in xxe billion-laughs; do
  rm -f "$T/x.json"
  "$DECKHAND" translate "$R/long-bullet.json" "$R/$x.xlf" -o "$T/x.json" 2>"$T/x.err"; rc=$?
  if { [ "$rc" = 0 ] || [ "$rc" = 11 ]; } && ! grep -q "root:" "$T/x.json" 2>/dev/null && ! grep -q "lollollollollollollollollollollollollollollol" "$T/x.json" 2>/dev/null &&
     [ "$(wc -c <"$T/x.json" 2>/dev/null || echo 0)" -lt 100000 ]; then ok "$x.xlf: exit $rc, nothing expanded"
  else bad "$x.xlf: exit $rc, or an entity was expanded: $(cat "$T/x.err")"; fi
done
awk 'BEGIN { printf "<xliff version=\"1.2\"><file target-language=\"fr\"><body><trans-unit id=\"a\"><source>"; for (i = 0; i < 100000; i++) printf "<g>"; printf "x"; for (i = 0; i < 100000; i++) printf "</g>"; print "</source></trans-unit></body></file></xliff>" }' >"$T/deep.xlf"
hard 11 "deep.xlf: the XML nesting depth is [0-9]+, over the limit of 256 \(--max-depth\)" -- "$DECKHAND" translate "$R/long-bullet.json" "$T/deep.xlf" -o "$O/x.json"
hard 0 "" -- "$DECKHAND" --max-depth 200000 translate "$R/long-bullet.json" "$T/deep.xlf" --allow-mismatch -o "$O/x.json"  # (its one unit is not the deck's: issue 19 P5)
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "["; for (i = 0; i < 100000; i++) printf "]"; print "" }' >"$T/deep.json"
hard 8 "deep.json: the nesting depth of the JSON is 257, over the limit of 256 \(--max-depth\)" -- "$DECKHAND" inspect "$T/deep.json"
awk 'BEGIN { printf "name: deep\nheader: "; for (i = 0; i < 100000; i++) printf "["; for (i = 0; i < 100000; i++) printf "]"; print "" }' >"$T/deep.yaml"
hard 9 "deep.yaml" -- "$DECKHAND" handout "$R/long-bullet.json" --layout "$T/deep.yaml" -o "$O/x.pdf"
# a deck JSON with more slides than the limit fails while it is read
awk 'BEGIN { printf "{\"schema\":\"deckhand.deck/1\",\"slides\":["; for (i = 0; i < 100001; i++) printf "%s{}", (i ? "," : ""); print "]}" }' >"$T/many.json"
hard 8 "the slide count is [0-9]+, over the limit of 100000 \(--max-slides\)" -- "$DECKHAND" inspect "$T/many.json"
hard 0 "" -- "$DECKHAND" --max-slides 200000 inspect "$T/many.json"   # read in linear time
# an input that never ends
hard 4 "/dev/zero: the input is more than 1000000 bytes.*--max-file-size" -- "$DECKHAND" --max-file-size 1000000 inspect /dev/zero

# ---- each limit: the error names it, the option raises it
limit() {  # CODE OPTION LOW HIGH command...
  code=$1; opt=$2; low=$3; high=$4; shift 4
  hard "$code" "\($opt\)" -- "$DECKHAND" "$opt" "$low" "$@"
  hard 0 "" -- "$DECKHAND" "$opt" "$high" "$@"
}
limit 4 --max-file-size 1000 100000 inspect "$F"
limit 8 --max-string 1000 100000 inspect "$R/long-bullet.json"
limit 8 --max-depth 3 10 inspect "$R/long-bullet.json"
"$DECKHAND" strings export "$R/long-bullet.json" --format xliff2 --target-lang fr -o "$T/l.xlf"
limit 11 --max-depth 5 10 translate "$R/long-bullet.json" "$T/l.xlf" -o "$O/x.json"
limit 9 --max-depth 2 10 handout "$R/long-bullet.json" --layout notes-3 -o "$O/x.pdf"
limit 8 --max-slides 2 3 inspect "$R/long-bullet.json"
limit 5 --max-pages 2 7 inspect "$F"
limit 5 --max-page-size 100 1000 inspect "$F"
limit 8 --max-page-size 100 2000000 strings export "$R/num-size-huge.json" --format po -o "$O/x.po"
printf 'name: raster-grid\nmode: grid\ngrid: {rows: 3, columns: 2}\nimage: {mode: raster}\n' >"$T/raster-grid.yaml"
limit 9 --max-pixels 1000 60000000 handout "$F" --layout "$T/raster-grid.yaml" -o "$O/x.pdf"
limit 10 --max-output-pages 2 1000 handout "$R/long-bullet.json" --layout outline -o "$O/x.pdf"

# ---- output targets
mkdir -p "$T/folder"
expect 10 "folder: is a folder, not a file" -- "$DECKHAND" handout "$F" --layout outline -o "$T/folder"
expect 10 "folder: is a folder, not a file" -- "$DECKHAND" extract "$F" -o "$T/folder"
mkfifo "$T/fifo"
expect 10 "fifo: is a FIFO \(named pipe\) that no program is reading" -- "$DECKHAND" handout "$F" --layout outline -o "$T/fifo"
if [ -p "$T/fifo" ]; then ok "FIFO without reader: still a FIFO"; else bad "FIFO without reader: replaced"; fi
cat "$T/fifo" >"$T/from-fifo.pdf" &
reader=$!
sleep 0.2
expect 0 "" -- "$DECKHAND" handout "$F" --layout outline -o "$T/fifo"
wait $reader
if [ -p "$T/fifo" ] && qpdf --check "$T/from-fifo.pdf" >/dev/null 2>&1; then ok "FIFO with a reader: written into, still a FIFO, the PDF passes qpdf"
else bad "FIFO with a reader: $(ls -l "$T/fifo")"; fi
if [ "$(id -u)" = 0 ]; then
  mknod "$T/null" c 1 3 && mknod "$T/full" c 1 7
  expect 0 "" -- "$DECKHAND" handout "$F" --layout outline -o "$T/null"
  expect 10 "full: write failed: No space left on device" -- "$DECKHAND" handout "$F" --layout outline -o "$T/full"
  expect 0 "" -- "$DECKHAND" extract "$F" -o "$T/null"
  expect 10 "full: write failed: No space left on device" -- "$DECKHAND" extract "$F" -o "$T/full"
  if [ -c "$T/null" ] && [ -c "$T/full" ]; then ok "device copies: still character devices"; else bad "device copies replaced: $(ls -l "$T/null" "$T/full")"; fi
  ls -A "$T" | grep -q '\.tmp-' && bad "temporary file left beside a device: $(ls -A "$T")"
else
  echo "skip: device copies need root (mknod)"
fi

# ---- signals: a handout long enough to be interrupted
awk -v src="$F" 'BEGIN { printf "{\"schema\":\"deckhand.deck/1\",\"source\":{\"file\":\"%s\"},\"title\":\"Big\",\"slides\":[", src
  for (i = 0; i < 3000; i++) printf "%s{\"page\":%d,\"id\":\"s%d\",\"title\":\"Slide %d\",\"size\":[720,405],\"blocks\":[{\"id\":\"s%d.b1\",\"text\":\"point\"}]}", (i ? "," : ""), i % 5 + 1, i + 1, i + 1, i + 1
  print "]}" }' >"$T/big.json"
interrupt() {  # SIGNAL: start a handout, wait for its temporary folder, send SIGNAL
  rm -rf "$O" "$TMPDIR"; mkdir -p "$O" "$TMPDIR"
  # a background job of a script starts with SIGINT ignored (and deckhand keeps it so, as
  # nohup wants): restore the default first
  # raster pictures: slow enough to interrupt (vector frames finish too soon)
  env --default-signal=INT "$DECKHAND" -j 2 handout "$T/big.json" --layout "$T/raster-grid.yaml" -o "$O/big.pdf" 2>/dev/null &
  pid=$!
  i=0
  while [ $i -lt 300 ] && [ -z "$(ls -A "$TMPDIR")" ]; do sleep 0.1; i=$((i + 1)); done
  sleep 0.5
  kill -s "$1" $pid
  wait $pid
  echo $?
}
rc=$(interrupt TERM)
left=$(ls -A "$O" "$TMPDIR" | grep -v ':$' | grep .)
if [ "$rc" = 143 ] && [ -z "$left" ]; then ok "SIGTERM during a handout: ends (143), no temporary file or folder left"
else bad "SIGTERM during a handout: exit $rc, left: $left"; fi
rc=$(interrupt INT)
left=$(ls -A "$O" "$TMPDIR" | grep -v ':$' | grep .)
if [ "$rc" = 130 ] && [ -z "$left" ]; then ok "SIGINT during a handout: ends (130), nothing left"; else bad "SIGINT: exit $rc, left: $left"; fi
rc=$(interrupt KILL)
if [ -n "$(ls -A "$O" | grep '\.tmp-')" ] && [ -n "$(ls -A "$TMPDIR")" ]; then
  "$DECKHAND" handout "$F" --layout outline -o "$O/big.pdf"
  left=$(ls -A "$O" "$TMPDIR" | grep -v ':$' | grep -v '^big.pdf$' | grep .)
  if [ -z "$left" ]; then ok "SIGKILL left-overs: removed by the next run"; else bad "SIGKILL left-overs stay: $left"; fi
else
  bad "SIGKILL: expected left-overs to clean (exit $rc): $(ls -A "$O" "$TMPDIR")"
fi

# ---- the issue's reproducers (../shared/cases/robust/), when present
if [ -d "$C" ]; then
  cd "$C" || exit 1
  hard 0 "" -- "$DECKHAND" handout 05-long-paragraph.json --layout outline -o "$O/05.pdf" &&
    n=$(pdftotext "$O/05.pdf" - | grep -o 'word' | wc -l) &&
    if [ "$n" = 3000 ]; then ok "05: every word kept ($n)"; else bad "05: $n words of 3000"; fi
  hard 9 "no room for text" -- "$DECKHAND" handout deck.json --layout 07-flow-noroom.yaml -o "$O/07.pdf"
  hard 0 "" -- "$DECKHAND" handout 06-long-title.json --layout notes-3 -o "$O/06.pdf"
  hard 9 "09-nan-font-size.yaml:[0-9]+: .*must be (a number|from)" -- "$DECKHAND" handout deck.json --layout 09-nan-font-size.yaml -o "$O/09.pdf"
  hard 8 "03-huge-bbox.json: .*bbox" -- "$DECKHAND" strings export 03-huge-bbox.json --format po
  hard 8 "03-huge-bbox.json: .*bbox" -- "$DECKHAND" handout 03-huge-bbox.json --translations 01-fr.po --layout grid-6 -o "$O/03.pdf"
  hard 0 "" -- "$DECKHAND" translate 01-overlay-nodot.json 01-fr.po -o "$O/01.json"
  python3 11-deep-xliff.py 50000 >"$T/d.xlf"
  hard 11 "--max-depth" -- "$DECKHAND" translate deck.json "$T/d.xlf" -o "$O/11.json"
  if [ "$(id -u)" = 0 ]; then
    sh 13-device-target.sh "$DECKHAND" >"$T/13.out" 2>&1
    if grep -q '^rc=0 (-o copy of /dev/null)' "$T/13.out" && grep -q '^rc=10 (-o copy of /dev/full)' "$T/13.out" &&
       grep -q '^rc=10 (-o FIFO)' "$T/13.out" && [ "$(grep -cE '^[cp].* (null|full|fifo)$' "$T/13.out")" = 6 ]; then
      ok "13-device-target.sh: nodes kept, /dev/full and a FIFO without reader refused (exit 10)"
    else bad "13-device-target.sh: $(cat "$T/13.out")"; fi
  fi
  hard 10 "is a folder" -- "$DECKHAND" handout features.pdf --layout outline -o "$T/folder"
  sh 12-overwrite-inputs.sh "$DECKHAND" >"$T/12.out" 2>&1
  if [ "$(grep -c '^rc=10 ' "$T/12.out")" = 3 ] && grep -q "features.pdf intact" "$T/12.out" &&
     ! grep -q "PDF document" "$T/12.out"; then
    ok "12-overwrite-inputs.sh: the deck's PDF, the translations and the layout refused as output (exit 10), intact"
  else bad "12-overwrite-inputs.sh: $(cat "$T/12.out")"; fi
  cd "$SRC" || exit 1
else
  echo "skip: $C is absent"
fi
summary

#!/bin/sh
# Issue 20 (hostile input, round 2): output you can trust, and inputs that change under us.
#  1. a nearly full file system (a 200 KB tmpfs) while libharu or libqpdf writes: never exit
#     0, the old output byte for byte as it was, nothing left, one line naming the OUTPUT; a
#     full TMPDIR is named as TMPDIR, never as an internal scratch file (print.pdf...)
#  2. -o /dev/stdout (and /dev/fd/1, a link to it) written through the descriptor, at its
#     offset, for every command that writes: the shell's file keeps what came before and after
#  3. -o - read by a program that stops early: ends by SIGPIPE (141) quietly, nothing left in
#     TMPDIR; exit 10 and one line when SIGPIPE is ignored
#  4. left-overs of killed runs, derived names too (OUT.tmp-PID-XXXXXX.text.pdf), swept
#  5. --max-file-size for every input: PDFs (impose, preflight too), JSON, layouts,
#     translations, fonts
#  6. the source PDF replaced while a vector handout is made: the handout shows the PDF that
#     was read (read once)
#  7. a FIFO with no writer as an input: exit 4 after 10 s without data; a FIFO with a
#     writer and /dev/stdin work (slides, extract, handout of a PDF from a pipe); a device or
#     FIFO as a font: exit 9 at once
#  8. a PDF whose streams are damaged: exit 5 naming it, never "disk space" and a temp file
# Usage: robust2_io.sh path/to/deckhand path/to/source
DECKHAND=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SRC=$(cd "$2" && pwd)
. "$SRC/tests/e2e/lib.sh"
F=$SRC/samples/features.pdf
export DECKHAND_DATA="$SRC"
export TMPDIR="$T/tmp"
mkdir -p "$TMPDIR" "$T/out"
O=$T/out
. "$SRC/tests/e2e/hard.sh"
cd "$T" || exit 1

# ---- inputs, made here
"$DECKHAND" extract "$F" -o "$T/f.json" 2>/dev/null
"$DECKHAND" strings pseudo "$T/f.json" --format po -o "$T/f.po" 2>/dev/null
"$DECKHAND" handout "$F" --layout leaflet-a5 -o "$T/leaf.pdf" 2>/dev/null
printf '{"schema":"deckhand.deck/1","title":"T","slides":[{"id":"s1","page":1,"title":"Hello","size":[720,405],"blocks":[{"id":"s1.b1","text":"x"}]}]}\n' >"$T/tiny.json"
# a PDF whose first page's content stream is damaged (Flate data overwritten): Poppler
# extracts the others; qpdf fails on it while a handout, slides or a booklet is written
python3 - "$F" "$T/bad.pdf" <<'EOF'
import re, sys
d = open(sys.argv[1], 'rb').read()
out = bytearray(d)
for m in re.finditer(rb'(\d+) 0 obj\s*<<(.{0,200}?)>>\s*stream\r?\n', d, re.S):
    if m.group(1) == b'5':
        for i in range(m.end() + 2, m.end() + 60): out[i] = 0x41
open(sys.argv[2], 'wb').write(bytes(out))
EOF
for f in f.json f.po leaf.pdf bad.pdf; do [ -s "$T/$f" ] || bad "could not make the input $f"; done

# ---- 1. a nearly full file system
M=$T/mnt
mkdir -p "$M"
if mount -t tmpfs -o size=200k tmpfs "$M" 2>/dev/null; then
  # unmounted whatever happens: end, failure, Ctrl-C, SIGTERM, SIGHUP (not SIGKILL: nothing can)
  trap 'umount "$M" 2>/dev/null; rm -rf "$T"' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  trap 'exit 129' HUP
  # full FREE_KB NAME command...: the command writes $M/out.pdf (an old file there) on a file
  # system with about FREE_KB KB free
  full() {
    free=$1; name=$2; shift 2
    rm -rf "$M"/* "$TMPDIR"; mkdir -p "$TMPDIR"
    printf 'GOOD OLD FILE\n' >"$M/out.pdf"; cp "$M/out.pdf" "$T/old"
    head -c $(((200 - free) * 1024)) /dev/zero >"$M/fill" 2>/dev/null
    timeout -s KILL 60 "$@" >"$T/stdout" 2>"$T/stderr"; rc=$?
    errors=$(grep -vc ': warning: ' "$T/stderr")
    left=$(ls -A "$M" | grep -v -e '^fill$' -e '^out.pdf$'; ls -A "$TMPDIR")
    if [ "$rc" = 0 ]; then bad "full disk, $name: exit 0 ($(wc -c <"$M/out.pdf") bytes written)"
    elif [ "$rc" != 10 ]; then bad "full disk, $name: exit $rc, wanted 10: $(head -c 400 "$T/stderr")"
    elif ! cmp -s "$T/old" "$M/out.pdf"; then bad "full disk, $name: the old output changed"
    elif [ -n "$left" ]; then bad "full disk, $name: left behind: $left"
    elif [ "$errors" != 1 ]; then bad "full disk, $name: $errors lines on stderr: $(cat "$T/stderr")"
    elif ! grep -q "^deckhand: error: $M/out.pdf: write failed: No space left on device" "$T/stderr"; then
      bad "full disk, $name: the line does not name the output: $(cat "$T/stderr")"
    else ok "full disk, $name: exit 10, old output intact, nothing left, one line naming it"; fi
  }
  full 20 "impose" "$DECKHAND" impose "$T/leaf.pdf" -o "$M/out.pdf"
  full 20 "handout, vector frames" "$DECKHAND" handout "$F" --layout grid-6 -o "$M/out.pdf"
  full 20 "handout --print" "$DECKHAND" handout "$F" --layout notes-3 --print -o "$M/out.pdf"
  full 20 "handout --impose booklet" "$DECKHAND" handout "$F" --layout leaflet-a5 --impose booklet -o "$M/out.pdf"
  full 20 "slides" "$DECKHAND" slides "$F" --translations "$T/f.po" -o "$M/out.pdf"
  full 20 "review" "$DECKHAND" review "$T/f.json" --source "$F" --translations "$T/f.po" -o "$M/out.pdf"
  full 8 "extract (JSON)" "$DECKHAND" extract "$F" -o "$M/out.pdf"
  full 0 "strings export (PO)" "$DECKHAND" strings export "$T/f.json" --format po --target-lang fr --force -o "$M/out.pdf"
  # a full TMPDIR: named as the temporary folder, never as the scratch files inside it
  for c in "handout $F --layout notes-3 --print -o $O/x.pdf" "handout $F --layout grid-6 -o -" \
           "handout $T/f.json --source $F --translations $T/f.po --layout grid-6 -o $O/x.pdf"; do
    rm -rf "$M"/* "$O"; mkdir -p "$O"
    head -c 200k /dev/zero >"$M/fill" 2>/dev/null
    # shellcheck disable=SC2086
    TMPDIR=$M timeout -s KILL 60 "$DECKHAND" $c >"$T/stdout" 2>"$T/stderr"; rc=$?
    if [ "$rc" = 10 ] && [ "$(grep -vc ': warning: ' "$T/stderr")" = 1 ] &&
       grep -q "^deckhand: error: $M: cannot write a temporary file in the temporary folder (TMPDIR): No space left on device" "$T/stderr" &&
       ! grep -Eq 'print\.pdf|handout\.pdf|vector\.pdf|deckhand-[0-9]|\.tmp-' "$T/stderr" &&
       [ -z "$(ls -A "$O" "$M" | grep -v -e '^fill$' -e ':$' -e '^$')" ] && [ ! -s "$T/stdout" ]; then
      ok "full TMPDIR, $c: exit 10, names TMPDIR, nothing left"
    else bad "full TMPDIR, $c: exit $rc: $(cat "$T/stderr"); left: $(ls -A "$O" "$M")"; fi
  done
  umount "$M" || bad "cannot unmount $M"
  trap 'rm -rf "$T"' EXIT
else
  echo "skip: cannot mount a tmpfs here (no mount rights: a container?): the full file system cases are not run"
fi

# ---- 2. -o /dev/stdout: through the descriptor, for every command that writes
# { echo header; deckhand ... -o /dev/stdout; echo trailer; } >file keeps all three, in order
# (a file renamed over the shell's would lose the header, and the trailer would go to the old one)
through() {  # KIND NAME command... (KIND: pdf or text)
  kind=$1; name=$2; shift 2
  { echo header; "$@" 2>"$T/so.err"; echo "rc=$?"; echo trailer; } >"$T/so.out"
  if [ "$(head -1 "$T/so.out")" != header ] || [ "$(tail -1 "$T/so.out")" != trailer ] || [ "$(tail -2 "$T/so.out" | head -1)" != rc=0 ]; then
    bad "-o /dev/stdout, $name: the shell's file lost what came before or after, or failed: $(head -c 300 "$T/so.err")"; return
  fi
  n=$(($(wc -c <"$T/so.out") - 7 - 5 - 8))
  tail -c +8 "$T/so.out" | head -c "$n" >"$T/so.body"
  if [ "$kind" = pdf ] && ! qpdf --check "$T/so.body" >/dev/null 2>&1; then bad "-o /dev/stdout, $name: not a whole PDF"; return; fi
  if [ "$kind" = text ] && [ ! -s "$T/so.body" ]; then bad "-o /dev/stdout, $name: nothing written"; return; fi
  ok "-o /dev/stdout, $name: written through, between the shell's lines"
}
through text "extract" "$DECKHAND" extract "$F" -o /dev/stdout
through pdf "handout, vector frames" "$DECKHAND" handout "$F" --layout grid-6 -o /dev/stdout
through pdf "handout --print" "$DECKHAND" handout "$F" --layout notes-3 --print -o /dev/stdout
through pdf "impose" "$DECKHAND" impose "$T/leaf.pdf" -o /dev/stdout
through pdf "slides" "$DECKHAND" slides "$F" --translations "$T/f.po" -o /dev/stdout
through text "strings export" "$DECKHAND" strings export "$T/f.json" --format po --target-lang fr -o /dev/stdout
through text "strings pseudo" "$DECKHAND" strings pseudo "$T/f.json" --format xliff -o /dev/stdout
through text "translate" "$DECKHAND" translate "$T/f.json" "$T/f.po" -o /dev/stdout
through pdf "review" "$DECKHAND" review "$T/f.json" --source "$F" --translations "$T/f.po" -o /dev/stdout
through pdf "handout -o /dev/fd/1" "$DECKHAND" handout "$F" --layout outline -o /dev/fd/1
ln -s /dev/stdout "$T/link-to-stdout"
through pdf "impose -o a link to /dev/stdout" "$DECKHAND" impose "$T/leaf.pdf" -o "$T/link-to-stdout"
if [ -L "$T/link-to-stdout" ] && [ -L /dev/stdout ]; then ok "-o /dev/stdout: the links stay links"; else bad "-o /dev/stdout: a link was replaced"; fi
"$DECKHAND" impose "$T/leaf.pdf" -o /dev/stdout 2>/dev/null | cat >"$T/piped.pdf"
if qpdf --check "$T/piped.pdf" >/dev/null 2>&1; then ok "-o /dev/stdout into a pipe: a whole PDF"; else bad "-o /dev/stdout into a pipe"; fi

# ---- 3. -o - read by a program that stops early
early() {  # NAME command...: the reader exits at once
  name=$1; shift
  rm -rf "$TMPDIR"; mkdir -p "$TMPDIR"
  { "$@" 2>"$T/pipe.err"; echo $? >"$T/pipe.rc"; } | true
  rc=$(cat "$T/pipe.rc")
  if [ "$rc" = 141 ] && [ ! -s "$T/pipe.err" ] && [ -z "$(ls -A "$TMPDIR")" ]; then ok "-o - | true, $name: SIGPIPE (141), quiet, nothing left in TMPDIR"
  else bad "-o - | true, $name: exit $rc, stderr: $(head -c 300 "$T/pipe.err"), left: $(ls -A "$TMPDIR")"; fi
}
early "handout" "$DECKHAND" handout "$F" --layout grid-6 -o -
early "impose" "$DECKHAND" impose "$T/leaf.pdf" -o -
early "slides" "$DECKHAND" slides "$F" --translations "$T/f.po" -o -
early "review" "$DECKHAND" review "$T/f.json" --source "$F" --translations "$T/f.po" -o -
# a larger output through head
qpdf --empty --pages $(for i in $(seq 1 60); do printf '%s ' "$T/leaf.pdf"; done) -- "$T/leaf60.pdf"
rm -rf "$TMPDIR"; mkdir -p "$TMPDIR"
{ "$DECKHAND" impose "$T/leaf60.pdf" -o - 2>"$T/pipe.err"; echo $? >"$T/pipe.rc"; } | head -c 1000 >/dev/null
if [ "$(cat "$T/pipe.rc")" = 141 ] && [ -z "$(ls -A "$TMPDIR")" ]; then ok "impose -o - | head -c 1000: 141, nothing left"
else bad "impose -o - | head -c 1000: exit $(cat "$T/pipe.rc"), left: $(ls -A "$TMPDIR")"; fi
# SIGPIPE ignored (inherited): the write fails with EPIPE: exit 10, one line
rm -rf "$TMPDIR"; mkdir -p "$TMPDIR"
{ (trap '' PIPE; exec "$DECKHAND" impose "$T/leaf.pdf" -o - 2>"$T/pipe.err"); echo $? >"$T/pipe.rc"; } | true
if [ "$(cat "$T/pipe.rc")" = 10 ] && [ "$(wc -l <"$T/pipe.err")" = 1 ] && grep -q "broken pipe" "$T/pipe.err" && [ -z "$(ls -A "$TMPDIR")" ]; then
  ok "SIGPIPE ignored: exit 10, one line (broken pipe), nothing left"
else bad "SIGPIPE ignored: exit $(cat "$T/pipe.rc"): $(cat "$T/pipe.err"), left: $(ls -A "$TMPDIR")"; fi

# ---- 4. left-overs of killed runs, derived names too, swept by the next run
rm -rf "$O"; mkdir -p "$O"
dead=3999999  # over any pid in use here (pid_max is 4194304 at most); the sweep needs it gone
if ! kill -0 "$dead" 2>/dev/null; then
  : >"$O/s.pdf.tmp-$dead-AbCdEf"; : >"$O/s.pdf.tmp-$dead-AbCdEf.text.pdf"; mkdir -p "$TMPDIR/deckhand-$dead-AbCdEf"
  "$DECKHAND" slides "$F" --translations "$T/f.po" -o "$O/s.pdf" 2>/dev/null
  left=$(ls -A "$O" | grep -v '^s.pdf$')
  if [ -z "$left" ]; then ok "left-overs of a killed slides run (.tmp-PID-XXXXXX, .tmp-PID-XXXXXX.text.pdf) swept"; else bad "left-overs stay: $left"; fi
  # the temporary folder: by the next run that makes one (a handout with slide pictures)
  "$DECKHAND" handout "$F" --layout grid-6 -o "$O/h.pdf" 2>/dev/null
  left=$(ls -A "$TMPDIR")
  if [ -z "$left" ]; then ok "a killed run's temporary folder swept"; else bad "left-overs stay in TMPDIR: $left"; fi
fi
# SIGTERM during slides of a 200-page deck: nothing left, at any moment
qpdf --empty --pages $(for i in $(seq 1 40); do printf '%s ' "$F"; done) -- "$T/many.pdf"
"$DECKHAND" extract "$T/many.pdf" -o "$T/many.json" 2>/dev/null
"$DECKHAND" strings pseudo "$T/many.json" --format po -o "$T/many.po" 2>/dev/null
for t in 0.3 0.8 1.5 2.5; do
  rm -rf "$O" "$TMPDIR"; mkdir -p "$O" "$TMPDIR"
  "$DECKHAND" slides "$T/many.json" --translations "$T/many.po" -o "$O/s.pdf" 2>/dev/null &
  pid=$!
  sleep "$t"; kill -TERM "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rc=$?
  left=$(ls -A "$O" | grep -v '^s.pdf$'; ls -A "$TMPDIR")
  if { [ "$rc" = 143 ] || [ "$rc" = 0 ]; } && [ -z "$left" ]; then ok "SIGTERM after $t s of slides: exit $rc, nothing left"
  else bad "SIGTERM after $t s of slides: exit $rc, left: $left"; fi
done

# ---- 5. --max-file-size for every command and every kind of input
hard 4 "leaf.pdf: the file size is [0-9]+ bytes, over the limit of 1000 bytes \(--max-file-size\)" -- "$DECKHAND" --max-file-size 1000 impose "$T/leaf.pdf" -o "$O/x.pdf"
hard 4 "leaf.pdf: .*--max-file-size" -- "$DECKHAND" --max-file-size 1000 preflight "$T/leaf.pdf"
hard 4 "features.pdf: .*--max-file-size" -- "$DECKHAND" --max-file-size 1000 extract "$F" -o "$O/x.json"
hard 4 "features.pdf: .*--max-file-size" -- "$DECKHAND" --max-file-size 1000 slides "$F" --translations "$T/f.po" -o "$O/x.pdf"
hard 4 "f.json: .*--max-file-size" -- "$DECKHAND" --max-file-size 1000 inspect "$T/f.json"
hard 4 "f.po: .*--max-file-size" -- "$DECKHAND" --max-file-size 1000 translate "$T/tiny.json" "$T/f.po" -o "$O/x.json"
{ printf 'name: padded\nmode: flow\n'; for i in $(seq 1 60); do echo "# a comment to make the layout file larger than the limit"; done; } >"$T/padded.yaml"
hard 4 "padded.yaml: .*--max-file-size" -- "$DECKHAND" --max-file-size 2000 handout "$T/tiny.json" --layout "$T/padded.yaml" -o "$O/x.pdf"
# fonts: the built-in layouts' fonts are over 100 KB
hard 9 "\.ttf: the file size is [0-9]+ bytes, over the limit of 100000 bytes \(--max-file-size\)" -- "$DECKHAND" --max-file-size 100000 handout "$T/tiny.json" --layout outline -o "$O/x.pdf"
hard 0 "" -- "$DECKHAND" --max-file-size 100000000 impose "$T/leaf.pdf" -o "$O/x.pdf"

# ---- 6. the source PDF replaced while a vector handout is made: the handout shows the one read
python3 - "$T/big.json" <<'EOF'
import json, sys
slides = [{'page': i % 5 + 1, 'id': 's%d' % i, 'title': 'Slide %d' % i, 'size': [720, 405],
           'blocks': [{'id': 's%d.b1' % i, 'text': 'point'}]} for i in range(1, 3001)]
json.dump({'schema': 'deckhand.deck/1', 'source': {'file': 'src.pdf'}, 'title': 'Big', 'slides': slides}, open(sys.argv[1], 'w'))
EOF
rm -rf "$O" "$TMPDIR"; mkdir -p "$O" "$TMPDIR"
cp "$F" "$T/src.pdf"
"$DECKHAND" -q handout "$T/big.json" --layout grid-6 -o "$O/race.pdf" 2>"$T/race.err" &
pid=$!
i=0
while [ $i -lt 1500 ] && [ -z "$(ls -A "$TMPDIR")" ]; do sleep 0.02; i=$((i + 1)); done
cp "$SRC/samples/beamer.pdf" "$T/src.new" && mv "$T/src.new" "$T/src.pdf"
wait $pid; rc=$?
if [ "$rc" = 0 ] && [ "$(pdftotext -f 1 -l 1 "$O/race.pdf" - 2>/dev/null | grep -c -e 'Open Standards' -e 'Jane Example')" = 0 ] &&
   pdftotext -f 1 -l 1 "$O/race.pdf" - 2>/dev/null | grep -q 'Regional'; then
  ok "source replaced during a vector handout: the pages of the PDF that was read"
else bad "source replaced during a vector handout: exit $rc, page 1 shows: $(pdftotext -f 1 -l 1 "$O/race.pdf" - 2>/dev/null | head -3 | tr '\n' ' ') $(head -c 300 "$T/race.err")"; fi

# ---- 7. FIFOs and devices as inputs
mkfifo "$T/nowriter.pdf" "$T/nowriter.po" "$T/font.ttf"
HARD_SECONDS=25 hard 4 "nowriter.pdf: is a FIFO \(named pipe\) or pipe and sent no data for 10 s" -- "$DECKHAND" impose "$T/nowriter.pdf" -o "$O/x.pdf"
HARD_SECONDS=25 hard 4 "nowriter.po: is a FIFO \(named pipe\) or pipe and sent no data for 10 s" -- "$DECKHAND" translate "$T/tiny.json" "$T/nowriter.po" -o "$O/x.json"
cat "$T/f.po" >"$T/nowriter.po" &
hard 0 "" -- "$DECKHAND" translate "$T/f.json" "$T/nowriter.po" -o "$O/x.json"
wait
if cat "$F" | "$DECKHAND" inspect /dev/stdin >"$T/stdin.out" 2>/dev/null && grep -q 'Regional' "$T/stdin.out"; then ok "a PDF from /dev/stdin (a pipe): read"
else bad "a PDF from /dev/stdin: $(head -3 "$T/stdin.out")"; fi
# translated slides, an extraction and a handout of a PDF from a pipe: its one reading
# serves the budget scan, Poppler and libqpdf (slides read it twice: "the file is empty",
# exit 5); the slides are those of the file itself, byte for byte
"$DECKHAND" -q slides "$F" --translations "$T/f.po" -o "$T/from-file.pdf" 2>/dev/null
for cmd in "slides /dev/stdin --translations $T/f.po -o $O/stdin.pdf" "extract /dev/stdin -o $O/stdin.json" \
           "handout /dev/stdin --layout grid-6 -o $O/stdin-h.pdf"; do
  # (word splitting of $cmd: the test's paths hold no spaces)
  if cat "$F" | "$DECKHAND" -q $cmd 2>"$T/stdin.err"; then ok "$cmd, the PDF from a pipe: written"
  else bad "$cmd, the PDF from a pipe: $(head -c 300 "$T/stdin.err")"; fi
done
cmp -s "$T/from-file.pdf" "$O/stdin.pdf" && ok "slides of the PDF from a pipe: the same bytes as of the file" ||
  bad "slides of the PDF from a pipe differ from those of the file"
for font in /dev/zero "$T/font.ttf"; do
  printf 'name: devfont\nmode: flow\nfonts: {regular: %s}\n' "$font" >"$T/devfont.yaml"
  hard 9 "$font: is not a regular file \(a device, a FIFO or a socket\)" -- "$DECKHAND" handout "$T/tiny.json" --layout "$T/devfont.yaml" -o "$O/x.pdf"
done

# ---- 8. damaged stream data: the input's damage (exit 5, naming it), never a disk error
hard 5 "^deckhand: error: [^ ]*bad.pdf: qpdf cannot read this PDF's pages" -- "$DECKHAND" impose "$T/bad.pdf" -o "$O/x.pdf"
hard 5 "^deckhand: error: [^ ]*bad.pdf: qpdf cannot read this PDF's pages" -- "$DECKHAND" handout "$T/bad.pdf" --layout grid-6 -o "$O/x.pdf"
hard 5 "^deckhand: error: [^ ]*bad.pdf: qpdf cannot read this PDF's pages" -- "$DECKHAND" handout "$T/bad.pdf" --layout notes-3 --print -o "$O/x.pdf"
hard 5 "^deckhand: error: [^ ]*bad.pdf: qpdf cannot read this PDF's pages" -- "$DECKHAND" handout "$T/bad.pdf" --layout leaflet-a5 --impose booklet -o "$O/x.pdf"
if grep -Eq 'disk space|\.tmp-|deckhand-[0-9]' "$T/stderr"; then bad "damaged PDF: the line speaks of a disk or a temporary file: $(cat "$T/stderr")"; fi
summary

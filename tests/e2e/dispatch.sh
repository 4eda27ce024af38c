#!/bin/sh
# deckhand runs extract itself and hands every other command to deckhand-full
# (docs/architecture.md, "Two executables"). Usage: dispatch.sh DECKHAND SOURCE_DIR
set -u
dh=$1; src=$2
fail=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
no() { echo "FAIL: $*"; fail=1; }

# 1. the small executable loads none of the output stages' libraries
libs=$(ldd "$dh") || no "ldd $dh"
for l in libqpdf libhpdf libharfbuzz libgettextpo libyaml-cpp libpugixml libgnutls libglib; do
  echo "$libs" | grep -q "$l" && no "deckhand loads $l"
done
full=$(dirname "$dh")/deckhand-full
ldd "$full" | grep -q libqpdf || no "deckhand-full does not load libqpdf"

# 2. extract runs in deckhand; every other command through deckhand-full, same exit codes
"$dh" extract -q "$src/samples/ietf-wsis20.pdf" -o "$tmp/a.json" || no "extract"
"$full" extract -q "$src/samples/ietf-wsis20.pdf" -o "$tmp/b.json" || no "deckhand-full extract"
cmp -s "$tmp/a.json" "$tmp/b.json" || no "extract differs between deckhand and deckhand-full"
"$dh" handout -q "$tmp/a.json" --source "$src/samples/ietf-wsis20.pdf" --layout outline -o "$tmp/o.pdf" || no "handout through deckhand"
[ -s "$tmp/o.pdf" ] || no "handout wrote nothing"
"$dh" handout --list-layouts | grep -q notes-3 || no "--list-layouts through deckhand"
"$dh" --version | grep -q '^deckhand ' || no "--version"
"$dh" handout "$tmp/missing.pdf" -o "$tmp/x.pdf" 2>/dev/null; [ $? = 4 ] || no "a missing input through deckhand-full is not exit 4"
"$dh" handout 2>/dev/null; [ $? = 2 ] || no "a usage error is not exit 2"

# 3. without deckhand-full: one line, exit 1; extract still works
cp "$dh" "$tmp/deckhand"
"$tmp/deckhand" handout "$src/samples/ietf-wsis20.pdf" -o "$tmp/y.pdf" 2>"$tmp/err"; rc=$?
[ $rc = 1 ] || no "without deckhand-full: exit $rc, not 1"
grep -q "^deckhand: error: deckhand-full: not found" "$tmp/err" || no "without deckhand-full: $(cat "$tmp/err")"
[ -e "$tmp/y.pdf" ] && no "without deckhand-full: an output was written"
"$tmp/deckhand" extract -q "$src/samples/ietf-wsis20.pdf" -o "$tmp/c.json" || no "extract without deckhand-full"

[ $fail = 0 ] && echo "dispatch: ok"
exit $fail

# Shared helpers for the end-to-end tests. Usage: . lib.sh; needs $DECKHAND. Makes the
# scratch folder $T, removed on exit.
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fails=0; passes=0
ok() { passes=$((passes + 1)); echo "ok: $*"; }
bad() { fails=$((fails + 1)); echo "FAIL: $*"; echo "FAIL: $*" | cut -c1-1000 >>"$T/.failures"; }
# expect CODE PATTERN -- command...: exit code and a one-line stderr matching PATTERN
expect() {
  code=$1; pattern=$2; shift 3
  "$@" >"$T/stdout" 2>"$T/stderr"; rc=$?
  lines=$(wc -l <"$T/stderr")
  if [ "$rc" != "$code" ]; then bad "$*: exit $rc, wanted $code; stderr: $(cat "$T/stderr")"; return; fi
  if [ -n "$pattern" ] && ! grep -Eq -e "$pattern" "$T/stderr"; then bad "$*: stderr does not match /$pattern/: $(cat "$T/stderr")"; return; fi
  if [ "$code" != 0 ] && [ "$lines" != 1 ]; then bad "$*: $lines lines on stderr, wanted one"; return; fi
  ok "$* -> exit $rc"
}
summary() {
  # the failures again at the end: CI logs keep the head and the tail of a long output
  [ -s "$T/.failures" ] && { echo "failures:"; cat "$T/.failures"; }
  echo "$passes passed, $fails failed"
  [ "$fails" = 0 ]
}

# quiet NAME command...: the command prints no warning. mutool's note about its own build
# ("ICC support is not available", printed for every file) is not about our file.
quiet() {
  name=$1; shift
  "$@" >"$T/q.out" 2>"$T/q.err"
  grep -v "ICC support is not available" "$T/q.err" >"$T/q.err2"
  if [ -s "$T/q.err2" ]; then bad "$name prints: $(head -3 "$T/q.err2")"; else ok "$name: no warning"; fi
}

# hard(): run one hostile input within 30 s and 2 GiB (an RSS limit under ASan), check its
# exit code and one-line message, that every PDF left in $O passes qpdf --check (and none is
# left when it failed), and that nothing is left in $O (*.tmp-*) or $TMPDIR.
# Usage: . lib.sh; set DECKHAND, O and TMPDIR; . hard.sh
# HARD_SECONDS (30) and HARD_KB (2097152) change the budget of one call; HARD_NOT, a
# pattern that standard error must not match (a library's own line, say).
# An ASan build reserves terabytes of address space: give it an RSS limit instead.
if grep -q __asan_init "$DECKHAND" 2>/dev/null; then
  asan=1
  export ASAN_OPTIONS="hard_rss_limit_mb=2048:${ASAN_OPTIONS:-}"
else
  asan=0
fi

# hard CODE PATTERN -- command...: like expect, within 30 s and 2 GB; then every PDF in
# $O passes qpdf --check, and no temporary file or folder is left.
hard() {
  code=$1; pattern=$2; shift 3
  rm -rf "$O" "$TMPDIR"; mkdir -p "$O" "$TMPDIR"
  h_start=$(date +%s)
  (
    [ "$asan" = 1 ] || ulimit -v "${HARD_KB:-2097152}"
    exec timeout -s KILL "${HARD_SECONDS:-30}" "$@"
  ) >"$T/stdout" 2>"$T/stderr"
  rc=$?
  name="$*"
  [ "$rc" = 137 ] && name="$name [killed after $(( $(date +%s) - h_start )) s: over ${HARD_SECONDS:-30} s, or out of memory]"
  if [ "$rc" != "$code" ]; then bad "$name: exit $rc, wanted $code; stderr: $(head -c 600 "$T/stderr")"; return 1; fi
  if [ -n "$pattern" ] && ! grep -Eq -e "$pattern" "$T/stderr"; then bad "$name: stderr does not match /$pattern/: $(head -c 600 "$T/stderr")"; return 1; fi
  if [ -n "${HARD_NOT:-}" ] && grep -Eq -e "$HARD_NOT" "$T/stderr"; then bad "$name: stderr matches /$HARD_NOT/: $(head -c 600 "$T/stderr")"; return 1; fi
  if [ "$code" != 0 ] && [ "$(grep -vc ': warning: ' "$T/stderr")" != 1 ]; then bad "$name: not one line on stderr: $(cat "$T/stderr")"; return 1; fi
  for pdf in "$O"/*.pdf; do
    [ -f "$pdf" ] || continue
    if ! qpdf --check "$pdf" >/dev/null 2>&1; then bad "$name: qpdf --check fails on $(basename "$pdf")"; return 1; fi
    if [ "$code" != 0 ]; then bad "$name: failed but wrote $(basename "$pdf")"; return 1; fi
  done
  left=$(ls -A "$O" | grep '\.tmp-'; ls -A "$TMPDIR")
  if [ -n "$left" ]; then bad "$name: left behind: $left"; return 1; fi
  ok "$name -> exit $rc ($(( $(date +%s) - h_start )) s of ${HARD_SECONDS:-30})"
}


#!/bin/sh
# Issue 19, the command line as translators and organisers meet it: sh issue19_cli.sh
# DECKHAND SRCDIR POINT [BUILD]. POINT is
#   p4:       `check` finds the deck's PDF as `handout` does (--source; exit 4 when it is
#             needed and not found, nothing said when it is not needed; source-changed)
#   p10:      messages: an unknown option named alone with the nearest option of its
#             command, extra arguments, an output folder named with a file for the command
#   p10docs:  the documentation of an installed tool: every warning code and exit code in
#             docs/exit-codes.md (tests/e2e/issue19_docs.py), the man page's options against
#             every command's --help, the man page rendered without warnings, installed with
#             the docs that messages cite (`cmake --install` into a scratch prefix; BUILD)
DECKHAND=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); ROOT=$(cd "$2" && pwd); POINT=$3
export LC_ALL=C.UTF-8
. "$ROOT/tests/e2e/lib.sh"
S=$ROOT/samples/ietf-wsis20.pdf
PO=$ROOT/samples/translations/ietf-wsis20.fr.po
# at DIR COMMAND...: COMMAND run in DIR (for expect, whose counts stay in this shell)
at() { (cd "$1" && shift && "$@"); }

case $POINT in
p4)
  # the deck JSON beside its PDF, and a copy of the JSON in sub/ without it
  mkdir -p "$T/a/sub"; cp "$S" "$T/a/ietf-wsis20.pdf"
  "$DECKHAND" extract -q "$T/a/ietf-wsis20.pdf" -o "$T/a/ietf.json"; cp "$T/a/ietf.json" "$T/a/sub/ietf.json"
  "$DECKHAND" strings pseudo -q "$T/a/ietf.json" --expand 40% --format po -o "$T/a/pseudo.po"
  # beside the PDF: grid-9 checks the translated slides themselves (they fit)
  (cd "$T/a" && "$DECKHAND" check ietf.json --layout grid-9 --translations pseudo.po) >"$T/beside.out" 2>"$T/beside.err"; rc_beside=$?
  [ "$rc_beside" = 0 ] && ok "beside its PDF: exit 0" || bad "beside its PDF: exit $rc_beside: $(cat "$T/beside.err")"
  # moved away from it: exit 4, one line naming the PDF, and no overflow line (5374a58 said
  # "15 of 27 units do not fit the grid-9 layout", exit 12, from frames it retypeset)
  expect 4 "^deckhand: error: ietf.json: cannot find the deck's PDF 'ietf-wsis20.pdf' \(pass it with --source\)$" -- at "$T/a/sub" \
    "$DECKHAND" check ietf.json --layout grid-9 --translations ../pseudo.po
  [ ! -s "$T/stdout" ] && ok "no overflow line without the PDF" || bad "lines on stdout without the PDF: $(head -3 "$T/stdout")"
  # --source (5374a58: "The following arguments were not expected"): the same report as beside it
  (cd "$T/a/sub" && "$DECKHAND" check ietf.json --source ../ietf-wsis20.pdf --layout grid-9 --translations ../pseudo.po) >"$T/src.out" 2>"$T/src.err"; rc=$?
  [ "$rc" = "$rc_beside" ] && cmp -s "$T/src.out" "$T/beside.out" && cmp -s "$T/src.err" "$T/beside.err" \
    && ok "--source: the same report and exit code as with the PDF beside the JSON" \
    || bad "--source: exit $rc (beside: $rc_beside): $(cat "$T/src.err") / $(cat "$T/beside.err")"
  # the same through a path from elsewhere, and with a report that is not empty: +400 % does not fit
  "$DECKHAND" strings pseudo -q "$T/a/ietf.json" --expand 400% --format po -o "$T/a/long.po"
  (cd "$T/a" && "$DECKHAND" check ietf.json --layout grid-9 --translations long.po) >"$T/long-beside.out" 2>"$T/long-beside.err"; rc1=$?
  "$DECKHAND" check "$T/a/sub/ietf.json" --source "$T/a/ietf-wsis20.pdf" --layout grid-9 --translations "$T/a/long.po" >"$T/long-src.out" 2>/dev/null; rc2=$?
  [ "$rc1" = 12 ] && [ "$rc2" = 12 ] && [ -s "$T/long-beside.out" ] && cmp -s "$T/long-beside.out" "$T/long-src.out" \
    && ok "+400 %: the same $(wc -l <"$T/long-src.out") lines and exit 12 with --source" || bad "+400 %: exit $rc1 / $rc2, $(wc -l <"$T/long-beside.out") / $(wc -l <"$T/long-src.out") lines"
  # the PDF is not needed: no translations (pictures cannot overflow), a layout without
  # slide pictures (outline): nothing said about it
  for args in "--layout grid-9" "--layout outline --translations ../pseudo.po"; do
    # shellcheck disable=SC2086
    (cd "$T/a/sub" && "$DECKHAND" check ietf.json $args) >/dev/null 2>"$T/err"; rc=$?
    [ "$rc" = 0 ] && ! grep -q "PDF" "$T/err" && ok "check $args without the PDF: exit 0, nothing about it" || bad "check $args: exit $rc: $(cat "$T/err")"
  done
  # one way to find it for the three commands: handout and slides say the same
  expect 4 "^deckhand: error: ietf.json: cannot find the deck's PDF 'ietf-wsis20.pdf' \(pass it with --source\)$" -- at "$T/a/sub" \
    "$DECKHAND" handout ietf.json --layout grid-9 -o h.pdf
  expect 4 "^deckhand: error: ietf.json: cannot find the deck's PDF 'ietf-wsis20.pdf' \(pass it with --source\)$" -- at "$T/a/sub" \
    "$DECKHAND" slides ietf.json --translations ../pseudo.po --check
  # a --source that is not there is named
  expect 4 "^deckhand: error: nowhere.pdf: no such file \(check the path given with --source\)$" -- at "$T/a/sub" \
    "$DECKHAND" check ietf.json --source nowhere.pdf --layout grid-9 --translations ../pseudo.po
  # a PDF that is not the one the deck was extracted from (its SHA-256 differs from the
  # deck's source.sha256): source-changed, as handout says it (and --strict fails)
  jq '.source.sha256 = "0000000000000000000000000000000000000000000000000000000000000000"' "$T/a/ietf.json" >"$T/a/other.json"
  (cd "$T/a" && "$DECKHAND" check other.json --layout grid-9 --translations pseudo.po) >/dev/null 2>"$T/err"
  grep -q "^deckhand: warning: ietf-wsis20.pdf: .*\[source-changed\]$" "$T/err" && ok "check: another PDF than the deck's warns source-changed" || bad "check source-changed: $(cat "$T/err")"
  (cd "$T/a" && "$DECKHAND" handout other.json --layout grid-9 -o "$T/other.pdf") 2>"$T/err"
  grep -q "^deckhand: warning: ietf-wsis20.pdf: .*\[source-changed\]$" "$T/err" && ok "handout says it the same" || bad "handout source-changed: $(cat "$T/err")"
  expect 3 "source-changed" -- at "$T/a" "$DECKHAND" -q --strict check other.json --layout grid-9 --translations pseudo.po
  (cd "$T/a" && "$DECKHAND" check other.json --layout outline --translations pseudo.po) >/dev/null 2>"$T/err"
  ! grep -q "source-changed" "$T/err" && ok "check: no PDF read for outline, no source-changed" || bad "outline: $(cat "$T/err")"
  ;;
*) echo "unknown point $POINT"; exit 2 ;;
esac
summary

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
p10)
  mkdir -p "$T/w/out"; cp "$S" "$T/w/ietf-wsis20.pdf"; cp "$PO" "$T/w/ietf-wsis20.fr.po"
  "$DECKHAND" extract -q "$T/w/ietf-wsis20.pdf" -o "$T/w/ietf.json"
  W=$T/w
  # an unknown option, named alone with the nearest option of the command (5374a58: "The
  # following arguments were not expected: x.po --translation", words reversed, no hint)
  expect 2 "^deckhand: error: --translation: no such option for 'slides' \(did you mean --translations\? run 'deckhand slides --help'\)$" -- \
    at "$W" "$DECKHAND" slides ietf.json --translation x.po -o y.pdf
  expect 2 "^deckhand: error: --ouput: no such option for 'handout' \(did you mean --output\? run 'deckhand handout --help'\)$" -- \
    at "$W" "$DECKHAND" handout ietf.json --ouput y.pdf
  expect 2 "^deckhand: error: --ouput: no such option for 'handout' \(did you mean --output\? run 'deckhand handout --help'\)$" -- \
    at "$W" "$DECKHAND" handout ietf.json --ouput=y.pdf
  expect 2 "^deckhand: error: --layuot: no such option for 'handout' \(did you mean --layout\? run 'deckhand handout --help'\)$" -- \
    at "$W" "$DECKHAND" handout ietf.json --layuot grid-6 -o y.pdf
  expect 2 "^deckhand: error: --trans: no such option for 'check' \(did you mean --translations\? run 'deckhand check --help'\)$" -- \
    at "$W" "$DECKHAND" check ietf.json --trans ietf-wsis20.fr.po
  expect 2 "^deckhand: error: --fromat: no such option for 'strings export' \(did you mean --format\? run 'deckhand strings export --help'\)$" -- \
    at "$W" "$DECKHAND" strings export ietf.json --fromat po
  expect 2 "^deckhand: error: --strcit: no such option for 'check' \(did you mean --strict\? run 'deckhand check --help'\)$" -- \
    at "$W" "$DECKHAND" check ietf.json --strcit
  expect 2 "^deckhand: error: --frobnicate: no such option for 'inspect' \(run 'deckhand inspect --help'\)$" -- \
    at "$W" "$DECKHAND" inspect ietf.json --frobnicate
  expect 2 "^deckhand: error: --layout: no such option for 'extract' \(run 'deckhand extract --help'\)$" -- \
    at "$W" "$DECKHAND" extract ietf-wsis20.pdf --layout grid-6
  expect 2 "^deckhand: error: --frobnicate: no such option \(run 'deckhand --help'\)$" -- "$DECKHAND" --frobnicate
  [ ! -e "$W/y.pdf" ] && ok "nothing written" || bad "y.pdf was written"
  # an argument too many, said as such (5374a58: "The following argument was not expected")
  expect 2 "^deckhand: error: extra.pdf: one argument too many: 'handout' takes one, the input \(is an option's name missing before it\? run 'deckhand handout --help'\)$" -- \
    at "$W" "$DECKHAND" handout ietf.json extra.pdf -o y.pdf
  expect 2 "^deckhand: error: b.po: 2 arguments too many: 'translate' takes two, input and translations \(is an option's name missing before it\? run 'deckhand translate --help'\)$" -- \
    at "$W" "$DECKHAND" translate ietf.json a.po b.po c.po
  # a misspelt command: as before, with the nearest command
  expect 2 "^deckhand: error: extrct: no such command \(did you mean 'extract'\? " -- "$DECKHAND" extrct "$W/ietf-wsis20.pdf"
  # an output folder: the hint names a file in it for the command (5374a58: "e.g.
  # folder/NAME with the output's extension")
  folder() {
    want=$(printf '%s' "$1" | sed 's/[.]/[.]/g'); shift
    expect 10 "^deckhand: error: out: is a folder, not a file \(name a file in it with -o, e.g. out/$want\)$" -- at "$W" "$DECKHAND" "$@"
  }
  folder ietf-wsis20.json extract ietf-wsis20.pdf -o out
  folder ietf-grid-6.pdf handout ietf.json --layout grid-6 -o out
  folder ietf-outline.json handout ietf.json --layout outline --dump layout -o out
  folder ietf-fr.pdf slides ietf.json --translations ietf-wsis20.fr.po -o out
  folder ietf.fr.po strings export ietf.json --format po --target-lang fr -o out
  folder ietf.xlf strings export ietf.json -o out
  folder ietf.pseudo.po strings pseudo ietf.json --format po -o out
  folder ietf.fr.po strings update ietf-wsis20.fr.po ietf.json -o out
  folder ietf.fr.json translate ietf.json ietf-wsis20.fr.po -o out
  folder ietf-wsis20-booklet.pdf impose ietf-wsis20.pdf -o out
  [ -z "$(ls -A "$W/out")" ] && ok "nothing written in the folder" || bad "written in out/: $(ls "$W/out")"
  ;;
p10docs)
  # the man page's options against --help, its rendering (one line a check; the warning
  # and exit codes of the docs against src/core/codes.hpp: unit test Codes.*)
  /usr/bin/python3 "$ROOT/tests/e2e/issue19_docs.py" "$DECKHAND" "$ROOT" >"$T/docs.out" 2>&1; rc=$?
  cat "$T/docs.out"
  [ "$rc" = 0 ] && ok "issue19_docs.py" || bad "issue19_docs.py: $(grep -c '^FAIL' "$T/docs.out") failures"
  # the installed tool: man deckhand, and the documents its messages cite, at the paths they give
  BUILD=$4
  if [ -z "$BUILD" ] || ! command -v cmake >/dev/null; then echo "skip: no build folder or no cmake: the installed tool is not checked"; summary; exit $?; fi
  cmake --install "$BUILD" --prefix "$T/inst" >/dev/null 2>&1 || { bad "cmake --install failed"; summary; exit 1; }
  [ -f "$T/inst/share/man/man1/deckhand.1" ] && ok "installed: share/man/man1/deckhand.1" || bad "no installed man page: $(find "$T/inst" -name '*.1')"
  if command -v man >/dev/null; then
    MANPATH=$T/inst/share/man MANPAGER=cat MANWIDTH=80 man deckhand 2>"$T/err" | grep -q "exit" \
      && ok "man deckhand shows the installed page" || bad "man deckhand: $(cat "$T/err")"
  fi
  DH=$T/inst/bin/deckhand
  "$DH" extract -q "$S" -o "$T/deck.json"
  printf 'name: typo\nmode: grid\ngrid:\n  rows: 2\n  colums: 3\n' >"$T/typo.yaml"
  echo '{}' >"$T/inv.json"
  "$DH" handout "$T/deck.json" --layout outline -o "$T/plain.pdf" 2>/dev/null
  # cited FILE CMD...: the installed tool, run from / without DECKHAND_DATA, cites a document
  # that is there, in the installed prefix
  cited() {
    what=$1; shift
    ( unset DECKHAND_DATA; cd / && "$@" ) >/dev/null 2>"$T/err"
    doc=$(grep -o 'see [^ ;)]*\.md\|; [^ ;)]*\.md)' "$T/err" | head -1 | sed 's/^see //; s/^; //; s/)$//')
    case $doc in
      "$T/inst/share/doc/deckhand/"*) [ -f "$doc" ] && ok "$what: cites $doc, which is installed" || bad "$what: cites $doc, not there" ;;
      *) bad "$what: cites '$doc', not an installed document: $(cat "$T/err")" ;;
    esac
  }
  cited "a bad layout" "$DH" handout "$T/deck.json" --layout "$T/typo.yaml" -o "$T/x.pdf"
  cited "an invalid deck JSON" "$DH" handout "$T/inv.json" -o "$T/x.pdf"
  cited "a limit" "$DH" --max-slides 1 inspect "$T/deck.json"
  cited "preflight problems" "$DH" preflight "$T/plain.pdf"
  ;;
*) echo "unknown point $POINT"; exit 2 ;;
esac
summary

#!/bin/sh
# Issue 19 ("never lose their work, say what happened"), the translation points, one test
# a point: sh issue19_l10n.sh DECKHAND SRCDIR POINT (p5, p6, p11).
#  p5  a translation file made for another deck: exit 11 unless --allow-mismatch
#  p6  language tags made canonical by ICU (ara -> ar, fr_FR -> fr-FR); script-mismatch
#  p11 a NUL byte in a translation is refused (PO and XLIFF); check prints a line once
DECKHAND=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); ROOT=$(cd "$2" && pwd); POINT=$3
export LC_ALL=C.UTF-8
. "$ROOT/tests/e2e/lib.sh"
PY=/usr/bin/python3
S=$ROOT/samples/ietf-wsis20.pdf
TR=$ROOT/samples/translations
"$DECKHAND" extract -q "$S" -o "$T/ietf.json"
cp "$S" "$T/ietf-wsis20.pdf"
# absent FILE: nothing was written
absent() { [ ! -e "$1" ] && ok "$(basename "$1") not written" || bad "$(basename "$1") was written"; }
# relabel IN OUT LANG: a PO file with another Language: header
relabel() { sed "s/^\"Language: [^\\\\]*\\\\n\"$/\"Language: $3\\\\n\"/" "$1" >"$2"; grep -q "^\"Language: $3\\\\n\"" "$2" || bad "relabel $3"; }
# count PATTERN FILE: lines matching
count() { grep -c -e "$1" "$2"; }

case $POINT in
p5)
  "$DECKHAND" strings pseudo -q "$ROOT/samples/ar.pdf" --format po -o "$T/other.po"
  others=$(grep -c '^msgctxt' "$T/other.po")
  msg="other.po: 0 of the deck's 27 units are in this file, which holds $others others \(made for another deck or version\?\) \(check the file, or add --allow-mismatch to use it anyway\)"
  expect 11 "$msg" -- "$DECKHAND" handout "$T/ietf.json" --translations "$T/other.po" --layout notes-3 -o "$T/x.pdf"
  absent "$T/x.pdf"
  expect 11 "$msg" -- "$DECKHAND" slides "$T/ietf.json" --translations "$T/other.po" -o "$T/s.pdf"
  absent "$T/s.pdf"
  expect 11 "$msg" -- "$DECKHAND" translate "$T/ietf.json" "$T/other.po" -o "$T/t.json"
  absent "$T/t.json"
  expect 11 "$msg" -- "$DECKHAND" check "$T/ietf.json" --translations "$T/other.po"
  [ ! -s "$T/stdout" ] && ok "check: no report" || bad "check printed: $(cat "$T/stdout")"
  expect 11 "$msg" -- "$DECKHAND" --strict translate "$T/ietf.json" "$T/other.po" -o "$T/t.json"
  # --allow-mismatch: today's warning, and the output
  "$DECKHAND" handout "$T/ietf.json" --translations "$T/other.po" --allow-mismatch --layout notes-3 -o "$T/x.pdf" 2>"$T/err"; rc=$?
  [ "$rc" = 0 ] && [ -s "$T/x.pdf" ] && [ "$(count '\[translation-mismatch\]' "$T/err")" = 1 ] \
    && ok "handout --allow-mismatch: exit 0, written, one translation-mismatch warning" || bad "handout --allow-mismatch: $rc $(cat "$T/err")"
  "$DECKHAND" translate "$T/ietf.json" "$T/other.po" --allow-mismatch -o "$T/t.json" 2>"$T/err"; rc=$?
  [ "$rc" = 0 ] && grep -q "0 of the deck's 27 units are in this file, which holds $others others.*\[translation-mismatch\]" "$T/err" \
    && ok "translate --allow-mismatch: the warning gives the counts" || bad "translate --allow-mismatch: $rc $(cat "$T/err")"
  "$DECKHAND" check "$T/ietf.json" --translations "$T/other.po" --allow-mismatch >/dev/null 2>"$T/err"; rc=$?
  [ "$rc" = 0 ] && grep -q "\[translation-mismatch\]" "$T/err" && ok "check --allow-mismatch: exit 0, warned" || bad "check --allow-mismatch: $rc $(cat "$T/err")"
  "$DECKHAND" slides "$T/ietf.json" --translations "$T/other.po" --allow-mismatch -o "$T/s.pdf" 2>"$T/err"; rc=$?
  [ "$rc" = 0 ] && [ -s "$T/s.pdf" ] && ok "slides --allow-mismatch: written" || bad "slides --allow-mismatch: $rc $(cat "$T/err")"
  expect 3 "translation-mismatch" -- "$DECKHAND" -q --strict translate "$T/ietf.json" "$T/other.po" --allow-mismatch -o "$T/t2.json"
  absent "$T/t2.json"
  # under half: 13 of 27 units kept (an error); 14 of 27 (not one)
  keep() {
    $PY - "$TR/ietf-wsis20.fr.po" "$1" "$2" <<'PY'
import sys
src, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
entries = open(src, encoding="utf-8").read().split("\n\n")
head, units = entries[0], [e for e in entries[1:] if "msgctxt" in e]
open(out, "w", encoding="utf-8").write("\n\n".join([head] + units[:n]) + "\n")
PY
  }
  keep 13 "$T/half.po"; keep 14 "$T/most.po"
  expect 11 "half.po: 13 of the deck's 27 units are in this file, which holds no others" -- "$DECKHAND" translate "$T/ietf.json" "$T/half.po" -o "$T/h.json"
  absent "$T/h.json"
  "$DECKHAND" translate "$T/ietf.json" "$T/most.po" -o "$T/m.json" 2>"$T/err"; rc=$?
  [ "$rc" = 0 ] && ! grep -q "mismatch" "$T/err" && grep -q "13 of 27 unit(s) kept in the source language (13 not in the file)" "$T/err" \
    && ok "14 of 27 units: merged, the rest listed as untranslated" || bad "most.po: $rc $(cat "$T/err")"
  # the whole file: no complaint
  expect 0 "" -- "$DECKHAND" -q translate "$T/ietf.json" "$TR/ietf-wsis20.fr.po" -o "$T/fr.json"
  # every command that reads a translation file against a deck documents the flag
  for c in handout slides translate check; do
    "$DECKHAND" $c --help 2>&1 | grep -q -- "--allow-mismatch" && ok "$c --help: --allow-mismatch" || bad "$c --help has no --allow-mismatch"
  done
  ;;

p6)
  relabel "$TR/ietf-wsis20.ar.po" "$T/ara.po" ara
  "$DECKHAND" -v handout "$T/ietf.json" --translations "$T/ara.po" --layout notes-3 -o "$T/ara.pdf" 2>"$T/err"; rc=$?
  [ "$rc" = 0 ] && grep -q "^deckhand: info: .*ara.po: language 'ara' read as 'ar'$" "$T/err" \
    && ok "ara: read as ar, -v says so" || bad "ara: $rc $(cat "$T/err")"
  "$DECKHAND" -q handout "$T/ietf.json" --translations "$TR/ietf-wsis20.ar.po" --layout notes-3 -o "$T/ar.pdf"
  pdftotext "$T/ara.pdf" "$T/ara.txt"
  grep -q "الشريحة" "$T/ara.txt" && ! grep -q "Slide [0-9]" "$T/ara.txt" && ok "ara: Arabic labels" || bad "ara: labels $(grep -m2 'Slide' "$T/ara.txt")"
  cmp -s "$T/ara.pdf" "$T/ar.pdf" && ok "ara: the same handout as ar" || bad "ara.pdf differs from ar.pdf"
  "$DECKHAND" -q translate "$T/ietf.json" "$T/ara.po" -o "$T/ara.json"
  [ "$(jq -r '.lang + " " + .direction' "$T/ara.json")" = "ar rtl" ] && ok "ara: deck lang ar, rtl" || bad "ara.json: $(jq -r '.lang + " " + .direction' "$T/ara.json")"
  relabel "$TR/ietf-wsis20.fr.po" "$T/fra.po" fra
  "$DECKHAND" -v translate "$T/ietf.json" "$T/fra.po" -o "$T/fra.json" 2>"$T/err"
  grep -q "fra.po: language 'fra' read as 'fr'" "$T/err" && [ "$(jq -r .lang "$T/fra.json")" = fr ] && ok "fra: read as fr" || bad "fra: $(cat "$T/err")"
  # without -v: no note
  "$DECKHAND" translate "$T/ietf.json" "$T/fra.po" -o "$T/fra2.json" 2>"$T/err"
  [ ! -s "$T/err" ] && ok "fra: silent without -v" || bad "fra without -v: $(cat "$T/err")"
  # XLIFF: trgLang / target-language
  "$DECKHAND" strings update -q "$TR/ietf-wsis20.fr.po" "$T/ietf.json" --format xliff2 -o "$T/fr.x2.xlf"
  "$DECKHAND" strings update -q "$TR/ietf-wsis20.fr.po" "$T/ietf.json" --format xliff12 -o "$T/fr.x12.xlf"
  sed 's/trgLang="fr"/trgLang="fra"/' "$T/fr.x2.xlf" >"$T/fra.x2.xlf"; sed 's/target-language="fr"/target-language="fr_FR"/' "$T/fr.x12.xlf" >"$T/frFR.x12.xlf"
  "$DECKHAND" -q translate "$T/ietf.json" "$T/fra.x2.xlf" -o "$T/x2.json"; "$DECKHAND" -q translate "$T/ietf.json" "$T/frFR.x12.xlf" -o "$T/x12.json"
  [ "$(jq -r .lang "$T/x2.json") $(jq -r .lang "$T/x12.json")" = "fr fr-FR" ] && ok "XLIFF trgLang fra -> fr, target-language fr_FR -> fr-FR" \
    || bad "XLIFF langs: $(jq -r .lang "$T/x2.json") $(jq -r .lang "$T/x12.json")"
  # --lang
  grep -v '^"Language:' "$TR/ietf-wsis20.ar.po" >"$T/nolang.po"
  "$DECKHAND" -q translate "$T/ietf.json" "$T/nolang.po" --lang ara -o "$T/nl.json"
  [ "$(jq -r '.lang + " " + .direction' "$T/nl.json")" = "ar rtl" ] && ok "--lang ara: ar, rtl" || bad "--lang ara: $(jq -r .lang "$T/nl.json")"
  expect 2 "--lang: 'arabic' is not a language tag \(did you mean 'ar'\?" -- "$DECKHAND" translate "$T/ietf.json" "$T/nolang.po" --lang arabic -o "$T/nl2.json"
  absent "$T/nl2.json"
  # --target-lang: POSIX forms accepted, written canonical
  for pair in fr_FR:fr-FR zh_Hans_CN:zh-Hans-CN zh-hans-cn:zh-Hans-CN fra:fr; do
    in=${pair%%:*}; want=${pair#*:}
    "$DECKHAND" -v strings export "$T/ietf.json" --format po --target-lang "$in" -o "$T/e-$in.po" 2>"$T/err"; rc=$?
    [ "$rc" = 0 ] && grep -q "^\"Language: $want\\\\n\"$" "$T/e-$in.po" && grep -q "language '$in' read as '$want'" "$T/err" \
      && ok "--target-lang $in: written $want" || bad "--target-lang $in: $rc $(cat "$T/err") $(grep '^"Language' "$T/e-$in.po")"
  done
  expect 2 "--target-lang: 'French' is not a language tag \(did you mean 'fr'\? give a BCP 47 tag" -- "$DECKHAND" strings export "$T/ietf.json" --target-lang French -o "$T/g.po"
  expect 2 "did you mean 'fr-FR'\?" -- "$DECKHAND" strings export "$T/ietf.json" --target-lang "fr FR" -o "$T/g.po"
  expect 2 "--target-lang: '12' is not a language tag \(give a BCP 47 tag" -- "$DECKHAND" strings export "$T/ietf.json" --target-lang 12 -o "$T/g.po"
  absent "$T/g.po"
  # a PO header that is no language tag: exit 11, with a suggestion
  relabel "$TR/ietf-wsis20.fr.po" "$T/french.po" "Français"
  expect 11 "french.po: the Language: header 'Français' is not a language tag \(did you mean 'fr'\?" -- "$DECKHAND" handout "$T/ietf.json" --translations "$T/french.po" -o "$T/fh.pdf"
  absent "$T/fh.pdf"
  # a deck JSON's lang
  jq '.lang = "fra"' "$T/ietf.json" >"$T/fra-deck.json"
  "$DECKHAND" inspect "$T/fra-deck.json" >"$T/inspect" 2>/dev/null && grep -q "lang fr," "$T/inspect" && ok "deck JSON lang fra: fr" || bad "deck lang: $(grep lang "$T/inspect")"
  jq '.lang = "en glish"' "$T/ietf.json" >"$T/bad-deck.json"
  expect 8 "bad-deck.json: invalid deck JSON at /lang: 'en glish' is not a language tag" -- "$DECKHAND" inspect "$T/bad-deck.json"
  # script-mismatch: Arabic translations in a file labelled fr; one warning, with counts
  relabel "$TR/ietf-wsis20.ar.po" "$T/ar-as-fr.po" fr
  "$DECKHAND" translate "$T/ietf.json" "$T/ar-as-fr.po" -o "$T/af.json" 2>"$T/err"; rc=$?
  [ "$rc" = 0 ] && [ "$(count '\[script-mismatch\]' "$T/err")" = 1 ] \
    && grep -q "ar-as-fr.po: [0-9]* of the [0-9]* letters of the translations are Arabic, which 'fr' is not written in (Latin)" "$T/err" \
    && ok "Arabic in a file labelled fr: one script-mismatch warning" || bad "ar as fr: $rc $(cat "$T/err")"
  expect 3 "script-mismatch" -- "$DECKHAND" -q --strict translate "$T/ietf.json" "$T/ar-as-fr.po" -o "$T/af2.json"
  # Latin in a file labelled zh (a pseudo-translation): warned; the real files: not
  "$DECKHAND" strings pseudo -q "$T/ietf.json" --format po -o "$T/pseudo.po"; relabel "$T/pseudo.po" "$T/pseudo-zh.po" zh
  "$DECKHAND" translate "$T/ietf.json" "$T/pseudo-zh.po" -o "$T/pz.json" 2>"$T/err"
  grep -q "are Latin, which 'zh' is not written in (Han, Bopomofo).*\[script-mismatch\]" "$T/err" && ok "Latin in a file labelled zh: warned" || bad "pseudo zh: $(cat "$T/err")"
  for l in ar zh fr ru es; do
    "$DECKHAND" translate "$T/ietf.json" "$TR/ietf-wsis20.$l.po" -o "$T/$l.json" 2>"$T/err"
    [ ! -s "$T/err" ] && ok "$l: no warning" || bad "$l: $(cat "$T/err")"
  done
  ;;

p11)
  # put TEXT (python bytes literal) into the msgstr of s3.b2
  nul() {
    $PY - "$TR/ietf-wsis20.fr.po" "$1" "$2" <<'PY'
import sys
src, ins, out = sys.argv[1], eval("b'" + sys.argv[2] + "'"), sys.argv[3]
t = open(src, "rb").read()
at = t.index(b'msgstr "', t.index(b'msgctxt "s3.b2-')) + len(b'msgstr "Les participants')
open(out, "wb").write(t[:at] + ins + t[at:])
PY
  }
  line=$(grep -n -A2 'msgctxt "s3.b2-' "$TR/ietf-wsis20.fr.po" | sed -n 's/^\([0-9]*\)-msgstr .*/\1/p')
  id=$(sed -n 's/^msgctxt "\(s3\.b2-[0-9a-f]*\)"$/\1/p' "$TR/ietf-wsis20.fr.po")
  nul '\x00' "$T/raw.po"; nul '\\0' "$T/esc.po"; nul '\\x00' "$T/hex.po"; nul '\\000' "$T/oct.po"
  for f in raw esc hex oct; do
    expect 11 "$f.po:$line: unit $id: the translation holds a NUL byte \(remove it\)" -- "$DECKHAND" translate "$T/ietf.json" "$T/$f.po" -o "$T/$f.json"
    absent "$T/$f.json"
  done
  expect 11 "raw.po:$line: unit $id: the translation holds a NUL byte" -- "$DECKHAND" handout "$T/ietf.json" --translations "$T/raw.po" -o "$T/raw.pdf"
  absent "$T/raw.pdf"
  # an escaped backslash before a 0 is no NUL
  nul '\\\\0' "$T/bs.po"
  "$DECKHAND" -q translate "$T/ietf.json" "$T/bs.po" -o "$T/bs.json" && jq -r '.slides[2].blocks[1].text' "$T/bs.json" | grep -q 'participants\\0 de' \
    && ok "\\\\0 is a backslash and a 0" || bad "bs.po: $(jq -r '.slides[2].blocks[1].text' "$T/bs.json")"
  # XLIFF: a raw NUL, a character reference to one and to another control character
  "$DECKHAND" strings update -q "$TR/ietf-wsis20.fr.po" "$T/ietf.json" --format xliff2 -o "$T/fr.xlf"
  xline=$(grep -n 'Les participants de' "$T/fr.xlf" | cut -d: -f1)
  for ref in '\x00' '&#0;' '&#1;' '&#x1f;'; do
    $PY - "$T/fr.xlf" "$ref" "$T/ctl.xlf" <<'PY'
import sys
src, ref, out = sys.argv[1], sys.argv[2], sys.argv[3]
t = open(src, "rb").read()
ins = b"\x00" if ref == "\\x00" else ref.encode()
at = t.index(b"Les participants") + len(b"Les participants")
open(out, "wb").write(t[:at] + ins + t[at:])
PY
    "$DECKHAND" translate "$T/ietf.json" "$T/ctl.xlf" -o "$T/ctl.json" >/dev/null 2>"$T/err"; rc=$?
    [ "$rc" = 11 ] && [ "$(wc -l <"$T/err")" = 1 ] && grep -q "ctl.xlf:$xline: .*\(NUL\|control character\)" "$T/err" && [ ! -e "$T/ctl.json" ] \
      && ok "XLIFF with $ref: exit 11, line $xline" || bad "XLIFF $ref: $rc $(cat "$T/err")"
    rm -f "$T/ctl.json"
  done
  # check: a character no font has is listed once
  $PY - "$TR/ietf-wsis20.fr.po" "$T/glyph.po" <<'PY'
import sys
t = open(sys.argv[1], encoding="utf-8").read()
t = t.replace('msgstr "Les participants', 'msgstr "Les \U00013000 participants', 1)
open(sys.argv[2], "w", encoding="utf-8").write(t)
PY
  for l in notes-3 outline; do
    "$DECKHAND" check "$T/ietf.json" --layout $l --translations "$T/glyph.po" >"$T/report" 2>"$T/err"; rc=$?
    n=$(grep -c "U+13000" "$T/report"); w=$(grep -c "U+13000" "$T/err")
    [ "$n" = 1 ] && [ "$w" -le 1 ] && ok "check $l: U+13000 listed once (exit $rc)" || bad "check $l: U+13000 $n times on stdout, $w on stderr: $(cat "$T/report" "$T/err")"
    sort "$T/report" | uniq -d >"$T/dups"
    [ ! -s "$T/dups" ] && ok "check $l: no line twice" || bad "check $l: lines twice: $(cat "$T/dups")"
  done
  ;;
*) echo "unknown point $POINT"; exit 2 ;;
esac
summary

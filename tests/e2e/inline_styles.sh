#!/bin/sh
# Issue 17: a bold word inside a line stays bold; an italic one slanted, a coloured one in its
# colour. The deck is our own case tests/cases/extract/inline-styles.pdf (Chromium, from
# scripts/cases/inline-styles.html); its units are exported with their inline tags, translated
# into French keeping the tags on other words, and set as translated slides and as an outline.
# Read back with independent tools: mutool trace (each glyph's font), pdftotext.
# Usage: inline_styles.sh DECKHAND SRCDIR
. "$(dirname "$0")/lib.sh"
DECKHAND=$1
ROOT=$2
PDF=$ROOT/tests/cases/extract/inline-styles.pdf
for tool in mutool pdftotext python3; do command -v $tool >/dev/null || { echo "skip: no $tool"; exit 77; }; done
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
"$DECKHAND" strings export -q "$PDF" --format po --target-lang fr -o "$T/en.po"
python3 - "$T/en.po" "$T/fr.po" <<'PY'
import re, sys
src, out = sys.argv[1:3]
tr = {
  "s1.b1": "L’IETF est <b>ouverte</b> à tous",
  "s1.b2": "Les brouillons naissent comme des contributions <i>individuelles</i>",
  "s1.b3": "Les inscriptions ferment <span style=\"color:#c00000\">vendredi</span> à midi",
}
blocks = open(src, encoding="utf-8").read().split("\n\n")
for i, b in enumerate(blocks):
    m = re.search(r"^#: (\S+)$", b, re.M)
    if m and m.group(1) in tr:
        t = tr[m.group(1)].replace('"', '\\"')
        blocks[i] = re.sub(r'^msgstr ""$', 'msgstr "' + t + '"', b, flags=re.M)
open(out, "w", encoding="utf-8").write("\n\n".join(blocks))
PY
grep -q 'msgstr "L’IETF est <b>ouverte</b> à tous"' "$T/fr.po" || { bad "the PO was not filled: $(grep -A1 's1.b1' "$T/fr.po" | head -4)"; summary; exit 1; }
quiet "slides" "$DECKHAND" slides -q "$PDF" --translations "$T/fr.po" -o "$T/slides.pdf"
quiet "outline" "$DECKHAND" handout -q "$PDF" --translations "$T/fr.po" --layout outline -o "$T/outline.pdf"
for out in slides outline; do
  pdftotext "$T/$out.pdf" - | tr '\n' ' ' >"$T/$out.txt"
  for w in "L’IETF est ouverte à tous" "contributions individuelles" "ferment vendredi à midi"; do
    grep -q "$w" "$T/$out.txt" && ok "$out: pdftotext gives '$w'" || bad "$out: no '$w' in: $(head -c 300 "$T/$out.txt")"
  done
  mutool trace "$T/$out.pdf" 1 >"$T/$out.trace" 2>/dev/null
  python3 - "$T/$out.trace" "$out" <<'PY'
import re, sys
trace, name = sys.argv[1:3]
# mutool trace: <span font="..." ...> then <g unicode="x" glyph=... x= y= .../>; colour on <fill_text ... color="r g b">
font = None; color = None; words = []; cur = None
for line in open(trace, encoding="utf-8"):
    m = re.search(r'<(fill|stroke)_text\b.*?color="([^"]*)"', line)
    if m: color = m.group(2)
    m = re.search(r'<span font="([^"]*)".*?trm="([^"]*)"', line)
    if m: font, trm = m.group(1), [float(v) for v in m.group(2).split()]
    m = re.search(r'<g unicode="([^"]*)"', line)
    if m:
        ch = m.group(1)
        ch = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'"}.get(ch, ch)
        oblique = abs(trm[2]) > 1e-3 if len(trm) == 4 else False
        words.append((ch, font, color, oblique))
text = "".join(w[0] for w in words)
def style_of(word):
    i = text.find(word)
    if i < 0: return None
    return words[i:i + len(word)]
fails = 0
def check(cond, what):
    global fails
    print(("ok: " if cond else "FAIL: ") + name + ": " + what)
    fails += 0 if cond else 1
ouv, tous = style_of("ouverte"), style_of("tous")
check(ouv is not None and all("Bold" in f for _, f, _, _ in ouv), "'ouverte' drawn in a bold face: %s" % (ouv and ouv[0][1]))
check(tous is not None and all("Bold" not in f for _, f, _, _ in tous), "'tous' in the regular face: %s" % (tous and tous[0][1]))
ind = style_of("individuelles")
check(ind is not None and all(o or "Italic" in f or "Oblique" in f for _, f, _, o in ind), "'individuelles' italic or slanted: %s" % (ind and ind[0][1]))
ven, midi = style_of("vendredi"), style_of("midi")
def red(c):
    try:
        r, g, b = [float(v) for v in c.split()[-3:]]
        return r > 0.6 and g < 0.2 and b < 0.2
    except Exception:
        return False
check(ven is not None and all(red(c) for _, _, c, _ in ven), "'vendredi' in red: %s" % (ven and ven[0][2]))
check(midi is not None and not any(red(c) for _, _, c, _ in midi), "'midi' not red: %s" % (midi and midi[0][2]))
sys.exit(1 if fails else 0)
PY
  [ $? = 0 ] && ok "$out: styles kept" || bad "$out: styles lost"
done
summary

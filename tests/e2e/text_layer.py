#!/usr/bin/python3
"""The text layer as pdftotext (Poppler) reads it: does every translated unit come back?

usage: text_layer.py PO PDF [-v]

Every translated unit of PO (msgstr, one paragraph per line of it) must come back from
`pdftotext PDF -`:
- Latin, Cyrillic, CJK: exactly, character for character (in pdftotext's default reading,
  else in its -raw reading, drawing order: a box set beside another on shared baselines is
  read line by line across both by default, as in the source deck); between words any white space,
  and a word broken at a line's end only with a hyphen ("Déploie-" / "ment": a typeset
  line-end hyphen, which pdftotext keeps), after a hyphen or a slash that the text has, or
  anywhere in CJK text (no spaces there).
- Arabic: the letters and marks of each word in reading order, and the words in reading
  order. pdftotext chooses one direction per page, from the majority of the page's strong
  characters (Poppler's TextPage::coalesce): on a page it reads right to left, the whole
  unit's Arabic words come back in reading order; on a page it reads left to right (more
  Latin letters than Arabic ones, or as many), a line mixing Arabic and Latin comes back
  with its runs in visual order, so there each Arabic run must come back in reading order
  (a run ends where Poppler ends one: at a Latin letter, a digit, or a separator it counts
  with numbers, such as ".,:/-#" and the Arabic comma). Poppler wraps what it reorders in bidi
  embedding controls (U+202A-U+202C), deckhand may end a run with U+200F (RIGHT-TO-LEFT
  MARK) and a line ending in a hyphen of the text's own with U+200B (ZERO WIDTH SPACE): all
  are format characters, left out; so are spaces, punctuation and digits,
  which Poppler moves at run boundaries (docs/text-setting.md, "The text layer").
A report line per unit not found (NOTFOUND), then a summary. Exit 0 when every unit is
found, 1 when one is not, 2 on a usage or tool error.
"""
import re
import subprocess
import sys
import unicodedata

FORMAT = dict.fromkeys(map(ord, "\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\u00ad"))
SPACES = "\u00a0\u202f\u2009\u2007"


def po_units(path):
    """(context, text) of each translated, non-fuzzy unit."""
    units, cur, fuzzy, field = [], {}, False, None

    def flush():
        nonlocal cur, fuzzy
        if cur.get("msgid") and cur.get("msgstr") and not fuzzy:
            units.append((cur.get("msgctxt", ""), cur["msgstr"]))
        cur, fuzzy = {}, False

    def unq(s):
        s = s.strip()[1:-1]
        return re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}.get(m.group(1), m.group(1)), s)

    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip():
            flush()
            field = None
        elif line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
        elif line.startswith("#"):
            continue
        elif line.startswith('"') and field:
            cur[field] += unq(line)
        else:
            m = re.match(r'(msgctxt|msgid|msgstr)\s+(".*")$', line)
            if m:
                field = m.group(1)
                cur[field] = unq(m.group(2))
    flush()
    return units


def is_arabic(c):
    return "\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f" or "\u08a0" <= c <= "\u08ff" or "\ufb50" <= c <= "\ufdff" or "\ufe70" <= c <= "\ufeff"


def arabic_letter(c):
    return is_arabic(c) and unicodedata.category(c)[0] in "LM"


def is_cjk(c):
    return unicodedata.east_asian_width(c) in "WF"


def poppler_breaks(c):
    """Does Poppler end a right-to-left section at this character on a page it reads left to
    right? Its reorderText() does at a left-to-right letter or a "number" of its own
    UnicodeTypeTable: digits and the separators around numbers (bidi classes EN, AN, ES,
    ET, CS: "+-.,/:#$%", the no-break space, the Arabic comma)."""
    return unicodedata.bidirectional(c) in ("L", "EN", "AN", "ES", "ET", "CS")


def arabic_runs(text):
    """The unit's Arabic words, in runs split where Poppler splits them (poppler_breaks)."""
    runs, cur, word = [], [], ""
    for c in text + " ":
        if arabic_letter(c):
            word += c
            continue
        if word:
            cur.append(word)
            word = ""
        if poppler_breaks(c) and cur:
            runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


def arabic_words(text):
    return re.findall("[%s]+" % "".join(c for c in map(chr, range(0x600, 0x700)) if arabic_letter(c)) + "|[\ufb50-\ufdff\ufe70-\ufeff\u0750-\u077f\u08a0-\u08ff]+", text)


def contains(seq, sub):
    n = len(sub)
    return n > 0 and any(seq[i:i + n] == sub for i in range(len(seq) - n + 1))


def in_order(seq, sub):
    """sub's words in seq in their order (a run may wrap: on a page read left to right each
    line comes in visual order, so a run's words on the next line follow other runs)."""
    it = iter(seq)
    return all(any(w == x for x in it) for w in sub)


def pattern(text):
    """A regular expression for a non-Arabic paragraph as pdftotext may give it."""
    out = []
    chars = [c for c in text.translate(FORMAT)]
    i = 0
    while i < len(chars):
        c = chars[i]
        if c.isspace() or c in SPACES:
            while i + 1 < len(chars) and (chars[i + 1].isspace() or chars[i + 1] in SPACES):
                i += 1
            out.append(r"[\s%s]*" % SPACES if (i + 1 < len(chars) and is_cjk(chars[i + 1])) or (out and is_cjk(chars[i - 1])) else r"[\s%s]+" % SPACES)
            i += 1
            continue
        out.append(re.escape(c))
        if i + 1 < len(chars) and not (chars[i + 1].isspace() or chars[i + 1] in SPACES):
            n = chars[i + 1]
            if is_cjk(c) or is_cjk(n):
                out.append(r"\s*")
            elif c in "-/\u2010\u2011\u2013\u2014":
                out.append(r"\n?")
            elif c.isalpha() and n.isalpha():
                out.append(r"(?:-\n)?")
        i += 1
    return "".join(out)


def poppler_reads_ltr(page):
    """Poppler's page direction: left to right unless right-to-left letters outnumber
    left-to-right ones (its own embedding controls aside; U+200F counts as right to left,
    as Poppler counts it)."""
    n = 0
    for c in page:
        if c in "\u202a\u202b\u202c":
            continue
        b = unicodedata.bidirectional(c)
        if b == "L":
            n += 1
        elif b in ("R", "AL"):
            n -= 1
    return n >= 0


def main(argv):
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    po, pdf = args
    try:
        text = subprocess.run(["pdftotext", pdf, "-"], check=True, capture_output=True).stdout.decode("utf-8")
    except (OSError, subprocess.CalledProcessError) as e:
        print("pdftotext failed: %s" % e, file=sys.stderr)
        return 2
    pages = text.split("\f")
    plain = [p.translate(FORMAT) for p in pages]
    ltr = [poppler_reads_ltr(p) for p in pages]
    words = [arabic_words(p) for p in plain]
    found = {"exact": 0, "raw": 0, "arabic-whole": 0, "arabic-runs": 0}
    raw = []

    def raw_text():
        if not raw:
            out = subprocess.run(["pdftotext", "-raw", pdf, "-"], check=True, capture_output=True).stdout.decode("utf-8")
            raw.append(out.translate(FORMAT))
        return raw[0]
    missing = 0
    units = po_units(po)
    if not units:
        print("no translated unit in %s" % po, file=sys.stderr)
        return 2
    for ctx, msgstr in units:
        for para in msgstr.split("\n"):
            para = para.strip()
            if not para:
                continue
            runs = arabic_runs(para)
            if runs:
                whole = [w for r in runs for w in r]
                how = None
                for k, ws in enumerate(words):
                    if not ltr[k] and contains(ws, whole):
                        how = "arabic-whole"
                        break
                    if ltr[k] and all(in_order(ws, r) for r in runs):
                        how = "arabic-runs"
                        break
                if how:
                    found[how] += 1
                    if verbose:
                        print("ok %s %s: %s" % (how, ctx, para))
                else:
                    missing += 1
                    best = max(range(len(words)), key=lambda k: sum(w in words[k] for w in whole))
                    strays = [w for w in words[best] if w not in set(whole)]
                    print("NOTFOUND %s: %s (page %d, read %s; words not in the unit there: %s)" %
                          (ctx, para, best + 1, "left to right" if ltr[best] else "right to left", " ".join(strays[:8])))
            else:
                pat = pattern(para)
                if re.search(pat, "\n".join(plain)):
                    found["exact"] += 1
                    if verbose:
                        print("ok exact %s: %s" % (ctx, para))
                elif re.search(pat, raw_text()):
                    found["raw"] += 1
                    print("raw %s: %s (pdftotext -raw only: beside another box on shared lines)" % (ctx, para))
                else:
                    missing += 1
                    print("NOTFOUND %s: %s" % (ctx, para))
    total = sum(found.values()) + missing
    print("%s: %d paragraphs of %d units: %d exact (%d of them with -raw), %d Arabic whole (page read right to left), "
          "%d Arabic by runs (page read left to right: %d pages), %d not found" %
          (pdf.rsplit("/", 1)[-1], total, len(units), found["exact"] + found["raw"], found["raw"], found["arabic-whole"],
           found["arabic-runs"], sum(1 for k, p in enumerate(pages) if ltr[k] and words[k]), missing))
    return 0 if missing == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

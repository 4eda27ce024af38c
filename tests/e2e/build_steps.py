#!/usr/bin/python3
"""Build steps and removal in translated slides, read from the PDFs alone (issue 18, items 3
and 5), independent of deckhand's extraction and layout code.

usage: build_steps.py SOURCE.pdf [--warnings ERR] SLIDES.pdf TRANSLATIONS.po
                      [[--warnings ERR2] SLIDES2.pdf TRANSLATIONS2.po ...] [--pages A-B] [-v]

Each SLIDES.pdf is `deckhand slides SOURCE.pdf --translations TRANSLATIONS.po` (every page of
the source, in order); the source is read once for all of them. Read with independent tools:
- every glyph of both PDFs with `mutool trace`: its character, origin, advance, size (turned
  text too), and whether it is painted (fill, stroke or clip text; `ignore_text`, render
  mode 3, is not). The translated text is the glyphs of SLIDES.pdf in the fonts deckhand's
  text layer adds (resource names /DhF..., src/render/text_layer.cpp, or any font of the
  layer's Form XObject /DhLayer...; found with qpdf --json); the text that stays is every
  other glyph;
- which glyphs of a source page a reader sees: the page drawn by Ghostscript (about 900
  pixels across, its CropBox) with its text and with -dFILTERTEXT: the same renderer, so the
  two differ only by text ink. A glyph is seen when a pixel of its box (0.8 em above the
  baseline to 0.3 em below) differs by more than 3/255 (Beamer draws the items of later
  steps at 15 % opacity, a sub-item fainter still: faint, but there), or when it is on the
  page in a word that has such a glyph (an underscore under a link's underline). A glyph that
  stays on an output page is seen when the source glyph at the same place is (the rest of the
  page is the source's, byte for byte);
- Poppler's reading of the source page (pdftotext), for short tokens only: markers as
  extraction found them (Beamer's triangle from MSAM10 is an "I"), TeX's math signs;
- the units from the PO file: a unit is translated when its msgstr is not empty, not fuzzy
  and not its msgid (inline tags and their escapes removed).
Words are compared as tokens: runs of letters, digits and underscores (NFKC), each CJK
character its own token, a right-to-left word's glyphs read from its end. A token ends
where a glyph does not start within 0.15 em of where the one before it ended (TeX draws no
spaces). A unit's source is *shown on page P* when at least 80 % of its tokens are found
among the seen words of source page P: as a word, as up to 16 words drawn one after the other joined
(a word joined over a line-end hyphen, a superscript drawn apart, TeX's math letters),
inside a word (4 letters or more), as a word and one more letter (a superscript drawn after
its line, a white letter on white), or, 3 letters or fewer, in Poppler's reading.

(a) every token of the translated text on page P must be inside the translation of a unit
    whose source is shown on source page P (a token cut by hyphenation: inside it too), or be
    a marker drawn again (at most 3 characters, on the source page); else "a", the token and
    the units whose translation has it;
(b) the units drawn on page P are those of slide P, or for a page without units of its own
    (an overlay step) those of the first later slide that has some, that are translated,
    their source shown on P and every token of their translation in P's translated text
    (one source text counted as often as P shows it and its translation is drawn). Counted
    in characters (extraction and this script cut words apart differently): each character
    of their sources must be gone from the page's seen text at least as often as they hold
    it (up to as often as the source page shows it: a character drawn white on white is
    not there to remove), so words also in untranslated text may stay; else "b" and the
    words that stay, with their units.
(c) nothing is lost: a unit of those (every token of its source shown on P) whose
    translation is not drawn on P (not 80 % of its tokens) keeps its source text there (80 % of its tokens in the text
    that stays, read by mutool or by Poppler), unless `deckhand slides` said it cut it (ERR,
    its stderr: as many units as "page P: ... cut [text-overflow]" warnings); else "c".
One line per violation: PAGE<TAB>a|b|c<TAB>unit(s)<TAB>token<TAB>detail; with several outputs
a line "== SLIDES.pdf (TRANSLATIONS.po)" before each. A summary line each: pages, units
drawn, violations of each kind. Exit 0 when none, 1 when some, 2 on errors.
Needs mutool, gs, qpdf, pdftotext.
"""
import collections
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
import xml.etree.ElementTree as ET


def run(cmd):
    p = subprocess.run(cmd, capture_output=True)
    if p.returncode != 0:
        raise RuntimeError("%s: %s" % (" ".join(cmd), p.stderr.decode("utf-8", "replace")[:300]))
    return p.stdout


# ---- translations

def po_units(path):
    """[(key, msgid, msgstr, fuzzy, tagged)] of a PO file (key: the #: reference, s3.b2)."""
    units, cur, field = [], None, None

    def flush():
        if cur and cur.get("msgid") is not None and cur.get("key"):
            units.append((cur["key"], cur["msgid"], cur.get("msgstr", ""), cur.get("fuzzy", False), cur.get("tagged", False)))

    def unq(s):
        s = s.strip()
        assert s.startswith('"') and s.endswith('"'), s
        s = s[1:-1]
        return re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t", "r": "\r"}.get(m.group(1), m.group(1)), s)

    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip():
            flush()
            cur, field = None, None
            continue
        if line.startswith("#~"):
            continue
        cur = cur if cur is not None else {}
        if line.startswith("#:"):
            cur["key"] = line[2:].split()[0] if line[2:].split() else ""
        elif line.startswith("#,"):
            cur["fuzzy"] = cur.get("fuzzy", False) or "fuzzy" in line
        elif line.startswith("#.") and "inline tags" in line:
            cur["tagged"] = True
        elif line.startswith("#"):
            continue
        elif line.startswith("msgctxt "):
            field = "ctx"
            cur[field] = unq(line[8:])
        elif line.startswith("msgid "):
            field = "msgid"
            cur[field] = unq(line[6:])
        elif line.startswith("msgstr "):
            field = "msgstr"
            cur[field] = unq(line[7:])
        elif line.startswith('"') and field:
            cur[field] += unq(line)
    flush()
    return units


def plain(s, tagged):
    if tagged:
        s = re.sub(r"<[^>]*>", "", s)
        s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return s


def is_cjk(c):
    o = ord(c)
    return (0x3040 <= o <= 0x30FF or 0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF
            or 0xAC00 <= o <= 0xD7AF or 0x20000 <= o <= 0x2FFFF)


def norm(s):
    return "".join(c for c in unicodedata.normalize("NFKC", s) if not 0xE000 <= ord(c) <= 0xF8FF)


def tokens(s):
    out = []
    for run_ in re.findall(r"\w+", norm(s)):
        cur = ""
        for c in run_:
            if is_cjk(c):
                if cur:
                    out.append(cur)
                    cur = ""
                out.append(c)
            else:
                cur += c
        if cur:
            out.append(cur)
    return out


# ---- glyphs

def layer_fonts(pdf):
    """BaseFont names (with their subset tags, cut to 31 characters as mutool trace prints
    them) of the text layer's fonts: those under resource
    names /DhF... (src/render/text_layer.cpp), and any font of a Form XObject named
    /DhLayer... (the layer as drawn over the page; how earlier versions named their fonts)."""
    j = json.loads(run(["qpdf", "--json=2", "--json-key=qpdf", pdf]))
    objs = j["qpdf"][1]

    def val(ref):
        o = objs.get("obj:" + ref) if isinstance(ref, str) and ref.endswith(" R") else None
        if o is None:
            return ref
        return o.get("value", o.get("stream", {}).get("dict"))

    names = set()

    def walk(d, layer):
        if isinstance(d, list):
            for v in d:
                walk(v, layer)
        if not isinstance(d, dict):
            return
        fonts = val(d.get("/Font")) if "/Font" in d else None
        if isinstance(fonts, dict):
            for k, ref in fonts.items():
                f = val(ref)
                if (layer or k.startswith("/DhF")) and isinstance(f, dict):
                    names.add(str(f.get("/BaseFont", "")).lstrip("/")[:31])  # (mutool keeps 31 characters of a name)
        xo = val(d.get("/XObject")) if "/XObject" in d else None
        if isinstance(xo, dict):
            for k, ref in xo.items():
                if k.startswith("/DhLayer"):
                    x = val(ref)
                    if isinstance(x, dict):
                        walk(val(x.get("/Resources")), True)
        for v in d.values():
            walk(v, layer)

    for o in objs.values():
        if isinstance(o, dict):
            walk(o.get("value", o.get("stream", {}).get("dict")), False)
    return names


# a glyph: its character, its box (x0, y0, x1, y1: from 0.8 em above the baseline to 0.3 em
# below it, along its advance), its origin and the end of its advance (turned text too), its
# size, whether it is painted, its font (BaseFont with the subset tag)
Glyph = collections.namedtuple("Glyph", "ch box ox oy ex ey size painted font")


def trace(pdf, first, last):
    """page -> [Glyph] in drawing order, in points from the top-left of the page."""
    out = {}
    xml = run(["mutool", "trace", pdf, "%d-%d" % (first, last)]).decode("utf-8", "replace")
    for pg in ET.fromstring(xml).iter("page"):
        gl = []
        for el in pg.iter():
            if el.tag not in ("fill_text", "stroke_text", "clip_text", "clip_stroke_text", "ignore_text"):
                continue
            painted = el.tag != "ignore_text"
            m = [float(v) for v in el.get("transform", "1 0 0 1 0 0").split()]

            def dev(x, y, m=m):  # user space -> mutool's device space (points, y down)
                return x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]

            for span in el.iter("span"):
                t = [float(v) for v in span.get("trm", "1 0 0 1").split()]
                ux, uy = dev(t[2], t[3])
                size = max(abs(complex(ux - m[4], uy - m[5])), 0.01)  # the em, up the glyph, on the page
                for g in span.iter("g"):
                    x, y, adv = float(g.get("x")), float(g.get("y")), float(g.get("adv", 0))
                    ax, ay = adv * t[0], adv * t[1]
                    pts = [dev(x + ax * i + t[2] * k, y + ay * i + t[3] * k) for i in (0, 1) for k in (-0.3, 0.8)]
                    xs, ys = [q[0] for q in pts], [q[1] for q in pts]
                    (ox, oy), (ex, ey) = dev(x, y), dev(x + ax, y + ay)
                    gl.append(Glyph(g.get("unicode", ""), (min(xs), min(ys), max(xs), max(ys)), ox, oy, ex, ey, size,
                                    painted, span.get("font", "")[:31]))
        out[int(pg.get("number"))] = gl
    return out


def words(glyphs):
    """Tokens (text, glyphs) of a glyph sequence in drawing order: a token ends at a character
    that is not a letter, digit or underscore (\\w), or where a glyph does not start within
    0.15 em of where the one before it ended (TeX draws no spaces; a new line, a step back)."""
    out, cur, prev = [], [], None

    def flush():
        if cur:
            # (a right-to-left word is drawn from its end: its glyphs read backwards, each
            # glyph's characters, a lam-alef, as they are)
            rtl = any(unicodedata.bidirectional(c) in ("R", "AL") for g in cur for c in norm(g.ch))
            for t in tokens("".join(norm(g.ch) for g in (reversed(cur) if rtl else cur))):
                out.append((t, list(cur)))
        cur.clear()

    for g in glyphs:
        c = norm(g.ch)
        if prev is not None and abs(complex(g.ox - prev.ex, g.oy - prev.ey)) > 0.15 * max(prev.size, g.size, 1.0):
            flush()
        if not c:  # (a glyph of a cluster whose characters another glyph carries)
            pass
        elif not re.fullmatch(r"\w+", c):
            flush()
        else:
            cur.append(g)
        prev = g
    flush()
    return out


def at(g):
    """Where a glyph is drawn, to find it again on the output page."""
    return (g.ch, round(g.ox, 1), round(g.oy, 1))


# ---- visibility

def read_pgm(path):
    data = open(path, "rb").read()
    parts, pos = [], 0
    while len(parts) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos) + 1
            continue
        start = pos
        while not data[pos:pos + 1].isspace():
            pos += 1
        parts.append(data[start:pos])
    w, h = int(parts[1]), int(parts[2])
    return w, h, data[pos + 1:pos + 1 + w * h]


class TextInk:
    """Where a page's text puts ink: the pages drawn by Ghostscript with their text and with
    -dFILTERTEXT (same renderer, same page box as mutool's: the CropBox), compared in a
    glyph's box (pixels that differ by more than 3/255)."""

    def __init__(self, pdf, first, last, tmp):
        info = run(["mutool", "pages", pdf, str(first)]).decode()
        m = re.search(r'<(?:CropBox|MediaBox) l="([-\d.]+)" b="([-\d.]+)" r="([-\d.]+)" t="([-\d.]+)"', info)
        width = float(m.group(3)) - float(m.group(1)) if m else 612
        self.dpi = max(72, int(round(900 * 72 / max(width, 1))))  # about 900 pixels across
        self.tmp, self.first = tmp, first
        for name, extra in (("no", ["-dFILTERTEXT"]), ("all", [])):
            run(["gs", "-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-dUseCropBox"] + extra +
                ["-sDEVICE=pgmraw", "-r%d" % self.dpi, "-dFirstPage=%d" % first, "-dLastPage=%d" % last,
                 "-sOutputFile=" + os.path.join(tmp, name + "-%d.pgm"), pdf])
        self.page = None

    def load(self, page):
        k = page - self.first + 1
        self.w, self.h, self.no = read_pgm(os.path.join(self.tmp, "no-%d.pgm" % k))
        _, _, self.all = read_pgm(os.path.join(self.tmp, "all-%d.pgm" % k))
        self.scale = self.dpi / 72.0
        self.page = page

    def on_page(self, g):
        return g.box[2] > 0 and g.box[3] > 0 and g.box[0] < self.w / self.scale and g.box[1] < self.h / self.scale

    def pixels(self, g):
        x0, y0, x1, y1 = (int(v * self.scale) for v in g.box)
        x0, x1 = max(0, x0), min(self.w, x1 + 1)
        n = 0
        for y in range(max(0, y0), min(self.h, y1 + 1)):
            r = y * self.w
            n += sum(1 for p, q in zip(self.no[r + x0:r + x1], self.all[r + x0:r + x1]) if abs(p - q) > 3)
            if n:
                break
        return n


class SourcePage:
    """What a reader sees of a source page's text."""

    def __init__(self, glyphs, ink, poppler):
        # the glyphs a reader sees: with ink of their own, or on the page in a word that has
        # some (an underscore under a link's underline draws no ink of its own); the words
        # they make, in drawing order
        shown = {id(g) for g in glyphs if g.painted and ink.pixels(g) >= 1}
        seen = []
        for t, gs in words([g for g in glyphs if g.painted]):
            if any(id(g) in shown for g in gs):
                seen.append(t)
                shown.update(id(g) for g in gs if ink.on_page(g))
        self.vis_at = {at(g) for g in glyphs if id(g) in shown}
        self.tokens = collections.Counter(seen)
        # tokens drawn one after the other, joined (up to 16): a word the extraction joined
        # over a line-end hyphen, a subscript or superscript drawn apart ("ax" "2" of "−ax2"),
        # TeX's math letters each drawn alone ("αβγδ")
        self.inside = "\x00".join(self.tokens)  # (a part of a word: a unit cut apart otherwise, "αβγδ")
        self.runs = collections.Counter("".join(seen[i:j]) for i in range(len(seen))
                                        for j in range(i + 2, min(len(seen), i + 16) + 1))
        # per character, for (b)
        self.chars = collections.Counter(c for g in glyphs if id(g) in shown for c in "".join(tokens(g.ch)))
        # short tokens as Poppler reads the page (the source's text layer, as extraction does):
        # Beamer's triangle bullet from MSAM10 is an "I", TeX's integral sign from cmex a "Z",
        # where mutool reads "▶" and "∫"
        self.poppler = "".join(tokens(poppler))

    def count(self, t):
        """How often the page shows token t (alone, or as tokens joined)."""
        return self.tokens[t] + self.runs[t]

    def found(self, t):
        # (inside a word of 4 letters or more: TeX's Greek letters, "αβγδ" of "αβγδεε...";
        # a superscript drawn after its line, Chromium: "Mamou" then "i", the unit's "Mamoui";
        # a white letter on white, "Special" and an unseen "y"; TeX's radical sign, an "r" to
        # Poppler, is on another line than what it holds: "1 rπ")
        return (self.count(t) > 0 or (len(t) >= 4 and (self.tokens[t[:-1]] > 0 or t in self.inside))
                or (len(t) <= 3 and (t in self.poppler or (not t.isascii() and all(c in self.poppler for c in t)))))

    def shows(self, toks):
        """Does the page show a unit's source (at least 80 % of its tokens)?"""
        return bool(toks) and sum(1 for t in toks if self.found(t)) >= 0.8 * len(toks)


def read_units(po):
    """(translated units, units by slide number): each (key, source tokens, translation
    tokens (none when not translated), translation tokens joined)."""
    tr, by_slide = [], collections.defaultdict(list)
    for key, msgid, msgstr, fuzzy, tagged in po_units(po):
        s, t = plain(msgid, tagged), plain(msgstr, tagged)
        done = bool(t.strip()) and not fuzzy and t != s
        u = (key, tokens(s), tokens(t) if done else [], "".join(tokens(t)) if done else "")
        m = re.match(r"s(\d+)\.", key)
        by_slide[int(m.group(1)) if m else 0].append(u)
        if done:
            tr.append(u)
    return tr, by_slide


def check_page(page, src, out_glyphs, out_poppler, cut, ours, tr, by_slide, counts):
    """Prints the page's violations; returns the number of units drawn on it."""
    allowed = "\x00".join(u[3] for u in tr if src.shows(u[1]))
    # the output page: the translated text, and the text that stays where a reader sees it
    layer_tokens = [t for t, _ in words([g for g in out_glyphs if g.font in ours])]
    layer = "".join(layer_tokens)
    kept = [g for g in out_glyphs if g.font not in ours and g.painted and at(g) in src.vis_at]
    # (a) every token of the translated text belongs to a unit whose source shows here
    for t in sorted(set(layer_tokens)):
        # (a marker, "1.", is drawn again as found, as Poppler reads it)
        if t in allowed or (len(t) <= 3 and (src.tokens[t] or t in src.poppler)):
            continue
        whose = [u[0] for u in tr if t in u[3]][:4]
        print("%d\ta\t%s\t%s\tdrawn, but no unit whose translation has it shows its source on the page"
              % (page, ",".join(whose) or "?", t))
        counts["a"] += 1
    # (b) the units drawn here: those of slide `page`, or of the first later slide with units
    # (the frame an overlay step builds into), translated, their source shown, their
    # translation's every token in the translated text
    q = page
    while q <= max(by_slide or [0]) and not by_slide.get(q):
        q += 1
    drawn = [u for u in by_slide.get(q, []) if u[2] and src.shows(u[1]) and all(t in layer for t in u[2])]
    # units of one source text count as often as the text is shown and its translation drawn
    # (a build step that shows one of two "This part is easy." shows one)
    same = collections.defaultdict(list)
    for u in drawn:
        same[(tuple(u[1]), tuple(u[2]))].append(u)
    need = collections.Counter()
    drawn = []
    for (s_toks, t_toks), us in same.items():
        sc, tc = collections.Counter(s_toks), collections.Counter(t_toks)
        k = min([len(us)] + [max(1 if src.found(t) else 0, src.count(t)) // n for t, n in sc.items()]
                + [layer.count(t) // n for t, n in tc.items()])
        for _ in range(k):
            need.update("".join(s_toks))
        drawn += us[:max(k, 0)]
    # (c) a unit whose whole source the page shows, not drawn, keeps its source text there
    # (in what stays, as mutool or Poppler read the output page), or deckhand said it cut it
    # (`cut`: text-overflow warnings naming this page)
    stays = [t for t, _ in words(kept)]
    stays = set(stays) | {a + b for a, b in zip(stays, stays[1:])} | set(tokens(out_poppler))
    # (drawn: 80 % of its translation's tokens)
    lost = [u for u in by_slide.get(q, []) if u[2] and all(src.found(t) for t in u[1])
            and sum(1 for t in u[2] if t in layer) < 0.8 * len(u[2]) and sum(1 for t in u[1] if t in stays) < 0.8 * len(u[1])]
    for u in lost[cut:]:
        print("%d\tc\t%s\t%s\tits source is shown on the source page; neither it nor its translation is here"
              % (page, u[0], " ".join(u[1])[:60]))
        counts["c"] += 1
    # counted in characters (extraction and this script cut words apart differently): each
    # character of the drawn units' sources must be gone from the page as often (a character
    # of a unit drawn invisibly, white on white, is not on the page to remove)
    left = collections.Counter(c for g in kept for c in "".join(tokens(g.ch)))
    short = {c for c, n in need.items() if src.chars[c] - left[c] < min(n, src.chars[c])}
    if short:
        found = False
        for t, gs in words(kept):
            whose = [u[0] for u in drawn if t in "".join(u[1])]
            if set(t) & short and whose:
                print("%d\tb\t%s\t%s\tstill drawn at %.0f,%.0f" % (page, ",".join(whose), t, gs[0].ox, gs[0].oy))
                counts["b"] += 1
                found = True
        if not found:
            print("%d\tb\t%s\t%s\tcharacters of the drawn units' source text not removed"
                  % (page, ",".join(u[0] for u in drawn), "".join(sorted(short))))
            counts["b"] += 1
    return drawn


def main(argv):
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    pages = None
    if "--pages" in args:
        i = args.index("--pages")
        a, _, b = args[i + 1].partition("-")
        pages = (int(a), int(b or a))
        del args[i:i + 2]
    # --warnings FILE before a pair: the stderr of the `deckhand slides` run that made it
    reported, warn, rest = {}, None, []
    while args:
        a = args.pop(0)
        if a == "--warnings" and args:
            warn = args.pop(0)
            continue
        rest.append(a)
        if warn and len(rest) % 2 == 0:  # the pair's PDF
            for line in open(warn, encoding="utf-8", errors="replace"):
                m = re.search(r": page (\d+): .* cut \[text-overflow\]", line)
                if m:
                    reported[(a, int(m.group(1)))] = reported.get((a, int(m.group(1))), 0) + 1
            warn = None
    args = rest
    if len(args) < 3 or len(args) % 2 != 1:
        print(__doc__, file=sys.stderr)
        return 2
    src_pdf, pairs = args[0], list(zip(args[1::2], args[2::2]))
    failed = False
    try:
        with tempfile.TemporaryDirectory() as tmp:
            n = len(json.loads(run(["qpdf", "--json=2", "--json-key=pages", src_pdf]))["pages"])
            first, last = pages or (1, n)
            sg = trace(src_pdf, first, last)
            ink = TextInk(src_pdf, first, last, tmp)
            poppler = run(["pdftotext", "-f", str(first), "-l", str(last), src_pdf, "-"]).decode("utf-8", "replace").split("\f")
            source = {}
            for page in range(first, last + 1):
                ink.load(page)
                source[page] = SourcePage(sg.get(page, []), ink, poppler[page - first] if page - first < len(poppler) else "")
            for out_pdf, po in pairs:
                tr, by_slide = read_units(po)
                ours = layer_fonts(out_pdf)
                og = trace(out_pdf, first, last)
                op = run(["pdftotext", "-f", str(first), "-l", str(last), out_pdf, "-"]).decode("utf-8", "replace").split("\f")
                if len(pairs) > 1:
                    print("== %s (%s)" % (os.path.basename(out_pdf), os.path.basename(po)))
                counts, total = collections.Counter(), 0
                for page in range(first, last + 1):
                    drawn = check_page(page, source[page], og.get(page, []), op[page - first] if page - first < len(op) else "",
                                       reported.get((out_pdf, page), 0), ours, tr, by_slide, counts)
                    total += len(drawn)
                    if verbose:
                        print("page %d: units drawn: %s" % (page, " ".join(u[0] for u in drawn)), file=sys.stderr)
                print("pages %d, units drawn %d, violations: a %d, b %d, c %d" % (last - first + 1, total, counts["a"], counts["b"], counts["c"]))
                failed = failed or bool(counts)
    except (RuntimeError, OSError, AssertionError, ValueError, ET.ParseError) as e:
        print("error: %s" % e, file=sys.stderr)
        return 2
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

#!/usr/bin/python3
"""The every-word check (issue 16, item 3): no word a reader can see is lost.

usage: every_word.py DECKHAND ROOT [--report-only] [--no-pixels] [PDF...]

For every PDF (default: the samples, the project's own cases, the shared cases in
../shared/cases/extract/ and the real-world decks in ../shared/corpus/real/, or
$DECKHAND_CORPUS; a folder that is absent is skipped), `deckhand extract` it, take every
word of each page's text layer from pdftotext (`-bbox -cropbox`, the page as displayed,
the coordinates of the deck JSON), and find each word in that slide's title, block
markers and texts, notes, or in the slide's record of dropped text (`dropped`, see
docs/deck-json.md; a deck JSON without it falls back to the old digit-masked top-level
`furniture` list).

Matching allows for what extraction normalises, on both sides alike: NFKC (ligatures,
presentation forms, Kangxi radicals, full-width forms), white space, control, format and
Private Use characters and hyphens ignored (hyphens are dropped at soft line-end breaks),
a doubled ideograph read once (Keynote maps one glyph to two), U+FB05 read "ft" or "st",
a negated relation ("≠") read as its relation ("=": KaTeX draws a private-use slash over it),
a bullet deckhand reads from the AMS symbol font (msam10, no ToUnicode map: pdftotext gives
the glyph's code as a letter) matched by that letter ("▸" by "I", Beamer's itemize triangle).
A word is found when it occurs in a piece of the slide (preferring the pieces whose box
holds the word's middle), at a word boundary on at least one side (a word joined over a
line-end hyphen) or anywhere for CJK text; each occurrence serves one word. Words that
match no piece (right-to-left words, whose characters pdftotext orders otherwise) are
settled by characters: per page, the multiset of the text layer's normalised characters
must be covered by the slide's; a word holding a character that is not covered is lost.

Hidden words need a proof (issue 16, item 4): for every word the record says was dropped
as `hidden`, the page is rendered at 100 dpi with its text (pdftoppm -cropbox, and
Ghostscript) and without (gs -dFILTERTEXT -dUseCropBox); the renders must align, and
inside the word's box (less the boxes of kept words) at most 2 pixels may change by more
than anti-aliasing noise (a channel by more than 40 of 255; for the cross-renderer
comparison, pixels on an edge of the text-free render are noise). A hidden word that
changes its box is a visible word lost.

Known losses: tests/e2e/every_word_known.tsv (file, page, word, why), for losses not fixed
yet, each with its reason; a listed loss that no longer happens fails the check.

Prints one table row per deck: words of the text layer; found in title, blocks or notes
(chars: of these, found by characters); in the dropped record as furniture, hidden or
another reason (a lone glyph); LOST: visible words lost, listed below the row; extra:
entries of the record the text layer cannot hold (the second copy of text drawn twice,
text off the page or cut by its edge); proven: hidden entries proven invisible / hidden
entries. Exits 1 when a visible word is lost (0 with --report-only).
"""
import collections
import html
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

DPI = 100
NOISE = 40          # a channel difference up to this is anti-aliasing noise
RADIUS = 2          # between two renderers: a pixel or two of offset
MAX_CHANGED = 2     # pixels a hidden word's box may change ("a pixel or two")

HYPHENS = set("-\u2010\u2011\u00ad\u2212")


def is_han(c):
    o = ord(c)
    return 0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF or 0x20000 <= o <= 0x3134F or 0xF900 <= o <= 0xFAFF


def is_cjk(c):
    o = ord(c)
    return (0x2E80 <= o <= 0x2FDF or 0x3000 <= o <= 0x30FF or 0x31F0 <= o <= 0x31FF or is_han(c)
            or 0xFF00 <= o <= 0xFFEF or 0xAC00 <= o <= 0xD7AF)


def is_rtl(c):
    o = ord(c)
    return 0x0590 <= o <= 0x08FF or 0xFB1D <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFC


def norm(s, keep_space=False):
    """Normalised characters of s; with keep_space, white space becomes one '|' (a word
    boundary)."""
    s = s.replace("\ufb05", "ft")
    s = unicodedata.normalize("NFKC", s)
    # a negated relation read from its relation and a slash over it (KaTeX's "≠": "=" and a
    # private-use glyph) matches the relation: "≠" is "=" and U+0338, the overlay dropped
    s = "".join(unicodedata.normalize("NFD", ch)[:-1] if unicodedata.normalize("NFD", ch).endswith("\u0338") else ch for ch in s)
    out = []
    for ch in s:
        o = ord(ch)
        cat = unicodedata.category(ch)
        if ch.isspace() or cat in ("Zs", "Zl", "Zp"):
            if keep_space and out and out[-1] != "|":
                out.append("|")
            continue
        if cat in ("Cc", "Cf", "Co", "Cs", "Cn") or ch in HYPHENS or ch == "|":
            continue
        if 0x2E80 <= o <= 0x2EFF:  # CJK Radicals Supplement: deckhand folds them (its own table)
            continue
        if out and is_han(ch) and out[-1] == ch:  # a doubled ideograph reads once
            continue
        out.append(ch)
    return "".join(out)


def mask_digits(s):
    return re.sub(r"[0-9]+", "#", s)


# ---------------------------------------------------------------- the text layer
def layer_words(pdf, work):
    """Per page (1-based): (width, height, [(text, x0, y0, x1, y1)])."""
    out = os.path.join(work, "layer.html")
    r = subprocess.run(["pdftotext", "-q", "-bbox", "-cropbox", pdf, out], capture_output=True)
    if r.returncode != 0:
        raise RuntimeError("pdftotext failed: " + r.stderr.decode(errors="replace")[:300])
    text = open(out, encoding="utf-8", errors="replace").read()
    pages = []
    for m in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', text, re.S):
        ws = []
        for w in re.finditer(r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*?)</word>',
                             m.group(3), re.S):
            ws.append((html.unescape(w.group(5)), float(w.group(1)), float(w.group(2)), float(w.group(3)),
                       float(w.group(4))))
        pages.append((float(m.group(1)), float(m.group(2)), ws))
    return pages


# ---------------------------------------------------------------- the slide's pieces
class Piece:
    def __init__(self, kind, text, bbox=None, reason=None, detail=None):
        self.kind = kind            # content, or dropped
        self.reason = reason        # for dropped: furniture, hidden, duplicate, ...
        self.detail = detail
        self.bbox = bbox
        self.text = "|" + norm(text, keep_space=True) + "|"
        self.orig = text

    def holds(self, cx, cy, tol):
        if not self.bbox:
            return False
        x0, y0, x1, y1 = self.bbox
        return x0 - tol <= cx <= x1 + tol and y0 - tol <= cy <= y1 + tol

    def take(self, w, anywhere):
        """Consumes one occurrence of normalised word w; True when found."""
        t = self.text
        start = 0
        while True:
            i = t.find(w, start)
            if i < 0:
                return False
            before, after = t[i - 1] if i > 0 else "|", t[i + len(w)] if i + len(w) < len(t) else "|"
            if anywhere or before == "|" or after == "|":
                self.text = t[:i] + "|" + t[i + len(w):]
                return True
            start = i + 1


# the bullets of the AMS symbol font A as deckhand reads them (src/extract/lines.cpp,
# ams_symbol_bullet), and the letter of the code each is drawn with (amssymb.sty)
AMS_CODE_LETTERS = {"\u25b8": "I", "\u25c2": "J", "\u25b4": "N", "\u25be": "H", "\u2605": "F", "\u2713": "X"}


def slide_pieces(slide, deck):
    ps = []
    if slide.get("title"):
        ps.append(Piece("content", slide["title"], slide.get("title_bbox")))
    for b in slide.get("blocks", []):
        marker = b.get("marker", "")
        if marker == "graphic":
            marker = ""
        ps.append(Piece("content", marker + b.get("text", ""), b.get("bbox")))
        if marker in AMS_CODE_LETTERS:  # (pdftotext's reading of the same glyph)
            ps.append(Piece("content", AMS_CODE_LETTERS[marker], b.get("bbox")))
    for n in slide.get("notes", []) or []:
        ps.append(Piece("content", n))
    if "dropped" in slide:
        for d in slide["dropped"] or []:
            ps.append(Piece("dropped", d.get("text", ""), d.get("bbox"), d.get("reason", "other"), d.get("detail")))
    else:  # a deck JSON from before the record: the digit-masked furniture list
        for f in deck.get("furniture", []) or []:
            ps.append(Piece("dropped", f, None, "furniture", "masked"))
    return ps


def in_text_layer(p):
    """Can the text layer hold this piece? Not what Poppler leaves out of its words, in
    pdftotext as in deckhand: characters off the page (wholly, or by their origin: "cut"),
    the second copy of text drawn twice ("duplicate"), anything else it left out."""
    return not (p.kind == "dropped" and (p.reason in ("duplicate", "cut") or p.detail in ("outside-page", "not-in-words")))


# ---------------------------------------------------------------- pixels
def read_ppm(path):
    data = open(path, "rb").read()
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos) + 1
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    pos += 1
    if fields[0] != b"P6" or int(fields[3]) != 255:
        raise RuntimeError(path + ": not an 8-bit PPM")
    return int(fields[1]), int(fields[2]), data[pos:]


class Renders:
    def __init__(self, pdf, page, work):
        base = os.path.join(work, "r%d" % page)
        subprocess.run(["pdftoppm", "-q", "-f", str(page), "-l", str(page), "-r", str(DPI), "-cropbox", pdf, base],
                       check=True)
        ppm = [f for f in os.listdir(work) if f.startswith("r%d-" % page) and f.endswith(".ppm")]
        if len(ppm) != 1:
            raise RuntimeError("pdftoppm made no picture of page %d" % page)
        self.p = read_ppm(os.path.join(work, ppm[0]))
        gs = ["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=ppmraw", "-r%d" % DPI, "-dUseCropBox",
              "-dFirstPage=%d" % page, "-dLastPage=%d" % page, "-dTextAlphaBits=4", "-dGraphicsAlphaBits=4"]
        subprocess.run(gs + ["-dFILTERTEXT", "-o", base + "-g0.ppm", pdf], check=True, capture_output=True)
        subprocess.run(gs + ["-o", base + "-g1.ppm", pdf], check=True, capture_output=True)
        self.g0 = read_ppm(base + "-g0.ppm")
        self.g1 = read_ppm(base + "-g1.ppm")
        self.w = min(self.p[0], self.g0[0])
        self.h = min(self.p[1], self.g0[1])

    def px(self, img, x, y):
        w, _, d = img
        i = (y * w + x) * 3
        return d[i], d[i + 1], d[i + 2]

    def diff(self, a, b, x, y):
        pa, pb = self.px(a, x, y), self.px(b, x, y)
        return max(abs(pa[0] - pb[0]), abs(pa[1] - pb[1]), abs(pa[2] - pb[2]))

    def unexplained(self, a, b, x, y):
        """Pixel (x, y) of render a is not explained by render b: outside the range of
        b's colours within RADIUS pixels (anti-aliasing and a pixel or two of offset
        between two renderers), by more than NOISE in some channel."""
        pa = self.px(a, x, y)
        lo, hi = [255] * 3, [0] * 3
        for yy in range(max(0, y - RADIUS), min(self.h, y + RADIUS + 1)):
            for xx in range(max(0, x - RADIUS), min(self.w, x + RADIUS + 1)):
                p = self.px(b, xx, yy)
                for c in range(3):
                    if p[c] < lo[c]:
                        lo[c] = p[c]
                    if p[c] > hi[c]:
                        hi[c] = p[c]
        return any(pa[c] < lo[c] - NOISE or pa[c] > hi[c] + NOISE for c in range(3))

    def aligned(self, text_boxes):
        """The pdftoppm render and the text-free Ghostscript render line up: of the
        pixels away from any text, at most 2 % are not explained by the other render."""
        if abs(self.p[0] - self.g0[0]) > 2 or abs(self.p[1] - self.g0[1]) > 2 or self.g0[:2] != self.g1[:2]:
            return False, "sizes differ: pdftoppm %dx%d, gs %dx%d / %dx%d" % (self.p[0], self.p[1], self.g0[0], self.g0[1],
                                                                              self.g1[0], self.g1[1])
        s = DPI / 72.0
        step = 4
        masked = set()
        for (x0, y0, x1, y1) in text_boxes:
            for y in range(max(0, int(y0 * s) - 3) // step, min(self.h, int(y1 * s) + 4) // step + 1):
                for x in range(max(0, int(x0 * s) - 3) // step, min(self.w, int(x1 * s) + 4) // step + 1):
                    masked.add((x, y))
        n = bad = 0
        for y in range(3, self.h - 3, step):
            for x in range(3, self.w - 3, step):
                if (x // step, y // step) in masked:
                    continue
                n += 1
                bad += self.unexplained(self.p, self.g0, x, y)
        if n and bad > 0.02 * n:
            return False, "renders do not line up: %d of %d pixels away from text differ" % (bad, n)
        return True, "%d of %d pixels away from text differ" % (bad, n)

    def changed(self, box, kept):
        """What the text changes in box (points), outside the kept words' boxes, in
        pixels: (text, same, disagree). text: the pdftoppm render (with text) differs from
        the text-free gs render where it agrees with gs's render with text: the text shows
        (both renderers draw it). same: gs's render with text differs from its render
        without (the same renderer: nothing but the text differs). disagree: the pdftoppm
        render agrees with neither gs render (the renderers draw something otherwise: a
        thin gap in a glyph drawn as paths, a resampled picture), and `area`."""
        s = DPI / 72.0
        x0, y0 = max(0, int(box[0] * s)), max(0, int(box[1] * s))
        x1, y1 = min(self.w, int(box[2] * s + 0.999)), min(self.h, int(box[3] * s + 0.999))
        kb = [(k[0] * s - 1, k[1] * s - 1, k[2] * s + 1, k[3] * s + 1) for k in kept]
        kb = [k for k in kb if k[0] < x1 and k[2] > x0 and k[1] < y1 and k[3] > y0]
        text = same = disagree = area = 0
        for y in range(y0, y1):
            for x in range(x0, x1):
                if any(k[0] <= x + 0.5 <= k[2] and k[1] <= y + 0.5 <= k[3] for k in kb):
                    continue
                area += 1
                if self.diff(self.g1, self.g0, x, y) > NOISE:
                    same += 1
                if self.unexplained(self.p, self.g0, x, y):
                    if self.unexplained(self.p, self.g1, x, y):
                        disagree += 1
                    else:
                        text += 1
        return text, same, disagree, area


# ---------------------------------------------------------------- one deck
Result = collections.namedtuple("Result", "name words found by_chars dropped unlayered hidden_proven hidden_checked lost notes")


def check_deck(deckhand, pdf, known, pixels, work):
    name = os.path.basename(pdf)
    out = os.path.join(work, "deck.json")
    r = subprocess.run([deckhand, "extract", "-q", pdf, "-o", out], capture_output=True, text=True)
    if r.returncode != 0:
        return Result(name, 0, 0, 0, collections.Counter(), 0, 0, 0, [("-", "extract failed: " + r.stderr.strip()[:200])], [])
    deck = json.load(open(out, encoding="utf-8"))
    layer = layer_words(pdf, work)
    slides = {s.get("page", i + 1): s for i, s in enumerate(deck.get("slides", []))}
    words = found = by_chars = 0
    dropped = collections.Counter()
    unlayered = 0
    lost, notes = [], []
    proven = checked = 0
    for pno, (pw, ph, ws) in enumerate(layer, start=1):
        slide = slides.get(pno)
        if slide is None:
            continue  # --pages: not asked for
        pieces = slide_pieces(slide, deck)
        layer_pieces = [p for p in pieces if in_text_layer(p)]
        unlayered += len(pieces) - len(layer_pieces)
        # normalised words (a Poppler "word" may hold white space: a Quartz deck's whole
        # lines come as one; each part is found on its own), longest first: a long word
        # takes its occurrence before a short word could take a piece of it
        items = []
        for k, (t, x0, y0, x1, y1) in enumerate(ws):
            parts = [x for x in norm(t, keep_space=True).split("|") if x]
            if parts:
                items.append((k, "".join(parts), parts, t, (x0, y0, x1, y1)))
        words += len(items)
        matched = {}  # word index -> the piece of its first part
        unmatched_parts = {}
        tasks = sorted(((k, part, b) for k, n, parts, t, b in items for part in parts), key=lambda x: -len(x[1]))
        for k, part, b in tasks:
            anywhere = any(is_cjk(c) for c in part)
            cx, cy = (b[0] + b[2]) / 2, (b[1] + b[3]) / 2
            tol = 0.5 * (b[3] - b[1])
            near = [p for p in layer_pieces if p.holds(cx, cy, tol)]
            for p in near + [p for p in layer_pieces if p not in near]:
                if p.take(mask_digits(part) if p.detail == "masked" else part, anywhere):
                    matched.setdefault(k, p)
                    break
            else:
                unmatched_parts.setdefault(k, []).append(part)
        for k in unmatched_parts:
            matched.pop(k, None)
        # characters: what the text layer holds that the slide does not
        have = collections.Counter()
        for p in layer_pieces:
            if p.detail != "masked":
                have.update(norm(p.orig))
        need = collections.Counter()
        for k, n, parts, t, b in items:
            if not (k in matched and matched[k].detail == "masked"):  # digits masked: not comparable
                need.update(n)
        missing = need - have
        # U+FB05 read "st" by the dictionary: an "f" short is an "s" over
        fb05 = sum(t.count("\ufb05") for t, *_ in ws)
        if fb05 and missing["f"]:
            extra = have - need
            take = min(missing["f"], extra["s"], fb05)
            missing["f"] -= take
            missing = +missing
        page_lost = []
        for k, n, parts, t, b in items:
            p = matched.get(k)
            if p is not None:
                if p.kind == "content":
                    found += 1
                else:
                    dropped[p.reason] += 1
                continue
            un = "".join(unmatched_parts.get(k, [n]))
            if any(missing[c] > 0 for c in un):
                page_lost.append((" ".join(t.split()), b))
                for c in un:
                    if missing[c] > 0:
                        missing[c] -= 1
            else:
                found += 1
                by_chars += 1
        missing = +missing
        if missing:  # characters lost that no unmatched word explains
            page_lost.append(("".join(sorted(missing.elements())), None))
        for t, b in page_lost:
            key = (name, str(pno), t)
            if key in known:
                known[key][1] = True
                notes.append("page %d: %r lost (known: %s)" % (pno, t, known[key][0]))
            else:
                lost.append((pno, t))
        # the proof that hidden words are hidden
        hidden = [p for p in pieces if p.kind == "dropped" and p.reason == "hidden" and p.bbox]
        on_page = [p for p in hidden
                   if p.bbox[2] > 0 and p.bbox[0] < pw and p.bbox[3] > 0 and p.bbox[1] < ph
                   and p.bbox[2] - p.bbox[0] > 0.01 and p.bbox[3] - p.bbox[1] > 0.01]
        checked += len(hidden)
        proven += len(hidden) - len(on_page)  # wholly off the page: nothing to see
        if on_page and pixels:
            hidden_words = {k for k, p in matched.items() if p.kind == "dropped" and p.reason == "hidden"}
            kept = [b for k, n, parts, t, b in items if k not in hidden_words]
            kept += [(x0, y0, x1, y1) for t, x0, y0, x1, y1 in ws if not norm(t)]
            try:
                rd = Renders(pdf, pno, work)
            except (OSError, subprocess.CalledProcessError, RuntimeError) as e:
                lost.append((pno, "(pixel proof impossible: %s; scripts/deps.sh test installs ghostscript)" % e))
                continue
            ok, why = rd.aligned([b for k, n, parts, t, b in items])
            if not ok:
                lost.append((pno, "(pixel proof impossible: %s)" % why))
                continue
            for p in on_page:
                text, same, disagree, area = rd.changed(p.bbox, kept)
                if text > MAX_CHANGED or same > MAX_CHANGED or disagree > MAX_CHANGED + 0.05 * area:
                    lost.append((pno, "%s (dropped as hidden/%s, but its box changes: %d pixels with pdftoppm, %d with gs, "
                                      "%d where they disagree, of %d)" % (p.orig, p.detail, text, same, disagree, area)))
                else:
                    proven += 1
        elif on_page:
            proven += len(on_page)  # --no-pixels: taken on trust
    return Result(name, words, found, by_chars, dropped, unlayered, proven, checked, lost, notes)


def main():
    sys.stdout.reconfigure(errors="backslashreplace")
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    flags = {a for a in sys.argv[1:] if a.startswith("--")}
    if len(args) < 2:
        print(__doc__)
        return 2
    deckhand, root = args[0], args[1]
    pdfs = args[2:]
    if not pdfs:
        groups = [("samples", os.path.join(root, "samples")),
                  ("own cases", os.path.join(root, "tests", "cases", "extract")),
                  ("shared cases", os.path.join(root, "..", "shared", "cases", "extract")),
                  ("corpus", os.environ.get("DECKHAND_CORPUS") or os.path.join(root, "..", "shared", "corpus", "real"))]
        for label, d in groups:
            if not os.path.isdir(d):
                print("%s: %s absent, skipped" % (label, d))
                continue
            pdfs += sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(".pdf"))
    known = {}
    kf = os.path.join(root, "tests", "e2e", "every_word_known.tsv")
    if os.path.exists(kf):
        for line in open(kf, encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            f = line.rstrip("\n").split("\t")
            known[(f[0], f[1], f[2])] = [f[3] if len(f) > 3 else "", False]
    total_lost = 0
    fmt = "%-50s %6s %6s %6s %5s %6s %5s %5s %5s %8s"
    print(fmt % ("deck", "words", "found", "chars", "furn", "hidden", "other", "LOST", "extra", "proven"))
    with tempfile.TemporaryDirectory() as work:
        for pdf in pdfs:
            r = check_deck(deckhand, pdf, known, "--no-pixels" not in flags, work)
            for f in os.listdir(work):
                os.unlink(os.path.join(work, f))
            other = sum(v for k, v in r.dropped.items() if k not in ("furniture", "hidden"))
            print(fmt % (r.name[:50], r.words, r.found, r.by_chars, r.dropped["furniture"], r.dropped["hidden"], other,
                         len(r.lost), r.unlayered, "%d/%d" % (r.hidden_proven, r.hidden_checked)))
            for pno, t in r.lost:
                print("    LOST page %s: %r" % (pno, t))
            for n in r.notes:
                print("    note: " + n)
            total_lost += len(r.lost)
            sys.stdout.flush()
    for (f, p, t), (why, seen) in known.items():
        if not seen and any(os.path.basename(x) == f for x in pdfs):
            print("FAIL: known loss no longer happens (remove it from every_word_known.tsv): %s page %s %r" % (f, p, t))
            total_lost += 1
    print("visible words lost: %d" % total_lost)
    if total_lost and "--report-only" not in flags:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

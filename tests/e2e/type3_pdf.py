#!/usr/bin/python3
"""Writes slide decks whose text is set in Type 3 fonts, as four producers set it, with
the sizes known (tests/e2e/type3.sh). A Type 3 font's glyphs are content streams; the
em of its glyphs is not written anywhere, and Poppler guesses it from one glyph's advance
(see extract/page_scan.cpp, type3_em). The variants:
  skia   Chromium's Skia: FontMatrix 1/2048 flipped (y down), glyphs named g0, g1...,
         the text matrix and the page's matrix flipped back, 0.75 pt to the CSS pixel;
  pk     pdfTeX's bitmap (PK) fonts: FontMatrix 0.012 (83.3 pixels to the em), glyphs
         named a0, a1...; a Beamer page (364 x 273 pt);
  unit   glyphs drawn at their size in points under `1 Tf`, FontMatrix identity: one
         font per size, the em only in the advances;
  named  FontMatrix 0.001, glyphs named by their letters ("m" 0.778 em wide: Poppler
         takes it for 0.6 em).
The advances are Times-Roman's (Adobe Core 14 metrics; narrower than the Helvetica the
reading compares with), or all 0.6 em (monospaced) with --mono. Each glyph draws a box
from the baseline to 0.7 em, as wide as 0.8 of its advance.

Usage: type3_pdf.py VARIANT OUT.pdf TRUTH.json [--mono]
TRUTH.json: {"slides": [{"title": [text, size], "lines": [[text, size, level], ...]}]}
with sizes in points on the page.
"""
import json
import sys

TIMES = {
    " ": 250, "a": 444, "b": 500, "c": 444, "d": 500, "e": 444, "f": 333, "g": 500, "h": 500, "i": 278, "j": 278,
    "k": 500, "l": 278, "m": 778, "n": 500, "o": 500, "p": 500, "q": 500, "r": 333, "s": 389, "t": 278, "u": 500,
    "v": 500, "w": 722, "x": 500, "y": 500, "z": 444, "A": 722, "B": 667, "C": 667, "D": 722, "E": 611, "F": 556,
    "G": 722, "H": 722, "I": 333, "J": 389, "K": 722, "L": 611, "M": 889, "N": 722, "O": 722, "P": 556, "Q": 722,
    "R": 667, "S": 556, "T": 611, "U": 722, "V": 722, "W": 944, "X": 722, "Y": 722, "Z": 611, "\u2022": 350,
}

SLIDES = [
    {"title": "Speculative decoding at scale",
     "lines": [("Drafters propose tokens cheaply", 1), ("Targets verify them in one pass", 1),
               ("accept the longest prefix", 2), ("resample the first mismatch", 2),
               ("Lossless as the target alone", 1)]},
    {"title": "Results on long prompts",
     "lines": [("Up to three times faster", 1), ("Works with any drafter", 1), ("No training needed", 1)]},
]


def advance(ch, mono):
    if mono:
        return 600
    return TIMES.get(ch, 500 if ch.isdigit() else 333)


def main():
    variant, out, truth_path = sys.argv[1:4]
    mono = "--mono" in sys.argv[4:]
    chars = sorted({c for s in SLIDES for c in s["title"] + "".join(t for t, _ in s["lines"])} | {"\u2022"})
    code = {c: i + 1 for i, c in enumerate(chars)}  # (code 0 unused)
    letters = {c: (c if c.isalpha() else "bullet" if c == "\u2022" else "space" if c == " " else "uni%04X" % ord(c)) for c in chars}

    # geometry per variant: page size, units per em, sizes (title, level 1, level 2) in points
    if variant == "pk":
        page, sizes = (364.0, 273.0), (14.4, 10.0, 9.0)
    else:
        page, sizes = (720.0, 405.0), (33.0, 21.0, 18.0)
    upem = {"skia": 2048.0, "pk": 83.33, "unit": None, "named": 1000.0}[variant]

    objs = []

    def add(body):
        objs.append(body)
        return len(objs)

    def stream(data, extra=""):
        if isinstance(data, str):
            data = data.encode("latin-1")
        return b"<< /Length %d %s>>\nstream\n" % (len(data), extra.encode()) + data + b"\nendstream"

    cmap = ["/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
            "/CMapName /T3 def /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
            "1 begincodespacerange <00> <FF> endcodespacerange", "%d beginbfchar" % len(chars)]
    cmap += ["<%02X> <%04X>" % (code[c], ord(c)) for c in chars]
    cmap += ["endbfchar endcmap CMapName currentdict /CMap defineresource pop end end"]
    tounicode = add(stream("\n".join(cmap)))

    def make_font(unit_size):
        # glyph space: `u` units to the em (unit fonts: the size in points, drawn at 1 Tf)
        u = unit_size if upem is None else upem
        fm = 1.0 if upem is None else 1.0 / upem
        flip = variant == "skia"
        procs = {}
        widths = []
        for c in chars:
            w = advance(c, mono) / 1000.0 * u
            widths.append(w)
            h = 0.7 * u
            if c == " ":
                body = "%.3f 0 0 0 0 0 d1" % w
            elif c == "\u2022":
                body = "%.3f 0 %.3f %.3f %.3f %.3f d1 %.3f %.3f %.3f %.3f re f" % (
                    w, 0.1 * u, (-0.45 if flip else 0.25) * u, 0.3 * u, (-0.25 if flip else 0.45) * u,
                    0.1 * u, (-0.45 if flip else 0.25) * u, 0.2 * u, 0.2 * u)
            else:
                y0, y1 = (-h, 0) if flip else (0, h)
                body = "%.3f 0 0 %.3f %.3f %.3f d1 0 %.3f %.3f %.3f re f" % (w, y0, 0.8 * w, y1, y0, 0.8 * w, h)
            procs[c] = add(stream(body))
        names = {c: ("g%X" % code[c] if variant == "skia" else "a%d" % code[c] if variant == "pk" else letters[c]) for c in chars}
        diffs = " ".join("%d /%s" % (code[c], names[c]) for c in chars)
        charprocs = " ".join("/%s %d 0 R" % (names[c], procs[c]) for c in chars)
        first, last = 1, len(chars)
        bbox = "0 %.3f %.3f 0" % (-u, u) if flip else "0 0 %.3f %.3f" % (u, u)
        return add("<< /Type /Font /Subtype /Type3 /FontBBox [%s] /FontMatrix [%.8f 0 0 %.8f 0 0] "
                   "/CharProcs << %s >> /Encoding << /Type /Encoding /Differences [%s] >> "
                   "/FirstChar %d /LastChar %d /Widths [%s] /ToUnicode %d 0 R /Resources << >> >>" % (
                       bbox, fm, -fm if flip else fm, charprocs, diffs, first, last,
                       " ".join("%.3f" % w for w in widths), tounicode))

    # fonts: one for all sizes, or one per size (unit)
    if upem is None:
        fonts = {s: make_font(s) for s in sizes}
    else:
        f = make_font(None)
        fonts = {s: f for s in sizes}
    font_names = {}
    for s, ref in fonts.items():
        font_names.setdefault(ref, "F%d" % (len(font_names) + 1))

    def show(text):
        return "<" + "".join("%02X" % code[c] for c in text) + ">"

    truth = {"slides": []}
    pages = []
    W, H = page
    for sl in SLIDES:
        ops = []
        # the text in points on the page: (text, size, x, baseline y from the top)
        placed = []
        margin = W * 0.06
        y = H * 0.14
        placed.append((sl["title"], sizes[0], margin, y, 0))
        y += sizes[0] * 1.6
        for text, level in sl["lines"]:
            s = sizes[level]
            y += s * 1.45
            placed.append((text, s, margin + (level - 1) * 1.5 * sizes[1] + 1.2 * s, y, level))
        tr = {"title": [sl["title"], sizes[0]], "lines": []}
        for text, s, x, yb, level in placed:
            ref = fonts[s]
            fname = font_names[ref]
            tf = 1.0 if upem is None else s
            items = [(text, x)]
            if level:
                items.insert(0, ("\u2022", x - 1.2 * s))
                tr["lines"].append([text, s, level])
            for t, xx in items:
                if variant == "skia":
                    # CSS pixels, y down: the page's matrix scales 0.75 and flips, the text
                    # matrix flips again
                    ops.append("q 0.75 0 0 -0.75 0 %.3f cm BT /%s %.4f Tf 1 0 0 -1 %.3f %.3f Tm %s Tj ET Q" % (
                        H, fname, tf / 0.75, xx / 0.75, yb / 0.75, show(t)))
                else:
                    ops.append("BT /%s %.4f Tf %.3f %.3f Td %s Tj ET" % (fname, tf, xx, H - yb, show(t)))
        truth["slides"].append(tr)
        content = add(stream("\n".join(ops)))
        res = " ".join("/%s %d 0 R" % (n, ref) for ref, n in font_names.items())
        pages.append(add("<< /Type /Page /Parent PAGES /MediaBox [0 0 %.3f %.3f] /Contents %d 0 R "
                         "/Resources << /Font << %s >> >> >>" % (W, H, content, res)))
    pages_obj = add("<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join("%d 0 R" % p for p in pages), len(pages)))
    catalog = add("<< /Type /Catalog /Pages %d 0 R >>" % pages_obj)
    out_b = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        if isinstance(body, str):
            body = body.replace("PAGES", "%d 0 R" % pages_obj).encode("latin-1")
        offsets.append(len(out_b))
        out_b += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out_b)
    out_b += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offsets:
        out_b += b"%010d 00000 n \n" % o
    out_b += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, catalog, xref)
    with open(out, "wb") as f:
        f.write(out_b)
    with open(truth_path, "w") as f:
        json.dump(truth, f, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()

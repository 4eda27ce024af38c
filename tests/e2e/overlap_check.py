#!/usr/bin/python3
"""Where does a translated slide's new text sit over something a reader sees? An oracle that
reads the output PDF alone, independent of deckhand's layout code (issue 18).

usage: overlap_check.py SLIDES.pdf [--source SOURCE.pdf] [--pages A-B] [--dpi N (100)] [-v]
       overlap_check.py --self-test

For each page of `deckhand slides` output:
- the translated text: every glyph drawn in one of the fonts deckhand's text layer adds
  (the page's /Resources /Font entries named /DhF..., found with qpdf --json), from
  `mutool trace` (origin, advance, size, glyph id), boxed by the glyph's outline (the
  embedded TrueType file read with fontTools; the font's /Ascent and /Descent when it
  cannot be read);
- the text that stays: every other non-space glyph on the page (the source's own text,
  drawn through its Form XObject), boxed the same way;
- the page's ink without any text: the page drawn by Ghostscript with -dFILTERTEXT (pictures,
  filled and stroked paths), at --dpi, as raw PPM read with numpy; a pixel is ink when it
  differs from its right or lower neighbour by more than 40 of 255 in some colour channel
  (a yellow arrow on an orange box is ink, though both are about one grey): the edges of
  what is drawn, so a label inside a filled box is not over it, but text that crosses the
  box's border is. A page whose most common colour covers less than a third of it (a
  photograph behind everything) is not judged (counted as "busy");
- the text's own pixels: where the page drawn with its text differs from it drawn without,
  the translated text drawn once in black and once in white (so white words that run off a
  blue box onto the white page are seen where they vanish);
- with --source (the deck the slides were translated from, page for page): the bands where
  the source's lines of text lay (glyphs on one baseline, 0.9 em above it to 0.3 em below,
  grown by 1 pt); translated text over ink there is where the source set its own text over
  that ink (white words on a photo): the design, not counted.
Each line of translated text (its glyphs on one baseline, each within 1.5 em of the one
before it) is
reported when it
  - lies over ink: at least 6 of its own text pixels (inside its glyph boxes) on or next to
    (one pixel) the page's ink: a rule crossing it, a picture under it; "ink N px";
  - lies over text that stays, or over another line of translated text: a glyph box of it
    overlaps one of that text by at least 4 square points; "text 'abc'" ("text
    'translated: abc'");
  - goes outside the page (MediaBox): by more than 0.5 pt; "outside N pt".
One report line per finding: PAGE<TAB>KIND<TAB>AMOUNT<TAB>the line's text. A summary last:
pages, translated lines, findings by kind, busy pages. Exit 0 when nothing is found, 1 when
something is, 2 on a tool or usage error. Needs qpdf, mutool, gs, python3.
"""
import collections
import json
import os
import re
import struct
import subprocess
import sys
import tempfile
import unicodedata
import xml.etree.ElementTree as ET
import zlib

import numpy as np


def run(cmd):
    p = subprocess.run(cmd, capture_output=True)
    if p.returncode != 0:
        raise RuntimeError("%s: %s" % (" ".join(cmd), p.stderr.decode("utf-8", "replace")[:300]))
    return p.stdout


def pdf_fonts(pdf):
    """page number -> {BaseFont name: (ours, ascent, descent)} (ascent, descent in 1/1000 em)."""
    j = json.loads(run(["qpdf", "--json=2", "--json-key=pages", "--json-key=qpdf", pdf]))
    objs = j["qpdf"][1]

    def get(ref):
        o = objs.get("obj:" + ref) if isinstance(ref, str) and ref.endswith(" R") else None
        if o is None:
            return ref
        return o.get("value", o.get("stream", {}).get("dict"))

    out = {}
    cache = {}
    for i, p in enumerate(j["pages"], 1):
        page = get(p["object"])
        res = get(page.get("/Resources", {})) or {}
        fonts = get(res.get("/Font", {})) or {}
        m = {}

        def walk(fonts, ours):
            for key, ref in fonts.items():
                f = get(ref)
                if not isinstance(f, dict):
                    continue
                name = str(f.get("/BaseFont", "")).lstrip("/")
                fd = None
                if "/FontDescriptor" in f:
                    fd = get(f["/FontDescriptor"])
                elif "/DescendantFonts" in f:
                    d = get(get(f["/DescendantFonts"])[0])
                    fd = get(d.get("/FontDescriptor")) if isinstance(d, dict) else None
                asc, desc = 800, -200
                outlines = None
                if isinstance(fd, dict):
                    asc = float(fd.get("/Ascent", asc) or asc)
                    desc = float(fd.get("/Descent", desc) or desc)
                    ff = fd.get("/FontFile2")
                    if (ours or key.startswith("/DhF")) and isinstance(ff, str) and ff.endswith(" R"):
                        outlines = glyph_bounds(pdf, ff, cache)
                if asc <= 0:
                    asc = 800
                m[name] = (ours or key.startswith("/DhF"), asc, min(desc, 0), outlines)

        walk(fonts, False)
        # the source page's fonts, inside its Form XObjects (one level is what deckhand writes)
        xo = get(res.get("/XObject", {})) or {}
        for ref in xo.values():
            x = get(ref)
            if isinstance(x, dict) and "/Resources" in x:
                walk(get(get(x["/Resources"]).get("/Font", {})) or {}, False)
        out[i] = m
    return out, len(j["pages"])


def glyph_bounds(pdf, ref, cache):
    """glyph id -> (xMin, yMin, xMax, yMax) per em of the TrueType font file object `ref`
    ("12 0 R"), read with fontTools; None when it cannot be read."""
    if ref in cache:
        return cache[ref]
    cache[ref] = None
    try:
        import io
        from fontTools.ttLib import TTFont
        data = run(["qpdf", "--show-object=" + ref.split()[0], "--filtered-stream-data", pdf])
        f = TTFont(io.BytesIO(data))
        upem = float(f["head"].unitsPerEm)
        glyf = f["glyf"]
        order = f.getGlyphOrder()
        b = {}
        for gid, name in enumerate(order):
            g = glyf[name]
            if g.isComposite():
                g.recalcBounds(glyf)
            if getattr(g, "numberOfContours", 0) and hasattr(g, "xMin"):
                b[gid] = (g.xMin / upem, g.yMin / upem, g.xMax / upem, g.yMax / upem)
        cache[ref] = b
    except Exception:  # no fontTools, or not a TrueType file: ascent and descent instead
        pass
    return cache[ref]


def read_png_gray(path):
    """(width, height, rows of bytes) of an 8-bit grey PNG (as Ghostscript's pnggray writes)."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        n = struct.unpack(">I", data[pos:pos + 4])[0]
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and ctype == 0, "not 8-bit grey"
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    rows, prev, stride = [], bytearray(w), w + 1
    for y in range(h):
        f, line = raw[y * stride], bytearray(raw[y * stride + 1:(y + 1) * stride])
        for x in range(w):
            a = line[x - 1] if x else 0
            b = prev[x]
            c = prev[x - 1] if x else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return w, h, rows


def read_pgm(path):
    """A raw PGM (P5, 8 bit) as a numpy array of rows; a raw PPM (P6) as rows of (r, g, b)."""
    data = open(path, "rb").read()
    parts, pos = [], 0
    while len(parts) < 4:  # magic, width, height, maxval (comments skipped)
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos) + 1
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        parts.append(data[pos:end])
        pos = end
    pos += 1
    w, h = int(parts[1]), int(parts[2])
    if parts[0] == b"P6":  # raw PPM: rows of (r, g, b)
        return np.frombuffer(data, dtype=np.uint8, count=w * h * 3, offset=pos).reshape(h, w, 3).astype(np.int16)
    return np.frombuffer(data, dtype=np.uint8, count=w * h, offset=pos).reshape(h, w).astype(np.int16)


def grow(mask, r):
    """`mask` grown by r pixels (a square neighbourhood)."""
    out = mask.copy()
    for dy in range(-r, r + 1):
        for dx in range(-r, r + 1):
            if dy or dx:
                out |= np.roll(np.roll(mask, dy, axis=0), dx, axis=1)
    return out


def source_lines(pdf, page):
    """The boxes of the lines of text on `page` of `pdf` (its glyphs on one baseline, each
    within 0.8 em of the one before it: labels side by side in boxes of their own, "App1
    App2 App3", are bands apart, and what crosses the gaps between them is counted); each glyph from its origin to its advance, 0.9 em
    above the baseline to 0.3 em below it): where the source set text."""
    gl = sorted((g for g in glyphs(pdf, page) if g[6].strip()), key=lambda g: (round(g[5], 1), g[3]))
    lines = []
    for g in gl:
        b = [g[3], g[5] - 0.9 * g[2], g[4], g[5] + 0.3 * g[2]]
        # the line it goes on: one on its baseline (within 0.1 em) that ends just before it
        prev = next((l for l in reversed(lines) if abs(l[4] - g[5]) < 0.1 * g[2] + 0.3 and -0.5 * g[2] < g[3] - l[2] < 0.8 * g[2]), None)
        if prev:
            prev[0], prev[1], prev[2], prev[3] = min(prev[0], b[0]), min(prev[1], b[1]), max(prev[2], b[2]), max(prev[3], b[3])
        else:
            lines.append(b + [g[5]])
    return [l[:4] for l in lines]


def draw(pdf, first, last, dpi, tmp, name, text):
    run(["gs", "-q", "-dSAFER", "-dBATCH", "-dNOPAUSE"] + ([] if text else ["-dFILTERTEXT"]) +
        ["-sDEVICE=ppmraw", "-r%d" % dpi, "-dFirstPage=%d" % first, "-dLastPage=%d" % last,
         "-sOutputFile=" + os.path.join(tmp, name + "-%d.ppm"), pdf])


COLOUR_OP = re.compile(rb"(?:(?:[-+]?[0-9.]+\s+){1,4}(?:rg|g|k|sc|scn)|/[A-Za-z0-9_.]+\s+cs)(?=\s)")


def recolour(pdf, tmp, grey):
    """A copy of `pdf` whose translated text (each BT ... ET that selects a /DhF font) is
    filled with `grey` (0 black, 1 white), whatever colour it had: drawn once in black and
    once in white, a glyph differs from what is under it in one of the two even where it has
    that thing's own colour (white words crossing from a blue box into the white page)."""
    qdf = os.path.join(tmp, "qdf.pdf")
    out = os.path.join(tmp, "recoloured-%d.pdf" % grey)
    run(["qpdf", "--qdf", "--object-streams=disable", pdf, qdf])
    data = open(qdf, "rb").read()

    def block(m):
        b = m.group(0)
        if b"/DhF" not in b:
            return b
        return b[:2] + b" %d g " % grey + COLOUR_OP.sub(b"", b[2:])
    # only content streams: a page's (qdf marks them) and Form XObjects (deckhand draws its
    # text layer in one); never a font's or an image's bytes
    out_parts, pos = [], 0
    for m in re.finditer(rb"\d+ 0 obj\n<<(.*?)>>\nstream\n", data, flags=re.S):
        start = m.end()
        end = data.find(b"endstream", start)
        if end < 0:
            break
        page = data.rfind(b"%% Contents for page", pos, m.start()) >= 0 and data.rfind(b"endobj", pos, m.start()) < data.rfind(b"%% Contents for page", pos, m.start())
        if b"/Subtype /Form" in m.group(1) or page:
            out_parts.append(data[pos:start])
            out_parts.append(re.sub(rb"(?<![A-Za-z])BT\b.*?\bET(?![A-Za-z])", block, data[start:end], flags=re.S))
            pos = end
    out_parts.append(data[pos:])
    data = b"".join(out_parts)
    fixed = subprocess.run(["fix-qdf"], input=data, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if fixed.returncode != 0:
        raise RuntimeError("fix-qdf failed")
    open(out, "wb").write(fixed.stdout)
    return out


def renders(pdf, first, last, dpi, tmp, source=None):
    """page -> (scale, width, height, hits): hits, 1 where the page's text (the page drawn with
    its text, the translated text in black and again in white, differs from it drawn without,
    by over 40 of 255 in a channel) is on or next to (one pixel) its ink, the edges of what is
    drawn without text (a pixel that differs from its right or lower neighbour by over 40 in
    a channel), so that text set inside a filled shape (a label in
    a box) is not "over" it, while text crossing the shape's border, a rule or a picture's
    detail is; None when the page's most common colour covers less than a third of it (a
    photograph behind everything). With `source` (the PDF the slides were made from, page for
    page), pixels in the bands of the source's lines of text are not counted: text the source
    itself set over that ink is the design, not the translation's doing."""
    draw(pdf, first, last, dpi, tmp, "ink", False)
    draw(recolour(pdf, tmp, 0), first, last, dpi, tmp, "black", True)
    draw(recolour(pdf, tmp, 1), first, last, dpi, tmp, "white", True)
    out = {}
    for k, page in enumerate(range(first, last + 1), 1):
        ink = read_pgm(os.path.join(tmp, "ink-%d.ppm" % k))
        black = read_pgm(os.path.join(tmp, "black-%d.ppm" % k))
        white = read_pgm(os.path.join(tmp, "white-%d.ppm" % k))
        h, w = ink.shape[:2]
        colours = (ink[:, :, 0].astype(np.int32) << 16) | (ink[:, :, 1].astype(np.int32) << 8) | ink[:, :, 2]
        hits = None
        if np.unique(colours, return_counts=True)[1].max() >= w * h / 3:
            def apart(a, b):  # two colours differ by over 40 of 255 in some channel
                return np.abs(a - b).max(axis=-1) > 40
            edge = np.zeros((h, w), dtype=bool)
            edge[:, :-1] |= apart(ink[:, :-1], ink[:, 1:])
            edge[:-1, :] |= apart(ink[:-1, :], ink[1:, :])
            text = apart(black, ink) | apart(white, ink)
            hits = text & grow(edge, 1)
            if source:  # the bands where the source's lines of text lay
                scale = dpi / 72.0
                for x0, y0, x1, y1 in source_lines(source, page):
                    hits[max(0, int((y0 - 1) * scale)):max(0, int((y1 + 1) * scale) + 1),
                         max(0, int((x0 - 1) * scale)):max(0, int((x1 + 1) * scale) + 1)] = False
        out[page] = (dpi / 72.0, w, h, hits)
    return out


def glyphs(pdf, page):
    """(font tag, font, size, x0, x1, baseline y top-down, unicode, fill number) of each glyph."""
    xml = run(["mutool", "trace", pdf, str(page)]).decode("utf-8", "replace")
    root = ET.fromstring(xml)
    out = []
    for fid, ft in enumerate(root.iter("fill_text")):
        tr = [float(v) for v in ft.get("transform", "1 0 0 1 0 0").split()]
        for span in ft.iter("span"):
            trm = [float(v) for v in span.get("trm", "1 0 0 1").split()]
            size = abs(trm[3]) * abs(tr[3]) if trm[3] else abs(trm[0])
            font = re.sub(r"^[A-Z]{6}\+", "", span.get("font", ""))
            tag = span.get("font", "")
            for g in span.iter("g"):
                x, y, adv = float(g.get("x")), float(g.get("y")), float(g.get("adv", 0))
                # device = user x CTM (mutool's device space is top-down)
                dx = x * tr[0] + y * tr[2] + tr[4]
                dy = x * tr[1] + y * tr[3] + tr[5]
                w = adv * abs(trm[0]) * abs(tr[0])
                gid = g.get("glyph", "")
                out.append((tag, font, size, dx, dx + w, dy, g.get("unicode", ""), fid, int(gid) if gid.isdigit() else -1))
    return out


def self_test():
    """A page made here: a grey box, a word of source text, five lines of "translated" text
    (a /DhF font): across the box's edge, inside the box (a label on its shape), over the
    word, past the right edge, in the clear. The first, third and fourth must be found, the
    others not."""
    def obj(i, body):
        return b"%d 0 obj\n" % i + body + b"\nendobj\n"
    content = (b"0.5 g 20 20 60 40 re f 0 g "
               b"BT /F9 12 Tf 1 0 0 1 120 70 Tm (stay) Tj ET "
               b"BT /DhF1 10 Tf 1 0 0 1 60 35 Tm (across the box) Tj ET "
               b"BT /DhF1 10 Tf 1 0 0 1 25 45 Tm (in) Tj ET "
               b"BT /DhF1 10 Tf 1 0 0 1 118 68 Tm (over it) Tj ET "
               b"BT /DhF1 10 Tf 1 0 0 1 170 15 Tm (past the edge) Tj ET "
               b"BT /DhF1 10 Tf 1 0 0 1 135 50 Tm (clear) Tj ET")
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Resources << /Font << /F9 5 0 R /DhF1 6 0 R >> >> "
            b"/Contents 4 0 R >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    pdf, offs = b"%PDF-1.7\n", []
    for i, o in enumerate(objs, 1):
        offs.append(len(pdf))
        pdf += obj(i, o)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offs)
    pdf += b"trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "self.pdf")
        open(path, "wb").write(pdf)
        out = subprocess.run([sys.executable, __file__, path], capture_output=True, text=True)
    found = {(l.split("\t")[1], l.split("\t")[3]) for l in out.stdout.splitlines() if l.count("\t") == 3}
    want = {("ink", "across the box"), ("text", "over it"), ("outside", "past the edge")}
    ok = found == want and out.returncode == 1
    print("self-test: %s (found %s)" % ("ok" if ok else "FAIL", sorted(found)))
    return 0 if ok else 1


def main(argv):
    if argv == ["--self-test"]:
        return self_test()
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    dpi, pages = 100, None
    if "--dpi" in args:
        i = args.index("--dpi")
        dpi = int(args[i + 1])
        del args[i:i + 2]
    source = None
    if "--source" in args:
        i = args.index("--source")
        source = args[i + 1]
        del args[i:i + 2]
    if "--pages" in args:
        i = args.index("--pages")
        a, _, b = args[i + 1].partition("-")
        pages = (int(a), int(b or a))
        del args[i:i + 2]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    pdf = args[0]
    try:
        fonts, npages = pdf_fonts(pdf)
        first, last = pages or (1, npages)
        with tempfile.TemporaryDirectory() as tmp:
            ink = renders(pdf, first, last, dpi, tmp, source)
    except (RuntimeError, OSError, AssertionError, ValueError) as e:
        print("error: %s" % e, file=sys.stderr)
        return 2
    counts = collections.Counter()
    lines_total = busy = 0
    for page in range(first, last + 1):
        fm = fonts.get(page, {})
        try:
            gl = glyphs(pdf, page)
        except (RuntimeError, ET.ParseError) as e:
            print("error: page %d: %s" % (page, e), file=sys.stderr)
            return 2

        def box(g):
            tag, font, size, x0, x1, y, u, fid, gid = g
            ours, asc, desc, outlines = fm.get(tag, (False, 800, -200, None))
            if outlines is not None:  # our glyphs: their outlines' box (None: draws nothing)
                b = outlines.get(gid)
                if b is None:
                    return None
                return x0 + b[0] * size, y - b[3] * size, x0 + b[2] * size, y - b[1] * size
            return x0, y - asc / 1000.0 * size, x1, y - desc / 1000.0 * size

        # a combining mark (Arabic harakat) belongs to its base letter's line, not a line of its own
        ours = [g for g in gl if fm.get(g[0], (False,))[0] and not (g[6] and all(unicodedata.category(c) == "Mn" for c in g[6]))]
        stays = [(box(g), g[6]) for g in gl if not fm.get(g[0], (False,))[0] and g[6].strip()]
        scale, W, H, hits = ink[page]
        if hits is None:
            busy += 1
        # lines: our glyphs on one baseline, each within 1.5 em of the one before it
        lines = []
        for g in sorted(ours, key=lambda g: (round(g[5], 1), g[3])):
            prev = lines[-1][-1] if lines else None
            if prev and abs(prev[5] - g[5]) < 0.1 * g[2] + 0.3 and g[3] - prev[4] < 1.5 * g[2]:
                lines[-1].append(g)
            else:
                lines.append([g])
        pw, ph = W / scale, H / scale
        line_boxes = [[b for b in (box(g) for g in gs) if b] for gs in lines]
        for li, gs in enumerate(lines):
            text = "".join(g[6] for g in gs)
            if not text.strip():
                continue
            lines_total += 1
            boxes = line_boxes[li]
            found = []
            out = 0.0
            for x0, y0, x1, y1 in boxes:
                out = max(out, -x0, x1 - pw, -y0, y1 - ph)
            if out > 0.5:
                found.append(("outside", "%.1f pt" % out))
            hit = None
            for b in boxes:
                for (s, u) in stays:
                    ox = min(b[2], s[2]) - max(b[0], s[0])
                    oy = min(b[3], s[3]) - max(b[1], s[1])
                    if ox > 0 and oy > 0 and ox * oy >= 4:
                        hit = u
                        break
                if hit:
                    break
            if not hit:  # two texts on one baseline, drawn over each other (glyphs with an advance overlapping by 0.3 em)
                adv = sorted((g for g in gs if g[4] - g[3] > 0.05 * g[2] and g[6].strip()), key=lambda g: g[3])
                for a, b in zip(adv, adv[1:]):
                    if b[3] < a[4] - 0.3 * a[2]:
                        hit = "translated: %s over %s" % (a[6], b[6])
                        break
            if not hit:  # another line of translated text
                for lj, other in enumerate(line_boxes):
                    if lj == li or hit:
                        continue
                    for b in boxes:
                        if any(min(b[2], o[2]) - max(b[0], o[0]) > 0 and min(b[3], o[3]) - max(b[1], o[1]) > 0 and
                               (min(b[2], o[2]) - max(b[0], o[0])) * (min(b[3], o[3]) - max(b[1], o[1])) >= 4 for o in other):
                            hit = "translated: " + "".join(g[6] for g in lines[lj]).strip()[:20]
                            break
            if hit:
                found.append(("text", "'%s'" % hit))
            if hits is not None:
                # the line's own text pixels (inside its glyph boxes) on or next to the ink
                m = np.zeros(hits.shape, dtype=bool)
                for x0, y0, x1, y1 in boxes:
                    m[max(0, int(y0 * scale)):max(0, min(H, int(y1 * scale) + 1)), max(0, int(x0 * scale)):max(0, min(W, int(x1 * scale) + 1))] = True
                n = int((hits & m).sum())
                if n >= 6:
                    found.append(("ink", "%d px" % n))
            for kind, amount in found:
                counts[kind] += 1
                print("%d\t%s\t%s\t%s" % (page, kind, amount, text.strip()))
            if verbose and not found:
                print("%d\tok\t\t%s" % (page, text.strip()))
    print("%s: %d pages, %d translated lines; over ink %d, over text that stays %d, outside the page %d; "
          "busy pages (ink not judged) %d" % (os.path.basename(pdf), last - first + 1, lines_total, counts["ink"],
                                              counts["text"], counts["outside"], busy))
    return 1 if counts else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

#!/usr/bin/python3
"""Where does a translated slide's new text sit over something a reader sees? An oracle that
reads the output PDF alone, independent of deckhand's layout code (issue 18).

usage: overlap_check.py SLIDES.pdf [--pages A-B] [--dpi N (100)] [-v]
       overlap_check.py --self-test

For each page of `deckhand slides` output:
- the translated text: every glyph drawn in one of the fonts deckhand's text layer adds
  (the page's /Resources /Font entries named /DhF..., found with qpdf --json), from
  `mutool trace` (origin, advance, size), boxed from the baseline by the font's own
  /Ascent and /Descent (its FontDescriptor);
- the text that stays: every other non-space glyph on the page (the source's own text,
  drawn through its Form XObject), boxed the same way;
- the page's ink without any text: the page drawn by Ghostscript with -dFILTERTEXT (pictures,
  filled and stroked paths), at --dpi; a pixel is ink when it differs from its right or
  lower neighbour by more than 40 of 255 in grey: the edges of what is drawn, so a label
  inside a filled box is not over it, but text that crosses the box's border is. A page
  whose most common colour covers less than a third of it (a photograph behind
  everything) is not judged (counted as "busy");
- the text's own pixels: where the page drawn with its text differs from it drawn without.
Each line of translated text (its glyphs on one baseline, each within 1.5 em of the one
before it) is
reported when it
  - lies over ink: at least 6 of its own text pixels (inside its glyph boxes) on or next to
    (one pixel) the page's ink: a rule crossing it, a picture under it; "ink N px";
  - lies over text that stays: a glyph box of it overlaps one of that text by at least
    4 square points; "text 'abc'";
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
import xml.etree.ElementTree as ET
import zlib


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
                if isinstance(fd, dict):
                    asc = float(fd.get("/Ascent", asc) or asc)
                    desc = float(fd.get("/Descent", desc) or desc)
                if asc <= 0:
                    asc = 800
                m[name] = (ours or key.startswith("/DhF"), asc, min(desc, 0))

        walk(fonts, False)
        # the source page's fonts, inside its Form XObjects (one level is what deckhand writes)
        xo = get(res.get("/XObject", {})) or {}
        for ref in xo.values():
            x = get(ref)
            if isinstance(x, dict) and "/Resources" in x:
                walk(get(get(x["/Resources"]).get("/Font", {})) or {}, False)
        out[i] = m
    return out, len(j["pages"])


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


def renders(pdf, first, last, dpi, tmp):
    """page -> (scale, width, height, ink, text): ink, the page without its text (Ghostscript
    -dFILTERTEXT), 1 where it differs from its most common colour (None when that colour
    covers less than a third of the page); text, 1 where the page with its text differs from
    the page without it."""
    out = {}
    for name, extra in (("ink", ["-dFILTERTEXT"]), ("all", [])):
        run(["gs", "-q", "-dSAFER", "-dBATCH", "-dNOPAUSE"] + extra + ["-sDEVICE=pnggray", "-r%d" % dpi,
             "-dFirstPage=%d" % first, "-dLastPage=%d" % last, "-sOutputFile=" + os.path.join(tmp, name + "-%d.png"), pdf])
    for k, page in enumerate(range(first, last + 1), 1):
        w, h, rows = read_png_gray(os.path.join(tmp, "ink-%d.png" % k))
        _, _, full = read_png_gray(os.path.join(tmp, "all-%d.png" % k))
        hist = collections.Counter()
        for r in rows:
            hist.update(r)
        bg, n = hist.most_common(1)[0]
        # ink: the edges of what is drawn (a pixel that differs from its right or lower
        # neighbour), so that text set inside a filled shape (a label in a box) is not "over"
        # it, while text crossing the shape's border, a rule or a picture's detail is
        ink = None
        if n >= w * h / 3:
            ink = []
            for y, r in enumerate(rows):
                below = rows[y + 1] if y + 1 < h else r
                ink.append(bytes(1 if abs(r[x] - r[x + 1 if x + 1 < w else x]) > 40 or abs(r[x] - below[x]) > 40 else 0
                                 for x in range(w)))
        text = [bytes(1 if abs(a - b) > 40 else 0 for a, b in zip(r, f)) for r, f in zip(rows, full)]
        out[page] = (dpi / 72.0, w, h, ink, text)
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
                out.append((tag, font, size, dx, dx + w, dy, g.get("unicode", ""), fid))
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
               b"BT /DhF1 10 Tf 1 0 0 1 110 30 Tm (clear) Tj ET")
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
            ink = renders(pdf, first, last, dpi, tmp)
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
            tag, font, size, x0, x1, y, u, fid = g
            ours, asc, desc = fm.get(tag, (False, 800, -200))
            return x0, y - asc / 1000.0 * size, x1, y - desc / 1000.0 * size

        ours = [g for g in gl if fm.get(g[0], (False,))[0]]
        stays = [(box(g), g[6]) for g in gl if not fm.get(g[0], (False,))[0] and g[6].strip()]
        scale, W, H, mask, textpx = ink[page]
        if mask is None:
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
        for gs in lines:
            text = "".join(g[6] for g in gs)
            if not text.strip():
                continue
            lines_total += 1
            boxes = [box(g) for g in gs if g[6].strip()]
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
            if hit:
                found.append(("text", "'%s'" % hit))
            if mask is not None:
                # the line's own ink (text pixels inside its glyph boxes) on or next to the
                # page's other ink
                seen, n = set(), 0
                for x0, y0, x1, y1 in boxes:
                    for py in range(max(1, int(y0 * scale)), min(H - 1, int(y1 * scale) + 1)):
                        for px in range(max(1, int(x0 * scale)), min(W - 1, int(x1 * scale) + 1)):
                            if not textpx[py][px] or (px, py) in seen:
                                continue
                            seen.add((px, py))
                            if any(mask[py + dy][px - 1:px + 2].count(1) for dy in (-1, 0, 1)):
                                n += 1
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

#!/usr/bin/env python3
"""Hostile PDFs made at test time for tests/e2e/robust2_pdf.sh (issue 20): raw bytes with a
correct cross-reference table. Usage: hostile_pdf.py KIND OUT.pdf N
  deep    a page tree N levels deep (one page at the bottom)
  wide-w  a Type0 font whose /W array holds N ranges "0 65535 w" (each the whole code space)
  annots  a page with N annotations
  cycle   a form XObject that draws itself (N times)
  t3cycle a Type3 glyph that shows itself (N times)
  bogus-image    a page that draws an image N pixels wide (2^30: Poppler's allocator prints
                 "Bogus memory allocation size" on stderr and gives up the image)
  bogus-function a page that paints a shading whose sampled function has N samples (10^9:
                 the same line, and Poppler gives up the shading)"""
import sys

def write_pdf(path, objs, root=1):
    # objs: {num: bytes body (without 'n 0 obj'/'endobj')}
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offs = {}
    for n in sorted(objs):
        offs[n] = len(out)
        out += b"%d 0 obj\n" % n + objs[n] + b"\nendobj\n"
    size = max(objs) + 1
    x = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for n in range(1, size):
        out += (b"%010d 00000 n \n" % offs[n]) if n in offs else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, root, x)
    open(path, "wb").write(out)

def stream(data, extra=b""):
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"

TEXT = b"BT /F1 24 Tf 72 400 Td (Hello hostile world) Tj ET\n"
HELV = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"

def deep(path, depth):
    # 1 catalog; Pages nodes 2..depth+1 each the only kid of the one before; the page last
    objs = {1: b"<< /Type /Catalog /Pages 2 0 R >>"}
    for i in range(depth):
        n = 2 + i
        parent = b"" if i == 0 else b"/Parent %d 0 R " % (n - 1)
        objs[n] = b"<< /Type /Pages %s/Kids [%d 0 R] /Count 1 >>" % (parent, n + 1)
    page = depth + 2
    objs[page] = b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 960 540] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (page - 1, page + 1, page + 2)
    objs[page + 1] = HELV
    objs[page + 2] = stream(TEXT)
    write_pdf(path, objs)

def wide_w(path, ranges):
    # a Type0 font whose CIDFont /W array holds `ranges` ranges: c [w] ...
    w = b" ".join(b"0 65535 %d" % (500 + i % 100) for i in range(ranges))
    objs = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 960 540] /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>",
        4: stream(TEXT + b"BT /F2 24 Tf 72 300 Td <00410042> Tj ET\n"),
        5: HELV,
        6: b"<< /Type /Font /Subtype /Type0 /BaseFont /Wide /Encoding /Identity-H /DescendantFonts [7 0 R] >>",
        7: b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Wide /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R /W [" + w + b"] >>",
        8: b"<< /Type /FontDescriptor /FontName /Wide /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>",
    }
    write_pdf(path, objs)

def annots(path, n):
    objs = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        4: stream(TEXT),
        5: HELV,
    }
    refs = []
    for i in range(n):
        objs[10 + i] = b"<< /Type /Annot /Subtype /Square /Rect [%d %d %d %d] /C [1 0 0] >>" % (i % 900, i % 500, i % 900 + 10, i % 500 + 10)
        refs.append(b"%d 0 R" % (10 + i))
    objs[3] = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 960 540] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R /Annots [" + b" ".join(refs) + b"] >>"
    write_pdf(path, objs)

def cycle(path, n):
    objs = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 960 540] /Resources << /Font << /F1 5 0 R >> /XObject << /X0 6 0 R >> >> /Contents 4 0 R >>",
        4: stream(TEXT + b"q /X0 Do Q\n"),
        5: HELV,
        6: stream(b"q /X0 Do Q\n" * n, b"/Type /XObject /Subtype /Form /BBox [0 0 960 540] /Resources << /XObject << /X0 6 0 R >> >>"),
    }
    write_pdf(path, objs)

def t3cycle(path, n):
    objs = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 960 540] /Resources << /Font << /F1 5 0 R /T3 6 0 R >> >> /Contents 4 0 R >>",
        4: stream(TEXT + b"BT /T3 24 Tf 72 300 Td (a) Tj ET\n"),
        5: HELV,
        6: b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << /a 7 0 R >> "
           b"/Encoding << /Type /Encoding /Differences [97 /a] >> /FirstChar 97 /LastChar 97 /Widths [1000] /Resources << /Font << /T3 6 0 R >> >> >>",
        7: stream(b"1000 0 d0 BT /T3 1000 Tf " + b"(a) Tj " * n + b"ET\n"),
    }
    write_pdf(path, objs)

def one_page(resources, content, more):
    objs = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 960 540] /Resources << /Font << /F1 5 0 R >> " + resources + b" >> /Contents 4 0 R >>",
        4: stream(TEXT + content),
        5: HELV,
    }
    objs.update(more)
    return objs

def bogus_image(path, width):
    write_pdf(path, one_page(b"/XObject << /Im1 6 0 R >>", b"q 100 0 0 100 600 100 cm /Im1 Do Q\n", {
        6: stream(b"\x00" * 16, b"/Type /XObject /Subtype /Image /Width %d /Height 2 /ColorSpace /DeviceRGB /BitsPerComponent 8" % width)}))

def bogus_function(path, samples):
    write_pdf(path, one_page(b"/Shading << /Sh1 6 0 R >>", b"q 600 100 200 200 re W n /Sh1 sh Q\n", {
        6: b"<< /ShadingType 2 /ColorSpace /DeviceRGB /Coords [600 0 800 0] /Function 7 0 R >>",
        7: stream(b"\x00" * 16, b"/FunctionType 0 /Domain [0 1] /Range [0 1 0 1 0 1] /Size [%d] /BitsPerSample 8" % samples)}))

if __name__ == "__main__":
    kind, path, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    {"deep": deep, "wide-w": wide_w, "annots": annots, "cycle": cycle, "t3cycle": t3cycle,
     "bogus-image": bogus_image, "bogus-function": bogus_function}[kind](path, n)

#!/usr/bin/env python3
"""Writes the tiny PDFs the PDF fuzz targets start from (tests/fuzz/corpus/pdf/), each a
kind of structure the libqpdf code of render/ walks: simple and Type0 fonts with widths,
text operators (Tj TJ ' "), Form XObjects drawing Form XObjects, images and inline images,
Type 3 fonts, inherited page attributes in a nested page tree, boxes, /Rotate, clipping,
render modes, Flate streams; and, made with qpdf when it is there, the same with object
and cross-reference streams, and encrypted with an empty user password.
Usage: python3 tests/fuzz/make_pdf_seeds.py [OUT_DIR]   (the output is committed)"""
import os
import shutil
import subprocess
import sys
import zlib


def pdf(objects, root=1, info=None):
    """objects: {number: bytes-or-str body}; returns the file with a correct xref."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for n in sorted(objects):
        body = objects[n]
        if isinstance(body, str):
            body = body.encode("latin-1")
        offsets[n] = len(out)
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for n in range(1, size):
        out += b"%010d 00000 n \n" % offsets[n] if n in offsets else b"0000000000 65535 f \n"
    trailer = "<< /Size %d /Root %d 0 R%s >>" % (size, root, " /Info %d 0 R" % info if info else "")
    out += b"trailer\n" + trailer.encode() + b"\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def stream(data, extra="", flate=False):
    if isinstance(data, str):
        data = data.encode("latin-1")
    if flate:
        data = zlib.compress(data)
        extra += " /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra.encode()) + data + b"\nendstream"


HELV = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 126 /Widths [%s] >>" % " ".join(
    ["278"] + ["556"] * 94)


def text_page():
    content = """BT /F1 24 Tf 1 0 0 1 40 300 Tm (Slide title) Tj
/F1 14 Tf 0 -40 Td [(Bul) -250 (let) 120 (one)] TJ 16 TL (second line) ' 2 1 (third) "
3 Tr (invisible) Tj 0 Tr 1 0 0 rg 0 -20 Td (red words) Tj ET"""
    return pdf({1: "<< /Type /Catalog /Pages 2 0 R >>",
                2: "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                3: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 360] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
                4: HELV,
                5: stream(content)})


def forms_page():
    # a Form that draws a Form and an image; the page draws the outer one twice, scaled
    img = bytes([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255])
    return pdf({1: "<< /Type /Catalog /Pages 2 0 R >>",
                2: "<< /Type /Pages /Kids [3 0 R] /Count 1 /Resources << /XObject << /Outer 4 0 R >> /Font << /F1 7 0 R >> >> >>",
                3: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 8 0 R >>",
                4: stream("q 2 0 0 2 10 10 cm /Inner Do Q /Im Do BT /F1 10 Tf 5 5 Td (in a form) Tj ET",
                          " /Type /XObject /Subtype /Form /BBox [0 0 100 100] /Matrix [1 0 0 1 5 5]"
                          " /Resources << /XObject << /Inner 5 0 R /Im 6 0 R >> /Font << /F1 7 0 R >> >>"),
                5: stream("0 0 1 RG 0 0 20 20 re S 0 0 m 20 20 l S",
                          " /Type /XObject /Subtype /Form /BBox [0 0 20 20]", flate=True),
                6: stream(img, " /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceRGB /BitsPerComponent 8"),
                7: HELV,
                8: stream("q 1 0 0 1 20 20 cm /Outer Do Q q 0.5 0 0 0.5 150 50 cm /Outer Do Q", flate=True)})


def type3_page():
    return pdf({1: "<< /Type /Catalog /Pages 2 0 R >>",
                2: "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                3: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Resources << /Font << /T3 4 0 R >> >> /Contents 7 0 R >>",
                4: "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0]"
                   " /CharProcs << /a 5 0 R /b 6 0 R >> /Encoding << /Type /Encoding /Differences [97 /a /b] >>"
                   " /FirstChar 97 /LastChar 98 /Widths [1000 800] /Resources << >> >>",
                5: stream("1000 0 0 0 1000 1000 d1 0 0 1000 1000 re f"),
                6: stream("800 0 d0 0 0 m 800 1000 l 0 1000 l h f"),
                7: stream("BT /T3 20 Tf 10 40 Td (abba) Tj [(a) 500 (b)] TJ ET")})


def type0_page():
    tounicode = """/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar <0001> <0048> <0002> <0069> endbfchar
1 beginbfrange <0003> <0005> <0041> endbfrange endcmap CMapName currentdict /CMap defineresource pop end end"""
    return pdf({1: "<< /Type /Catalog /Pages 2 0 R >>",
                2: "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                3: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 100] /Resources << /Font << /F0 4 0 R >> >> /Contents 7 0 R >>",
                4: "<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Demo /Encoding /Identity-H"
                   " /DescendantFonts [5 0 R] /ToUnicode 6 0 R >>",
                5: "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Demo /CIDSystemInfo"
                   " << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 /W [1 [600 300] 3 5 700]"
                   " /FontDescriptor << /Type /FontDescriptor /FontName /ABCDEF+Demo /Flags 4 /FontBBox [0 -200 1000 900]"
                   " /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >> >>",
                6: stream(tounicode, flate=True),
                7: stream("BT /F0 18 Tf 10 50 Td <00010002> Tj [<0003> -200 <00040005>] TJ ET")})


def tree_pages():
    # nested Kids, inherited /Rotate, /Resources and /MediaBox; Crop, Bleed and Trim boxes
    page = "<< /Type /Page /Parent %d 0 R%s /Contents 9 0 R >>"
    return pdf({1: "<< /Type /Catalog /Pages 2 0 R /PageLabels << /Nums [0 << /S /r >>] >> >>",
                2: "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 3 /MediaBox [0 0 420 297] /Rotate 90"
                   " /Resources << /Font << /F1 8 0 R >> >> >>",
                3: "<< /Type /Pages /Parent 2 0 R /Kids [5 0 R 6 0 R] /Count 2 /Rotate 180 >>",
                4: page % (2, " /CropBox [10 10 410 287] /TrimBox [20 20 400 277] /BleedBox [11 11 409 286] /Rotate -90"),
                5: page % (3, ""),
                6: page % (3, " /UserUnit 2 /MediaBox [0 0 200 100]"),
                8: HELV,
                9: stream("BT /F1 12 Tf 30 30 Td (rotated page) Tj ET 0 0 1 rg 50 50 100 40 re f")})


def inline_page():
    content = b"""q 0 0 200 200 re W n 10 10 100 100 re 7 Tr BT /F1 30 Tf 20 20 Td (clip) Tj ET
q 40 0 0 40 60 60 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x00\xff\xff\x00 EI Q
/Sh sh Q 0.2 0.4 0.6 0.1 k 150 150 30 30 re f
/GS1 gs [2 1] 0 d 3 w 10 190 m 190 190 l S"""
    return pdf({1: "<< /Type /Catalog /Pages 2 0 R >>",
                2: "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                3: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /Font << /F1 4 0 R >>"
                   " /Shading << /Sh << /ShadingType 2 /ColorSpace /DeviceRGB /Coords [0 0 200 0]"
                   " /Function << /FunctionType 2 /Domain [0 1] /C0 [1 0 0] /C1 [0 0 1] /N 1 >> >> >>"
                   " /ExtGState << /GS1 << /CA 0.5 /ca 0.5 >> >> >> /Contents [5 0 R 6 0 R] >>",
                4: HELV,
                5: stream(content[:60]),
                6: stream(content[60:], flate=True)})


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus", "pdf")
    os.makedirs(out, exist_ok=True)
    made = {"text.pdf": text_page(), "forms.pdf": forms_page(), "type3.pdf": type3_page(),
            "type0.pdf": type0_page(), "tree.pdf": tree_pages(), "inline.pdf": inline_page()}
    for name, data in made.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    if shutil.which("qpdf"):  # object and cross-reference streams; an encrypted copy
        def qpdf(*args):
            subprocess.run(["qpdf", *args], check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        qpdf("--object-streams=generate", "--deterministic-id", os.path.join(out, "forms.pdf"), os.path.join(out, "objstm.pdf"))
        qpdf("--deterministic-id", "--empty", "--pages", os.path.join(out, "text.pdf"), os.path.join(out, "tree.pdf"),
             os.path.join(out, "type0.pdf"), "--", os.path.join(out, "merged.pdf"))
        qpdf("--static-id", "--static-aes-iv", "--encrypt", "", "owner", "128", "--use-aes=y", "--", os.path.join(out, "text.pdf"),
             os.path.join(out, "aes.pdf"))
    for name in sorted(os.listdir(out)):
        print(name, os.path.getsize(os.path.join(out, name)))


if __name__ == "__main__":
    main()

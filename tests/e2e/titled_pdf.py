#!/usr/bin/env python3
"""Writes a slide-like PDF of N pages (16:9, 720 x 405 pt), each with a title line (but
the first) and three bullet lines in Helvetica, and a document /Info /Title given as its length and
letter (the hostile-input tests of issue 20: a title of 100,000 characters).
usage: titled_pdf.py N TITLE_CHARS out.pdf [LETTER]"""
import sys

n, title_chars, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
letter = (sys.argv[4] if len(sys.argv) > 4 else "T").encode()
W, H = 720, 405
objs = []


def add(body):
    objs.append(body)
    return len(objs)


font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
pages_id = add(None)
kids = []
for i in range(1, n + 1):
    # (page 1 has no title line, so that the deck's title comes from /Info /Title)
    content = ((b"BT /F1 32 Tf 40 330 Td (Slide number %d about rivers) Tj ET\n" % i if i > 1 else b"") +
               b"BT /F1 20 Tf 60 260 Td (First point of slide %d on water) Tj ET\n" % i +
               b"BT /F1 20 Tf 60 225 Td (Second point about the valleys) Tj ET\n" +
               b"BT /F1 20 Tf 60 190 Td (Third point about the sea) Tj ET")
    c = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                    % (pages_id, W, H, font, c)))
objs[pages_id - 1] = b"<< /Type /Pages /Count %d /Kids [%s] >>" % (n, b" ".join(b"%d 0 R" % k for k in kids))
root = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
info = add(b"<< /Title (" + letter * title_chars + b") /Producer (titled_pdf.py) >>")
data = bytearray(b"%PDF-1.4\n")
offsets = []
for k, body in enumerate(objs, 1):
    offsets.append(len(data))
    data += b"%d 0 obj\n" % k + body + b"\nendobj\n"
xref = len(data)
data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for o in offsets:
    data += b"%010d 00000 n \n" % o
data += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, root, info, xref)
open(out, "wb").write(data)

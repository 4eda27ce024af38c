#!/usr/bin/env python3
"""Writes a PDF of N pages (A5 portrait), page n showing the word "P<n>" at x=100 pt,
y=300 pt from the bottom (Helvetica 24): the imposition tests find each page on a sheet
by that word (pdftotext -bbox) and measure creep from its position.
usage: numbered_pdf.py N out.pdf"""
import sys

n, out = int(sys.argv[1]), sys.argv[2]
W, H = 419.53, 595.28
objs = []  # bodies, object k+1 at index k


def add(body):
    objs.append(body)
    return len(objs)


font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
pages_id = add(None)  # filled below
kids = []
for i in range(1, n + 1):
    content = b"BT /F1 24 Tf 100 300 Td (P%d) Tj ET" % i
    c = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                    % (pages_id, W, H, font, c)))
objs[pages_id - 1] = b"<< /Type /Pages /Count %d /Kids [%s] >>" % (n, b" ".join(b"%d 0 R" % k for k in kids))
root = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
data = bytearray(b"%PDF-1.4\n")
offsets = []
for k, body in enumerate(objs, 1):
    offsets.append(len(data))
    data += b"%d 0 obj\n" % k + body + b"\nendobj\n"
xref = len(data)
data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for o in offsets:
    data += b"%010d 00000 n \n" % o
data += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, root, xref)
open(out, "wb").write(data)

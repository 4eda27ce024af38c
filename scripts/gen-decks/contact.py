#!/usr/bin/python3
"""Contact sheet of PDF pages, to look at generated decks: contact.py OUT.png A.pdf [B.pdf ...]
(pages rendered with pdftoppm, tiled four to a row; -r DPI, default 40; -n pages per deck)."""
import glob
import os
import subprocess
import sys
import tempfile

import cairo


def main():
    args = sys.argv[1:]
    dpi, maxp = 40, 99
    while args and args[0].startswith("-"):
        if args[0] == "-r":
            dpi = int(args[1])
        elif args[0] == "-n":
            maxp = int(args[1])
        args = args[2:]
    out, pdfs = args[0], args[1:]
    tmp = tempfile.mkdtemp()
    tiles = []
    for k, pdf in enumerate(pdfs):
        subprocess.run(["pdftoppm", "-r", str(dpi), "-l", str(maxp), "-png", pdf, os.path.join(tmp, "d%03d" % k)], check=True)
        tiles += sorted(glob.glob(os.path.join(tmp, "d%03d*.png" % k)))
    imgs = [cairo.ImageSurface.create_from_png(t) for t in tiles]
    cols = 4
    cw = max(i.get_width() for i in imgs) + 6
    ch = max(i.get_height() for i in imgs) + 6
    rows = (len(imgs) + cols - 1) // cols
    surf = cairo.ImageSurface(cairo.FORMAT_RGB24, cw * cols, ch * rows)
    cr = cairo.Context(surf)
    cr.set_source_rgb(0.5, 0.5, 0.5)
    cr.paint()
    for n, im in enumerate(imgs):
        cr.set_source_surface(im, (n % cols) * cw + 3, (n // cols) * ch + 3)
        cr.paint()
    surf.write_to_png(out)


if __name__ == "__main__":
    main()

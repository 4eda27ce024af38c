#!/usr/bin/env python3
"""Helpers for tests/e2e/print.sh, reading what independent tools print.

boxes FILE.txt: `pdfinfo -box -f 1 -l N` output -> one line a page:
    "page MEDIA_W MEDIA_H CROP_W CROP_H BLEED_W BLEED_H TRIM_W TRIM_H BLEED_MARGINS(min) NESTED(1/0)"
render PPM SLUG BLEED SAFE ACCENT(#rrggbb) PART: checks a page rendered at 72 dpi
    (1 px = 1 pt), the trim SLUG pt from each edge of the image; prints what it finds and
    exits 1 on a failure. PART: "cover" (a band reaching the top trim edge) or "inside".
words BBOX.html PAGE_W: `pdftotext -bbox` of imposed sheets -> one line a sheet side:
    "LEFT RIGHT LEFT_X RIGHT_X" (page numbers of the P<n> words on each half, - when none;
    their xMin relative to their half's left edge)
"""
import re
import sys


def boxes(path):
    pages = {}
    for line in open(path, encoding="utf-8", errors="replace"):
        m = re.match(r"Page\s+(\d+)\s+(MediaBox|CropBox|BleedBox|TrimBox):\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)", line)
        if m:
            pages.setdefault(int(m.group(1)), {})[m.group(2)] = tuple(float(m.group(i)) for i in range(3, 7))
    for p in sorted(pages):
        b = pages[p]
        def size(k):
            r = b.get(k)
            return (r[2] - r[0], r[3] - r[1]) if r else (0, 0)
        def inside(a, c):
            return a and c and a[0] >= c[0] - 0.01 and a[1] >= c[1] - 0.01 and a[2] <= c[2] + 0.01 and a[3] <= c[3] + 0.01
        t, bl = b.get("TrimBox"), b.get("BleedBox")
        margin = min(t[0] - bl[0], t[1] - bl[1], bl[2] - t[2], bl[3] - t[3]) if t and bl else -1
        nested = inside(t, bl) and inside(bl, b.get("CropBox")) and inside(b.get("CropBox"), b.get("MediaBox"))
        print(p, *("%.2f %.2f" % size(k) for k in ("MediaBox", "CropBox", "BleedBox", "TrimBox")), "%.2f" % margin, int(bool(nested)))


def read_ppm(path):
    data = open(path, "rb").read()
    parts = re.match(rb"P6\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    w, h = int(parts.group(1)), int(parts.group(2))
    px = data[parts.end():]
    return w, h, lambda x, y: tuple(px[(y * w + x) * 3:(y * w + x) * 3 + 3])


def render(path, slug, bleed, safe, accent, part):
    w, h, at = read_ppm(path)
    slug, bleed, safe = float(slug), float(bleed), float(safe)
    acc = tuple(int(accent[i:i + 2], 16) for i in (1, 3, 5))
    near = lambda c, d, tol=40: all(abs(a - b) <= tol for a, b in zip(c, d))
    white = lambda c: all(v >= 235 for v in c)
    fails = 0
    def check(ok, what):
        nonlocal fails
        print(("ok: " if ok else "FAIL: ") + what)
        fails += 0 if ok else 1
    t0, t1 = round(slug), (round(w - slug), round(h - slug))  # trim in pixels: [t0, t1)
    b0, b1 = round(slug - bleed), (round(w - slug + bleed), round(h - slug + bleed))
    # 1. crop marks: dark pixels in the slug, none inside the bleed box ring that is not background
    dark = [(x, y) for y in range(h) for x in range(w) if sum(at(x, y)) < 200]
    outside = [(x, y) for (x, y) in dark if x < b0 - 0.5 or y < b0 - 0.5 or x >= b1[0] + 0.5 or y >= b1[1] + 0.5]
    check(len(outside) > 20, "%d dark pixels of crop marks outside the bleed box" % len(outside))
    gap = [(x, y) for (x, y) in outside if x in (b0 - 1, b1[0]) or y in (b0 - 1, b1[1])]
    check(not gap, "no mark pixel touches the bleed box (the pixel row and column just outside it): %d" % len(gap))
    # marks lie on the trim lines extended (x = trim edges or y = trim edges)
    on_lines = [(x, y) for (x, y) in outside if min(abs(x - t0), abs(x - t1[0])) <= 1 or min(abs(y - t0), abs(y - t1[1])) <= 1]
    check(len(on_lines) == len(outside), "every mark pixel lies on a trim line extended (%d of %d)" % (len(on_lines), len(outside)))
    # 2. between trim and safe margin: only white or the background (accent) colour
    s = round(safe)
    strip = [(x, y) for y in range(t0, t1[1]) for x in range(t0, t1[0])
             if (x < t0 + s - 1 or x >= t1[0] - s + 1 or y < t0 + s - 1 or y >= t1[1] - s + 1)]
    other = [p for p in strip if not white(at(*p)) and not near(at(*p), acc, 12)]
    check(not other, "nothing but background between the trim and the safe margin (%d other pixels, e.g. %s)" % (len(other), other[:3]))
    if part == "cover":
        # 3. the band reaching the top trim edge continues into the bleed, and stops at its edge
        x = w // 2
        inb = [at(x, y) for y in range(b0 + 1, t0)]
        check(all(near(c, acc, 12) for c in inb), "the cover band continues into the bleed above the trim (%d px)" % len(inb))
        check(white(at(x, b0 - 2)), "and stops at the bleed box (white just outside it)")
        side = [at(xx, t0 + 20) for xx in range(b0 + 1, t0)]
        check(all(near(c, acc, 12) for c in side), "the band continues into the left bleed")
    else:
        ring = [at(x, y) for x in range(b0, b1[0]) for y in list(range(b0, t0)) + list(range(t1[1], b1[1]))]
        check(all(white(c) for c in ring), "an inside page has nothing in its bleed")
    sys.exit(1 if fails else 0)


def words(path, page_w):
    """Per sheet side: the page numbers on its halves and each word's x from its page's left
    edge. The spread is centred on the sheet (A5 pages on A4 paper: 1.42 pt each side)."""
    page_w = float(page_w)
    for attrs, page in re.findall(r"<page([^>]*)>(.*?)</page>", open(path, encoding="utf-8").read(), re.S):
        sheet_w = float(re.search(r'width="([\d.]+)"', attrs).group(1))
        ox = (sheet_w - 2 * page_w) / 2
        halves = {0: ("-", "-"), 1: ("-", "-")}
        for m in re.finditer(r'<word xMin="([\d.]+)"[^>]*>P(\d+)</word>', page):
            x = float(m.group(1)) - ox
            half = 0 if x < page_w else 1
            halves[half] = (m.group(2), "%.2f" % (x - half * page_w))
        print(halves[0][0], halves[1][0], halves[0][1], halves[1][1])


if __name__ == "__main__":
    {"boxes": boxes, "render": render, "words": words}[sys.argv[1]](*sys.argv[2:])

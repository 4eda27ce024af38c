#!/usr/bin/env python3
"""Acceptance checks of translated slides (issue 11), with independent tools.

usage: check_slides.py SRC.pdf OUT.pdf SRC.deck.json TRANSLATED.deck.json OUT.deck.json WORKDIR [WARNINGS]

SRC.deck.json: `deckhand extract SRC.pdf`; TRANSLATED.deck.json: `deckhand translate` of it
(what the slides should say); OUT.deck.json: `deckhand extract OUT.pdf` (what they say).
Checks: qpdf --check; page count, MediaBox and CropBox of every page (pdfinfo -box);
titles exact and block-text F1 >= 0.95 (words; CJK characters one by one); pdftotext
finds none of the translated units' source strings; pdfimages -list the same images;
path-painting operators per page the same (mutool's content-stream trace); at 50 dpi
the pages differ only inside the boxes of translated units or of the text that replaced
them (2 px tolerance, at most 0.2 % of a page's pixels elsewhere). WARNINGS: the stderr of
`deckhand slides`; slides with a unit it reports cut (text-overflow: it did not fit even at
the minimum size) are left out of the title and text comparison, and counted.
Prints one line per finding; exits 1 when any check fails.
"""
import json
import re
import subprocess
import sys
import unicodedata

src_pdf, out_pdf, src_json, tr_json, out_json, work = sys.argv[1:7]
warnings = open(sys.argv[7]).read() if len(sys.argv) > 7 else ""
cut_slides = set(int(k) for k in re.findall(r"\bs(\d+)\.(?:title|b\d+) does not fit", warnings))
fails = []


def run(*cmd):
    return subprocess.run(cmd, capture_output=True, text=True, errors="replace")


def fail(msg):
    fails.append(msg)
    print("FAIL:", msg)


def ok(msg):
    print("ok:", msg)


# qpdf --check
r = run("qpdf", "--check", out_pdf)
if r.returncode != 0:
    fail("qpdf --check: " + r.stdout[-300:] + r.stderr[-300:])
else:
    ok("qpdf --check")


# pages and boxes
def boxes(pdf):
    n = int(run("qpdf", "--show-npages", pdf).stdout.strip())
    out = run("pdfinfo", "-box", "-f", "1", "-l", str(n), pdf).stdout
    return n, re.findall(r"Page\s+\d+\s+(MediaBox|CropBox):\s+([-\d.\s]+)\n", out)


ns, bs = boxes(src_pdf)
no, bo = boxes(out_pdf)
if ns != no:
    fail(f"{no} pages, the source has {ns}")
elif [(k, v.split()) for k, v in bs] != [(k, v.split()) for k, v in bo]:
    fail("MediaBox/CropBox differ from the source's")
else:
    ok(f"{no} pages, every MediaBox and CropBox as the source's")

src = json.load(open(src_json))
tr = json.load(open(tr_json))
out = json.load(open(out_json))


def norm(s):
    return " ".join(unicodedata.normalize("NFKC", s).split())


def cjk(ch):
    return "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" or "\uf900" <= ch <= "\ufaff"


def title_norm(s):
    # extraction joins Han/Kana and Latin without the space a translator typed between
    # them (docs/extraction.md, rule 10): spaces next to CJK characters do not count
    s = norm(s)
    return "".join(c for i, c in enumerate(s) if not (c == " " and ((i > 0 and cjk(s[i - 1])) or (i + 1 < len(s) and cjk(s[i + 1])))))


def rtl(s):
    return any("\u0590" <= c <= "\u08ff" or "\ufb1d" <= c <= "\ufeff" for c in s)


def tokens(s):
    toks = []
    for w in norm(s).split():
        cur = ""
        for ch in w:
            if unicodedata.east_asian_width(ch) in "WF" or "\u4e00" <= ch <= "\u9fff":
                if cur:
                    toks.append(cur)
                    cur = ""
                if ch.isalnum():
                    toks.append(ch)
            elif ch.isalnum() or ch in "+#":
                cur += ch
        if cur:
            toks.append(cur)
    return toks


# titles and block text
by_page = {s["page"]: s for s in out["slides"]}
title_bad = []
rtl_order = []
nested = []
tp = fp = fn = 0
from collections import Counter

skipped = 0
for s in tr["slides"]:
    if int(s["id"][1:]) in cut_slides:
        skipped += 1
        continue
    o = by_page.get(s["page"], {"title": "", "blocks": []})
    want_t, got_t = title_norm(s.get("title", "")), title_norm(o.get("title", ""))
    if want_t != got_t:
        words = set(want_t.split())
        if False:
            pass
        elif got_t.startswith(want_t) and set(got_t[len(want_t):].split()) <= set(
                w for b in s.get("blocks", []) for w in title_norm(b["text"]).split()):
            nested.append(s["page"])  # blocks inside the title's box (PowerPoint code slides) read with it
        else:
            title_bad.append((s["page"], s.get("title", ""), o.get("title", "")))
    want = Counter(t for b in s.get("blocks", []) for t in tokens(b["text"]))
    got = Counter(t for b in o.get("blocks", []) for t in tokens(b["text"]))
    common = sum((want & got).values())
    tp += common
    fp += sum(got.values()) - common
    fn += sum(want.values()) - common
prec = tp / (tp + fp) if tp + fp else 1.0
rec = tp / (tp + fn) if tp + fn else 1.0
f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
ntitles = sum(1 for s in tr["slides"] if s.get("title") and int(s["id"][1:]) not in cut_slides)
if skipped:
    ok(f"{skipped} slides with a unit cut at the minimum size (listed by --check) left out of the text comparison")
if nested:
    ok(f"pages {nested}: blocks inside the title's box are read as part of the title, as on the source")
if title_bad:
    fail(f"{len(title_bad)} of {ntitles} titles differ, e.g. {title_bad[:3]}")
else:
    ok(f"{ntitles} of {ntitles} titles exact")
(ok if f1 >= 0.95 else fail)(f"block text F1 {f1:.3f} (precision {prec:.3f}, recall {rec:.3f})")

# no source string of a translated unit in pdftotext's text of its page (page furniture,
# never a unit, may say the same: a Beamer footer with the deck's title)
furniture = set(norm(f) for f in src.get("furniture", []))
page_text = {}
translated_texts = norm(" ".join([s.get("title", "") for s in tr["slides"]] + [b["text"] for s in tr["slides"] for b in s.get("blocks", [])]))
regions = {}  # page -> boxes of translated units (source)
found = []
nunits = 0
src_by_page = {s["page"]: s for s in src["slides"]}
for s in tr["slides"]:
    a = src_by_page[s["page"]]
    units = []
    if a.get("title") and a["title"] != s.get("title"):
        units.append((a["title"], a["title_bbox"]))
    for ba, bt in zip(a.get("blocks", []), s.get("blocks", [])):
        if ba["text"] != bt["text"]:
            units.append((ba["text"], ba["bbox"]))
            # (a paragraph that flowed on into the next column: its text there is taken out too)
            regions.setdefault(s["page"], []).extend(ba.get("flow", []))
    for source_text, box in units:
        regions.setdefault(s["page"], []).append(box)
        st = norm(source_text)
        if len(st) < 4 or st in translated_texts or any(st in f for f in furniture):
            continue  # the translation holds it (a name, a number), or furniture does
        nunits += 1
        if s["page"] not in page_text:
            page_text[s["page"]] = norm(run("pdftotext", "-f", str(s["page"]), "-l", str(s["page"]), out_pdf, "-").stdout)
        if st in page_text[s["page"]]:
            found.append((s["page"], st))
if found:
    fail(f"pdftotext still finds {len(found)} source strings, e.g. {found[:3]}")
else:
    ok(f"pdftotext finds none of the {nunits} translated units' source strings")


# images
def images(pdf):
    lines = run("pdfimages", "-list", pdf).stdout.splitlines()[2:]
    return [l.split()[:12] for l in lines]


ims, imo = images(src_pdf), images(out_pdf)
strip = lambda rows: [r[:2] + r[3:10] for r in rows]  # without object numbers
if strip(ims) != strip(imo):
    fail(f"pdfimages -list differs: {len(ims)} images in the source, {len(imo)} in the output")
else:
    ok(f"pdfimages -list: the same {len(ims)} images")


# path-painting operators per page (mutool trace draws every page, forms included; the
# clip a Form XObject's /BBox makes is not a painting operator)
def paths(pdf, n):
    t = run("mutool", "trace", pdf).stdout
    pages = re.split(r"<page\b", t)[1:]
    return [len(re.findall(r"<(fill_path|stroke_path)\b", p)) for p in pages] + [0] * (n - len(pages))


cs, co = paths(src_pdf, ns), paths(out_pdf, no)
if cs != co:
    bad = [(i + 1, a, b) for i, (a, b) in enumerate(zip(cs, co)) if a != b]
    fail(f"path operators differ on {len(bad)} pages (page, source, output): {bad[:5]}")
else:
    ok(f"path operators the same on every page ({sum(cs)} in all)")


# pixels at 50 dpi
def ppm(path):
    data = open(path, "rb").read()
    parts = data.split(maxsplit=4)
    w, h = int(parts[1]), int(parts[2])
    return w, h, parts[4][-w * h * 3:]


run("pdftoppm", "-r", "50", src_pdf, work + "/s")
run("pdftoppm", "-r", "50", out_pdf, work + "/o")
import glob

sfiles = sorted(glob.glob(work + "/s-*.ppm"))
ofiles = sorted(glob.glob(work + "/o-*.ppm"))
worst = []
for k, (sf, of) in enumerate(zip(sfiles, ofiles)):
    page = k + 1
    w, h, a = ppm(sf)
    w2, h2, b = ppm(of)
    if (w, h) != (w2, h2):
        fail(f"page {page}: rendered {w2}x{h2}, the source {w}x{h}")
        continue
    sl = src_by_page.get(page)
    if not sl:
        continue
    sx = w / sl["size"][0]
    allowed = list(regions.get(page, []))
    o = by_page.get(page)
    if o and page in regions:  # where the translation's text now is
        if o.get("title"):
            allowed.append(o["title_bbox"])
        allowed += [bb["bbox"] for bb in o.get("blocks", [])]
    mask = bytearray(w * h)
    for x0, y0, x1, y1 in allowed:
        for y in range(max(0, int(y0 * sx) - 2), min(h, int(y1 * sx) + 3)):
            mask[y * w + max(0, int(x0 * sx) - 2): y * w + min(w, int(x1 * sx) + 3)] = b"\1" * (min(w, int(x1 * sx) + 3) - max(0, int(x0 * sx) - 2))
    outside = 0
    for y in range(h):
        r0 = 3 * w * y
        if a[r0:r0 + 3 * w] == b[r0:r0 + 3 * w]:
            continue  # most rows: nothing changed
        for i in range(w * y, w * (y + 1)):
            if mask[i]:
                continue
            j = 3 * i
            if abs(a[j] - b[j]) > 48 or abs(a[j + 1] - b[j + 1]) > 48 or abs(a[j + 2] - b[j + 2]) > 48:
                outside += 1
    worst.append((outside / (w * h), page))
worst.sort(reverse=True)
if worst and worst[0][0] > 0.002:
    fail(f"pages differ outside the translated boxes: worst {worst[0][0] * 100:.2f}% of page {worst[0][1]}")
else:
    ok(f"pixels at 50 dpi differ only inside translated boxes (worst page {worst[0][0] * 100 if worst else 0:.3f}% outside)")

sys.exit(1 if fails else 0)

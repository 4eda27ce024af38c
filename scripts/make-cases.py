#!/usr/bin/python3
"""Build deckhand's own extraction cases in tests/cases/extract/ (issue 7, test inputs).

Each case is NAME.pdf with NAME.expected.json in the format of the shared cases
(../shared/cases/extract/: slides[].title, slides[].items as [level, text], furniture,
note), written from the same text that draws the PDF: what a careful reader writes down,
never deckhand's output. tests/unit/cases_test.cpp runs them with the acceptance
thresholds as "own-NAME".

Two producers other than the samples' (LibreOffice Impress, Beamer):
  - cairo (python3-cairo, the PDF surface; DejaVu fonts embedded as subsets with a
    ToUnicode map): tables, hyphenation, right to left with digits and Latin, format
    characters;
  - a PDF written here by hand (content streams, standard 14 fonts): mixed page geometry
    (/Rotate, a letterboxed page, an offset MediaBox and CropBox).

Usage: scripts/make-cases.sh [NAME...] (installs the tools as root), or
/usr/bin/python3 scripts/make-cases.py [NAME...]   (needs python3-cairo and
fonts-dejavu-core: apt-get install python3-cairo fonts-dejavu-core)
"""
import json
import os
import sys
import zlib

import cairo

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "tests", "cases", "extract")
FONT = "DejaVu Sans"
W, H = 720, 405
CASES = {}


def case(fn):
    CASES[fn.__name__.replace("_", "-")] = fn
    return fn


def expected(name, slides, lang, note, furniture=None):
    d = {"id": name, "lang": lang, "note": note, "slides": slides}
    if furniture:
        d["furniture"] = furniture
    with open(os.path.join(OUT, name + ".expected.json"), "w", encoding="utf-8") as f:
        json.dump(d, f, ensure_ascii=False, indent=1)
        f.write("\n")


def S(title, items):
    return {"title": title, "items": [[lvl, t] for lvl, t in items]}


# ---- cairo helpers (y is the baseline, from the top)
class Deck:
    def __init__(self, name, title):
        self.path = os.path.join(OUT, name + ".pdf")
        self.surface = cairo.PDFSurface(self.path, W, H)
        self.surface.set_metadata(cairo.PDFMetadata.TITLE, title)
        self.surface.set_metadata(cairo.PDFMetadata.CREATE_DATE, "2026-01-01T00:00:00")
        self.cr = cairo.Context(self.surface)

    def text(self, s, x, y, size, bold=False, right=False):
        cr = self.cr
        cr.select_font_face(FONT, cairo.FONT_SLANT_NORMAL, cairo.FONT_WEIGHT_BOLD if bold else cairo.FONT_WEIGHT_NORMAL)
        cr.set_font_size(size)
        if right:
            x -= cr.text_extents(s).x_advance
        cr.move_to(x, y)
        cr.show_text(s)
        return x + cr.text_extents(s).x_advance

    def rule(self, x0, y0, x1, y1):
        self.cr.set_line_width(0.75)
        self.cr.set_source_rgb(0.6, 0.6, 0.6)
        self.cr.move_to(x0, y0)
        self.cr.line_to(x1, y1)
        self.cr.stroke()
        self.cr.set_source_rgb(0, 0, 0)

    def page(self):
        self.cr.show_page()

    def close(self):
        self.surface.finish()


def visual(s):
    """Visual (left-to-right drawing) order of a right-to-left line: runs of Hebrew/Arabic
    reversed, runs of Latin and digits (with the neutrals between them) kept, runs placed
    right to left. Enough for these lines; the reader must undo it (rule 1)."""
    def kind(c):
        o = ord(c)
        if 0x0590 <= o <= 0x08FF or 0xFB1D <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFF or c in "\u200c\u200d\u200f":
            return "R"
        if c.isalnum():
            return "L"
        return "N"
    ks = [kind(c) for c in s]
    # neutrals between two L stay L; every other neutral takes the paragraph's direction (R)
    for i, k in enumerate(ks):
        if k == "N":
            j = i
            while j < len(ks) and ks[j] == "N":
                j += 1
            left = next((ks[p] for p in range(i - 1, -1, -1) if ks[p] != "N"), "R")
            right = ks[j] if j < len(ks) else "R"
            for p in range(i, j):
                ks[p] = "L" if left == "L" and right == "L" else "R"
    runs = []
    for c, k in zip(s, ks):
        if runs and runs[-1][0] == k:
            runs[-1][1].append(c)
        else:
            runs.append([k, [c]])
    out = ""
    for k, cs in reversed(runs):
        out += "".join(reversed(cs)) if k == "R" else "".join(cs)
    return out


def title(d, t, size=30):
    d.text(t, 50, 70, size, bold=True)


def bullets(d, items, y=135, size=20, step=32, x=50, indent=40, marker="\u2022"):
    """items: (level, [lines]); wrapped lines hang at the text's start."""
    for lvl, lines in items:
        xm = x + (lvl - 1) * indent
        if lvl > 0:
            d.text(marker, xm, y, size)
        for k, line in enumerate(lines):
            d.text(line, xm + (25 if lvl > 0 else 0), y, size)
            y += step if k + 1 == len(lines) else int(step * 0.8)
    return y


def joined(lines, sep=" "):
    return sep.join(lines)


@case
def table():
    d = Deck("table", "Venue comparison")
    title(d, "Venue comparison")
    d.text("Three venues were compared on the same criteria.", 50, 125, 18)
    cols = [50, 300, 520]
    rows = [(True, ["Venue", "Seats", "Cost per day"]),
            (False, ["City centre", ["600 in the main", "hall"], "12 000 EUR"]),
            (False, ["University campus", "350", "4 000 EUR"]),
            (False, ["Hotel Atlantic", "200", "8 500 EUR"])]
    y = 175
    d.rule(45, y - 22, 680, y - 22)
    for bold, cells in rows:
        tall = 0
        for x, c in zip(cols, cells):
            lines = c if isinstance(c, list) else [c]
            for k, line in enumerate(lines):
                d.text(line, x, y + 22 * k, 18, bold=bold)
            tall = max(tall, len(lines))
        y += 22 * (tall - 1) + 36
        d.rule(45, y - 22, 680, y - 22)
    d.text("The city centre is recommended.", 50, y + 14, 18)
    d.page()
    d.close()
    items = [(0, "Three venues were compared on the same criteria.")]
    for _, cells in rows:
        for c in cells:
            items.append((0, joined(c) if isinstance(c, list) else c))
    items.append((0, "The city centre is recommended."))
    expected("table", [S("Venue comparison", items)], "en",
             "a table with a header row and a wrapped cell (cairo): read row by row, one block per cell; "
             "a paragraph above and below stays outside")


@case
def hyphenation():
    d = Deck("hyphenation", "Netzausbau")
    title(d, "Netzausbau in der Region")
    its = [(1, ["Der Bericht wurde im vergangenen März ver-", "öffentlicht und im Ausschuss diskutiert"]),
           (1, ["Für alle Betriebe gilt seit Mai das neue IT-", "Sicherheitsgesetz mit strengeren Pflichten"]),
           (2, ["Die Zusammenarbeit der Netz\u00ad", "betreiber wird vertraglich geregelt"]),
           (1, ["Gefördert werden vor allem Open-Source-", "Projekte der Kommunen und Schulen"])]
    bullets(d, its, y=130, size=19, step=40)
    d.page()
    title(d, "Calendrier")
    its_fr = [(1, ["Le rapport final sera présenté et pu-", "blié lors de la réunion de décembre"]),
              (1, ["Les documents sont disponibles en fran-", "çais, en anglais et en espagnol"])]
    bullets(d, its_fr, y=130, size=19, step=40)
    d.page()
    d.close()
    expected("hyphenation", [
        S("Netzausbau in der Region", [(1, "Der Bericht wurde im vergangenen März veröffentlicht und im Ausschuss diskutiert"),
                                       (1, "Für alle Betriebe gilt seit Mai das neue IT-Sicherheitsgesetz mit strengeren Pflichten"),
                                       (2, "Die Zusammenarbeit der Netzbetreiber wird vertraglich geregelt"),
                                       (1, "Gefördert werden vor allem Open-Source-Projekte der Kommunen und Schulen")]),
        S("Calendrier", [(1, "Le rapport final sera présenté et publié lors de la réunion de décembre"),
                         (1, "Les documents sont disponibles en français, en anglais et en espagnol")])],
        "de", "line-end hyphens (cairo): soft breaks (ver-/öffentlicht, pu-/blié, fran-/çais) go, a hyphen before a "
              "capital (IT-Sicherheitsgesetz) and in a compound (Open-Source-Projekte) stays, a soft hyphen U+00AD at "
              "the line end goes; needs hunspell-de-de and hunspell-fr")


@case
def rtl_digits():
    d = Deck("rtl-digits", "rtl")
    R = 670

    def rtl_title(t):
        d.text(visual(t), R, 70, 30, bold=True, right=True)

    def rtl_items(items, y=135):
        for lvl, t in items:
            xm = R - (lvl - 1) * 40
            d.text("\u2022", xm, y, 20, right=True)
            d.text(visual(t), xm - 25, y, 20, right=True)
            y += 34
    s1 = ("סדר היום לשנת 2026", [(1, "פגישה עם IETF ב-15 במאי"), (1, "תקציב של 12,500 ש\"ח לשנה"),
                                  (2, "כתובת: info@example.org"), (1, "דיון על WSIS+20 ועל IGF")])
    s2 = ("לוח זמנים", [(1, "ההרשמה נפתחת ב-1 במרץ 2026"), (1, "עד 40 משתתפים מ-12 מדינות"),
                        (1, "מצגת בגרסה 3.2 של הכלי")])
    for t, its in (s1, s2):
        rtl_title(t)
        rtl_items(its)
        d.page()
    d.close()
    expected("rtl-digits", [S(*s1), S(*s2)], "he",
             "Hebrew drawn in visual order by cairo with digits, numbers with separators, an e-mail address and "
             "Latin acronyms inside; bullets at the right end")


@case
def format_chars():
    d = Deck("format-chars", "format")
    title(d, "\ufeffMulti\u200bstakeholder model")
    its = [(1, ["See www.example.org/\u200bpolicy/\u200bdrafts"]),
           (1, ["Co\u00adoperation with \u200eIETF\u200e and W3C"]),
           (1, ["Tele\u00adcommunication\u2060s rules"]),
           (1, ["Emoji sequences stay: \U0001F469\u200d\U0001F4BB"])]
    bullets(d, its)
    d.page()
    # Persian: ZWNJ shapes the words and stays; an RLM goes
    R = 670
    d.text(visual("برنامه\u200cهای همکاری"), R, 70, 30, bold=True, right=True)
    y = 135
    for t in ["می\u200cخواهیم همکاری کنیم", "کتاب\u200cها و \u200fمقاله\u200cها"]:
        d.text("\u2022", R, y, 20, right=True)
        d.text(visual(t), R - 25, y, 20, right=True)
        y += 34
    d.page()
    d.close()
    expected("format-chars", [
        S("Multistakeholder model", [(1, "See www.example.org/policy/drafts"), (1, "Co-operation with IETF and W3C"),
                                     (1, "Tele-communications rules"),
                                     (1, "Emoji sequences stay: \U0001F469\u200d\U0001F4BB")]),
        S("برنامه\u200cهای همکاری", [(1, "می\u200cخواهیم همکاری کنیم"), (1, "کتاب\u200cها و مقاله\u200cها")])],
        "en", "format characters drawn as zero-width glyphs (cairo): BOM, ZWSP, WJ, LRM/RLM go; "
              "ZWJ in an emoji sequence and ZWNJ in Persian stay; a soft hyphen that cairo draws with the font's hyphen "
              "glyph (0.36 em, seen in a render) is a hyphen")


@case
def notes_pages():
    """A notes-page export (portrait A4: the slide drawn small at the top, the speaker notes
    below in larger type), as Impress and PowerPoint print notes pages."""
    path = os.path.join(OUT, "notes-pages.pdf")
    surface = cairo.PDFSurface(path, 595, 842)
    surface.set_metadata(cairo.PDFMetadata.TITLE, "Forum")
    surface.set_metadata(cairo.PDFMetadata.CREATE_DATE, "2026-01-01T00:00:00")
    cr = cairo.Context(surface)
    slides = [("Opening", [(1, "Welcome participants"), (1, "Explain the agenda"), (2, "Morning: plenary")],
               ["Thank the hosts by name.", "Keep this under five minutes."]),
              ("Closing", [(1, "Collect feedback forms"), (1, "Announce the next forum")],
               ["Remind everyone of the survey.", "The next forum is in Accra in 2027."])]

    def txt(t, x, y, size, bold=False):
        cr.select_font_face(FONT, cairo.FONT_SLANT_NORMAL, cairo.FONT_WEIGHT_BOLD if bold else cairo.FONT_WEIGHT_NORMAL)
        cr.set_font_size(size)
        cr.move_to(x, y)
        cr.show_text(t)
    for t, items, notes in slides:
        # the slide, 0.65 of 720 x 405, framed, at the top
        k, ox, oy = 0.65, 63.5, 60
        cr.set_line_width(0.5)
        cr.rectangle(ox, oy, 720 * k, 405 * k)
        cr.stroke()
        txt(t, ox + 50 * k, oy + 70 * k, 30 * k, bold=True)
        y = 135
        for lvl, s in items:
            x = 50 + (lvl - 1) * 40
            txt("\u2022", ox + x * k, oy + y * k, 20 * k)
            txt(s, ox + (x + 25) * k, oy + y * k, 20 * k)
            y += 32
        y = 400
        for n in notes:
            txt(n, 62, y, 14)
            y += 30
        cr.show_page()
    surface.finish()
    expected("notes-pages", [dict(S(t, i), notes=n) for t, i, n in slides], "en",
             "notes pages (cairo): the slide small at the top, speaker notes below; the notes go to the slide's notes")


# ---- a PDF written by hand: standard 14 fonts, WinAnsi, one content stream a page
class RawPDF:
    def __init__(self):
        self.objs = []

    def add(self, body):
        self.objs.append(body)
        return len(self.objs)

    def stream(self, data, extra=""):
        raw = data.encode("latin-1")
        z = zlib.compress(raw)
        return self.add(b"<< /Length %d /Filter /FlateDecode%s >>\nstream\n" % (len(z), extra.encode()) + z + b"\nendstream")

    def save(self, path, pages, title, resources=""):
        fonts = {"F1": self.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"),
                 "F2": self.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")}
        res = "<< /Font << %s >> %s>>" % (" ".join("/%s %d 0 R" % kv for kv in fonts.items()), resources)
        pages_id = len(self.objs) + 1 + 2 * len(pages)
        kids = []
        for content, media, extra in pages:
            c = self.stream(content)
            kids.append(self.add("<< /Type /Page /Parent %d 0 R /MediaBox [%s] /Resources %s /Contents %d 0 R%s >>"
                                 % (pages_id, " ".join("%g" % v for v in media), res, c, extra)))
        assert self.add("<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join("%d 0 R" % k for k in kids), len(kids))) == pages_id
        cat = self.add("<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
        info = self.add("<< /Title (%s) /Producer (deckhand scripts/make-cases.py, hand-written) >>" % title)
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offs = []
        for i, o in enumerate(self.objs, 1):
            offs.append(len(out))
            body = o if isinstance(o, bytes) else o.encode("latin-1")
            out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
        x = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(self.objs) + 1)
        for o in offs:
            out += b"%010d 00000 n \n" % o
        out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(self.objs) + 1, cat, info, x)
        with open(path, "wb") as f:
            f.write(out)


def esc(s):
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def slide_stream(n, t, items, footer="RIGF 2026 - Accra"):
    """A 720 x 405 slide in PDF user space (y up)."""
    c = "BT /F2 30 Tf 50 340 Td (%s) Tj ET\n" % esc(t)
    y = 285
    for lvl, s in items:
        x = 50 + (lvl - 1) * 40
        c += "BT /F1 20 Tf %g %g Td (\x95) Tj ET\nBT /F1 20 Tf %g %g Td (%s) Tj ET\n" % (x, y, x + 25, y, esc(s))
        y -= 32
    c += "BT /F1 11 Tf 50 20 Td (%s) Tj ET\nBT /F1 11 Tf 650 20 Td (%d) Tj ET\n" % (esc(footer), n)
    return c


@case
def mixed_geometry():
    slides = [("Why we meet", [(1, "Share regional priorities"), (2, "Access in rural areas"), (1, "Agree on a joint statement")]),
              ("Who takes part", [(1, "Governments"), (1, "Civil society"), (2, "Youth networks"), (2, "Academia")]),
              ("What we decided", [(1, "A working group on access"), (2, "First report in June"), (1, "Host city for 2027")]),
              ("What comes next", [(1, "Report to the global forum"), (2, "Draft by September"), (1, "Next meeting in Accra")])]
    p = RawPDF()
    pages = []
    # p1: an ordinary 16:9 page
    pages.append((slide_stream(1, *slides[0]), (0, 0, 720, 405), ""))
    # p2: a portrait Letter page with /Rotate 90 showing the landscape slide (scaled 0.95)
    inner = slide_stream(2, *slides[1])
    pages.append(("q 0 1 -1 0 612 0 cm 1 0 0 1 36 103.5 cm 0.95 0 0 0.95 0 0 cm\n" + inner + "Q\n", (0, 0, 612, 792), " /Rotate 90"))
    # p3: letterboxed: the 16:9 slide scaled into a 4:3 page (bars above and below)
    inner = slide_stream(3, *slides[2])
    pages.append(("0 g 0 0 720 67.5 re f 0 472.5 720 67.5 re f\nq 1 0 0 1 0 67.5 cm\n" + inner + "Q\n", (0, 0, 720, 540), ""))
    # p4: MediaBox offset by (100, 100), a CropBox that hides a printer's line above the slide
    inner = slide_stream(4, *slides[3])
    c = "q 1 0 0 1 100 100 cm\n" + inner + "Q\nBT /F1 10 Tf 150 520 Td (PRINTED COPY - outside the crop) Tj ET\n"
    pages.append((c, (100, 100, 820, 545), " /CropBox [100 100 820 505]"))
    p.save(os.path.join(OUT, "mixed-geometry.pdf"), pages, "Regional forum")
    expected("mixed-geometry", [S(t, i) for t, i in slides], "en",
             "hand-written PDF: an ordinary page, a /Rotate 90 portrait page with the slide at 95 %, a letterboxed 4:3 "
             "page, an offset MediaBox with a CropBox hiding a printed header; levels stay, footers are furniture",
             furniture=["RIGF 2026 - Accra", "PRINTED COPY"])


@case
def see_through():
    """Issue 16: text under see-through, soft-masked, grouped, blended and clipped shapes
    stays; text under an opaque box drawn later, and white text on white, does not."""
    p = RawPDF()
    img = "".join(chr(c) for c in (20, 40, 120) * 4)  # 2 x 2 dark blue
    smask = p.stream("\x80\x40\x40\x80", " /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray"
                                           " /BitsPerComponent 8")
    im1 = p.stream(img, " /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceRGB /BitsPerComponent 8"
                        " /SMask %d 0 R" % smask)
    im2 = p.stream(img, " /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceRGB /BitsPerComponent 8")
    im3 = p.stream("\xfe", " /Type /XObject /Subtype /Image /Width 8 /Height 1 /ImageMask true /BitsPerComponent 1")
    mask = p.stream("0.5 g 0 0 720 405 re f", " /Type /XObject /Subtype /Form /BBox [0 0 720 405]"
                                             " /Group << /S /Transparency /CS /DeviceGray >>")
    fm1 = p.stream("1 g 45 183 500 28 re f", " /Type /XObject /Subtype /Form /BBox [0 0 720 405] /Group << /S /Transparency >>")
    res = ("/ExtGState << /GS1 << /ca 0.5 >> /GS2 << /SMask << /S /Luminosity /G %d 0 R >> >> /GS3 << /ca 0.3 >>"
           " /GS4 << /BM /Multiply >> /GS5 << /ca 0.4 >> >> /XObject << /Im1 %d 0 R /Im2 %d 0 R /Im3 %d 0 R /Fm1 %d 0 R >> "
           "/Pattern << /P1 << /PatternType 2 /Shading << /ShadingType 2 /ColorSpace /DeviceRGB /Coords [75 0 500 0] "
           "/Function << /FunctionType 2 /Domain [0 1] /C0 [0 0 0.5] /C1 [0.6 0 0] /N 1 >> /Extend [true true] >> >> >> "
           % (mask, im1, im2, im3, fm1))

    def item(y, t, colour="0 g"):
        return "0 g BT /F1 20 Tf 50 %d Td (\x95) Tj ET %s BT /F1 20 Tf 75 %d Td (%s) Tj ET 0 g\n" % (y, colour, y, esc(t))

    def foot(n):
        return "0 g BT /F1 11 Tf 50 20 Td (RIGF 2026 - Accra) Tj ET BT /F1 11 Tf 650 20 Td (%d) Tj ET\n" % n

    s1 = ["A logo stamped at half opacity", "A picture with its own soft mask", "A box under a soft mask",
          "A white box in a group at 30 percent", "A box drawn in Multiply mode"]
    c1 = "BT /F2 30 Tf 50 340 Td (Logos and stamps) Tj ET\n"
    c1 += item(285, s1[0]) + "q /GS1 gs 0.5 g 45 279 500 28 re f Q\n"
    c1 += item(253, s1[1]) + "q 500 0 0 28 45 247 cm /Im1 Do Q\n"
    c1 += item(221, s1[2]) + "q /GS2 gs 1 g 45 215 500 28 re f Q\n"
    c1 += item(189, s1[3]) + "q /GS3 gs /Fm1 Do Q\n"
    c1 += item(157, s1[4]) + "q /GS4 gs 0.9 g 45 151 500 28 re f Q\n" + foot(1)
    s2 = ["A picture clipped to a triangle", "White text on a see-through red box", "A stamp drawn with an image mask",
          "Text filled with a gradient"]
    c2 = "BT /F2 30 Tf 50 340 Td (Shapes that do not hide) Tj ET\n"
    c2 += item(285, s2[0]) + "q 600 279 m 640 279 l 620 307 l h W n 600 0 0 28 45 279 cm /Im2 Do Q\n"
    c2 += "q /GS5 gs 1 0 0 rg 45 247 500 28 re f Q\n" + item(253, s2[1], "1 g")
    c2 += item(221, s2[2]) + "q 500 0 0 28 45 215 cm /Im3 Do Q\n"
    c2 += item(189, "This line is covered by a white box") + "1 g 40 183 520 30 re f 0 g\n"
    c2 += "1 g BT /F1 20 Tf 75 157 Td (White on white: nobody sees this) Tj ET 0 g\n"
    c2 += item(125, s2[3], "/Pattern cs /P1 scn") + foot(2)
    p.save(os.path.join(OUT, "see-through.pdf"), [(c1, (0, 0, 720, 405), ""), (c2, (0, 0, 720, 405), "")], "See-through",
           resources=res)
    expected("see-through", [S("Logos and stamps", [(1, t) for t in s1]), S("Shapes that do not hide", [(1, t) for t in s2])], "en",
             "hand-written PDF (issue 16): text under a grey box at /ca 0.5, a picture with its own /SMask, a white box under "
             "an ExtGState soft mask, a white box in a transparency group drawn at /ca 0.3, a box in Multiply mode, a picture "
             "clipped to a triangle, a see-through red box (white text on it), a stencil mask, text filled with a gradient "
             "pattern: all visible, all kept; a line "
             "under an opaque white box drawn later and white text on the white page: hidden",
             furniture=["RIGF 2026 - Accra"])


@case
def cjk_doubles():
    """Han ideographs twice in a row, drawn twice ("支持持续", "常常"): both stay; the width
    rule that reads a glyph mapped to one ideograph twice ("量量") once had dropped one
    (google-slides-tidb-5-preview-zh page 23, found by a fresh-user trial, issue 16)."""
    global FONT
    keep = FONT
    FONT = "Noto Sans CJK SC"
    d = Deck("cjk-doubles", "TiDB")
    title(d, "TiDB 5.0 新功能")
    its = [(1, ["BR 支持持续日志备份与恢复（experimental, still in testing）"]), (1, ["我们常常见面，讨论路线图"]),
           (1, ["支持基于 S3 / GCS 备份与恢复数据"])]
    bullets(d, its)
    d.page()
    d.close()
    FONT = keep
    expected("cjk-doubles", [
        S("TiDB 5.0 新功能", [(1, "BR 支持持续日志备份与恢复（experimental, still in testing）"), (1, "我们常常见面，讨论路线图"),
                           (1, "支持基于 S3 / GCS 备份与恢复数据")])],
        "zh", "Han ideographs drawn twice in a row (two glyphs, 1 em apart) stay twice (cairo, Noto Sans CJK SC)")
    with open(os.path.join(OUT, "cjk-doubles.expected.json"), encoding="utf-8") as f:
        e = json.load(f)
    e["must_have"] = [[1, "BR 支持持续日志备份与恢复（experimental, still in testing）"], [1, "我们常常见面，讨论路线图"]]
    with open(os.path.join(OUT, "cjk-doubles.expected.json"), "w", encoding="utf-8") as f:
        json.dump(e, f, ensure_ascii=False, indent=1)
        f.write("\n")


@case
def arabic_pango():
    """Arabic set by Pango (HarfBuzz) in four fonts, what cairo decks showed deckhand reading
    wrong (issue 16, ninth session): a lam-alef glyph carrying a tanween ("واتصالًا", read
    "واتصا الً" in Noto Sans Arabic and DejaVu Sans); a tanween's taller box in Noto Naskh
    Arabic at line spacing 0.8 (letters of "قابلاً" taken for a slanted watermark); a per
    cent sign and two numbers ending a right-to-left line ("12%", "2026-014.").
    Needs python3-gi, gir1.2-pango-1.0 and fonts-noto-core."""
    import gi
    gi.require_version("Pango", "1.0")
    gi.require_version("PangoCairo", "1.0")
    from gi.repository import Pango, PangoCairo
    d = Deck("arabic-pango", "arabic")
    cr = d.cr

    def show(t, x, y, size, font, rtl=True, width=None, line=1.0, bold=False):
        lay = PangoCairo.create_layout(cr)
        ctx = lay.get_context()
        ctx.set_base_dir(Pango.Direction.RTL if rtl else Pango.Direction.LTR)
        lay.context_changed()
        lay.set_auto_dir(False)
        fd = Pango.FontDescription()
        fd.set_family(font)
        fd.set_absolute_size(size * Pango.SCALE)
        if bold:
            fd.set_weight(Pango.Weight.BOLD)
        lay.set_font_description(fd)
        if width:
            lay.set_width(int(width * Pango.SCALE))
            lay.set_wrap(Pango.WrapMode.WORD)
            lay.set_alignment(Pango.Alignment.RIGHT if rtl else Pango.Alignment.LEFT)
        if line != 1.0:
            lay.set_line_spacing(line)
        lay.set_text(t, -1)
        cr.move_to(x, y)
        PangoCairo.show_layout(cr, lay)

    slides = []
    # 1-2: lam-alef with tanween, two fonts whose lam-alef is one glyph
    p1 = "تتطلب الاجتماعات الهجينة ميكروفونات جيدة واتصالًا مستقرًا وتحتاج مالًا وأعمالًا كثيرة."
    for font, t in (("Noto Sans Arabic", "الاتصال"), ("DejaVu Sans", "الأعمال")):
        show(t, 60, 20, 30, font, width=600, bold=True)
        show(p1, 60, 110, 24, font, width=600)
        d.page()
        slides.append(S(t, [(0, p1)]))
    # 3: Noto Naskh Arabic at line spacing 0.8
    p3 = ("يتيح نهج أصحاب المصلحة المتعددين في حوكمة الإنترنت إنترنتًا قابلاً للتوسع والتطور، "
          "ويبلغ الدعم خمسة آلاف دولار لكل مشارك قابلاً للتجديد مرةً أخرى.")
    show("النهج", 60, 20, 30, "Noto Naskh Arabic", width=600, bold=True)
    show(p3, 60, 100, 24, "Noto Naskh Arabic", width=600, line=0.8)
    d.page()
    slides.append(S("النهج", [(0, p3)]))
    # 4: a per cent sign and two numbers at the end of right-to-left lines (bullets right)
    its4 = ["ارتفعت المشاركة 12%", "ترقم الوثائق حسب السنة والتسلسل، مثل 2026-014.", "زيادة العضوية بنسبة 18% هذا العام"]
    show("الأرقام", 60, 20, 30, "Amiri", width=600, bold=True)
    y = 100
    for t in its4:
        show(t, 60, y, 22, "Amiri", width=580)
        show("\u2022", 650, y, 22, "Amiri", rtl=False)
        y += 50
    d.page()
    slides.append(S("الأرقام", [(1, t) for t in its4]))
    # 5: a numbered title set smaller than its items, over a left-to-right list of Arabic
    # items whose labels are drawn after their text, one alone of its shape ("a)")
    show("2. IETF منفتحة", 43, 20, 16, "Noto Sans Arabic", rtl=False, bold=True)
    its5 = [(1, "A.", "مراجعة كل مسودة", 22), (1, "B.", "المحتوى المحلي واللغات", 22), (2, "a)", "ترجمة فورية مكتوبة في كل قاعة", 19.8)]
    y = 100
    for lvl, num, t, size in its5:
        x = 110 if lvl == 1 else 145
        show(t, x, y, size, "Noto Sans Arabic", rtl=False)
        show(num, x - 32, y, size, "Noto Sans Arabic", rtl=False)
        y += 60
    d.page()
    slides.append(S("2. IETF منفتحة", [(lvl, t) for lvl, _, t, _ in its5]))
    d.close()
    expected("arabic-pango", slides, "ar",
             "Arabic set by Pango in Noto Sans Arabic, DejaVu Sans, Noto Naskh Arabic and Amiri: lam-alef with "
             "tanween, line spacing 0.8, numbers and per cent signs at a right-to-left line's end")
    with open(os.path.join(OUT, "arabic-pango.expected.json"), encoding="utf-8") as f:
        e = json.load(f)
    e["must_have"] = [[1, p1], [2, p1], [3, p3]] + [[4, t] for t in its4] + [[5, t] for _, _, t, _ in its5]  # (page, text)
    with open(os.path.join(OUT, "arabic-pango.expected.json"), "w", encoding="utf-8") as f:
        json.dump(e, f, ensure_ascii=False, indent=1)
        f.write("\n")


# ---- inline styles: bold, italic and red words inside bullets (Block::spans)
INLINE_HTML = os.path.join(HERE, "cases", "inline-styles.html")
RED = "#c00000"


def inline_slides():
    """The slides of scripts/cases/inline-styles.html: (lang, rtl, title, [item markup]),
    the items' markup as written there (<b>, <i>, <span class="red">)."""
    import re
    with open(INLINE_HTML, encoding="utf-8") as f:
        html = f.read()
    out = []
    for m in re.finditer(r'<section([^>]*)><h2>(.*?)</h2><ul>(.*?)</ul>', html, re.S):
        attrs, t, body = m.groups()
        lang = re.search(r'lang="([^"]+)"', attrs).group(1)
        items = [x.strip() for x in re.findall(r"<li>(.*?)</li>", body, re.S)]
        out.append((lang, 'dir="rtl"' in attrs, t, items))
    return out


def plain_and_spans(markup):
    """The text of an item's markup and its spans as the deck JSON writes them: code point
    offsets, each run of characters of one style that is not the item's plain style. An
    item all in one style (every character bold) has none: that is the block's style."""
    import re
    text, style = "", []
    bold = italic = 0
    color = []
    for tok in re.split(r"(<[^>]+>)", markup):
        if tok.startswith("<"):
            if tok == "<b>": bold += 1
            elif tok == "</b>": bold -= 1
            elif tok == "<i>": italic += 1
            elif tok == "</i>": italic -= 1
            elif tok.startswith("<span"): color.append(RED if "red" in tok or RED in tok else "")
            elif tok == "</span>": color.pop()
            continue
        for c in tok:
            text += c
            style.append((bold > 0, italic > 0, color[-1] if color else ""))
    if len(set(style)) <= 1:
        return text, []
    spans = []
    for k, st in enumerate(style):
        if st == (False, False, ""):
            continue
        if spans and spans[-1][0] == st and spans[-1][2] == k:
            spans[-1][2] = k + 1
        else:
            spans.append([st, k, k + 1])
    out = []
    for (b, i, c), a, e in spans:
        j = {"begin": a, "end": e}
        if b: j["bold"] = True
        if i: j["italic"] = True
        if c: j["color"] = c
        out.append(j)
    return text, out


def inline_expected(name, note):
    slides, must, spans = [], [], []
    for n, (lang, rtl, t, items) in enumerate(inline_slides(), 1):
        plain = [plain_and_spans(x) for x in items]
        slides.append(S(t, [(1, x) for x, _ in plain]))
        for x, sp in plain:
            must.append([n, x])
            spans.append([n, x, sp])
    expected(name, slides, "en", note)
    with open(os.path.join(OUT, name + ".expected.json"), encoding="utf-8") as f:
        e = json.load(f)
    e["must_have"] = must
    e["spans"] = spans
    with open(os.path.join(OUT, name + ".expected.json"), "w", encoding="utf-8") as f:
        json.dump(e, f, ensure_ascii=False, indent=1)
        f.write("\n")


@case
def inline_styles():
    """The truth of the case printed by Chromium from scripts/cases/inline-styles.html (the
    PDF: the command in the file's first lines); nothing drawn here."""
    inline_expected("inline-styles",
                    "Chromium (Skia PDF) from scripts/cases/inline-styles.html: bold, italic and red words inside "
                    "bullets in English, French and Arabic, one wrapped, one all bold (no spans)")


@case
def inline_styles_pango():
    """The slides of inline-styles.html set by Pango (markup: <b>, <i>, <span foreground>) in
    DejaVu Sans and Noto Naskh Arabic, on cairo's PDF surface. Needs python3-gi,
    gir1.2-pango-1.0 and fonts-noto-core."""
    import gi
    gi.require_version("Pango", "1.0")
    gi.require_version("PangoCairo", "1.0")
    from gi.repository import Pango, PangoCairo
    d = Deck("inline-styles-pango", "inline styles")
    cr = d.cr

    def show(markup, x, y, size, font, rtl=False, width=None):
        lay = PangoCairo.create_layout(cr)
        ctx = lay.get_context()
        ctx.set_base_dir(Pango.Direction.RTL if rtl else Pango.Direction.LTR)
        lay.context_changed()
        lay.set_auto_dir(False)
        fd = Pango.FontDescription()
        fd.set_family(font)
        fd.set_absolute_size(size * Pango.SCALE)
        lay.set_font_description(fd)
        if width:
            lay.set_width(int(width * Pango.SCALE))
            lay.set_wrap(Pango.WrapMode.WORD)
            lay.set_alignment(Pango.Alignment.RIGHT if rtl else Pango.Alignment.LEFT)
        lay.set_markup(markup.replace('<span class="red">', '<span foreground="%s">' % RED), -1)
        cr.move_to(x, y)
        PangoCairo.show_layout(cr, lay)
        return lay.get_pixel_extents()[1].height

    for lang, rtl, t, items in inline_slides():
        font = "Noto Naskh Arabic" if rtl else "DejaVu Sans"
        cr.set_source_rgb(0.1, 0.35, 0.48)
        show("<b>%s</b>" % t, 50, 30, 28, font, rtl, width=620)
        cr.set_source_rgb(0, 0, 0)
        y = 100
        for x in items:
            h = show(x, 80 if not rtl else 50, y, 20, font, rtl, width=590)
            show("\u2022", 55 if not rtl else 655, y, 20, font)
            y += h + 14
        d.page()
    d.close()
    inline_expected("inline-styles-pango",
                    "cairo + Pango (markup) from the slides of scripts/cases/inline-styles.html: bold, italic and red "
                    "words inside bullets in English, French and Arabic, one wrapped, one all bold (no spans)")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    only = set(sys.argv[1:])
    for n, fn in CASES.items():
        if not only or n in only:
            fn()
            print("made", n)

"""cairo: a low-level writer that places every line itself (cairo's PDF surface, text shaped by
Pango, so Arabic, Hebrew, Persian, Thai and CJK come out right).

Things office producers do not do: text drawn twice (a shadow), text under a white box
(hidden: not in the truth), text in render mode 3 (invisible: not in the truth; cairo has no
API for it, so it is added to the page's content stream afterwards with pikepdf, in a
standard font), a see-through logo (a semi-transparent picture drawn over the text: the text
stays in the truth), a light-grey watermark word behind the body (furniture when on every
slide), bullets drawn as shapes instead of glyphs.

When a box's text does not fit its box (the spec's estimate was short), the writer steps
its font size down until it fits: the truth does not depend on the size.
"""
import math

import cairo
import gi

gi.require_version("Pango", "1.0")
gi.require_version("PangoCairo", "1.0")
from gi.repository import Pango, PangoCairo  # noqa: E402

from common import LOCALE  # noqa: E402
from truth import number_text  # noqa: E402

PAD = 7.0


def rgb(h):
    return int(h[0:2], 16) / 255, int(h[2:4], 16) / 255, int(h[4:6], 16) / 255


class Deck:
    def __init__(self, d, path):
        self.d = d
        W, H = d["page"]
        self.W, self.H = W, H
        self.surface = cairo.PDFSurface(path, W, H)
        self.surface.set_metadata(cairo.PDFMetadata.TITLE, d["slides"][0]["title"] or d["id"])
        self.surface.set_metadata(cairo.PDFMetadata.CREATE_DATE, "2026-01-01T00:00:00")
        self.cr = cairo.Context(self.surface)
        self.lang = Pango.Language.from_string(LOCALE[d["lang"]][0])
        self.hyph = None
        if d["hyphenate"]:
            import pyphen
            code = {"en": "en_US", "de": "de_DE", "fr": "fr_FR", "es": "es_ES", "ru": "ru_RU"}[d["lang"]]
            self.hyph = pyphen.Pyphen(lang=code)

    def soft(self, s):
        """Soft hyphens in long words: Pango breaks there and draws a hyphen."""
        if not self.hyph:
            return s
        out = []
        for w in s.split(" "):
            if len(w) >= 8 and w.isalpha():
                w = self.hyph.inserted(w, hyphen="\u00ad")
            elif len(w) >= 9 and "-" not in w:
                core = w.rstrip(".,;:!?")
                if core.isalpha():
                    w = self.hyph.inserted(core, hyphen="\u00ad") + w[len(core):]
            out.append(w)
        return " ".join(out)

    def layout(self, text, size, width=None, align="left", rtl=False, line=1.0, bold=False, font=None):
        lay = PangoCairo.create_layout(self.cr)
        ctx = lay.get_context()
        ctx.set_language(self.lang)
        ctx.set_base_dir(Pango.Direction.RTL if rtl else Pango.Direction.LTR)
        lay.context_changed()
        lay.set_auto_dir(False)
        fd = Pango.FontDescription()
        fd.set_family(font or self.d["font"])
        fd.set_absolute_size(size * Pango.SCALE)
        if bold:
            fd.set_weight(Pango.Weight.BOLD)
        lay.set_font_description(fd)
        if width:
            lay.set_width(int(width * Pango.SCALE))
            lay.set_wrap(Pango.WrapMode.WORD)
        if line != 1.0:
            lay.set_line_spacing(line)
        if align == "justify":
            lay.set_justify(True)
            align = "right" if rtl else "left"
        lay.set_alignment({"left": Pango.Alignment.LEFT, "center": Pango.Alignment.CENTER, "right": Pango.Alignment.RIGHT}[align])
        lay.set_text(text, -1)
        return lay

    def show(self, lay, x, y, color=(0, 0, 0), shadow=False):
        cr = self.cr
        if shadow:
            cr.set_source_rgb(0.72, 0.72, 0.72)
            cr.move_to(x + 1.6, y + 1.6)
            PangoCairo.show_layout(cr, lay)
        cr.set_source_rgb(*color)
        cr.move_to(x, y)
        PangoCairo.show_layout(cr, lay)

    @staticmethod
    def height(lay):
        return lay.get_extents()[1].height / Pango.SCALE

    @staticmethod
    def width(lay):
        return lay.get_extents()[1].width / Pango.SCALE

    def rect(self, x, y, w, h, color, alpha=1.0):
        self.cr.set_source_rgba(*color, alpha)
        self.cr.new_path()
        self.cr.rectangle(x, y, w, h)
        self.cr.fill()


def phys(align, rtl):
    if align == "start":
        return "right" if rtl else "left"
    if align == "end":
        return "left" if rtl else "right"
    return align


def draw_text_box(dk, box, shadow=False, counters=None):
    d = dk.d
    if box.get("columns"):
        return draw_columns(dk, box, shadow)
    rtl = box["rtl"]
    align = phys(box["align"], rtl)
    size = box["size"]
    drawn = d["cairo"]["bullets"] == "drawn"
    while True:
        items = []
        total = 0.0
        for i, p in enumerate(box["paras"]):
            lvl = p["level"]
            fs = size if lvl <= 1 else size * (0.9 ** (lvl - 1))
            ind = (box["indent"][lvl] + box["label_w"] * fs / box["size"]) if lvl else 0
            tw = box["w"] - 2 * PAD - ind
            text = dk.soft("\u2028".join(p["text"]))
            lay = dk.layout(text, fs, tw, align, rtl, box["line"])
            sp = box["space"] if i else 0
            items.append((p, lvl, fs, ind, tw, lay, sp))
            total += sp + dk.height(lay)
        if total <= box["h"] - 2 * PAD or size <= 10:
            break
        size -= 1
    y = box["y"] + PAD
    counters = {} if counters is None else counters
    lst = box["list"]
    for p, lvl, fs, ind, tw, lay, sp in items:
        y += sp
        x = box["x"] + PAD + (ind if not rtl else 0)
        dk.show(lay, x, y, shadow=shadow)
        if lvl:
            for k in list(counters):
                if k > lvl:
                    del counters[k]
            counters[lvl] = counters.get(lvl, 0) + 1
            numbered = lst["type"] == "number" or (lst["type"] == "mixed" and lvl == 1)
            # the marker stands before the text's first line, on the start side (next to
            # the line's first character when the line is centred or pushed to the far side)
            it = lay.get_iter()
            lext = it.get_line_extents()[1]
            lx0 = lext.x / Pango.SCALE
            lx1 = (lext.x + lext.width) / Pango.SCALE
            base = lay.get_baseline() / Pango.SCALE
            lw = box["label_w"] * fs / box["size"]
            start_l = x + lx0 if not rtl else x + lx1  # where the first line's text starts
            if numbered:
                from verify import marker_text
                mk = dk.layout(marker_text(lst["formats"][min(lvl, 3) - 1], counters[lvl]), fs, None, "left", rtl)
                mw = dk.width(mk)
                gap = max(lw - mw, fs * 0.3)
                mx = (start_l - gap - mw) if not rtl else (start_l + gap)
                dk.show(mk, mx, y + base - mk.get_baseline() / Pango.SCALE)
            elif drawn:
                r = fs * 0.16
                cx = (start_l - lw + r + 1) if not rtl else (start_l + lw - r - 1)
                cy = y + base - fs * 0.32
                dk.cr.set_source_rgb(*rgb(d["color"]))
                dk.cr.new_path()  # show_layout leaves a current point: arc would join it
                if lvl == 2:
                    dk.cr.rectangle(cx - r, cy - r, 2 * r, 2 * r)
                else:
                    dk.cr.arc(cx, cy, r, 0, 2 * math.pi)
                dk.cr.fill()
            else:
                g = lst["glyphs"][min(lvl, 3) - 1]
                mk = dk.layout(g, fs, None, "left", rtl, font="DejaVu Sans")
                mw = dk.width(mk)
                gap = max(lw - mw, fs * 0.3)
                mx = (start_l - gap - mw) if not rtl else (start_l + gap)
                dk.show(mk, mx, y + base - mk.get_baseline() / Pango.SCALE, color=rgb(d["color"]))
        y += dk.height(lay)
    return y


def draw_columns(dk, box, shadow):
    """A list set in two columns: the paragraphs fill the first column to about half the
    height, the rest go to the second (on the right, or on the left in a right-to-left deck);
    numbering goes on."""
    gap = box.get("col_gap", 24)
    cw = (box["w"] - gap) / 2
    sizes = []
    for p in box["paras"]:
        lvl = p["level"]
        fs = box["size"] if lvl <= 1 else box["size"] * (0.9 ** (lvl - 1))
        ind = (box["indent"][lvl] + box["label_w"]) if lvl else 0
        lay = dk.layout("\u2028".join(p["text"]), fs, cw - 2 * PAD - ind, "left", box["rtl"], box["line"])
        sizes.append(dk.height(lay) + box["space"])
    half, acc, k = sum(sizes) / 2, 0.0, 0
    while k < len(sizes) - 1 and acc + sizes[k] / 2 < half:
        acc += sizes[k]
        k += 1
    k = max(k, 1)
    first, second = box["paras"][:k], box["paras"][k:]
    rtl_deck = dk.d["dir"] == "rtl"
    x1 = box["x"] if not rtl_deck else box["x"] + cw + gap
    x2 = box["x"] + cw + gap if not rtl_deck else box["x"]
    counters = {}
    y = draw_text_box(dk, dict(box, columns=0, x=x1, w=cw, paras=first), shadow, counters)
    if second:
        y = max(y, draw_text_box(dk, dict(box, columns=0, x=x2, w=cw, paras=second), shadow, counters))
    return y


def draw_table(dk, t):
    d = dk.d
    rows = t["rows"]
    ncol = len(rows[0])
    rtl = d["dir"] == "rtl"
    cw = t["w"] / ncol
    size = t["size"]
    while True:
        hs = []
        lays = []
        for ri, row in enumerate(rows):
            head = t["header"] and ri == 0
            lr = []
            for ci, c in enumerate(row):
                span = 2 if (t.get("merge") and t["merge"][0] == ri and t["merge"][1] == ci) else 1
                if t.get("merge") and t["merge"][0] == ri and t["merge"][1] + 1 == ci:
                    lr.append(None)
                    continue
                lay = dk.layout(c, size, cw * span - 12, phys("start", t["rtl"]), t["rtl"], bold=head) if c else None
                lr.append((lay, span))
            lays.append(lr)
            hs.append(max([dk.height(x[0]) for x in lr if x and x[0]] + [size * 1.2]) + 10)
        if sum(hs) <= dk.H - t["y"] - 36 or size <= 9:
            break
        size -= 1
    y = t["y"]
    for ri, row in enumerate(rows):
        head = t["header"] and ri == 0
        if head:
            dk.rect(t["x"], y, t["w"], hs[ri], rgb(d["color"]))
        elif ri % 2:
            dk.rect(t["x"], y, t["w"], hs[ri], (0.93, 0.95, 0.97))
        for ci, cell in enumerate(lays[ri]):
            if not cell:
                continue
            lay, span = cell
            vis = (ncol - ci - span) if rtl else ci
            if lay:
                dk.show(lay, t["x"] + vis * cw + 6, y + 5, color=(1, 1, 1) if head else (0, 0, 0))
        dk.cr.set_source_rgb(0.7, 0.7, 0.7)
        dk.cr.set_line_width(0.6)
        dk.cr.new_path()
        dk.cr.move_to(t["x"], y + hs[ri])
        dk.cr.line_to(t["x"] + t["w"], y + hs[ri])
        dk.cr.stroke()
        y += hs[ri]
    return y


def draw_code(dk, c, top):
    d = dk.d
    size = c["size"]
    c = dict(c, y=max(c["y"], top))
    room = dk.H - 30 - c["y"]
    while len(c["lines"]) * size * 1.25 + 16 > room and size > 7:
        size -= 0.5
    c["h"] = len(c["lines"]) * size * 1.25 + 16
    dk.rect(c["x"], c["y"], c["w"], c["h"], (0.95, 0.95, 0.95))
    y = c["y"] + 8
    for line in c["lines"]:
        lay = dk.layout(line if line else " ", size, None, "left", False, font=d["mono"])
        dk.show(lay, c["x"] + 9, y)
        y += size * 1.25
    return y


def draw_agenda(dk, a):
    rtl = a["rtl"]
    y = a["y"] + PAD
    size = a["size"]
    for name, page in a["rows"]:
        ln = dk.layout(name, size, None, "left", rtl)
        lp = dk.layout(page, size, None, "left", False)
        wn, wp = dk.width(ln), dk.width(lp)
        x0, x1 = a["x"] + PAD, a["x"] + a["w"] - PAD
        dot = dk.layout(".", size, None, "left", False)
        dw = dk.width(dot) * 1.6
        if not rtl:
            dk.show(ln, x0, y)
            dk.show(lp, x1 - wp, y)
            lead_from, lead_to = x0 + wn + 4, x1 - wp - 4
        else:
            dk.show(ln, x1 - wn, y)
            dk.show(lp, x0, y)
            lead_from, lead_to = x0 + wp + 4, x1 - wn - 4
        n = int((lead_to - lead_from) / dw)
        dots = dk.layout("." * n, size, None, "left", False)
        dk.show(dots, lead_to - dk.width(dots), y)
        y += dk.height(ln) * 1.3
    return y


def furniture(dk, i, s):
    d = dk.d
    if s["layout"] == "title":
        return
    rtl = d["dir"] == "rtl"
    W, H = dk.W, dk.H
    y = H - 24
    grey = (0.4, 0.4, 0.4)
    if d["footer"]:
        lay = dk.layout(d["footer"], 10, None, "left", rtl and d["para_dir"] == "rtl")
        dk.show(lay, 36 if not rtl else W - 36 - dk.width(lay), y, grey)
    if d["date"]:
        lay = dk.layout(d["date"], 10, None, "left", False)
        dk.show(lay, W / 2 + 40 if not rtl else W / 2 - 40 - dk.width(lay), y, grey)
    if d["numbers"]:
        lay = dk.layout(number_text(d, i + 1, len(d["slides"])), 10, None, "left", False)
        dk.show(lay, W - 36 - dk.width(lay) if not rtl else 36, y, grey)


def watermark(dk):
    wm = dk.d["watermark"]
    if not wm:
        return
    lay = dk.layout(wm["text"], 96, None, "left", False, bold=True)
    w, h = dk.width(lay), dk.height(lay)
    cr = dk.cr
    cr.save()
    cr.translate(dk.W / 2, dk.H / 2 + 15)
    if wm["style"] == "diagonal":
        cr.rotate(-math.radians(28))
    cr.set_source_rgb(0.88, 0.88, 0.88)
    cr.move_to(-w / 2, -h / 2)
    PangoCairo.show_layout(cr, lay)
    cr.restore()


def logo(dk, box):
    """A see-through logo: a semi-transparent picture drawn over the body's text."""
    import io
    import pictures
    img = cairo.ImageSurface.create_from_png(io.BytesIO(pictures.logo_png(dk.d["color"])))
    x, y, w, h = pictures.logo_place(box)
    dk.cr.save()
    dk.cr.translate(x, y)
    dk.cr.scale(w / img.get_width(), h / img.get_height())
    dk.cr.set_source_surface(img, 0, 0)
    dk.cr.paint()
    dk.cr.restore()


def title_of(dk, s):
    d = dk.d
    W, H = dk.W, dk.H
    rtl_p = d["para_dir"] == "rtl"
    shadow = d["cairo"].get("shadow_titles", False)
    lay = s["layout"]
    if lay == "title":
        ts = s["title_size"]
        l1 = dk.layout(s["title"], ts, W - 80 - 2 * PAD, phys(s["title_align"], rtl_p), rtl_p, bold=True)
        y = H * 0.22 + ts * 2.9 - dk.height(l1)
        dk.show(l1, 40 + PAD, y, rgb(d["color"]), shadow)
        y = H * 0.22 + ts * 2.9 + 10 + PAD
        for t in s["subtitle"]:
            l2 = dk.layout(t, 20, W - 80 - 2 * PAD, phys(s["title_align"], rtl_p), rtl_p)
            dk.show(l2, 40 + PAD, y, (0.27, 0.27, 0.27))
            y += dk.height(l2) + 6
        return
    if lay == "section":
        fill = s.get("section_fill")
        l1 = dk.layout(s["title"], s["title_size"], W - 80, "center", rtl_p, bold=True)
        dk.show(l1, 40, (H - dk.height(l1)) / 2, (1, 1, 1) if fill else rgb(d["color"]), shadow and not fill)
        return
    if lay == "blank":
        return
    x, y, w, h = s["title_box"]
    band = d["title_style"] == "band"
    if band:
        dk.rect(0, 0, W, s["band_h"], rgb(d["color"]))
    size = s["title_size"]
    l1 = dk.layout(s["title"], size, w - 2 * PAD, phys("start", rtl_p), rtl_p, bold=True)
    while dk.height(l1) > s["title_lines"] * size * 1.5 and size > 16:
        size -= 1
        l1 = dk.layout(s["title"], size, w - 2 * PAD, phys("start", rtl_p), rtl_p, bold=True)
    dk.show(l1, x + PAD, y + PAD / 2, (1, 1, 1) if band else rgb(d["color"]), shadow and not band)
    if d["title_style"] == "rule":
        ly = y + PAD / 2 + dk.height(l1) + 6
        dk.cr.set_source_rgb(*rgb(d["color"]))
        dk.cr.set_line_width(1.5)
        dk.cr.new_path()
        dk.cr.move_to(x, ly)
        dk.cr.line_to(x + w, ly)
        dk.cr.stroke()


def build(d, path):
    dk = Deck(d, path)
    invisible = {}
    for i, s in enumerate(d["slides"]):
        if s["layout"] == "section" and s.get("section_fill"):
            # a full-page fill first: cairo drops what an opaque page-size fill covers
            dk.rect(0, 0, dk.W, dk.H, rgb(d["color"]))
        watermark(dk)
        title_of(dk, s)
        fx = s.get("effects", {})
        bottom = 0
        for box in s["boxes"]:
            k = box["kind"]
            if k == "text":
                bottom = max(bottom, draw_text_box(dk, box, shadow=fx.get("shadow", False)))
            elif k == "sidenote":
                lay = dk.layout(box["text"], box["size"], box["w"] - 2 * PAD, phys(box["align"], box["rtl"]), box["rtl"])
                dk.cr.set_source_rgb(0.6, 0.6, 0.6)
                dk.cr.set_line_width(0.6)
                dk.cr.new_path()
                dk.cr.rectangle(box["x"], box["y"], box["w"], dk.height(lay) + 2 * PAD)
                dk.cr.stroke()
                dk.show(lay, box["x"] + PAD, box["y"] + PAD, (0.33, 0.33, 0.33))
            elif k == "table":
                bottom = max(bottom, draw_table(dk, dict(box, y=max(box["y"], bottom + 8))))
            elif k == "code":
                bottom = max(bottom, draw_code(dk, box, bottom + 8))
            elif k == "agenda":
                bottom = max(bottom, draw_agenda(dk, box))
        if d["overlay_logo"] and s["boxes"] and s["boxes"][0]["kind"] == "text":
            logo(dk, s["boxes"][0])
        free_y = max(bottom + 6, dk.H * 0.55)
        if fx.get("hidden_box"):
            # text, then a white box over it: hidden, not in the truth
            lay = dk.layout(fx["hidden_box"], 12, None, "left", False, font="DejaVu Sans")
            yh = min(free_y, dk.H - 60)
            dk.show(lay, 60, yh, (0.2, 0.2, 0.2))
            dk.rect(56, yh - 3, dk.width(lay) + 10, dk.height(lay) + 6, (1, 1, 1))
        if fx.get("invisible"):
            invisible[i] = (fx["invisible"], min(free_y + 20, dk.H - 44))
        furniture(dk, i, s)
        dk.cr.show_page()
    dk.surface.finish()
    if invisible:
        add_invisible(path, invisible, d["page"][1])


def add_invisible(path, invisible, H):
    """Text in render mode 3 (invisible), as an OCR layer or a hidden note would be."""
    import pikepdf
    pdf = pikepdf.open(path, allow_overwriting_input=True)
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica, Encoding=pikepdf.Name.WinAnsiEncoding))
    for i, (text, y) in invisible.items():
        page = pdf.pages[i]
        res = page.obj.get("/Resources")
        if "/Font" not in res:
            res["/Font"] = pikepdf.Dictionary()
        res["/Font"]["/FInv"] = font
        safe = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        stream = ("q BT 3 Tr /FInv 12 Tf 1 0 0 1 60 %.1f Tm (%s) Tj ET Q" % (H - y - 12, safe)).encode("latin-1")
        page.contents_add(pikepdf.Stream(pdf, b"q\n"), prepend=True)
        page.contents_add(pikepdf.Stream(pdf, b"\nQ\n" + stream), prepend=False)
    pdf.save(path, static_id=True)  # (Debian 12 has pikepdf 6.0: no deterministic_id)

"""Pictures: a slide that is only an image (a screenshot pasted as the whole slide)."""
import io

import cairo
import gi

gi.require_version("Pango", "1.0")
gi.require_version("PangoCairo", "1.0")
from gi.repository import Pango, PangoCairo  # noqa: E402


def fake_slide_png(d, s, scale=1.4):
    """A raster picture of a slide (title and three bullets as pixels): no text in the PDF."""
    W, H = d["page"]
    w, h = int(W * scale), int(H * scale)
    surf = cairo.ImageSurface(cairo.FORMAT_RGB24, w, h)
    cr = cairo.Context(surf)
    cr.set_source_rgb(0.97, 0.97, 0.95)
    cr.paint()
    c = d["color"]
    cr.set_source_rgb(int(c[0:2], 16) / 255, int(c[2:4], 16) / 255, int(c[4:6], 16) / 255)
    cr.rectangle(0, 0, w, 70 * scale)
    cr.fill()
    rtl = d["dir"] == "rtl"

    def draw(text, x, y, size, color, width):
        lay = PangoCairo.create_layout(cr)
        fd = Pango.FontDescription.from_string("%s %d" % (d["font"], size))
        lay.set_font_description(fd)
        lay.set_width(int(width * Pango.SCALE))
        lay.set_wrap(Pango.WrapMode.WORD_CHAR)
        lay.set_alignment(Pango.Alignment.RIGHT if rtl else Pango.Alignment.LEFT)
        lay.set_text(text, -1)
        cr.set_source_rgb(*color)
        cr.move_to(x, y)
        PangoCairo.show_layout(cr, lay)
        return lay.get_pixel_extents()[1].height

    draw(s["picture_title"], 40 * scale, 16 * scale, int(26 * scale), (1, 1, 1), w - 80 * scale)
    y = 100 * scale
    for t in s["picture_items"]:
        cr.set_source_rgb(0.2, 0.2, 0.2)
        bx = (w - 44 * scale) if rtl else 40 * scale
        cr.arc(bx, y + 14 * scale, 5 * scale, 0, 6.3)
        cr.fill()
        hh = draw(t, 60 * scale, y, int(20 * scale), (0.15, 0.15, 0.15), w - 130 * scale)
        y += hh + 18 * scale
    # a little chart
    for k, v in enumerate([0.4, 0.7, 0.55, 0.9]):
        cr.set_source_rgb(0.3 + 0.1 * k, 0.5, 0.7)
        bh = v * 80 * scale
        cr.rectangle(w * 0.62 + k * 34 * scale, h - 30 * scale - bh, 24 * scale, bh)
        cr.fill()
    buf = io.BytesIO()
    surf.write_to_png(buf)
    return buf.getvalue()


def logo_png(color, px=180):
    """A see-through logo: a ring of the deck's colour, 28 % opaque (drawn over text)."""
    import math
    surf = cairo.ImageSurface(cairo.FORMAT_ARGB32, px, px)
    c = cairo.Context(surf)
    col = tuple(int(color[i:i + 2], 16) / 255 for i in (0, 2, 4))
    c.set_source_rgba(*col, 0.28)
    c.arc(px / 2, px / 2, px / 2 - 2, 0, 2 * math.pi)
    c.fill()
    c.set_source_rgba(1, 1, 1, 0.35)
    c.arc(px / 2, px / 2, px / 4, 0, 2 * math.pi)
    c.fill()
    buf = io.BytesIO()
    surf.write_to_png(buf)
    return buf.getvalue()


def logo_place(box):
    """Where the logo goes: over the right half of the first text box's top lines (points)."""
    return box["x"] + box["w"] * 0.55, box["y"] + 4, 90, 90

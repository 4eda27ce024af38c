"""impress-odp: a Flat ODP (.fodp) written from the spec; LibreOffice Impress makes the PDF."""
import base64
from xml.sax.saxutils import escape, quoteattr

from common import LOCALE, RTL_LANGS
import pictures
from truth import number_text

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:xlink="http://www.w3.org/1999/xlink" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" '
      'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" '
      'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"')

# OpenSymbol's own private-use bullets, as Impress writes them
OPENSYMBOL = {"●": "\ue00a", "–": "\ue00c", "■": "\ue00b"}
NUM = {"1.": ("1", "", "."), "1)": ("1", "", ")"), "a)": ("a", "", ")"), "A.": ("A", "", "."),
       "i.": ("i", "", "."), "I.": ("I", "", "."), "(a)": ("a", "(", ")"), "(1)": ("1", "(", ")"),
       "a.": ("a", "", ".")}


def cm(pt):
    return "%.3fcm" % (pt * 2.54 / 72)


class Styles:
    def __init__(self, d):
        self.d = d
        self.items = {}
        self.out = []

    def get(self, family, body):
        key = (family, body)
        if key not in self.items:
            name = {"paragraph": "P", "graphic": "gr", "presentation": "pr", "text": "T", "list": "L", "drawing-page": "dp",
                    "table-column": "co", "table-row": "ro", "table-cell": "ce"}[family] + str(len(self.items) + 1)
            self.items[key] = name
            if family == "list":
                self.out.append('<text:list-style style:name="%s">%s</text:list-style>' % (name, body))
            else:
                self.out.append('<style:style style:name="%s" style:family="%s">%s</style:style>' % (name, family, body))
        return self.items[key]

    def text_props(self, size, font=None, bold=False, color="000000", hyph=False):
        d = self.d
        font = font or d["font"]
        lang, country, _ = LOCALE[d["lang"]]
        p = ('fo:font-family=%s style:font-family-asian=%s style:font-family-complex=%s fo:font-size="%gpt" '
             'style:font-size-asian="%gpt" style:font-size-complex="%gpt" fo:color="#%s" '
             'fo:language="%s" fo:country="%s" style:language-asian="%s" style:country-asian="%s" '
             'style:language-complex="%s" style:country-complex="%s"'
             % (quoteattr(font), quoteattr(font), quoteattr(font), size, size, size, color,
                lang, country, lang, country, lang, country))
        if bold:
            p += ' fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"'
        if hyph:
            p += ' fo:hyphenate="true" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="2"'
        else:
            p += ' fo:hyphenate="false"'
        return "<style:text-properties %s/>" % p

    def para(self, size, align="start", rtl=False, line=1.0, space=0, font=None, bold=False, color="000000",
             hyph=False, tabs=None, margin_left=None):
        pp = 'fo:text-align="%s" style:writing-mode="%s" fo:margin-top="%s" fo:margin-bottom="0cm"' % (
            {"start": "start", "end": "end", "center": "center", "justify": "justify"}[align],
            "rl-tb" if rtl else "lr-tb", cm(space))
        if line != 1.0:
            pp += ' fo:line-height="%d%%"' % round(line * 100)
        if margin_left is not None:
            pp += ' fo:margin-left="%s" fo:text-indent="0cm"' % cm(margin_left)
        inner = ""
        if tabs:
            inner = "<style:tab-stops>%s</style:tab-stops>" % "".join(
                '<style:tab-stop style:position="%s" style:type="%s" style:leader-style="dotted" style:leader-text="."/>'
                % (cm(pos), typ) for pos, typ in tabs)
        body = "<style:paragraph-properties %s>%s</style:paragraph-properties>%s" % (
            pp, inner, self.text_props(size, font, bold, color, hyph))
        return self.get("paragraph", body)

    def graphic(self, fill=None, stroke=None, pad=(0.1, 0.25), valign="top", opacity=None, extra="", columns=0, col_gap=0):
        g = 'draw:auto-grow-height="false" draw:auto-grow-width="false" fo:min-height="0cm" ' \
            'draw:textarea-vertical-align="%s" fo:padding-top="%.2fcm" fo:padding-bottom="%.2fcm" ' \
            'fo:padding-left="%.2fcm" fo:padding-right="%.2fcm" draw:fit-to-size="false" style:shrink-to-fit="false" ' \
            'fo:wrap-option="wrap"' % (valign, pad[0], pad[0], pad[1], pad[1])
        g += ' draw:fill="solid" draw:fill-color="#%s"' % fill if fill else ' draw:fill="none"'
        g += ' draw:stroke="solid" svg:stroke-color="#%s" svg:stroke-width="0.03cm"' % stroke if stroke else ' draw:stroke="none"'
        if opacity is not None:
            g += ' draw:opacity="%d%%"' % opacity
        g += " " + extra
        if columns:
            return self.get("graphic", '<style:graphic-properties %s><style:columns fo:column-count="%d" fo:column-gap="%s"/>'
                            '</style:graphic-properties>' % (g, columns, cm(col_gap)))
        return self.get("graphic", "<style:graphic-properties %s/>" % g)

    def list_style(self, box):
        lst = box["list"]
        size = box["size"]
        parts = []
        for lvl in range(1, 10):
            k = min(lvl, 3)
            ind = box["indent"][k] if lvl <= 3 else box["indent"][3] + 24 * (lvl - 3)
            lw = box["label_w"]
            props = '<style:list-level-properties text:space-before="%s" text:min-label-width="%s"/>' % (cm(ind), cm(lw))
            numbered = lst["type"] == "number" or (lst["type"] == "mixed" and lvl == 1)
            if numbered:
                fmt, pre, suf = NUM[lst["formats"][k - 1]]
                parts.append('<text:list-level-style-number text:level="%d" style:num-format="%s" style:num-prefix="%s" '
                             'style:num-suffix="%s" text:bullet-relative-size="100%%">%s</text:list-level-style-number>'
                             % (lvl, fmt, pre, suf, props))
            else:
                glyph = lst["glyphs"][k - 1]
                font, charset = self.d["font"], ""
                if lst["bfont"] == "opensymbol":
                    glyph, font = OPENSYMBOL.get(glyph, glyph), "OpenSymbol"
                elif lst["bfont"] == "symbol":
                    glyph, font, charset = [("\uf0b7", "Symbol", ' style:font-charset="x-symbol"'),
                                            ("o", "Courier New", ""),
                                            ("\uf0a7", "Wingdings", ' style:font-charset="x-symbol"')][k - 1]
                elif glyph in "➢✓■►▪◦●":
                    font = "DejaVu Sans"
                parts.append('<text:list-level-style-bullet text:level="%d" text:bullet-char=%s text:bullet-relative-size="%d%%">%s'
                             '<style:text-properties fo:font-family=%s%s/></text:list-level-style-bullet>'
                             % (lvl, quoteattr(glyph), 100 if k == 1 else 90, props, quoteattr(font), charset))
        return self.get("list", "".join(parts))


def ptext(s):
    """Text of a paragraph: runs of spaces as text:s."""
    out, i = [], 0
    while i < len(s):
        if s[i] == " ":
            j = i
            while j < len(s) and s[j] == " ":
                j += 1
            n = j - i
            if i == 0:
                out.append('<text:s text:c="%d"/>' % n)
            else:
                out.append(" " + ('<text:s text:c="%d"/>' % (n - 1) if n > 1 else ""))
            i = j
        else:
            out.append(escape(s[i]))
            i += 1
    return "".join(out)


def segs_xml(segs):
    return "<text:line-break/>".join(ptext(x) for x in segs)


def frame(x, y, w, h, style, inner, extra=""):
    return ('<draw:frame draw:style-name="%s" svg:x="%s" svg:y="%s" svg:width="%s" svg:height="%s"%s>'
            '<draw:text-box>%s</draw:text-box></draw:frame>' % (style, cm(x), cm(y), cm(w), cm(h), extra, inner))


def text_box_xml(st, d, box, hyph):
    lst = box["list"]
    size = box["size"]
    out = []
    stack = []  # open list levels
    lstyle = st.list_style(box) if lst["type"] != "none" else None
    paras = box["paras"]

    def close_to(level):
        while len(stack) > level:
            out.append("</text:list-item></text:list>" if len(stack) > 1 else "</text:list-item></text:list>")
            stack.pop()

    for p in paras:
        lvl = p["level"]
        fs = size if lvl <= 1 else round(size * (0.9 ** (lvl - 1)))
        ps = st.para(fs, box["align"], box["rtl"], box["line"], box["space"] if p is not paras[0] else 0, hyph=hyph)
        if lvl == 0:
            close_to(0)
            out.append('<text:p text:style-name="%s">%s</text:p>' % (ps, segs_xml(p["text"])))
            continue
        if len(stack) >= lvl:
            close_to(lvl)
            out.append("</text:list-item><text:list-item>")
        else:
            while len(stack) < lvl:
                if not stack:
                    out.append('<text:list text:style-name="%s"><text:list-item>' % lstyle)
                else:
                    out.append("<text:list><text:list-item>")
                stack.append(1)
        out.append('<text:p text:style-name="%s">%s</text:p>' % (ps, segs_xml(p["text"])))
    close_to(0)
    return "".join(out)


def table_xml(st, d, t):
    ncol = len(t["rows"][0])
    rtl = d["dir"] == "rtl"
    colw = t["w"] / ncol
    cs = st.get("table-column", '<style:table-column-properties style:column-width="%s"/>' % cm(colw))
    out = ['<table:table>'] + ['<table:table-column table:style-name="%s"/>' % cs] * ncol
    merge = t.get("merge")
    for ri, row in enumerate(t["rows"]):
        rs = st.get("table-row", '<style:table-row-properties style:row-height="%s"/>' % cm(t["row_h"][ri]))
        out.append('<table:table-row table:style-name="%s">' % rs)
        head = t["header"] and ri == 0
        fill = d["color"] if head else ("EEF1F6" if ri % 2 else "FFFFFF")
        cstyle = st.get("table-cell", '<style:graphic-properties draw:fill="solid" draw:fill-color="#%s" draw:textarea-vertical-align="top" '
                        'fo:padding-top="0.1cm" fo:padding-bottom="0.1cm" fo:padding-left="0.2cm" fo:padding-right="0.2cm"/>' % fill)
        ps = st.para(t["size"], "start", t["rtl"] or rtl and d["para_dir"] == "rtl", bold=head, color="FFFFFF" if head else "000000")
        cells = list(enumerate(row))
        # a right-to-left deck puts its first column on the right: write the row reversed
        order = list(reversed(cells)) if rtl else cells
        k = 0
        while k < len(order):
            ci, c = order[k]
            span = 1
            if merge and merge[0] == ri and (merge[1] == ci or (rtl and merge[1] + 1 == ci)):
                span = 2
                ci0 = merge[1]
                c = row[ci0]
            attr = ' table:number-columns-spanned="2"' if span == 2 else ""
            out.append('<table:table-cell table:style-name="%s"%s><text:p text:style-name="%s">%s</text:p></table:table-cell>'
                       % (cstyle, attr, ps, ptext(c)))
            if span == 2:
                out.append("<table:covered-table-cell/>")
                k += 2
            else:
                k += 1
        out.append("</table:table-row>")
    out.append("</table:table>")
    return ('<draw:frame draw:style-name="%s" svg:x="%s" svg:y="%s" svg:width="%s" svg:height="%s">%s</draw:frame>'
            % (st.graphic(), cm(t["x"]), cm(t["y"]), cm(t["w"]), cm(t["h"]), "".join(out)))


def code_xml(st, d, c):
    ps = st.para(c["size"], "start", False, 1.0, 0, font=d["mono"])
    inner = "".join('<text:p text:style-name="%s">%s</text:p>' % (ps, ptext(l) if l else "") for l in c["lines"])
    g = st.graphic(fill="F2F2F2", stroke="BBBBBB", pad=(0.2, 0.3))
    return frame(c["x"], c["y"], c["w"], c["h"], g, inner)


def agenda_xml(st, d, a):
    rtl = a["rtl"]
    w = a["w"] - 20
    ps = st.para(a["size"], "start", rtl, 1.3, 0, tabs=[(w, "right" if not rtl else "left")])
    inner = "".join('<text:p text:style-name="%s">%s<text:tab/>%s</text:p>' % (ps, ptext(n), p) for n, p in a["rows"])
    return frame(a["x"], a["y"], a["w"], a["h"], st.graphic(), inner)


def furniture_xml(st, d, i, s):
    if s["layout"] == "title":
        return ""
    W, H = d["page"]
    out = []
    rtl = d["dir"] == "rtl"
    size = 11
    y = H - 26
    g = st.graphic(pad=(0, 0.1), valign="middle")
    if d["footer"]:
        ps = st.para(size, "start", rtl and d["para_dir"] == "rtl", color="666666")
        x = 36 if not rtl else W - 36 - 340
        out.append(frame(x, y, 340, 20, g, '<text:p text:style-name="%s">%s</text:p>' % (ps, ptext(d["footer"]))))
    if d["date"]:
        ps = st.para(size, "center", False, color="666666")
        out.append(frame(W / 2 + 30 if not rtl else W / 2 - 150, y, 120, 20, g, '<text:p text:style-name="%s">%s</text:p>' % (ps, ptext(d["date"]))))
    if d["numbers"]:
        t = number_text(d, i + 1, len(d["slides"]))
        ps = st.para(size, "end" if not rtl else "start", False, color="666666")
        x = W - 36 - 90 if not rtl else 36
        out.append(frame(x, y, 90, 20, g, '<text:p text:style-name="%s">%s</text:p>' % (ps, ptext(t))))
    return "".join(out)


def watermark_xml(st, d):
    wm = d["watermark"]
    if not wm:
        return ""
    W, H = d["page"]
    size = 110 if wm["style"] == "diagonal" else 90
    ps = st.para(size, "center", False, color="E3E3E3", bold=True)
    g = st.graphic(pad=(0, 0), valign="middle")
    w, h = W * 0.8, size * 1.6
    inner = '<text:p text:style-name="%s">%s</text:p>' % (ps, ptext(wm["text"]))
    if wm["style"] == "horizontal":
        return frame((W - w) / 2, (H - h) / 2 + 20, w, h, g, inner)
    import math
    a = math.radians(25)
    # rotate about the frame's centre: ODF rotates about the origin, so translate afterwards
    cx, cy = W / 2, H / 2 + 10
    x0 = cx - (w / 2 * math.cos(a) + h / 2 * math.sin(a))
    y0 = cy - (-w / 2 * math.sin(a) + h / 2 * math.cos(a))
    tr = ' draw:transform="rotate (%.5f) translate (%s %s)"' % (a, cm(x0), cm(y0))
    return ('<draw:frame draw:style-name="%s" svg:width="%s" svg:height="%s"%s><draw:text-box>%s</draw:text-box></draw:frame>'
            % (g, cm(w), cm(h), tr, inner))


def title_xml(st, d, s):
    W, H = d["page"]
    out = []
    lay = s["layout"]
    rtl_p = d["para_dir"] == "rtl"
    if lay == "title":
        ts = s["title_size"]
        ps = st.para(ts, s["title_align"], rtl_p, bold=True, color=d["color"])
        out.append(frame(40, H * 0.22, W - 80, ts * 2.9, st.graphic(valign="bottom"), '<text:p text:style-name="%s">%s</text:p>' % (ps, ptext(s["title"]))))
        ps2 = st.para(20, s["title_align"], rtl_p, space=6, color="444444")
        inner = "".join('<text:p text:style-name="%s">%s</text:p>' % (ps2, ptext(t)) for t in s["subtitle"])
        out.append(frame(40, H * 0.22 + ts * 2.9 + 10, W - 80, 90, st.graphic(), inner))
        return "".join(out)
    if lay == "section":
        ts = s["title_size"]
        fill = s.get("section_fill")
        if fill:
            out.append('<draw:rect draw:style-name="%s" svg:x="0cm" svg:y="0cm" svg:width="%s" svg:height="%s"/>'
                       % (st.graphic(fill=d["color"]), cm(W), cm(H)))
        ps = st.para(ts, "center", rtl_p, bold=True, color="FFFFFF" if fill else d["color"])
        out.append(frame(40, H * 0.3, W - 80, H * 0.4, st.graphic(valign="middle"), '<text:p text:style-name="%s">%s</text:p>' % (ps, ptext(s["title"]))))
        return "".join(out)
    if lay in ("blank", "picture"):
        return ""
    x, y, w, h = s["title_box"]
    band = d["title_style"] == "band"
    if band:
        out.append('<draw:rect draw:style-name="%s" svg:x="0cm" svg:y="0cm" svg:width="%s" svg:height="%s"/>'
                   % (st.graphic(fill=d["color"]), cm(W), cm(s["band_h"])))
    ps = st.para(s["title_size"], "start", rtl_p, bold=True, color="FFFFFF" if band else d["color"])
    out.append(frame(x, y, w, h, st.graphic(), '<text:p text:style-name="%s">%s</text:p>' % (ps, ptext(s["title"]))))
    if d["title_style"] == "rule":
        ly = y + s["title_lines"] * s["title_size"] * 1.25 + 10
        out.append('<draw:line draw:style-name="%s" svg:x1="%s" svg:y1="%s" svg:x2="%s" svg:y2="%s"/>'
                   % (st.get("graphic", '<style:graphic-properties draw:stroke="solid" svg:stroke-color="#%s" svg:stroke-width="0.05cm"/>' % d["color"]),
                      cm(x), cm(ly), cm(x + w), cm(ly)))
    return "".join(out)


def slide_xml(st, d, i, s, pic_dir):
    out = [watermark_xml(st, d), title_xml(st, d, s)]
    hyph = d["hyphenate"]
    if s["layout"] == "picture":
        png = pictures.fake_slide_png(d, s)
        W, H = d["page"]
        out.append('<draw:frame draw:style-name="%s" svg:x="0cm" svg:y="0cm" svg:width="%s" svg:height="%s"><draw:image>'
                   '<office:binary-data>%s</office:binary-data></draw:image></draw:frame>'
                   % (st.graphic(), cm(W), cm(H), base64.b64encode(png).decode()))
    for box in s["boxes"]:
        k = box["kind"]
        if k == "text":
            g = st.graphic(columns=box.get("columns", 0), col_gap=box.get("col_gap", 0))
            out.append(frame(box["x"], box["y"], box["w"], box["h"], g, text_box_xml(st, d, box, hyph)))
        elif k == "sidenote":
            ps = st.para(box["size"], box["align"], box["rtl"], color="555555", hyph=hyph)
            out.append(frame(box["x"], box["y"], box["w"], box["h"], st.graphic(stroke="999999", pad=(0.15, 0.2)),
                             '<text:p text:style-name="%s">%s</text:p>' % (ps, ptext(box["text"]))))
        elif k == "table":
            out.append(table_xml(st, d, box))
        elif k == "code":
            out.append(code_xml(st, d, box))
        elif k == "agenda":
            out.append(agenda_xml(st, d, box))
    if d.get("overlay_logo") and s["boxes"] and s["boxes"][0]["kind"] == "text":
        x, y, w, h = pictures.logo_place(s["boxes"][0])
        out.append('<draw:frame draw:style-name="%s" svg:x="%s" svg:y="%s" svg:width="%s" svg:height="%s"><draw:image>'
                   '<office:binary-data>%s</office:binary-data></draw:image></draw:frame>'
                   % (st.graphic(), cm(x), cm(y), cm(w), cm(h), base64.b64encode(pictures.logo_png(d["color"])).decode()))
    out.append(furniture_xml(st, d, i, s))
    notes = ""
    if s.get("notes"):
        ps = st.para(12, "start", d["para_dir"] == "rtl", space=4)
        inner = "".join('<text:p text:style-name="%s">%s</text:p>' % (ps, ptext(t)) for t in s["notes"])
        notes = ('<presentation:notes><draw:page-thumbnail svg:x="1.5cm" svg:y="2cm" svg:width="18cm" svg:height="%s" '
                 'draw:page-number="%d" presentation:class="page"/>'
                 '<draw:frame presentation:class="notes" presentation:style-name="%s" svg:x="2cm" svg:y="%s" svg:width="17cm" svg:height="12cm">'
                 '<draw:text-box>%s</draw:text-box></draw:frame></presentation:notes>'
                 % (cm(18 / 2.54 * 72 * d["page"][1] / d["page"][0]), i + 1,
                    st.get("presentation", '<style:graphic-properties draw:fill="none" draw:stroke="none" draw:auto-grow-height="false"/>'),
                    cm(2 / 2.54 * 72 + 18 / 2.54 * 72 * d["page"][1] / d["page"][0] + 30), inner))
    return ('<draw:page draw:name="page%d" draw:master-page-name="Default" draw:style-name="%s">%s%s</draw:page>'
            % (i + 1, st.get("drawing-page", '<style:drawing-page-properties draw:fill="none" presentation:background-visible="true"/>'),
               "".join(out), notes))


def write(d, path):
    st = Styles(d)
    W, H = d["page"]
    pages = "".join(slide_xml(st, d, i, s, None) for i, s in enumerate(d["slides"]))
    doc = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document %s office:version="1.3" '
           'office:mimetype="application/vnd.oasis.opendocument.presentation">'
           '<office:meta><dc:title>%s</dc:title><dc:language>%s</dc:language></office:meta>'
           '<office:styles><style:default-style style:family="graphic"/></office:styles>'
           '<office:automatic-styles>'
           '<style:page-layout style:name="PM1"><style:page-layout-properties fo:margin-top="0cm" fo:margin-bottom="0cm" '
           'fo:margin-left="0cm" fo:margin-right="0cm" fo:page-width="%s" fo:page-height="%s" style:print-orientation="landscape"/></style:page-layout>'
           '<style:page-layout style:name="PM2"><style:page-layout-properties fo:margin-top="0cm" fo:margin-bottom="0cm" '
           'fo:margin-left="0cm" fo:margin-right="0cm" fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait"/></style:page-layout>'
           '%s</office:automatic-styles>'
           '<office:master-styles><style:master-page style:name="Default" style:page-layout-name="PM1">'
           '<presentation:notes style:page-layout-name="PM2"><draw:page-thumbnail svg:x="1.5cm" svg:y="2cm" svg:width="18cm" svg:height="%s" presentation:class="page"/>'
           '<draw:frame presentation:class="notes" svg:x="2cm" svg:y="14cm" svg:width="17cm" svg:height="12cm"><draw:text-box/></draw:frame></presentation:notes>'
           '</style:master-page></office:master-styles>'
           '<office:body><office:presentation>%s</office:presentation></office:body></office:document>\n'
           % (NS, escape(d["slides"][0]["title"] or d["id"]), LOCALE[d["lang"]][0], cm(W), cm(H), "".join(st.out),
              cm(18 / 2.54 * 72 * H / W), pages))
    with open(path, "w", encoding="utf-8") as f:
        f.write(doc)

"""impress-pptx: an Office Open XML presentation written with zipfile (python-pptx is not in
Debian 12), converted by LibreOffice Impress as a PowerPoint file a speaker sends usually is.

A minimal valid package: presentation.xml, one slide master, one layout, a theme, the slides,
a notes master and notes slides where the spec has notes. Paragraphs use real DrawingML
properties: a:pPr rtl/algn/marL/indent/lvl, a:lnSpc, a:spcBef, a:buFont/a:buChar/a:buAutoNum/
a:buNone, a:br for Shift+Enter; tables are a:tbl in a p:graphicFrame.
"""
import math
import zipfile
from xml.sax.saxutils import escape, quoteattr

from common import LOCALE
import pictures
from truth import number_text

EMU = 12700  # per point
A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
P = 'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
NS = "%s %s %s" % (A, R, P)
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.presentationml"
AUTONUM = {"1.": "arabicPeriod", "1)": "arabicParenR", "a)": "alphaLcParenR", "A.": "alphaUcPeriod",
           "i.": "romanLcPeriod", "I.": "romanUcPeriod", "(a)": "alphaLcParenBoth", "(1)": "arabicParenBoth",
           "a.": "alphaLcPeriod"}
WINGDINGS = {"▪": "§", "➢": "Ø", "✓": "ü", "■": "n", "•": "l"}


def e(pt):
    return int(round(pt * EMU))


def lang_tag(d):
    l, c, _ = LOCALE[d["lang"]]
    return "%s-%s" % (l, c)


class Shapes:
    def __init__(self, d):
        self.d = d
        self.n = 1
        self.out = []
        self.rels = []  # (rId, type, target)

    def nid(self):
        self.n += 1
        return self.n


def rpr(d, size, bold=False, color="000000", font=None, tag="a:rPr"):
    font = font or d["font"]
    return ('<%s lang="%s" sz="%d"%s dirty="0"><a:solidFill><a:srgbClr val="%s"/></a:solidFill>'
            '<a:latin typeface=%s/><a:ea typeface=%s/><a:cs typeface=%s/></%s>'
            % (tag, lang_tag(d), round(size * 100), ' b="1"' if bold else ' b="0"', color,
               quoteattr(font), quoteattr(font), quoteattr(font), tag))


def runs(d, segs, size, bold=False, color="000000", font=None):
    out = []
    for k, s in enumerate(segs):
        if k:
            out.append("<a:br>%s</a:br>" % rpr(d, size, bold, color, font))
        out.append("<a:r>%s<a:t>%s</a:t></a:r>" % (rpr(d, size, bold, color, font), escape(s)))
    return "".join(out)


def algn(a, rtl):
    # DrawingML alignment is physical: start is right in a right-to-left paragraph
    if a == "start":
        return "r" if rtl else "l"
    if a == "end":
        return "l" if rtl else "r"
    return {"center": "ctr", "justify": "just"}[a]


def para(d, segs, size, align="start", rtl=False, line=1.0, space=0, bold=False, color="000000", font=None,
         marL=0, indent=0, lvl=0, bullet=None, tabs=None):
    ppr = 'marL="%d" indent="%d" lvl="%d" algn="%s" rtl="%d"' % (e(marL), e(indent), lvl, algn(align, rtl), 1 if rtl else 0)
    inner = ""
    if line != 1.0:
        inner += '<a:lnSpc><a:spcPct val="%d"/></a:lnSpc>' % round(line * 100000)
    inner += '<a:spcBef><a:spcPts val="%d"/></a:spcBef>' % round(space * 100)
    if bullet is None:
        inner += "<a:buNone/>"
    else:
        inner += bullet
    if tabs:
        inner += "<a:tabLst>%s</a:tabLst>" % "".join('<a:tab pos="%d" algn="%s"/>' % (e(p), a) for p, a in tabs)
    return "<a:p><a:pPr %s>%s</a:pPr>%s%s</a:p>" % (ppr, inner, runs(d, segs, size, bold, color, font),
                                                    rpr(d, size, bold, color, font, "a:endParaRPr"))


def sp(sh, name, x, y, w, h, body, fill=None, line=None, anchor="t", ph=None, rot=0, ins=(7.2, 3.6), alpha=None, cols=0, col_gap=0):
    nid = sh.nid()
    nvpr = '<p:nvPr><p:ph type="%s"%s/></p:nvPr>' % (ph, ' idx="1"' if ph == "body" else "") if ph else "<p:nvPr/>"
    cnv = "<p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr>" if ph else '<p:cNvSpPr txBox="1"/>'
    fillx = "<a:noFill/>"
    if fill:
        fillx = '<a:solidFill><a:srgbClr val="%s">%s</a:srgbClr></a:solidFill>' % (fill, '<a:alpha val="%d"/>' % (alpha * 1000) if alpha else "")
    linex = '<a:ln w="9525"><a:solidFill><a:srgbClr val="%s"/></a:solidFill></a:ln>' % line if line else "<a:ln><a:noFill/></a:ln>"
    xfrm = '<a:xfrm%s><a:off x="%d" y="%d"/><a:ext cx="%d" cy="%d"/></a:xfrm>' % (
        ' rot="%d"' % rot if rot else "", e(x), e(y), e(w), e(h))
    txb = ""
    if body is not None:
        colx = ' numCol="%d" spcCol="%d"' % (cols, e(col_gap)) if cols else ""
        txb = ('<p:txBody><a:bodyPr wrap="square" lIns="%d" tIns="%d" rIns="%d" bIns="%d" anchor="%s" rtlCol="%d"%s>'
               '<a:noAutofit/></a:bodyPr><a:lstStyle/>%s</p:txBody>'
               % (e(ins[0]), e(ins[1]), e(ins[0]), e(ins[1]), anchor, 1 if (cols and sh.d["dir"] == "rtl") else 0, colx, body))
    sh.out.append('<p:sp><p:nvSpPr><p:cNvPr id="%d" name="%s %d"/>%s%s</p:nvSpPr><p:spPr>%s<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>%s%s</p:spPr>%s</p:sp>'
                  % (nid, name, nid, cnv, nvpr, xfrm, fillx, linex, txb))


def bullet_xml(d, box, lvl, counters):
    lst = box["list"]
    k = min(lvl, 3)
    numbered = lst["type"] == "number" or (lst["type"] == "mixed" and lvl == 1)
    if numbered:
        return '<a:buFont typeface="+mj-lt"/><a:buAutoNum type="%s"/>' % AUTONUM[lst["formats"][k - 1]]
    g = lst["glyphs"][k - 1]
    if lst["bfont"] == "symbol":
        font, ch = [("Symbol", "\uf0b7"), ("Courier New", "o"), ("Wingdings", "\u00a7")][k - 1]
        return '<a:buFont typeface="%s" pitchFamily="2" charset="2"/><a:buChar char=%s/>' % (font, quoteattr(ch))
    if lst["bfont"] == "wingdings":
        return '<a:buFont typeface="Wingdings" pitchFamily="2" charset="2"/><a:buChar char=%s/>' % quoteattr(WINGDINGS.get(g, "§"))
    font = "Arial" if g in "•–·" else "DejaVu Sans"
    return '<a:buFont typeface="%s"/><a:buChar char=%s/>' % (font, quoteattr(g))


def text_body(d, box):
    out = []
    counters = {}
    for i, p in enumerate(box["paras"]):
        lvl = p["level"]
        size = box["size"] if lvl <= 1 else round(box["size"] * (0.9 ** (lvl - 1)))
        space = box["space"] if i else 0
        if lvl == 0:
            out.append(para(d, p["text"], size, box["align"], box["rtl"], box["line"], space))
        else:
            lw = box["label_w"]
            marL = box["indent"][lvl] + lw
            out.append(para(d, p["text"], size, box["align"], box["rtl"], box["line"], space, marL=marL, indent=-lw,
                            lvl=lvl - 1, bullet=bullet_xml(d, box, lvl, counters)))
    return "".join(out)


def table_frame(sh, d, t):
    ncol = len(t["rows"][0])
    rtl = d["dir"] == "rtl"
    cw = t["w"] / ncol
    grid = "".join('<a:gridCol w="%d"/>' % e(cw) for _ in range(ncol))
    rows = []
    merge = t.get("merge")
    for ri, row in enumerate(t["rows"]):
        head = t["header"] and ri == 0
        fill = d["color"] if head else ("EEF1F6" if ri % 2 else "FFFFFF")
        cells = []
        order = list(range(ncol))
        if rtl:
            order.reverse()
        k = 0
        while k < ncol:
            ci = order[k]
            span = 1
            text = row[ci]
            if merge and merge[0] == ri and ((not rtl and merge[1] == ci) or (rtl and merge[1] + 1 == ci)):
                span, text = 2, row[merge[1]]
            p = para(d, [text] if text else [""], t["size"], "start", t["rtl"], 1.0, 0, bold=head,
                     color="FFFFFF" if head else "000000")
            tcpr = ('<a:tcPr marL="91440" marR="91440" marT="45720" marB="45720">'
                    '<a:lnL w="6350"><a:solidFill><a:srgbClr val="BBBBBB"/></a:solidFill></a:lnL>'
                    '<a:lnR w="6350"><a:solidFill><a:srgbClr val="BBBBBB"/></a:solidFill></a:lnR>'
                    '<a:lnT w="6350"><a:solidFill><a:srgbClr val="BBBBBB"/></a:solidFill></a:lnT>'
                    '<a:lnB w="6350"><a:solidFill><a:srgbClr val="BBBBBB"/></a:solidFill></a:lnB>'
                    '<a:solidFill><a:srgbClr val="%s"/></a:solidFill></a:tcPr>' % fill)
            cells.append('<a:tc%s><a:txBody><a:bodyPr/><a:lstStyle/>%s</a:txBody>%s</a:tc>'
                         % (' gridSpan="2"' if span == 2 else "", p, tcpr))
            if span == 2:
                cells.append('<a:tc hMerge="1"><a:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="en-GB"/></a:p></a:txBody><a:tcPr/></a:tc>')
                k += 2
            else:
                k += 1
        rows.append('<a:tr h="%d">%s</a:tr>' % (e(t["row_h"][ri]), "".join(cells)))
    nid = sh.nid()
    sh.out.append('<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="%d" name="Table %d"/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>'
                  '<p:xfrm><a:off x="%d" y="%d"/><a:ext cx="%d" cy="%d"/></p:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table">'
                  '<a:tbl><a:tblPr firstRow="%d" bandRow="1"/><a:tblGrid>%s</a:tblGrid>%s</a:tbl></a:graphicData></a:graphic></p:graphicFrame>'
                  % (nid, nid, e(t["x"]), e(t["y"]), e(t["w"]), e(t["h"]), 1 if t["header"] else 0, grid, "".join(rows)))


def picture(sh, d, x, y, w, h, rid):
    nid = sh.nid()
    sh.out.append('<p:pic><p:nvPicPr><p:cNvPr id="%d" name="Picture %d"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>'
                  '<p:blipFill><a:blip r:embed="%s"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
                  '<p:spPr><a:xfrm><a:off x="%d" y="%d"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>'
                  % (nid, nid, rid, e(x), e(y), e(w), e(h)))


def slide_xml(d, i, s, media):
    sh = Shapes(d)
    W, H = d["page"]
    rtl_p = d["para_dir"] == "rtl"
    rtl = d["dir"] == "rtl"
    wm = d["watermark"]
    if wm:
        size = 110 if wm["style"] == "diagonal" else 90
        w, h = W * 0.8, size * 1.6
        body = para(d, [wm["text"]], size, "center", False, bold=True, color="E3E3E3")
        sh_rot = -1500000 if wm["style"] == "diagonal" else 0
        sp(sh, "Watermark", (W - w) / 2, (H - h) / 2 + 10, w, h, body, anchor="ctr", rot=sh_rot)
    lay = s["layout"]
    if lay == "title":
        ts = s["title_size"]
        sp(sh, "Title", 40, H * 0.22, W - 80, ts * 2.9, para(d, [s["title"]], ts, s["title_align"], rtl_p, bold=True, color=d["color"]),
           anchor="b", ph="ctrTitle")
        body = "".join(para(d, [t], 20, s["title_align"], rtl_p, space=6, color="444444") for t in s["subtitle"])
        sp(sh, "Subtitle", 40, H * 0.22 + ts * 2.9 + 10, W - 80, 90, body)
    elif lay == "section":
        ts = s["title_size"]
        if s.get("section_fill"):
            sp(sh, "Background", 0, 0, W, H, None, fill=d["color"])
        sp(sh, "Title", 40, H * 0.3, W - 80, H * 0.4,
           para(d, [s["title"]], ts, "center", rtl_p, bold=True, color="FFFFFF" if s.get("section_fill") else d["color"]),
           anchor="ctr", ph="title")
    elif lay == "picture":
        media.append(pictures.fake_slide_png(d, s))
        sh.rels.append(("rIdImg", REL + "/image", "../media/image%d.png" % len(media)))
        picture(sh, d, 0, 0, W, H, "rIdImg")
    elif lay != "blank":
        x, y, w, h = s["title_box"]
        band = d["title_style"] == "band"
        if band:
            sp(sh, "Band", 0, 0, W, s["band_h"], None, fill=d["color"])
        sp(sh, "Title", x, y, w, h, para(d, [s["title"]], s["title_size"], "start", rtl_p, bold=True,
                                             color="FFFFFF" if band else d["color"]), ph="title")
        if d["title_style"] == "rule":
            ly = y + s["title_lines"] * s["title_size"] * 1.25 + 10
            sp(sh, "Rule", x, ly, w, 1.5, None, fill=d["color"])
    for bi, box in enumerate(s["boxes"]):
        k = box["kind"]
        if k == "text":
            sp(sh, "Content", box["x"], box["y"], box["w"], box["h"], text_body(d, box), ph="body" if bi == 0 else None,
               cols=box.get("columns", 0), col_gap=box.get("col_gap", 0))
        elif k == "sidenote":
            sp(sh, "Note", box["x"], box["y"], box["w"], box["h"],
               para(d, [box["text"]], box["size"], box["align"], box["rtl"], color="555555"), line="999999", ins=(5.7, 4.3))
        elif k == "table":
            table_frame(sh, d, box)
        elif k == "code":
            body = "".join(para(d, [l], box["size"], "start", False, font=d["mono"]) for l in box["lines"])
            sp(sh, "Code", box["x"], box["y"], box["w"], box["h"], body, fill="F2F2F2", line="BBBBBB", ins=(8.5, 5.7))
        elif k == "agenda":
            w = box["w"] - 20
            body = "".join(para(d, [n + "\t" + p], box["size"], "start", box["rtl"], 1.3, 0,
                                tabs=[(w, "r" if not box["rtl"] else "l")]) for n, p in box["rows"])
            sp(sh, "Agenda", box["x"], box["y"], box["w"], box["h"], body)
    if d.get("overlay_logo") and s["boxes"] and s["boxes"][0]["kind"] == "text":
        media.append(pictures.logo_png(d["color"]))
        sh.rels.append(("rIdLogo", REL + "/image", "../media/image%d.png" % len(media)))
        picture(sh, d, *pictures.logo_place(s["boxes"][0]), "rIdLogo")
    if lay != "title":
        size, y = 11, H - 26
        if d["footer"]:
            x = 36 if not rtl else W - 36 - 340
            sp(sh, "Footer", x, y, 340, 20, para(d, [d["footer"]], size, "start", rtl and rtl_p, color="666666"), anchor="ctr", ins=(2.8, 0))
        if d["date"]:
            sp(sh, "Date", W / 2 + 30 if not rtl else W / 2 - 150, y, 120, 20, para(d, [d["date"]], size, "center", False, color="666666"),
               anchor="ctr", ins=(2.8, 0))
        if d["numbers"]:
            x = W - 36 - 90 if not rtl else 36
            sp(sh, "Number", x, y, 90, 20, para(d, [number_text(d, i + 1, len(d["slides"]))], size, "end" if not rtl else "start", False,
                                                 color="666666"), anchor="ctr", ins=(2.8, 0))
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:sld %s><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/>'
           '<p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>%s</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>'
           % (NS, "".join(sh.out)))
    return xml, sh.rels


def notes_xml(d, i, s):
    body = "".join(para(d, [t], 12, "start", d["para_dir"] == "rtl", space=4) for t in s["notes"])
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:notes %s><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/>'
            '<p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>'
            '<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image 1"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr>'
            '<p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="381000" y="685800"/><a:ext cx="6096000" cy="%d"/></a:xfrm></p:spPr></p:sp>'
            '<p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes Placeholder 2"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>'
            '<p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="685800" y="%d"/><a:ext cx="5486400" cy="3600000"/></a:xfrm></p:spPr>'
            '<p:txBody><a:bodyPr/><a:lstStyle/>%s</p:txBody></p:sp></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>'
            % (NS, int(6096000 * d["page"][1] / d["page"][0]), 685800 + int(6096000 * d["page"][1] / d["page"][0]) + 400000, body))


THEME = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<a:theme %s name="Office Theme"><a:themeElements>'
         '<a:clrScheme name="Office"><a:dk1><a:srgbClr val="000000"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1>'
         '<a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2><a:accent1><a:srgbClr val="4472C4"/></a:accent1>'
         '<a:accent2><a:srgbClr val="ED7D31"/></a:accent2><a:accent3><a:srgbClr val="A5A5A5"/></a:accent3><a:accent4><a:srgbClr val="FFC000"/></a:accent4>'
         '<a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6><a:hlink><a:srgbClr val="0563C1"/></a:hlink>'
         '<a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme>'
         '<a:fontScheme name="Office"><a:majorFont><a:latin typeface="%s"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>'
         '<a:minorFont><a:latin typeface="%s"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme>'
         '<a:fmtScheme name="Office"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
         '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>'
         '<a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst>'
         '<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>'
         '<a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
         '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>')
CLRMAP = ('<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" '
          'accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>')
EMPTY_TREE = '<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/></p:spTree>'


def rels(items):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">%s</Relationships>'
            % "".join('<Relationship Id="%s" Type="%s" Target="%s"/>' % it for it in items))


def write(d, path):
    W, H = d["page"]
    n = len(d["slides"])
    has_notes = any(s.get("notes") for s in d["slides"])
    media = []
    z = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED)
    over = ['<Override PartName="/ppt/presentation.xml" ContentType="%s.presentation.main+xml"/>' % CT,
            '<Override PartName="/ppt/slideMasters/slideMaster1.xml" ContentType="%s.slideMaster+xml"/>' % CT,
            '<Override PartName="/ppt/slideLayouts/slideLayout1.xml" ContentType="%s.slideLayout+xml"/>' % CT,
            '<Override PartName="/ppt/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>']
    pres_rels = [("rId1", REL + "/slideMaster", "slideMasters/slideMaster1.xml"), ("rId2", REL + "/theme", "theme/theme1.xml")]
    sld_ids = []
    for i, s in enumerate(d["slides"]):
        xml, srels = slide_xml(d, i, s, media)
        z.writestr("ppt/slides/slide%d.xml" % (i + 1), xml)
        sr = [("rId1", REL + "/slideLayout", "../slideLayouts/slideLayout1.xml")] + srels
        if s.get("notes"):
            sr.append(("rIdN", REL + "/notesSlide", "../notesSlides/notesSlide%d.xml" % (i + 1)))
            z.writestr("ppt/notesSlides/notesSlide%d.xml" % (i + 1), notes_xml(d, i, s))
            z.writestr("ppt/notesSlides/_rels/notesSlide%d.xml.rels" % (i + 1),
                       rels([("rId1", REL + "/notesMaster", "../notesMasters/notesMaster1.xml"),
                             ("rId2", REL + "/slide", "../slides/slide%d.xml" % (i + 1))]))
            over.append('<Override PartName="/ppt/notesSlides/notesSlide%d.xml" ContentType="%s.notesSlide+xml"/>' % (i + 1, CT))
        z.writestr("ppt/slides/_rels/slide%d.xml.rels" % (i + 1), rels(sr))
        over.append('<Override PartName="/ppt/slides/slide%d.xml" ContentType="%s.slide+xml"/>' % (i + 1, CT))
        pres_rels.append(("rIdS%d" % (i + 1), REL + "/slide", "slides/slide%d.xml" % (i + 1)))
        sld_ids.append('<p:sldId id="%d" r:id="rIdS%d"/>' % (256 + i, i + 1))
    for k, png in enumerate(media):
        z.writestr("ppt/media/image%d.png" % (k + 1), png)
    notes_master = ""
    if has_notes:
        pres_rels.append(("rIdNM", REL + "/notesMaster", "notesMasters/notesMaster1.xml"))
        notes_master = '<p:notesMasterIdLst><p:notesMasterId r:id="rIdNM"/></p:notesMasterIdLst>'
        z.writestr("ppt/notesMasters/notesMaster1.xml",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:notesMaster %s><p:cSld>%s</p:cSld>%s</p:notesMaster>'
                   % (NS, EMPTY_TREE, CLRMAP))
        z.writestr("ppt/notesMasters/_rels/notesMaster1.xml.rels", rels([("rId1", REL + "/theme", "../theme/theme2.xml")]))
        z.writestr("ppt/theme/theme2.xml", THEME % (A, d["font"], d["font"]))
        over.append('<Override PartName="/ppt/notesMasters/notesMaster1.xml" ContentType="%s.notesMaster+xml"/>' % CT)
        over.append('<Override PartName="/ppt/theme/theme2.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>')
    z.writestr("[Content_Types].xml",
               '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
               '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
               '<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>%s</Types>' % "".join(over))
    z.writestr("_rels/.rels", rels([("rId1", REL + "/officeDocument", "ppt/presentation.xml")]))
    z.writestr("ppt/presentation.xml",
               '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:presentation %s saveSubsetFonts="1">'
               '<p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>%s<p:sldIdLst>%s</p:sldIdLst>'
               '<p:sldSz cx="%d" cy="%d"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>'
               % (NS, notes_master, "".join(sld_ids), e(W), e(H)))
    z.writestr("ppt/_rels/presentation.xml.rels", rels(pres_rels))
    z.writestr("ppt/slideMasters/slideMaster1.xml",
               '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:sldMaster %s><p:cSld><p:bg><p:bgPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>'
               '<a:effectLst/></p:bgPr></p:bg>%s</p:cSld>%s<p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/></p:sldLayoutIdLst>'
               '<p:txStyles><p:titleStyle><a:lvl1pPr algn="l"><a:defRPr sz="3200"/></a:lvl1pPr></p:titleStyle>'
               '<p:bodyStyle><a:lvl1pPr><a:defRPr sz="2000"/></a:lvl1pPr></p:bodyStyle><p:otherStyle><a:lvl1pPr><a:defRPr sz="1800"/></a:lvl1pPr></p:otherStyle></p:txStyles></p:sldMaster>'
               % (NS, EMPTY_TREE, CLRMAP))
    z.writestr("ppt/slideMasters/_rels/slideMaster1.xml.rels",
               rels([("rId1", REL + "/slideLayout", "../slideLayouts/slideLayout1.xml"), ("rId2", REL + "/theme", "../theme/theme1.xml")]))
    z.writestr("ppt/slideLayouts/slideLayout1.xml",
               '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:sldLayout %s type="blank" preserve="1"><p:cSld name="Blank">%s</p:cSld>'
               '<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>' % (NS, EMPTY_TREE))
    z.writestr("ppt/slideLayouts/_rels/slideLayout1.xml.rels", rels([("rId1", REL + "/slideMaster", "../slideMasters/slideMaster1.xml")]))
    z.writestr("ppt/theme/theme1.xml", THEME % (A, d["font"], d["font"]))
    z.close()

#!/usr/bin/env python3
"""Build the sample decks in samples/ from their sources in samples/src/.

Each source (samples/src/NAME.deck) is a small text format:

    # comment
    @key: value          deck settings: title, lang, dir (ltr|rtl), tool (impress|beamer),
                         footer, numbers (yes|no), author, institute, date,
                         bodywidth (cm, width of the text area)
    = KIND [overlay]     a new slide: title | section | content | two-column
    first line           the slide title
    * text / ** / ***    a bullet at level 1 / 2 / 3
    # text               a numbered item at level 1
    . text               a paragraph (level 0)
    |                    (two-column) the rest goes into the right-hand column

For every source this writes:
  - the presentation source handed to a real presentation tool: a flat ODP file for
    LibreOffice Impress, or a LaTeX file for Beamer (kept in build/samples/);
  - samples/NAME.pdf, made by that tool (soffice --headless --convert-to pdf, pdflatex);
  - samples/NAME.truth.json, the ground truth taken from the source itself: what a
    correct extraction must return (kinds, titles, block levels and texts).

The truth is derived from what the author wrote, never from deckhand's output.
Run through scripts/make-samples.sh, which also installs the tools.
"""
import json
import os
import re
import subprocess
import sys
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "samples", "src")
OUT = os.path.join(ROOT, "samples")
BUILD = os.path.join(ROOT, "build", "samples")


def parse(path):
    meta = {"lang": "en", "dir": "ltr", "tool": "impress", "numbers": "no"}
    slides = []
    for raw in open(path, encoding="utf-8"):
        line = raw.rstrip("\n")
        if not line.strip() or (line.startswith("# ") and not slides):
            continue
        if line.startswith("@"):
            k, v = line[1:].split(":", 1)
            meta[k.strip()] = v.strip()
        elif line.startswith("= "):
            words = line[2:].split()
            slides.append({"kind": words[0], "overlay": "overlay" in words[1:],
                           "title": None, "cols": [[]]})
        else:
            s = slides[-1]
            if s["title"] is None:
                s["title"] = line.strip()
            elif line.strip() == "|":
                s["cols"].append([])
            else:
                m = re.match(r"^(\*{1,3}|#|\.) (.*)$", line)
                if not m:
                    sys.exit(f"{path}: cannot read line: {line!r}")
                mark, text = m.groups()
                if mark == ".":
                    item = {"level": 0, "text": text, "numbered": False}
                elif mark == "#":
                    item = {"level": 1, "text": text, "numbered": True}
                else:
                    item = {"level": len(mark), "text": text, "numbered": False}
                s["cols"][-1].append(item)
    return meta, slides


# ---------------------------------------------------------------- Impress (flat ODP)
W, H = 28.0, 15.75  # cm, LibreOffice's 16:9


def odp(meta, slides):
    rtl = meta["dir"] == "rtl"
    lang = meta["lang"]
    wm = "rl-tb" if rtl else "lr-tb"
    align = "end" if rtl else "start"
    font = {"ar": "Noto Sans Arabic", "zh": "Droid Sans Fallback"}.get(lang, "DejaVu Sans")
    ctl = 'style:font-name-complex="%s" style:font-family-complex="%s"' % (font, font)
    asian = 'style:font-family-asian="%s"' % font

    def tp(size, bold=False):
        w = ' fo:font-weight="bold" style:font-weight-complex="bold" style:font-weight-asian="bold"' if bold else ""
        return ('<style:text-properties fo:font-family="%s" %s %s fo:font-size="%spt" '
                'style:font-size-asian="%spt" style:font-size-complex="%spt"%s/>' % (font, ctl, asian, size, size, size, w))

    def para(name, size, bold=False, al=None):
        return ('<style:style style:name="%s" style:family="paragraph"><style:paragraph-properties '
                'fo:text-align="%s" style:writing-mode="%s" fo:margin-top="0.15cm"/>%s</style:style>'
                % (name, al or align, wm, tp(size, bold)))

    def bullet_levels():
        out = []
        for lvl, ch in ((1, "•"), (2, "–"), (3, "▪")):
            indent = (lvl - 1) * 1.2
            out.append(
                '<text:list-level-style-bullet text:level="%d" text:bullet-char="%s" text:bullet-relative-size="100%%">'
                '<style:list-level-properties text:space-before="%.2fcm" text:min-label-width="0.8cm"/>'
                '<style:text-properties fo:font-family="DejaVu Sans"/>'
                '</text:list-level-style-bullet>' % (lvl, ch, indent))
        return "".join(out)

    numbered = ('<text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix=".">'
                '<style:list-level-properties text:space-before="0cm" text:min-label-width="1cm"/>'
                '</text:list-level-style-number>')

    auto = [
        '<style:page-layout style:name="PM1"><style:page-layout-properties fo:margin-top="0cm" '
        'fo:margin-bottom="0cm" fo:margin-left="0cm" fo:margin-right="0cm" fo:page-width="%scm" '
        'fo:page-height="%scm" style:print-orientation="landscape"/></style:page-layout>' % (W, H),
        '<style:style style:name="dp1" style:family="drawing-page"><style:drawing-page-properties '
        'presentation:display-footer="%s" presentation:display-page-number="%s" '
        'presentation:display-date-time="false"/></style:style>'
        % ("false", "false"),
        '<style:style style:name="gr1" style:family="graphic"><style:graphic-properties draw:stroke="none" '
        'draw:fill="none" draw:auto-grow-height="false" fo:min-height="0cm" draw:textarea-vertical-align="top" '
        'fo:padding-top="0.1cm" fo:padding-bottom="0.1cm" fo:padding-left="0.2cm" fo:padding-right="0.2cm"/></style:style>',
        '<style:style style:name="gr2" style:family="graphic"><style:graphic-properties draw:stroke="none" '
        'draw:fill="none" draw:auto-grow-height="false" draw:textarea-vertical-align="middle"/></style:style>',
        para("PT", 30, True), para("PTC", 40, True, "center"), para("PS", 22, False, "center"),
        para("PB", 22), para("PF", 12), para("PN", 12, False, "end" if not rtl else "start"),
        '<text:list-style style:name="L1">%s</text:list-style>' % bullet_levels(),
        '<text:list-style style:name="L2">%s</text:list-style>' % numbered,
    ]

    def frame(x, y, w, h, body, style="gr1"):
        return ('<draw:frame draw:style-name="%s" svg:x="%.2fcm" svg:y="%.2fcm" svg:width="%.2fcm" '
                'svg:height="%.2fcm"><draw:text-box>%s</draw:text-box></draw:frame>' % (style, x, y, w, h, body))

    def p(style, text):
        return '<text:p text:style-name="%s">%s</text:p>' % (style, escape(text))

    def items(col):
        out, i = [], 0
        while i < len(col):
            it = col[i]
            if it["level"] == 0:
                out.append(p("PB", it["text"]))
                i += 1
                continue
            # one list for a run of list items; nest levels
            run = []
            while i < len(col) and col[i]["level"] > 0:
                run.append(col[i])
                i += 1
            style = "L2" if run[0]["numbered"] else "L1"
            out.append(nest(run, 1, style))
        return "".join(out)

    def nest(run, level, style):
        out = ['<text:list text:style-name="%s">' % style] if level == 1 else ["<text:list>"]
        j = 0
        while j < len(run):
            it = run[j]
            out.append("<text:list-item>" + p("PB", it["text"]))
            j += 1
            sub = []
            while j < len(run) and run[j]["level"] > level:
                sub.append(run[j])
                j += 1
            if sub:
                out.append(nest(sub, level + 1, style))
            out.append("</text:list-item>")
        out.append("</text:list>")
        return "".join(out)

    pages = []
    for n, s in enumerate(slides, 1):
        parts = []
        if s["kind"] in ("title", "section"):
            subs = s["cols"][0]
            th = 5.0 if subs else 6.0
            parts.append(frame(2.5, 3.2 if subs else 4.9, W - 5, th, p("PTC", s["title"]), "gr2"))
            if subs:
                parts.append(frame(2.5, 8.6, W - 5, 3.5, "".join(p("PS", t["text"]) for t in subs)))
        else:
            parts.append(frame(1.4, 0.6, W - 2.8, 3.2, p("PT", s["title"]), "gr2"))
            cols = s["cols"]
            body_w = float(meta.get("bodywidth", W - 2.8))
            cw = (body_w - 1.0 * (len(cols) - 1)) / len(cols)
            order = list(enumerate(cols))
            for ci, col in order:
                x = 1.4 + ci * (cw + 1.0)
                if rtl:
                    x = W - x - cw
                parts.append(frame(x, 4.0, cw, H - 5.6, items(col)))
        if meta.get("footer"):
            fx = 1.4 if not rtl else W - 1.4 - 14
            parts.append(frame(fx, H - 1.3, 14, 0.9, p("PF", meta["footer"])))
        if meta["numbers"] == "yes":
            nx = W - 1.4 - 3 if not rtl else 1.4
            parts.append(frame(nx, H - 1.3, 3, 0.9,
                               '<text:p text:style-name="PN"><text:page-number>%d</text:page-number></text:p>' % n))
        pages.append('<draw:page draw:name="page%d" draw:style-name="dp1" draw:master-page-name="Default">%s</draw:page>'
                     % (n, "".join(parts)))

    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
          'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/" '
          'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
          'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document %s office:version="1.2" '
            'office:mimetype="application/vnd.oasis.opendocument.presentation">'
            '<office:meta><dc:title>%s</dc:title><dc:language>%s</dc:language></office:meta>'
            '<office:automatic-styles>%s</office:automatic-styles>'
            '<office:master-styles><style:master-page style:name="Default" style:page-layout-name="PM1"/>'
            '</office:master-styles><office:body><office:presentation>%s</office:presentation>'
            '</office:body></office:document>\n' % (ns, escape(meta.get("title", "")), lang, "".join(auto), "".join(pages)))


# ---------------------------------------------------------------- Beamer
def tex_escape(s):
    return (s.replace("\\", r"\textbackslash{}").replace("&", r"\&").replace("%", r"\%")
            .replace("#", r"\#").replace("_", r"\_"))


def beamer(meta, slides):
    out = [r"\documentclass[aspectratio=169]{beamer}", r"\usetheme{Madrid}",
           r"\setbeamertemplate{navigation symbols}{}", r"\usepackage[T1]{fontenc}",
           r"\usepackage[utf8]{inputenc}", r"\usepackage{lmodern}",
           r"\hypersetup{pdftitle={%s}}" % tex_escape(meta["title"]),
           r"\title{%s}" % tex_escape(meta["title"]), r"\author{%s}" % tex_escape(meta["author"]),
           r"\institute{%s}" % tex_escape(meta["institute"]), r"\date{%s}" % tex_escape(meta["date"]),
           r"\begin{document}"]
    for s in slides:
        if s["kind"] == "title":
            out.append(r"\begin{frame}\titlepage\end{frame}")
            continue
        out.append(r"\begin{frame}{%s}" % tex_escape(s["title"]))
        depth = 0
        first = True
        for it in s["cols"][0]:
            while depth > it["level"]:
                out.append(r"\end{itemize}")
                depth -= 1
            while depth < it["level"]:
                out.append(r"\begin{itemize}")
                depth += 1
            if it["level"] == 0:
                out.append(tex_escape(it["text"]) + "\n")
            else:
                if s["overlay"] and not first and it["level"] == 1:
                    out.append(r"\pause")
                out.append(r"\item " + tex_escape(it["text"]))
            first = False
        while depth > 0:
            out.append(r"\end{itemize}")
            depth -= 1
        out.append(r"\end{frame}")
    out.append(r"\end{document}")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- truth
def truth(name, meta, slides):
    out = []
    page = 0
    for s in slides:
        blocks = [{"level": it["level"], "text": it["text"]} for col in s["cols"] for it in col]
        kind = s["kind"] if s["kind"] in ("title", "section") else "content"
        if kind == "title" and meta["tool"] == "beamer":
            blocks = [{"level": 0, "text": t} for t in (meta["author"], meta["institute"], meta["date"])]
        if s["overlay"]:
            # \pause before every level-1 item after the first: one page per step
            steps = [i for i, b in enumerate(blocks) if b["level"] == 1][1:]
            for cut in steps:
                page += 1
                out.append({"page": page, "kind": kind, "title": s["title"], "overlay": True,
                            "blocks": blocks[:cut]})
        page += 1
        out.append({"page": page, "kind": kind, "title": s["title"], "overlay": False, "blocks": blocks})
    return {"schema": "deckhand.truth/1", "sample": name, "lang": meta["lang"],
            "direction": meta["dir"], "slides": out}


def main():
    os.makedirs(BUILD, exist_ok=True)
    names = sys.argv[1:] or sorted(f[:-5] for f in os.listdir(SRC) if f.endswith(".deck"))
    for name in names:
        meta, slides = parse(os.path.join(SRC, name + ".deck"))
        if meta["tool"] == "beamer":
            src = os.path.join(BUILD, name + ".tex")
            open(src, "w", encoding="utf-8").write(beamer(meta, slides))
            for _ in range(2):  # twice, for the total frame count in the footline
                subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", name + ".tex"],
                               cwd=BUILD, check=True, stdout=subprocess.DEVNULL)
        else:
            src = os.path.join(BUILD, name + ".fodp")
            open(src, "w", encoding="utf-8").write(odp(meta, slides))
            subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", BUILD, src],
                           check=True, stdout=subprocess.DEVNULL)
        os.replace(os.path.join(BUILD, name + ".pdf"), os.path.join(OUT, name + ".pdf"))
        with open(os.path.join(OUT, name + ".truth.json"), "w", encoding="utf-8") as f:
            json.dump(truth(name, meta, slides), f, ensure_ascii=False, indent=2)
            f.write("\n")
        print("made samples/%s.pdf and samples/%s.truth.json" % (name, name))


if __name__ == "__main__":
    main()

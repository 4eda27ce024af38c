"""beamer-pdflatex, beamer-xelatex, beamer-lualatex: a Beamer source written from the spec.

pdfLaTeX sets Latin and Cyrillic (babel, T1/T2A); XeLaTeX sets every language (fontspec,
polyglossia with bidi for Arabic, Hebrew and Persian, xeCJK for Chinese and Japanese, a Thai
font with XeTeX's Thai line breaking); LuaLaTeX sets Latin, Cyrillic and Japanese (luatexja).
Every run is done twice (the footline's total frame number).
"""
import os
import re
import shutil
import subprocess
import tempfile

from common import CJK_LANGS, RTL_LANGS, bank
from truth import beamer_footline_kind, beamer_short_author

POLY = {"en": "english", "fr": "french", "es": "spanish", "de": "german", "ru": "russian", "ar": "arabic",
        "fa": "persian", "he": "hebrew", "th": "thai", "zh": "english", "ja": "english"}
BABEL = {"en": "english", "fr": "french", "es": "spanish", "de": "ngerman", "ru": "russian"}
SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "#": r"\#",
           "^": r"\textasciicircum{}", "_": r"\_", "%": r"\%", "~": r"\textasciitilde{}"}
LATIN_RUN = re.compile(r"[A-Za-z€][A-Za-z0-9€.,:;!?'’()+\-/@% ]*[A-Za-z0-9)€]|[A-Za-z€]")


def esc(s):
    return "".join(SPECIAL.get(c, c) for c in s)


class Tex:
    def __init__(self, d):
        self.d = d
        self.lang = d["lang"]
        self.engine = d["producer"].split("-")[1]

    def t(self, s):
        """A text for the body: escaped; Latin runs of right-to-left or Thai text set apart
        as English (left to right, in a font that has Latin)."""
        if self.engine == "xelatex" and (self.lang in RTL_LANGS or self.lang == "th"):
            out, pos = [], 0
            for m in LATIN_RUN.finditer(s):
                out.append(esc(s[pos:m.start()]))
                run = m.group(0)
                out.append(r"\textenglish{%s}" % esc(run))
                pos = m.end()
            out.append(esc(s[pos:]))
            return "".join(out)
        return esc(s)

    def segs(self, segs):
        return r" \\ ".join(self.t(x) for x in segs)


def font_for(d):
    return d["font"]


def preamble(d, tx):
    bm = d["beamer"]
    lang = d["lang"]
    eng = tx.engine
    aspect = {"16:9": "169", "4:3": "43", "16:10": "1610"}[d["aspect"]]
    L = [r"\documentclass[aspectratio=%s,%dpt]{beamer}" % (aspect, bm["fontsize"]),
         # packages that bidi (loaded by polyglossia for right-to-left languages) wants first
         r"\usepackage{listings}", r"\usepackage{ragged2e}", r"\usepackage{amssymb}", r"\usepackage{array}", r"\usepackage{multicol}",
         r"\usepackage{tikz}" if d["watermark"] else ""]
    if eng == "pdflatex":
        L += [r"\input{glyphtounicode}", r"\pdfgentounicode=1",
              r"\usepackage[%s]{fontenc}" % ("T2A,T1" if lang == "ru" else "T1"), r"\usepackage[utf8]{inputenc}",
              r"\usepackage[%s]{babel}" % BABEL[lang], r"\usepackage{lmodern}" if lang != "ru" else "",
              r"\usepackage{textcomp}"]
    elif eng == "xelatex":
        f = font_for(d)
        L += [r"\usepackage{fontspec}", r"\usepackage{polyglossia}", r"\setmainlanguage%s{%s}" % ({"ar": "[numerals=maghrib]", "fa": "[numerals=western]"}.get(lang, ""), POLY[lang]),
              r"\setotherlanguage{english}" if POLY[lang] != "english" else ""]
        if lang in RTL_LANGS or lang == "th":
            name = POLY[lang]
            scr = {"ar": "Arabic", "fa": "Arabic", "he": "Hebrew", "th": "Thai"}[lang]
            L += [r"\setmainfont{DejaVu Sans}", r"\setsansfont{DejaVu Sans}",
                  r"\newfontfamily\%sfont[Script=%s]{%s}" % (name, scr, f),
                  r"\newfontfamily\%sfontsf[Script=%s]{%s}" % (name, scr, f),
                  r"\newfontfamily\englishfont{DejaVu Sans}", r"\newfontfamily\englishfontsf{DejaVu Sans}"]
            if lang == "th":
                L += [r"\XeTeXlinebreaklocale ""th""", r"\XeTeXlinebreakskip = 0pt plus 1pt"]
        elif lang in CJK_LANGS:
            L += [r"\usepackage{xeCJK}", r"\setCJKmainfont{%s}" % f, r"\setCJKsansfont{%s}" % f,
                  r"\setCJKmonofont{%s}" % f.replace("Serif", "Sans").replace("Sans CJK", "Sans Mono CJK"),
                  r"\setmainfont{DejaVu Sans}", r"\setsansfont{DejaVu Sans}"]
        else:
            L += [r"\setmainfont{%s}" % f, r"\setsansfont{%s}" % f]
            if lang == "ru":
                L += [r"\newfontfamily\cyrillicfont[Script=Cyrillic]{%s}" % f,
                      r"\newfontfamily\cyrillicfontsf[Script=Cyrillic]{%s}" % f,
                      r"\newfontfamily\cyrillicfonttt[Script=Cyrillic]{DejaVu Sans Mono}"]
        L += [r"\setmonofont{DejaVu Sans Mono}" if lang not in CJK_LANGS else r"\setmonofont{DejaVu Sans Mono}",
              r"\newfontfamily\bulletfont{DejaVu Sans}"]
    else:  # lualatex
        f = font_for(d)
        L += [r"\usepackage{fontspec}"]
        if lang == "ja":
            L += [r"\usepackage{luatexja-fontspec}", r"\setmainjfont{%s}" % f, r"\setsansjfont{%s}" % f,
                  r"\setmainfont{DejaVu Sans}", r"\setsansfont{DejaVu Sans}"]
        else:
            L += [r"\usepackage[%s]{babel}" % BABEL[lang], r"\setmainfont{%s}" % f, r"\setsansfont{%s}" % f]
        L += [r"\setmonofont{DejaVu Sans Mono}", r"\newfontfamily\bulletfont{DejaVu Sans}"]
    L += [r"\lstset{basicstyle=\ttfamily\footnotesize,columns=fullflexible,keepspaces=true,showstringspaces=false,literate={-}{{\char45}}1}"]
    theme = bm["theme"]
    L.append(r"\usetheme{%s}" % theme)
    if not bm["navigation"]:
        L.append(r"\setbeamertemplate{navigation symbols}{}")
    items = bm["items"]
    if items in ("triangle", "circle", "square", "ball"):
        L.append(r"\setbeamertemplate{itemize items}[%s]" % items)
    elif items == "text":
        gl = bm["text_glyphs"]
        if eng == "pdflatex":
            m = {"•": r"\textbullet", "–": r"\textendash", "*": r"\textasteriskcentered", "·": r"\textperiodcentered"}
            gl = [m[g] for g in gl]
        else:
            gl = [r"{\bulletfont %s}" % g for g in gl]
        L += [r"\setbeamertemplate{itemize item}{%s}" % gl[0], r"\setbeamertemplate{itemize subitem}{%s}" % gl[1],
              r"\setbeamertemplate{itemize subsubitem}{%s}" % gl[2]]
    kind = beamer_footline_kind(d)
    if kind == "custom":
        parts = []
        if d["date"]:
            parts.append(tx.t(d["date"]))
        parts.append(r"\hfill")
        if d["numbers"] == "n":
            parts.append(r"\insertframenumber")
        elif d["numbers"] == "n/N":
            parts.append(r"\insertframenumber{} / \inserttotalframenumber")
        elif d["numbers"] == "word":
            parts.append(tx.t(bank(lang)["slide_word"]) + r"~\insertframenumber")
        L.append(r"\setbeamertemplate{footline}{\leavevmode\hbox to \paperwidth{\hspace{1em}\usebeamerfont{footline}"
                 r"\usebeamercolor[fg]{footline}\scriptsize %s\hspace{1em}}\vspace{1.2ex}}" % " ".join(parts))
    L += [r"\title[%s]{%s}" % (tx.t(bm["short_title"]), tx.t(title_slide(d)["title"] if title_slide(d) else bm["short_title"])),
          r"\author[%s]{%s}" % (tx.t(beamer_short_author(d)), tx.t(bm["author"])),
          r"\institute{}",
          r"\date[%s]{}" % (tx.t(d["date"]) if d["date"] else "")]
    ts = title_slide(d)
    if ts and len(ts.get("subtitle", [])) > 0:
        L.append(r"\subtitle{%s}" % tx.t(ts["subtitle"][0]))
    L.append(r"\setlength{\parskip}{4pt}")
    # automatic hyphenation only where the spec asks for it (narrow justified columns), so
    # that the kinds say where a line-end hyphen may be automatic; breaks after a typed
    # hyphen stay allowed
    L.append(r"\hyphenpenalty=10000")
    L.append(r"\emergencystretch=3em")
    wm = d["watermark"]
    if wm:
        L += [r"\setbeamertemplate{background}{\begin{tikzpicture}[remember picture,overlay]"
              r"\node[rotate=%d,text=black!12,font=\fontsize{54}{54}\selectfont\bfseries] at (current page.center) {%s};"
              r"\end{tikzpicture}}" % (28 if wm["style"] == "diagonal" else 0, tx.t(wm["text"]))]
    return "\n".join(x for x in L if x)


def title_slide(d):
    for s in d["slides"]:
        if s["layout"] == "title":
            return s
    return None


def list_env(box, lvl):
    lst = box["list"]
    numbered = lst["type"] == "number" or (lst["type"] == "mixed" and lvl == 1)
    if numbered:
        return "enumerate", "[%s]" % lst["formats"][min(lvl, 3) - 1]
    return "itemize", ""


def text_box(tx, box, pauses=()):
    d = tx.d
    out = []
    stack = []
    paras = box["paras"]
    if box["align"] == "justify":
        out.append(r"\justifying\hyphenpenalty=50")
    for pi, p in enumerate(paras):
        lvl = p["level"]
        if pi in pauses:
            pass_pause = True
        else:
            pass_pause = False
        if lvl == 0:
            while stack:
                out.append(r"\end{%s}" % stack.pop())
            if pass_pause:
                out.append(r"\par\pause")
            out.append(tx.segs(p["text"]) + r"\par")
            continue
        while len(stack) > lvl:
            out.append(r"\end{%s}" % stack.pop())
        while len(stack) < lvl:
            env, opt = list_env(box, len(stack) + 1)
            out.append(r"\begin{%s}%s" % (env, opt))
            if box["align"] == "justify":
                out.append(r"\justifying")
            stack.append(env)
        if pass_pause:
            # in vertical mode: bidi reverses a right-to-left line with the overlay's
            # invisibility special in it, which would hide that line too
            out.append(r"\par\pause")
        out.append(r"\item " + tx.segs(p["text"]))
    while stack:
        out.append(r"\end{%s}" % stack.pop())
    return "\n".join(out)


def table(tx, t):
    rows = t["rows"]
    ncol = len(rows[0])
    w = 0.96 / ncol
    spec = "|" + "|".join([r">{\raggedright\arraybackslash\hyphenpenalty=50}p{%.3f\textwidth}" % (w - 0.03)] * ncol) + "|"
    out = [r"{\%s" % ("footnotesize" if t["size"] <= 10 or ncol >= 4 else "small"), r"\begin{tabular}{%s}\hline" % spec]
    merge = t.get("merge")
    for ri, row in enumerate(rows):
        head = t["header"] and ri == 0
        cells = []
        ci = 0
        while ci < ncol:
            c = tx.t(row[ci])
            if head and c:
                c = r"\textbf{%s}" % c
            if merge and merge[0] == ri and merge[1] == ci:
                cells.append(r"\multicolumn{2}{>{\raggedright\arraybackslash\hyphenpenalty=50}p{%.3f\textwidth}|}{%s}" % (2 * w - 0.03, c) if ci else
                             r"\multicolumn{2}{|>{\raggedright\arraybackslash\hyphenpenalty=50}p{%.3f\textwidth}|}{%s}" % (2 * w - 0.03, c))
                ci += 2
            else:
                cells.append(c)
                ci += 1
        out.append(" & ".join(cells) + r" \\\hline")
    out.append(r"\end{tabular}}")
    return "\n".join(out)


def frame(tx, s, i):
    d = tx.d
    lay = s["layout"]
    if lay == "title":
        return "\\begin{frame}\n\\titlepage\n\\end{frame}"
    if lay == "section":
        return "\\begin{frame}\n\\vfill\\centering{\\Huge\\bfseries %s\\par}\\vfill\n\\end{frame}" % tx.t(s["title"])
    if lay == "blank":
        return "\\begin{frame}\n\\end{frame}"
    fragile = any(b["kind"] == "code" for b in s["boxes"])
    body = []
    boxes = s["boxes"]
    cols = [b for b in boxes if b["kind"] == "text" and b.get("column") is not None]
    if boxes and boxes[0].get("columns"):
        body += [r"\begin{multicols}{2}", text_box(tx, boxes[0]), r"\end{multicols}"]
    elif cols:
        body.append(r"\begin{columns}[T]")
        for b in cols:
            body += [r"\begin{column}{0.46\textwidth}", text_box(tx, b), r"\end{column}"]
        body.append(r"\end{columns}")
    elif any(b["kind"] == "sidenote" for b in boxes):
        main, note = boxes
        body += [r"\begin{columns}[T]", r"\begin{column}{0.62\textwidth}", r"{\large", text_box(tx, main), r"\par}", r"\end{column}",
                 r"\begin{column}{0.32\textwidth}", r"\fbox{\parbox{0.9\linewidth}{\scriptsize %s}}" % tx.t(note["text"]),
                 r"\end{column}", r"\end{columns}"]
    else:
        for b in boxes:
            k = b["kind"]
            if k == "text":
                tb = text_box(tx, b, s.get("pauses", ()))
                if b.get("narrow"):
                    body += [r"\begin{columns}[T]", r"\begin{column}{0.55\textwidth}", r"\hyphenpenalty=50", tb, r"\end{column}",
                             r"\begin{column}{0.4\textwidth}", r"\end{column}", r"\end{columns}"]
                else:
                    body.append(tb)
            elif k == "table":
                body.append(table(tx, b))
            elif k == "code":
                code = "\n".join(b["lines"])
                if b["env"] == "verbatim":
                    env = "\\begin{verbatim}\n%s\n\\end{verbatim}" % code
                else:
                    env = "\\begin{lstlisting}\n%s\n\\end{lstlisting}" % code
                if tx.engine == "xelatex" and d["lang"] in RTL_LANGS:
                    env = "\\begin{english}\n%s\n\\end{english}" % env
                body.append(env)
            elif k == "agenda":
                rows = [r"%s\dotfill %s\par" % (tx.t(n), p) for n, p in b["rows"]]
                body.append(r"\begin{minipage}{0.7\textwidth}" + "\n".join(rows) + r"\end{minipage}")
    return "\\begin{frame}%s{%s}\n%s\n\\end{frame}" % ("[fragile]" if fragile else "", tx.t(s["title"]), "\n".join(body))


def source(d):
    tx = Tex(d)
    frames = [frame(tx, s, i) for i, s in enumerate(d["slides"])]
    return "%s\n\\begin{document}\n%s\n\\end{document}\n" % (preamble(d, tx), "\n\n".join(frames))


def build(d, out, srcdir):
    tex = source(d)
    eng = d["producer"].split("-")[1]
    tmp = tempfile.mkdtemp(prefix="gen-decks-tex-")
    try:
        with open(os.path.join(tmp, "deck.tex"), "w", encoding="utf-8") as f:
            f.write(tex)
        with open(os.path.join(srcdir, d["id"] + ".tex"), "w", encoding="utf-8") as f:
            f.write(tex)
        # a fixed date, so that the same spec gives the same PDF
        env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600", FORCE_SOURCE_DATE="1")
        for _ in range(2):
            p = subprocess.run([eng, "-interaction=nonstopmode", "-halt-on-error", "deck.tex"], cwd=tmp, env=env,
                               capture_output=True, text=True, errors="replace", timeout=600)
        shutil.copy(os.path.join(tmp, "deck.log"), os.path.join(srcdir, d["id"] + ".log"))
        pdf = os.path.join(tmp, "deck.pdf")
        if p.returncode != 0 or not os.path.exists(pdf):
            raise RuntimeError("%s failed for %s: %s" % (eng, d["id"], p.stdout[-600:]))
        shutil.copy(pdf, os.path.join(out, d["id"] + ".pdf"))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

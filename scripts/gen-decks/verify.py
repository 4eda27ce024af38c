"""Checks that a generated PDF shows its truth (gendecks.py --verify).

For every deck, from `pdftotext -bbox` (Poppler's words with their boxes):
  pages     the PDF has one page per truth slide;
  inside    every word lies inside its page;
  chars     per page, the multiset of non-space characters of the text layer (NFKC) holds every
            character of the truth (title, items, notes, furniture): nothing cut, shrunk away
            or dropped; what the text layer has beyond the truth must be explained: list
            markers, hyphens of automatic hyphenation, leader dots, hidden or invisible text
            the spec drew on purpose (at most a few unexplained characters, for a drawn
            bullet that maps to a letter);
  overlap   no two words of the page overlap (text running into other text: a title that
            wraps into the body, a box that overflows into the footer), except where the spec
            overlaps on purpose (shadow, watermark, hidden text);
  glyphs    (LaTeX) no "Missing character" in the engine's log.
A report per deck goes to OUT/verify.json; problems are printed.
"""
import collections
import concurrent.futures as cf
import html
import json
import os
import re
import subprocess
import unicodedata

import truth

WORD = re.compile(r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">(.*?)</word>')
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)


FOLD = {"\u2010": "-", "\u2011": "-", ")": "(", "]": "[", "}": "{", "\u0640": ""}


def chars(s, fold_parens=False):
    """Multiset of the visible characters: NFKC, no white space or format characters; a
    hyphen mapped to U+2010 counts as a hyphen; in right-to-left decks a parenthesis counts
    whichever way it faces (a mirrored glyph may be mapped to its twin); tatweel is ignored."""
    # decomposed: a text layer in visual order may give a hamza after its alef's neighbour
    s = unicodedata.normalize("NFKD", s)
    out = collections.Counter()
    for c in s:
        if c.isspace() or unicodedata.category(c) == "Cf":
            continue
        if c in FOLD and (fold_parens or c not in ")]}"):
            c = FOLD[c]
            if not c:
                continue
        out[c] += 1
    return out


def is_marks(t):
    return all(unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Cf") for c in t)


def pdf_pages(pdf):
    p = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True)
    pages = []
    for m in PAGE.finditer(p.stdout):
        w, h = float(m.group(1)), float(m.group(2))
        words = [(float(a), float(b), float(c), float(e), html.unescape(t)) for a, b, c, e, t in WORD.findall(m.group(3))]
        pages.append((w, h, words))
    return pages


def roman(n, upper=False):
    vals = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out.upper() if upper else out


def marker_text(fmt, n):
    core = fmt.strip("().")
    if core in ("1",):
        v = str(n)
    elif core == "a":
        v = chr(ord("a") + n - 1)
    elif core == "A":
        v = chr(ord("A") + n - 1)
    elif core == "i":
        v = roman(n)
    elif core == "I":
        v = roman(n, True)
    else:
        v = str(n)
    return fmt.replace(core, v, 1) if core else v


def markers(d, s, upto=None):
    """The marker strings a slide draws (exact), and how many markers may map to anything."""
    exact, wild = [], 0
    beamer = d["producer"].startswith("beamer")
    for bi, box in enumerate(s["boxes"]):
        if box["kind"] != "text":
            continue
        lst = box["list"]
        if lst["type"] == "none":
            continue
        counters = {}
        for pi, p in enumerate(box["paras"]):
            if upto is not None and bi == 0 and pi >= upto:
                break
            lvl = p["level"]
            if lvl == 0:
                continue
            for k in list(counters):
                if k > lvl:
                    del counters[k]
            counters[lvl] = counters.get(lvl, 0) + 1
            numbered = lst["type"] == "number" or (lst["type"] == "mixed" and lvl == 1)
            if numbered:
                fmt = lst["formats"][min(lvl, 3) - 1]
                mk = marker_text(fmt, counters[lvl])
                if beamer and (lvl > 1 or d["lang"] in ("ar", "fa", "he")):
                    # Beamer nests counters its own way; polyglossia writes letters in the
                    # language's alphabet (Persian a) is the letter alef)
                    wild += len(mk) + 2  # Hebrew letters take a geresh: א׳.
                else:
                    exact.append(mk)
            elif beamer:
                wild += 1  # a drawn ball or triangle (maps to a letter, if anything), or a glyph
            elif d["producer"] == "cairo" and d.get("cairo", {}).get("bullets") == "drawn":
                pass
            elif lst.get("bfont") in ("symbol", "wingdings", "opensymbol"):
                wild += 1
            else:
                exact.append(lst["glyphs"][min(lvl, 3) - 1])
                wild += 1  # a glyph the font lacks may be drawn from a fallback font mapped otherwise
    return exact, wild


def expected_pages(d):
    """Per PDF page: (slide, items upto) in the order truth.expected writes them."""
    out = []
    for s in d["slides"]:
        steps = truth.steps_of(d, s) if d["producer"].startswith("beamer") else [None]
        for upto in steps:
            out.append((s, upto))
    return out


def check_deck(d, out):
    rep = {"id": d["id"], "problems": [], "warnings": []}
    pdf = os.path.join(out, d["id"] + ".pdf")
    exp_path = os.path.join(out, d["id"] + ".expected.json")
    if not os.path.exists(pdf):
        rep["problems"].append("no PDF")
        return rep
    with open(exp_path, encoding="utf-8") as f:
        exp = json.load(f)
    pages = pdf_pages(pdf)
    if len(pages) != len(exp["slides"]):
        rep["problems"].append("pages %d != slides %d" % (len(pages), len(exp["slides"])))
        return rep
    log = os.path.join(out, ".src", d["id"] + ".log")
    if os.path.exists(log):
        with open(log, encoding="utf-8", errors="replace") as f:
            log_text = f.read()
        miss = sorted(set(re.findall(r"Missing character: There is no (.*?) in font", log_text)))
        if miss:
            rep["problems"].append("missing glyphs: " + " ".join(miss[:10]))
        over = [float(x) for x in re.findall(r"Overfull \\hbox \(([\d.]+)pt too wide\)", log_text)]
        vover = [float(x) for x in re.findall(r"Overfull \\vbox \(([\d.]+)pt too high\)", log_text)]
        if vover and max(vover) > 6:
            rep["problems"].append("a frame's content is %.0fpt taller than the frame (Overfull vbox)" % max(vover))
        if over and max(over) > 20:
            rep["problems"].append("a line sticks out of its box by %.0fpt (Overfull hbox)" % max(over))
    rtl = d["dir"] == "rtl"
    wm = d["watermark"]["text"] if d["watermark"] else None

    def in_wm(t):
        return wm and (t in wm or t[::-1] in wm)

    for pi, ((w, h, words), e, (s, upto)) in enumerate(zip(pages, exp["slides"], expected_pages(d))):
        tag = "p%d" % (pi + 1)
        for (x0, y0, x1, y1, t) in words:
            # a word box is as tall as the font's ascent and descent: a line at the page's
            # edge may reach out a little; a word more than 35 % outside is cut
            ox = max(0, -x0) + max(0, x1 - w)
            oy = max(0, -y0) + max(0, y1 - h)
            if (ox > 0.35 * max(x1 - x0, 1) or oy > 0.35 * max(y1 - y0, 1)) and not in_wm(t):
                rep["problems"].append("%s word outside the page: %r at %.0f,%.0f-%.0f,%.0f" % (tag, t, x0, y0, x1, y1))
        got = chars("".join(t for *_, t in words), rtl)
        code = "".join(b["lines"][k] for b in s["boxes"] if b["kind"] == "code" for k in range(len(b["lines"])))
        want_txt = (e["title"] + "".join(it[1] for it in e["items"]) + "".join(e.get("notes", [])) +
                    "".join(e.get("furniture", [])) + code)
        want = chars(want_txt, rtl)
        missing = want - got
        extra = got - want
        if missing:
            rep["problems"].append("%s missing %r" % (tag, "".join(sorted(missing.elements()))[:120]))
        # explain the extras
        exact, wild = markers(d, s, upto)
        allow = chars("".join(exact), rtl)
        fx = s.get("effects", {})
        if fx.get("shadow"):  # the body is drawn twice
            allow += chars("".join(it[1] for it in e["items"]), rtl)
        if d["producer"] == "cairo" and d["cairo"].get("shadow_titles") and not (s["layout"] == "section" and s.get("section_fill")):
            allow += chars(e["title"], rtl)
        for key in ("hidden_box", "invisible"):
            if fx.get(key):
                allow += chars(fx[key])
        if s["layout"] == "picture":
            pass
        rest = extra - allow
        if "hyphenation-auto" in e["kinds"]:
            for hy in "-‐":
                rest.pop(hy, None)
        if any(b["kind"] == "agenda" for b in s["boxes"]):
            rest.pop(".", None)
            rest.pop("…", None)
        if d["producer"].startswith("beamer") and d["beamer"].get("navigation"):
            wild += 8
        n_rest = sum(rest.values())
        if n_rest > wild:
            rep["problems"].append("%s unexplained extra %r" % (tag, "".join(sorted(rest.elements()))[:120]))
        elif n_rest:
            rep["warnings"].append("%s extra %r (allowed %d)" % (tag, "".join(sorted(rest.elements())), wild))
        # overlapping words
        if not (fx.get("shadow") or (d["producer"] == "cairo" and d["cairo"].get("shadow_titles"))):
            ws = [x for x in words if not in_wm(x[4]) and x[4] not in (fx.get("hidden_box") or "") and not is_marks(x[4])]
            ws.sort(key=lambda x: x[1])
            for a in range(len(ws)):
                ax0, ay0, ax1, ay1, at = ws[a]
                for b in range(a + 1, len(ws)):
                    bx0, by0, bx1, by1, bt = ws[b]
                    if by0 >= ay1:
                        break
                    ix = min(ax1, bx1) - max(ax0, bx0)
                    iy = min(ay1, by1) - max(ay0, by0)
                    if ix <= 0 or iy <= 0:
                        continue
                    # word boxes are font-bbox high: tight leading overlaps them a little; a
                    # collision overlaps them over half their height and a third of their width
                    # (on one line, where kerning and joined scripts make boxes touch, half)
                    hmin = min(ay1 - ay0, by1 - by0)
                    same_line = abs((ay0 + ay1) - (by0 + by1)) / 2 < 0.2 * hmin
                    wfrac = 0.6 if same_line else 0.33
                    if same_line and min(len(at), len(bt)) <= 2:
                        continue  # a letter of a word drawn in two runs (a kashida joins them)
                    if iy > 0.5 * hmin and ix > wfrac * min(ax1 - ax0, bx1 - bx0):
                        rep["problems"].append("%s words overlap: %r / %r" % (tag, at, bt))
                        break
    return rep


def verify_all(decks, out, jobs=1):
    reports = []
    with cf.ProcessPoolExecutor(max_workers=jobs) as ex:
        for rep in ex.map(check_deck, decks, [out] * len(decks)):
            reports.append(rep)
            for p in rep["problems"][:6]:
                print("VERIFY %s: %s" % (rep["id"], p), flush=True)
    bad = [r for r in reports if r["problems"]]
    with open(os.path.join(out, "verify.json"), "w", encoding="utf-8") as f:
        json.dump({"decks": len(reports), "failed": [r["id"] for r in bad], "reports": reports}, f, ensure_ascii=False, indent=1)
    print("verify: %d decks, %d with problems" % (len(reports), len(bad)), flush=True)
    return not bad, reports

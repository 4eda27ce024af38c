"""Random deck specs, made from the seed alone.

A spec says everything a producer needs to draw a deck (texts, list styles, sizes, boxes in
points on the page, furniture, effects) and everything the truth is written from. Specs are
committed (specs/<split>/<id>.spec.json), so a deck can be rebuilt without this module.
"""
import json
import os
import random

from common import (CJK_LANGS, FONTS, TEXFONTS, HYPHEN_LANGS, MONO, PRODUCER_LANGS, RTL_LANGS, bank,
                    count_lines, line_factor, shared_bank)

SPEC_FORMAT = 1
SPLITS = {"dev": (1000, 1199), "heldout": (9000, 9199)}

# The (producer, language) schedule: every combination a producer can set, the four
# producers that set all eleven languages weighted twice. seed % len picks the combination,
# so each split of 200 consecutive seeds covers every combination.
SCHEDULE = []
for _p in ["impress-odp", "impress-pptx", "beamer-xelatex", "cairo"]:
    SCHEDULE += [(_p, _l) for _l in PRODUCER_LANGS[_p]]
for _p in ["impress-odp", "impress-pptx", "cairo"]:
    SCHEDULE += [(_p, _l) for _l in PRODUCER_LANGS[_p]]
for _p in ["beamer-pdflatex", "beamer-lualatex"]:
    SCHEDULE += [(_p, _l) for _l in PRODUCER_LANGS[_p]]

PAGES = {"16:9": (720, 405), "4:3": (720, 540), "16:10": (720, 450)}
NUMFMTS = ["1.", "1)", "a)", "A.", "i.", "I.", "(a)", "(1)", "a."]
GLYPH_SETS = [  # (font of the bullet, glyphs by level)
    ("text", ["•", "–", "▪"]),
    ("text", ["•", "◦", "▪"]),
    ("text", ["➢", "✓", "■"]),
    ("text", ["■", "•", "–"]),
    ("text", ["–", "•", "·"]),
    ("text", ["✓", "–", "•"]),
    ("text", ["►", "•", "–"]),
    ("symbol", ["•", "o", "▪"]),        # Office defaults: Symbol bullet, Courier o, Wingdings square
    ("wingdings", ["▪", "➢", "✓"]),     # Wingdings § Ø ü
    ("opensymbol", ["●", "–", "■"]),    # OpenSymbol private-use bullets (U+E00A ...)
]
LINE_SPACINGS = [0.8, 0.85, 0.9, 1.0, 1.0, 1.0, 1.1, 1.15, 1.3, 1.5]
PARA_SPACINGS = [0, 0, 2, 4, 6, 6, 9, 12, 18, 24]
COLORS = ["1F3864", "2E5E4E", "7A1F2B", "3B3B98", "005A70", "5B2C6F", "8A4B08", "222222"]


# Seeds whose first spec could not be produced faithfully (gendecks.py --regenerate): what the
# page shows is right but the text layer is not (LibreOffice maps a component glyph of some
# Arabic-script letters to a stray ASCII character, or draws a kashida), or the producer did
# not lay it out as the spec assumed (a Beamer frame too full). Their spec is made again from
# the seed with the variant recorded in specs/regenerate.json, with the reason.
REGEN_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "specs", "regenerate.json")


def regenerated():
    if os.path.exists(REGEN_FILE):
        with open(REGEN_FILE, encoding="utf-8") as f:
            return {int(k): v["variant"] for k, v in json.load(f).items()}
    return {}


def schedule(seed):
    return SCHEDULE[seed % len(SCHEDULE)]


def split_of(seed):
    for name, (a, b) in SPLITS.items():
        if a <= seed <= b:
            return name
    return "extra"


class Gen:
    def __init__(self, seed, variant=0):
        self.seed = seed
        self.r = random.Random("gen-decks/%d" % seed if not variant else "gen-decks/%d/%d" % (seed, variant))
        self.producer, self.lang = schedule(seed)
        self.b = bank(self.lang)
        self.used = set()
        # XeTeX (xdvipdfmx) maps the heh-with-hamza ligature of Persian ezafe to the heh alone:
        # the text layer would lose the hamza, so such texts are not drawn by that producer
        self.avoid = "\u0654" if (self.producer, self.lang) == ("beamer-xelatex", "fa") else ""

    # -- picking texts without repeats inside a deck
    def pick(self, key, maxlen=None, minlen=0):
        ok = [t for t in self.b[key] if not any(c in t for c in self.avoid)] or self.b[key]
        pool = [t for t in ok if t not in self.used and len(t) >= minlen and (maxlen is None or len(t) <= maxlen)]
        if not pool:
            pool = [t for t in ok if len(t) >= minlen and (maxlen is None or len(t) <= maxlen)] or ok
        t = self.r.choice(pool)
        self.used.add(t)
        return t

    def chance(self, p):
        return self.r.random() < p


def make_spec(seed, variant=None):
    variant = regenerated().get(seed, 0) if variant is None else variant
    g = Gen(seed, variant)
    r = g.r
    lang, producer = g.lang, g.producer
    beamer = producer.startswith("beamer")
    office = producer.startswith("impress")
    rtl = lang in RTL_LANGS
    d = {
        "format": SPEC_FORMAT, "id": "%s-%s-%d" % (producer, lang, seed), "seed": seed,
        "split": split_of(seed), "variant": variant, "producer": producer, "lang": lang,
        "aspect": r.choice(["16:9", "16:9", "16:9", "4:3", "4:3", "16:10"]),
        "font": r.choice(FONTS[lang]),
        "mono": MONO[2] if lang in CJK_LANGS else r.choice(MONO[:2]),
        "title_style": r.choice(["band", "band", "plain", "plain", "rule"]),
        "color": r.choice(COLORS),
        "dir": "rtl" if rtl else "ltr",
        # paragraph direction of right-to-left text: rtl, or ltr as PPTX->Impress exports make it
        "para_dir": ("ltr" if (rtl and not beamer and r.random() < 0.4) else ("rtl" if rtl else "ltr")),
        "footer": g.pick("footers") if r.random() < 0.6 else None,
        "numbers": r.choice([None, None, "n", "n", "n/N", "word"]),
        "date": g.pick("dates") if r.random() < 0.3 else None,
        "watermark": None,
        "overlay_logo": False,
        "notes_pages": None,
        "hyphenate": False,
    }
    if r.random() < 0.15:
        d["watermark"] = {"style": r.choice(["diagonal", "horizontal"]), "text": g.b["draft_word"]}
    if producer == "cairo":
        d["overlay_logo"] = r.random() < 0.3
        if d["watermark"] is None and r.random() < 0.2:
            d["watermark"] = {"style": "horizontal", "text": g.b["draft_word"]}
    if office and r.random() < 0.22:
        d["notes_pages"] = r.choice(["vector", "vector", "mixed"])
    if office and not d["notes_pages"] and r.random() < 0.12:
        d["overlay_logo"] = True
    if lang in HYPHEN_LANGS and producer == "impress-odp" and r.random() < 0.4:
        d["hyphenate"] = True
    if producer == "cairo" and lang in HYPHEN_LANGS and r.random() < 0.35:
        d["hyphenate"] = True
    if beamer:
        d["beamer"] = {
            "theme": r.choice(["Madrid", "Boadilla", "CambridgeUS", "Warsaw", "Copenhagen", "default", "default", "Singapore"]),
            "fontsize": r.choice([10, 11, 11, 12, 14]),
            "items": r.choice(["default", "triangle", "circle", "square", "ball", "text"]),
            "text_glyphs": r.choice([["•", "–", "▪"], ["–", "•", "·"], ["➢", "✓", "•"]]) if lang != "ja" else ["•", "–", "▪"],
            "short_title": g.pick("footers"),
            "author": g.pick("authors"),
            "navigation": r.random() < 0.2,
        }
        if producer == "beamer-pdflatex":
            d["beamer"]["text_glyphs"] = r.choice([["•", "–", "*"], ["–", "•", "·"]])
        d["aspect"] = r.choice(["16:9", "4:3", "4:3", "16:10"])
        d["font"] = "Latin Modern Sans" if producer == "beamer-pdflatex" else r.choice(TEXFONTS[lang])
        d["footer"] = None  # Beamer decks get their footline from the theme (see beamer.py)
        d["date"] = g.pick("dates") if r.random() < 0.5 else None
    if producer == "cairo":
        d["cairo"] = {"bullets": r.choice(["glyph", "glyph", "drawn"]), "shadow_titles": r.random() < 0.25}

    W, H = PAGES[d["aspect"]]
    d["page"] = [W, H]
    n = r.randint(4, 10)
    layouts = []
    if r.random() < 0.85:
        layouts.append("title")
    used_agenda = False
    while len(layouts) < n:
        choices = [("content", 34), ("two-column", 9), ("table", 10), ("code", 6), ("section", 6),
                   ("sidenote", 6), ("paragraphs", 8), ("blank", 1)]
        # (PPTX has no tab leaders; its right tab is not honoured by Impress in right-to-left
        # paragraphs, which glues the page number to the entry: no agenda there)
        if not used_agenda and layouts and len(layouts) <= 2 and not (producer == "impress-pptx" and d["dir"] == "rtl"):
            choices.append(("agenda", 14))
        if d["notes_pages"] == "mixed":
            choices.append(("picture", 14))
        tot = sum(w for _, w in choices)
        x = r.uniform(0, tot)
        for name, w in choices:
            x -= w
            if x <= 0:
                break
        if name == "agenda":
            used_agenda = True
        if name in ("section", "blank") and layouts and layouts[-1] in ("section", "blank"):
            name = "content"
        layouts.append(name)
    if d["notes_pages"] == "mixed" and "picture" not in layouts:
        layouts[-1] = "picture"
    d["slides"] = []
    for i, lay in enumerate(layouts):
        d["slides"].append(make_slide(g, d, lay, i))
    if d["notes_pages"]:
        for s in d["slides"]:
            s["notes"] = [g.pick("notes") for _ in range(r.choice([1, 1, 2, 2, 3]))]
    elif office and r.random() < 0.3:  # notes that exist in the file but are not exported
        for s in d["slides"]:
            if r.random() < 0.5:
                s["notes"] = [g.pick("notes")]
    d["note"] = describe(d)
    return d


# ------------------------------------------------------------------ geometry helpers
def geometry(d):
    W, H = d["page"]
    if d["producer"].startswith("beamer"):
        return beamer_geometry(d)
    m = 36
    furn = d["footer"] or d["numbers"] or d["date"]
    return {"W": W, "H": H, "m": m, "bottom": H - (34 if furn else 18)}


def beamer_geometry(d):
    # Beamer frames: paper 128 x 96 mm (4:3), 160 x 90 (16:9), 160 x 100 (16:10); text
    # margins 1 cm; the frame title and footline take the rest (measured on the themes).
    mm = 72 / 25.4
    pw, ph = {"4:3": (128, 96), "16:9": (160, 90), "16:10": (160, 100)}[d["aspect"]]
    W, H = pw * mm, ph * mm
    theme = d["beamer"]["theme"]
    head = {"Warsaw": 8, "Copenhagen": 8, "Singapore": 14, "default": 0}.get(theme, 6) * mm
    foot = {"default": 6, "Singapore": 4}.get(theme, 8) * mm
    return {"W": W, "H": H, "m": 10 * mm, "text_w": W - 20 * mm, "head": head, "foot": foot}


def est_height(d, box, family=None):
    """Estimated height (pt) of a text box's paragraphs, from the font's advance widths."""
    family = family or d["font"]
    lf = line_factor(family)
    size = box["size"]
    if box.get("columns"):
        # a list set in two columns: half the height of one column of half the width,
        # plus the tallest paragraph (where the break falls)
        one = dict(box, columns=0, w=(box["w"] - box.get("col_gap", 24)) / 2, h=box["h"] * 2)
        hs = [est_height(d, dict(one, paras=[p]), family) - 10 for p in box["paras"]]
        return sum(hs) / 2 + max(hs + [0]) + 10
    h = 0.0
    for k, p in enumerate(box["paras"]):
        ind = box.get("indent", [0, 28, 52, 76])[p["level"]] if p["level"] else 0
        if p["level"]:
            ind += box.get("label_w", size * 1.1)
        width = box["w"] - 16 - ind
        lines = sum(count_lines(family, seg, size, width * 0.93) for seg in p["text"])
        fs = size * (box.get("sub_scale", 0.9) ** max(0, p["level"] - 1) if p["level"] > 1 else 1)
        h += lines * fs * lf * max(box["line"], 1.0 if lines == 1 else box["line"]) + (box["space"] if k else 0)
    return h * 1.12 + 10


# ------------------------------------------------------------------ slides
def make_slide(g, d, lay, idx):
    r = g.r
    geo = geometry(d)
    beamer = d["producer"].startswith("beamer")
    s = {"layout": lay, "title": "", "boxes": []}
    if lay == "blank":
        s["layout"] = "blank"
        return s
    if lay == "picture":
        s["layout"] = "picture"
        s["picture_title"] = g.pick("titles")
        s["picture_items"] = [g.pick("phrases") for _ in range(3)]
        return s
    if lay == "title":
        s["title"] = g.pick("deck_titles")
        s["subtitle"] = [g.pick("subtitles")] + ([g.pick("authors")] if r.random() < 0.7 else [])
        if beamer:  # Beamer's title page: subtitle and author (date and institute left empty)
            s["subtitle"] = [g.pick("subtitles"), d["beamer"]["author"]]
        s["title_size"] = r.choice([36, 40, 44])
        s["title_align"] = r.choice(["center", "center", "start"])
        return s
    if lay == "section":
        s["title"] = g.pick("sections")
        s["title_size"] = r.choice([36, 40, 44])
        s["section_fill"] = r.random() < 0.5
        return s
    # content-like slides: a title, maybe a long one
    long_title = r.random() < 0.15 and lay in ("content", "paragraphs", "two-column")
    if lay == "agenda":
        s["title"] = g.b["agenda_title"]
    else:
        s["title"] = g.pick("long_titles") if long_title else g.pick("titles")
    s["title_size"] = r.choice([24, 28, 28, 32]) if not beamer else 0
    s["title_overlap"] = long_title and not beamer and r.random() < 0.6
    if beamer:
        s["pauses"] = []
    if lay == "content":
        content_slide(g, d, s, geo)
    elif lay == "paragraphs":
        content_slide(g, d, s, geo, paragraphs=True)
    elif lay == "two-column":
        two_column(g, d, s, geo)
    elif lay == "sidenote":
        sidenote(g, d, s, geo)
    elif lay == "table":
        table_slide(g, d, s, geo)
    elif lay == "code":
        code_slide(g, d, s, geo)
    elif lay == "agenda":
        agenda_slide(g, d, s, geo)
    if beamer and lay == "content" and r.random() < 0.3 and len(s["boxes"][0]["paras"]) >= 3:
        n = len(s["boxes"][0]["paras"])
        cuts = sorted(r.sample(range(1, n), min(n - 1, r.choice([1, 1, 2]))))
        # a pause only between items of level 1 (Beamer uncovers whole items)
        s["pauses"] = [c for c in cuts if s["boxes"][0]["paras"][c]["level"] <= 1]
    cairo_effects(g, d, s)
    for box in s["boxes"]:
        if box.get("align") == "justify" and d["lang"] in ("ar", "fa") and d["producer"].startswith("impress"):
            # Impress justifies Arabic script with kashidas whose glyphs its PDF text layer
            # maps to stray Latin letters (N, C, H, O): the text layer would not hold the
            # words, so justified Arabic and Persian paragraphs are excluded there
            box["align"] = "start"
    return s


def list_style(g, d, kind=None):
    r = g.r
    kind = kind or r.choice(["bullet", "bullet", "bullet", "bullet", "number", "mixed", "none"])
    st = {"type": kind}
    if kind in ("bullet", "mixed"):
        font, glyphs = r.choice(GLYPH_SETS)
        if d["producer"] != "impress-pptx" and font == "wingdings":
            font = "text"
        if d["producer"] == "impress-pptx" and font == "opensymbol":
            font = "text"
        if d["producer"] == "cairo" and font in ("symbol", "wingdings", "opensymbol"):
            font = "text"
        st["bfont"], st["glyphs"] = font, glyphs
    if kind in ("number", "mixed"):
        st["wide_label"] = r.random() < 0.8
        st["formats"] = [r.choice(NUMFMTS), r.choice(["a)", "i.", "1.", "(a)", "a."]), r.choice(["i.", "1)", "a)"])]
        if d["para_dir"] == "rtl" and d["producer"].startswith("impress"):
            # Impress draws a "(1)" label of a right-to-left paragraph with its parentheses
            # on top of each other: excluded
            st["formats"] = [f if not f.startswith("(") else f[1:] for f in st["formats"]]
    return st


def levels_seq(r, n, maxlevel):
    out, cur = [], 1
    for i in range(n):
        if i == 0:
            cur = 1
        else:
            x = r.random()
            if x < 0.3 and cur < maxlevel:
                cur += 1
            elif x < 0.55 and cur > 1:
                cur = r.randint(1, cur - 1)
        out.append(cur)
    # a number or letter marker alone at its level reads as an abbreviation: keep >= 2 at level 1
    return out


def para_text(g, long_p):
    key = "sentences" if long_p else "phrases"
    return g.pick(key)


def base_box(g, d, x, y, w, h, size):
    r = g.r
    box = {"kind": "text", "x": round(x, 1), "y": round(y, 1), "w": round(w, 1), "h": round(h, 1), "size": size,
           "align": r.choice(["start"] * 6 + ["center", "end", "justify", "justify", "justify"]),
           "line": r.choice(LINE_SPACINGS), "space": r.choice(PARA_SPACINGS),
           "rtl": d["para_dir"] == "rtl",
           "indent": [0, r.choice([20, 24, 28, 34]), 0, 0], "paras": []}
    box["indent"][2] = box["indent"][1] * 2 + r.choice([0, 4, 10])
    box["indent"][3] = box["indent"][1] * 3 + r.choice([0, 6, 14])
    box["label_w"] = round(size * r.choice([0.9, 1.1, 1.4]), 1)
    return box


def body_area(d, s, geo):
    """Top and bottom (points) of the body under the title, and where the title box goes."""
    W, H, m = geo["W"], geo["H"], geo["m"]
    if d["producer"].startswith("beamer"):
        return None
    ts = s["title_size"]
    tw = W - 2 * m - 16
    lines = count_lines(d["font"], s["title"], ts, tw * 0.93)
    lf = line_factor(d["font"])
    th = lines * ts * lf * 1.05 + 10
    band = d["title_style"] == "band"
    ty = 10 if band else 12
    s["title_box"] = [m, ty + (6 if band else 0), W - 2 * m, round(th, 1)]
    s["title_lines"] = lines
    top = ty + (6 if band else 0) + th + (16 if band else 10)
    if band:
        s["band_h"] = round(top - 8, 1)
    if s.get("title_overlap"):
        # the title box reaches down over the body box, the text itself does not
        s["title_box"][3] = round(th + 26, 1)
    return top, geo["bottom"]


def fill_box(g, d, box, levels=True, paragraphs=False, target=None, maxlevel=3, family=None):
    r = g.r
    lang = d["lang"]
    n_target = target or r.choice([2, 3, 4, 4, 5, 5, 6, 7, 8])
    lst = box["list"]
    if paragraphs or lst["type"] == "none":
        seq = [0] * n_target
    else:
        seq = levels_seq(r, n_target, maxlevel if levels else 1)
        if lst["type"] in ("number", "mixed") and seq.count(1) < 2:
            seq = [1] + seq
        if r.random() < 0.15 and not paragraphs:
            seq = [0] + seq  # an introductory paragraph above the list
    long_bias = r.choice([0.15, 0.4, 0.7])
    for lvl in seq:
        long_p = r.random() < (long_bias if lvl <= 1 else long_bias / 2)
        segs = [para_text(g, long_p)]
        if r.random() < 0.1 and lang not in CJK_LANGS and lang != "th":
            segs.append(para_text(g, False))  # a Shift+Enter line break inside the paragraph
        if d.get("hyphenate") and r.random() < 0.6 and g.b.get("hyph_sentences"):
            segs = [g.pick("hyph_sentences")]
        p = {"level": lvl, "text": segs}
        box["paras"].append(p)
        if est_height(d, box, family) > box["h"]:
            box["paras"].pop()
            if lvl == 0 and not box["paras"]:
                continue
            break
    if not box["paras"] or all(p["level"] == 0 for p in box["paras"]) and not (paragraphs or lst["type"] == "none"):
        # nothing fitted: one short item, so that no content box is empty
        box["paras"] = [{"level": 0 if (paragraphs or lst["type"] == "none") else 1, "text": [g.pick("phrases", maxlen=30)]}]
    # clean up: a list must not end with a dangling intro; levels must start at 1
    while box["paras"] and box["paras"][-1]["level"] == 0 and not (paragraphs or lst["type"] == "none") and len(box["paras"]) > 1:
        box["paras"].pop()
    if lst["type"] in ("number", "mixed"):
        ones = [p for p in box["paras"] if p["level"] == 1]
        if len(ones) < 2:
            lst["type"] = "bullet"
            lst.setdefault("bfont", "text")
            lst.setdefault("glyphs", ["•", "–", "▪"])
    return box


def content_slide(g, d, s, geo, paragraphs=False):
    r = g.r
    beamer = d["producer"].startswith("beamer")
    if beamer:
        box = {"kind": "text", "x": 0, "y": 0, "w": geo["text_w"], "h": (geo["H"] - geo["head"] - geo["foot"] - 30) * 0.9,
               "size": d["beamer"]["fontsize"], "align": "start", "line": 1.0, "space": 3, "rtl": d["para_dir"] == "rtl",
               "indent": [0, 14, 28, 42], "label_w": 8, "paras": []}
        if paragraphs:
            box["align"] = r.choice(["start", "justify", "justify"])
            if box["align"] == "justify" and r.random() < 0.6:
                box["narrow"] = True  # a column half the frame wide: TeX hyphenates there
                box["w"] = geo["text_w"] * 0.55
                box["h"] = box["h"] * 0.95
        box["list"] = list_style(g, d, "none" if paragraphs else r.choice(["bullet", "bullet", "bullet", "number", "mixed"]))
        fill_box(g, d, box, paragraphs=paragraphs, family=d["font"])
        s["boxes"].append(box)
        return
    top, bottom = body_area(d, s, geo)
    W, m = geo["W"], geo["m"]
    size = r.choice([16, 18, 20, 20, 22, 24, 24, 28])
    box = base_box(g, d, m, top, W - 2 * m, bottom - top, size)
    box["list"] = list_style(g, d, "none" if paragraphs else None)
    if box["list"].get("wide_label"):
        box["label_w"] = round(size * 1.7, 1)
    if paragraphs:
        box["align"] = r.choice(["start", "start", "justify", "justify", "center", "end"])
        box["space"] = r.choice([0, 6, 12, 18, 24])
    fill_box(g, d, box, paragraphs=paragraphs)
    s["boxes"].append(box)


def two_column(g, d, s, geo):
    r = g.r
    beamer = d["producer"].startswith("beamer")
    heads = r.random() < 0.6
    st = list_style(g, d, r.choice(["bullet", "bullet", "number"]))
    if r.random() < 0.35 and (d["dir"] == "ltr" or d["producer"] == "cairo"):
        # one list set in two columns (not in right-to-left decks from office producers and
        # Beamer, whose column order there was not checked) (a text box with two columns, Beamer's multicols)
        if beamer:
            box = {"kind": "text", "x": 0, "y": 0, "w": geo["text_w"], "h": (geo["H"] - geo["head"] - geo["foot"] - 34) * 0.9,
                   "size": d["beamer"]["fontsize"], "align": "start", "line": 1.0, "space": 3, "rtl": d["para_dir"] == "rtl",
                   "indent": [0, 14, 28, 42], "label_w": 8, "paras": [], "list": st, "columns": 2, "col_gap": 20}
        else:
            top, bottom = body_area(d, s, geo)
            W, m = geo["W"], geo["m"]
            box = base_box(g, d, m, top, W - 2 * m, bottom - top, r.choice([16, 18, 20]))
            box["list"] = st
            box["columns"] = 2
            box["col_gap"] = r.choice([18, 28, 40])
            if box["align"] == "justify":
                box["align"] = "start"
        fill_box(g, d, box, maxlevel=2, target=r.choice([6, 7, 8, 9, 10]))
        if not beamer:
            # office text columns are not balanced: the text fills the first column to the
            # box's bottom; a box as tall as the balanced estimate makes it flow on
            box["h"] = round(min(box["h"], est_height(d, box) * 0.8), 1)
        s["boxes"].append(box)
        return
    if beamer:
        for k in range(2):
            box = {"kind": "text", "x": 0, "y": 0, "w": geo["text_w"] * 0.46, "h": (geo["H"] - geo["head"] - geo["foot"] - 34) * 0.9,
                   "size": d["beamer"]["fontsize"], "align": "start", "line": 1.0, "space": 3, "rtl": d["para_dir"] == "rtl",
                   "indent": [0, 14, 28, 42], "label_w": 8, "paras": [], "list": dict(st), "column": k}
            if heads:
                box["paras"].append({"level": 0, "text": [g.pick("phrases", maxlen=24)]})
            fill_box(g, d, box, maxlevel=2, target=r.choice([2, 3, 4]))
            s["boxes"].append(box)
        return
    top, bottom = body_area(d, s, geo)
    W, m = geo["W"], geo["m"]
    gap = r.choice([16, 24, 36])
    cw = (W - 2 * m - gap) / 2
    size = r.choice([16, 18, 18, 20, 22])
    lay = dict(base_box(g, d, 0, 0, 0, 0, size))
    for k in range(2):
        x = m + k * (cw + gap)
        if d["dir"] == "rtl":
            x = W - m - cw - k * (cw + gap)  # the first column stands on the right
        box = dict(lay, x=round(x, 1), y=round(top, 1), w=round(cw, 1), h=round(bottom - top, 1), paras=[], list=dict(st), column=k)
        if heads:
            box["paras"].append({"level": 0, "text": [g.pick("phrases", maxlen=26)]})
        fill_box(g, d, box, maxlevel=2, target=r.choice([2, 3, 4, 5]))
        s["boxes"].append(box)


def sidenote(g, d, s, geo):
    r = g.r
    beamer = d["producer"].startswith("beamer")
    if beamer:
        box = {"kind": "text", "x": 0, "y": 0, "w": geo["text_w"] * 0.62, "h": (geo["H"] - geo["head"] - geo["foot"] - 30) * 0.9,
               "size": d["beamer"]["fontsize"] + 3, "align": "start", "line": 1.0, "space": 3, "rtl": d["para_dir"] == "rtl",
               "indent": [0, 14, 28, 42], "label_w": 9, "paras": [], "list": list_style(g, d, "bullet"), "large": True}
        fill_box(g, d, box, maxlevel=1, target=r.choice([2, 3, 4]))
        note = {"kind": "sidenote", "size": max(7, d["beamer"]["fontsize"] - 3), "text": g.pick("side_notes"), "w": geo["text_w"] * 0.3}
        s["boxes"] += [box, note]
        return
    top, bottom = body_area(d, s, geo)
    W, m = geo["W"], geo["m"]
    nw = r.choice([150, 170, 190])
    bw = W - 2 * m - nw - 20
    size = r.choice([28, 30, 32])
    bx = m if d["dir"] == "ltr" else W - m - bw
    nx = W - m - nw if d["dir"] == "ltr" else m
    box = base_box(g, d, bx, top, bw, bottom - top, size)
    box["list"] = list_style(g, d, "bullet")
    box["large"] = True
    fill_box(g, d, box, maxlevel=1, target=r.choice([2, 3, 4]))
    note = {"kind": "sidenote", "x": nx, "y": round(top + r.choice([0, 10, 40]), 1), "w": nw, "h": 90, "size": 12,
            "text": g.pick("side_notes"), "align": "start", "rtl": d["para_dir"] == "rtl"}
    s["boxes"] += [box, note]


def number_cell(r, lang):
    k = r.random()
    if k < 0.3:
        return str(r.choice([12, 40, 93, 120, 350, 600, 1240, 2026]))
    if k < 0.5:
        return "%d %%" % r.randint(3, 97) if lang in ("fr", "de", "ru") else "%d%%" % r.randint(3, 97)
    if k < 0.7:
        return r.choice(["€4,200", "USD 120", "12 000 EUR", "3,5", "0.75", "1 240"])
    if k < 0.85:
        return r.choice(["2026", "2025", "Q3", "2026-04-30"])
    return str(r.randint(1, 60))


def table_slide(g, d, s, geo):
    r = g.r
    beamer = d["producer"].startswith("beamer")
    ncol = r.choice([2, 3, 3, 4, 4, 5])
    nrow = r.choice([2, 3, 3, 4, 4, 5, 6])
    header = r.random() < 0.7
    numbers = r.random() < 0.6
    rows = []
    if header:
        hs = []
        for c in range(ncol):
            hs.append(g.pick("table_headers"))
        if r.random() < 0.15:
            hs[0] = ""  # an empty corner cell
        rows.append(hs)
    for i in range(nrow):
        row = [g.pick("table_cells")]
        for c in range(1, ncol):
            row.append(number_cell(r, d["lang"]) if numbers and r.random() < 0.7 else g.pick("table_cells"))
        rows.append(row)
    t = {"kind": "table", "rows": rows, "header": header, "size": r.choice([14, 16, 16, 18, 20]) if not beamer else d["beamer"]["fontsize"] - 1,
         "merge": None, "rtl": d["para_dir"] == "rtl" if d["dir"] == "rtl" else False, "numbers": numbers}
    if ncol >= 3 and r.random() < 0.3:
        rr = r.randrange(len(rows))
        c = r.randrange(ncol - 1)
        t["merge"] = [rr, c, 2]
        rows[rr][c + 1] = ""
        if not rows[rr][c]:
            rows[rr][c] = g.pick("table_cells")
    if r.random() < 0.3:
        # a multi-line cell: a longer text that wraps inside its column
        rr = r.randrange(1 if header else 0, len(rows))
        c = r.randrange(ncol)
        if not (t["merge"] and t["merge"][0] == rr and t["merge"][1] + 1 == c):
            rows[rr][c] = g.pick("phrases", minlen=18)
            t["multiline"] = [rr, c]
    intro = r.random() < 0.35
    if beamer:
        t["w"] = geo["text_w"]
        # the rows that fit the frame (tabular in \small or \footnotesize, p columns)
        fs = (d["beamer"]["fontsize"] * (0.8 if (t["size"] <= 10 or ncol >= 4) else 0.9))
        cw = geo["text_w"] * (0.96 / ncol - 0.03) - 2
        room = geo["H"] - geo["head"] - geo["foot"] - 40 - (30 if intro else 0)
        hs = [max(count_lines(d["font"], c, fs, cw * 0.9) if c else 1 for c in row) * fs * 1.25 + 3 for row in rows]
        while sum(hs) > room and len(rows) > 2:
            rows.pop()
            hs.pop()
        if t["merge"] and t["merge"][0] >= len(rows):
            t["merge"] = None
        if t.get("multiline") and t["multiline"][0] >= len(rows):
            del t["multiline"]
        if intro:
            s["boxes"].append({"kind": "text", "x": 0, "y": 0, "w": geo["text_w"], "h": 30, "size": d["beamer"]["fontsize"], "align": "start",
                               "line": 1.0, "space": 0, "rtl": d["para_dir"] == "rtl", "indent": [0, 0, 0, 0], "paras": [{"level": 0, "text": [g.pick("sentences", maxlen=70)]}],
                               "list": {"type": "none"}})
        s["boxes"].append(t)
        return
    top, bottom = body_area(d, s, geo)
    W, m = geo["W"], geo["m"]
    y = top
    if intro:
        ib = base_box(g, d, m, top, W - 2 * m, 40, 18)
        ib["align"] = "start"
        ib["list"] = {"type": "none"}
        ib["paras"] = [{"level": 0, "text": [g.pick("sentences", maxlen=90)]}]
        ib["h"] = round(est_height(d, ib) + 4, 1)
        s["boxes"].append(ib)
        y = top + ib["h"] + 8
    t.update({"x": m, "y": round(y, 1), "w": W - 2 * m})
    # row heights from the longest cell of each row
    lf = line_factor(d["font"])
    cw = (W - 2 * m) / ncol
    hs = []
    for row in rows:
        lines = max(count_lines(d["font"], c, t["size"], cw - 14) if c else 1 for c in row)
        hs.append(round(lines * t["size"] * lf * 1.15 + 10, 1))
    while sum(hs) > bottom - y and len(rows) > 2:
        rows.pop()
        hs.pop()
    if t["merge"] and t["merge"][0] >= len(rows):
        t["merge"] = None
    if t.get("multiline") and t["multiline"][0] >= len(rows):
        del t["multiline"]
    t["row_h"] = hs
    t["h"] = round(sum(hs), 1)
    s["boxes"].append(t)


def code_slide(g, d, s, geo):
    r = g.r
    beamer = d["producer"].startswith("beamer")
    snippet = r.choice(shared_bank()["code"])
    intro = r.random() < 0.6
    if beamer:
        if intro:
            s["boxes"].append({"kind": "text", "x": 0, "y": 0, "w": geo["text_w"], "h": 30, "size": d["beamer"]["fontsize"], "align": "start",
                               "line": 1.0, "space": 0, "rtl": d["para_dir"] == "rtl", "indent": [0, 0, 0, 0],
                               "paras": [{"level": 0, "text": [g.pick("sentences", maxlen=70)]}], "list": {"type": "none"}})
        s["boxes"].append({"kind": "code", "lines": list(snippet), "size": r.choice([8, 9, 10]),
                           "env": r.choice(["verbatim", "lstlisting", "lstlisting"])})
        return
    top, bottom = body_area(d, s, geo)
    W, m = geo["W"], geo["m"]
    y = top
    if intro:
        ib = base_box(g, d, m, top, W - 2 * m, 40, r.choice([18, 20]))
        ib["align"] = "start"
        ib["list"] = {"type": "none"}
        ib["paras"] = [{"level": 0, "text": [g.pick("sentences", maxlen=90)]}]
        ib["h"] = round(est_height(d, ib) + 4, 1)
        s["boxes"].append(ib)
        y = top + ib["h"] + 8
    size = r.choice([12, 14, 16])
    h = len(snippet) * size * 1.2 * 1.1 + 16
    while h > bottom - y and size > 9:
        size -= 1
        h = len(snippet) * size * 1.2 * 1.1 + 16
    s["boxes"].append({"kind": "code", "lines": list(snippet), "size": size, "x": m + r.choice([0, 20, 40]), "y": round(y, 1),
                       "w": round(r.uniform(0.6, 0.9) * (W - 2 * m), 1), "h": round(h, 1)})


def agenda_slide(g, d, s, geo):
    r = g.r
    n = r.randint(4, 6)
    names = []
    while len(names) < n:
        t = g.pick("agenda")
        if t not in names:
            names.append(t)
    page = r.randint(2, 4)
    rows = []
    for t in names:
        rows.append([t, str(page)])
        page += r.randint(1, 4)
    beamer = d["producer"].startswith("beamer")
    box = {"kind": "agenda", "rows": rows, "rtl": d["para_dir"] == "rtl"}
    if beamer:
        box["size"] = d["beamer"]["fontsize"]
        s["boxes"].append(box)
        return
    top, bottom = body_area(d, s, geo)
    W, m = geo["W"], geo["m"]
    size = r.choice([18, 20, 22])
    lf = line_factor(d["font"])
    while n * size * lf * 1.3 + 16 > bottom - top:
        size -= 2
    w = round(r.uniform(0.55, 0.8) * (W - 2 * m), 1)
    box.update({"x": m if d["dir"] == "ltr" else W - m - w, "y": round(top, 1), "w": w,
                "h": round(n * size * lf * 1.3 + 16, 1), "size": size})
    s["boxes"].append(box)


def cairo_effects(g, d, s):
    if d["producer"] != "cairo":
        return
    r = g.r
    fx = {}
    if r.random() < 0.15:
        fx["shadow"] = True
    if r.random() < 0.12:
        fx["hidden_box"] = r.choice(shared_bank()["hidden"])
    if r.random() < 0.12:
        fx["invisible"] = r.choice(shared_bank()["hidden"])
    if fx:
        s["effects"] = fx


def describe(d):
    parts = ["%s deck in %s (%s)" % (d["producer"], d["lang"], d["aspect"])]
    if d["dir"] == "rtl":
        parts.append("paragraphs %s" % ("right to left" if d["para_dir"] == "rtl" else "left to right (bullets on the left)"))
    parts.append("title %s" % d["title_style"])
    if d.get("beamer"):
        parts.append("theme %s, %dpt, items %s" % (d["beamer"]["theme"], d["beamer"]["fontsize"], d["beamer"]["items"]))
    if d["notes_pages"]:
        parts.append("notes pages (%s)" % d["notes_pages"])
    if d["watermark"]:
        parts.append("%s watermark" % d["watermark"]["style"])
    if d["hyphenate"]:
        parts.append("automatic hyphenation")
    if d["overlay_logo"]:
        parts.append("see-through logo over the body")
    lays = sorted(set(s["layout"] for s in d["slides"]))
    parts.append("layouts: " + ", ".join(lays))
    return "; ".join(parts)

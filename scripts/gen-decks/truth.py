"""The expected extraction of a deck, written from its spec (never from any extractor).

Conventions (README, "Truth conventions"): items are [level, text] in reading order; level 0
is a paragraph, a table cell or a code line, 1-3 the list depth; text as typed (NFC), no
marker, a Shift+Enter break and a wrapped line joined by one space, automatic hyphens
removed, typed ones kept; a table is read row by row, one item per non-empty cell, a
merged cell once; a code box gives no item (its text is optional); an
agenda line with dotted leaders gives two items, the entry and its page number.
"""
import re

from common import CJK_LANGS, RTL_LANGS, bank, has_latin, is_rtl_char, nfc, pango_line_heights

KINDS = [
    # layout of the page
    "title-slide", "section", "content", "blank", "picture-only", "notes-page",
    # text structure
    "bullets", "numbered", "numbered:1.", "numbered:1)", "numbered:a)", "numbered:A.", "numbered:i.",
    "numbered:I.", "numbered:(a)", "numbered:(1)", "numbered:a.", "mixed-list", "paragraphs",
    "paras-by-spacing", "levels-2", "levels-3", "intro-paragraph",
    "bullet-glyph", "bullet-symbol-font", "bullet-drawn", "bullet-large",
    # direction and script
    "rtl", "rtl-para-ltr", "bidi-latin-digits", "harakat", "zwnj", "cjk", "cjk-latin-space",
    "cjk-latin-nospace", "thai",
    # alignment and spacing
    "align-left", "align-center", "align-right", "align-justify", "tight-spacing", "loose-spacing",
    "para-spacing-0", "para-spacing-large", "wrapped", "shift-enter", "hyphenation-auto", "typed-hyphen",
    # title
    "title-band", "title-plain", "title-rule", "title-wrap", "title-overlap", "no-title",
    # other blocks
    "two-column", "column-list", "column-headings", "side-note", "table", "table-header", "table-no-header",
    "table-numbers", "table-merged", "table-multiline-cell", "table-empty-cell", "code", "code-yaml",
    "agenda-leaders", "agenda-tab",
    # furniture and decoration
    "footer", "slide-number", "slide-number-total", "slide-number-word", "date", "beamer-footline",
    "watermark-diagonal", "watermark-horizontal", "see-through-overlay",
    # drawing effects (cairo)
    "shadow-text", "hidden-under-box", "invisible-text",
    # Beamer overlays
    "overlay-step", "overlay-final",
]

AR_HARAKAT = set("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")


def joined(p):
    return " ".join(nfc(x).strip() for x in p["text"])


def fold(s):
    return re.sub(r"\s+", " ", s).strip()


def furniture_of(d):
    """Per page index (0-based slide index) the furniture strings drawn; plus the deck's."""
    lang = d["lang"]
    b = bank(lang)
    n = len(d["slides"])
    per = []
    for i, s in enumerate(d["slides"]):
        f = []
        if d["producer"].startswith("beamer"):
            f += beamer_furniture(d, i)
        elif s["layout"] != "title":
            if d["footer"]:
                f.append(d["footer"])
            if d["date"]:
                f.append(d["date"])
            if d["numbers"]:
                f.append(number_text(d, i + 1, n))
        if d["watermark"]:
            f.append(d["watermark"]["text"])
        per.append(f)
    return per


def number_text(d, k, n):
    if d["numbers"] == "n":
        return str(k)
    if d["numbers"] == "n/N":
        return "%d / %d" % (k, n)
    if d["numbers"] == "word":
        return "%s %d" % (bank(d["lang"])["slide_word"], k)
    return None


def beamer_short_author(d):
    a = d["beamer"]["author"]
    parts = a.split(" ")
    if len(parts) >= 2 and d["lang"] not in CJK_LANGS and d["lang"] not in RTL_LANGS and d["lang"] != "th":
        return parts[0][0] + ". " + " ".join(parts[1:])
    return a


def beamer_footline_kind(d):
    t = d["beamer"]["theme"]
    if t in ("Madrid", "Boadilla", "CambridgeUS"):
        return "infolines"
    if t in ("Warsaw", "Copenhagen"):
        return "split"
    return "custom"


def beamer_furniture(d, i):
    bm = d["beamer"]
    kind = beamer_footline_kind(d)
    n = len(d["slides"])
    f = []
    if kind == "infolines":
        f += [beamer_short_author(d), bm["short_title"]]
        if d["date"]:
            f.append(d["date"])
        f.append("%d / %d" % (i + 1, n))
    elif kind == "split":
        f += [beamer_short_author(d), bm["short_title"]]
    else:
        if d["date"]:
            f.append(d["date"])
        if d["numbers"]:
            f.append(number_text(d, i + 1, n))
    return f


def steps_of(d, s):
    """Beamer overlays: the number of items each page of the frame shows (None: all)."""
    if not s.get("pauses"):
        return [None]
    return list(s["pauses"]) + [None]


def visible_spacing(box, d=None, s=None):
    """Paragraph spacing a reader sees as a gap between paragraphs: a quarter of the type
    size or more (under that, level-0 paragraphs read as one, as lines broken by hand).
    A Beamer box set inside a `column` (a narrow box, one of two columns, the main text
    beside a side note) has none: the column is a minipage, which sets \\parskip to 0."""
    if d is not None and d["producer"].startswith("beamer") and (
            box.get("narrow") or box.get("column") is not None or
            (s is not None and any(b["kind"] == "sidenote" for b in s["boxes"]))):
        return False
    gap = box.get("space", 0)
    if d is not None and d["producer"] == "cairo" and box.get("line", 1.0) != 1.0:
        # Pango's line spacing sets each line's baseline `line` times the font's height (line
        # gap included) below the one above, but a paragraph's layout ends at its last line's
        # logical height (no line gap): the gap drawn between two paragraphs, beyond the
        # wrapped lines' pitch, is the spacing plus the logical height less `line` heights
        # (Noto Sans at 1.15 and 6 pt: 1.9 pt; Carlito at 1.15 and 12 pt, 24 pt type: 2.3 pt,
        # not 7.6 pt as the height without its line gap would give; measured on the PDFs)
        logical, height = pango_line_heights(d["font"])
        gap += (logical - box["line"] * height) * box.get("size", 20)
    return gap >= 0.25 * box.get("size", 20)


def items_of(d, s, upto=None):
    items = []
    for bi, box in enumerate(s["boxes"]):
        k = box["kind"]
        if k == "text":
            prev0 = False  # the item before is a level-0 paragraph of this box
            for pi, p in enumerate(box["paras"]):
                if bi == 0 and upto is not None and pi >= upto:
                    break
                if p["level"] == 0 and prev0 and not visible_spacing(box, d, s):
                    items[-1][1] = items[-1][1] + " " + joined(p)
                else:
                    items.append([p["level"], joined(p)])
                prev0 = p["level"] == 0
        elif k == "sidenote":
            items.append([0, nfc(box["text"])])
        elif k == "table":
            for row in box["rows"]:
                for c in row:
                    if c.strip():
                        items.append([0, nfc(c)])
        elif k == "code":
            pass  # a code listing is optional (see code_texts): not text a reader translates
        elif k == "agenda":
            for name, page in box["rows"]:
                items += [[0, nfc(name)], [0, page]]
        if upto is not None and bi == 0 and box["kind"] == "text":
            break  # pauses only come on single-box frames
    return items


def expected(d):
    lang = d["lang"]
    per_furn = furniture_of(d)
    slides = []
    for i, s in enumerate(d["slides"]):
        steps = steps_of(d, s) if d["producer"].startswith("beamer") else [None]
        for si, upto in enumerate(steps):
            e = {"title": nfc(s["title"]) if s["layout"] not in ("picture", "blank") else "",
                 "items": [] if s["layout"] in ("picture", "blank", "title", "section") else items_of(d, s, upto)}
            if s["layout"] == "title":
                e["items"] = [[0, nfc(t)] for t in s.get("subtitle", [])]
            if d["notes_pages"]:
                e["notes"] = [nfc(t) for t in s.get("notes", [])]
            e["kinds"] = kinds_of(d, s, i, overlay=(len(steps) > 1, si == len(steps) - 1))
            e["furniture"] = [nfc(x) for x in per_furn[i]]
            slides.append(e)
    # deck-level furniture: every drawn furniture string that is not part of any title or
    # item (a furniture string inside a real text would make a substring check fail)
    texts = [e["title"] for e in slides] + [it[1] for e in slides for it in e["items"]]
    deck_f, seen = [], set()
    for f in per_furn:
        for x in f:
            x = nfc(x)
            if x in seen:
                continue
            seen.add(x)
            if any(fold(x) in fold(t) for t in texts):
                continue
            deck_f.append(x)
    out = {"id": d["id"], "lang": lang, "producer": d["producer"], "seed": d["seed"], "split": d["split"],
           "note": d["note"], "furniture": deck_f, "optional": optional_of(d), "slides": slides}
    if d["producer"] == "beamer-xelatex" and lang in CJK_LANGS:
        xecjk_visible(out)
    return out


def xecjk_visible(out):
    """What a reader can see of the spaces in a XeLaTeX deck set with xeCJK, measured on
    the PDFs: xeCJK drops a space typed between two CJK characters (nothing is drawn there),
    and between a CJK character and a Latin letter, digit or sign it draws the same glue
    (CJKecglue, about a Latin space) whether a space was typed or not (`は1人` and `り 120`
    both 3.8 pt apart at 12 pt). So the truth drops the first kind, and marks the deck
    `space_either: cjk-latin`: the scorer accepts a space there or none."""
    def drop(t):
        return re.sub(r"(?<=[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef])[ ]+"
                      r"(?=[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef])", "", t)
    for e in out["slides"]:
        e["title"] = drop(e["title"])
        e["items"] = [[lvl, drop(t)] for lvl, t in e["items"]]
        if "notes" in e:
            e["notes"] = [drop(t) for t in e["notes"]]
    out["space_either"] = "cjk-latin"


def code_texts(d):
    """Each code listing's lines joined by a space: one block of code may stand for it
    (optional), as the hand-labelled real pages leave code out of the items."""
    out = []
    for s in d["slides"]:
        for box in s["boxes"]:
            if box["kind"] == "code":
                t = " ".join(fold(line) for line in box["lines"] if line.strip())
                if t and t not in out:
                    out.append(t)
    return out


def optional_of(d):
    return code_texts(d)


def script_kinds(d, texts):
    lang = d["lang"]
    k = set()
    if lang in RTL_LANGS and texts:
        k.add("rtl" if d["para_dir"] == "rtl" else "rtl-para-ltr")
        if any(has_latin(t) or re.search(r"\d", t) for t in texts):
            k.add("bidi-latin-digits")
        if any(AR_HARAKAT & set(t) for t in texts):
            k.add("harakat")
        if any("\u200c" in t for t in texts):
            k.add("zwnj")
    if lang in CJK_LANGS and texts:
        k.add("cjk")
        for t in texts:
            if re.search(r"[\u3000-\u9fff][A-Za-z0-9]|[A-Za-z0-9][\u3000-\u9fff]", t):
                k.add("cjk-latin-nospace")
            if re.search(r"[\u3000-\u9fff] [A-Za-z0-9]|[A-Za-z0-9] [\u3000-\u9fff]", t):
                k.add("cjk-latin-space")
    if lang == "th" and texts:
        k.add("thai")
    return k


def physical_align(d, box):
    a = box.get("align", "start")
    if a in ("center", "justify"):
        return "align-" + ("center" if a == "center" else "justify")
    rtl = box.get("rtl", False)
    if a == "start":
        return "align-right" if rtl else "align-left"
    return "align-left" if rtl else "align-right"


def kinds_of(d, s, i, overlay=(False, False)):
    from common import count_lines
    k = set()
    lay = s["layout"]
    producer = d["producer"]
    beamer = producer.startswith("beamer")
    k.add({"title": "title-slide", "section": "section", "blank": "blank", "picture": "picture-only"}.get(lay, "content"))
    if d["notes_pages"]:
        k.add("notes-page")
    texts = [s["title"]] if s["title"] else []
    if lay not in ("title", "section", "blank", "picture"):
        k.add({"band": "title-band", "plain": "title-plain", "rule": "title-rule"}[d["title_style"]] if not beamer else
              ("title-band" if d["beamer"]["theme"] in ("Madrid", "Boadilla", "CambridgeUS", "Warsaw", "Copenhagen") else "title-plain"))
        if s.get("title_lines", 1) > 1:
            k.add("title-wrap")
        if s.get("title_overlap"):
            k.add("title-overlap")
    if lay in ("blank", "picture"):
        k.add("no-title")
    for box in s["boxes"]:
        kind = box["kind"]
        if kind == "text":
            paras = box["paras"]
            texts += [joined(p) for p in paras]
            lst = box["list"]
            levels = set(p["level"] for p in paras)
            if lst["type"] == "none" or levels == {0}:
                k.add("paragraphs")
                for a, b in zip(paras, paras[1:]):
                    if a["level"] == 0 and b["level"] == 0:
                        k.add("paras-by-spacing")
            else:
                if 0 in levels:
                    k.add("intro-paragraph" if box.get("column") is None else "column-headings")
                if lst["type"] in ("bullet", "mixed"):
                    k.add("bullets")
                    if beamer:
                        k.add("bullet-drawn" if d["beamer"]["items"] != "text" else "bullet-glyph")
                    elif producer == "cairo" and d["cairo"]["bullets"] == "drawn":
                        k.add("bullet-drawn")
                    elif lst.get("bfont") in ("symbol", "wingdings", "opensymbol"):
                        k.add("bullet-symbol-font")
                    else:
                        k.add("bullet-glyph")
                if lst["type"] in ("number", "mixed"):
                    k.add("numbered")
                    k.add("numbered:" + lst["formats"][0])
                    if lst["type"] == "mixed":
                        k.add("mixed-list")
                    elif 2 in levels:
                        k.add("numbered:" + lst["formats"][1])
                if 2 in levels:
                    k.add("levels-2")
                if 3 in levels:
                    k.add("levels-3")
                if box.get("large"):
                    k.add("bullet-large")
            k.add(physical_align(d, box))
            if not beamer:
                if box["line"] < 1.0:
                    k.add("tight-spacing")
                if box["line"] >= 1.3:
                    k.add("loose-spacing")
                if len(paras) > 1:
                    if box["space"] == 0:
                        k.add("para-spacing-0")
                    if box["space"] >= 18:
                        k.add("para-spacing-large")
            for p in paras:
                if len(p["text"]) > 1:
                    k.add("shift-enter")
                if re.search(r"\w-\w", joined(p)):
                    k.add("typed-hyphen")
                width = box["w"] - 16 - (box["indent"][p["level"]] + box.get("label_w", 0) if p["level"] else 0)
                if any(count_lines(d["font"], seg, box["size"], width) > 1 for seg in p["text"]):
                    k.add("wrapped")
            if d["hyphenate"] or box.get("narrow") or (beamer and box.get("align") == "justify"):
                k.add("hyphenation-auto")
            if box.get("column") is not None:
                k.add("two-column")
            if box.get("columns"):
                k.add("column-list")
        elif kind == "sidenote":
            k.add("side-note")
            texts.append(box["text"])
        elif kind == "table":
            k.add("table")
            if beamer and d["lang"] not in CJK_LANGS and d["lang"] != "th":
                k.add("hyphenation-auto")  # TeX may hyphenate inside a narrow cell
            k.add("table-header" if box["header"] else "table-no-header")
            if box.get("numbers"):
                k.add("table-numbers")
            if box.get("merge"):
                k.add("table-merged")
            if box.get("multiline"):
                k.add("table-multiline-cell")
            if any(not c.strip() for row in box["rows"] for c in row):
                k.add("table-empty-cell")
            texts += [c for row in box["rows"] for c in row if c]
        elif kind == "code":
            k.add("code")
            if any(re.match(r"\s*- ", l) for l in box["lines"]) or any(l.rstrip().endswith(":") for l in box["lines"]):
                k.add("code-yaml")
        elif kind == "agenda":
            k.add("agenda-tab" if producer == "impress-pptx" else "agenda-leaders")
            texts += [r[0] for r in box["rows"]]
    k |= script_kinds(d, texts)
    furn = furniture_of(d)[i]
    if beamer:
        if beamer_footline_kind(d) != "custom":
            k.add("beamer-footline")
    if lay != "title" or beamer:
        if d.get("footer") and not beamer:
            k.add("footer")
        if d.get("date") and any(d["date"] == x for x in furn):
            k.add("date")
        nums = d["numbers"] if not beamer or beamer_footline_kind(d) == "custom" else ("n/N" if beamer_footline_kind(d) == "infolines" else None)
        if nums:
            k.add({"n": "slide-number", "n/N": "slide-number-total", "word": "slide-number-word"}[nums])
    if d["watermark"]:
        k.add("watermark-" + d["watermark"]["style"])
    if d.get("overlay_logo") and lay not in ("title", "section", "blank"):
        k.add("see-through-overlay")
    fx = s.get("effects", {})
    if fx.get("shadow") or (producer == "cairo" and d["cairo"].get("shadow_titles") and s["title"]):
        k.add("shadow-text")
    if fx.get("hidden_box"):
        k.add("hidden-under-box")
    if fx.get("invisible"):
        k.add("invisible-text")
    if overlay[0]:
        k.add("overlay-final" if overlay[1] else "overlay-step")
    unknown = k - set(KINDS)
    assert not unknown, unknown
    return sorted(k)

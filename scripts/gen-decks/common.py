"""Shared data and helpers of the deck generator: languages, fonts, text measurement."""
import functools
import json
import logging
import os
import unicodedata

logging.getLogger("fontTools").setLevel(logging.ERROR)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

LANGS = ["ar", "zh", "en", "fr", "ru", "es", "de", "ja", "he", "fa", "th"]
RTL_LANGS = {"ar", "he", "fa"}
CJK_LANGS = {"zh", "ja"}
HYPHEN_LANGS = {"de", "fr", "en"}  # LibreOffice hyphen dictionaries installed (hyphen-de/fr/en-us)

PRODUCERS = ["impress-odp", "impress-pptx", "beamer-pdflatex", "beamer-xelatex", "beamer-lualatex", "cairo"]

# Which producer can set which language (see README: producers x languages).
PRODUCER_LANGS = {
    "impress-odp": LANGS,
    "impress-pptx": LANGS,
    "beamer-xelatex": LANGS,
    "cairo": LANGS,
    "beamer-pdflatex": ["en", "fr", "es", "de", "ru"],
    "beamer-lualatex": ["en", "fr", "es", "de", "ru", "ja"],
}

# Body fonts per language (all installed by gen-decks.sh). Office and Pango fall back to
# another font for a script the chosen one lacks (Latin inside Arabic lines).
FONTS = {
    "en": ["DejaVu Sans", "Liberation Sans", "Carlito", "Noto Sans", "Liberation Serif", "FreeSans"],
    "fr": ["DejaVu Sans", "Liberation Sans", "Carlito", "Noto Sans", "Noto Serif"],
    "es": ["DejaVu Sans", "Liberation Sans", "Carlito", "Noto Sans", "Liberation Serif"],
    "de": ["DejaVu Sans", "Liberation Sans", "Carlito", "Noto Sans", "FreeSans"],
    "ru": ["DejaVu Sans", "Liberation Sans", "Carlito", "Noto Sans", "Liberation Serif"],
    "ar": ["Noto Sans Arabic", "Noto Naskh Arabic", "DejaVu Sans", "Amiri", "Noto Kufi Arabic"],
    "fa": ["Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", "Amiri"],
    "he": ["Noto Sans Hebrew", "DejaVu Sans", "Liberation Sans", "Noto Serif Hebrew"],
    "th": ["Noto Sans Thai", "Loma", "Garuda", "Sawasdee", "Kinnari", "Noto Serif Thai"],
    "zh": ["Noto Sans CJK SC", "Noto Serif CJK SC"],
    "ja": ["Noto Sans CJK JP", "Noto Serif CJK JP"],
}
TEXFONTS = {  # XeLaTeX/LuaLaTeX body fonts (fontspec names) by language; pdfLaTeX: Latin Modern.
    # XeTeX has no font fallback: only fonts that have digits and ASCII punctuation besides
    # their script (the Noto Arabic, Hebrew and Thai fonts have none)
    "en": ["DejaVu Sans", "Liberation Sans", "Noto Sans", "Carlito"],
    "fr": ["DejaVu Sans", "Liberation Sans", "Noto Sans"],
    "es": ["DejaVu Sans", "Liberation Sans", "Noto Sans"],
    "de": ["DejaVu Sans", "Liberation Sans", "Noto Sans"],
    "ru": ["DejaVu Sans", "Liberation Sans", "Noto Sans"],
    "ar": ["Amiri", "DejaVu Sans"],
    "fa": ["Amiri", "DejaVu Sans"],
    "he": ["DejaVu Sans", "Liberation Sans", "FreeSans"],
    "th": ["Loma", "Garuda", "Sawasdee", "Kinnari", "Norasi"],
    "zh": ["Noto Sans CJK SC", "Noto Serif CJK SC"],
    "ja": ["Noto Sans CJK JP", "Noto Serif CJK JP"],
}
# a font for the Latin runs when the script font has no Latin (XeLaTeX needs one named)
LATIN_FALLBACK = "DejaVu Sans"
MONO = ["DejaVu Sans Mono", "Liberation Mono", "Noto Sans Mono CJK SC"]

LOCALE = {  # fo:language, fo:country; which ODF script slot the language uses
    "en": ("en", "GB", "western"), "fr": ("fr", "FR", "western"), "es": ("es", "ES", "western"),
    "de": ("de", "DE", "western"), "ru": ("ru", "RU", "western"), "ar": ("ar", "EG", "complex"),
    "fa": ("fa", "IR", "complex"), "he": ("he", "IL", "complex"), "th": ("th", "TH", "complex"),
    "zh": ("zh", "CN", "asian"), "ja": ("ja", "JP", "asian"),
}


@functools.lru_cache(None)
def bank(lang):
    with open(os.path.join(HERE, "banks", lang + ".json"), encoding="utf-8") as f:
        b = json.load(f)
    for k, v in b.items():
        if isinstance(v, list):
            b[k] = [nfc(x) if isinstance(x, str) else x for x in v]
    return b


@functools.lru_cache(None)
def shared_bank():
    with open(os.path.join(HERE, "banks", "shared.json"), encoding="utf-8") as f:
        return json.load(f)


def nfc(s):
    return unicodedata.normalize("NFC", s)


def is_rtl_char(c):
    o = ord(c)
    return 0x0590 <= o <= 0x08FF or 0xFB1D <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFF


def is_cjk_char(c):
    o = ord(c)
    return (0x3000 <= o <= 0x30FF or 0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF
            or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF)


def is_thai_char(c):
    return 0x0E00 <= ord(c) <= 0x0E7F


def has_latin(s):
    return any(("a" <= c.lower() <= "z") for c in s)


# ------------------------------------------------------------------ measurement
# A rough model of the advance widths of a font, read with fontTools (no shaping): enough
# to decide how many lines a paragraph will take, with a safety margin, when a spec is made.
# The specs are committed, so a later change of the fonts does not change them.

FONT_FILES = {}


def font_file(family):
    if family not in FONT_FILES:
        import subprocess
        p = subprocess.run(["fc-match", "-f", "%{file}\n%{index}", family], capture_output=True, text=True)
        path, idx = p.stdout.split("\n")[:2]
        FONT_FILES[family] = (path, int(idx or 0))
    return FONT_FILES[family]


@functools.lru_cache(None)
def _metrics(family):
    from fontTools.ttLib import TTFont
    path, idx = font_file(family)
    f = TTFont(path, fontNumber=idx, lazy=True)
    cmap = f.getBestCmap()
    hmtx = f["hmtx"].metrics
    upm = f["head"].unitsPerEm
    os2 = f["OS/2"]
    hhea = f["hhea"]
    # the line height LibreOffice and Pango use: hhea ascent + descent + line gap (Amiri's
    # Windows metrics are 2.4 times taller and are not used for the line)
    asc = hhea.ascent + hhea.lineGap
    desc = -hhea.descent
    widths = {}
    for cp, g in cmap.items():
        widths[cp] = hmtx[g][0] / upm
    return widths, (asc + desc) / upm


def line_factor(family):
    """Line height of the font as a multiple of its size (what office software uses at 100 %)."""
    return _metrics(family)[1]


@functools.lru_cache(None)
def pango_line_heights(family):
    """Pango's two line heights of the font, as multiples of its size: a line's logical height
    (ascent + descent, no line gap), which sets lines apart at line spacing 1.0 and ends a
    paragraph's layout; and the height that a line spacing factor multiplies (ascent +
    descent + line gap). Both from the table HarfBuzz reads: OS/2 typo metrics when the font
    sets USE_TYPO_METRICS, else hhea. (Carlito: 1.0 and 1.22; checked against Pango's own
    baselines for Carlito, Noto Sans, Liberation Sans, FreeSans, DejaVu Sans, Amiri, Loma.)"""
    from fontTools.ttLib import TTFont
    path, idx = font_file(family)
    f = TTFont(path, fontNumber=idx, lazy=True)
    upm = f["head"].unitsPerEm
    os2, hhea = f["OS/2"], f["hhea"]
    if os2.fsSelection & (1 << 7):
        asc, desc, gap = os2.sTypoAscender, -os2.sTypoDescender, os2.sTypoLineGap
    else:
        asc, desc, gap = hhea.ascent, -hhea.descent, hhea.lineGap
    return (asc + desc) / upm, (asc + desc + gap) / upm


def char_w(family, c):
    w, _ = _metrics(family)
    o = ord(c)
    if o in w:
        return w[o]
    if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Cf"):
        return 0.0
    if is_cjk_char(c):
        return 1.0
    w2, _ = _metrics("DejaVu Sans")
    return w2.get(o, 0.6)


def text_w(family, s, size):
    return sum(char_w(family, c) for c in s) * size


def tokens(s):
    """Break opportunities: words of spaced scripts; each CJK character alone."""
    out, cur = [], ""
    for c in s:
        if c == " ":
            if cur:
                out.append(cur)
            out.append(" ")
            cur = ""
        elif is_cjk_char(c):
            if cur:
                out.append(cur)
            out.append(c)
            cur = ""
        else:
            cur += c
    if cur:
        out.append(cur)
    return out


def count_lines(family, s, size, width):
    """Greedy line breaking of s in a box of the given width (points)."""
    if width <= size:
        return 99
    lines, x = 1, 0.0
    for t in tokens(s):
        w = text_w(family, t, size)
        if t == " ":
            x += w
            continue
        if x > 0 and x + w > width:
            lines += 1
            x = 0.0
        while w > width:  # a token longer than the line (Thai phrase, URL) breaks inside
            lines += 1
            w -= width
        x += w
    return lines


def write_json(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=1)
        f.write("\n")

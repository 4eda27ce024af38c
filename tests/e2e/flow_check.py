#!/usr/bin/env python3
"""Issue 9, point 5: a paragraph that continues on the next pages keeps every character.

make LANG BASE_DECK OUT_DECK N   writes a deck (from a golden deck JSON) whose second slide
                                 holds one paragraph of N characters in LANG (zh, ar, ru,
                                 en, fr, es), made of the language's words in a seeded order.
laid LANG DECK DUMP              the laid-out pages (handout --dump layout): the paragraph's
                                 lines, read in reading order, give the paragraph exactly.
pdf LANG DECK TEXT               pdftotext's text of the handout holds the paragraph exactly
                                 (headers and footers between pages left out).
Exit 0 when it holds, 1 (with where it differs) when not.
"""
import json
import re, random, re, sys, unicodedata

WORDS = {
    "zh": list("信息社会世界峰会的成果落实需要各利益相关方的共同参与包括政府私营部门民间社会和技术社区互联网治理论坛"),
    "ar": "المجتمع المعلومات القمة العالمية أصحاب المصلحة الحكومات القطاع الخاص المدني التقنية الإنترنت لماذا نشارك في لا".split(),
    "ru": "информационного общества всемирная встреча заинтересованные стороны правительства частный сектор гражданское общество".split(),
    "en": "information society world summit stakeholders governments private sector civil technical community internet".split(),
    "fr": "société l’information sommet mondial parties prenantes gouvernements secteur privé civile communauté technique".split(),
    "es": "sociedad información cumbre mundial partes interesadas gobiernos sector privado civil comunidad técnica".split(),
}


def paragraph(lang, n):
    rnd = random.Random(9)
    if lang == "zh":
        out = []
        while len(out) < n:
            out.append(rnd.choice(WORDS[lang]))
            if rnd.random() < 0.05 and len(out) < n - 1:
                out.append("，")
        return "".join(out[:n - 1]) + "。"
    out = ""
    while len(out) < n:
        out += ("" if not out else " ") + rnd.choice(WORDS[lang])
    return out[:n].rstrip()


def make(lang, base, out, n):
    d = json.load(open(base))
    d["lang"] = lang
    d["direction"] = "rtl" if lang == "ar" else "ltr"
    s = d["slides"][1]
    b = dict(s["blocks"][0])
    b["text"] = paragraph(lang, n)
    b["level"] = 1
    s["blocks"] = [b]
    d["slides"] = d["slides"][:2]
    json.dump(d, open(out, "w"), ensure_ascii=False)


def logical(runs, lang):
    # runs hold their text in reading order (glyph runs, docs/architecture.md "Text"); a
    # right-to-left line's runs lie right to left, a left-to-right run inside it (IETF,
    # 2026) left to right
    rs = sorted(runs, key=lambda t: t["at"][0])
    if lang == "ar":
        rs = rs[::-1]
        out, ltr = [], []
        for t in rs:
            if not t.get("rtl"):
                ltr.insert(0, t)
                continue
            out += ltr + [t]
            ltr = []
        rs = out + ltr
    return "".join(t["text"] for t in rs).strip()


def joined(lines, lang):
    return ("" if lang == "zh" else " ").join(l for l in lines if l)


def compare(got, want, what):
    # a line broken at a hyphenation point ends with "-" (docs/hyphenation.md): hyphens and
    # the spaces of line ends are left out of the comparison
    got = re.sub(r"[\s\-]", "", got)
    want = re.sub(r"[\s\-]", "", want)
    if want in got:
        print(f"ok: {what}: all {len(want)} characters in order")
        return 0
    k = 0
    start = got.find(want[:20])
    if start < 0:
        print(f"FAIL: {what}: the paragraph's start is not found")
        return 1
    while k < len(want) and start + k < len(got) and got[start + k] == want[k]:
        k += 1
    print(f"FAIL: {what}: differs at character {k} of {len(want)}:\n  got  {got[start + k - 20:start + k + 30]!r}\n  want {want[k - 20:k + 30]!r}")
    return 1


def para_of(deck):
    return json.load(open(deck))["slides"][1]["blocks"][0]["text"]


def laid(lang, deck, dump):
    want = para_of(deck)
    d = json.load(open(dump))
    body = json.load(open(deck))
    lines = []
    for p in d["pages"]:
        rows = {}
        for t in p["texts"]:
            if not t.get("glyphs"):
                print(f"FAIL: a text run has no glyphs: {t['text']!r}")
                return 1
            if abs(t["size"] - 10) < 0.01 and t["text"] not in ("•",):
                rows.setdefault(t["at"][1], []).append(t)
        for y in sorted(rows):
            lines.append(logical(rows[y], lang))
    n_pages = len(d["pages"])
    if n_pages < 2:
        print(f"FAIL: {lang}: the paragraph fills {n_pages} page(s), wanted it to continue on a next page")
        return 1
    return compare(joined(lines, lang), want, f"{lang}: laid-out pages ({n_pages} pages)")


def pdf(lang, deck, text):
    want = para_of(deck)
    raw = open(text, encoding="utf-8").read()
    lines = []
    for page in raw.split("\f"):
        for l in page.split("\n"):
            l = "".join(c for c in l if c not in "\u202a\u202b\u202c\u202d\u202e\u200e\u200f").strip()
            if not l or re.fullmatch(r"\d+ ?/ ?\d+", l):
                continue  # the footer's page numbers
            lines.append(l.removeprefix("• ").removeprefix("•").strip())
    # the header (the deck's title) is dropped where it cuts the paragraph
    title = json.load(open(deck)).get("title", "")
    lines = [l for l in lines if l != title]
    return compare(joined(lines, lang), want, f"{lang}: pdftotext")


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "make":
        make(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))
        sys.exit(0)
    sys.exit({"laid": laid, "pdf": pdf}[cmd](*sys.argv[2:5]))

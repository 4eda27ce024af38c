#!/usr/bin/env python3
"""Issue 18: `extract` of translated slides gives the translation back.

usage: roundtrip_check.py LANG EXPECTED.deck.json GOT.deck.json

EXPECTED: `deckhand translate` of the source's deck JSON with the translation merged (what
the slides should say); GOT: `deckhand extract` of the translated slides (what a reader
recovers from them). Slides are paired by page.

What is compared, after a normalisation that changes no word (`norm`):
- titles: exact, per slide with a title on either side;
- blocks: each slide's blocks are matched by their whole text (a multiset: a block counts
  once); a block of GOT equal to one of EXPECTED is a true positive, every other block of
  GOT a false positive, every other block of EXPECTED a false negative. Block precision,
  recall and F1 are summed over the deck. This is stricter than words: one wrong, lost or
  extra word, or a block split in two or two joined, costs the whole block (twice: a false
  positive and a false negative);
- words (reported, and held to the same bar): the same over word tokens of the slide's
  blocks (CJK ideographs and kana one token each), which says how far a failing block is.
- levels and markers of the blocks matched: reported, not gated.

Normalisation (both sides alike), and nothing more: NFC; characters that carry no text
removed (soft hyphen U+00AD, ZWSP U+200B, LRM/RLM U+200E/F, ALM U+061C, bidi embeddings and
isolates U+202A-E, U+2066-9, BOM U+FEFF, word joiner U+2060: the text layer adds the ZWSP
and the RLM for other readers, docs/text-setting.md); every run of ordinary white space is
one space, none at the ends. No-break spaces (U+00A0, U+202F, U+2007) are not ordinary
white space: the French translation sets them before `:`, `?` and `!` so that a line never
starts with that sign, and they must come back as typed. Letters, digits, punctuation,
their order, the hyphen U+002D and the spaces between Han and Latin are compared as they
are: a hyphen a translator typed (`по-прежнему`) must come back, and one the setter added
at a line break must not.

Exits 1 when a title differs or block or word F1 is under MIN_F1 (0.98), else 0. Prints
one summary line `LANG: titles k/n exact, blocks P/R/F1, words P/R/F1` and each
difference.
"""
import json
import re
import sys
import unicodedata
from collections import Counter

MIN_F1 = 0.98

INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e"
                                   "\u2066\u2067\u2068\u2069\ufeff\u2060"))


def cjk(ch):
    o = ord(ch)
    return (0x2e80 <= o <= 0x9fff or 0xf900 <= o <= 0xfaff or 0xff00 <= o <= 0xffef
            or 0x3000 <= o <= 0x303f or 0x20000 <= o <= 0x3ffff)


SPACES = re.compile(r"[ \t\n\r\f\v\u0085\u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]+")


def norm(s):
    s = unicodedata.normalize("NFC", s or "").translate(INVISIBLE)
    return SPACES.sub(" ", s).strip(" ")


def tokens(s):
    toks, cur = [], ""
    for ch in norm(s):
        if ch.isspace():  # (a no-break space too: it parts words)
            if cur:
                toks.append(cur)
            cur = ""
        elif cjk(ch):
            if cur:
                toks.append(cur)
            cur = ""
            if ch.isalnum():
                toks.append(ch)
        else:
            cur += ch
    if cur:
        toks.append(cur)
    return toks


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    lang, want_path, got_path = sys.argv[1:4]
    want = json.load(open(want_path, encoding="utf-8"))
    got = json.load(open(got_path, encoding="utf-8"))
    got_by_page = {s["page"]: s for s in got["slides"]}
    notes = []
    if len(got["slides"]) != len(want["slides"]):
        notes.append(f"{len(got['slides'])} slides extracted, {len(want['slides'])} expected")
    titles_ok = titles_n = 0
    btp = bfp = bfn = 0
    wtp = wfp = wfn = 0
    level_bad = marker_bad = 0
    for s in want["slides"]:
        o = got_by_page.get(s["page"], {"title": "", "blocks": []})
        wt, gt = norm(s.get("title")), norm(o.get("title"))
        if wt or gt:
            titles_n += 1
            if wt == gt:
                titles_ok += 1
            else:
                notes.append(f"slide {s['page']}: title {gt!r}, expected {wt!r}")
        wb = [norm(b["text"]) for b in s.get("blocks", [])]
        gb = [norm(b["text"]) for b in o.get("blocks", [])]
        common = Counter(wb) & Counter(gb)
        n = sum(common.values())
        btp += n
        bfp += len(gb) - n
        bfn += len(wb) - n
        for t in (Counter(wb) - common).elements():
            notes.append(f"slide {s['page']}: block missing: {t!r}")
        for t in (Counter(gb) - common).elements():
            notes.append(f"slide {s['page']}: block not expected: {t!r}")
        ww = Counter(t for b in wb for t in tokens(b))
        gw = Counter(t for b in gb for t in tokens(b))
        c = sum((ww & gw).values())
        wtp += c
        wfp += sum(gw.values()) - c
        wfn += sum(ww.values()) - c
        # levels and markers of the blocks that match, in order
        gl = {}
        for b in o.get("blocks", []):
            gl.setdefault(norm(b["text"]), []).append(b)
        for b in s.get("blocks", []):
            m = gl.get(norm(b["text"]))
            if m:
                g = m.pop(0)
                level_bad += g.get("level") != b.get("level")
                marker_bad += (g.get("marker") or "") != (b.get("marker") or "")
    bp, br, bf = prf(btp, bfp, bfn)
    wp, wr, wf = prf(wtp, wfp, wfn)
    print(f"{lang}: titles {titles_ok}/{titles_n} exact; blocks P {bp:.3f} R {br:.3f} F1 {bf:.3f} "
          f"({btp} of {btp + bfn} exact, {bfp} extra); words P {wp:.3f} R {wr:.3f} F1 {wf:.3f}; "
          f"matched blocks with another level {level_bad}, another marker {marker_bad}")
    for n in notes:
        print(f"  {lang}: {n}")
    return 0 if titles_ok == titles_n and bf >= MIN_F1 and wf >= MIN_F1 else 1


if __name__ == "__main__":
    sys.exit(main())

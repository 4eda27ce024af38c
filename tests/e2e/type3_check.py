#!/usr/bin/python3
"""Checks of tests/e2e/type3.sh: text in Type 3 fonts read at its size.

  type3_check.py extract TRUTH.json DECK.json TOL NAME
      every title and line of TRUTH (type3_pdf.py's, or written by hand) is in DECK
      (`deckhand extract`'s) with its text exact, its level, and a size within TOL (a
      fraction: 0.03) of the truth's; a block's box is at most 1.6 times its size tall.
  type3_check.py layout TRUTH.json DECK.json LAYOUT.json NAME [TOL]
      in `slides --dump layout` of a translation, the text set in each unit's frame is
      set no larger than its source (1.01 + TOL times the truth's size at most: the size
      extract read, within TOL) and no smaller
      than 0.6 times it (short lines, a translation 40 % longer: a unit read at half or
      1.5 times its size is set so, or shrunk to fit a room that size made).
Prints 'FAIL: ...' lines and exits 1 on a violation, else prints 'ok: ...'.
"""
import json
import sys


def blocks_of(deck):
    """(slide index, key, text, level, size, bbox) of every title and block."""
    out = []
    for i, s in enumerate(deck["slides"]):
        if s.get("title"):
            out.append((i, s["id"] + ".title", s["title"], 0, float((s.get("title_style") or {}).get("size") or 0),
                        s.get("title_bbox")))
        for b in s.get("blocks", []):
            out.append((i, b["id"], b["text"], b.get("level", 0), float((b.get("style") or {}).get("size") or 0), b.get("bbox")))
    return out


def truth_lines(truth):
    """(slide index, text, size, level (0: the title))."""
    out = []
    for i, s in enumerate(truth["slides"]):
        out.append((i, s["title"][0], float(s["title"][1]), 0))
        for text, size, level in s["lines"]:
            out.append((i, text, float(size), int(level)))
    return out


def main():
    mode = sys.argv[1]
    truth = json.load(open(sys.argv[2], encoding="utf-8"))
    deck = json.load(open(sys.argv[3], encoding="utf-8"))
    fails = []
    have = blocks_of(deck)
    if mode == "extract":
        tol, name = float(sys.argv[4]), sys.argv[5]
        for i, text, size, level in truth_lines(truth):
            found = [b for b in have if b[0] == i and b[2] == text]
            if not found:
                near = [b[2] for b in have if b[0] == i]
                fails.append(f"{name}: slide {i + 1}: no block reads {text!r} (the slide's: {near})")
                continue
            _, key, _, got_level, got, bbox = found[0]
            if level and got_level != level:
                fails.append(f"{name}: {key} {text!r}: level {got_level}, the truth's {level}")
            if abs(got - size) > tol * size:
                fails.append(f"{name}: {key} {text!r}: size {got:.2f} pt, the truth's {size:.2f} (within {tol:.0%})")
            if bbox and bbox[3] - bbox[1] > 1.6 * size:
                fails.append(f"{name}: {key} {text!r}: its box is {bbox[3] - bbox[1]:.1f} pt tall for {size:.2f} pt text")
        # a title the truth says is bold (a Type 3 font named in its descriptor only)
        for i, ts in enumerate(truth["slides"]):
            if "title_bold" in ts and i < len(deck["slides"]):
                got = bool((deck["slides"][i].get("title_style") or {}).get("bold"))
                if got != ts["title_bold"]:
                    fails.append(f"{name}: slide {i + 1}: title bold {got}, the truth's {ts['title_bold']}")
        summary = f"{name}: {len(truth_lines(truth))} titles and lines at their sizes (within {tol:.0%})"
    else:
        layout, name = json.load(open(sys.argv[4], encoding="utf-8")), sys.argv[5]
        tol = float(sys.argv[6]) if len(sys.argv) > 6 else 0.03
        size_of = {}  # key -> the truth's size
        for i, text, size, _ in truth_lines(truth):
            for b in have:
                if b[0] == i and b[2] == text:
                    size_of[b[1]] = size
        checked = 0
        for p in layout["pages"]:
            # (a frame's box: x, y, width, height, in points from the top left)
            frames = [(f["slide"], (f["box"][0], f["box"][1], f["box"][0] + f["box"][2], f["box"][1] + f["box"][3]))
                      for f in p.get("frames", []) if "slide" in f]
            for t in p.get("texts", []):
                x, y = t["at"]
                keys = [k for k, (x0, y0, x1, y1) in frames if x0 - 1 <= x <= x1 + 1 and y0 - 1 <= y <= y1 + 1]
                if not keys or keys[0] not in size_of:
                    continue
                key, src = keys[0], size_of[keys[0]]
                checked += 1
                if t["size"] > (1.01 + tol) * src or t["size"] < 0.6 * src:
                    fails.append(f"{name}: {key}: set at {t['size']:.2f} pt, its source {src:.2f} pt")
        if checked == 0:
            fails.append(f"{name}: no translated text found in the frames of the truth's units")
        summary = f"{name}: {checked} translated lines set at their source's size or shrunk to fit"
    for f in fails:
        print("FAIL: " + f)
    if fails:
        return 1
    print("ok: " + summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())

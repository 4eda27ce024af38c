#!/usr/bin/env python3
"""Checks laid-out pages (deckhand handout --dump layout): every text run that touches a
slide's frame lies inside it, and no two runs in a frame overlap. A run's box is its
advance width by its em box (0.8 em above the baseline, 0.25 em below: where the glyphs
of Latin, Cyrillic, Arabic and Han text sit; fonts' own ascent and descent, which leave
room for stacked marks, overlap between lines set 1.3 em apart by design). Prints one
line per problem; exit 1 when there is one."""
import json, sys

TOL = 0.6  # points

def main(path):
    doc = json.load(open(path, encoding="utf-8"))
    problems = []
    for pi, page in enumerate(doc["pages"], 1):
        frames = [f["box"] for f in page.get("frames", [])]
        by_frame = {i: [] for i in range(len(frames))}
        for t in page.get("texts", []):
            x, y = t["at"]
            w, size = t.get("width", 0), t["size"]
            box = (x, y - 0.8 * size, x + w, y + 0.25 * size)
            for i, (fx, fy, fw, fh) in enumerate(frames):
                if box[2] <= fx or box[0] >= fx + fw or box[3] <= fy or box[1] >= fy + fh:
                    continue  # does not touch this frame
                if box[0] < fx - TOL or box[2] > fx + fw + TOL or box[1] < fy - TOL or box[3] > fy + fh + TOL:
                    problems.append("page %d: '%s' crosses the border of frame %d (%.1f,%.1f-%.1f,%.1f in %.1f,%.1f-%.1f,%.1f)"
                                    % (pi, t["text"][:30], i + 1, *box, fx, fy, fx + fw, fy + fh))
                by_frame[i].append((box, size, t["text"]))
        for i, runs in by_frame.items():
            for a in range(len(runs)):
                for b in range(a + 1, len(runs)):
                    (ax0, ay0, ax1, ay1), asz, at = runs[a]
                    (bx0, by0, bx1, by1), bsz, bt = runs[b]
                    if min(ax1, bx1) - max(ax0, bx0) > TOL and min(ay1, by1) - max(ay0, by0) > TOL:
                        problems.append("page %d, frame %d: '%s' overlaps '%s'" % (pi, i + 1, at[:30], bt[:30]))
    for p in problems[:20]:
        print(p)
    if len(problems) > 20:
        print("... %d more" % (len(problems) - 20))
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

#!/usr/bin/python3
"""Totals of generated decks: stats.py DIR [DIR...] prints decks and pages per producer,
language and kind (markdown tables), from the *.expected.json files."""
import collections
import glob
import json
import os
import sys


def main():
    for folder in sys.argv[1:]:
        decks = [json.load(open(p, encoding="utf-8")) for p in sorted(glob.glob(os.path.join(folder, "*.expected.json")))]
        pages = sum(len(d["slides"]) for d in decks)
        print("## %s: %d decks, %d slides (PDF pages)\n" % (folder, len(decks), pages))
        by_p = collections.Counter()
        by_pp = collections.Counter()
        by_l = collections.Counter()
        by_lp = collections.Counter()
        matrix = collections.Counter()
        kinds = collections.Counter()
        for d in decks:
            by_p[d["producer"]] += 1
            by_pp[d["producer"]] += len(d["slides"])
            by_l[d["lang"]] += 1
            by_lp[d["lang"]] += len(d["slides"])
            matrix[d["producer"], d["lang"]] += 1
            for s in d["slides"]:
                for k in s["kinds"]:
                    kinds[k] += 1
        langs = ["ar", "zh", "en", "fr", "ru", "es", "de", "ja", "he", "fa", "th"]
        print("| producer | decks | slides | " + " | ".join(langs) + " |")
        print("|---|---|---|" + "---|" * len(langs))
        for p in sorted(by_p):
            print("| %s | %d | %d | %s |" % (p, by_p[p], by_pp[p], " | ".join(str(matrix[p, l] or "–") for l in langs)))
        print("| **all** | %d | %d | %s |\n" % (len(decks), pages, " | ".join("%d/%d" % (by_l[l], by_lp[l]) for l in langs)))
        print("(language columns: decks; last row: decks/slides per language)\n")
        print("| kind | slides |\n|---|---|")
        for k, n in sorted(kinds.items(), key=lambda x: (-x[1], x[0])):
            print("| `%s` | %d |" % (k, n))
        print()


if __name__ == "__main__":
    main()

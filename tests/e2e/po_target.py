#!/usr/bin/env python3
"""Helpers for the review-sheet test (issue19_deck.sh review).

po_target.py FILE.po KEY          the first word of the translation of unit KEY ("s2.b1")
po_target.py --states IN.po OUT.po   IN with its second unit marked fuzzy and its third emptied
"""
import re
import sys

UNIT = re.compile(r'msgctxt "([^"]*)"\nmsgid ((?:"(?:[^"\\]|\\.)*"\n?)+)msgstr ((?:"(?:[^"\\]|\\.)*"\n?)+)')


def joined(quoted):
    return "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', quoted))


if sys.argv[1] == "--states":
    parts = open(sys.argv[2], encoding="utf-8").read().split("\n\n")
    n = 0
    for i, p in enumerate(parts):
        if "msgctxt" not in p:
            continue
        n += 1
        if n == 2:
            parts[i] = "#, fuzzy\n" + p
        if n == 3:
            parts[i] = re.sub(r'msgstr ".*"(\n".*")*', 'msgstr ""', p)
    open(sys.argv[3], "w", encoding="utf-8").write("\n\n".join(parts))
else:
    text = open(sys.argv[1], encoding="utf-8").read()
    for m in UNIT.finditer(text):
        if m.group(1).split("-")[0] == sys.argv[2]:
            words = joined(m.group(3)).split()
            print(words[0] if words else "")
            break

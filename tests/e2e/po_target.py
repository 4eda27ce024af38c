#!/usr/bin/env python3
"""Helpers for the review-sheet test (issue19_deck.sh review).

po_target.py FILE.po KEY          the first word of the translation of unit KEY ("s2.b1")
po_target.py --states IN.po OUT.po   IN with its second unit marked fuzzy and its third emptied
po_target.py --fill FILE.po FROM.po  FILE's empty targets filled from FROM, those flagged no-translate left
"""
import re
import sys

UNIT = re.compile(r'msgctxt "([^"]*)"\nmsgid ((?:"(?:[^"\\]|\\.)*"\n?)+)msgstr ((?:"(?:[^"\\]|\\.)*"\n?)+)')


def joined(quoted):
    return "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', quoted))


if sys.argv[1] == "--fill":
    tr = {m.group(1): m.group(3) for m in UNIT.finditer(open(sys.argv[3], encoding="utf-8").read())}
    parts = open(sys.argv[2], encoding="utf-8").read().split("\n\n")
    for i, p in enumerate(parts):
        m = UNIT.search(p)
        if not m or "no-translate" in p or m.group(1) not in tr:
            continue
        parts[i] = p[:m.start(3)] + tr[m.group(1)] + p[m.end(3):]
    open(sys.argv[2], "w", encoding="utf-8").write("\n\n".join(parts))
elif sys.argv[1] == "--states":
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

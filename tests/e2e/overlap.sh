#!/bin/sh
# Issue 18's oracle (tests/e2e/overlap_check.py): where a translated slide's new text lies
# over a picture, a path, text that stays or the page's edge, read from the output PDF
# alone. Here its self-test: on a page made for it, the three overlaps must be found, and
# neither a label inside its box nor a line in the clear. (Issue 18 runs it on translated real decks.)
# Usage: overlap.sh ROOT. Exit 77 when a tool it needs is missing.
ROOT=$1
for tool in qpdf mutool gs; do
  command -v "$tool" >/dev/null 2>&1 || { echo "skip: $tool is not installed"; exit 77; }
done
PY=/usr/bin/python3; [ -x "$PY" ] || PY=python3
exec "$PY" "$ROOT/tests/e2e/overlap_check.py" --self-test

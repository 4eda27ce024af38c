#!/bin/sh
# Deck JSON of every real-world corpus deck (../shared/corpus/real, or $DECKHAND_CORPUS)
# from two deckhand builds, compared: per deck, the slides whose kind, title, or blocks
# (level, marker, text) differ, as a unified diff; then the number of changed rows.
# Usage: scripts/compare-corpus-decks.sh OLD_DECKHAND NEW_DECKHAND [ROWS_SHOWN_PER_DECK]
# (for a change to extraction: build the old commit elsewhere, or copy its binary first)
set -eu
old=$1; new=$2; rows=${3:-40}
corpus=${DECKHAND_CORPUS:-$(dirname "$0")/../../shared/corpus/real}
[ -d "$corpus" ] || { echo "compare: corpus not found at $corpus" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/old" "$work/new"
for f in "$corpus"/*.pdf; do
  b=$(basename "$f" .pdf)
  "$old" extract -q "$f" -o "$work/old/$b.json" || echo "compare: old build failed on $b" >&2
  "$new" extract -q "$f" -o "$work/new/$b.json" || echo "compare: new build failed on $b" >&2
done
python3 - "$work/old" "$work/new" "$rows" <<'PY'
import difflib, json, os, sys
old, new, shown = sys.argv[1], sys.argv[2], int(sys.argv[3])
def rows(d):
    out = []
    for s in d['slides']:
        out.append(f"p{s['page']} {s['kind']} TITLE {s.get('title')}")
        for b in s.get('blocks', []):
            out.append(f"p{s['page']}   L{b['level']} {b.get('marker') or '':8} {b['text'][:90]}")
    out.append('FURNITURE ' + json.dumps(d.get('furniture'), ensure_ascii=False)[:200])
    return out
total = 0
for f in sorted(os.listdir(old)):
    if not f.endswith('.json') or not os.path.exists(os.path.join(new, f)):
        continue
    a, b = rows(json.load(open(os.path.join(old, f)))), rows(json.load(open(os.path.join(new, f))))
    if a == b:
        continue
    diff = [l for l in difflib.unified_diff(a, b, lineterm='', n=0) if not l.startswith(('---', '+++'))]
    changed = sum(1 for l in diff if l.startswith('-'))
    total += changed
    print(f"== {f}: {changed} rows changed")
    for l in diff[:shown]:
        print('  ' + l)
print('rows changed over the corpus:', total)
PY

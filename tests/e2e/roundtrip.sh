#!/bin/sh
# Issue 18: `extract` of the translated sample gives the translation back. For each of fr,
# es, ru, ar and zh: `deckhand slides` of samples/ietf-wsis20.pdf with
# samples/translations/ietf-wsis20.LANG.po, then `deckhand extract` of the result, compared
# by roundtrip_check.py with `deckhand translate` of the source's deck JSON (the source with
# the translation merged): titles exact, blocks matched by their whole text with F1 >= 0.98,
# word F1 >= 0.98. Negative controls: the same check must fail on the French read-back with
# one word changed, with a no-break space turned into a space, and with a block cut in two.
# Exit 77 when a tool is missing.
DECKHAND=$1; ROOT=$2
export LC_ALL=C.UTF-8
PY=/usr/bin/python3
[ -x "$PY" ] || { echo "skip: $PY not found"; exit 77; }
[ -x "$DECKHAND" ] || { echo "skip: $DECKHAND not found"; exit 77; }
. "$ROOT/tests/e2e/lib.sh"
CHECK="$PY $ROOT/tests/e2e/roundtrip_check.py"
SRC=$ROOT/samples/ietf-wsis20.pdf

"$DECKHAND" extract -q "$SRC" -o "$T/src.json" || { bad "extract of the source"; summary; exit 1; }
for l in fr es ru ar zh; do
  po=$ROOT/samples/translations/ietf-wsis20.$l.po
  if ! "$DECKHAND" slides "$SRC" --translations "$po" -o "$T/$l.pdf" 2>"$T/$l.warn"; then
    bad "$l: slides failed: $(head -c 300 "$T/$l.warn")"; continue
  fi
  "$DECKHAND" translate -q "$T/src.json" "$po" -o "$T/$l.want.json" || { bad "$l: translate"; continue; }
  "$DECKHAND" extract -q "$T/$l.pdf" -o "$T/$l.got.json" || { bad "$l: extract of the translated slides"; continue; }
  if $CHECK "$l" "$T/$l.want.json" "$T/$l.got.json" >"$T/$l.report" 2>&1; then
    ok "$(head -1 "$T/$l.report")"
  else
    bad "$(head -1 "$T/$l.report")"
  fi
  tail -n +2 "$T/$l.report"
done

# negative controls: the check sees one changed word, a lost no-break space, a cut block
control() {  # NAME PYTHON-EDIT (of the deck `d`)
  name=$1
  $PY - "$T/fr.got.json" "$T/ctl.json" "$2" <<'EOF' || { bad "control $name: could not make the deck"; return; }
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
before = json.dumps(d, ensure_ascii=False)
exec(sys.argv[3])
if json.dumps(d, ensure_ascii=False) == before:
    sys.exit("the edit changed nothing")
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
EOF
  if $CHECK fr "$T/fr.want.json" "$T/ctl.json" >"$T/ctl.report" 2>&1; then
    bad "control $name: the check passed: $(head -1 "$T/ctl.report")"
  else
    ok "control $name fails as it must: $(head -1 "$T/ctl.report")"
  fi
}
if [ -f "$T/fr.got.json" ] && [ -f "$T/fr.want.json" ]; then
  control "one word changed" 'b = d["slides"][1]["blocks"][0]; b["text"] = b["text"].replace("défendre", "attaquer", 1)'
  control "a no-break space lost" 's = d["slides"][1]; s["title"] = s["title"].replace("\u202f", " ")'
  control "a block cut in two" 'bs = d["slides"][2]["blocks"]; t = bs[0]["text"].split(" "); h = len(t) // 2; bs[0:1] = [dict(bs[0], text=" ".join(t[:h])), dict(bs[0], text=" ".join(t[h:]))]'
else
  bad "no French read-back for the negative controls"
fi
summary

#!/bin/sh
# Issue 18: does `deckhand slides --check` see what a reader sees? Translated slides of the
# sample (its five translations, pseudo +40 % and +80 %) and of five real decks (pseudo +40 %
# and +80 %; the three with tests/data/sizes tables also in fr, es, ru, ar and zh) are read
# back by the oracle tests/e2e/overlap_check.py (independent of the layout code), and each of
# its findings must be among what --check listed; --check's false alarms at most 2 % of the
# units it lists (tests/e2e/slides_oracle.py).
# Usage: slides_oracle.sh DECKHAND ROOT [full]. Without `full`: the sample, and each real
# deck at +80 % (the CI's share); `full` runs every case (~20 minutes on 2 cores).
# Exit 77 when a tool is missing; real decks are skipped when ../shared is absent.
DECKHAND=$1; ROOT=$2; MODE=${3:-}
for tool in qpdf mutool gs; do
  command -v "$tool" >/dev/null 2>&1 || { echo "skip: $tool is not installed"; exit 77; }
done
PY=/usr/bin/python3; [ -x "$PY" ] || PY=python3
$PY -c "import fontTools" 2>/dev/null || { echo "skip: python3 has no fontTools"; exit 77; }
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
CORPUS=${DECKHAND_CORPUS:-$ROOT/../shared/corpus/real}
S=$ROOT/samples/ietf-wsis20.pdf
cases=""
for l in fr es ru ar zh; do cases="$cases sample-$l:$S:$ROOT/samples/translations/ietf-wsis20.$l.po"; done
for e in 40 80; do
  "$DECKHAND" strings pseudo -q --all "$S" --expand "$e%" --format po -o "$T/sample.p$e.po" || { echo "FAIL: strings pseudo"; exit 1; }
  cases="$cases sample-p$e:$S:$T/sample.p$e.po"
done
for name in google-slides-tidb-5-preview-zh keynote-types-dont-know-hash powerpoint2013-making-cpp-code-beautiful \
            google-slides-cpp11-in-the-wild powerpoint-ltsc-dynamic-libraries-ru; do
  pdf=$CORPUS/$name.pdf
  if [ ! -f "$pdf" ]; then echo "skip: $name (corpus absent: $pdf)"; continue; fi
  exps=80; [ "$MODE" = full ] && exps="40 80"
  for e in $exps; do
    "$DECKHAND" strings pseudo -q --all "$pdf" --expand "$e%" --format po -o "$T/$name.p$e.po" || { echo "FAIL: $name: strings pseudo"; exit 1; }
    cases="$cases $name-p$e:$pdf:$T/$name.p$e.po"
  done
  if [ "$MODE" = full ] && [ -f "$ROOT/tests/data/sizes/$name.fr.tsv" ]; then
    for lang in fr es ru ar zh; do
      "$DECKHAND" strings export -q "$pdf" --format po --target-lang "$lang" -o "$T/$name.$lang.export.po" &&
        $PY "$ROOT/tests/e2e/sizes_check.py" fill "$T/$name.$lang.export.po" "$ROOT/tests/data/sizes/$name.$lang.tsv" "$T/$name.$lang.po" >/dev/null ||
        { echo "FAIL: $name $lang: making the translation"; exit 1; }
      cases="$cases $name-$lang:$pdf:$T/$name.$lang.po"
    done
  fi
done
# shellcheck disable=SC2086
exec $PY "$ROOT/tests/e2e/slides_oracle.py" "$DECKHAND" "$T/out" $cases

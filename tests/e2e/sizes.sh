#!/bin/sh
# Acceptance (issue 17), sizes: in the translated slides of the sample (its five shipped
# translations) and of three real-world decks of the corpus (../shared/corpus/real, or
# $DECKHAND_CORPUS; skipped when absent) in fr, ru, es, ar and zh (translations of their
# titles and first blocks, tests/data/sizes/<deck>.<lang>.tsv, by key, without the source
# text) and with `strings pseudo` at +40 % and +80 %, all translated items of one level and
# one source size in a slide body have one laid-out size; every unit is set in one size, a
# title too; no untranslated unit is set again. Checked on `slides --dump layout` against
# the deck's structure (`extract`) by sizes_check.py.
# Usage: sizes.sh DECKHAND ROOT. Exit 0 all well, 1 a violation, 77 a tool missing.
DECKHAND=$1; ROOT=$2
export LC_ALL=C.UTF-8
command -v python3 >/dev/null 2>&1 || { echo "skip: python3 missing"; exit 77; }
[ -x "$DECKHAND" ] || { echo "FAIL: no deckhand at $DECKHAND"; exit 1; }
. "$ROOT/tests/e2e/lib.sh"
CHECK="python3 $ROOT/tests/e2e/sizes_check.py"
DATA=$ROOT/tests/data/sizes
CORPUS=${DECKHAND_CORPUS:-$ROOT/../shared/corpus/real}

# check NAME LANG PDF PO: lay the translated slides out, check the sizes
check() {
  name=$1; lang=$2; pdf=$3; po=$4
  if ! "$DECKHAND" slides -q "$pdf" --translations "$po" --dump layout -o "$T/$name.$lang.layout.json" 2>"$T/err"; then
    bad "$name $lang: slides --dump layout failed: $(head -c 300 "$T/err")"; return
  fi
  if $CHECK check "$T/$name.json" "$T/$name.$lang.layout.json" "$po" "$name $lang" >"$T/report"; then
    ok "$(grep '^ok: ' "$T/report" | sed 's/^ok: //')"
  else
    grep '^FAIL: ' "$T/report" | head -20
    bad "$(grep '^info: ' "$T/report" | sed 's/^info: //')"
  fi
  grep '^  note: ' "$T/report" || :
}

# deck NAME PDF: the structure, then the +40 % and +80 % pseudo-translations
deck() {
  name=$1; pdf=$2
  "$DECKHAND" extract -q "$pdf" -o "$T/$name.json" || { bad "$name: extract"; return 1; }
  for e in 40 80; do
    if "$DECKHAND" strings pseudo -q --all "$pdf" --expand "$e%" --format po -o "$T/$name.pseudo$e.po"; then
      check "$name" "pseudo$e" "$pdf" "$T/$name.pseudo$e.po"
    else
      bad "$name: strings pseudo --all --expand $e%"
    fi
  done
  return 0
}

# the sample, with its shipped translations as they are
S=$ROOT/samples/ietf-wsis20.pdf
if deck ietf-wsis20 "$S"; then
  for lang in fr ru es ar zh; do check ietf-wsis20 "$lang" "$S" "$ROOT/samples/translations/ietf-wsis20.$lang.po"; done
fi

# the corpus decks, with the translations of their titles and first blocks
for name in powerpoint2013-making-cpp-code-beautiful keynote-types-dont-know-hash google-slides-cpp11-in-the-wild; do
  pdf=$CORPUS/$name.pdf
  if [ ! -f "$pdf" ]; then echo "skip: $name (corpus absent: $pdf)"; continue; fi
  deck "$name" "$pdf" || continue
  for lang in fr ru es ar zh; do
    if ! "$DECKHAND" strings export -q "$pdf" --format po --target-lang "$lang" -o "$T/$name.$lang.export.po"; then
      bad "$name $lang: strings export"; continue
    fi
    if ! $CHECK fill "$T/$name.$lang.export.po" "$DATA/$name.$lang.tsv" "$T/$name.$lang.po" >"$T/fill"; then
      bad "$name $lang: filling the translations: $(cat "$T/fill")"; continue
    fi
    echo "  $name $lang: $(cat "$T/fill")"
    check "$name" "$lang" "$pdf" "$T/$name.$lang.po"
  done
done
summary

#!/bin/sh
# Issue 17: translated slides keep the source's fonts where a metric-compatible free family is
# installed (docs/fonts.md): pdffonts of the translated slides of PowerPoint decks of the
# corpus shows Carlito where the source used Calibri, Liberation Sans where it used Arial,
# and mutool trace shows the translated text's glyphs in those fonts. Corpus decks only
# (skipped, exit 77, without the corpus: DECKHAND_CORPUS, default ROOT/../shared/corpus/real).
# Usage: source_fonts.sh DECKHAND ROOT
. "$(dirname "$0")/lib.sh"
DECKHAND=$1
ROOT=$2
CORPUS=${DECKHAND_CORPUS:-$ROOT/../shared/corpus/real}
[ -d "$CORPUS" ] || { echo "skip: no corpus at $CORPUS"; exit 77; }
for tool in pdffonts mutool fc-list; do command -v $tool >/dev/null || { echo "skip: no $tool"; exit 77; }; done
fc-list | grep -q Carlito && fc-list | grep -q "Liberation Sans" || { echo "skip: Carlito or Liberation Sans not installed (scripts/deps.sh build)"; exit 77; }
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
check() {  # deck source-font substitute
  deck=$CORPUS/$1.pdf
  [ -f "$deck" ] || { echo "skip: no $1"; return; }
  pdffonts "$deck" 2>/dev/null | grep -q "$2" || { bad "$1: the source has no $2 font (the check is void)"; return; }
  "$DECKHAND" strings pseudo -q --all "$deck" --expand 40% --format po -o "$T/$1.po" 2>/dev/null
  quiet "$1: slides" "$DECKHAND" slides -q "$deck" --translations "$T/$1.po" -o "$T/$1.pdf"
  pdffonts "$T/$1.pdf" >"$T/$1.fonts" 2>&1
  grep -q "+$3" "$T/$1.fonts" && ok "$1: pdffonts shows $3 for $2" || bad "$1: no $3 in: $(cut -c1-40 "$T/$1.fonts" | tr '\n' ' ')"
  # the translated (pseudo, bracketed) text is drawn in it: glyphs of the substitute on the pages
  mutool trace "$T/$1.pdf" >"$T/$1.trace" 2>/dev/null
  n=$(grep -c "font=\"[A-Z]*+$3" "$T/$1.trace")
  [ "$n" -gt 0 ] && ok "$1: $n text spans drawn in $3" || bad "$1: nothing drawn in $3"
}
check powerpoint2013-making-cpp-code-beautiful Calibri Carlito
check powerpoint-ltsc-dynamic-libraries-ru Calibri Carlito
check google-slides-cpp11-in-the-wild Arial LiberationSans
summary

#!/bin/sh
# Generate the benchmark's slide decks with known truth: many varied PDFs from random specs
# (LibreOffice Impress from ODP and PPTX, Beamer with pdfLaTeX, XeLaTeX and LuaLaTeX, cairo
# with Pango), in eleven languages. See scripts/gen-decks/README.md.
# Usage: scripts/gen-decks.sh --split dev|heldout [--out DIR] [--seeds A-B] [--producers p1,p2] [-j N]
#                             [--from-specs] [--verify]     (as root on Debian 12 it installs the tools)
set -eu
cd "$(dirname "$0")/.."
PKGS="python3 python3-cairo python3-gi python3-gi-cairo gir1.2-pango-1.0 python3-fonttools python3-pikepdf
  python3-pyphen poppler-utils libreoffice-impress hyphen-de hyphen-fr hyphen-en-us
  texlive-latex-base texlive-latex-recommended texlive-latex-extra texlive-pictures texlive-fonts-recommended
  texlive-xetex texlive-luatex texlive-lang-arabic texlive-lang-cjk texlive-lang-chinese texlive-lang-other texlive-lang-german
  texlive-lang-cyrillic texlive-lang-french texlive-lang-spanish texlive-lang-japanese cm-super lmodern
  fonts-dejavu-core fonts-noto-core fonts-noto-cjk fonts-noto-extra fonts-thai-tlwg fonts-liberation2
  fonts-crosextra-carlito fonts-freefont-ttf fonts-hosny-amiri fonts-droid-fallback"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "deckhand: error: scripts/gen-decks.sh: missing packages:$missing (as root it installs them)" >&2
    exit 1
  fi
  apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
fi
exec /usr/bin/python3 scripts/gen-decks/gendecks.py "$@"

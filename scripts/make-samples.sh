#!/bin/sh
# Regenerate samples/*.pdf and samples/*.truth.json from samples/src/*.deck with real
# presentation tools: LibreOffice Impress (soffice --headless) and Beamer (pdflatex).
# Usage: scripts/make-samples.sh [NAME...]      (as root on Debian 12 it installs the tools)
set -eu
cd "$(dirname "$0")/.."
if ! command -v soffice >/dev/null 2>&1 || ! command -v pdflatex >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ]; then
    echo "deckhand: error: scripts/make-samples.sh: needs soffice and pdflatex (as root it installs them: libreoffice-impress, texlive-latex-recommended, texlive-pictures)" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    python3 libreoffice-impress texlive-latex-recommended texlive-latex-base texlive-pictures \
    texlive-fonts-recommended lmodern fonts-dejavu-core fonts-noto-core fonts-droid-fallback
fi
exec python3 scripts/make-samples.py "$@"

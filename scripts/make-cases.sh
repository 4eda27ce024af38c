#!/bin/sh
# Regenerate deckhand's own extraction cases, tests/cases/extract/*.pdf and
# *.expected.json, with scripts/make-cases.py (cairo's PDF surface and a hand-written PDF).
# Usage: scripts/make-cases.sh [NAME...]      (as root on Debian 12 it installs the tools)
set -eu
cd "$(dirname "$0")/.."
if ! /usr/bin/python3 -c 'import cairo, gi; gi.require_version("PangoCairo", "1.0")' >/dev/null 2>&1 ||
   [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || [ ! -f /usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "deckhand: error: scripts/make-cases.sh: needs python3-cairo, python3-gi, gir1.2-pango-1.0, fonts-dejavu-core, fonts-noto-core and fonts-hosny-amiri (as root it installs them)" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3 python3-cairo python3-gi \
    python3-gi-cairo gir1.2-pango-1.0 fonts-dejavu-core fonts-noto-core fonts-hosny-amiri
fi
exec /usr/bin/python3 scripts/make-cases.py "$@"

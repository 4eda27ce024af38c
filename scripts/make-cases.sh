#!/bin/sh
# Regenerate deckhand's own extraction cases, tests/cases/extract/*.pdf and
# *.expected.json, with scripts/make-cases.py (cairo's PDF surface and a hand-written PDF).
# Usage: scripts/make-cases.sh [NAME...]      (as root on Debian 12 it installs the tools)
set -eu
cd "$(dirname "$0")/.."
if ! /usr/bin/python3 -c 'import cairo' >/dev/null 2>&1 || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "deckhand: error: scripts/make-cases.sh: needs python3-cairo and fonts-dejavu-core (as root it installs them)" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3 python3-cairo fonts-dejavu-core
fi
exec /usr/bin/python3 scripts/make-cases.py "$@"

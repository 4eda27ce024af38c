#!/bin/sh
# Installs what deckhand needs, from Debian 12 packages only, and nothing that is there.
# Usage: sh scripts/deps.sh build|test      (as root; a plain user gets the apt-get line)
#   build: compiler, CMake, the libraries, the spelling dictionaries extraction reads
#          line-end hyphens with (German, English, French, Spanish, Russian), the
#          hyphenation patterns layout breaks lines with (French, Russian, Spanish, English;
#          read at run time, docs/hyphenation.md), and the free fonts that stand in for the
#          source decks' fonts (Carlito for Calibri, Caladea for Cambria, Liberation for
#          Arial, Helvetica, Times New Roman and Courier New, TeX Gyre for the other
#          PostScript fonts: docs/fonts.md), found with fontconfig at run time, and the
#          URW base 35 fonts' AFM files (the standard 14 fonts' widths: slides measures
#          a PDF's text in such a font that has no /Widths with them)
#   test:  the above, plus the independent tools the tests read our output with (and
#          groff-base and man-db, which render the man page docs/deckhand.1 in its test)
#   fuzz:  the above, plus clang and its libFuzzer and sanitizer runtimes (scripts/fuzz.sh)
set -eu
what=${1:-build}
pkgs="build-essential cmake pkg-config git ca-certificates
  libpoppler-cpp-dev libhpdf-dev libcli11-dev libspdlog-dev libgtest-dev nlohmann-json3-dev
  libyaml-cpp-dev libicu-dev libunibreak-dev libharfbuzz-dev libjpeg-dev zlib1g-dev
  libpugixml-dev libgettextpo-dev libhunspell-dev libpoppler-private-dev libqpdf-dev libdeflate-dev nettle-dev libhyphen-dev
  libfontconfig-dev fonts-crosextra-carlito fonts-crosextra-caladea fonts-liberation2 fonts-texgyre fonts-urw-base35"
dicts="hunspell-de-de hunspell-en-us hunspell-fr hunspell-es hunspell-ru hyphen-fr hyphen-ru hyphen-es hyphen-en-us"
case "$what" in
  build) pkgs="$pkgs $dicts" ;;
  test) pkgs="$pkgs qpdf poppler-utils jq mupdf-tools gettext translate-toolkit libxml2-utils python3 python3-fonttools python3-numpy libharfbuzz-bin ghostscript groff-base man-db $dicts" ;;
  fuzz) pkgs="$pkgs qpdf poppler-utils jq mupdf-tools gettext translate-toolkit libxml2-utils python3 python3-fonttools python3-numpy libharfbuzz-bin ghostscript groff-base man-db $dicts clang libclang-rt-14-dev" ;;
  *) echo "deckhand: error: scripts/deps.sh: unknown set '$what' (use build, test or fuzz)" >&2; exit 2 ;;
esac
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "deckhand: error: missing Debian packages:$missing (run: sudo apt-get install$missing)" >&2
  exit 1
fi
echo "installing:$missing"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing

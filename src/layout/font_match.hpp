#pragma once
// Source fonts to installed free families: the font a slide's text was set in (a PDF
// BaseFont such as "ABCDEF+Calibri-Light" or "Arial-BoldMT", as the deck model keeps it in
// Style::font) is read into family, weight and slant, and matched with a metric-compatible
// free family found with fontconfig (Carlito for Calibri, Liberation Sans for Arial and
// Helvetica...; the table and its sources are in font_match.cpp and docs/fonts.md).
//
// Coordinates: none. Errors: none thrown; no match is an empty path (the caller falls back
// to its bundled fonts, by script). The fontconfig configuration is the system's (its font
// folders and rules, /etc/fonts); fontconfig's own fallback (it always returns some font)
// is never used: a face counts only when its family is the one asked for.
// Thread safety: every function may be called from several threads; matches and the fonts
// covers() opens are cached for the life of the process.
#include <string>
#include <string_view>

namespace deckhand::layout {

// A PDF font name read into its parts.
struct FontName {
  std::string family;  // as the name spells it, subset prefix, style and "MT"/"PS" left out:
                       // "Calibri", "TimesNewRoman", "Courier New", "HelveticaNeue"; TeX's
                       // "CMBX12" and "LMRoman10-Bold" give "Computer Modern Roman" and
                       // "Latin Modern Roman"
  std::string key;     // family lower-cased without spaces, hyphens or underscores: "timesnewroman"
  int weight = 400;    // OpenType (CSS) weight: 100 Thin, 200 ExtraLight, 300 Light, 400
                       // Regular/Book/Roman, 500 Medium, 600 SemiBold/Demi, 700 Bold,
                       // 800 ExtraBold/Heavy, 900 Black
  bool italic = false; // italic, oblique or slanted
  int width = 100;     // OpenType width class in percent: 75 condensed or narrow, 100 normal
  bool symbol = false; // a symbol, dingbat or math font (Wingdings, Symbol, OpenSymbol, CMSY...)
};

// Reads "ABCDEF+Family-Style", "Family,Style", "FamilyPSMT", "Family-BoldItalicMT",
// "Calibri Light", "CalibriLight", "HelveticaNeue-Medium", "NimbusSanL-ReguItal",
// "LMRoman10-Bold", "CMBX12", "SFRM1000"... A hyphen whose tail is not style words
// belongs to the family ("MS-PGothic").
FontName parse_font_name(std::string_view pdf_name);

struct FontRequest {
  std::string source_name;  // the PDF font name (Style::font)
  bool bold = false;        // the run's weight and slant as the deck model has them; the
  bool italic = false;      // name's own weight and slant count too ("Arial-BoldMT")
};

struct FontMatch {
  std::string family;       // the substitute's family as fontconfig names it ("Carlito"); "" when none
  std::string path;         // its font file; "" when no match
  int face_index = 0;       // face in a collection (.ttc)
  bool bold = false;        // the face found is bold (weight 600 or more)
  bool italic = false;      // the face found is italic or oblique
  int weight = 400;         // the face's OpenType weight
  bool synthetic_bold = false;  // bold asked, the family has no bold face: draw it stroked
  bool metric_compatible = false;  // same advance widths as the source font (its design
                                   // says so; see the table), not merely similar
  std::string format;       // fontconfig's FC_FONTFORMAT: "TrueType" (glyf outlines, which the
                            // PDF writer, libharu, can embed), "CFF" (OpenType with PostScript
                            // outlines: TeX Gyre, Latin Modern; libharu cannot embed them),
                            // "Type 1"
  std::string why;          // one line for --verbose and the docs:
                            // "Calibri-Light → Carlito Regular (metric-compatible with Calibri; no Light face)"
  bool found() const { return !path.empty(); }
  bool truetype() const { return format == "TrueType"; }
};

// The installed family that best stands in for the source font, or none (empty path).
// Order: the source family itself when installed; then the table's substitutes in their
// order; among those found, the first with TrueType outlines, else the first found (its
// format says CFF or Type 1). Within the family, the face nearest in width, slant and
// weight; bold asked of a family without a bold face gives synthetic_bold.
FontMatch match_font(const FontRequest& request);

// Whether fontconfig lists a scalable face of `family` (case aside): "Carlito".
bool family_installed(std::string_view family);

// Whether the font has a glyph for every character of `text` (white space, controls,
// soft hyphens, zero-width and variation-selector characters left out), read with
// HarfBuzz from the font's cmap. False for an empty match or an unreadable file. The
// caller falls back by script where this is false (Carlito has Latin, Greek, Cyrillic;
// no Arabic, no CJK).
bool covers(const FontMatch& match, std::u32string_view text);

}  // namespace deckhand::layout

#pragma once
// The laid-out pages: the second typed model. The layout stage produces it from a Deck
// and a layout definition; the PDF writer (render/) only serializes it. Everything is at
// a fixed position, in points, origin top-left of the sheet, y down.
#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace deckhand {

struct Color {
  double r = 0, g = 0, b = 0;  // 0..1
  bool operator==(const Color&) const = default;
};

// One glyph of a shaped run, placed as HarfBuzz shaped it (layout/setter.hpp): the writer
// draws it at the pen position plus its offset, then moves the pen by its advance.
struct Glyph {
  unsigned id = 0;           // glyph id in the run's font file (not a character code)
  double advance = 0;        // points, along the baseline (left to right)
  double dx = 0, dy = 0;     // offset from the pen, points; dy up (a mark above its base)
  // The logical text of the glyph's cluster (what it stands for, in reading order), on the
  // cluster's first glyph in the run's drawing order; "" on its other glyphs (a base
  // letter's marks, the parts of a decomposed character).
  std::string text;
};

// A run of glyphs in one font, size and colour, drawn from left to right from (x, y).
struct TextRun {
  double x = 0, y = 0;       // start of the baseline: the left end of the drawn glyphs
  double size = 10;
  std::string font;          // font id: a key of LaidOutDoc::fonts ("regular", "bold")
  std::string text;          // UTF-8, the run's characters in reading (logical) order
  // What is drawn, left to right: in a right-to-left run (rtl) the glyphs are in visual
  // order and the clusters' texts read from the last glyph to the first.
  std::vector<Glyph> glyphs;
  bool rtl = false;
  Color color;
  double width = 0;          // advance width: the sum of the glyphs' advances
  double ascent = 0, descent = 0;  // extent above and below the baseline (points)
  bool stroke = false;       // synthetic bold: filled and stroked (a bold run in a font with no bold face)
  bool oblique = false;      // synthetic italic: slanted by 12° (an italic run in a font with no italic face)
};

struct RuleLine {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double width = 0.5;
  Color color;
};

// A filled rectangle (a background, a coloured band), drawn beneath everything else on its
// page. With print geometry on, a fill that reaches an edge of the trim has already been
// extended by the layout stage into the bleed (so x or y may be negative, x + w more
// than the page width).
struct Fill {
  double x = 0, y = 0, w = 0, h = 0;
  Color color;
};

struct BoxOutline {
  double x = 0, y = 0, w = 0, h = 0;
  double width = 0.5;
  Color color;
};

// What a slide frame shows: page `page` of the source PDF, cut to `crop` and scaled to
// the box. As a vector page (the default), the render stage places the source page itself
// (its text, fonts and images untouched) as a Form XObject clipped to the crop; as a raster
// picture, it asks for the crop rendered to px_w x px_h pixels.
enum class PictureMode { vector, raster };

struct ImageBox {
  double x = 0, y = 0, w = 0, h = 0;
  int page = 0;              // 1-based page of the source PDF
  PictureMode mode = PictureMode::vector;
  // the part of the source page shown, in its units (points of the page as displayed,
  // after /Rotate, within its CropBox; origin top-left, y down): x0, y0, x1, y1. The whole
  // page, or the slide of a letterboxed deck.
  std::array<double, 4> crop{0, 0, 0, 0};
  int px_w = 0, px_h = 0;    // raster mode: the picture's size in pixels
};

struct LaidOutPage {
  double width = 0, height = 0;
  std::vector<Fill> fills;
  std::vector<ImageBox> images;
  std::vector<BoxOutline> boxes;
  std::vector<RuleLine> rules;
  std::vector<TextRun> texts;
  // frames of slides: slide id -> box, for tests and bookmarks
  std::vector<std::pair<std::string, std::array<double, 4>>> frames;
};

struct Bookmark {
  std::string title;
  int page = 0;              // 0-based index into LaidOutDoc::pages
  double y = 0;              // top of the target on that page
  int level = 0;             // 0 top level, 1 under the preceding level-0 entry (sections)
};

// Text that does not fit its box even at the smallest size allowed.
struct Overflow {
  int slide = 0;             // page number of the slide
  std::string key;           // "s3.title", "s3.b2"
  double needed = 0;         // height needed at the smallest size / height available
};

// What a translated slide's line runs into (layout/slide_text.hpp), found from the glyph
// boxes of the set text (ascent to descent, pen start to advance) and the source page's ink:
// a picture, a drawing (a filled or stroked path), text that stays, another unit's
// translation, or the slide's edge. Ink the unit's source box already met on the source
// (the shape that holds a label, a photo under a title) is the unit's background, except
// where it lies outside that box.
struct Collision {
  int slide = 0;             // page number of the slide
  std::string key;           // "s3.b2"
  std::string what;          // "a picture", "a drawing", "other text", "the translation of s3.b1", "the slide's edge"
  double by = 0;             // points: the overlap's smaller side (for the edge: how far past it)
  std::array<double, 4> at{};  // where: the largest overlap (x0, y0, x1, y1; the glyphs' box for the edge)
};

// Print geometry (docs/printing.md). The laid-out page (LaidOutPage::width x height) is
// the trim: the finished size after cutting. When `on`, the render stage writes pages of
// trim + 2 x (bleed, or slug when there are marks) and sets on every page (PDF 32000-1:2008,
// 14.11.2 "Page boundaries"): TrimBox = the trim, BleedBox = trim + `bleed` on every side,
// MediaBox = CropBox = the BleedBox, or larger by the marks' slug. All in points.
struct PrintGeometry {
  bool on = false;
  double bleed = 0;          // beyond the trim on every side (print shops: 3 mm; US 0.125 in)
  double safe = 0;           // text and important content stay this far inside the trim
  bool marks = false;        // crop marks outside the bleed, in registration colour
  double mark_length = 0;    // each mark's length
  double mark_offset = 0;    // from the trim edge to the mark's start (at least bleed + 1 mm)
  double mark_weight = 0.25; // line width
  // the distance from the trim to the MediaBox edge on every side
  double slug() const { return marks ? mark_start() + mark_length + 3 : bleed; }
  // marks keep 1 mm clear of the bleed (so they never touch it, even after rounding)
  double mark_start() const { return std::max(bleed + 72 / 25.4, mark_offset); }
};

struct LaidOutDoc {
  std::vector<LaidOutPage> pages;
  std::vector<Overflow> overflows;
  std::vector<Collision> collisions;  // translated slides only
  std::vector<Bookmark> bookmarks;
  std::map<std::string, std::string> fonts;  // font id -> TrueType file path
  std::string title;         // document information
  std::string subject;
  std::string date;          // "YYYY-MM-DD" for /CreationDate, or "" for none
  int image_quality = 85;    // JPEG quality for photographic slides
  PrintGeometry print;
  bool rtl = false;          // the handout reads right to left (a booklet is bound on the right)
};

nlohmann::ordered_json to_json(const LaidOutDoc& doc);  // the --dump layout form
// The same as text, one item a line, numbers rounded to 0.01 pt, fonts by file name (not
// path): the --dump layout-text form and the layout golden files (tests/golden/layout/).
std::string to_text(const LaidOutDoc& doc);

}  // namespace deckhand

#pragma once
// Bullets drawn as graphics (Beamer's balls, picture bullets): found among the marks the
// page's one pass recorded (page_scan.*), without rendering. Pure: tested on synthetic
// marks.
#include <array>
#include <optional>
#include <vector>

#include "extract/words.hpp"


namespace deckhand::extract {

// Something that leaves ink, as the page's one pass recorded it (points, page as
// displayed, y down): a box (a rectangle, a picture, a glyph's advance box), a filled
// path or a stroked one. `x0..y1` is its box clipped to what can be seen; nothing is
// painted outside it.
struct InkMark {
  enum Kind { box, fill, stroke };
  Kind kind = box;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  std::array<double, 3> rgb{0, 0, 0};
  bool picture = false;   // an image or a gradient: colour unknown
  bool glyph = false;     // a character's advance box (its ink is somewhere inside)
  bool even_odd = false;  // fill rule of a filled path (else nonzero winding)
  double half_width = 0;  // of a stroke
  std::vector<std::vector<std::array<double, 2>>> paths;  // fill, stroke: subpaths, curves flattened
};

// The left edge (points) of a compact mark drawn inside `rect` (x0, y0, x1, y1, points,
// page as displayed, y down), if there is one; `marks` in drawing order. The window is
// painted at 96 dpi (1 pixel = 0.75 pt; a pixel takes the colour of the last mark that
// covers its centre; a picture paints mid grey, unless it reaches in from the left of the
// window or is wider than it: a figure, whose edge may well be white, paints nothing; a glyph paints its
// box unless it is over twice as tall as the window: a big brace or bracket leaves only
// a thin stroke there) and tested as deckhand tested a render of it: the most common colour is the
// background, pixels differing from it by more than 90 (of 765, the sum of the RGB
// differences) are ink, and the ink is a mark when it counts at least 3 pixels and
// under 70 % of the window, is narrower than 80 % of it, is not a thin rule running
// through its whole height, and does not touch its left edge (a box border does).
std::optional<double> drawn_mark(const std::vector<InkMark>& marks, const std::array<double, 4>& rect);

// The horizontal edges among `marks` (points, y down), as HRule {x0, x1, y}: each stroked
// segment within 1 degree of horizontal, each horizontal side of a filled path, and the
// top and bottom of every filled rectangle that is no picture and no glyph (a bar under
// 3 pt tall is one rule at its middle). Edges shorter than 6 pt are left out (a letter's
// serif, a bullet's side); at most `limit` are returned (a page of hatching).
std::vector<HRule> horizontal_rules(const std::vector<InkMark>& marks, size_t limit = 2000);

}  // namespace deckhand::extract

#pragma once
// Which characters of a page nobody can see (issue 16). Pure: the PDF layer
// (page_scan.cpp) records what a page draws, in drawing order, with its transparency;
// these functions decide, and are tested on synthetic input
// (tests/unit/extract_rules_test.cpp, Rule3_HiddenText). Rules in docs/extraction.md,
// step 0.
#include <array>
#include <string>
#include <utility>
#include <vector>

#include "extract/words.hpp"
#include "model/deck.hpp"

namespace deckhand::extract {

// Coordinates: points, page as displayed, origin top-left, y down.

// One glyph as drawn.
struct DrawnChar {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // its box: the advance, from the font's descent to its ascent
  double size = 0;                        // font size as drawn (points)
  std::string text;                       // its Unicode ("" for a glyph that maps to none)
  int render = 0;                         // text render mode 0-7
  std::array<double, 3> fill{0, 0, 0}, stroke{0, 0, 0};
  bool fill_known = true, stroke_known = true;  // false for a pattern
  // Effective opacity of what it paints: /ca (/CA for strokes) times that of every
  // transparency group it is drawn in.
  double fill_alpha = 1, stroke_alpha = 1;
  bool normal_blend = true;  // blend mode Normal here and on every enclosing group
  bool knockout = false;     // drawn in a knockout group
  // The clip is known exactly (every clip in force an axis-aligned rectangle) and is
  // this box; clip_known false: some clip of another shape is in force.
  bool clip_known = true;
  std::array<double, 4> clip{-1e18, -1e18, 1e18, 1e18};
  // Poppler leaves it out of its words as off the page: its origin and advance are wholly
  // off the page (its ascent may still reach onto the page)
  bool off_page = false;
  // Poppler's character position (TextWord::getCharPos): the bytes of the content's
  // strings shown so far on the page; `bytes` of this glyph.
  int pos = 0, bytes = 0;
  size_t order = 0;
};

// Everything else that paints: fills, strokes, pictures, gradients, stencil masks.
struct DrawnShape {
  enum Kind { fill, stroke, picture, gradient, stencil };
  Kind kind = fill;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // its box, within the clip's box
  // It paints all of its box: an axis-aligned rectangle (a fill, or an unmasked picture)
  // under a clip that is known exactly.
  bool exact = false;
  std::array<double, 3> rgb{0, 0, 0};  // the colour of a fill (known only for a fill)
  double alpha = 1;                    // effective opacity (its own times its groups')
  bool normal_blend = true;            // blend mode Normal here and on every enclosing group
  bool soft_mask = false;              // a soft mask (ExtGState /SMask) in force, or the picture's own
  size_t order = 0;
  bool contains(double ax0, double ay0, double ax1, double ay1) const {
    return ax0 >= x0 && ay0 >= y0 && ax1 <= x1 && ay1 <= y1;
  }
  bool meets(double ax0, double ay0, double ax1, double ay1) const { return ax0 < x1 && ax1 > x0 && ay0 < y1 && ay1 > y0; }
  // It hides whatever it covers: nothing of what lies beneath shows through.
  bool opaque() const {
    return alpha >= 0.999 && normal_blend && !soft_mask && (kind == fill || kind == picture);
  }
};

// Why a character cannot be seen.
enum class Hidden {
  no,
  render_mode,   // render mode 3 or 7 (no picture beneath: an OCR layer over a scan stays)
  covered,       // an opaque rectangle or picture drawn later covers all of its box
  background,    // in the colour of the opaque rectangle (or white paper) beneath, nothing else between
  transparent,   // painted at opacity 0
  clipped,       // wholly outside the clip (a known rectangle)
  outside_page,  // wholly outside the page (crop box)
  zero_size,     // a font size under 0.1 pt
};
const char* to_string(Hidden h);  // the deck JSON's "detail": "render-mode", "covered"...

// For each character, why nobody can see it (Hidden::no when it may be seen: when in
// doubt, a character is visible). `page_w`, `page_h`: the page as displayed.
std::vector<Hidden> hidden_chars(const std::vector<DrawnChar>& chars, const std::vector<DrawnShape>& shapes, double page_w,
                                 double page_h);

// A word's characters: the range [first, last) of Poppler's character positions
// (TextWord::getCharPos, getCharLen).
using CharRange = std::pair<int, int>;

// Removes the words whose characters are all hidden (`ranges[i]` for words[i]) and
// returns a record of each (reason "hidden", the detail of most of its characters).
std::vector<Dropped> drop_hidden_words(std::vector<Word>& words, const std::vector<CharRange>& ranges, const std::vector<DrawnChar>& chars,
                                       const std::vector<Hidden>& hidden);

// The characters Poppler leaves out of its words, as records: those wholly off the page
// ("hidden", "outside-page"); those whose origin is off the page while a sliver of the
// glyph may reach onto it ("cut", "origin-off-page": text cut off at the page's edge); the
// second copy of text drawn twice at (nearly) the same place, a shadow or faux bold
// ("duplicate"); anything else ("other", "not-in-words"). Neighbouring characters of one
// reason make one record. Space characters are not text.
std::vector<Dropped> unworded_chars(const std::vector<DrawnChar>& chars, const std::vector<CharRange>& ranges,
                                    const std::vector<Hidden>& hidden);

}  // namespace deckhand::extract

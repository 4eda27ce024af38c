#pragma once
// The text layer of translated slides (render/slide_translate.hpp): each translated unit set
// in its block's box on a page the size of its slide, with the source's size, weight,
// colour and alignment, markers redrawn, the fallback chain, shaping and bidi of the
// handouts. Pure: no PDF library. Rules (docs/translation.md, "Translated slides"):
//  - the source's marker (inside the block's box) is removed with its text and drawn
//    again: the layout's bullet for its level, or the number as found, at the box's left
//    edge, the text as far from it as on the source (SlideUnits::starts);
//  - left to right: lines start where the source's did; a block centred on the slide
//    (within 3 % of its width) stays centred; right to left (the deck's direction, or the
//    text's first strong character): right-aligned at the right end of the room, the
//    marker on the right;
//  - the room is the box, widened up to the next box beside it or 4 % of the slide from
//    its edge, and, when the text needs more lines, down to the next box below it (or 4 %
//    above the slide's bottom edge): the free space below the box. Not for light text
//    (luminance over 0.6: white on a title band or a photo, whose background ends at the
//    box), which shrinks instead;
//  - text that still does not fit shrinks (by 5 % steps) down to `min_size`, and what then
//    does not fit is cut, warned about (`text-overflow`) and listed in LaidOutDoc::overflows.
// Coordinates: points, origin top-left of the slide, y down (model/deck.hpp).
#include <map>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "layout/fonts.hpp"
#include "model/deck.hpp"
#include "model/pages.hpp"

namespace deckhand::layout {

struct SlideTextOptions {
  // the smallest size a translated text is shrunk to, in points on the slide; a text never
  // shrinks below half its source size either (whichever is larger)
  double min_size = 8;
  std::string file;  // for warnings
  int threads = 0;   // workers laying out slides (0: one per core)
  // called (from the workers) as slides are laid out: (done, total); may be empty
  std::function<void(int done, int total)> progress;
  // the unit ids of overlay steps' blocks ("s30.b9" -> "s29.b3-1a2b3c4d"): warnings name them
  std::map<std::string, std::string> step_units;
};

// A mark of ink a source page keeps once the translated text is out of it, as the page's
// one content walk recorded it (render/slide_translate.hpp): a picture (an image, a
// shading), a filled or a stroked path (its box grown by half the line width), or a run
// of glyphs that stays (their advance boxes, from the font descriptor's /Descent below the
// baseline to its /Ascent above it, else 0.2 em and 0.8 em). `box` is clipped to the clipping path's box in force; points, the slide as
// displayed, y down. A box, not the ink itself: a diagonal line's box is its whole extent.
struct Ink {
  enum Kind { picture, fill, stroke, text };
  Kind kind = fill;
  BBox box{};
  Color color;  // a fill's or a stroke's colour as set (gray, RGB, CMYK read; others black)
};

// One line of a unit's source text, as drawn: from x0 to x1 along its baseline y (points,
// displayed, y down): where its removed glyphs lay. Its lines tell the source's alignment.
struct SourceLine {
  double x0 = 0, x1 = 0, y = 0;
};

// The units that were translated (keys "s3.title", "s3.b2"), and the colour each had.
struct SlideUnits {
  std::set<std::string> translated;
  std::map<std::string, Color> colors;  // default: black
  // where the removed text operators of each unit started (x, as displayed): the marker's
  // and the text's starts, for the marker's room
  std::map<std::string, std::vector<double>> starts;
  // where each unit's source lines lay (its alignment, its anchor)
  std::map<std::string, std::vector<SourceLine>> lines;
  // slide id -> the ink its page keeps (the obstacles a translation must not run into);
  // a slide with no entry has no known ink
  std::map<std::string, std::vector<Ink>> ink;
};

// How a unit's source text is aligned, read from its lines: the side (or the middle) where
// they line up (to within a quarter em, `size` the source's size) while the other ends
// differ by over half an em (right: three lines at least, two may end together by chance);
// else, from three lines, the side where most of them (over half, and more than at the
// other side) start or end: indented lines. nullopt when the lines do not tell: one line,
// or lines of one width. Lines on one baseline (within 0.3 em) are one line.
enum class Align { left, centre, right };
std::optional<Align> source_alignment(const std::vector<SourceLine>& lines, double size);

// One page per slide of `deck` (the translated deck: its boxes are the source's), in deck
// order, each the slide's size (Slide::size, else the deck's page size); only translated
// units are set. Other blocks' boxes are obstacles.
// What a set line runs into is listed in LaidOutDoc::collisions (model/pages.hpp): each
// unit and thing once, with the largest overlap.
LaidOutDoc lay_out_slide_text(const Deck& deck, const SlideUnits& units, const FontSet& fonts,
                              const SlideTextOptions& opts, Diagnostics& diag);
// The same, slide i's units given by units_of(i) (the units of that slide alone, or of
// all), called once for each slide, from the layout's worker threads, in no set order: it
// may wait until slide i's source text is out of its page (render/translated_slides.cpp
// takes text out of page i + 1 while page i is laid out). Exceptions it throws pass through.
LaidOutDoc lay_out_slide_text(const Deck& deck, const std::function<const SlideUnits&(size_t)>& units_of, const FontSet& fonts,
                              const SlideTextOptions& opts, Diagnostics& diag);

// The part of a slide whose source text a translated unit replaces: its box (a block's box
// holds its marker too), clamped to the slide. {0,0,0,0} when the slide has no such unit.
BBox removal_box(const Slide& slide, const std::string& key);

}  // namespace deckhand::layout

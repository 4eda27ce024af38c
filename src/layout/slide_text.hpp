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
};

// The units that were translated (keys "s3.title", "s3.b2"), and the colour each had.
struct SlideUnits {
  std::set<std::string> translated;
  std::map<std::string, Color> colors;  // default: black
  // where the removed text operators of each unit started (x, as displayed): the marker's
  // and the text's starts, for the marker's room
  std::map<std::string, std::vector<double>> starts;
};

// One page per slide of `deck` (the translated deck: its boxes are the source's), in deck
// order, each the slide's size (Slide::size, else the deck's page size); only translated
// units are set. Other blocks' boxes are obstacles.
LaidOutDoc lay_out_slide_text(const Deck& deck, const SlideUnits& units, const FontSet& fonts,
                              const SlideTextOptions& opts, Diagnostics& diag);

// The part of a slide whose source text a translated unit replaces: its box (a block's box
// holds its marker too), clamped to the slide. {0,0,0,0} when the slide has no such unit.
BBox removal_box(const Slide& slide, const std::string& key);

}  // namespace deckhand::layout

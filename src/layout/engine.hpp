#pragma once
// The layout engine: Deck + layout definition -> laid-out pages (model/pages.hpp).
// Pure: no PDF library; tests check the boxes directly.
#include <map>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "layout/definition.hpp"
#include "layout/fonts.hpp"
#include "model/deck.hpp"
#include "model/pages.hpp"

namespace deckhand::layout {

// One unit of a review sheet (mode review, `deckhand review`): the source and its
// translation as the file holds them, plain text.
struct ReviewUnit {
  std::string key;      // "s3.b2", "s3.title": the slide's id before the dot
  std::string id;       // the unit's id in the file ("s3.b2-1a2b3c4d")
  std::string source, target;  // target "" when there is none
  std::string state;    // "translated", "final", "fuzzy: not used", "missing", ...
  bool used = false;    // the target is what is printed
  std::string problem;  // "" or what is wrong where it is set ("does not fit: needs 140 % ...")
};

struct HandoutOptions {
  std::string title;         // overrides the deck's title in headers and metadata
  std::string event, date;   // header and footer fields
  bool skip_overlays = true; // only the last page of a Beamer frame
  std::string file;          // for warnings
  // mode leaflet: the back page's text (lines split at '\n'), overriding leaflet.contact
  // and the last slide; slide numbers (pages) shown as pictures, added to leaflet.pictures
  std::string contact;
  std::vector<int> pictures;
  // the unit ids of overlay steps' blocks (a build step's "s30.b9" is unit "s29.b3-1a2b3c4d"
  // in the translator's file): warnings name the unit first
  std::map<std::string, std::string> step_units;
  // mode review: the units, in deck order; source and target languages for the headings
  std::vector<ReviewUnit> review;
  std::string source_lang, target_lang;
};

LaidOutDoc lay_out(const Deck& deck, const LayoutDef& def, const FontSet& fonts, const HandoutOptions& opts,
                   Diagnostics& diag);

// What to print before an item: a number or letter marker as found ("1.", "a)", "iv."),
// else the bullet for its level (•, –, ▪).
std::string marker_for(const std::string& found, int level);

// Loads the fonts a layout names (ids "regular" and "bold").
void load_fonts(const LayoutDef& def, FontSet& fonts);

}  // namespace deckhand::layout

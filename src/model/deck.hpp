#pragma once
// The Deck: the editable model of a slide deck, and its JSON form "deckhand.deck/1"
// (documented in docs/deck-json.md, schema in docs/deck.schema.json).
#include <array>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace deckhand {

// Boxes are in PDF points on the page as displayed (after /Rotate), origin top-left, y down.
using BBox = std::array<double, 4>;  // x0, y0, x1, y1

struct Style {
  double size = 0;      // font size in points
  bool bold = false;
  bool italic = false;
  std::string font;     // font name without the subset prefix
};

// Where a block sits in a table (rule 6 of issue 7): a table is read row by row, one
// block per cell, its cells consecutive in the slide's blocks.
struct TableCell {
  std::string id;   // the table: slide id + ".t" + number on the slide ("s3.t1")
  int row = 0;      // 0-based
  int column = 0;   // 0-based column of the table (not Block::column)
  bool operator==(const TableCell&) const = default;
};

// A stretch of a block's text (or a title) set otherwise than the rest of it: a bold or
// italic word, a word in another colour. [begin, end) are code point offsets into the text;
// spans are sorted and do not overlap. A span says only what differs from the block's style.
struct TextSpan {
  size_t begin = 0, end = 0;
  bool bold = false;
  bool italic = false;
  std::string color;    // "#rrggbb", or "" for the block's colour
  bool operator==(const TextSpan&) const = default;
};

struct Block {
  std::string id;       // "s3.b2": stable within a deck
  int level = 0;        // 0 = paragraph, 1.. = bullet depth
  std::string text;     // whole block, one string, NFC, logical order
  BBox bbox{};
  Style style;
  std::string marker;   // bullet or number as found ("•", "1.", "" for none, "graphic" when drawn)
  int column = 0;       // 0-based column on a multi-column slide
  std::optional<TableCell> table;  // set when the block is a table cell
  // A code listing (lines set in a monospaced font, kept as one block): its lines joined
  // by "\n", indentation kept as spaces; no markers are read inside it.
  bool code = false;
  // Whether translators get it (docs/deck-json.md, "translate"): by default (default_translate)
  // false for a code listing and for text without a letter ("π2", "! ! !", "2."), else true;
  // the deck JSON may say either. A block not for translation is exported marked so (XLIFF
  // translate="no", a PO flag) and left out of pseudo-translations; a target a translation
  // file has for it all the same is used.
  bool translate = true;
  std::vector<TextSpan> spans;  // bold, italic or coloured words inside it (none: all one style)
  // A paragraph that flowed on into the next column: the boxes of its lines there, one a
  // column (bbox is where it starts); empty for every other block.
  std::vector<BBox> flow;
};

// A piece of the page's text layer that did not become the slide's title, blocks or
// notes, and why (docs/deck-json.md, "dropped"): page furniture, text nobody can see,
// the second copy of text drawn twice, a bullet glyph standing alone.
struct Dropped {
  std::string text;
  std::string reason;   // "furniture", "hidden", "duplicate", "glyph", "leader", "cut", "other"
  std::string detail;   // furniture: "page-number", "footer", "header", "watermark"; hidden:
                        // "render-mode", "covered", "background", "transparent", "clipped",
                        // "outside-page", "zero-size"; "" when the reason says it all
  BBox bbox{};
  bool operator==(const Dropped&) const = default;
};

enum class SlideKind { title, section, content, blank };
const char* to_string(SlideKind k);
std::optional<SlideKind> slide_kind_from(const std::string& s);

struct Slide {
  int page = 0;                 // 1-based page number in the source PDF
  std::string id;               // "s3"
  SlideKind kind = SlideKind::content;
  std::string title;            // "" when none
  BBox title_bbox{};
  Style title_style;
  std::vector<Block> blocks;    // reading order
  std::string label;            // the PDF page label, "" when none
  std::string overlay_of;       // id of the slide that completes this overlay step; "" when final
  std::array<double, 2> size{}; // page width, height in points (as displayed)
  std::string direction = "ltr";
  // Speaker notes (a notes-page export), one string per paragraph; empty when none.
  // Written to JSON only when present.
  std::vector<std::string> notes;
  // Every piece of the page's text layer that is not in title, blocks or notes, in
  // drawing order by reason (hidden text first, then furniture...). Absent (nullopt) in a
  // deck JSON written before the record existed; written to JSON only when present.
  std::optional<std::vector<Dropped>> dropped;
};

struct Source {
  std::string file;       // file name as given
  std::string sha256;
  int pages = 0;
  std::array<double, 2> page_size{};  // first page, points
  std::string producer;
  std::string creator;
  std::string title;      // document-info title (may be misleading)
};

struct Deck {
  static constexpr const char* kSchema = "deckhand.deck/1";
  Source source;
  std::optional<std::string> lang;  // BCP 47 guess
  std::string direction = "ltr";    // dominant direction: "ltr" or "rtl"
  std::string title;                // the deck's title as deckhand sees it
  std::string translated_from;      // source language when a translation was merged, else ""
  std::vector<Slide> slides;
  std::vector<std::string> furniture;  // texts removed as page furniture (for review)
};

// A block's `translate` when the deck JSON does not say it: not a code listing, and a letter
// in its text.
bool default_translate(const Block& b);

nlohmann::ordered_json to_json(const Deck& deck);
// Throws Error(Exit::bad_deck) with `file` and a JSON pointer on invalid input.
Deck deck_from_json(const nlohmann::json& j, const std::string& file);
// Values counted for each slide of --max-slides: a deck JSON holds at most
// limits().slides * values_per_slide JSON values (a value counted at each comma, '[' and
// '{' outside strings), checked before it is parsed (docs/limits.md).
constexpr long long values_per_slide = 100;
// Parses JSON text (nesting within limits().depth, values within the limit above) and
// reads the deck from it.
Deck deck_from_text(const std::string& text, const std::string& file);
std::string dump_deck(const Deck& deck);  // pretty JSON + "\n"

}  // namespace deckhand

#pragma once
// Structure analysis: line fragments of every page -> a Deck. Pure: no Poppler, no I/O.
//
// The rules, each covered by tests/unit/analysis_test.cpp:
//  1. furniture: lines in the top or bottom band that repeat (digits masked) on many
//     pages, and lone slide numbers, are page furniture and leave titles and blocks;
//  2. title: the top-most line(s) of the page's largest text, when it stands out from the
//     deck's body text; consecutive lines of the same style join (wrapped titles);
//  3. kind: a page whose title stands alone (or with a few short lines, lower than a
//     heading) is a title slide when it opens the deck and a section slide otherwise;
//  4. columns: a vertical gutter that no line crosses splits the body into columns, read
//     in the deck's direction;
//  5. blocks: a marker (glyph, number, or a drawn bullet) starts a list item; a line that
//     continues the previous one (close below, aligned to its text, and the line above
//     could not take its first word) is joined to it;
//  6. levels: indentation clustered per column, consistent across the deck;
//  7. overlays: consecutive pages with the same page label, or with the same title whose
//     text only grows, are steps of one frame: earlier ones get "overlay_of".
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "extract/words.hpp"
#include "model/deck.hpp"

namespace deckhand::extract {

struct AnalysisOptions {
  std::string file;          // for diagnostics
  std::string source_title;  // document-info title, used when no title slide exists
  // The spelling dictionary for a language ("de"), or nullptr: decides line-end hyphens
  // and U+FB05. Asked at most once a language (each page uses its own language's
  // dictionary when the page's language can be guessed, else the deck's); the pointers it
  // returns must stay valid until analyze() returns.
  std::function<const Speller*(const std::string& lang)> speller;
};

Deck analyze(const std::vector<PageLines>& pages, const AnalysisOptions& opts, Diagnostics& diag);

// The inline styles of a block (Block::spans) from the words of its lines, `text` being
// the block's final text (after every normalisation: NFC, joined line ends, U+FB05...)
// and `style` its style. A word gets a span when it is bold and the block is not, italic
// and the block is not, or drawn in another colour than most of the block's characters
// (more than 0.1 apart in a channel: "#rrggbb"). Words are found in `text` in order (each
// right after the one before, only spaces between; a right-to-left word by its logical
// text; else by its only occurrence as a word), and a word not found gets no span;
// neighbours of one style make one span over the spaces between them. A line's marker is
// no word of the text. Empty when every word is set in the block's style.
std::vector<TextSpan> inline_spans(const std::string& text, const Style& style, const std::vector<const Line*>& lines);

// Notes-page exports (portrait pages, the slide drawn small at the top, speaker notes
// below a wide gap, on at least two thirds of the pages with text): moves each page's
// notes lines out of `pages` and returns them as paragraphs, per page. Returns empty
// lists when the deck is no notes-page export.
std::vector<std::vector<std::string>> split_notes_pages(std::vector<PageLines>& pages);

// Per page, per line: is it furniture? `page_extents`: the bands where furniture stands are
// also measured on each page's own text (the slides of a notes-page export).
std::vector<std::vector<bool>> find_furniture(const std::vector<PageLines>& pages, bool page_extents = false);

// Fonts whose text looks mis-mapped by a wrong ToUnicode map (a Quartz export of Google
// Slides: Japanese read as rare CJK Extension A ideographs, Latin as "$NN+]YQEsp<Yk<jQ]["):
// at least 20 characters, a fifth of them unusual (CJK Extension A, Braille, Yi, or the
// letters of a word with a lower-case letter followed by a capital and, twice, one of
// $ < > [ ] { } | \ ^ ` ~ between two letters).
// analyze() warns `garbled-text` once for each.
struct GarbledFont {
  std::string font;
  int first_page = 0;
  size_t chars = 0, odd = 0;
};
std::vector<GarbledFont> garbled_fonts(const std::vector<PageLines>& pages);

// True for a document-info title that names no deck: empty, a tool's default
// ("Untitled", "Presentation1", "PowerPoint Presentation", "无标题", "Unbenannt"...), a
// tool's name or a file name ("talk.pptx"). The deck's title then comes from its slides.
bool placeholder_title(const std::string& title);

// BCP 47 guess from the text's scripts and common words; nullopt when unsure.
std::optional<std::string> guess_lang(const std::string& text);

}  // namespace deckhand::extract

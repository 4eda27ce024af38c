#pragma once
// One pass over a page's content. Like pdf_reader.*, this file and page_scan.cpp include
// Poppler (its private API, libpoppler-private-dev: poppler-cpp tells neither the text
// render mode nor colours, and builds a new text device, with empty colour caches, for
// every page).
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extract/ink.hpp"
#include "extract/visibility.hpp"
#include "extract/words.hpp"

namespace deckhand::extract {

// What one pass over a page found. Coordinates: points, page as displayed (after
// /Rotate, relative to the crop box), origin top-left, y down.
struct PageScan {
  std::vector<Word> words;        // Poppler's text words (TextOutputDev, as pdftotext reads them)
  std::vector<CharRange> ranges;  // for each word, its characters' positions (DrawnChar::pos)
  std::vector<DrawnChar> chars;   // every glyph, with its transparency, for hidden_chars
  std::vector<DrawnShape> shapes; // everything else that paints, with its transparency and clip
  std::vector<InkMark> marks;     // everything that leaves ink, for drawn_mark (ink.hpp)
  std::vector<SpaceGlyph> spaces; // space glyphs, sorted by y0
  // Poppler's error messages while it drew the page (a damaged content stream, a lost
  // font): how many, and the first
  int damage_count = 0;
  std::string damage;
};

// One document and one output device, kept for all the pages a worker reads, so that
// Poppler's caches (ICC colour transforms, fonts) serve every page. Not thread-safe: one
// per thread.
class PageScanner {
 public:
  // `data` must outlive the scanner. Throws nothing: an unreadable document gives no
  // words (PdfDocument::open has already checked it with poppler-cpp).
  PageScanner(std::string_view data, const std::string& password, const std::string& file = "");
  ~PageScanner();
  // One pass over page `index`'s content (0-based); `out` is cleared first. A page whose
  // drawing runs past --max-operators (a guard behind the budget scan, budget.hpp, which
  // refuses such a page before any is drawn) is stopped and throws Error(bad_pdf) naming
  // `file`.
  void scan(int index, PageScan& out);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace deckhand::extract

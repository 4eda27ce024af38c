#pragma once
// The PDF layer: with page_scan.* the only code in deckhand that includes Poppler.
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/words.hpp"

namespace deckhand::extract {

struct PdfInfo {
  int pages = 0;
  std::string producer, creator, title;
};

// One open document. Not thread-safe: open one per thread over the same bytes.
class PdfDocument {
 public:
  // `data` must outlive the document. Throws Error (bad_pdf, encrypted) naming `file`.
  static std::unique_ptr<PdfDocument> open(std::string_view data, const std::string& file, const std::string& password);
  ~PdfDocument();
  PdfInfo info() const;
  // Words of page `index` (0-based), coordinates on the page as displayed, without the
  // words nobody can see. One pass over the page's content (page_scan.hpp), which also
  // keeps the page's ink for ink().
  PageWords words(int index) const;
  // For each rect (points, as displayed) of the page last read by words(): the left edge
  // of a compact mark drawn there (a bullet drawn as graphics), if any (drawn_mark in
  // ink.hpp; no render).
  std::vector<std::optional<double>> ink(const std::vector<std::array<double, 4>>& rects) const;
  // Names of the fonts page `index` (0-based) uses that the PDF does not embed (subset
  // tags removed, sorted, each once), as pdffonts lists them for that page.
  std::vector<std::string> unembedded_fonts(int index) const;
  // Page `index` rendered to exactly w x h RGB pixels (white background).
  std::vector<unsigned char> render(int index, int w, int h) const;

 private:
  struct Impl;
  explicit PdfDocument(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Routes Poppler's own error messages to the debug log (they would otherwise go to stderr),
// also the lines its allocator writes to the C stderr ("Bogus memory allocation size"):
// the C library's `stderr` becomes a filter in front of file descriptor 2. Once a process.
void quiet_poppler();

// Poppler's error messages ("Missing 'endstream' or incorrect stream length"), from
// whichever error callback Poppler calls (budget.cpp's, or poppler-cpp's, which forwards to
// pdf_reader.cpp's): to the debug log, and counted for the page being drawn on this thread
// when a PopplerErrors collects them.
void poppler_message(const std::string& msg);
struct PopplerErrors {
  int count = 0;
  std::string first;  // the first message
};
// While it lives, this thread's Poppler messages are counted in `e` (nested: the innermost).
class CollectPopplerErrors {
 public:
  explicit CollectPopplerErrors(PopplerErrors& e);
  ~CollectPopplerErrors();
  CollectPopplerErrors(const CollectPopplerErrors&) = delete;
  CollectPopplerErrors& operator=(const CollectPopplerErrors&) = delete;

 private:
  PopplerErrors* prev_;
};

}  // namespace deckhand::extract

#pragma once
// The PDF budget scan (issue 20; docs/limits.md, "PDF budgets"). Before Poppler draws a
// page, or libqpdf walks the page tree or parses a content stream, one pass over the PDF's
// structure checks what that work would take, without doing it:
//   - the page tree's depth (walked with an explicit stack, never by recursion);
//   - the bytes each stream that is read whole inflates to (content streams, form
//     XObjects, Type3 glyph procedures, annotation appearances, ToUnicode maps, embedded
//     font files and CMaps, ICC profiles), decoded as a stream and counted, never held;
//   - the operators drawing each page takes: forms and Type3 glyphs count each time they
//     are drawn, computed over the graph of what draws what with memoization (a fan-out of
//     forms is counted, not executed); a form or glyph that draws itself is refused;
//   - the nesting of forms and glyphs, the operands waiting for an operator, and the
//     annotations of a page.
// This file includes no Poppler header; budget.cpp reads the PDF with Poppler's private
// API (like page_scan.cpp), so the thin `deckhand` executable loads no libqpdf for it.
#include <cstdint>
#include <string>
#include <string_view>

namespace deckhand::extract {

// Fixed limits (the others are in core/limits.hpp, with their options).
inline constexpr int kMaxDrawNesting = 100;         // forms and Type3 glyphs inside each other (Poppler draws 100 deep at most)
inline constexpr std::uint64_t kMaxOperands = 100000;  // operands (array elements included) waiting for an operator
inline constexpr int kMaxAnnotations = 10000;        // annotations of a page (Poppler does not read a page with more)
inline constexpr int kMaxPageTreeDepth = 1000;       // page-tree levels whatever --max-depth says (libqpdf recurses)

// What the scan measured (for tests and `-v`).
struct BudgetScan {
  bool scanned = false;          // false: Poppler could not open the PDF (damaged, encrypted): nothing checked
  int pages = 0;
  int tree_depth = 0;            // levels of the page tree (1: the root holds the pages)
  std::uint64_t streams = 0;     // streams decoded
  std::uint64_t inflated = 0;    // bytes they inflate to
  std::uint64_t max_operators = 0;  // operators of the page that draws the most
  int max_operators_page = 0;
};

// Scans `data`, the bytes of `file`. Throws Error(Exit::bad_pdf) naming `file` (and the
// page) when a limit is passed: --max-depth for the page tree (at most kMaxPageTreeDepth),
// --max-stream-size and --max-inflated for inflated bytes, --max-operators for a page's
// operators, and the fixed limits above. A PDF Poppler cannot open is not scanned
// (scanned = false): the reader that opens it reports why.
BudgetScan scan_pdf_budgets(std::string_view data, const std::string& file, const std::string& password);

// The same, at most once per file and process: a file scanned before (the same device,
// inode, size and modification time) is not scanned again. For every stage that reads a
// PDF, before it opens it with libqpdf or draws it with Poppler. The first form reads
// `path` (read_input: the run's one reading of it, read_file's errors and --max-file-size).
void check_pdf_budgets(const std::string& path, const std::string& password);
void check_pdf_budgets(std::string_view data, const std::string& path, const std::string& password);

}  // namespace deckhand::extract

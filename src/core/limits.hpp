#pragma once
// Limits on what deckhand reads, so that a hostile or broken input fails with a clear
// error instead of exhausting the machine (docs/limits.md lists each one). The defaults
// suit any real deck; each has a command-line option to raise it.
#include <cstdint>
#include <string>

namespace deckhand {

struct Limits {
  std::uint64_t file_bytes = 256ull << 20;  // --max-file-size: bytes of one input file
  std::uint64_t string_bytes = 1u << 20;    // --max-string: bytes of one string (a title, a block, a unit)
  int depth = 256;                          // --max-depth: nesting of XML elements, JSON arrays/objects, YAML
  int slides = 100000;                      // --max-slides: slides in a deck JSON
  int pages = 100000;                       // --max-pages: pages read from a PDF
  double page_size = 14400;                 // --max-page-size: points, width or height of a page or slide (200 in)
  std::uint64_t pixels = 60000000;          // --max-pixels: pixels of one rendered picture (60 megapixels)
  int output_pages = 1000000;               // --max-output-pages: pages of one handout
  // PDF budgets (extract/budget.hpp; docs/limits.md, "PDF budgets")
  std::uint64_t operators = 10000000;             // --max-operators: operators drawing one page takes
  std::uint64_t stream_bytes = 256ull << 20;      // --max-stream-size: bytes one PDF stream inflates to
  std::uint64_t inflated_bytes = 1ull << 30;      // --max-inflated: bytes all the PDF's streams read inflate to
};

// The process's limits (set once from the command line, before any work starts).
Limits& limits();

// Throws the error for `what` past its limit: "<what> is N, over the limit of M (--opt)".
[[noreturn]] void over_limit(int exit_code, const std::string& file, const std::string& what, const std::string& value,
                             const std::string& limit, const char* option);

// `v` finite and within [lo, hi]; the error text names the range.
bool in_range(double v, double lo, double hi);
std::string range_text(double lo, double hi);

}  // namespace deckhand

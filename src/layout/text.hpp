#pragma once
// Line breaking (UAX #14 through libunibreak) and fitting text into boxes.
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "layout/fonts.hpp"

namespace deckhand::layout {

struct WrappedLine {
  std::string text;
  double width = 0;
};

// Breaks `cps` into lines no wider than `width`, given each character's advance.
// Break opportunities follow UAX #14 for `lang` (no break before "。", "，", or at a
// no-break space before "?" in French); a word longer than the line is broken between
// characters. Mandatory breaks (\n) are kept. Returns [begin, end) ranges without the
// spaces at line ends.
std::vector<std::pair<size_t, size_t>> wrap_ranges(const std::u32string& cps, const std::function<double(char32_t)>& advance,
                                                   double width, const std::string& lang = "");

// The same with the advance of each character by its index in `cps` (the advance of the
// cluster it starts, as the text setter measures it: layout/setter.hpp).
std::vector<std::pair<size_t, size_t>> wrap_ranges_at(const std::u32string& cps, const std::function<double(size_t)>& advance,
                                                      double width, const std::string& lang = "");

// The same for one font at one size, returning the lines' texts.
std::vector<WrappedLine> wrap(const std::string& text, const FontMetrics& font, double size, double width,
                              const std::string& lang = "");

}  // namespace deckhand::layout

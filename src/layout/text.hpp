#pragma once
// Line breaking (UAX #14 through libunibreak) and fitting text into boxes.
#include <string>
#include <vector>

#include "layout/fonts.hpp"

namespace deckhand::layout {

struct WrappedLine {
  std::string text;
  double width = 0;
};

// Breaks `text` into lines no wider than `width` at `size`. Break opportunities follow
// UAX #14 for `lang` (no break before "。", "，", "!" after a no-break space...); a word
// longer than the line is broken between characters. Mandatory breaks (\n) are kept.
std::vector<WrappedLine> wrap(const std::string& text, const FontMetrics& font, double size, double width,
                              const std::string& lang = "");

}  // namespace deckhand::layout

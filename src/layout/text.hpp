#pragma once
// Line breaking (UAX #14 through libunibreak) and fitting text into boxes.
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "layout/fonts.hpp"

namespace deckhand::layout {

struct WrappedLine {
  std::string text;  // a hyphenated line's text ends with "-"
  double width = 0;
  bool overfull = false;  // wider than the width asked for (LineRange::overfull)
};

// One line of wrap_ranges.
struct LineRange {
  size_t begin = 0, end = 0;  // [begin, end) into the text, without the spaces and \n at the line's end
  // The line ends inside a word at a hyphenation point (layout/hyphenate.hpp): a hyphen,
  // U+002D HYPHEN-MINUS (every font has it), must be drawn after the line's text. Its
  // advance (advance(U'-')) is counted in the fit.
  bool hyphen = false;
  // The line is wider than `width`: it holds a word (or a word's first part) that no
  // allowed break makes fit. The caller may shrink the text and wrap it again.
  bool overfull = false;
};

// Breaks `cps` into lines no wider than `width`, given each character's advance
// (`advance`, called for the text's characters, ' ' for tabs, and U'-' for the hyphen).
// Greedy: each line takes the last allowed break that fits. Allowed breaks:
//  - UAX #14 opportunities for `lang` (libunibreak), except around "+" between non-spaces
//    ("WSIS+20"); a no-break space keeps French punctuation with its word ("mot\u00A0:");
//    a hyphen between digits ("2025-2026") may end a line; Thai, Lao, Khmer and Myanmar
//    words (written without spaces) are found with ICU's dictionary line breaker;
//  - inside URLs, e-mail addresses and paths, only after "/" or "." (no hyphen drawn);
//  - hyphenation points of the word (layout/hyphenate.hpp, Debian's hyph_*.dic for `lang`;
//    none for Arabic, CJK, Thai..., words with digits, short acronyms): hyphen = true.
// Never inside a grapheme cluster (a letter and its combining marks, an emoji sequence).
// A word that no allowed break makes fit is not broken between its characters: the line
// is overfull (it ends at the first allowed break: the whole word, or its first
// hyphenated part). Mandatory breaks (\n) are kept.
std::vector<LineRange> wrap_ranges(const std::u32string& cps, const std::function<double(char32_t)>& advance, double width,
                                   const std::string& lang = "");

// The same with the advance of each character given by its index in `cps` (the advance of
// the cluster it starts as the text setter measures it, 0 inside a cluster: layout/setter.hpp)
// and the hyphen's advance. `break_words`: a word that no allowed break makes fit is
// broken between two of its clusters where the line is full (an emergency break, no hyphen
// drawn: a URL or a rule of "=====" in a handout's column), so that no line is overfull but
// one whose first cluster alone is wider than `width`.
std::vector<LineRange> wrap_ranges_at(const std::u32string& cps, const std::function<double(size_t)>& advance, double hyphen_w,
                                      double width, const std::string& lang = "", bool break_words = false);

// The same for one font at one size, returning the lines' texts.
std::vector<WrappedLine> wrap(const std::string& text, const FontMetrics& font, double size, double width,
                              const std::string& lang = "");

}  // namespace deckhand::layout

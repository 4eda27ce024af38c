#pragma once
// Synthetic word boxes for the analysis tests: no PDF needed.
#include <sstream>
#include <string>
#include <vector>

#include "core/unicode.hpp"
#include "extract/analysis.hpp"
#include "extract/words.hpp"

namespace deckhand::test {

struct PageBuilder {
  extract::PageWords pw;
  PageBuilder(int page, double w = 720, double h = 405, std::string label = "") {
    pw.page = page;
    pw.width = w;
    pw.height = h;
    pw.label = std::move(label);
  }
  // One word; width estimated as 0.5 em per character (1 em for CJK).
  PageBuilder& word(const std::string& t, double x, double y, double size, bool bold = false) {
    extract::Word w;
    w.text = t;
    double width = 0;
    for (char32_t c : unicode::decode(t)) width += unicode::is_cjk(c) ? size : 0.5 * size;
    w.x0 = x; w.x1 = x + width; w.y0 = y; w.y1 = y + 1.2 * size;
    w.size = size; w.bold = bold; w.font = bold ? "Test-Bold" : "Test";
    w.space_after = true;
    pw.words.push_back(w);
    return *this;
  }
  // One word with its box given: from x0 to x1 (points), its top at y, 1.2 em tall.
  extract::Word& span(const std::string& t, double x0, double x1, double y, double size) {
    word(t, x0, y, size);
    pw.words.back().x1 = x1;
    return pw.words.back();
  }
  // A line of words starting at x (left-to-right), returns its right edge.
  double line(const std::string& text, double x, double y, double size, bool bold = false) {
    std::istringstream in(text);
    std::string t;
    while (in >> t) {
      word(t, x, y, size, bold);
      x = pw.words.back().x1 + 0.25 * size;
    }
    if (!pw.words.empty()) pw.words.back().space_after = false;
    return x;
  }
  // A bullet line: marker at mx, text at tx.
  void bullet(const std::string& marker, const std::string& text, double mx, double tx, double y, double size) {
    word(marker, mx, y, size);
    line(text, tx, y, size);
  }
  extract::PageLines lines() const { return extract::build_lines(pw); }
};

// Character positions for a word with right-to-left letters, as Poppler gives them: its
// box cut into equal advances, one per character (the form rtl_text reads).
inline void even_char_x(extract::Word& w) {
  size_t n = unicode::decode(w.text).size();
  w.char_x.clear();
  for (size_t i = 0; i < n; ++i) w.char_x.push_back(w.x0 + (w.x1 - w.x0) * static_cast<double>(i) / static_cast<double>(n));
  w.char_x.push_back(w.x1);
}

// A word as the PDF layer gives one, on a line from y 0 to 20 at 20 pt, with a space
// after it and no drawing order: with `positions`, its characters at even positions
// across [x0, x1] (even_char_x), each drawn with a glyph of its own (no ligature).
inline extract::Word even_word(const std::string& t, double x0, double x1, bool positions = true) {
  extract::Word x;
  x.text = t;
  x.x0 = x0; x.x1 = x1; x.y0 = 0; x.y1 = 20; x.size = 20;
  x.space_after = true;
  if (positions) {
    even_char_x(x);
    for (size_t i = 0; i + 1 < x.char_x.size(); ++i) x.char_glyph.push_back(static_cast<int>(i));
  }
  return x;
}

// The deck that the analysis makes of these pages.
inline Deck analyze_pages(const std::vector<PageBuilder>& pages) {
  std::vector<extract::PageLines> ls;
  for (const auto& p : pages) ls.push_back(p.lines());
  Diagnostics diag;
  return extract::analyze(ls, {"test.pdf", ""}, diag);
}

// The texts of a slide's blocks, in order.
inline std::vector<std::string> texts(const Slide& s) {
  std::vector<std::string> out;
  for (const auto& b : s.blocks) out.push_back(b.text);
  return out;
}

}  // namespace deckhand::test

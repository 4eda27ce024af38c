#include "layout/text.hpp"

#include <linebreak.h>

#include <mutex>

#include "core/unicode.hpp"

namespace deckhand::layout {

std::vector<std::pair<size_t, size_t>> wrap_ranges(const std::u32string& cps, const std::function<double(char32_t)>& advance,
                                                   double width, const std::string& lang) {
  return wrap_ranges_at(cps, [&](size_t i) { return advance(cps[i] == U'\t' ? U' ' : cps[i]); }, width, lang);
}

std::vector<std::pair<size_t, size_t>> wrap_ranges_at(const std::u32string& cps, const std::function<double(size_t)>& advance,
                                                      double width, const std::string& lang) {
  static std::once_flag once;
  std::call_once(once, [] { init_linebreak(); });
  std::vector<std::pair<size_t, size_t>> out;
  if (cps.empty()) return out;
  std::vector<char> brks(cps.size());
  set_linebreaks_utf32(reinterpret_cast<const utf32_t*>(cps.data()), cps.size(), lang.empty() ? nullptr : lang.c_str(),
                       brks.data());
  // "WSIS+20", "ВВУИО+20": no break around a plus sign between a letter and a digit
  for (size_t i = 1; i + 1 < cps.size(); ++i)
    if (cps[i] == U'+' && !unicode::is_space(cps[i - 1]) && !unicode::is_space(cps[i + 1])) {
      brks[i - 1] = LINEBREAK_NOBREAK;
      brks[i] = LINEBREAK_NOBREAK;
    }
  auto is_sp = [](char32_t c) { return c == U' ' || c == U'\t'; };
  auto emit = [&](size_t from, size_t to) {
    size_t e = to;
    while (e > from && (is_sp(cps[e - 1]) || cps[e - 1] == U'\n')) --e;
    out.push_back({from, e});
  };
  size_t line_start = 0;
  double line_w = 0;
  size_t last_break = std::string::npos;
  for (size_t i = 0; i < cps.size(); ++i) {
    double a = advance(i);
    bool fits = line_w + a <= width + 1e-6 || is_sp(cps[i]);
    if (!fits && i > line_start) {
      if (last_break != std::string::npos && last_break >= line_start) {
        emit(line_start, last_break + 1);
        line_start = last_break + 1;
        while (line_start < cps.size() && is_sp(cps[line_start])) ++line_start;
        line_w = 0;
        for (size_t k = line_start; k < i; ++k) line_w += advance(k);
      } else {  // one long word: break between characters
        emit(line_start, i);
        line_start = i;
        line_w = 0;
      }
      last_break = std::string::npos;
    }
    line_w += a;
    if (brks[i] == LINEBREAK_MUSTBREAK && i + 1 < cps.size()) {
      emit(line_start, i + 1);
      line_start = i + 1;
      line_w = 0;
      last_break = std::string::npos;
    } else if (brks[i] == LINEBREAK_ALLOWBREAK) {
      last_break = i;
    }
  }
  if (line_start < cps.size()) emit(line_start, cps.size());
  return out;
}

std::vector<WrappedLine> wrap(const std::string& text, const FontMetrics& font, double size, double width,
                              const std::string& lang) {
  std::u32string cps = unicode::decode(text);
  std::vector<WrappedLine> out;
  for (auto [a, b] : wrap_ranges(cps, [&](char32_t c) { return font.advance(c, size); }, width, lang)) {
    WrappedLine l;
    l.text = unicode::encode(cps.substr(a, b - a));
    l.width = font.width(l.text, size);
    out.push_back(std::move(l));
  }
  return out;
}

}  // namespace deckhand::layout

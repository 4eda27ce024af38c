#include "layout/text.hpp"

#include <linebreak.h>

#include <mutex>

#include "core/unicode.hpp"

namespace deckhand::layout {

std::vector<WrappedLine> wrap(const std::string& text, const FontMetrics& font, double size, double width,
                              const std::string& lang) {
  static std::once_flag once;
  std::call_once(once, [] { init_linebreak(); });
  std::vector<WrappedLine> out;
  std::u32string cps = unicode::decode(text);
  if (cps.empty()) return out;
  std::vector<char> brks(cps.size());
  set_linebreaks_utf32(reinterpret_cast<const utf32_t*>(cps.data()), cps.size(), lang.empty() ? nullptr : lang.c_str(),
                       brks.data());
  auto is_sp = [](char32_t c) { return c == U' ' || c == U'\t'; };
  size_t line_start = 0;
  double line_w = 0;       // width of cps[line_start, i)
  size_t last_break = std::string::npos;  // index after which a break is allowed
  double w_at_break = 0;
  auto emit = [&](size_t from, size_t to) {  // [from, to)
    size_t e = to;
    while (e > from && (is_sp(cps[e - 1]) || cps[e - 1] == U'\n')) --e;
    std::u32string s = cps.substr(from, e - from);
    WrappedLine l;
    l.text = unicode::encode(s);
    l.width = font.width(l.text, size);
    out.push_back(std::move(l));
  };
  for (size_t i = 0; i < cps.size(); ++i) {
    double a = is_sp(cps[i]) ? font.advance(U' ', size) : font.advance(cps[i], size);
    bool fits = line_w + a <= width + 1e-6 || is_sp(cps[i]);
    if (!fits && i > line_start) {
      if (last_break != std::string::npos && last_break >= line_start) {
        emit(line_start, last_break + 1);
        line_start = last_break + 1;
        while (line_start < cps.size() && is_sp(cps[line_start])) ++line_start;
        line_w = 0;
        for (size_t k = line_start; k < i; ++k) line_w += font.advance(cps[k], size);
      } else {  // one long word: break between characters
        emit(line_start, i);
        line_start = i;
        line_w = 0;
      }
      last_break = std::string::npos;
    }
    line_w += a;
    (void)w_at_break;
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

}  // namespace deckhand::layout

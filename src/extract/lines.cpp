// Words -> line fragments: grouping by baseline, splitting at wide gaps (columns),
// logical order for right-to-left lines, and bullet or number markers.
#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <regex>

#include "core/unicode.hpp"
#include "extract/words.hpp"

namespace deckhand::extract {
namespace u = deckhand::unicode;

namespace {

struct W {
  Word w;
  std::u32string raw;  // as found, before cleaning
  bool glyph = false;  // only bullet glyphs (incl. PUA)
  double yc() const { return (w.y0 + w.y1) / 2; }
  double h() const { return w.y1 - w.y0; }
};

// Symbol and dingbat fonts: a short first word in one of them is a bullet, whatever
// character its (often missing) ToUnicode map gives (Beamer's triangle from MSAM10
// comes out as "I").
bool symbol_font(const std::string& font) {
  std::string f;
  for (char c : font) f += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* n : {"msam", "msbm", "cmsy", "wasy", "symbol", "wingding", "webding", "dingbat", "marlett", "opensymbol"})
    if (f.find(n) != std::string::npos) return true;
  return false;
}

bool all_bullets(const std::u32string& s) {
  if (s.empty()) return false;
  for (char32_t c : s)
    if (!u::is_bullet_glyph(c)) return false;
  return true;
}

bool dash_like(const std::u32string& s) {
  return s.size() == 1 && (u::is_dash(s[0]) || s[0] == U'*' || s[0] == U'>' || s[0] == 0xB7);
}

int rtl_score(const std::string& text) {
  int r = 0, l = 0;
  for (char32_t c : u::decode(text)) {
    if (u::is_rtl(c)) ++r;
    else if (u::is_strong_ltr(c)) ++l;
  }
  return r - l;
}

bool has_rtl(const std::string& text) {
  for (char32_t c : u::decode(text))
    if (u::is_rtl(c)) return true;
  return false;
}

bool is_mark(char32_t c) { return (c >= 0x64B && c <= 0x65F) || c == 0x670 || (c >= 0x591 && c <= 0x5C7); }
bool is_arabic_letter(char32_t c) { return c >= 0x620 && c <= 0x64A; }

}  // namespace

std::string rtl_text(const std::vector<Word>& visual) {
  // 1. characters in visual order (left to right), grouped in clusters that must not be
  //    split: a ligature glyph (lam + letter: two characters sharing one glyph's width)
  //    and a base with its combining marks. Spaces where words stand apart.
  std::vector<std::u32string> cl;
  for (size_t k = 0; k < visual.size(); ++k) {
    const Word& w = visual[k];
    if (k > 0) {
      double gap = w.x0 - visual[k - 1].x1;
      if (gap > 0.15 * std::max(w.size, 1.0)) cl.push_back(U" ");
    }
    std::u32string s = u::decode(w.text);
    std::vector<double> x = w.char_x;
    bool have_x = x.size() == s.size() + 1;
    if (have_x && s.size() >= 2 && x.front() > x[s.size() - 1]) {  // drawn right to left
      std::reverse(s.begin(), s.end());
      have_x = false;
    }
    for (size_t i = 0; i < s.size(); ++i) {
      // Poppler splits a glyph that maps to two characters into equal halves (plus any
      // spacing after it on the second); separate glyphs rarely match that closely.
      bool lig = false;
      if (have_x && i + 1 < s.size() && s[i] == 0x644 && is_arabic_letter(s[i + 1])) {
        double w1 = x[i + 1] - x[i], w2 = x[i + 2] - x[i + 1];
        lig = std::abs(w1 - w2) < 0.02 * std::max(w1, w2) + 0.08;
      }
      if (lig) {
        cl.push_back(s.substr(i, 2));
        ++i;
      } else if (is_mark(s[i]) && !cl.empty()) {
        cl.back() += s[i];
      } else {
        cl.push_back(std::u32string(1, s[i]));
      }
    }
  }
  // 2. right-to-left reading: reverse the clusters,
  std::reverse(cl.begin(), cl.end());
  // 3. then read runs of left-to-right text (Latin, digits, with the neutrals between
  //    them: "WSIS+20", "2026") left to right again.
  auto kind = [](const std::u32string& c) {
    char32_t ch = c[0];
    if (u::is_rtl(ch)) return 'R';
    if (u::is_strong_ltr(ch) || (ch >= U'0' && ch <= U'9')) return 'L';
    return 'N';
  };
  size_t i = 0;
  while (i < cl.size()) {
    if (kind(cl[i]) != 'L') { ++i; continue; }
    size_t j = i, last = i;
    while (j < cl.size() && kind(cl[j]) != 'R') {
      if (kind(cl[j]) == 'L') last = j;
      ++j;
    }
    std::reverse(cl.begin() + static_cast<long>(i), cl.begin() + static_cast<long>(last) + 1);
    i = last + 1;
  }
  std::u32string out;
  for (auto& c : cl) out += c;
  return u::collapse_spaces(u::clean(u::encode(out)));
}

namespace {

// Splits "•Text" into a marker word and a text word.
void split_leading_glyph(std::vector<W>& out, W w) {
  if (w.raw.size() >= 2 && u::is_bullet_glyph(w.raw[0]) && !dash_like(w.raw.substr(0, 1)) &&
      !u::is_bullet_glyph(w.raw[1])) {
    double frac = 1.0 / static_cast<double>(w.raw.size());
    double cut = w.w.x0 + (w.w.x1 - w.w.x0) * frac;
    W m = w;
    m.raw = w.raw.substr(0, 1);
    m.w.text = u::encode(m.raw);
    m.w.x1 = cut;
    m.glyph = true;
    m.w.space_after = true;
    W rest = w;
    rest.raw = w.raw.substr(1);
    rest.w.text = u::collapse_spaces(u::clean(u::encode(rest.raw)));
    rest.w.x0 = cut;
    out.push_back(std::move(m));
    if (!rest.w.text.empty()) out.push_back(std::move(rest));
    return;
  }
  out.push_back(std::move(w));
}

std::string dominant_font(const std::vector<Word>& ws, double* size, bool* bold, bool* italic) {
  std::map<double, size_t> sizes;
  size_t b = 0, it = 0, total = 0;
  std::map<std::string, size_t> fonts;
  for (const auto& w : ws) {
    size_t n = std::max<size_t>(1, u::decode(w.text).size());
    sizes[std::round(w.size * 10) / 10] += n;
    fonts[w.font] += n;
    if (w.bold) b += n;
    if (w.italic) it += n;
    total += n;
  }
  *size = std::max_element(sizes.begin(), sizes.end(), [](auto& a, auto& c) { return a.second < c.second; })->first;
  *bold = b * 2 > total;
  *italic = it * 2 > total;
  return std::max_element(fonts.begin(), fonts.end(), [](auto& a, auto& c) { return a.second < c.second; })->first;
}

std::string join_words(const std::vector<Word>& ws, size_t from) {
  std::string out;
  char32_t last = 0;  // the last character appended
  for (size_t i = from; i < ws.size(); ++i) {
    if (ws[i].text.empty()) continue;
    std::u32string cur = u::decode(ws[i].text);
    if (!out.empty()) {
      const Word& p = ws[i - 1];
      char32_t first = cur.front();
      double gap = std::max(ws[i].x0 - p.x1, p.x0 - ws[i].x1);
      bool cjk = u::is_cjk(last) && u::is_cjk(first);
      bool space = p.space_after || gap > 0.15 * std::max(p.size, 1.0);
      if (cjk && gap < 0.5 * std::max(p.size, 1.0)) space = false;
      if (space) out += ' ';
    }
    out += ws[i].text;
    last = cur.back();
  }
  return u::collapse_spaces(out);
}

const std::regex& number_marker() {
  static const std::regex re(R"(^\(?([0-9]{1,2}|[A-Za-z]|[ivxIVX]{2,5})[.)]$)");
  return re;
}

Line make_line(std::vector<W> ws, double page_width) {
  Line l;
  std::string all;
  for (const auto& w : ws) all += w.w.text;
  l.rtl = has_rtl(all) && rtl_score(all) > 0;
  std::sort(ws.begin(), ws.end(), [&](const W& a, const W& b) { return l.rtl ? a.w.x1 > b.w.x1 : a.w.x0 < b.w.x0; });
  l.x0 = l.y0 = 1e18;
  l.x1 = l.y1 = -1e18;
  for (const auto& w : ws) {
    l.x0 = std::min(l.x0, w.w.x0); l.y0 = std::min(l.y0, w.w.y0);
    l.x1 = std::max(l.x1, w.w.x1); l.y1 = std::max(l.y1, w.w.y1);
    l.words.push_back(w.w);
  }
  l.font = dominant_font(l.words, &l.size, &l.bold, &l.italic);
  auto start_of = [&](const Word& w) { return l.rtl ? page_width - w.x1 : w.x0; };
  size_t first_text = 0;
  if (ws.size() >= 2) {
    const W& m = ws[0];
    const W& n = ws[1];
    double gap = l.rtl ? m.w.x0 - n.w.x1 : n.w.x0 - m.w.x1;
    double em = std::max(m.w.size, n.w.size);
    if (m.glyph && !dash_like(m.raw)) {
      first_text = 1;
    } else if (m.glyph && dash_like(m.raw) && gap >= 0.45 * em) {
      first_text = 1;
    } else if (!m.glyph && std::regex_match(m.w.text, number_marker()) && gap >= 0.2 * em) {
      first_text = 1;
      l.numbered = true;
    }
  }
  // glyph words inside the line (math brackets, symbols from PUA fonts) are text
  for (size_t k = first_text; k < ws.size(); ++k)
    if (ws[k].glyph) l.words[k].text = u::clean(l.words[k].text);
  if (first_text == 1) {
    l.marker = u::nfc(u::encode(ws[0].raw));
    l.marker_start = start_of(ws[0].w);
    l.text_start = start_of(ws[1].w);
    // the marker glyph is not text
    l.words[0].text = ws[0].glyph ? "" : l.words[0].text;
  } else {
    l.marker_start = l.text_start = start_of(ws[0].w);
  }
  if (l.rtl) {
    std::vector<Word> visual(l.words.begin() + static_cast<long>(first_text), l.words.end());
    std::sort(visual.begin(), visual.end(), [](const Word& a, const Word& b) { return a.x0 < b.x0; });
    l.text = rtl_text(visual);
  } else {
    l.text = join_words(l.words, first_text);
  }
  l.full_text = l.numbered ? u::collapse_spaces(l.marker + " " + l.text) : l.text;
  return l;
}

}  // namespace

PageLines build_lines(const PageWords& page) {
  PageLines out;
  out.page = page.page;
  out.width = page.width;
  out.height = page.height;
  out.label = page.label;
  std::vector<W> ws;
  for (const auto& w : page.words) {
    W x;
    x.w = w;
    x.raw = u::decode(u::nfc(w.text));
    // strip spaces and control characters around the raw glyphs
    while (!x.raw.empty() && (u::is_space(x.raw.back()) || x.raw.back() < 0x20)) x.raw.pop_back();
    while (!x.raw.empty() && (u::is_space(x.raw.front()) || x.raw.front() < 0x20)) x.raw.erase(0, 1);
    if (x.raw.empty()) continue;
    if (all_bullets(x.raw) || (x.raw.size() <= 2 && symbol_font(w.font))) {
      x.glyph = true;
      x.w.text = u::encode(x.raw);
    } else if (w.char_x.empty()) {
      x.w.text = u::collapse_spaces(u::clean(w.text));
      if (x.w.text.empty()) continue;
    }  // right-to-left words keep their characters as drawn until rtl_text()
    if (x.w.size <= 0) x.w.size = std::max(1.0, x.w.y1 - x.w.y0);
    if (!x.glyph) split_leading_glyph(ws, std::move(x));
    else ws.push_back(std::move(x));
  }
  out.has_text = std::any_of(ws.begin(), ws.end(), [](const W& w) { return !w.glyph; });
  std::stable_sort(ws.begin(), ws.end(), [](const W& a, const W& b) { return a.yc() < b.yc(); });

  // Group by baseline band.
  std::vector<std::vector<W>> groups;
  std::vector<std::pair<double, double>> band;  // y0, y1 of each group
  for (auto& w : ws) {
    int best = -1;
    double best_ov = 0;
    for (int g = static_cast<int>(groups.size()) - 1; g >= 0 && g >= static_cast<int>(groups.size()) - 8; --g) {
      double ov = std::min(band[g].second, w.w.y1) - std::max(band[g].first, w.w.y0);
      double need = 0.5 * std::min(w.h(), band[g].second - band[g].first);
      if (ov >= need && ov > best_ov) { best_ov = ov; best = g; }
    }
    if (best < 0) {
      groups.push_back({});
      band.push_back({w.w.y0, w.w.y1});
      best = static_cast<int>(groups.size()) - 1;
    }
    // keep the band of the group's first (dominant) words: do not let it drift
    if (groups[best].empty()) band[best] = {w.w.y0, w.w.y1};
    groups[best].push_back(std::move(w));
  }

  // Split each group at wide gaps (columns), keeping a marker with its text.
  for (auto& g : groups) {
    std::sort(g.begin(), g.end(), [](const W& a, const W& b) { return a.w.x0 < b.w.x0; });
    std::vector<std::vector<W>> frags(1);
    for (size_t i = 0; i < g.size(); ++i) {
      if (i > 0) {
        const W& p = g[i - 1];
        double em = std::max({p.w.size, g[i].w.size, 1.0});
        double gap = g[i].w.x0 - p.w.x1;
        // a marker stays with its text: left of it, or right of it in right-to-left text
        bool marker_gap = (p.glyph && !has_rtl(g[i].w.text)) || (g[i].glyph && has_rtl(p.w.text));
        if (gap > 1.5 * em && !(marker_gap && gap < 4 * em)) frags.emplace_back();
      }
      frags.back().push_back(g[i]);  // a copy: g[i - 1] is read on the next step
    }
    for (auto& f : frags)
      if (!f.empty()) out.lines.push_back(make_line(std::move(f), page.width));
  }
  // Drop fragments that hold only a bullet glyph with nothing next to it.
  out.lines.erase(std::remove_if(out.lines.begin(), out.lines.end(), [](const Line& l) { return l.text.empty(); }),
                  out.lines.end());
  std::stable_sort(out.lines.begin(), out.lines.end(), [](const Line& a, const Line& b) {
    if (std::abs(a.y0 - b.y0) > 0.3 * std::min(a.height(), b.height())) return a.y0 < b.y0;
    return a.x0 < b.x0;
  });
  return out;
}

std::vector<size_t> needs_ink_probe(const PageLines& page) {
  std::vector<size_t> out;
  if (page.lines.empty()) return out;
  double max_size = 0, min_start = 1e18;
  for (const auto& l : page.lines) {
    max_size = std::max(max_size, l.size);
    min_start = std::min(min_start, l.text_start);
  }
  size_t title = page.lines.size();  // the top-most line of the largest type
  for (size_t i = 0; i < page.lines.size(); ++i)
    if (page.lines[i].size >= 0.95 * max_size && (title == page.lines.size() || page.lines[i].y0 < page.lines[title].y0))
      title = i;
  for (size_t i = 0; i < page.lines.size(); ++i) {
    const Line& l = page.lines[i];
    if (!l.marker.empty() || i == title) continue;                  // has a glyph; the title
    if (l.yc() < 0.13 * page.height || l.yc() > 0.87 * page.height) continue;  // furniture bands
    if (l.text_start <= min_start + 0.6 * l.size) continue;         // not indented
    bool aligned = false, hangs = false;
    for (size_t k = 0; k < page.lines.size(); ++k) {
      if (k == i || std::abs(page.lines[k].text_start - l.text_start) >= 1.0) continue;
      aligned = true;
      // lined up under a glyph item's text: a wrapped line of that item
      if (!page.lines[k].marker.empty()) hangs = true;
    }
    if (hangs) continue;
    bool centred = std::abs((l.x0 + l.x1) / 2 - page.width / 2) < 2 * l.size;
    if (aligned || !centred) out.push_back(i);
  }
  return out;
}

std::array<double, 4> ink_probe_rect(const Line& l, double) {
  double em = std::max(l.size, 1.0);
  double yc = l.yc(), h = l.height();
  if (l.rtl) return {l.x1 + 0.12 * em, yc - 0.3 * h, l.x1 + 1.6 * em, yc + 0.3 * h};
  return {l.x0 - 1.6 * em, yc - 0.3 * h, l.x0 - 0.12 * em, yc + 0.3 * h};
}

std::string join_wrapped(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  std::u32string ua = u::decode(a), ub = u::decode(b);
  char32_t last = ua.back(), first = ub.front();
  if (last == 0xAD) {
    ua.pop_back();
    return u::encode(ua) + b;
  }
  if (u::is_cjk(last) || u::is_cjk(first)) return a + b;
  if ((last == U'-' || last == 0x2010) && ua.size() >= 2 && !u::is_space(ua[ua.size() - 2]) &&
      !u::is_dash(ua[ua.size() - 2]))
    return a + b;
  return a + " " + b;
}

}  // namespace deckhand::extract

// Words -> line fragments: grouping by baseline, splitting at wide gaps (columns),
// logical order for right-to-left lines, and bullet or number markers.
#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <regex>

#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

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

// Scripts where ZWJ and ZWNJ change shaping: Arabic, Syriac, Thaana, NKo, Indic, Sinhala,
// Myanmar, Khmer and their presentation forms; and emoji sequences (ZWJ).
bool joining_script(char32_t c) {
  return (c >= 0x600 && c <= 0x8FF) || (c >= 0x900 && c <= 0xDFF) || (c >= 0x1000 && c <= 0x109F) ||
         (c >= 0x1780 && c <= 0x17FF) || (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFE) ||
         c >= 0x1F000;
}

bool format_char(char32_t c) {
  return c == 0x200B || c == 0x2060 || c == 0xFEFF || c == 0x200E || c == 0x200F || c == 0x061C || c == 0x180E ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || (c >= 0x2061 && c <= 0x2064);
}

bool latin_letter(char32_t c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0x24F); }
bool latin_or_digit(char32_t c) { return latin_letter(c) || (c >= '0' && c <= '9'); }
// Full-width and ideographic punctuation: never a space before it.
bool wide_punct(char32_t c) {
  return (c >= 0x3001 && c <= 0x3003) || (c >= 0x3008 && c <= 0x3011) || c == 0xFF01 || c == 0xFF09 || c == 0xFF0C ||
         c == 0xFF0E || c == 0xFF1A || c == 0xFF1B || c == 0xFF1F || c == 0xFF3D || c == 0xFF5D || c == 0x30FB;
}

}  // namespace

std::string undouble_ideographs(const std::string& text, double width, double size) {
  if (size <= 0 || width <= 0) return text;
  std::u32string s = u::decode(text);
  auto han = [](char32_t c) { return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x20000 && c <= 0x3134F); };
  size_t doubles = 0;
  for (size_t i = 0; i + 1 < s.size(); ++i)
    if (han(s[i]) && s[i + 1] == s[i]) { ++doubles; ++i; }
  if (doubles == 0) return text;
  // advance in em: 1 for CJK, about 0.55 for anything else
  double ems = 0;
  for (char32_t c : s) ems += u::is_cjk(c) ? 1.0 : 0.55;
  double drawn = width / size;
  double without = ems - static_cast<double>(doubles);
  if (std::abs(drawn - without) >= std::abs(drawn - ems)) return text;  // the glyphs are there: "常常"
  std::u32string out;
  for (size_t i = 0; i < s.size(); ++i) {
    out += s[i];
    if (han(s[i]) && i + 1 < s.size() && s[i + 1] == s[i]) ++i;
  }
  return u::encode(out);
}

std::string hygiene(const std::string& text) {
  std::u32string in = u::decode(u::clean(text)), out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    char32_t c = in[i];
    if (format_char(c)) continue;
    if (c == 0xAD && i + 1 < in.size()) continue;  // soft hyphen inside a word
    if (c == 0x200C || c == 0x200D) {
      bool keep = (i > 0 && joining_script(in[i - 1])) || (i + 1 < in.size() && joining_script(in[i + 1]));
      if (!keep) continue;
    }
    out += c;
  }
  return u::encode(out);
}

void mark_slanted(std::vector<Word>& words) {
  // pairs of neighbours in drawing order that step up or down by a fraction of a line
  auto step = [&](size_t i) {  // words[i-1] -> words[i]: +1 / -1 climbing or falling, 0 none
    const Word& a = words[i - 1];
    const Word& b = words[i];
    if (a.rot != 0 || b.rot != 0 || a.size <= 0 || std::abs(a.size - b.size) > 0.05 * a.size) return 0;
    double h = std::max(a.y1 - a.y0, 1.0);
    double dy = (b.y0 + b.y1) / 2 - (a.y0 + a.y1) / 2;
    double gap = std::min(std::abs(b.x0 - a.x1), std::abs(a.x0 - b.x1));
    if (gap > 0.5 * a.size || std::abs(dy) < 0.12 * h || std::abs(dy) > 1.0 * h) return 0;
    bool right = b.x0 >= a.x0;
    return (dy < 0) == right ? 1 : -1;  // 1: climbs to the right
  };
  size_t i = 1;
  while (i < words.size()) {
    int s = step(i);
    if (s == 0) { ++i; continue; }
    size_t j = i + 1;
    while (j < words.size() && step(j) == s) ++j;
    if (j - i >= 2)  // three words or more on one slanted baseline
      for (size_t k = i - 1; k < j; ++k) words[k].rot = 4;
    i = j;
  }
}

std::string rtl_text(const std::vector<Word>& visual, bool rtl_paragraph) {
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
  // 2. visual -> logical with ICU's inverse bidi algorithm (ubidi_setInverse:
  //    UBIDI_REORDER_INVERSE_NUMBERS_AS_L) on a right-to-left paragraph (the caller found
  //    the line right to left from its text). Each cluster goes in as drawn (its characters
  //    reversed: a lam-alef or a base with its marks comes back in logical order); runs of
  //    left-to-right text (IETF, WSIS+20, 2026) with the neutrals between them read left to
  //    right. No mirroring: the PDF maps each glyph to the character drawn. Format
  //    characters are left to hygiene() (ICU would drop ZWJ and ZWNJ with the bidi
  //    controls, and Persian needs ZWNJ).
  std::u32string vis;
  for (const auto& c : cl) {
    if (u::is_rtl(c[0])) vis.append(c.rbegin(), c.rend());
    else vis += c;  // a left-to-right cluster stays as it is
  }
  icu::UnicodeString uvis = icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(vis.data()), static_cast<int32_t>(vis.size()));
  std::u32string out;
  UErrorCode err = U_ZERO_ERROR;
  UBiDi* bidi = ubidi_openSized(uvis.length(), 0, &err);
  if (U_SUCCESS(err)) {
    ubidi_setInverse(bidi, true);
    ubidi_setPara(bidi, uvis.getBuffer(), uvis.length(), rtl_paragraph ? UBIDI_RTL : UBIDI_LTR, nullptr, &err);
    std::vector<UChar> buf(static_cast<size_t>(uvis.length()) + 16);
    int32_t n = U_SUCCESS(err) ? ubidi_writeReordered(bidi, buf.data(), static_cast<int32_t>(buf.size()), 0, &err) : 0;
    if (U_SUCCESS(err)) {
      icu::UnicodeString logical(buf.data(), n);
      std::string utf8;
      logical.toUTF8String(utf8);
      out = u::decode(utf8);
    }
    ubidi_close(bidi);
  }
  if (U_FAILURE(err)) {  // cannot happen with valid input; keep the text readable anyway
    out.clear();
    if (rtl_paragraph)
      for (auto it = cl.rbegin(); it != cl.rend(); ++it) out += *it;
    else
      for (const auto& c : cl) out += c;
  }
  return u::collapse_spaces(hygiene(u::encode(out)));
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
      bool space = p.space_after || gap > 0.15 * std::max(p.size, 1.0);
      // Han/Kana next to Han/Kana, Latin or digits: a space only where one was typed (the
      // gap of a space glyph on top of the spacing a layout engine adds between scripts).
      if (u::is_cjk(last) || u::is_cjk(first)) space = gap > 0.4 * std::max(p.size, 1.0);
      if (wide_punct(first)) space = false;
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

// A letter or roman numeral with a full stop ("a.", "iv.") is a list number only in a
// sequence: alone it is an abbreviation ("p. ex.", "z. B."). "a)" needs none.
bool letter_number(const std::string& m) {
  return m.size() >= 2 && m.back() == '.' && !std::isdigit(static_cast<unsigned char>(m[m[0] == '(' ? 1 : 0]));
}

bool courier_o(const W& w) {
  if (w.raw != U"o") return false;
  std::string f;
  for (char c : w.w.font) f += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return f.find("courier") != std::string::npos;
}

Line make_line(std::vector<W> ws, double page_width, bool page_rtl, bool no_number = false) {
  Line l;
  std::string all;
  for (const auto& w : ws) all += w.w.text;
  // Direction from the text: mostly right-to-left letters, or any on a right-to-left page
  // (a line with IETF and WSIS+20 in it has more Latin letters than Hebrew ones).
  l.rtl = has_rtl(all) && (rtl_score(all) > 0 || page_rtl);
  std::sort(ws.begin(), ws.end(), [&](const W& a, const W& b) { return l.rtl ? a.w.x1 > b.w.x1 : a.w.x0 < b.w.x0; });
  // A bullet at the far (left) end of a right-to-left line is its marker too.
  if (l.rtl && ws.size() >= 2 && ws.back().glyph && !ws.front().glyph && !dash_like(ws.back().raw))
    std::rotate(ws.rbegin(), ws.rbegin() + 1, ws.rend());
  // A right-to-left paragraph starting with a number draws its full stop on the number's
  // left: "2." reads ".2" as drawn, and is the line's number marker all the same.
  if (l.rtl && !ws.empty() && !ws[0].glyph) {
    const std::string& t = ws[0].w.text;
    if (t.size() >= 2 && (t[0] == '.' || t[0] == ')')) {
      std::string m = t.substr(1) + t[0];
      if (std::regex_match(m, number_marker())) {
        ws[0].w.text = m;
        ws[0].raw = u::decode(m);
      }
    }
  }
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
    } else if (!m.glyph && std::regex_match(m.w.text, number_marker()) && gap >= 0.2 * em &&
               !(no_number && letter_number(m.w.text))) {
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
  } else if (std::any_of(l.words.begin() + static_cast<long>(first_text), l.words.end(), [](const Word& w) { return has_rtl(w.text); })) {
    // a left-to-right paragraph with right-to-left words in it ("Welcome مرحبا"): they
    // are drawn right to left, and read back in logical order the same way
    std::vector<Word> visual(l.words.begin() + static_cast<long>(first_text), l.words.end());
    l.text = rtl_text(visual, false);
  } else {
    l.text = join_words(l.words, first_text);
  }
  l.full_text = l.numbered ? u::collapse_spaces(l.marker + " " + l.text) : l.text;
  return l;
}

// Rotated or slanted words -> lines read in their own direction: words of one direction
// that touch (within half an em) form one line.
std::vector<Line> rotated_lines(std::vector<W> ws) {
  std::vector<Line> out;
  std::vector<int> comp(ws.size(), -1);
  auto near = [](const W& a, const W& b) {
    if (a.w.rot != b.w.rot) return false;
    double m = 0.6 * std::max({a.w.size, b.w.size, 1.0});
    return a.w.x0 - m <= b.w.x1 && b.w.x0 - m <= a.w.x1 && a.w.y0 - m <= b.w.y1 && b.w.y0 - m <= a.w.y1;
  };
  int nc = 0;
  for (size_t i = 0; i < ws.size(); ++i) {
    if (comp[i] >= 0) continue;
    std::vector<size_t> stack{i};
    comp[i] = nc;
    while (!stack.empty()) {
      size_t a = stack.back();
      stack.pop_back();
      for (size_t b = 0; b < ws.size(); ++b)
        if (comp[b] < 0 && near(ws[a], ws[b])) { comp[b] = nc; stack.push_back(b); }
    }
    ++nc;
  }
  for (int c = 0; c < nc; ++c) {
    std::vector<W> g;
    for (size_t i = 0; i < ws.size(); ++i)
      if (comp[i] == c) g.push_back(ws[i]);
    int rot = g[0].w.rot;
    // reading position along the baseline
    auto along = [rot](const Word& w) {
      switch (rot) {
        case 1: return w.y0;    // top to bottom
        case 3: return -w.y1;   // bottom to top
        case 2: return -w.x1;   // upside down
        default: return w.x0;   // slanted: left to right
      }
    };
    auto end = [rot](const Word& w) {
      switch (rot) {
        case 1: return w.y1;
        case 3: return -w.y0;
        case 2: return -w.x0;
        default: return w.x1;
      }
    };
    std::sort(g.begin(), g.end(), [&](const W& a, const W& b) { return along(a.w) < along(b.w); });
    Line l;
    l.rotated = true;
    l.x0 = l.y0 = 1e18;
    l.x1 = l.y1 = -1e18;
    std::string text;
    for (size_t k = 0; k < g.size(); ++k) {
      const Word& w = g[k].w;
      l.x0 = std::min(l.x0, w.x0); l.y0 = std::min(l.y0, w.y0);
      l.x1 = std::max(l.x1, w.x1); l.y1 = std::max(l.y1, w.y1);
      if (k > 0) {
        const Word& p = g[k - 1].w;
        if (p.space_after || along(w) - end(p) > 0.15 * std::max(w.size, 1.0)) text += ' ';
      }
      text += w.text;
      l.words.push_back(w);
    }
    l.font = dominant_font(l.words, &l.size, &l.bold, &l.italic);
    l.text = l.full_text = u::collapse_spaces(text);
    l.marker_start = l.text_start = l.x0;
    if (!l.text.empty()) out.push_back(std::move(l));
  }
  return out;
}

}  // namespace

PageLines build_lines(const PageWords& page, bool rtl_deck) {
  PageLines out;
  out.page = page.page;
  out.width = page.width;
  out.height = page.height;
  out.label = page.label;
  out.hidden_words = page.hidden_words;
  out.dropped = page.dropped;
  std::vector<Word> words = page.words;
  mark_slanted(words);
  std::vector<W> ws, turned;
  int rtl_chars = 0, ltr_chars = 0;
  for (const auto& w : words) {
    W x;
    x.w = w;
    x.raw = u::decode(u::nfc(w.text));
    // strip spaces and control characters around the raw glyphs
    while (!x.raw.empty() && (u::is_space(x.raw.back()) || x.raw.back() < 0x20)) x.raw.pop_back();
    while (!x.raw.empty() && (u::is_space(x.raw.front()) || x.raw.front() < 0x20)) x.raw.erase(0, 1);
    if (x.raw.empty()) continue;
    for (char32_t c : x.raw) {
      if (u::is_rtl(c)) ++rtl_chars;
      else if (u::is_strong_ltr(c)) ++ltr_chars;
    }
    if (all_bullets(x.raw) || (x.raw.size() <= 2 && symbol_font(w.font)) || courier_o(x)) {
      x.glyph = true;
      x.w.text = u::encode(x.raw);
    } else if (w.char_x.empty() || !has_rtl(w.text)) {
      x.w.text = undouble_ideographs(u::collapse_spaces(hygiene(w.text)), w.x1 - w.x0, w.size);
      x.w.char_x.clear();
      if (x.w.text.empty()) continue;
    }  // right-to-left words keep their characters as drawn until rtl_text()
    if (x.w.size <= 0) x.w.size = std::max(1.0, x.w.y1 - x.w.y0);
    if (x.w.rot != 0) {
      if (x.glyph) x.w.text = u::clean(x.w.text);
      if (!x.w.text.empty()) turned.push_back(std::move(x));
      continue;
    }
    if (!x.glyph) split_leading_glyph(ws, std::move(x));
    else ws.push_back(std::move(x));
  }
  bool page_rtl = rtl_chars > ltr_chars || (rtl_deck && rtl_chars > 0);
  out.rtl_chars = rtl_chars;
  out.ltr_chars = ltr_chars;
  out.has_text = std::any_of(ws.begin(), ws.end(), [](const W& w) { return !w.glyph; }) || !turned.empty();
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
  std::vector<std::vector<W>> kept;  // the words of each line, to read it again
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
      if (!f.empty()) {
        out.lines.push_back(make_line(f, page.width, page_rtl));
        kept.push_back(std::move(f));
      }
  }
  // A letter as a list number ("a.", "p." of "p. ex.", "z." of "z. B.") only when another
  // line of the page continues the sequence (the letter before or after it).
  for (size_t i = 0; i < out.lines.size(); ++i) {
    const Line& l = out.lines[i];
    if (!l.numbered || !letter_number(l.marker)) continue;
    auto key = [](const std::string& m) { return std::tolower(static_cast<unsigned char>(m[m[0] == '(' ? 1 : 0])); };
    bool sequence = false;
    for (const auto& o : out.lines)
      if (&o != &l && o.numbered && letter_number(o.marker) && std::abs(key(o.marker) - key(l.marker)) == 1 &&
          std::abs(o.marker_start - l.marker_start) < l.size)
        sequence = true;
    if (!sequence) out.lines[i] = make_line(kept[i], page.width, page_rtl, true);
  }
  for (auto& r : rotated_lines(std::move(turned))) out.lines.push_back(std::move(r));
  // Drop fragments that hold only a bullet glyph with nothing next to it (recorded).
  for (const Line& l : out.lines)
    if (l.text.empty() && !l.marker.empty())
      out.dropped.push_back({l.marker, "glyph", "", {l.x0, l.y0, l.x1, l.y1}});
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

std::string join_wrapped(const std::string& a, const std::string& b, const Speller* speller) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  std::u32string ua = u::decode(a), ub = u::decode(b);
  char32_t last = ua.back(), first = ub.front();
  if (last == 0xAD) {
    ua.pop_back();
    return u::encode(ua) + b;
  }
  bool cjk_text = std::any_of(ua.begin(), ua.end(), [](char32_t c) { return u::is_cjk(c); }) ||
                  std::any_of(ub.begin(), ub.end(), [](char32_t c) { return u::is_cjk(c); });
  if (cjk_text) {
    if (wide_punct(first)) return a + b;
    // CJK text breaks anywhere, also inside a Latin word: "Consultati" + "on".
    if (latin_letter(last) && first >= U'a' && first <= U'z') return a + b;
    // Latin or digits next to Han/Kana: a space where the writer set them apart on the
    // other side of the run ("开设 3" + "期" -> "开设 3 期").
    auto spaced_run = [](const std::u32string& s, bool from_end) {
      size_t n = s.size(), i = 0;
      auto at = [&](size_t k) { return from_end ? s[n - 1 - k] : s[k]; };
      while (i < n && latin_or_digit(at(i))) ++i;
      return i > 0 && i + 1 < n && at(i) == U' ' && u::is_cjk(at(i + 1));
    };
    if (latin_or_digit(last) && u::is_cjk(first)) return spaced_run(ua, true) ? a + " " + b : a + b;
    if (u::is_cjk(last) && latin_or_digit(first)) return spaced_run(ub, false) ? a + " " + b : a + b;
    if (u::is_cjk(last) || u::is_cjk(first)) return a + b;
  }
  if ((last == U'-' || last == 0x2010) && ua.size() >= 2 && !u::is_space(ua[ua.size() - 2]) &&
      !u::is_dash(ua[ua.size() - 2])) {
    if (speller && u_islower(static_cast<UChar32>(first)) && u_isalpha(static_cast<UChar32>(ua[ua.size() - 2]))) {
      size_t i = ua.size() - 1;
      while (i > 0 && u_isalpha(static_cast<UChar32>(ua[i - 1]))) --i;
      size_t j = 0;
      while (j < ub.size() && u_isalpha(static_cast<UChar32>(ub[j]))) ++j;
      std::string w1 = u::encode(ua.substr(i, ua.size() - 1 - i)), w2 = u::encode(ub.substr(0, j));
      if (speller->known(w1 + w2) && !speller->known(w1 + "-" + w2)) {
        ua.pop_back();
        return u::encode(ua) + b;
      }
    }
    return a + b;
  }
  return a + " " + b;
}

}  // namespace deckhand::extract

namespace deckhand::extract {

std::string resolve_long_s_t(const std::string& text, const Speller* speller) {
  if (text.find("\xEF\xAC\x85") == std::string::npos) return text;  // U+FB05
  std::u32string in = u::decode(text), out;
  size_t i = 0;
  while (i < in.size()) {
    if (!u_isalpha(static_cast<UChar32>(in[i]))) { out += in[i++]; continue; }
    size_t j = i;
    while (j < in.size() && u_isalpha(static_cast<UChar32>(in[j]))) ++j;
    std::u32string word = in.substr(i, j - i);
    if (word.find(U'\uFB05') != std::u32string::npos) {
      auto with = [&](const char32_t* r) {
        std::u32string w;
        for (char32_t c : word) w += c == 0xFB05 ? std::u32string(r) : std::u32string(1, c);
        return w;
      };
      std::u32string ft = with(U"ft"), st = with(U"st");
      bool st_only = speller && speller->known(u::encode(st)) && !speller->known(u::encode(ft));
      word = st_only ? st : ft;
    }
    out += word;
    i = j;
  }
  return u::encode(out);
}

}  // namespace deckhand::extract

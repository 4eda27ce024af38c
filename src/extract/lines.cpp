// Words -> line fragments: grouping by baseline, splitting at wide gaps (columns),
// logical order for right-to-left lines, and bullet or number markers.
#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <numeric>
#include <optional>

#include <unicode/brkiter.h>
#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "core/direction.hpp"
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

// The AMS symbol font A (msam5..msam10, amsfonts' "AMSa"), which draws the bullets of
// Beamer's lists (its default itemize item is $\blacktriangleright$) and has no ToUnicode
// map in pdfTeX's output: Poppler gives the glyph's code as a Latin letter ("I"). The
// bullets among its glyphs, by code as amssymb.sty declares them (\DeclareMathSymbol ...
// {AMSa}{"49}), as the Unicode characters of their shape, in the small forms that match
// the glyphs' size; 0 for any other code.
bool ams_symbol_font(const std::string& font) {
  std::string f;
  for (char c : font) f += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return f.find("msam") != std::string::npos;
}
char32_t ams_symbol_bullet(char32_t code) {
  switch (code) {
    case 0x03: return 0x25A1;  // \square
    case 0x04: return 0x25A0;  // \blacksquare
    case 0x06: return 0x25CA;  // \lozenge
    case 0x07: return 0x29EB;  // \blacklozenge
    case 0x46: return 0x2605;  // \bigstar
    case 0x48: return 0x25BE;  // \blacktriangledown
    case 0x49: return 0x25B8;  // \blacktriangleright (Beamer's itemize triangle)
    case 0x4A: return 0x25C2;  // \blacktriangleleft
    case 0x4E: return 0x25B4;  // \blacktriangle
    case 0x58: return 0x2713;  // \checkmark
    default: return 0;
  }
}

bool monospace_font(const std::string& font) {
  std::string f;
  for (char c : font) f += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // (TeX's typewriter fonts: cmtt, lmtt, cm-super's sftt, EC's ectt/tctt, txtt; Courier as
  // pcrr, Nimbus Mono)
  for (const char* n : {"courier", "mono", "consol", "menlo", "monaco", "code", "cmtt", "lmtt", "sftt", "ectt", "tctt", "txtt",
                        "pcrr", "pcrb", "inconsolata", "typewriter", "fixed", "lucidaconsole", "andale", "cousine", "hack",
                        "firacode", "jetbrains"})
    if (f.find(n) != std::string::npos) return true;
  return false;
}

// A run of words all set in a monospaced font (measured by the page scan, or by name): code.
bool all_mono(const std::vector<W>& ws) {
  return std::all_of(ws.begin(), ws.end(), [](const W& w) { return w.w.mono || monospace_font(w.w.font); });
}

bool all_bullets(const std::u32string& s) {
  if (s.empty()) return false;
  for (char32_t c : s)
    if (!u::is_bullet_glyph(c)) return false;
  return true;
}

// Glyphs people also type as text ("- item", "→ Web: ..."): a marker only when a wide gap
// (a list's indent) follows them, not an ordinary space.
bool dash_like(const std::u32string& s) {
  return s.size() == 1 && (u::is_dash(s[0]) || s[0] == U'*' || s[0] == U'>' || s[0] == 0xB7 || s[0] == 0x2192 ||
                           s[0] == 0x21D2 || s[0] == 0x2794 || s[0] == 0x279C || s[0] == 0x27A1);
}

int rtl_score(const std::string& text) {
  auto n = direction::count_utf8(text);
  return static_cast<int>(n.rtl) - static_cast<int>(n.ltr);
}

bool has_rtl(const std::string& text) { return direction::count_utf8(text).any_rtl(); }


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

// A character's likely advance in em where the PDF gives no places: 1 for an ideograph
// or kana, about 0.55 for anything else.
double likely_advance_em(char32_t c) { return u::is_cjk(c) ? 1.0 : 0.55; }

}  // namespace

// An agenda's page number: one to three ASCII digits.
bool page_number(const std::u32string& t) {
  return !t.empty() && t.size() <= 3 && std::all_of(t.begin(), t.end(), [](char32_t c) { return c >= U'0' && c <= U'9'; });
}

std::string undouble_ideographs(const std::string& text, double width, double size) {
  if (size <= 0 || width <= 0) return text;
  std::u32string s = u::decode(text);
  auto han = u::is_han_ideograph;
  size_t doubles = 0;
  for (size_t i = 0; i + 1 < s.size(); ++i)
    if (han(s[i]) && s[i + 1] == s[i]) { ++doubles; ++i; }
  if (doubles == 0) return text;
  double ems = 0;
  for (char32_t c : s) ems += likely_advance_em(c);
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

// A run of different hyphen characters is one hyphen drawn: PowerPoint for Mac maps its
// hyphen glyph to "-", U+00AD and U+2010 at once ("now-\u00AD\u2010standard" shows
// "now-standard"). A run of one character ("--verbose", "i--") is what was typed.
std::string one_hyphen(const std::string& text) {
  if (text.find("\xC2\xAD") == std::string::npos && text.find("\xE2\x80\x90") == std::string::npos) return text;
  auto hy = [](char32_t c) { return c == U'-' || c == 0xAD || c == 0x2010 || c == 0x2011; };
  std::u32string in = u::decode(text), out;
  for (size_t i = 0; i < in.size();) {
    size_t j = i;
    while (j < in.size() && hy(in[j])) ++j;
    if (j - i >= 2 && !std::all_of(in.begin() + static_cast<long>(i), in.begin() + static_cast<long>(j), [&](char32_t c) { return c == in[i]; })) {
      // keep the one that is not a soft hyphen (a soft hyphen alone is dropped later)
      char32_t keep = U'-';
      for (size_t k = i; k < j; ++k)
        if (in[k] != 0xAD) { keep = in[k] == 0x2011 ? U'-' : in[k]; break; }
      out += keep;
      i = j;
      continue;
    }
    if (j == i) ++j;
    out.append(in, i, j - i);
    i = j;
  }
  return u::encode(out);
}

// Thai marks in the order Thai text keeps them (the order of the Thai Industrial Standard
// TIS 620 / WTT 2.0 input, which Unicode's Thai block follows: a vowel above or below its
// consonant, then a tone mark, then a thanthakhat or nikhahit), whatever order a PDF drew
// them in ("น่ั" is "นั่"); and sara am drawn as its two glyphs, nikhahit then sara aa
// (a tone mark between or before them), folded back to U+0E33 ("นํ้า", "น้ํา" are "น้ำ").
void thai_marks(std::u32string& s) {
  auto cls = [](char32_t c) {
    if (c == 0x0E31 || (c >= 0x0E34 && c <= 0x0E3A) || c == 0x0E47) return 1;  // vowels above and below
    if (c >= 0x0E48 && c <= 0x0E4B) return 2;                                  // tone marks
    if (c >= 0x0E4C && c <= 0x0E4E) return 3;                                  // thanthakhat, nikhahit, yamakkan
    return 0;
  };
  bool any = false;
  for (char32_t c : s) any = any || cls(c) > 0;
  if (!any) return;
  for (size_t i = 0; i < s.size();) {
    if (cls(s[i]) == 0) { ++i; continue; }
    size_t j = i;
    while (j < s.size() && cls(s[j]) > 0) ++j;
    // nikhahit (with a tone mark) before sara aa: sara am
    if (j < s.size() && s[j] == 0x0E32) {
      auto n = std::find(s.begin() + static_cast<long>(i), s.begin() + static_cast<long>(j), U'\u0E4D');
      if (n != s.begin() + static_cast<long>(j)) {
        s.erase(n);
        --j;
        s[j] = 0x0E33;
      }
    }
    std::stable_sort(s.begin() + static_cast<long>(i), s.begin() + static_cast<long>(j),
                     [&](char32_t a, char32_t b) { return cls(a) < cls(b); });
    i = j + 1;
  }
}

std::string hygiene(const std::string& text) {
  std::u32string in = u::decode(u::clean(one_hyphen(text))), out;
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
  thai_marks(out);
  return u::encode(out);
}

void mark_slanted(std::vector<Word>& words, double common) {
  // (a mark drawn apart, "ٔ" over the heh of "برنامهٔ", sits a little above or below its
  // letter: no step of a slanted line; it goes with the letters around it)
  auto mark_only = [](const Word& w) {
    std::u32string t = u::decode(w.text);
    return !t.empty() && std::all_of(t.begin(), t.end(), direction::is_mark);
  };
  // drawing order: by where the words' text comes in the page's strings (the words list
  // comes sorted for reading, a table cell between two letters of a watermark over it)
  std::vector<size_t> seq;
  for (size_t k = 0; k < words.size(); ++k)
    if (!mark_only(words[k])) seq.push_back(k);
  bool ordered = std::all_of(words.begin(), words.end(), [](const Word& w) { return w.order >= 0; });
  if (ordered)
    std::stable_sort(seq.begin(), seq.end(), [&](size_t a, size_t b) { return words[a].order < words[b].order; });
  // pairs of neighbours in drawing order that step up or down by a fraction of a line
  auto step = [&](size_t i) {  // words[seq[i-1]] -> words[seq[i]]: +1 / -1 climbing or falling, 0 none
    const Word& a = words[seq[i - 1]];
    const Word& b = words[seq[i]];
    if (a.rot != 0 || b.rot != 0 || a.size <= 0 || std::abs(a.size - b.size) > 0.05 * a.size) return 0;
    // (one baseline: no step, whatever the boxes do; a letter with a mark drawn over it has a
    // taller box, "اً" of "قابلاً" in Noto Naskh Arabic, whose line boxes are 1.7 em tall)
    if (a.base != 0 && b.base != 0 && std::abs(a.base - b.base) < 0.02 * a.size) return 0;
    // (the box of a turned glyph stands far taller than its line: a letter of a diagonal
    // watermark drawn one glyph at a time, as cairo draws Arabic; the step between two
    // middles is then told by its angle, a narrow letter stepping little)
    double h = std::max(std::min(a.y1 - a.y0, 1.5 * a.size), 1.0);
    double dy = (b.y0 + b.y1) / 2 - (a.y0 + a.y1) / 2;
    double dx = (b.x0 + b.x1) / 2 - (a.x0 + a.x1) / 2;
    double gap = std::min(std::abs(b.x0 - a.x1), std::abs(a.x0 - b.x1));
    bool tall = a.y1 - a.y0 > 1.6 * a.size;
    // (a narrow letter of a large watermark steps less than an eighth of its box, but at
    // the run's angle: "י" of "טיוטה", 10 pt down for 33 pt across at 73 pt)
    bool slanted = tall ? std::abs(dy) > 0.14 * std::abs(dx) && std::abs(dy) > 0.05 * a.size
                        : std::abs(dy) >= 0.12 * h || (std::abs(dy) > 0.2 * std::abs(dx) && std::abs(dy) > 0.08 * a.size);
    if (gap > 0.5 * a.size || !slanted || std::abs(dy) > 1.0 * h) return 0;
    bool right = b.x0 >= a.x0;
    return (dy < 0) == right ? 1 : -1;  // 1: climbs to the right
  };
  std::vector<std::pair<int, int>> spans;  // drawing-order spans of the slanted runs
  size_t i = 1;
  while (i < seq.size()) {
    int s = step(i);
    if (s == 0) { ++i; continue; }
    size_t j = i + 1;
    while (j < seq.size() && step(j) == s) ++j;
    // (or two, each an ideograph at twice the page's common size or more, a clear step
    // apart: "草案" at 110 pt over 24 pt text, Impress)
    bool pair = false;
    if (j - i == 1) {
      const Word& a = words[seq[i - 1]];
      const Word& b = words[seq[i]];
      std::u32string ta = u::decode(a.text), tb = u::decode(b.text);
      double dy = std::abs((b.y0 + b.y1) / 2 - (a.y0 + a.y1) / 2), dx = std::abs((b.x0 + b.x1) / 2 - (a.x0 + a.x1) / 2);
      pair = ta.size() == 1 && tb.size() == 1 && u::is_cjk(ta[0]) && u::is_cjk(tb[0]) && a.size >= 2 * common &&
             dy > 0.25 * dx && dy > 0.2 * a.size;
    }
    if (j - i >= 2 || pair) {  // three words or more on one slanted baseline
      for (size_t k = i - 1; k < j; ++k) words[seq[k]].rot = 4;
      spans.push_back({words[seq[i - 1]].order, words[seq[j - 1]].order});
    }
    i = j;
  }
  // the marks drawn among a run's letters go with them
  if (ordered)
    for (auto& w : words)
      if (w.rot == 0 && mark_only(w))
        for (auto [a, b] : spans)
          if (w.order > std::min(a, b) && w.order < std::max(a, b)) w.rot = 4;
}

std::optional<bool> typed_space(const Word& left, const Word& right, const std::vector<SpaceGlyph>* spaces, bool* no_room,
                                char32_t* no_break, double* width) {
  if (no_room) *no_room = false;
  if (no_break) *no_break = 0;
  if (width) *width = 0;
  if (!spaces || spaces->empty()) return std::nullopt;
  double em = std::max({left.size, right.size, 1.0});
  double y0 = std::max(left.y0, right.y0), y1 = std::min(left.y1, right.y1);
  double mid = (y0 + y1) / 2;
  bool on_line = false;
  // space glyphs on the words' line; one whose middle is in the gap between them
  auto it = std::lower_bound(spaces->begin(), spaces->end(), mid - 2 * em, [](const SpaceGlyph& s, double y) { return s.y0 < y; });
  for (; it != spaces->end() && it->y0 <= mid + em; ++it) {
    if (it->joiner) continue;  // not a space glyph (rtl_text puts it back)
    double cx = (it->x0 + it->x1) / 2, cy = (it->y0 + it->y1) / 2;
    if (cy < std::min(left.y0, right.y0) || cy > std::max(left.y1, right.y1)) continue;
    on_line = true;
    if (cx >= left.x1 - 0.25 * em && cx <= right.x0 + 0.25 * em && cx >= left.x0 && cx <= right.x1) {
      // drawn where the words leave it no room: no space a reader sees (XeTeX draws a
      // zero-width non-joiner with the space glyph, the next letter drawn over it). Not
      // when the next word starts where the space glyph ends: the letter before reaches
      // over it by its unkerned advance, which the reader does not see (Impress, Amiri's
      // gaf 4 pt into the space after it, "دوباره گشوده")
      double sw = it->x1 - it->x0;
      if (right.x0 - left.x1 < 0.3 * sw && right.x0 < it->x1 - 0.3 * sw) {
        if (no_room) *no_room = true;
        return false;
      }
      if (no_break) *no_break = it->no_break;
      if (width) *width = sw;
      return true;
    }
  }
  if (on_line) return false;
  return std::nullopt;
}

namespace {

bool arabic_letter(char32_t c) { return (c >= 0x620 && c <= 0x64A) || (c >= 0x66E && c <= 0x6D3) || (c >= 0x6FA && c <= 0x6FF); }

// A digit of the numbers UAX #9 reorders around Arabic text: European, Arabic-Indic and
// Extended Arabic-Indic (Persian).
bool bidi_digit(char32_t c) { return (c >= '0' && c <= '9') || (c >= 0x660 && c <= 0x669) || (c >= 0x6F0 && c <= 0x6F9); }

// A character of the Arabic script blocks (Arabic, its Supplement, Extended-A).
bool arabic_script(char32_t c) { return (c >= 0x600 && c <= 0x6FF) || (c >= 0x750 && c <= 0x77F) || (c >= 0x8A0 && c <= 0x8FF); }

// Presentation forms (Arabic Presentation Forms-A and -B: U+FB50..U+FDFF, U+FE70..U+FEFF,
// as XeTeX and some office exports map their glyphs) folded to the letters they show by
// their compatibility decomposition (NFKC), so that search, translation memories and
// machine translation see ordinary text; a lam-alef ligature becomes lam + alef, in
// logical order.
std::u32string fold_presentation_forms(const std::u32string& s) {
  auto pf = [](char32_t c) { return (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFE); };
  if (std::none_of(s.begin(), s.end(), pf)) return s;
  std::u32string out;
  for (char32_t c : s) {
    if (!pf(c)) { out += c; continue; }
    out += u::decode(u::nfkc(u::encode(c)));
  }
  return out;
}

}  // namespace

namespace {

// The logical order of a mixed line's words (visual: left to right) from the order they
// were drawn in, when that order tells: the words form runs of one direction (right to
// left, left to right or digits, neutral), each run drawn in one stretch of the content
// stream, and the runs were not drawn left to right (which visual-order producers do
// whatever the direction). Runs come in the order drawn; a right-to-left run's words are
// read from the right. nullopt when the stream cannot tell.
struct WordOrder {
  std::vector<size_t> words;  // logical order
  std::vector<int> run;       // per word (visual index): its run, -1 for a mark drawn apart
};
std::optional<WordOrder> logical_word_order(const std::vector<Word>& visual) {
  if (visual.size() < 2) return std::nullopt;
  // 1 right to left, -1 left to right, -2 a number, 0 neutral, 2 a mark drawn apart
  auto cls = [](const Word& w) {
    std::u32string t = u::decode(w.text);
    auto n = direction::count(t);
    if (n.rtl) return 1;
    if (n.ltr) return -1;
    if (std::any_of(t.begin(), t.end(), [](char32_t c) { return c >= '0' && c <= '9'; })) return -2;
    return std::all_of(t.begin(), t.end(), direction::is_mark) ? 2 : 0;
  };
  struct Run {
    int cls = 0;
    std::vector<size_t> words;      // left to right
    std::vector<size_t> head, tail;  // neutrals drawn against it, read before and after it
    int lo = INT32_MAX, hi = -1;
  };
  std::vector<Run> runs;
  bool rtl_any = false, ltr_any = false;
  for (size_t k = 0; k < visual.size(); ++k) {
    if (visual[k].order < 0) return std::nullopt;
    int c = cls(visual[k]);
    if (c == 2) continue;  // a mark: it sits on a letter of its run
    rtl_any = rtl_any || c == 1;
    ltr_any = ltr_any || c < 0;
    if (runs.empty() || runs.back().cls != c) runs.push_back({c, {}, {}, {}, INT32_MAX, -1});
    runs.back().words.push_back(k);
    runs.back().lo = std::min(runs.back().lo, visual[k].order);
    runs.back().hi = std::max(runs.back().hi, visual[k].order_end);
  }
  if (!rtl_any || !ltr_any) return std::nullopt;
  // a number drawn against a left-to-right word is part of it ("WSIS+" "20": UAX #9 rule
  // W7, European digits after a left-to-right letter read left to right)
  for (size_t i = 0; i + 1 < runs.size();) {
    Run& a = runs[i];
    Run& b = runs[i + 1];
    const Word& l = visual[a.words.back()];
    const Word& r = visual[b.words.front()];
    bool touching = r.x0 - l.x1 < 0.1 * std::max({l.size, r.size, 1.0});
    if (touching && ((a.cls == -1 && b.cls == -2) || (a.cls == -2 && b.cls == -1))) {
      a.cls = -1;
      a.words.insert(a.words.end(), b.words.begin(), b.words.end());
      a.lo = std::min(a.lo, b.lo);
      a.hi = std::max(a.hi, b.hi);
      runs.erase(runs.begin() + static_cast<long>(i) + 1);
    } else {
      ++i;
    }
  }
  // neutral words between two runs of one direction belong to them ("30/04/2026")
  for (size_t i = 1; i + 1 < runs.size();) {
    if (runs[i].cls == 0 && runs[i - 1].cls == runs[i + 1].cls) {
      for (size_t j : {i, i + 1}) {
        runs[i - 1].words.insert(runs[i - 1].words.end(), runs[j].words.begin(), runs[j].words.end());
        runs[i - 1].lo = std::min(runs[i - 1].lo, runs[j].lo);
        runs[i - 1].hi = std::max(runs[i - 1].hi, runs[j].hi);
      }
      runs.erase(runs.begin() + static_cast<long>(i), runs.begin() + static_cast<long>(i) + 2);
    } else {
      ++i;
    }
  }
  // neutral words drawn against a word, with no space (a "%" after 75, the "." of "1.",
  // brackets), go with it, a number first. The runs come back in an order other than left
  // to right only in a right-to-left paragraph: there what stands on a run's right is read
  // before it ("1." drawn ".1"), what stands on its left after it ("75%" drawn "%75").
  auto touch = [&](const Run& a, const Run& b) {  // a left of b
    const Word& l = visual[a.words.back()];
    const Word& r = visual[b.words.front()];
    return r.x0 - l.x1 < 0.1 * std::max({l.size, r.size, 1.0});
  };
  for (size_t i = 0; i < runs.size();) {
    if (runs[i].cls != 0 || runs.size() < 2) { ++i; continue; }
    bool tl = i > 0 && touch(runs[i - 1], runs[i]), tr = i + 1 < runs.size() && touch(runs[i], runs[i + 1]);
    long into = -1;
    if (tr && runs[i + 1].cls == -2) into = static_cast<long>(i) + 1;
    else if (tl && runs[i - 1].cls == -2) into = static_cast<long>(i) - 1;
    else if (tl) into = static_cast<long>(i) - 1;
    else if (tr) into = static_cast<long>(i) + 1;
    if (into < 0) { ++i; continue; }
    Run& t = runs[static_cast<size_t>(into)];
    // in a right-to-left paragraph, what stands on a run's right is read before it
    if (static_cast<size_t>(into) < i) t.head.insert(t.head.begin(), runs[i].words.begin(), runs[i].words.end());
    else t.tail.insert(t.tail.end(), runs[i].words.begin(), runs[i].words.end());
    t.lo = std::min(t.lo, runs[i].lo);
    t.hi = std::max(t.hi, runs[i].hi);
    runs.erase(runs.begin() + static_cast<long>(i));
  }
  if (runs.size() < 2) return std::nullopt;
  std::vector<size_t> by_stream(runs.size());
  std::iota(by_stream.begin(), by_stream.end(), 0);
  std::sort(by_stream.begin(), by_stream.end(), [&](size_t a, size_t b) { return runs[a].lo < runs[b].lo; });
  for (size_t i = 1; i < by_stream.size(); ++i)
    if (runs[by_stream[i - 1]].hi > runs[by_stream[i]].lo) return std::nullopt;  // interleaved: no runs
  bool left_to_right = true;
  for (size_t i = 0; i < by_stream.size(); ++i) left_to_right = left_to_right && by_stream[i] == i;
  if (left_to_right) return std::nullopt;
  WordOrder out;
  out.run.assign(visual.size(), -1);
  for (size_t r : by_stream) {
    std::vector<size_t> w = runs[r].words;
    if (runs[r].cls == 1) std::reverse(w.begin(), w.end());
    for (auto* part : {&runs[r].head, &w, &runs[r].tail})
      for (size_t k : *part) {
        out.words.push_back(k);
        out.run[k] = static_cast<int>(r);
      }
  }
  // marks drawn apart keep their place in the word list (their text went to their letter)
  for (size_t k = 0; k < visual.size(); ++k)
    if (cls(visual[k]) == 2) out.words.push_back(k);
  return out;
}

}  // namespace

// Two numbers joined by a hyphen or a plus sign after Arabic-script letters ("مثل
// 2026-014"): UAX #9 makes them Arabic numbers (W2: European digits after an Arabic
// letter), and a European separator between two Arabic numbers stays neutral (W4 joins
// them only across a common separator), so they are drawn in reverse order, "014-2026",
// which the inverse algorithm keeps. Put back in the order typed.
void arabic_number_order(std::u32string& out) {
  const auto digit = bidi_digit;
  for (size_t i = 0; i < out.size();) {
    // (a full stop read before them, after a space: the sentence's stop, drawn at the run's
    // left end with them, ".014-2026" of "مثل 2026-014.": it goes after them)
    const bool stop = i > 0 && out[i - 1] == U'.' && (i == 1 || out[i - 2] == U' ');
    if (!digit(out[i]) || (i > 0 && !stop && (digit(out[i - 1]) || out[i - 1] == U'.' || out[i - 1] == U','))) { ++i; continue; }
    size_t a_end = i;
    while (a_end < out.size() && digit(out[a_end])) ++a_end;
    if (a_end + 1 >= out.size() || (out[a_end] != U'-' && out[a_end] != U'+') || !digit(out[a_end + 1])) { i = a_end; continue; }
    size_t b_end = a_end + 1;
    while (b_end < out.size() && digit(out[b_end])) ++b_end;
    if (b_end < out.size() && (out[b_end] == U'-' || out[b_end] == U'+' || digit(out[b_end]))) { i = b_end; continue; }
    // the strong letter before them: Arabic script
    long k = static_cast<long>(i) - (stop ? 2 : 1);
    while (k >= 0 && !direction::is_rtl(out[static_cast<size_t>(k)]) && !direction::is_ltr(out[static_cast<size_t>(k)])) --k;
    if (k >= 0 && arabic_script(out[static_cast<size_t>(k)])) {
      std::u32string a = out.substr(i, a_end - i), b = out.substr(a_end + 1, b_end - a_end - 1);
      char32_t sep = out[a_end];
      if (stop) out.replace(i - 1, b_end - i + 1, b + sep + a + U'.');
      else out.replace(i, b_end - i, b + sep + a);
    }
    i = b_end;
  }
}

// Brackets in right-to-left text: some producers map a mirrored bracket glyph to the
// character it looks like, so that logical order reads ")x(". Where the brackets come
// closing before opening, throughout, they are read mirrored back.
bool unmirror_brackets(std::u32string& out) {
  auto opening = [](char32_t c) { return c == U'(' || c == U'[' || c == U'{' || c == 0xAB; };
  auto closing = [](char32_t c) { return c == U')' || c == U']' || c == U'}' || c == 0xBB; };
  int depth = 0, min_depth = 0, n = 0;
  for (char32_t c : out) {
    if (opening(c)) ++depth, ++n;
    else if (closing(c)) --depth, ++n, min_depth = std::min(min_depth, depth);
  }
  // every prefix has at least as many closing brackets as opening ones: mirrored
  if (n < 2 || depth != 0 || min_depth >= 0) return false;
  int d = 0;
  for (char32_t c : out) {
    if (closing(c)) ++d;
    else if (opening(c)) --d;
    if (d < 0) return false;
  }
  for (char32_t& c : out) {
    UChar32 m = u_charMirror(static_cast<UChar32>(c));
    if ((opening(c) || closing(c)) && m != static_cast<UChar32>(c)) c = static_cast<char32_t>(m);
  }
  return true;
}

// Left to right; of two words starting at one x, the narrower first (a zero-width alef
// cairo draws at the left edge of its lam: "الأعمال", not "األعمال"). A zero-width word
// counts half a point further left: Impress draws that alef 0.1 pt inside its lam-alef
// glyph's left edge ("اعلام", not "اعالم").
static bool visual_before(const Word& a, const Word& b) {
  auto key = [](const Word& w) { return w.x1 - w.x0 < 0.01 ? w.x0 - 0.5 : w.x0; };
  double ka = key(a), kb = key(b);
  if (std::abs(ka - kb) > 1e-3) return ka < kb;
  return a.x1 < b.x1;
}

std::string rtl_text(const std::vector<Word>& visual, bool rtl_paragraph, const std::vector<SpaceGlyph>* spaces,
                     std::vector<Dropped>* dropped) {
  // 1. Clusters in visual order (left to right), each a piece of text that must not be
  //    split: a left-to-right word as it is; in right-to-left words, the characters one
  //    glyph draws (a lam-alef ligature), with the combining marks (harakat, points) that
  //    sit on it. Which glyph a mark sits on comes from where it is drawn: inside a
  //    letter's advance, or at its left edge (a mark is drawn just before the letter it
  //    sits on, in visual order, by HarfBuzz-based producers); not from the order of the
  //    characters, which producers differ on. Spaces where words stand apart.
  struct Cluster {
    std::u32string text;  // logical order within the cluster
    double x0 = 0, x1 = 0;
    bool rtl = false;     // a right-to-left letter cluster
    bool space = false;
    size_t word = 0;      // the word it belongs to (for a space: the word after it)
  };
  std::vector<Cluster> cl;
  auto is_joiner = [](const Cluster& c) { return c.text.size() == 1 && (c.text[0] == 0x200C || c.text[0] == 0x200D); };
  std::vector<std::pair<char32_t, double>> marks;  // marks and where they are drawn
  std::vector<std::tuple<char32_t, int, double>> drawn_before;  // marks drawn alone: (mark, order drawn next, x)
  std::vector<std::tuple<char32_t, int, double>> drawn_after;   // (mark, its order, x), right to left
  double reach = -1e18;  // the right end of the words so far (a mark's zero-width word ends inside a letter)
  const Word* prev = nullptr;
  // Drawn right to left: the line's right-to-left words come in the content stream from
  // right to left (cairo draws a right-to-left run in logical order). A mark then follows
  // the letter it sits on in drawing order, as in logical order; where it is drawn says
  // less (cairo draws the hamza of "هٔ" 3 pt into the heh's advance, XeTeX draws a mark at
  // the left edge of its letter, inside the advance of the letter before it).
  bool drawn_rtl = false;
  {
    int dec = 0, inc = 0;
    const Word* last = nullptr;
    for (const auto& w : visual) {
      if (w.order < 0 || !has_rtl(w.text)) continue;
      if (last) (w.order < last->order ? dec : inc)++;
      last = &w;
    }
    drawn_rtl = dec > inc;
  }
  for (size_t k = 0; k < visual.size(); ++k) {
    const Word& w = visual[k];
    bool zero_width = w.x1 - w.x0 < 0.05 * std::max(w.size, 1.0);
    if (prev && !zero_width) {
      const Word& p = *prev;
      // (from the word's leftmost character: a mark drawn first may stand right of the
      // letter after it, "ًناجم" of "مجانًا" starting at its fathatan, 2.8 pt in)
      double left = w.x0;
      if (w.char_x.size() >= 2) left = std::min(left, *std::min_element(w.char_x.begin(), w.char_x.end() - 1));
      double gap = left - reach;
      bool no_room = false;
      auto typed = typed_space(p, w, spaces, &no_room);
      bool space = (typed && *typed) || gap > 0.15 * std::max(w.size, 1.0);
      // (no space glyph between two right-to-left words drawn one right after the other
      // in one font, on a line that draws its spaces, the left one ending in a mark: one
      // word; Impress leaves 0.18 em where a damma drawn at a word's end sits, "ستُسجَّل")
      if (space && typed && !*typed && !no_room && p.order_end >= 0 && p.order_end == w.order && p.font == w.font &&
          has_rtl(p.text) && has_rtl(w.text) && gap < 0.4 * std::max(w.size, 1.0)) {
        std::u32string pt = u::decode(p.text);
        if (!pt.empty() && direction::is_mark(pt.back())) space = false;
      }
      // (unless a joiner of their own already stands where they meet: "ثبت‌" + "کننده")
      auto joiner_at = [](const std::string& t, bool end) {
        std::u32string v = u::decode(t);
        if (v.empty()) return false;
        char32_t c = end ? v.back() : v.front();
        return c == 0x200C || c == 0x200D;
      };
      if (!space && no_room && has_rtl(p.text) && has_rtl(w.text) && !joiner_at(p.text, true) && !joiner_at(w.text, false)) {
        // two right-to-left pieces of one word kept apart by a non-joiner
        Cluster zw;
        zw.text = U"\u200C";
        zw.x0 = reach;
        zw.x1 = w.x0;
        zw.rtl = true;
        zw.word = k;
        cl.push_back(zw);
      }
      if (space) {
        Cluster sp;
        sp.text = U" ";
        sp.x0 = reach;
        sp.x1 = w.x0;
        sp.space = true;
        sp.word = k;
        // a zero-width letter drawn at this word's left edge belongs to it, not to the
        // word across the gap: cairo draws Noto Naskh's lam-alef as the lam's glyph and a
        // zero-advance alef at its left ("بالا در", not "بال ادر")
        size_t at = cl.size();
        double em = std::max(w.size, 1.0);
        while (at > 0 && !cl[at - 1].space && cl[at - 1].rtl && cl[at - 1].x1 - cl[at - 1].x0 < 0.05 * em &&
               cl[at - 1].x0 >= w.x0 - 0.1 * em)
          --at;
        if (at < cl.size()) sp.word = cl[at].word;
        cl.insert(cl.begin() + static_cast<long>(at), sp);
      }
    }
    if (!zero_width) {
      reach = std::max(reach, w.x1);
      prev = &w;
    }
    std::u32string s = u::decode(w.text);
    std::vector<double> x = w.char_x;
    bool have_x = x.size() == s.size() + 1;
    std::vector<int> g = w.char_glyph;
    if (g.size() != s.size()) g.clear();
    if (!have_x) {  // a word without character positions: one cluster (a left-to-right word)
      Cluster c;
      c.text = s;
      c.x0 = w.x0;
      c.x1 = w.x1;
      c.word = k;
      c.rtl = direction::count(s).mostly_rtl();
      if (c.rtl) std::reverse(c.text.begin(), c.text.end());
      cl.push_back(c);
      continue;
    }
    // characters in visual order, left to right, with their advances
    std::vector<long> char_cluster(s.size(), -1);
    std::vector<std::pair<size_t, size_t>> on_base;  // (mark, its letter) by drawing order
    std::vector<size_t> idx(s.size());
    std::iota(idx.begin(), idx.end(), 0);
    bool reversed = s.size() >= 2 && x.front() > x[s.size() - 1];  // drawn right to left
    if (reversed) std::reverse(idx.begin(), idx.end());
    for (size_t n = 0; n < idx.size(); ++n) {
      size_t i = idx[n];
      double a = std::min(x[i], x[i + 1]), b = std::max(x[i], x[i + 1]);
      if (direction::is_mark(s[i])) {
        size_t j = i;
        while (j > 0 && direction::is_mark(s[j - 1])) --j;
        size_t next = i + 1;
        while (next < s.size() && direction::is_mark(s[next])) ++next;
        if (drawn_rtl && j > 0) on_base.push_back({i, j - 1});
        // (drawn right to left, a word of marks alone goes with the word drawn just
        // before it: cairo draws the damma of "بُعد" after the beh, at the edge between
        // the beh and the ain)
        else if (drawn_rtl && j == 0 && w.order >= 0) drawn_after.push_back({s[i], w.order, a});
        // (drawn left to right, the word's characters in visual order: its logical order
        // reversed, so a mark comes before its letter, "ُي" of "يُش")
        else if (!drawn_rtl && !reversed && next < s.size() && arabic_letter(s[next])) {
          // (the letter drawn right after it, where the glyphs are known: TextPage may put
          // a mark drawn at its letter's pen position after the letter, "ضً" of "أيضًا")
          size_t base = next;
          // (past other marks drawn with it: the shadda and kasra of "جِّ")
          if (!g.empty())
            for (int t = g[i] + 1, found = 0; t <= g[i] + 4 && !found; ++t)
              for (size_t q = 0; q < s.size() && !found; ++q)
                if (g[q] == t && !direction::is_mark(s[q])) {
                  found = 1;
                  // (a glyph of two letters, lam-alef: which one it sits on is not told)
                  size_t letters = 0;
                  for (size_t r = 0; r < s.size(); ++r) letters += g[r] == t && !direction::is_mark(s[r]) ? 1 : 0;
                  if (arabic_letter(s[q]) && letters == 1) base = q;
                }
          on_base.push_back({i, base});
        }
        else if (!drawn_rtl && next == s.size() && w.order_end >= 0) drawn_before.push_back({s[i], w.order_end, a});
        else marks.push_back({s[i], a});
        continue;
      }
      bool same_glyph = false;
      if (!cl.empty() && !cl.back().space && cl.back().rtl && n > 0) {
        // (the letter before, past the marks drawn between: TextPage puts a mark after the
        // letter it is drawn over, "لًا" of one lam-alef glyph)
        size_t m = n - 1;
        while (m > 0 && direction::is_mark(s[idx[m]])) --m;
        size_t j = idx[m];
        if (!g.empty()) same_glyph = g[i] == g[j] && g[i] >= 0;
        else if (s[j] == 0x644 && arabic_letter(s[i]) && !reversed) {
          // Without glyph information: Poppler splits a glyph that maps to two characters
          // into equal halves (lam + alef of a ligature); separate glyphs rarely match that
          // closely
          double w1 = x[j + 1] - x[j], w2 = x[i + 1] - x[i];
          // (to a hundredth of a point: a separate alef and lam of "المللی" drawn 6.97 and
          // 6.79 pt wide are two glyphs)
          auto equal = [](double a1, double a2) { return std::abs(a1 - a2) < 0.005 * std::max(a1, a2) + 0.02; };
          same_glyph = equal(w1, w2);
          // ... but not a pair inside a longer row of equal widths: an /ActualText span's
          // characters, which Poppler lays out over the span in equal parts (deckhand's own
          // right-to-left runs: render/text_layer.hpp)
          if (same_glyph && ((j > 0 && equal(x[j] - x[j - 1], w1)) || (i + 2 < x.size() && equal(x[i + 2] - x[i + 1], w2))))
            same_glyph = false;
        }
      }
      if (same_glyph) {
        // one glyph, its characters in the order the PDF maps them (logical)
        Cluster& c = cl.back();
        if (reversed) c.text.insert(c.text.begin(), s[i]);
        else c.text.push_back(s[i]);
        // a lam-alef glyph mapped alef first (visual order, as some writers map it so that
        // pdftotext's reversal reads it right): no glyph joins alef to a following lam
        auto alef = [](char32_t a) { return a == 0x627 || a == 0x622 || a == 0x623 || a == 0x625; };
        // (a glyph of two characters: the Allah ligature maps "الله", four, in logical order)
        size_t letters = 0;
        for (size_t q = 0; q < g.size(); ++q) letters += g[q] == g[i] && !direction::is_mark(s[q]) ? 1 : 0;
        bool pair = g.empty() || letters == 2;
        if (c.text.size() == 2 && alef(c.text[0]) && c.text[1] == 0x644 && pair) std::swap(c.text[0], c.text[1]);

        c.x0 = std::min(c.x0, a);
        c.x1 = std::max(c.x1, b);
        char_cluster[i] = static_cast<long>(cl.size()) - 1;
        continue;
      }
      Cluster c;
      c.text = std::u32string(1, s[i]);
      c.x0 = a;
      c.x1 = b;
      c.word = k;
      c.rtl = direction::is_rtl(s[i]) || arabic_letter(s[i]);
      cl.push_back(c);
      char_cluster[i] = static_cast<long>(cl.size()) - 1;
    }
    for (auto [m, base] : on_base) {
      if (char_cluster[base] >= 0) {
        // (after its letter and the marks already on it, inside a glyph of two letters:
        // the tanween of "لًا" on the lam of a lam-alef glyph)
        std::u32string& t = cl[static_cast<size_t>(char_cluster[base])].text;
        size_t at = t.find(s[base]);
        if (at == std::u32string::npos) at = t.size();
        else
          for (++at; at < t.size() && direction::is_mark(t[at]);) ++at;
        t.insert(at, 1, s[m]);
      } else
        marks.push_back({s[m], std::min(x[m], x[m + 1])});
    }
  }
  // (marks ending a word drawn left to right, or a word of marks alone, belong to the word
  // drawn next: to its first letter, its leftmost; Impress draws the damma of "يُش" apart,
  // inside the sheen's advance, and that of "ستُ" at the end of "لَّجسُ")
  for (const auto& [m, order, mx] : drawn_before) {
    Cluster* best = nullptr;
    for (auto& c : cl)
      if (!c.space && !is_joiner(c) && c.rtl && visual[c.word].order == order && (!best || c.x0 < best->x0)) best = &c;
    if (best && best->x0 >= mx - 0.1 && best->x0 - mx < 0.6 * std::max(visual[best->word].size, 1.0)) best->text += m;
    else marks.push_back({m, mx});
  }
  // (a word of marks alone drawn right to left, or marks leading a word: on the leftmost
  // letter of the word drawn just before it, within 0.45 em of where it is drawn; Amiri's
  // fatha over a meem stands 0.34 em left of the meem, glued by Poppler to the waw after)
  for (const auto& [m, order, mx] : drawn_after) {
    Cluster* best = nullptr;
    for (auto& c : cl)
      if (!c.space && !is_joiner(c) && c.rtl && visual[c.word].order_end == order && (!best || c.x0 < best->x0)) best = &c;
    if (best && std::abs(best->x0 - mx) < 0.45 * std::max(visual[best->word].size, 1.0)) best->text += m;
    else marks.push_back({m, mx});
  }
  // 1b. Joiner controls the PDF carries without a glyph (SpaceGlyph::joiner: cairo's
  //     zero-width non-joiner), where two right-to-left letter clusters on this line meet.
  if (spaces && !visual.empty()) {
    double y0 = 1e18, y1 = -1e18, em = 1;
    for (const auto& w : visual) y0 = std::min(y0, w.y0), y1 = std::max(y1, w.y1), em = std::max(em, w.size);
    for (const auto& j : *spaces) {
      double cy = (j.y0 + j.y1) / 2, size = (j.y1 - j.y0) / 0.95;  // (page_scan: 0.75 + 0.2 of the size)
      if (!j.joiner || cy < y0 || cy > y1 || std::abs(size - em) > 0.2 * em) continue;
      for (size_t i = 0; i + 1 < cl.size(); ++i) {
        const Cluster& a = cl[i];
        const Cluster& b = cl[i + 1];
        // (one joiner a boundary: a shadow copy's joiner lands beside the text's own)
        if (a.space || b.space || !a.rtl || !b.rtl || is_joiner(a) || is_joiner(b)) continue;
        if (j.x0 < a.x1 - 0.05 * em || j.x0 > b.x0 + 0.05 * em || std::abs(b.x0 - a.x1) > 0.15 * em) continue;
        Cluster zw;
        zw.text = std::u32string(1, j.joiner);
        zw.x0 = zw.x1 = j.x0;
        zw.rtl = true;
        zw.word = b.word;
        cl.insert(cl.begin() + static_cast<long>(i) + 1, zw);
        break;
      }
    }
  }
  // 2. Each mark goes to the letter it is drawn on: the one whose advance holds the
  //    mark's position well inside; at the edge between two letters, the one on the
  //    right (in right-to-left text a mark is drawn where its letter begins, on its left:
  //    a mark of "يُ" drawn just after "ش" in visual order sits on "ي"); else the nearest.
  auto no_ink = [&](const Cluster& c) { return c.space || is_joiner(c); };
  const double mark_em = visual.empty() ? 10 : std::max(visual.front().size, 1.0);
  for (const auto& [m, mx] : marks) {
    Cluster* best = nullptr;
    double best_d = 1e18;
    const double em = mark_em;
    // (drawn left to right, as XeTeX draws: a mark just left of a letter's left edge, within
    // a tenth of an em, is that letter's, even where it falls inside the letter before:
    // the shadda and kasra of "يسِّر" 1 pt left of the sin, inside the reh)
    if (!drawn_rtl) {
      for (auto& c : cl)
        if (!no_ink(c) && c.rtl && c.x0 >= mx && c.x0 - mx < 0.12 * em && c.x0 - mx < best_d) best = &c, best_d = c.x0 - mx;
      if (best) {
        best->text += m;
        continue;
      }
    }
    for (auto& c : cl)
      if (!no_ink(c) && mx > c.x0 + 0.3 && mx < c.x1 - 0.3) best = &c, best_d = -1;
    if (!best) {
      for (auto& c : cl)
        if (!no_ink(c) && c.x0 >= mx - 0.3 && c.x0 - mx < 0.3 * em && c.x0 - mx < best_d) best = &c, best_d = c.x0 - mx;
    }
    if (!best)
      for (auto& c : cl) {
        if (no_ink(c)) continue;
        double d = mx < c.x0 ? c.x0 - mx : mx > c.x1 ? mx - c.x1 : 0;
        if (d < best_d) best_d = d, best = &c;
      }
    if (best) best->text += m;
  }
  // 3. A justification glyph (kashida) between two Arabic letters of a word that the
  //    PDF maps to a Latin letter (LibreOffice maps it to "P") or to the tatweel U+0640:
  //    no text.
  //    At a word's edge too: a lone Latin letter glued to Arabic letters on one side (a
  //    word space or the line's end on the other) is such a glyph; no Latin word is one
  //    letter drawn against an Arabic word.
  for (size_t i = 0; i < cl.size(); ++i) {
    const auto& t = cl[i].text;
    bool lone_latin = t.size() == 1 && t[0] < 0x80 && std::isalpha(static_cast<unsigned char>(t[0]));
    // (or any ASCII character drawn with no advance between two Arabic letters: LibreOffice
    // maps such a glyph of Noto Kufi Arabic to "#", ".", "+", "*", "^" or a digit)
    bool zero_glyph = t.size() == 1 && t[0] > 0x20 && t[0] < 0x7F && cl[i].x1 - cl[i].x0 < 0.05 * std::max(visual[cl[i].word].size, 1.0);
    if (zero_glyph) {
      bool l_ar = i > 0 && cl[i - 1].rtl && !cl[i - 1].space, r_ar = i + 1 < cl.size() && cl[i + 1].rtl && !cl[i + 1].space;
      if (!(l_ar && r_ar)) zero_glyph = false;
    }
    if (zero_glyph) {
      if (dropped) {
        const Word& w = visual[cl[i].word];
        dropped->push_back({u::encode(cl[i].text), "glyph", "no advance between Arabic letters", {cl[i].x0, w.y0, cl[i].x1, w.y1}});
      }
      cl[i].text.clear();
      continue;
    }
    if (!lone_latin && !(t.size() == 1 && t[0] == 0x640)) continue;
    bool left_ar = i > 0 && cl[i - 1].rtl && !cl[i - 1].space, right_ar = i + 1 < cl.size() && cl[i + 1].rtl && !cl[i + 1].space;
    bool left_free = i == 0 || cl[i - 1].space, right_free = i + 1 == cl.size() || cl[i + 1].space;
    // (at an edge only a capital: a lower-case letter there may be a footnote's, "13p")
    bool capital = t.size() == 1 && t[0] >= U'A' && t[0] <= U'Z';
    if ((left_ar && right_ar) || (capital && ((left_ar && right_free) || (right_ar && left_free)))) {
      if (dropped) {
        const Word& w = visual[cl[i].word];
        dropped->push_back({u::encode(cl[i].text), "glyph", "kashida", {cl[i].x0, w.y0, cl[i].x1, w.y1}});
      }
      cl[i].text.clear();
    }
  }
  // 4. Visual -> logical. Where the content stream shows it, the order the runs were
  //    drawn in: layout engines draw a line's runs of one direction one after the other in
  //    logical order (each run's glyphs left to right); a line drawn in another order than
  //    left to right (a run on the right drawn first) says so, and settles what the
  //    inverse algorithm cannot ("2. IETF منفتحة": a number and a Latin word side by side
  //    in a right-to-left line).
  std::u32string out;
  if (auto order = logical_word_order(visual)) {
    std::vector<std::u32string> text(visual.size());
    std::vector<bool> space_before(visual.size(), false);
    std::vector<bool> rtl_word(visual.size(), false);
    for (size_t k = 0; k < visual.size(); ++k) rtl_word[k] = has_rtl(visual[k].text);
    for (const auto& c : cl) {
      if (c.space) { space_before[c.word] = true; continue; }
      if (rtl_word[c.word]) text[c.word].insert(0, c.text);  // clusters of a right-to-left word, read from the right
      else text[c.word] += c.text;
    }
    // the place of each word with text among its neighbours (marks drawn apart have none)
    std::vector<long> rank(visual.size(), -10);
    long r = 0;
    for (size_t k = 0; k < visual.size(); ++k)
      if (!text[k].empty()) rank[k] = r++;
    // the space between two neighbours on the page stands before the right one of them
    auto spaced = [&](size_t a, size_t b) {
      // (not neighbours on the page: runs reordered around another one; a space, but not
      // before or after a lone character: "13" and "p" of "13p")
      if (rank[a] + 1 == rank[b]) return static_cast<bool>(space_before[b]);
      if (rank[b] + 1 == rank[a]) return static_cast<bool>(space_before[a]);
      return text[a].size() > 1 && text[b].size() > 1;
    };
    // between two runs, what stands between their facing ends
    auto facing = [&](int ra, int rb) {
      size_t a_lo = SIZE_MAX, a_hi = 0, b_lo = SIZE_MAX, b_hi = 0;
      for (size_t k = 0; k < visual.size(); ++k) {
        if (text[k].empty()) continue;
        if (order->run[k] == ra) a_lo = std::min(a_lo, k), a_hi = std::max<size_t>(a_hi, k);
        if (order->run[k] == rb) b_lo = std::min(b_lo, k), b_hi = std::max<size_t>(b_hi, k);
      }
      if (a_lo == SIZE_MAX || b_lo == SIZE_MAX) return true;
      return a_hi < b_lo ? spaced(a_hi, b_lo) : spaced(b_hi, a_lo);
    };
    long prev = -1;
    for (size_t k : order->words) {
      if (text[k].empty()) continue;
      if (prev >= 0) {
        size_t p = static_cast<size_t>(prev);
        bool sp = order->run[p] == order->run[k] ? spaced(p, k) : facing(order->run[p], order->run[k]);
        if (sp) out += U' ';
      }
      out += text[k];
      prev = static_cast<long>(k);
    }
  } else {
    // ICU's inverse bidi algorithm on a paragraph of the given direction (the caller
    // decides it: the side of its bullet, or its text). Each right-to-left cluster goes in
    // reversed, so that it comes back in logical order.
    // A number drawn against a right-to-left run on its right, no space between, in a
    // left-to-right paragraph ends that run ("2026־ל םידעי" is "יעדים ל־2026": UAX #9
    // sets a number typed after right-to-left letters at the run's left end); the inverse
    // algorithm would read it first. A right-to-left mark before it says so (taken out
    // after); a number typed first, then a space, would read first, as it should.
    // (a per cent sign after it too, "18%": a European number terminator, UAX #9 ET)
    auto number = [](const Cluster& c) {
      auto percent = [](char32_t ch) { return ch == U'%' || ch == 0x66A || ch == 0x2030; };
      return !c.rtl && !c.space && !c.text.empty() && u_isdigit(static_cast<UChar32>(c.text.front())) &&
             (u_isdigit(static_cast<UChar32>(c.text.back())) || percent(c.text.back())) &&
             std::all_of(c.text.begin(), c.text.end(),
                         [&](char32_t ch) { return u_isdigit(static_cast<UChar32>(ch)) || ch == U'.' || ch == U',' || percent(ch); });
    };
    std::u32string vis;
    bool marked = false;
    for (size_t k = 0; k < cl.size(); ++k) {
      const Cluster& c = cl[k];
      // (Arabic-Indic digits across a space too: typed first, they would stand on the
      // run's right, "۲۰۲۶ مجمع…" drawn "…عمجم ۲۰۲۶")
      bool arabic_digits = number(c) && c.text.back() >= 0x660 && c.text.back() <= 0x6F9;
      // (and any number that starts the line, before a space and right-to-left letters,
      // on a line of no left-to-right letters: "…12 במרץ 2026" drawn "2026 ץרמב 12…". A
      // number typed first would look the same; right-to-left sentences end in a number
      // (a date, a sum) far more often than they start with one.)
      // (the number's digits may be clusters of their own)
      // (or a number in parts, "2026-014", European separators between digits, UAX #9 W4)
      auto in_parts = [&](const Cluster& x) {
        if (x.rtl || x.space || x.text.size() < 3 || !u_isdigit(static_cast<UChar32>(x.text.front())) ||
            !u_isdigit(static_cast<UChar32>(x.text.back())))
          return false;
        return std::all_of(x.text.begin(), x.text.end(), [](char32_t ch) {
          return u_isdigit(static_cast<UChar32>(ch)) || ch == U'-' || ch == U'+' || ch == U'/' || ch == U'.' || ch == U',';
        });
      };
      bool line_start = k == 0 && (number(c) || in_parts(c));
      size_t r = k + 1;
      if (line_start) {
        // (a number in parts drawn a glyph at a time: its separators between digits)
        auto separator = [](const Cluster& x) {
          return !x.rtl && !x.space && x.text.size() == 1 && (x.text[0] == U'-' || x.text[0] == U'+' || x.text[0] == U'/');
        };
        while (r < cl.size() && (number(cl[r]) || (separator(cl[r]) && r + 1 < cl.size() && number(cl[r + 1])))) ++r;
        // (spaces and punctuation between: "120 :ףתתשמל תולע USD")
        while (r < cl.size() && (cl[r].space || (!cl[r].rtl && cl[r].text.size() == 1 && u_ispunct(static_cast<UChar32>(cl[r].text[0])))))
          ++r;
      }
      if (arabic_digits && r < cl.size() && cl[r].space) ++r;
      if (!rtl_paragraph && (number(c) || (line_start && in_parts(c))) && r < cl.size() && cl[r].rtl && !cl[r].space && !is_joiner(cl[r]) && (k == 0 || cl[k - 1].space))
        vis += U'\u200F', marked = true;
      // (a right-to-left cluster goes in reversed, its marks first: a mark takes the
      // direction of what stands before it, UAX #9 W1, left to right at a left-to-right
      // paragraph's start; a right-to-left mark before it keeps it in its run, "دربارهٔ")
      if (c.rtl && !c.text.empty() && direction::is_mark(c.text.back())) vis += U'\u200F', marked = true;
      if (c.rtl) vis.append(c.text.rbegin(), c.text.rend());
      else vis += c.text;
    }
    out = direction::logical_from_visual(vis, rtl_paragraph);
    if (marked) out.erase(std::remove(out.begin(), out.end(), U'\u200F'), out.end());
  }
  // (a tatweel between two letters stretches a word: no text; one ending a word is typed,
  // "بـ IPv6", and stays)
  {
    std::u32string kept;
    for (size_t i = 0; i < out.size(); ++i) {
      if (out[i] == 0x640) {
        size_t j = i;
        while (j < out.size() && (out[j] == 0x640 || direction::is_mark(out[j]))) ++j;
        bool letter_after = j < out.size() && arabic_letter(out[j]);
        if (letter_after || i == 0) continue;
      }
      kept += out[i];
    }
    out.swap(kept);
  }
  arabic_number_order(out);
  // A closing bracket first: in a left-to-right paragraph the right-to-left run's closing
  // bracket stands at the run's left end (UAX #9 rule N0 gives a bracket pair the direction
  // of the text it holds), which the inverse algorithm reads as the paragraph's start:
  // it closes the run, at the end.
  if (!rtl_paragraph && !out.empty() && (out[0] == U')' || out[0] == U']' || out[0] == U'}')) {
    char32_t c = out[0];
    size_t k = 1;
    // (a number drawn between the bracket and the run, "(20 بالطلل(" read from the left:
    // typed last inside the brackets, "(للطلاب 20)": it goes in before the bracket)
    std::u32string num;
    {
      size_t n = 1;
      while (n < out.size() && (u_isdigit(static_cast<UChar32>(out[n])) ||
                                (n > 1 && n + 1 < out.size() && (out[n] == U'.' || out[n] == U',') &&
                                 u_isdigit(static_cast<UChar32>(out[n + 1])))))
        ++n;
      if (n > 1 && n < out.size() && out[n] == U' ') {
        size_t m = n;
        while (m < out.size() && out[m] == U' ') ++m;
        if (m < out.size() && direction::is_rtl(out[m])) num = U" " + out.substr(1, n - 1), k = n;
      }
    }
    while (k < out.size() && out[k] == U' ') ++k;
    out = out.substr(k);
    if (!num.empty()) {
      size_t e = out.size();
      while (e > 0 && (out[e - 1] == U'.' || out[e - 1] == U' ')) --e;
      out.insert(e, num);
    }
    size_t end = out.size();
    while (end > 0 && (out[end - 1] == U'.' || out[end - 1] == U' ')) --end;  // before a sentence's full stop
    out.insert(end, 1, c);
  }
  // A sentence's full stop (or question mark, comma) first, before right-to-left letters:
  // in a left-to-right paragraph, the layout engine set the text right to left (cairo's
  // Pango takes a paragraph's direction from its first letter) with the stop at its left
  // end; read as a right-to-left line, a left-to-right paragraph's stop stands at the
  // line's right end (cairo, an Arabic line set flush left). No sentence starts with one:
  // it ends the text.
  if (out.size() >= 2) {
    auto stop = [](char32_t c) { return c == U'.' || c == U'!' || c == U'?' || c == 0x61F || c == 0x60C || c == U':' || c == 0x61B; };
    size_t k = 0;
    while (k < out.size() && stop(out[k])) ++k;
    size_t j = k;
    while (j < out.size() && out[j] == U' ') ++j;
    if (k > 0 && k <= 3 && j < out.size() && direction::is_rtl(out[j]) && !stop(out.back())) {
      std::u32string p = out.substr(0, k);
      out = out.substr(j) + p;
    }
  }
  // A per cent sign first, before right-to-left letters, on a line ending in a number: in
  // a left-to-right paragraph the sign after a number that ends a right-to-left run takes
  // the paragraph's direction (UAX #9: an Arabic number's terminator stays neutral, W5),
  // and stands at the line's right end ("زيادة العضوية بنسبة 18%"), where a reading from
  // the right (no marker told the paragraph's side) puts it first as well.
  if (out.size() >= 3 && (out[0] == U'%' || out[0] == 0x66A) && direction::is_rtl(out[1]) &&
      u_isdigit(static_cast<UChar32>(out.back()))) {
    char32_t pc = out[0];
    out = out.substr(1) + pc;
  }
  // A per cent sign drawn left of an Arabic number in a right-to-left line ("بنسبة %18" as
  // read, "۱۸٪"): digits after an Arabic-script letter, and Arabic-Indic digits anywhere, are
  // Arabic numbers (UAX #9 W2), whose terminator stays neutral (W5 joins it to European
  // numbers only) and takes the run's direction, left of the number. Typed after it.
  {
    auto percent = [](char32_t c) { return c == U'%' || c == 0x66A || c == 0x2030 || c == 0x609; };
    const auto digit = bidi_digit;
    for (size_t i = 0; i + 1 < out.size(); ++i) {
      if (!percent(out[i]) || !digit(out[i + 1]) || (i > 0 && (digit(out[i - 1]) || percent(out[i - 1])))) continue;
      size_t e = i + 1;
      while (e < out.size() && (digit(out[e]) || ((out[e] == U'.' || out[e] == U',' || out[e] == 0x66B || out[e] == 0x66C) &&
                                                  e + 1 < out.size() && digit(out[e + 1]))))
        ++e;
      if (e < out.size() && (percent(out[e]) || u_isalpha(static_cast<UChar32>(out[e])))) continue;
      long k = static_cast<long>(i) - 1;
      while (k >= 0 && !direction::is_rtl(out[static_cast<size_t>(k)]) && !direction::is_ltr(out[static_cast<size_t>(k)])) --k;
      bool arabic_number = out[i + 1] >= 0x660;  // (Arabic-Indic digits are Arabic numbers wherever they stand)
      if (!arabic_number && (k < 0 || !arabic_script(out[static_cast<size_t>(k)]))) continue;
      char32_t pc = out[i];
      out.erase(i, 1);
      out.insert(e - 1, 1, pc);
      i = e - 1;
    }
  }
  unmirror_brackets(out);
  return u::collapse_spaces(hygiene(u::encode(fold_presentation_forms(out))));
}

namespace {

// A left-to-right word cut before its k-th character into a marker and the rest: at the
// character's own position when the word has them, else in proportion.
std::pair<W, W> split_word(const W& w, size_t k) {
  bool exact = w.w.char_x.size() == w.raw.size() + 1;
  // (without the characters' places: by their widths' likely share)
  double before = 0, all = 0;
  for (size_t i = 0; i < w.raw.size(); ++i) (i < k ? before : all) += likely_advance_em(w.raw[i]);
  all += before;
  double cut = exact ? w.w.char_x[k] : w.w.x0 + (w.w.x1 - w.w.x0) * before / std::max(all, 1e-9);
  W m = w, rest = w;
  m.raw = w.raw.substr(0, k);
  m.w.text = u::encode(m.raw);
  m.w.x1 = cut;
  m.w.char_x.clear();
  m.w.space_after = true;
  rest.raw = w.raw.substr(k);
  rest.w.text = u::encode(rest.raw);
  rest.w.x0 = cut;
  if (exact) rest.w.char_x.erase(rest.w.char_x.begin(), rest.w.char_x.begin() + static_cast<long>(k));
  return {std::move(m), std::move(rest)};
}

// Splits "•Text" into a marker word and a text word.
// Not where a stop or closing mark follows the glyph: "»," closes a French quotation
// ("« où », « là »"), no marker stands before a comma.
void split_leading_glyph(std::vector<W>& out, W w) {
  auto trailing = [](char32_t c) {
    int8_t t = u_charType(static_cast<UChar32>(c));
    return t == U_OTHER_PUNCTUATION || t == U_END_PUNCTUATION || t == U_FINAL_PUNCTUATION;
  };
  if (w.raw.size() >= 2 && u::is_bullet_glyph(w.raw[0]) && !dash_like(w.raw.substr(0, 1)) &&
      !u::is_bullet_glyph(w.raw[1]) && !trailing(w.raw[1])) {
    auto [m, rest] = split_word(w, 1);
    m.glyph = true;
    rest.w.text = u::collapse_spaces(u::clean(rest.w.text));
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

// Letter-spaced text: the gaps between a line's pieces that are no word space but the
// character spacing a layout added (PowerPoint's expanded spacing, "JA MES MCN E L LIS";
// cairo justifying a line of one word, "I n t e r n a t i o n a l …"). Returns, for each
// word from `from` on, whether the gap before it is such spacing. Three gaps or more
// between letters, each with no space glyph drawn in it and within 0.05 em of their
// median, under 0.6 em, between characters of scripts that set spaces (not Han, Kana,
// Thai, right-to-left): on a line that draws a space glyph in a wider gap elsewhere
// (between its words), where the pieces are four single letters or more in a row, or
// where every gap of the line is such, under 0.2 em, on a page that draws its spaces
// ("@ JA MESMCNELL IS").
std::vector<bool> letter_spacing(const std::vector<Word>& ws, size_t from, const std::vector<SpaceGlyph>* spaces) {
  std::vector<bool> out(ws.size(), false);
  if (ws.size() < from + 4) return out;
  std::vector<size_t> cand;
  std::vector<double> gaps;
  double typed_min = 1e18;  // the narrowest gap with a space glyph in it (em)
  size_t singles = 0, best_singles = 0;
  for (size_t i = from + 1; i < ws.size(); ++i) {
    const Word& p = ws[i - 1];
    const Word& w = ws[i];
    std::u32string a = u::decode(p.text), b = u::decode(w.text);
    double em = std::max({p.size, w.size, 1.0});
    double gap = w.x0 - p.x1;
    auto typed = typed_space(p, w, spaces);
    if (typed && *typed) {
      typed_min = std::min(typed_min, gap / em);
      singles = 0;
      continue;
    }
    bool chars = !a.empty() && !b.empty() && !p.mono && !w.mono && !u::is_space(a.back()) && !u::is_space(b.front()) &&
                 !u::is_cjk(a.back()) && !u::is_cjk(b.front()) && !has_rtl(p.text) && !has_rtl(w.text) &&
                 !u::no_space_script(a.back()) && !u::no_space_script(b.front());
    if (!chars || gap <= 0 || gap >= 0.6 * em || std::abs(p.size - w.size) > 0.05 * em) {
      singles = 0;
      continue;
    }
    cand.push_back(i);
    gaps.push_back(gap / em);
    bool letters = a.size() == 1 && b.size() == 1 && u_isalpha(static_cast<UChar32>(a[0])) && u_isalpha(static_cast<UChar32>(b[0]));
    singles = letters ? (singles == 0 ? 2 : singles + 1) : 0;
    best_singles = std::max(best_singles, singles);
  }
  if (cand.size() < 3) return out;
  std::vector<double> sorted = gaps;
  std::nth_element(sorted.begin(), sorted.begin() + static_cast<long>(sorted.size() / 2), sorted.end());
  double med = sorted[sorted.size() / 2];
  // the evidence: typed spaces on the line at least twice as wide as these gaps, under 0.2
  // em; or four single letters in a row; or every gap of the line such, under 0.15 em (a
  // word space's least), on a page that draws its spaces
  bool typed_wider = typed_min < 1e17 && med <= 0.5 * typed_min && med < 0.2;
  bool all_tight = cand.size() + from + 1 == ws.size() && med < 0.15 && spaces && !spaces->empty();
  if (!(typed_wider || best_singles >= 4 || all_tight)) return out;
  size_t n = 0;
  for (double g : gaps) n += std::abs(g - med) < 0.05 ? 1 : 0;
  if (n < 3) return out;
  for (size_t k = 0; k < cand.size(); ++k)
    if (std::abs(gaps[k] - med) < 0.05) out[cand[k]] = true;
  return out;
}

bool cjk_letter(char32_t c) { return u::is_cjk(c) && u_isalpha(static_cast<UChar32>(c)); }
bool latin_or_digit_ascii(char32_t c) { return c < 0x80 && u_isalnum(static_cast<UChar32>(c)); }

// The spacing a line adds between any two ideographs or kana (inter-character
// justification): the median gap (em) between its words that meet ideograph to ideograph,
// leaving out word `skip`'s gap before it; 0 when fewer than two such gaps remain. `dec`:
// the words' texts, decoded.
struct CjkStretch {
  std::vector<std::pair<size_t, double>> gaps;  // (word, its gap before it, em)
  CjkStretch(const std::vector<Word>& ws, const std::vector<std::u32string>& dec, size_t from) {
    for (size_t i = from + 1; i < ws.size(); ++i)
      if (!dec[i].empty() && !dec[i - 1].empty() && cjk_letter(dec[i - 1].back()) && cjk_letter(dec[i].front()))
        gaps.push_back({i, std::max(ws[i].x0 - ws[i - 1].x1, ws[i - 1].x0 - ws[i].x1) / std::max(ws[i - 1].size, 1.0)});
  }
  double operator()(size_t skip) const {
    if (gaps.size() < 2) return 0;
    std::vector<double> g;
    for (const auto& [i, x] : gaps)
      if (i != skip) g.push_back(x);
    if (g.size() < 2) return 0;
    std::nth_element(g.begin(), g.begin() + static_cast<long>(g.size() / 2), g.end());
    return std::max(0.0, g[g.size() / 2]);
  }
};

// The gaps (em of the larger word's size, less the line's inter-character justification)
// between Han or kana and a Latin letter or digit next to it on the horizontal line `ws`
// (from word `from`), where no space glyph tells whether a space was typed (TeX draws
// none).
std::vector<double> cjk_script_gaps(const std::vector<Word>& ws, const std::vector<std::u32string>& dec, size_t from,
                                    const std::vector<SpaceGlyph>* spaces, const CjkStretch& stretch) {
  std::vector<double> out;
  for (size_t i = from + 1; i < ws.size(); ++i) {
    const Word& p = ws[i - 1];
    if (dec[i - 1].empty() || dec[i].empty() || p.mono || ws[i].mono) continue;
    char32_t a = dec[i - 1].back(), b = dec[i].front();
    if (!((cjk_letter(a) && latin_or_digit_ascii(b)) || (latin_or_digit_ascii(a) && cjk_letter(b)))) continue;
    const Word& l = p.x0 <= ws[i].x0 ? p : ws[i];
    if (typed_space(l, &l == &p ? ws[i] : p, spaces)) continue;  // a space glyph or its absence says
    double gap = std::max(ws[i].x0 - p.x1, p.x0 - ws[i].x1) / std::max({p.size, ws[i].size, 1.0}) - stretch(i);
    if (gap > -0.05 && gap < 0.45) out.push_back(gap);
  }
  return out;
}

// A line whose gaps between Han or kana and Latin letters or digits (cjk_script_gaps) fall
// in two kinds, where its layout engine adds spacing of its own between the scripts and a
// typed space takes that spacing's place (LuaTeX-ja: xkanjiskip, about 0.2 em, where none
// was typed, an interword space of about 0.32 em where one was, no space glyph drawn): the
// gap between the two kinds, em; 0 when the line shows no two kinds (one kind, a step
// under 0.06 em between them, or a wider kind narrower than 0.2 em, a fifth of an em being
// less than any font's space). Source: the LuaTeX-ja manual (xkanjiskip is inserted
// between a Japanese and an alphabetic character where no glue stands between them).
double typed_cjk_gap(std::vector<double> gaps) {
  if (gaps.size() < 2) return 0;
  std::sort(gaps.begin(), gaps.end());
  size_t at = 0;  // the widest step between neighbouring gaps
  double step = 0;
  for (size_t k = 1; k < gaps.size(); ++k)
    if (gaps[k] - gaps[k - 1] > step) step = gaps[k] - gaps[k - 1], at = k;
  if (at == 0 || step < 0.06) return 0;  // (one kind: all alike, or steps too small)
  double lo_min = gaps.front(), lo_max = gaps[at - 1], hi_min = gaps[at], hi_max = gaps.back();
  // (each side one kind of gap: spread no wider than the step)
  if (lo_max - lo_min > step || hi_max - hi_min > step || hi_min < 0.2) return 0;
  return (lo_max + hi_min) / 2;
}

std::string join_words(const std::vector<Word>& ws, size_t from, const std::vector<SpaceGlyph>* spaces) {
  std::string out;
  char32_t last = 0;  // the last character appended
  const std::vector<bool> spread = letter_spacing(ws, from, spaces);
  // (a line that shows both kinds of gap between the scripts tells them apart itself)
  std::vector<std::u32string> dec(ws.size());
  bool unspaced_line = false;  // with Han, kana or Thai
  for (size_t i = from; i < ws.size(); ++i) {
    dec[i] = u::decode(ws[i].text);
    unspaced_line = unspaced_line || std::any_of(dec[i].begin(), dec[i].end(), [](char32_t c) { return u::is_cjk(c) || u::no_space_script(c); });
  }
  const CjkStretch cjk_stretch(ws, dec, from);
  const double cjk_gap = unspaced_line ? typed_cjk_gap(cjk_script_gaps(ws, dec, from, spaces, cjk_stretch)) : 0;
  for (size_t i = from; i < ws.size(); ++i) {
    if (ws[i].text.empty()) continue;
    const std::u32string& cur = dec[i];
    if (!out.empty()) {
      const Word& p = ws[i - 1];
      char32_t first = cur.front();
      double gap = std::max(ws[i].x0 - p.x1, p.x0 - ws[i].x1);
      bool space = p.space_after || gap > 0.15 * std::max(p.size, 1.0);
      // Han/Kana next to Han/Kana, Latin or digits: a space only where one was typed (the
      // gap of a space glyph on top of the spacing a layout engine adds between scripts).
      if (u::is_cjk(last) || u::is_cjk(first)) space = gap > 0.4 * std::max(p.size, 1.0);
      // (the line's typed spaces between the scripts, where its layout engine adds
      // narrower spacing of its own: see typed_cjk_gap; between two ideographs or kana,
      // where no engine adds any, 0.28 em beyond the line's justification: TeX's typed
      // space is 0.32 em)
      if (cjk_gap > 0 && ((cjk_letter(last) && latin_or_digit_ascii(first)) || (latin_or_digit_ascii(last) && cjk_letter(first))))
        space = gap / std::max({p.size, ws[i].size, 1.0}) - cjk_stretch(i) > cjk_gap;
      if (cjk_letter(last) && cjk_letter(first) && !p.mono && !ws[i].mono)
        space = space || gap / std::max({p.size, ws[i].size, 1.0}) - cjk_stretch(i) > 0.28;
      // Thai, Lao, Khmer and Myanmar write no spaces between words: a space only where one
      // was set (Poppler's guess from the gaps of the line breaks words at their marks)
      // (over 0.24 em: Pango justifying a Thai line adds 0.21 em inside "ไฟฟ้า")
      if (u::no_space_script(last) && u::no_space_script(first)) space = gap > 0.24 * std::max(p.size, 1.0);
      // A space glyph drawn between the words is a typed space. Between Han or Kana and
      // anything else, on a line that draws its spaces, no space glyph means none was
      // typed (the gap is the spacing layout engines add between scripts), unless wide.
      const Word& l = p.x0 <= ws[i].x0 ? p : ws[i];
      char32_t no_break = 0;
      auto typed = typed_space(l, &l == &p ? ws[i] : p, spaces, nullptr, &no_break);
      if (typed) {
        if (*typed) space = true;
        else if (u::is_cjk(last) || u::is_cjk(first)) space = gap > 0.6 * std::max(p.size, 1.0);
        // a hyphen ending the line, set apart by justification but with no space typed
        // before it ("Öf -" of "Öf-fentlichkeit")
        else if (i + 1 == ws.size() && cur.size() == 1 && (cur[0] == U'-' || cur[0] == 0x2010 || cur[0] == 0xAD)) space = false;
      }
      // (two Latin letters under 0.13 em apart in a line of Han, kana or Thai, no space
      // glyph between them: the line's justification spread every character, "IET F")
      if (!typed.value_or(false) && last < 0x80 && first < 0x80 && u_isalpha(static_cast<UChar32>(last)) &&
          u_isalpha(static_cast<UChar32>(first)) && gap < 0.13 * std::max(p.size, 1.0) && unspaced_line)
        space = false;
      if (wide_punct(first)) space = false;
      if (spread[i]) space = false;
      // a no-break space the writer typed stays one (SpaceGlyph::no_break): Poppler ends a
      // word at it like at any space, `directeur` `:` of "directeur\u00A0:"
      if (space) out += no_break ? u::encode(no_break) : std::string(" ");
    }
    out += ws[i].text;
    last = cur.back();
  }
  return u::collapse_spaces(out);
}

// Alphabets lists are lettered in, each in its order: Latin, Greek, Cyrillic (Russian,
// without ё and й, as lists skip them), Hebrew, and the Arabic script in its three orders
// (abjad: أ ب ج د, as Arabic and Persian lists letter; the Arabic alphabet; the Persian
// alphabet). A letter's place in an alphabet is its reading as a number.
const std::vector<std::u32string>& list_alphabets() {
  static const std::vector<std::u32string> a{
      U"abcdefghijklmnopqrstuvwxyz",
      U"αβγδεζηθικλμνξοπρστυφχψω",
      U"абвгдежзиклмнопрстуфхцчшщэюя",
      U"אבגדהוזחטיכלמנסעפצקרשת",
      U"\u0627\u0628\u062C\u062F\u0647\u0648\u0632\u062D\u0637\u064A\u0643\u0644\u0645\u0646\u0633\u0639\u0641\u0635\u0642\u0631\u0634\u062A\u062B\u062E\u0630\u0636\u0638\u063A",
      U"\u0627\u0628\u062A\u062B\u062C\u062D\u062E\u062F\u0630\u0631\u0632\u0633\u0634\u0635\u0636\u0637\u0638\u0639\u063A\u0641\u0642\u0643\u0644\u0645\u0646\u0647\u0648\u064A",
      U"\u0627\u0628\u067E\u062A\u062B\u062C\u0686\u062D\u062E\u062F\u0630\u0631\u0632\u0698\u0633\u0634\u0635\u0636\u0637\u0638\u0639\u063A\u0641\u0642\u06A9\u06AF\u0644\u0645\u0646\u0648\u0647\u06CC"};
  return a;
}

// A letter as lists write it, folded: lower case; Arabic alef with hamza as alef, Persian
// yeh and keheh as Arabic yeh and kaf (for the Arabic orders; the Persian one has its own).
char32_t list_letter(char32_t c, bool persian = false) {
  c = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
  if (c == 0x0623 || c == 0x0625 || c == 0x0622) return 0x0627;
  if (!persian && c == 0x06CC) return 0x064A;
  if (!persian && c == 0x06A9) return 0x0643;
  if (persian && c == 0x064A) return 0x06CC;
  if (persian && c == 0x0643) return 0x06A9;
  return c;
}

// The core of a number marker, without its brackets and full stop: "(b)" -> "b", "12." ->
// "12". Empty when it is none. The forms: "1." "1)" "(1)" "a." "a)" "(a)" "iv." (up to two
// digits, of any script's decimal digits; one letter of the alphabets above; a roman
// numeral of two to five letters).
std::u32string marker_core(const std::string& text) {
  std::u32string m = u::decode(text);
  if (m.size() < 2) return {};
  bool open = m[0] == U'(';
  if (m.back() != U'.' && m.back() != U')') return {};
  if (open && m.back() != U')') return {};
  std::u32string core = m.substr(open ? 1 : 0, m.size() - (open ? 2 : 1));
  // a Hebrew letter numbers with a geresh ("א׳.", "ב׳."): the letter is the number
  if (core.size() == 2 && core[0] >= 0x05D0 && core[0] <= 0x05EA && (core[1] == 0x05F3 || core[1] == U'\'' || core[1] == 0x2019))
    core.pop_back();
  if (core.empty() || core.size() > 5) return {};
  if (core.size() <= 2 && std::all_of(core.begin(), core.end(), [](char32_t c) { return u_isdigit(static_cast<UChar32>(c)); }))
    return core;
  if (core.size() == 1) {
    for (const auto& alpha : list_alphabets())
      if (alpha.find(list_letter(core[0])) != std::u32string::npos || alpha.find(list_letter(core[0], true)) != std::u32string::npos)
        return core;
    if ((core[0] >= U'A' && core[0] <= U'Z')) return core;
    return {};
  }
  if (core.size() >= 2 && std::all_of(core.begin(), core.end(), [](char32_t c) { return std::u32string_view(U"ivxIVX").find(c) != std::u32string_view::npos; }))
    return core;
  return {};
}

bool number_marker(const std::string& text) { return !marker_core(text).empty(); }

// A letter or roman numeral with a full stop ("a.", "iv.") is a list number only in a
// sequence: alone it is an abbreviation ("p. ex.", "z. B."). "a)" needs none.
bool letter_number(const std::string& m) {
  std::u32string core = marker_core(m);
  return !core.empty() && !m.empty() && m.back() == '.' && !u_isdigit(static_cast<UChar32>(core[0]));
}

// A marker's readings as a number: (which order, its place) for a letter in each alphabet
// that has it, and ('r', value) for a roman numeral.
std::vector<std::pair<int, int>> marker_readings(const std::string& m) {
  std::u32string b = marker_core(m);
  std::vector<std::pair<int, int>> r;
  if (b.empty()) return r;
  if (b.size() == 1) {
    const auto& alphas = list_alphabets();
    for (size_t k = 0; k < alphas.size(); ++k) {
      size_t at = alphas[k].find(list_letter(b[0], k == alphas.size() - 1));
      if (at != std::u32string::npos) r.push_back({static_cast<int>(k), static_cast<int>(at) + 1});
    }
  }
  auto val = [](char32_t c) {
    c = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
    return c == U'i' ? 1 : c == U'v' ? 5 : c == U'x' ? 10 : c == U'l' ? 50 : c == U'c' ? 100 : 0;
  };
  int n = 0;
  bool roman = true;
  for (size_t k = 0; k < b.size() && roman; ++k) {
    int v = val(b[k]);
    if (!v) roman = false;
    else n += k + 1 < b.size() && val(b[k + 1]) > v ? -v : v;
  }
  if (roman && n > 0) r.push_back({'r', n});
  return r;
}

// "o" alone in Courier New: PowerPoint's level-2 bullet
bool courier_o(const W& w) {
  if (w.raw != U"o") return false;
  std::string f;
  for (char c : w.w.font) f += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // (or a font that stands in for Courier New with its metrics: LibreOffice's Liberation
  // Mono, Ghostscript's Nimbus Mono, ChromeOS's Cousine, GNU FreeMono)
  for (const char* m : {"courier", "liberationmono", "liberation mono", "nimbusmono", "nimbus mono", "cousine", "freemono"})
    if (f.find(m) != std::string::npos) return true;
  return false;
}

// How a line's paragraph direction is decided (see build_lines).
struct DirContext {
  bool page_rtl = false;              // the page reads right to left
  std::optional<bool> rtl_paragraphs;  // the deck's paragraphs with right-to-left text, when known
};

Line make_line(std::vector<W> ws, double page_width, const DirContext& dc, const std::vector<SpaceGlyph>* spaces,
               bool no_number = false, bool bare_number = false, bool left_number = false, bool sequenced = false) {
  Line l;
  std::string all;
  for (const auto& w : ws) all += w.w.text;
  // The paragraph's direction. A bullet says it: drawn at the left end of a line, the
  // paragraph runs left to right even when its text is Arabic or Hebrew (a PowerPoint
  // paragraph left at rtl="0", as PPTX exports make them: its right-to-left runs are
  // ordered left to right); at the right end, right to left. Without one, the text:
  // mostly right-to-left letters, or any on a right-to-left page (a line with IETF and
  // WSIS+20 in it has more Latin letters than Hebrew ones).
  // Without a bullet, a mixed line (Arabic with IETF or 2026 in it) drawn by a layout
  // engine that draws its runs in logical order starts drawing at its logical start: when
  // that is the right end, the paragraph is right to left (visual-order producers, such as
  // XeTeX, start at the left whatever the direction, which says nothing). Else the deck's
  // paragraphs (the side of their bullets, deck-wide) or the text decide.
  const bool any_rtl = has_rtl(all);
  l.rtl = any_rtl && (rtl_score(all) > 0 || dc.page_rtl);
  if (any_rtl && dc.rtl_paragraphs) l.rtl = *dc.rtl_paragraphs;
  // A list number glued to the left of right-to-left letters ("1)یریگارف" as drawn:
  // Impress from PPTX sets no space after the number of a left-to-right paragraph of
  // Persian or Arabic text) is split off; standing at the left end, it says the paragraph
  // runs left to right, as a bullet there does.
  bool number_left = false, number_apart = false;
  // (the number and its stop or bracket drawn as two words at the line's left end, each in
  // a font of its own, touching: Impress sets a Persian item's "i." as "i" in Noto Sans and
  // "." in Noto Naskh Arabic, small, left of the text)
  if (any_rtl && ws.size() >= 3) {
    std::vector<size_t> byx(ws.size());
    std::iota(byx.begin(), byx.end(), 0);
    std::sort(byx.begin(), byx.end(), [&](size_t a, size_t b) { return ws[a].w.x0 < ws[b].w.x0; });
    W& a = ws[byx[0]];
    const W& b = ws[byx[1]];
    bool stop = b.raw.size() == 1 && (b.raw[0] == U'.' || b.raw[0] == U')') && !b.glyph;
    bool core = !a.glyph && !a.raw.empty() && a.raw.size() <= 4 &&
                std::all_of(a.raw.begin(), a.raw.end(), [](char32_t c) { return u_isalnum(static_cast<UChar32>(c)) && !direction::is_rtl(c); });
    double em = std::max(std::max(a.w.size, b.w.size), 1.0);
    if (stop && core && b.w.x0 - a.w.x1 < 0.15 * em && b.w.x0 >= a.w.x1 - 0.15 * em &&
        number_marker(u::encode(a.raw + b.raw))) {
      a.raw += b.raw;
      a.w.text += b.w.text;
      a.w.x1 = std::max(a.w.x1, b.w.x1);
      if (b.w.order >= 0 && (a.w.order < 0 || b.w.order < a.w.order)) a.w.order = b.w.order;
      a.w.order_end = std::max(a.w.order_end, b.w.order_end);
      a.w.char_x.clear();
      a.w.char_glyph.clear();
      ws.erase(ws.begin() + static_cast<long>(byx[1]));
    }
  }
  if (any_rtl && !ws.empty()) {
    auto left = std::min_element(ws.begin(), ws.end(), [](const W& a, const W& b) { return a.w.x0 < b.w.x0; });
    const std::u32string r = left->raw;
    if (!left->glyph && r.size() >= 3)
      for (size_t k = 2; k < std::min<size_t>(r.size(), 6); ++k)
        if ((r[k - 1] == U'.' || r[k - 1] == U')') && direction::is_rtl(r[k]) && number_marker(u::encode(r.substr(0, k))) &&
            !(no_number && letter_number(u::encode(r.substr(0, k))))) {
          auto [m, rest] = split_word(*left, k);
          *left = std::move(m);
          ws.push_back(std::move(rest));
          number_left = true;
          break;
        }
    // ... and so does a list number standing apart at the left end, drawn first ("a)"
    // 0.13 em before the Persian text it numbers)
    if (!number_left && ws.size() >= 2 && !left->glyph && r.size() <= 5 && (r.back() == U'.' || r.back() == U')') &&
        number_marker(left->w.text) && !(no_number && letter_number(left->w.text)) &&
        (left_number || (left->w.order >= 0 && std::all_of(ws.begin(), ws.end(), [&](const W& w) {
           return &w == &*left || w.w.order > left->w.order;
         })))) {
      number_left = true;
      number_apart = !left_number;
    }
    // (a label in a column of labels: Office's "o" or a dash too; or such a label drawn
    // after all of the line's text, in a font of its own: cairo's list label)
    if (!number_left && ws.size() >= 2 && (r == U"o" || dash_like(r))) {
      bool drawn_last = left->w.order >= 0 && std::all_of(ws.begin(), ws.end(), [&](const W& w) {
        return &w == &*left || (w.w.order >= 0 && w.w.order < left->w.order && w.w.font != left->w.font);
      });
      if (left_number || drawn_last) {
        number_left = true;
        number_apart = !left_number;
      }
    }
  }
  if (any_rtl && ws.size() >= 2) {
    auto left = std::min_element(ws.begin(), ws.end(), [](const W& a, const W& b) { return a.w.x0 < b.w.x0; });
    auto right = std::max_element(ws.begin(), ws.end(), [](const W& a, const W& b) { return a.w.x1 < b.w.x1; });
    auto first = std::min_element(ws.begin(), ws.end(), [](const W& a, const W& b) {
      return (a.w.order < 0 ? INT32_MAX : a.w.order) < (b.w.order < 0 ? INT32_MAX : b.w.order);
    });
    bool mixed = rtl_score(all) < static_cast<int>(u::decode(all).size()) &&
                 std::any_of(ws.begin(), ws.end(), [](const W& w) {
                   return std::any_of(w.raw.begin(), w.raw.end(), [](char32_t c) { return direction::is_ltr(c) || (c >= '0' && c <= '9'); });
                 });
    if (number_left || (left->glyph && !right->glyph && !dash_like(left->raw))) {
      l.rtl = false;
      // (a number set apart tells this line only: a title "3. …" is no sign of the deck's
      // paragraphs)
      l.marker_side = number_apart ? 0 : -1;
    } else if (right->glyph && !left->glyph && !dash_like(right->raw)) {
      l.rtl = true;
      l.marker_side = 1;
    } else if (mixed && first->w.order >= 0) {
      // the run of one direction at the right end of the line (neutral words go with it):
      // drawn first, it is the logical start
      std::vector<const W*> vis;
      for (const auto& w : ws) vis.push_back(&w);
      std::sort(vis.begin(), vis.end(), [](const W* a, const W* b) { return a->w.x0 < b->w.x0; });
      auto cls = [](const W* w) {
        auto n = direction::count(w->raw);
        if (n.rtl) return 1;
        if (n.ltr || std::any_of(w->raw.begin(), w->raw.end(), [](char32_t c) { return c >= '0' && c <= '9'; })) return -1;
        return 0;
      };
      int c = 0;
      size_t j = vis.size();
      while (j > 0) {
        int k = cls(vis[j - 1]);
        if (c == 0) c = k;
        else if (k != 0 && k != c) break;
        --j;
      }
      bool in_right_run = std::find(vis.begin() + static_cast<long>(j), vis.end(), &*first) != vis.end();
      if (j > 0 && in_right_run) l.rtl = true;
    }
  }
  // Numbers and Latin words without a right-to-left letter among them, on a right-to-left
  // page, drawn from the right end leftwards by a producer that draws in logical order:
  // a right-to-left paragraph of separate runs ("12 000 EUR" in a Persian table's cell, which
  // UAX #9 rule N1 shows as "EUR 000 12": spaces between numbers take the paragraph's
  // direction)
  bool runs_rtl = false;
  if (!any_rtl && dc.page_rtl && ws.size() >= 2 &&
      std::none_of(ws.begin(), ws.end(), [](const W& w) { return w.glyph || w.w.order < 0; })) {
    std::vector<const W*> byx;
    for (const auto& w : ws) byx.push_back(&w);
    std::sort(byx.begin(), byx.end(), [](const W* a, const W* b) { return a->w.x0 < b->w.x0; });
    bool leftwards = true;
    for (size_t k = 1; k < byx.size(); ++k) leftwards = leftwards && byx[k]->w.order < byx[k - 1]->w.order;
    if (leftwards) l.rtl = runs_rtl = true;
  }
  std::sort(ws.begin(), ws.end(), [&](const W& a, const W& b) { return l.rtl ? a.w.x1 > b.w.x1 : a.w.x0 < b.w.x0; });
  // (words that touch letter to letter or digit are one run, read left to right: "Q" and
  // "3" of "Q3" in two fonts; not a stop or bracket beside a number, which may stand in
  // the paragraph's direction: "RFC 9110.")
  if (runs_rtl)
    for (size_t a = 0; a < ws.size();) {
      size_t b = a + 1;
      auto alnum = [](char32_t c) { return u_isalnum(static_cast<UChar32>(c)) != 0; };
      while (b < ws.size() && std::abs(ws[b - 1].w.x0 - ws[b].w.x1) < 0.1 * std::max(ws[b].w.size, 1.0) && !ws[b].w.space_after &&
             !ws[b].raw.empty() && !ws[b - 1].raw.empty() && alnum(ws[b].raw.back()) && alnum(ws[b - 1].raw.front()))
        ++b;
      std::reverse(ws.begin() + static_cast<long>(a), ws.begin() + static_cast<long>(b));
      a = b;
    }
  // (the number and its stop or bracket may come as two words, the bracket in a font of
  // its own: Impress sets "1" in Noto Sans Arabic and ")" in Noto Sans, touching)
  if (l.rtl && ws.size() >= 3 && !ws[0].glyph && !ws[1].glyph && ws[1].raw.size() == 1 &&
      (ws[1].raw[0] == U')' || ws[1].raw[0] == U'.') && !ws[0].raw.empty() && ws[0].raw.size() <= 3 &&
      std::all_of(ws[0].raw.begin(), ws[0].raw.end(), [](char32_t c) { return u_isdigit(static_cast<UChar32>(c)); }) &&
      std::abs(ws[0].w.x0 - ws[1].w.x1) < 0.1 * std::max(ws[0].w.size, 1.0) &&
      ws[1].w.x0 - ws[2].w.x1 >= 0.4 * std::max(ws[0].w.size, 1.0)) {  // (set apart: a list's indent)
    ws[0].raw = ws[1].raw + ws[0].raw;  // as drawn: ")1", read below
    ws[0].w.text = u::encode(ws[0].raw);
    ws[0].w.x0 = std::min(ws[0].w.x0, ws[1].w.x0);
    ws[0].w.char_x.clear();
    ws[0].w.char_glyph.clear();
    ws.erase(ws.begin() + 1);
  }
  // A right-to-left paragraph starting with a number draws its full stop on the number's
  // left: "2." reads ".2" as drawn, and is the line's number marker all the same.
  if (l.rtl && !ws.empty() && !ws[0].glyph) {
    const std::string& t = ws[0].w.text;
    // (or its closing bracket drawn mirrored and mapped to the opening one, "(1": XeTeX's
    // bidi package sets a Persian item's "1)" so)
    if (t.size() >= 2 && (t[0] == '.' || t[0] == ')' || (t[0] == '(' && t.find(')') == std::string::npos))) {
      // (a Hebrew letter number comes as drawn too: ".׳א" is "א׳.")
      std::u32string core = u::decode(t.substr(1));
      // (both brackets drawn mirrored, each mapped to the one it looks like: cairo's "(1)"
      // comes as ")1(")
      const bool both = t[0] == ')' && core.size() >= 2 && core.back() == U'(';
      if (both) core.pop_back();
      if (has_rtl(t)) std::reverse(core.begin(), core.end());
      std::string m = both ? "(" + u::encode(core) + ")" : u::encode(core) + (t[0] == '(' ? ')' : t[0]);
      if (number_marker(m) && !(no_number && letter_number(m))) {
        ws[0].w.text = m;
        ws[0].raw = u::decode(m);
      }
    }
  }
  // A number glued to Chinese, Japanese or Thai text ("(b)誰でも参加できる", Impress from PPTX
  // sets no space there): split off when its text starts with a Han, Kana or Thai letter, or
  // with a capitalised word ("III.Sicherheit", a right-aligned list's shrunken tab; a
  // letter or roman numeral still needs its sequence, so "A.Smith" stays a name).
  bool glued_number = number_left;
  if (!l.rtl && !ws.empty() && !ws[0].glyph && ws[0].raw.size() >= 3) {
    const std::u32string& r = ws[0].raw;
    for (size_t k = 2; k < std::min<size_t>(r.size(), 6); ++k)
      if ((r[k - 1] == U'.' || r[k - 1] == U')') &&
          (u::is_cjk(r[k]) || u::no_space_script(r[k]) || (k + 1 < r.size() && u_isupper(static_cast<UChar32>(r[k])) && u_islower(static_cast<UChar32>(r[k + 1]))) ||
           // (a bracketed number before digits that run into Han or Kana: "(2)14都市",
           // Impress sets no space after a Japanese item's number)
           (r[0] == U'(' && r[k - 1] == U')' && u_isdigit(static_cast<UChar32>(r[k])) && ws.size() > 1 && !ws[1].raw.empty() &&
            u::is_cjk(ws[1].raw[0])) ||
           // (any letter, where the page's list continues the number: build_lines' pass for a
           // list number touching its text)
           (sequenced && u_isalpha(static_cast<UChar32>(r[k])))) &&
          number_marker(u::encode(r.substr(0, k))) && !(no_number && letter_number(u::encode(r.substr(0, k))))) {
        auto [m, rest] = split_word(ws[0], k);
        ws[0] = std::move(m);
        ws.insert(ws.begin() + 1, std::move(rest));
        glued_number = true;
        break;
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
  {
    std::vector<double> bases;
    for (const auto& w : ws)
      if (!w.glyph && w.w.base > 0) bases.push_back(w.w.base);
    if (!bases.empty()) {
      std::nth_element(bases.begin(), bases.begin() + static_cast<long>(bases.size() / 2), bases.end());
      l.base = bases[bases.size() / 2];
    }
  }
  auto start_of = [&](const Word& w) { return l.rtl ? page_width - w.x1 : w.x0; };
  size_t first_text = 0;
  l.mono = all_mono(ws);
  if (ws.size() >= 2 && !l.mono) {
    const W& m = ws[0];
    const W& n = ws[1];
    double gap = l.rtl ? m.w.x0 - n.w.x1 : n.w.x0 - m.w.x1;
    double em = std::max(m.w.size, n.w.size);
    if (m.glyph && !dash_like(m.raw)) {
      first_text = 1;
    } else if (m.glyph && dash_like(m.raw) && gap >= 0.45 * em) {
      first_text = 1;
    } else if ((m.glyph && dash_like(m.raw)) || m.raw == U"o") {
      // a dash, or Office's level-2 "o" in a text font (cairo, Impress from PPTX), a
      // little more than a space before a word that does not start in lower case: a
      // marker ("– Langfristige…", 0.40 em); a dash after an ordinary space before lower
      // case carries a sentence on ("– although")
      std::u32string nt = n.raw;
      bool lower = !nt.empty() && u_islower(static_cast<UChar32>(nt[0]));
      // (0.2 em when drawn apart from its text, in another font: cairo sets the "o" of a
      // Japanese item 0.3 em before it, in DejaVu Sans, after the item's text)
      bool drawn_apart = m.w.order >= 0 && n.w.order >= 0 && m.w.order_end != n.w.order && m.w.font != n.w.font;
      // (and from 0.2 em before Han, Kana or Thai: no sentence there starts with a dash)
      bool nospace_script = !nt.empty() && (u::is_cjk(nt[0]) || (nt[0] >= 0x0E00 && nt[0] <= 0x0E7F));
      // (or before digits that run into such a letter, "– 14个城市…": the first letter after
      // the dash decides)
      if (!nt.empty() && u_isdigit(static_cast<UChar32>(nt[0]))) {
        char32_t first_letter = 0;
        for (size_t k = 1; k < ws.size() && !first_letter; ++k)
          for (char32_t c : ws[k].raw)
            if (u_isalpha(static_cast<UChar32>(c))) {
              first_letter = c;
              break;
            }
        nospace_script = first_letter && (u::is_cjk(first_letter) || (first_letter >= 0x0E00 && first_letter <= 0x0E7F));
      }
      // (and left of right-to-left text, where a dash typed in a sentence would end a line,
      // not start it: a left-to-right list of Hebrew items, Impress's dash 0.34 em before)
      if (!l.rtl && has_rtl(n.w.text)) nospace_script = true;
      if ((gap >= 0.35 * em || ((drawn_apart || (nospace_script && m.raw != U"o")) && gap >= 0.2 * em)) && !lower) first_text = 1;
    } else if (!m.glyph && (number_marker(m.w.text) || (bare_number && gap >= 0.25 * em)) &&
               (gap >= 0.15 * em || glued_number || sequenced ||
                (!n.raw.empty() && (u::is_cjk(n.raw[0]) || u::no_space_script(n.raw[0])) && number_marker(m.w.text)) ||
                // (a Latin letter or digits as the number of a right-to-left item, its own
                // word, touching the text: Impress from PPTX sets no space after "a)")
                (l.rtl && has_rtl(n.w.text) && !has_rtl(m.w.text) && number_marker(m.w.text))) &&
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
  if (runs_rtl) {
    l.text = join_words(l.words, first_text, spaces);  // (each word a run, right to left)
  } else if (l.rtl) {
    std::vector<Word> visual(l.words.begin() + static_cast<long>(first_text), l.words.end());
    std::sort(visual.begin(), visual.end(), visual_before);
    l.text = rtl_text(visual, true, spaces, &l.dropped);
  } else if (std::any_of(l.words.begin() + static_cast<long>(first_text), l.words.end(), [](const Word& w) { return has_rtl(w.text); })) {
    // a left-to-right paragraph with right-to-left words in it ("Welcome مرحبا"): they
    // are drawn right to left, and read back in logical order the same way
    std::vector<Word> visual(l.words.begin() + static_cast<long>(first_text), l.words.end());
    std::sort(visual.begin(), visual.end(), visual_before);
    l.text = rtl_text(visual, false, spaces, &l.dropped);
    // (punctuation that the line's right-to-left text ends with, drawn at its left end:
    // the line wrapped after "לרקע," inside a right-to-left run of the paragraph, where
    // UAX #9 resolves the comma to the run's direction (N1); read alone as a left-to-right
    // line it would come first, ",כולם מוזמנים … לרקע")
    // (and where left-to-right words open the line: "IETF ،برای … ندارد" of "IETF برای …
    // ندارد،", the stops opening the right-to-left run that ends the line)
    {
      std::u32string t = u::decode(l.text);
      auto stop = [](char32_t c) { return c == U',' || c == U'.' || c == U';' || c == U':' || c == U'!' || c == U'?' || c == 0x60C || c == 0x61B || c == 0x61F; };
      size_t at = 0;
      for (size_t q = t.size(); q-- > 1;)
          if (t[q - 1] == U' ' && stop(t[q]) && (q < 2 || !stop(t[q - 2]))) { at = q; break; }
      size_t k = at;
      while (k < t.size() && stop(t[k])) ++k;
      if (k > at && k < t.size() && direction::is_rtl(t[k]) &&
          std::none_of(t.begin() + static_cast<long>(k), t.end(), [](char32_t c) { return direction::is_ltr(c); }) &&
          (at == 0 ? std::none_of(t.begin(), t.end(), [](char32_t c) { return direction::is_ltr(c); })
                   : std::any_of(t.begin(), t.begin() + static_cast<long>(at), [](char32_t c) { return direction::is_ltr(c); }))) {
        std::u32string head = t.substr(at, k - at);
        t = t.substr(0, at) + t.substr(k) + head;
        l.text = u::encode(t);
      }
    }
  } else {
    l.text = join_words(l.words, first_text, spaces);
    // (numbers in groups apart by spaces and nothing else, on a right-to-left page: a
    // table cell's "1 240" in a right-to-left paragraph. UAX #9 resolves a space between
    // two numbers to the paragraph's direction (N1, numbers counting as right to left),
    // so the groups stand right to left, drawn "240 1"; read back from the right)
    if (dc.page_rtl && dc.rtl_paragraphs.value_or(true) && first_text == 0) {
      std::vector<std::u32string> groups;
      std::u32string cur;
      bool digits_only = true;
      for (char32_t c : u::decode(l.text)) {
        if (c == U' ') {
          if (!cur.empty()) groups.push_back(cur), cur.clear();
        } else if (u_isdigit(static_cast<UChar32>(c))) {
          cur += c;
        } else {
          digits_only = false;
        }
      }
      if (!cur.empty()) groups.push_back(cur);
      if (digits_only && groups.size() >= 2) {
        std::u32string t;
        for (auto it = groups.rbegin(); it != groups.rend(); ++it) t += (t.empty() ? U"" : U" ") + *it;
        l.text = u::encode(t);
      }
    }
  }
  // (Thai marks again over the whole line: Poppler may end a word between nikhahit and
  // sara aa)
  if (l.text.find("\u0E4D") != std::string::npos || l.text.find("\u0E48") != std::string::npos ||
      l.text.find("\u0E49") != std::string::npos) {
    std::u32string t = u::decode(l.text);
    thai_marks(t);
    l.text = u::encode(t);
  }
  l.full_text = l.numbered ? u::collapse_spaces(l.marker + " " + l.text) : l.text;
  if (!l.rtl && spaces && !ws.empty()) {
    const W& lastw = *std::max_element(ws.begin(), ws.end(), [](const W& a, const W& b) { return a.w.x1 < b.w.x1; });
    double em = std::max(lastw.w.size, 1.0), mid = (lastw.w.y0 + lastw.w.y1) / 2;
    l.ends_in_space = std::any_of(spaces->begin(), spaces->end(), [&](const SpaceGlyph& s) {
      double cy = (s.y0 + s.y1) / 2;
      return !s.joiner && cy > lastw.w.y0 && cy < lastw.w.y1 && std::abs(cy - mid) < 0.5 * em && s.x0 >= lastw.w.x1 - 0.2 * em &&
             s.x0 <= lastw.w.x1 + 0.3 * em;
    });
  }
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

namespace {

// A left-to-right word's text with each combining mark after the letter it is drawn on
// (inside its advance; at the edge between two letters, the one on the left, where the
// pen stood), whatever order the content stream drew them in (a Thai tone mark drawn
// after the next consonant: "ขัน้" for "ขั้น").
std::string marks_on_their_letters(const Word& w) {
  std::u32string s = u::decode(w.text);
  if (w.char_x.size() != s.size() + 1 || std::none_of(s.begin(), s.end(), direction::is_mark)) return w.text;
  std::vector<std::u32string> bases;
  std::vector<std::pair<double, double>> at;
  std::vector<std::pair<char32_t, double>> marks;
  std::vector<bool> stacked;  // drawn right after another mark, within 0.1 em of it
  double em = std::max(w.size, 1.0);
  for (size_t i = 0; i < s.size(); ++i) {
    double a = std::min(w.char_x[i], w.char_x[i + 1]), b = std::max(w.char_x[i], w.char_x[i + 1]);
    if (direction::is_mark(s[i]) && !bases.empty()) {
      stacked.push_back(!marks.empty() && i > 0 && direction::is_mark(s[i - 1]) && std::abs(a - marks.back().second) <= 0.1 * em);
      marks.push_back({s[i], a});
      // (a letter's advance reaches over the marks that follow it in one run: Poppler shares
      // a Skia glyph's advance among the letter and its marks, "ขั้" as three thirds, and
      // the tone mark's third would be nearer the next letter than its own)
      if (b > at.back().second && a <= at.back().second + 0.3) at.back().second = b;
    } else {
      bases.push_back(std::u32string(1, s[i]));
      at.push_back({a, b});
    }
  }
  size_t last = 0;
  for (size_t n = 0; n < marks.size(); ++n) {
    const auto& [m, mx] = marks[n];
    // (a mark stacked on the one before goes where it went: Impress draws the tone mark of
    // "ผู้" after the sara u, 0.75 pt on, at the next letter's left edge)
    if (stacked[n]) { bases[last] += m; continue; }
    size_t best = 0;
    double best_d = 1e18;
    for (size_t k = 0; k < at.size(); ++k) {
      // inside its advance; else how far outside: a mark at a letter's left edge (within
      // 0.3) is the letter's before it, where the pen stood
      double d = mx > at[k].first + 0.3 && mx < at[k].second - 0.3 ? -1
                 : mx < at[k].first + 0.3                          ? std::max(0.0, at[k].first - mx) + 0.5
                                                                   : std::max(0.0, mx - at[k].second);
      if (d < best_d) { best_d = d; best = k; }
    }
    // (at a letter's left edge and inside no letter: the letter before it, however far its
    // end: Pango's justification of a Kinnari line puts 4 pt between "ปู" and the tone mark
    // it draws at the next letter's edge)
    if (best_d >= 0 && best > 0 && mx < at[best].first + 0.3 && mx > at[best].first - 0.3) best = best - 1;
    bases[best] += m;
    last = best;
  }
  std::u32string out;
  for (const auto& b : bases) out += b;
  return u::encode(out);
}

// A word that starts with a combining mark drawn on the word before it on its line
// (Poppler breaks a Thai word where a tone mark is drawn after the next consonant) joins
// that word; marks_on_their_letters then puts the mark where it belongs.
// Text drawn twice, a little apart (a drop shadow, a faux bold): where Poppler did not
// fold the copies into one (glyphs placed one by one, as right-to-left text often is),
// two words of the same text and size standing within a quarter of an em of each other are
// one; the copy drawn last, on top, is kept.
void drop_shadow_copies(std::vector<Word>& words, std::vector<Dropped>& dropped) {
  std::map<std::string, std::vector<size_t>> by_text;
  for (size_t k = 0; k < words.size(); ++k) by_text[words[k].text].push_back(k);
  std::vector<bool> gone(words.size(), false);
  for (auto& [text, ks] : by_text) {
    if (ks.size() < 2 || text.empty()) continue;
    for (size_t a = 0; a < ks.size(); ++a)
      for (size_t b = a + 1; b < ks.size(); ++b) {
        Word& x = words[ks[a]];
        Word& y = words[ks[b]];
        if (gone[ks[a]] || gone[ks[b]] || x.rot != y.rot || std::abs(x.size - y.size) > 0.05 * std::max(x.size, 1.0)) continue;
        double q = 0.25 * std::max(x.size, 1.0);
        // (a narrow letter twice side by side on one baseline, "יי" of "להתייעצות", is no
        // copy: a copy covers most of what it copies)
        bool side_by_side = std::abs(x.y1 - y.y1) < 0.02 * std::max(x.size, 1.0) &&
                            std::abs(x.x0 - y.x0) > 0.6 * std::min(x.x1 - x.x0, y.x1 - y.x0);
        if (!side_by_side && std::abs(x.x0 - y.x0) < q && std::abs(x.x1 - y.x1) < q && std::abs(x.y0 - y.y0) < q && std::abs(x.y1 - y.y1) < q)
          gone[x.order <= y.order ? ks[a] : ks[b]] = true;
      }
  }
  if (std::none_of(gone.begin(), gone.end(), [](bool g) { return g; })) return;
  std::vector<Word> kept;
  for (size_t k = 0; k < words.size(); ++k)
    if (!gone[k]) kept.push_back(std::move(words[k]));
    else dropped.push_back({words[k].text, "duplicate", "shadow", {words[k].x0, words[k].y0, words[k].x1, words[k].y1}});
  words = std::move(kept);
}

void join_mark_led_words(std::vector<Word>& words) {
  std::vector<bool> gone(words.size(), false);
  for (size_t k = 0; k < words.size(); ++k) {
    Word& b = words[k];
    std::u32string bt = u::decode(b.text);
    if (bt.empty() || !direction::is_mark(bt[0]) || b.rot != 0 || b.char_x.size() != bt.size() + 1) continue;
    double mx = b.char_x.front(), em = std::max(b.size, 1.0);
    auto takes = [&](size_t j) {
      const Word& a = words[j];
      if (j == k || gone[j] || a.rot != 0 || std::abs(a.base - b.base) > 0.2 * em || mx < a.x0 || mx > a.x1 + 0.2 * em)
        return false;
      std::u32string at = u::decode(a.text);
      // (a word of marks alone takes no mark: cairo draws each of Amiri's harakat as a word
      // of its own, the fatha of "قَ" 0.16 em from the sukun of the "بْ" after it)
      return !direction::count(at).any_rtl() && !std::all_of(at.begin(), at.end(), direction::is_mark);
    };
    // (the word ending where the mark's pen stands, within 0.2 em, before one it stands
    // inside: Pango sets Kinnari's thanthakhat of "ธิ์" 1 pt on from the end of "ธ", into
    // the "ข" after it, and Poppler gives "ข" as a word of its own)
    size_t ending = words.size();
    for (size_t j = 0; j < words.size(); ++j)
      if (takes(j) && std::abs(words[j].x1 - mx) <= 0.2 * em &&
          (ending == words.size() || std::abs(words[j].x1 - mx) < std::abs(words[ending].x1 - mx)))
        ending = j;
    for (size_t j0 = 0; j0 < words.size(); ++j0) {
      size_t j = ending < words.size() ? ending : j0;
      if (!takes(j)) continue;
      Word& a = words[j];
      std::u32string at = u::decode(a.text);
      std::vector<double> xs;
      if (a.char_x.size() == at.size() + 1) {
        // (inside the word where its mark stands: before the first letter drawn from there
        // on, within 0.3 pt; Impress draws the sara ii of "ที่สุด" after the "ส", at its left
        // edge, and Poppler gives tone mark and "ส" as a word of their own)
        size_t at_x = at.size();
        for (size_t i = 0; i < at.size(); ++i)
          if (a.char_x[i] >= mx - 0.3 && !direction::is_mark(at[i]) && a.char_x[i + 1] > a.char_x[i] + 0.01) {
            at_x = i;
            break;
          }
        if (at_x < at.size()) {
          xs.assign(a.char_x.begin(), a.char_x.begin() + static_cast<long>(at_x));
          xs.insert(xs.end(), b.char_x.begin(), b.char_x.end() - 1);
          xs.insert(xs.end(), a.char_x.begin() + static_cast<long>(at_x), a.char_x.end());
          a.text = u::encode(at.substr(0, at_x) + bt + at.substr(at_x));
          a.char_x = std::move(xs);
          a.char_glyph.clear();
          a.x0 = std::min(a.x0, b.x0);
          a.x1 = std::max(a.x1, b.x1);
          gone[k] = true;
          break;
        }
        xs = a.char_x;
        xs.pop_back();
        xs.insert(xs.end(), b.char_x.begin(), b.char_x.end());
      } else {
        for (size_t i = 0; i < at.size(); ++i) xs.push_back(a.x0 + (a.x1 - a.x0) * static_cast<double>(i) / static_cast<double>(at.size()));
        xs.insert(xs.end(), b.char_x.begin(), b.char_x.end());
      }
      a.text += b.text;
      a.char_x = std::move(xs);
      a.char_glyph.clear();
      a.x0 = std::min(a.x0, b.x0);
      a.x1 = std::max(a.x1, b.x1);
      a.space_after = b.space_after;
      gone[k] = true;
      break;
    }
  }
  if (std::none_of(gone.begin(), gone.end(), [](bool g) { return g; })) return;
  std::vector<Word> kept;
  for (size_t k = 0; k < words.size(); ++k)
    if (!gone[k]) kept.push_back(std::move(words[k]));
  words = std::move(kept);
}

// (not the underscore: a form's blank to fill in, "Name: ______", is read)
bool leader_char(char32_t c) { return c == U'.' || c == 0x2026 || c == 0xB7 || c == 0x2024 || c == 0x2025; }

// Dot leaders (a table of contents, an agenda: "Introduction ........ 3") join an entry to
// its number: they are drawn, not read. A run of three leader characters or more is taken
// out of the words (left as a gap: the entry and its number become two fragments, a row
// of two cells); leader dots drawn one a word (". . . .") go too, four in a row or more.
void drop_leaders(std::vector<W>& g, std::vector<Dropped>& dropped) {
  auto record = [&](const std::u32string& t, double x0, const W& w, double x1) {
    dropped.push_back({u::encode(t), "leader", "", {x0, w.w.y0, x1, w.w.y1}});
  };
  auto dots_only = [](const std::u32string& t) { return !t.empty() && std::all_of(t.begin(), t.end(), leader_char); };
  std::vector<W> out;
  for (size_t i = 0; i < g.size(); ++i) {
    // a run of dot-only words, with words on both sides
    // (dots a leader's width apart, not a matrix's dots set in its columns)
    size_t j = i;
    while (j < g.size() && dots_only(g[j].raw) &&
           (j == i || g[j].w.x0 - g[j - 1].w.x1 <= 0.6 * std::max(g[j].w.size, 1.0)))
      ++j;
    // (four dot words or more; or fewer words holding four dots or more: cairo draws a
    // leader as one word of 32 dots)
    size_t run_dots = 0;
    for (size_t k = i; k < j; ++k) run_dots += g[k].raw.size();
    if ((j - i >= 4 || (j > i && run_dots >= 4)) && i > 0 && j < g.size()) {
      // the leader's first and last dots may be glued to the words around it
      auto strip = [&](W& w, bool back) {
        std::u32string& t = w.raw;
        size_t n = 0;
        while (n < t.size() && leader_char(back ? t[t.size() - 1 - n] : t[n])) ++n;
        if (n == 0 || n == t.size()) return;
        double per = (w.w.x1 - w.w.x0) / static_cast<double>(t.size());
        if (back) record(t.substr(t.size() - n), w.w.x1 - per * static_cast<double>(n), w, w.w.x1);
        else record(t.substr(0, n), w.w.x0, w, w.w.x0 + per * static_cast<double>(n));
        if (back) { t.erase(t.size() - n); w.w.x1 -= per * static_cast<double>(n); }
        else { t.erase(0, n); w.w.x0 += per * static_cast<double>(n); }
        w.w.text = u::encode(t);
        w.w.char_x.clear();
        w.w.char_glyph.clear();
      };
      for (size_t k = i; k < j; ++k) record(g[k].raw, g[k].w.x0, g[k], g[k].w.x1);
      if (!out.empty()) strip(out.back(), true);
      strip(g[j], false);
      i = j - 1;
      continue;
    }
    for (size_t k = i; k < j; ++k) out.push_back(g[k]);
    if (j > i) { i = j - 1; continue; }
    W w = g[i];
    const std::u32string& t = w.raw;
    size_t a = 0;
    while (a < t.size()) {
      if (!leader_char(t[a])) { ++a; continue; }
      size_t b = a;
      while (b < t.size() && (leader_char(t[b]) || t[b] == U' ')) ++b;
      size_t dots = std::count_if(t.begin() + static_cast<long>(a), t.begin() + static_cast<long>(b), leader_char);
      // four or more, between an entry and what follows it (an ellipsis is three dots)
      bool before = a > 0 || !out.empty(), after = b < t.size() || i + 1 < g.size();
      if (dots < 4 || !before || !after) { a = b; continue; }
      // split: [0, a) text, [a, b) leader, [b, end) what follows
      double per = (w.w.x1 - w.w.x0) / static_cast<double>(std::max<size_t>(t.size(), 1));
      record(t.substr(a, b - a), w.w.x0 + per * static_cast<double>(a), w, w.w.x0 + per * static_cast<double>(b));
      if (a > 0) {
        W l = w;
        l.raw = t.substr(0, a);
        l.w.text = u::encode(l.raw);
        l.w.x1 = w.w.x0 + per * static_cast<double>(a);
        l.w.char_x.clear();
        l.w.char_glyph.clear();
        out.push_back(std::move(l));
      }
      if (b < t.size()) {
        W r = w;
        r.raw = t.substr(b);
        r.w.text = u::encode(r.raw);
        r.w.x0 = w.w.x0 + per * static_cast<double>(b);
        r.w.char_x.clear();
        r.w.char_glyph.clear();
        g.insert(g.begin() + static_cast<long>(i) + 1, std::move(r));
      }
      w.raw.clear();
      break;
    }
    if (!w.raw.empty()) out.push_back(std::move(w));
  }
  g = std::move(out);
}

}  // namespace

PageLines build_lines(const PageWords& page, bool rtl_deck, std::optional<bool> rtl_paragraphs,
                      const std::vector<FaintWord>* watermarks) {
  PageLines out;
  out.page = page.page;
  out.width = page.width;
  out.height = page.height;
  out.label = page.label;
  out.hidden_words = page.hidden_words;
  out.damage_count = page.damage_count;
  out.damage = page.damage;
  out.dropped = page.dropped;
  out.rules = page.rules;
  std::vector<Word> words;
  double pw = std::max(page.width, 1.0), ph = std::max(page.height, 1.0);
  std::vector<Word> all = page.words;
  // the page's common type size: a watermark is set large, no smaller than it (a faint
  // footer in small type is furniture, found by its place)
  double common = 0;
  {
    std::vector<double> sizes;
    for (const auto& w : all) sizes.push_back(w.size);
    if (!sizes.empty()) {
      std::nth_element(sizes.begin(), sizes.begin() + static_cast<long>(sizes.size() / 2), sizes.end());
      common = sizes[sizes.size() / 2];
    }
  }
  mark_slanted(all, common);  // (letters of a diagonal watermark: rotated_lines reads them as one line)
  // KaTeX draws a negated relation as the relation and its \not, a slash in a private-use
  // code point of its own font (KaTeX_Main U+E020), over it: "≠" is "=" and U+E020 in one
  // box. Dropped as a private-use glyph, the slash left "s = untokenize(...)" where the
  // slide says "s ≠ ...". The relation under the slash takes U+0338 (combining long solidus
  // overlay), composed (NFC: = → ≠, ∈ → ∉, < → ≮); the slash's word goes.
  for (Word& neg : all) {
    if (neg.text != "\uE020" || neg.font.find("KaTeX") == std::string::npos) continue;
    const double w = std::max(neg.x1 - neg.x0, 0.1);
    Word* under = nullptr;
    for (Word& o : all) {
      if (&o == &neg || o.text.empty() || o.text == "\uE020" || u::decode(o.text).size() != 1) continue;
      const double hov = std::min(o.x1, neg.x1) - std::max(o.x0, neg.x0), vov = std::min(o.y1, neg.y1) - std::max(o.y0, neg.y0);
      if (hov >= 0.5 * w && vov > 0.5 * std::min(o.y1 - o.y0, neg.y1 - neg.y0)) { under = &o; break; }
    }
    if (!under) continue;
    under->text = u::nfc(under->text + "\u0338");
    neg.text = "\x01";  // (taken out below)
  }
  std::erase_if(all, [](const Word& w) { return w.text == "\x01"; });
  // A faint word drawn a glyph at a time (cairo draws a letter-spaced Arabic watermark,
  // "م‌س‌و‌د‌ة", one Poppler word per letter): runs of faint single-letter words, upright, of
  // one size, on one baseline, side by side and drawn one after the other, count as one
  // faint word (their text in drawing order, their box's centre).
  std::vector<long> run_of(all.size(), -1);
  std::vector<FaintWord> runs;
  {
    std::vector<size_t> by_order;
    for (size_t k = 0; k < all.size(); ++k)
      if (all[k].order >= 0 && all[k].faint() && all[k].rot == 0 && u::decode(all[k].text).size() == 1 && all[k].size >= 0.95 * common)
        by_order.push_back(k);
    std::sort(by_order.begin(), by_order.end(), [&](size_t a, size_t b) { return all[a].order < all[b].order; });
    for (size_t i = 0; i < by_order.size();) {
      size_t j = i + 1;
      double x0 = all[by_order[i]].x0, x1 = all[by_order[i]].x1;
      for (; j < by_order.size(); ++j) {
        const Word& a = all[by_order[j - 1]];
        const Word& b = all[by_order[j]];
        double em = std::max(a.size, 1.0);
        bool next = b.order - a.order_end <= 2 && std::abs(a.size - b.size) < 0.02 * em && std::abs(a.y1 - b.y1) < 0.1 * em &&
                    b.x0 < x1 + 0.5 * em && b.x1 > x0 - 0.5 * em && a.rgb == b.rgb && a.alpha == b.alpha;
        if (!next) break;
        x0 = std::min(x0, b.x0), x1 = std::max(x1, b.x1);
      }
      if (j - i >= 3) {
        std::string text;
        double y0 = all[by_order[i]].y0, y1 = all[by_order[i]].y1;
        for (size_t k = i; k < j; ++k) {
          text += all[by_order[k]].text;
          run_of[by_order[k]] = static_cast<long>(runs.size());
        }
        runs.push_back({u::collapse_spaces(u::nfc(text)), (x0 + x1) / 2 / pw, (y0 + y1) / 2 / ph});
      }
      i = j;
    }
  }
  auto is_watermark = [&](const FaintWord& f) {
    return watermarks && std::any_of(watermarks->begin(), watermarks->end(), [&](const FaintWord& m) {
             return m.same(f);
           });
  };
  for (const auto& f : runs) {
    out.faint_chars += u::decode(f.text).size();
    if (!is_watermark(f)) out.faint.push_back(f);
  }
  for (size_t k = 0; k < all.size(); ++k) {
    const Word& w = all[k];
    size_t n = u::decode(w.text).size();
    out.all_chars += n;
    if (run_of[k] >= 0) {
      if (is_watermark(runs[static_cast<size_t>(run_of[k])])) {
        const FaintWord& f = runs[static_cast<size_t>(run_of[k])];
        if (out.watermarks.empty() || out.watermarks.back() != f.text) out.watermarks.push_back(f.text);
        out.dropped.push_back({w.text, "furniture", "watermark", {w.x0, w.y0, w.x1, w.y1}});
        continue;
      }
      words.push_back(w);
      continue;
    }
    FaintWord f{u::collapse_spaces(u::nfc(w.text)), (w.x0 + w.x1) / 2 / pw, (w.y0 + w.y1) / 2 / ph};
    // (a diagonal watermark comes a letter a word, found by rotated_lines; but an ideograph
    // is a word of its own)
    // (single letters are too common to tell a watermark's from light text's, but an
    // ideograph is a word)
    bool ideograph = n == 1 && u::is_cjk(u::decode(w.text)[0]);
    if (w.faint() && (n >= 2 || ideograph) && w.rot == 0 && w.size >= 0.95 * common) {
      out.faint_chars += n;
      if (is_watermark(f)) {
        out.watermarks.push_back(f.text);
        out.dropped.push_back({w.text, "furniture", "watermark", {w.x0, w.y0, w.x1, w.y1}});
        continue;
      }
      out.faint.push_back(std::move(f));
    }
    words.push_back(w);
  }
  drop_shadow_copies(words, out.dropped);
  join_mark_led_words(words);
  std::vector<W> ws, turned;
  int rtl_chars = 0, ltr_chars = 0;
  for (const auto& w : words) {
    W x;
    x.w = w;
    x.raw = u::decode(u::nfc(w.text));
    // strip spaces and control characters around the raw glyphs; a word that ends with
    // them ends with a space (PowerPoint for Mac maps its space glyph to "\t\r \u00A0"
    // inside the word before it)
    if (!x.raw.empty() && x.raw.size() > 1 && (u::is_space(x.raw.back()) || x.raw.back() < 0x20 || x.raw.back() == 0xA0))
      x.w.space_after = true;
    while (!x.raw.empty() && (u::is_space(x.raw.back()) || x.raw.back() < 0x20)) x.raw.pop_back();
    while (!x.raw.empty() && (u::is_space(x.raw.front()) || x.raw.front() < 0x20)) x.raw.erase(0, 1);
    if (x.raw.empty()) continue;
    for (char32_t c : x.raw) {
      if (direction::is_rtl(c)) ++rtl_chars;
      else if (direction::is_ltr(c)) ++ltr_chars;
    }
    if (all_bullets(x.raw) || (x.raw.size() <= 2 && symbol_font(w.font)) || courier_o(x)) {
      x.glyph = true;
      if (ams_symbol_font(w.font))  // (a bullet as the character it is: "▸", not the "I" of its code)
        for (char32_t& c : x.raw)
          if (char32_t b = ams_symbol_bullet(c)) c = b;
      x.w.text = u::encode(x.raw);
    } else if (w.char_x.empty() || !(has_rtl(w.text) || std::all_of(x.raw.begin(), x.raw.end(), direction::is_mark))) {
      x.w.text = u::collapse_spaces(hygiene(marks_on_their_letters(w)));
      if (!w.han_checked) x.w.text = undouble_ideographs(x.w.text, w.x1 - w.x0, w.size);
      // (a word that ends in a mark ends where its furthest character is drawn: XeTeX and
      // Pango draw the sara ue of "ฟื้" 2.2 pt right of the tone mark that ends the word,
      // where the "ฟ" ends; Poppler's box ends at the tone mark)
      if (!x.raw.empty() && direction::is_mark(x.raw.back()))
        for (double cx : w.char_x) x.w.x1 = std::max(x.w.x1, cx);
      x.w.char_x.clear();
      if (x.w.text.empty()) continue;
    }  // right-to-left words (and marks drawn apart) keep their characters as drawn until rtl_text()
    if (x.w.size <= 0) x.w.size = std::max(1.0, x.w.y1 - x.w.y0);
    if (x.w.rot != 0) {
      if (x.glyph) x.w.text = u::clean(x.w.text);
      if (!x.w.text.empty()) turned.push_back(std::move(x));
      continue;
    }
    if (!x.glyph) split_leading_glyph(ws, std::move(x));
    else ws.push_back(std::move(x));
  }
  DirContext dc;
  dc.page_rtl = rtl_chars > ltr_chars || (rtl_deck && rtl_chars > 0);
  dc.rtl_paragraphs = rtl_paragraphs;
  out.rtl_chars = rtl_chars;
  out.ltr_chars = ltr_chars;
  out.has_text = std::any_of(ws.begin(), ws.end(), [](const W& w) { return !w.glyph; }) || !turned.empty();
  std::stable_sort(ws.begin(), ws.end(), [](const W& a, const W& b) { return a.yc() < b.yc(); });

  // Group by baseline band: text first; then bullet glyphs, each to the line it stands
  // before (a bullet's box, from its font's ascent and descent, may reach up into the line
  // above: a wrapped title standing close over the first bullet).
  std::vector<std::vector<W>> groups;
  std::vector<std::pair<double, double>> band;  // y0, y1 of each group
  std::stable_partition(ws.begin(), ws.end(), [](const W& w) { return !w.glyph; });
  size_t n_text = std::count_if(ws.begin(), ws.end(), [](const W& w) { return !w.glyph; });
  // Words much smaller than the page's common type (a label set small, "(b)" before its
  // item; a superscript) may, in order of their middles, come before the line they stand
  // in has begun, and join the line above: once the text's lines are all there, such a
  // word moves to the line it overlaps clearly more.
  auto settle_small_words = [&]() {
    std::vector<double> hs;
    for (const auto& g : groups)
      for (const W& w : g) hs.push_back(w.h());
    if (hs.empty()) return;
    std::nth_element(hs.begin(), hs.begin() + static_cast<long>(hs.size() / 2), hs.end());
    double common = hs[hs.size() / 2];
    auto overlap = [&](const W& w, size_t g) {
      double ov = std::min(band[g].second, w.w.y1) - std::max(band[g].first, w.w.y0);
      return ov >= 0.5 * std::min(w.h(), band[g].second - band[g].first) ? ov : 0.0;
    };
    for (size_t g = 0; g < groups.size(); ++g)
      for (size_t k = 0; k < groups[g].size();) {
        const W& w = groups[g][k];
        size_t best = g;
        // (or any word that overlaps its line by under 0.6 of its height: "40" in a fallback
        // font, a little taller, came before its Thai line began and joined the line above
        // in the next column, which it touches by half its height)
        double have0 = std::min(band[g].second, w.w.y1) - std::max(band[g].first, w.w.y0);
        if (w.h() < 0.7 * common || have0 < 0.6 * w.h()) {
          double have = overlap(w, g);
          for (size_t o = 0; o < groups.size(); ++o)
            if (o != g && overlap(w, o) > std::max(have, overlap(w, best)) + 0.25 * w.h()) best = o;
        }
        if (best == g) { ++k; continue; }
        W moved = std::move(groups[g][k]);
        groups[g].erase(groups[g].begin() + static_cast<long>(k));
        auto at = std::upper_bound(groups[best].begin(), groups[best].end(), moved.yc(),
                                   [](double y, const W& x) { return y < x.yc(); });
        groups[best].insert(at, std::move(moved));
      }
    for (size_t g = 0; g < groups.size(); ++g)
      if (groups[g].empty()) {
        groups.erase(groups.begin() + static_cast<long>(g));
        band.erase(band.begin() + static_cast<long>(g));
        --g;
      }
  };
  for (size_t wi = 0; wi < ws.size(); ++wi) {
    W& w = ws[wi];
    if (wi == n_text) settle_small_words();
    if (wi >= n_text) {  // a glyph: the line whose middle is nearest its own, among those it overlaps
      // (first among the lines with text right beside it, within 4 em: a bullet stands
      // before its text, not before a side note set small far across the slide)
      int best = -1;
      double best_d = 1e18;
      bool best_near = false;
      for (size_t g = 0; g < groups.size(); ++g) {
        double ov = std::min(band[g].second, w.w.y1) - std::max(band[g].first, w.w.y0);
        if (ov <= 0.3 * std::min(w.h(), band[g].second - band[g].first)) continue;
        double d = std::abs((band[g].first + band[g].second) / 2 - w.yc());
        bool near = false;
        for (const W& o : groups[g]) {
          double em = std::max({o.w.size, w.w.size, 1.0});
          near = near || (o.w.x0 >= w.w.x1 - 0.1 * em && o.w.x0 - w.w.x1 < 4 * em) || (o.w.x1 <= w.w.x0 + 0.1 * em && w.w.x0 - o.w.x1 < 4 * em);
        }
        if ((near && !best_near) || (near == best_near && d < best_d)) { best_d = d; best = static_cast<int>(g); best_near = near; }
      }
      if (best < 0) {
        groups.push_back({});
        band.push_back({w.w.y0, w.w.y1});
        best = static_cast<int>(groups.size()) - 1;
      }
      groups[best].push_back(std::move(w));
      continue;
    }
    int best = -1;
    double best_ov = 0;
    // a word set in another size over a word of the group (their boxes cross): another
    // layer (a footer drawn over a body line that runs into it), never one line with it
    auto crosses = [&](int g) {
      for (const W& o : groups[g]) {
        double hov = std::min(o.w.x1, w.w.x1) - std::max(o.w.x0, w.w.x0);
        double small = std::min(o.w.size, w.w.size), big = std::max(o.w.size, w.w.size);
        // (not a faint word: a watermark's letters are found as such later)
        if (hov > 0.2 * std::min(o.w.x1 - o.w.x0, w.w.x1 - w.w.x0) && small < 0.7 * big && !o.w.faint() && !w.w.faint()) return true;
        // (a faint word over twice the size of the other: a watermark's letter, another
        // layer, crossing the line or not)
        if (small < 0.5 * big && (o.w.faint() ? o.w.size : w.w.size) == big && (o.w.faint() || w.w.faint())) return true;
        // (nor a word of about the same size that stands under or over one of the group, its
        // baseline 0.6 em or more away: the next line of a side note set small, whose band
        // a taller line beside it takes in, "Figures rounded to the nearest" over "hundred")
        const bool based = o.w.base != 0 && w.w.base != 0;
        const double drop = based ? o.w.base - w.w.base : o.yc() - w.yc();
        if (small >= 0.7 * big && hov > 0.3 * std::min(o.w.x1 - o.w.x0, w.w.x1 - w.w.x0) && std::abs(drop) > 0.6 * big &&
            !o.w.faint() && !w.w.faint())
          return true;
      }
      return false;
    };
    // a word of less than 0.6 x the size of the group's words, on a baseline a third of
    // their size away: a side note set small beside the line (Impress: "Quelle: Umfrage
    // 2025" at 12 pt level with the top of a 32 pt bullet), not part of it; a superscript
    // (two characters at most) stays
    // (characters but the combining marks drawn on them: "رَّ" is one letter)
    auto letters = [](const std::u32string& r) {
      return static_cast<size_t>(std::count_if(r.begin(), r.end(), [](char32_t c) { return !direction::is_mark(c); }));
    };
    auto apart = [&](int g) {
      if (groups[g].empty() || w.w.base == 0) return false;
      size_t n = 0;
      for (const W& f : groups[g]) {
        if (f.raw.size() <= 2 || f.glyph) continue;
        if (letters(w.raw) <= 2 && w.w.size < f.w.size) return false;  // a superscript
        double small = std::min(f.w.size, w.w.size), big = std::max(f.w.size, w.w.size);
        if (!(small < 0.6 * big && f.w.base != 0 && std::abs(f.w.base - w.w.base) > 0.3 * big)) return false;
        ++n;
      }
      return n > 0;
    };
    // a bracket drawn over several lines (Keynote's "{" 100 pt tall beside four lines of
    // code) is no word of the line its middle meets: joined to it, the line's block took
    // the bracket's height, and translating it took the lines beside it out of the slide
    auto giant_bracket = [](const W& x) {
      if (x.raw.size() != 1) return false;
      const char32_t c = x.raw[0];
      return c == U'{' || c == U'}' || c == U'[' || c == U']' || c == U'(' || c == U')' || c == U'|' || c == 0x27E8 ||
             c == 0x27E9 || (c >= 0x239B && c <= 0x23B3);
    };
    auto bracket_apart = [&](int g) {
      for (const W& f : groups[g]) {
        if (f.glyph || giant_bracket(f) == giant_bracket(w)) continue;
        const W& br = giant_bracket(w) ? w : f;
        const W& other = giant_bracket(w) ? f : w;
        if (br.w.size >= 2.5 * other.w.size) return true;
      }
      return false;
    };
    for (int g = static_cast<int>(groups.size()) - 1; g >= 0 && g >= static_cast<int>(groups.size()) - 8; --g) {
      double ov = std::min(band[g].second, w.w.y1) - std::max(band[g].first, w.w.y0);
      double need = 0.5 * std::min(w.h(), band[g].second - band[g].first);
      if (ov >= need && ov > best_ov && !crosses(g) && !apart(g) && !bracket_apart(g)) { best_ov = ov; best = g; }
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

  if (n_text == ws.size()) settle_small_words();

  // Split each group at wide gaps (columns), keeping a marker with its text. Not a line
  // set justified, whose every gap is wide alike (a line ended by a manual break is
  // stretched to the full width by Impress and Word). Then a narrower gap too where what
  // follows starts where fragments of two other lines start (a table's column, its cell
  // text reaching close to the next cell).
  std::vector<double> starts, ends;  // where fragments after a wide gap start, and where those before it end
  // where words after a gap of 0.8 em or more start, end and have their middle, and where
  // the words before such a gap end
  std::vector<double> gap_starts, gap_after_ends, gap_mids, gap_ends;
  // the page draws its spaces: a space glyph for every eight words or more (office suites,
  // cairo; TeX draws none, a verbatim line's at most)
  bool draws_spaces = page.spaces.size() * 8 >= page.words.size() && !page.spaces.empty();
  // (or, on a page that draws no spaces (TeX), gaps of 0.8 em or more of other lines, the
  // word after the gap at `i` lined up with their words after them, within a point: its
  // start, its end (figures aligned right) or its middle (a centred column), or the word
  // before it with their words before them: a tabular's columns, its cells 1.1 em apart,
  // no row cut at a wider gap to tell them) how many other lines show the column
  auto tex_support_one = [&](const std::vector<W>& g, size_t i) -> long {
    // (not after a line's first word when that is a list number or a bare number: Beamer's
    // outline "1  A Simpler World", its numbers in balls, centred one under the other)
    if (i == 1) {
      const std::u32string& r = g[0].raw;
      if (g[0].glyph || number_marker(g[0].w.text) ||
          (!r.empty() && r.size() <= 2 && std::all_of(r.begin(), r.end(), [](char32_t c) { return c >= U'0' && c <= U'9'; })))
        return 0;
    }
    // (the arrays are sorted once they are filled: a count within a point is two searches)
    auto near = [](const std::vector<double>& v, double x) {
      return static_cast<long>(std::lower_bound(v.begin(), v.end(), x + 1.0) - std::upper_bound(v.begin(), v.end(), x - 1.0));
    };
    const double mid = (g[i].w.x0 + g[i].w.x1) / 2;
    // (less the line's own gap, counted among them)
    return std::max({near(gap_starts, g[i].w.x0), near(gap_after_ends, g[i].w.x1), near(gap_mids, mid),
                     near(gap_ends, g[i - 1].w.x1)}) - 1;
  };
  // (a row of three cells or more: two such gaps in the line; a lone gap, a bullet or a
  // title's, is no table's)
  std::map<const W*, bool> three_cells;  // per line (its first word): two such gaps in it
  auto tex_support = [&](const std::vector<W>& g, size_t i) -> long {
    if (draws_spaces) return 0;
    long v = tex_support_one(g, i);
    if (v < 2) return v;
    auto [it, fresh] = three_cells.try_emplace(g.data(), false);
    if (fresh) {
      size_t columns = 0;
      for (size_t k = 1; k < g.size() && columns < 2; ++k)
        if (g[k].w.x0 - g[k - 1].w.x1 > 0.8 * std::max({g[k].w.size, g[k - 1].w.size, 1.0}) && tex_support_one(g, k) >= 2)
          ++columns;
      it->second = columns >= 2;
    }
    return it->second ? v : 0;
  };
  // The text words in drawing order (order, order end, x0, x1, middle), for telling where a
  // line's two neighbours were drawn with another line's words between them.
  struct Drawn {
    int order, order_end;
    double x0, x1, yc, size;
  };
  std::vector<Drawn> drawn;
  for (const auto& g : groups)
    for (const W& w : g)
      if (!w.glyph && w.w.order >= 0 && w.raw.size() >= 2) drawn.push_back({w.w.order, w.w.order_end, w.w.x0, w.w.x1, w.yc(), w.w.size});
  std::sort(drawn.begin(), drawn.end(), [](const Drawn& a, const Drawn& b) { return a.order < b.order; });
  auto drawn_between = [&](const W& p, const W& n) {
    if (p.w.order_end < 0 || n.w.order <= p.w.order_end) return false;
    double em = std::max({p.w.size, n.w.size, 1.0});
    auto it = std::lower_bound(drawn.begin(), drawn.end(), p.w.order_end, [](const Drawn& d, int o) { return d.order < o; });
    // (at most 256 words looked at: bounded work on a page drawn in a scrambled order)
    for (int k = 0; it != drawn.end() && it->order < n.w.order && k < 256; ++it, ++k)
      if (std::abs(it->yc - p.yc()) > 0.6 * em && it->x0 < p.w.x1 && it->x1 > p.w.x0 &&
          it->size >= 0.85 * p.w.size)
        return true;
    return false;
  };
  auto split_at = [&](const std::vector<W>& g, const std::vector<double>* starts) {
    // code in a monospaced font lines up by itself: its columns are no table's
    bool mono = !g.empty() && all_mono(g);
    if (mono) starts = nullptr;
    // a line of code keeps its aligned comments and columns: only a very wide gap cuts it
    double wide = mono ? 4.0 : 1.5;
    std::vector<size_t> cuts;  // word indices that start a fragment
    std::vector<double> gaps;
    // (from the furthest right edge so far: a zero-width mark drawn inside the word before,
    // "ٔ" of "شاخهٔ", leaves no gap)
    double reach = g.empty() ? 0 : g[0].w.x1;
    for (size_t i = 1; i < g.size(); ++i) {
      gaps.push_back(g[i].w.x0 - reach);
      reach = std::max(reach, g[i].w.x1);
    }
    bool justified = false;
    if (gaps.size() >= 4) {
      auto [lo, hi] = std::minmax_element(gaps.begin(), gaps.end());
      justified = *lo > 0 && *hi < 1.3 * *lo;
    }
    for (size_t i = 1; i < g.size(); ++i) {
      const W& p = g[i - 1];
      double em = std::max({p.w.size, g[i].w.size, 1.0});
      double gap = gaps[i - 1];
      // a marker stays with its text: left of it, or right of it in right-to-left text
      bool marker_gap = (p.glyph && !has_rtl(g[i].w.text)) || (g[i].glyph && has_rtl(p.w.text));
      // (a glyph right of right-to-left text but far closer to the text right of it is that
      // text's marker: a left-to-right list of Hebrew items in the right column, its dash 3.3
      // em after the left column's line and 0.35 em before its item)
      if (marker_gap && g[i].glyph && i + 1 < g.size() && !g[i + 1].glyph && g[i + 1].w.x0 - g[i].w.x1 < 0.5 * gap &&
          gap > 1.5 * em)
        marker_gap = false;
      // (a bullet first on the line, left of right-to-left text: a left-to-right paragraph
      // of Hebrew or Arabic, as PPTX exports leave them; Impress sets a level-2 check mark
      // 1.5 em before its text)
      if (!marker_gap && i == 1 && p.glyph) marker_gap = true;
      // (Office's level-2 "o" in a font of its own, last on the line, right of right-to-left
      // text: Impress sets it small, 1.6 em of the text beyond its end)
      if (!marker_gap && i + 1 == g.size() && g[i].raw == U"o" && has_rtl(p.w.text) && g[i].w.font != p.w.font) marker_gap = true;
      // (a list number too, first on its line: a notes page's slide drawn small sets the
      // number in its own small size, 15 pt before text of twice its size)
      if (!marker_gap && i == 1 && !p.glyph && number_marker(p.w.text) && !has_rtl(g[i].w.text)) marker_gap = true;
      if (marker_gap && gap < 4 * em) continue;
      if (gap > wide * em && !justified) { cuts.push_back(i); continue; }
      // (a side note in type under 0.6 of the line's, an em of its own size or more away:
      // Impress's "Quelle: Umfrage 2025" at 12 pt, 33 pt after a 28 pt item's last word)
      {
        if (!p.glyph && !g[i].glyph && g[i].w.size < 0.6 * p.w.size && gap > 1.0 * g[i].w.size && g[i].raw.size() >= 3 &&
            !has_rtl(p.w.text) && !has_rtl(g[i].w.text) && !number_marker(p.w.text)) { cuts.push_back(i); continue; }
      }
      bool starts_word = u_isalnum(static_cast<UChar32>(g[i].raw.empty() ? 0 : g[i].raw[0])) || g[i].raw[0] > 0x2E7F;
      // a gap of half an em with no space glyph in it, on a line that draws its spaces: no
      // space was typed there; two boxes meet (a table's cells, "Montevideo" and
      // "Mentoring" 0.6 em apart)
      // (left-to-right words only: cairo draws right-to-left text a glyph at a time, with
      // gaps inside words)
      // (nor a list marker or a lone letter, set apart by design: "o", "a.", "ii."; a
      // lone digit after a tab is an agenda's page: "Annex" 0.5 em before "4")
      // (0.2 em before a page number last on its line, nothing drawn before it: an agenda's
      // tab, "Бюджет" 0.26 em before "12" where the tab stop falls)
      bool page_no = i + 1 == g.size() && page_number(g[i].raw);
      if (!mono && gap > (page_no ? 0.2 : 0.5) * em && !p.glyph && starts_word && !has_rtl(p.w.text) && !has_rtl(g[i].w.text) &&
          p.raw.size() > 1 && (g[i].raw.size() > 1 || u_isdigit(static_cast<UChar32>(g[i].raw[0]))) &&
          !number_marker(p.w.text) && !number_marker(g[i].w.text)) {
        bool no_room = false;
        auto typed = typed_space(p.w, g[i].w, &page.spaces, &no_room);
        // (or, on a page that draws its spaces, nothing drawn between the two: a tab; before
        // a page number of the line's size, on a page that draws any space glyph at all: a
        // Thai page's few spaces, its words many where Poppler breaks them at their marks;
        // an exponent is smaller; after Han or kana, layouts add a quarter em of their own:
        // the rule below)
        bool number_tab = page_no && !page.spaces.empty() && std::abs(g[i].w.size - p.w.size) <= 0.05 * em &&
                          !u::is_cjk(p.raw.back());
        // (or, on a page that draws no space at all, an em or more after Thai and its kind:
        // Impress's agenda "คำถาม" 1.4 em before its page "12" at a tab stop)
        if (page_no && page.spaces.empty() && gap > 1.0 * em && std::abs(g[i].w.size - p.w.size) <= 0.05 * em &&
            u::no_space_script(p.raw.back()))
          number_tab = true;
        bool drawn_next = (draws_spaces || number_tab) && p.w.order >= 0 && p.w.order_end == g[i].w.order;
        if ((typed && !*typed && !no_room) || (!typed && drawn_next)) { cuts.push_back(i); continue; }
      }
      // (an ideograph or kana half an em or more before a page number last on its line,
      // nothing drawn between them: an agenda's tab, "付録" 1.3 em before "4", "次のステップ"
      // 0.58 em before "7"; the spacing layouts add between the scripts is a quarter em)
      if (!mono && gap > 0.5 * em && page_no && !p.glyph && !p.raw.empty() && u::is_cjk(p.raw.back()) &&
          !typed_space(p.w, g[i].w, &page.spaces).value_or(false)) {
        cuts.push_back(i);
        continue;
      }
      // (between ideographs or kana an em or more apart, nothing drawn between them: text
      // that sets no spaces between words leaves no gap; two cells meet)
      if (!mono && gap > 1.0 * em && !p.glyph && !g[i].glyph && !p.raw.empty() && !g[i].raw.empty() &&
          u::is_cjk(p.raw.back()) && u::is_cjk(g[i].raw.front())) {
        auto typed = typed_space(p.w, g[i].w, &page.spaces);
        if (!typed || !*typed) { cuts.push_back(i); continue; }
      }
      // (or, 0.3 em or more apart, with words of another line (of about their size: not a
      // formula's limits) under or over the left one drawn between them: two boxes' text,
      // the left one wrapped, "Mentoring" (then "for first-time attendees" under it) and
      // "28%" of a table's row; a space glyph drawn in the gap is the wrapped line's last,
      // Impress's "City conference " before "Register")
      // Not a gap one space glyph drawn in it fills: a word space (a font's space is up to
      // a third of an em wide, and Chromium draws a symbol's fallback font after the line's
      // text, "latency, ↑ throughput", the next line's words drawn between them)
      if (!mono && gap > 0.3 * em && !p.glyph && !g[i].glyph && !has_rtl(p.w.text) && !has_rtl(g[i].w.text) &&
          drawn_between(p, g[i])) {
        double space = 0;
        if (!(typed_space(p.w, g[i].w, &page.spaces, nullptr, nullptr, &space).value_or(false) && gap <= 1.25 * space)) {
          cuts.push_back(i);
          continue;
        }
      }
      if (starts && gap > 0.8 * em && !p.glyph && starts_word) {
        // fragments of two other lines start where this word does, or end where the word
        // before it ends (cells aligned right)
        long n = std::count_if(starts->begin(), starts->end(), [&](double x) { return std::abs(x - g[i].w.x0) < 2.0; });
        long e = std::count_if(ends.begin(), ends.end(), [&](double x) { return std::abs(x - p.w.x1) < 2.0; });
        // (or a TeX tabular's column: see tex_support)
        if (n >= 2 || e >= 2 || tex_support(g, i) >= 2) cuts.push_back(i);
      }
    }
    // A justified line stretched wide (Impress stretches a paragraph's last line too, and
    // a line ended by a manual break) spreads its words at even gaps: three or more wide
    // gaps in a row within a fifth of each other, between single words, are one line's,
    // unless other lines' columns start there too (a table's evenly spaced cells).
    if (starts && cuts.size() >= 2) {
      // (by two other lines; or by one when every cut of the run is: a table of two rows)
      // (or, cells aligned right, by fragments that end where the word before it ends)
      auto support = [&](size_t i) {
        return std::max({std::count_if(starts->begin(), starts->end(), [&](double x) { return std::abs(x - g[i].w.x0) < 2.0; }),
                         std::count_if(ends.begin(), ends.end(), [&](double x) { return std::abs(x - g[i - 1].w.x1) < 0.5; }),
                         tex_support(g, i)});
      };
      std::vector<bool> drop(cuts.size(), false);
      for (size_t a = 0; a < cuts.size();) {
        size_t b = a + 1;
        double ga = gaps[cuts[a] - 1];
        while (b < cuts.size() && cuts[b] == cuts[b - 1] + 1 && std::abs(gaps[cuts[b] - 1] - ga) < 0.2 * ga) ++b;
        // (a stretched line spreads all of its words: a gap of another width in it, "28%"
        // 1.4 em after "Mentoring" and 4 em before "2026", makes it a table's row)
        // (within the fragment the run lies in: between the cuts around it)
        size_t from = a > 0 ? cuts[a - 1] : 0, to = b < cuts.size() ? cuts[b] : g.size();
        bool even = true;
        for (size_t k = from + 1; k < to; ++k)
          if (!(k == from + 1 && (g[from].glyph || number_marker(g[from].w.text))) && std::abs(gaps[k - 1] - ga) >= 0.2 * ga) even = false;
        bool all_supported = true;
        for (size_t k = a; k < b; ++k) all_supported = all_supported && support(cuts[k]) >= 2;
        if (b - a >= 2 && even && !all_supported)
          for (size_t k = a; k < b; ++k)
            if (support(cuts[k]) < 3) drop[k] = true;
        a = b;
      }
      std::vector<size_t> kept_cuts;
      for (size_t k = 0; k < cuts.size(); ++k)
        if (!drop[k]) kept_cuts.push_back(cuts[k]);
      cuts = std::move(kept_cuts);
    }
    return cuts;
  };
  for (auto& g : groups) {
    std::sort(g.begin(), g.end(), [](const W& a, const W& b) { return a.w.x0 < b.w.x0; });
    // (code keeps its dots: "template<class ..._Tp>")
    if (!all_mono(g))
      drop_leaders(g, out.dropped);
    for (size_t i : split_at(g, nullptr)) {
      starts.push_back(g[i].w.x0);
      ends.push_back(g[i - 1].w.x1);
    }
    if (!all_mono(g))
      for (size_t i = 1; i < g.size(); ++i)
        if (!g[i].glyph && !g[i - 1].glyph &&
            g[i].w.x0 - g[i - 1].w.x1 > 0.8 * std::max({g[i].w.size, g[i - 1].w.size, 1.0})) {
          gap_starts.push_back(g[i].w.x0);
          gap_after_ends.push_back(g[i].w.x1);
          gap_mids.push_back((g[i].w.x0 + g[i].w.x1) / 2);
          gap_ends.push_back(g[i - 1].w.x1);
        }
  }
  for (auto* v : {&gap_starts, &gap_after_ends, &gap_mids, &gap_ends}) std::sort(v->begin(), v->end());
  // A gap of a justified line in a narrow column (two or three words stretched across it,
  // "gesetz      verpflichtet") is no column's: the line shares both its edges with a
  // line of its size right above or below it, and that line has a word across the gap's
  // middle (a table's or two columns' gutter is crossed by no line of theirs).
  std::vector<std::vector<double>> joined(groups.size());  // where gaps found stretched end
  // Is x covered by the text of words `ws` (sorted by x0): inside their span, 0.1 em or
  // more from any gap wider than 0.3 em between them (cairo draws letter-spaced Thai in
  // pieces, a word several Poppler words)
  auto covered = [](const std::vector<const W*>& ws, double x, double size) {
    if (ws.empty() || x < ws.front()->w.x0 + 0.1 * size) return false;
    double reach = ws.front()->w.x1;
    for (size_t j = 1; j < ws.size(); ++j) {
      if (ws[j]->w.x0 - reach > 0.3 * size && x > reach - 0.1 * size && x < ws[j]->w.x0 + 0.1 * size) return false;
      reach = std::max(reach, ws[j]->w.x1);
    }
    return x < reach - 0.1 * size;
  };
  // (the cuts ka..kb of group gi, a run: a line stretched at several gaps, justified
  // right-to-left text drawn a word at a time)
  auto stretched_gap = [&](size_t gi, const std::vector<size_t>& cuts, size_t ka, size_t kb) {
    const auto& g = groups[gi];
    size_t i = cuts[ka], from = ka > 0 ? cuts[ka - 1] : 0, to = kb + 1 < cuts.size() ? cuts[kb + 1] : g.size();
    double size = g[i].w.size;
    std::vector<const W*> mine;  // this fragment, as it would be joined
    for (size_t j = from; j < to; ++j)
      if (!g[j].glyph) mine.push_back(&g[j]);
    if (mine.empty()) return false;
    std::sort(mine.begin(), mine.end(), [](const W* p, const W* q) { return p->w.x0 < q->w.x0; });
    double x0 = mine.front()->w.x0, x1 = -1e18;
    for (const W* w : mine) x1 = std::max(x1, w->w.x1);
    double yc = (band[gi].first + band[gi].second) / 2;
    // (a table's column: fragments of other lines start where the word after the gap
    // does, or end where the word before it ends)
    auto near = [](const std::vector<double>& xs, double x) {
      return std::count_if(xs.begin(), xs.end(), [&](double v) { return std::abs(v - x) < 1.0; });
    };
    std::vector<double> mids;
    // (every gap between Thai, Lao, Khmer or Myanmar and a letter or digit, under 6 em: a
    // line of them justified stretches its one or two spaces only, its neighbours ragged)
    bool unspaced_gaps = true;
    for (size_t k = ka; k <= kb; ++k) {
      size_t c = cuts[k];
      if (near(starts, g[c].w.x0) >= 2 || near(ends, g[c - 1].w.x1) >= 2) return false;
      // (nor a gap before a page number last on its line: an agenda's tab; page numbers at
      // one tab stop line up their ends, as a justified line's would)
      if (c + 1 == g.size() && page_number(g[c].raw)) return false;
      // (a gap with nothing drawn in it, on a page that draws its spaces, was stretched by
      // no justification: a tab, an agenda's "Budget" before its page "10")
      if (draws_spaces && g[c - 1].w.order >= 0 && g[c - 1].w.order_end == g[c].w.order &&
          !typed_space(g[c - 1].w, g[c].w, &page.spaces).value_or(false))
        return false;
      mids.push_back((g[c - 1].w.x1 + g[c].w.x0) / 2);
      std::u32string a = u::decode(g[c - 1].w.text), b = u::decode(g[c].w.text);
      bool ta = !a.empty() && u::no_space_script(a.back()), tb = !b.empty() && u::no_space_script(b.front());
      bool la = ta || (!a.empty() && u_isalnum(static_cast<UChar32>(a.back())));
      bool lb = tb || (!b.empty() && u_isalnum(static_cast<UChar32>(b.front())));
      if (!(la && lb && (ta || tb)) || g[c].w.x0 - g[c - 1].w.x1 > 6 * size) unspaced_gaps = false;
    }
    // (a line starting with a list number starts, for a line under it, where its text does)
    double x0_text = mine.size() >= 2 && number_marker(mine.front()->w.text) ? mine[1]->w.x0 : x0;
    for (size_t hi = 0; hi < groups.size(); ++hi) {
      if (hi == gi || groups[hi].empty()) continue;
      const auto& h = groups[hi];
      double hyc = (band[hi].first + band[hi].second) / 2, dy = std::abs(hyc - yc);
      // (the lines around it: within 4 em, two stretched lines of one paragraph apart)
      if (dy < 0.8 * size || dy > (unspaced_gaps ? 6.0 : 4.0) * size) continue;
      // the words of that line of this size over this fragment
      std::vector<const W*> over;
      for (const W& w : h)
        if (!w.glyph && w.w.x1 > x0 - 0.5 * size && w.w.x0 < x1 + 0.5 * size && std::abs(w.w.size - size) <= 0.05 * size)
          over.push_back(&w);
      if (over.empty()) continue;
      std::sort(over.begin(), over.end(), [](const W* p, const W* q) { return p->w.x0 < q->w.x0; });
      double h0 = over.front()->w.x0, h1 = -1e18;
      bool whole = true;
      for (const W* w : over) {
        // (that line is whole: a gap of a column in it too, an agenda's page numbers
        // after dropped leaders, makes both rows of a table)
        // (unless this line's text crosses that gap in turn: two stretched lines, each gap
        // under the other's words, where a table's gutters lie one under the other)
        if (h1 > -1e17 && w->w.x0 - h1 > 1.5 * size &&
            std::none_of(joined[hi].begin(), joined[hi].end(), [&](double x) { return x == w->w.x0; }) &&
            !covered(mine, (h1 + w->w.x0) / 2, size))
          whole = false;
        h1 = std::max(h1, w->w.x1);
      }
      if (whole && std::all_of(mids.begin(), mids.end(), [&](double m) { return covered(over, m, size); }) &&
          std::abs(h0 - x0) < 0.1 * size && std::abs(h1 - x1) < 0.1 * size)
        return true;
      // (Thai and its kind: a line stretched at its few spaces while the lines around it,
      // without one, stay ragged; a line near it (within 6 em: the first line of the item
      // above) starting where it does, or where its text does, whose words cross the gaps and
      // end no further right)
      if (unspaced_gaps && whole && (std::abs(h0 - x0) < 0.1 * size || std::abs(h0 - x0_text) < 0.1 * size) &&
          h1 < x1 + 0.1 * size && std::all_of(mids.begin(), mids.end(), [&](double m) { return covered(over, m, size); }))
        return true;
      // (or, with no such line near, the line's own next line, under 2.5 em, starting where
      // it does and ending no further right, while the line spans the page's mirrored
      // margins within 0.3 em: a paragraph's full line justified at its one space, pieces
      // of two columns ending where the page's margin does being told apart above by the
      // right column's other lines starting where its piece does)
      if (unspaced_gaps && whole && std::abs(h0 - x0) < 0.1 * size && h1 < x1 + 0.1 * size && dy < 2.5 * size &&
          std::abs(x1 - (page.width - x0)) < 0.3 * size)
        return true;
    }
    return false;
  };
  std::vector<std::vector<size_t>> all_cuts(groups.size());
  for (size_t gi = 0; gi < groups.size(); ++gi) all_cuts[gi] = split_at(groups[gi], &starts);
  // A justified line stretched at every word where no other line shows its box (a bullet
  // broken by hand, cairo's justified line separator): two gaps or more in a row, each
  // within 0.1 em of their median, under 8 em (Impress stretches a Hebrew item's four words
  // 5 em apart), between fragments of unequal widths, most of them with letters (a number
  // among them: "120"), none lined up with another line's column.
  for (size_t gi = 0; gi < groups.size(); ++gi) {
    auto& cuts = all_cuts[gi];
    const auto& g = groups[gi];
    if (cuts.size() < 2) continue;
    double size = std::max(g[cuts[0]].w.size, 1.0);
    auto gap = [&](size_t k) { return g[cuts[k]].w.x0 - g[cuts[k] - 1].w.x1; };
    auto near = [](const std::vector<double>& xs, double x) {
      return std::count_if(xs.begin(), xs.end(), [&](double v) { return std::abs(v - x) < 1.0; });
    };
    for (size_t k0 = 0; k0 < cuts.size();) {
      size_t k1 = k0;
      while (k1 + 1 < cuts.size() && std::abs(gap(k1 + 1) - gap(k0)) <= 0.1 * size) ++k1;
      std::vector<double> gs;
      for (size_t k = k0; k <= k1; ++k) gs.push_back(gap(k));
      std::sort(gs.begin(), gs.end());
      double med = gs[gs.size() / 2];
      bool ok = k1 - k0 + 1 >= 2 && med < 8 * size &&
                std::all_of(gs.begin(), gs.end(), [&](double x) { return std::abs(x - med) <= 0.1 * size; });
      double wlo = 1e18, whi = -1e18;
      size_t no_letters = 0;
      for (size_t k = k0; ok && k <= k1 + 1; ++k) {
        size_t a = k == 0 ? 0 : cuts[k - 1], b = k < cuts.size() ? cuts[k] : g.size();
        if (k > k0 && k <= k1 && (near(starts, g[cuts[k - 1]].w.x0) >= 2 || near(ends, g[cuts[k - 1] - 1].w.x1) >= 2)) ok = false;
        double x0 = 1e18, x1 = -1e18;
        bool letters = false;
        for (size_t j = a; j < b; ++j) {
          if (g[j].glyph) continue;
          x0 = std::min(x0, g[j].w.x0), x1 = std::max(x1, g[j].w.x1);
          for (char32_t c : g[j].raw) letters = letters || u_isalpha(static_cast<UChar32>(c));
        }
        if (!letters) ++no_letters;
        if (x1 > x0) wlo = std::min(wlo, x1 - x0), whi = std::max(whi, x1 - x0);
      }
      if (no_letters * 2 >= k1 - k0 + 2) ok = false;
      if (ok && whi - wlo >= 0.5 * size) {
        for (size_t k = k0; k <= k1; ++k) joined[gi].push_back(g[cuts[k]].w.x0);
        cuts.erase(cuts.begin() + static_cast<long>(k0), cuts.begin() + static_cast<long>(k1 + 1));
        continue;
      }
      k0 = k1 + 1;
    }
  }
  // (in passes: two stretched lines one under the other, "tragener      Ansatz" over
  // "schafft   Verantwort-", each whole once the other is)
  for (int pass = 0; pass < 3; ++pass) {
    bool changed = false;
    for (size_t gi = 0; gi < groups.size(); ++gi)
      for (size_t k = 0; k < all_cuts[gi].size();) {
        auto& cuts = all_cuts[gi];
        bool found = false;
        for (size_t kb = k; kb < cuts.size() && kb < k + 8 && !found; ++kb)
          if (stretched_gap(gi, cuts, k, kb)) {
            for (size_t j = k; j <= kb; ++j) joined[gi].push_back(groups[gi][cuts[j]].w.x0);
            cuts.erase(cuts.begin() + static_cast<long>(k), cuts.begin() + static_cast<long>(kb + 1));
            changed = found = true;
          }
        if (!found) ++k;
      }
    if (!changed) break;
  }
  std::vector<std::vector<W>> kept;  // the words of each line, to read it again
  for (size_t gi = 0; gi < groups.size(); ++gi) {
    auto& g = groups[gi];
    const std::vector<size_t>& cuts = all_cuts[gi];
    std::vector<std::vector<W>> frags(1);
    size_t c = 0;
    for (size_t i = 0; i < g.size(); ++i) {
      if (c < cuts.size() && cuts[c] == i) {
        frags.emplace_back();
        ++c;
      }
      frags.back().push_back(g[i]);
    }
    for (auto& f : frags)
      if (!f.empty()) {
        out.lines.push_back(make_line(f, page.width, dc, &page.spaces));
        kept.push_back(std::move(f));
      }
  }
  // List numbers (or Office's "o", a dash) at the left end of right-to-left lines, set
  // apart from their text, one under the other at one place on two lines or more (cairo
  // draws the labels of a left-to-right list of Hebrew items after the items): the lines
  // run left to right and these are their markers.
  {
    auto left_label = [&](size_t i) -> std::optional<double> {
      if (i >= kept.size() || kept[i].size() < 2 || !out.lines[i].rtl || !out.lines[i].marker.empty()) return std::nullopt;
      auto v = kept[i];
      std::sort(v.begin(), v.end(), [](const W& a, const W& b) { return a.w.x0 < b.w.x0; });
      const W& m = v[0];
      bool number = !m.raw.empty() && m.raw.size() <= 5 && (m.raw.back() == U'.' || m.raw.back() == U')') && number_marker(m.w.text);
      bool label = m.raw == U"o" || dash_like(m.raw);
      if ((m.glyph && !label) || !(number || label) || v[1].w.x0 - m.w.x1 < 0.25 * std::max(m.w.size, 1.0) || !has_rtl(v[1].w.text))
        return std::nullopt;
      return m.w.x0;
    };
    std::vector<std::optional<double>> at(out.lines.size());
    for (size_t i = 0; i < out.lines.size(); ++i) at[i] = left_label(i);
    for (size_t i = 0; i < at.size(); ++i) {
      if (!at[i]) continue;
      bool column = false;
      for (size_t k = 0; k < at.size() && !column; ++k)
        column = k != i && at[k] && std::abs(*at[k] - *at[i]) < 0.5 * std::max(out.lines[i].size, 1.0);
      if (column) out.lines[i] = make_line(kept[i], page.width, dc, &page.spaces, false, false, true);
    }
    // (and a label alone at its place, the only item of its level, where other lines of
    // right-to-left text on the page were read left to right with a list number or label
    // at their left: the page's lists run left to right)
    {
      bool ltr_lists = false;
      double top = 1e18;  // (not the page's first line: a numbered title, "2. IETF منفتحة", is no item)
      for (const Line& o : out.lines) {
        top = std::min(top, o.y0);
        ltr_lists = ltr_lists || (!o.rtl && !o.marker.empty() && (number_marker(o.marker) || o.marker == "o" ||
                                                                   dash_like(u::decode(o.marker))) && has_rtl(o.text));
      }
      for (size_t i = 0; i < at.size() && ltr_lists; ++i)
        if (at[i] && out.lines[i].rtl && out.lines[i].marker.empty() && out.lines[i].y0 > top + 1)
          out.lines[i] = make_line(kept[i], page.width, dc, &page.spaces, false, false, true);
    }
  }
  // A list number set small and apart beyond the right end of a right-to-left line, a
  // line of its own (Impress sets an Arabic item's "a." in a 7 pt Latin font 1.5 em right
  // of its 16 pt text, lower, ".a" as drawn): the line's marker. So is one set small before
  // the left end of a left-to-right line, cut from it as the start of another column's
  // cell (Impress sets a Thai item's "1." at 8 pt 0.9 em of its text before its 18 pt
  // text, in the right column of two; a left-to-right paragraph of Arabic likewise).
  {
    std::vector<bool> gone(out.lines.size(), false);
    for (size_t i = 0; i < out.lines.size(); ++i) {
      if (kept[i].size() != 1 || kept[i][0].glyph) continue;
      const std::u32string& r = kept[i][0].raw;
      if (r.size() < 2 || r.size() > 5) continue;
      // (as drawn: ".a" right of a right-to-left line; "1." left of a left-to-right one)
      const bool rtl_form = r[0] == U'.' || r[0] == U')';
      const bool ltr_form = (r.back() == U'.' || r.back() == U')') && number_marker(u::encode(r));
      if (!rtl_form && !ltr_form) continue;
      if (rtl_form && !number_marker(u::encode(r.substr(1)) + u::encode(std::u32string(1, r[0])))) continue;
      const Line& m = out.lines[i];
      long best = -1;
      double best_gap = 1e18;
      for (size_t j = 0; j < out.lines.size(); ++j) {
        const Line& l = out.lines[j];
        if (j == i || gone[j] || !l.marker.empty() || kept[j].empty() || l.size < 1.3 * m.size || (rtl_form ? !l.rtl : l.rtl))
          continue;
        double gap = rtl_form ? m.x0 - l.x1 : l.x0 - m.x1, ov = std::min(l.y1, m.y1) - std::max(l.y0, m.y0);
        if (gap < 0 || gap > 3 * l.size || ov < 0.5 * (m.y1 - m.y0)) continue;
        if (gap < best_gap) best_gap = gap, best = static_cast<long>(j);
      }
      if (best < 0) continue;
      auto& to = kept[static_cast<size_t>(best)];
      if (rtl_form) to.push_back(kept[i][0]);
      else to.insert(to.begin(), kept[i][0]);
      out.lines[static_cast<size_t>(best)] = make_line(to, page.width, dc, &page.spaces);
      gone[i] = true;
    }
    for (size_t i = out.lines.size(); i-- > 0;)
      if (gone[i]) {
        out.lines.erase(out.lines.begin() + static_cast<long>(i));
        kept.erase(kept.begin() + static_cast<long>(i));
      }
  }
  // A list number that overflowed its list's indent and touches its text ("c)WSIS+20…",
  // "3.ONU et…", "ii." 0.1 em before "IX…": Impress sets the text right after a number
  // wider than the hanging indent) is the line's number where another line of the page,
  // its number at the same place and in the same form, holds the number before or after
  // it (a marker, or such a touching number itself).
  {
    struct Cand {
      std::string label;
      double x = 0, size = 0;
    };
    auto touching = [&](size_t i) -> std::optional<Cand> {
      const Line& l = out.lines[i];
      if (i >= kept.size() || l.rtl || !l.marker.empty() || l.mono || kept[i].size() < 1 || kept[i][0].glyph) return std::nullopt;
      const W& w = kept[i][0];
      const std::u32string& r = w.raw;
      if (kept[i].size() >= 2 && r.size() <= 6 && number_marker(w.w.text) && !kept[i][1].raw.empty() &&
          u_isalpha(static_cast<UChar32>(kept[i][1].raw[0])))
        return Cand{w.w.text, w.w.x0, w.w.size};
      for (size_t k = 2; k < std::min<size_t>(r.size(), 7); ++k)
        if ((r[k - 1] == U'.' || r[k - 1] == U')') && u_isalpha(static_cast<UChar32>(r[k])) &&
            number_marker(u::encode(r.substr(0, k))))
          return Cand{u::encode(r.substr(0, k)), w.w.x0, w.w.size};
      return std::nullopt;
    };
    auto value_pairs = [](const std::string& a, const std::string& b) {
      std::u32string ca = marker_core(a), cb = marker_core(b);
      auto digits = [](const std::u32string& c) {
        return !c.empty() && std::all_of(c.begin(), c.end(), [](char32_t x) { return x >= U'0' && x <= U'9'; });
      };
      if (digits(ca) && digits(cb)) return std::abs(std::stoi(u::encode(ca)) - std::stoi(u::encode(cb))) == 1;
      for (auto [k1, v1] : marker_readings(a))
        for (auto [k2, v2] : marker_readings(b))
          if (k1 == k2 && std::abs(v1 - v2) == 1) return true;
      return false;
    };
    std::vector<std::optional<Cand>> cands(out.lines.size());
    for (size_t i = 0; i < out.lines.size(); ++i) cands[i] = touching(i);
    std::vector<size_t> redo;
    for (size_t i = 0; i < cands.size(); ++i) {
      if (!cands[i]) continue;
      const Cand& c = *cands[i];
      const double em = std::max(c.size, 1.0);
      bool seq = false;
      for (size_t j = 0; j < out.lines.size() && !seq; ++j) {
        if (j == i) continue;
        const Line& o = out.lines[j];
        Cand other;
        if (cands[j]) other = *cands[j];
        else if (o.numbered && !o.rtl) other = Cand{o.marker, o.marker_start, o.size};
        else continue;
        seq = other.label.back() == c.label.back() && std::abs(other.x - c.x) < 0.5 * em &&
              std::abs(other.size - c.size) <= 0.1 * em && value_pairs(other.label, c.label);
      }
      if (seq) redo.push_back(i);
    }
    for (size_t i : redo) out.lines[i] = make_line(kept[i], page.width, dc, &page.spaces, false, false, false, true);
  }
  // A letter as a list number ("a.", "p." of "p. ex.", "z." of "z. B.") only when another
  // line of the page continues the sequence (the letter before or after it).
  for (size_t i = 0; i < out.lines.size(); ++i) {
    const Line& l = out.lines[i];
    if (!l.numbered || !letter_number(l.marker)) continue;
    auto readings = marker_readings;
    bool sequence = false;
    // (a list's first letter, "a.", set a space or more before its text, counts a "b." of the
    // same form anywhere on the page: a sublist restarting under another level, a list set
    // in two columns; an abbreviation "d. h." needs its sequence at its own start)
    bool first_letter = false;
    for (auto [k, v] : readings(l.marker)) first_letter = first_letter || (k != 'r' && v == 1);
    const bool spaced_off = first_letter && l.words.size() >= 2 &&
                            (l.rtl ? l.words[0].x0 - l.words[1].x1 : l.words[1].x0 - l.words[0].x1) >=
                                0.25 * std::max(l.size, 1.0);
    for (const auto& o : out.lines) {
      // (at one start, or, in a list set flush against its end side, at one end: "I. Budget
      // im Januar" and "II. Offenes und" right-aligned, their numbers ragged)
      bool same_end = l.rtl ? std::abs(o.x0 - l.x0) < l.size : std::abs(o.x1 - l.x1) < l.size;
      bool elsewhere = spaced_off && !o.marker.empty() && o.marker.back() == l.marker.back() &&
                       u::decode(o.marker).size() == u::decode(l.marker).size();
      if (&o == &l || !o.numbered || !letter_number(o.marker) ||
          (std::abs(o.marker_start - l.marker_start) >= l.size && !same_end && !elsewhere))
        continue;
      for (auto [k1, v1] : readings(l.marker))
        for (auto [k2, v2] : readings(o.marker))
          if (k1 == k2 && std::abs(v1 - v2) == 1) sequence = true;
    }
    // a number set apart from its text by more than a space (a list's indent) is one too
    // (0.45 em: Beamer's enumerate sets "A." 0.49 em before its text, cairo 0.47 em)
    if (!sequence && l.words.size() >= 2) {
      const Word& m = l.words[0];
      const Word& t = l.words[1];
      double gap = l.rtl ? m.x0 - t.x1 : t.x0 - m.x1;
      if (gap >= 0.45 * std::max(l.size, 1.0)) sequence = true;
      // (from 0.2 em before Han, Kana or Thai, where no abbreviation with a full stop
      // comes: cairo sets a Japanese item's "i." 0.34 em before it)
      std::u32string tt = u::decode(t.text);
      if (!tt.empty() && (u::is_cjk(tt[0]) || (tt[0] >= 0x0E00 && tt[0] <= 0x0E7F)) && gap >= 0.2 * std::max(l.size, 1.0))
        sequence = true;
    }
    if (!sequence) out.lines[i] = make_line(kept[i], page.width, dc, &page.spaces, true);
  }
  // A bare number ("1 A Simpler World", a Beamer outline's number in a ball) is a list
  // number when another line of the page, starting at the same place, carries the number
  // before or after it.
  {
    auto bare = [&](const Line& l) -> int {
      if (!l.marker.empty() || l.words.size() < 2 || l.mono) return -1;
      std::u32string t = u::decode(l.words[0].text);
      if (t.empty() || t.size() > 2 || !std::all_of(t.begin(), t.end(), [](char32_t c) { return c >= U'0' && c <= U'9'; }))
        return -1;
      const Word& m = l.words[0];
      const Word& n = l.words[1];
      if ((l.rtl ? m.x0 - n.x1 : n.x0 - m.x1) < 0.25 * std::max(l.size, 1.0)) return -1;
      return std::stoi(u::encode(t));
    };
    std::vector<int> num(out.lines.size());
    for (size_t i = 0; i < out.lines.size() && i < kept.size(); ++i) num[i] = bare(out.lines[i]);
    for (size_t i = 0; i < num.size(); ++i) {
      if (num[i] < 0) continue;
      bool sequence = false;
      for (size_t k = 0; k < num.size() && !sequence; ++k)
        sequence = k != i && num[k] >= 0 &&
                   // (counting up down the page: "3 年" over "2 天" in a table's column are no list)
                   std::abs(num[k] - num[i]) == 1 && (num[k] - num[i] == 1) == (out.lines[k].y0 > out.lines[i].y0) &&
                   std::abs(out.lines[k].x0 - out.lines[i].x0) < 0.5 * std::max(out.lines[i].size, 1.0) &&
                   std::abs(out.lines[k].size - out.lines[i].size) < 0.1 * std::max(out.lines[i].size, 1.0);
      if (sequence) out.lines[i] = make_line(kept[i], page.width, dc, &page.spaces, false, true);
    }
  }
  for (auto& r : rotated_lines(std::move(turned))) out.lines.push_back(std::move(r));
  // Drop fragments that hold only a bullet glyph with nothing next to it (recorded).
  for (Line& l : out.lines) {
    for (auto& d : l.dropped) out.dropped.push_back(std::move(d));
    l.dropped.clear();
  }
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

namespace {
// needs_ink_probe's lines (centred = false), or the centred lines it leaves out (true)
std::vector<size_t> ink_probe_lines(const PageLines& page, bool centred_only) {
  std::vector<size_t> out;
  if (page.lines.empty()) return out;
  for (size_t i = 0; i < page.lines.size(); ++i) {
    const Line& l = page.lines[i];
    if (!l.marker.empty()) continue;                                // has a glyph
    if (l.yc() < 0.13 * page.height || l.yc() > 0.87 * page.height) continue;  // furniture bands
    if (l.rtl ? page.width - l.x1 < 1.2 * l.size : l.x0 < 1.2 * l.size) continue;  // no room for a bullet
    bool aligned = false, hangs = false;
    for (size_t k = 0; k < page.lines.size(); ++k) {
      if (k == i || std::abs(page.lines[k].text_start - l.text_start) >= 1.0) continue;
      aligned = true;
      // lined up under a glyph item's text: a wrapped line of that item
      if (!page.lines[k].marker.empty()) hangs = true;
    }
    if (hangs) continue;
    bool centred = std::abs((l.x0 + l.x1) / 2 - page.width / 2) < 2 * l.size;
    // (a line 0.6 of the page wide or more is near the middle whatever its alignment: probed
    // on its own, and counted in the centred lines' vote as well)
    if (centred && l.x1 - l.x0 > 0.6 * page.width && !aligned) {
      out.push_back(i);
      continue;
    }
    // (a line that ends where another of its size, 3 em wide or more, ends and starts an em
    // or more from it is set flush right, near the middle by chance: cairo's right-aligned
    // Thai item 0.7 em off centre, its drawn bullet then found as any other line's)
    if (centred)
      for (size_t k = 0; k < page.lines.size() && centred; ++k)
        if (k != i && std::abs(page.lines[k].x1 - l.x1) < 1.0 && std::abs(page.lines[k].x0 - l.x0) > 1.0 * l.size &&
            std::abs(page.lines[k].size - l.size) < 0.15 * l.size && l.x1 - l.x0 > 3 * l.size &&
            page.lines[k].x1 - page.lines[k].x0 > 3 * l.size)
          centred = false;
    if ((aligned || !centred) != centred_only) out.push_back(i);
  }
  return out;
}
}  // namespace

std::vector<size_t> needs_ink_probe(const PageLines& page) { return ink_probe_lines(page, false); }
std::vector<size_t> centred_ink_candidates(const PageLines& page) { return ink_probe_lines(page, true); }

std::array<double, 4> ink_probe_rect(const Line& l, double) {
  double em = std::max(l.size, 1.0);
  double yc = l.yc(), h = l.height();
  // (2.2 em before a line of right-to-left letters: cairo sets an Arabic item's drawn bullet
  // 1.3 to 1.7 em from its text, in left-to-right paragraphs and right-to-left ones)
  const double reach = direction::count_utf8(l.text).mostly_rtl() ? 2.2 : 1.6;
  if (l.rtl) return {l.x1 + 0.12 * em, yc - 0.3 * h, l.x1 + reach * em, yc + 0.3 * h};
  return {l.x0 - reach * em, yc - 0.3 * h, l.x0 - 0.12 * em, yc + 0.3 * h};
}

namespace {
// The last whitespace-delimited token of `t` looks like a URL, an e-mail address or a path.
bool url_like_tail(const std::u32string& t) {
  size_t i = t.size();
  while (i > 0 && !u::is_space(t[i - 1])) --i;
  std::u32string tok = t.substr(i);
  return tok.find(U'/') != std::u32string::npos || tok.find(U'@') != std::u32string::npos ||
         tok.find(U"www.") != std::u32string::npos;
}
bool question(const std::u32string& ua, const std::u32string& ub) {
  if (ua.size() < 2 || ub.empty()) return false;
  char32_t last = ua.back();
  return (last == U'-' || last == 0x2010) && u_isalpha(static_cast<UChar32>(ua[ua.size() - 2])) &&
         u_islower(static_cast<UChar32>(ub.front())) && !url_like_tail(ua);
}
}  // namespace

bool hyphen_question(const std::string& a, const std::string& b) {
  if (a.size() < 2 || b.empty() || (a.back() != '-' && a.back() != '\x90')) return false;  // fast path
  return question(u::decode(a), u::decode(b));
}

double first_unit_width(const Line& l) {
  size_t k = l.marker.empty() ? 0 : 1;
  if (k >= l.words.size()) return 0;
  const Word& w = l.words[k];
  icu::UnicodeString t = icu::UnicodeString::fromUTF8(w.text);
  if (t.isEmpty()) return 0;
  thread_local std::unique_ptr<icu::BreakIterator> bi;
  if (!bi) {
    UErrorCode st = U_ZERO_ERROR;
    bi.reset(icu::BreakIterator::createLineInstance(icu::Locale::getRoot(), st));
    if (U_FAILURE(st)) bi.reset();
  }
  int32_t cut = t.length();
  if (bi) {
    bi->setText(t);
    int32_t b = bi->following(0);
    if (b != icu::BreakIterator::DONE && b > 0) cut = b;
  }
  int32_t n = t.countChar32(0, cut), all = t.countChar32();
  if (all <= 0) return 0;
  return (w.x1 - w.x0) * std::min(1.0, static_cast<double>(n) / all);
}

bool broken_short(const Line& above, const Line& l, double widest) {
  const std::u32string a = u::decode(above.text), b = u::decode(l.text);
  if (a.empty() || b.empty() || u::is_space(a.back()) || u::is_space(b.front()) || u::is_dash(a.back())) return false;
  auto unspaced = [](char32_t c) { return u::is_cjk(c) || u::no_space_script(c); };
  if (!unspaced(a.back()) && !unspaced(b.front())) return false;
  // (Thai and Japanese lines break between dictionary words, longer than ICU's units can
  // be: LibreOffice's Japanese dictionary keeps "による" + "と、" together, Pango's Thai one
  // "แลกเปลี่ยน"; their first unit counts at least four em)
  auto kana = [](char32_t c) { return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF); };
  auto dictionary = [&](const std::u32string& s) {
    return std::any_of(s.begin(), s.end(), [&](char32_t c) { return kana(c) || u::no_space_script(c); });
  };
  double em = std::max(above.size, 1.0);
  double unit = first_unit_width(l);
  if (dictionary(a) || dictionary(b)) unit = std::max(unit, 4 * em);
  size_t k = above.marker.empty() || above.rtl ? 0 : 1;
  double left = k < above.words.size() ? above.words[k].x0 : above.x0;
  return (above.x1 - left) + unit < widest - 0.25 * em;
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
  // Thai, Lao, Khmer, Myanmar: no space where a line of them wraps onto the next
  if (u::no_space_script(last) && u::no_space_script(first)) return a + b;
  bool cjk_text = std::any_of(ua.begin(), ua.end(), [](char32_t c) { return u::is_cjk(c); }) ||
                  std::any_of(ub.begin(), ub.end(), [](char32_t c) { return u::is_cjk(c); });
  if (cjk_text) {
    if (wide_punct(first)) return a + b;
    // CJK text breaks anywhere, also inside a Latin word: "Consultati" + "on阶段"; but a
    // Latin phrase carried on ("…multi-column" + "function dependency": the next line
    // goes on in Latin words after a space) was wrapped at its space
    if (latin_letter(last) && first >= U'a' && first <= U'z') {
      size_t j = 0;
      while (j < ub.size() && (latin_letter(ub[j]) || ub[j] == U'-')) ++j;
      bool phrase = j + 1 < ub.size() && ub[j] == U' ' && latin_letter(ub[j + 1]);
      return phrase ? a + " " + b : a + b;
    }
    // Latin or digits next to Han/Kana: a space where the writer set them apart on the
    // other side of the run ("开设 3" + "期" -> "开设 3 期", "例えば" + "2026-014 です").
    auto spaced_run = [](const std::u32string& s, bool from_end) {
      size_t n = s.size(), i = 0;
      auto at = [&](size_t k) { return from_end ? s[n - 1 - k] : s[k]; };
      // (the run in ASCII: letters, digits, "2026-014", "TiDB 5.0", up to its last space)
      while (i < n && at(i) < 0x80 && (at(i) != U' ' || (i + 1 < n && at(i + 1) < 0x80 && at(i + 1) != U' '))) ++i;
      return i > 0 && i + 1 < n && at(i) == U' ' && u::is_cjk(at(i + 1));
    };
    if (latin_or_digit(last) && u::is_cjk(first)) return spaced_run(ua, true) ? a + " " + b : a + b;
    if (u::is_cjk(last) && latin_or_digit(first)) return spaced_run(ub, false) ? a + " " + b : a + b;
    if (u::is_cjk(last) || u::is_cjk(first)) return a + b;
  }
  if ((last == U'-' || last == 0x2010) && ua.size() >= 2 && !u::is_space(ua[ua.size() - 2]) &&
      !u::is_dash(ua[ua.size() - 2])) {
    if (speller && question(ua, ub) && speller->available()) {
      size_t i = ua.size() - 1;
      while (i > 0 && u_isalpha(static_cast<UChar32>(ua[i - 1]))) --i;
      size_t j = 0;
      while (j < ub.size() && u_isalpha(static_cast<UChar32>(ub[j]))) ++j;
      std::string w1 = u::encode(ua.substr(i, ua.size() - 1 - i)), w2 = u::encode(ub.substr(0, j));
      // a soft break: the joined word is known and the hyphenated one is not; or the
      // pieces are no words of their own (hyphenation splits a word anywhere: "flä-" +
      // "chendeckend", "Frequenzzu-" + "teilungsverfahren", compounds the dictionary does
      // not list); a first piece of six letters or more that is no word is a broken word
      // too ("Kommunikations-" + "partnern"), where a short one is a prefix ("non-",
      // "multi-")
      bool k1 = speller->known(w1), k2 = speller->known(w2);
      size_t n1 = ua.size() - 1 - i;
      // the joined word known is a soft break too, unless a typed hyphen after one letter
      // makes a word of its own ("e-mail", "x-ray"; after two letters German's compound
      // rules accept "er-wünscht" as readily as "erwünscht")
      bool joined = speller->known(w1 + w2) && !(n1 <= 1 && speller->known(w1 + "-" + w2));
      bool soft = joined || (!k1 && !k2) || (!k1 && n1 >= 6);
      if (soft) {
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

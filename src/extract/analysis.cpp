#include "extract/analysis.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <cmath>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <unicode/uchar.h>

#include "core/direction.hpp"
#include "core/unicode.hpp"

namespace deckhand::extract {
namespace u = deckhand::unicode;

namespace {

constexpr double kBand = 0.13;  // top and bottom bands where furniture lives

// The top and bottom bands of where text stands on the deck's pages: of the page itself,
// or of the area the deck's text covers when the slide sits letterboxed on a larger sheet
// (PScript5 prints slides on Letter paper).
// Within the text extent's bands only small type counts (footers are set smaller than
// the body), so that repeated body text near the bottom of short decks stays.
struct Bands {
  double top = 0, bottom = 0;  // text extent over the whole deck
  double small = 0;            // type at most this size is small
  // `own`: the text extent of the line's page (a notes page's slide, drawn small at its top)
  bool in(const Line& l, double page_h, std::pair<double, double> own = {0, 0}) const {
    if (l.yc() < kBand * page_h || l.yc() > (1 - kBand) * page_h) return true;
    if (l.size > small) return false;
    for (auto [t, b] : {std::pair{top, bottom}, own}) {
      if (b <= t) continue;
      double h = b - t;
      if (l.yc() < t + kBand * h || l.yc() > b - kBand * h) return true;
    }
    return false;
  }
};

Bands bands_of(const std::vector<PageLines>& pages) {
  Bands b{1e18, -1e18, 0};
  std::vector<double> sizes;
  for (const auto& p : pages)
    for (const auto& l : p.lines) {
      b.top = std::min(b.top, l.y0);
      b.bottom = std::max(b.bottom, l.y1);
      // (weighted by its length, a tenth for every ten characters: a table's many short
      // cells in small type leave the body's size the common one)
      sizes.insert(sizes.end(), u::decode(l.text).size() / 10 + 1, l.size);
    }
  if (b.top > b.bottom) return Bands{0, 0, 0};
  std::nth_element(sizes.begin(), sizes.begin() + static_cast<long>(sizes.size() / 2), sizes.end());
  b.small = 0.7 * sizes[sizes.size() / 2];
  return b;
}

// The text with every decimal digit of any script (Arabic-Indic ٣, Persian ۳, Thai ๓,
// Devanagari ३, full-width ３: Unicode category Nd) as its ASCII digit, for telling page
// numbers and repeated furniture: "۳", "4/١" and "٣ / ١٠" number pages as "3" does.
std::string digits_ascii(const std::string& s) {
  bool ascii = std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) return s;
  std::u32string u = u::decode(s);
  for (char32_t& c : u)
    if (c > 0x7F && u_charType(static_cast<UChar32>(c)) == U_DECIMAL_DIGIT_NUMBER)
      c = U'0' + static_cast<char32_t>(u_charDigitValue(static_cast<UChar32>(c)));
  return u::encode(u);
}

std::string mask_digits(const std::string& s) {
  std::string out;
  bool prev_digit = false;
  for (char c : s) {
    bool d = c >= '0' && c <= '9';
    if (d && !prev_digit) out += '#';
    if (!d) out += c;
    prev_digit = d;
  }
  return out;
}

// The patterns below (a page number, a counter "2 / 49", a number in a table cell) match
// only short text: a longer line is none of them, and is not given to std::regex, whose
// matcher recurses once per character (a 100,000-character line overflowed the stack;
// issue 20).
constexpr size_t short_text = 64;

bool is_page_number(const std::string& s) {
  if (s.size() > short_text) return false;
  static const std::regex re(R"(^(?:(?:page|slide|p\.|seite|стр\.?|страница)\s*)?[-–(\[]?\s*\d{1,4}\s*(?:(?:/|of|из|von|sur|de)\s*\d{1,4})?\s*[-–)\]]?$)",
                             std::regex::icase);
  return std::regex_match(s, re);
}

// a page counter: "2/49", "2 of 49"
bool is_counter(const std::string& s) {
  if (s.size() > short_text) return false;
  static const std::regex counter(R"(^\d{1,4}\s*(?:/|of|из|von|sur|de|／)\s*\d{1,4}$)", std::regex::icase);
  return std::regex_match(s, counter);
}

size_t nchars(const std::string& s) { return u::decode(s).size(); }

double weighted_median_size(const std::vector<const Line*>& ls) {
  std::vector<std::pair<double, size_t>> v;
  size_t total = 0;
  for (const Line* l : ls) {
    size_t n = nchars(l->full_text);
    v.push_back({l->size, n});
    total += n;
  }
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t acc = 0;
  for (auto& [s, n] : v) {
    acc += n;
    if (acc * 2 >= total) return s;
  }
  return v.back().first;
}

// Cluster sorted values: a new cluster starts when the gap to the previous value > tol.
std::vector<double> cluster_centers(std::vector<double> xs, double tol) {
  std::sort(xs.begin(), xs.end());
  std::vector<double> centers;
  std::vector<double> cur;
  for (double x : xs) {
    if (!cur.empty() && x - cur.back() > tol) {
      centers.push_back(cur.front());
      cur.clear();
    }
    cur.push_back(x);
  }
  if (!cur.empty()) centers.push_back(cur.front());
  return centers;
}

// The most common value of xs, within tol; nullopt when xs is empty.
std::optional<double> mode_of(const std::vector<double>& xs, double tol) {
  if (xs.empty()) return std::nullopt;
  double best = xs[0];
  size_t best_n = 0;
  for (double x : xs) {
    size_t n = std::count_if(xs.begin(), xs.end(), [&](double y) { return std::abs(x - y) <= tol; });
    if (n > best_n || (n == best_n && x < best)) { best_n = n; best = x; }
  }
  return best;
}

std::string title_join(const std::vector<const Line*>& ls, const Speller* sp) {
  std::string t;
  for (const Line* l : ls) t = join_wrapped(t, l->full_text, sp);
  return t;
}

BBox union_box(const std::vector<const Line*>& ls) {
  BBox b{1e18, 1e18, -1e18, -1e18};
  for (const Line* l : ls) {
    b[0] = std::min(b[0], l->x0); b[1] = std::min(b[1], l->y0);
    b[2] = std::max(b[2], l->x1); b[3] = std::max(b[3], l->y1);
  }
  return b;
}

Style style_of(const Line& l) {
  Style s;
  s.size = l.size;
  s.bold = l.bold;
  s.italic = l.italic;
  s.font = l.font;
  return s;
}

// A block under construction.
struct Draft {
  std::vector<const Line*> lines;
  int table = -1, row = 0, cell = 0;  // a table cell: table number on the page, row, column
  bool item = false;
  std::string marker;
  double indent = 0;      // marker position, or text start for drawn bullets
  double text_start = 0;  // where wrapped lines of this block start
  int column = 0;
  int level = 0;
  bool code = false;      // a code listing: lines in a monospaced font
  size_t flowed = SIZE_MAX;  // lines from here on flowed on into the next column
};

// The x of a vertical gutter no line crosses, with lines side by side on both sides.
std::optional<double> find_gutter(const std::vector<const Line*>& ls, double page_w, double em) {
  if (ls.size() < 2) return std::nullopt;
  std::vector<std::pair<double, double>> iv;
  for (const Line* l : ls) iv.push_back({l->x0, l->x1});
  std::sort(iv.begin(), iv.end());
  double best_w = 0, best_g = 0;
  double reach = iv[0].second;
  for (size_t i = 1; i < iv.size(); ++i) {
    double gap = iv[i].first - reach;
    double g = (reach + iv[i].first) / 2;
    if (gap > best_w && g > 0.12 * page_w && g < 0.88 * page_w) { best_w = gap; best_g = g; }
    reach = std::max(reach, iv[i].second);
  }
  if (best_w < 1.2 * em) return std::nullopt;
  double la = 1e18, lb = -1e18, ra = 1e18, rb = -1e18;
  for (const Line* l : ls) {
    if (l->x1 <= best_g) { la = std::min(la, l->y0); lb = std::max(lb, l->y1); }
    else { ra = std::min(ra, l->y0); rb = std::max(rb, l->y1); }
  }
  if (std::min(lb, rb) - std::max(la, ra) <= 0) return std::nullopt;  // one above the other
  return best_g;
}

// Splits lines into regions read one after the other: columns at a vertical gutter, and,
// where full-width lines stand above or below columns, a horizontal cut between them.
void split_columns(std::vector<const Line*> ls, double page_w, double em, int depth,
                   std::vector<std::vector<const Line*>>& out) {
  if (ls.size() < 2 || depth > 4) {
    if (!ls.empty()) out.push_back(std::move(ls));
    return;
  }
  if (auto g = find_gutter(ls, page_w, em)) {
    std::vector<const Line*> left, right;
    for (const Line* l : ls) (l->x1 <= *g ? left : right).push_back(l);
    split_columns(std::move(left), page_w, em, depth + 1, out);
    split_columns(std::move(right), page_w, em, depth + 1, out);
    return;
  }
  // Horizontal cuts (nothing spans them) make bands. A run of bands with a gutter that
  // starts at a band with lines on both sides (columns start together) is a column region;
  // the bands between such runs (full-width paragraphs above, between or below the
  // columns) stay together. Each region is split again (a recursive XY-cut). Lines set
  // with tight leading overlap in their boxes: only the middle half of each counts.
  std::sort(ls.begin(), ls.end(), [](auto* a, auto* b) { return a->y0 < b->y0; });
  auto top = [](const Line* l) { return l->y0 + 0.25 * l->height(); };
  auto bottom = [](const Line* l) { return l->y1 - 0.25 * l->height(); };
  std::vector<std::vector<const Line*>> bands(1);
  double reach = bottom(ls[0]);
  for (const Line* l : ls) {
    if (!bands.back().empty() && top(l) > reach) bands.emplace_back();
    bands.back().push_back(l);
    reach = std::max(reach, bottom(l));
  }
  if (bands.size() < 2) {
    out.push_back(std::move(ls));
    return;
  }
  std::vector<std::vector<const Line*>> regions;
  std::vector<const Line*> pending;
  bool any = false;
  for (size_t i = 0; i < bands.size();) {
    if (!find_gutter(bands[i], page_w, em)) {
      pending.insert(pending.end(), bands[i].begin(), bands[i].end());
      ++i;
      continue;
    }
    std::vector<const Line*> run = bands[i];
    size_t j = i;
    while (j + 1 < bands.size()) {
      auto t = run;
      t.insert(t.end(), bands[j + 1].begin(), bands[j + 1].end());
      if (!find_gutter(t, page_w, em)) break;
      run = std::move(t);
      ++j;
    }
    if (!pending.empty()) regions.push_back(std::move(pending));
    pending.clear();
    regions.push_back(std::move(run));
    any = true;
    i = j + 1;
  }
  if (!pending.empty()) regions.push_back(std::move(pending));
  if (!any) {
    out.push_back(std::move(ls));
    return;
  }
  for (auto& r : regions) split_columns(std::move(r), page_w, em, depth + 1, out);
}

// The physical left and right edges of a line's text (its marker left out).
double text_left(const Line& l) { return !l.marker.empty() && !l.rtl ? l.words.size() > 1 ? l.words[1].x0 : l.x0 : l.x0; }
double text_right(const Line& l) { return !l.marker.empty() && l.rtl ? l.words.size() > 1 ? l.words[1].x1 : l.x1 : l.x1; }

// A list marker's punctuation, its numerals and letters left out: "1." and "2." are "."
std::string marker_shape(const std::string& m) {
  std::string out;
  for (char32_t c : u::decode(m))
    if (!u_isalnum(static_cast<UChar32>(c))) out += u::encode(std::u32string(1, c));
  return out;
}

size_t word_count(const std::string& t) {
  size_t n = 0, cjk = 0;
  bool in = false;
  for (char32_t c : u::decode(t)) {
    if (u::is_cjk(c)) ++cjk;
    bool sp = u::is_space(c);
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n + cjk / 2;  // two ideographs read about as much as a word
}

bool ends_sentence(const std::string& t) {
  std::u32string s = u::decode(t);
  while (!s.empty() && (s.back() == U'"' || s.back() == U')' || s.back() == 0x201D || s.back() == 0x2019 || s.back() == 0xBB ||
                        s.back() == U' '))
    s.pop_back();
  if (s.empty()) return false;
  char32_t c = s.back();
  return c == U'.' || c == U'!' || c == U'?' || c == 0x2026 || c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0x61F ||
         c == 0x6D4;
}

// A letter of a script without case: Chinese, Japanese, Thai, Lao, Khmer, Myanmar, Arabic,
// Hebrew.
bool caseless(char32_t c) { return u::is_cjk(c) || u::no_space_script(c) || (c >= 0x0590 && c <= 0x08FF); }

// Lines x over y read as one wrapped paragraph in a script without letter case, where no
// lower-case start tells: x ends and y starts with such a letter, x is at least 0.9 of
// `widest` (the widest line of its size on the page) and does not end a sentence, and y
// starts where x does (its right edge in right-to-left text).
bool caseless_wrap(const Line& x, const Line& y, double widest) {
  std::u32string a = u::decode(x.text), b = u::decode(y.text);
  // (the lower line may start with a digit, which has no case either: "…国家的" over
  // "1240份答复…")
  if (a.empty() || b.empty() || !caseless(a.back()) || !(caseless(b.front()) || u_isdigit(static_cast<UChar32>(b.front()))))
    return false;
  if (x.x1 - x.x0 < 0.9 * widest || ends_sentence(x.text)) return false;
  double em = std::max(x.size, 1.0);
  // (where its text starts: an item's second line starts under the text, not the bullet)
  // (or, text set flush against its end side, where it ends: right-to-left text flush
  // left, left-to-right text flush right)
  return x.rtl ? std::abs(text_right(x) - y.x1) < 0.5 * em || (std::abs(x.x0 - y.x0) < 0.3 * em && y.x1 < text_right(x) - 0.5 * em)
               : std::abs(text_left(x) - y.x0) < 0.5 * em || (std::abs(x.x1 - y.x1) < 0.3 * em && y.x0 > text_left(x) + 0.5 * em);
}

// A line that is a label and a link ("github： https://github.com/…", "Blog: www.…"): a
// contact or profile line, a block of its own.
bool label_link(const std::string& t) {
  std::u32string u = u::decode(t);
  size_t colon = std::u32string::npos;
  for (size_t k = 0; k < u.size() && k < 24; ++k)
    if (u[k] == U':' || u[k] == 0xFF1A) {
      colon = k;
      break;
    } else if (u::is_space(u[k]) && k > 12) {
      break;
    }
  if (colon == std::u32string::npos || colon == 0) return false;
  std::string rest = u::encode(u.substr(colon + 1));
  size_t k = rest.find_first_not_of(' ');
  if (k == std::string::npos) return false;
  rest = rest.substr(k);
  return rest.rfind("http://", 0) == 0 || rest.rfind("https://", 0) == 0 || rest.rfind("www.", 0) == 0;
}

bool starts_lower(const std::string& t) {
  for (char32_t c : u::decode(t)) {
    if (u_isalpha(static_cast<UChar32>(c))) return u_islower(static_cast<UChar32>(c));
    if (!u::is_space(c) && c != U'(' && c != 0x201E && c != 0x201C && c != U'"') return false;
  }
  return false;
}

// Mostly Thai, Lao, Khmer or Myanmar (scripts written without spaces between words, and
// without case): more than half of its letters.
bool no_space_text(const std::string& t) {
  size_t n = 0, all = 0;
  for (char32_t c : u::decode(t))
    if (u_isalpha(static_cast<UChar32>(c))) {
      ++all;
      n += u::no_space_script(c) ? 1 : 0;
    }
  return n * 2 > all;
}

// Mostly Han or kana: more of its letters than of any other script's.
bool cjk_text(const std::string& t) {
  size_t cjk = 0, other = 0;
  for (char32_t c : u::decode(t))
    if (u_isalpha(static_cast<UChar32>(c))) ++(u::is_cjk(c) ? cjk : other);
  return cjk > other;
}

// Does line `l` continue the block `cur` (no marker of its own)? It must stand right
// under the block's last line, at the block's line pitch (paragraph spacing above it
// starts a new paragraph), in the same size, lined up with the block's text (its left
// edge, its right edge, or its middle: left, right, centred and justified text). Then it
// continues the block when the line above could not have taken its first word (a
// wrapped line), when it starts in lower case (a sentence carried on after a line
// break), or when both lines are prose (three words or more, four in one of them: a
// paragraph whose lines were broken by hand, Shift+Enter; short lines one under the
// other, such as the name, affiliation and event of a title slide, stay apart).
// `box`: the left and right edges of the text around the block (its column's lines near
// it); `page_w`: the page's width (points), the box's right edge where the column shows
// none (the left margin mirrored); `pitch_ref`: the line pitch expected here (the column's
// tightest pitch, at most the deck's wrapped-line pitch for this size); `tightest`, `looser`: the column's tightest
// pitch of this size, and its tightest pitch a quarter em or more looser (0: none).
// The edges of the text box around a block's last line and the line under it, as the
// lines around them show it (points, page space): `first`, `second` its left and right
// edges, the last line's own text included; `others` the width the other lines alone span.
struct TextBox {
  double first = 0, second = 0;
  double others = 0;
  double others_right = 0;  // the other lines' right edge
  bool beside = false;      // text of another column to the right of the two lines, near them
};

bool continues(const Draft& cur, const Line& l, std::optional<TextBox> box, double pitch_ref,
               bool title_slide, double tightest = 0, const std::vector<double>* wrap_pitches = nullptr,
               double item_pitch = 0, double looser = 0, const std::vector<const Line*>* numbered_rows = nullptr,
               double page_w = 0, double page_left = 0) {
  const Line& last = *cur.lines.back();
  // (two rows each with a page number beside it, or their numbers: an agenda's entries and
  // numbers, each its own)
  if (numbered_rows && std::binary_search(numbered_rows->begin(), numbered_rows->end(), &last) &&
      std::binary_search(numbered_rows->begin(), numbered_rows->end(), &l))
    return false;
  const Line& first = *cur.lines.front();
  double size = std::max(l.size, last.size), em = std::max(size, 1.0);
  double h = std::max(last.height(), l.height());
  if (std::abs(l.size - last.size) > 0.15 * size) return false;
  if (label_link(l.text) || label_link(last.text)) return false;
  // (a URL is no sentence carried on: a list of links set apart stays a list)
  const bool link = l.text.rfind("http", 0) == 0 || l.text.rfind("www.", 0) == 0;
  // (a list item's line, then an unmarked line where the item's text starts, closer than
  // the column's items stand to each other by a tenth of an em, however loose the line
  // spacing: the item broken by hand; Impress sets a Persian item's second line 2.65 em
  // under it, two line boxes, its items 2.95 em apart)
  // where the block's text starts: under its first line's text; or, for an item whose number
  // overflowed its hanging indent and touches its text ("vii.TiDB", Impress), at the indent,
  // left of that text and right of the number's start
  auto at_text_start = [&](const Line& x) {
    if (first.rtl) return std::abs(x.x1 - text_right(first)) < 0.3 * em;
    if (std::abs(x.x0 - cur.text_start) < 0.3 * em) return true;
    if (!cur.item || first.marker.empty() || first.words.size() < 2) return false;
    const Word& m = first.words[0];
    return cur.text_start - m.x1 < 0.15 * em && x.x0 > m.x0 + 0.3 * em && x.x0 < cur.text_start;
  };
  {
    double pitch = l.baseline() - last.baseline();
    bool at_text = at_text_start(l);
    if (cur.item && item_pitch > 0 && pitch > 0 && pitch < item_pitch - 0.1 * em && at_text && l.bold == last.bold &&
        !link && l.y0 > last.y1 - 0.5 * h)
      return true;
  }
  // (a tall right-to-left font's line boxes, as the PDF gives them, stand far apart at loose
  // spacing: Impress sets Noto Sans Arabic at 1.5 lines 3.16 em apart, its boxes 1.3 em
  // tall; a line of three words or more that ends no sentence goes on to the rules below)
  const bool tall_gap = direction::count_utf8(first.text).mostly_rtl() &&
                        l.baseline() - last.baseline() < 3.3 * em && word_count(last.text) >= 3 && !ends_sentence(last.text);
  // (nor, in Chinese or Japanese, a long line ending no sentence over a line that goes on
  // letter to letter at one of the column's certain wraps' pitches: TeX at \linespread{1.6}
  // sets CJK lines 2 em apart, their boxes 1 em tall)
  bool at_wrap_pitch = false;
  if (wrap_pitches && cjk_text(last.text) && !ends_sentence(last.text) && u::decode(last.text).size() >= 10) {
    std::u32string a = u::decode(last.text), b = u::decode(l.text);
    if (!a.empty() && !b.empty() && u::is_cjk(a.back()) && u_isalpha(static_cast<UChar32>(a.back())) &&
        (u::is_cjk(b.front()) || u_isdigit(static_cast<UChar32>(b.front()))))
      for (double wp : *wrap_pitches) at_wrap_pitch = at_wrap_pitch || std::abs(l.baseline() - last.baseline() - wp) < 0.1 * em;
  }
  if ((l.y0 - last.y1 > 0.9 * h && !tall_gap && !at_wrap_pitch) || l.y0 - last.y1 < -0.5 * h) return false;
  // vertical: the block's own pitch once it has two lines, else the reference
  double pitch = l.baseline() - last.baseline();
  double ref = cur.lines.size() >= 2 ? std::min(pitch_ref * 1.6, last.baseline() - cur.lines[cur.lines.size() - 2]->baseline())
                                     : pitch_ref;
  // (right-to-left text: no tighter than its own line boxes, which Arabic fonts make tall,
  // 2.2 em for Noto Naskh Arabic: cairo sets a wrapped Persian line 2.4 em under the one
  // above, where 1.2 em is expected of the deck without pairs to measure; where the
  // column never sets two lines of this size closer than their boxes: TeX sets lines by
  // its baseline skip, closer than a tall font's boxes)
  double box_h = std::min(last.height(), l.height());
  // (right-to-left text, whichever way its paragraph runs; a left-to-right paragraph's
  // items in a tall right-to-left font measure their pitch as right-to-left ones do)
  const bool rtl_text = first.rtl || direction::count_utf8(first.text).mostly_rtl();
  // (and where the column's lines of this size stand at two pitches a quarter em apart or
  // more, `looser` the second, the tighter is the line pitch of its tall font: Impress sets
  // Noto Naskh Arabic lines broken by hand 2.19 em apart, its paragraphs 3.08 em)
  // (so too a left-to-right paragraph of right-to-left text in such a column: Impress sets
  // a Persian paragraph broken by hand 1.76 em under its first line, its paragraphs 2.57 em
  // apart; and a pitch nearer the looser than the tighter is a paragraph's, however little
  // over the tighter: 6 pt spacing at 24 pt)
  const bool two_pitches = (first.rtl || rtl_text) && looser > 0 && tightest >= 0.95 * box_h;
  // (Thai, Lao, Khmer, Myanmar text too, in its tall fonts: Garuda's line box is 1.9 em,
  // cairo sets its wrapped lines 2.06 em apart at single spacing; but not the looser pitch
  // rule, as Pango's line spacing widens a paragraph's own lines and not the step to the
  // next paragraph, where Impress widens both)
  const bool unspaced_script = no_space_text(first.text);
  if ((first.rtl || (rtl_text && cur.item) || two_pitches || unspaced_script) && tightest >= 0.95 * box_h)
    ref = std::max({ref, box_h, looser > 0 && !unspaced_script ? tightest : 0.0});
  bool spaced = pitch > ref + 0.25 * em;
  if (two_pitches && pitch > (tightest + looser) / 2) spaced = true;
  // (a pitch within 0.1 em of a certain wrap's in the same column is the box's line
  // pitch, however loose: paragraphs set at it have no spacing between them)
  bool wrap_pitch = false;
  if (spaced && wrap_pitches)
    for (double wp : *wrap_pitches) wrap_pitch = wrap_pitch || std::abs(pitch - wp) < 0.1 * em;
  // (a list item's first line in a script without case, wrapped: the line under it starts
  // where the item's text does and the first line fills the box; its pitch is the line
  // spacing, however loose, where the deck gives no measure of its own: a Chinese deck)
  if (spaced && cur.item && cur.lines.size() == 1 && pitch < 2.5 * em && box &&
      at_text_start(l) && caseless_wrap(last, l, 0.95 * (box->second - box->first)))
    spaced = false;
  // lined up with the block's text
  double tol = 0.6 * em;
  double bl = text_left(first), br = text_right(first);
  for (size_t k = 1; k < cur.lines.size(); ++k) {
    bl = std::min(bl, cur.lines[k]->x0);
    br = std::max(br, cur.lines[k]->x1);
  }
  bool left = std::abs(l.x0 - bl) < tol, right = std::abs(l.x1 - br) < tol || std::abs(l.x1 - last.x1) < tol;
  bool centre = std::abs((l.x0 + l.x1) / 2 - (text_left(last) + text_right(last)) / 2) < tol &&
                std::abs((text_left(first) + text_right(first)) / 2 - (l.x0 + l.x1) / 2) < 1.5 * tol;
  // a right-to-left line's text starts on the right; a left-to-right line's on the left
  bool rtl_block = first.rtl;
  // (a left-to-right paragraph set flush right, as PPTX exports leave Arabic text whose
  // paragraphs kept rtl="0": its lines share their right edge, the lower one shorter)
  bool flush_right = right && l.x0 > text_left(first) + 0.5 * em && std::abs(text_right(first) - l.x1) < tol;
  // a hanging indent after a lead-in ("Ziel: Sicherstellung der Korrektheit /" over
  // "Unversehrtheit von Daten"): the line starts where the first line's second word does
  bool hanging = false;
  if (!rtl_block) {
    size_t k0 = first.marker.empty() ? 0 : 1;
    if (first.words.size() >= k0 + 2) {
      double hx = first.words[k0 + 1].x0;
      hanging = hx > text_left(first) + 0.5 * em && std::abs(l.x0 - hx) < 0.2 * em &&
                (cur.lines.size() == 1 || std::abs(last.x0 - hx) < 0.2 * em);
    }
  }
  // (right-to-left text set flush left: Impress's "end" alignment in a right-to-left
  // paragraph; its lines share their left edge, their starts ragged)
  bool aligned = rtl_block ? (right || centre || (left && std::abs(l.x1 - last.x1) < 4 * em) ||
                              (left && std::abs(text_left(first) - l.x0) < 0.3 * em && std::abs(last.x0 - l.x0) < 0.3 * em))
                           : (left || centre || hanging || (right && std::abs(l.x0 - text_left(last)) < 4 * em) ||
                              (right && !cur.item) || flush_right);
  if (!aligned) return false;
  // the first word of `l` (logical order), and whether it would have fitted above
  const Word& fw = l.words[l.marker.empty() ? 0 : std::min<size_t>(1, l.words.size() - 1)];
  double w = fw.x1 - fw.x0;
  double last_w = text_right(last) - text_left(last);
  // (a centred line gives no measure of its box, nor a box with no other line: a wrap is
  // then told by the words alone)
  bool edge_aligned = rtl_block ? right : left;
  bool full = box && edge_aligned && last_w + 0.3 * em + w > (box->second - box->first) - 0.3 * em;
  bool lower = starts_lower(l.text);
  // prose: the paragraph so far and the new line are made of words, not short labels
  size_t wa = 0, wb = word_count(l.text);
  for (const Line* x : cur.lines) wa += word_count(x->text);
  bool prose = (wa >= 4 && wb >= 3) || (wa >= 3 && wb >= 4);
  // (Chinese and Japanese: a line of eight ideographs or more, not ending a sentence)
  bool cjk_prose = false;
  {
    std::u32string a = u::decode(last.text), b = u::decode(l.text);
    size_t ca = std::count_if(a.begin(), a.end(), [](char32_t c) { return u::is_cjk(c); });
    size_t cb = std::count_if(b.begin(), b.end(), [](char32_t c) { return u::is_cjk(c); });
    cjk_prose = ca >= 8 && cb >= 2 && !ends_sentence(last.text);
    if (ca + cb > 0) prose = false;
  }
  // the letters the two lines meet at: the upper line's last, the lower line's first
  const std::u32string ua = u::decode(last.text), ub = u::decode(l.text);
  auto rtl_letter = [](char32_t c) { return c >= 0x0590 && c <= 0x08FF; };
  const bool rtl_meet = !ua.empty() && !ub.empty() && rtl_letter(ua.back()) && rtl_letter(ub.front());
  const bool caseless_meet = !ua.empty() && !ub.empty() && caseless(ua.back()) && caseless(ub.front());
  // paragraph spacing above it; but a line starting in lower case carries a sentence on
  // (a box set with loose line spacing)
  // (in right-to-left text, without case, a first line that fills its box and does not end
  // a sentence does the same: its next word did not fit; cairo sets Hebrew 1.5 em apart
  // where 1.2 em is assumed of a deck with too few wrapped lines in lower case to measure;
  // a box the other lines show nearly as wide: the page's widest line fills no box by
  // being the widest)
  if (spaced && full && !lower && rtl_text && !ends_sentence(last.text) && cur.lines.size() == 1 && box &&
      last_w > 0.8 * (std::max(box->second, l.x1) - std::min(box->first, l.x0)) && pitch < 1.6 * ref && rtl_meet &&
      box->others >= 0.8 * last_w)
    return true;
  // (a right-to-left paragraph's long first line, six words or more, not ending its
  // sentence, over a much shorter line that ends one: its last words, wrapped at a tall
  // font's pitch, up to 2.6 em (Impress sets Noto Naskh Arabic 2.33 em apart, cairo 1.8
  // em); no box of other lines to measure, or one it nearly fills)
  if (spaced && rtl_text && cur.lines.size() == 1 && !ends_sentence(last.text) && ends_sentence(l.text) &&
      pitch < 2.6 * em && word_count(last.text) >= 6 && l.x1 - l.x0 < 0.8 * (last.x1 - last.x0) &&
      (!box || last_w > 0.85 * (box->second - box->first)) && rtl_meet)
    return true;
  // (likewise a list item's first line in a script without case, set centred or flush
  // with the item's text, that fills its box: Impress centres a Persian item wrapped 1.74
  // em under it)
  if (spaced && cur.item && cur.lines.size() == 1 && pitch < 2.5 * em && box && !ends_sentence(last.text) &&
      last_w + 0.3 * em + w > (box->second - box->first) - 0.3 * em && last_w > 0.9 * (box->second - box->first) &&
      caseless_meet)
    return true;
  // (a full line not ending a sentence, the next starting in lower case: a wrap, however
  // loose the line spacing; cairo and Impress set lines 2.04 em apart at 1.5 line
  // spacing, further than the paragraphs of the same box)
  // (Thai, Lao, Khmer, Myanmar: no case and no sentence stops to tell a wrap by; a first line
  // set flush left that fills its box, less than 1.2 em short of the other lines' right
  // edge (or, with no other line reaching as far, of the left margin mirrored), where the
  // next line's first unit would not have fitted, at the column's tightest pitch or within a
  // quarter em of it and under 1.6 of its line boxes (2.0 against the mirrored margin): a
  // paragraph's last words wrapped at loose spacing)
  if (spaced && unspaced_script && caseless_meet && !ends_sentence(last.text) && pitch < 2.0 * box_h && !rtl_block &&
      std::abs(l.x0 - text_left(first)) < 0.3 * em && !(tightest > 0 && pitch > tightest + 0.25 * em)) {
    // (the other lines shorter than it: the box is the page's, its margins alike)
    double mirror = page_w > 0 ? page_w - text_left(first) : 0;
    const bool by_others = box && box->others_right > text_right(last) - 0.3 * em;
    double edge = by_others ? box->others_right : mirror;
    double room = edge - text_right(last);
    // (an edge shown only by another line further right is a box's where other text stands
    // to the right (a column), or where it spans 0.6 of the mirrored margins' width or more
    // and the line reaches it within 0.2 em or the mirrored margin agrees; else it is
    // another paragraph's end: Impress sets one-line Thai paragraphs 0.36 em apart in
    // length, at the pitch of a wrap, and short ones a third of the page wide end together)
    const double span = mirror > text_left(first) ? (edge - text_left(first)) / (mirror - text_left(first)) : 0;
    if (by_others && !(box->beside || (span >= 0.6 && (room < 0.2 * em || mirror - text_right(last) < 1.2 * em))))
      edge = 0;
    // (up to 2.0 of the line boxes apart against the mirrored margin, Impress setting
    // Garuda at 1.3 lines 1.88 of them apart; against another line's end, 1.6)
    if (by_others && pitch >= 1.6 * box_h) edge = 0;
    if (edge > 0 && room > -0.3 * em && room < 1.2 * em && first_unit_width(l) > room - 0.3 * em) return true;
  }
  // (the same, for a first line set centred that fills the page's box (its margins those of
  // the page's text not centred, mirrored): the line under it centred under it, and
  // shorter; room for the next unit on both sides, 2.4 em in all: Impress centres a Thai
  // paragraph's last word "หนึ่ง" under a line 0.2 em short of both margins, at the column's
  // tightest pitch, 1.44 of its line boxes) (not a line flush right: a one-line paragraph
  // that fills the box by chance, over one flush right at the same pitch, tried)
  if (spaced && unspaced_script && caseless_meet && !ends_sentence(last.text) && pitch < 2.0 * box_h && !rtl_block &&
      cur.lines.size() == 1 && page_w > 0 && page_left > 0 && !(tightest > 0 && pitch > tightest + 0.25 * em) &&
      l.x1 - l.x0 < last.x1 - last.x0) {
    const double box_r = page_w - page_left;
    const double lc = (l.x0 + l.x1) / 2, tc = (text_left(last) + text_right(last)) / 2;
    const bool cen = std::abs(lc - tc) < 0.3 * em && l.x0 > text_left(last) + 1.0 * em;
    const double room = 2 * (box_r - text_right(last));
    if (cen && room > -0.3 * em && room < 2.4 * em && first_unit_width(l) > room - 0.3 * em) return true;
  }
  if (spaced && full && lower && !ends_sentence(last.text) && pitch < 2.4 * em && !link) return true;
  // (a list item's line, then an unmarked line where the item's text starts, under 1.9
  // em below, or under 1.6 of their line boxes in a tall font: the item broken by hand
  // (Shift+Enter) or wrapped, at loose line spacing, up to 1.5; an unmarked paragraph in
  // a list stands where the markers do) (cairo sets Noto Sans Arabic at 1.3 line spacing
  // 2.47 em apart, the items of the same box 1.9 em: Pango ends a paragraph at its last
  // line's own height)
  // (Thai and its kind, 2.2 of their boxes: Impress sets Garuda at 1.5 lines 1.88 of the
  // boxes Poppler gives it apart, its line height taller than their ascent and descent)
  if (spaced && cur.item && pitch < std::max(1.9 * em, (unspaced_script ? 2.2 : 1.6) * box_h) &&
      at_text_start(l) &&
      l.bold == last.bold && !link)
    return true;
  if (spaced && !wrap_pitch) return lower && pitch < 1.6 * ref && !link;
  // (on a title slide, not a short line of capitalised words under the subtitle: a byline,
  // "María José Ruiz")
  bool byline = false;
  if (title_slide && word_count(l.text) <= 4) {
    byline = true;
    bool start = true;
    for (char32_t c : ub) {
      if (u::is_space(c)) { start = true; continue; }
      if (start && !u_isupper(static_cast<UChar32>(c))) byline = false;
      start = false;
    }
  }
  if (full || lower || (prose && !byline) || cjk_prose || hanging) return true;
  // no paragraph spacing between them, same style: one paragraph broken by hand
  // (Shift+Enter), as readers take it; not on a title slide, whose lines under the title
  // (subtitle, author, event) are each their own
  return !title_slide && l.bold == last.bold && l.italic == last.italic;
}

// A table: lines set in a grid of at least two rows of two cells or more, without markers.
struct TableDraft {
  std::vector<std::vector<std::vector<const Line*>>> cells;  // [row][column] -> lines
  double y0 = 0;
};

// Tables among the page's unmarked horizontal lines (rule 6). Rows are lines side by side
// (their middles within 0.4 of a line height); the first row with two cells or more sets
// the columns (each the span of its cells); a row continues the table when it comes within
// 2.5 em of the row above and each of its fragments falls in one column; a line closer
// than half a line height below a cell continues that cell (a wrapped cell), unless a rule
// is drawn between them across both (`rules`: a row rule, a row band's edge). A table has two
// rows of two cells or more (three rows when it has two columns: two boxes side by side are
// no table), and two columns of prose (lines that fill their column) are none. Found
// tables' lines leave `ls`.
// Is a rule drawn between heights `above` and `below` (points, y down), across x0..x1
// (a point of slack at each end)?
bool rule_between(const std::vector<HRule>& rules, double above, double below, double x0, double x1) {
  return std::any_of(rules.begin(), rules.end(),
                     [&](const HRule& r) { return r.y > above && r.y < below && r.x0 <= x0 + 1 && r.x1 >= x1 - 1; });
}

std::vector<TableDraft> find_tables(std::vector<const Line*>& ls, double em, bool skip_code,
                                    const std::vector<HRule>& rules = {}) {
  // rows of every horizontal line: a row with a list item in it is no table row and ends
  // a table (a row of headings above bulleted columns is no table)
  auto marked = [](const Line* l) { return !l->marker.empty() || l->ink_before.value_or(false); };
  std::vector<const Line*> cand;
  for (const Line* l : ls)
    if (!l->rotated && !(skip_code && l->mono)) cand.push_back(l);  // code lines up by itself
  std::sort(cand.begin(), cand.end(), [](auto* a, auto* b) { return a->yc() < b->yc(); });
  std::vector<std::vector<const Line*>> rows;
  for (const Line* l : cand) {
    if (!rows.empty()) {
      const Line* f = rows.back().front();
      if (std::abs(l->yc() - f->yc()) < 0.4 * std::min(l->height(), f->height())) {
        rows.back().push_back(l);
        continue;
      }
    }
    rows.push_back({l});
  }
  for (auto& r : rows) std::sort(r.begin(), r.end(), [](auto* a, auto* b) { return a->x0 < b->x0; });
  auto top = [](const std::vector<const Line*>& r) {
    double y = 1e18;
    for (auto* l : r) y = std::min(y, l->y0);
    return y;
  };
  auto bottom = [](const std::vector<const Line*>& r) {
    double y = -1e18;
    for (auto* l : r) y = std::max(y, l->y1);
    return y;
  };
  std::vector<TableDraft> out;
  std::set<const Line*> taken;
  size_t i = 0;
  auto has_item = [&](const std::vector<const Line*>& r) { return std::any_of(r.begin(), r.end(), marked); };
  while (i < rows.size()) {
    if (rows[i].size() < 2 || has_item(rows[i])) { ++i; continue; }
    std::vector<std::pair<double, double>> span;  // per column: x0, x1
    for (auto* l : rows[i]) span.push_back({l->x0, l->x1});
    bool disjoint = true;
    for (size_t k = 1; k < span.size(); ++k) disjoint = disjoint && span[k].first > span[k - 1].second;
    if (!disjoint) { ++i; continue; }
    double tol = std::max(0.6 * em, 4.0);
    // the column a fragment falls in: between its column's start and the next one's, or,
    // for cells aligned right or centred (numbers), overlapping its column's span and no
    // other's
    auto column_of = [&](const Line* l) -> int {
      int found = -1;
      for (size_t k = 0; k < span.size(); ++k) {
        double lo = span[k].first - tol, hi = k + 1 < span.size() ? span[k + 1].first - tol : 1e18;
        bool in = l->x0 >= lo && l->x1 <= hi;
        if (in) found = static_cast<int>(k);
      }
      if (found >= 0) return found;
      int over = -1;
      for (size_t k = 0; k < span.size(); ++k) {
        double ov = std::min(l->x1, span[k].second) - std::max(l->x0, span[k].first);
        if (ov > 0) {
          if (over >= 0) return -1;  // across two columns
          over = static_cast<int>(k);
        }
      }
      if (over >= 0 && (over == 0 || l->x0 > span[static_cast<size_t>(over) - 1].second) &&
          (over + 1 == static_cast<int>(span.size()) || l->x1 < span[static_cast<size_t>(over) + 1].first))
        return over;
      return -1;
    };
    TableDraft t;
    t.y0 = top(rows[i]);
    t.cells.emplace_back(span.size());
    for (size_t k = 0; k < rows[i].size(); ++k) t.cells.back()[k].push_back(rows[i][k]);
    size_t multi = 1;
    double last_bottom = bottom(rows[i]);
    size_t j = i + 1;
    for (; j < rows.size(); ++j) {
      const auto& r = rows[j];
      if (has_item(r)) break;
      double h = 0;
      for (auto* l : r) h = std::max(h, l->height());
      double gap = top(r) - last_bottom;
      if (gap > 2.5 * em) break;
      std::vector<int> cols;
      for (auto* l : r) cols.push_back(column_of(l));
      // (the row under a bold header row, its first cell left of every column of the
      // header, its others in them: the table's first column, whose header cell is empty,
      // a header row over row labels)
      auto bold_row = [&]() {  // (of words: circled numbers over a diagram are none)
        for (auto& c : t.cells.front())
          for (auto* l : c) {
            auto txt = u::decode(l->text);
            if (!l->bold || std::none_of(txt.begin(), txt.end(), [](char32_t ch) { return u_isalpha(static_cast<UChar32>(ch)); }))
              return false;
          }
        return true;
      };
      if (t.cells.size() == 1 && r.size() >= 2 && cols[0] < 0 && r[0]->x1 < span[0].first - tol && bold_row() &&
          std::all_of(cols.begin() + 1, cols.end(), [](int c) { return c >= 0; })) {
        span.insert(span.begin(), {r[0]->x0, r[0]->x1});
        for (auto& row : t.cells) row.insert(row.begin(), std::vector<const Line*>{});
        for (auto& c : cols) ++c;
        cols[0] = 0;
      }
      if (std::any_of(cols.begin(), cols.end(), [](int c) { return c < 0; })) break;
      std::set<int> distinct(cols.begin(), cols.end());
      if (distinct.size() != cols.size()) break;
      // a line close under a row continues its cells (wrapped cells), unless it fills as
      // many cells as the row did: a new row of a table set with tight leading
      size_t filled = std::count_if(t.cells.back().begin(), t.cells.back().end(), [](auto& c) { return !c.empty(); });
      bool wrap = gap < 0.5 * h && r.size() < filled;
      // ... a rule between a line and the cell above it (or the row above, for an empty
      // cell), running across both, between their middles, makes it a row of its own
      auto ruled = [&](const Line* below, const std::vector<const Line*>& cell) {
        const Line* up = nullptr;
        for (auto* c : cell) if (!up || c->y1 > up->y1) up = c;
        double ux0 = below->x0, ux1 = below->x1, uy = -1e18;
        if (up) { ux0 = std::min(ux0, up->x0); ux1 = std::max(ux1, up->x1); uy = up->yc(); }
        else for (auto& c : t.cells.back()) for (auto* l : c) uy = std::max(uy, l->yc());
        return rule_between(rules, uy, below->yc(), ux0, ux1);
      };
      if (wrap && !rules.empty())
        for (size_t k = 0; k < r.size() && wrap; ++k)
          if (ruled(r[k], t.cells.back()[static_cast<size_t>(cols[k])])) wrap = false;
      if (wrap) {
        for (size_t k = 0; k < r.size(); ++k) {
          auto& cell = t.cells.back()[static_cast<size_t>(cols[k])];
          cell.push_back(r[k]);
        }
      } else {
        if (r.size() < 2 && multi < 2) break;  // a paragraph under a single row: no table
        t.cells.emplace_back(span.size());
        for (size_t k = 0; k < r.size(); ++k) t.cells.back()[static_cast<size_t>(cols[k])].push_back(r[k]);
        if (r.size() >= 2) ++multi;
      }
      for (size_t k = 0; k < r.size(); ++k) {
        auto& sp = span[static_cast<size_t>(cols[k])];
        sp.first = std::min(sp.first, r[k]->x0);
        sp.second = std::max(sp.second, r[k]->x1);
      }
      last_bottom = std::max(last_bottom, bottom(r));
    }
    // drop trailing rows with one cell (a paragraph below the table)
    while (t.cells.size() > 1) {
      size_t filled = std::count_if(t.cells.back().begin(), t.cells.back().end(), [](auto& c) { return !c.empty(); });
      if (filled >= 2) break;
      t.cells.pop_back();
    }
    size_t full_rows = 0;
    for (auto& row : t.cells)
      if (std::count_if(row.begin(), row.end(), [](auto& c) { return !c.empty(); }) >= 2) ++full_rows;
    // Prose in two columns: the left column's lines fill it up to the gutter.
    bool prose = false;
    if (span.size() == 2) {
      size_t full = 0, n = 0;
      for (auto& row : t.cells)
        for (auto* l : row[0]) {
          ++n;
          if (l->x1 - span[0].first > 0.8 * (span[1].first - span[0].first)) ++full;
        }
      prose = n > 0 && full * 2 > n;
    }
    // Prose in columns side by side (cards, text boxes): in some column, the text carries
    // on from row to row as one paragraph (a line of words, and under it one starting in
    // lower case) more than rarely; a table's cells do not run into each other.
    {
      size_t runs_on = 0, steps = 0;
      for (size_t r = 1; r < t.cells.size(); ++r)
        for (size_t k = 0; k < t.cells[r].size(); ++k) {
          if (t.cells[r][k].empty() || t.cells[r - 1][k].empty()) continue;
          ++steps;
          const std::string& up = t.cells[r - 1][k].back()->text;
          const std::string& down = t.cells[r][k].front()->text;
          if (starts_lower(down) && !ends_sentence(up) && word_count(up) >= 3 && word_count(down) >= 2) ++runs_on;
        }
      if (runs_on >= 2 && runs_on * 5 >= steps) prose = true;
    }
    // Two columns are a table only with a third row and a sign of one: a header row (bold
    // over regular rows) or a right column of numbers. Otherwise they are two boxes or a
    // list in two columns, read column by column.
    bool two_col_table = true;
    if (span.size() == 2) {
      bool header = !t.cells.empty() && !t.cells[0][0].empty() && !t.cells[0][1].empty() &&
                    t.cells[0][0].front()->bold && t.cells[0][1].front()->bold;
      size_t regular = 0, numbers = 0, right = 0, left_numbers = 0, left = 0, rtl_right = 0;
      static const std::regex number(R"(^[-+−(]?[$€£¥]?\s*\d[\d\s.,'’]*\s*(%|[$€£¥]|[A-Za-z]{1,3})?[)]?$)");
      for (size_t r = 1; r < t.cells.size(); ++r) {
        for (auto& c : t.cells[r])
          for (auto* l : c) regular += !l->bold;
        if (!t.cells[r][1].empty()) {
          ++right;
          numbers += t.cells[r][1].front()->text.size() <= short_text && std::regex_match(t.cells[r][1].front()->text, number);
          rtl_right += t.cells[r][1].front()->rtl;
        }
        if (!t.cells[r][0].empty()) {
          ++left;
          left_numbers += t.cells[r][0].front()->text.size() <= short_text && std::regex_match(t.cells[r][0].front()->text, number);
        }
      }
      header = header && regular > 0;
      // (the column of numbers on the left when the text reads right to left: an Arabic
      // agenda's pages)
      bool rtl_numbers = rtl_right * 2 > right && left > 0 && left_numbers * 2 >= left;
      // (or rules drawn between all its rows, across both columns: a ruled grid)
      bool ruled = t.cells.size() >= 3;
      for (size_t r = 1; r < t.cells.size() && ruled; ++r) {
        double above = -1e18, below = 1e18;
        for (auto& c : t.cells[r - 1]) for (auto* l : c) above = std::max(above, l->yc());
        for (auto& c : t.cells[r]) for (auto* l : c) below = std::min(below, l->yc());
        ruled = rule_between(rules, above, below, span[0].first, span[1].second);
      }
      two_col_table = full_rows >= 3 && (header || (right > 0 && numbers * 2 >= right) || rtl_numbers || ruled);
    }
    if (full_rows >= 2 && two_col_table && !prose) {
      for (auto& row : t.cells)
        for (auto& c : row)
          for (auto* l : c) taken.insert(l);
      out.push_back(std::move(t));
      i = j;
    } else {
      ++i;
    }
  }
  if (!taken.empty()) ls.erase(std::remove_if(ls.begin(), ls.end(), [&](auto* l) { return taken.count(l) > 0; }), ls.end());
  return out;
}

std::string lower(std::string s);

}  // namespace

std::vector<GarbledFont> garbled_fonts(const std::vector<PageLines>& pages) {
  // Characters a garbled ToUnicode map produces: CJK Extension A (rare ideographs in place
  // of common kana and kanji), Braille, Yi, Latin Extended-B; ASCII punctuation that
  // stands inside a Latin word ("$NN+]YQEsp<Yk<jQ][" for "Off-Policy Evaluation").
  auto odd_char = [](char32_t c) {
    return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x2800 && c <= 0x28FF) || (c >= 0xA000 && c <= 0xA4CF);
  };
  auto inner_punct = [](char32_t c) { return c == '$' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}' || c == '|' || c == '\\' || c == '^' || c == '`' || c == '~'; };
  std::map<std::string, GarbledFont> by_font;
  for (const auto& p : pages)
    for (const auto& l : p.lines)
      for (const auto& w : l.words) {
        std::u32string t = u::decode(w.text);
        GarbledFont& g = by_font[w.font];
        if (g.chars == 0) { g.font = w.font; g.first_page = p.page; }
        // a Latin word with punctuation between letters twice and a switch from lower to
        // upper case ("YQEsp<Yk<jQ"); code ("std::vector<int>", "getElementById") has not both
        size_t letters = 0, punct = 0, ups = 0;
        char32_t prev_letter = 0;
        auto lower = [](char32_t c) { return c >= 'a' && c <= 'z'; };
        auto upper = [](char32_t c) { return c >= 'A' && c <= 'Z'; };
        for (size_t k = 0; k < t.size(); ++k) {
          char32_t c = t[k];
          if (u::is_space(c)) continue;
          ++g.chars;
          if (odd_char(c)) ++g.odd;
          if (lower(c) || upper(c)) {
            ++letters;
            if (lower(prev_letter) && upper(c)) ++ups;
            prev_letter = c;
          }
          if (inner_punct(c) && k > 0 && k + 1 < t.size() && (lower(t[k - 1]) || upper(t[k - 1])) &&
              (lower(t[k + 1]) || upper(t[k + 1])))
            ++punct;
        }
        if (punct >= 2 && ups >= 1) g.odd += letters + punct;
      }
  std::vector<GarbledFont> out;
  for (auto& [f, g] : by_font)
    if (g.chars >= 20 && g.odd * 5 >= g.chars) out.push_back(g);
  return out;
}

bool placeholder_title(const std::string& title) {
  std::string t = lower(u::collapse_spaces(title));
  if (t.empty()) return true;
  // (no regular expression: a document title can be any length, and std::regex recursed
  // once per character of it; issue 20)
  // a tool's name or a file name
  {
    size_t dot = t.rfind('.');
    if (dot != std::string::npos && t.find('\n') == std::string::npos) {
      static const std::set<std::string> exts = {"ppt", "pptx", "pps", "ppsx", "pot", "potx", "key", "odp", "pdf",
                                                 "doc", "docx", "htm", "html", "tex", "md", "indd"};
      if (exts.count(t.substr(dot + 1))) return true;
    }
  }
  for (const char* tool : {"powerpoint", "microsoft word", "google slides"})
    if (t.find(tool) != std::string::npos) return true;
  // "Untitled", "Presentation1", "Slide 1", in the languages of the samples and corpus
  // (t is lower case in ASCII only: Cyrillic capitals are listed)
  static const std::set<std::string> exact = {
      "untitled", "untitled presentation", "untitled document", "keynote", "title", "titre", "sans titre", "unbenannt",
      "без названия", "Без названия", "无标题", "未命名", "无标题演示文稿", "タイトルなし", "無題", "بدون عنوان",
      "ללא כותרת", "sin titulo", "sin título", "senza titolo", "bez názvu"};
  // these may be followed by a number, with or without a space: "Presentation1", "Slide 3"
  static const std::set<std::string> numbered = {"presentation", "slide", "présentation", "präsentation", "folie",
                                                 "презентация", "Презентация", "プレゼンテーション", "prezentace"};
  if (exact.count(t)) return true;
  size_t end = t.size();
  while (end > 0 && t[end - 1] >= '0' && t[end - 1] <= '9') --end;
  if (end > 0 && t[end - 1] == ' ') --end;
  return numbered.count(t.substr(0, end)) > 0;
}

namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}


// A build step from any producer (Keynote, PowerPoint animations printed as steps, Beamer
// without frame labels): every text of page `a` (its title and blocks) is on page `b` too,
// with the same text at the same place, and `b` has more. Issue 8, point 4.
bool is_build_step_of(const Slide& a, const Slide& b) {
  struct Item {
    const std::string* text;
    const BBox* box;
  };
  auto items = [](const Slide& s) {
    std::vector<Item> v;
    if (!s.title.empty()) v.push_back({&s.title, &s.title_bbox});
    for (const auto& bl : s.blocks)
      if (!bl.text.empty()) v.push_back({&bl.text, &bl.bbox});
    return v;
  };
  auto ia = items(a), ib = items(b);
  if (ia.empty() || ib.size() <= ia.size()) return false;
  double tol = 0.02 * std::max(1.0, std::max(b.size[0], b.size[1]));
  for (const auto& x : ia) {
    bool found = false;
    for (const auto& y : ib)
      if (*x.text == *y.text && std::abs((*x.box)[0] - (*y.box)[0]) <= tol && std::abs((*x.box)[1] - (*y.box)[1]) <= tol) {
        found = true;
        break;
      }
    if (!found) return false;
  }
  return true;
}

}  // namespace

namespace {
// What kind of furniture a line find_furniture() marked is, for the slide's record.
Dropped furniture_record(const PageLines& p, const Line& l) {
  const char* kind = l.rotated                                                              ? "watermark"
                     : is_counter(digits_ascii(l.full_text)) || is_page_number(digits_ascii(l.full_text)) ? "page-number"
                     : l.yc() < p.height / 2                                                 ? "running-header"
                                                                                             : "footer";
  return {l.full_text, "furniture", kind, {l.x0, l.y0, l.x1, l.y1}};
}
}  // namespace

std::vector<std::vector<bool>> find_furniture(const std::vector<PageLines>& pages, bool page_extents) {
  std::vector<std::vector<bool>> out(pages.size());
  const Bands bands = bands_of(pages);
  std::map<std::string, std::set<size_t>> seen;  // signature -> pages
  // (the same text, digits masked, in the same band, its start, middle or end at the same
  // place: a page number set flush right grows to the left from "9" to "10"; each anchor
  // in twentieths of the page's width on two grids half a twentieth apart, so that two
  // lines under a fortieth apart share a cell of one of them)
  auto sigs = [](const PageLines& p, const Line& l) {
    std::array<std::string, 6> out;
    const std::string base = mask_digits(digits_ascii(l.full_text)) + "|" + (l.yc() < p.height / 2 ? "T" : "B") + "|";
    const double xs[3] = {l.x0, (l.x0 + l.x1) / 2, l.x1};
    for (int a = 0; a < 3; ++a)
      for (int g = 0; g < 2; ++g)
        out[static_cast<size_t>(a * 2 + g)] =
            base + static_cast<char>('a' + a * 2 + g) +
            std::to_string(static_cast<long>(std::floor(xs[a] / std::max(p.width, 1.0) * 20 + 0.5 * g)));
    return out;
  };
  // Rotated or slanted text (side labels, watermarks) repeated at the same place on the
  // page, in page-relative units, is furniture wherever it stands and whatever its size.
  auto rsig = [](const PageLines& p, const Line& l) {
    std::ostringstream s;
    s << "R|" << mask_digits(digits_ascii(l.full_text)) << "|" << static_cast<int>(std::round((l.x0 + l.x1) / 2 / std::max(p.width, 1.0) * 20))
      << "|" << static_cast<int>(std::round((l.y0 + l.y1) / 2 / std::max(p.height, 1.0) * 20));
    return s.str();
  };
  // A page counter ("2/49", "2 of 49") repeated at the same place (page-relative) is
  // furniture wherever it stands: some producers put it above the bottom band, in body-size
  // type.
  auto csig = [](const PageLines& p, const Line& l) {
    std::ostringstream s;
    s << "C|" << mask_digits(digits_ascii(l.full_text)) << "|" << static_cast<int>(std::round((l.x0 + l.x1) / 2 / std::max(p.width, 1.0) * 20))
      << "|" << static_cast<int>(std::round(l.yc() / std::max(p.height, 1.0) * 20));
    return s.str();
  };
  std::vector<std::pair<double, double>> own(pages.size(), {0, 0});
  for (size_t i = 0; i < pages.size() && page_extents; ++i) {
    double t = 1e18, b = -1e18;
    for (const auto& l : pages[i].lines) t = std::min(t, l.y0), b = std::max(b, l.y1);
    if (b > t) own[i] = {t, b};
  }
  for (size_t i = 0; i < pages.size(); ++i)
    for (const auto& l : pages[i].lines) {
      if (l.rotated) seen[rsig(pages[i], l)].insert(i);
      else if (bands.in(l, pages[i].height, own[i]))
        for (const auto& k : sigs(pages[i], l)) seen[k].insert(i);
      if (!l.rotated && is_counter(digits_ascii(l.full_text))) seen[csig(pages[i], l)].insert(i);
      // (a lone number outside the bands, at the same place page after page: a notes page's
      // slide number, drawn inside the slide's picture mid-page)
      if (!l.rotated && !bands.in(l, pages[i].height, own[i]) && is_page_number(digits_ascii(l.full_text)))
        seen["N|" + csig(pages[i], l)].insert(i);
    }
  size_t n = pages.size();
  size_t need = std::max<size_t>(2, (n + 1) / 2);
  if (n > 40) need = std::max<size_t>(4, n / 4);
  // A lone number in the bands is the page's number only when it is: the page's own
  // number, or that number plus an offset two other pages' lone numbers share (a deck
  // that numbers from its second page). The last line of a code listing ("2") or a
  // table's last row ("10") standing low on a page is text.
  auto lone_number = [](const std::string& t) -> std::optional<long> {
    if (!is_page_number(t)) return std::nullopt;
    size_t a = t.find_first_of("0123456789");
    if (a == std::string::npos) return std::nullopt;
    return std::strtol(t.c_str() + a, nullptr, 10);
  };
  std::map<long, size_t> offsets;
  for (size_t i = 0; i < pages.size(); ++i)
    for (const auto& l : pages[i].lines)
      if (!l.rotated && bands.in(l, pages[i].height, own[i]))
        if (auto v = lone_number(digits_ascii(l.full_text))) ++offsets[*v - pages[i].page];
  auto numbers_page = [&](const PageLines& p, const Line& l) {
    auto v = lone_number(digits_ascii(l.full_text));
    if (!v) return false;
    // a counter ("7 / 20", "Page 7 of 20") says what it is, wherever the deck starts
    {
      std::smatch m;
      static const std::regex of(R"((\d{1,4})\s*(?:/|of|из|von|sur|de)\s*(\d{1,4}))", std::regex::icase);
      const std::string t = digits_ascii(l.full_text);
      if (t.size() <= short_text && std::regex_search(t, m, of) && std::stol(m[1].str()) <= std::stol(m[2].str())) return true;
    }
    long d = *v - p.page;
    if (d == 0) return true;
    auto it = offsets.find(d);
    return it != offsets.end() && it->second >= 3;
  };
  for (size_t i = 0; i < pages.size(); ++i) {
    const auto& p = pages[i];
    out[i].assign(p.lines.size(), false);
    double maxsize = 0;
    for (const auto& l : p.lines) maxsize = std::max(maxsize, l.size);
    for (size_t k = 0; k < p.lines.size(); ++k) {
      const Line& l = p.lines[k];
      if (l.rotated) {
        out[i][k] = seen[rsig(p, l)].size() >= need;
        continue;
      }
      if (is_counter(digits_ascii(l.full_text)) && seen[csig(p, l)].size() >= std::min<size_t>(need, 3)) {
        out[i][k] = true;
        continue;
      }
      if (!bands.in(l, p.height, own[i])) {
        // (there, it is furniture only as the page's own number, repeated where it stands)
        if (is_page_number(digits_ascii(l.full_text)) && seen["N|" + csig(p, l)].size() >= need && numbers_page(p, l))
          out[i][k] = true;
        continue;
      }
      bool repeated = false;
      for (const auto& key : sigs(p, l)) repeated = repeated || seen[key].size() >= need;
      // a repeated top line in the page's largest type is a title, not a header
      // (but not in the lower half of the deck's text: a notes page's slide that is a picture
      // alone, its footer its largest type)
      if (repeated && l.yc() < p.height / 2 && !(bands.bottom > bands.top && l.yc() > (bands.top + bands.bottom) / 2) &&
          l.size >= 0.95 * maxsize && p.lines.size() > 1)
        repeated = false;
      if (repeated || numbers_page(p, l)) out[i][k] = true;
    }
  }
  return out;
}

std::optional<std::string> guess_lang(const std::string& text) {
  size_t latin = 0, cyr = 0, arab = 0, hebr = 0, han = 0, kana = 0, hangul = 0, greek = 0, ukr = 0, thai = 0;
  // letters that tell Arabic-script languages apart: Persian's (and Urdu's) yeh and keheh
  // and Persian's four letters against Arabic's yeh, kaf, teh marbuta and alef maksura;
  // Urdu's own letters (tteh, ddal, rreh, noon ghunna, yeh barree)
  size_t persian = 0, arabic = 0, urdu = 0;
  for (char32_t c : u::decode(text)) {
    if (c == 0x6CC || c == 0x6A9 || c == 0x67E || c == 0x686 || c == 0x698 || c == 0x6AF) ++persian;
    else if (c == 0x64A || c == 0x643 || c == 0x629 || c == 0x649) ++arabic;
    if (c == 0x679 || c == 0x688 || c == 0x691 || c == 0x6BA || c == 0x6D2) ++urdu;
    if (c >= 0xE01 && c <= 0xE5B) ++thai;
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0x24F)) ++latin;
    else if (c >= 0x400 && c <= 0x4FF) { ++cyr; if (c == 0x456 || c == 0x457 || c == 0x454 || c == 0x491) ++ukr; }
    else if ((c >= 0x600 && c <= 0x6FF) || (c >= 0xFB50 && c <= 0xFEFF)) ++arab;
    else if (c >= 0x590 && c <= 0x5FF) ++hebr;
    else if (c >= 0x3040 && c <= 0x30FF) ++kana;
    else if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x2F00 && c <= 0x2FDF)) ++han;
    else if (c >= 0xAC00 && c <= 0xD7AF) ++hangul;
    else if (c >= 0x370 && c <= 0x3FF) ++greek;
  }
  size_t total = latin + cyr + arab + hebr + han + kana + hangul + greek + thai;
  if (total == 0) return std::nullopt;
  auto share = [&](size_t n) { return static_cast<double>(n) / static_cast<double>(total); };
  if (share(arab) > 0.3) return urdu * 20 >= arab ? "ur" : persian > arabic ? "fa" : "ar";
  if (share(thai) > 0.3) return "th";
  if (share(hebr) > 0.3) return "he";
  if (kana > 0 && share(kana + han) > 0.2 && kana * 20 >= han) return "ja";
  if (share(hangul) > 0.2) return "ko";
  if (share(han) > 0.2) return "zh";
  if (share(cyr) > 0.3) return ukr * 50 > cyr ? "uk" : "ru";
  if (share(greek) > 0.3) return "el";
  // Latin: common short words.
  static const std::map<std::string, std::vector<std::string>> stop = {
      {"en", {"the", "and", "of", "to", "is", "in", "for", "that", "with", "are"}},
      {"de", {"der", "die", "und", "das", "ist", "nicht", "mit", "ein", "eine", "für"}},
      // ("de" and "en", the commonest words of Spanish and French (and "de" of Portuguese)
      // as of Dutch, vote for each: a Spanish deck's "de" and "en" outvoted its own words)
      {"fr", {"le", "la", "les", "et", "des", "est", "pour", "une", "dans", "du", "de", "en"}},
      {"es", {"el", "los", "las", "y", "es", "del", "para", "una", "por", "con", "de", "en"}},
      {"it", {"il", "di", "che", "per", "non", "della", "sono", "gli", "una", "con"}},
      {"pt", {"o", "os", "as", "que", "não", "para", "uma", "com", "do", "da", "de"}},
      {"cs", {"je", "se", "na", "v", "a", "pro", "jsou", "ale", "jako", "to"}},
      {"nl", {"de", "het", "een", "en", "van", "is", "niet", "voor", "met", "op"}},
  };
  std::map<std::string, size_t> hits, hits_long;  // (long: of two letters or more)
  std::istringstream in(lower(text));
  std::string w;
  while (in >> w) {
    while (!w.empty() && std::ispunct(static_cast<unsigned char>(w.back()))) w.pop_back();
    for (const auto& [lang, words] : stop)
      if (std::find(words.begin(), words.end(), w) != words.end()) {
        ++hits[lang];
        if (w.size() >= 2) ++hits_long[lang];
      }
    // letters that only some of these languages write (a French page whose "de" and "en"
    // are Dutch words too): a vote for each
    auto has = [&](std::initializer_list<const char*> ls) {
      return std::any_of(ls.begin(), ls.end(), [&](const char* l) { return w.find(l) != std::string::npos; });
    };
    if (has({"ç", "è", "ê", "î", "ô", "û", "œ"})) ++hits["fr"];
    if (has({"ä", "ö", "ü", "ß"})) ++hits["de"];
    if (has({"ñ", "¿", "¡", "á", "í", "ó", "ú"})) ++hits["es"];
    if (has({"é"})) { ++hits["fr"]; ++hits["es"]; }
    if (has({"ã", "õ"})) ++hits["pt"];
    if (has({"ě", "ř", "ů", "č", "ž", "š"})) ++hits["cs"];
  }
  std::string best;
  size_t b1 = 0, b2 = 0;
  for (const auto& [lang, n] : hits) {
    if (n > b1) { b2 = b1; b1 = n; best = lang; }
    else if (n > b2) b2 = n;
  }
  if (b1 >= 3 && b1 * 2 > b2 * 3) return best;
  // (a deck of a few lines: two of one language's words of two letters or more and none of
  // another's, "Hyphenation in a narrow column" and "Fellowships for participants": English,
  // whose dictionary then joins "require-" and "ments"; Czech's "a" is English's too)
  if (b1 < 3) {
    std::string best_long;
    size_t l1 = 0, l2 = 0;
    for (const auto& [lang, n] : hits_long) {
      if (n > l1) { l2 = l1; l1 = n; best_long = lang; }
      else if (n > l2) l2 = n;
    }
    if (l1 == 2 && l2 == 0) return best_long;
  }
  return std::nullopt;
}

std::vector<std::vector<std::string>> split_notes_pages(std::vector<PageLines>& pages) {
  std::vector<std::vector<std::string>> notes(pages.size());
  // Where would each page split into a slide part above and notes below?
  std::vector<std::optional<double>> cut(pages.size());
  size_t with_text = 0, split = 0;
  for (size_t i = 0; i < pages.size(); ++i) {
    const PageLines& p = pages[i];
    if (p.lines.empty()) continue;
    ++with_text;
    if (p.height < 1.2 * p.width || p.lines.size() < 2) continue;
    std::vector<const Line*> ls;
    for (const auto& l : p.lines) ls.push_back(&l);
    std::sort(ls.begin(), ls.end(), [](auto* a, auto* b) { return a->y0 < b->y0; });
    // the widest gap between lines in the page's middle; or a lower one that is wide too
    // (the slide's own footer drawn small at its bottom edge, under a wider gap)
    double reach = ls[0]->y1, best = 0, at = 0;
    for (size_t k = 1; k < ls.size(); ++k) {
      double gap = ls[k]->y0 - reach, mid = (reach + ls[k]->y0) / 2;
      if (mid > 0.25 * p.height && mid < 0.6 * p.height &&
          (gap > best || (gap >= 0.04 * p.height && best >= 0.04 * p.height && mid > at))) {
        best = std::max(best, gap);
        at = mid;
      }
      reach = std::max(reach, ls[k]->y1);
    }
    if (best >= 0.04 * p.height) { cut[i] = at; ++split; }
    // no text on the slide drawn above (a picture, or a slide left empty): all of it notes
    else if (ls.front()->y0 > 0.45 * p.height) { cut[i] = ls.front()->y0 - 1; ++split; }
  }
  {
    // (a page whose text all starts where the other pages' notes do, or lower: a slide with
    // no text of its own, a picture, over its notes; Impress's notes start at 0.445 of an A4
    // page, above the 0.45 asked of a lone page)
    double notes_top = 1e18;
    for (size_t i = 0; i < pages.size(); ++i)
      if (cut[i])
        for (const auto& l : pages[i].lines)
          if (l.y0 >= *cut[i]) notes_top = std::min(notes_top, l.y0 / std::max(pages[i].height, 1.0));
    for (size_t i = 0; i < pages.size() && notes_top < 1e17; ++i) {
      const PageLines& p = pages[i];
      if (cut[i] || p.lines.empty() || p.height < 1.2 * p.width) continue;
      double top = 1e18;
      for (const auto& l : p.lines) top = std::min(top, l.y0);
      if (top / p.height >= notes_top - 0.01 && top > 0.25 * p.height) { cut[i] = top - 1; ++split; }
    }
  }
  if (with_text == 0 || split * 3 < with_text * 2) return notes;
  // the notes part of each page; what repeats there page after page (the date, the page
  // number, a footer) is the notes pages' own furniture
  std::vector<PageLines> lowers(pages.size());
  for (size_t i = 0; i < pages.size(); ++i) {
    lowers[i].page = pages[i].page;
    lowers[i].width = pages[i].width;
    lowers[i].height = pages[i].height;
    if (!cut[i]) continue;
    PageLines& p = pages[i];
    std::vector<Line> upper;
    for (auto& l : p.lines) (l.y0 < *cut[i] ? upper : lowers[i].lines).push_back(std::move(l));
    p.lines = std::move(upper);
  }
  auto notes_furniture = find_furniture(lowers);
  // (the notes box's edges: the notes' furthest left and right on any page, and at least
  // the left margin mirrored on the right (Impress and PowerPoint set notes across the
  // page); one page's widest line is no edge, a one-sentence paragraph being the widest;
  // the notes set flush left, or flush right (a right-to-left paragraph), by where more
  // of their lines meet an edge)
  double deck_left = 1e18, deck_right = -1e18;
  for (size_t i = 0; i < pages.size(); ++i)
    for (size_t k = 0; k < lowers[i].lines.size(); ++k)
      if (!notes_furniture[i][k]) {
        deck_left = std::min(deck_left, lowers[i].lines[k].x0);
        deck_right = std::max(deck_right, lowers[i].lines[k].x1);
      }
  size_t at_left = 0, at_right = 0;
  for (size_t i = 0; i < pages.size(); ++i)
    for (size_t k = 0; k < lowers[i].lines.size(); ++k)
      if (!notes_furniture[i][k]) {
        const Line& l = lowers[i].lines[k];
        at_left += std::abs(l.x0 - deck_left) < 0.5 * l.size;
        at_right += std::abs(l.x1 - deck_right) < 0.5 * l.size;
      }
  const bool flush_left = at_left >= at_right;
  for (size_t i = 0; i < pages.size(); ++i) {
    if (!cut[i]) continue;
    std::vector<Line> lower;
    for (size_t k = 0; k < lowers[i].lines.size(); ++k)
      if (!notes_furniture[i][k]) lower.push_back(std::move(lowers[i].lines[k]));
    // the notes, in reading order: a line goes on the paragraph above where the line above
    // is full (notes set one sentence a line, "Thank the hosts by name." / "Keep this under
    // five minutes.", are paragraphs of their own, however wide)
    std::sort(lower.begin(), lower.end(), [](const Line& a, const Line& b) { return a.y0 < b.y0; });
    const Line* prev = nullptr;
    for (const auto& l : lower) {
      const double em = prev ? std::max(prev->size, 1.0) : 1.0;
      // a line goes on the one above where that one is full: the lower line's first unit
      // (first_unit_width) would not have fitted on it inside the notes box, measured at
      // its ragged side
      bool wrapped = false;
      if (prev && l.y0 - prev->y1 < 0.6 * l.height() && l.marker.empty()) {
        const double unit = first_unit_width(l);
        const double box_right = std::max(deck_right, pages[i].width - deck_left);
        wrapped = flush_left ? prev->x1 + 0.25 * em + unit > box_right - 0.25 * em
                             : prev->x0 - 0.25 * em - unit < deck_left + 0.25 * em;
      }
      if (wrapped && !notes[i].empty()) notes[i].back() = join_wrapped(notes[i].back(), l.full_text);
      else notes[i].push_back(l.marker.empty() || l.numbered ? l.full_text : l.marker + " " + l.text);
      prev = &l;
    }
  }
  return notes;
}

namespace {
// No letter of any script in `t` (numbers, signs, spaces).
bool no_letters(const std::string& t) {
  std::u32string s = u::decode(t);
  return std::none_of(s.begin(), s.end(), [](char32_t c) { return u_isalpha(static_cast<UChar32>(c)); });
}

// `t` ends in an Arabic-script letter (a combining mark after it allowed).
bool ends_arabic(const std::string& t) {
  std::u32string s = u::decode(t);
  while (!s.empty() && direction::is_mark(s.back())) s.pop_back();
  return !s.empty() && ((s.back() >= 0x620 && s.back() <= 0x64A) || (s.back() >= 0x66E && s.back() <= 0x6D3) ||
                        (s.back() >= 0x6FA && s.back() <= 0x6FF) || (s.back() >= 0x750 && s.back() <= 0x77F));
}
}  // namespace

namespace {
// "#rrggbb" of a fill colour (channels 0..1).
std::string hex_color(const std::array<double, 3>& c) {
  char buf[8];
  auto ch = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", ch(c[0]), ch(c[1]), ch(c[2]));
  return buf;
}

// The forms a word's text may take in its block's final text: as it is (a right-to-left
// word in logical order), with its line-end hyphen dropped (join_wrapped), a soft hyphen
// shown as a hyphen, U+FB05 read "ft" or "st" (resolve_long_s_t).
std::vector<std::u32string> word_forms(const Word& w) {
  std::string t = w.text;
  if (direction::count_utf8(t).any_rtl()) t = rtl_text({w}, true);
  std::u32string base = u::decode(u::collapse_spaces(u::nfc(t)));
  std::vector<std::u32string> out;
  auto add = [&](const std::u32string& f) {
    if (!f.empty() && std::find(out.begin(), out.end(), f) == out.end()) out.push_back(f);
  };
  std::vector<std::u32string> first{base};
  std::u32string shown = base;
  std::replace(shown.begin(), shown.end(), U'\u00AD', U'-');
  first.push_back(shown);
  if (base.size() > 1 && (base.back() == U'-' || base.back() == 0x2010 || base.back() == 0xAD))
    first.push_back(base.substr(0, base.size() - 1));
  for (const auto& f : first) {
    add(f);
    if (f.find(U'\uFB05') != std::u32string::npos)
      for (const char32_t* r : {U"ft", U"st"}) {
        std::u32string g;
        for (char32_t c : f) g += c == 0xFB05 ? std::u32string(r) : std::u32string(1, c);
        add(g);
      }
  }
  return out;
}
}  // namespace

std::vector<TextSpan> inline_spans(const std::string& text, const Style& style, const std::vector<const Line*>& lines) {
  struct Item {
    const Word* w = nullptr;
    bool bidi = false;  // on a line with right-to-left text: its words may stand in another order
    bool bold = false, italic = false;
    std::string color;
    long begin = -1, end = -1;  // where it stands in the text (code points), -1: not found
  };
  std::vector<Item> items;
  // the colour of most of the block's characters
  std::map<std::string, size_t> colors;
  std::map<std::string, std::array<double, 3>> rgb_of;
  for (const Line* l : lines) {
    const bool bidi = l->rtl || direction::count_utf8(l->text).any_rtl();
    for (size_t k = 0; k < l->words.size(); ++k) {
      const Word& w = l->words[k];
      // (a marker: the glyph, whose word's text is emptied, or the number)
      if (k == 0 && !l->marker.empty() && (w.text.empty() || u::nfc(w.text) == l->marker)) continue;
      if (w.text.empty()) continue;
      Item it;
      it.w = &w;
      it.bidi = bidi;
      items.push_back(std::move(it));
      size_t n = 0;
      for (char32_t c : u::decode(w.text)) n += !u::is_space(c);
      std::string h = hex_color(w.rgb);
      colors[h] += n;
      rgb_of.emplace(h, w.rgb);
    }
  }
  if (items.empty()) return {};
  std::array<double, 3> main{0, 0, 0};
  {
    size_t best = 0;
    for (const auto& it : items) {  // (a tie: the colour met first)
      std::string h = hex_color(it.w->rgb);
      if (colors[h] > best) best = colors[h], main = rgb_of[h];
    }
  }
  bool any = false;
  for (auto& it : items) {
    const Word& w = *it.w;
    it.bold = w.bold && !style.bold;
    it.italic = w.italic && !style.italic;
    bool other = false;
    for (size_t c = 0; c < 3; ++c) other = other || std::abs(w.rgb[c] - main[c]) > 0.1;
    if (other) it.color = hex_color(w.rgb);
    any = any || it.bold || it.italic || !it.color.empty();
  }
  if (!any) return {};

  // where each word stands in the text
  const std::u32string t = u::decode(text);
  std::vector<bool> taken(t.size(), false);
  auto free_at = [&](size_t p, size_t n) {
    for (size_t q = p; q < p + n; ++q)
      if (taken[q]) return false;
    return true;
  };
  auto alnum = [](char32_t c) { return u_isalnum(static_cast<UChar32>(c)) != 0 || direction::is_mark(c); };
  size_t cursor = 0;
  for (auto& it : items) {
    const std::vector<std::u32string> forms = word_forms(*it.w);
    // right after the word before, only spaces between
    size_t q = cursor;
    while (q < t.size() && u::is_space(t[q])) ++q;
    for (const auto& f : forms)
      if (t.compare(q, f.size(), f) == 0 && q + f.size() <= t.size() && free_at(q, f.size())) {
        it.begin = static_cast<long>(q), it.end = static_cast<long>(q + f.size());
        break;
      }
    // else the only place where it stands as a word further on (a word before it not
    // found), or anywhere in a block with right-to-left text (whose lines' words stand in
    // visual runs: a left-to-right run inside a right-to-left line)
    if (it.begin < 0)
      for (const auto& f : forms) {
        std::vector<size_t> at;
        for (size_t p = t.find(f, it.bidi ? 0 : cursor); p != std::u32string::npos; p = t.find(f, p + 1))
          if ((p == 0 || !alnum(t[p - 1])) && (p + f.size() == t.size() || !alnum(t[p + f.size()])) && free_at(p, f.size()))
            at.push_back(p);
        if (at.size() == 1) {
          it.begin = static_cast<long>(at[0]), it.end = static_cast<long>(at[0] + f.size());
          break;
        }
        if (at.size() > 1) break;  // (ambiguous)
      }
    if (it.begin < 0) continue;
    for (long p = it.begin; p < it.end; ++p) taken[static_cast<size_t>(p)] = true;
    cursor = std::max(cursor, static_cast<size_t>(it.end));
  }

  // spans: the styled words in text order, neighbours of one style (only spaces between
  // them) made one
  std::vector<const Item*> styled;
  for (const auto& it : items)
    if (it.begin >= 0 && (it.bold || it.italic || !it.color.empty())) styled.push_back(&it);
  std::sort(styled.begin(), styled.end(), [](const Item* a, const Item* b) { return a->begin < b->begin; });
  std::vector<TextSpan> out;
  for (const Item* it : styled) {
    TextSpan sp{static_cast<size_t>(it->begin), static_cast<size_t>(it->end), it->bold, it->italic, it->color};
    if (!out.empty()) {
      TextSpan& last = out.back();
      bool gap_spaces = last.end <= sp.begin;
      for (size_t p = last.end; p < sp.begin && gap_spaces; ++p) gap_spaces = u::is_space(t[p]) && !taken[p];
      if (gap_spaces && last.bold == sp.bold && last.italic == sp.italic && last.color == sp.color) {
        last.end = sp.end;
        continue;
      }
    }
    out.push_back(std::move(sp));
  }
  return out;
}

Deck analyze(const std::vector<PageLines>& pages_in, const AnalysisOptions& opts, Diagnostics& diag) {
  Deck deck;
  // A notes-page export: the slide above, the speaker notes below.
  std::vector<PageLines> notes_copy;
  std::vector<std::vector<std::string>> notes;
  bool notes_deck = std::any_of(pages_in.begin(), pages_in.end(), [](const PageLines& p) { return p.height >= 1.2 * p.width; });
  if (notes_deck) {
    notes_copy = pages_in;
    notes = split_notes_pages(notes_copy);
    notes_deck = std::any_of(notes.begin(), notes.end(), [](auto& n) { return !n.empty(); });
  }
  const std::vector<PageLines>& pages = notes_deck ? notes_copy : pages_in;
  // (a notes page's slide is drawn small at its top: its footer stands mid-page)
  auto furn = find_furniture(pages, notes_deck);
  // The language's dictionary decides line-end hyphens (and U+FB05). Loaded on the first
  // question only (a dictionary takes a while to load).
  struct LazySpeller : Speller {
    std::function<const Speller*()> load;
    mutable const Speller* s = nullptr;
    mutable bool tried = false;
    const Speller* get() const {
      if (!tried) { tried = true; s = load ? load() : nullptr; }
      return s;
    }
    bool known(const std::string& w) const override {
      const Speller* d = get();
      return d && d->known(w);
    }
    bool available() const override { return get() != nullptr; }
  } lazy;
  // Each page's own dictionary: the page's language when it can be guessed (a deck with
  // German and French slides), else the deck's. One dictionary a language.
  const Speller* speller = nullptr;
  std::map<std::string, const Speller*> loaded;
  auto dictionary = [&](const std::optional<std::string>& lang) -> const Speller* {
    if (!lang) return nullptr;
    auto it = loaded.find(*lang);
    if (it == loaded.end()) it = loaded.emplace(*lang, opts.speller(*lang)).first;
    return it->second;
  };
  std::vector<LazySpeller> page_speller(pages.size());
  if (opts.speller) {
    lazy.load = [&]() -> const Speller* {
      std::string text;
      for (const auto& p : pages)
        for (const auto& l : p.lines) text += l.text + "\n";
      return dictionary(guess_lang(text));
    };
    speller = &lazy;
    for (size_t i = 0; i < pages.size(); ++i)
      page_speller[i].load = [&, i]() -> const Speller* {
        std::string text;
        for (const auto& l : pages[i].lines) text += l.text + "\n";
        auto lang = guess_lang(text);
        return lang ? dictionary(lang) : lazy.get();
      };
  }
  auto speller_of = [&](size_t i) -> const Speller* { return opts.speller ? &page_speller[i] : nullptr; };
  std::set<std::string> furniture_texts;
  for (const auto& p : pages)
    for (const auto& w : p.watermarks) furniture_texts.insert(mask_digits(w));

  // A font whose ToUnicode map is wrong gives characters no writer uses: warn once a font.
  for (const auto& g : garbled_fonts(pages))
    diag.warn({warn::garbled_text, opts.file, g.first_page,
               "the text in font " + g.font + " looks mis-mapped (" + std::to_string(g.odd) + " of " +
                   std::to_string(g.chars) + " characters are unusual), so it may be nonsense: the PDF's ToUnicode map "
                   "for this font is probably wrong (export the PDF again, or check the text by eye)"});

  // Body text size: the deck's common size, leaving out each page's largest type (the
  // title candidates) where the page has smaller text too.
  std::vector<const Line*> all_body, smaller;
  double largest = 0;
  for (size_t i = 0; i < pages.size(); ++i) {
    double page_max = 0, page_min = 1e18;
    for (size_t k = 0; k < pages[i].lines.size(); ++k)
      if (!furn[i][k] && !pages[i].lines[k].rotated) {
        page_max = std::max(page_max, pages[i].lines[k].size);
        page_min = std::min(page_min, pages[i].lines[k].size);
      }
    largest = std::max(largest, page_max);
    for (size_t k = 0; k < pages[i].lines.size(); ++k) {
      const Line& l = pages[i].lines[k];
      if (furn[i][k]) {
        furniture_texts.insert(mask_digits(digits_ascii(l.full_text)));
        continue;
      }
      if (l.rotated) continue;
      all_body.push_back(&l);
      if (l.size < 0.93 * page_max) smaller.push_back(&l);
    }
  }
  double body_size = weighted_median_size(smaller);
  // Code listings are told by their monospaced font only in a deck set mostly in others
  bool code_allowed = false;
  {
    size_t mono_chars = 0, chars = 0;
    for (const Line* l : all_body) {
      size_t n = nchars(l->text);
      chars += n;
      if (l->mono) mono_chars += n;
    }
    code_allowed = mono_chars * 10 < chars * 9;
  }
  if (body_size <= 0) body_size = largest > 0 ? 0.75 * largest : 12;

  size_t rtl_chars = 0, ltr_chars = 0;
  for (const Line* l : all_body) (l->rtl ? rtl_chars : ltr_chars) += nchars(l->text);
  bool deck_rtl = rtl_chars > ltr_chars;
  deck.direction = deck_rtl ? "rtl" : "ltr";
  // Columns and table cells side by side are read from the right when the deck's letters
  // are mostly right-to-left ones, whatever its paragraphs' direction (a PPTX export of a
  // Persian deck keeps its paragraphs left to right and its first column on the right).
  size_t rtl_letters = 0, ltr_letters = 0;
  for (const auto& p : pages) { rtl_letters += p.rtl_chars; ltr_letters += p.ltr_chars; }
  const bool read_rtl = deck_rtl || rtl_letters > ltr_letters;

  // The title placeholder: on many pages, the top-most line stands at the same place near
  // the top (page-relative units): its start, its middle (a centred title) or its end (a
  // right-aligned one) at the same x, at the same height. Such a line is the title even
  // where a larger heading stands lower on the page.
  struct Anchor {
    double x[3] = {0, 0, 0};  // left, middle, right / width
    double y = 0;             // y0 / height
  };
  auto anchor_of = [](const Line& l, const PageLines& p) {
    Anchor a;
    double w = std::max(p.width, 1.0);
    a.x[0] = l.x0 / w;
    a.x[1] = (l.x0 + l.x1) / 2 / w;
    a.x[2] = l.x1 / w;
    a.y = l.y0 / std::max(p.height, 1.0);
    return a;
  };
  Anchor title_band;
  int band_kind = 0;
  bool has_title_band = false;
  {
    std::vector<Anchor> tops;
    for (size_t i = 0; i < pages.size(); ++i) {
      const Line* t = nullptr;
      for (size_t k = 0; k < pages[i].lines.size(); ++k) {
        const Line& l = pages[i].lines[k];
        if (furn[i][k] || l.rotated || !l.marker.empty()) continue;
        if (!t || l.y0 < t->y0) t = &l;
      }
      if (t && t->yc() < 0.25 * pages[i].height) tops.push_back(anchor_of(*t, pages[i]));
    }
    size_t best = 0;
    for (const auto& a : tops)
      for (int kind = 0; kind < 3; ++kind) {
        size_t n = std::count_if(tops.begin(), tops.end(), [&](const Anchor& b) {
          return std::abs(a.x[kind] - b.x[kind]) < 0.015 && std::abs(a.y - b.y) < 0.015;
        });
        if (n > best) { best = n; title_band = a; band_kind = kind; }
      }
    has_title_band = best >= 3 && best * 2 >= pages.size();
  }

  // words nobody can see: one warning for the deck, with the pages that had them
  {
    int words = 0, first = 0;
    std::string where;
    size_t listed = 0, with = 0;
    for (const auto& p : pages)
      if (p.hidden_words > 0) {
        words += p.hidden_words;
        if (!first) first = p.page;
        if (++with <= 12) where += (where.empty() ? "" : ", ") + std::to_string(p.page), ++listed;
      }
    if (with > listed) where += ", ... (" + std::to_string(with - listed) + " more)";
    if (words > 0)
      diag.warn({warn::hidden_text, opts.file, with == 1 ? first : 0,
                 std::to_string(words) + " word(s) nobody can see left out (invisible, the colour of the background, or covered)" +
                     (with == 1 ? std::string() : " on " + std::to_string(with) + " pages: " + where)});
  }
  // The deck's line pitch within a paragraph, as a multiple of the type size: the median
  // over pairs of lines that are plainly one wrapped paragraph (the lower line starts in
  // lower case, right under the upper one, same size, overlapping). Paragraph spacing is
  // measured against it where a column has too few lines to tell by itself.
  // A page's own pairs, where it has some, measure its pitch better (a slide set with
  // looser line spacing than the rest of the deck).
  auto median = [](std::vector<double> v) {
    std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
    return v[v.size() / 2];
  };
  double wrap_ratio = 1.2;
  std::vector<std::optional<double>> page_wrap_ratio(pages.size());
  {
    std::vector<double> ratios;
    for (size_t i = 0; i < pages.size(); ++i) {
      std::vector<const Line*> ls;
      for (size_t k = 0; k < pages[i].lines.size(); ++k)
        if (!furn[i][k] && !pages[i].lines[k].rotated) ls.push_back(&pages[i].lines[k]);
      std::sort(ls.begin(), ls.end(), [](auto* a, auto* b) { return a->y0 < b->y0; });
      std::vector<double> own, own_full;  // (full: the upper line is about as wide as the page's widest of its size)
      auto widest = [&](double size) {
        double w = 0;
        for (const Line* l : ls)
          if (std::abs(l->size - size) <= 0.05 * size) w = std::max(w, l->x1 - l->x0);
        return w;
      };
      auto shares_edge = [&](const Line& x) {
        for (const Line* l : ls)
          if (l != &x && std::abs(l->size - x.size) <= 0.05 * x.size &&
              (x.rtl ? std::abs(l->x0 - x.x0) : std::abs(l->x1 - x.x1)) < 1.0)
            return true;
        return false;
      };
      for (size_t a = 0; a < ls.size(); ++a)
        for (size_t b = a + 1; b < ls.size() && ls[b]->y0 < ls[a]->y1 + ls[a]->height(); ++b) {
          const Line& x = *ls[a];
          const Line& y = *ls[b];
          // the next line under x (overlapping it), if it carries x's sentence on
          // (under it: overlapping a third of it, or standing mostly under it, a short last
          // line of a few words, in scripts without case, as told below)
          double ov = std::min(x.x1, y.x1) - std::max(x.x0, y.x0);
          if (y.y0 <= x.y0 + 0.5 * x.height() || (ov < 0.3 * (x.x1 - x.x0) && ov < 0.8 * (y.x1 - y.x0))) continue;
          if (std::abs(x.size - y.size) > 0.05 * x.size || !y.marker.empty()) break;
          if (starts_lower(y.text)) {
            if (ov < 0.3 * (x.x1 - x.x0)) break;  // (a short lower line counts only in scripts without case)
            double r = (y.baseline() - x.baseline()) / std::max(x.size, 1.0);
            own.push_back(r);
            if (x.x1 - x.x0 >= 0.6 * widest(x.size)) own_full.push_back(r);
          } else if (caseless_wrap(x, y, widest(x.size)) && shares_edge(x)) {
            // (scripts without case: the upper line as wide as the page's widest, not
            // ending a sentence, the lower one starting where it does, and its end shared
            // by another line, the edge of a filled box: a list of short items of about
            // one width is no wrapped paragraph)
            own_full.push_back((y.baseline() - x.baseline()) / std::max(x.size, 1.0));
          }
          break;
        }
      if (!own_full.empty() && median(own_full) <= 1.9) page_wrap_ratio[i] = std::max(median(own_full), 0.8);
      ratios.insert(ratios.end(), own.begin(), own.end());
    }
    if (ratios.size() >= 3) wrap_ratio = std::clamp(median(ratios), 0.8, 2.5);
    else {
      // too few wrapped pairs to measure (no lower case to tell them): Thai, Lao, Khmer
      // and Myanmar fonts stand taller (marks above and below), their lines about 1.6 em
      // apart where Latin fonts come at 1.2 (XeLaTeX and cairo with Noto Sans Thai: 1.57)
      size_t tall = 0, all = 0;
      for (const auto& p : pages)
        for (const auto& l : p.lines)
          for (char32_t c : u::decode(l.text))
            if (u_isalpha(static_cast<UChar32>(c))) {
              ++all;
              tall += u::no_space_script(c) ? 1 : 0;
            }
      if (all > 0 && tall * 2 > all) wrap_ratio = 1.6;
    }
  }
  std::vector<std::vector<Draft>> drafts(pages.size());
  bool seen_nonblank = false;
  for (size_t i = 0; i < pages.size(); ++i) {
    const PageLines& p = pages[i];
    Slide s;
    s.page = p.page;
    s.id = "s" + std::to_string(p.page);
    s.label = p.label;
    s.size = {p.width, p.height};
    s.direction = deck.direction;
    std::vector<const Line*> body, turned;
    s.dropped = p.dropped;  // what the PDF layer and the lines left out; furniture below
    for (size_t k = 0; k < p.lines.size(); ++k)
      if (!furn[i][k]) (p.lines[k].rotated ? turned : body).push_back(&p.lines[k]);
      else s.dropped->push_back(furniture_record(p, p.lines[k]));
    if (body.empty() && !turned.empty()) body.swap(turned);
    // a page Poppler could not draw whole (a damaged content stream or font): said as
    // such, not taken for a scan (no page of a sound deck makes Poppler report an error)
    if (p.damage_count > 0)
      diag.warn({warn::damaged_page, opts.file, p.page,
                 std::string(p.has_text ? "the page's content is damaged" : "no text could be read: the page's content is damaged") +
                     " (Poppler: " + p.damage + (p.damage_count > 1 ? ", and " + std::to_string(p.damage_count - 1) + " more" : "") +
                     "): " + (p.has_text ? "some of its text may be missing" : "a blank slide in the deck") +
                     " (export the deck again; 'qpdf --check' shows the damage)"});
    else if (!p.has_text)
      diag.warn({warn::page_no_text, opts.file, p.page, "no text on this page (an image or a scan?): a blank slide in the deck, with nothing to translate (picture layouts and translated slides show the page as it is)"});
    if (body.empty()) {
      s.kind = SlideKind::blank;
      deck.slides.push_back(std::move(s));
      continue;
    }

    // --- title
    // (the largest type in the upper part of the page: a big logo lower down is no title)
    // (when all the page's text stands low, as on a title slide with its title under a
    // picture, the whole page counts)
    // (a bulleted item is no title: a list set larger than the title leaves it the title;
    // a numbered line may be one, "2. IETF منفتحة", unless another line of its size is
    // numbered alike, "1." and "2.": a numbered list)
    // (nor the wrapped line of such an item: under it, where its text starts or, right to
    // left, ends)
    auto marked_item = [&](const Line* l) {
      if (l->marker.empty()) return false;
      if (!l->numbered) return true;
      // (a title stands at the top: a numbered line under another line is an item, "a)"
      // alone at its level under "A." and "B.")
      if (std::any_of(body.begin(), body.end(), [&](const Line* o) { return o->y1 <= l->y0; })) return true;
      for (const Line* b : body)
        if (b != l && b->numbered && std::abs(b->size - l->size) <= 0.1 * std::max(l->size, 1.0) &&
            marker_shape(b->marker) == marker_shape(l->marker))
          return true;
      return false;
    };
    auto item = [&](const Line* l) {
      if (!l->marker.empty()) return marked_item(l);
      for (const Line* b : body)
        if (b != l && b->y0 < l->y0 && l->y0 - b->y1 < 1.5 * b->height() && std::abs(b->size - l->size) <= 0.1 * b->size &&
            (std::abs(text_left(*b) - l->x0) < 0.3 * std::max(b->size, 1.0) ||
             (b->rtl && std::abs(text_right(*b) - l->x1) < 0.3 * std::max(b->size, 1.0))) &&
            marked_item(b))
          return true;
      return false;
    };
    double page_max = 0;
    for (const Line* l : body)
      if (l->yc() < 0.62 * p.height && !item(l)) page_max = std::max(page_max, l->size);
    const bool all_low = page_max == 0;
    if (all_low)
      for (const Line* l : body)
        if (!item(l)) page_max = std::max(page_max, l->size);
    const Line* top = nullptr;
    for (const Line* l : body)
      if (!item(l) && l->size >= 0.93 * page_max && (all_low || l->yc() < 0.62 * p.height) && (!top || l->y0 < top->y0)) top = l;
    const Line* first_line = *std::min_element(body.begin(), body.end(), [](auto* a, auto* b) { return a->y0 < b->y0; });
    Anchor fa = anchor_of(*first_line, p);
    // (a bold title may be set smaller than the body: a 16 pt header over 18 pt text)
    bool in_band = has_title_band && first_line->marker.empty() &&
                   (first_line->size >= 0.9 * body_size || (first_line->bold && first_line->size >= 0.7 * body_size)) &&
                   std::abs(fa.x[band_kind] - title_band.x[band_kind]) < 0.015 && std::abs(fa.y - title_band.y) < 0.015;
    if (in_band && top != first_line) top = first_line;
    // a line of code over more code (a slide that is all listing) is no title
    if (top && top->mono &&
        std::any_of(body.begin(), body.end(), [&](const Line* l) {
          return l != top && l->mono && std::abs(l->size - top->size) <= 0.1 * top->size && l->y0 > top->y0 &&
                 l->y0 - top->y1 < 1.5 * top->height();
        }))
      top = nullptr;
    bool stands_out = in_band || page_max >= 1.12 * body_size ||
                      (top && top == first_line && top->bold && body.size() > 1 &&
                       std::any_of(body.begin(), body.end(), [&](auto* l) { return !l->bold && l->size >= 0.8 * top->size; }));
    std::vector<const Line*> title;
    if (top && stands_out) {
      title.push_back(top);
      std::vector<const Line*> below;
      for (const Line* l : body)
        if (l != top && l->y0 > top->y0) below.push_back(l);
      std::sort(below.begin(), below.end(), [](auto* a, auto* b) { return a->y0 < b->y0; });
      for (const Line* l : below) {
        const Line* last = title.back();
        bool same = std::abs(l->size - last->size) <= 0.1 * last->size && l->bold == last->bold;
        bool close = l->y0 - last->y1 < std::max(0.6 * last->size, 0.75 * last->height());
        bool overlap = std::min(l->x1, last->x1) - std::max(l->x0, last->x0) > 0 ||
                       std::abs((l->x0 + l->x1) / 2 - (last->x0 + last->x1) / 2) < 2 * last->size;
        if (same && close && overlap) title.push_back(l);
        else if (l->y0 > last->y1 + 0.6 * last->size) break;
      }
    }
    // the left margin of the page's text: its leftmost line not centred on the page (none:
    // 0, the margin unknown)
    double page_left = 1e18;
    for (const Line* l : body)
      if (std::abs((text_left(*l) + text_right(*l)) / 2 - p.width / 2) > 2 * std::max(l->size, 1.0))
        page_left = std::min(page_left, text_left(*l));
    if (page_left > p.width) page_left = 0;
    std::set<const Line*> in_title(title.begin(), title.end());
    std::vector<const Line*> rest;
    for (const Line* l : body)
      if (!in_title.count(l)) rest.push_back(l);
    if (!title.empty()) {
      s.title = title_join(title, speller_of(i));
      s.title_bbox = union_box(title);
      s.title_style = style_of(*title.front());
    }

    // --- kind
    bool any_marker = std::any_of(rest.begin(), rest.end(), [](auto* l) { return !l->marker.empty() || l->ink_before.value_or(false); });
    // The opening page with a title and a few unmarked lines (author, date, affiliation)
    // is a title slide wherever its title sits.
    bool display = !title.empty() &&
                   (rest.empty() || (title.front()->yc() > 0.22 * p.height && rest.size() <= 4 && !any_marker) ||
                    (!seen_nonblank && rest.size() <= 8 && !any_marker));
    if (display) s.kind = seen_nonblank ? SlideKind::section : SlideKind::title;
    else s.kind = SlideKind::content;
    seen_nonblank = true;

    // --- tables (read row by row, one block per cell), then columns, in reading order
    auto tables = find_tables(rest, body_size, code_allowed, p.rules);
    std::vector<std::vector<const Line*>> cols;
    split_columns(rest, p.width, body_size, 0, cols);
    // lines with a page number beside them on their baseline (an agenda's rows, the number
    // at a tab stop, which may be another row's: no column of numbers to make a table), and
    // those numbers (a number the next row's entry starts left of, or another row's number
    // under it at the same tab stop, is no line of theirs: "6" went on "กำหนดการ", "2" on "4")
    // (by baseline: bounded work on a page of many lines)
    std::vector<const Line*> numbered_rows;
    std::vector<std::pair<const Line*, const Line*>> row_numbers;  // (entry, its number)
    std::vector<const Line*> by_base(rest.begin(), rest.end());
    std::sort(by_base.begin(), by_base.end(), [](auto* a, auto* b) { return a->baseline() < b->baseline(); });
    for (const Line* a : rest) {
      double em = std::max(a->size, 1.0);
      auto from = std::lower_bound(by_base.begin(), by_base.end(), a->baseline() - 0.15 * em,
                                   [](const Line* x, double y) { return x->baseline() < y; });
      int seen = 0;  // (at most 64 lines on one baseline looked at)
      for (auto it = from; it != by_base.end() && (*it)->baseline() <= a->baseline() + 0.15 * em && ++seen <= 64; ++it) {
        const Line* b = *it;
        if (a == b || std::abs(a->size - b->size) > 0.15 * em) continue;
        bool beside = a->rtl ? b->x1 < a->x0 - 0.2 * em : b->x0 > a->x1 + 0.2 * em;
        std::string t = digits_ascii(b->full_text);
        if (beside && t.size() <= 3 && !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) {
          numbered_rows.push_back(a);
          numbered_rows.push_back(b);
          // (a row of the entry and its number alone: no table's row of cells)
          size_t on_row = 0;
          for (auto jt = from; jt != by_base.end() && (*jt)->baseline() <= a->baseline() + 0.15 * em && on_row < 3; ++jt) ++on_row;
          if (on_row == 2) row_numbers.push_back({a, b});
          break;
        }
      }
    }
    std::sort(numbered_rows.begin(), numbered_rows.end());
    if (read_rtl) {
      // regions come out left to right; read columns side by side from the right
      std::stable_sort(cols.begin(), cols.end(), [&](auto& a, auto& b) {
        double ay = 1e18, by = 1e18, ax = -1e18, bx = -1e18;
        for (auto* l : a) { ay = std::min(ay, l->y0); ax = std::max(ax, l->x1); }
        for (auto* l : b) { by = std::min(by, l->y0); bx = std::max(bx, l->x1); }
        bool side_by_side = std::abs(ay - by) < 2 * body_size;
        return side_by_side ? ax > bx : ay < by;
      });
    }

    // --- blocks
    for (size_t c = 0; c < cols.size(); ++c) {
      auto& col = cols[c];
      std::stable_sort(col.begin(), col.end(), [](auto* a, auto* b) {
        if (std::abs(a->y0 - b->y0) > 0.3 * std::min(a->height(), b->height())) return a->y0 < b->y0;
        return a->text_start < b->text_start;
      });
      // the column's tightest line pitch for each size
      std::vector<std::pair<double, double>> pitches;  // size, pitch
      for (size_t k = 1; k < col.size(); ++k) {
        const Line* a = col[k - 1];
        const Line* b = col[k];
        if (std::abs(a->size - b->size) <= 0.1 * a->size && b->y0 > a->y1 - 0.5 * a->height())
          pitches.push_back({a->size, b->baseline() - a->baseline()});
      }
      auto pitch_ref = [&](double size) {
        double deck = page_wrap_ratio[i].value_or(wrap_ratio) * size, best = 1e18;
        for (auto [sz, p] : pitches)
          if (std::abs(sz - size) <= 0.1 * size) best = std::min(best, p);
        return std::min(best, deck);
      };
      // the pitches of the column's certain wraps for each size: a lower line, unmarked, that
      // carries on a sentence in lower case under a line of 0.8 of the column's widest of its
      // size; or, without case (caseless_wrap), under a line whose two edges other lines
      // share (a filled box), or that is 0.7 of the page wide over a line ending a sentence.
      // A pitch equal to one of them is the box's line pitch, however loose (cairo sets
      // Noto Naskh Arabic at 1.5 line spacing 2.55 em apart, paragraphs and wraps alike).
      std::vector<std::pair<double, double>> wraps;  // size, pitch
      {
        for (size_t k = 1; k < col.size(); ++k) {
          const Line* a = col[k - 1];
          const Line* b = col[k];
          if (std::abs(a->size - b->size) > 0.05 * a->size || !b->marker.empty() || b->ink_before.value_or(false) ||
              b->mono || b->y0 <= a->y1 - 0.5 * a->height())
            continue;
          // (the lower line's first word no link, address or handle: "github：https://…")
          bool word_start = true;
          for (char32_t c : u::decode(b->text)) {
            if (u::is_space(c)) break;
            if (c == U':' || c == U'/' || c == U'@' || c == 0xFF1A) word_start = false;
          }
          if (!word_start) continue;
          double wmax = 0;
          for (const Line* o : col)
            if (std::abs(o->size - a->size) <= 0.05 * a->size) wmax = std::max(wmax, o->x1 - o->x0);
          // (both its edges shared by lines other than the two: a filled box)
          bool shared_l = false, shared_r = false;
          for (const Line* o : col)
            if (o != a && o != b && std::abs(o->size - a->size) <= 0.05 * a->size) {
              shared_l = shared_l || std::abs(o->x0 - a->x0) < 1.0;
              shared_r = shared_r || std::abs(o->x1 - a->x1) < 1.0;
            }
          bool shared = shared_l && shared_r;
          bool sure = (starts_lower(b->text) && !ends_sentence(a->text) && a->x1 - a->x0 >= 0.8 * wmax) ||
                      (caseless_wrap(*a, *b, wmax) && (shared || (ends_sentence(b->text) && a->x1 - a->x0 >= 0.7 * p.width)));
          if (sure) wraps.push_back({a->size, b->baseline() - a->baseline()});
        }
        // (Han or kana: a paragraph's lines at one pitch, each unmarked under the first,
        // flush with it, that meet letter to letter (or a digit starting the lower line),
        // every line but the last within 2.5 em of the widest of them and ending no
        // sentence, the last ending one, the first of ten characters or more (not a short
        // phrase of a list): a sentence wrapped, whatever the line spacing;
        // Impress sets Noto Sans CJK 1.56 em apart at 1.3 line spacing, Pango 2.17 em at 1.5)
        for (size_t k = 0; k + 1 < col.size(); ++k) {
          const Line* a = col[k];
          if (!cjk_text(a->text) || ends_sentence(a->text) || u::decode(a->text).size() < 10) continue;
          const double em = std::max(a->size, 1.0);
          double w = a->x1 - text_left(*a), pitch = 0;
          size_t e = k + 1;
          bool ok = false;
          for (; e < col.size(); ++e) {
            const Line* x = col[e - 1];
            const Line* y = col[e];
            std::u32string ux = u::decode(x->text), uy = u::decode(y->text);
            double py = y->baseline() - x->baseline();
            if (!y->marker.empty() || y->ink_before.value_or(false) || std::abs(y->size - a->size) > 0.05 * a->size ||
                std::abs(y->x0 - col[k + 1]->x0) > 0.3 * em || std::abs(y->x0 - text_left(*a)) > 0.5 * em ||
                (pitch > 0 && std::abs(py - pitch) > 0.1 * em) || py <= 0 || ux.empty() || uy.empty() ||
                !(u::is_cjk(ux.back()) && u_isalpha(static_cast<UChar32>(ux.back()))) ||
                !(u::is_cjk(uy.front()) || u_isdigit(static_cast<UChar32>(uy.front()))))
              break;
            pitch = py;
            if (ends_sentence(y->text)) {
              ok = y->x1 - y->x0 <= w + 0.5 * em;
              break;
            }
            w = std::max(w, y->x1 - y->x0);
          }
          if (!ok || e >= col.size()) continue;
          for (size_t j = k; j < e; ++j) {
            double wj = j == k ? col[j]->x1 - text_left(*col[j]) : col[j]->x1 - col[j]->x0;
            ok = ok && wj >= w - 2.5 * em;
          }
          if (ok) wraps.push_back({a->size, pitch});
        }
      }
      auto wrap_pitches = [&](double size) {
        std::vector<double> v;
        for (auto [sz, p] : wraps)
          if (std::abs(sz - size) <= 0.05 * size) v.push_back(p);
        return v;
      };
      // the column's tightest pitch from one list item to the next of each size
      auto item_pitch = [&](double size) {
        double best = 0;
        for (size_t k = 1; k < col.size(); ++k) {
          const Line* a = col[k - 1];
          const Line* b = col[k];
          bool ia = !a->marker.empty() || a->ink_before.value_or(false), ib = !b->marker.empty() || b->ink_before.value_or(false);
          if (ia && ib && std::abs(a->size - size) <= 0.05 * size && std::abs(b->size - size) <= 0.05 * size &&
              b->y0 > a->y1 - 0.5 * a->height()) {
            double p = b->baseline() - a->baseline();
            best = best == 0 ? p : std::min(best, p);
          }
        }
        return best;
      };
      auto tightest = [&](double size) {
        double best = 0;
        for (auto [sz, p] : pitches)
          if (std::abs(sz - size) <= 0.1 * size) best = best == 0 ? p : std::min(best, p);
        return best;
      };
      // the column's tightest pitch of each size a quarter em or more over its tightest
      auto looser = [&](double size) {
        double t = tightest(size), best = 0;
        for (auto [sz, p] : pitches)
          if (std::abs(sz - size) <= 0.1 * size && p > t + 0.25 * size) best = best == 0 ? p : std::min(best, p);
        return best;
      };
      // the edges of the text around a line: lines of the column that overlap it
      // horizontally, within a few lines above and below
      // the edges of the text box around a block's last line and the line under it: the
      // other lines of the column of that size that overlap them, a few lines around (none:
      // the box is not known, and a line's fullness cannot be told)
      auto box_of = [&](const Line& last, const Line& b) -> std::optional<TextBox> {
        double lo = 1e18, hi = -1e18;
        double x0 = std::min(last.x0, b.x0), x1 = std::max(last.x1, b.x1);
        for (auto* o : col)
          if (o != &last && o != &b && o->y1 > last.y0 - 4 * last.height() && o->y0 < b.y1 + 4 * b.height() && o->x1 > x0 &&
              o->x0 < x1 && std::abs(o->size - last.size) <= 0.15 * last.size && !o->mono) {
            lo = std::min(lo, text_left(*o));
            hi = std::max(hi, text_right(*o));
          }
        if (hi < lo) return std::nullopt;
        bool beside = false;
        double right = std::max(last.x1, b.x1);
        for (const Line* o : rest)
          beside = beside || (o->x0 > right + 0.5 * last.size && o->y1 > last.y0 - 4 * last.height() &&
                              o->y0 < b.y1 + 4 * b.height());
        return TextBox{std::min(lo, text_left(last)), std::max(hi, text_right(last)), hi - lo, hi, beside};
      };
      std::vector<Draft> ds;
      for (const Line* l : col) {
        // code: lines in a monospaced font, one under the other (a blank line between
        // them at most), make one block, in a deck whose body is not all monospaced
        // (a bullet set in the monospaced font whose text wraps keeps its second line: one
        // starting where the bullet's text starts, at the bullet's own pitch)
        bool wraps_item = !ds.empty() && ds.back().item && !ds.back().code && l->marker.empty() &&
                          std::abs(l->x0 - ds.back().text_start) <= 0.25 * l->size &&
                          continues(ds.back(), *l, box_of(*ds.back().lines.back(), *l),
                                    pitch_ref(ds.back().lines.back()->size), false);
        if (l->mono && code_allowed && !wraps_item) {
          if (!ds.empty() && ds.back().code) {
            const Line& last = *ds.back().lines.back();
            double pitch = l->baseline() - last.baseline();
            if (pitch > 0 && pitch < 2.6 * std::max(last.size, 1.0) && std::abs(l->size - last.size) <= 0.15 * last.size &&
                l->x1 > ds.back().lines.front()->x0 - 4 * last.size) {
              ds.back().lines.push_back(l);
              continue;
            }
          }
          Draft d;
          d.lines.push_back(l);
          d.code = true;
          d.indent = d.text_start = l->x0;
          d.column = static_cast<int>(c);
          ds.push_back(std::move(d));
          continue;
        }
        bool graphic = l->marker.empty() && l->ink_before.value_or(false);
        bool item = !l->marker.empty() || graphic;
        const auto wps = ds.empty() ? std::vector<double>{} : wrap_pitches(ds.back().lines.back()->size);
        if (!item && !ds.empty() &&
            continues(ds.back(), *l, box_of(*ds.back().lines.back(), *l), pitch_ref(ds.back().lines.back()->size),
                      s.kind == SlideKind::title, tightest(ds.back().lines.back()->size), &wps,
                      item_pitch(ds.back().lines.back()->size), looser(ds.back().lines.back()->size), &numbered_rows,
                      p.width, page_left)) {
          ds.back().lines.push_back(l);
          continue;
        }
        Draft d;
        d.lines.push_back(l);
        d.item = item;
        d.marker = graphic ? "graphic" : l->marker;
        d.indent = graphic ? (l->ink_x > 0 ? l->ink_x : l->text_start) : l->marker_start;
        d.text_start = l->text_start;
        d.column = static_cast<int>(c);
        ds.push_back(std::move(d));
      }
      // A paragraph that flows on from the foot of one column to the top of the next (a
      // text box of two columns): the earlier column's last block, wrapped, its last line
      // nearly as wide as the column's widest and not ending a sentence, and the next
      // column's first line, at the column's top, not a list item, same size and weight,
      // starting in lower case. (A list item's first line, alone at the foot of its column,
      // wraps there when 0.6 of the widest: its text goes on in the next column, Impress.)
      if (c > 0 && !ds.empty() && !drafts[i].empty() && drafts[i].back().column == static_cast<int>(c) - 1) {
        Draft& d = drafts[i].back();
        const Draft& e = ds.front();
        const Line& last = *d.lines.back();
        const Line& top = *e.lines.front();
        double prev_top = 1e18, widest = 0;
        for (const Line* l : cols[c - 1]) {
          prev_top = std::min(prev_top, l->y0);
          if (std::abs(l->size - last.size) <= 0.1 * last.size) widest = std::max(widest, text_right(*l) - text_left(*l));
        }
        bool flows = !e.item && !e.code && !d.code && d.table < 0 &&
                     std::abs(top.size - last.size) <= 0.1 * last.size && !ends_sentence(last.text) &&
                     top.y0 < last.y0 && std::abs(top.y0 - prev_top) < 1.5 * top.height() && top.bold == last.bold &&
                     ((text_right(last) - text_left(last) >= 0.85 * widest && d.lines.size() >= 2) ||
                      (d.item && d.lines.size() == 1 && text_right(last) - text_left(last) >= 0.6 * widest)) &&
                     starts_lower(top.text);
        if (flows) {
          d.flowed = d.lines.size();
          d.lines.insert(d.lines.end(), e.lines.begin(), e.lines.end());
          ds.erase(ds.begin());
        }
      }
      for (auto& d : ds) drafts[i].push_back(std::move(d));
    }
    // An agenda's page numbers are read after their entries, row by row: each number that
    // stands alone on its entry's baseline (a row of the two alone), where two rows or more
    // have one, goes right after the block that ends with its entry (a column of numbers
    // at a tab stop is found as a column of its own, read after the entries' column).
    if (row_numbers.size() >= 2) {
      std::sort(row_numbers.begin(), row_numbers.end(), [](auto& x, auto& y) { return x.first->baseline() < y.first->baseline(); });
      auto& dv = drafts[i];
      for (const auto& rn : row_numbers) {
        const Line* a = rn.first;  // (plain names: clang 14 does not capture structured bindings)
        const Line* b = rn.second;
        auto jb = std::find_if(dv.begin(), dv.end(), [&](const Draft& d) { return d.lines.size() == 1 && d.lines.front() == b; });
        auto ja = std::find_if(dv.begin(), dv.end(), [&](const Draft& d) { return d.lines.back() == a; });
        if (jb == dv.end() || ja == dv.end() || jb == ja + 1 || jb->table >= 0 || ja->table >= 0) continue;
        Draft moved = std::move(*jb);
        size_t at = static_cast<size_t>(ja - dv.begin()) + 1;
        if (jb < ja) --at;
        dv.erase(jb);
        dv.insert(dv.begin() + static_cast<long>(at), std::move(moved));
      }
    }
    // Each table goes before the first block that starts below its top.
    for (size_t t = 0; t < tables.size(); ++t) {
      std::vector<Draft> cells;
      for (size_t r = 0; r < tables[t].cells.size(); ++r)
        for (size_t k = 0; k < tables[t].cells[r].size(); ++k) {
          // columns in reading order: from the right in right-to-left decks
          size_t c = read_rtl ? tables[t].cells[r].size() - 1 - k : k;
          auto& ls = tables[t].cells[r][c];
          if (ls.empty()) continue;
          std::sort(ls.begin(), ls.end(), [](auto* a, auto* b) { return a->y0 < b->y0; });
          Draft d;
          d.lines = ls;
          d.table = static_cast<int>(t);
          d.row = static_cast<int>(r);
          d.cell = static_cast<int>(k);
          d.indent = d.text_start = ls.front()->x0;
          cells.push_back(std::move(d));
        }
      auto at = std::find_if(drafts[i].begin(), drafts[i].end(), [&](const Draft& d) {
        return d.table < 0 && d.lines.front()->y0 > tables[t].y0;
      });
      drafts[i].insert(at, std::make_move_iterator(cells.begin()), std::make_move_iterator(cells.end()));
    }
    // Rotated text that is not furniture: one paragraph each, after the body, never
    // joined with horizontal lines.
    for (const Line* l : turned) {
      Draft d;
      d.lines.push_back(l);
      d.column = static_cast<int>(cols.size());
      d.indent = d.text_start = l->x0;
      drafts[i].push_back(std::move(d));
    }
    deck.slides.push_back(std::move(s));
  }

  // --- a first list level drawn without bullets (a PowerPoint theme whose first level has
  // no glyph; its second level has one): paragraphs followed by marked items indented
  // under them, twice or more in the deck, are items of an unmarked first level; so are
  // the deck's other body paragraphs that start where they do.
  {
    std::map<long, size_t> widths_n;
    for (const auto& p : pages) ++widths_n[std::lround(p.width)];
    double ref = widths_n.empty() ? 1.0 : static_cast<double>(
        std::max_element(widths_n.begin(), widths_n.end(), [](auto& a, auto& b) { return a.second < b.second; })->first);
    auto rel_x = [&](size_t i, double x) { return pages[i].width > 0 ? x * ref / pages[i].width : x; };
    std::vector<double> parents;
    std::set<size_t> parent_pages;
    double em = std::max(body_size, 1.0);
    double tol = std::max(4.0, 0.5 * body_size);
    auto plain = [](const Draft& d) { return !d.item && d.table < 0 && !d.lines.front()->rotated && !d.lines.front()->rtl; };
    // a plain paragraph with a plain sibling: another one of its size at its start on the page
    auto has_sibling = [&](size_t i, const Draft& d) {
      return std::any_of(drafts[i].begin(), drafts[i].end(), [&](const Draft& o) {
        return &o != &d && plain(o) && o.column == d.column && std::abs(o.text_start - d.text_start) <= tol &&
               std::abs(o.lines.front()->size - d.lines.front()->size) <= 0.1 * d.lines.front()->size;
      });
    };
    for (size_t i = 0; i < drafts.size(); ++i)
      for (size_t k = 0; k + 1 < drafts[i].size(); ++k) {
        const Draft& d = drafts[i][k];
        const Draft& e = drafts[i][k + 1];
        if (plain(d) && e.item && e.marker != "graphic" && e.column == d.column && !e.lines.front()->rtl &&
            e.text_start > d.text_start + 0.8 * em && e.indent > d.text_start - 0.2 * em && has_sibling(i, d)) {
          parents.push_back(rel_x(i, d.text_start));
          parent_pages.insert(i);
        }
      }
    if (auto m = mode_of(parents, tol)) {
      size_t support = std::count_if(parents.begin(), parents.end(), [&](double x) { return std::abs(x - *m) <= tol; });
      if (support >= 2 && parent_pages.size() >= 2) {
        std::vector<Draft*> first_level;
        for (size_t i = 0; i < drafts.size(); ++i)
          for (auto& d : drafts[i])
            if (plain(d) && std::abs(rel_x(i, d.text_start) - *m) <= tol && has_sibling(i, d)) first_level.push_back(&d);
        for (Draft* d : first_level) {
          d->item = true;
          d->indent = d->text_start;
        }
      }
    }
  }

  // --- levels: cluster item indents per column; a first column that starts deeper than
  // the deck's usual first level keeps its depth.
  // Across pages, indents compare in page-relative units (scaled to the deck's most common
  // page width): a page of another size or orientation keeps its levels.
  std::vector<double> first_l1, first_l2, first_l3;
  std::map<std::pair<size_t, int>, std::vector<double>> centers;
  double tol = std::max(4.0, 0.5 * body_size);
  std::map<long, size_t> widths;
  for (const auto& p : pages) ++widths[std::lround(p.width)];
  double ref_w = widths.empty() ? 1.0 : static_cast<double>(
      std::max_element(widths.begin(), widths.end(), [](auto& a, auto& b) { return a.second < b.second; })->first);
  auto rel = [&](size_t i, double x) { return pages[i].width > 0 ? x * ref_w / pages[i].width : x; };
  for (size_t i = 0; i < drafts.size(); ++i) {
    std::map<int, std::vector<double>> by_col;
    for (auto& d : drafts[i])
      if (d.item) by_col[d.column].push_back(d.indent);
    for (auto& [c, xs] : by_col) {
      auto cs = cluster_centers(xs, tol);
      centers[{i, c}] = cs;
      if (c == 0) {
        first_l1.push_back(rel(i, cs[0]));
        if (cs.size() > 1) first_l2.push_back(rel(i, cs[1]));
        if (cs.size() > 2) first_l3.push_back(rel(i, cs[2]));
      }
    }
  }
  auto m1 = mode_of(first_l1, tol), m2 = mode_of(first_l2, tol), m3 = mode_of(first_l3, tol);
  for (size_t i = 0; i < drafts.size(); ++i) {
    // A list set flush right in left-to-right paragraphs (Arabic kept at rtl="0"; any
    // text right-aligned), or centred: its bullets stand just before each line's text,
    // wherever that starts, so indents tell no level; the right edges (the middles) of all
    // its lines are one, and the type size tells the level (smaller, deeper).
    std::map<int, std::vector<Draft*>> items_of_col;
    for (auto& d : drafts[i])
      if (d.item) items_of_col[d.column].push_back(&d);
    std::set<Draft*> by_size;
    for (auto& [c, ds] : items_of_col) {
      if (ds.size() < 2) continue;
      double lo = 1e18, hi = -1e18, ilo = 1e18, ihi = -1e18;
      bool ltr_rtl_text = true;
      for (Draft* d : ds) {
        const Line& f = *d->lines.front();
        lo = std::min(lo, f.x1), hi = std::max(hi, f.x1);
        ilo = std::min(ilo, d->indent), ihi = std::max(ihi, d->indent);
        ltr_rtl_text = ltr_rtl_text && !f.rtl && direction::count_utf8(f.text).mostly_rtl();
      }
      // every line of every item ends at the one right edge, or is centred on one middle
      // (a left-aligned list's wrapped items end ragged on their last line)
      double elo = 1e18, ehi = -1e18, mlo = 1e18, mhi = -1e18, slo = 1e18, shi = -1e18;
      std::map<long, std::pair<double, double>> mid_by_size;  // (half points) -> middles' range
      for (Draft* d : ds) mid_by_size[std::lround(d->lines.front()->size * 2)] = {1e18, -1e18};
      bool all_rtl = true;
      for (Draft* d : ds)
        for (size_t k = 0; k < d->lines.size() && k < d->flowed; ++k) {
          const Line* l = d->lines[k];
          elo = std::min(elo, l->x1), ehi = std::max(ehi, l->x1);
          slo = std::min(slo, l->x0), shi = std::max(shi, l->x0);
          all_rtl = all_rtl && l->rtl;
          // (the middle of its text, its marker left out on either side: a right-to-left
          // item's marker stands right of its text)
          double mid = (text_left(*l) + text_right(*l)) / 2;
          mlo = std::min(mlo, mid), mhi = std::max(mhi, mid);
          auto& g = mid_by_size[std::lround(d->lines.front()->size * 2)];
          g.first = std::min(g.first, mid), g.second = std::max(g.second, mid);
        }
      bool groups_centred = true;
      for (auto& [sz, g] : mid_by_size) groups_centred = groups_centred && g.second - g.first <= tol;
      // (three items or more: two items of a left-aligned list can end or centre alike)
      // (centred: the middles of the items of each type size within the tolerance, and all
      // within four: Impress centres each item in its level's indented box, a deeper item's
      // text's middle 17 pt off the others' at 16 pt)
      bool flush_right = ds.size() >= 3 && ehi - elo <= tol, centred = ds.size() >= 3 && groups_centred && mhi - mlo <= 4 * tol;
      // (and its mirror: a right-to-left list set flush left, its markers on the ragged right)
      bool rtl_flush_left = ds.size() >= 3 && all_rtl && shi - slo <= tol;
      if (!(ltr_rtl_text || flush_right || centred || rtl_flush_left) || (ltr_rtl_text && hi - lo > tol) || ihi - ilo < 3 * tol) continue;
      std::vector<double> sizes;
      for (Draft* d : ds) sizes.push_back(d->lines.front()->size);
      std::sort(sizes.begin(), sizes.end(), std::greater<>());
      std::vector<double> distinct;
      for (double sz : sizes)
        if (distinct.empty() || distinct.back() - sz > 0.5) distinct.push_back(sz);
      for (Draft* d : ds) {
        int rank = 0;
        for (size_t k = 0; k < distinct.size(); ++k)
          if (d->lines.front()->size <= distinct[k] + 0.5) rank = static_cast<int>(k);
        d->level = std::min(9, rank + 1);
        by_size.insert(d);
      }
    }
    for (auto& d : drafts[i]) {
      if (!d.item || by_size.count(&d)) continue;
      const auto& cs = centers[{i, d.column}];
      int rank = 0;
      for (size_t k = 0; k < cs.size(); ++k)
        if (d.indent >= cs[k] - 1e-6) rank = static_cast<int>(k);
      int offset = 0;
      double c0 = rel(i, cs[0]);
      if (d.column == 0 && m1 && std::abs(c0 - *m1) > tol) {
        if (m3 && std::abs(c0 - *m3) <= tol) offset = 2;
        else if (m2 && std::abs(c0 - *m2) <= tol) offset = 1;
      }
      d.level = std::min(9, rank + 1 + offset);
    }
    // A column of one level whose items all share the marker and size of a deeper level
    // in another column of the page, and not those of that column's first level: the
    // list goes on there (a list set in two columns, the break among its sub-items)
    if (items_of_col.size() >= 2) {
      auto style = [](const Draft* d) { return std::make_pair(d->marker, d->lines.front()->size); };
      auto same = [](const std::pair<std::string, double>& a, const std::pair<std::string, double>& b) {
        return a.first == b.first && std::abs(a.second - b.second) <= 0.5;
      };
      for (auto& [c, col_items] : items_of_col) {
        auto& ds = col_items;  // a plain reference: clang 14 does not capture structured bindings
        if (ds.empty() || ds.front()->marker.empty() || ds.front()->marker == "graphic") continue;
        auto st = style(ds.front());
        bool one = std::all_of(ds.begin(), ds.end(), [&](Draft* d) { return d->level == ds.front()->level && same(style(d), st); });
        if (!one || ds.front()->level != 1) continue;
        int deeper = 0;
        for (auto& [c2, ds2] : items_of_col) {
          if (c2 == c) continue;
          bool first_alike = false;
          int lvl = 0;
          for (Draft* d : ds2) {
            if (d->level == 1 && same(style(d), st)) first_alike = true;
            if (d->level >= 2 && same(style(d), st)) lvl = lvl == 0 ? d->level : std::min(lvl, d->level);
          }
          if (!first_alike && lvl >= 2) deeper = deeper == 0 ? lvl : std::min(deeper, lvl);
        }
        if (deeper >= 2)
          for (Draft* d : ds) d->level = deeper;
      }
    }
  }

  // --- blocks into slides
  for (size_t i = 0; i < drafts.size(); ++i) {
    Slide& s = deck.slides[i];
    if (notes_deck) s.notes = notes[i];
    int n = 0;
    for (auto& d : drafts[i]) {
      Block b;
      b.id = s.id + ".b" + std::to_string(++n);
      b.level = d.level;
      if (d.code) {
        // the listing's lines, each indented by its distance from the leftmost line in
        // character widths
        double left = 1e18, cw = 0;
        size_t chars = 0;
        for (const Line* l : d.lines) {
          left = std::min(left, l->x0);
          size_t n = u::decode(l->text).size();
          cw += l->x1 - l->x0;
          chars += n;
        }
        cw = chars ? cw / static_cast<double>(chars) : 1;
        for (const Line* l : d.lines) {
          if (!b.text.empty()) b.text += "\n";
          long ind = cw > 0 ? std::lround((l->x0 - left) / cw) : 0;
          b.text += std::string(static_cast<size_t>(std::clamp(ind, 0L, 80L)), ' ') + l->text;
        }
        b.code = true;
      } else {
        double widest = 0;
        for (const Line* l : d.lines) widest = std::max(widest, text_right(*l) - text_left(*l));
        for (size_t k = 0; k < d.lines.size(); ++k) {
          const Line* l = d.lines[k];
          // (Thai, Lao, Khmer, Myanmar, and Han or kana next to a letter or digit: a space
          // where the line above ends in a drawn space glyph, typed where the text wrapped;
          // Impress draws it, "…例如 " + "2026-014。")
          std::u32string a = u::decode(b.text), c = u::decode(l->text);
          if (k > 0 && d.lines[k - 1]->ends_in_space && !a.empty() && !c.empty() &&
              ((u::no_space_script(a.back()) && u::no_space_script(c.front())) ||
               ((u::is_cjk(a.back()) || u::is_cjk(c.front())) && u_isalnum(static_cast<UChar32>(a.back())) &&
                u_isalnum(static_cast<UChar32>(c.front())))))
            b.text += " " + l->text;
          // (Chinese, Japanese, Thai: a line ended by hand or a paragraph's end, one the
          // next line's first unit would have fitted on, joins with a space)
          else if (k > 0 && !d.lines[k - 1]->rtl && broken_short(*d.lines[k - 1], *l, widest) &&
                   join_wrapped(b.text, l->text, speller_of(i)) == b.text + l->text)
            b.text += " " + l->text;
          else if (d.lines.front()->rtl && no_letters(l->text) && ends_arabic(b.text)) {
            // (a right-to-left paragraph's numbers wrapped onto a line of their own, which
            // holds no letter to tell its direction: read as drawn, from the left, and put in
            // the order typed after the Arabic-script letter above, "مثل" + ".014-2026")
            std::u32string seg = U"\u0627 " + u::decode(l->text);
            arabic_number_order(seg);
            b.text = join_wrapped(b.text, u::encode(seg.substr(2)), speller_of(i));
          } else
            b.text = join_wrapped(b.text, l->text, speller_of(i));
        }
        if (d.lines.size() >= 2 && d.lines.front()->rtl) {  // a bracket pair across its lines
          std::u32string t = u::decode(b.text);
          if (unmirror_brackets(t)) b.text = u::encode(t);
        }
      }
      // (a paragraph that flowed on into the next column: its box is where it starts, in
      // its own column, which a translation fills)
      b.bbox = d.flowed < d.lines.size()
                   ? union_box(std::vector<const Line*>(d.lines.begin(), d.lines.begin() + static_cast<long>(d.flowed)))
                   : union_box(d.lines);
      // (and the boxes of the lines it flowed into, one a column, a new one where a line
      // starts above the one before it: translated slides take its text out of them too)
      for (size_t k = d.flowed, from = k; k < d.lines.size(); ++k)
        if (k + 1 == d.lines.size() || d.lines[k + 1]->y0 < d.lines[k]->y0) {
          b.flow.push_back(union_box(std::vector<const Line*>(d.lines.begin() + static_cast<long>(from),
                                                              d.lines.begin() + static_cast<long>(k) + 1)));
          from = k + 1;
        }
      b.style = style_of(*d.lines.front());
      b.marker = d.marker;
      b.column = d.column;
      if (d.table >= 0) b.table = TableCell{s.id + ".t" + std::to_string(d.table + 1), d.row, d.cell};
      s.blocks.push_back(std::move(b));
    }
  }

  // --- overlays
  auto same_label_run = [&](size_t i) {
    return !pages[i].label.empty() && i + 1 < pages.size() && pages[i].label == pages[i + 1].label;
  };
  size_t label_pairs = 0;
  for (size_t i = 0; i + 1 < pages.size(); ++i)
    if (same_label_run(i)) ++label_pairs;
  bool trust_labels = label_pairs * 2 < pages.size();
  auto grows_into = [&](const Slide& a, const Slide& b) {
    if (a.title.empty() || a.title != b.title || a.blocks.size() > b.blocks.size()) return false;
    if (a.kind != SlideKind::content || b.kind != SlideKind::content) return false;
    for (size_t k = 0; k < a.blocks.size(); ++k)
      if (a.blocks[k].text != b.blocks[k].text) return false;
    return true;
  };
  for (size_t i = deck.slides.size(); i-- > 1;) {
    size_t a = i - 1;
    // A shared label alone is not enough: pandoc's section pages share the frame number
    // of the frame before them. Steps of one frame have the same kind and title.
    const Slide& sa = deck.slides[a];
    const Slide& si = deck.slides[i];
    bool same_frame = sa.kind == si.kind && sa.title == si.title;
    bool step = (trust_labels && same_label_run(a) && same_frame) || grows_into(sa, si) || is_build_step_of(sa, si);
    // a title-only first step is a step of the slide it builds into, not a section slide
    if (step && deck.slides[a].kind == SlideKind::section && si.kind == SlideKind::content) deck.slides[a].kind = SlideKind::content;
    if (step) deck.slides[a].overlay_of = deck.slides[i].overlay_of.empty() ? deck.slides[i].id : deck.slides[i].overlay_of;
  }

  // --- U+FB05 ("ft" or "st"), word by word with the deck's dictionary
  for (size_t i = 0; i < deck.slides.size(); ++i) {
    Slide& s = deck.slides[i];
    const Speller* sp = i < pages.size() ? speller_of(i) : speller;
    s.title = resolve_long_s_t(s.title, sp);
    for (auto& b : s.blocks) b.text = resolve_long_s_t(b.text, sp);
    for (auto& n : s.notes) n = resolve_long_s_t(n, sp);
  }
  // --- a soft hyphen left where no line was joined after it was drawn as a hyphen (a
  // PDF's text layer holds what is drawn; one drawn as nothing went with hygiene)
  {
    auto visible = [](std::string& t) {
      if (t.find("\xC2\xAD") == std::string::npos) return;
      std::string o;
      o.reserve(t.size());
      for (size_t k = 0; k < t.size(); ++k)
        if (t[k] == '\xC2' && k + 1 < t.size() && t[k + 1] == '\xAD') o += '-', ++k;
        else o += t[k];
      t = std::move(o);
    };
    for (auto& s : deck.slides) {
      visible(s.title);
      for (auto& b : s.blocks) visible(b.text);
      for (auto& n : s.notes) visible(n);
    }
  }
  // --- inline styles: bold, italic or coloured words of a block, on its final text (not
  // in code listings; the title has none)
  for (size_t i = 0; i < drafts.size() && i < deck.slides.size(); ++i) {
    Slide& s = deck.slides[i];
    for (size_t k = 0; k < s.blocks.size() && k < drafts[i].size(); ++k) {
      Block& b = s.blocks[k];
      if (b.code) continue;
      b.spans = inline_spans(b.text, b.style, drafts[i][k].lines);
    }
  }
  {
    std::set<std::string> resolved;
    for (const auto& f : furniture_texts) resolved.insert(resolve_long_s_t(f, speller));
    furniture_texts = std::move(resolved);
  }

  // --- language, title, furniture list
  std::string all_text;
  for (const auto& s : deck.slides) {
    all_text += s.title + "\n";
    for (const auto& b : s.blocks) all_text += b.text + "\n";
  }
  deck.lang = guess_lang(all_text);
  for (const auto& s : deck.slides)
    if (s.kind == SlideKind::title && !s.title.empty()) { deck.title = s.title; break; }
  if (deck.title.empty() && !placeholder_title(opts.source_title)) deck.title = u::collapse_spaces(opts.source_title);
  if (deck.title.empty())
    for (const auto& s : deck.slides)
      if (!s.title.empty()) { deck.title = s.title; break; }
  deck.furniture.assign(furniture_texts.begin(), furniture_texts.end());
  return deck;
}

}  // namespace deckhand::extract

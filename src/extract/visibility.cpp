// Which characters nobody can see (visibility.hpp; docs/extraction.md, step 0).
#include "extract/visibility.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <map>

#include "core/unicode.hpp"

namespace deckhand::extract {
namespace u = deckhand::unicode;

const char* to_string(Hidden h) {
  switch (h) {
    case Hidden::no: return "";
    case Hidden::render_mode: return "render-mode";
    case Hidden::covered: return "covered";
    case Hidden::background: return "background";
    case Hidden::transparent: return "transparent";
    case Hidden::clipped: return "clipped";
    case Hidden::outside_page: return "outside-page";
    case Hidden::zero_size: return "zero-size";
  }
  return "";
}

namespace {

// A glyph that is text: not one space character (Poppler's UnicodeIsWhitespace, which
// ends a word) or NUL, the characters Poppler keeps out of its words.
bool is_text(const DrawnChar& c) {
  std::u32string t = u::decode(c.text);
  if (t.empty()) return false;
  if (t.size() > 1) return true;
  char32_t ch = t[0];
  bool space = (ch >= 0x09 && ch <= 0x0D) || ch == 0x20 || ch == 0x85 || ch == 0xA0 ||
               (ch >= 0x2000 && ch <= 0x200A) || ch == 0x2028 || ch == 0x2029 || ch == 0x202F || ch == 0x205F || ch == 0x3000;
  return !space && ch != 0;
}

bool finite_box(const DrawnChar& c) {
  return std::isfinite(c.x0) && std::isfinite(c.y0) && std::isfinite(c.x1) && std::isfinite(c.y1);
}

double colour_distance(const std::array<double, 3>& a, const std::array<double, 3>& b) {
  return std::abs(a[0] - b[0]) + std::abs(a[1] - b[1]) + std::abs(a[2] - b[2]);
}

// Does the glyph paint anything at all (a space, render mode 3 or 7, opacity 0 do not)?
bool paints(const DrawnChar& c) {
  int mode = c.render & 3;
  if (mode == 3 || (!c.text.empty() && !is_text(c))) return false;  // a glyph without text still paints; a space does not
  bool fill = (mode == 0 || mode == 2) && c.fill_alpha > 0.001;
  bool stroke = (mode == 1 || mode == 2) && c.stroke_alpha > 0.001;
  return fill || stroke;
}

}  // namespace

namespace {
// The glyphs by where they are, in cells of 24 pt (built on first use): the glyphs whose
// boxes may meet a box, without looking at all of them.
class GlyphGrid {
 public:
  explicit GlyphGrid(const std::vector<DrawnChar>& chars) : chars_(chars) {}
  // Calls f(k) for the glyphs whose cells meet the box (some more than once) until it
  // returns true; returns whether it did.
  template <class F>
  bool any(double x0, double y0, double x1, double y1, F f) {
    if (!built_) build();
    if (!(x1 >= x0 && y1 >= y0)) return false;
    for (size_t k : giants_)
      if (f(k)) return true;
    long cx0 = cell(x0), cy0 = cell(y0), cx1 = cell(x1), cy1 = cell(y1);
    if ((cx1 - cx0 + 1) * (cy1 - cy0 + 1) > 4096) {  // a huge box: every glyph
      for (size_t k = 0; k < chars_.size(); ++k)
        if (f(k)) return true;
      return false;
    }
    for (long cy = cy0; cy <= cy1; ++cy)
      for (long cx = cx0; cx <= cx1; ++cx)
        if (auto it = cells_.find({cx, cy}); it != cells_.end())
          for (size_t k : it->second)
            if (f(k)) return true;
    return false;
  }

 private:
  static long cell(double v) { return static_cast<long>(std::floor(std::clamp(v, -1e7, 1e7) / 24.0)); }
  void build() {
    built_ = true;
    for (size_t k = 0; k < chars_.size(); ++k) {
      const DrawnChar& c = chars_[k];
      if (!finite_box(c) || c.x1 < c.x0 || c.y1 < c.y0) continue;
      long cx0 = cell(c.x0), cy0 = cell(c.y0), cx1 = cell(c.x1), cy1 = cell(c.y1);
      if ((cx1 - cx0 + 1) * (cy1 - cy0 + 1) > 4096) {  // a giant glyph: asked about every time
        giants_.push_back(k);
        continue;
      }
      for (long cy = cy0; cy <= cy1; ++cy)
        for (long cx = cx0; cx <= cx1; ++cx) cells_[{cx, cy}].push_back(k);
    }
  }
  const std::vector<DrawnChar>& chars_;
  std::map<std::pair<long, long>, std::vector<size_t>> cells_;
  std::vector<size_t> giants_;
  bool built_ = false;
};
}  // namespace

std::vector<Hidden> hidden_chars(const std::vector<DrawnChar>& chars, const std::vector<DrawnShape>& shapes, double page_w,
                                 double page_h) {
  std::vector<Hidden> out(chars.size(), Hidden::no);
  GlyphGrid grid(chars);
  for (size_t i = 0; i < chars.size(); ++i) {
    const DrawnChar& c = chars[i];
    if (!is_text(c) || !finite_box(c)) continue;
    // wholly off the page (Poppler leaves such characters out of its words)
    if (c.x1 < 0 || c.x0 > page_w || c.y1 < 0 || c.y0 > page_h) { out[i] = Hidden::outside_page; continue; }
    if (c.size < 0.1) { out[i] = Hidden::zero_size; continue; }
    // wholly outside a clip that is known exactly (with a quarter em to spare: a glyph's
    // ink may reach beyond its advance)
    if (c.clip_known) {
      double m = 0.25 * c.size;
      if (c.x1 + m <= c.clip[0] || c.x0 - m >= c.clip[2] || c.y1 + m <= c.clip[1] || c.y0 - m >= c.clip[3]) {
        out[i] = Hidden::clipped;
        continue;
      }
    }
    int mode = c.render & 3;
    bool fill = mode == 0 || mode == 2, stroke = mode == 1 || mode == 2;
    bool fill_shows = fill && c.fill_alpha > 0.001, stroke_shows = stroke && c.stroke_alpha > 0.001;
    if (mode == 3 || (!fill_shows && !stroke_shows)) {
      // Invisible text over the same words drawn otherwise is their text: an OCR layer
      // over a scanned page (a picture), or the searchable copy PowerPoint lays over
      // text it draws as outlines (paths, or a stencil, no taller than a few lines).
      bool drawn_otherwise = std::any_of(shapes.begin(), shapes.end(), [&](const DrawnShape& s) {
        if (s.alpha <= 0 || !s.meets(c.x0, c.y0, c.x1, c.y1)) return false;
        if (s.kind == DrawnShape::picture || s.kind == DrawnShape::gradient) return true;
        bool outline = (s.kind == DrawnShape::fill && !s.exact) || s.kind == DrawnShape::stencil;
        return outline && s.y1 - s.y0 <= 3 * c.size;
      });
      if (!drawn_otherwise) out[i] = mode == 3 ? Hidden::render_mode : Hidden::transparent;
      continue;
    }
    // covered by an opaque rectangle or picture drawn later, all of its box
    if (std::any_of(shapes.begin(), shapes.end(), [&](const DrawnShape& s) {
          return s.order > c.order && s.exact && s.opaque() && s.contains(c.x0, c.y0, c.x1, c.y1);
        })) {
      out[i] = Hidden::covered;
      continue;
    }
    // In the colour of what lies beneath: the last thing painted there before it must be
    // an opaque rectangle of one colour covering all of its box (or nothing: white
    // paper), with nothing else painted in between. Anything else beneath (a picture, a
    // gradient, a stroke, a see-through or soft-masked shape, a path of another shape)
    // leaves the colour beneath unknown, and the character visible.
    if (c.knockout || !c.normal_blend) continue;
    if ((fill_shows && !c.fill_known) || (stroke_shows && !c.stroke_known)) continue;
    const DrawnShape* under = nullptr;
    for (const DrawnShape& s : shapes)
      if (s.order < c.order && s.alpha > 0 && s.meets(c.x0, c.y0, c.x1, c.y1) && (!under || s.order > under->order)) under = &s;
    std::array<double, 3> beneath{1, 1, 1};
    if (under) {
      if (!(under->kind == DrawnShape::fill && under->exact && under->opaque() && under->contains(c.x0, c.y0, c.x1, c.y1))) continue;
      beneath = under->rgb;
    }
    if (fill_shows && colour_distance(c.fill, beneath) >= 0.03) continue;
    if (stroke_shows && colour_distance(c.stroke, beneath) >= 0.03) continue;
    // other glyphs painted there since (a shadow under white text makes it show); the
    // boxes of neighbouring glyphs may touch or overlap a little (kerning)
    double mx = 0.1 * c.size;
    size_t since = under ? under->order : 0;
    bool over_glyph = grid.any(c.x0 + mx, c.y0 + mx, c.x1 - mx, c.y1 - mx, [&](size_t k) {
      if (k >= i) return false;
      const DrawnChar& o = chars[k];
      if (o.order < since || !paints(o)) return false;
      if (out[k] != Hidden::no && out[k] != Hidden::covered) return false;  // painted nothing, or the colour beneath
      return o.x0 + mx < c.x1 - mx && o.x1 - mx > c.x0 + mx && o.y0 + mx < c.y1 - mx && o.y1 - mx > c.y0 + mx;
    });
    if (!over_glyph) out[i] = Hidden::background;
  }
  return out;
}

namespace {

// Index of the characters by position: for a range, the characters in it.
struct ByPos {
  std::vector<std::pair<int, size_t>> v;  // pos, index
  explicit ByPos(const std::vector<DrawnChar>& chars) {
    for (size_t i = 0; i < chars.size(); ++i) v.push_back({chars[i].pos, i});
    std::sort(v.begin(), v.end());
  }
  template <class F>
  void each(const CharRange& r, F f) const {
    for (auto it = std::lower_bound(v.begin(), v.end(), std::make_pair(r.first, size_t{0})); it != v.end() && it->first < r.second; ++it)
      f(it->second);
  }
};

}  // namespace

std::vector<Dropped> drop_hidden_words(std::vector<Word>& words, const std::vector<CharRange>& ranges, const std::vector<DrawnChar>& chars,
                                       const std::vector<Hidden>& hidden) {
  std::vector<Dropped> out;
  if (std::none_of(hidden.begin(), hidden.end(), [](Hidden h) { return h != Hidden::no; })) return out;
  ByPos by_pos(chars);
  std::vector<Word> kept;
  for (size_t w = 0; w < words.size(); ++w) {
    int seen = 0, unseen = 0;
    std::map<Hidden, int> why;
    if (w < ranges.size())
      by_pos.each(ranges[w], [&](size_t i) {
        if (!is_text(chars[i])) return;
        if (hidden[i] == Hidden::no) ++seen;
        else ++unseen, ++why[hidden[i]];
      });
    if (unseen > 0 && seen == 0) {
      Hidden most = std::max_element(why.begin(), why.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
      const Word& x = words[w];
      out.push_back({x.text, "hidden", to_string(most), {x.x0, x.y0, x.x1, x.y1}});
    } else {
      kept.push_back(std::move(words[w]));
    }
  }
  words = std::move(kept);
  return out;
}

std::vector<Dropped> unworded_chars(const std::vector<DrawnChar>& chars, const std::vector<CharRange>& ranges,
                                    const std::vector<Hidden>& hidden) {
  std::vector<Dropped> out;
  if (chars.empty()) return out;
  // which characters are in a word
  std::vector<CharRange> rs = ranges;
  std::sort(rs.begin(), rs.end());
  auto in_word = [&](const DrawnChar& c) {  // words' ranges do not overlap
    auto it = std::upper_bound(rs.begin(), rs.end(), CharRange{c.pos, std::numeric_limits<int>::max()});
    return it != rs.begin() && c.pos >= std::prev(it)->first && c.pos < std::prev(it)->second;
  };
  std::vector<bool> worded(chars.size());
  bool any_out = false;
  for (size_t i = 0; i < chars.size(); ++i) {
    worded[i] = in_word(chars[i]);
    any_out = any_out || (!worded[i] && is_text(chars[i]));
  }
  if (!any_out) return out;
  // Poppler drops the second of two words with the same text within 0.1 em along the
  // line and 0.2 em across it (fake bold, shadows): a character with the same text near
  // a character in a word is such a copy
  auto twin = [&](size_t i) {
    const DrawnChar& c = chars[i];
    double em = std::max(c.size, 0.1);
    for (size_t k = 0; k < chars.size(); ++k)
      if (worded[k] && chars[k].text == c.text && std::abs(chars[k].x0 - c.x0) < 0.35 * em && std::abs(chars[k].y0 - c.y0) < 0.35 * em)
        return true;
    return false;
  };
  Dropped cur;
  bool open = false, space = false;
  double last_x1 = 0, last_y0 = 0, last_y1 = 0, last_em = 0;
  auto flush = [&] {
    if (open) out.push_back(cur);
    open = false;
    space = false;
  };
  for (size_t i = 0; i < chars.size(); ++i) {
    const DrawnChar& c = chars[i];
    if (worded[i]) { flush(); continue; }
    if (!is_text(c)) {
      if (!c.text.empty()) space = true;  // a space glyph between dropped characters
      continue;
    }
    if (!finite_box(c)) continue;
    std::string reason, detail;
    if (hidden[i] == Hidden::outside_page) reason = "hidden", detail = "outside-page";
    else if (c.off_page) reason = "cut", detail = "origin-off-page";  // a sliver of it may reach onto the page
    else if (twin(i)) reason = "duplicate";
    else if (hidden[i] != Hidden::no) reason = "hidden", detail = to_string(hidden[i]);
    else reason = "other", detail = "not-in-words";
    double em = std::max(c.size, 0.1);
    bool near = open && cur.reason == reason && cur.detail == detail && std::min(c.y1, last_y1) - std::max(c.y0, last_y0) > 0 &&
                c.x0 - last_x1 < 1.0 * std::max(em, last_em) && last_x1 - c.x0 < 3.0 * std::max(em, last_em);
    if (!near) {
      flush();
      cur = Dropped{"", reason, detail, {c.x0, c.y0, c.x1, c.y1}};
      open = true;
    } else {
      if (space || c.x0 - last_x1 > 0.2 * em) cur.text += ' ';
      cur.bbox = {std::min(cur.bbox[0], c.x0), std::min(cur.bbox[1], c.y0), std::max(cur.bbox[2], c.x1), std::max(cur.bbox[3], c.y1)};
    }
    cur.text += c.text;
    space = false;
    last_x1 = c.x1; last_y0 = c.y0; last_y1 = c.y1; last_em = em;
  }
  flush();
  return out;
}

}  // namespace deckhand::extract

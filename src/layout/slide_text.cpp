#include "layout/slide_text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/direction.hpp"
#include "core/unicode.hpp"
#include "layout/bidi.hpp"
#include "layout/engine.hpp"
#include "layout/text.hpp"

namespace deckhand::layout {
namespace {

struct Item {
  std::string key, text, marker;
  BBox box{};
  double size = 0;
  bool bold = false;
  int level = 0;
};

std::vector<Item> items_of(const Slide& s, double sh) {
  // the source's size, or a usual one when the deck gives none; an edited deck JSON may
  // say anything: kept between 1 pt and the slide's height
  auto size_of = [sh](double given, double usual) {
    return std::clamp(given > 0 ? given : usual, 1.0, std::max(1.0, sh));
  };
  std::vector<Item> items;
  if (!s.title.empty())
    items.push_back({s.id + ".title", s.title, "", s.title_bbox, size_of(s.title_style.size, sh * 0.07), s.title_style.bold, 0});
  for (const auto& b : s.blocks)
    items.push_back({b.id, b.text, b.marker, b.bbox, size_of(b.style.size, sh * 0.045), b.style.bold, b.level});
  return items;
}

// A marker found as text (inside the block's box, so removed with it) is drawn again; a
// drawn one ("graphic") is a picture, and stays.
bool draws_marker(const Item& it) { return it.level > 0 && !it.marker.empty() && it.marker != "graphic"; }

bool sets_rtl(const Deck& deck, const std::string& text) {
  return deck.direction == "rtl" || direction::first_strong(unicode::decode(text)) == direction::Dir::rtl;
}

struct Setter {
  const FontSet& fonts;
  std::set<char32_t> missing;

  std::u32string printable(std::u32string s, bool bold) {
    for (char32_t& c : s)
      if (c > 0x20 && c != 0xFEFF && c != 0x200D && c != 0xFE0F && (c > 0xFFFF || !fonts.covers(c, bold)) && fonts.covers(0x25A1, bold)) {
        missing.insert(c);
        c = 0x25A1;
      }
    return s;
  }
  double width(const std::u32string& v, double size, bool bold) const {
    double w = 0;
    for (char32_t c : v) w += c == 0xFEFF ? 0 : fonts.advance(c, size, bold);
    return w;
  }
  static std::u32string visual(const std::u32string& logical, bool rtl) {
    bool any = rtl || std::any_of(logical.begin(), logical.end(), [](char32_t c) { return direction::is_rtl(c); });
    return any ? visual_line(logical, rtl) : logical;
  }
  // visual text from x (its left end), split by the font of the chain that has each character
  void runs(std::vector<TextRun>& out, const std::u32string& v, double x, double base, double size, bool bold, Color c) {
    size_t i = 0;
    while (i < v.size()) {
      const std::string& id = fonts.font_for(v[i], bold);
      if (!fonts.covers(v[i], bold)) missing.insert(v[i]);
      std::u32string seg;
      size_t j = i;
      while (j < v.size() && fonts.font_for(v[j], bold) == id) seg += v[j++];
      TextRun t;
      t.x = x;
      t.y = base;
      t.size = size;
      t.font = id;
      t.text = unicode::encode(seg);
      t.form = TextForm::shaped;  // visual order, presentation forms (visual())
      t.color = c;
      t.stroke = bold && fonts.synthetic_bold(id);
      const FontMetrics& f = fonts.get(id);
      t.width = f.width(t.text, size);
      t.ascent = f.ascent(size);
      t.descent = f.descent(size);
      x += t.width;
      out.push_back(std::move(t));
      i = j;
    }
  }

  struct Placed {
    std::vector<TextRun> runs;
    bool complete = true;
    bool overfull = false;  // a line wider than its room (a word with no break that fits)
    double height = 0;
  };
  // Lines from y down to y_max in x0..x1, the marker at the start side (x0 left to right,
  // ending at x1 right to left) and the text `indent` (the source's, 0: unknown) from it.
  Placed place(const Item& it, const std::string& lang, double size, double x0, double x1, double y, double y_max, bool rtl,
               bool centre, Color c, double indent) {
    Placed out;
    const FontMetrics& f = fonts.get(it.bold ? "bold" : "regular");
    const double lh = size * 1.2;
    std::u32string mark = draws_marker(it) ? unicode::decode(marker_for(it.marker, it.level)) : U"";
    // the marker's room: the source's, from the marker's start to the text's, scaled with the size
    double bw = mark.empty() ? 0 : indent > 0 ? indent * size / it.size : std::max(size * 1.1, width(mark, size, false) + size * 0.35);
    std::u32string logical = printable(unicode::decode(it.text), it.bold);
    bool any_rtl = rtl || std::any_of(logical.begin(), logical.end(), [](char32_t ch) { return direction::is_rtl(ch); });
    std::u32string measure = any_rtl ? shape_logical(logical, rtl) : logical;
    auto adv = [&](char32_t ch) { return ch == 0xFEFF ? 0.0 : fonts.advance(ch, size, it.bold); };
    const double w = std::max(size, x1 - x0 - bw);
    auto lines = wrap_ranges(measure, adv, w, lang);
    double cur = y;
    for (size_t k = 0; k < lines.size(); ++k) {
      if (cur + lh > y_max + 1e-6 && k > 0) {
        out.complete = false;
        break;
      }
      if (cur + f.ascent(size) + f.descent(size) > y_max + 1e-6) {  // not even one line
        out.complete = false;
        break;
      }
      double base = cur + f.ascent(size);
      if (lines[k].overfull) out.overfull = true;
      std::u32string part = logical.substr(lines[k].begin, lines[k].end - lines[k].begin);
      if (lines[k].hyphen) part += U'-';
      std::u32string v = visual(part, rtl);
      double lw = width(v, size, it.bold);
      if (k == 0 && !mark.empty()) {
        std::u32string mv = visual(mark, rtl);
        double mx = rtl ? x1 - width(mv, size, false) : x0;
        runs(out.runs, mv, mx, base, size, false, c);
      }
      double lx = centre ? x0 + (x1 - x0 - lw) / 2 : rtl ? x1 - bw - lw : x0 + bw;
      runs(out.runs, v, lx, base, size, it.bold, c);
      cur += k + 1 < lines.size() ? lh : f.ascent(size) + f.descent(size);
    }
    out.height = cur - y;
    return out;
  }
};

bool overlap(double a0, double a1, double b0, double b1) { return std::min(a1, b1) - std::max(a0, b0) > 0.5; }

}  // namespace

BBox removal_box(const Slide& slide, const std::string& key) {
  for (const auto& it : items_of(slide, slide.size[1])) {
    if (it.key != key) continue;
    BBox b = it.box;
    if (slide.size[0] > 0 && slide.size[1] > 0) {
      b[0] = std::clamp(b[0], 0.0, slide.size[0]), b[2] = std::clamp(b[2], 0.0, slide.size[0]);
      b[1] = std::clamp(b[1], 0.0, slide.size[1]), b[3] = std::clamp(b[3], 0.0, slide.size[1]);
    }
    return b;
  }
  return {0, 0, 0, 0};
}

LaidOutDoc lay_out_slide_text(const Deck& deck, const SlideUnits& units, const FontSet& fonts, const SlideTextOptions& opts,
                              Diagnostics& diag) {
  LaidOutDoc doc;
  Setter st{fonts, {}};
  const std::string lang = deck.lang.value_or("");
  for (const auto& s : deck.slides) {
    double sw = s.size[0] > 0 ? s.size[0] : deck.source.page_size[0];
    double sh = s.size[1] > 0 ? s.size[1] : deck.source.page_size[1];
    if (!(sw > 0 && sh > 0)) sw = 720, sh = 405;
    LaidOutPage pg;
    pg.width = sw;
    pg.height = sh;
    std::vector<Item> items = items_of(s, sh);
    for (auto& it : items) {  // boxes reaching outside the slide are clamped to it
      it.box[0] = std::clamp(it.box[0], 0.0, sw), it.box[2] = std::clamp(it.box[2], 0.0, sw);
      it.box[1] = std::clamp(it.box[1], 0.0, sh), it.box[3] = std::clamp(it.box[3], 0.0, sh);
    }
    for (size_t i = 0; i < items.size(); ++i) {
      const Item& it = items[i];
      if (!units.translated.count(it.key)) continue;
      const BBox& b = it.box;
      if (!(b[2] > b[0] && b[3] > b[1])) continue;  // no box (an edited deck JSON): nothing to replace
      auto ci = units.colors.find(it.key);
      Color c = ci == units.colors.end() ? Color{} : ci->second;
      bool rtl = sets_rtl(deck, it.text);
      bool centre = it.level == 0 && std::abs((b[0] + b[2]) / 2 - sw / 2) < 0.03 * sw;
      double margin = 0.04 * sw;
      double src_x0 = b[0], src_x1 = b[2];
      // where the source's text starts after its marker: the first removed text that starts
      // right of the leftmost one (the marker), within 4 em
      double indent = 0;
      if (draws_marker(it)) {
        auto si = units.starts.find(it.key);
        if (si != units.starts.end() && !si->second.empty()) {
          double m0 = *std::min_element(si->second.begin(), si->second.end());
          double next = 1e9;
          for (double x : si->second)
            if (x > m0 + 0.25 * it.size && x < next) next = x;
          if (next < m0 + 4 * it.size) indent = next - b[0];
        }
      }
      // down to the next box below (that shares columns with it), or the slide's bottom margin
      double bottom = sh - 0.04 * sh;
      for (size_t j = 0; j < items.size(); ++j)
        if (j != i && items[j].box[1] >= b[3] - 1 && overlap(items[j].box[0], items[j].box[2], src_x0, src_x1))
          bottom = std::min(bottom, items[j].box[1] - 1);
      bottom = std::max(bottom, b[3]);
      // light text (white on a band or a photo): the background below its box is not
      // known to be its own, so it does not grow down; it shrinks
      const double luminance = 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b;
      if (luminance > 0.6) bottom = b[3];
      // sideways: up to the next box beside it (over the rows it may use), or the margin
      double left = std::min(src_x0, margin), right = std::max(src_x1, sw - margin);
      for (size_t j = 0; j < items.size(); ++j) {
        if (j == i || !overlap(items[j].box[1], items[j].box[3], b[1], bottom)) continue;
        if (items[j].box[0] >= src_x1 - 1) right = std::min(right, std::max(src_x1, items[j].box[0] - 0.01 * sw));
        else if (items[j].box[2] <= src_x0 + 1) left = std::max(left, std::min(src_x0, items[j].box[2] + 0.01 * sw));
      }
      double x0, x1;
      if (centre) {
        double half = std::min((b[0] + b[2]) / 2 - left, right - (b[0] + b[2]) / 2);
        half = std::max(half, (b[2] - b[0]) / 2);
        x0 = (b[0] + b[2]) / 2 - half, x1 = (b[0] + b[2]) / 2 + half;
      } else if (rtl) {
        x0 = left, x1 = right;
      } else {
        x0 = b[0], x1 = right;
      }
      // the source's size, the free space below, then smaller down to the minimum
      const double min_size = std::min(it.size, std::max(opts.min_size, it.size * 0.5));
      double size = it.size;
      Setter::Placed best = st.place(it, lang, size, x0, x1, b[1], bottom, rtl, centre, c, indent);
      while (!(best.complete && !best.overfull) && size > min_size + 1e-9) {
        size = std::max(min_size, size * 0.95);
        best = st.place(it, lang, size, x0, x1, b[1], bottom, rtl, centre, c, indent);
      }
      if (!best.complete) {
        Setter::Placed all = st.place(it, lang, size, x0, x1, b[1], 1e9, rtl, centre, c, indent);
        double need = all.height / std::max(1.0, bottom - b[1]);
        doc.overflows.push_back({s.page, it.key, need});
        diag.warn({"text-overflow", opts.file, s.page,
                   "slide " + (s.label.empty() ? std::to_string(s.page) : s.label) + ": " + it.key +
                       " does not fit its box even at " + std::to_string(static_cast<int>(std::lround(min_size))) + " pt (needs " +
                       std::to_string(static_cast<int>(std::lround(need * 100))) + "% of the room); cut"});
      }
      for (auto& r : best.runs) pg.texts.push_back(std::move(r));
      pg.frames.push_back({it.key, {x0, b[1], x1 - x0, bottom - b[1]}});
    }
    doc.pages.push_back(std::move(pg));
  }
  if (!st.missing.empty()) {
    std::string list;
    for (char32_t c : st.missing) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "U+%04X", unsigned(c));
      if (!list.empty()) list += ' ';
      list += buf;
    }
    diag.warn({"missing-glyph", opts.file, 0, "no font in the chain has these characters; they print as a box (□): " + list});
  }
  doc.fonts = fonts.paths();
  doc.title = deck.title;
  doc.subject = "Translated slides of " + (deck.source.file.empty() ? std::string("a slide deck") : deck.source.file);
  return doc;
}

}  // namespace deckhand::layout

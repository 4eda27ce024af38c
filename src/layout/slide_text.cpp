#include "layout/slide_text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/direction.hpp"
#include "core/unicode.hpp"
#include "layout/setter.hpp"
#include "layout/bullets.hpp"
#include "layout/engine.hpp"
#include "layout/font_match.hpp"
#include "layout/text.hpp"

namespace deckhand::layout {
namespace {

struct Item {
  std::string key, text, marker;
  BBox box{};
  double size = 0;
  bool bold = false;
  int level = 0;
  std::string font;  // the source's font name (Style::font)
  bool italic = false;
  std::vector<TextSpan> spans;  // bold, italic or coloured words (the translation's)
};

std::vector<Item> items_of(const Slide& s, double sh) {
  // the source's size, or a usual one when the deck gives none; an edited deck JSON may
  // say anything: kept between 1 pt and the slide's height
  auto size_of = [sh](double given, double usual) {
    return std::clamp(given > 0 ? given : usual, 1.0, std::max(1.0, sh));
  };
  std::vector<Item> items;
  if (!s.title.empty())
    items.push_back({s.id + ".title", s.title, "", s.title_bbox, size_of(s.title_style.size, sh * 0.07), s.title_style.bold, 0, s.title_style.font, s.title_style.italic});
  for (const auto& b : s.blocks)
    items.push_back({b.id, b.text, b.marker, b.bbox, size_of(b.style.size, sh * 0.045), b.style.bold, b.level, b.style.font, b.style.italic, b.spans});
  return items;
}

// A marker found as text (inside the block's box, so removed with it) is drawn again; a
// drawn one ("graphic") is a picture, and stays.
bool draws_marker(const Item& it) { return it.level > 0 && !it.marker.empty() && it.marker != "graphic"; }

bool sets_rtl(const Deck& deck, const std::string& text) {
  return deck.direction == "rtl" || direction::first_strong(unicode::decode(text)) == direction::Dir::rtl;
}

// "#rrggbb" (checked by the deck JSON reader and the translation merge) as a colour
Color parse_color(const std::string& hex) {
  auto v = [&](size_t i) { return std::stoi(hex.substr(i, 2), nullptr, 16) / 255.0; };
  return {v(1), v(3), v(5)};
}

struct Setter {
  TextSetter ts;
  std::string lang;

  struct Placed {
    std::vector<TextRun> runs;
    bool complete = true;
    bool overfull = false;  // a line wider than its room (a word with no break that fits)
    double height = 0;
  };
  // Lines from y down to y_max in x0..x1, the marker at the start side (x0 left to right,
  // ending at x1 right to left) and the text `indent` (the source's, 0: unknown) from it.
  // The source's font for an item, or its metric-compatible stand-in (layout/font_match.hpp),
  // tried before the layout's chain; "" when none is installed (or it is not TrueType).
  std::string first_font(const Item& it, bool bold, bool italic, bool* italic_face = nullptr) {
    if (it.font.empty()) return "";
    FontMatch m = match_font({it.font, bold, italic});
    if (!m.found() || !m.truetype() || m.face_index != 0 || (bold && m.synthetic_bold)) return "";
    if (italic_face) *italic_face = m.italic;
    return ts.source_font(m.path);
  }
  std::string first_font(const Item& it) { return first_font(it, it.bold, it.italic); }

  // The item's bold, italic or coloured words as styled ranges of its text.
  std::vector<StyledRange> ranges_of(const Item& it, double size, Color c) {
    std::vector<StyledRange> out;
    for (const auto& sp : it.spans) {
      StyledRange r;
      r.begin = sp.begin, r.end = sp.end;
      r.style.size = size;
      r.style.bold = it.bold || sp.bold;
      r.style.italic = it.italic || sp.italic;
      r.style.color = sp.color.size() == 7 ? parse_color(sp.color) : c;
      r.style.first = first_font(it, r.style.bold, r.style.italic, &r.style.italic_face);
      out.push_back(std::move(r));
    }
    return out;
  }

  // What to draw before an item: a number as found, the source's bullet (a symbol font's
  // private-use bullet as its Unicode equivalent), else the layout's bullet for its level.
  static std::string marker_of(const Item& it) {
    std::string m = marker_for(it.marker, it.level);
    if (m == it.marker) return m;  // a number or letter as found
    // a bullet glyph as found (·, ▪, ◦, –), or a symbol font's private-use one as its
    // Unicode equivalent (Wingdings U+F0A7 → ▪); else the layout's bullet for the level
    std::string u = unicode_marker(it.marker, it.font);
    return u.empty() ? m : u;
  }

  Placed place(const Item& it, double size, double x0, double x1, double y, double y_max, bool rtl, bool centre, Color c,
               double indent) {
    Placed out;
    const std::string first = first_font(it);
    const FontMetrics& f = first.empty() ? ts.fonts().get(it.bold ? "bold" : "regular") : ts.font(first);
    const double lh = size * 1.2;
    const std::string mark = draws_marker(it) ? marker_of(it) : "";
    const TextStyle ms{size, false, c, first};
    // the marker's room: the source's, from the marker's start to the text's, scaled with the size
    double bw = mark.empty() ? 0 : indent > 0 ? indent * size / it.size : std::max(size * 1.1, ts.width(mark, ms, rtl, lang) + size * 0.35);
    bool italic_face = false;
    first_font(it, it.bold, it.italic, &italic_face);
    Paragraph para = ts.paragraph(it.text, {size, it.bold, c, first, it.italic, italic_face}, rtl, lang, ranges_of(it, size, c));
    const double w = std::max(size, x1 - x0 - bw);
    auto lines = para.wrap(w, lang);
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
      auto set = para.set(lines[k], 0, base);
      double lw = 0;
      for (const auto& r : set) lw += r.width;
      if (k == 0 && !mark.empty()) {
        double mx = rtl ? x1 - ts.width(mark, ms, rtl, lang) : x0;
        for (auto& r : ts.line(mark, ms, rtl, lang, mx, base)) out.runs.push_back(std::move(r));
      }
      double lx = centre ? x0 + (x1 - x0 - lw) / 2 : rtl ? x1 - bw - lw : x0 + bw;
      for (auto& r : set) {
        r.x += lx;
        out.runs.push_back(std::move(r));
      }
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
  Setter st{TextSetter(fonts), deck.lang.value_or("")};
  for (const auto& s : deck.slides) {
    double sw = s.size[0] > 0 ? s.size[0] : deck.source.page_size[0];
    double sh = s.size[1] > 0 ? s.size[1] : deck.source.page_size[1];
    if (!(sw > 0 && sh > 0)) sw = 720, sh = 405;
    LaidOutPage pg;
    pg.width = sw;
    pg.height = sh;
    std::vector<Item> items = items_of(s, sh);
    // the source slide's direction (a merged translation gives the slide its own language's
    // direction; the boxes are still the source's)
    const bool source_rtl = deck.translated_from.empty() ? s.direction == "rtl" : direction::language_is_rtl(deck.translated_from);
    for (auto& it : items) {  // boxes reaching outside the slide are clamped to it
      it.box[0] = std::clamp(it.box[0], 0.0, sw), it.box[2] = std::clamp(it.box[2], 0.0, sw);
      it.box[1] = std::clamp(it.box[1], 0.0, sh), it.box[3] = std::clamp(it.box[3], 0.0, sh);
    }
    struct Plan {
      size_t item;
      double x0, x1, bottom;
      bool rtl, centre;
      Color color;
      double indent, min_size, size;
    };
    std::vector<Plan> plans;
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
        // Right to left: the source's frame, its text set against the other side. A
        // left-to-right source gives its frame's left edge (the body's leftmost box, or the
        // title's own) but not its right one (its boxes end where the text ends): the frame
        // is taken as far from the slide's right edge as it starts from the left one, or as
        // far as the text reached, and no further than the room beside. A level-2 item
        // ends its source indent short of that edge, the mirror of where it started.
        double lo = b[0], hi = b[2];
        if (it.level >= 1)
          for (const auto& o : items)
            if (o.level >= 1 && o.box[2] > o.box[0]) lo = std::min(lo, o.box[0]), hi = std::max(hi, o.box[2]);
        double level_indent = 0;
        if (it.level > 1) level_indent = std::clamp(source_rtl ? hi - b[2] : b[0] - lo, 0.0, 0.25 * sw);
        const double edge = source_rtl ? right : std::min(right, std::max(hi, sw - lo));
        x0 = left, x1 = edge - level_indent;
      } else {
        x0 = b[0], x1 = right;
      }
      // the source's size, the free space below, then smaller down to the minimum
      Plan pl{i, x0, x1, bottom, rtl, centre, c, indent, std::min(it.size, std::max(opts.min_size, it.size * 0.5)), it.size};
      pl.size = fit_size(it.size, pl.min_size, [&](double z) {
        auto p = st.place(it, z, x0, x1, b[1], bottom, rtl, centre, c, indent);
        return p.complete && !p.overfull;
      });
      plans.push_back(pl);
      pg.frames.push_back({it.key, {x0, b[1], x1 - x0, bottom - b[1]}});
    }
    // One scale per text group: the slide's body (its translated blocks) shrinks as one,
    // by the scale its tightest block needs, and blocks of one level keep one size; a title
    // shrinks alone. (Blocks of one level have one source size; they keep one size.)
    double body = 1.0;
    auto is_title = [&](const Plan& pl) { return items[pl.item].key.find(".title") != std::string::npos; };
    for (const auto& pl : plans)
      if (!is_title(pl)) body = std::min(body, pl.size / items[pl.item].size);
    for (auto& pl : plans)
      if (!is_title(pl)) pl.size = std::max(pl.min_size, items[pl.item].size * body);
    for (const auto& pl : plans) {
      const Item& it = items[pl.item];
      const BBox& b = it.box;
      Setter::Placed best = st.place(it, pl.size, pl.x0, pl.x1, b[1], pl.bottom, pl.rtl, pl.centre, pl.color, pl.indent);
      if (!best.complete) {
        Setter::Placed all = st.place(it, pl.size, pl.x0, pl.x1, b[1], 1e9, pl.rtl, pl.centre, pl.color, pl.indent);
        double need = all.height / std::max(1.0, pl.bottom - b[1]);
        doc.overflows.push_back({s.page, it.key, need});
        diag.warn({"text-overflow", opts.file, s.page,
                   "slide " + (s.label.empty() ? std::to_string(s.page) : s.label) + ": " + it.key +
                       " does not fit its box even at " + std::to_string(static_cast<int>(std::lround(pl.min_size))) + " pt (needs " +
                       std::to_string(static_cast<int>(std::lround(need * 100))) + "% of the room); cut"});
      }
      for (auto& r : best.runs) pg.texts.push_back(std::move(r));
    }
    doc.pages.push_back(std::move(pg));
  }
  if (!st.ts.missing().empty()) {
    std::string list;
    for (char32_t c : st.ts.missing()) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "U+%04X", unsigned(c));
      if (!list.empty()) list += ' ';
      list += buf;
    }
    diag.warn({"missing-glyph", opts.file, 0, "no font in the chain has these characters; they print as a box (□): " + list});
  }
  doc.fonts = st.ts.paths();
  doc.title = deck.title;
  doc.subject = "Translated slides of " + (deck.source.file.empty() ? std::string("a slide deck") : deck.source.file);
  return doc;
}

}  // namespace deckhand::layout

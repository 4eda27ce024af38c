#include "layout/slide_text.hpp"

#include <map>
#include <tuple>
#include <atomic>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include <hb.h>

#include "core/direction.hpp"
#include "core/log.hpp"
#include "core/parallel.hpp"
#include "core/step_timer.hpp"
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
  bool code = false;            // a code listing: its lines start where the source's did
};

std::vector<Item> items_of(const Slide& s, double sh) {
  // the source's size, or a usual one when the deck gives none; an edited deck JSON may
  // say anything: kept between 1 pt and the slide's height
  auto size_of = [sh](double given, double usual) {
    return std::clamp(given > 0 ? given : usual, 1.0, std::max(1.0, sh));
  };
  std::vector<Item> items;
  if (!s.title.empty())
    items.push_back({s.id + ".title", s.title, "", s.title_bbox, size_of(s.title_style.size, sh * 0.07), s.title_style.bold, 0, s.title_style.font, s.title_style.italic, {}, false});
  for (const auto& b : s.blocks)
    items.push_back({b.id, b.text, b.marker, b.bbox, size_of(b.style.size, sh * 0.045), b.style.bold, b.level, b.style.font, b.style.italic, b.spans, b.code});
  return items;
}

// A marker found as text (inside the block's box, so removed with it) is drawn again; a
// drawn one ("graphic") is a picture, and stays.
bool draws_marker(const Item& it) { return it.level > 0 && !it.marker.empty() && it.marker != "graphic"; }

bool sets_rtl(const Deck& deck, const std::string& text) {
  // (a right-to-left deck: right to left unless the text has no right-to-left letter and
  // some other strong one, a unit kept in English; else the first strong character's)
  if (deck.direction == "rtl") {
    const direction::Counts c = direction::count_utf8(text);
    return c.any_rtl() || c.ltr == 0;
  }
  return direction::first_strong(unicode::decode(text)) == direction::Dir::rtl;
}

double width_of(const BBox& b) { return b[2] - b[0]; }
double height_of(const BBox& b) { return b[3] - b[1]; }
// `o` holds `b` (to within `tol` points on every side)
bool holds(const BBox& o, const BBox& b, double tol) {
  return o[0] <= b[0] + tol && o[1] <= b[1] + tol && o[2] >= b[2] - tol && o[3] >= b[3] - tol;
}
bool meets(const BBox& a, const BBox& b) { return std::min(a[2], b[2]) > std::max(a[0], b[0]) && std::min(a[3], b[3]) > std::max(a[1], b[1]); }
// the parts of `o` outside `b`: up to four boxes (left, right, above, below)
std::vector<BBox> outside(const BBox& o, const BBox& b) {
  if (!meets(o, b)) return {o};
  std::vector<BBox> out;
  if (o[0] < b[0]) out.push_back({o[0], o[1], b[0], o[3]});
  if (o[2] > b[2]) out.push_back({b[2], o[1], o[2], o[3]});
  const double l = std::max(o[0], b[0]), r = std::min(o[2], b[2]);
  if (o[1] < b[1]) out.push_back({l, o[1], r, b[1]});
  if (o[3] > b[3]) out.push_back({l, b[3], r, o[3]});
  return out;
}

// The boxes of the ink a run draws, a glyph each (its outline as HarfBuzz measures it, at
// its pen position and offset; none for a glyph that draws nothing), y down. A font's
// ascent and descent would overstate it: Arabic fonts' reach over a line and a half.
std::vector<BBox> ink_of(const TextRun& r, const FontMetrics& f) {
  std::vector<BBox> out;
  const double k = r.size / f.upem();
  const double slant = r.oblique ? std::tan(12 * M_PI / 180) : 0;  // synthetic italic leans right
  double pen = r.x;
  for (const auto& g : r.glyphs) {
    hb_glyph_extents_t e{};
    if (hb_font_get_glyph_extents(f.hb(), g.id, &e) && e.width != 0 && e.height != 0) {
      const double x0 = pen + g.dx + e.x_bearing * k, x1 = x0 + e.width * k;
      const double y0 = r.y - g.dy - e.y_bearing * k, y1 = y0 - e.height * k;
      BBox b{std::min(x0, x1), std::min(y0, y1), std::max(x0, x1), std::max(y0, y1)};
      b[2] += slant * std::max(0.0, r.y - b[1]);
      out.push_back(b);
    }
    pen += g.advance;
  }
  return out;
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
    size_t lines = 0;
  };
  // Lines from y down to y_max in x0..x1, the marker at the start side (x0 left to right,
  // ending at x1 right to left) and the text `indent` (the source's, 0: unknown) from it.
  // The source's font for an item, or its metric-compatible stand-in (layout/font_match.hpp),
  // tried before the layout's chain; "" when none is installed (or it is not TrueType).
  std::string first_font(const Item& it, bool bold, bool italic, bool* italic_face = nullptr) {
    if (it.font.empty()) return "";
    // (asked for again at every size the shrink search tries: matched once a setter)
    auto key = std::make_tuple(it.font, bold, italic);
    auto known = first_fonts.find(key);
    if (known == first_fonts.end()) {
      FontMatch m = match_font({it.font, bold, italic});
      std::pair<std::string, bool> found{"", false};
      if (m.found() && m.truetype() && m.face_index == 0 && !(bold && m.synthetic_bold)) found = {ts.source_font(m.path), m.italic};
      known = first_fonts.emplace(std::move(key), std::move(found)).first;
    }
    if (italic_face && !known->second.first.empty()) *italic_face = known->second.second;
    return known->second.first;
  }
  std::map<std::tuple<std::string, bool, bool>, std::pair<std::string, bool>> first_fonts;  // source font, italic face
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

  // What a placing gives: runs with their text; runs whose glyphs carry no text (a trial
  // that asks where the glyphs go); no runs (a trial that asks only how many lines, how
  // high, and whether it fits: the same answers, without setting a line)
  enum class Runs { text, glyphs, none };
  Placed place(const Item& it, double size, double x0, double x1, double y, double y_max, bool rtl, Align align, Color c,
               double indent, Runs runs = Runs::text) {
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
      // (a line fits when its ascent and descent do, as the height it reports counts them: a
      // last line that needed a whole line height was cut at "96 % of the room")
      if (k > 0 && cur + f.ascent(size) + f.descent(size) > y_max + 1e-6) {
        out.complete = false;
        break;
      }
      if (cur + f.ascent(size) + f.descent(size) > y_max + 1e-6) {  // not even one line: the first is set
        out.complete = false;                                        // all the same (and reported), never nothing
        if (k > 0) break;
      }
      double base = cur + f.ascent(size);
      if (lines[k].overfull) out.overfull = true;
      if (runs != Runs::none) {
        auto set = para.set(lines[k].begin, lines[k].end, 0, base, lines[k].hyphen, runs == Runs::text);
        double lw = 0;
        for (const auto& r : set) lw += r.width;
        if (k == 0 && !mark.empty()) {
          double mx = rtl ? x1 - ts.width(mark, ms, rtl, lang) : x0;
          for (auto& r : ts.line(mark, ms, rtl, lang, mx, base)) out.runs.push_back(std::move(r));
        }
        double lx = align == Align::centre ? x0 + (x1 - x0 - lw) / 2
                    : align == Align::right   ? x1 - (rtl ? bw : 0) - lw
                                              : x0 + (rtl ? 0 : bw);
        for (auto& r : set) {
          r.x += lx;
          out.runs.push_back(std::move(r));
        }
      }
      cur += k + 1 < lines.size() ? lh : f.ascent(size) + f.descent(size);
      ++out.lines;
    }
    out.height = cur - y;
    return out;
  }
};

bool overlap(double a0, double a1, double b0, double b1) { return std::min(a1, b1) - std::max(a0, b0) > 0.5; }

// the source's rows: its lines' baselines, those within 0.3 em of one counted once
size_t src_rows_of(const std::vector<SourceLine>& lines, double size) {
  std::vector<double> ys;
  for (const auto& l : lines)
    if (std::none_of(ys.begin(), ys.end(), [&](double y) { return std::abs(y - l.y) < 0.3 * size; })) ys.push_back(l.y);
  return ys.size();
}

}  // namespace

std::optional<Align> source_alignment(const std::vector<SourceLine>& lines, double size) {
  // one entry per baseline, from its leftmost to its rightmost glyph
  std::vector<SourceLine> rows;
  for (const auto& l : lines) {
    auto r = std::find_if(rows.begin(), rows.end(), [&](const SourceLine& o) { return std::abs(o.y - l.y) < 0.3 * size; });
    if (r == rows.end()) rows.push_back(l);
    else r->x0 = std::min(r->x0, l.x0), r->x1 = std::max(r->x1, l.x1);
  }
  if (rows.size() < 2) return std::nullopt;
  auto spread = [&](auto f) {
    double lo = 1e18, hi = -1e18;
    for (const auto& r : rows) lo = std::min(lo, f(r)), hi = std::max(hi, f(r));
    return hi - lo;
  };
  const double sl = spread([](const SourceLine& r) { return r.x0; }), sr = spread([](const SourceLine& r) { return r.x1; });
  const double sc = spread([](const SourceLine& r) { return (r.x0 + r.x1) / 2; });
  const double widths = spread([](const SourceLine& r) { return r.x1 - r.x0; });
  if (widths < 0.5 * size) return std::nullopt;
  const double tight = 0.25 * size;
  // two lines may end together by chance (a short paragraph's ragged right): a right
  // alignment needs three
  if (sl <= tight && sl <= sr) return Align::left;
  if (sr <= tight && sr < sl && rows.size() >= 3) return Align::right;
  if (sc <= tight && sl > 0.5 * size && sr > 0.5 * size) return Align::centre;
  if (rows.size() < 3) return std::nullopt;
  // indented lines (a listing, a hanging indent): most lines start at the leftmost start
  double lo = 1e18, hi = -1e18;
  for (const auto& r : rows) lo = std::min(lo, r.x0), hi = std::max(hi, r.x1);
  size_t at_left = 0, at_right = 0;
  for (const auto& r : rows) at_left += r.x0 - lo <= tight, at_right += hi - r.x1 <= tight;
  if (2 * at_left > rows.size() && at_left > at_right) return Align::left;
  if (2 * at_right > rows.size() && at_right > at_left) return Align::right;
  return std::nullopt;
}

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

namespace {

// What one slide gives: its page of text, what does not fit, what runs into something, and
// its warnings (given to the run's Diagnostics in slide order)
struct SlideResult {
  LaidOutPage page;
  std::vector<Overflow> overflows;
  std::vector<Collision> collisions;
  std::vector<Warning> warnings;
};

void lay_out_slide(const Deck& deck, const Slide& s, const SlideUnits& units, const SlideTextOptions& opts, Setter& st, SlideResult& out) {
  auto& doc = out;  // (the slide's share of the document)
  {
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
    // the page's ink, less what covers (nearly) the whole slide: its background
    // and less the fills and strokes of the background's own colour (a text box's white
    // ground on a white slide: nobody sees it); the background is the last fill that covers the slide
    // (white when none does)
    std::vector<Ink> marks;
    if (auto ik = units.ink.find(s.id); ik != units.ink.end()) {
      Color ground{1, 1, 1};
      for (const auto& m : ik->second)
        if (m.kind == Ink::fill && width_of(m.box) >= 0.9 * sw && height_of(m.box) >= 0.9 * sh) ground = m.color;
      auto same = [](const Color& a, const Color& c) { return std::abs(a.r - c.r) + std::abs(a.g - c.g) + std::abs(a.b - c.b) < 0.06; };
      for (const auto& m : ik->second)
        if (!(width_of(m.box) >= 0.9 * sw && height_of(m.box) >= 0.9 * sh) && !((m.kind == Ink::fill || m.kind == Ink::stroke) && same(m.color, ground)))
          marks.push_back(m);
    }
    struct Obstacle {
      BBox box;
      Ink::Kind kind;
    };
    struct Plan {
      size_t item;
      double x0, x1, top, bottom;
      bool rtl;
      Align align;
      bool middle;  // vertically centred in its shape: it stays centred on the source's middle
      Color color;
      double indent, min_size, size;
      std::vector<Obstacle> obstacles;  // what its lines must not run into
      // marks the source set this text over (under its lines, or a picture holding its box):
      // its lines may lie over them only in the bands where the source's lines lay
      std::vector<Obstacle> soft;
      std::vector<BBox> bands;
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
      const double margin = 0.04 * sw, gap = std::max(1.0, 0.15 * it.size);
      const double src_x0 = b[0], src_x1 = b[2];
      // its shape: the smallest mark (not text) that holds the source box; the room ends
      // inside it, as near its edges as the source came (at most half an em nearer)
      const Ink* shape = nullptr;
      for (const auto& m : marks)
        if (m.kind != Ink::text && holds(m.box, b, 1.5) && (!shape || width_of(m.box) * height_of(m.box) < width_of(shape->box) * height_of(shape->box)))
          shape = &m;
      // the source's text lines (where its removed glyphs lay), else its whole box
      std::vector<BBox> under;
      if (auto li = units.lines.find(it.key); li != units.lines.end())
        for (const auto& l : li->second) under.push_back({l.x0, l.y - 0.75 * it.size, l.x1, l.y + 0.25 * it.size});
      if (under.empty()) under.push_back(b);
      // obstacles: the other marks. A mark under the source's text (a highlight, a photo)
      // is its background where the box is, and an obstacle outside it; a mark that holds
      // the box is its background; a mark inside the box but clear of the source's lines
      // (a picture where a short line ended, a star in a code listing's indent) is an
      // obstacle where it is
      std::vector<Obstacle> obstacles, inside, soft;
      std::vector<BBox> bands;
      if (auto li = units.lines.find(it.key); li != units.lines.end())
        for (const auto& l : li->second) bands.push_back({l.x0 - 1, l.y - 0.9 * it.size - 1, l.x1 + 1, l.y + 0.3 * it.size + 1});
      for (const auto& m : marks) {
        if (m.kind != Ink::text && holds(m.box, b, 1.5)) {
          // (a picture as wide as the slide that holds the box is a band behind it, a title
          // strip, not a photo it covers: like a filled shape, not checked)
          if (m.kind == Ink::picture && width_of(m.box) < 0.9 * sw) soft.push_back({m.box, m.kind});
          continue;
        }
        // under a line: overlapping it by 0.3 em each way (not the star that ends it), or
        const bool under_text = std::any_of(under.begin(), under.end(), [&](const BBox& u) {
          return std::min(m.box[2], u[2]) - std::max(m.box[0], u[0]) >= 0.3 * it.size &&
                 std::min(m.box[3], u[3]) - std::max(m.box[1], u[1]) >= 0.3 * it.size;
        }) || std::any_of(bands.begin(), bands.end(), [&](const BBox& band) {
          // inside the band of one of its lines (an underline, a strike-through), or half of
          // it in there, half a point each way at least (an arrow's tip the source set its
          // text over; not a star that grazes the band)
          const double w = std::min(m.box[2], band[2]) - std::max(m.box[0], band[0]), h = std::min(m.box[3], band[3]) - std::max(m.box[1], band[1]);
          return holds(band, m.box, 0) || (w >= 0.5 && h >= 0.5 && w * h >= 0.5 * width_of(m.box) * height_of(m.box));
        });
        if (!under_text && meets(m.box, b) && width_of(m.box) > 0.25 && height_of(m.box) > 0.25) {
          obstacles.push_back({m.box, m.kind});
          inside.push_back({m.box, m.kind});
          continue;
        }
        if (under_text) soft.push_back({m.box, m.kind});
        for (const auto& part : outside(m.box, b))
          if (width_of(part) > 0.25 && height_of(part) > 0.25) obstacles.push_back({part, m.kind});
      }
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
      // down to the next box or mark below (that shares columns with it), or the slide's bottom margin
      double bottom = sh - 0.04 * sh, top = b[1];
      for (size_t j = 0; j < items.size(); ++j)
        if (j != i && items[j].box[1] >= b[3] - 1 && overlap(items[j].box[0], items[j].box[2], src_x0, src_x1))
          bottom = std::min(bottom, items[j].box[1] - 1);
      for (const auto& o : obstacles)
        if (o.box[1] >= b[3] - 1 && overlap(o.box[0], o.box[2], src_x0, src_x1)) bottom = std::min(bottom, o.box[1] - gap);
      auto pad = [&](double g) { return std::clamp(g, 0.0, 0.5 * it.size); };
      if (shape) bottom = std::min(bottom, shape->box[3] - pad(shape->box[3] - b[3]));
      bottom = std::max(bottom, b[3]);
      // light text (white on a band or a photo: some mark under it) with no shape found
      // under it: the background below its box is not known to be its own, so it does not
      // grow down. (Light text on the slide's own background, Beamer's faint items of a
      // later step, grows as any other.)
      const double luminance = 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b;
      if (!shape && luminance > 0.6 && !soft.empty()) bottom = b[3];
      // sideways: up to the next box or mark beside it (over the rows it may use), or the margin
      double left = std::min(src_x0, margin), right = std::max(src_x1, sw - margin);
      // (a translated neighbour may grow towards it too: the gap is shared at its middle)
      for (size_t j = 0; j < items.size(); ++j) {
        if (j == i || !overlap(items[j].box[1], items[j].box[3], b[1], bottom)) continue;
        const bool grows = units.translated.count(items[j].key) > 0;
        if (items[j].box[0] >= src_x1 - 1)
          right = std::min(right, std::max(src_x1, grows ? (src_x1 + items[j].box[0]) / 2 - 0.005 * sw : items[j].box[0] - 0.01 * sw));
        else if (items[j].box[2] <= src_x0 + 1)
          left = std::max(left, std::min(src_x0, grows ? (src_x0 + items[j].box[2]) / 2 + 0.005 * sw : items[j].box[2] + 0.01 * sw));
      }
      for (const auto& o : obstacles) {
        if (!overlap(o.box[1], o.box[3], b[1], bottom)) continue;
        if (o.box[0] >= src_x1 - 1) right = std::min(right, std::max(src_x1, o.box[0] - gap));
        else if (o.box[2] <= src_x0 + 1) left = std::max(left, std::min(src_x0, o.box[2] + gap));
      }
      if (shape) {
        left = std::max(left, std::min(src_x0, shape->box[0] + pad(src_x0 - shape->box[0])));
        right = std::min(right, std::max(src_x1, shape->box[2] - pad(shape->box[2] - src_x1)));
      }
      // a mark inside the box (half an em each way at least): the room ends before it on
      // the side that keeps it largest (left of it, right of it, or above it), keeping at
      // least 60 % of its width and one line; else the mark stays in the room (and what
      // runs into it is reported)
      const double w0 = right - std::max(left, b[0]);  // the width before any cut
      for (const auto& o : inside) {
        if (!meets(o.box, {left, b[1], right, bottom})) continue;
        // only a thing (half an em each way at least: a star, an icon), not a thin line
        if (width_of(o.box) < 0.5 * it.size || height_of(o.box) < 0.5 * it.size) continue;
        const double w = right - left, h = bottom - b[1];
        double best = 0;
        int cut = -1;
        auto consider = [&](int k, double nw, double nh) {
          if (nw >= std::max(w / 3, 0.6 * w0) && nh >= 1.2 * it.size && nw * nh > best) best = nw * nh, cut = k;
        };
        consider(0, right - (o.box[2] + gap), h);  // start right of it
        consider(1, o.box[0] - gap - left, h);     // end left of it
        consider(2, w, o.box[1] - gap - b[1]);     // end above it
        if (cut == 0) left = o.box[2] + gap;
        else if (cut == 1) right = o.box[0] - gap;
        else if (cut == 2) bottom = o.box[1] - gap;
      }
      // vertical anchor: a box in the middle of its shape (with room above and below) stays
      // in the middle: it may grow up as far as down
      bool middle = false;
      if (shape) {
        const BBox& sb = shape->box;
        if (std::abs((b[1] + b[3]) / 2 - (sb[1] + sb[3]) / 2) < std::max(2.0, 0.08 * height_of(sb)) && height_of(sb) > height_of(b) + 0.5 * it.size) {
          middle = true;
          top = sb[1] + pad(b[1] - sb[1]);
          for (size_t j = 0; j < items.size(); ++j)
            if (j != i && items[j].box[3] <= b[1] + 1 && overlap(items[j].box[0], items[j].box[2], src_x0, src_x1)) top = std::max(top, items[j].box[3] + 1);
          for (const auto& o : obstacles)
            if (o.box[3] <= b[1] + 1 && overlap(o.box[0], o.box[2], src_x0, src_x1)) top = std::max(top, o.box[3] + gap);
          top = std::min(top, b[1]);
        }
      }
      // alignment: the source lines' (else a level-0 box centred on the slide, or one line
      // centred on its shape or on the picture or drawing just above or below it, is
      // centred; else the source's direction's start); right to left mirrors it
      std::vector<SourceLine> src_lines;
      if (auto li = units.lines.find(it.key); li != units.lines.end()) src_lines = li->second;
      std::optional<Align> found = source_alignment(src_lines, it.size);
      Align align = source_rtl ? Align::right : Align::left;
      double lx0 = b[0], lx1 = b[2];  // the source text's extent
      if (!src_lines.empty()) {
        lx0 = 1e9, lx1 = -1e9;
        for (const auto& l : src_lines) lx0 = std::min(lx0, l.x0), lx1 = std::max(lx1, l.x1);
      }
      const double lc = (lx0 + lx1) / 2, lw = lx1 - lx0;
      if (it.code) {
        align = Align::left;  // a listing keeps its indentation (code reads left to right)
      } else if (found && !(it.level >= 1 && *found == Align::right)) {  // a bullet's lines start at its marker and its indent
        align = *found;
      } else if (it.level == 0) {
        // centred on the slide, unless another box starts where it starts (a title and its
        // subtitle at one left margin, wide enough to look centred)
        bool centred = std::abs((b[0] + b[2]) / 2 - sw / 2) < 0.03 * sw;
        for (size_t j = 0; j < items.size() && centred; ++j)
          if (j != i && std::abs(items[j].box[0] - b[0]) < 0.5 * it.size && std::abs((items[j].box[0] + items[j].box[2]) / 2 - sw / 2) > 0.01 * sw)
            centred = false;
        if (shape && width_of(shape->box) > lw + it.size &&
            std::abs(lc - (shape->box[0] + shape->box[2]) / 2) < 1 + 0.04 * width_of(shape->box))
          centred = true;
        for (const auto& m : marks) {
          if (centred) break;
          // an icon: a picture or a filled shape (not a piece of a line), at least a quarter of
          // the label's width
          if (m.kind == Ink::text || m.kind == Ink::stroke || holds(m.box, b, 1.5) || width_of(m.box) > 0.6 * sw ||
              width_of(m.box) < std::max(2.0, 0.25 * lw))
            continue;
          const bool above = m.box[3] <= b[1] + 2 && b[1] - m.box[3] < 2.5 * it.size;
          const bool below = m.box[1] >= b[3] - 2 && m.box[1] - b[3] < 2.5 * it.size;
          if ((above || below) && overlap(m.box[0], m.box[2], lx0, lx1) &&
              std::abs((m.box[0] + m.box[2]) / 2 - lc) < 1 + 0.06 * std::max(lw, width_of(m.box)))
            centred = true;
        }
        if (centred) align = Align::centre;
        // one line that ends at the slide's right margin and starts right of its middle (a
        // credit line in a title's corner) is right-aligned: a longer translation grows to
        // the left, into the room it has, not past the edge or cut
        else if (src_rows_of(src_lines, it.size) <= 1 && sw - b[2] < 0.08 * sw && b[0] > 0.5 * sw)
          align = Align::right;
      }
      if (!it.code && rtl != source_rtl && align != Align::centre) align = align == Align::left ? Align::right : Align::left;
      double x0, x1;
      if (align == Align::centre) {
        const double mid = found || src_lines.empty() ? (b[0] + b[2]) / 2 : lc;
        double half = std::min(mid - left, right - mid);
        half = std::max(half, (b[2] - b[0]) / 2);
        x0 = mid - half, x1 = mid + half;
      } else if (align == Align::right) {
        // set against the right end of the source's frame (a body's frame is all its
        // bullets'): the alignment is mirrored, not the position. A level-2 item of a left
        // to right source ends its indent short of that edge, the mirror of where it started.
        double lo = b[0], hi = b[2];
        if (it.level >= 1)
          for (const auto& o : items)
            if (o.level >= 1 && o.box[2] > o.box[0]) lo = std::min(lo, o.box[0]), hi = std::max(hi, o.box[2]);
        // a left-aligned title or paragraph mirrored to the right ends where the boxes that
        // start at its left margin end (a title over its bullets ends where they do), as
        // far as its room goes
        if (it.level == 0 && rtl != source_rtl)
          for (const auto& o : items)
            if (o.box[2] > o.box[0] && std::abs(o.box[0] - b[0]) < it.size) hi = std::max(hi, o.box[2]);
        double level_indent = 0;
        if (it.level > 1 && rtl) level_indent = std::clamp(source_rtl ? hi - b[2] : b[0] - lo, 0.0, 0.25 * sw);
        x0 = left, x1 = std::max(b[0] + it.size, std::min(right, hi) - level_indent);
      } else {
        x0 = std::max(b[0], left), x1 = right;
      }
      if (x1 - x0 < std::min(2 * it.size, b[2] - b[0])) x0 = b[0], x1 = b[2];  // no room left by the marks: the source's box
      // the source's size, the free space below, then smaller down to the minimum
      Plan pl{i, x0, x1, top, bottom, rtl, align, middle, c, indent, std::min(it.size, std::max(opts.min_size, it.size * 0.5)), it.size, std::move(obstacles),
              std::move(soft), std::move(bands)};
      // a title of one line (or n) stays one line (or n) down to 65 % of its size
      // before it wraps: "C++11 en conditions réelles" smaller, not "condi-tions" in two
      size_t src_rows = 0;
      if (it.key.find(".title") != std::string::npos) src_rows = src_rows_of(src_lines, it.size);
      // its glyphs (their outlines, not the font's ascent and descent: an Arabic descender
      // reaches further) clear of every mark it must not run into
      auto clear = [&](const Setter::Placed& p) {
        for (const auto& r : p.runs)
          for (const auto& g : ink_of(r, st.ts.font(r.font)))
            for (const auto& o : pl.obstacles) {
              const double w = std::min(g[2], o.box[2]) - std::max(g[0], o.box[0]), h = std::min(g[3], o.box[3]) - std::max(g[1], o.box[1]);
              if (w > 0.25 && h > 0.25) return false;
            }
        return true;
      };
      // the largest size that fits (and keeps a title's lines, and is clear of the marks);
      // what fits only over a mark is set at the largest size that fits (and reported)
      // (each size is set once: the searches below ask again for sizes already tried)
      // (a trial first asks only how many lines, how high, whether it fits; its lines'
      // glyphs are set, to be checked against the marks, only when that passes)
      auto clear_at = [&](double z, double a, double b) {
        return pl.obstacles.empty() || clear(st.place(it, z, a, b, pl.top, bottom, rtl, align, c, indent, Setter::Runs::glyphs));
      };
      struct Tried {
        Setter::Placed placed;
        std::optional<bool> clear;
      };
      std::map<double, Tried> tried;
      auto fits = [&](double z, size_t rows, bool need_clear) {
        auto t = tried.find(z);
        if (t == tried.end()) t = tried.emplace(z, Tried{st.place(it, z, x0, x1, pl.top, bottom, rtl, align, c, indent, Setter::Runs::none), std::nullopt}).first;
        const Setter::Placed& p = t->second.placed;
        if (!(p.complete && !p.overfull && (rows == 0 || p.lines <= rows))) return false;
        if (!need_clear) return true;
        if (!t->second.clear) t->second.clear = clear_at(z, x0, x1);
        return *t->second.clear;
      };
      pl.size = 0;
      for (bool need_clear : {true, false}) {
        // (fewer lines than the source's first, at 90 % or more: a shorter translation of a
        // two-line title on one line, not one character alone on the second)
        for (size_t rows = 1; rows < src_rows && pl.size == 0; ++rows) {
          const double z = fit_size(it.size, std::max(pl.min_size, 0.9 * it.size), [&](double z) { return fits(z, rows, need_clear); });
          if (fits(z, rows, need_clear)) pl.size = z;
        }
        if (src_rows > 0 && pl.size == 0) {
          const double z = fit_size(it.size, std::max(pl.min_size, 0.65 * it.size), [&](double z) { return fits(z, src_rows, need_clear); });
          if (fits(z, src_rows, need_clear)) pl.size = z;
        }
        if (pl.size == 0) {
          const double z = fit_size(it.size, pl.min_size, [&](double z) { return fits(z, 0, need_clear); });
          if (fits(z, 0, need_clear) || !need_clear) pl.size = z;
        }
        if (pl.size > 0) break;
      }
      // a title that wraps is balanced: its frame narrows (about its anchor) while it keeps
      // its number of lines, so the last line is not one word or character alone
      if (it.key.find(".title") != std::string::npos && pl.size > 0) {
        auto p = st.place(it, pl.size, x0, x1, pl.top, bottom, rtl, align, c, indent, Setter::Runs::none);
        if (p.complete && p.lines > 1) {
          const size_t n = p.lines;
          const bool was_clear = clear_at(pl.size, x0, x1);
          double lo = (x1 - x0) / static_cast<double>(n), hi = x1 - x0;
          auto frame = [&](double w) {
            return align == Align::centre  ? std::pair{(x0 + x1 - w) / 2, (x0 + x1 + w) / 2}
                   : align == Align::right ? std::pair{x1 - w, x1}
                                           : std::pair{x0, x0 + w};
          };
          for (int k = 0; k < 12; ++k) {
            const double w = (lo + hi) / 2;
            auto [a, z] = frame(w);
            auto q = st.place(it, pl.size, a, z, pl.top, bottom, rtl, align, c, indent, Setter::Runs::none);
            (q.complete && !q.overfull && q.lines <= n && (!was_clear || clear_at(pl.size, a, z)) ? hi : lo) = w;
          }
          std::tie(x0, x1) = frame(hi);
          pl.x0 = x0, pl.x1 = x1;
        }
      }
      pg.frames.push_back({it.key, {x0, pl.top, x1 - x0, bottom - pl.top}});
      plans.push_back(std::move(pl));
    }
    // One scale per text group: the slide's bullets (its translated blocks of level 1 and
    // more) shrink as one, by the scale the tightest needs, so that bullets of one level keep
    // one size; a title, a paragraph or a label (a diagram's) shrinks alone.
    double body = 1.0;
    auto is_title = [&](const Plan& pl) { return items[pl.item].level == 0; };
    for (const auto& pl : plans)
      if (!is_title(pl)) body = std::min(body, pl.size / items[pl.item].size);
    for (auto& pl : plans)
      if (!is_title(pl)) pl.size = std::max(pl.min_size, items[pl.item].size * body);
    // paragraphs and labels of one source size (level 0, not the title: a diagram's
    // captions, a slide's text boxes) shrink as one too, so that they keep one size
    for (auto& pl : plans) {
      const Item& a = items[pl.item];
      if (!is_title(pl) || a.key.find(".title") != std::string::npos) continue;
      double scale = 1.0;
      for (const auto& q : plans) {
        const Item& o = items[q.item];
        if (is_title(q) && o.key.find(".title") == std::string::npos && std::abs(o.size - a.size) < 0.1)
          scale = std::min(scale, q.size / o.size);
      }
      pl.size = std::max(pl.min_size, a.size * scale);
    }
    std::vector<std::vector<TextRun>> set(plans.size());
    for (size_t k = 0; k < plans.size(); ++k) {
      const Plan& pl = plans[k];
      const Item& it = items[pl.item];
      const BBox& b = it.box;
      Setter::Placed best = st.place(it, pl.size, pl.x0, pl.x1, pl.top, pl.bottom, pl.rtl, pl.align, pl.color, pl.indent);
      if (!best.complete) {
        Setter::Placed all = st.place(it, pl.size, pl.x0, pl.x1, pl.top, 1e9, pl.rtl, pl.align, pl.color, pl.indent);
        double need = all.height / std::max(1.0, pl.bottom - pl.top);
        doc.overflows.push_back({s.page, it.key, need});
        out.warnings.push_back({warn::text_overflow, opts.file, s.page,
                   "slide " + (s.label.empty() ? std::to_string(s.page) : s.label) + ": " +
                       (opts.step_units.count(it.key) ? opts.step_units.at(it.key) + " (" + it.key + ")" : it.key) +
                       " does not fit its box even at " + std::to_string(static_cast<int>(std::lround(pl.min_size))) + " pt (needs " +
                       std::to_string(static_cast<int>(std::lround(need * 100))) + "% of the room); cut"});
      } else if (pl.middle) {  // centred on the source's middle, inside the room
        const double want = std::clamp((b[1] + b[3]) / 2 - best.height / 2, pl.top, pl.bottom - best.height);
        for (auto& r : best.runs) r.y += want - pl.top;
      }
      set[k] = std::move(best.runs);
    }
    // what the set lines run into (LaidOutDoc::collisions), glyph by glyph: a thing is hit
    // when the overlaps add up to 4 pt² with one at least 1 pt each way
    std::vector<std::vector<BBox>> glyphs(plans.size());
    for (size_t k = 0; k < plans.size(); ++k)
      for (const auto& r : set[k])
        for (const auto& g : ink_of(r, st.ts.font(r.font))) glyphs[k].push_back(g);
    auto name = [](Ink::Kind kind) { return kind == Ink::picture ? "a picture" : kind == Ink::text ? "other text" : "a drawing"; };
    for (size_t k = 0; k < plans.size(); ++k) {
      if (glyphs[k].empty()) continue;
      BBox all{1e18, 1e18, -1e18, -1e18};
      for (const auto& g : glyphs[k]) all = {std::min(all[0], g[0]), std::min(all[1], g[1]), std::max(all[2], g[2]), std::max(all[3], g[3])};
      std::map<std::string, std::pair<double, BBox>> worst;  // what -> by, where
      auto note = [&](const std::string& what, double by, const BBox& at) {
        auto& w = worst[what];
        if (by > w.first) w = {by, at};
      };
      // the glyphs over `o`, less what lies in `bands` (when given): area, largest side, where
      auto over = [&](BBox o, const std::vector<BBox>* bands) -> std::optional<std::pair<double, BBox>> {
        double area = 0, side = 0;
        // a thin rule (under 2 pt) counts from half a point either side: a glyph that
        // touches it is on it, as a reader sees it
        if (width_of(o) < 2) o[0] -= 0.5, o[2] += 0.5;
        if (height_of(o) < 2) o[1] -= 0.5, o[3] += 0.5;
        BBox at{1e18, 1e18, -1e18, -1e18};
        if (!meets(all, o)) return std::nullopt;
        for (const auto& g : glyphs[k]) {
          const BBox r{std::max(g[0], o[0]), std::max(g[1], o[1]), std::min(g[2], o[2]), std::min(g[3], o[3])};
          if (!(r[2] > r[0] && r[3] > r[1])) continue;
          double a = width_of(r) * height_of(r);
          if (bands)
            for (const auto& band : *bands) {
              const double w = std::min(r[2], band[2]) - std::max(r[0], band[0]), h = std::min(r[3], band[3]) - std::max(r[1], band[1]);
              if (w > 0 && h > 0) a -= w * h;
            }
          if (a <= 0.01) continue;
          area += a, side = std::max(side, std::min(width_of(r), height_of(r)));
          at = {std::min(at[0], r[0]), std::min(at[1], r[1]), std::max(at[2], r[2]), std::max(at[3], r[3])};
        }
        // a thin rule (0.4 pt) is crossed when its whole thickness is
        const double thin = std::min(1.0, 0.9 * std::min(width_of(o), height_of(o)));
        if (area >= std::min(4.0, 4 * thin) && side >= thin) return std::pair<double, BBox>{side, at};
        return std::nullopt;
      };
      const double past = std::max({-all[0], -all[1], all[2] - sw, all[3] - sh});
      if (past > 0.5) note("the slide's edge", past, all);
      // (what lies in the bands of the source's own lines, where the source set its text
      // next to or over that mark, is the design: an arrow's tip at its words)
      for (const auto& o : plans[k].obstacles)
        if (auto h = over(o.box, plans[k].bands.empty() ? nullptr : &plans[k].bands)) note(name(o.kind), h->first, h->second);
      // a thin rule that runs across a set line, through its letters' height (x-height to
      // baseline), even where it passes between two words: the line is crossed
      std::vector<BBox> rows;  // per baseline: first glyph to last, 0.45 em above it to it
      for (const auto& r : set[k]) {
        if (r.glyphs.empty()) continue;
        const BBox band{r.x, r.y - 0.45 * r.size, r.x + r.width, r.y};
        auto row = std::find_if(rows.begin(), rows.end(), [&](const BBox& o) {
          return std::abs(o[3] - band[3]) < 0.1 * r.size && band[0] <= o[2] + r.size && band[2] >= o[0] - r.size;
        });
        if (row == rows.end()) rows.push_back(band);
        else *row = {std::min((*row)[0], band[0]), std::min((*row)[1], band[1]), std::max((*row)[2], band[2]), std::max((*row)[3], band[3])};
      }
      for (const auto& o : plans[k].obstacles) {
        const bool upright = width_of(o.box) < 2 && height_of(o.box) >= 2, flat = height_of(o.box) < 2 && width_of(o.box) >= 2;
        if (!upright && !flat) continue;
        for (const auto& row : rows) {
          const bool across = upright ? o.box[0] >= row[0] && o.box[2] <= row[2] && o.box[1] <= row[1] && o.box[3] >= row[3]
                                      : o.box[1] >= row[1] && o.box[3] <= row[3] && std::min(o.box[2], row[2]) - std::max(o.box[0], row[0]) >= 1;
          if (across) note(name(o.kind), upright ? height_of(row) : std::min(o.box[2], row[2]) - std::max(o.box[0], row[0]), o.box);
        }
      }
      // a mark the source set this text over: what lies outside the bands of its lines
      if (!plans[k].bands.empty())
        for (const auto& o : plans[k].soft)
          if (auto h = over(o.box, &plans[k].bands)) note(name(o.kind), h->first, h->second);
      for (size_t j = 0; j < plans.size(); ++j) {
        if (j == k) continue;
        double area = 0, side = 0;
        BBox at{1e18, 1e18, -1e18, -1e18};
        for (const auto& q : glyphs[j]) {
          if (!meets(all, q)) continue;
          for (const auto& g : glyphs[k]) {
            const BBox r{std::max(g[0], q[0]), std::max(g[1], q[1]), std::min(g[2], q[2]), std::min(g[3], q[3])};
            if (!(r[2] > r[0] && r[3] > r[1])) continue;
            // (one glyph over another by 4 pt², 1 pt each way: accents that graze the
            // descenders of the line above, glyph by glyph, are not text over text)
            if (width_of(r) * height_of(r) < 4 || std::min(width_of(r), height_of(r)) < 1) continue;
            area += width_of(r) * height_of(r), side = std::max(side, std::min(width_of(r), height_of(r)));
            at = {std::min(at[0], r[0]), std::min(at[1], r[1]), std::max(at[2], r[2]), std::max(at[3], r[3])};
          }
        }
        if (area >= 4 && side >= 1) note("the translation of " + items[plans[j].item].key, side, at);
      }
      for (const auto& [what, w] : worst) doc.collisions.push_back({s.page, items[plans[k].item].key, what, w.first, w.second});
    }
    for (auto& runs : set)
      for (auto& r : runs) pg.texts.push_back(std::move(r));
    out.page = std::move(pg);
  }
}

}  // namespace

LaidOutDoc lay_out_slide_text(const Deck& deck, const SlideUnits& units, const FontSet& fonts, const SlideTextOptions& opts,
                              Diagnostics& diag) {
  return lay_out_slide_text(deck, [&](size_t) -> const SlideUnits& { return units; }, fonts, opts, diag);
}

LaidOutDoc lay_out_slide_text(const Deck& deck, const std::function<const SlideUnits&(size_t)>& units_of, const FontSet& fonts,
                              const SlideTextOptions& opts, Diagnostics& diag) {
  LaidOutDoc doc;
  // slides are laid out apart, on the run's workers (each its own setter); the results
  // are joined in slide order, so the output does not depend on the number of workers
  const unsigned workers = std::min<unsigned>(worker_count(opts.threads), std::max<size_t>(1, deck.slides.size() / 4));
  std::vector<Setter> setters;
  for (unsigned w = 0; w < std::max(1u, workers); ++w) setters.push_back(Setter{TextSetter(fonts), deck.lang.value_or(""), {}});
  std::vector<SlideResult> results(deck.slides.size());
  std::atomic<int> laid{0};
  std::vector<double> cpu_ms(std::max(1u, workers), 0.0);  // each worker's, for -vv
  parallel_for(static_cast<int>(deck.slides.size()), workers, [&](int i, unsigned w) {
    const SlideUnits& units = units_of(static_cast<size_t>(i));
    const double c0 = thread_cpu_ms();
    lay_out_slide(deck, deck.slides[static_cast<size_t>(i)], units, opts, setters[w], results[static_cast<size_t>(i)]);
    cpu_ms[w] += thread_cpu_ms() - c0;
    if (opts.progress) opts.progress(++laid, static_cast<int>(deck.slides.size()));
  });
  double cpu = 0;
  for (double c : cpu_ms) cpu += c;
  current_log().debug("slides: laying out {} slides took {:.3f} s of CPU time on {} worker(s)", deck.slides.size(), cpu / 1000, cpu_ms.size());
  for (auto& r : results) {
    doc.pages.push_back(std::move(r.page));
    for (auto& o : r.overflows) doc.overflows.push_back(std::move(o));
    for (auto& c : r.collisions) doc.collisions.push_back(std::move(c));
    for (auto& w : r.warnings) diag.warn(std::move(w));
  }
  std::set<char32_t> missing;
  for (const auto& st : setters) missing.insert(st.ts.missing().begin(), st.ts.missing().end());
  if (!missing.empty()) {
    std::string list;
    for (char32_t c : missing) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "U+%04X", unsigned(c));
      if (!list.empty()) list += ' ';
      list += buf;
    }
    diag.warn({warn::missing_glyph, opts.file, 0, "no font in the chain has these characters; they print as a box (□): " + list});
  }
  for (const auto& st : setters)
    for (const auto& [id, path] : st.ts.paths()) doc.fonts[id] = path;
  doc.title = deck.title;
  doc.subject = "Translated slides of " + (deck.source.file.empty() ? std::string("a slide deck") : deck.source.file);
  return doc;
}

}  // namespace deckhand::layout

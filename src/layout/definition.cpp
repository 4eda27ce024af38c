#include "layout/definition.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>

#include "core/error.hpp"
#include "core/io.hpp"
#include "core/limits.hpp"
#include "core/scan.hpp"
#include "core/docs.hpp"

namespace fs = std::filesystem;

namespace deckhand::layout {
namespace {

// "see <the installed layouts.md>" (core/docs.hpp)
std::string hint() { return "see " + doc_path("layouts.md"); }

struct Ctx {
  std::string file;
  [[noreturn]] void fail(const YAML::Node& n, const std::string& key, const std::string& what) const {
    std::string where = file;
    if (n.Mark().line >= 0) where += ":" + std::to_string(n.Mark().line + 1);
    throw Error(Exit::layout, where, (key.empty() ? "" : "key '" + key + "': ") + what, hint());
  }
  void keys(const YAML::Node& map, const std::string& path, std::set<std::string> allowed) const {
    if (!map.IsMap()) fail(map, path, "must be a mapping of keys");
    std::set<std::string> seen;
    for (auto it = map.begin(); it != map.end(); ++it) {
      std::string k = it->first.as<std::string>();
      if (!seen.insert(k).second)
        fail(it->first, path.empty() ? k : path + "." + k, "given twice (the second would silently win or be ignored; keep one)");
      if (!allowed.count(k)) {
        std::string list;
        for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
        fail(it->first, path.empty() ? k : path + "." + k, "unknown key (allowed here: " + list + ")");
      }
    }
  }
  std::string str(const YAML::Node& n, const std::string& key) const {
    if (!n.IsScalar()) fail(n, key, "must be a text value");
    return n.as<std::string>();
  }
  double number(const YAML::Node& n, const std::string& key, double lo, double hi) const {
    if (!n.IsScalar()) fail(n, key, "must be a number");
    try {
      size_t pos = 0;
      std::string s = n.as<std::string>();
      double v = std::stod(s, &pos);
      if (pos != s.size()) throw std::invalid_argument(s);
      // NaN and infinities compare false with every bound: check finiteness first
      if (!in_range(v, lo, hi)) fail(n, key, "must be from " + fmt(lo) + " to " + fmt(hi) + ", not " + scan::for_message(s));
      return v;
    } catch (const std::invalid_argument&) {
      fail(n, key, "must be a number, not '" + scan::for_message(n.as<std::string>()) + "'");
    } catch (const std::out_of_range&) {
      fail(n, key, "must be a number from " + fmt(lo) + " to " + fmt(hi) + ", not " + n.as<std::string>());
    }
  }
  int whole(const YAML::Node& n, const std::string& key, int lo, int hi) const {
    double v = number(n, key, lo, hi);
    if (v != std::floor(v)) fail(n, key, "must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
    return static_cast<int>(v);
  }
  bool boolean(const YAML::Node& n, const std::string& key) const {
    std::string s = str(n, key);
    if (s == "true" || s == "yes" || s == "on") return true;
    if (s == "false" || s == "no" || s == "off") return false;
    fail(n, key, "must be true or false, not '" + scan::for_message(s) + "'");
  }
  // "15mm", "1.5cm", "0.5in", "36pt" or a plain number of points
  double length(const YAML::Node& n, const std::string& key, double hi = 2000, double lo = 0) const {
    std::string s = str(n, key);
    if (s.size() > 64) fail(n, key, "must be a length like 15mm, 1.5cm, 0.5in or 36pt");
    auto m = scan::number_unit(s, {"mm", "cm", "in", "pt"});
    if (!m) fail(n, key, "must be a length like 15mm, 1.5cm, 0.5in or 36pt, not '" + scan::for_message(s) + "'");
    double v = std::strtod(m->number.c_str(), nullptr);  // digits only: never NaN, at most HUGE_VAL
    std::string u = m->unit;
    if (u == "mm") v *= 72.0 / 25.4;
    else if (u == "cm") v *= 72.0 / 2.54;
    else if (u == "in") v *= 72.0;
    if (!in_range(v, lo, hi)) fail(n, key, "must be a length " + range_text(lo, hi) + " pt, not " + scan::for_message(s));
    return v;
  }
  double share(const YAML::Node& n, const std::string& key) const {
    std::string s = str(n, key);
    if (s.size() > 64) fail(n, key, "must be a percentage like 55%");
    auto m = scan::percentage(s);
    if (!m) fail(n, key, "must be a percentage like 55%, not '" + scan::for_message(s) + "'");
    double v = std::strtod(m->c_str(), nullptr);
    if (!(v > 0 && v <= 100)) fail(n, key, "must be more than 0% and at most 100%");
    return v / 100.0;
  }
  Color color(const YAML::Node& n, const std::string& key) const {
    std::string s = str(n, key);
    if (!scan::is_hex_colour(s)) fail(n, key, "must be a colour like \"#336699\", not '" + scan::for_message(s) + "'");
    unsigned v = std::stoul(s.substr(1), nullptr, 16);
    return {((v >> 16) & 255) / 255.0, ((v >> 8) & 255) / 255.0, (v & 255) / 255.0};
  }
  static std::string fmt(double v) {
    std::string s = std::to_string(v);
    s.erase(s.find_last_not_of('0') + 1);
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
  }
};

void band(const Ctx& c, const YAML::Node& n, const std::string& key, Band& b) {
  if (n.IsScalar()) {
    b.center = n.as<std::string>();
    return;
  }
  c.keys(n, key, {"left", "center", "right", "size"});
  if (n["left"]) b.left = c.str(n["left"], key + ".left");
  if (n["center"]) b.center = c.str(n["center"], key + ".center");
  if (n["right"]) b.right = c.str(n["right"], key + ".right");
  if (n["size"]) b.size = c.number(n["size"], key + ".size", 4, 36);
  for (const std::string* t : {&b.left, &b.center, &b.right})
    for (const std::string& f : scan::braced_fields(*t)) {
      if (f != "deck_title" && f != "event" && f != "date" && f != "page" && f != "pages")
        c.fail(n, key, "unknown field {" + scan::for_message(f) + "} (allowed: {deck_title}, {event}, {date}, {page}, {pages})");
    }
}

void role(const Ctx& c, const YAML::Node& n, const std::string& key, Role& r) {
  c.keys(n, key, {"size", "bold"});
  if (n["size"]) r.size = c.number(n["size"], key + ".size", 4, 72);
  if (n["bold"]) r.bold = c.boolean(n["bold"], key + ".bold");
}

}  // namespace

bool paper_size(const std::string& name, double* w, double* h) {
  std::string n = name;
  std::transform(n.begin(), n.end(), n.begin(), ::tolower);
  if (n == "a4") { *w = 595.28; *h = 841.89; return true; }
  if (n == "a5") { *w = 419.53; *h = 595.28; return true; }
  if (n == "a3") { *w = 841.89; *h = 1190.55; return true; }
  if (n == "letter") { *w = 612; *h = 792; return true; }
  if (n == "legal") { *w = 612; *h = 1008; return true; }
  return false;
}

static LayoutDef parse_layout_unchecked(const std::string& text, const std::string& file);

namespace {
[[noreturn]] void layout_too_big(const std::string& file, std::uint64_t size) {
  throw Error(Exit::layout, file,
              "the layout file is " + std::to_string(size) + " bytes, over the limit of " + std::to_string(max_layout_bytes) +
                  " bytes for a layout (a layout has a few dozen keys, a few KB)",
              "is it a layout? see " + doc_path("limits.md"));
}
}  // namespace

LayoutDef parse_layout(const std::string& text, const std::string& file) {
  try {
    return parse_layout_unchecked(text, file);
  } catch (const YAML::Exception& e) {  // an odd node where a value was expected
    throw Error(Exit::layout, file + ":" + std::to_string(e.mark.line + 1), "cannot read this YAML: " + e.msg, hint());
  }
}

static LayoutDef parse_layout_unchecked(const std::string& text, const std::string& file) {
  Ctx c{file};
  if (text.size() > max_layout_bytes) layout_too_big(file, text.size());
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    throw Error(Exit::layout, file + ":" + std::to_string(e.mark.line + 1), "not valid YAML: " + e.msg, hint());
  }
  if (!root.IsMap()) throw Error(Exit::layout, file, "a layout must be a mapping of keys", hint());
  {  // nesting and string length, walked without recursion (aliases are walked once)
    std::vector<std::pair<YAML::Node, int>> todo{{root, 1}};
    size_t seen = 0;
    while (!todo.empty()) {
      auto [n, depth] = todo.back();
      todo.pop_back();
      if (++seen > 100000) c.fail(n, "", "has more than 100000 values; a layout has a few dozen");
      if (depth > limits().depth)
        over_limit(static_cast<int>(Exit::layout), file + ":" + std::to_string(n.Mark().line + 1), "the nesting depth",
                   "more than " + std::to_string(limits().depth), std::to_string(limits().depth), "--max-depth");
      if (n.IsScalar() && n.Scalar().size() > limits().string_bytes)
        over_limit(static_cast<int>(Exit::layout), file + ":" + std::to_string(n.Mark().line + 1), "a value's length",
                   std::to_string(n.Scalar().size()) + " bytes", std::to_string(limits().string_bytes) + " bytes", "--max-string");
      if (n.IsMap())
        for (auto it = n.begin(); it != n.end(); ++it) todo.push_back({it->first, depth + 1}), todo.push_back({it->second, depth + 1});
      else if (n.IsSequence())
        for (auto it = n.begin(); it != n.end(); ++it) todo.push_back({*it, depth + 1});
    }
  }
  c.keys(root, "", {"name", "description", "paper", "orientation", "margins", "header", "footer", "mode", "grid",
                    "cell", "flow", "fonts", "colors", "image", "overflow", "direction", "print", "leaflet"});
  LayoutDef d;
  d.file = file;
  if (auto dir = root["direction"]) {
    d.direction = c.str(dir, "direction");
    if (d.direction != "auto" && d.direction != "ltr" && d.direction != "rtl")
      c.fail(dir, "direction", "must be auto (follow the deck's language), ltr or rtl, not '" + d.direction + "'");
  }
  d.name = root["name"] ? c.str(root["name"], "name") : fs::path(file).stem().string();
  if (root["description"]) d.description = c.str(root["description"], "description");
  if (auto p = root["paper"]) {
    if (p.IsSequence()) {
      if (p.size() != 2) c.fail(p, "paper", "a custom paper is [width, height], e.g. [210mm, 297mm]");
      d.paper_w = c.length(p[0], "paper[0]", 5000);
      d.paper_h = c.length(p[1], "paper[1]", 5000);
      if (p[0].IsScalar() && p[1].IsScalar() &&
          scan::ends_with_letter(p[0].as<std::string>()) != scan::ends_with_letter(p[1].as<std::string>()))
        c.fail(p, "paper", "mixes a unit and a plain number (points): give both with a unit, e.g. [210mm, 297mm]");
      d.paper_name = "custom";
      if (d.paper_w < 144 || d.paper_h < 144) c.fail(p, "paper", "is smaller than 2 inches");
    } else {
      d.paper_name = c.str(p, "paper");
      if (!paper_size(d.paper_name, &d.paper_w, &d.paper_h))
        c.fail(p, "paper", "unknown paper '" + d.paper_name + "' (allowed: A3, A4, A5, Letter, Legal, or [width, height])");
    }
  }
  if (auto o = root["orientation"]) {
    std::string s = c.str(o, "orientation");
    if (s != "portrait" && s != "landscape") c.fail(o, "orientation", "must be portrait or landscape, not '" + scan::for_message(s) + "'");
    double a = std::min(d.paper_w, d.paper_h), b = std::max(d.paper_w, d.paper_h);
    d.paper_w = s == "portrait" ? a : b;
    d.paper_h = s == "portrait" ? b : a;
  }
  if (auto m = root["margins"]) {
    if (m.IsScalar()) {
      d.m_top = d.m_right = d.m_bottom = d.m_left = c.length(m, "margins", 400);
    } else {
      c.keys(m, "margins", {"top", "right", "bottom", "left"});
      if (m["top"]) d.m_top = c.length(m["top"], "margins.top", 400);
      if (m["right"]) d.m_right = c.length(m["right"], "margins.right", 400);
      if (m["bottom"]) d.m_bottom = c.length(m["bottom"], "margins.bottom", 400);
      if (m["left"]) d.m_left = c.length(m["left"], "margins.left", 400);
    }
    if (d.m_left + d.m_right > d.paper_w - 72 || d.m_top + d.m_bottom > d.paper_h - 72)
      c.fail(m, "margins", "leave less than one inch of the paper to print on");
  }
  if (root["header"]) band(c, root["header"], "header", d.header);
  if (root["footer"]) band(c, root["footer"], "footer", d.footer);
  if (auto m = root["mode"]) {
    std::string s = c.str(m, "mode");
    if (s == "grid") d.mode = LayoutDef::Mode::grid;
    else if (s == "flow") d.mode = LayoutDef::Mode::flow;
    else if (s == "leaflet") d.mode = LayoutDef::Mode::leaflet;
    else if (s == "trifold") d.mode = LayoutDef::Mode::trifold;
    else if (s == "review") d.mode = LayoutDef::Mode::review;
    else c.fail(m, "mode", "must be grid (slides in frames), flow (text flowing across pages), leaflet (cover, outline, back page), trifold (the same on three panels a side) or review (a translation's units beside their source, slide by slide: deckhand review), not '" + scan::for_message(s) + "'");
  }
  if (auto g = root["grid"]) {
    c.keys(g, "grid", {"rows", "columns", "gap", "row_gap", "column_gap", "order"});
    if (g["rows"]) d.rows = c.whole(g["rows"], "grid.rows", 1, 12);
    if (g["columns"]) d.cols = c.whole(g["columns"], "grid.columns", 1, 12);
    if (g["gap"]) d.row_gap = d.col_gap = c.length(g["gap"], "grid.gap", 300);
    if (g["row_gap"]) d.row_gap = c.length(g["row_gap"], "grid.row_gap", 300);
    if (g["column_gap"]) d.col_gap = c.length(g["column_gap"], "grid.column_gap", 300);
    if (auto o = g["order"]) {
      std::string s = c.str(o, "grid.order");
      if (s != "across" && s != "down") c.fail(o, "grid.order", "must be across (rows first) or down (columns first), not '" + scan::for_message(s) + "'");
      d.order_down = s == "down";
    }
  }
  if (auto cell = root["cell"]) {
    c.keys(cell, "cell", {"arrange", "slide", "gap", "border", "label", "notes", "text", "content"});
    if (auto ct = cell["content"]) {
      std::string v = c.str(ct, "cell.content");
      if (v == "picture") d.content = LayoutDef::Content::picture;
      else if (v == "text") d.content = LayoutDef::Content::text;
      else if (v == "auto") d.content = LayoutDef::Content::automatic;
      else c.fail(ct, "cell.content", "must be picture, text or auto, not '" + v + "'");
    }
    if (auto a = cell["arrange"]) {
      std::string s = c.str(a, "cell.arrange");
      if (s != "beside" && s != "below") c.fail(a, "cell.arrange", "must be beside (notes right of the slide) or below, not '" + scan::for_message(s) + "'");
      d.beside = s == "beside";
    }
    if (cell["slide"]) d.slide_share = c.share(cell["slide"], "cell.slide");
    if (cell["gap"]) d.cell_gap = c.length(cell["gap"], "cell.gap", 300);
    if (cell["border"]) d.border = c.length(cell["border"], "cell.border", 20);
    if (cell["label"]) {
      d.label = c.str(cell["label"], "cell.label");
      for (const std::string& f : scan::braced_fields(d.label)) {
        if (f != "slide" && f != "title" && f != "slide_word")
          c.fail(cell["label"], "cell.label", "unknown field {" + scan::for_message(f) + "} (allowed: {slide}, {slide_word}, {title})");
      }
    }
    if (auto n = cell["notes"]) {
      c.keys(n, "cell.notes", {"lines", "spacing", "text"});
      if (n["text"]) d.notes_text = c.boolean(n["text"], "cell.notes.text");
      if (n["lines"]) d.note_lines = c.whole(n["lines"], "cell.notes.lines", 0, 80);
      if (n["spacing"]) d.note_spacing = c.length(n["spacing"], "cell.notes.spacing", 200, 2);
      if (n["lines"] && n["spacing"]) c.fail(n, "cell.notes", "give lines or spacing, not both");
    }
    if (cell["text"]) d.cell_text = c.boolean(cell["text"], "cell.text");
  }
  if (auto f = root["flow"]) {
    c.keys(f, "flow", {"thumbnails", "thumbnail_width", "slide_gap"});
    if (f["thumbnails"]) d.thumbs = c.boolean(f["thumbnails"], "flow.thumbnails");
    if (f["thumbnail_width"]) d.thumb_share = c.share(f["thumbnail_width"], "flow.thumbnail_width");
    if (f["slide_gap"]) d.slide_gap = c.length(f["slide_gap"], "flow.slide_gap", 300);
  }
  if (auto f = root["fonts"]) {
    c.keys(f, "fonts", {"regular", "bold", "mono", "fallback", "fallback_bold", "title", "body", "label", "section", "deck_title", "level_indent"});
    for (auto [key, list] : {std::pair<const char*, std::vector<std::string>*>{"fallback", &d.fallback}, {"fallback_bold", &d.fallback_bold}})
      if (auto fb = f[key]) {
        if (!fb.IsSequence()) c.fail(fb, std::string("fonts.") + key, "must be a list of font files, e.g. [NotoSansArabic-Regular.ttf]");
        list->clear();
        for (auto x : fb) {
          list->push_back(c.str(x, std::string("fonts.") + key));
          d.font_lines.emplace(list->back(), x.Mark().line + 1);
        }
      }
    if (f["regular"]) {
      d.font_regular = c.str(f["regular"], "fonts.regular");
      d.font_lines.emplace(d.font_regular, f["regular"].Mark().line + 1);
    }
    if (f["bold"]) {
      d.font_bold = c.str(f["bold"], "fonts.bold");
      d.font_lines.emplace(d.font_bold, f["bold"].Mark().line + 1);
    }
    if (f["mono"]) {
      d.font_mono = c.str(f["mono"], "fonts.mono");
      d.font_lines.emplace(d.font_mono, f["mono"].Mark().line + 1);
    }
    if (f["title"]) role(c, f["title"], "fonts.title", d.title);
    if (f["body"]) role(c, f["body"], "fonts.body", d.body);
    if (f["label"]) role(c, f["label"], "fonts.label", d.label_role);
    if (f["section"]) role(c, f["section"], "fonts.section", d.section);
    if (f["deck_title"]) role(c, f["deck_title"], "fonts.deck_title", d.deck_title);
    if (f["level_indent"]) d.level_indent = c.length(f["level_indent"], "fonts.level_indent", 100);
  }
  if (auto pr = root["print"]) {
    c.keys(pr, "print", {"enabled", "trim", "bleed", "safe", "marks", "booklet"});
    if (pr["enabled"]) d.print.on = c.boolean(pr["enabled"], "print.enabled");
    if (auto t = pr["trim"]) {
      if (t.IsSequence()) {
        if (t.size() != 2) c.fail(t, "print.trim", "a custom trim is [width, height], e.g. [148mm, 210mm]");
        d.print.trim_w = c.length(t[0], "print.trim[0]", 5000, 144);
        d.print.trim_h = c.length(t[1], "print.trim[1]", 5000, 144);
      } else {
        std::string n = c.str(t, "print.trim");
        if (!paper_size(n, &d.print.trim_w, &d.print.trim_h))
          c.fail(t, "print.trim", "unknown size '" + n + "' (allowed: A3, A4, A5, Letter, Legal, or [width, height])");
        if (d.paper_w > d.paper_h) std::swap(d.print.trim_w, d.print.trim_h);
      }
    }
    if (pr["bleed"]) d.print.bleed = c.length(pr["bleed"], "print.bleed", 72);
    if (pr["safe"]) d.print.safe = c.length(pr["safe"], "print.safe", 144);
    if (auto mk = pr["marks"]) {
      if (mk.IsScalar()) {
        std::string v = c.str(mk, "print.marks");
        if (v != "crop" && v != "none") c.fail(mk, "print.marks", "must be crop or none, or {type, length, offset, weight}, not '" + v + "'");
        d.print.marks = v == "crop";
      } else {
        c.keys(mk, "print.marks", {"type", "length", "offset", "weight"});
        if (auto ty = mk["type"]) {
          std::string v = c.str(ty, "print.marks.type");
          if (v != "crop" && v != "none") c.fail(ty, "print.marks.type", "must be crop or none, not '" + v + "'");
          d.print.marks = v == "crop";
        }
        if (mk["length"]) d.print.mark_length = c.length(mk["length"], "print.marks.length", 72, 1);
        if (mk["offset"]) d.print.mark_offset = c.length(mk["offset"], "print.marks.offset", 72);
        if (mk["weight"]) d.print.mark_weight = c.length(mk["weight"], "print.marks.weight", 4, 0.05);
      }
    }
    if (pr["booklet"]) d.print.booklet = c.boolean(pr["booklet"], "print.booklet");
  }
  if (d.print.trim_w > 0) {  // the trim is the page laid out
    d.paper_w = d.print.trim_w;
    d.paper_h = d.print.trim_h;
    d.paper_name = "custom";
  }
  if (auto lf = root["leaflet"]) {
    c.keys(lf, "leaflet", {"pictures", "contact", "picture_width"});
    if (auto pc = lf["pictures"]) {
      if (pc.IsSequence()) {
        d.leaflet.pictures_auto = false;
        for (auto x : pc) d.leaflet.pictures.push_back(c.whole(x, "leaflet.pictures", 1, 100000));
      } else {
        std::string v = c.str(pc, "leaflet.pictures");
        if (v == "auto") d.leaflet.pictures_auto = true;
        else if (v == "none") d.leaflet.pictures_auto = false;
        else c.fail(pc, "leaflet.pictures", "must be auto, none or a list of slide numbers, e.g. [2, 5], not '" + v + "'");
      }
    }
    if (lf["contact"]) d.leaflet.contact = c.str(lf["contact"], "leaflet.contact");
    if (lf["picture_width"]) d.leaflet.picture_share = c.share(lf["picture_width"], "leaflet.picture_width");
  }
  if (auto col = root["colors"]) {
    c.keys(col, "colors", {"text", "rules", "border", "muted", "accent"});
    if (col["accent"]) d.accent = c.color(col["accent"], "colors.accent");
    if (col["text"]) d.text = c.color(col["text"], "colors.text");
    if (col["rules"]) d.rules = c.color(col["rules"], "colors.rules");
    if (col["border"]) d.border_color = c.color(col["border"], "colors.border");
    if (col["muted"]) d.muted = c.color(col["muted"], "colors.muted");
  }
  if (auto im = root["image"]) {
    c.keys(im, "image", {"mode", "dpi", "quality"});
    if (im["mode"]) {
      std::string m = c.str(im["mode"], "image.mode");
      if (m != "vector" && m != "raster")
        c.fail(im["mode"], "image.mode", "must be vector (the slide's own page, sharp at any size) or raster (a picture of image.dpi), not '" + m + "'");
      d.vector = m == "vector";
    }
    if (im["dpi"]) d.dpi = c.number(im["dpi"], "image.dpi", 36, 600);
    if (im["quality"]) d.quality = c.whole(im["quality"], "image.quality", 30, 100);
  }
  if (auto o = root["overflow"]) {
    c.keys(o, "overflow", {"min_size"});
    if (o["min_size"]) d.min_size = c.number(o["min_size"], "overflow.min_size", 3, 72);
  }
  if (d.mode == LayoutDef::Mode::grid && d.note_lines == 0 && d.note_spacing == 0 && !d.cell_text && d.slide_share < 1.0 &&
      root["cell"] && root["cell"]["slide"])
    c.fail(root["cell"]["slide"], "cell.slide", "leaves room beside the slide but the cell has neither notes nor text");
  return d;
}

std::vector<std::string> builtin_layouts(const std::string& data_dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(fs::path(data_dir) / "layouts", ec))
    if (e.path().extension() == ".yaml") out.push_back(e.path().stem().string());
  std::sort(out.begin(), out.end());
  return out;
}

bool is_layout_file(const std::string& n) {
  return n.find('/') != std::string::npos || n.ends_with(".yaml") || n.ends_with(".yml");
}

LayoutDef load_layout(const std::string& name_or_file, const std::string& data_dir) {
  bool is_path = is_layout_file(name_or_file);
  std::string path = is_path ? name_or_file : (fs::path(data_dir) / "layouts" / (name_or_file + ".yaml")).string();
  if (!is_path && !fs::exists(path)) {
    std::string list;
    for (const auto& n : builtin_layouts(data_dir)) list += (list.empty() ? "" : ", ") + n;
    if (list.empty())
      throw Error(Exit::layout, name_or_file, "no such layout: " + data_dir + "/layouts has none",
                  "reinstall deckhand, or set DECKHAND_DATA to the folder that holds layouts/ and fonts/");
    throw Error(Exit::layout, name_or_file, "no such layout", "built-in layouts: " + list + "; or give a .yaml file");
  }
  {  // (before it is read: YAML takes some 300 bytes of memory a byte of a layout; issue 20)
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) {
      auto size = fs::file_size(path, ec);
      if (!ec && size > max_layout_bytes) layout_too_big(path, size);
    }
  }
  LayoutDef d = parse_layout(read_file(path), is_path ? path : "layouts/" + name_or_file + ".yaml");
  d.path = path;
  std::vector<std::string*> files{&d.font_regular, &d.font_bold, &d.font_mono};
  for (auto& f : d.fallback) files.push_back(&f);
  for (auto& f : d.fallback_bold) files.push_back(&f);
  // A relative font path is found beside the layout file, else among the data's fonts;
  // never from the current folder (docs/layouts.md).
  fs::path layout_dir = fs::path(path).parent_path();
  for (std::string* f : files) {
    fs::path p(*f);
    std::string where = d.file;
    if (auto it = d.font_lines.find(*f); it != d.font_lines.end()) where += ":" + std::to_string(it->second);
    if (p.is_relative()) {
      fs::path beside = layout_dir / p, data = fs::path(data_dir) / "fonts" / p;
      if (is_path && fs::exists(beside)) p = beside;
      else if (fs::exists(data)) p = data;
      else
        throw Error(Exit::layout, where, "font file '" + *f + "' not found beside the layout file nor in " + (fs::path(data_dir) / "fonts").string(),
                    "give a path relative to the layout file, or an absolute path");
    } else if (!fs::exists(p)) {
      throw Error(Exit::layout, where, "font file '" + *f + "' does not exist", "check the path in the layout's fonts section");
    }
    *f = p.string();
  }
  return d;
}

}  // namespace deckhand::layout

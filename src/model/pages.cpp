#include "model/pages.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <sstream>

namespace deckhand {
namespace {
double r2(double v) { return std::round(v * 100.0) / 100.0; }
std::string hex(const Color& c) {
  char b[8];
  std::snprintf(b, sizeof b, "#%02x%02x%02x", int(std::lround(c.r * 255)), int(std::lround(c.g * 255)),
                int(std::lround(c.b * 255)));
  return b;
}
}  // namespace

nlohmann::ordered_json to_json(const LaidOutDoc& doc) {
  nlohmann::ordered_json j;
  j["title"] = doc.title;
  j["fonts"] = doc.fonts;
  auto& pages = j["pages"] = nlohmann::ordered_json::array();
  for (const auto& p : doc.pages) {
    nlohmann::ordered_json jp;
    jp["size"] = {r2(p.width), r2(p.height)};
    for (const auto& f : p.fills) jp["fills"].push_back({{"box", {r2(f.x), r2(f.y), r2(f.w), r2(f.h)}}, {"color", hex(f.color)}});
    for (const auto& f : p.frames) jp["frames"].push_back({{"slide", f.first}, {"box", {r2(f.second[0]), r2(f.second[1]), r2(f.second[2]), r2(f.second[3])}}});
    for (const auto& i : p.images)
    {
      nlohmann::ordered_json ji = {{"page", i.page}, {"box", {r2(i.x), r2(i.y), r2(i.w), r2(i.h)}},
                                   {"mode", i.mode == PictureMode::vector ? "vector" : "raster"},
                                   {"crop", {r2(i.crop[0]), r2(i.crop[1]), r2(i.crop[2]), r2(i.crop[3])}}};
      if (i.mode == PictureMode::raster) ji["pixels"] = {i.px_w, i.px_h};
      jp["images"].push_back(std::move(ji));
    }
    for (const auto& b : p.boxes) jp["boxes"].push_back({r2(b.x), r2(b.y), r2(b.w), r2(b.h)});
    for (const auto& r : p.rules) jp["rules"].push_back({r2(r.x0), r2(r.y0), r2(r.x1), r2(r.y1)});
    for (const auto& t : p.texts)
    {
      nlohmann::ordered_json jt = {{"at", {r2(t.x), r2(t.y)}}, {"font", t.font}, {"size", r2(t.size)}, {"color", hex(t.color)},
                                   {"text", t.text}, {"rtl", t.rtl}, {"glyphs", t.glyphs.size()}, {"width", r2(t.width)}, {"ascent", r2(t.ascent)}, {"descent", r2(t.descent)}};
      if (t.stroke) jt["stroke"] = true;
      if (t.oblique) jt["oblique"] = true;
      jp["texts"].push_back(std::move(jt));
    }
    pages.push_back(std::move(jp));
  }
  if (doc.print.on)
    j["print"] = {{"bleed", r2(doc.print.bleed)}, {"safe", r2(doc.print.safe)}, {"marks", doc.print.marks ? "crop" : "none"}};
  for (const auto& b : doc.bookmarks)
    j["bookmarks"].push_back({{"title", b.title}, {"page", b.page}, {"level", b.level}});
  return j;
}

std::string to_text(const LaidOutDoc& doc) {
  std::ostringstream o;
  auto num = [](double v) {
    char b[32];
    std::snprintf(b, sizeof b, "%.2f", r2(v) == 0 ? 0.0 : r2(v));  // no "-0.00"
    return std::string(b);
  };
  auto quoted = [](const std::string& t) {
    std::string q = "\"";
    for (char c : t) q += c == '"' ? std::string("\\\"") : c == '\\' ? std::string("\\\\") : c == '\n' ? std::string("\\n") : std::string(1, c);
    return q + "\"";
  };
  o << "# deckhand laid-out pages: points, origin top-left, y down\n";
  o << "title " << quoted(doc.title) << "\n";
  for (const auto& [id, path] : doc.fonts) o << "font " << id << " " << std::filesystem::path(path).filename().string() << "\n";
  for (size_t n = 0; n < doc.pages.size(); ++n) {
    const LaidOutPage& p = doc.pages[n];
    o << "page " << n + 1 << " " << num(p.width) << " " << num(p.height) << "\n";
    for (const auto& f : p.frames)
      o << "  frame " << f.first << " " << num(f.second[0]) << " " << num(f.second[1]) << " " << num(f.second[2]) << " " << num(f.second[3]) << "\n";
    for (const auto& i : p.images) {
      o << "  image page " << i.page << " " << num(i.x) << " " << num(i.y) << " " << num(i.w) << " " << num(i.h) << " crop "
        << num(i.crop[0]) << " " << num(i.crop[1]) << " " << num(i.crop[2]) << " " << num(i.crop[3]);
      if (i.mode == PictureMode::vector) o << " vector\n";
      else o << " raster " << i.px_w << "x" << i.px_h << "\n";
    }
    for (const auto& b : p.boxes) o << "  box " << num(b.x) << " " << num(b.y) << " " << num(b.w) << " " << num(b.h) << " " << hex(b.color) << "\n";
    for (const auto& r : p.rules) o << "  rule " << num(r.x0) << " " << num(r.y0) << " " << num(r.x1) << " " << num(r.y1) << " " << hex(r.color) << "\n";
    for (const auto& t : p.texts)
      o << "  text " << num(t.x) << " " << num(t.y) << " " << num(t.size) << " " << t.font << (t.stroke ? "+stroke" : "") << (t.oblique ? "+oblique" : "") << " "
        << hex(t.color) << " w " << num(t.width) << " " << (t.rtl ? "rtl" : "ltr") << " " << quoted(t.text) << "\n";
  }
  for (const auto& b : doc.bookmarks) o << "bookmark " << b.page + 1 << " " << b.level << " " << num(b.y) << " " << quoted(b.title) << "\n";
  for (const auto& ov : doc.overflows) o << "overflow slide " << ov.slide << " " << ov.key << " " << num(ov.needed) << "\n";
  for (const auto& c : doc.collisions)
    o << "collision slide " << c.slide << " " << c.key << " by " << num(c.by) << " at " << num(c.at[0]) << " " << num(c.at[1]) << " "
      << num(c.at[2]) << " " << num(c.at[3]) << " " << c.what << "\n";
  return o.str();
}

}  // namespace deckhand

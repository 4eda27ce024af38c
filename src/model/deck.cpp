#include "model/deck.hpp"

#include <cmath>

#include "core/error.hpp"

namespace deckhand {

const char* to_string(SlideKind k) {
  switch (k) {
    case SlideKind::title: return "title";
    case SlideKind::section: return "section";
    case SlideKind::content: return "content";
    case SlideKind::blank: return "blank";
  }
  return "content";
}

std::optional<SlideKind> slide_kind_from(const std::string& s) {
  if (s == "title") return SlideKind::title;
  if (s == "section") return SlideKind::section;
  if (s == "content") return SlideKind::content;
  if (s == "blank") return SlideKind::blank;
  return std::nullopt;
}

namespace {
double r2(double v) { return std::round(v * 100.0) / 100.0; }

nlohmann::ordered_json bbox_json(const BBox& b) { return {r2(b[0]), r2(b[1]), r2(b[2]), r2(b[3])}; }

nlohmann::ordered_json style_json(const Style& s) {
  nlohmann::ordered_json j;
  j["size"] = r2(s.size);
  j["bold"] = s.bold;
  j["italic"] = s.italic;
  j["font"] = s.font;
  return j;
}

[[noreturn]] void bad(const std::string& file, const std::string& where, const std::string& what) {
  throw Error(Exit::bad_deck, file, "invalid deck JSON at " + where + ": " + what,
              "see docs/deck-json.md, or extract the deck again");
}

template <class T>
T get(const nlohmann::json& j, const char* key, const std::string& file, const std::string& where, T def, bool required) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) {
    if (required) bad(file, where, std::string("missing \"") + key + "\"");
    return def;
  }
  try {
    return it->get<T>();
  } catch (const nlohmann::json::exception&) {
    bad(file, where + "/" + key, "wrong type");
  }
}

BBox bbox_from(const nlohmann::json& j, const char* key, const std::string& file, const std::string& where) {
  BBox b{};
  auto it = j.find(key);
  if (it == j.end()) return b;
  if (!it->is_array() || it->size() != 4) bad(file, where + "/" + key, "expected [x0, y0, x1, y1]");
  for (int i = 0; i < 4; ++i) {
    if (!(*it)[i].is_number()) bad(file, where + "/" + key, "expected numbers");
    b[i] = (*it)[i].get<double>();
  }
  return b;
}

Style style_from(const nlohmann::json& j, const char* key, const std::string& file, const std::string& where) {
  Style s;
  auto it = j.find(key);
  if (it == j.end() || !it->is_object()) return s;
  s.size = get<double>(*it, "size", file, where + "/" + key, 0.0, false);
  s.bold = get<bool>(*it, "bold", file, where + "/" + key, false, false);
  s.italic = get<bool>(*it, "italic", file, where + "/" + key, false, false);
  s.font = get<std::string>(*it, "font", file, where + "/" + key, "", false);
  return s;
}
}  // namespace

nlohmann::ordered_json to_json(const Deck& d) {
  nlohmann::ordered_json j;
  j["schema"] = Deck::kSchema;
  nlohmann::ordered_json src;
  src["file"] = d.source.file;
  src["sha256"] = d.source.sha256;
  src["pages"] = d.source.pages;
  src["page_size"] = {r2(d.source.page_size[0]), r2(d.source.page_size[1])};
  src["producer"] = d.source.producer;
  src["creator"] = d.source.creator;
  src["title"] = d.source.title;
  j["source"] = src;
  j["lang"] = d.lang ? nlohmann::ordered_json(*d.lang) : nlohmann::ordered_json(nullptr);
  j["direction"] = d.direction;
  j["title"] = d.title;
  if (!d.translated_from.empty()) j["translated_from"] = d.translated_from;
  auto& slides = j["slides"] = nlohmann::ordered_json::array();
  for (const auto& s : d.slides) {
    nlohmann::ordered_json js;
    js["page"] = s.page;
    js["id"] = s.id;
    js["kind"] = to_string(s.kind);
    js["title"] = s.title;
    if (!s.title.empty()) {
      js["title_bbox"] = bbox_json(s.title_bbox);
      js["title_style"] = style_json(s.title_style);
    }
    js["label"] = s.label;
    js["overlay_of"] = s.overlay_of.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s.overlay_of);
    js["size"] = {r2(s.size[0]), r2(s.size[1])};
    js["direction"] = s.direction;
    auto& blocks = js["blocks"] = nlohmann::ordered_json::array();
    for (const auto& b : s.blocks) {
      nlohmann::ordered_json jb;
      jb["id"] = b.id;
      jb["level"] = b.level;
      jb["text"] = b.text;
      jb["bbox"] = bbox_json(b.bbox);
      jb["style"] = style_json(b.style);
      if (!b.marker.empty()) jb["marker"] = b.marker;
      jb["column"] = b.column;
      blocks.push_back(std::move(jb));
    }
    if (!s.notes.empty()) js["notes"] = s.notes;
    slides.push_back(std::move(js));
  }
  j["furniture"] = d.furniture;
  return j;
}

static Deck deck_from_json_unchecked(const nlohmann::json& j, const std::string& file);

Deck deck_from_json(const nlohmann::json& j, const std::string& file) {
  try {
    return deck_from_json_unchecked(j, file);
  } catch (const nlohmann::json::exception& e) {  // a value of the wrong type deep inside
    throw Error(Exit::bad_deck, file, std::string("invalid deck JSON: ") + e.what(), "see docs/deck-json.md, or extract the deck again");
  }
}

static Deck deck_from_json_unchecked(const nlohmann::json& j, const std::string& file) {
  if (!j.is_object()) bad(file, "/", "expected an object");
  std::string schema = get<std::string>(j, "schema", file, "", "", true);
  if (schema != Deck::kSchema)
    throw Error(Exit::bad_deck, file, "unknown schema \"" + schema + "\"", std::string("expected \"") + Deck::kSchema + "\"");
  Deck d;
  if (auto it = j.find("source"); it != j.end() && it->is_object()) {
    d.source.file = get<std::string>(*it, "file", file, "/source", "", false);
    d.source.sha256 = get<std::string>(*it, "sha256", file, "/source", "", false);
    d.source.pages = get<int>(*it, "pages", file, "/source", 0, false);
    d.source.producer = get<std::string>(*it, "producer", file, "/source", "", false);
    d.source.creator = get<std::string>(*it, "creator", file, "/source", "", false);
    d.source.title = get<std::string>(*it, "title", file, "/source", "", false);
    if (auto ps = it->find("page_size"); ps != it->end() && ps->is_array() && ps->size() == 2)
      d.source.page_size = {(*ps)[0].get<double>(), (*ps)[1].get<double>()};
  }
  if (auto it = j.find("lang"); it != j.end() && it->is_string()) d.lang = it->get<std::string>();
  d.direction = get<std::string>(j, "direction", file, "", "ltr", false);
  d.title = get<std::string>(j, "title", file, "", "", false);
  d.translated_from = get<std::string>(j, "translated_from", file, "", "", false);
  auto sl = j.find("slides");
  if (sl == j.end() || !sl->is_array()) bad(file, "/slides", "missing or not an array");
  for (size_t i = 0; i < sl->size(); ++i) {
    const auto& js = (*sl)[i];
    std::string where = "/slides/" + std::to_string(i);
    if (!js.is_object()) bad(file, where, "expected an object");
    Slide s;
    s.page = get<int>(js, "page", file, where, static_cast<int>(i + 1), false);
    s.id = get<std::string>(js, "id", file, where, "s" + std::to_string(i + 1), false);
    std::string kind = get<std::string>(js, "kind", file, where, "content", false);
    auto k = slide_kind_from(kind);
    if (!k) bad(file, where + "/kind", "\"" + kind + "\" is not one of title, section, content, blank");
    s.kind = *k;
    s.title = get<std::string>(js, "title", file, where, "", false);
    s.title_bbox = bbox_from(js, "title_bbox", file, where);
    s.title_style = style_from(js, "title_style", file, where);
    s.label = get<std::string>(js, "label", file, where, "", false);
    s.overlay_of = get<std::string>(js, "overlay_of", file, where, "", false);
    if (auto sz = js.find("size"); sz != js.end() && sz->is_array() && sz->size() == 2)
      s.size = {(*sz)[0].get<double>(), (*sz)[1].get<double>()};
    s.direction = get<std::string>(js, "direction", file, where, "ltr", false);
    auto bl = js.find("blocks");
    if (bl != js.end()) {
      if (!bl->is_array()) bad(file, where + "/blocks", "not an array");
      for (size_t k2 = 0; k2 < bl->size(); ++k2) {
        const auto& jb = (*bl)[k2];
        std::string bw = where + "/blocks/" + std::to_string(k2);
        if (!jb.is_object()) bad(file, bw, "expected an object");
        Block b;
        b.id = get<std::string>(jb, "id", file, bw, s.id + ".b" + std::to_string(k2 + 1), false);
        b.level = get<int>(jb, "level", file, bw, 0, false);
        if (b.level < 0 || b.level > 9) bad(file, bw + "/level", "must be 0 to 9");
        b.text = get<std::string>(jb, "text", file, bw, "", true);
        b.bbox = bbox_from(jb, "bbox", file, bw);
        b.style = style_from(jb, "style", file, bw);
        b.marker = get<std::string>(jb, "marker", file, bw, "", false);
        b.column = get<int>(jb, "column", file, bw, 0, false);
        s.blocks.push_back(std::move(b));
      }
    }
    if (auto nt = js.find("notes"); nt != js.end()) {
      if (!nt->is_array()) bad(file, where + "/notes", "not an array of strings");
      for (size_t k2 = 0; k2 < nt->size(); ++k2) {
        if (!(*nt)[k2].is_string()) bad(file, where + "/notes/" + std::to_string(k2), "expected a string");
        s.notes.push_back((*nt)[k2].get<std::string>());
      }
    }
    d.slides.push_back(std::move(s));
  }
  if (auto f = j.find("furniture"); f != j.end() && f->is_array())
    for (const auto& x : *f)
      if (x.is_string()) d.furniture.push_back(x.get<std::string>());
  return d;
}

std::string dump_deck(const Deck& deck) { return to_json(deck).dump(2) + "\n"; }

}  // namespace deckhand

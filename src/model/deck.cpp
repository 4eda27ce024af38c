#include "model/deck.hpp"

#include "core/log.hpp"
#include "core/unicode.hpp"

#include <spdlog/spdlog.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <type_traits>

#include "core/error.hpp"
#include "core/language.hpp"
#include "core/limits.hpp"
#include "core/docs.hpp"

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
  throw Error(Exit::bad_deck, file, "invalid deck JSON " + (where.empty() ? std::string("at the top level") : "at " + where) + ": " + what,
              "see " + doc_path("deck-json.md") + ", or extract the deck again");
}

std::string num_text(double v) {
  char b[40];
  std::snprintf(b, sizeof b, "%.10g", v);
  return b;
}

template <class T>
T get(const nlohmann::json& j, const char* key, const std::string& file, const std::string& where, T def, bool required) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) {
    if (required) bad(file, where, std::string("missing \"") + key + "\"");
    return def;
  }
  static_assert(!std::is_arithmetic_v<T> || std::is_same_v<T, bool>, "numbers are read with integer() and real()");
  if constexpr (std::is_same_v<T, std::string>) {
    if (!it->is_string()) bad(file, where + "/" + key, "wrong type (expected a string)");
    const auto& str = it->template get_ref<const std::string&>();
    if (str.size() > limits().string_bytes)
      over_limit(static_cast<int>(Exit::bad_deck), file, "the string at " + where + "/" + key, std::to_string(str.size()) + " bytes",
                 std::to_string(limits().string_bytes) + " bytes", "--max-string");
    return str;
  } else {
    try {
      return it->template get<T>();
    } catch (const nlohmann::json::exception&) {
      bad(file, where + "/" + key, "wrong type");
    }
  }
}

// A whole number in [lo, hi]: checked before any conversion (a double such as 1e308 or
// an unsigned 2^64-1 never reaches an int).
int integer(const nlohmann::json& j, const char* key, const std::string& file, const std::string& where, int def, int lo, int hi) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return def;
  const std::string at = where + "/" + key;
  if (!it->is_number()) bad(file, at, "wrong type (expected a whole number " + range_text(lo, hi) + ")");
  double v = it->is_number_integer() ? static_cast<double>(it->get<std::int64_t>())
             : it->is_number_unsigned() ? static_cast<double>(it->get<std::uint64_t>())
                                        : it->get<double>();
  if (!in_range(v, lo, hi) || v != std::floor(v)) bad(file, at, "must be a whole number " + range_text(lo, hi) + ", not " + num_text(v));
  return static_cast<int>(v);
}

// A finite number in [lo, hi].
double real(const nlohmann::json& v, const std::string& file, const std::string& at, double lo, double hi) {
  if (!v.is_number()) bad(file, at, "expected a number " + range_text(lo, hi));
  double x = v.get<double>();
  if (!in_range(x, lo, hi)) bad(file, at, "must be a number " + range_text(lo, hi) + ", not " + num_text(x));
  return x;
}

// A page or slide size [width, height] in points, within --max-page-size.
std::array<double, 2> size_from(const nlohmann::json& sz, const std::string& file, const std::string& at) {
  std::array<double, 2> out{};
  for (int i = 0; i < 2; ++i) {
    std::string a = at + "/" + std::to_string(i);
    out[i] = real(sz[i], file, a, 0, 1e300);
    if (out[i] > limits().page_size)
      over_limit(static_cast<int>(Exit::bad_deck), file, "the page size at " + a, num_text(out[i]) + " pt",
                 num_text(limits().page_size) + " pt", "--max-page-size");
  }
  return out;
}

BBox bbox_from(const nlohmann::json& j, const char* key, const std::string& file, const std::string& where) {
  BBox b{};
  auto it = j.find(key);
  if (it == j.end()) return b;
  if (!it->is_array() || it->size() != 4) bad(file, where + "/" + key, "expected [x0, y0, x1, y1]");
  // coordinates on a page: within the largest page allowed, on either side of it
  const double lim = limits().page_size;
  for (int i = 0; i < 4; ++i) b[i] = real((*it)[i], file, where + "/" + key + "/" + std::to_string(i), -lim, 2 * lim);
  return b;
}

Style style_from(const nlohmann::json& j, const char* key, const std::string& file, const std::string& where) {
  Style s;
  auto it = j.find(key);
  if (it == j.end() || !it->is_object()) return s;
  if (auto sz = it->find("size"); sz != it->end() && !sz->is_null()) s.size = real(*sz, file, where + "/" + key + "/size", 0, 10000);
  s.bold = get<bool>(*it, "bold", file, where + "/" + key, false, false);
  s.italic = get<bool>(*it, "italic", file, where + "/" + key, false, false);
  s.font = get<std::string>(*it, "font", file, where + "/" + key, "", false);
  return s;
}
}  // namespace

bool default_translate(const Block& b) { return !b.code && unicode::has_letter(b.text); }

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
      for (const auto& f : b.flow) jb["flow"].push_back(bbox_json(f));
      jb["style"] = style_json(b.style);
      if (!b.marker.empty()) jb["marker"] = b.marker;
      jb["column"] = b.column;
      if (b.table) jb["table"] = {{"id", b.table->id}, {"row", b.table->row}, {"column", b.table->column}};
      if (b.code) jb["code"] = true;
      if (b.translate != default_translate(b)) jb["translate"] = b.translate;  // written where it is not the default
      for (const auto& sp : b.spans) {
        nlohmann::ordered_json js2 = {{"begin", sp.begin}, {"end", sp.end}};
        if (sp.bold) js2["bold"] = true;
        if (sp.italic) js2["italic"] = true;
        if (!sp.color.empty()) js2["color"] = sp.color;
        jb["spans"].push_back(std::move(js2));
      }
      blocks.push_back(std::move(jb));
    }
    if (!s.notes.empty()) js["notes"] = s.notes;
    if (s.dropped) {
      auto& dr = js["dropped"] = nlohmann::ordered_json::array();
      for (const auto& x : *s.dropped) {
        nlohmann::ordered_json jd;
        jd["text"] = x.text;
        jd["reason"] = x.reason;
        if (!x.detail.empty()) jd["detail"] = x.detail;
        jd["bbox"] = bbox_json(x.bbox);
        dr.push_back(std::move(jd));
      }
    }
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
    throw Error(Exit::bad_deck, file, std::string("invalid deck JSON: ") + e.what(), "see " + doc_path("deck-json.md") + ", or extract the deck again");
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
    d.source.pages = integer(*it, "pages", file, "/source", 0, 0, 1000000000);
    d.source.producer = get<std::string>(*it, "producer", file, "/source", "", false);
    d.source.creator = get<std::string>(*it, "creator", file, "/source", "", false);
    d.source.title = get<std::string>(*it, "title", file, "/source", "", false);
    if (auto ps = it->find("page_size"); ps != it->end() && ps->is_array() && ps->size() == 2)
      d.source.page_size = size_from(*ps, file, "/source/page_size");
  }
  // language tags, canonical (docs/translation.md, "Language tags"): "fra" is read as "fr"
  auto tag = [&](const std::string& key, const std::string& written) {
    if (written.empty()) return written;
    if (auto c = language::canonical(written)) {
      if (*c != written) current_log().info("{}: language '{}' read as '{}' ({})", file, written, *c, key);
      return *c;
    }
    std::string s = language::suggestion(written);
    bad(file, "/" + key, "'" + written + "' is not a language tag" + (s.empty() ? "" : " (did you mean '" + s + "'?)"));
  };
  if (auto it = j.find("lang"); it != j.end() && it->is_string()) d.lang = tag("lang", it->get<std::string>());
  d.direction = get<std::string>(j, "direction", file, "", "ltr", false);
  d.title = get<std::string>(j, "title", file, "", "", false);
  d.translated_from = tag("translated_from", get<std::string>(j, "translated_from", file, "", "", false));
  auto sl = j.find("slides");
  if (sl == j.end() || !sl->is_array()) bad(file, "/slides", "missing or not an array");
  if (sl->size() > static_cast<size_t>(limits().slides))
    over_limit(static_cast<int>(Exit::bad_deck), file, "the slide count", std::to_string(sl->size()), std::to_string(limits().slides), "--max-slides");
  for (size_t i = 0; i < sl->size(); ++i) {
    const auto& js = (*sl)[i];
    std::string where = "/slides/" + std::to_string(i);
    if (!js.is_object()) bad(file, where, "expected an object");
    Slide s;
    s.page = integer(js, "page", file, where, static_cast<int>(i + 1), 1, 1000000000);
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
      s.size = size_from(*sz, file, where + "/size");
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
        b.level = integer(jb, "level", file, bw, 0, 0, 9);
        b.text = get<std::string>(jb, "text", file, bw, "", true);
        b.bbox = bbox_from(jb, "bbox", file, bw);
        if (auto fl = jb.find("flow"); fl != jb.end() && !fl->is_null()) {
          if (!fl->is_array()) bad(file, bw + "/flow", "not an array of boxes [x0, y0, x1, y1]");
          const double lim = limits().page_size;
          for (size_t k3 = 0; k3 < fl->size(); ++k3) {
            const std::string fw = bw + "/flow/" + std::to_string(k3);
            const auto& e = (*fl)[k3];
            if (!e.is_array() || e.size() != 4) bad(file, fw, "expected [x0, y0, x1, y1]");
            BBox f{};
            for (int i = 0; i < 4; ++i) f[i] = real(e[i], file, fw + "/" + std::to_string(i), -lim, 2 * lim);
            b.flow.push_back(f);
          }
        }
        b.style = style_from(jb, "style", file, bw);
        b.marker = get<std::string>(jb, "marker", file, bw, "", false);
        b.column = integer(jb, "column", file, bw, 0, 0, 1000);
        b.code = get<bool>(jb, "code", file, bw, false, false);
        b.translate = get<bool>(jb, "translate", file, bw, default_translate(b), false);
        if (auto tb = jb.find("table"); tb != jb.end() && !tb->is_null()) {
          std::string tw = bw + "/table";
          if (!tb->is_object()) bad(file, tw, "expected an object with id, row and column");
          TableCell c;
          c.id = get<std::string>(*tb, "id", file, tw, s.id + ".t1", false);
          c.row = integer(*tb, "row", file, tw, 0, 0, 100000);
          c.column = integer(*tb, "column", file, tw, 0, 0, 1000);
          b.table = c;
        }
        if (auto sp = jb.find("spans"); sp != jb.end() && !sp->is_null()) {
          if (!sp->is_array()) bad(file, bw + "/spans", "not an array of objects with begin and end");
          const int len = static_cast<int>(std::min<size_t>(unicode::decode(b.text).size(), 1000000));
          int last = 0;
          for (size_t k3 = 0; k3 < sp->size(); ++k3) {
            std::string sw = bw + "/spans/" + std::to_string(k3);
            const auto& jsp = (*sp)[k3];
            if (!jsp.is_object()) bad(file, sw, "expected an object with begin and end");
            TextSpan t;
            int from = integer(jsp, "begin", file, sw, 0, 0, len);
            int to = integer(jsp, "end", file, sw, len, 0, len);
            if (from < last || to <= from) bad(file, sw, "spans must be sorted, not overlap, and hold at least one character (begin < end, code points)");
            last = to;
            t.begin = static_cast<size_t>(from), t.end = static_cast<size_t>(to);
            t.bold = get<bool>(jsp, "bold", file, sw, false, false);
            t.italic = get<bool>(jsp, "italic", file, sw, false, false);
            t.color = get<std::string>(jsp, "color", file, sw, "", false);
            if (!t.color.empty() && !(t.color.size() == 7 && t.color[0] == '#' &&
                                      t.color.find_first_not_of("0123456789abcdefABCDEF", 1) == std::string::npos))
              bad(file, sw + "/color", "expected a colour as #rrggbb");
            b.spans.push_back(std::move(t));
          }
        }
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
    if (auto dr = js.find("dropped"); dr != js.end() && !dr->is_null()) {
      if (!dr->is_array()) bad(file, where + "/dropped", "not an array of objects with text, reason and bbox");
      s.dropped.emplace();
      for (size_t k2 = 0; k2 < dr->size(); ++k2) {
        const auto& jd = (*dr)[k2];
        std::string dw = where + "/dropped/" + std::to_string(k2);
        if (!jd.is_object()) bad(file, dw, "expected an object with text, reason and bbox");
        Dropped x;
        x.text = get<std::string>(jd, "text", file, dw, "", true);
        x.reason = get<std::string>(jd, "reason", file, dw, "", true);
        x.detail = get<std::string>(jd, "detail", file, dw, "", false);
        x.bbox = bbox_from(jd, "bbox", file, dw);
        s.dropped->push_back(std::move(x));
      }
    }
    d.slides.push_back(std::move(s));
  }
  if (auto f = j.find("furniture"); f != j.end() && f->is_array())
    for (const auto& x : *f)
      if (x.is_string() && x.get_ref<const std::string&>().size() <= limits().string_bytes) d.furniture.push_back(x.get<std::string>());
  return d;
}

Deck deck_from_text(const std::string& text, const std::string& file) {
  // The nesting depth and the slide count (objects two levels down: the items of "slides")
  // are checked in one linear scan before parsing, so that a deep or huge deck fails before
  // it is built in memory. (nlohmann's parser callback would do it too, but it is quadratic
  // in the length of an array of objects.)
  const int max_depth = limits().depth;
  const long max_objects = static_cast<long>(limits().slides) + 16;  // exact count checked below
  // The values of the JSON (numbers, strings, arrays, objects...), counted in the same scan
  // as its commas and brackets: nlohmann's document takes some 32 bytes a value, so a
  // 100 MB array of zeros took 1.67 GB (issue 20). A deck has some 100 values a slide; the
  // limit is values_per_slide times --max-slides (10 million by default: ~330 MB).
  const long long max_values = static_cast<long long>(limits().slides) * values_per_slide;
  {
    int depth = 0;
    long objects = 0;
    long long values = 1;
    bool in_string = false, escaped = false;
    for (char c : text) {
      if (in_string) {
        if (escaped) escaped = false;
        else if (c == '\\') escaped = true;
        else if (c == '"') in_string = false;
        continue;
      }
      if (c == ',' || c == '[' || c == '{') {
        if (++values > max_values)
          over_limit(static_cast<int>(Exit::bad_deck), file, "the number of JSON values", "more than " + std::to_string(max_values),
                     std::to_string(max_values) + " (" + std::to_string(values_per_slide) + " a slide of --max-slides)", "--max-slides");
      }
      if (c == '"') {
        in_string = true;
      } else if (c == '[' || c == '{') {
        if (c == '{' && depth == 2 && ++objects > max_objects)
          over_limit(static_cast<int>(Exit::bad_deck), file, "the slide count", "more than " + std::to_string(limits().slides),
                     std::to_string(limits().slides), "--max-slides");
        if (++depth > max_depth)
          over_limit(static_cast<int>(Exit::bad_deck), file, "the nesting depth of the JSON", std::to_string(depth),
                     std::to_string(max_depth), "--max-depth");
      } else if (c == ']' || c == '}') {
        --depth;
      }
    }
  }
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {  // parse_error, and out_of_range for a number such as 1e999
    throw Error(Exit::bad_deck, file, std::string("not valid JSON: ") + e.what(), "fix the file, or extract the deck again");
  }
  return deck_from_json(j, file);
}

std::string dump_deck(const Deck& deck) { return to_json(deck).dump(2) + "\n"; }

}  // namespace deckhand

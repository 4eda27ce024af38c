#include "l10n/strings.hpp"

#include <gettext-po.h>
#include <pugixml.hpp>
#include <iconv.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <csetjmp>
#include <cstdlib>
#include <cstring>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <set>
#include <string_view>
#include <sstream>

#include "core/docs.hpp"
#include "core/language.hpp"
#include "core/limits.hpp"
#include "core/scan.hpp"
#include "core/sha256.hpp"
#include "core/direction.hpp"
#include "core/unicode.hpp"
#include "deckhand/version.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

namespace deckhand::l10n {

namespace {
const char* kHint = "check the file in your translation tool, or export it again with 'deckhand strings export'";

[[noreturn]] void bad(const std::string& file, const std::string& what) {
  throw Error(Exit::translation, file, what, kHint);
}

std::string role_of(const Slide& s, const Block* b) {
  if (!b) return s.kind == SlideKind::title ? "deck title" : s.kind == SlideKind::section ? "section title" : "slide title";
  return b->level == 0 ? "paragraph" : "bullet level " + std::to_string(b->level);
}

// Characters the text may take where it stands on the slide, set at the smallest size a
// translation shrinks to (half its size, at least 8 pt: layout/slide_text.hpp): its box
// allows about width / (0.55 em) characters a line, and as many lines as the box and one
// more line of the source's size hold (at most `max_lines`: 2 for a title).
int limit_of(const BBox& box, double size, int max_lines) {
  double w = box[2] - box[0], h = box[3] - box[1];
  if (w <= 0 || size <= 0) return 0;
  const double z = std::min(size, std::max(8.0, size * 0.5));
  // capped before converting: a tiny size must not overflow an int
  int per_line = static_cast<int>(std::min(1e6, w / (0.55 * z)));
  int lines = std::max(1, static_cast<int>(std::min(1e6, std::floor((h + 1.2 * size) / (1.2 * z)))));
  return per_line * std::min(max_lines, lines);
}

// Document order, without recursion: the nesting comes from the file.
void collect_text(const pugi::xml_node& n, std::string& out) {
  pugi::xml_node c = n.first_child();
  while (c) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
    if (c.type() == pugi::node_element && c.first_child()) {
      c = c.first_child();
      continue;
    }
    while (c && !c.next_sibling() && c != n) c = c.parent();
    if (!c || c == n) break;
    c = c.next_sibling();
  }
}

// The deepest nesting of a document's nodes (elements, and text inside the deepest), without recursion.
int xml_depth(const pugi::xml_node& root) {
  int depth = 0, best = 0;
  pugi::xml_node c = root.first_child();
  while (c) {
    if (c.first_child()) {
      c = c.first_child();
      best = std::max(best, ++depth);
      continue;
    }
    while (c && !c.next_sibling() && c != root) {
      c = c.parent();
      --depth;
    }
    if (!c || c == root) break;
    c = c.next_sibling();
  }
  return best;
}

std::string text_of(const pugi::xml_node& n) {
  std::string s;
  collect_text(n, s);
  return s;
}

// "s3.b2-1a2b3c4d": a key, a dash and 8 hex digits
bool looks_like_id(const std::string& s) {
  size_t d = s.rfind('-');
  if (d == std::string::npos || s.size() - d != 9) return false;
  return std::all_of(s.begin() + static_cast<long>(d) + 1, s.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

std::string key_of(const std::string& id) { return looks_like_id(id) ? id.substr(0, id.rfind('-')) : ""; }

// ---- Inline styles: the tagged form (docs/translation.md, "Inline styles")
// A style code: bold, italic, or a colour ("#rrggbb", lower case).
struct Code {
  enum Kind { bold, italic, colored } kind = bold;
  std::string color;
  bool operator==(const Code&) const = default;
};

// The tagged form cut into text (unescaped) and codes opening and closing.
struct Piece {
  enum Kind { chars, open, close } kind = chars;
  std::string text;  // kind chars
  Code code;         // kind open or close
};

std::string escape_markup(std::string_view s) {
  std::string o;
  o.reserve(s.size());
  for (char c : s) {
    if (c == '&') o += "&amp;";
    else if (c == '<') o += "&lt;";
    else if (c == '>') o += "&gt;";
    else o += c;
  }
  return o;
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// "#c00000", "#C00", "c00000" -> "#c00000"; "" when it is not a colour
std::string normal_color(std::string s) {
  if (!s.empty() && s[0] == '#') s.erase(0, 1);
  if (s.empty() || s.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos) return "";
  if (s.size() == 3) s = {s[0], s[0], s[1], s[1], s[2], s[2]};
  return s.size() == 6 ? "#" + lower(s) : "";
}

// The colour in a CSS declaration list or a tag: "color:#c00000", "color: #C00;"
std::string color_in(const std::string& css) {
  std::string l = lower(css);
  for (size_t p = l.find("color"); p != std::string::npos; p = l.find("color", p + 1)) {
    if (p > 0 && (std::isalnum(static_cast<unsigned char>(l[p - 1])) || l[p - 1] == '-')) continue;  // background-color
    size_t q = l.find_first_not_of(" \t", p + 5);
    if (q == std::string::npos || l[q] != ':') continue;
    q = l.find_first_not_of(" \t", q + 1);
    if (q == std::string::npos || l[q] != '#') continue;
    size_t e = l.find_first_not_of("0123456789abcdef", q + 1);
    std::string c = normal_color(l.substr(q, (e == std::string::npos ? l.size() : e) - q));
    if (!c.empty()) return c;
  }
  return "";
}

std::string open_tag(const Code& c) {
  return c.kind == Code::bold ? "<b>" : c.kind == Code::italic ? "<i>" : "<span style=\"color:" + c.color + "\">";
}
std::string close_tag(const Code& c) { return c.kind == Code::bold ? "</b>" : c.kind == Code::italic ? "</i>" : "</span>"; }
std::string tag_name(const Code& c) { return c.kind == Code::bold ? "<b>" : c.kind == Code::italic ? "<i>" : "<span>"; }

// A tag of the tagged form, the text between '<' and '>': its code, and whether it closes.
std::optional<std::pair<Code, bool>> read_tag(const std::string& inner) {
  std::string t = inner;
  bool closing = !t.empty() && t[0] == '/';
  if (closing) t.erase(0, 1);
  size_t e = 0;
  while (e < t.size() && std::isalpha(static_cast<unsigned char>(t[e]))) ++e;
  std::string name = lower(t.substr(0, e)), rest = t.substr(e);
  bool bare = rest.find_first_not_of(" \t") == std::string::npos;
  Code c;
  if ((name == "b" || name == "strong") && bare) c.kind = Code::bold;
  else if ((name == "i" || name == "em") && bare) c.kind = Code::italic;
  else if (name == "span" && closing && bare) c.kind = Code::colored;
  else if (name == "span" && !closing && !rest.empty() && (rest[0] == ' ' || rest[0] == '\t')) {
    c.kind = Code::colored;
    c.color = color_in(rest);
    if (c.color.empty()) return std::nullopt;
  } else {
    return std::nullopt;
  }
  return std::make_pair(c, closing);
}

// "&amp;" ... at s[i] (s[i] == '&'): the character and the length read, or 0
size_t read_entity(const std::string& s, size_t i, std::string& out) {
  size_t semi = i + 1;
  while (semi < s.size() && semi - i <= 12 && s[semi] != ';') ++semi;  // a bounded look: "&" alone is common
  if (semi >= s.size() || s[semi] != ';') return 0;
  std::string name = s.substr(i + 1, semi - i - 1);
  static const std::map<std::string, const char*> named = {{"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}};
  if (auto it = named.find(name); it != named.end()) {
    out = it->second;
    return semi - i + 1;
  }
  if (name.size() >= 2 && name[0] == '#') {
    bool hex = name[1] == 'x' || name[1] == 'X';
    std::string digits = name.substr(hex ? 2 : 1);
    if (digits.empty() || digits.find_first_not_of(hex ? "0123456789abcdefABCDEF" : "0123456789") != std::string::npos) return 0;
    unsigned long cp = std::stoul(digits, nullptr, hex ? 16 : 10);
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    out = unicode::encode(static_cast<char32_t>(cp));
    return semi - i + 1;
  }
  return 0;
}

// The tagged form cut into pieces; `error` says what is wrong (the first mistake), and
// `lenient` is then the text with the known tags removed and the entities read.
struct Pieces {
  std::vector<Piece> pieces;
  std::string error;
  std::string lenient;
};

Pieces cut_tagged(const std::string& s) {
  Pieces r;
  std::vector<Code> open;
  auto text = [&](const std::string& t) {
    if (t.empty()) return;
    if (r.pieces.empty() || r.pieces.back().kind != Piece::chars) r.pieces.push_back({Piece::chars, "", {}});
    r.pieces.back().text += t;
  };
  auto fail = [&](const std::string& what) {
    if (r.error.empty()) r.error = what;
  };
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == '&') {
      std::string ch;
      if (size_t n = read_entity(s, i, ch)) {
        text(ch);
        r.lenient += ch;
        i += n;
      } else {
        fail("a '&' that is not &amp;, &lt; or &gt;");
        text("&");
        r.lenient += '&';
        ++i;
      }
      continue;
    }
    if (c != '<') {
      size_t e = s.find_first_of("&<", i);
      if (e == std::string::npos) e = s.size();
      text(s.substr(i, e - i));
      r.lenient += s.substr(i, e - i);
      i = e;
      continue;
    }
    size_t gt = s.find_first_of("<>", i + 1);  // the tag ends before any other '<'
    if (gt != std::string::npos && s[gt] != '>') gt = std::string::npos;
    std::optional<std::pair<Code, bool>> tag;
    if (gt != std::string::npos) tag = read_tag(s.substr(i + 1, gt - i - 1));
    if (!tag) {  // not a tag of ours: kept as text in the lenient reading
      std::string what = gt == std::string::npos ? "" : gt - i < 40 ? s.substr(i, gt - i + 1) : s.substr(i, 30) + "…";
      fail(what.empty() ? "a '<' that starts no tag (write &lt;)" : "unknown tag " + what + " (write &lt; for a '<')");
      text("<");
      r.lenient += '<';
      ++i;
      continue;
    }
    auto [code, closing] = *tag;
    if (!closing) {
      open.push_back(code);
      r.pieces.push_back({Piece::open, "", code});
    } else if (open.empty() || open.back().kind != code.kind) {
      fail(open.empty() ? close_tag(code) + " closes no tag" : close_tag(code) + " where " + tag_name(open.back()) + " should close");
      if (!open.empty()) open.pop_back();
    } else {
      r.pieces.push_back({Piece::close, "", open.back()});
      open.pop_back();
    }
    i = gt + 1;
  }
  if (!open.empty()) fail(tag_name(open.back()) + " is not closed");
  return r;
}

// The canonical tagged form of pieces
std::string join_pieces(const std::vector<Piece>& ps) {
  std::string o;
  for (const auto& p : ps) o += p.kind == Piece::chars ? escape_markup(p.text) : p.kind == Piece::open ? open_tag(p.code) : close_tag(p.code);
  return o;
}

// Sorted, inside the text, not overlapping, with some style: the spans a unit carries
std::vector<TextSpan> usable_spans(std::vector<TextSpan> spans, size_t len) {
  std::stable_sort(spans.begin(), spans.end(), [](const TextSpan& a, const TextSpan& b) { return a.begin < b.begin; });
  std::vector<TextSpan> out;
  size_t last = 0;
  for (auto sp : spans) {
    sp.end = std::min(sp.end, len);
    sp.color = sp.color.empty() ? "" : normal_color(sp.color);
    if (sp.begin >= sp.end || sp.begin < last || (!sp.bold && !sp.italic && sp.color.empty())) continue;
    out.push_back(sp);
    last = sp.end;
  }
  return out;
}

// Adjacent spans of the same style become one
void merge_adjacent(std::vector<TextSpan>& spans) {
  std::vector<TextSpan> out;
  for (const auto& sp : spans) {
    if (!out.empty() && out.back().end == sp.begin && out.back().bold == sp.bold && out.back().italic == sp.italic &&
        out.back().color == sp.color)
      out.back().end = sp.end;
    else
      out.push_back(sp);
  }
  spans = std::move(out);
}

// Spans of `text` moved to its NFC form. Each stretch between two boundaries is normalised
// alone; when that is the NFC of the whole (no character composes across a boundary), the
// boundaries follow exactly. Else a boundary goes where the NFC of the text before it ends
// (a mark composed with a letter before the boundary goes with the letter).
std::pair<std::string, std::vector<TextSpan>> nfc_with_spans(const std::string& text, std::vector<TextSpan> spans) {
  std::string n = unicode::nfc(text);
  if (n == text || spans.empty()) return {n, spans};
  std::u32string cps = unicode::decode(text);
  size_t len = unicode::decode(n).size();
  std::vector<size_t> bounds{0};
  for (const auto& sp : spans) bounds.insert(bounds.end(), {std::min(sp.begin, cps.size()), std::min(sp.end, cps.size())});
  bounds.push_back(cps.size());
  std::string joined;
  size_t joined_len = 0;
  std::map<size_t, size_t> moved;  // boundary -> its place in the NFC text
  for (size_t k = 0; k + 1 < bounds.size(); ++k) {
    moved[bounds[k]] = joined_len;
    if (bounds[k + 1] <= bounds[k]) continue;
    std::string part = unicode::nfc(unicode::encode(std::u32string_view(cps).substr(bounds[k], bounds[k + 1] - bounds[k])));
    joined_len += unicode::decode(part).size();
    joined += part;
  }
  moved[cps.size()] = len;
  const bool exact = joined == n;
  if (!exact && spans.size() > 256) return {n, {}};  // a pathological text: its words, not its styles
  auto at = [&](size_t b) {
    b = std::min(b, cps.size());
    return exact ? moved[b] : std::min(len, unicode::decode(unicode::nfc(unicode::encode(cps.substr(0, b)))).size());
  };
  std::vector<TextSpan> out;
  for (auto sp : spans) {
    sp.begin = at(sp.begin);
    sp.end = at(sp.end);
    if (sp.begin < sp.end && (out.empty() || sp.begin >= out.back().end)) out.push_back(sp);
  }
  merge_adjacent(out);
  return {n, out};
}

// The unit's text as another form: plain <-> tagged (a malformed tagged text gives its lenient reading)
std::string convert_form(const std::string& s, bool from_markup, bool to_markup) {
  if (from_markup == to_markup) return s;
  return to_markup ? escape_markup(s) : from_tagged(s).text;
}

const char* kTagsComment = "inline tags: keep <b>, <i> and <span style=\"color:…\"> around the words they style; write &lt; &gt; &amp; for < > &";

// ---- Inline codes in XLIFF: <pc> (2.0), <g> (1.2)
// Ids of the codes of a unit: the source's are 1..N in order; a target code takes the id of
// the first source code of the same style not yet taken, else a new one after N.
std::vector<int> code_ids(const std::vector<Piece>& ps, const std::vector<Code>& source_codes, int& next) {
  std::vector<int> ids;
  std::vector<bool> taken(source_codes.size(), false);
  for (const auto& p : ps) {
    if (p.kind != Piece::open) continue;
    int id = 0;
    for (size_t k = 0; k < source_codes.size() && !id; ++k)
      if (!taken[k] && source_codes[k] == p.code) { taken[k] = true; id = static_cast<int>(k) + 1; }
    ids.push_back(id ? id : ++next);
  }
  return ids;
}

std::vector<Code> codes_of(const std::vector<Piece>& ps) {
  std::vector<Code> c;
  for (const auto& p : ps)
    if (p.kind == Piece::open) c.push_back(p.code);
  return c;
}

// The pieces of a unit's text in the tagged form; malformed: its text without codes
std::vector<Piece> pieces_for_xml(const std::string& tagged) {
  Pieces p = cut_tagged(tagged);
  if (p.error.empty()) return p.pieces;
  if (p.lenient.empty()) return {};
  return {Piece{Piece::chars, p.lenient, {}}};
}

// A <source> or <target> with inline codes, serialized without indentation (pugixml indents
// mixed content, which would add spaces to the text). `data` maps a colour to the ids of its
// <originalData> entries (XLIFF 2.0).
struct ColorData {
  std::map<std::string, std::string> start;  // "#c00000" -> "d1"
  std::string end;                            // the id of "</span>"
};
std::string raw_inline(const char* name, const std::vector<std::pair<std::string, std::string>>& attrs, const std::vector<Piece>& ps,
                       const std::vector<int>& ids, bool v2, const ColorData& data) {
  pugi::xml_document d;
  auto root = d.append_child(name);
  for (const auto& [k, v] : attrs) root.append_attribute(k.c_str()) = v.c_str();
  std::vector<pugi::xml_node> stack{root};
  size_t k = 0;
  for (const auto& p : ps) {
    if (p.kind == Piece::chars) {
      stack.back().append_child(pugi::node_pcdata).set_value(p.text.c_str());
    } else if (p.kind == Piece::open) {
      auto e = stack.back().append_child(v2 ? "pc" : "g");
      e.append_attribute("id") = k < ids.size() ? ids[k] : static_cast<int>(k) + 1;
      ++k;
      if (v2) {
        e.append_attribute("type") = "fmt";
        e.append_attribute("subType") = p.code.kind == Code::bold ? "xlf:b" : p.code.kind == Code::italic ? "xlf:i" : "deckhand:color";
        if (p.code.kind == Code::colored) {
          e.append_attribute("dataRefStart") = data.start.at(p.code.color).c_str();
          e.append_attribute("dataRefEnd") = data.end.c_str();
        }
      } else {
        e.append_attribute("ctype") = p.code.kind == Code::bold ? "bold" : p.code.kind == Code::italic ? "italic"
                                                                          : ("x-color-" + p.code.color.substr(1)).c_str();
      }
      stack.push_back(e);
    } else if (stack.size() > 1) {
      stack.pop_back();
    }
  }
  std::ostringstream o;
  d.save(o, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  return o.str();
}

// The placeholder element written in the document's place of a raw one, and what replaces it
struct RawParts {
  std::vector<std::pair<std::string, std::string>> parts;  // placeholder text, raw element
  pugi::xml_node placeholder(pugi::xml_node parent, const char* name, std::string raw) {
    auto n = parent.append_child(name);
    n.append_attribute("deckhand-inline") = static_cast<int>(parts.size());
    pugi::xml_document d;  // written as the document is (format_indent: "<source deckhand-inline="0" />")
    d.append_copy(n);
    std::ostringstream o;
    d.save(o, "", pugi::format_indent | pugi::format_no_declaration, pugi::encoding_utf8);
    std::string ph = o.str();
    while (!ph.empty() && std::isspace(static_cast<unsigned char>(ph.back()))) ph.pop_back();
    parts.push_back({ph, std::move(raw)});
    return n;
  }
  std::string apply(const std::string& xml) const {  // the placeholders are in document order: one pass
    std::string out;
    size_t from = 0;
    for (const auto& [ph, raw] : parts) {
      size_t at = xml.find(ph, from);
      if (at == std::string::npos) continue;
      out.append(xml, from, at - from);
      out += raw;
      from = at + ph.size();
    }
    out.append(xml, from, std::string::npos);
    return out;
  }
};

// What a <source> or <target> (or a segment's) holds: its text in the tagged form and plain,
// whether it had style codes deckhand reads, and the first code it cannot read.
struct InlineRead {
  std::string tagged, plain;
  bool codes = false;
  std::string problem;
  void add(const InlineRead& o) {
    tagged += o.tagged;
    plain += o.plain;
    codes = codes || o.codes;
    if (problem.empty()) problem = o.problem;
  }
};

std::string describe(const pugi::xml_node& e) {
  std::string d = "<" + std::string(e.name());
  for (const char* a : {"ctype", "type", "subType"})
    if (e.attribute(a)) d += " " + std::string(a) + "=\"" + e.attribute(a).value() + "\"";
  return d + ">";
}

// Document order, without recursion (the nesting comes from the file). `unit` holds the
// <originalData> of XLIFF 2.0 codes.
InlineRead read_inline(const pugi::xml_node& n, bool v2, const pugi::xml_node& unit) {
  InlineRead r;
  if (!n) return r;
  std::vector<std::pair<pugi::xml_node, std::string>> stack;  // elements entered, and what closes them
  pugi::xml_node c = n.first_child();
  while (c) {
    bool enter = false;
    std::string open, close;
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      r.tagged += escape_markup(c.value());
      r.plain += c.value();
    } else if (c.type() == pugi::node_element) {
      std::string name = c.name();
      if (size_t colon = name.find(':'); colon != std::string::npos) name = name.substr(colon + 1);  // a prefixed XLIFF namespace
      std::optional<Code> code;
      if (v2 && name == "pc") {
        std::string sub = c.attribute("subType").value();
        if (sub == "xlf:b") code = Code{Code::bold, ""};
        else if (sub == "xlf:i") code = Code{Code::italic, ""};
        else if (sub == "deckhand:color") {
          std::string ref = c.attribute("dataRefStart").value(), color;
          for (auto data : unit.child("originalData").children("data"))
            if (ref == data.attribute("id").value()) color = color_in(text_of(data));
          if (!color.empty()) code = Code{Code::colored, color};
        }
      } else if (!v2 && name == "g") {
        std::string ct = c.attribute("ctype").value();
        if (ct == "bold") code = Code{Code::bold, ""};
        else if (ct == "italic") code = Code{Code::italic, ""};
        else if (ct.rfind("x-color-", 0) == 0 && !normal_color(ct.substr(8)).empty()) code = Code{Code::colored, normal_color(ct.substr(8))};
      }
      if (code) {
        r.codes = true;
        enter = true;
        open = open_tag(*code);
        close = close_tag(*code);
      } else if (name == "mrk") {  // an annotation (a term, "do not translate"): its text, no style
        enter = true;
      } else if (v2 && name == "cp") {  // a character XML cannot hold
        std::string ch;
        unsigned long cp = std::strtoul(c.attribute("hex").value(), nullptr, 16);
        if (cp > 0 && cp <= 0x10FFFF) ch = unicode::encode(static_cast<char32_t>(cp));
        r.tagged += escape_markup(ch);
        r.plain += ch;
      } else {
        if (r.problem.empty()) r.problem = "inline code " + describe(c) + " is not a style deckhand knows";
        // a paired code keeps its words; placeholders (ph, x, bpt, ept, it, sc, ec...) hold
        // native code, not text
        enter = name == "pc" || name == "g";
      }
      if (enter && c.first_child()) {
        r.tagged += open;
        stack.push_back({c, close});
        c = c.first_child();
        continue;
      }
      if (enter) r.tagged += open + close;
    }
    while (!c.next_sibling() && !stack.empty()) {
      r.tagged += stack.back().second;
      c = stack.back().first;
      stack.pop_back();
    }
    c = c.next_sibling();
  }
  return r;
}

// A unit's source and target as read: tagged when either has style codes, else plain as always
void set_texts(Unit& u, const InlineRead& s, const InlineRead& t) {
  u.markup = s.codes || t.codes;
  if (u.markup) {
    u.source = s.problem.empty() ? s.tagged : escape_markup(s.plain);
    u.target = t.problem.empty() ? t.tagged : escape_markup(t.plain);
  } else {
    u.source = s.plain;
    u.target = t.plain;
  }
  u.markup_problem = t.problem;
}

// ---- PO
std::string po_quote(const std::string& s) {
  std::string o = "\"";
  for (char c : s) {
    switch (c) {
      case '\\': o += "\\\\"; break;
      case '"': o += "\\\""; break;
      case '\n': o += "\\n"; break;
      case '\t': o += "\\t"; break;
      default: o += c;
    }
  }
  return o + "\"";
}

// PO files are read by gettext's own parser (libgettextpo), as msgfmt reads them:
// escapes (\\a, octal, \\x..), continued strings, obsolete (#~) and plural entries.
// libgettextpo reads from a file name, so the text goes through a temporary file.
thread_local std::jmp_buf* po_jump = nullptr;
thread_local std::string* po_error = nullptr;

void po_report(int severity, po_message_t, const char*, size_t lineno, size_t, int, const char* text) {
  if (severity >= PO_SEVERITY_ERROR && po_error && po_error->empty()) {
    std::string t = text ? text : "cannot read the file";
    while (!t.empty() && (t.back() == '\n' || t.back() == ' ')) t.pop_back();
    *po_error = (lineno != static_cast<size_t>(-1) ? std::to_string(lineno) : std::string()) + "\t" + t;
  }
  if (severity == PO_SEVERITY_FATAL_ERROR) std::longjmp(*po_jump, 1);  // "must not return"
}
void po_report2(int severity, po_message_t m, const char* f, size_t l, size_t c, int ml, const char* t, po_message_t,
                const char*, size_t, size_t, int, const char*) {
  po_report(severity, m, f, l, c, ml, t);
}

// Only plain data lives in this frame, so the long jump out of the handler skips no destructor.
po_file_t po_read_file(const char* path, std::string* error) {
  std::jmp_buf jump;
  po_jump = &jump;
  po_error = error;
  static const po_xerror_handler handler = {po_report, po_report2};
  if (setjmp(jump) != 0) {
    po_jump = nullptr;
    return nullptr;
  }
  po_file_t f = po_file_read(path, &handler);
  po_jump = nullptr;
  return f;
}

// gettext reads strings as C strings: a NUL byte in one (raw, or an escape that means one:
// \0, \000, \x00) cuts the text where it stands, silently. Such a file is refused, naming
// the line and the unit (docs/translation.md, "NUL bytes and control characters").
void po_refuse_nul(const std::string& text, const std::string& file) {
  if (text.find('\0') == std::string::npos && text.find('\\') == std::string::npos) return;
  enum Kw { none, ctxt, id, str } kw = none;
  std::string unit, ref;  // the current entry's msgctxt, and its first #: reference
  bool header = false;    // msgid "" without msgctxt: the header entry
  size_t lineno = 0;
  auto refuse = [&](const std::string& where) {
    std::string who = !unit.empty() ? "unit " + unit + ": " : !ref.empty() ? "unit " + ref + ": " : "";
    throw Error(Exit::translation, file + ":" + std::to_string(lineno), who + where + " holds a NUL byte", "remove it");
  };
  auto what = [&] {
    return kw == str ? (header && unit.empty() ? std::string("the header") : "the translation")
           : kw == ctxt ? "the unit id" : kw == id ? "the source text" : "the file";
  };
  for (size_t at = 0; at <= text.size();) {
    size_t e = text.find('\n', at);
    if (e == std::string::npos) e = text.size();
    const std::string_view line(text.data() + at, e - at);
    ++lineno;
    at = e + 1;
    size_t i = line.find_first_not_of(" \t");
    if (i == std::string_view::npos) {  // a blank line ends an entry
      if (line.find('\0') != std::string_view::npos) refuse("the file");
      kw = none;
      unit.clear();
      ref.clear();
      header = false;
      continue;
    }
    if (line[i] == '#') {
      if (kw == str) { kw = none; unit.clear(); ref.clear(); header = false; }
      if (line.find('\0') != std::string_view::npos) refuse(line.substr(i, 2) == "#~" ? "an obsolete entry" : "a comment");
      if (line.substr(i, 2) == "#:" && ref.empty()) {
        size_t b = line.find_first_not_of(" \t", i + 2), f = line.find_first_of(" \t", b);
        if (b != std::string_view::npos) ref = std::string(line.substr(b, f == std::string_view::npos ? f : f - b));
      }
      continue;
    }
    if (line[i] != '"') {  // a keyword: msgctxt, msgid, msgid_plural, msgstr, msgstr[N]
      std::string_view k = line.substr(i, line.find_first_of(" \t\"", i) - i);
      if ((k == "msgctxt" || k == "msgid") && kw == str) ref.clear();  // the next entry, with no blank line before it
      if (k == "msgctxt" || (k == "msgid" && kw != ctxt)) unit.clear();
      if (k == "msgctxt") kw = ctxt;
      else if (k == "msgid") { kw = id; header = unit.empty() && line.substr(i).find("\"\"") != std::string_view::npos; }
      else if (k == "msgid_plural") kw = id;
      else if (k.rfind("msgstr", 0) == 0) kw = str;
      i = line.find('"', i);
      if (i == std::string_view::npos) {
        if (line.find('\0') != std::string_view::npos) refuse(what());
        continue;
      }
    }
    // the quoted string: raw NULs, and escapes that mean one
    std::string value;
    for (size_t j = i + 1; j < line.size() && line[j] != '"'; ++j) {
      char c = line[j];
      if (c == '\0') refuse(what());
      if (c != '\\' || j + 1 >= line.size()) { value += c; continue; }
      char n = line[++j];
      // \ooo (up to three octal digits) and \xhh... mean a NUL when their digits are all 0
      size_t d = 0;
      bool zero = true;
      if (n >= '0' && n <= '7') {
        for (; d < 3 && j < line.size() && line[j] >= '0' && line[j] <= '7'; ++d, ++j)
          if (line[j] != '0') zero = false;
        --j;
        if (zero) refuse(what());
      } else if (n == 'x' && j + 1 < line.size() && std::isxdigit(static_cast<unsigned char>(line[j + 1]))) {
        while (j + 1 < line.size() && std::isxdigit(static_cast<unsigned char>(line[j + 1])))
          if (line[++j] != '0') zero = false;
        if (zero) refuse(what());
      } else {
        value += n;
      }
    }
    if (line.find('\0') != std::string_view::npos) refuse(what());  // after the closing quote
    if (kw == ctxt) unit += value;
  }
}

// libgettextpo gives a PO file's strings in the charset its header declares, unconverted:
// an ISO-8859-1 "é" read as UTF-8 became U+FFFD (issue 20). A file that declares another
// charset than UTF-8 (or ASCII) is converted to UTF-8 with iconv first, and its header then
// says UTF-8; one that iconv does not know, or that is not valid in its own charset, is
// refused (exit 11) with the line. `utf8_at`, when given, is set to where "charset=" stands
// in the text returned when that text declares UTF-8 (npos when it declares no charset,
// ASCII, or the placeholder CHARSET).
std::string po_to_utf8(const std::string& text, const std::string& file, size_t* utf8_at = nullptr) {
  if (utf8_at) *utf8_at = std::string::npos;
  size_t h = text.find("msgid \"\"");
  if (h == std::string::npos) return text;
  // the header entry ends at the first blank line (a line of spaces, tabs or a CR alone: a
  // file with CRLF line ends has no "\n\n"), and its charset is looked for there alone
  size_t end = text.size();
  for (size_t at = text.find('\n', h); at != std::string::npos && at < text.size(); at = text.find('\n', at + 1)) {
    size_t k = at + 1;
    while (k < text.size() && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r')) ++k;
    if (k >= text.size() || text[k] == '\n') {
      end = at;
      break;
    }
  }
  size_t cs = text.find("charset=", h);
  if (cs == std::string::npos || cs > end) return text;
  const size_t at = cs;
  cs += 8;
  size_t ce = cs;
  while (ce < text.size() && (std::isalnum(static_cast<unsigned char>(text[ce])) || std::strchr("._:-", text[ce]))) ++ce;
  std::string charset = text.substr(cs, ce - cs), lower;
  for (char c : charset) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "utf-8" || lower == "utf8") {
    if (utf8_at) *utf8_at = at;
    return text;
  }
  if (lower.empty() || lower == "charset" || lower == "ascii" || lower == "us-ascii" || lower == "ansi_x3.4-1968") return text;
  // Shift_JIS as glibc reads it makes byte 0x5C a yen sign, and every escape of the file
  // (\n, \") with it: read as Windows' code page 932, its superset, where 0x5C is the
  // backslash the PO syntax means (gettext's lexer takes it so too)
  const bool sjis = lower == "shift_jis" || lower == "shift-jis" || lower == "sjis" || lower == "ms_kanji" || lower == "csshiftjis";
  iconv_t cd = ::iconv_open("UTF-8", sjis ? "CP932" : charset.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1))
    throw Error(Exit::translation, file, "declares charset=" + scan::for_message(charset, 40) + ", which deckhand cannot convert to UTF-8",
                "convert it: msgconv --to-code=UTF-8 " + file);
  std::string out;
  out.resize(text.size() * 2 + 16);
  char* in = const_cast<char*>(text.data());
  size_t in_left = text.size(), done = 0;
  for (;;) {
    char* o = out.data() + done;
    size_t o_left = out.size() - done;
    size_t r = ::iconv(cd, &in, &in_left, &o, &o_left);
    done = out.size() - o_left;
    if (r != static_cast<size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    ::iconv_close(cd);
    size_t at = static_cast<size_t>(in - text.data());
    size_t line = 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
    throw Error(Exit::translation, file + ":" + std::to_string(line), "is not valid " + scan::for_message(charset, 40) + ", the charset its header declares",
                "fix the header's charset, or convert the file: msgconv --to-code=UTF-8 " + file);
  }
  ::iconv_close(cd);
  out.resize(done);
  // the header now says what the text is
  size_t h2 = out.find("msgid \"\""), c2 = h2 == std::string::npos ? h2 : out.find("charset=", h2);
  if (c2 != std::string::npos) {
    size_t e2 = c2 + 8;
    while (e2 < out.size() && (std::isalnum(static_cast<unsigned char>(out[e2])) || std::strchr("._:-", out[e2]))) ++e2;
    out.replace(c2 + 8, e2 - c2 - 8, "UTF-8");
    if (utf8_at) *utf8_at = c2;
  }
  return out;
}

// libgettextpo takes time quadratic in a message's number of plural forms (100,000
// msgstr[N] took 50 s; issue 20). Deck units have no plurals, and languages have at most
// six forms: a message with more than max_plural_forms is refused before gettext reads
// the file, in one linear scan (obsolete #~ entries count too).
void po_refuse_plurals(const std::string& text, const std::string& file) {
  size_t forms = 0, lineno = 0;
  bool after_ctxt = false;
  std::string unit;
  for (size_t at = 0; at < text.size();) {
    size_t e = text.find('\n', at);
    if (e == std::string::npos) e = text.size();
    std::string_view line(text.data() + at, e - at);
    at = e + 1;
    ++lineno;
    size_t i = line.find_first_not_of(" \t");
    if (i == std::string_view::npos) continue;
    if (line.compare(i, 2, "#~") == 0) i = line.find_first_not_of(" \t", i + 2);
    if (i == std::string_view::npos) continue;
    line.remove_prefix(i);
    if (line.rfind("msgctxt", 0) == 0) {  // an entry starts: its unit id
      forms = 0;
      after_ctxt = true;
      size_t q = line.find('"'), r = q == std::string_view::npos ? q : line.rfind('"');
      unit = q != std::string_view::npos && r > q ? std::string(line.substr(q + 1, r - q - 1)) : "";
    } else if (line.rfind("msgid", 0) == 0 && line.rfind("msgid_plural", 0) != 0) {  // or here, without one
      if (!after_ctxt) unit.clear();
      forms = 0;
      after_ctxt = false;
    } else if (line.rfind("msgstr[", 0) == 0 && ++forms > max_plural_forms) {
      throw Error(Exit::translation, file + ":" + std::to_string(lineno),
                  (unit.empty() ? std::string() : "unit " + scan::for_message(unit, 80) + ": ") + "a message with more than " +
                      std::to_string(max_plural_forms) + " plural forms (msgstr[N]), over the limit (deck units have none)",
                  "remove the plural forms; see " + doc_path("limits.md"));
    }
  }
}

Catalog read_po(const std::string& raw, const std::string& file) {
  po_refuse_plurals(raw, file);
  size_t utf8_at = std::string::npos;
  std::string text = po_to_utf8(raw, file, &utf8_at);
  po_refuse_nul(text, file);
  // A file in UTF-8 (as declared, or converted to it above) is checked here and, all valid,
  // given to libgettextpo without its charset: gettext then reads it byte by byte instead of calling
  // iconv() once a character (two thirds of its reading time: 400,000 calls for a 400 KB
  // file). The strings come out the same: no byte of a UTF-8 sequence is an ASCII one, so
  // quotes, backslashes and newlines are found alike. ("charset-" for "charset=": the same
  // length, so gettext's line numbers stay the file's; it warns of no charset, which is not
  // an error.)
  // (A file with bytes that are no UTF-8 keeps its charset: gettext then reads it as it
  // always did, refusing such bytes in a string with their line and taking them in a
  // comment, a translator's name in Latin-1.)
  if (utf8_at != std::string::npos && scan::invalid_utf8_at(text) == std::string::npos) text[utf8_at + 7] = '-';
  // libgettextpo reads a path: the text is given to it in an anonymous file in memory
  // (memfd), with no name in any folder, so nothing is left behind by a signal and a full
  // /tmp cannot cut it short (it used to be a copy in /tmp, written unchecked)
  int fd = ::memfd_create("deckhand-po", MFD_CLOEXEC);
  if (fd < 0) bad(file, std::string("cannot make a copy in memory to read it: ") + std::strerror(errno));
  size_t off = 0;
  while (off < text.size()) {
    ssize_t n = ::write(fd, text.data() + off, text.size() - off);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      bad(file, std::string("cannot make a copy in memory to read it: ") + std::strerror(errno));
    }
    off += static_cast<size_t>(n);
  }
  const std::string tmp = "/proc/self/fd/" + std::to_string(fd);
  std::string error;
  po_file_t f = po_read_file(tmp.c_str(), &error);
  ::close(fd);
  if (!f || !error.empty()) {
    std::string line = error.substr(0, error.find('\t'));
    std::string what = error.empty() ? "cannot read the file as gettext PO" : error.substr(error.find('\t') + 1);
    if (f) po_file_free(f);
    bad(line.empty() ? file : file + ":" + line, "not valid gettext PO: " + what);
  }
  struct Free {
    po_file_t f;
    ~Free() { po_file_free(f); }
  } guard{f};
  Catalog c;
  if (const char* header = po_file_domain_header(f, nullptr)) {
    auto field = [&](const char* name) {
      char* v = po_header_field(header, name);
      std::string out = v ? unicode::collapse_spaces(v) : "";
      std::free(v);
      return out;
    };
    c.target_lang = field("Language");
    if (!c.target_lang.empty() && !language::canonical(c.target_lang)) c.bad_lang = c.target_lang, c.bad_lang_where = "the Language: header", c.target_lang.clear();
    if (!c.target_lang.empty()) c.target_lang = language::read(c.target_lang, file, Exit::translation, "the Language: header");
    c.source_lang = field("X-Source-Language");
    if (auto l = language::canonical(c.source_lang)) c.source_lang = *l;
    c.original = field("Project-Id-Version");
  }
  po_message_iterator_t it = po_message_iterator(f, nullptr);
  while (po_message_t m = po_next_message(it)) {
    if (po_message_is_obsolete(m)) continue;  // #~ entries: msgfmt ignores them too
    const char* ctxt = po_message_msgctxt(m);
    std::string id = po_message_msgid(m);
    if (id.empty() && !ctxt) continue;  // the header
    Unit u;
    u.source = id;
    u.target = po_message_msgid_plural(m) ? (po_message_msgstr_plural(m, 0) ? po_message_msgstr_plural(m, 0) : "") : po_message_msgstr(m);
    u.fuzzy = po_message_is_fuzzy(m);
    u.state = u.fuzzy ? "fuzzy" : "translated";
    // a unit with inline tags says so in its extracted comment
    if (const char* ec = po_message_extracted_comments(m)) {
      std::istringstream lines(ec);
      std::string l;
      while (std::getline(lines, l)) u.markup = u.markup || l.rfind("inline tags:", 0) == 0;
    }
    std::string refs;
    if (po_filepos_t fp = po_message_filepos(m, 0)) refs = po_filepos_file(fp);
    // msgctxt is our unit id; tools that drop it (xliff2po) keep it, or the key, as the
    // first reference
    if (ctxt && *ctxt) u.id = ctxt;
    else if (looks_like_id(refs)) u.id = refs;
    else if (!refs.empty()) u.id = unit_id(refs, id);
    u.key = key_of(u.id);
    c.units.push_back(std::move(u));
  }
  po_message_iterator_free(it);
  return c;
}

std::string write_po(const Catalog& c) {
  std::ostringstream o;
  o << "# Strings of " << c.original << ", exported by deckhand " << kVersion << ".\n"
    << "# msgctxt is the unit id; keep it. Comments give the slide, the role and the size limit.\n"
    << "msgid \"\"\nmsgstr \"\"\n"
    << po_quote("Project-Id-Version: " + c.original + "\n") << "\n"
    << "\"Report-Msgid-Bugs-To: \\n\"\n"
    << "\"PO-Revision-Date: 1970-01-01 00:00+0000\\n\"\n"
    << "\"Last-Translator: \\n\"\n"
    << "\"Language-Team: \\n\"\n"
    << po_quote("Language: " + c.target_lang + "\n") << "\n"
    << "\"MIME-Version: 1.0\\n\"\n"
    << "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
    << "\"Content-Transfer-Encoding: 8bit\\n\"\n"
    << po_quote("X-Generator: deckhand " + std::string(kVersion) + "\n") << "\n"
    << po_quote("X-Source-Language: " + c.source_lang + "\n") << "\n";
  for (const auto& u : c.units) {
    o << "\n#. slide " << u.slide << ", " << u.role;
    if (u.max_chars > 0) o << "; at most " << u.max_chars << " characters";
    if (u.markup) o << "\n#. " << kTagsComment;
    if (u.no_translate) o << "\n#. not for translation (the deck says so: a code listing, no words, or \"translate\": false): leave it empty to keep it as it is";
    o << "\n#: " << u.key << "\n";
    if (u.fuzzy || u.no_translate) o << "#, " << (u.fuzzy ? "fuzzy" : "") << (u.fuzzy && u.no_translate ? ", " : "") << (u.no_translate ? "no-translate" : "") << "\n";
    o << "msgctxt " << po_quote(u.id) << "\nmsgid " << po_quote(u.source) << "\nmsgstr " << po_quote(u.target) << "\n";
  }
  return o.str();
}

// ---- XLIFF
std::string xml_string(const pugi::xml_document& d) {
  std::ostringstream o;
  d.save(o, "  ", pugi::format_indent, pugi::encoding_utf8);
  return o.str();
}

std::string write_xliff12(const Catalog& c) {
  pugi::xml_document d;
  auto decl = d.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  auto x = d.append_child("xliff");
  x.append_attribute("version") = "1.2";
  x.append_attribute("xmlns") = "urn:oasis:names:tc:xliff:document:1.2";
  auto f = x.append_child("file");
  f.append_attribute("original") = c.original.c_str();
  f.append_attribute("source-language") = c.source_lang.c_str();
  if (!c.target_lang.empty()) f.append_attribute("target-language") = c.target_lang.c_str();
  f.append_attribute("datatype") = "plaintext";
  f.append_attribute("tool-id") = "deckhand";
  auto h = f.append_child("header");
  auto tool = h.append_child("tool");
  tool.append_attribute("tool-id") = "deckhand";
  tool.append_attribute("tool-name") = "deckhand";
  tool.append_attribute("tool-version") = kVersion;
  auto body = f.append_child("body");
  RawParts raw;
  pugi::xml_node group;
  int group_slide = -1;
  for (const auto& u : c.units) {
    if (u.slide != group_slide) {
      group = body.append_child("group");
      group.append_attribute("id") = ("s" + std::to_string(u.slide)).c_str();
      group.append_attribute("resname") = ("slide " + std::to_string(u.slide)).c_str();
      group_slide = u.slide;
    }
    auto tu = group.append_child("trans-unit");
    tu.append_attribute("id") = u.id.c_str();
    tu.append_attribute("resname") = u.key.c_str();
    if (u.max_chars > 0) {
      tu.append_attribute("maxwidth") = u.max_chars;
      tu.append_attribute("size-unit") = "char";
    }
    tu.append_attribute("xml:space") = "preserve";
    if (u.no_translate) tu.append_attribute("translate") = "no";
    if (!u.target.empty()) tu.append_attribute("approved") = u.fuzzy ? "no" : "yes";
    const char* state = u.fuzzy ? "needs-review-translation" : "translated";
    if (u.markup) {  // <g ctype="bold"> ... (docs/translation.md, "Inline styles")
      std::vector<Piece> sp = pieces_for_xml(u.source), tp = pieces_for_xml(u.target);
      std::vector<Code> sc = codes_of(sp);
      int next = static_cast<int>(sc.size()), none = 0;
      raw.placeholder(tu, "source", raw_inline("source", {}, sp, code_ids(sp, {}, none), false, {}));
      if (!u.target.empty())
        raw.placeholder(tu, "target", raw_inline("target", {{"state", state}}, tp, code_ids(tp, sc, next), false, {}));
    } else {
      tu.append_child("source").text() = u.source.c_str();
      if (!u.target.empty()) {
        auto t = tu.append_child("target");
        t.text() = u.target.c_str();
        t.append_attribute("state") = state;
      }
    }
    auto note = tu.append_child("note");
    note.append_attribute("from") = "deckhand";
    note.text() = ("slide " + std::to_string(u.slide) + ", " + u.role +
                   (u.max_chars > 0 ? "; at most " + std::to_string(u.max_chars) + " characters" : "")).c_str();
  }
  return raw.apply(xml_string(d));
}

std::string write_xliff2(const Catalog& c) {
  pugi::xml_document d;
  auto decl = d.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  auto x = d.append_child("xliff");
  x.append_attribute("xmlns") = "urn:oasis:names:tc:xliff:document:2.0";
  x.append_attribute("xmlns:slr") = "urn:oasis:names:tc:xliff:sizerestriction:2.0";
  x.append_attribute("version") = "2.0";
  x.append_attribute("srcLang") = c.source_lang.c_str();
  if (!c.target_lang.empty()) x.append_attribute("trgLang") = c.target_lang.c_str();
  auto f = x.append_child("file");
  f.append_attribute("id") = "f1";
  f.append_attribute("original") = c.original.c_str();
  auto prof = f.append_child("slr:profiles");
  prof.append_attribute("generalProfile") = "xliff:codepoints";
  RawParts raw;
  pugi::xml_node group;
  int group_slide = -1;
  for (const auto& u : c.units) {
    if (u.slide != group_slide) {
      group = f.append_child("group");
      group.append_attribute("id") = ("s" + std::to_string(u.slide)).c_str();
      group.append_attribute("name") = ("slide " + std::to_string(u.slide)).c_str();
      group_slide = u.slide;
    }
    auto unit = group.append_child("unit");
    unit.append_attribute("id") = u.id.c_str();
    unit.append_attribute("name") = u.key.c_str();
    if (u.max_chars > 0) unit.append_attribute("slr:sizeRestriction") = u.max_chars;
    if (u.no_translate) unit.append_attribute("translate") = "no";
    auto notes = unit.append_child("notes");
    auto note = notes.append_child("note");
    note.append_attribute("category") = "context";
    note.text() = ("slide " + std::to_string(u.slide) + ", " + u.role).c_str();
    std::vector<Piece> sp, tp;
    ColorData data;
    if (u.markup) {  // <pc type="fmt" subType="xlf:b"> ... (docs/translation.md, "Inline styles")
      sp = pieces_for_xml(u.source);
      tp = pieces_for_xml(u.target);
      std::vector<std::string> colors;  // the original data of colour codes, in order of use
      for (const auto* ps : {&sp, &tp})
        for (const auto& p : *ps)
          if (p.kind == Piece::open && p.code.kind == Code::colored && !data.start.count(p.code.color)) {
            data.start[p.code.color] = "d" + std::to_string(data.start.size() + 1);
            colors.push_back(p.code.color);
          }
      if (!colors.empty()) {
        auto od = unit.append_child("originalData");
        for (const auto& col : colors) {
          auto dn = od.append_child("data");
          dn.append_attribute("id") = data.start[col].c_str();
          dn.text() = ("<span style=\"color:" + col + "\">").c_str();
        }
        data.end = "d" + std::to_string(colors.size() + 1);
        auto dn = od.append_child("data");
        dn.append_attribute("id") = data.end.c_str();
        dn.text() = "</span>";
      }
    }
    auto seg = unit.append_child("segment");
    seg.append_attribute("state") = u.target.empty() ? "initial" : u.fuzzy ? "translated" : "final";
    if (u.fuzzy) seg.append_attribute("subState") = "deckhand:fuzzy";
    if (u.markup) {
      std::vector<Code> sc = codes_of(sp);
      int next = static_cast<int>(sc.size()), none = 0;
      raw.placeholder(seg, "source", raw_inline("source", {{"xml:space", "preserve"}}, sp, code_ids(sp, {}, none), true, data));
      if (!u.target.empty())
        raw.placeholder(seg, "target", raw_inline("target", {{"xml:space", "preserve"}}, tp, code_ids(tp, sc, next), true, data));
      continue;
    }
    auto src = seg.append_child("source");
    src.append_attribute("xml:space") = "preserve";
    src.text() = u.source.c_str();
    if (!u.target.empty()) {
      auto t = seg.append_child("target");
      t.append_attribute("xml:space") = "preserve";
      t.text() = u.target.c_str();
    }
  }
  return raw.apply(xml_string(d));
}

// A C0 control character XML 1.0 forbids (all but tab, line feed and carriage return; NUL
// too): XLIFF files are refused for one, and PO translations (checked) the same.
bool xml_forbidden_control(unsigned long c) { return c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D; }

// XML 1.0 forbids NUL and the C0 control characters but tab, line feed and carriage return,
// raw or as character references; pugixml reads a raw NUL as the end of the text and &#0; as
// nothing, and lets the others through. Refused, naming the line and the unit (comments and
// CDATA sections hold no references).
void xml_refuse_controls(const std::string& text, const std::string& file) {
  auto forbidden = [](unsigned long c) { return xml_forbidden_control(c); };
  auto refuse = [&](size_t at, unsigned long c) {
    const size_t line = 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + static_cast<ptrdiff_t>(at), '\n'));
    const std::string before = text.substr(0, at);
    // the unit it is in, and whether in its source or its target
    std::string who, where = "the file";
    const size_t u2 = before.rfind("<unit"), u1 = before.rfind("<trans-unit");
    const size_t u = u2 == std::string::npos ? u1 : u1 == std::string::npos ? u2 : std::max(u1, u2);
    if (u != std::string::npos && before.find("</unit>", u) == std::string::npos && before.find("</trans-unit>", u) == std::string::npos) {
      size_t q = before.find(" id=\"", u), gt = before.find('>', u);
      if (q != std::string::npos && q < gt) who = "unit " + before.substr(q + 5, before.find('"', q + 5) - q - 5) + ": ";
      size_t t = before.rfind("<target"), src = before.rfind("<source");
      if (t != std::string::npos && t > u && (src == std::string::npos || t > src) && before.find("</target>", t) == std::string::npos)
        where = "the translation";
      else if (src != std::string::npos && src > u && before.find("</source>", src) == std::string::npos)
        where = "the source text";
      else
        where = "the unit";
    }
    char hex[16];
    std::snprintf(hex, sizeof hex, "U+%04lX", c);
    throw Error(Exit::translation, file + ":" + std::to_string(line),
                who + where + (c == 0 ? " holds a NUL byte" : std::string(" holds the control character ") + hex + ", which XML forbids"),
                "remove it");
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char ch = static_cast<unsigned char>(text[i]);
    if (forbidden(ch)) refuse(i, ch);
    if (ch == '<' && text.compare(i, 4, "<!--") == 0) {  // a comment: its raw bytes are checked, no references
      size_t e = text.find("-->", i + 4);
      for (size_t k = i; k < (e == std::string::npos ? text.size() : e); ++k)
        if (forbidden(static_cast<unsigned char>(text[k]))) refuse(k, static_cast<unsigned char>(text[k]));
      if (e == std::string::npos) return;  // the parser says what is wrong
      i = e + 2;
    } else if (ch == '<' && text.compare(i, 9, "<![CDATA[") == 0) {
      size_t e = text.find("]]>", i + 9);
      for (size_t k = i; k < (e == std::string::npos ? text.size() : e); ++k)
        if (forbidden(static_cast<unsigned char>(text[k]))) refuse(k, static_cast<unsigned char>(text[k]));
      if (e == std::string::npos) return;
      i = e + 2;
    } else if (ch == '&' && i + 2 < text.size() && text[i + 1] == '#') {
      const bool hex = text[i + 2] == 'x' || text[i + 2] == 'X';
      size_t d = i + (hex ? 3 : 2), e = d;
      while (e < text.size() && e - d < 8 && (hex ? std::isxdigit(static_cast<unsigned char>(text[e])) : std::isdigit(static_cast<unsigned char>(text[e])))) ++e;
      if (e > d && e < text.size() && text[e] == ';') {
        unsigned long c = std::stoul(text.substr(d, e - d), nullptr, hex ? 16 : 10);
        if (forbidden(c)) refuse(i, c);
      }
    }
  }
}

Catalog read_xliff(const std::string& text, const std::string& file) {
  xml_refuse_controls(text, file);
  pugi::xml_document d;
  // every text node kept: the space between two inline codes is text
  auto r = d.load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata);
  if (!r) {
    // line of the error
    int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + std::min<ptrdiff_t>(r.offset, text.size()), '\n'));
    bad(file + ":" + std::to_string(line), std::string("not well-formed XML: ") + r.description());
  }
  if (int depth = xml_depth(d); depth > limits().depth)
    over_limit(static_cast<int>(Exit::translation), file, "the XML nesting depth", std::to_string(depth), std::to_string(limits().depth),
               "--max-depth");
  auto x = d.child("xliff");
  if (!x) bad(file, "not an XLIFF file (no <xliff> root)");
  std::string version = x.attribute("version").value();
  Catalog c;
  if (version.rfind("1.", 0) == 0) {
    for (auto f : x.children("file")) {
      c.source_lang = f.attribute("source-language").value();
      c.target_lang = f.attribute("target-language").value();
      c.original = f.attribute("original").value();
      for (auto tu : f.select_nodes(".//*[local-name()='trans-unit']")) {
        auto n = tu.node();
        Unit u;
        InlineRead src = read_inline(n.child("source"), false, n), trg = read_inline(n.child("target"), false, n);
        u.source = src.plain;
        if (std::string(n.attribute("restype").value()) == "x-gettext-domain-header") {  // po2xliff's PO header
          std::istringstream h(text_of(n.child("target")).empty() ? u.source : text_of(n.child("target")));
          std::string l;
          while (std::getline(h, l))
            if (l.rfind("Language:", 0) == 0 && c.target_lang.empty()) c.target_lang = unicode::collapse_spaces(l.substr(9));
          continue;
        }
        u.id = n.attribute("id").value();
        u.key = n.attribute("resname").value();
        if (u.key.empty())  // po2xliff keeps the PO reference as a location context
          for (auto ctx : n.select_nodes(".//*[local-name()='context'][@context-type='sourcefile']")) {
            u.key = text_of(ctx.node());
            break;
          }
        set_texts(u, src, trg);
        if (!looks_like_id(u.id) && looks_like_id(u.key)) { u.id = u.key; u.key = key_of(u.id); }
        else if (!looks_like_id(u.id) && !u.key.empty()) u.id = unit_id(u.key, u.source);
        auto t = n.child("target");
        if (t) {
          u.state = t.attribute("state").value();
          u.fuzzy = withheld_xliff12_state(u.state);
        }
        if (u.key.empty()) u.key = key_of(u.id);
        c.units.push_back(std::move(u));
      }
    }
  } else if (version.rfind("2.", 0) == 0) {
    c.source_lang = x.attribute("srcLang").value();
    c.target_lang = x.attribute("trgLang").value();
    for (auto f : x.children("file")) {
      c.original = f.attribute("original").value();
      for (auto un : f.select_nodes(".//*[local-name()='unit']")) {
        auto n = un.node();
        Unit u;
        u.id = n.attribute("id").value();
        u.key = n.attribute("name").value();
        bool any_target = false;
        InlineRead src, trg;
        for (auto seg : n.children()) {
          std::string name = seg.name();
          if (name != "segment" && name != "ignorable") continue;
          InlineRead s1 = read_inline(seg.child("source"), true, n);
          src.add(s1);
          if (seg.child("target")) { any_target = true; trg.add(read_inline(seg.child("target"), true, n)); }
          else if (name == "ignorable") trg.add(s1);
          // XLIFF 2 has no "do not use" state: initial, translated, reviewed and final
          // targets are all used. Only our own fuzzy marker (PO fuzzy carried over) withholds.
          if (name == "segment" && u.state.empty()) u.state = seg.attribute("state").value();
          if (std::string(seg.attribute("subState").value()) == "deckhand:fuzzy") { u.fuzzy = true; u.state = "fuzzy"; }
        }
        set_texts(u, src, trg);
        if (!any_target) { u.target.clear(); u.markup_problem.clear(); }
        if (u.key.empty()) u.key = key_of(u.id);
        c.units.push_back(std::move(u));
      }
    }
  } else {
    bad(file, "XLIFF version '" + version + "' is not supported (1.2 or 2.x)");
  }
  // the languages, canonical (docs/translation.md, "Language tags")
  const std::string where = version.rfind("2.", 0) == 0 ? "trgLang" : "target-language";
  if (!c.target_lang.empty() && !language::canonical(c.target_lang)) c.bad_lang = c.target_lang, c.bad_lang_where = where, c.target_lang.clear();
  if (!c.target_lang.empty()) c.target_lang = language::read(c.target_lang, file, Exit::translation, where);
  if (auto l = language::canonical(c.source_lang)) c.source_lang = *l;
  return c;
}

// accents for the pseudo-translation
const std::map<char, const char*>& accents() {
  static const std::map<char, const char*> m = {
      {'a', "á"}, {'b', "ƀ"}, {'c', "ç"}, {'d', "ď"}, {'e', "é"}, {'f', "ƒ"}, {'g', "ĝ"}, {'h', "ĥ"}, {'i', "í"},
      {'j', "ĵ"}, {'k', "ķ"}, {'l', "ľ"}, {'m', "ɱ"}, {'n', "ñ"}, {'o', "ö"}, {'p', "þ"}, {'r', "ŕ"}, {'s', "š"},
      {'t', "ţ"}, {'u', "ü"}, {'w', "ŵ"}, {'y', "ý"}, {'z', "ž"}, {'A', "Å"}, {'B', "Ɓ"}, {'C', "Ç"}, {'D', "Đ"},
      {'E', "É"}, {'G', "Ĝ"}, {'H', "Ĥ"}, {'I', "Î"}, {'J', "Ĵ"}, {'K', "Ķ"}, {'L', "Ĺ"}, {'N', "Ñ"}, {'O', "Ö"},
      {'R', "Ŕ"}, {'S', "Š"}, {'T', "Ţ"}, {'U', "Û"}, {'W', "Ŵ"}, {'Y', "Ý"}, {'Z', "Ž"}};
  return m;
}

}  // namespace

std::optional<Format> format_from(const std::string& n) {
  if (n == "xliff12" || n == "xliff1.2") return Format::xliff12;
  if (n == "xliff2" || n == "xliff20" || n == "xliff") return Format::xliff2;
  if (n == "po") return Format::po;
  return std::nullopt;
}

const char* to_string(Format f) { return f == Format::xliff12 ? "xliff12" : f == Format::xliff2 ? "xliff2" : "po"; }

bool withheld_xliff12_state(const std::string& s) {
  return s == "needs-review-translation" || s == "needs-review-adaptation" || s == "needs-review-l10n" ||
         s == "needs-adaptation" || s == "needs-l10n";
}

std::string unit_id(const std::string& key, const std::string& source) { return key + "-" + sha256_hex(source).substr(0, 8); }

std::string to_tagged(const std::string& text, const std::vector<TextSpan>& spans) {
  std::u32string cps = unicode::decode(text);
  std::string o;
  size_t at = 0;
  auto part = [&](size_t from, size_t to) { return escape_markup(unicode::encode(std::u32string_view(cps).substr(from, to - from))); };
  for (const auto& sp : usable_spans(spans, cps.size())) {
    o += part(at, sp.begin);
    std::vector<Code> codes;
    if (sp.bold) codes.push_back({Code::bold, ""});
    if (sp.italic) codes.push_back({Code::italic, ""});
    if (!sp.color.empty()) codes.push_back({Code::colored, sp.color});
    for (const auto& c : codes) o += open_tag(c);
    o += part(sp.begin, sp.end);
    for (auto c = codes.rbegin(); c != codes.rend(); ++c) o += close_tag(*c);
    at = sp.end;
  }
  return o + part(at, cps.size());
}

Untagged from_tagged(const std::string& tagged) {
  Untagged r;
  Pieces p = cut_tagged(tagged);
  if (!p.error.empty()) {
    r.text = p.lenient;
    r.error = p.error;
    return r;
  }
  int bold = 0, italic = 0;
  std::vector<std::string> colors;
  size_t at = 0;  // code points so far
  for (const auto& pc : p.pieces) {
    if (pc.kind == Piece::open || pc.kind == Piece::close) {
      int d = pc.kind == Piece::open ? 1 : -1;
      if (pc.code.kind == Code::bold) bold += d;
      else if (pc.code.kind == Code::italic) italic += d;
      else if (d > 0) colors.push_back(pc.code.color);
      else if (!colors.empty()) colors.pop_back();
      continue;
    }
    size_t n = unicode::decode(pc.text).size();
    r.text += pc.text;
    TextSpan sp{at, at + n, bold > 0, italic > 0, colors.empty() ? "" : colors.back()};
    at += n;
    if (n && (sp.bold || sp.italic || !sp.color.empty())) r.spans.push_back(sp);
  }
  merge_adjacent(r.spans);
  return r;
}

std::string plain_text(const Unit& u, const std::string& s) { return u.markup ? from_tagged(s).text : s; }

Catalog units_of(const Deck& deck, const std::string& target_lang) {
  Catalog c;
  c.source_lang = deck.lang.value_or("en");
  c.target_lang = target_lang;
  c.original = deck.source.file;
  for (const auto& s : deck.slides) {
    if (!s.overlay_of.empty() || (s.kind == SlideKind::blank && s.notes.empty())) continue;
    // a slide a deck JSON lists twice: its units once (one translation serves both)
    if (std::any_of(deck.slides.data(), &s, [&](const Slide& o) { return o.id == s.id && o.page == s.page && o.overlay_of.empty(); })) continue;
    if (!s.title.empty()) {
      Unit u;
      u.key = s.id + ".title";
      u.source = s.title;
      u.id = unit_id(u.key, u.source);
      u.slide = s.page;
      u.role = role_of(s, nullptr);
      u.max_chars = limit_of(s.title_bbox, s.title_style.size, 2);
      c.units.push_back(std::move(u));
    }
    for (const auto& b : s.blocks) {
      if (b.text.empty()) continue;
      Unit u;
      u.key = b.id;
      // a block with spans carries them as inline tags (docs/translation.md, "Inline styles")
      u.markup = !usable_spans(b.spans, unicode::decode(b.text).size()).empty();
      u.source = u.markup ? to_tagged(b.text, b.spans) : b.text;
      u.id = unit_id(u.key, u.source);
      u.slide = s.page;
      u.role = role_of(s, &b);
      u.max_chars = limit_of(b.bbox, b.style.size, 12);
      u.no_translate = !b.translate;
      c.units.push_back(std::move(u));
    }
    // speaker notes (a notes-page export): one unit per paragraph, "s3.n1", no size limit
    for (size_t k = 0; k < s.notes.size(); ++k) {
      if (s.notes[k].empty()) continue;
      Unit u;
      u.key = s.id + ".n" + std::to_string(k + 1);
      u.source = s.notes[k];
      u.id = unit_id(u.key, u.source);
      u.slide = s.page;
      u.role = "speaker notes";
      c.units.push_back(std::move(u));
    }
  }
  return c;
}

std::string write_catalog(const Catalog& c, Format f) {
  switch (f) {
    case Format::xliff12: return write_xliff12(c);
    case Format::xliff2: return write_xliff2(c);
    case Format::po: return write_po(c);
  }
  return {};
}

static Catalog checked(Catalog c, const std::string& file) {
  for (const auto& u : c.units) {
    // Invalid UTF-8 is refused with the unit's id: read on, it would become U+FFFD, or be
    // written back invalid by 'strings update' (issue 20).
    const std::string who = scan::for_message(u.id.empty() ? u.key : u.id, 80);
    for (auto [t, what] : {std::pair{&u.id, "id"}, {&u.key, "id"}, {&u.source, "source text"}, {&u.target, "translation"}})
      if (size_t at = scan::invalid_utf8_at(*t); at != std::string::npos) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>((*t)[at]));
        throw Error(Exit::translation, file,
                    "unit " + (scan::invalid_utf8_at(who) == std::string::npos ? who : std::string("(id not valid UTF-8)")) + ": the " +
                        what + " is not valid UTF-8 (byte " + hex + " at byte " + std::to_string(at + 1) + ")",
                    "save the file as UTF-8 in your translation tool, or declare its encoding");
      }
    // a C0 control character but tab, line feed and carriage return (a slip: U+0001 typed
    // into a PO file) draws nothing and takes room; XML forbids them, and an XLIFF file
    // holding one was refused already (xml_refuse_controls): a PO file is refused the same
    for (unsigned char ch : u.target)
      if (xml_forbidden_control(ch)) {
        char hex[16];
        std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(ch));
        throw Error(Exit::translation, file, "unit " + (u.id.empty() ? u.key : u.id) + ": the translation holds the control character " + hex,
                    "remove it");
      }
    for (const std::string* t : {&u.source, &u.target})
      if (t->size() > limits().string_bytes)
        over_limit(static_cast<int>(Exit::translation), file, "the text of unit " + (u.id.empty() ? u.key : u.id),
                   std::to_string(t->size()) + " bytes", std::to_string(limits().string_bytes) + " bytes", "--max-string");
  }
  return c;
}

Catalog read_catalog(const std::string& text, const std::string& file, bool lang_given) {
  // a file's language that is no tag is refused, unless the caller gives one (--lang)
  auto lang_checked = [&](Catalog c) {
    if (!c.bad_lang.empty() && !lang_given) language::read(c.bad_lang, file, Exit::translation, c.bad_lang_where);  // throws
    return c;
  };
  size_t i = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (i != std::string::npos && text[i] == '<') return lang_checked(checked(read_xliff(text, file), file));
  if (text.find("msgid") != std::string::npos)  // a UTF-8 byte-order mark (Windows editors) is not PO syntax
    return lang_checked(checked(read_po(text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? text.substr(3) : text, file), file));
  bad(file, "neither XLIFF nor gettext PO");
}

// The same source text: as held, or (a unit with markup beside one without) the same plain text
static bool same_source(const Unit& a, const Unit& b) {
  return a.source == b.source || (a.markup != b.markup && plain_text(a, a.source) == plain_text(b, b.source));
}

namespace {
// Only white space and format characters (general category Cf: U+200B, U+200F, U+00AD...):
// nothing a reader would see.
bool nothing_visible(const std::string& text) {
  for (char32_t c : unicode::decode(text))
    if (!u_isUWhiteSpace(static_cast<UChar32>(c)) && u_charType(static_cast<UChar32>(c)) != U_FORMAT_CHAR) return false;
  return true;
}
}  // namespace

MergeReport merge(Deck& deck, const Catalog& tr, const std::string& lang) {
  MergeReport r;
  Catalog mine = units_of(deck, lang);
  std::map<std::string, const Unit*> by_id, by_key;
  for (const auto& u : tr.units) {
    by_id[u.id] = &u;
    if (!u.key.empty()) by_key[u.key] = &u;
  }
  struct Out {
    std::string text;
    std::vector<TextSpan> spans;
  };
  std::map<std::string, Out> out;  // key -> translated text and its spans
  std::set<std::string> used;
  for (const auto& u : mine.units) {
    const Unit* t = nullptr;
    if (auto it = by_id.find(u.id); it != by_id.end()) t = it->second;
    else if (auto k = by_key.find(u.key); k != by_key.end() && same_source(u, *k->second)) t = k->second;
    // a unit not for translation is not expected in the file (it counts neither as matched nor
    // as missing); a translation the file has for it all the same is the translator's: used
    const bool usable = t && !t->target.empty() && !t->fuzzy && !nothing_visible(t->target);
    if (u.no_translate) {
      if (t) used.insert(t->id);
      if (!usable) continue;
      r.not_for_translation.push_back(u.id);
    } else {
      ++r.deck_units;
    }
    if (t && !u.no_translate) {
      used.insert(t->id);
      ++r.matched;
    }
    // a target of white space or invisible characters alone (U+200B, a direction mark) is a
    // slip, not a translation that blanks the text
    const bool blank = t && !t->target.empty() && nothing_visible(t->target);
    if (!t || t->target.empty() || t->fuzzy || blank) {
      r.missing.push_back(u.id);
      ++r.missing_by_reason[!t                  ? "not in the file"
                            : t->target.empty() ? "not translated yet"
                            : blank             ? "white space only"
                            : t->state.empty()  ? "fuzzy"
                                                : t->state];
      continue;
    }
    // the target is tagged when its file says so, or when the file's unit has our tagged source
    // (a PO file whose comments a tool dropped; po2xliff's XLIFF, the tags as text). A file
    // that has the plain words as source (xliff2po drops <g>) holds a plain target.
    Out o;
    std::string problem = t->markup_problem;
    if (t->markup || (u.markup && t->source == u.source)) {
      Untagged un = from_tagged(t->target);
      if (problem.empty()) problem = un.error;
      std::tie(o.text, o.spans) = nfc_with_spans(un.text, un.spans);
    } else {
      o.text = unicode::nfc(t->target);
    }
    if (!problem.empty()) r.markup_problems.push_back(u.id + " (" + problem + ")");
    out[u.key] = std::move(o);
    ++r.translated;
  }
  for (const auto& u : tr.units)
    if (!used.count(u.id)) r.unknown.push_back(u.id);
  // an overlay step (a build) shows the text of its frame's last page: its blocks and title
  // are matched to that page's by their source text (block numbers shift when a step adds a
  // block); text the last page does not have stays as it is
  std::map<std::string, std::map<std::string, std::string>> frame_text;  // slide id -> source text -> unit key
  for (const auto& s : deck.slides) {
    auto& m = frame_text[s.id];
    if (!s.title.empty()) m.emplace(s.title, s.id + ".title");
    for (const auto& b : s.blocks) m.emplace(b.text, b.id);
  }
  // titles and notes have no spans: their text only
  for (auto& s : deck.slides) {
    const std::map<std::string, std::string>* frame = nullptr;
    if (!s.overlay_of.empty())
      if (auto f = frame_text.find(s.overlay_of); f != frame_text.end()) frame = &f->second;
    auto from_frame = [&](const std::string& source) -> const decltype(out)::mapped_type* {
      if (!frame) return nullptr;
      auto k = frame->find(source);
      if (k == frame->end()) return nullptr;
      auto it = out.find(k->second);
      return it == out.end() ? nullptr : &it->second;
    };
    if (auto it = out.find(s.id + ".title"); it != out.end()) s.title = it->second.text;
    else if (auto t = from_frame(s.title)) s.title = t->text;
    for (auto& b : s.blocks)
      if (auto it = out.find(b.id); it != out.end()) { b.text = it->second.text; b.spans = it->second.spans; }
      else if (auto t = from_frame(b.text)) { b.text = t->text; b.spans = t->spans; }
    for (size_t k = 0; k < s.notes.size(); ++k)
      if (auto it = out.find(s.id + ".n" + std::to_string(k + 1)); it != out.end()) s.notes[k] = it->second.text;
  }
  if (!lang.empty()) {
    if (deck.translated_from.empty()) deck.translated_from = deck.lang.value_or("");
    deck.lang = lang;
    deck.direction = direction::language_is_rtl(lang) ? "rtl" : "ltr";
    for (auto& s : deck.slides) s.direction = deck.direction;
  }
  for (const auto& s : deck.slides)
    if (s.kind == SlideKind::title && !s.title.empty()) { deck.title = s.title; break; }
  return r;
}

ScriptFit script_fit(const Catalog& c, const std::string& lang) {
  ScriptFit r;
  // a pseudo-locale (a private-use region, BCP 47 (RFC 5646) 2.2.4: "en-XA", as 'strings
  // pseudo' writes, "ar-XB") is in no script of its own: a pseudo-translation of a Russian or
  // Japanese deck keeps its letters, accented where Latin
  for (size_t at = lang.find_first_of("-_"); at != std::string::npos; at = lang.find_first_of("-_", at + 1)) {
    const std::string sub = lang.substr(at + 1, lang.find_first_of("-_", at + 1) - at - 1);
    if (sub.size() == 2 && (sub[0] == 'X' || sub[0] == 'x') && std::isalpha(static_cast<unsigned char>(sub[1]))) return r;
  }
  std::vector<UScriptCode> want;
  for (const auto& code : language::scripts_of(lang)) {
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode sc[4];
    int n = uscript_getCode(code.c_str(), sc, 4, &err);
    if (U_FAILURE(err) || n < 1) continue;
    want.push_back(sc[0]);
    r.expected += (r.expected.empty() ? "" : ", ") + std::string(uscript_getName(sc[0]));
  }
  if (want.empty()) return r;
  std::map<UScriptCode, size_t> off;
  for (const auto& u : c.units) {
    if (u.target.empty() || u.fuzzy) continue;
    const std::string t = plain_text(u, u.target);
    if (t == plain_text(u, u.source)) continue;  // kept as it is (a name, a line of code): no translation
    for (char32_t ch : unicode::decode(t)) {
      const UChar32 cp = static_cast<UChar32>(ch);
      if (!u_isalpha(cp)) continue;
      UErrorCode err = U_ZERO_ERROR;
      const UScriptCode s = uscript_getScript(cp, &err);
      if (U_FAILURE(err) || s == USCRIPT_COMMON || s == USCRIPT_INHERITED || s == USCRIPT_UNKNOWN) continue;
      ++r.letters;
      if (std::none_of(want.begin(), want.end(), [&](UScriptCode w) { return s == w || uscript_hasScript(cp, w); })) ++off[s];
    }
  }
  size_t most = 0;
  for (const auto& [s, n] : off) {
    r.off += n;
    ++r.seen_scripts;
    if (n > most) { most = n; r.seen = uscript_getName(s); }
  }
  return r;
}

Catalog update(const Catalog& old, const Deck& revised) {
  Catalog c = units_of(revised, old.target_lang);
  c.source_lang = old.source_lang.empty() ? c.source_lang : old.source_lang;
  std::map<std::string, const Unit*> by_id, by_source, by_words;
  for (const auto& u : old.units) {
    by_id[u.id] = &u;
    if (u.target.empty()) continue;
    if (!by_source.count(u.source)) by_source[u.source] = &u;
    if (std::string w = plain_text(u, u.source); !by_words.count(w)) by_words[w] = &u;
  }
  for (auto& u : c.units) {
    const Unit* o = nullptr;
    bool restyled = false;  // the same words, other styles
    if (auto it = by_id.find(u.id); it != by_id.end()) o = it->second;
    else if (auto s = by_source.find(u.source); s != by_source.end()) o = s->second;
    else if (auto w = by_words.find(plain_text(u, u.source)); w != by_words.end()) { o = w->second; restyled = true; }
    if (!o) continue;
    // the old target in the new unit's form: tagged if the old unit was (its file said so, or
    // its source is our tagged source), escaped or untagged when the forms differ
    bool old_tagged = o->markup || (u.markup && o->source == u.source);
    u.target = convert_form(o->target, old_tagged, u.markup);
    u.fuzzy = o->fuzzy || (restyled && u.markup && !u.target.empty());  // the translator places the tags again
  }
  return c;
}

std::string pseudo(const std::string& s, double expand, bool markup) {
  auto accent = [](const std::string& t) {
    std::string acc;
    for (char c : t) {
      auto it = accents().find(c);
      acc += it != accents().end() ? it->second : std::string(1, c);
    }
    return acc;
  };
  std::string acc;
  size_t length = 0;  // code points of the text
  if (markup) {  // the tags kept, the text accented
    Pieces p = cut_tagged(s);
    if (!p.error.empty()) p.pieces = {Piece{Piece::chars, p.lenient, {}}};
    for (auto& pc : p.pieces)
      if (pc.kind == Piece::chars) {
        length += unicode::decode(pc.text).size();
        pc.text = accent(pc.text);
      }
    acc = join_pieces(p.pieces);
  } else {
    acc = accent(s);
    length = unicode::decode(s).size();
  }
  size_t want = static_cast<size_t>(std::ceil(length * (1.0 + expand)));
  std::string out = acc;
  size_t grown = length;  // code points of the text in out
  static const char* filler[] = {"ļöŕéɱ", "ïþšüɱ", "ďöľöŕ", "šïţ", "áɱéţ", "çöñš"};
  size_t k = 0;
  while (grown + 2 < want) {
    std::string f = std::string(" ") + filler[k++ % 6];
    out += f;
    grown += unicode::decode(f).size();
  }
  return "[" + out + "]";
}

std::vector<UnitReview> review(const Deck& deck, const Catalog& tr, const std::string& lang) {
  std::map<std::string, const Unit*> by_id, by_key;
  for (const auto& u : tr.units) {
    by_id[u.id] = &u;
    if (!u.key.empty()) by_key[u.key] = &u;
  }
  std::vector<UnitReview> out;
  for (const auto& u : units_of(deck, lang).units) {
    const Unit* t = nullptr;
    if (auto it = by_id.find(u.id); it != by_id.end()) t = it->second;
    else if (auto k = by_key.find(u.key); k != by_key.end() && same_source(u, *k->second)) t = k->second;
    UnitReview r;
    r.key = u.key;
    r.id = u.id;
    r.source = plain_text(u, u.source);
    if (u.no_translate && (!t || t->target.empty())) r.state = "not for translation: printed as it is";
    else if (!t) r.state = "missing";
    else {
      r.target = plain_text(*t, t->target);
      if (t->target.empty()) r.state = "not translated";
      else if (nothing_visible(t->target)) r.state = "white space only: not used";
      else if (t->fuzzy) r.state = (t->state.empty() ? std::string("fuzzy") : t->state) + ": not used";
      else r.state = t->state.empty() ? "translated" : t->state, r.used = true;
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace deckhand::l10n

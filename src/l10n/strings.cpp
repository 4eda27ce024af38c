#include "l10n/strings.hpp"

#include <gettext-po.h>
#include <pugixml.hpp>
#include <unistd.h>

#include <csetjmp>
#include <cstdlib>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <sstream>

#include "core/limits.hpp"
#include "core/sha256.hpp"
#include "core/direction.hpp"
#include "core/unicode.hpp"
#include "deckhand/version.hpp"

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

// Characters the text may take where it stands on the slide: its box allows about
// width / (0.55 em) characters a line, and one more line than the source uses.
int limit_of(const BBox& box, double size, int max_lines) {
  double w = box[2] - box[0], h = box[3] - box[1];
  if (w <= 0 || size <= 0) return 0;
  // capped before converting: a tiny size must not overflow an int
  int per_line = static_cast<int>(std::min(1e6, w / (0.55 * size)));
  int lines = std::max(1, static_cast<int>(std::min(1e6, std::round(h / (1.2 * size)))));
  return per_line * std::min(max_lines, lines + 1);
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

Catalog read_po(const std::string& text, const std::string& file) {
  char tmpl[] = "/tmp/deckhand-po-XXXXXX";
  int fd = ::mkstemp(tmpl);
  if (fd < 0) bad(file, "cannot make a temporary copy to read it");
  std::string tmp = tmpl;
  size_t off = 0;
  while (off < text.size()) {
    ssize_t n = ::write(fd, text.data() + off, text.size() - off);
    if (n <= 0) break;
    off += static_cast<size_t>(n);
  }
  ::close(fd);
  std::string error;
  po_file_t f = po_read_file(tmp.c_str(), &error);
  ::unlink(tmp.c_str());
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
    c.source_lang = field("X-Source-Language");
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
    o << "\n#: " << u.key << "\n";
    if (u.fuzzy) o << "#, fuzzy\n";
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
    if (!u.target.empty()) tu.append_attribute("approved") = u.fuzzy ? "no" : "yes";
    tu.append_child("source").text() = u.source.c_str();
    if (!u.target.empty()) {
      auto t = tu.append_child("target");
      t.text() = u.target.c_str();
      t.append_attribute("state") = u.fuzzy ? "needs-review-translation" : "translated";
    }
    auto note = tu.append_child("note");
    note.append_attribute("from") = "deckhand";
    note.text() = ("slide " + std::to_string(u.slide) + ", " + u.role +
                   (u.max_chars > 0 ? "; at most " + std::to_string(u.max_chars) + " characters" : "")).c_str();
  }
  return xml_string(d);
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
    auto notes = unit.append_child("notes");
    auto note = notes.append_child("note");
    note.append_attribute("category") = "context";
    note.text() = ("slide " + std::to_string(u.slide) + ", " + u.role).c_str();
    auto seg = unit.append_child("segment");
    seg.append_attribute("state") = u.target.empty() ? "initial" : u.fuzzy ? "translated" : "final";
    if (u.fuzzy) seg.append_attribute("subState") = "deckhand:fuzzy";
    auto src = seg.append_child("source");
    src.append_attribute("xml:space") = "preserve";
    src.text() = u.source.c_str();
    if (!u.target.empty()) {
      auto t = seg.append_child("target");
      t.append_attribute("xml:space") = "preserve";
      t.text() = u.target.c_str();
    }
  }
  return xml_string(d);
}

Catalog read_xliff(const std::string& text, const std::string& file) {
  pugi::xml_document d;
  auto r = d.load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
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
        u.source = text_of(n.child("source"));
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
        if (!looks_like_id(u.id) && looks_like_id(u.key)) { u.id = u.key; u.key = key_of(u.id); }
        else if (!looks_like_id(u.id) && !u.key.empty()) u.id = unit_id(u.key, u.source);
        auto t = n.child("target");
        if (t) {
          u.target = text_of(t);
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
        for (auto seg : n.children()) {
          std::string name = seg.name();
          if (name != "segment" && name != "ignorable") continue;
          u.source += text_of(seg.child("source"));
          if (seg.child("target")) { any_target = true; u.target += text_of(seg.child("target")); }
          else u.target += name == "ignorable" ? text_of(seg.child("source")) : "";
          // XLIFF 2 has no "do not use" state: initial, translated, reviewed and final
          // targets are all used. Only our own fuzzy marker (PO fuzzy carried over) withholds.
          if (name == "segment" && u.state.empty()) u.state = seg.attribute("state").value();
          if (std::string(seg.attribute("subState").value()) == "deckhand:fuzzy") { u.fuzzy = true; u.state = "fuzzy"; }
        }
        if (!any_target) u.target.clear();
        if (u.key.empty()) u.key = key_of(u.id);
        c.units.push_back(std::move(u));
      }
    }
  } else {
    bad(file, "XLIFF version '" + version + "' is not supported (1.2 or 2.x)");
  }
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

Catalog units_of(const Deck& deck, const std::string& target_lang) {
  Catalog c;
  c.source_lang = deck.lang.value_or("en");
  c.target_lang = target_lang;
  c.original = deck.source.file;
  for (const auto& s : deck.slides) {
    if (!s.overlay_of.empty() || (s.kind == SlideKind::blank && s.notes.empty())) continue;
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
      u.source = b.text;
      u.id = unit_id(u.key, u.source);
      u.slide = s.page;
      u.role = role_of(s, &b);
      u.max_chars = limit_of(b.bbox, b.style.size, 12);
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
  for (const auto& u : c.units)
    for (const std::string* t : {&u.source, &u.target})
      if (t->size() > limits().string_bytes)
        over_limit(static_cast<int>(Exit::translation), file, "the text of unit " + (u.id.empty() ? u.key : u.id),
                   std::to_string(t->size()) + " bytes", std::to_string(limits().string_bytes) + " bytes", "--max-string");
  return c;
}

Catalog read_catalog(const std::string& text, const std::string& file) {
  size_t i = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (i != std::string::npos && text[i] == '<') return checked(read_xliff(text, file), file);
  if (text.find("msgid") != std::string::npos)  // a UTF-8 byte-order mark (Windows editors) is not PO syntax
    return checked(read_po(text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? text.substr(3) : text, file), file);
  bad(file, "neither XLIFF nor gettext PO");
}

MergeReport merge(Deck& deck, const Catalog& tr, const std::string& lang) {
  MergeReport r;
  Catalog mine = units_of(deck, lang);
  std::map<std::string, const Unit*> by_id, by_key;
  for (const auto& u : tr.units) {
    by_id[u.id] = &u;
    if (!u.key.empty()) by_key[u.key] = &u;
  }
  std::map<std::string, std::string> out;  // key -> translated text
  std::set<std::string> used;
  for (const auto& u : mine.units) {
    const Unit* t = nullptr;
    if (auto it = by_id.find(u.id); it != by_id.end()) t = it->second;
    else if (auto k = by_key.find(u.key); k != by_key.end() && k->second->source == u.source) t = k->second;
    ++r.deck_units;
    if (t) {
      used.insert(t->id);
      ++r.matched;
    }
    if (!t || t->target.empty() || t->fuzzy) {
      r.missing.push_back(u.id);
      ++r.missing_by_reason[!t ? "not in the file" : t->target.empty() ? "not translated yet" : t->state.empty() ? "fuzzy" : t->state];
      continue;
    }
    out[u.key] = unicode::nfc(t->target);
    ++r.translated;
  }
  for (const auto& u : tr.units)
    if (!used.count(u.id)) r.unknown.push_back(u.id);
  for (auto& s : deck.slides) {
    if (auto it = out.find(s.id + ".title"); it != out.end()) s.title = it->second;
    for (auto& b : s.blocks)
      if (auto it = out.find(b.id); it != out.end()) b.text = it->second;
    for (size_t k = 0; k < s.notes.size(); ++k)
      if (auto it = out.find(s.id + ".n" + std::to_string(k + 1)); it != out.end()) s.notes[k] = it->second;
    // an overlay step shows the same text as its frame's last page
    if (!s.overlay_of.empty())
      for (auto& b : s.blocks)
        for (const auto& other : deck.slides)
          if (other.id == s.overlay_of)
            for (const auto& ob : other.blocks)
              if (ob.id.find('.') != std::string::npos && b.id.find('.') != std::string::npos &&  // ids edited by hand may have no dot
                  ob.id.substr(ob.id.find('.')) == b.id.substr(b.id.find('.'))) {
                if (auto it = out.find(ob.id); it != out.end()) b.text = it->second;
              }
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

Catalog update(const Catalog& old, const Deck& revised) {
  Catalog c = units_of(revised, old.target_lang);
  c.source_lang = old.source_lang.empty() ? c.source_lang : old.source_lang;
  std::map<std::string, const Unit*> by_id, by_source;
  for (const auto& u : old.units) {
    by_id[u.id] = &u;
    if (!u.target.empty() && !by_source.count(u.source)) by_source[u.source] = &u;
  }
  for (auto& u : c.units) {
    const Unit* o = nullptr;
    if (auto it = by_id.find(u.id); it != by_id.end()) o = it->second;
    else if (auto s = by_source.find(u.source); s != by_source.end()) o = s->second;
    if (o) {
      u.target = o->target;
      u.fuzzy = o->fuzzy;
    }
  }
  return c;
}

std::string pseudo(const std::string& s, double expand) {
  std::string acc;
  for (char c : s) {
    auto it = accents().find(c);
    acc += it != accents().end() ? it->second : std::string(1, c);
  }
  size_t want = static_cast<size_t>(std::ceil(unicode::decode(s).size() * (1.0 + expand)));
  std::string out = acc;
  static const char* filler[] = {"ļöŕéɱ", "ïþšüɱ", "ďöľöŕ", "šïţ", "áɱéţ", "çöñš"};
  size_t k = 0;
  while (unicode::decode(out).size() + 2 < want) out += std::string(" ") + filler[k++ % 6];
  return "[" + out + "]";
}

}  // namespace deckhand::l10n

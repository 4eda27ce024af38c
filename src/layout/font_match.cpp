#include "layout/font_match.hpp"

#include <sys/stat.h>

#include <fontconfig/fontconfig.h>
#include <hb.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <mutex>
#include <optional>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "core/unicode.hpp"

namespace deckhand::layout {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The key of a family name: lower case, without spaces, hyphens, underscores or commas.
std::string squash(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '-' && c != '_' && c != ',') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// ---------------------------------------------------------------------------------------
// Style words

enum class Kind { weight, italic, width, ignore };
struct Token { const char* text; Kind kind; int value; };

// Matched case-insensitively, the longest first, in the part of a name after its family.
// Besides the full words: URW's four-letter forms of gsfonts ("NimbusSanL-ReguItal",
// "URWBookmanL-Ligh", "CenturySchL-Roma") and Adobe's abbreviations ("HelveticaNeueLTStd-Lt",
// "-BdCn", "-Blk", "-Obl"); "MT" and "PS" are Monotype's and PostScript's marks
// ("Arial-BoldMT"), "Std"/"Pro" Adobe's character-set marks.
constexpr Token kTokens[] = {
    {"semicondensed", Kind::width, 87}, {"extralight", Kind::weight, 200}, {"ultralight", Kind::weight, 200},
    {"extrabold", Kind::weight, 800}, {"ultrabold", Kind::weight, 800}, {"condensed", Kind::width, 75},
    {"compressed", Kind::width, 62}, {"semibold", Kind::weight, 600}, {"demibold", Kind::weight, 600},
    {"hairline", Kind::weight, 100}, {"extended", Kind::width, 125}, {"expanded", Kind::width, 125},
    {"regular", Kind::weight, 400}, {"medium", Kind::weight, 500}, {"normal", Kind::weight, 400},
    {"italic", Kind::italic, 1}, {"oblique", Kind::italic, 1}, {"slanted", Kind::italic, 1},
    {"inclined", Kind::italic, 1}, {"kursiv", Kind::italic, 1}, {"narrow", Kind::width, 75},
    {"light", Kind::weight, 300}, {"black", Kind::weight, 900}, {"heavy", Kind::weight, 800},
    {"roman", Kind::weight, 400}, {"plain", Kind::weight, 400}, {"bold", Kind::weight, 700},
    {"book", Kind::weight, 400}, {"thin", Kind::weight, 100}, {"demi", Kind::weight, 600},
    {"regu", Kind::weight, 400}, {"roma", Kind::weight, 400}, {"ligh", Kind::weight, 300},
    {"medi", Kind::weight, 500}, {"ital", Kind::italic, 1}, {"obli", Kind::italic, 1},
    {"cond", Kind::width, 75}, {"psmt", Kind::ignore, 0}, {"xbd", Kind::weight, 800},
    {"blk", Kind::weight, 900}, {"obl", Kind::italic, 1}, {"std", Kind::ignore, 0},
    {"pro", Kind::ignore, 0}, {"lt", Kind::weight, 300}, {"bd", Kind::weight, 700},
    {"md", Kind::weight, 500}, {"hv", Kind::weight, 800}, {"bk", Kind::weight, 400},
    {"sb", Kind::weight, 600}, {"rg", Kind::weight, 400}, {"it", Kind::italic, 1},
    {"cn", Kind::width, 75}, {"mt", Kind::ignore, 0}, {"ps", Kind::ignore, 0},
};

struct Style { int weight = 400; bool italic = false; int width = 100; };

void apply(Style& s, const Token& t) {
  if (t.kind == Kind::weight && (t.value != 400 || s.weight == 400)) s.weight = t.value;
  if (t.kind == Kind::italic) s.italic = true;
  if (t.kind == Kind::width) s.width = t.value;
}

// The style part of a name ("BoldItalicMT", "Light", "ReguObli", "W6"), or nullopt when
// anything in it is not a style word or it has only marks ("Pro" of "Source Sans Pro").
std::optional<Style> parse_style(std::string_view text, Style s = {}) {
  std::string t = lower(text);
  size_t i = 0;
  bool any = false;  // a weight, slant or width word (not only "MT", "Std"...)
  while (i < t.size()) {
    char c = t[i];
    if (c == ' ' || c == '-' || c == '_' || c == ',') { ++i; continue; }
    // Japanese weights: Hiragino's "W3".."W8"
    if (c == 'w' && i + 1 < t.size() && is_digit(t[i + 1]) && (i + 2 == t.size() || !is_digit(t[i + 2]))) {
      s.weight = (t[i + 1] - '0') * 100;
      i += 2;
      any = true;
      continue;
    }
    const Token* best = nullptr;
    size_t best_len = 0;
    for (const auto& tok : kTokens) {
      size_t n = std::char_traits<char>::length(tok.text);
      if (n > best_len && t.compare(i, n, tok.text) == 0) best = &tok, best_len = n;
    }
    if (!best) return std::nullopt;
    apply(s, *best);
    i += best_len;
    any = any || best->kind != Kind::ignore;
  }
  if (!any) return std::nullopt;
  return s;
}

// Words that end a family name glued to it ("CalibriLight", "ArialBold"), full words only.
constexpr const char* kGluedWords[] = {"ExtraLight", "UltraLight", "ExtraBold", "UltraBold", "SemiBold", "Semibold",
                                       "DemiBold", "Demibold", "Regular", "Medium", "Italic", "Oblique", "Light",
                                       "Black", "Heavy", "Bold", "Thin", "Book"};

// ---------------------------------------------------------------------------------------
// Substitutes

enum class Fit { same, metric, close };

struct Candidate { const char* family; Fit fit; };

struct Substitute {
  std::vector<const char*> keys;  // source family keys (squash of the parsed family)
  const char* display;            // the source family's usual name, for `why`
  std::vector<Candidate> candidates;
};

// Metric-compatible (or close) free families, in order of preference. Sources (Debian 12
// package descriptions, the packages' /usr/share/doc, and widths measured on the corpus:
// docs/fonts.md):
// - Carlito: "Sans-serif font metric-compatible with Calibri font" (fonts-crosextra-carlito).
//   Measured: Calibri's advance widths in powerpoint-ltsc-dynamic-libraries-ru equal Carlito
//   Regular's for all 80 characters used, Calibri Bold's Carlito Bold's.
// - Caladea: "Serif font metric-compatible with the Cambria font" (fonts-crosextra-caladea).
// - Liberation Sans, Serif, Mono: "Fonts with the same metrics as Times, Arial and Courier"
//   (fonts-liberation2; Arial, Times New Roman and Courier New have the widths of
//   Helvetica, Times and Courier, so Liberation stands for both). Measured: Arial and
//   Courier New as Liberation Sans and Mono, character for character. Liberation Sans
//   Narrow, for Arial Narrow, is in fonts-liberation (1.x) only.
// - Arimo, Tinos, Cousine: "width-compatible fonts" (fonts-croscore; ChromeOS's core fonts
//   for Arial, Times New Roman, Courier New).
// - TeX Gyre (fonts-texgyre; /usr/share/doc/fonts-texgyre/README-TeX-Gyre-*.txt): each is
//   based on a URW font, Heros on Nimbus Sans L (Helvetica), Termes on Nimbus Roman No9 L
//   (Times), Cursor on Nimbus Mono L (Courier), Pagella on URW Palladio L (Palatino), Bonum
//   on URW Bookman L (ITC Bookman), Schola on Century Schoolbook L (New Century
//   Schoolbook), Adventor on URW Gothic L (ITC Avant Garde Gothic), Chorus on URW Chancery
//   L Medium Italic (ITC Zapf Chancery; its one face), and their READMEs give the widths as
//   (almost) consistent with Adobe's metric data of the PostScript font, listing the few
//   exceptions. Their files are OpenType CFF.
// - The URW base 35 fonts (fonts-urw-base35, Ghostscript's): the same models, CFF and
//   Type 1 files.
// - Century Gothic is not Avant Garde: Adventor and URW Gothic only look alike (wider
//   lowercase, different widths): "close", not metric-compatible.
// - Helvetica Neue has its own widths (a few percent off Helvetica's): Helvetica's
//   substitutes are "close".
// - Computer Modern and Latin Modern: Latin Modern (fonts-lmodern, CFF) is Computer
//   Modern with Unicode coverage and the same metrics; no TeX Gyre family is a Computer
//   Modern design: Termes, Heros and Cursor are "close" stand-ins (serif, sans, mono).
// - DejaVu LGC is DejaVu with Latin, Greek and Cyrillic only: the same glyphs and metrics.
//   DejaVu extends Bitstream Vera; Apple's Menlo is drawn from Bitstream Vera Sans Mono and
//   DejaVu Sans Mono and keeps their advance (measured: Menlo's /W in the corpus's Marp
//   deck is 602.05/1000 em, DejaVu Sans Mono's 1233/2048 em).
const std::vector<Substitute>& substitutes() {
  static const std::vector<Substitute> table = {
      {{"calibri"}, "Calibri", {{"Carlito", Fit::metric}}},
      {{"cambria"}, "Cambria", {{"Caladea", Fit::metric}}},
      {{"arial", "helvetica", "nimbussans", "nimbussanl", "arimo", "texgyreheros", "liberationsans"},
       "Arial/Helvetica",
       {{"Liberation Sans", Fit::metric}, {"Arimo", Fit::metric}, {"TeX Gyre Heros", Fit::metric}, {"Nimbus Sans", Fit::metric}}},
      {{"helveticaneue"}, "Helvetica Neue", {{"Liberation Sans", Fit::close}, {"TeX Gyre Heros", Fit::close}}},
      {{"arialnarrow", "helveticanarrow", "nimbussansnarrow", "texgyreheroscn", "liberationsansnarrow"},
       "Arial Narrow/Helvetica Narrow",
       {{"Liberation Sans Narrow", Fit::metric}, {"TeX Gyre Heros Cn", Fit::metric}, {"Nimbus Sans Narrow", Fit::metric}}},
      {{"timesnewroman", "times", "timesroman", "nimbusroman", "nimbusromno9l", "tinos", "texgyretermes", "liberationserif"},
       "Times New Roman/Times",
       {{"Liberation Serif", Fit::metric}, {"Tinos", Fit::metric}, {"TeX Gyre Termes", Fit::metric}, {"Nimbus Roman", Fit::metric}}},
      // all of them set every character 0.6 em wide
      {{"couriernew", "courier", "courier10pitch", "nimbusmonops", "nimbusmonl", "nimbusmono", "cousine", "texgyrecursor",
        "liberationmono"},
       "Courier New/Courier",
       {{"Liberation Mono", Fit::metric}, {"Cousine", Fit::metric}, {"TeX Gyre Cursor", Fit::metric}, {"Nimbus Mono PS", Fit::metric}}},
      {{"palatino", "urwpalladiol", "urwpalladio", "p052", "texgyrepagella"}, "Palatino",
       {{"TeX Gyre Pagella", Fit::metric}, {"P052", Fit::metric}}},
      {{"palatinolinotype", "bookantiqua"}, "Palatino Linotype/Book Antiqua",
       {{"TeX Gyre Pagella", Fit::close}, {"P052", Fit::close}}},
      {{"bookman", "itcbookman", "urwbookmanl", "urwbookman", "texgyrebonum"}, "ITC Bookman",
       {{"TeX Gyre Bonum", Fit::metric}, {"URW Bookman", Fit::metric}}},
      {{"bookmanoldstyle"}, "Bookman Old Style", {{"TeX Gyre Bonum", Fit::close}, {"URW Bookman", Fit::close}}},
      {{"newcenturyschoolbook", "newcenturyschlbk", "centuryschl", "centuryschoolbookl", "c059", "texgyreschola"},
       "New Century Schoolbook",
       {{"TeX Gyre Schola", Fit::metric}, {"C059", Fit::metric}}},
      {{"centuryschoolbook"}, "Century Schoolbook", {{"TeX Gyre Schola", Fit::close}, {"C059", Fit::close}}},
      {{"avantgarde", "itcavantgarde", "avantgardegothic", "itcavantgardegothic", "itcavantgardestd", "urwgothicl",
        "urwgothic", "texgyreadventor"},
       "ITC Avant Garde Gothic",
       {{"TeX Gyre Adventor", Fit::metric}, {"URW Gothic", Fit::metric}}},
      {{"centurygothic"}, "Century Gothic", {{"TeX Gyre Adventor", Fit::close}, {"URW Gothic", Fit::close}}},
      {{"zapfchancery", "itczapfchancery", "urwchanceryl", "z003", "texgyrechorus"}, "ITC Zapf Chancery",
       {{"TeX Gyre Chorus", Fit::metric}, {"Z003", Fit::metric}}},
      {{"dejavulgcsans", "bitstreamverasans", "verasans"}, "DejaVu LGC Sans/Bitstream Vera Sans", {{"DejaVu Sans", Fit::metric}}},
      {{"dejavulgcsansmono", "bitstreamverasansmono", "verasansmono", "menlo"}, "DejaVu LGC Sans Mono/Bitstream Vera Sans Mono/Menlo",
       {{"DejaVu Sans Mono", Fit::metric}}},
      {{"dejavulgcserif", "bitstreamveraserif", "veraserif"}, "DejaVu LGC Serif/Bitstream Vera Serif", {{"DejaVu Serif", Fit::metric}}},
      {{"computermodernroman", "latinmodernroman", "cmuserif", "lmroman"}, "Computer Modern Roman",
       {{"Latin Modern Roman", Fit::metric}, {"CMU Serif", Fit::metric}, {"TeX Gyre Termes", Fit::close}}},
      {{"computermodernsans", "latinmodernsans", "cmusansserif", "lmsans"}, "Computer Modern Sans",
       {{"Latin Modern Sans", Fit::metric}, {"CMU Sans Serif", Fit::metric}, {"TeX Gyre Heros", Fit::close}}},
      {{"computermoderntypewriter", "latinmodernmono", "cmutypewritertext", "lmmono"}, "Computer Modern Typewriter",
       {{"Latin Modern Mono", Fit::metric}, {"CMU Typewriter Text", Fit::metric}, {"TeX Gyre Cursor", Fit::close}}},
      // separate designs whose names end in a style word: no substitute, and not read as
      // Arial Black = Arial + Black
      {{"arialblack", "ariblk"}, "Arial Black", {}},
  };
  return table;
}

const Substitute* substitute_for(const std::string& key) {
  for (const auto& s : substitutes())
    for (const char* k : s.keys)
      if (key == k) return &s;
  return nullptr;
}

// The Debian package a candidate family comes in, for `why` when it is missing.
const char* package_of(std::string_view family) {
  auto starts = [&](const char* p) { return family.rfind(p, 0) == 0; };
  if (family == "Carlito") return "fonts-crosextra-carlito";
  if (family == "Caladea") return "fonts-crosextra-caladea";
  if (family == "Liberation Sans Narrow") return "fonts-liberation";
  if (starts("Liberation")) return "fonts-liberation2";
  if (family == "Arimo" || family == "Tinos" || family == "Cousine") return "fonts-croscore";
  if (starts("TeX Gyre")) return "fonts-texgyre";
  if (starts("Latin Modern")) return "fonts-lmodern";
  if (starts("CMU")) return "fonts-cmu";
  if (starts("DejaVu")) return "fonts-dejavu-core";
  return "fonts-urw-base35";
}

// Symbol, dingbat, icon and math fonts: nothing stands in for them (their bullets are
// read by unicode_bullet, other characters fall back to the bundled fonts by script).
bool symbol_key(const std::string& key) {
  static constexpr const char* kPrefixes[] = {
      "wingdings", "webdings", "symbol", "opensymbol", "starsymbol", "zapfdingbats", "itczapfdingbats", "dingbats",
      "marlett", "mtextra", "standardsymbols", "d050000l", "cambriamath", "msam", "msbm", "lasy", "wasy", "eufm", "eufb",
      "eusm", "eusb", "eurm", "eurb", "rsfs", "stmary", "esint", "mlmmath", "lmmath", "latinmodernmath", "cmsy", "cmbsy",
      "cmex", "fontawesome", "materialicons", "materialsymbols", "segoemdl2"};
  for (const char* p : kPrefixes)
    if (key.rfind(p, 0) == 0) return true;
  return false;
}

// ---------------------------------------------------------------------------------------
// TeX's font names

struct TexCode { const char* code; const char* family; int weight; bool italic; bool symbol; };

// Computer Modern (Knuth's names: cmr, cmbx, cmti...) and its Type 1 successors' names
// in EC / cm-super (ecrm, sfrm...): the code between the prefix and the design size.
constexpr TexCode kCmCodes[] = {
    {"R", "Computer Modern Roman", 400, false, false},       {"B", "Computer Modern Roman", 700, false, false},
    {"BX", "Computer Modern Roman", 700, false, false},      {"BXTI", "Computer Modern Roman", 700, true, false},
    {"BXSL", "Computer Modern Roman", 700, true, false},     {"TI", "Computer Modern Roman", 400, true, false},
    {"SL", "Computer Modern Roman", 400, true, false},       {"U", "Computer Modern Roman", 400, true, false},
    {"CSC", "Computer Modern Roman", 400, false, false},     {"TCSC", "Computer Modern Roman", 400, false, false},
    {"DUNH", "Computer Modern Roman", 400, false, false},    {"FF", "Computer Modern Roman", 400, false, false},
    {"FI", "Computer Modern Roman", 400, true, false},       {"FIB", "Computer Modern Roman", 700, false, false},
    {"MI", "Computer Modern Roman", 400, true, false},       {"MIB", "Computer Modern Roman", 700, true, false},
    {"SS", "Computer Modern Sans", 400, false, false},       {"SSBX", "Computer Modern Sans", 700, false, false},
    {"SSDC", "Computer Modern Sans", 600, false, false},     {"SSI", "Computer Modern Sans", 400, true, false},
    {"SSQ", "Computer Modern Sans", 400, false, false},      {"SSQI", "Computer Modern Sans", 400, true, false},
    {"TT", "Computer Modern Typewriter", 400, false, false}, {"ITT", "Computer Modern Typewriter", 400, true, false},
    {"SLTT", "Computer Modern Typewriter", 400, true, false}, {"VTT", "Computer Modern Typewriter", 400, false, false},
    {"SY", "", 400, false, true},                            {"BSY", "", 400, false, true},
    {"EX", "", 400, false, true},
};
constexpr TexCode kEcCodes[] = {
    {"RM", "Computer Modern Roman", 400, false, false},      {"BX", "Computer Modern Roman", 700, false, false},
    {"RB", "Computer Modern Roman", 700, false, false},      {"TI", "Computer Modern Roman", 400, true, false},
    {"SL", "Computer Modern Roman", 400, true, false},       {"BI", "Computer Modern Roman", 700, true, false},
    {"BL", "Computer Modern Roman", 700, true, false},       {"CC", "Computer Modern Roman", 400, false, false},
    {"XC", "Computer Modern Roman", 700, false, false},      {"UI", "Computer Modern Roman", 400, true, false},
    {"SS", "Computer Modern Sans", 400, false, false},       {"SX", "Computer Modern Sans", 700, false, false},
    {"SI", "Computer Modern Sans", 400, true, false},        {"SO", "Computer Modern Sans", 700, true, false},
    {"TT", "Computer Modern Typewriter", 400, false, false}, {"IT", "Computer Modern Typewriter", 400, true, false},
    {"ST", "Computer Modern Typewriter", 400, true, false},  {"TC", "Computer Modern Typewriter", 400, false, false},
};

// "CMBX12", "cmr10", "SFRM1000", "ECTT1000": Computer Modern by Knuth's naming.
std::optional<FontName> tex_cm(std::string_view name) {
  std::string u;
  for (char c : name) u += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (u.size() < 4) return std::nullopt;
  std::string prefix = u.substr(0, 2);
  bool cm = prefix == "CM", ec = prefix == "SF" || prefix == "EC";
  if (!cm && !ec && prefix != "TC") return std::nullopt;
  size_t i = 2;
  while (i < u.size() && is_upper(u[i])) ++i;
  size_t j = i;
  while (j < u.size() && is_digit(u[j])) ++j;
  if (i == 2 || j == i || j != u.size()) return std::nullopt;
  std::string code = u.substr(2, i - 2);
  FontName n;
  auto find = [&](auto& table) -> const TexCode* {
    for (const auto& t : table)
      if (code == t.code) return &t;
    return nullptr;
  };
  const TexCode* t = cm ? find(kCmCodes) : find(kEcCodes);
  if (!t) return std::nullopt;
  if (t->symbol || prefix == "TC") {  // math symbols (cmsy10), text companion symbols (tcrm1000)
    n.family = std::string(name);
    n.key = squash(name);
    n.symbol = true;
    return n;
  }
  n.family = t->family;
  n.key = squash(n.family);
  n.weight = t->weight;
  n.italic = t->italic;
  return n;
}

// "LMRoman10-Bold", "LMSans10-Oblique", "LMMono10-Regular", "LMRomanDemi10-Regular",
// "LMRomanSlant10-Regular", "LMSansDemiCond10-Regular", "LMMonoLt10-Bold".
std::optional<FontName> tex_lm(std::string_view name) {
  if (name.size() < 4 || name.substr(0, 2) != "LM") return std::nullopt;
  std::string_view rest = name.substr(2);
  const char* family = nullptr;
  for (auto [word, fam] : {std::pair{"Roman", "Latin Modern Roman"}, {"Sans", "Latin Modern Sans"}, {"Mono", "Latin Modern Mono"}})
    if (rest.rfind(word, 0) == 0) {
      family = fam;
      rest.remove_prefix(std::char_traits<char>::length(word));
      break;
    }
  if (!family) return std::nullopt;
  size_t d = 0;
  while (d < rest.size() && !is_digit(rest[d])) ++d;
  size_t e = d;
  while (e < rest.size() && is_digit(rest[e])) ++e;
  if (e == d) return std::nullopt;  // no design size: not TeX's naming
  std::string_view variant = rest.substr(0, d), style = rest.substr(e);
  FontName n;
  n.family = family;
  n.key = squash(family);
  if (variant.find("Demi") != std::string_view::npos) n.weight = 600;
  if (variant.find("Lt") != std::string_view::npos) n.weight = 300;
  if (variant.find("Slant") != std::string_view::npos || variant.find("Unsl") != std::string_view::npos) n.italic = true;
  if (variant.find("Cond") != std::string_view::npos) n.width = 75;
  if (!style.empty() && style[0] == '-') style.remove_prefix(1);
  if (!style.empty())
    if (auto s = parse_style(style, Style{n.weight, n.italic, n.width})) n.weight = s->weight, n.italic = s->italic, n.width = s->width;
  return n;
}

// Strips "PSMT", "MT" and "PS" glued to the end of a family ("ArialMT", "TimesNewRomanPSMT",
// "CourierNewPS"), and Bitstream's "BT" ("Courier10PitchBT"): after a lower-case letter
// only, so that "MS-PGothic" keeps its letters.
std::string strip_marks(std::string f) {
  for (const char* m : {"PSMT", "MT", "PS", "BT"}) {
    size_t n = std::char_traits<char>::length(m);
    if (f.size() > n + 1 && f.compare(f.size() - n, n, m) == 0 && is_lower(f[f.size() - n - 1])) {
      f.resize(f.size() - n);
      break;
    }
  }
  return f;
}

std::string strip_subset_prefix(std::string_view name) {
  if (name.size() > 7 && name[6] == '+' && std::all_of(name.begin(), name.begin() + 6, is_upper)) name.remove_prefix(7);
  return std::string(name);
}

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '-' || s.front() == ',')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '-' || s.back() == ',')) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

FontName parse_font_name(std::string_view pdf_name) {
  std::string name = trim(strip_subset_prefix(pdf_name));
  if (auto n = tex_cm(name)) return *n;
  if (auto n = tex_lm(name)) return *n;
  std::string family = name;
  Style style;
  bool styled = false;
  if (size_t comma = name.find(','); comma != std::string::npos) {
    // "Calibri,Bold", "Arial,BoldItalic": what follows a comma is style, whatever it says
    family = name.substr(0, comma);
    if (auto s = parse_style(name.substr(comma + 1))) style = *s;
    styled = true;
  } else {
    // "Arial-BoldItalicMT", "MS-PGothic-Bold": the first hyphen whose tail is style words
    for (size_t dash = name.find('-'); dash != std::string::npos; dash = name.find('-', dash + 1)) {
      if (dash == 0) continue;
      if (auto s = parse_style(name.substr(dash + 1))) {
        family = name.substr(0, dash);
        style = *s;
        styled = true;
        break;
      }
    }
  }
  family = trim(family);
  // "Calibri Light", "Segoe UI Semibold": trailing words that are style words, unless the
  // whole is a family of its own ("Arial Black")
  if (!styled && family.find(' ') != std::string::npos && !substitute_for(squash(family))) {
    std::string head = family;
    Style s;
    bool peeled = false;
    while (true) {
      size_t sp = head.rfind(' ');
      if (sp == std::string::npos) break;
      auto st = parse_style(std::string_view(head).substr(sp + 1), s);
      if (!st) break;
      s = *st;
      head.resize(sp);
      peeled = true;
    }
    if (peeled) family = trim(head), style = s, styled = true;
  }
  family = strip_marks(family);
  // "CalibriLight", "HelveticaNeueBold": a style word glued to the family
  if (!styled && !substitute_for(squash(family))) {
    Style s;
    bool again = true;
    while (again) {
      again = false;
      for (const char* w : kGluedWords) {
        size_t n = std::char_traits<char>::length(w);
        if (family.size() < n + 3) continue;
        size_t pos = family.size() - n;
        if (family.compare(pos, n, w) != 0 || !(is_lower(family[pos - 1]) || is_digit(family[pos - 1]))) continue;
        if (auto st = parse_style(w, s)) s = *st;
        family.resize(pos);
        styled = again = true;
        break;
      }
    }
    if (styled) style = s;
  }
  FontName n;
  n.family = family;
  n.key = squash(family);
  n.weight = style.weight;
  n.italic = style.italic;
  n.width = style.width;
  // a narrow family by name ("ArialNarrow", "TeX Gyre Heros Cn")
  if (n.width == 100 && (n.key.find("narrow") != std::string::npos || n.key.find("condensed") != std::string::npos ||
                         (n.key.size() > 2 && n.key.compare(n.key.size() - 2, 2, "cn") == 0)))
    n.width = 75;
  n.symbol = symbol_key(n.key);
  return n;
}

// ---------------------------------------------------------------------------------------
// Matching with fontconfig

namespace {

struct Face {
  std::string family, file, style, format;
  int index = 0, weight = 400, width = 100;
  bool italic = false;
};

int format_rank(const std::string& f) { return f == "TrueType" ? 0 : f == "CFF" ? 1 : f == "Type 1" ? 2 : 3; }

const char* weight_name(int w) {
  if (w < 150) return "Thin";
  if (w < 250) return "ExtraLight";
  if (w < 350) return "Light";
  if (w < 450) return "Regular";
  if (w < 550) return "Medium";
  if (w < 650) return "SemiBold";
  if (w < 750) return "Bold";
  if (w < 850) return "ExtraBold";
  return "Black";
}

class Matcher {
 public:
  static Matcher& get() {
    static Matcher m;
    return m;
  }

  FontMatch match(const FontRequest& r) {
    std::string cache_key = r.source_name + '\x1f' + (r.bold ? '1' : '0') + (r.italic ? '1' : '0');
    std::lock_guard<std::mutex> lock(mu_);
    if (auto it = cache_.find(cache_key); it != cache_.end()) return it->second;
    return cache_[cache_key] = find(r);
  }

  bool installed(std::string_view family) {
    std::lock_guard<std::mutex> lock(mu_);
    return config_ && !faces_of(std::string(family)).empty();
  }

 private:
  Matcher() : config_(FcInitLoadConfigAndFonts()) {
    if (!config_) return;
    FcPattern* all = FcPatternCreate();
    FcObjectSet* os = FcObjectSetBuild(FC_FAMILY, nullptr);
    if (FcFontSet* fs = FcFontList(config_, all, os)) {
      for (int i = 0; i < fs->nfont; ++i) {
        FcChar8* fam = nullptr;
        for (int k = 0; FcPatternGetString(fs->fonts[i], FC_FAMILY, k, &fam) == FcResultMatch; ++k)
          installed_.emplace(squash(reinterpret_cast<const char*>(fam)), reinterpret_cast<const char*>(fam));
      }
      FcFontSetDestroy(fs);
    }
    FcObjectSetDestroy(os);
    FcPatternDestroy(all);
  }
  ~Matcher() {
    if (config_) FcConfigDestroy(config_);
  }

  // The scalable, non-variable faces whose family is `family` (case aside).
  std::vector<Face> faces_of(const std::string& family) {
    std::vector<Face> out;
    FcPattern* p = FcPatternCreate();
    FcPatternAddString(p, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
    FcObjectSet* os = FcObjectSetBuild(FC_FAMILY, FC_FILE, FC_INDEX, FC_WEIGHT, FC_SLANT, FC_WIDTH, FC_FONTFORMAT, FC_STYLE,
                                       FC_SCALABLE, FC_VARIABLE, nullptr);
    if (FcFontSet* fs = FcFontList(config_, p, os)) {
      for (int i = 0; i < fs->nfont; ++i) {
        FcPattern* f = fs->fonts[i];
        bool same = false;
        FcChar8* s = nullptr;
        for (int k = 0; FcPatternGetString(f, FC_FAMILY, k, &s) == FcResultMatch; ++k)
          if (FcStrCmpIgnoreCase(s, reinterpret_cast<const FcChar8*>(family.c_str())) == 0) same = true;
        if (!same) continue;  // FcFontList compares families ignoring blanks too
        FcBool b = FcFalse;
        if (FcPatternGetBool(f, FC_SCALABLE, 0, &b) == FcResultMatch && !b) continue;
        if (FcPatternGetBool(f, FC_VARIABLE, 0, &b) == FcResultMatch && b) continue;
        Face face;
        face.family = family;
        if (FcPatternGetString(f, FC_FILE, 0, &s) != FcResultMatch) continue;
        face.file = reinterpret_cast<const char*>(s);
        int v = 0;
        if (FcPatternGetInteger(f, FC_INDEX, 0, &v) == FcResultMatch) face.index = v;
        if (face.index >> 16) continue;  // a named instance of a variable font
        double w = FC_WEIGHT_REGULAR;
        if (FcPatternGetInteger(f, FC_WEIGHT, 0, &v) == FcResultMatch) w = v;
        else FcPatternGetDouble(f, FC_WEIGHT, 0, &w);
        face.weight = static_cast<int>(std::lround(FcWeightToOpenTypeDouble(w)));
        if (FcPatternGetInteger(f, FC_SLANT, 0, &v) == FcResultMatch) face.italic = v != FC_SLANT_ROMAN;
        if (FcPatternGetInteger(f, FC_WIDTH, 0, &v) == FcResultMatch) face.width = v;
        if (FcPatternGetString(f, FC_FONTFORMAT, 0, &s) == FcResultMatch) face.format = reinterpret_cast<const char*>(s);
        if (FcPatternGetString(f, FC_STYLE, 0, &s) == FcResultMatch) face.style = reinterpret_cast<const char*>(s);
        out.push_back(std::move(face));
      }
      FcFontSetDestroy(fs);
    }
    FcObjectSetDestroy(os);
    FcPatternDestroy(p);
    return out;
  }

  // The face nearest to the wanted width, slant and weight (CSS's rule on ties: lighter
  // first up to Regular, heavier first from Medium); TrueType before CFF on a full tie.
  static const Face* best_face(const std::vector<Face>& faces, int weight, bool italic, int width) {
    const Face* best = nullptr;
    std::tuple<int, int, int, int, std::string> best_score;
    for (const auto& f : faces) {
      int wcost = 2 * std::abs(f.weight - weight);
      if (f.weight != weight && ((weight <= 450) == (f.weight > weight))) wcost += 1;
      auto score = std::make_tuple(std::abs(f.width - width), f.italic == italic ? 0 : 1, wcost, format_rank(f.format), f.file);
      if (!best || score < best_score) best = &f, best_score = score;
    }
    return best;
  }

  FontMatch find(const FontRequest& r) {
    FontMatch m;
    FontName n = parse_font_name(r.source_name);
    std::string src = trim(strip_subset_prefix(r.source_name));
    int weight = r.bold ? std::max(n.weight, 700) : n.weight;
    bool italic = n.italic || r.italic;
    if (n.symbol) {
      m.why = src + " → none (symbol font: bullets by unicode_bullet, other characters by the bundled fonts)";
      return m;
    }
    if (!config_) {
      m.why = src + " → none (fontconfig could not load its configuration)";
      return m;
    }
    std::vector<std::pair<std::string, Fit>> cands;
    std::string display = n.family;
    if (auto it = installed_.find(n.key); it != installed_.end() && !n.key.empty()) cands.emplace_back(it->second, Fit::same);
    if (const Substitute* sub = substitute_for(n.key)) {
      // the table's name of the source ("Arial" of "Arial/Helvetica"), else the name's own
      std::string_view d = sub->display;
      bool named = false;
      while (!d.empty()) {
        size_t slash = d.find('/');
        std::string_view part = d.substr(0, slash);
        if (squash(part) == n.key || sub->keys.size() == 1) display = std::string(part), named = true;
        if (named || slash == std::string_view::npos) break;
        d.remove_prefix(slash + 1);
      }
      for (const auto& c : sub->candidates) cands.emplace_back(c.family, c.fit);
    }
    if (cands.empty()) {
      m.why = src + " → none (no known metric-compatible substitute)";
      return m;
    }
    std::optional<std::pair<Face, Fit>> first_any;
    std::vector<std::string> missing;
    for (const auto& [family, fit] : cands) {
      auto faces = faces_of(family);
      if (faces.empty()) {
        missing.push_back(family + " (" + package_of(family) + ")");
        continue;
      }
      const Face* f = best_face(faces, weight, italic, n.width);
      if (!f) continue;
      if (f->format == "TrueType") return describe(src, display, *f, fit, weight, italic, n.width);
      if (!first_any) first_any.emplace(*f, fit);
    }
    if (first_any) return describe(src, display, first_any->first, first_any->second, weight, italic, n.width);
    m.why = src + " → none (not installed:";
    for (size_t i = 0; i < missing.size(); ++i) m.why += (i ? ", " : " ") + missing[i];
    m.why += ")";
    return m;
  }

  static FontMatch describe(const std::string& src, const std::string& display, const Face& f, Fit fit, int weight,
                            bool italic, int width) {
    FontMatch m;
    m.family = f.family;
    m.path = f.file;
    m.face_index = f.index;
    m.weight = f.weight;
    m.bold = f.weight >= 600;
    m.italic = f.italic;
    m.format = f.format;
    m.synthetic_bold = weight >= 600 && !m.bold;
    bool weight_ok = std::abs(f.weight - weight) < 100, slant_ok = f.italic == italic, width_ok = std::abs(f.width - width) < 10;
    m.metric_compatible = fit != Fit::close && weight_ok && slant_ok && width_ok;
    m.why = src + " → " + f.family + " " + (f.style.empty() ? weight_name(f.weight) : f.style) + " (";
    m.why += fit == Fit::same ? "the font itself, installed"
             : fit == Fit::metric ? "metric-compatible with " + display
                                  : "close to " + display + ", not metric-compatible";
    if (m.synthetic_bold) m.why += "; no bold face: synthetic bold";
    else if (!weight_ok) m.why += std::string("; no ") + weight_name(weight) + " face";
    if (!slant_ok) m.why += italic ? "; no italic face" : "; no upright face";
    if (!width_ok) m.why += width < 100 ? "; no condensed face" : "; no wide face";
    if (f.format != "TrueType") m.why += "; " + (f.format.empty() ? std::string("unknown") : f.format) + " outlines";
    m.why += ")";
    return m;
  }

  std::mutex mu_;
  FcConfig* config_ = nullptr;
  std::unordered_map<std::string, std::string> installed_;  // squashed family -> family
  std::map<std::string, FontMatch> cache_;
};

}  // namespace

FontMatch match_font(const FontRequest& request) { return Matcher::get().match(request); }

bool family_installed(std::string_view family) { return Matcher::get().installed(family); }

// ---------------------------------------------------------------------------------------
// Coverage

namespace {

// Characters that need no glyph of their own.
bool needs_no_glyph(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || unicode::is_space(c) || c == 0x00AD || (c >= 0x200B && c <= 0x200F) ||
         (c >= 0x2028 && c <= 0x202E) || (c >= 0x2060 && c <= 0x2064) || c == 0xFEFF || (c >= 0xFE00 && c <= 0xFE0F) ||
         (c >= 0xE0100 && c <= 0xE01EF);
}

// HarfBuzz fonts by file and face, opened once, immutable (safe to query from any thread),
// released at exit.
struct HbFonts {
  std::mutex mu;
  std::map<std::pair<std::string, int>, hb_font_t*> fonts;
  ~HbFonts() {
    for (auto& [key, font] : fonts) hb_font_destroy(font);
  }
};

hb_font_t* hb_font_for(const std::string& path, int index) {
  static HbFonts cache;
  auto& fonts = cache.fonts;
  std::lock_guard<std::mutex> lock(cache.mu);
  auto key = std::make_pair(path, index);
  if (auto it = fonts.find(key); it != fonts.end()) return it->second;
  hb_font_t* font = nullptr;
  struct stat st;  // (fontconfig's fonts: a regular file, else no font)
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return fonts[key] = nullptr;
  if (hb_blob_t* blob = hb_blob_create_from_file_or_fail(path.c_str())) {
    hb_face_t* face = hb_face_create(blob, static_cast<unsigned>(index));
    hb_blob_destroy(blob);
    if (hb_face_get_glyph_count(face) > 0) {
      font = hb_font_create(face);
      hb_font_make_immutable(font);
    }
    hb_face_destroy(face);
  }
  return fonts[key] = font;
}

}  // namespace

bool covers(const FontMatch& match, std::u32string_view text) {
  if (match.path.empty()) return false;
  hb_font_t* font = hb_font_for(match.path, match.face_index);
  if (!font) return false;
  for (char32_t c : text) {
    if (needs_no_glyph(c)) continue;
    hb_codepoint_t g = 0;
    if (!hb_font_get_nominal_glyph(font, c, &g)) return false;
  }
  return true;
}

}  // namespace deckhand::layout

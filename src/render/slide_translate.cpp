#include "render/slide_translate.hpp"

#define POINTERHOLDER_TRANSITION 4  // qpdf 11: std::shared_ptr, no PointerHolder
#include <qpdf/Pl_String.hh>
#include <qpdf/Buffer.hh>
#include <qpdf/BufferInputSource.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFMatrix.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFTokenizer.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <atomic>
#include <deque>
#include <fstream>
#include <sstream>
#include <charconv>
#include <chrono>
#include <spdlog/spdlog.h>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <future>
#include <string_view>
#include <vector>

#include "core/log.hpp"
#include "core/step_timer.hpp"
#include "core/error.hpp"
#include "extract/budget.hpp"
#include "core/io.hpp"
#include "core/unicode.hpp"
#include "render/pdf_encodings.hpp"
#include "render/qpdf_util.hpp"
#include "render/text_layer.hpp"

namespace deckhand::render {
namespace {

std::string num(double v) { return pdfq::num(v, 4); }

// the intersection of two boxes (x0, y0, x1, y1); empty when x1 <= x0 or y1 <= y0
std::array<double, 4> meet(const std::array<double, 4>& a, const std::array<double, 4>& b) {
  return {std::max(a[0], b[0]), std::max(a[1], b[1]), std::min(a[2], b[2]), std::min(a[3], b[3])};
}
using pdfq::Rect;
using pdfq::rect_of;


// a b c d e f: (x, y) -> (a x + c y + e, b x + d y + f)
struct M {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
};
// first m, then n
M mul(const M& m, const M& n) {
  return {m.a * n.a + m.b * n.c, m.a * n.b + m.b * n.d, m.c * n.a + m.d * n.c,
          m.c * n.b + m.d * n.d, m.e * n.a + m.f * n.c + n.e, m.e * n.b + m.f * n.d + n.f};
}



// The page as displayed: the CropBox within the MediaBox, turned by /Rotate.
struct View {
  Rect box;
  int rotate = 0;
  // user space -> displayed (top-left origin, y down)
  void map(double u, double v, double& X, double& Y) const {
    switch (rotate) {
      case 90: X = v - box.lly, Y = u - box.llx; break;
      case 180: X = box.urx - u, Y = v - box.lly; break;
      case 270: X = box.ury - v, Y = box.urx - u; break;
      default: X = u - box.llx, Y = box.ury - v;
    }
  }
  double width() const { return rotate == 90 || rotate == 270 ? box.ury - box.lly : box.urx - box.llx; }
  double height() const { return rotate == 90 || rotate == 270 ? box.urx - box.llx : box.ury - box.lly; }
};

View view_of(QPDFPageObjectHelper& page) {
  View v;
  Rect media = rect_of(page.getMediaBox());
  Rect crop = rect_of(page.getCropBox());
  v.box = {std::max(media.llx, crop.llx), std::max(media.lly, crop.lly), std::min(media.urx, crop.urx), std::min(media.ury, crop.ury)};
  if (v.box.urx <= v.box.llx || v.box.ury <= v.box.lly) v.box = media;
  QPDFObjectHandle rot = page.getAttribute("/Rotate", false);
  if (rot.isInteger()) {
    long long r = rot.getIntValue() % 360;
    if (r < 0) r += 360;
    v.rotate = static_cast<int>(r / 90 * 90);
  }
  return v;
}

// A number token's value ("12", "-.5", "+3.", as strtod reads them), read with from_chars:
// no locale, and a fraction of strtod's cost on a page's thousands of numbers
double number(const std::string& s) {
  const char* b = s.data();
  const char* e = b + s.size();
  if (b != e && *b == '+') ++b;  // (from_chars takes no plus sign)
  double v = 0;
  const auto r = std::from_chars(b, e, v);
  return r.ec == std::errc() ? v : std::atof(s.c_str());
}

double number_of(QPDFObjectHandle o, double dflt = 0) {
  if (o.isInteger()) return static_cast<double>(o.getIntValue());
  if (o.isReal()) return std::atof(o.getRealValue().c_str());
  return dflt;
}

// Advances of a font's character codes, in text space units per unit of font size.
struct FontInfo {
  bool two_byte = false;
  // /Ascent and /Descent of its FontDescriptor, per unit of font size (0.8 and -0.2 when
  // it has none): the box of text that stays
  double ascent = 0.8, descent = -0.2;
  std::map<int, double> widths;
  double missing = 0;
  // the codes its /ToUnicode map gives U+0020 (has_to_unicode: it has one at all)
  std::set<int> space_codes;
  bool has_to_unicode = false;
  // a code is a blank: what the map gives U+0020, or (no map, one byte) code 32
  bool blank(int code) const { return has_to_unicode ? space_codes.count(code) > 0 : !two_byte && code == 32; }
  double width(int code) const {
    auto it = widths.find(code);
    return it == widths.end() ? missing : it->second;
  }
};

void read_extent(FontInfo& fi, QPDFObjectHandle desc, double scale) {
  if (!desc.isDictionary()) return;
  const double a = number_of(desc.getKey("/Ascent")) * scale, d = number_of(desc.getKey("/Descent")) * scale;
  if (a > 0.1 && a < 3) fi.ascent = a;
  if (d < 0 && d > -2) fi.descent = d;
}

int hex_value(char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; }

// The codes a /ToUnicode CMap maps to U+0020 (ISO 32000-1 9.10.3: bfchar pairs and bfrange
// triplets of hex strings; a range's destination may be an array, one string a code).
void read_space_codes(FontInfo& fi, QPDFObjectHandle cmap) {
  if (!cmap.isStream()) return;
  std::string text;
  try {
    auto buf = cmap.getStreamData(qpdf_dl_generalized);
    text.assign(reinterpret_cast<const char*>(buf->getBuffer()), buf->getSize());
  } catch (const std::exception&) {
    return;
  }
  fi.has_to_unicode = true;
  // tokens: hex strings (as numbers, with their digit count), '[', ']', and section words
  struct Tok {
    char kind;  // 'h' hex, '[', ']', 'c' bfchar, 'r' bfrange, 'e' end of a section
    long long v = 0;
    size_t digits = 0;
  };
  std::vector<Tok> toks;
  for (size_t i = 0; i < text.size();) {
    const char ch = text[i];
    if (ch == '<') {
      size_t j = text.find('>', i);
      if (j == std::string::npos) break;
      Tok t{'h'};
      for (size_t k = i + 1; k < j; ++k)
        if (std::isxdigit(static_cast<unsigned char>(text[k])) && t.digits < 15)
          t.v = t.v * 16 + hex_value(text[k]), ++t.digits;
      toks.push_back(t);
      i = j + 1;
    } else if (ch == '[' || ch == ']') {
      toks.push_back({ch});
      ++i;
    } else if (std::isalpha(static_cast<unsigned char>(ch))) {
      size_t j = i;
      while (j < text.size() && std::isalpha(static_cast<unsigned char>(text[j]))) ++j;
      const std::string w = text.substr(i, j - i);
      if (w == "beginbfchar") toks.push_back({'c'});
      else if (w == "beginbfrange") toks.push_back({'r'});
      else if (w == "endbfchar" || w == "endbfrange") toks.push_back({'e'});
      i = j;
    } else {
      ++i;
    }
  }
  auto is_space = [](const Tok& t) { return t.digits == 4 && t.v == 0x20; };
  char section = 'e';
  for (size_t i = 0; i < toks.size();) {
    const Tok& t = toks[i];
    if (t.kind != 'h') {
      if (t.kind == 'c' || t.kind == 'r' || t.kind == 'e') section = t.kind;
      ++i;
      continue;
    }
    if (section == 'c' && i + 1 < toks.size() && toks[i + 1].kind == 'h') {
      if (is_space(toks[i + 1])) fi.space_codes.insert(static_cast<int>(t.v));
      i += 2;
    } else if (section == 'r' && i + 2 < toks.size() && toks[i + 1].kind == 'h') {
      const long long lo = t.v, hi = toks[i + 1].v;
      if (toks[i + 2].kind == 'h') {
        const Tok& d = toks[i + 2];
        if (d.digits == 4 && d.v <= 0x20 && d.v + (hi - lo) >= 0x20) fi.space_codes.insert(static_cast<int>(lo + (0x20 - d.v)));
        i += 3;
      } else {  // [ <d> <d> ... ]
        size_t k = i + 3;
        for (long long c = lo; k < toks.size() && toks[k].kind == 'h'; ++k, ++c)
          if (is_space(toks[k])) fi.space_codes.insert(static_cast<int>(c));
        i = k + 1;
      }
    } else {
      ++i;
    }
  }
}

// The widths (1000 = 1 em) of a standard 14 font (PDF 32000-1:2008, 9.6.2.2), which a PDF
// may name without /Widths: by glyph name, and by the code its AFM gives (its built-in
// encoding: StandardEncoding for the text fonts). Read from the URW base 35 fonts' AFM
// files (Debian: fonts-urw-base35), made with the standard fonts' metrics; once a process,
// by file. Null for another font, or when the file is not there.
struct Afm {
  std::map<std::string, double> by_name;
  std::map<int, double> by_code;
};
const Afm* standard_afm(std::string base) {
  if (auto plus = base.find('+'); plus == 6) base = base.substr(7);  // a subset's tag
  base.erase(0, base.find_first_not_of('/'));
  auto starts = [&](const char* p) { return base.rfind(p, 0) == 0; };
  std::string family;
  if (starts("Helvetica") || starts("Arial")) family = "NimbusSans";
  else if (starts("Times")) family = "NimbusRoman";
  else if (starts("Courier")) family = "NimbusMonoPS";
  else if (starts("Symbol")) family = "StandardSymbolsPS";
  else if (starts("ZapfDingbats")) family = "D050000L";
  else return nullptr;
  if (family.rfind("Nimbus", 0) == 0) {
    const bool bold = base.find("Bold") != std::string::npos;
    const bool italic = base.find("Italic") != std::string::npos || base.find("Oblique") != std::string::npos;
    family += bold && italic ? "-BoldItalic" : bold ? "-Bold" : italic ? "-Italic" : "-Regular";
  }
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<Afm>> read;
  std::lock_guard<std::mutex> lock(mu);
  auto it = read.find(family);
  if (it == read.end()) {
    std::unique_ptr<Afm> afm;
    std::ifstream in("/usr/share/fonts/type1/urw-base35/" + family + ".afm");
    for (std::string line; in && std::getline(in, line);) {
      // "C 32 ; WX 278 ; N space ; B 191 0 191 0 ;"
      if (line.rfind("C ", 0) != 0) continue;
      int code = -1;
      double wx = -1;
      std::string name;
      std::istringstream fields(line);
      for (std::string field; std::getline(fields, field, ';');) {
        std::istringstream f(field);
        std::string key;
        f >> key;
        if (key == "C") f >> code;
        else if (key == "WX") f >> wx;
        else if (key == "N") f >> name;
      }
      if (wx < 0 || name.empty()) continue;
      if (!afm) afm = std::make_unique<Afm>();
      afm->by_name[name] = wx;
      if (code >= 0 && code <= 255) afm->by_code[code] = wx;
    }
    it = read.emplace(family, std::move(afm)).first;
  }
  return it->second.get();
}

// A standard 14 font without /Widths: its codes' widths from its AFM, through its encoding
// (/Encoding: a base encoding's name, or a dictionary of /BaseEncoding and /Differences;
// none: the font's built-in one). Codes it has no glyph for keep `fi.missing`.
void standard_widths(FontInfo& fi, QPDFObjectHandle font, const Afm& afm) {
  std::array<std::string, 256> names;
  bool builtin = true;
  auto base = [&](const std::string& enc) {
    const char* const* table = enc == "/WinAnsiEncoding" ? pdf_encoding::kWinAnsi : enc == "/MacRomanEncoding" ? pdf_encoding::kMacRoman : nullptr;
    if (!table) return;
    for (int c = 0; c < 256; ++c) names[static_cast<size_t>(c)] = table[c];
    builtin = false;
  };
  QPDFObjectHandle enc = font.getKey("/Encoding");
  if (enc.isName()) base(enc.getName());
  std::map<int, std::string> differences;
  if (enc.isDictionary()) {
    if (enc.getKey("/BaseEncoding").isName()) base(enc.getKey("/BaseEncoding").getName());
    QPDFObjectHandle d = enc.getKey("/Differences");
    int code = 0;
    if (d.isArray())
      for (auto& item : d.aitems()) {
        if (item.isInteger()) code = static_cast<int>(item.getIntValue());
        else if (item.isName() && code >= 0 && code <= 255) differences[code++] = item.getName().substr(1);
      }
  }
  for (int c = 0; c < 256; ++c) {
    double w = -1;
    if (auto d = differences.find(c); d != differences.end()) {
      if (auto n = afm.by_name.find(d->second); n != afm.by_name.end()) w = n->second;
    } else if (!builtin) {
      if (auto n = afm.by_name.find(names[static_cast<size_t>(c)]); !names[static_cast<size_t>(c)].empty() && n != afm.by_name.end()) w = n->second;
    } else if (auto k = afm.by_code.find(c); k != afm.by_code.end()) {
      w = k->second;
    }
    if (w >= 0) fi.widths[c] = w / 1000;
  }
}

FontInfo font_info(QPDFObjectHandle font) {
  FontInfo fi;
  if (!font.isDictionary()) return fi;
  read_space_codes(fi, font.getKey("/ToUnicode"));
  std::string sub = font.getKey("/Subtype").isName() ? font.getKey("/Subtype").getName() : "";
  if (sub == "/Type0") {
    fi.two_byte = true;
    QPDFObjectHandle df = font.getKey("/DescendantFonts");
    QPDFObjectHandle cid = df.isArray() && df.getArrayNItems() > 0 ? df.getArrayItem(0) : QPDFObjectHandle::newNull();
    fi.missing = 1.0;
    if (!cid.isDictionary()) return fi;
    read_extent(fi, cid.getKey("/FontDescriptor"), 1.0 / 1000);
    fi.missing = number_of(cid.getKey("/DW"), 1000) / 1000;
    QPDFObjectHandle w = cid.getKey("/W");
    if (!w.isArray()) return fi;
    // The entries, then each code's width set once: entries are taken last first, and a
    // code an entry has set is skipped (a later entry wins, as before), in time linear in
    // the array and the 65,536 codes whatever its ranges (200,000 ranges of 0 to 65535
    // took minutes: issue 20).
    struct Entry {
      long long lo, hi;      // codes
      QPDFObjectHandle list;  // c [w1 w2 ...]: the widths; else one width for lo..hi
      double width = 0;
    };
    std::vector<Entry> entries;
    const int n = w.getArrayNItems();
    for (int i = 0; i < n;) {
      QPDFObjectHandle first = w.getArrayItem(i);
      if (!first.isNumber() || i + 1 >= n) break;
      long long c = static_cast<long long>(number_of(first));
      QPDFObjectHandle next = w.getArrayItem(i + 1);
      if (next.isArray()) {  // c [w1 w2 ...]
        entries.push_back({c, c + next.getArrayNItems() - 1, next});
        i += 2;
      } else {  // c_first c_last w
        if (i + 2 >= n) break;
        entries.push_back({c, static_cast<long long>(number_of(next)), QPDFObjectHandle::newNull(), number_of(w.getArrayItem(i + 2)) / 1000});
        i += 3;
      }
    }
    // next_unset[k]: the first code from k on that no entry has set (path-halving union-find)
    std::vector<int> next_unset(0x10001);
    for (int k = 0; k <= 0x10000; ++k) next_unset[k] = k;
    auto find = [&](int k) {
      while (next_unset[k] != k) k = next_unset[k] = next_unset[next_unset[k]];
      return k;
    };
    for (auto e = entries.rbegin(); e != entries.rend(); ++e) {
      const long long lo = std::max(0LL, e->lo), hi = std::min(e->hi, 0xFFFFLL);
      if (lo > hi) continue;
      for (int k = find(static_cast<int>(lo)); k <= hi; k = find(k + 1)) {
        fi.widths[k] = e->list.isArray() ? number_of(e->list.getArrayItem(static_cast<int>(k - e->lo))) / 1000 : e->width;
        next_unset[k] = k + 1;
      }
    }
    return fi;
  }
  double scale = 1.0 / 1000;
  if (sub == "/Type3") {
    QPDFObjectHandle fm = font.getKey("/FontMatrix");
    scale = fm.isArray() && fm.getArrayNItems() == 6 ? number_of(fm.getArrayItem(0), 0.001) : 0.001;
  }
  QPDFObjectHandle desc = font.getKey("/FontDescriptor");
  read_extent(fi, desc, sub == "/Type3" ? scale : 1.0 / 1000);
  QPDFObjectHandle ws = font.getKey("/Widths");
  if (!ws.isArray()) {
    // a standard 14 font: no widths in the file, its AFM's (else, and for a code it has no
    // glyph for, half an em: decision, docs/translation.md)
    fi.missing = 0.5;
    if (const Afm* afm = font.getKey("/BaseFont").isName() ? standard_afm(font.getKey("/BaseFont").getName()) : nullptr)
      standard_widths(fi, font, *afm);
    return fi;
  }
  fi.missing = desc.isDictionary() ? number_of(desc.getKey("/MissingWidth")) * scale : 0;
  int first = static_cast<int>(number_of(font.getKey("/FirstChar")));
  int n = ws.getArrayNItems();
  for (int k = 0; k < n && first + k <= 255; ++k) fi.widths[first + k] = number_of(ws.getArrayItem(k)) * scale;
  return fi;
}

Color gray(double g) { return {g, g, g}; }
Color colour_from(const std::vector<double>& v) {
  auto cl = [](double x) { return std::clamp(x, 0.0, 1.0); };
  if (v.size() == 1) return gray(cl(v[0]));
  if (v.size() == 3) return {cl(v[0]), cl(v[1]), cl(v[2])};
  if (v.size() == 4) return {1 - std::min(1.0, v[0] + v[3]), 1 - std::min(1.0, v[1] + v[3]), 1 - std::min(1.0, v[2] + v[3])};
  return {};
}

struct GState {
  M ctm;
  Color fill, stroke;
  // text state
  std::string font;  // resource name
  const FontInfo* fi = nullptr;
  double size = 0, tc = 0, tw = 0, th = 1, tl = 0, rise = 0;
  int mode = 0;
  double line_width = 1;
  double fill_alpha = 1, stroke_alpha = 1;  // /ca and /CA of the ExtGState in force
  std::array<double, 4> clip{-1e9, -1e9, 1e9, 1e9};  // the clipping path's box (displayed)
};

constexpr size_t kMaxInk = 20000;
// The scan records at most this many marks and covers a page (its forms included), four
// times what a page keeps; past that, a mark grows the last one the scan recorded (a page
// of hatching) and a cover is dropped (what it would hide stays an obstacle).
constexpr size_t kMaxScanMarks = 4 * kMaxInk;
// prescan stops reading pages ahead once its scans hold this much (remove_text scans the
// rest when it comes to them)
constexpr size_t kPrescanBytes = size_t{256} << 20;

// the displayed box of points of user space under `m`
struct BoxAcc {
  std::array<double, 4> b{1e18, 1e18, -1e18, -1e18};
  bool empty() const { return b[2] < b[0]; }
  void add(double X, double Y) {
    b[0] = std::min(b[0], X), b[1] = std::min(b[1], Y), b[2] = std::max(b[2], X), b[3] = std::max(b[3], Y);
  }
};

// A page's content as the scan read it, the first of remove_text's two steps: what the page
// draws, in drawing order, with everything but the regions already worked out (the glyphs'
// places and boxes, the paths' and pictures' marks of ink), so that the second step (Replay)
// only tells which glyphs lie in a region and writes the new content. The scan needs no
// deck: SlideRewriter::prescan runs it while the deck is still being analysed.
// Coordinates are displayed points (top-left origin, y down); a form drawn by the page has
// a scan of its own (one per Do: a form drawn twice lies at two places).
struct Scan {
  // one glyph of a text-showing operator, or one number of its TJ array
  struct Item {
    bool number = false;
    bool blank = false;        // FontInfo::blank
    unsigned char nbytes = 0;  // the code's bytes (1, or 2 for a Type0 font)
    unsigned code = 0;
    double adv = 0;            // its advance (text space); a number: its value
    double px = 0, py = 0;     // the point a region must hold: half the advance along, 0.3 em up
    double bx = 0, by = 0;     // where its advance starts, on the baseline
    std::array<double, 4> box{};  // the advance across, from the font's descent to its ascent
  };
  struct Op {
    enum Kind : unsigned char { mark, cover, show, form } kind = mark;
    bool visible = true;                   // show: not invisible (render mode 3 or 7, alpha)
    layout::Ink::Kind ink = layout::Ink::fill;  // mark
    std::array<double, 4> box{}, clip{};   // mark and cover: the box, the clip in force; show: the clip
    Color color;                           // mark; show: the colour its glyphs are painted in
    size_t begin = 0, end = 0;             // show, form: the operator and its operands in `bytes`
    size_t item0 = 0, item1 = 0;           // show: its items
    double k = 0, size = 0;                // show: text space a TJ number of 1000 moves; the font size
    std::string prefix;                    // show: what goes before the new TJ (for ' and ")
    size_t child = 0;                      // form: its scan in `forms`
  };
  std::string bytes;  // the content, token for token: what is written when nothing changes
  std::vector<Op> ops;
  std::vector<Item> items;
  std::vector<std::unique_ptr<Scan>> forms;
  // a form's scan: the form, the /XObject dictionary its name is in (xo_of_page: the page's
  // own, looked up again when a copy is named in it), the operands of its Do but the name
  QPDFObjectHandle form, xo;
  bool xo_of_page = false;
  std::string operands;

  size_t footprint() const {
    size_t n = sizeof(Scan) + bytes.capacity() + ops.capacity() * sizeof(Op) + items.capacity() * sizeof(Item);
    for (const auto& f : forms) n += f->footprint();
    return n;
  }
};

// What a page's scanners share.
struct ScanContext {
  QPDF* pdf = nullptr;
  // held while qpdf's objects are read: pages are scanned on several threads, qpdf's objects
  // are shared by all (the tokenizing and everything else runs unlocked)
  std::mutex* qpdf = nullptr;
  View view;
  // the fonts read so far, by object (kept from page to page: the SlideRewriter's), and the
  // direct ones of this page
  std::map<QPDFObjGen, FontInfo>* fonts = nullptr;
  std::vector<std::unique_ptr<FontInfo>> direct_fonts;
  std::set<QPDFObjGen> active;  // forms being scanned (a form drawing itself)
  size_t marks = 0;             // marks and covers recorded
  const std::atomic<bool>* stop = nullptr;  // set: the scan is abandoned (throws Stopped)
};
struct Stopped {};

class Scanner;
// Runs `scanner` over content-stream bytes (read from qpdf's objects under the lock).
void scan_bytes(const std::string& data, Scanner& scanner);

// Interprets a content stream (the graphics state, text positioning, paths, forms) into a
// Scan.
class Scanner {
 public:
  Scanner(ScanContext& cx, QPDFObjectHandle resources, bool page_resources, const GState& gs, int depth, Scan& out)
      : cx_(cx), res_(resources), res_is_page_(page_resources), gs_(gs), depth_(depth), out_(out) {}

  // each token of the content in turn (scan_bytes hands it over: an operand is kept, not
  // copied), then finish()
  void take(QPDFTokenizer::Token&& t) {
    const auto type = t.getType();
    if (type == QPDFTokenizer::tt_word) {
      if (cx_.stop && cx_.stop->load(std::memory_order_relaxed)) throw Stopped{};
      op(t);
      pending_.clear();
      nums_.clear();
    } else {
      if (type == QPDFTokenizer::tt_integer || type == QPDFTokenizer::tt_real) nums_.push_back(number(t.getValue()));
      pending_.push_back(std::move(t));
    }
  }
  void finish() { flush(); }

 private:
  ScanContext& cx_;
  QPDFObjectHandle res_;
  bool res_is_page_;
  GState gs_;
  std::vector<GState> stack_;
  M tm_, tlm_;
  int depth_;
  Scan& out_;
  std::map<std::string, const FontInfo*> fonts_;  // by resource name, found so far
  std::vector<QPDFTokenizer::Token> pending_;  // the operands of the operator to come
  std::vector<double> nums_;                     // their numbers
  BoxAcc path_;        // the path under construction (displayed)
  // its subpaths as displayed points (curves flattened in 8 steps), for strokes
  std::vector<std::vector<std::array<double, 2>>> subpaths_;
  double cx_pt_ = 0, cy_pt_ = 0;  // the current point (user space)
  bool clip_next_ = false;  // W or W* seen: the path, once painted (or n), clips

  // records a mark of ink, its box to be clipped to `clip` (Replay::mark)
  void mark(layout::Ink::Kind kind, const std::array<double, 4>& b, const std::array<double, 4>& clip, Color color = {}) {
    if (cx_.marks >= kMaxScanMarks) {
      const auto m = meet(b, clip);
      for (auto it = out_.ops.rbegin(); it != out_.ops.rend(); ++it) {
        if (it->kind != Scan::Op::mark) continue;
        if (m[2] >= m[0] && m[3] >= m[1]) {
          const auto l = meet(it->box, it->clip);
          it->box = {std::min(l[0], m[0]), std::min(l[1], m[1]), std::max(l[2], m[2]), std::max(l[3], m[3])};
          it->clip = {-1e18, -1e18, 1e18, 1e18};
        }
        return;
      }
    }
    ++cx_.marks;
    Scan::Op o;
    o.kind = Scan::Op::mark, o.ink = kind, o.box = b, o.clip = clip, o.color = color;
    out_.ops.push_back(std::move(o));
  }
  // an opaque rectangle painted over `b` (clipped to `clip`): Replay::cover
  void cover(const std::array<double, 4>& b, const std::array<double, 4>& clip) {
    if (cx_.marks >= kMaxScanMarks) return;
    ++cx_.marks;
    Scan::Op o;
    o.kind = Scan::Op::cover, o.box = b, o.clip = clip;
    out_.ops.push_back(std::move(o));
  }

  std::array<double, 2> shown(double x, double y) const {
    double u = gs_.ctm.a * x + gs_.ctm.c * y + gs_.ctm.e, v = gs_.ctm.b * x + gs_.ctm.d * y + gs_.ctm.f, X = 0, Y = 0;
    cx_.view.map(u, v, X, Y);
    return {X, Y};
  }
  void point(double x, double y) {
    auto p = shown(x, y);
    path_.add(p[0], p[1]);
  }
  void move_to(double x, double y) {
    point(x, y);
    if (subpaths_.size() < 4096) subpaths_.push_back({shown(x, y)});
    cx_pt_ = x, cy_pt_ = y;
  }
  void line_to(double x, double y) {
    point(x, y);
    if (subpaths_.empty()) subpaths_.push_back({shown(cx_pt_, cy_pt_)});
    if (subpaths_.back().size() < 4096) subpaths_.back().push_back(shown(x, y));
    cx_pt_ = x, cy_pt_ = y;
  }
  void curve_to(double x1, double y1, double x2, double y2, double x3, double y3) {
    point(x1, y1), point(x2, y2);
    const double x0 = cx_pt_, y0 = cy_pt_;
    for (int k = 1; k <= 8; ++k) {
      const double t = k / 8.0, u = 1 - t;
      line_to(u * u * u * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3,
              u * u * u * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3);
    }
  }
  void close_path() {
    if (!subpaths_.empty() && subpaths_.back().size() > 1) subpaths_.back().push_back(subpaths_.back().front());
  }
  // the path covers under 60 % of its box (shoelace area of its flattened subpaths): a
  // slanted bar, a star, an arrow, not a rounded box or a circle
  bool sparse() const {
    const auto& b = path_.b;
    const double box = (b[2] - b[0]) * (b[3] - b[1]);
    if (!(box > 1) || subpaths_.empty() || subpaths_.size() > 64) return false;
    double area = 0;
    for (const auto& sp : subpaths_) {
      double a = 0;
      for (size_t i = 0; i < sp.size(); ++i) {
        const auto& p = sp[i];
        const auto& q = sp[(i + 1) % sp.size()];
        a += p[0] * q[1] - q[0] * p[1];
      }
      area += std::abs(a) / 2;
    }
    return area < 0.6 * box;
  }
  // such a path as strips 3 pt tall, each from the leftmost to the rightmost point of its
  // edges within the strip: a slanted bar is not its whole box
  std::vector<std::array<double, 4>> strips() const {
    const auto& b = path_.b;
    std::vector<std::array<double, 4>> out;
    const int n = std::clamp(static_cast<int>(std::ceil((b[3] - b[1]) / 3)), 1, 200);
    for (int k = 0; k < n; ++k) {
      const double y0 = b[1] + (b[3] - b[1]) * k / n, y1 = b[1] + (b[3] - b[1]) * (k + 1) / n;
      double lo = 1e18, hi = -1e18;
      for (const auto& sp : subpaths_)
        for (size_t i = 0; i < sp.size(); ++i) {
          const auto& p = sp[i];
          const auto& q = sp[(i + 1) % sp.size()];
          const double ya = std::min(p[1], q[1]), yb = std::max(p[1], q[1]);
          if (yb < y0 || ya > y1) continue;
          // the edge's part within [y0, y1]
          auto x_at = [&](double y) { return std::abs(q[1] - p[1]) < 1e-9 ? p[0] : p[0] + (q[0] - p[0]) * (y - p[1]) / (q[1] - p[1]); };
          const double c0 = std::max(ya, y0), c1 = std::min(yb, y1);
          for (double x : {x_at(c0), x_at(c1)}) lo = std::min(lo, x), hi = std::max(hi, x);
          if (std::abs(q[1] - p[1]) < 1e-9) lo = std::min({lo, p[0], q[0]}), hi = std::max({hi, p[0], q[0]});
        }
      if (hi >= lo) out.push_back({lo, y0, hi, y1});
    }
    return out;
  }
  // the path is one upright rectangle (every point on a corner of its box)
  bool rectangle() const {
    if (subpaths_.size() != 1 || subpaths_[0].size() < 4) return false;
    const auto& b = path_.b;
    auto near = [](double a, double c) { return std::abs(a - c) < 0.05; };
    return std::all_of(subpaths_[0].begin(), subpaths_[0].end(), [&](const std::array<double, 2>& p) {
      return (near(p[0], b[0]) || near(p[0], b[2])) && (near(p[1], b[1]) || near(p[1], b[3]));
    });
  }
  // clips to a rectangle given in user space (a Form XObject's /BBox: nothing it draws lies
  // outside it, PDF 32000-1:2008, 8.10.1)
  void clip_to(double x0, double y0, double x1, double y1) {
    BoxAcc saved = path_;
    path_ = {};
    point(x0, y0), point(x1, y0), point(x0, y1), point(x1, y1);
    auto& c = gs_.clip;
    c = meet(c, path_.b);
    path_ = saved;
  }
  // the unit square under the CTM (an image)
  std::array<double, 4> unit_square() {
    BoxAcc saved = path_;
    path_ = {};
    point(0, 0), point(1, 0), point(0, 1), point(1, 1);
    std::array<double, 4> b = path_.b;
    path_ = saved;
    return b;
  }
  // a painting operator (or n): a filled path is one mark, its box; a stroked one is marked
  // piece by piece along its segments (at most 12 pt a piece, 3 pt on a slant, grown by half
  // the line width),
  // so that a diagonal arrow does not stand for its whole box; then the path clips if W
  // came before it
  void paint(bool fill, bool stroke) {
    if (!path_.empty()) {
      if (fill && gs_.fill_alpha > 0.99 && rectangle()) cover(path_.b, gs_.clip);
      if (fill && gs_.fill_alpha > 0.05) {
        if (!sparse()) mark(layout::Ink::fill, path_.b, gs_.clip, gs_.fill);
        else
          for (const auto& strip : strips()) mark(layout::Ink::fill, strip, gs_.clip, gs_.fill);
      }
      if (stroke && !fill && gs_.stroke_alpha > 0.05) {
        double scale = std::sqrt(std::abs(gs_.ctm.a * gs_.ctm.d - gs_.ctm.b * gs_.ctm.c));
        double h = std::max(gs_.line_width * scale, 0.5) / 2;  // a 0 width line is one device pixel
        for (const auto& sp : subpaths_)
          for (size_t i = 0; i + 1 < sp.size(); ++i) {
            const auto a = sp[i], b = sp[i + 1];
            const double len = std::hypot(b[0] - a[0], b[1] - a[1]);
            // (a slanted one in pieces of 3 pt, and a thick slanted one as parallel lines 3 pt
            // apart across its width: a piece's box is otherwise mostly empty paper)
            const bool slanted = std::abs(b[0] - a[0]) > 1 && std::abs(b[1] - a[1]) > 1;
            const int n = std::clamp(static_cast<int>(std::ceil(len / (slanted ? 3 : 12))), 1, 400);
            const int across = slanted ? std::clamp(static_cast<int>(std::ceil(2 * h / 3)), 1, 20) : 1;
            const double nx = len > 0 ? -(b[1] - a[1]) / len : 0, ny = len > 0 ? (b[0] - a[0]) / len : 0;
            const double r = slanted ? h / across : h;  // each line's half width
            for (int j = 0; j < across; ++j) {
              const double off = slanted ? -h + (j + 0.5) * 2 * h / across : 0;
              for (int k = 0; k < n; ++k) {
                const double t0 = double(k) / n, t1 = double(k + 1) / n;
                const double x0 = a[0] + (b[0] - a[0]) * t0 + off * nx, y0 = a[1] + (b[1] - a[1]) * t0 + off * ny;
                const double x1 = a[0] + (b[0] - a[0]) * t1 + off * nx, y1 = a[1] + (b[1] - a[1]) * t1 + off * ny;
                mark(layout::Ink::stroke, {std::min(x0, x1) - r, std::min(y0, y1) - r, std::max(x0, x1) + r, std::max(y0, y1) + r}, gs_.clip, gs_.stroke);
              }
            }
          }
        if (subpaths_.empty()) mark(layout::Ink::stroke, {path_.b[0] - h, path_.b[1] - h, path_.b[2] + h, path_.b[3] + h}, gs_.clip, gs_.stroke);
      }
      if (clip_next_) {
        auto& c = gs_.clip;
        c = meet(c, path_.b);
      }
    }
    clip_next_ = false;
    path_ = {};
    subpaths_.clear();
  }

  void flush() {
    for (const auto& t : pending_) out_.bytes += t.getRawValue();
  }
  void keep(QPDFTokenizer::Token const& t) {
    flush();
    out_.bytes += t.getRawValue();
  }
  const std::vector<double>& nums() const { return nums_; }
  std::string last_name() const {
    for (auto it = pending_.rbegin(); it != pending_.rend(); ++it)
      if (it->getType() == QPDFTokenizer::tt_name) return it->getValue();
    return "";
  }

  void set_font(const std::string& name, double size) {
    gs_.font = name;
    gs_.size = size;
    gs_.fi = nullptr;
    // (a name's font is found once a scanner: its resources stay what they are)
    if (auto known = fonts_.find(name); known != fonts_.end()) {
      gs_.fi = known->second;
      return;
    }
    std::lock_guard<std::mutex> lock(*cx_.qpdf);
    QPDFObjectHandle fonts = res_.isDictionary() ? res_.getKey("/Font") : QPDFObjectHandle::newNull();
    QPDFObjectHandle f = fonts.isDictionary() ? fonts.getKey(name) : QPDFObjectHandle::newNull();
    if (f.isIndirect()) {
      auto it = cx_.fonts->find(f.getObjGen());
      if (it == cx_.fonts->end()) it = cx_.fonts->emplace(f.getObjGen(), font_info(f)).first;
      gs_.fi = &it->second;  // (a map's elements stay where they are while others are added)
    } else {
      cx_.direct_fonts.push_back(std::make_unique<FontInfo>(font_info(f)));
      gs_.fi = cx_.direct_fonts.back().get();
    }
    fonts_.emplace(name, gs_.fi);
  }

  // an ExtGState's line width and constant alphas (an invisible shape, /ca 0, leaves no ink)
  void set_ext_gstate(const std::string& name) {
    std::lock_guard<std::mutex> lock(*cx_.qpdf);
    QPDFObjectHandle egs = res_.isDictionary() ? res_.getKey("/ExtGState") : QPDFObjectHandle::newNull();
    QPDFObjectHandle g = egs.isDictionary() ? egs.getKey(name) : QPDFObjectHandle::newNull();
    if (!g.isDictionary()) return;
    if (g.getKey("/ca").isNumber()) gs_.fill_alpha = number_of(g.getKey("/ca"), 1);
    if (g.getKey("/CA").isNumber()) gs_.stroke_alpha = number_of(g.getKey("/CA"), 1);
    if (g.getKey("/LW").isNumber()) gs_.line_width = number_of(g.getKey("/LW"), 1);
  }

  void td(double tx, double ty) {
    tlm_ = mul(M{1, 0, 0, 1, tx, ty}, tlm_);
    tm_ = tlm_;
  }


  // A text-showing operator, glyph by glyph: each glyph's advance, the point a region must
  // hold for it to be removed (its middle: half its advance along the baseline, 0.3 em above
  // it), its box and where it starts (Replay::show decides).
  void show(QPDFTokenizer::Token const& t, const std::string& prefix) {
    const FontInfo empty;
    const FontInfo& fi = gs_.fi ? *gs_.fi : empty;
    const M trm = mul(tm_, gs_.ctm);
    const double k = gs_.size * gs_.th;  // text space per 1000 units of a TJ number
    const double probe_y = gs_.rise + 0.3 * gs_.size;
    auto at = [&](double x, double y, double& X, double& Y) {
      double u = trm.a * x + trm.c * y + trm.e, v = trm.b * x + trm.d * y + trm.f;
      cx_.view.map(u, v, X, Y);
    };
    Scan::Op o;
    o.kind = Scan::Op::show;
    o.visible = gs_.mode != 3 && gs_.mode != 7 && gs_.fill_alpha > 0.05;
    o.clip = gs_.clip;
    o.color = gs_.mode == 1 || gs_.mode == 5 ? gs_.stroke : gs_.fill;
    o.k = k, o.size = gs_.size;
    // operands of " (aw ac string) set word and character spacing: kept
    if (t.getValue() == "\"") {
      const auto& n = nums();
      if (n.size() >= 2) o.prefix = num(n[0]) + " Tw " + num(n[1]) + " Tc ";
    }
    o.prefix += prefix;
    o.item0 = out_.items.size();
    double tx = 0;
    bool glyphs = false;
    auto glyph = [&](unsigned code, unsigned char nbytes, bool space) {
      Scan::Item g;
      g.code = code, g.nbytes = nbytes, g.blank = fi.blank(static_cast<int>(code));
      g.adv = (fi.width(static_cast<int>(code)) * gs_.size + gs_.tc + (space ? gs_.tw : 0)) * gs_.th;
      at(tx + g.adv / 2, probe_y, g.px, g.py);
      BoxAcc b;  // [tx, tx + adv] x [rise + descent, rise + ascent]
      for (double x : {tx, tx + g.adv})
        for (double y : {gs_.rise + fi.descent * gs_.size, gs_.rise + fi.ascent * gs_.size}) {
          double X = 0, Y = 0;
          at(x, y, X, Y);
          b.add(X, Y);
        }
      g.box = b.b;
      at(tx, gs_.rise, g.bx, g.by);
      out_.items.push_back(g);
      glyphs = true;
      tx += g.adv;
    };
    const bool tj = t.getValue() == "TJ";
    for (const auto& p : pending_) {
      if (p.getType() == QPDFTokenizer::tt_string) {
        const std::string& s = p.getValue();
        if (fi.two_byte) {
          for (size_t i = 0; i + 1 < s.size(); i += 2)
            glyph((static_cast<unsigned>(static_cast<unsigned char>(s[i])) << 8) | static_cast<unsigned char>(s[i + 1]), 2, false);
        } else {
          for (size_t i = 0; i < s.size(); ++i) glyph(static_cast<unsigned char>(s[i]), 1, s[i] == ' ');
        }
      } else if (tj && (p.getType() == QPDFTokenizer::tt_integer || p.getType() == QPDFTokenizer::tt_real)) {
        Scan::Item n;
        n.number = true;
        n.adv = number(p.getValue());
        out_.items.push_back(n);
        tx -= n.adv / 1000 * k;
      }
    }
    o.begin = out_.bytes.size();
    keep(t);
    o.end = out_.bytes.size();
    if (glyphs) {  // (an operator that shows no glyph stays as it is)
      o.item1 = out_.items.size();
      out_.ops.push_back(std::move(o));
    } else {
      out_.items.resize(o.item0);
    }
    tm_ = mul(M{1, 0, 0, 1, tx, 0}, tm_);
  }
  void draw_form(QPDFTokenizer::Token const& t) {
    std::string name = last_name();
    std::unique_lock<std::mutex> lock(*cx_.qpdf);
    QPDFObjectHandle xo = res_.isDictionary() ? res_.getKey("/XObject") : QPDFObjectHandle::newNull();
    QPDFObjectHandle form = xo.isDictionary() ? xo.getKey(name) : QPDFObjectHandle::newNull();
    if (form.isStream() && form.getDict().getKey("/Subtype").isNameAndEquals("/Image")) {
      lock.unlock();
      if (gs_.fill_alpha > 0.05) mark(layout::Ink::picture, unit_square(), gs_.clip);
      keep(t);
      return;
    }
    if (!form.isStream() || !form.isFormXObject() || depth_ >= 12 || cx_.active.count(form.getObjGen())) {
      lock.unlock();
      keep(t);
      return;
    }
    GState inner = gs_;
    QPDFObjectHandle mx = form.getDict().getKey("/Matrix");
    if (mx.isMatrix()) {
      auto m = mx.getArrayAsMatrix();
      inner.ctm = mul(M{m.a, m.b, m.c, m.d, m.e, m.f}, gs_.ctm);
    }
    QPDFObjectHandle fres = form.getDict().getKey("/Resources");
    auto scan = std::make_unique<Scan>();
    const bool own = fres.isDictionary();
    Scanner child(cx_, own ? fres : res_, own ? false : res_is_page_, inner, depth_ + 1, *scan);
    QPDFObjectHandle bbox = form.getDict().getKey("/BBox");
    const bool clipped = bbox.isRectangle();
    const QPDFObjectHandle::Rectangle r = clipped ? bbox.getArrayAsRectangle() : QPDFObjectHandle::Rectangle();
    // the form's content, as filterAsContents reads it (decoded as far as qpdf does)
    std::string source;
    {
      Pl_String pl("form", nullptr, source);
      form.pipeStreamData(&pl, 0, qpdf_dl_specialized);
    }
    const QPDFObjGen og = form.getObjGen();
    cx_.active.insert(og);
    lock.unlock();
    if (clipped) child.clip_to(r.llx, r.lly, r.urx, r.ury);
    scan_bytes(source, child);
    cx_.active.erase(og);
    scan->form = form, scan->xo = xo, scan->xo_of_page = res_is_page_;
    for (const auto& p : pending_)
      if (p.getType() != QPDFTokenizer::tt_name) scan->operands += p.getRawValue();
    Scan::Op o;
    o.kind = Scan::Op::form;
    o.child = out_.forms.size();
    out_.forms.push_back(std::move(scan));
    o.begin = out_.bytes.size();
    keep(t);
    o.end = out_.bytes.size();
    out_.ops.push_back(std::move(o));
  }

  // an operator's name (PDF operators are 1 to 3 characters) as one number: the operators
  // are told apart by a switch, not by 50 string comparisons each
  static constexpr unsigned opcode(std::string_view o) {
    if (o.empty() || o.size() > 3) return 0;
    unsigned c = 0;
    for (char ch : o) c = c << 8 | static_cast<unsigned char>(ch);
    return c;
  }

  void op(QPDFTokenizer::Token const& t) {
    const std::string& o = t.getValue();
    const auto& n = nums();
    const size_t k = n.size();
    switch (opcode(o)) {
      case opcode("Tj"):
      case opcode("TJ"): return show(t, "");
      case opcode("'"):
        td(0, -gs_.tl);
        return show(t, "T* ");
      case opcode("\""):
        if (k >= 2) gs_.tw = n[0], gs_.tc = n[1];
        td(0, -gs_.tl);
        return show(t, "T* ");
      case opcode("Do"): return draw_form(t);
      case opcode("q"): stack_.push_back(gs_); break;
      case opcode("Q"):
        if (!stack_.empty()) gs_ = std::move(stack_.back()), stack_.pop_back();
        break;
      case opcode("cm"):
        if (k == 6) gs_.ctm = mul(M{n[0], n[1], n[2], n[3], n[4], n[5]}, gs_.ctm);
        break;
      case opcode("BT"): tm_ = tlm_ = M{}; break;
      case opcode("Tf"):
        if (k) set_font(last_name(), n.back());
        break;
      case opcode("Td"):
        if (k == 2) td(n[0], n[1]);
        break;
      case opcode("TD"):
        if (k == 2) gs_.tl = -n[1], td(n[0], n[1]);
        break;
      case opcode("T*"): td(0, -gs_.tl); break;
      case opcode("Tm"):
        if (k == 6) tm_ = tlm_ = M{n[0], n[1], n[2], n[3], n[4], n[5]};
        break;
      case opcode("Tc"):
        if (k == 1) gs_.tc = n[0];
        break;
      case opcode("Tw"):
        if (k == 1) gs_.tw = n[0];
        break;
      case opcode("Tz"):
        if (k == 1) gs_.th = n[0] / 100;
        break;
      case opcode("TL"):
        if (k == 1) gs_.tl = n[0];
        break;
      case opcode("Ts"):
        if (k == 1) gs_.rise = n[0];
        break;
      case opcode("Tr"):
        if (k == 1) gs_.mode = static_cast<int>(n[0]);
        break;
      case opcode("g"): case opcode("rg"): case opcode("k"): case opcode("sc"): case opcode("scn"): gs_.fill = colour_from(n); break;
      case opcode("G"): case opcode("RG"): case opcode("K"): case opcode("SC"): case opcode("SCN"): gs_.stroke = colour_from(n); break;
      case opcode("w"):
        if (k == 1) gs_.line_width = n[0];
        break;
      case opcode("gs"): set_ext_gstate(last_name()); break;
      case opcode("m"):
        if (k == 2) move_to(n[0], n[1]);
        break;
      case opcode("l"):
        if (k == 2) line_to(n[0], n[1]);
        break;
      case opcode("c"):
        if (k == 6) curve_to(n[0], n[1], n[2], n[3], n[4], n[5]);
        break;
      case opcode("v"):
        if (k == 4) curve_to(cx_pt_, cy_pt_, n[0], n[1], n[2], n[3]);
        break;
      case opcode("y"):
        if (k == 4) curve_to(n[0], n[1], n[2], n[3], n[2], n[3]);
        break;
      case opcode("h"): close_path(); break;
      case opcode("re"):
        if (k == 4) {
          move_to(n[0], n[1]), line_to(n[0] + n[2], n[1]), line_to(n[0] + n[2], n[1] + n[3]), line_to(n[0], n[1] + n[3]);
          close_path();
          cx_pt_ = n[0], cy_pt_ = n[1];
        }
        break;
      case opcode("W"): case opcode("W*"): clip_next_ = true; break;
      case opcode("S"): paint(false, true); break;
      case opcode("s"): close_path(), paint(false, true); break;
      case opcode("b"): case opcode("b*"): close_path(), paint(true, true); break;
      case opcode("f"): case opcode("F"): case opcode("f*"): paint(true, false); break;
      case opcode("B"): case opcode("B*"): paint(true, true); break;
      case opcode("n"): paint(false, false); break;
      // (a shading painted through its clip is a filled shape, a gradient: Beamer's title bar
      // holds its title as a box does, it is no photograph)
      case opcode("sh"):
        if (gs_.fill_alpha > 0.05) mark(layout::Ink::fill, gs_.clip, gs_.clip);
        break;
      case opcode("EI"):
        if (gs_.fill_alpha > 0.05) mark(layout::Ink::picture, unit_square(), gs_.clip);
        break;
      case opcode("cs"): gs_.fill = {}; break;
      case opcode("CS"): gs_.stroke = {}; break;
      default: break;
    }
    keep(t);
  }
};

void scan_bytes(const std::string& data, Scanner& scanner) {
  // qpdf's tokenizer read as Pl_QPDFTokenizer (qpdf 11.3) reads it, whitespace and comments
  // included, an inline image's data as one token after its ID, without its copy of the
  // bytes and its per-token context text (used only for an error allow_bad keeps away)
  QPDFTokenizer tokenizer;
  tokenizer.allowEOF();
  tokenizer.includeIgnorable();
  Buffer view(reinterpret_cast<unsigned char*>(const_cast<char*>(data.data())), data.size());  // (read, never written)
  auto input = std::make_shared<BufferInputSource>("content", &view);
  static const std::string context = "content stream";
  while (true) {
    QPDFTokenizer::Token token = tokenizer.readToken(input, context, true);
    const bool eof = token.getType() == QPDFTokenizer::tt_eof, id = token.isWord("ID");
    scanner.take(std::move(token));
    if (eof) break;
    if (id) {  // the one whitespace character after ID, then the image's data
      char ch = ' ';
      input->read(&ch, 1);
      scanner.take(QPDFTokenizer::Token(QPDFTokenizer::tt_space, std::string(1, ch)));
      tokenizer.expectInlineImage(input);
    }
  }
  scanner.finish();
}

// The second step of remove_text: a page's Scan and the regions give the glyphs removed
// (counted and described per region), the ink the page keeps and the page's new content.
struct Replay {
  const std::vector<TextRegion>& regions;
  std::vector<RemovedText>& out;
  std::vector<layout::Ink>* ink;  // the ink the page keeps, when asked for
  QPDF& pdf;
  std::mutex& qpdf;   // held while qpdf's objects are changed (a form's copy)
  QPDFObjectHandle page_xo;  // the page's /XObject dictionary
  int page = 0;          // the page: its form copies are named /DhText<page>_<n>, the same
  int form_counter = 0;  // whatever thread or order the pages are stripped in
  // per region: the colours of its removed glyphs (each to 1/10,000) and how many were of each
  std::vector<std::map<std::array<long, 3>, std::pair<double, Color>>> colour_weight;

  Replay(const std::vector<TextRegion>& r, std::vector<RemovedText>& o, std::vector<layout::Ink>* i, QPDF& p, std::mutex& m)
      : regions(r), out(o), ink(i), pdf(p), qpdf(m), colour_weight(r.size()) {}

  // records a mark of ink, its box clipped to `clip`
  void mark(layout::Ink::Kind kind, std::array<double, 4> b, const std::array<double, 4>& clip, Color color = {}) {
    if (!ink) return;
    b = meet(b, clip);
    if (!(b[2] >= b[0] && b[3] >= b[1]) || (b[2] - b[0] < 0.05 && b[3] - b[1] < 0.05)) return;
    if (ink->size() >= kMaxInk) {
      BBox& l = ink->back().box;
      l = {std::min(l[0], b[0]), std::min(l[1], b[1]), std::max(l[2], b[2]), std::max(l[3], b[3])};
      return;
    }
    ink->push_back({kind, {b[0], b[1], b[2], b[3]}, color});
  }
  // an opaque rectangle painted over `b` (clipped to `clip`): the marks wholly under it are
  // hidden from then on (PowerPoint draws a table's rule, then a white cell over it)
  void cover(std::array<double, 4> b, const std::array<double, 4>& clip) {
    if (!ink) return;
    b = meet(b, clip);
    if (!(b[2] > b[0] && b[3] > b[1])) return;
    ink->erase(std::remove_if(ink->begin(), ink->end(),
                              [&](const layout::Ink& m) {
                                return m.box[0] >= b[0] - 0.01 && m.box[1] >= b[1] - 0.01 && m.box[2] <= b[2] + 0.01 && m.box[3] <= b[3] + 0.01;
                              }),
               ink->end());
  }
  int region_at(double X, double Y) const {
    for (size_t i = 0; i < regions.size(); ++i) {
      const auto& b = regions[i].box;
      if (X >= b[0] - 0.5 && X <= b[2] + 0.5 && Y >= b[1] - 0.5 && Y <= b[3] + 0.5) return static_cast<int>(i);
    }
    return -1;
  }

  // A text-showing operator: a glyph whose middle lies in a region is replaced by a move of
  // its advance; the others are kept. One string may hold text of two units (Keynote sets a
  // code line's columns in one Tj) or a unit's text and a word that is not translated.
  // Returns whether a glyph was removed, the operator that replaces it in `w`.
  bool show(const Scan& s, const Scan::Op& o, std::string& w) {
    const double k = o.k;
    bool any = false;
    std::string arr;        // the new TJ array's items
    std::string kept;       // kept codes not yet written (hex)
    double move = 0;        // removed advance not yet written (text space)
    bool prev_removed = false, prev_space = false;
    static const char* hex = "0123456789ABCDEF";
    auto put_kept = [&]() {
      if (kept.empty()) return;
      arr += '<';
      arr += kept;
      arr += '>';
      kept.clear();
    };
    auto put_move = [&]() {
      if (move != 0 && std::abs(k) > 1e-9) {
        arr += ' ';
        arr += num(-move * 1000 / k);
        arr += ' ';
      }
      move = 0;
    };
    BoxAcc kept_run;  // glyphs kept since the last removed one: text that stays
    auto flush_kept = [&]() {
      if (!kept_run.empty() && o.visible) mark(layout::Ink::text, kept_run.b, o.clip);
      kept_run = {};
    };
    const double size = std::abs(o.size);
    for (size_t i = o.item0; i < o.item1; ++i) {
      const Scan::Item& g = s.items[i];
      if (g.number) {
        put_kept();
        put_move();
        arr += ' ';
        arr += num(g.adv);
        arr += ' ';
        continue;
      }
      const int hit = region_at(g.px, g.py);
      if (hit >= 0 && !g.blank) {
        flush_kept();
        if (ink) {  // the removed glyph as part of a line of the unit's source
          auto& lines = out[static_cast<size_t>(hit)].lines;
          if (!lines.empty() && std::abs(lines.back().y - g.by) < 0.3 * size + 0.5 && g.box[0] <= lines.back().x1 + size * 0.8 &&
              g.box[2] >= lines.back().x0 - size * 0.8)
            lines.back().x0 = std::min(lines.back().x0, g.box[0]), lines.back().x1 = std::max(lines.back().x1, g.box[2]);
          else
            lines.push_back({g.box[0], g.box[2], g.by});
        }
        put_kept();
        move += g.adv;
        any = true;
        RemovedText& r = out[static_cast<size_t>(hit)];
        ++r.glyphs;
        if (!prev_removed || prev_space) {
          ++r.operators;
          r.starts.push_back(g.bx);
        }
        const Color& c = o.color;
        const std::array<long, 3> key{std::lround(c.r * 1e4), std::lround(c.g * 1e4), std::lround(c.b * 1e4)};
        auto& wt = colour_weight[static_cast<size_t>(hit)][key];
        wt.first += 1, wt.second = c;
        prev_removed = true;
      } else if (hit >= 0 || (g.blank && prev_removed)) {
        // code 32 in a region goes too: between removed glyphs it is their space, and in a
        // subset font it may well draw a visible glyph (LibreOffice's "(" is code 32); so
        // does a space right after a removed glyph, past the region's box: LibreOffice draws
        // one where a line wrapped, and left there it read as a space inside the translation
        // set over it ("各 项")
        put_kept();
        move += g.adv;
      } else {
        put_move();
        if (ink && !g.blank && g.adv != 0) {
          kept_run.add(g.box[0], g.box[1]);
          kept_run.add(g.box[2], g.box[3]);
        }
        if (g.nbytes == 2) {
          kept += hex[(g.code >> 12) & 15];
          kept += hex[(g.code >> 8) & 15];
        }
        kept += hex[(g.code >> 4) & 15];
        kept += hex[g.code & 15];
        prev_removed = false;
      }
      prev_space = g.blank;
    }
    flush_kept();
    if (!any) return false;
    put_kept();
    put_move();
    // (the operator replaced comes right after the token before its operands: ' and "
    // begin with a word, which a space keeps apart from it; "TdT*" is no operator)
    w = o.prefix.empty() ? std::string() : " " + o.prefix;
    w += '[';
    w += arr;
    w += "] TJ";
    return true;
  }

  // Replays scan `s`: its new content in `data` when a glyph of it (or of a form it draws)
  // was removed (returns true), else nothing (returns false).
  bool run(const Scan& s, std::string& data) {
    size_t pos = 0;
    bool changed = false;
    auto splice = [&](const Scan::Op& o, const std::string& w) {
      data.append(s.bytes, pos, o.begin - pos);
      data += w;
      pos = o.end;
      changed = true;
    };
    std::string w;
    for (const Scan::Op& o : s.ops) {
      switch (o.kind) {
        case Scan::Op::mark: mark(o.ink, o.box, o.clip, o.color); break;
        case Scan::Op::cover: cover(o.box, o.clip); break;
        case Scan::Op::show:
          if (show(s, o, w)) splice(o, w);
          break;
        case Scan::Op::form: {
          const Scan& f = *s.forms[o.child];
          std::string inner;
          if (!run(f, inner)) break;
          // this page's own copy of the form, under a new name (other pages may draw the original)
          std::lock_guard<std::mutex> lock(qpdf);
          QPDFObjectHandle form = f.form, xo = f.xo_of_page ? page_xo : f.xo;
          QPDFObjectHandle copy = form.copyStream();
          copy.replaceStreamData(inner, QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
          copy = pdf.makeIndirectObject(copy);
          std::string fresh = "/DhText" + std::to_string(page) + "_" + std::to_string(++form_counter);
          xo.replaceKey(fresh, copy);
          splice(o, f.operands + fresh + " Do");
          break;
        }
      }
    }
    if (changed) data.append(s.bytes, pos, std::string::npos);
    return changed;
  }
};

}  // namespace

struct SlideRewriter::Impl {
  std::shared_ptr<const std::string> bytes;  // the source PDF (qpdf reads it from here until the end)
  QPDF pdf;
  std::string source;
  std::vector<QPDFPageObjectHelper> pages;  // the source's, then the copies (copy_page)
  size_t source_pages = 0;
  bool attributes_pushed = false;  // inherited page attributes are on each page
  std::mutex qpdf_mu;  // remove_text's threads: held while qpdf's objects are read or changed
  std::string lang, source_title, title;  // set_document
  std::map<QPDFObjGen, FontInfo> fonts;  // read once for all pages (remove_text)
  // the new content remove_text made for a page (by page index): its bytes, deflated once
  // `state` is 2 (compress: 1 while a worker deflates them)
  struct Content {
    std::string data;
    bool changed = false;
    std::atomic<int> state{0};
  };
  // one a page, kept as long as `pages` (the constructor, copy_page): never resized while
  // remove_text and compress run
  std::deque<Content> contents;
  Content& content(int page) { return contents.at(static_cast<size_t>(page - 1)); }
  // each page carries its own /Resources, /MediaBox, /CropBox and /Rotate (none inherited
  // from the page tree), so that a page can be copied or placed under another parent
  void push_attributes() {
    if (!attributes_pushed) pdf.pushInheritedAttributesToPage();
    attributes_pushed = true;
  }
  View view_on(QPDFPageObjectHelper& pg, int page) const;  // view_of; Error(bad_pdf) when qpdf throws

  // The first step of remove_text for each source page (a copy uses its source's): its
  // Scan, made by prescan's thread ahead of time or by remove_text itself. `m` is held
  // while the scan is made or used; `uses` is how many pages (the page and its copies) have
  // still to use it: it is freed after the last (and made again if asked for again).
  struct PageScan {
    std::mutex m;
    bool done = false;
    std::unique_ptr<Scan> scan;
    std::exception_ptr error;
    int uses = 1;
  };
  std::deque<PageScan> scans;  // one a source page: never resized
  std::vector<int> origin;     // page index -> the source page it shows (copy_page)
  std::atomic<bool> stop{false};            // prescan's thread: stop now
  // remove_text has begun: prescan's thread stops after its page (the removal's threads and
  // the layout's have the cores then, and a third one scanning the pages they come to next
  // only makes them wait for it)
  std::atomic<bool> removing{false};
  std::atomic<size_t> scanned_bytes{0};     // held by the scans made so far
  std::thread prescanner;
  // scans source page `src` into `ps` (ps.m held); `stop`: abandons it when stop is set,
  // leaving `ps` as it was
  void scan_page(int src, PageScan& ps, const std::atomic<bool>* stop_flag);
  void stop_prescan() {
    stop = true;
    if (prescanner.joinable()) prescanner.join();
  }
};

SlideRewriter::SlideRewriter(const std::string& source, const std::string& password) : impl_(std::make_unique<Impl>()) {
  impl_->source = source;
  impl_->pdf.setSuppressWarnings(true);
  // read into memory first: qpdf reads a file object by object, a seek and a read each
  // (read_file's errors name the file: no such file, a folder, over --max-file-size)
  // (read_input: the bytes Poppler read for the deck, when it did; read once in a run)
  impl_->bytes = read_input(source);
  extract::check_pdf_budgets(*impl_->bytes, source, password);  // before libqpdf walks the page tree or parses a page (budget.hpp)
  try {
    impl_->pdf.processMemoryFile(source.c_str(), impl_->bytes->data(), impl_->bytes->size(), password.empty() ? nullptr : password.c_str());
    impl_->pages = QPDFPageDocumentHelper(impl_->pdf).getAllPages();
    impl_->source_pages = impl_->pages.size();
    impl_->contents.resize(impl_->pages.size());
    impl_->scans.resize(impl_->pages.size());
    for (size_t i = 0; i < impl_->pages.size(); ++i) impl_->origin.push_back(static_cast<int>(i) + 1);
  } catch (const std::exception& e) {
    throw Error(Exit::bad_pdf, source, std::string("qpdf cannot read this PDF: ") + e.what(),
                "repair it (qpdf in.pdf out.pdf), or check --password");
  }
  // Poppler read pages here (the deck has slides) and libqpdf none: the page tree is damaged
  if (impl_->pages.empty())
    throw Error(Exit::bad_pdf, source, "qpdf finds no page in this PDF (its page tree is damaged)", "repair it (qpdf in.pdf out.pdf)");
}

SlideRewriter::~SlideRewriter() {
  if (impl_) impl_->stop_prescan();
}

int SlideRewriter::page_count() const { return static_cast<int>(impl_->source_pages); }

void SlideRewriter::read_all() {
  // Every object the writer will write, found from the trailer (reading an object is asking
  // qpdf what it is), but the structure tree (write drops it; a PowerPoint deck's holds a
  // third of its objects); qpdf's getObjectCount read every object of the file.
  QPDF& pdf = impl_->pdf;
  std::vector<QPDFObjectHandle> todo{pdf.getTrailer()};
  std::set<QPDFObjGen> seen;
  QPDFObjGen root;
  try {
    root = pdf.getRoot().getObjGen();
  } catch (const std::exception&) {  // (no catalog: write reports it)
  }
  while (!todo.empty()) {
    QPDFObjectHandle h = std::move(todo.back());
    todo.pop_back();
    try {
      if (h.isIndirect() && !seen.insert(h.getObjGen()).second) continue;
      if (h.isArray()) {
        for (auto& item : h.aitems()) todo.push_back(item);
      } else if (h.isDictionary() || h.isStream()) {
        const bool catalog = h.isIndirect() && h.getObjGen() == root;
        for (auto& [key, value] : (h.isStream() ? h.getDict() : h).ditems())
          if (!(catalog && key == "/StructTreeRoot")) todo.push_back(value);
      }
    } catch (const std::bad_alloc&) {
      throw;
    } catch (const std::exception&) {
      // an object qpdf cannot read: reported, naming the source, when the slides are written
    }
  }
  // The objects it did not reach (the structure tree's, and those the file holds but does
  // not use) are made null in qpdf's table, unread: the first new object made (a page's new
  // content, at the writing) has qpdf read every object of the table it has not read yet
  // (QPDF::getObjectCount), 37 ms on one thread for a PowerPoint deck's structure tree.
  // None of them is written (write drops the tree).
  try {
    for (const auto& [og, entry] : pdf.getXRefTable())
      if (!seen.count(og)) pdf.replaceObject(og, QPDFObjectHandle::newNull());
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception&) {  // (a damaged table: qpdf reads what it needs later)
  }
}

int SlideRewriter::copy_page(int page) {
  if (page < 1 || page > static_cast<int>(impl_->pages.size()))
    throw Error(Exit::failure, impl_->source, "copy_page: no page " + std::to_string(page), "please report this");
  try {
    std::lock_guard<std::mutex> lock(impl_->qpdf_mu);  // (prescan's thread reads the pages)
    impl_->push_attributes();
    impl_->pages.push_back(impl_->pages[static_cast<size_t>(page - 1)].shallowCopyPage());
    impl_->contents.emplace_back();
    const int src = impl_->origin[static_cast<size_t>(page - 1)];
    impl_->origin.push_back(src);
    std::lock_guard<std::mutex> scan_lock(impl_->scans[static_cast<size_t>(src - 1)].m);
    ++impl_->scans[static_cast<size_t>(src - 1)].uses;
  } catch (const Error&) {
    throw;
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {  // a damaged page tree
    throw Error(Exit::bad_pdf, impl_->source, "page " + std::to_string(page) + ": qpdf cannot copy it: " + e.what(),
                "repair the PDF (qpdf in.pdf out.pdf)");
  }
  return static_cast<int>(impl_->pages.size());
}

// view_of, its qpdf exceptions (a page's boxes, or an inherited attribute, that are no
// dictionary or array: "operation for dictionary attempted on object of type integer") made an
// Error naming the source: exit 5, not an internal error (fuzz_slides found it).
View SlideRewriter::Impl::view_on(QPDFPageObjectHelper& pg, int page) const {
  try {
    return view_of(pg);
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    throw Error(Exit::bad_pdf, source, "page " + std::to_string(page) + ": qpdf cannot read its page boxes: " + e.what(),
                "repair the PDF (qpdf in.pdf out.pdf)");
  }
}

std::array<double, 2> SlideRewriter::page_size(int page) const {
  if (page < 1 || page > static_cast<int>(impl_->pages.size())) return {0, 0};
  std::lock_guard<std::mutex> lock(impl_->qpdf_mu);  // (prescan's thread reads qpdf's objects)
  View v = impl_->view_on(impl_->pages[static_cast<size_t>(page - 1)], page);
  return {v.width(), v.height()};
}

void SlideRewriter::Impl::scan_page(int src, PageScan& ps, const std::atomic<bool>* stop_flag) {
  try {
    auto scan = std::make_unique<Scan>();
    ScanContext cx;
    cx.pdf = &pdf;
    cx.qpdf = &qpdf_mu;
    cx.fonts = &fonts;
    cx.stop = stop_flag;
    QPDFObjectHandle res;
    // the page's content, as filterContents reads it (its streams joined), read here and
    // tokenized below without the lock
    std::string source;
    {
      std::lock_guard<std::mutex> lock(qpdf_mu);
      QPDFPageObjectHelper& pg = pages[static_cast<size_t>(src - 1)];
      cx.view = view_on(pg, src);
      res = pg.getAttribute("/Resources", false);
      Pl_String pl("page", nullptr, source);
      pg.pipeContents(&pl);
    }
    GState start;
    start.clip = {0, 0, cx.view.width(), cx.view.height()};
    Scanner scanner(cx, res, true, start, 0, *scan);
    scan_bytes(source, scanner);
    scanned_bytes += scan->footprint();
    ps.scan = std::move(scan);
    ps.error = nullptr;
  } catch (const Stopped&) {
    return;  // (not done: remove_text scans it when it needs it)
  } catch (...) {
    ps.error = std::current_exception();
  }
  ps.done = true;
}

void SlideRewriter::prescan(std::vector<int> which, std::shared_future<void> gate) {
  if (impl_->prescanner.joinable() || which.empty()) return;
  Impl& im = *impl_;
  im.prescanner = std::thread([&im, which = std::move(which), gate, log = scoped_log()] {
    LogScope scope(log);
    try {
      while (!im.stop && gate.valid() && gate.wait_for(std::chrono::milliseconds(20)) != std::future_status::ready) {
      }
      const auto t0 = std::chrono::steady_clock::now();
      const double c0 = thread_cpu_ms();
      int n = 0;
      for (int p : which) {
        if (im.stop || im.removing || im.scanned_bytes > kPrescanBytes) break;
        if (p < 1 || p > static_cast<int>(im.source_pages)) continue;
        Impl::PageScan& ps = im.scans[static_cast<size_t>(p - 1)];
        std::unique_lock<std::mutex> lock(ps.m, std::try_to_lock);
        if (!lock.owns_lock() || ps.done) continue;  // (remove_text is at it, or was)
        im.scan_page(p, ps, &im.stop);
        n += ps.done;
      }
      current_log().debug("slides: {} of {} pages' content read ahead, in {:.3f} s ({:.3f} s of CPU time; {} KiB held)", n, which.size(),
                          std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), (thread_cpu_ms() - c0) / 1000,
                          im.scanned_bytes.load() / 1024);
    } catch (...) {  // (a failure to log: remove_text scans what was not scanned here)
    }
  });
}

std::vector<RemovedText> SlideRewriter::remove_text(int page, const std::vector<TextRegion>& regions, std::vector<layout::Ink>* ink) {
  std::vector<RemovedText> out(regions.size());
  for (size_t i = 0; i < regions.size(); ++i) out[i].key = regions[i].key;
  if (regions.empty() || page < 1 || page > static_cast<int>(impl_->pages.size())) return out;
  if (ink) ink->clear();
  impl_->removing = true;
  Replay replay(regions, out, ink, impl_->pdf, impl_->qpdf_mu);
  replay.page = page;
  try {
    const int src = impl_->origin[static_cast<size_t>(page - 1)];
    Impl::PageScan& ps = impl_->scans[static_cast<size_t>(src - 1)];
    std::lock_guard<std::mutex> scan_lock(ps.m);
    if (!ps.done) impl_->scan_page(src, ps, nullptr);
    if (ps.error) std::rethrow_exception(ps.error);
    {
      std::lock_guard<std::mutex> lock(impl_->qpdf_mu);
      QPDFPageObjectHelper& pg = impl_->pages[static_cast<size_t>(page - 1)];
      QPDFObjectHandle res = pg.getAttribute("/Resources", true);
      if (res.isDictionary() && !res.getKey("/XObject").isDictionary()) res.replaceKey("/XObject", QPDFObjectHandle::newDictionary());
      replay.page_xo = res.isDictionary() ? res.getKey("/XObject") : QPDFObjectHandle::newNull();
    }
    std::string data;
    if (replay.run(*ps.scan, data)) {  // given to the page by write (compress may have deflated it meanwhile)
      Impl::Content& c = impl_->content(page);
      c.state = 0;
      c.data = std::move(data);
      c.changed = true;
    }
    if (--ps.uses <= 0) {  // (its last page: the scan is not needed again)
      impl_->scanned_bytes -= std::min(impl_->scanned_bytes.load(), ps.scan->footprint());
      ps.scan.reset();
      ps.done = false;
      ps.uses = 1;
    }
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    throw Error(Exit::bad_pdf, impl_->source, "page " + std::to_string(page) + ": qpdf cannot read its content: " + e.what(),
                "repair the PDF (qpdf in.pdf out.pdf)");
  }
  for (size_t i = 0; i < regions.size(); ++i) {
    double best = -1;
    for (const auto& [key, w] : replay.colour_weight[i])
      if (w.first > best) best = w.first, out[i].color = w.second;
  }
  return out;
}

namespace {
bool draws_text(const LaidOutPage& p) {
  return std::any_of(p.texts.begin(), p.texts.end(), [](const TextRun& t) { return !t.glyphs.empty(); });
}
}  // namespace

void SlideRewriter::set_document(const std::string& lang, const std::string& source_title, const std::string& title) {
  impl_->lang = lang, impl_->source_title = source_title, impl_->title = title;
}

void SlideRewriter::compress(int page) {
  if (page < 1 || static_cast<size_t>(page) > impl_->contents.size()) return;
  Impl::Content& c = impl_->contents[static_cast<size_t>(page - 1)];
  int none = 0;
  if (!c.changed || !c.state.compare_exchange_strong(none, 1)) return;
  c.data = pdfq::deflated(c.data);
  c.state = 2;
}

void SlideRewriter::write(const std::vector<int>& pages, const LaidOutDoc& text, const std::vector<int>& layer, const std::string& out_path, int threads) {
  impl_->stop_prescan();  // (its thread reads qpdf's objects, which the writing changes)
  QPDF& pdf = impl_->pdf;
  std::unique_ptr<TextLayerBuild> layer_build;  // (its threads stop before this returns)
  try {
    // the pages' new content (remove_text), compressed where compress did it
    {
      size_t ahead = 0, all = 0;
      for (const auto& c : impl_->contents) all += c.changed, ahead += c.changed && c.state == 2;
      current_log().debug("slides: {} of {} pages' new content compressed on the layout's workers", ahead, all);
    }
    for (size_t i = 0; i < impl_->contents.size() && i < impl_->pages.size(); ++i) {
      Impl::Content& c = impl_->contents[i];
      if (!c.changed) continue;
      QPDFObjectHandle s = c.state == 2 ? pdfq::flate_stream(pdf, std::move(c.data)) : QPDFObjectHandle::newStream(&pdf, c.data);
      impl_->pages[i].getObjectHandle().replaceKey("/Contents", pdf.makeIndirectObject(s));
      c.changed = false;
      c.data.clear();
    }
    // the text layer: a page of each laid-out page's size, outside the page tree (it is not
    // written), its text added by render/text_layer.hpp as its one content stream, which
    // the page it belongs to draws last, placed as a Form XObject of the layer's page
    // would be (top-left origin, scaled from its displayed size onto the CropBox, upright
    // whatever the /Rotate) and clipped to it: one stream a page, not a form and a stream
    // to draw it (the writer, on one thread, writes a third of the objects it did)
    impl_->push_attributes();
    const int known = static_cast<int>(impl_->pages.size());
    std::vector<QPDFPageObjectHelper> lpages;
    for (const auto& lp : text.pages) {
      QPDFObjectHandle d = QPDFObjectHandle::newDictionary();
      d.replaceKey("/Type", QPDFObjectHandle::newName("/Page"));
      d.replaceKey("/Resources", QPDFObjectHandle::newDictionary());
      d.replaceKey("/MediaBox", QPDFObjectHandle::newArray(QPDFObjectHandle::Rectangle(0, 0, lp.width, lp.height)));
      lpages.emplace_back(pdf.makeIndirectObject(d));
    }
    TextLayerWrap wrap;
    wrap.before.resize(text.pages.size());
    wrap.after.resize(text.pages.size());
    std::vector<std::pair<size_t, size_t>> drawn;  // (page index, layer) of the pages that draw text
    std::set<std::string> names;  // the fonts those pages have: the layer's are named otherwise
    std::map<std::pair<double, double>, QPDFObjectHandle> probes;
    for (size_t i = 0; i < pages.size(); ++i) {
      const int p = pages[i];
      if (p < 1 || p > known) continue;
      const int li = i < layer.size() ? layer[i] : -1;
      if (li < 0 || li >= static_cast<int>(lpages.size()) || !draws_text(text.pages[static_cast<size_t>(li)])) continue;  // nothing to draw
      const size_t l = static_cast<size_t>(li);
      QPDFPageObjectHelper& pg = impl_->pages[static_cast<size_t>(p - 1)];
      drawn.push_back({static_cast<size_t>(p - 1), l});
      const View v = view_of(pg);
      // (the layer's page as a Form XObject only to find where qpdf would place it; not
      // written; one for each size of page)
      QPDFObjectHandle& probe = probes[{text.pages[l].width, text.pages[l].height}];
      if (!probe.isInitialized()) {
        probe = QPDFObjectHandle::newStream(&pdf, std::string());
        probe.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/XObject"));
        probe.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/Form"));
        probe.getDict().replaceKey("/BBox", QPDFObjectHandle::newArray(QPDFObjectHandle::Rectangle(0, 0, text.pages[l].width, text.pages[l].height)));
      }
      const QPDFMatrix cm = pg.getMatrixForFormXObjectPlacement(probe, QPDFObjectHandle::Rectangle(v.box.llx, v.box.lly, v.box.urx, v.box.ury), true, true, true);
      // the source's content in q ... Q (it may leave its graphics state changed), the text on top
      wrap.before[l] = "\nQ\nq\n" + cm.unparse() + " cm\n0 0 " + pdfq::num(text.pages[l].width) + " " + pdfq::num(text.pages[l].height) + " re W n\n";
      wrap.after[l] = "\nQ\n";
      QPDFObjectHandle res = pg.getAttribute("/Resources", false);
      QPDFObjectHandle fonts = res.isDictionary() ? res.getKey("/Font") : QPDFObjectHandle::newNull();
      if (fonts.isDictionary())
        for (const auto& k : fonts.getKeys()) names.insert(k);
    }
    while (std::any_of(names.begin(), names.end(), [&](const std::string& n) { return n.rfind(wrap.font_prefix, 0) == 0; })) wrap.font_prefix += "x";
    auto t0 = std::chrono::steady_clock::now();
    StepTimer timer;  // (DECKHAND_DEBUG_TIME=1)
    wrap.while_written = true;  // (the pages' text built while qpdf writes the file)
    layer_build = add_text_layer(pdf, lpages, text, threads, wrap);
    timer.lap("text layer");
    current_log().debug("slides: the text layer took {:.3f} s", std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    QPDFObjectHandle save;  // one "q" stream for every page
    for (const auto& [pi, l] : drawn) {
      QPDFPageObjectHelper& pg = impl_->pages[pi];
      QPDFObjectHandle lp = lpages[l].getObjectHandle();
      QPDFObjectHandle layer_stream = lp.getKey("/Contents");
      if (!layer_stream.isStream()) continue;
      std::map<std::string, QPDFObjectHandle> used;
      QPDFObjectHandle fonts = lp.getKey("/Resources").getKey("/Font");
      if (fonts.isDictionary()) used = fonts.getDictAsMap();
      pdfq::add_page_resources(pg.getObjectHandle(), "/Font", used);
      if (!save.isInitialized()) save = QPDFObjectHandle::newStream(&pdf, "q\n");
      pg.addPageContents(save, true);
      pg.addPageContents(layer_stream, false);
    }
    // A tagged source's structure tree (PDF 32000-1:2008, 14.7-14.8) describes its text,
    // which the translation replaced: its elements point at marked content whose text is
    // gone, and the translation is in none of them, so a screen reader that follows the
    // tree would read what is left of the source and skip the translation. The tree and
    // the /MarkInfo that says the file is tagged are dropped: readers take each page's
    // content in order, the translation included (and qpdf's writer has thousands fewer
    // objects to write for a PowerPoint deck).
    pdf.getRoot().removeKey("/StructTreeRoot");
    pdf.getRoot().removeKey("/MarkInfo");
    for (auto& pg : impl_->pages) {  // (and the pages' and their annotations' keys into its parent tree)
      QPDFObjectHandle po = pg.getObjectHandle();
      po.removeKey("/StructParents");
      QPDFObjectHandle annots = po.getKey("/Annots");
      if (annots.isArray())
        for (auto& a : annots.aitems())
          if (a.isDictionary()) a.removeKey("/StructParent");
    }
    // the document's language and title: the translation's
    if (!impl_->lang.empty()) pdf.getRoot().replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(impl_->lang));
    QPDFObjectHandle info = pdf.getTrailer().getKey("/Info");
    if (info.isDictionary() && !impl_->title.empty() && !impl_->source_title.empty() && info.getKey("/Title").isString() &&
        unicode::collapse_spaces(info.getKey("/Title").getUTF8Value()) == unicode::collapse_spaces(impl_->source_title))
      info.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(impl_->title));
    // the page tree: the pages in the deck's order (a deck JSON may move slides), one level
    // under the root; pages outside the deck (deleted, another --pages selection) are dropped
    QPDFObjectHandle root = pdf.getRoot().getKey("/Pages");
    QPDFObjectHandle kids = QPDFObjectHandle::newArray();
    std::set<QPDFObjGen> placed;
    for (int p : pages) {
      if (p < 1 || p > known) continue;
      QPDFObjectHandle o = impl_->pages[static_cast<size_t>(p - 1)].getObjectHandle();
      if (!placed.insert(o.getObjGen()).second)
        throw Error(Exit::failure, impl_->source, "page " + std::to_string(p) + " is written twice", "please report this");
      o.replaceKey("/Parent", root);
      kids.appendItem(o);
    }
    root.replaceKey("/Kids", kids);
    root.replaceKey("/Count", QPDFObjectHandle::newInteger(kids.getArrayNItems()));
    pdf.updateAllPagesCache();
    timer.lap("to write");
    pdfq::write_deterministic(pdf, out_path);
    timer.lap("qpdf write");
  } catch (const Error&) {
    throw;  // a failed write among them (pdfq::write_deterministic)
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    // the text layer's content, built while the file was written, failed (qpdf's writer
    // passes on what the stream's data threw, wrapped): its own error
    if (layer_build)
      if (std::exception_ptr f = layer_build->failure()) std::rethrow_exception(f);
    // reading, not writing: the source's streams are read while the slides are written
    throw Error(Exit::bad_pdf, impl_->source, std::string("qpdf cannot read this PDF's pages: ") + e.what(),
                "repair it (qpdf in.pdf out.pdf)");
  }
}

}  // namespace deckhand::render

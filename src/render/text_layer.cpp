#include "render/text_layer.hpp"

#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <cstdio>
#include <map>
#include <set>

#include "core/parallel.hpp"
#include "core/direction.hpp"
#include "core/error.hpp"
#include "core/io.hpp"
#include "core/sha256.hpp"
#include "core/step_timer.hpp"
#include "core/unicode.hpp"
#include "render/qpdf_util.hpp"

#include <qpdf/QPDFPageObjectHelper.hh>

namespace deckhand::render {
namespace {

using pdfq::num;

// A font file as embedded: its subset, and what each of its glyphs stands for.
struct Embedded {
  std::string path;
  std::set<unsigned> gids;        // original glyph ids used
  std::set<char32_t> cps;         // characters drawn with it (kept in the subset's cmap)
  std::map<unsigned, std::u32string> to_unicode;  // original gid -> text (one-glyph clusters first)
  std::map<unsigned, unsigned> new_gid;           // original -> subset glyph id
  std::map<unsigned, long long> width;            // original gid -> its /W width (1000 = 1 em)
  std::string name;               // resource name /DhF1...
  QPDFObjectHandle font;          // the Type 0 font
};

std::string hex4(unsigned v) {
  static const char* digits = "0123456789ABCDEF";
  return {digits[(v >> 12) & 15], digits[(v >> 8) & 15], digits[(v >> 4) & 15], digits[v & 15]};
}

// UTF-16BE hex of a text (for /ActualText and /ToUnicode)
std::string utf16_hex(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) {
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
    if (c >= 0x10000) {
      out += hex4(0xD800 + ((c - 0x10000) >> 10));
      out += hex4(0xDC00 + ((c - 0x10000) & 0x3FF));
    } else {
      out += hex4(static_cast<unsigned>(c));
    }
  }
  return out;
}

struct Face {
  hb_blob_t* blob = nullptr;
  hb_face_t* face = nullptr;
  hb_font_t* font = nullptr;
  explicit Face(const std::string& path) {
    check_input_file(path, static_cast<int>(Exit::layout), "font (.ttf)");  // no device, FIFO or huge file
    blob = hb_blob_create_from_file_or_fail(path.c_str());
    if (!blob) throw Error(Exit::layout, path, "cannot read the font file", "check the layout's fonts");
    face = hb_face_create(blob, 0);
    font = hb_font_create(face);
  }
  ~Face() {
    hb_font_destroy(font);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
  }
  Face(const Face&) = delete;
  Face& operator=(const Face&) = delete;
  bool has(hb_tag_t t) const {
    hb_blob_t* b = hb_face_reference_table(face, t);
    bool yes = hb_blob_get_length(b) > 0;
    hb_blob_destroy(b);
    return yes;
  }
};

int16_t be16(const char* p) { return static_cast<int16_t>((static_cast<unsigned char>(p[0]) << 8) | static_cast<unsigned char>(p[1])); }

// What a font's Type 0 font is made of, worked out with HarfBuzz alone (no qpdf object:
// fonts are subset on the workers, one each)
struct FontParts {
  std::string file;     // the subset (FontFile2), deflated
  size_t file_size = 0; // its size before (/Length1)
  std::string name;     // its PostScript name, with the subset tag
  std::string desc;     // the FontDescriptor, less /FontName and /FontFile2
  std::string w;        // the /W array
  std::string cmap;     // the ToUnicode CMap, deflated
};

// The subset of one file and the rest of its Type 0 font (sets e.new_gid and e.width).
FontParts subset(Embedded& e, int index) {
  FontParts out;
  Face f(e.path);
  if (!f.has(HB_TAG('g', 'l', 'y', 'f')))
    throw Error(Exit::layout, e.path, "the font has no TrueType outlines (glyf)", "use a .ttf font (not CFF/.otf) in the layout's fonts");
  const double upem = hb_face_get_upem(f.face);
  hb_subset_input_t* in = hb_subset_input_create_or_fail();
  if (!in) throw Error(Exit::failure, e.path, "HarfBuzz cannot start subsetting", "out of memory?");
  // no hinting instructions: a handout is printed or zoomed, not drawn on a pixel grid
  hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
  for (unsigned g : e.gids) hb_set_add(hb_subset_input_glyph_set(in), g);
  // the characters too: the subset keeps its cmap and layout tables for them, so that
  // the embedded font shapes the text again as it was set (checkers read it)
  for (char32_t c : e.cps) hb_set_add(hb_subset_input_unicode_set(in), c);
  hb_subset_plan_t* plan = hb_subset_plan_create_or_fail(f.face, in);
  hb_subset_input_destroy(in);
  if (!plan) throw Error(Exit::layout, e.path, "HarfBuzz cannot subset this font", "use another TrueType font");
  const hb_map_t* map = hb_subset_plan_old_to_new_glyph_mapping(plan);
  for (unsigned g : e.gids) {
    hb_codepoint_t n = hb_map_get(map, g);
    e.new_gid[g] = n == HB_MAP_VALUE_INVALID ? 0 : n;
  }
  hb_face_t* sub = hb_subset_plan_execute_or_fail(plan);
  hb_subset_plan_destroy(plan);
  if (!sub) throw Error(Exit::layout, e.path, "HarfBuzz cannot subset this font", "use another TrueType font");
  hb_blob_t* data = hb_face_reference_blob(sub);
  unsigned len = 0;
  const char* bytes = hb_blob_get_data(data, &len);
  std::string file(bytes, len);
  hb_blob_destroy(data);
  hb_face_destroy(sub);

  // the PostScript name, with a subset tag of six capitals from the subset's hash (9.9.2)
  char ps[128] = "Font";
  unsigned ps_len = sizeof ps;
  hb_ot_name_get_utf8(f.face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &ps_len, ps);
  std::string base;
  for (const char* c = ps; *c; ++c)
    if (*c > 0x20 && *c < 0x7F && *c != '/' && *c != '(' && *c != ')' && *c != '[' && *c != ']' && *c != '<' && *c != '>' &&
        *c != '{' && *c != '}' && *c != '%' && *c != '#')
      base += *c;
  if (base.empty()) base = "Font" + std::to_string(index);
  std::string digest = sha256_hex(file);
  std::string tag;
  for (int i = 0; i < 6; ++i) tag += static_cast<char>('A' + std::stoi(digest.substr(i * 2, 2), nullptr, 16) % 26);
  out.name = tag + "+" + base;

  hb_font_extents_t ext{};
  hb_font_get_h_extents(f.font, &ext);
  hb_position_t cap = 0;
  if (!hb_ot_metrics_get_position(f.font, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap)) cap = ext.ascender;
  double bbox[4] = {0, ext.descender * 1.0, upem, ext.ascender * 1.0};
  {
    hb_blob_t* head = hb_face_reference_table(f.face, HB_TAG('h', 'e', 'a', 'd'));
    unsigned n = 0;
    const char* h = hb_blob_get_data(head, &n);
    if (n >= 44)
      for (int i = 0; i < 4; ++i) bbox[i] = be16(h + 36 + 2 * i);
    hb_blob_destroy(head);
  }
  auto pdf_units = [&](double v) { return std::round(v * 1000.0 / upem); };

  out.desc = "<< /Type /FontDescriptor /Flags 4 /ItalicAngle 0 /StemV 80"
      " /FontBBox [" + num(pdf_units(bbox[0])) + " " + num(pdf_units(bbox[1])) + " " + num(pdf_units(bbox[2])) + " " + num(pdf_units(bbox[3])) + "]"
      " /Ascent " + num(pdf_units(ext.ascender)) + " /Descent " + num(pdf_units(ext.descender)) + " /CapHeight " + num(pdf_units(cap)) + " >>";
  // widths of the glyphs used, by subset glyph id (= CID)
  std::map<unsigned, long long> widths;
  for (unsigned g : e.gids) {
    e.width[g] = static_cast<long long>(pdf_units(hb_font_get_glyph_h_advance(f.font, g)));
    widths[e.new_gid[g]] = e.width[g];
  }
  std::string w = "[";
  for (const auto& [cid, wd] : widths) {
    w += ' ';
    w += std::to_string(cid);
    w += " [";
    w += std::to_string(wd);
    w += ']';
  }
  w += " ]";
  out.w = std::move(w);
  // ToUnicode (9.10.3): bfchar lines, at most 100 a section
  std::vector<std::string> lines;
  std::map<unsigned, std::u32string> by_cid;
  for (const auto& [g, text] : e.to_unicode) by_cid[e.new_gid[g]] = text;
  for (const auto& [c, text] : by_cid)
    if (!text.empty()) lines.push_back(std::string("<").append(hex4(c)).append("> <").append(utf16_hex(text)).append(">\n"));
  std::string cmap =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  for (size_t i = 0; i < lines.size(); i += 100) {
    size_t n = std::min<size_t>(100, lines.size() - i);
    cmap += std::to_string(n) + " beginbfchar\n";
    for (size_t k = i; k < i + n; ++k) cmap += lines[k];
    cmap += "endbfchar\n";
  }
  cmap += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  // (deflated here, on the subset's worker, not on the writer's one thread)
  out.cmap = pdfq::deflated(cmap);
  out.file_size = file.size();
  out.file = pdfq::deflated(file);
  return out;
}

// The Type 0 font (PDF 32000-1:2008, 9.7) of one file in `q`, from its parts.
void embed(QPDF& q, Embedded& e, FontParts& parts, int index, const std::string& prefix) {
  QPDFObjectHandle file_stream = pdfq::flate_stream(q, std::move(parts.file));
  file_stream.getDict().replaceKey("/Length1", QPDFObjectHandle::newInteger(static_cast<long long>(parts.file_size)));
  QPDFObjectHandle desc = QPDFObjectHandle::parse(parts.desc);
  desc.replaceKey("/FontName", QPDFObjectHandle::newName("/" + parts.name));
  desc.replaceKey("/FontFile2", file_stream);
  QPDFObjectHandle cid = QPDFObjectHandle::parse(
      "<< /Type /Font /Subtype /CIDFontType2 /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
      " /CIDToGIDMap /Identity /DW 1000 /W " + parts.w + " >>");
  cid.replaceKey("/BaseFont", QPDFObjectHandle::newName("/" + parts.name));
  cid.replaceKey("/FontDescriptor", q.makeIndirectObject(desc));
  QPDFObjectHandle type0 = QPDFObjectHandle::parse("<< /Type /Font /Subtype /Type0 /Encoding /Identity-H >>");
  type0.replaceKey("/BaseFont", QPDFObjectHandle::newName("/" + parts.name));
  type0.replaceKey("/DescendantFonts", QPDFObjectHandle::newArray({q.makeIndirectObject(cid)}));
  type0.replaceKey("/ToUnicode", pdfq::flate_stream(q, std::move(parts.cmap)));
  e.font = q.makeIndirectObject(type0);
  e.name = prefix + std::to_string(index);
}

// The glyphs of a run in clusters: [begin, end) into run.glyphs, and the cluster's text.
struct Cluster {
  size_t begin = 0, end = 0;
  std::u32string text;
};

std::vector<Cluster> clusters(const TextRun& t) {
  std::vector<Cluster> out;
  for (size_t i = 0; i < t.glyphs.size(); ++i) {
    if (out.empty() || !t.glyphs[i].text.empty()) out.push_back({i, i + 1, unicode::decode(t.glyphs[i].text)});
    else out.back().end = i + 1;
  }
  return out;
}

// In a cluster of as many glyphs as characters (a base and its marks), the character glyph
// k stands for: HarfBuzz gives a right-to-left run's glyphs in visual order, a cluster's
// too (the mark before its base), so there the pairs run backwards.
size_t paired(const TextRun& t, const Cluster& c, size_t k) { return t.rtl ? c.text.size() - 1 - k : k; }

// A right-to-left run's text with U+200F RIGHT-TO-LEFT MARK (bidi class R, no glyph) after
// each vowel mark (or marks) that the next character, spaces aside, does not follow as a
// strong right-to-left one: a punctuation mark or digit, a Latin letter, or the run's end.
// Reversed for /ActualText, such a mark would come right after that character; a reader
// that takes the page for left to right (Poppler does when the page's Latin letters are as
// many as its Arabic ones) ends a right-to-left section at a digit, a Latin letter or a
// separator ("،", ".", ":"), and starts the next one at its first strong right-to-left
// character: the mark would fall between the two, before the word it belongs to. The RLM
// starts that section itself, with the mark after it (docs/text-setting.md).
std::u32string with_rlm_after_loose_marks(const std::u32string& text) {
  std::u32string out;
  for (size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if (!direction::is_mark(text[i]) || (i + 1 < text.size() && direction::is_mark(text[i + 1]))) continue;
    size_t j = i + 1;
    while (j < text.size() && text[j] == U' ') ++j;
    if (j == text.size() || !direction::is_rtl(text[j])) out += U'\u200F';
  }
  return out;
}

}  // namespace

// a map's value for `k`, 0 where it has none (a read: the maps are shared by the workers)
template <class V>
V entry(const std::map<unsigned, V>& m, unsigned k) {
  auto it = m.find(k);
  return it == m.end() ? V{} : it->second;
}

// A run's characters and its clusters (found once: kept for the page's content).
struct RunText {
  std::u32string chars;
  std::vector<Cluster> clusters;
};

// Page `pi`'s content stream, deflated (empty when it draws no glyph): each run's glyphs
// by their ids in the subset of their font (`files`, embedded), between wrap.before[pi]
// and wrap.after[pi]. Reads the fonts, changes nothing: runs on any thread.
std::string page_content(const LaidOutDoc& doc, size_t pi, const std::vector<RunText>& runs, const std::map<std::string, Embedded>& files,
                         const TextLayerWrap& wrap) {
  const LaidOutPage& lp = doc.pages[pi];
  const double H = lp.height;
  std::string content;
  for (size_t run = 0; run < lp.texts.size(); ++run) {
    const TextRun& t = lp.texts[run];
    if (t.glyphs.empty()) continue;
    const Embedded& e = files.at(doc.fonts.at(t.font));
    const double size = t.size;
    std::string s = "q BT\n" + e.name + " " + num(size) + " Tf\n" + num(t.color.r, 4) + " " + num(t.color.g, 4) + " " +
                    num(t.color.b, 4) + " rg\n";
    if (t.stroke)  // synthetic bold: filled and stroked
      s += num(t.color.r, 4) + " " + num(t.color.g, 4) + " " + num(t.color.b, 4) + " RG " + num(size * 0.035) + " w 2 Tr\n";
    // synthetic italic: slanted by 12° (tan 12° = 0.2126), the usual oblique angle
    s += std::string(t.oblique ? "1 0 0.2126 1 " : "1 0 0 1 ") + num(t.x) + " " + num(H - t.y) + " Tm\n";
    // the pen: where HarfBuzz puts the next glyph; at: where the PDF's text position is
    double pen = 0, at = 0, rise = 0;
    bool open = false;  // inside a TJ array
    auto close = [&] {
      if (open) s += "] TJ\n";
      open = false;
    };
    // The text layer: a run whose every cluster is one glyph for one character, as
    // /ToUnicode says, needs nothing more. Any other run (a letter and its marks, a
    // ligature, and in Noto Sans Arabic most dotted letters: a dotless letter and a dots
    // glyph shared with other letters) is one /ActualText span holding the run's
    // characters, reversed in a right-to-left run: Poppler lays a span's characters out
    // over its glyphs from left to right and puts right-to-left text back in reading
    // order itself (docs/text-setting.md says what was tried and what each reader gives).
    const auto& cl = runs[run].clusters;
    bool plain = true;
    for (const auto& c : cl) {
      if (c.end - c.begin != 1 || c.text.size() != 1) { plain = false; break; }
      auto m = e.to_unicode.find(t.glyphs[c.begin].id);
      if (m == e.to_unicode.end() || m->second != c.text) { plain = false; break; }
    }
    const size_t g0 = 0, g1 = t.glyphs.size();
    std::u32string actual = runs[run].chars;
    if (t.rtl) {
      std::u32string marked = with_rlm_after_loose_marks(actual);
      if (marked.size() != actual.size()) actual = std::move(marked), plain = false;
    }
    if (t.rtl) std::reverse(actual.begin(), actual.end());
    const bool span = !plain && g0 < g1 && !actual.empty();
    for (size_t i = 0; i < t.glyphs.size(); ++i) {
      const Glyph& g = t.glyphs[i];
      if (span && i == g0) {
        close();
        s += "/Span << /ActualText <FEFF" + utf16_hex(actual) + "> >> BDC\n";
      }
      const double target = pen + g.dx;
      pen += g.advance;
      if (std::abs(g.dy - rise) > 1e-4) {
        close();
        rise = g.dy;
        s += num(rise) + " Ts\n";
      }
      if (!open) s += "[";
      open = true;
      const double adj = (at - target) * 1000.0 / size;  // TJ: a positive number moves left
      if (std::abs(adj) > 0.05) s += num(adj, 2) + " ";
      s += '<';
      s += hex4(entry(e.new_gid, g.id));
      s += '>';
      // the PDF moves by the glyph's width in the font (its /W entry)
      at = target + static_cast<double>(entry(e.width, g.id)) * size / 1000.0;
      if (span && i + 1 == g1) {
        close();
        s += "EMC\n";
      }
    }
    close();
    s += "ET Q\n";
    content += s;
  }
  if (content.empty()) return content;
  if (pi < wrap.before.size()) content.insert(0, wrap.before[pi]);
  if (pi < wrap.after.size()) content += wrap.after[pi];
  return pdfq::deflated(content);  // (on a worker, not on the writer's one thread)
}

// The pages' content built on worker threads while qpdf's writer writes the file: each
// page's stream gets its data from `get`, which waits until a worker has built it
// (TextLayerWrap::while_written).
struct LayerBuildState {
  const LaidOutDoc* doc = nullptr;
  std::map<std::string, Embedded> files;
  std::vector<std::vector<RunText>> run_text;
  TextLayerWrap wrap;
  std::vector<size_t> order;  // the pages that draw text, in order
  std::vector<std::string> contents;  // by page (under mu once built)
  std::vector<char> ready;
  std::mutex mu;
  std::condition_variable cv;
  std::exception_ptr error;  // a worker's (under mu)
  std::atomic<size_t> next{0};
  std::atomic<bool> stop{false};

  void work() {
    for (size_t k; !stop && (k = next++) < order.size();) {
      const size_t pi = order[k];
      std::string c;
      try {
        c = page_content(*doc, pi, run_text[pi], files, wrap);
      } catch (...) {
        std::lock_guard<std::mutex> lock(mu);
        if (!error) error = std::current_exception();
        stop = true;
        cv.notify_all();
        return;
      }
      std::lock_guard<std::mutex> lock(mu);
      contents[pi] = std::move(c);
      ready[pi] = 1;
      cv.notify_all();
    }
  }
  // page pi's content, once built; rethrows a worker's error
  void get(size_t pi, Pipeline* p) {
    std::unique_lock<std::mutex> lock(mu);
    cv.wait(lock, [&] { return ready[pi] || error || stop; });
    if (!ready[pi]) {
      if (error) std::rethrow_exception(error);
      throw std::logic_error("a text layer's stream was asked for after its workers stopped");
    }
    const std::string& c = contents[pi];
    lock.unlock();  // (built: no worker writes it again)
    p->write(reinterpret_cast<const unsigned char*>(c.data()), c.size());
    p->finish();
  }
};

class LayerBuild : public TextLayerBuild {
 public:
  explicit LayerBuild(std::shared_ptr<LayerBuildState> st) : st_(std::move(st)) {}
  ~LayerBuild() override {
    st_->stop = true;
    {
      std::lock_guard<std::mutex> lock(st_->mu);
      st_->cv.notify_all();
    }
    for (auto& t : workers_) t.join();
  }
  std::exception_ptr failure() const override {
    std::lock_guard<std::mutex> lock(st_->mu);
    return st_->error;
  }
  void start(unsigned n) {
    try {
      for (unsigned i = 0; i < n; ++i) workers_.emplace_back([s = st_.get()] { s->work(); });
    } catch (const std::system_error&) {  // (no thread: the streams are built here, now)
      if (workers_.empty()) st_->work();
    }
  }

 private:
  std::shared_ptr<LayerBuildState> st_;
  std::vector<std::thread> workers_;
};


bool has_text(const LaidOutDoc& doc) {
  for (const auto& p : doc.pages)
    for (const auto& t : p.texts)
      if (!t.glyphs.empty()) return true;
  return false;
}

void add_text_layer(QPDF& q, std::vector<QPDFPageObjectHelper>& pages, const LaidOutDoc& doc, int threads) {
  add_text_layer(q, pages, doc, threads, TextLayerWrap{});
}

std::unique_ptr<TextLayerBuild> add_text_layer(QPDF& q, std::vector<QPDFPageObjectHelper>& pages, const LaidOutDoc& doc, int threads,
                                               const TextLayerWrap& wrap) {
  StepTimer timer;  // (DECKHAND_DEBUG_TIME=1: how long each step took)
  // every font file's glyphs and characters, and what each one-glyph cluster stands for
  std::map<std::string, Embedded> files;
  // each run's characters and clusters, found on the workers (kept for the pages' content),
  // and each page's glyphs, characters and clusters by font file (sorted, without repeats),
  // so that gathering them for the whole document (below, on this thread) is short
  const size_t n_pages = std::min(doc.pages.size(), pages.size());
  struct PageFont {
    const std::string* path = nullptr;
    std::vector<unsigned> gids;
    std::u32string cps;
    std::vector<std::pair<unsigned, std::u32string>> one;  // one-glyph clusters, first of each glyph, in order
    std::vector<std::pair<unsigned, char32_t>> marks;      // glyphs of clusters of as many characters, in order
  };
  std::vector<std::vector<RunText>> run_text(doc.pages.size());
  std::vector<std::vector<PageFont>> page_fonts(doc.pages.size());
  std::vector<std::string> unknown_font(doc.pages.size());  // a font id no file was loaded for
  parallel_for(static_cast<int>(doc.pages.size()), worker_count(threads), [&](int i, unsigned) {
    const auto& texts = doc.pages[static_cast<size_t>(i)].texts;
    auto& out = run_text[static_cast<size_t>(i)];
    auto& fonts = page_fonts[static_cast<size_t>(i)];
    std::map<const std::string*, std::set<unsigned>> seen_one;
    out.resize(texts.size());
    for (size_t k = 0; k < texts.size(); ++k) {
      const TextRun& t = texts[k];
      if (t.glyphs.empty()) continue;
      out[k] = {unicode::decode(t.text), clusters(t)};
      auto f = doc.fonts.find(t.font);
      if (f == doc.fonts.end()) {
        unknown_font[static_cast<size_t>(i)] = t.font;
        return;
      }
      auto pf = std::find_if(fonts.begin(), fonts.end(), [&](const PageFont& p) { return p.path == &f->second; });
      if (pf == fonts.end()) pf = fonts.insert(fonts.end(), PageFont{&f->second, {}, {}, {}, {}});
      for (const auto& g : t.glyphs) pf->gids.push_back(g.id);
      pf->cps += out[k].chars;
      auto& seen = seen_one[pf->path];
      for (const auto& c : out[k].clusters) {
        if (c.end - c.begin == 1 && c.text.size() == 1 && seen.insert(t.glyphs[c.begin].id).second) pf->one.emplace_back(t.glyphs[c.begin].id, c.text);
        if (c.end - c.begin == c.text.size() && c.text.size() > 1)
          for (size_t m = 0; m < c.text.size(); ++m) pf->marks.emplace_back(t.glyphs[c.begin + m].id, c.text[paired(t, c, m)]);
      }
    }
    for (auto& pf : fonts) {
      std::sort(pf.gids.begin(), pf.gids.end());
      pf.gids.erase(std::unique(pf.gids.begin(), pf.gids.end()), pf.gids.end());
      std::sort(pf.cps.begin(), pf.cps.end());
      pf.cps.erase(std::unique(pf.cps.begin(), pf.cps.end()), pf.cps.end());
    }
  });
  for (const auto& id : unknown_font)
    if (!id.empty()) throw Error(Exit::failure, "", "text uses font id '" + id + "' that was not loaded", "a bug: please report it");
  timer.lap("layer runs");
  // then gathered by font file in page and run order (the first text a glyph is given stays)
  std::map<Embedded*, std::pair<std::vector<unsigned>, std::u32string>> lists_of;
  auto embedded = [&](const std::string& path) -> Embedded& {
    Embedded& e = files[path];
    e.path = path;
    return e;
  };
  for (const auto& fonts : page_fonts)
    for (const auto& pf : fonts) {
      Embedded& e = embedded(*pf.path);
      auto& [gids, cps] = lists_of[&e];  // (sets made once, from sorted lists: below)
      gids.insert(gids.end(), pf.gids.begin(), pf.gids.end());
      cps += pf.cps;
      for (const auto& [g, text] : pf.one) e.to_unicode.emplace(g, text);
    }
  for (auto& [e, lists] : lists_of) {
    auto& [gids, cps] = lists;
    std::sort(gids.begin(), gids.end());
    std::sort(cps.begin(), cps.end());
    e->gids.insert(gids.begin(), std::unique(gids.begin(), gids.end()));
    e->cps.insert(cps.begin(), std::unique(cps.begin(), cps.end()));
  }
  // glyphs that are never a cluster alone: their own character where a cluster has as
  // many characters as glyphs (a base and its marks), for tools that ignore /ActualText
  // (a ligature glyph gets no entry: its run's /ActualText gives its letters; with one,
  // deckhand's extraction took a right-to-left word for a ligature and reordered it)
  for (const auto& fonts : page_fonts)
    for (const auto& pf : fonts) {
      Embedded& e = embedded(*pf.path);
      for (const auto& [g, ch] : pf.marks) e.to_unicode.emplace(g, std::u32string(1, ch));
    }
  timer.lap("layer gids");
  // each font subset on a worker of its own, then made objects of `q` here, in file order
  std::vector<Embedded*> order;
  for (auto& [path, e] : files) order.push_back(&e);
  std::vector<FontParts> parts(order.size());
  parallel_for(static_cast<int>(order.size()), worker_count(threads),
               [&](int i, unsigned) { parts[static_cast<size_t>(i)] = subset(*order[static_cast<size_t>(i)], i + 1); });
  timer.lap("subsets");
  for (size_t i = 0; i < order.size(); ++i) embed(q, *order[i], parts[i], static_cast<int>(i) + 1, wrap.font_prefix);
  timer.lap("embed");

  // the fonts each page uses
  std::vector<std::set<const Embedded*>> used_by(n_pages);
  for (size_t pi = 0; pi < n_pages; ++pi)
    for (const auto& t : doc.pages[pi].texts)
      if (!t.glyphs.empty()) used_by[pi].insert(&files.at(doc.fonts.at(t.font)));
  // each page's content: built on the workers (pure strings: the fonts are read, not
  // changed), now or while the file is written, and added to the PDF in page order on this
  // thread (qpdf's objects are not shared between threads)
  auto add = [&](size_t pi, QPDFObjectHandle text) {
    std::map<std::string, QPDFObjectHandle> used;
    for (const Embedded* e : used_by[pi]) used[e->name] = e->font;
    QPDFObjectHandle page = pages[pi].getObjectHandle();
    pdfq::add_page_resources(page, "/Font", used);
    if (page.hasKey("/Contents")) pages[pi].addPageContents(text, false);
    else page.replaceKey("/Contents", text);  // a page of text alone: its one stream
  };
  if (wrap.while_written) {
    auto st = std::make_shared<LayerBuildState>();
    st->doc = &doc;
    st->wrap = wrap;
    st->contents.resize(n_pages);
    st->ready.assign(n_pages, 0);
    for (size_t pi = 0; pi < n_pages; ++pi)
      if (!used_by[pi].empty()) st->order.push_back(pi);
    st->run_text = std::move(run_text);
    // (the fonts move: `used_by` points into the map's nodes, which a move keeps)
    st->files = std::move(files);
    auto build = std::make_unique<LayerBuild>(st);
    build->start(std::max(1u, worker_count(threads) - 1));  // (the writer has a core of its own)
    for (size_t pi : st->order) {
      QPDFObjectHandle text = QPDFObjectHandle::newStream(&q);
      text.replaceStreamData([st, pi](Pipeline* p) { st->get(pi, p); }, QPDFObjectHandle::newName("/FlateDecode"), QPDFObjectHandle::newNull());
      add(pi, text);
    }
    timer.lap("layer pages");
    return build;
  }
  std::vector<std::string> contents(n_pages);
  parallel_for(static_cast<int>(n_pages), worker_count(threads), [&](int i, unsigned) {
    const size_t pi = static_cast<size_t>(i);
    contents[pi] = page_content(doc, pi, run_text[pi], files, wrap);
  });
  timer.lap("layer pages");
  for (size_t pi = 0; pi < n_pages; ++pi)
    if (!contents[pi].empty()) add(pi, pdfq::flate_stream(q, std::move(contents[pi])));
  return nullptr;
}

}  // namespace deckhand::render

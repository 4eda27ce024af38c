#include "layout/engine.hpp"

#include <algorithm>
#include <cstring>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <set>

#include "core/error.hpp"
#include "core/limits.hpp"
#include "core/direction.hpp"
#include "core/unicode.hpp"
#include "layout/setter.hpp"
#include "layout/text.hpp"

namespace deckhand::layout {

// What to print before an item: a number or letter marker as found on the slide ("1.",
// "a)", "iv."), else the layout's bullet for its level (found bullet glyphs are often in
// symbol fonts' private-use area, so they are not reused).
std::string marker_for(const std::string& found, int level) {
  // (a symbol font's private-use bullet, Wingdings U+F0A7, is a bullet, not a number: no
  // font has it, it would print as a box)
  const std::u32string cps = unicode::decode(found);
  const bool pua = !cps.empty() && std::all_of(cps.begin(), cps.end(), unicode::is_pua);
  bool numbered = !found.empty() && found != "graphic" && !pua &&
                  std::any_of(found.begin(), found.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80); }) &&
                  found != "•" && found != "–" && found != "▪" && found != "◦" && found != "‣" && found != "·" && found != "—";
  return numbered ? found : (level <= 1 ? "•" : level == 2 ? "–" : "▪");
}

void load_fonts(const LayoutDef& def, FontSet& fonts) {
  namespace fs = std::filesystem;
  fonts.add("regular", def.font_regular);
  fonts.add("bold", def.font_bold);
  // a fallback named without a folder sits beside the regular font
  auto resolve = [&](const std::string& f) {
    fs::path p(f);
    if (p.is_relative() && !fs::exists(p)) return (fs::path(def.font_regular).parent_path() / p).string();
    return f;
  };
  std::vector<std::string> chain{"regular"}, chain_bold{"bold"};
  for (size_t i = 0; i < def.fallback.size(); ++i) {
    std::string id = "fallback" + std::to_string(i + 1);
    fonts.add(id, resolve(def.fallback[i]));
    chain.push_back(id);
  }
  for (size_t i = 0; i < def.fallback_bold.size(); ++i) {
    std::string id = "fallback" + std::to_string(i + 1) + "-bold";
    fonts.add(id, resolve(def.fallback_bold[i]));
    chain_bold.push_back(id);
  }
  fonts.set_chain(false, chain);
  fonts.set_chain(true, chain_bold);
}

namespace {
// A style of the layout's chain alone (no font of its own tried first): size, weight, colour.
TextStyle plain(double size, bool bold, const Color& color = {}) {
  TextStyle st;
  st.size = size, st.bold = bold, st.color = color;
  return st;
}


const char* fid(bool bold) { return bold ? "bold" : "regular"; }




// Fills {fields}. A separator (·, |, –, —) next to a field that came out empty goes with
// it; text around a filled field stays ("– {page} –" prints "– 1 –").
std::string fill(const std::string& tpl, const std::map<std::string, std::string>& fields) {
  const std::string hole = "\x01";  // where an empty field was
  std::string out;
  size_t i = 0;
  while (i < tpl.size()) {
    if (tpl[i] == '{') {
      size_t j = tpl.find('}', i);
      if (j != std::string::npos) {
        auto it = fields.find(tpl.substr(i + 1, j - i - 1));
        if (it != fields.end()) {
          out += it->second.empty() ? hole : it->second;
          i = j + 1;
          continue;
        }
      }
    }
    out += tpl[i++];
  }
  // runs of white space collapsed first: the patterns below then see short runs only
  out = unicode::collapse_spaces(out);
  // (no regular expression: the title in a header can be any length; issue 20) A
  // separator next to a hole: " · \x01 · " keeps one separator, " · \x01" and "\x01 · " lose
  // theirs. Each step takes the leftmost hole it applies to, as regex_replace with
  // format_first_only did.
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  auto sep_before = [&](const std::string& s, size_t end) -> size_t {  // a separator ending at `end`: its length
    for (const char* sep : {"\xC2\xB7", "|", "\xE2\x80\x93", "\xE2\x80\x94"}) {
      size_t n = std::strlen(sep);
      if (end >= n && s.compare(end - n, n, sep) == 0) return n;
    }
    return 0;
  };
  auto sep_after = [&](const std::string& s, size_t at) -> size_t {
    for (const char* sep : {"\xC2\xB7", "|", "\xE2\x80\x93", "\xE2\x80\x94"}) {
      size_t n = std::strlen(sep);
      if (s.compare(at, n, sep) == 0) return n;
    }
    return 0;
  };
  // \s* SEP \s* before the hole at h: where it starts (npos when there is none), its SEP
  auto left = [&](const std::string& s, size_t h, std::string* sep) {
    size_t e = h;
    while (e > 0 && space(s[e - 1])) --e;
    size_t n = sep_before(s, e);
    if (!n) return std::string::npos;
    if (sep) *sep = s.substr(e - n, n);
    e -= n;
    while (e > 0 && space(s[e - 1])) --e;
    return e;
  };
  // \s* SEP \s* after the hole at h: where it ends (npos when there is none)
  auto right = [&](const std::string& s, size_t h) {
    size_t b = h + 1;
    while (b < s.size() && space(s[b])) ++b;
    size_t n = sep_after(s, b);
    if (!n) return std::string::npos;
    b += n;
    while (b < s.size() && space(s[b])) ++b;
    return b;
  };
  for (bool changed = true; changed;) {
    changed = false;
    std::string sep;
    for (size_t h = out.find(hole); h != std::string::npos && !changed; h = out.find(hole, h + 1)) {
      size_t a = left(out, h, &sep), b = right(out, h);
      if (a != std::string::npos && b != std::string::npos) out.replace(a, b - a, " " + sep + " "), changed = true;
    }
    for (size_t h = out.find(hole); h != std::string::npos && !changed; h = out.find(hole, h + 1))
      if (size_t a = left(out, h, nullptr); a != std::string::npos) {
        out.replace(a, h + 1 - a, hole);
        out.erase(out.find(hole), 1);
        changed = true;
      }
    for (size_t h = out.find(hole); h != std::string::npos && !changed; h = out.find(hole, h + 1))
      if (size_t b = right(out, h); b != std::string::npos) out.erase(h, b - h), changed = true;
  }
  out.erase(std::remove(out.begin(), out.end(), '\x01'), out.end());
  return unicode::collapse_spaces(out);
}

// Shortens `text` with an ellipsis so that it fits `width`, as the text setter sets it:
// the longest prefix (whole characters with their marks) whose width with "…" fits.
std::string ellipsize(const std::string& text, TextSetter& ts, const TextStyle& st, bool rtl, const std::string& lang,
                      double width) {
  std::u32string s = unicode::decode(text);
  if (s.empty() || ts.width(text, st, rtl, lang) <= width) return text;
  auto fits = [&](size_t n) {
    while (n > 0 && n < s.size() && direction::is_mark(s[n])) --n;
    return ts.width(unicode::encode(s.substr(0, n)) + "\u2026", st, rtl, lang) <= width;
  };
  size_t lo = 0, hi = s.size();  // fits(lo) is taken as true; find the largest that fits
  while (lo < hi) {
    size_t mid = (lo + hi + 1) / 2;
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  while (lo > 0 && lo < s.size() && direction::is_mark(s[lo])) --lo;
  s.resize(lo);
  return unicode::encode(s) + "\u2026";
}

// The handout PDF's document title (its properties) and bookmark titles keep at most this
// many bytes: libharu refuses a string over 65,535 bytes (as UTF-16 for these, twice the
// characters), and no PDF reader shows more than a line of either (docs/limits.md,
// "Strings, options and text inputs"). A longer one is cut at a character, with "…", and
// warned about once (`title-cut`); the text of the handout keeps every character.
constexpr size_t pdf_title_bytes = 4000;

std::string cut_title(const std::string& t, bool& cut) {
  if (t.size() <= pdf_title_bytes) return t;
  cut = true;
  size_t n = pdf_title_bytes;
  while (n > 0 && (static_cast<unsigned char>(t[n]) & 0xC0) == 0x80) --n;
  return t.substr(0, n) + "\u2026";
}

struct Builder {
  const Deck& deck;
  const LayoutDef& d;
  const FontSet& fonts;
  const HandoutOptions& o;
  Diagnostics& diag;
  LaidOutDoc doc;
  // printable content box of a page (inside margins, below header, above footer)
  double cx0 = 0, cy0 = 0, cx1 = 0, cy1 = 0;

  TextSetter ts;
  std::string lang;

  Builder(const Deck& dk, const LayoutDef& df, const FontSet& fs, const HandoutOptions& op, Diagnostics& dg)
      : deck(dk), d(df), fonts(fs), o(op), diag(dg), ts(fs), lang(dk.lang.value_or("")) {
    cx0 = d.m_left;
    cx1 = d.paper_w - d.m_right;
    cy0 = d.m_top + (d.header.empty() ? 0 : d.header.size * 2.2);
    cy1 = d.paper_h - d.m_bottom - (d.footer.empty() ? 0 : d.footer.size * 2.2);
  }

  LaidOutPage& new_page() {
    if (doc.pages.size() >= static_cast<size_t>(limits().output_pages))
      over_limit(static_cast<int>(Exit::output), o.file, "the handout's page count", "more than " + std::to_string(limits().output_pages),
                 std::to_string(limits().output_pages), "--max-output-pages");
    LaidOutPage p;
    p.width = d.paper_w;
    p.height = d.paper_h;
    doc.pages.push_back(std::move(p));
    return doc.pages.back();
  }

  std::set<char32_t> missing;  // characters no font of the chain has
  bool rtl_page = false;       // mirror frames and alignment (Arabic, Hebrew)

  bool rtl_target = false;     // (review) the text being placed is a translation into a right-to-left language
  // A paragraph's base direction: in a right-to-left page (or translation), right to left
  // unless the text has no right-to-left letter and some other strong one (a unit kept in
  // English in an Arabic handout reads "1. The IETF", not ".1 The IETF"; an Arabic
  // sentence that begins with "IETF" stays right to left); elsewhere its first strong
  // character's (UAX #9, P2-P3).
  bool rtl_of(const std::string& text) const {
    if (rtl_page || rtl_target) {
      const direction::Counts c = direction::count_utf8(text);
      return c.any_rtl() || c.ltr == 0;
    }
    return direction::first_strong(unicode::decode(text)) == direction::Dir::rtl;
  }

  // A single line of text at x (left), or ending at x when right-aligned.
  void put(LaidOutPage& pg, const std::string& text, double x, double baseline, double size, bool bold, Color c,
           bool align_right = false) {
    const TextStyle st = plain(size, bold, c);
    const bool rtl = rtl_of(text);
    double w = align_right ? ts.width(text, st, rtl, lang) : 0;
    for (auto& r : ts.line(text, st, rtl, lang, align_right ? x - w : x, baseline)) pg.texts.push_back(std::move(r));
  }

  double width_of(const std::string& text, double size, bool bold) { return ts.width(text, plain(size, bold), rtl_of(text), lang); }

  std::string ellipsize(const std::string& text, double size, bool bold, double width) {
    return layout::ellipsize(text, ts, plain(size, bold), rtl_of(text), lang, width);
  }

  std::vector<const Slide*> slides() const {
    std::vector<const Slide*> out;
    for (const auto& s : deck.slides)
      if (!(o.skip_overlays && !s.overlay_of.empty())) out.push_back(&s);
    return out;
  }

  std::string number(const Slide& s) const { return s.label.empty() ? std::to_string(s.page) : s.label; }

  // "Slide" in the deck's language, for labels ({slide_word}); English otherwise.
  std::string slide_word() const {
    static const std::map<std::string, std::string> words = {
        {"en", "Slide"}, {"fr", "Diapositive"}, {"es", "Diapositiva"}, {"ru", "Слайд"}, {"zh", "幻灯片"},
        {"ar", "الشريحة"}, {"de", "Folie"}, {"ja", "スライド"}, {"pt", "Diapositivo"}, {"it", "Diapositiva"}};
    std::string lang = deck.lang.value_or("en");
    auto it = words.find(lang.substr(0, lang.find('-')));
    return it == words.end() ? "Slide" : it->second;
  }

  std::string bookmark_title(const Slide& s) const {
    return s.title.empty() ? "Slide " + number(s) : s.title;
  }

  void bookmark(const Slide& s, int page, double y, bool& in_section) {
    Bookmark b;
    b.title = bookmark_title(s);
    b.page = page;
    b.y = y;
    if (s.kind == SlideKind::section) {
      b.level = 0;
      in_section = true;
    } else {
      b.level = in_section && s.kind != SlideKind::title ? 1 : 0;
    }
    doc.bookmarks.push_back(b);
  }

  // ---- paragraphs
  struct Para {
    std::string text;
    double size;
    bool bold;
    int level;  // 0 paragraph, 1.. bullet
    Color color;
    bool centre = false;  // centred lines (a title centred on its slide)
    std::string marker = "";  // as found on the slide ("1.", "a)"); "" for the level's bullet
    std::vector<TextSpan> spans = {};  // bold, italic or coloured words (Block::spans)
    bool code = false;  // a code listing (Block::code): never hyphenated
  };

  std::vector<Para> slide_paras(const Slide& s, double scale) const {
    std::vector<Para> ps;
    if (!s.title.empty()) ps.push_back({s.title, d.title.size * scale, d.title.bold, 0, d.text});
    block_paras(s, d.body.size * scale, ps);
    return ps;
  }

  // The slide's blocks as paragraphs; the cells of one table row (Block::table) make one
  // paragraph, joined by " · ", so text layouts print a table row by row.
  void block_paras(const Slide& s, double size, std::vector<Para>& ps) const {
    for (size_t k = 0; k < s.blocks.size(); ++k) {
      const Block& b = s.blocks[k];
      if (!b.table) {
        ps.push_back({b.text, size, d.body.bold, b.level, d.text, false, b.marker, b.spans, b.code});
        continue;
      }
      std::string row = b.text;
      while (k + 1 < s.blocks.size() && s.blocks[k + 1].table && s.blocks[k + 1].table->id == b.table->id &&
             s.blocks[k + 1].table->row == b.table->row)
        row += " \u00B7 " + s.blocks[++k].text;
      ps.push_back({row, size, d.body.bold, 0, d.text, false, ""});
    }
  }

  // Lays out paragraphs in a column from y; stops at y_max. Returns the runs and the
  // height used; `complete` tells whether everything fitted.
  struct Placed {
    std::vector<TextRun> runs;
    double height = 0;
    bool complete = true;
    bool overfull = false;  // a line wider than w (a word with no break that fits): shrink if possible
    size_t lines = 0;
    size_t rest = 0;  // when not complete: where the rest of the last paragraph starts (characters)
    bool fits() const { return complete && !overfull; }  // what the shrink loops look for
  };

  Placed place(const std::vector<Para>& ps, double x, double y, double w, double y_max, bool indent_levels = true) {
    Placed out;
    double cur = y;
    for (size_t i = 0; i < ps.size(); ++i) {
      const Para& p = ps[i];
      const FontMetrics& f = fonts.get(fid(p.bold));
      double lh = p.size * 1.3;
      double indent = p.level > 0 && indent_levels ? d.level_indent * (p.level - 1) : 0;
      const std::string mark = marker_for(p.marker, p.level);
      const bool rtl = rtl_of(p.text);
      double bw = p.level > 0 ? std::max(p.size * 1.1, ts.width(mark, plain(p.size, false, p.color), rtl, lang) + p.size * 0.35) : 0;
      std::vector<StyledRange> ranges;
      for (const auto& sp : p.spans) {
        StyledRange r;
        r.begin = sp.begin, r.end = sp.end;
        r.style = plain(p.size, p.bold || sp.bold, p.color);
        r.style.italic = sp.italic;
        if (sp.color.size() == 7)
          r.style.color = {std::stoi(sp.color.substr(1, 2), nullptr, 16) / 255.0, std::stoi(sp.color.substr(3, 2), nullptr, 16) / 255.0,
                           std::stoi(sp.color.substr(5, 2), nullptr, 16) / 255.0};
        ranges.push_back(std::move(r));
      }
      TextStyle style = plain(p.size, p.bold, p.color);
      // (a code listing in the layout's monospaced face: its columns line up as on the slide)
      if (p.code && !d.font_mono.empty()) style.first = ts.source_font(d.font_mono);
      for (auto& r : ranges)
        if (p.code) r.style.first = style.first;
      Paragraph para = ts.paragraph(p.text, style, rtl, lang, ranges);
      // (a word wider than the column, a URL, is broken where the line is full: a handout
      // is read on paper, where what runs past the edge is lost)
      // (a code listing is not hyphenated: "__normal_itera-tor" is no identifier; no
      // language, no hyphenation patterns)
      auto lines = para.wrap(std::max(10.0, w - indent - bw), p.code ? "" : lang, true);
      if (i > 0) cur += p.size * 0.35;  // paragraph spacing
      for (size_t k = 0; k < lines.size(); ++k) {
        if (cur + lh > y_max + 1e-6) {
          out.complete = false;
          out.rest = lines[k].begin;
          out.height = cur - y;
          return out;
        }
        double base = cur + f.ascent(p.size) + (lh - f.ascent(p.size) - f.descent(p.size)) / 2;
        if (lines[k].overfull) out.overfull = true;
        auto set = para.set(lines[k], 0, base);
        double lw = 0;
        for (const auto& r : set) lw += r.width;
        if (k == 0 && p.level > 0) {
          const TextStyle ms = plain(p.size, false, p.color);
          double bx = rtl ? x + w - indent - ts.width(mark, ms, rtl, lang) : x + indent;
          for (auto& r : ts.line(mark, ms, rtl, lang, bx, base)) out.runs.push_back(std::move(r));
        }
        double lx = p.centre ? x + (w - lw) / 2 : rtl ? x + w - indent - bw - lw : x + indent + bw;
        for (auto& r : set) {
          r.x += lx;
          out.runs.push_back(std::move(r));
        }
        cur += lh;
        ++out.lines;
      }
    }
    out.height = cur - y;
    return out;
  }

  // ---- slide picture
  ImageBox picture(const Slide& s, double ax, double ay, double aw, double ah, bool centre) const {
    double sw = s.size[0] > 0 ? s.size[0] : deck.source.page_size[0];
    double sh = s.size[1] > 0 ? s.size[1] : deck.source.page_size[1];
    if (sw <= 0 || sh <= 0) { sw = 4; sh = 3; }
    double aspect = sw / sh;
    double w = aw, h = aw / aspect;
    if (h > ah) { h = ah; w = ah * aspect; }
    ImageBox im;
    im.x = centre ? ax + (aw - w) / 2 : rtl_page ? ax + aw - w : ax;
    im.y = ay;
    im.w = w;
    im.h = h;
    im.page = s.page;
    im.mode = d.vector ? PictureMode::vector : PictureMode::raster;
    im.crop = {0, 0, sw, sh};
    double pw = std::max(1.0, std::round(w / 72.0 * d.dpi)), ph = std::max(1.0, std::round(h / 72.0 * d.dpi));
    if (!d.vector && !(pw * ph <= static_cast<double>(limits().pixels)))  // vector frames render nothing
      over_limit(static_cast<int>(Exit::layout), d.file.empty() ? d.name : d.file, "a slide picture",
                 std::to_string(static_cast<long long>(std::min(pw, 1e15))) + " x " + std::to_string(static_cast<long long>(std::min(ph, 1e15))) +
                     " pixels", std::to_string(limits().pixels) + " pixels", "--max-pixels");
    im.px_w = static_cast<int>(std::min(pw, 1e9));
    im.px_h = static_cast<int>(std::min(ph, 1e9));
    return im;
  }

  // ---- grid
  void grid() {
    auto ss = slides();
    int per = d.rows * d.cols;
    double cw = (cx1 - cx0 - (d.cols - 1) * d.col_gap) / d.cols;
    double ch = (cy1 - cy0 - (d.rows - 1) * d.row_gap) / d.rows;
    double label_h = d.label.empty() ? 0 : d.label_role.size * 1.8;
    bool in_section = false;
    for (size_t i = 0; i < ss.size(); ++i) {
      const Slide& s = *ss[i];
      int k = static_cast<int>(i % per);
      if (k == 0) new_page();
      int page_index = static_cast<int>(doc.pages.size()) - 1;
      LaidOutPage& pg = doc.pages.back();
      int r = d.order_down ? k % d.rows : k / d.cols;
      int c = d.order_down ? k / d.rows : k % d.cols;
      if (rtl_page) c = d.cols - 1 - c;  // right to left
      double x = cx0 + c * (cw + d.col_gap), y = cy0 + r * (ch + d.row_gap);
      double ax = x, ay = y, aw = cw, ah = ch;  // the slide's area
      double nx = 0, ny = 0, nw = 0, nh = 0;    // the notes area
      if (d.slide_share < 1.0) {
        if (d.beside) {
          aw = (cw - d.cell_gap) * d.slide_share;
          nx = x + aw + d.cell_gap; ny = y; nw = cw - aw - d.cell_gap; nh = ch;
          if (rtl_page) { nx = x; ax = x + cw - aw; }  // notes on the left, slide on the right
        } else {
          ah = (ch - d.cell_gap) * d.slide_share;
          nx = x; ny = y + ah + d.cell_gap; nw = cw; nh = ch - ah - d.cell_gap;
        }
      }
      ImageBox im = picture(s, ax, ay, aw, ah - label_h, d.slide_share >= 1.0 || !d.beside);
      pg.frames.push_back({s.id, {im.x, im.y, im.w, im.h}});
      if (text_frames) {
        text_frame(pg, s, im);
        pg.boxes.push_back({im.x, im.y, im.w, im.h, std::max(d.border, 0.5), d.border_color});
      } else {
        pg.images.push_back(im);
        if (d.border > 0) pg.boxes.push_back({im.x, im.y, im.w, im.h, d.border, d.border_color});
      }
      bookmark(s, page_index, im.y, in_section);
      if (!d.label.empty()) {
        std::string label = fill(d.label, {{"slide", number(s)}, {"title", s.title}, {"slide_word", slide_word()}});
        label = ellipsize(label, d.label_role.size, d.label_role.bold, im.w);
        double ly = im.y + im.h + d.label_role.size * 1.3;
        if (rtl_page) put(pg, label, im.x + im.w, ly, d.label_role.size, d.label_role.bold, d.muted, true);
        else put(pg, label, im.x, ly, d.label_role.size, d.label_role.bold, d.muted);
      }
      // notes beside the slide run along the picture (and its label), not below it
      if (d.beside && nw > 0 && !d.cell_text) {
        ny = im.y;
        nh = std::min(nh, im.h + label_h);
      }
      if (nw > 0 && nh > 0) {
        if (d.cell_text) {
          cell_text(pg, s, nx, ny, nw, nh);
        } else {
          int n = d.note_lines;
          double sp = n > 0 ? nh / n : d.note_spacing;
          if (n == 0 && sp > 0) n = static_cast<int>(std::floor(nh / sp + 1e-9));
          // the speaker notes first (cell.notes.text), the ruled lines below them
          double used = d.notes_text ? notes_text(pg, s, nx, ny, nw, nh) : 0;
          for (int l = 1; l <= n; ++l) {
            double ly = ny + l * sp;
            if (ly < ny + used + 0.5 * sp) continue;
            pg.rules.push_back({nx, ly, nx + nw, ly, 0.4, d.rules});
          }
        }
      }
    }
  }

  bool text_frames = false;  // frames hold the slide's (translated) text instead of its picture

  // The slide retypeset in its frame: each title and block in its own box, scaled from
  // the slide, free to grow down to the next one; shrunk when it does not fit (to 75% of
  // its scaled size, or overflow.min_size if smaller), then cut and reported.
  void text_frame(LaidOutPage& pg, const Slide& s, const ImageBox& f) {
    double sw = s.size[0] > 0 ? s.size[0] : deck.source.page_size[0];
    double sh = s.size[1] > 0 ? s.size[1] : deck.source.page_size[1];
    if (sw <= 0 || sh <= 0) { sw = f.w; sh = f.h; }
    const double k = f.w / sw;
    struct Item {
      std::string key, text;
      BBox box;
      double size;
      bool bold;
      int level;
      bool centre = false;
      std::string marker = "";
      std::vector<TextSpan> spans = {};
    };
    std::vector<Item> items;
    if (!s.title.empty())
      items.push_back({s.id + ".title", s.title, s.title_bbox, s.title_style.size > 0 ? s.title_style.size : sh * 0.07, true, 0});
    for (const auto& b : s.blocks)
      items.push_back({b.id, b.text, b.bbox, b.style.size > 0 ? b.style.size : sh * 0.045, b.style.bold, b.level, false, b.marker, b.spans});
    // boxes reaching outside the slide (a Marp title starting above it) are clamped to it
    for (auto& it : items) {
      it.box[0] = std::clamp(it.box[0], 0.0, sw);
      it.box[2] = std::clamp(it.box[2], 0.0, sw);
      it.box[1] = std::clamp(it.box[1], 0.0, sh);
      it.box[3] = std::clamp(it.box[3], 0.0, sh);
    }
    // boxes missing (an edited deck JSON): stack them from the top
    double next_y = sh * 0.06;
    for (auto& it : items) {
      if (it.box[2] <= it.box[0] || it.box[3] <= it.box[1]) {
        double h = it.size * 1.3;
        it.box = {sw * 0.06 + (it.level > 0 ? it.size * 1.5 * (it.level - 1) : 0), next_y, sw * 0.94, next_y + h};
      }
      next_y = it.box[3] + it.size * 0.4;
    }
    // text centred on the slide stays centred, across the slide's width
    for (auto& it : items)
      if (it.level == 0 && std::abs((it.box[0] + it.box[2]) / 2 - sw / 2) < 0.03 * sw) {
        it.centre = true;
        double half = std::max(sw / 2 - sw * 0.06, (it.box[2] - it.box[0]) / 2);
        it.box[0] = sw / 2 - half;
        it.box[2] = sw / 2 + half;
      }
    const double pad = 2;
    struct Room {
      double x, w, y, y_max, size, min_size;
    };
    std::vector<Room> rooms;
    for (size_t i = 0; i < items.size(); ++i) {
      const Item& it = items[i];
      double bx0 = rtl_page ? sw - it.box[2] : it.box[0], bx1 = rtl_page ? sw - it.box[0] : it.box[2];
      // room to the right edge of the slide's text area, and down to the next box
      double right = rtl_page ? bx1 : std::max(bx1, sw * 0.94);
      double left = rtl_page ? std::min(bx0, sw * 0.06) : bx0;
      double bottom = sh - sh * 0.04;
      for (size_t j = 0; j < items.size(); ++j)
        if (j != i && items[j].box[1] >= it.box[1] + 1 && items[j].box[1] < bottom &&
            std::min(items[j].box[2], it.box[2]) > std::max(items[j].box[0], it.box[0]))
          bottom = items[j].box[1];
      bottom = std::max(bottom, it.box[3]);
      // ... but not under a box beside it (a side note, the other column)
      for (size_t j = 0; j < items.size(); ++j) {
        if (j == i || std::min(items[j].box[3], bottom) <= std::max(items[j].box[1], it.box[1])) continue;
        double jx0 = rtl_page ? sw - items[j].box[2] : items[j].box[0], jx1 = rtl_page ? sw - items[j].box[0] : items[j].box[2];
        if (!rtl_page && jx0 >= bx1 - 1) right = std::min(right, std::max(bx1, jx0 - sw * 0.01));
        if (rtl_page && jx1 <= bx0 + 1) left = std::max(left, std::min(bx0, jx1 + sw * 0.01));
      }
      Room r;
      // inside the frame's border, with `pad` to spare on every side
      r.x = std::max(f.x + left * k, f.x + pad);
      r.w = std::min(f.x + right * k, f.x + f.w - pad) - r.x;
      r.y = std::max(f.y + it.box[1] * k, f.y + pad);
      r.y_max = std::min(f.y + bottom * k, f.y + f.h - pad);
      r.size = std::clamp(it.size * k, 1.0, 600.0);  // a PDF font size is at most 600 pt
      // never smaller than overflow.min_size: text that does not fit at that size is
      // cut and reported (check lists it) instead of shrinking to an unreadable size
      r.min_size = d.min_size;
      rooms.push_back(r);
    }
    // The largest scale (1 down to the smallest allowed) at which each item fits; the
    // slide's bullets then share the smallest of theirs, so they keep one size.
    auto fits_at = [&](size_t i, double scale) {
      const Item& it = items[i];
      const Room& r = rooms[i];
      return place({{it.text, std::max(r.min_size, r.size * scale), it.bold, it.level, d.text, it.centre, it.marker, it.spans}}, r.x, r.y, r.w, r.y_max, false).fits();
    };
    auto best_scale = [&](size_t i) {
      return fit_size(1.0, std::min(1.0, rooms[i].min_size / rooms[i].size), [&](double sc) { return fits_at(i, sc); });
    };
    double body_scale = 1.0;
    std::vector<double> scale(items.size(), 1.0);
    for (size_t i = 0; i < items.size(); ++i) {
      scale[i] = best_scale(i);
      if (items[i].key.find(".title") == std::string::npos) body_scale = std::min(body_scale, scale[i]);
    }
    // Items are placed top to bottom; one never starts above the end of an earlier one it
    // shares columns with (a wrapped title pushes the first bullet down, or is cut).
    std::vector<size_t> order(items.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return rooms[a].y < rooms[b].y; });
    std::vector<std::array<double, 4>> taken;  // x0, y0, x1, y1 of placed items
    for (size_t i : order) {
      const Item& it = items[i];
      Room& r = rooms[i];
      double ix0 = r.x, ix1 = r.x + r.w;  // where its lines may run
      for (const auto& t : taken)
        if (std::min(t[2], ix1) > std::max(t[0], ix0) && t[3] > r.y && t[1] <= r.y + 1e-6) r.y = t[3];
      if (r.y_max < r.y) r.y_max = r.y;
      double sc = it.key.find(".title") == std::string::npos ? body_scale : scale[i];
      double sz = std::max(r.min_size, r.size * sc);
      // the scale found before the push-down may no longer fit: shrink again, to min_size
      sz = fit_size(sz, std::min(sz, r.min_size), [&](double z) {
        return place({{it.text, z, it.bold, it.level, d.text, it.centre, it.marker, it.spans}}, r.x, r.y, r.w, r.y_max, false).fits();
      });
      Placed best = place({{it.text, sz, it.bold, it.level, d.text, it.centre, it.marker, it.spans}}, r.x, r.y, r.w, r.y_max, false);
      auto extent = [](const Placed& p) {
        std::array<double, 2> e{1e9, -1e9};
        for (const auto& run : p.runs) { e[0] = std::min(e[0], run.x); e[1] = std::max(e[1], run.x + run.width); }
        return e;
      };
      // a word wider than its room runs past it: if it then crosses text placed before,
      // move below that text
      for (int tries = 0; tries < 8 && !best.runs.empty(); ++tries) {
        auto e = extent(best);
        const std::array<double, 4>* hit = nullptr;
        for (const auto& t : taken)
          if (std::min(t[2], e[1]) - std::max(t[0], e[0]) > 0.3 && std::min(t[3], r.y + best.height) - std::max(t[1], r.y) > 0.3) hit = &t;
        if (!hit) break;
        r.y = (*hit)[3];
        r.y_max = std::max(r.y_max, r.y);
        best = place({{it.text, sz, it.bold, it.level, d.text, it.centre, it.marker, it.spans}}, r.x, r.y, r.w, r.y_max, false);
      }
      if (!best.complete) {
        Placed all = place({{it.text, sz, it.bold, it.level, d.text, it.centre, it.marker, it.spans}}, r.x, r.y, r.w, 1e9, false);
        double need = all.height / std::max(1.0, r.y_max - r.y);
        doc.overflows.push_back({s.page, it.key, need});
        diag.warn({warn::text_overflow, o.file, s.page,
                   "slide " + number(s) + ": " + (o.step_units.count(it.key) ? o.step_units.at(it.key) + " (" + it.key + ")" : it.key) + " does not fit its box (needs " +
                       std::to_string(static_cast<int>(std::lround(need * 100))) + "% of the room); cut"});
      }
      if (!best.runs.empty()) {  // what the text covers, not its room
        auto e = extent(best);
        taken.push_back({e[0], r.y, e[1], r.y + best.height});
      }
      for (auto& run : best.runs) pg.texts.push_back(std::move(run));
    }
  }

  // The slide's text retypeset in a box: shrink down to overflow.min_size, then cut and warn.
  void cell_text(LaidOutPage& pg, const Slide& s, double x, double y, double w, double h) {
    const double min_scale = std::min(1.0, d.min_size / std::max(d.body.size, 1.0));
    double scale = fit_size(1.0, min_scale, [&](double sc) { return place(slide_paras(s, sc), x, y, w, y + h).fits(); });
    Placed best = place(slide_paras(s, scale), x, y, w, y + h);
    if (!best.complete)
      diag.warn({warn::text_overflow, o.file, s.page,
                 "slide " + number(s) + ": its text does not fit in the box even at " + std::to_string(int(d.min_size)) +
                     " pt; cut after " + std::to_string(best.lines) + " lines"});
    for (auto& r : best.runs) pg.texts.push_back(std::move(r));
  }

  // The slide's speaker notes in the notes area, shrunk down to overflow.min_size and then
  // cut (warning text-overflow); returns the height used (0 when the slide has no notes).
  double notes_text(LaidOutPage& pg, const Slide& s, double x, double y, double w, double h) {
    if (s.notes.empty()) return 0;
    auto paras = [&](double scale) {
      std::vector<Para> ps;
      for (const auto& n : s.notes) ps.push_back({n, d.body.size * scale, false, 0, d.text});
      return ps;
    };
    const double min_scale = std::min(1.0, d.min_size / std::max(d.body.size, 1.0));
    double scale = fit_size(1.0, min_scale, [&](double sc) { return place(paras(sc), x, y, w, y + h).fits(); });
    Placed best = place(paras(scale), x, y, w, y + h);
    if (!best.complete)
      diag.warn({warn::text_overflow, o.file, s.page,
                 "slide " + number(s) + ": its speaker notes do not fit beside it even at " + std::to_string(int(d.min_size)) +
                     " pt; cut after " + std::to_string(best.lines) + " lines"});
    for (auto& r : best.runs) pg.texts.push_back(std::move(r));
    return best.height;
  }

  [[noreturn]] void no_room(double line_h) const {
    char buf[160];
    std::snprintf(buf, sizeof buf, "the layout has no room for text: a line needs %.1f pt, the page has %.1f pt between header and footer",
                  line_h, cy1 - cy0);
    throw Error(Exit::layout, d.file.empty() ? d.name : d.file, buf, "make the margins, header, footer or font sizes smaller");
  }

  // ---- flow
  void flow() {
    auto ss = slides();
    new_page();
    double y = cy0;
    double cw = cx1 - cx0;
    double tx = cx0, tw = cw;  // text column
    if (d.thumbs) {
      double thumb_w = cw * d.thumb_share;
      tx = cx0 + thumb_w + 12;
      tw = cw - thumb_w - 12;
    }
    bool in_section = false;
    // Puts paragraphs on pages from y, continuing on new pages; returns the new y.
    auto pour = [&](const std::vector<Para>& ps, double x, double w) {
      for (const Para& p : ps) {
        std::vector<Para> one{p};
        // keep a short paragraph (up to 4 lines) together: move it whole to the next page
        {
          Placed trial = place(one, x, y, w, 1e9);
          if (trial.lines <= 4 && y + trial.height > cy1 + 1e-6 && y > cy0 + 1e-6) {
            new_page();
            y = cy0;
          }
        }
        double px = x, pw = w;  // a continued bullet keeps its text's indent
        for (;;) {
          const double top = y;
          Placed pl = place(one, px, y, pw, cy1);
          for (auto& r : pl.runs) doc.pages.back().texts.push_back(std::move(r));
          y += pl.height + p.size * 0.35;
          if (pl.complete) break;
          // not one line fits on an empty page: it never will (every loop must progress)
          if (pl.lines == 0 && top <= cy0 + 1e-6) no_room(p.size * 1.3);
          new_page();
          y = cy0;
          if (pl.lines == 0) continue;  // nothing fitted: the whole paragraph on the new page
          // continue the rest of this paragraph (from where it stopped) on the new page
          std::u32string logical = unicode::decode(one[0].text);
          if (one[0].level > 0) {
            double indent = d.level_indent * (one[0].level - 1) + p.size * 1.1;
            px += indent;
            pw -= indent;
          }
          const size_t cut = std::min(pl.rest, logical.size());
          std::vector<TextSpan> rest_spans;  // the spans of what is left, moved to its start
          for (auto sp : one[0].spans)
            if (sp.end > cut) {
              sp.begin = sp.begin > cut ? sp.begin - cut : 0;
              sp.end -= cut;
              rest_spans.push_back(sp);
            }
          one = {{unicode::encode(logical.substr(cut)), p.size, p.bold, 0, p.color, false, "", rest_spans}};
        }
      }
    };
    // the deck's title (a leaflet has it on its cover)
    std::string title = o.title.empty() ? deck.title : o.title;
    const bool leaf = d.mode == LayoutDef::Mode::leaflet;
    if (leaf) ss = inside;
    if (!title.empty() && !leaf) {
      Placed pl = place({{title, d.deck_title.size, d.deck_title.bold, 0, d.text}}, cx0, y, cw, cy1);
      for (auto& r : pl.runs) doc.pages.back().texts.push_back(std::move(r));
      y += pl.height + 4;
      doc.pages.back().rules.push_back({cx0, y, cx1, y, 0.8, d.rules});
      y += d.slide_gap;
    }
    for (const Slide* sp : ss) {
      const Slide& s = *sp;
      const bool shown = leaf && pictured.count(s.page);
      if (s.kind == SlideKind::blank && !shown) continue;
      std::vector<Para> ps;
      Para head;
      bool heading = true;
      if (s.kind == SlideKind::title) {
        head = {s.title, d.title.size, d.title.bold, 0, d.text};
        heading = s.title != title;  // the deck's title is already on top of the page
      } else if (s.kind == SlideKind::section) {
        head = {s.title, d.section.size, d.section.bold, 0, d.text};
      } else {
        head = {number(s) + "   " + (s.title.empty() ? "" : s.title), d.title.size, d.title.bold, 0, d.text};
      }
      // keep the heading with its first lines: start a new page when little room is left
      double need = head.size * 1.3 * 2 + d.body.size * 1.3 * 2;
      double thumb_h = 0;
      ImageBox im;
      if (d.thumbs) {
        im = picture(s, cx0, 0, cw * d.thumb_share, cy1 - cy0, false);
        thumb_h = im.h;
        need = std::max(need, thumb_h + 4);
      }
      if (shown) {  // a leaflet's chosen slide: its picture across the column, under its heading
        im = picture(s, cx0 + cw * (1 - d.leaflet.picture_share) / 2, 0, cw * d.leaflet.picture_share, (cy1 - cy0) * 0.6, true);
        need += im.h + 6;
      }
      if (y + need > cy1 && y > cy0 + 1) {
        new_page();
        y = cy0;
      }
      int page_index = static_cast<int>(doc.pages.size()) - 1;
      bookmark(s, page_index, y, in_section);
      const bool has_head = heading && !(s.kind == SlideKind::blank && head.text.find_first_not_of(" 0123456789") == std::string::npos);
      if (shown) {  // the heading, the picture, then the bullets
        if (has_head) pour({head}, tx, tw);
        heading = false;
        if (y + im.h > cy1 && y > cy0 + 1) {
          new_page();
          y = cy0;
        }
        im.y = y;
        frame(doc.pages.back(), s, im);
        y += im.h + 6;
      }
      double top = y;
      if (d.thumbs) {
        im.y = y;
        doc.pages.back().images.push_back(im);
        doc.pages.back().frames.push_back({s.id, {im.x, im.y, im.w, im.h}});
        if (d.border > 0) doc.pages.back().boxes.push_back({im.x, im.y, im.w, im.h, d.border, d.border_color});
      }
      if (heading && has_head) ps.push_back(head);
      block_paras(s, d.body.size, ps);
      size_t pages_before = doc.pages.size();
      pour(ps, tx, tw);
      if (d.thumbs && doc.pages.size() == pages_before) y = std::max(y, top + thumb_h);
      if (d.thumbs && doc.pages.size() != pages_before)
        diag.warn({warn::text_continues, o.file, s.page,
                   "slide " + number(s) + ": its text is longer than a page and continues away from its picture"});
      y += d.slide_gap;
      if (y > cy1) {
        new_page();
        y = cy0;
      }
    }
    // a trailing empty page (the last slide ended exactly at the bottom)
    if (doc.pages.size() > 1 && doc.pages.back().texts.empty() && doc.pages.back().images.empty()) doc.pages.pop_back();
  }

  // ---- leaflet (mode leaflet): a cover, the outline with chosen pictures, a back page
  std::vector<const Slide*> inside;  // the slides of the inside pages
  std::set<int> pictured;            // pages of the slides shown as pictures
  std::set<size_t> no_bands;         // pages without header and footer (covers, padding)

  static size_t words(const Slide& s) {
    size_t n = 0;
    for (const auto& b : s.blocks) {
      bool in = false;
      for (char c : b.text) {
        bool sp = c == ' ' || c == '\n' || c == '\t';
        if (!sp && !in) ++n;
        in = !sp;
      }
    }
    return n;
  }

  // Paragraphs placed in the column [x, x + w] with their bottom at `bottom` (or their top at
  // `top` when bottom < 0); returns the height used.
  double stack(LaidOutPage& pg, const std::vector<Para>& ps, double x, double w, double top, double bottom) {
    Placed trial = place(ps, x, 0, w, 1e9);
    double y = bottom >= 0 ? bottom - trial.height : top;
    Placed pl = place(ps, x, y, w, std::max(y, cy1) + trial.height);
    for (auto& r : pl.runs) pg.texts.push_back(std::move(r));
    return trial.height;
  }

  // A slide shown in a leaflet: its picture, or (a translated deck: the picture shows the
  // source language) its text retypeset in the slide's shape, as grid frames do
  void frame(LaidOutPage& pg, const Slide& s, const ImageBox& im) {
    pg.frames.push_back({s.id, {im.x, im.y, im.w, im.h}});
    if (text_frames) {
      text_frame(pg, s, im);
      pg.boxes.push_back({im.x, im.y, im.w, im.h, std::max(d.border, 0.5), d.border_color});
      return;
    }
    pg.images.push_back(im);
    if (d.border > 0) pg.boxes.push_back({im.x, im.y, im.w, im.h, d.border, d.border_color});
  }

  void leaflet() {
    auto ss = slides();
    const std::string title = o.title.empty() ? deck.title : o.title;
    const double W = d.paper_w, H = d.paper_h, cw = cx1 - cx0;
    const Color white{1, 1, 1};
    // the slide the cover shows: the title slide, else the first
    const Slide* cover_slide = ss.empty() ? nullptr : ss.front();
    for (const Slide* sp : ss)
      if (sp->kind == SlideKind::title) { cover_slide = sp; break; }
    // the back page: contact text from --contact or the layout, else none (the last slide
    // stays inside with the others: a content slide is no contact panel)
    const Slide* back_slide = nullptr;
    for (const Slide* sp : ss)
      if (sp != cover_slide && sp != back_slide) inside.push_back(sp);
    if (!d.leaflet.pictures_auto) {
      for (int p : d.leaflet.pictures) pictured.insert(p);
    } else {  // slides that say little in words (diagrams, photos, charts): up to six, at least two
      std::vector<const Slide*> cand;
      for (const Slide* sp : inside)
        if (sp->kind != SlideKind::section && sp->kind != SlideKind::title) cand.push_back(sp);
      std::stable_sort(cand.begin(), cand.end(), [](const Slide* a, const Slide* b) { return words(*a) < words(*b); });
      for (const Slide* sp : cand)
        if (pictured.size() < 6 && (words(*sp) < 12 || pictured.size() < 2)) pictured.insert(sp->page);
    }
    for (int p : o.pictures) pictured.insert(p);

    // cover: a band of the accent colour from the top edge (into the bleed when printing)
    LaidOutPage& cover = new_page();
    no_bands.insert(0);
    const double band_h = H * 0.45;
    cover.fills.push_back({0, 0, W, band_h, d.accent});
    std::vector<Para> tp;
    if (!title.empty()) tp.push_back({title, d.deck_title.size * 1.25, true, 0, white});
    if (cover_slide && cover_slide->kind == SlideKind::title)
      for (const auto& b : cover_slide->blocks) {
        if (tp.size() >= 4) break;
        if (b.text != title) tp.push_back({b.text, d.title.size, false, 0, white});
      }
    stack(cover, tp, cx0, cw, 0, band_h - d.safe_inset);
    double y = band_h + d.title.size * 1.5;
    std::vector<Para> ev;
    if (!o.event.empty()) ev.push_back({o.event, d.section.size, true, 0, d.text});
    if (!o.date.empty()) ev.push_back({o.date, d.title.size, false, 0, d.muted});
    if (!ev.empty()) y += stack(cover, ev, cx0, cw, y, -1) + d.title.size;
    if (cover_slide && cy1 - y > 60) {
      ImageBox im = picture(*cover_slide, cx0 + cw * 0.1, y, cw * 0.8, cy1 - y, true);
      frame(cover, *cover_slide, im);
      bool in_section = false;
      bookmark(*cover_slide, 0, 0, in_section);
    }
    // inside pages
    if (!inside.empty()) flow();
    // back page: the contact text low on the page, the deck's title above it
    LaidOutPage& back = new_page();
    no_bands.insert(doc.pages.size() - 1);
    std::vector<Para> cp;
    std::string contact = !o.contact.empty() ? o.contact : d.leaflet.contact;
    if (!contact.empty()) {
      size_t start = 0;
      while (start <= contact.size()) {
        size_t nl = contact.find('\n', start);
        std::string line = contact.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
        if (!line.empty()) cp.push_back({line, cp.empty() ? d.title.size : d.body.size, cp.empty(), 0, d.text});
        if (nl == std::string::npos) break;
        start = nl + 1;
      }
    } else if (back_slide) {
      if (!back_slide->title.empty()) cp.push_back({back_slide->title, d.title.size, d.title.bold, 0, d.text});
      for (const auto& b : back_slide->blocks) cp.push_back({b.text, d.body.size, false, b.level, d.text, false, b.marker});
      bool in_section = false;
      bookmark(*back_slide, static_cast<int>(doc.pages.size()) - 1, cy1 - 100, in_section);
    }
    // the foot band of the back page, in the accent colour, to the bottom edge; the
    // contact text above it
    const double foot = H * 0.06, bottom = std::min(cy1, H - foot - d.title.size);
    if (!cp.empty()) {
      double h = stack(back, cp, cx0, cw, 0, bottom);
      back.rules.push_back({cx0, bottom - h - d.title.size, cx1, bottom - h - d.title.size, 0.8, d.accent});
    }
    back.fills.push_back({0, H - foot, W, foot, d.accent});
  }

  // ---- review (mode review, `deckhand review`): slide by slide, the slide's picture (the
  // translated slide, as the caller gives it), then a table of its units: the unit's name,
  // its source, its translation with its state and, in red, what is wrong where it is set.
  // A row never splits across pages; a slide's picture starts a page when it does not fit.
  void review() {
    const double cw = cx1 - cx0, gap = 8, small = std::max(6.0, d.body.size * 0.8);
    const double kw = cw * 0.13, sw = (cw - kw - 2 * gap) * 0.46, tw = cw - kw - sw - 2 * gap;
    const double kx = cx0, sx = kx + kw + gap, tx = sx + sw + gap;
    const Color red{0.75, 0.1, 0.1};
    std::map<std::string, std::vector<const ReviewUnit*>> by_slide;
    for (const auto& u : o.review) by_slide[u.key.substr(0, u.key.find('.'))].push_back(&u);
    LaidOutPage* pg = &new_page();
    double y = cy0;
    auto fresh_page = [&]() {
      pg = &new_page();
      y = cy0;
    };
    auto put_placed = [&](Placed&& p) {
      for (auto& r : p.runs) pg->texts.push_back(std::move(r));
    };
    const std::string src_head = "Source" + (o.source_lang.empty() ? "" : " (" + o.source_lang + ")");
    const std::string tgt_head = "Translation" + (o.target_lang.empty() ? "" : " (" + o.target_lang + ")");
    for (const Slide* sp : slides()) {
      const Slide& s = *sp;
      auto it = by_slide.find(s.id);
      const std::vector<const ReviewUnit*> none;
      const auto& units = it == by_slide.end() ? none : it->second;
      std::string heading = "Slide " + number(s);
      for (const ReviewUnit* u : units)
        if (u->key == s.id + ".title") heading += ": " + u->source;
      std::vector<Para> hp{{heading, d.title.size, true, 0, d.text}};
      Placed hm = place(hp, cx0, 0, cw, 1e9, false);
      ImageBox im = picture(s, cx0, 0, cw * 0.5, (cy1 - cy0) * 0.4, false);
      if (y > cy0 && y + hm.height + gap + im.h > cy1) fresh_page();
      bool in_section = false;
      bookmark(s, static_cast<int>(doc.pages.size()) - 1, y, in_section);
      put_placed(place(hp, cx0, y, cw, 1e9, false));
      y += hm.height + gap / 2;
      im.y = y;
      frame(*pg, s, im);
      y += im.h + gap;
      if (units.empty()) {
        put_placed(place({{"(no text to translate)", small, false, 0, d.muted}}, cx0, y, cw, 1e9, false));
        y += small * 1.3 + gap * 2;
        continue;
      }
      auto heads = [&]() {
        const double base = y;
        put_placed(place({{"Unit", small, true, 0, d.muted}}, kx, base, kw, 1e9, false));
        put_placed(place({{src_head, small, true, 0, d.muted}}, sx, base, sw, 1e9, false));
        put_placed(place({{tgt_head, small, true, 0, d.muted}}, tx, base, tw, 1e9, false));
        y += small * 1.3 + 2;
        pg->rules.push_back({cx0, y, cx1, y, 0.6, d.muted});
        y += 3;
      };
      heads();
      for (const ReviewUnit* u : units) {
        std::vector<Para> key{{u->key.substr(u->key.find('.') + 1), small, false, 0, d.muted}};
        std::vector<Para> src{{u->source, d.body.size, false, 0, d.text}};
        std::vector<Para> tgt;
        if (!u->target.empty()) tgt.push_back({u->target, d.body.size, false, 0, u->used ? d.text : d.muted});
        tgt.push_back({u->state, small, false, 0, u->used ? d.muted : red});
        if (!u->problem.empty()) tgt.push_back({u->problem, small, true, 0, red});
        auto height = [&](const std::vector<Para>& ps, double w) { return place(ps, 0, 0, w, 1e9, false).height; };
        auto target = [&](double at) {  // set in the target language's direction ("IETF ..." in Arabic too)
          rtl_target = direction::language_is_rtl(o.target_lang);
          Placed p = place(tgt, tx, at, tw, 1e9, false);
          rtl_target = false;
          return p;
        };
        const double h = std::max({height(key, kw), height(src, sw), target(0).height});
        if (y + h > cy1 && y > cy0) {
          fresh_page();
          heads();
        }
        put_placed(place(key, kx, y, kw, 1e9, false));
        put_placed(place(src, sx, y, sw, 1e9, false));
        put_placed(target(y));
        if (!u->problem.empty()) pg->boxes.push_back({tx - 3, y - 2, tw + 6, h + 4, 0.8, red});
        y += h + 3;
        pg->rules.push_back({cx0, y, cx1, y, 0.3, d.muted});
        y += 4;
      }
      y += gap * 1.5;
    }
  }

  // ---- trifold (mode trifold): an A4 roll fold of three panels a side. The panels are
  // laid out as narrow leaflet pages (cover, inside pages, back page) by a second builder,
  // then placed: outside (page 1) = [fold-in flap | back | cover], inside (page 2) =
  // [inside 1 | inside 2 | fold-in]. The fold-in panel is 2 mm narrower than the others
  // (97 mm of an A4 sheet's 297: 100/100/97) so it folds in without buckling; each panel
  // keeps its own margins, so content stays clear of the folds.
  void trifold() {
    const double W = d.paper_w, mm = 72 / 25.4;
    const double fold_in = W / 3 - 2 * mm, outer = (W - fold_in) / 2;
    LayoutDef pd = d;
    pd.mode = LayoutDef::Mode::leaflet;
    pd.paper_w = fold_in;
    pd.header = {};
    pd.footer = {};
    Builder sub(deck, pd, fonts, o, diag);
    sub.rtl_page = rtl_page;
    sub.text_frames = text_frames;
    sub.leaflet();
    missing.insert(sub.missing.begin(), sub.missing.end());
    missing.insert(sub.ts.missing().begin(), sub.ts.missing().end());
    for (auto& ov : sub.doc.overflows) doc.overflows.push_back(ov);
    auto& sp = sub.doc.pages;  // cover, inside..., back
    // where each panel page goes: {sheet page, x of the panel's left edge, panel width}
    struct Slot { int page; double x, w; };
    std::vector<Slot> inside_slots = {{1, 0, outer}, {1, outer, outer}, {1, 2 * outer, fold_in}, {0, 0, fold_in}};
    if (rtl_page) inside_slots = {{1, W - outer, outer}, {1, W - 2 * outer, outer}, {1, 0, fold_in}, {0, W - fold_in, fold_in}};
    new_page();
    new_page();
    no_bands = {0, 1};
    auto put_panel = [&](LaidOutPage& from, int sub_index, const Slot& to) {
      LaidOutPage& pg = doc.pages[static_cast<size_t>(to.page)];
      const double dx = to.x + (to.w - fold_in) / 2;  // centred in a wider panel
      for (auto f : from.fills) {
        if (f.x <= 0.01 && f.x + f.w >= fold_in - 0.01) {  // across the panel page: across the panel
          f.x = to.x;
          f.w = to.w;
        } else {
          f.x += dx;
        }
        pg.fills.push_back(f);
      }
      for (auto im : from.images) { im.x += dx; pg.images.push_back(im); }
      for (auto b : from.boxes) { b.x += dx; pg.boxes.push_back(b); }
      for (auto r : from.rules) { r.x0 += dx; r.x1 += dx; pg.rules.push_back(r); }
      for (auto t : from.texts) { t.x += dx; pg.texts.push_back(t); }
      for (auto fr : from.frames) { fr.second[0] += dx; pg.frames.push_back(fr); }
      for (auto bm : sub.doc.bookmarks)
        if (bm.page == sub_index) { bm.page = to.page; doc.bookmarks.push_back(bm); }
    };
    const int n = static_cast<int>(sp.size());
    put_panel(sp[0], 0, rtl_page ? Slot{0, 0, outer} : Slot{0, W - outer, outer});  // cover
    if (n > 1) put_panel(sp[static_cast<size_t>(n - 1)], n - 1, Slot{0, outer, outer});  // back
    for (int i = 1; i < n - 1; ++i) {
      if (i - 1 < static_cast<int>(inside_slots.size())) put_panel(sp[static_cast<size_t>(i)], i, inside_slots[static_cast<size_t>(i - 1)]);
    }
    if (n - 2 > static_cast<int>(inside_slots.size()))
      diag.warn({warn::text_overflow, o.file, 0, "the outline needs " + std::to_string(n - 2) + " panels and a trifold has 4: the rest is left out "
                 "(choose fewer pictures with --pictures, or use leaflet-a5)"});
    std::stable_sort(doc.bookmarks.begin(), doc.bookmarks.end(), [](const Bookmark& a, const Bookmark& b) { return a.page < b.page; });
  }

  // A booklet's page count: a multiple of 4, blank pages added before the last page (the
  // back cover). Bookmarks to the last page move with it.
  void pad_to_four() {
    if (doc.pages.size() < 2) return;
    size_t add = (4 - doc.pages.size() % 4) % 4;
    if (add == 0) return;
    size_t at = doc.pages.size() - 1;
    LaidOutPage blank;
    blank.width = d.paper_w;
    blank.height = d.paper_h;
    for (auto& bm : doc.bookmarks)
      if (bm.page >= static_cast<int>(at)) bm.page += static_cast<int>(add);
    std::set<size_t> nb;
    for (size_t p : no_bands) nb.insert(p >= at ? p + add : p);
    for (size_t k = 0; k < add; ++k) nb.insert(at + k);
    no_bands = nb;
    doc.pages.insert(doc.pages.begin() + static_cast<long>(at), add, blank);
  }

  // ---- header and footer, once the page count is known
  void bands() {
    std::string title = o.title.empty() ? deck.title : o.title;
    int n = static_cast<int>(doc.pages.size());
    for (int i = 0; i < n; ++i) {
      if (no_bands.count(static_cast<size_t>(i))) continue;
      std::map<std::string, std::string> fields = {{"deck_title", title}, {"event", o.event}, {"date", o.date},
                                                   {"page", std::to_string(i + 1)}, {"pages", std::to_string(n)}};
      auto band = [&](const Band& b, double baseline) {
        double w = cx1 - cx0;
        // in a right-to-left handout the left and right texts trade places
        const std::string& left = rtl_page ? b.right : b.left;
        const std::string& right = rtl_page ? b.left : b.right;
        // each slot may use the room the others leave (half the width when all are used)
        const double gap = b.size;
        std::string lt = left.empty() ? "" : fill(left, fields), ct = b.center.empty() ? "" : fill(b.center, fields),
                    rt = right.empty() ? "" : fill(right, fields);
        auto width_of = [&](const std::string& t) { return this->width_of(t, b.size, false); };
        if (!ct.empty()) {
          double side = std::max(width_of(lt), width_of(rt));
          double room = lt.empty() && rt.empty() ? w : std::max(w / 3, w - 2 * (std::min(side, w / 3) + gap));
          ct = ellipsize(ct, b.size, false, room);
          double cw = width_of(ct);
          double side_room = lt.empty() && rt.empty() ? 0 : (w - cw) / 2 - gap;
          lt = ellipsize(lt, b.size, false, side_room);
          rt = ellipsize(rt, b.size, false, side_room);
          put(doc.pages[i], ct, cx0 + (w - cw) / 2, baseline, b.size, false, d.muted);
        } else if (!lt.empty() && !rt.empty()) {
          double lw = width_of(lt), rw = width_of(rt);
          if (lw + rw + gap > w) {  // the shorter keeps its length up to half the width
            if (lw > rw) { rt = ellipsize(rt, b.size, false, w / 2 - gap / 2); lt = ellipsize(lt, b.size, false, w - width_of(rt) - gap); }
            else { lt = ellipsize(lt, b.size, false, w / 2 - gap / 2); rt = ellipsize(rt, b.size, false, w - width_of(lt) - gap); }
          }
        } else {
          lt = ellipsize(lt, b.size, false, w);
          rt = ellipsize(rt, b.size, false, w);
        }
        if (!lt.empty()) put(doc.pages[i], lt, cx0, baseline, b.size, false, d.muted);
        if (!rt.empty()) put(doc.pages[i], rt, cx1, baseline, b.size, false, d.muted, true);
      };
      if (!d.header.empty()) band(d.header, d.m_top + d.header.size);
      if (!d.footer.empty()) band(d.footer, d.paper_h - d.m_bottom - fonts.get("regular").descent(d.footer.size));
    }
  }
};

}  // namespace

LaidOutDoc lay_out(const Deck& deck, const LayoutDef& def, const FontSet& fonts, const HandoutOptions& opts,
                   Diagnostics& diag) {
  // Print geometry: nothing but backgrounds between the trim and the safe margin, so the
  // margins are at least `safe`; fills that reach the trim continue into the bleed (below).
  LayoutDef eff = def;
  if (eff.print.on) {
    eff.m_top = std::max(eff.m_top, eff.print.safe);
    eff.m_right = std::max(eff.m_right, eff.print.safe);
    eff.m_bottom = std::max(eff.m_bottom, eff.print.safe);
    eff.m_left = std::max(eff.m_left, eff.print.safe);
  }
  eff.safe_inset = std::max(eff.print.on ? eff.print.safe : 0.0, 14.17);
  Builder b(deck, eff, fonts, opts, diag);
  if (!(b.cx1 - b.cx0 > 1 && b.cy1 - b.cy0 > 1)) b.no_room(def.body.size * 1.3);
  b.rtl_page = def.direction == "rtl" || (def.direction == "auto" && deck.direction == "rtl");
  // `auto` frames show the slide's picture; for a translated deck the caller gives the
  // translated slides as that picture (render/translated_slides.hpp), slide by slide
  b.text_frames = def.content == LayoutDef::Content::text;
  if (def.mode == LayoutDef::Mode::grid) b.grid();
  else if (def.mode == LayoutDef::Mode::leaflet) b.leaflet();
  else if (def.mode == LayoutDef::Mode::trifold) b.trifold();
  else if (def.mode == LayoutDef::Mode::review) b.review();
  else b.flow();
  if (b.doc.pages.empty()) b.new_page();
  if (def.mode == LayoutDef::Mode::leaflet || def.print.booklet) b.pad_to_four();
  // a leaflet is a few folded sheets: past 16 pages (four A4 sheets folded to A5) it is a
  // booklet the reader did not ask for
  if (def.mode == LayoutDef::Mode::leaflet && b.doc.pages.size() > 16)
    diag.warn({warn::leaflet_long, opts.file, 0,
               "the " + def.name + " leaflet has " + std::to_string(b.doc.pages.size()) + " pages for " + std::to_string(deck.slides.size()) +
                   " slides (a leaflet is at most 16: four sheets folded); print fewer slides (a deck JSON made with extract --pages), or use a handout layout such as grid-6"});
  b.bands();
  if (def.print.on) {
    PrintGeometry& pg = b.doc.print;
    pg.on = true;
    pg.bleed = def.print.bleed;
    pg.safe = def.print.safe;
    pg.marks = def.print.marks;
    pg.mark_length = def.print.mark_length;
    pg.mark_offset = def.print.mark_offset;
    pg.mark_weight = def.print.mark_weight;
    // a fill that reaches an edge of the trim continues into the bleed on that side
    const double e = 0.01;
    for (auto& p : b.doc.pages)
      for (auto& f : p.fills) {
        if (f.x <= e) { f.w += f.x + pg.bleed; f.x = -pg.bleed; }
        if (f.y <= e) { f.h += f.y + pg.bleed; f.y = -pg.bleed; }
        if (f.x + f.w >= p.width - e) f.w = p.width + pg.bleed - f.x;
        if (f.y + f.h >= p.height - e) f.h = p.height + pg.bleed - f.y;
      }
  }
  b.doc.rtl = b.rtl_page;
  b.missing.insert(b.ts.missing().begin(), b.ts.missing().end());
  if (!b.missing.empty()) {
    std::string list;
    for (char32_t c : b.missing) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "U+%04X", unsigned(c));
      if (!list.empty()) list += ' ';
      list += buf;
    }
    diag.warn({warn::missing_glyph, opts.file, 0, "no font in the chain has these characters; they print as a box (□): " + list});
  }
  b.doc.fonts = b.ts.paths();  // (the layout's fonts, and the monospaced face of code listings)
  bool cut = false;
  b.doc.title = cut_title(opts.title.empty() ? deck.title : opts.title, cut);
  for (auto& bm : b.doc.bookmarks) bm.title = cut_title(bm.title, cut);
  if (cut)
    diag.warn({warn::title_cut, opts.file, 0,
               "a title over " + std::to_string(pdf_title_bytes) +
                   " bytes is cut (with …) in the PDF's document properties and bookmarks (libharu's string limit); the pages show it as the layout sets any title"});
  bool subject_cut = false;  // (a source file name from a deck JSON can be long too; not worth a warning)
  b.doc.subject = cut_title("Handout (" + def.name + ") of " + (deck.source.file.empty() ? "a slide deck" : deck.source.file), subject_cut);
  auto iso = [](const std::string& d) {  // YYYY-MM-DD
    if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
      if (d[i] < '0' || d[i] > '9') return false;
    return true;
  };
  if (iso(opts.date)) b.doc.date = opts.date;
  b.doc.image_quality = def.quality;
  return b.doc;
}

}  // namespace deckhand::layout

// One pass over a page's content (see page_scan.hpp): Poppler's own text device, which
// finds the words as pdftotext does, extended to record in drawing order what the
// analysis needs besides the words: each glyph and everything else that paints, with its
// colour, transparency (opacity, soft masks, blend modes, transparency groups) and clip
// (hidden text, visibility.hpp), and everything that leaves ink (drawn bullets).
#include "extract/page_scan.hpp"

#include <GfxFont.h>
#include <GfxState.h>
#include <GlobalParams.h>
#include <OutputDev.h>
#include <PDFDoc.h>
#include <Stream.h>
#include <TextOutputDev.h>
#include <UTF.h>
#include <goo/gmem.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cstring>
#include <array>
#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <tuple>

#include "core/direction.hpp"
#include "extract/pdf_reader.hpp"
#include "core/docs.hpp"
#include "core/error.hpp"
#include "core/limits.hpp"
#include "core/unicode.hpp"

namespace deckhand::extract {

namespace {

using Shape = DrawnShape;
using Glyph = DrawnChar;

bool contains_ci(const std::string& s, const char* needle) {
  std::string a = s, b = needle;
  std::transform(a.begin(), a.end(), a.begin(), ::tolower);
  std::transform(b.begin(), b.end(), b.begin(), ::tolower);
  return a.find(b) != std::string::npos;
}

std::string strip_subset(const std::string& name) {
  if (name.size() > 7 && name[6] == '+' &&
      std::all_of(name.begin(), name.begin() + 6, [](char c) { return c >= 'A' && c <= 'Z'; }))
    return name.substr(7);
  return name;
}

// Ink of a character, for drawn bullets: a glyph without text, or a symbol; never a
// letter, digit, space or ordinary punctuation (text of the line's own or another
// fragment, not a bullet).
bool may_be_bullet(Unicode c) {
  if (c == '-' || c == '*' || c == '>' || c == '+' || c == '~' || c == '=') return true;
  if (c < 0x80) return false;
  auto cp = static_cast<UChar32>(c);
  return !(u_isalnum(cp) || u_isspace(cp) || u_ispunct(cp) || u_isUWhiteSpace(cp)) || c == 0x2022 || c == 0x2023 || c == 0x2043;
}

// Type 3 fonts (docs/extraction.md, "Type 3 fonts"). A Type 3 font's glyphs are drawn by
// content streams, so the size of its em is not written anywhere: Poppler's TextPage guesses
// it from one glyph's advance (TextPage::updateFont, Poppler 22.12: the glyph named "m" is
// taken to be 0.6 em wide, else the first glyph named by one letter, else the first glyph
// with an advance, 0.5 em; times |FontMatrix[3] / FontMatrix[0]|). Chromium's Skia (Chrome's
// "Save as PDF", Marp) names its glyphs g0, g1...: the guess then rests on whichever glyph
// comes first, and made a Marp deck's 21.75 pt text 33.1 pt, its titles 1.2 to 1.9 times
// their size, each font by another factor.
// poppler_type3_factor is that guess, as a factor of the transformed font size.
double poppler_type3_factor(const Gfx8BitFont& f) {
  int m = -1, letter = -1, any = -1;
  for (int code = 0; code < 256; ++code) {
    const char* name = f.getCharName(code);
    const size_t len = name ? std::strlen(name) : 0;
    const bool one = len == 1;
    if (one && name[0] == 'm') m = code;
    if (letter < 0 && one && ((name[0] >= 'A' && name[0] <= 'Z') || (name[0] >= 'a' && name[0] <= 'z'))) letter = code;
    if (any < 0 && name && f.getWidth(static_cast<unsigned char>(code)) > 0) any = code;
  }
  double k = 1;
  double w = 0;
  if (m >= 0 && (w = f.getWidth(static_cast<unsigned char>(m))) > 0) k = w / 0.6;
  else if (letter >= 0 && (w = f.getWidth(static_cast<unsigned char>(letter))) > 0) k = w / 0.5;
  else if (any >= 0 && (w = f.getWidth(static_cast<unsigned char>(any))) > 0) k = w / 0.5;
  const double* fm = f.getFontMatrix();
  if (fm[0] != 0) k *= std::abs(fm[3] / fm[0]);
  return k;
}

// The em of a Type 3 font as a factor of the transformed font size. A Type 3 font's
// FontMatrix maps the units its glyphs are drawn in to text space; the fonts met so far
// make one text-space unit the em, as every other font type does (Skia: 1 / units per em,
// 0.001 or 0.00125; pdfTeX's bitmap fonts: 1 / pixels per em, about 0.012): 1, then, where
// the glyphs' advances agree. They are read from the glyphs whose ToUnicode maps to one
// Latin letter or digit, each over that character's advance in Helvetica (Adobe's Core 14
// AFM metrics): the median of those ratios, within some 15 % of the em for a proportional
// font. 1 when that median is 0.75 to 1.4, else the median (a font drawn at its size
// under `1 Tf`); 1 when the font maps fewer than three such characters (a font of
// symbols only; text without ToUnicode reads as garbage anyway).
double type3_em(const Gfx8BitFont& f) {
  static constexpr short lower[26] = {556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833,
                                      556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500};
  static constexpr short upper[26] = {667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
                                      722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611};
  std::vector<double> ratios;
  if (f.hasToUnicodeCMap())
    for (int code = 0; code < 256; ++code) {
      const char byte = static_cast<char>(code);
      CharCode c = 0;
      const Unicode* u = nullptr;
      int n = 0;
      double dx, dy, ox, oy;
      f.getNextChar(&byte, 1, &c, &u, &n, &dx, &dy, &ox, &oy);  // (its ToUnicode mapping: CharCodeToUnicode's own is not exported)
      if (n != 1 || !u) continue;
      const double w = std::abs(f.getWidth(static_cast<unsigned char>(code)));
      if (!(w > 0)) continue;
      int ref = 0;
      if (u[0] >= 'a' && u[0] <= 'z') ref = lower[u[0] - 'a'];
      else if (u[0] >= 'A' && u[0] <= 'Z') ref = upper[u[0] - 'A'];
      else if (u[0] >= '0' && u[0] <= '9') ref = 556;
      if (ref) ratios.push_back(w * 1000 / ref);
    }
  if (ratios.size() < 3) return 1;
  std::nth_element(ratios.begin(), ratios.begin() + ratios.size() / 2, ratios.end());
  const double b = ratios[ratios.size() / 2];
  return b > 0.75 && b < 1.4 ? 1 : b;
}

// Poppler's TextOutputDev (the words, exactly as poppler-cpp's page::text_list and
// pdftotext find them) that also records characters, shapes and ink. It is kept for all
// pages, so the colour spaces Poppler builds (ICC transforms, cached per output device)
// are built once per document and worker, not once per page.
class ScanDev : public TextOutputDev {
 public:
  ScanDev() : TextOutputDev(nullptr, false, 0, false, false) {}

  std::vector<Shape> shapes;
  std::vector<InkMark> marks;
  std::vector<Glyph> glyphs;
  size_t order = 0;
  // Every glyph shown, at Poppler's character position (TextPage counts the bytes of the
  // strings shown, in drawing order; TextWord::getCharPos is on the same scale): which
  // positions are spaces, and how many characters each glyph maps to.
  struct Shown {
    int pos = 0, bytes = 0, chars = 0;
    std::u32string text;  // the characters it maps to, as TextPage spells them (presentation forms decomposed)
    bool space = false, skip = false;
    float rgb[3] = {0, 0, 0};  // fill colour
    float alpha = 1;           // fill opacity (constant alpha, /ca)
    short named = -1;          // a Type 3 font's name from its descriptor: index into type3_names
  };
  std::vector<Shown> shown;
  std::vector<SpaceGlyph> spaces;
  // The fonts (by their full name) that draw an ordinary space (U+0020) on the page, and
  // the no-break space glyphs drawn: index into `spaces`, font (SpaceGlyph::no_break is
  // set at the page's end for those whose font is among the first)
  std::set<std::string> plain_space_fonts;
  std::vector<std::tuple<size_t, std::string, char32_t>> no_break_spaces;
  int char_pos = 0;
  struct OpenSpan {
    size_t drawn = 0;  // glyphs drawn on the page when it began
    std::u32string text;
  };
  std::vector<OpenSpan> open_spans;  // ActualText spans begun and not yet ended
  // Joiners found, each with the number of glyphs drawn before it: it stands between
  // that glyph and the one drawn next (place_joiners)
  std::vector<std::pair<size_t, SpaceGlyph>> joiners;
  // Puts each joiner where the glyphs drawn before and after it meet (the pen position
  // at its span is that only for glyphs drawn left to right; cairo draws a right-to-left
  // run right to left) and adds it to `spaces`.
  void place_joiners() {
    for (auto& [k, j] : joiners) {
      if (k == 0 || k >= glyphs.size()) continue;
      const Glyph& a = glyphs[k - 1];
      const Glyph& b = glyphs[k];
      double em = std::max({a.size, b.size, 1.0});
      double x = b.x0 >= a.x0 ? (a.x1 + b.x0) / 2 : (b.x1 + a.x0) / 2;
      if (std::abs(a.y1 - b.y1) > 0.2 * em || std::abs(x - j.x0) > 3 * em) continue;
      j.x0 = j.x1 = x;
      spaces.push_back(j);
    }
    joiners.clear();
  }
  // The advance widths (glyph space, thousandths of the size) each font shows on the page,
  // by the font's full name: a font whose glyphs all have one width is monospaced.
  struct Widths {
    double lo = 1e9, hi = -1e9;
    std::set<Unicode> letters;  // different Latin, Greek and Cyrillic letters shown
  };
  std::map<std::string, Widths> widths;

  // A Type 3 font: TextPage is given the font at the size that makes its guess (see
  // poppler_type3_factor) the em type3_em reads, for the words' sizes and boxes; the state
  // keeps its own size (the glyphs' positions and this device's own records use it).
  void updateFont(GfxState* state) override {
    const std::shared_ptr<GfxFont>& font = state->getFont();
    if (!font || font->getType() != fontType3) return TextOutputDev::updateFont(state);
    const auto* f8 = static_cast<const Gfx8BitFont*>(font.get());
    const Ref id = *font->getID();
    const auto key = std::make_tuple(font.get(), id.num, id.gen);  // (a freed font's address may come again)
    auto it = type3_scale.find(key);
    if (it == type3_scale.end()) {
      const double guess = poppler_type3_factor(*f8), em = type3_em(*f8);
      it = type3_scale.emplace(key, guess > 0 && em > 0 && std::isfinite(em / guess) ? em / guess : 1.0).first;
    }
    if (std::abs(it->second - 1) < 0.01) return TextOutputDev::updateFont(state);
    const double size = state->getFontSize();
    state->setFont(font, size * it->second);
    TextOutputDev::updateFont(state);
    state->setFont(font, size);
  }
  std::map<std::tuple<const GfxFont*, int, int>, double> type3_scale;  // (a page's fonts: cleared with the page)
  // A Type 3 font has no /BaseFont, so Poppler gives its words no font name; Skia writes
  // the font it drew the glyphs from in the descriptor's /FontName ("AAAAAA+CMUSansSerif-Bold"):
  // its words take that name (their bold and italic, their font in the deck JSON).
  std::vector<std::string> type3_names;
  std::map<std::pair<int, int>, short> type3_name_of;  // font object -> index (-1: none)
  XRef* page_xref = nullptr;
  short descriptor_name(const GfxFont& font) {
    const Ref id = *font.getID();
    if (id.num <= 0 || !page_xref) return -1;
    auto [it, fresh] = type3_name_of.try_emplace({id.num, id.gen}, static_cast<short>(-1));
    if (!fresh) return it->second;
    Object dict = page_xref->fetch(id);
    if (!dict.isDict()) return -1;
    Object desc = dict.dictLookup("FontDescriptor");
    if (!desc.isDict()) return -1;
    Object name = desc.dictLookup("FontName");
    if (!name.isName() || type3_names.size() >= 1000) return -1;
    type3_names.emplace_back(name.getName());
    return it->second = static_cast<short>(type3_names.size() - 1);
  }

  // Pictures and gradients are reported (TextOutputDev skips them), as one call each.
  bool needNonText() override { return true; }
  bool useShadedFills(int) override { return true; }

  void endPage() override {
    play_span(nullptr);
    release_mark();
    TextOutputDev::endPage();
  }
  void startPage(int num, GfxState* state, XRef* xref) override {
    held.reset();
    rtl_span.reset();
    last_x1 = -1e9;
    shapes.clear();
    marks.clear();
    glyphs.clear();
    order = 0;
    shown.clear();
    spaces.clear();
    plain_space_fonts.clear();
    no_break_spaces.clear();
    type3_scale.clear();
    type3_names.clear();
    type3_name_of.clear();
    page_xref = xref;
    char_pos = 0;
    open_spans.clear();
    joiners.clear();
    widths.clear();
    cur = Tracked{};
    saved.clear();
    text_clip = false;
    TextOutputDev::startPage(num, state, xref);
  }

  // --- the graphics state Poppler's GfxState does not keep for us: whether a soft mask
  // is in force, whether the clip is known exactly, the transparency groups drawn in
  void saveState(GfxState* state) override {
    play_span(state);
    release_mark();
    Tracked t = cur;
    t.fill_opacity = state->getFillOpacity();
    t.blend = state->getBlendMode();
    saved.push_back(t);
    TextOutputDev::saveState(state);
  }
  void restoreState(GfxState* state) override {
    play_span(state);
    release_mark();
    if (!saved.empty()) {
      cur = saved.back();
      saved.pop_back();
    }
    TextOutputDev::restoreState(state);
  }
  void clip(GfxState* state) override { note_clip(state); }
  void eoClip(GfxState* state) override { note_clip(state); }
  void clipToStrokePath(GfxState*) override { cur.clip_known = false; }
  void endTextObject(GfxState* state) override {
    play_span(state);
    release_mark();
    if (text_clip) cur.clip_known = false;  // render modes 4-7 add the glyphs to the clip
    text_clip = false;
    TextOutputDev::endTextObject(state);
  }
  void setSoftMask(GfxState*, const double*, bool, Function*, GfxColor*) override { cur.soft_mask = true; }
  // A stencil mask filled with a pattern: the pattern paints through the mask (Gfx saves
  // and restores the state around it)
  void setSoftMaskFromImageMask(GfxState* state, Object* ref, Stream* str, int w, int h, bool invert, bool inl, double* base) override {
    OutputDev::setSoftMaskFromImageMask(state, ref, str, w, h, invert, inl, base);  // drawImageMask(): the stencil's ink
    cur.soft_mask = true;
  }
  void clearSoftMask(GfxState*) override { cur.soft_mask = false; }
  // Gfx::drawForm saves the state (saveState above: the group's own opacity, blend mode
  // and soft mask), then sets opacity 1, Normal and no soft mask for the group's content,
  // then calls this: the content paints at the product of the groups' opacities.
  void beginTransparencyGroup(GfxState*, const double*, GfxColorSpace*, bool, bool knockout, bool for_soft_mask) override {
    if (for_soft_mask) {  // the content of a soft mask paints nothing on the page
      ++cur.mask_depth;
      return;
    }
    if (!saved.empty()) {
      const Tracked& outer = saved.back();
      cur.group_alpha *= outer.fill_opacity;
      cur.group_normal = cur.group_normal && outer.blend == gfxBlendNormal && !outer.soft_mask;
    }
    cur.knockout = cur.knockout || knockout;
  }

  // An ActualText span that draws no glyph and carries a joiner control (cairo writes a
  // zero-width non-joiner as `/Span << /ActualText <FEFF200C> >> BDC EMC` between the
  // glyph runs it separates; Poppler's ActualText drops a span without glyphs): kept as a
  // zero-width entry in `spaces`, at the current point, for the right-to-left line's text
  // (rtl_text) to put back between the two letters it keeps apart.
  // An Arabic or Hebrew ActualText span (Skia wraps each letter and its marks in one, its
  // text in logical order): TextPage lays the span's text out over its glyphs' extent, in
  // the order given, from the first glyph drawn to the last. Where they are drawn left to
  // right, that puts the letter before its marks, which in visual order (rtl_text's reading)
  // go with the letter on their left (`يُّ` read `ّ` on the letter before). Its glyphs are
  // held until the span ends, and the text is given reversed when they went left to right
  // (cairo draws such a run right to left, and the text then lies right to left).
  // A glyph held back: drawChar's arguments, with a copy of the state it was drawn in.
  struct HeldGlyph {
    std::unique_ptr<GfxState> state;
    double x = 0, y = 0, dx = 0, dy = 0, ox = 0, oy = 0;
    CharCode code = 0;
    int nBytes = 0;
    std::vector<Unicode> u;
    double before_x1 = 0;  // (a held mark) where the glyph drawn before it ends (device space)
  };
  static HeldGlyph hold(GfxState* state, double x, double y, double dx, double dy, double ox, double oy, CharCode code,
                        int nBytes, const Unicode* u, int uLen, double before_x1 = 0) {
    return HeldGlyph{std::unique_ptr<GfxState>(state->copy(true)), x, y, dx, dy, ox, oy, code, nBytes,
                     std::vector<Unicode>(u, u + std::max(uLen, 0)), before_x1};
  }
  struct RtlSpan {
    std::u32string text;
    std::vector<HeldGlyph> glyphs;
  };
  std::optional<RtlSpan> rtl_span;
  static bool rtl_only(const std::u32string& t) {
    if (t.size() < 2 || t.size() > 64) return false;
    return std::all_of(t.begin(), t.end(), [](char32_t c) {
      return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
    });
  }
  // Begins the held span with TextPage and draws its glyphs (state: where nothing was held)
  void play_span(GfxState* state) {
    if (!rtl_span) return;
    RtlSpan sp = std::move(*rtl_span);
    rtl_span.reset();
    GfxState* st = sp.glyphs.empty() ? state : sp.glyphs.front().state.get();
    if (!st) return;
    // (one letter and its marks in two glyphs or more: a span of several letters, cairo's
    // lam-alef glyph with its tanween, keeps the order TextPage reads a ligature's in)
    size_t letters = std::count_if(sp.text.begin(), sp.text.end(), [](char32_t c) { return !direction::is_mark(c); });
    bool ltr = false;
    if (sp.glyphs.size() >= 2 && letters == 1) {
      double ax, ay, bx, by;
      const HeldGlyph& a = sp.glyphs.front();
      const HeldGlyph& b = sp.glyphs.back();
      a.state->transform(a.x, a.y, &ax, &ay);
      b.state->transform(b.x + b.dx, b.y + b.dy, &bx, &by);
      ltr = bx > ax;
    }
    std::u32string t = sp.text;
    if (ltr) std::reverse(t.begin(), t.end());
    std::string bytes = "\xFE\xFF";
    for (char32_t c : t) {
      auto unit = [&](unsigned v) { bytes += static_cast<char>((v >> 8) & 0xFF), bytes += static_cast<char>(v & 0xFF); };
      if (c >= 0x10000) unit(0xD800 + ((c - 0x10000) >> 10)), unit(0xDC00 + ((c - 0x10000) & 0x3FF));
      else unit(static_cast<unsigned>(c));
    }
    GooString g(bytes);
    TextOutputDev::beginActualText(st, &g);
    for (auto& h : sp.glyphs) drawChar(h.state.get(), h.x, h.y, h.dx, h.dy, h.ox, h.oy, h.code, h.nBytes, h.u.data(), static_cast<int>(h.u.size()));
    release_mark();
  }
  void beginActualText(GfxState* state, const GooString* text) override {
    release_mark();
    play_span(state);
    Unicode* u = nullptr;
    int n = text ? TextStringToUCS4(text->toStr(), &u) : 0;
    std::u32string t;
    for (int k = 0; k < n; ++k) t.push_back(static_cast<char32_t>(u[k]));
    gfree(u);
    open_spans.push_back({glyphs.size(), t});
    if (rtl_only(t)) {
      rtl_span = RtlSpan{std::move(t), {}};
      return;
    }
    TextOutputDev::beginActualText(state, text);
  }
  void endActualText(GfxState* state) override {
    play_span(state);
    release_mark();
    if (!open_spans.empty()) {
      OpenSpan o = std::move(open_spans.back());
      open_spans.pop_back();
      // (upright text only: a diagonal watermark's joiner is no letter's on a line; the
      // text matrix times the CTM has no rotation or skew)
      const double* tm = state->getTextMat();
      const double* ctm = state->getCTM();
      double m0 = tm[0] * ctm[0] + tm[1] * ctm[2], m1 = tm[0] * ctm[1] + tm[1] * ctm[3];
      double m2 = tm[2] * ctm[0] + tm[3] * ctm[2], m3 = tm[2] * ctm[1] + tm[3] * ctm[3];
      double scale = std::max(std::abs(m0), std::abs(m3));
      bool upright = m0 != 0 && m3 != 0 && std::abs(m1) < 1e-6 * scale && std::abs(m2) < 1e-6 * scale;
      if (upright && o.drawn == glyphs.size() && o.text.size() == 1 && (o.text[0] == 0x200C || o.text[0] == 0x200D) && state->getFont()) {
        double x, y, fs = state->getTransformedFontSize();
        state->transform(state->getCurX(), state->getCurY(), &x, &y);
        SpaceGlyph j{x, y - 0.75 * fs, x, y + 0.2 * fs};
        j.joiner = o.text[0];
        joiners.push_back({glyphs.size(), j});
      }
    }
    TextOutputDev::endActualText(state);
  }

  void incCharCount(int n) override {
    play_span(nullptr);
    release_mark();
    char_pos += n;
    TextOutputDev::incCharCount(n);
  }

  // A right-to-left combining mark drawn before the letter it sits on (Skia draws a run
  // in visual order, each mark ahead of its letter, "ً" of "أيضًا" before the "ض" under it),
  // held back until that letter is drawn: TextPage puts a mark on the letter drawn before
  // it, and starts a word at a mark that stands apart from that letter.
  std::optional<HeldGlyph> held;
  double last_x1 = -1e9;  // where the last glyph drawn ends, left to right (device space)
  void release_mark() {
    if (!held) return;
    HeldGlyph h = std::move(*held);
    held.reset();
    draw_glyph(h.state.get(), h.x, h.y, h.dx, h.dy, h.ox, h.oy, h.code, h.nBytes, h.u.data(), static_cast<int>(h.u.size()));
  }
  void drawChar(GfxState* state, double x, double y, double dx, double dy, double ox, double oy, CharCode code, int nBytes,
                const Unicode* u, int uLen) override {
    if (rtl_span) {
      if (rtl_span->glyphs.size() >= 64) play_span(state);
      else {
        rtl_span->glyphs.push_back(hold(state, x, y, dx, dy, ox, oy, code, nBytes, u, uLen));
        return;
      }
    }
    // (one mark or several in one glyph: Noto Naskh Arabic's shadda with kasra; or a glyph
    // of no character, as Skia maps that glyph, which would still start a word where drawn)
    bool rtl_mark = uLen >= 0 && uLen <= 4 && dx == 0 && dy == 0;
    for (int k = 0; k < uLen && rtl_mark; ++k)
      rtl_mark = u[k] >= 0x0591 && u[k] <= 0x08FF && direction::is_mark(static_cast<char32_t>(u[k]));
    if (held) {
      // (the next glyph a letter whose advance the mark stands over: the letter, then the mark)
      double ux0, uy0, ux1, uy1, mx, my;
      state->transform(x, y, &ux0, &uy0);
      state->transform(x + dx, y + dy, &ux1, &uy1);
      held->state->transform(held->x, held->y, &mx, &my);
      const double fs = std::max(state->getTransformedFontSize(), 1.0);
      // (drawn left to right: the letter starts where the glyph before the mark ends; cairo
      // draws right to left, the mark after its letter, the next letter left of both)
      const bool under = !rtl_mark && uLen == 1 && std::abs(uy0 - my) < 0.5 * fs && ux1 - ux0 > 0.05 * fs &&
                         mx > ux0 + 0.05 * fs && mx < ux1 - 0.05 * fs && ux0 > held->before_x1 - 0.1 * fs;
      if (under) {
        // (at the letter's pen position, before it, as Impress draws a mark ahead of its
        // letter: TextPage ends a word at its last character's position, and the mark's own,
        // inside the letter, would leave a gap before the next letter)
        held->x = x;
        release_mark();
        draw_glyph(state, x, y, dx, dy, ox, oy, code, nBytes, u, uLen);
        return;
      }
      release_mark();
    }
    if (rtl_mark) {
      held = hold(state, x, y, dx, dy, ox, oy, code, nBytes, u, uLen, last_x1);
      return;
    }
    draw_glyph(state, x, y, dx, dy, ox, oy, code, nBytes, u, uLen);
  }
  void draw_glyph(GfxState* state, double x, double y, double dx, double dy, double ox, double oy, CharCode code, int nBytes,
                  const Unicode* u, int uLen) {
    {
      double gx0, gy0, gx1, gy1;
      state->transform(x, y, &gx0, &gy0);
      state->transform(x + dx, y + dy, &gx1, &gy1);
      last_x1 = gx1;
    }
    int render = state->getRender();
    if (render & 4) text_clip = true;
    GfxRGB c;
    state->getFillRGB(&c);
    std::array<double, 3> rgb{colToDbl(c.r), colToDbl(c.g), colToDbl(c.b)};
    add_glyph(state, x, y, dx, dy, code, nBytes, u, uLen, rgb);
    if ((render & 3) != 3 && (uLen == 0 || may_be_bullet(u[0]))) add_glyph_mark(state, x, y, dx, dy, rgb);
    Shown sh;
    sh.pos = char_pos;
    sh.bytes = nBytes;
    sh.chars = uLen;
    // (TextPage spells an Arabic presentation form out, "ﻻ" as lam and alef: as many
    // characters of the word as its compatibility decomposition)
    for (int k = 0; k < uLen; ++k) sh.text += static_cast<char32_t>(u[k]);
    if (uLen == 1 && ((u[0] >= 0xFB50 && u[0] <= 0xFDFF) || (u[0] >= 0xFE70 && u[0] <= 0xFEFF))) {
      sh.text = unicode::decode(unicode::nfkc(unicode::encode(static_cast<char32_t>(u[0]))));
      sh.chars = static_cast<int>(sh.text.size());
    }
    sh.space = uLen == 1 && (u[0] == 0x20 || u[0] == 0x09 || u[0] == 0xA0 || u[0] == 0x3000 || (u[0] >= 0x2000 && u[0] <= 0x200A) ||
                             u[0] == 0x202F || u[0] == 0x205F);
    sh.skip = uLen == 1 && u[0] == 0;  // TextPage ignores null characters
    for (int k = 0; k < 3; ++k) sh.rgb[k] = static_cast<float>(rgb[static_cast<size_t>(k)]);
    sh.alpha = static_cast<float>(state->getFillOpacity());
    if (const GfxFont* f = state->getFont().get(); f && f->getType() == fontType3) sh.named = descriptor_name(*f);
    shown.push_back(sh);
    // (a glyph mapped to a joiner, U+200C or U+200D, as wide as a space is one: Impress
    // maps Amiri's space glyph to the non-joiner it also draws with it, "به کاهش")
    bool wide_joiner = false;
    if (!sh.space && uLen == 1 && (u[0] == 0x200C || u[0] == 0x200D) && (render & 3) != 3) {
      double x0, y0, x1, y1, fs = state->getTransformedFontSize();
      state->transform(x, y, &x0, &y0);
      state->transform(x + dx, y + dy, &x1, &y1);
      wide_joiner = fs > 0 && std::hypot(x1 - x0, y1 - y0) >= 0.15 * fs;
    }
    if ((sh.space || wide_joiner) && (render & 3) != 3) {
      double x0, y0, x1, y1, fs = state->getTransformedFontSize();
      state->transform(x, y, &x0, &y0);
      state->transform(x + dx, y + dy, &x1, &y1);
      spaces.push_back({std::min(x0, x1), std::min(y0, y1) - 0.75 * fs, std::max(x0, x1), std::max(y0, y1) + 0.2 * fs});
      if (sh.space && state->getFont() && state->getFont()->getName()) {
        const std::string& name = *state->getFont()->getName();
        if (u[0] == 0x20) plain_space_fonts.insert(name);
        else if (u[0] == 0xA0 || u[0] == 0x202F || u[0] == 0x2007) no_break_spaces.emplace_back(spaces.size() - 1, name, static_cast<char32_t>(u[0]));
      }
    }
    if (!sh.space && !sh.skip && uLen > 0) note_width(state->getFont().get(), code, nBytes, u[0]);
    char_pos += nBytes;
    TextOutputDev::drawChar(state, x, y, dx, dy, ox, oy, code, nBytes, u, uLen);
  }
  void note_width(const GfxFont* font, CharCode code, int nBytes, Unicode u) {
    if (!font || !font->getName()) return;
    double w = 0;
    if (font->isCIDFont()) {
      char b[4];
      int n = std::clamp(nBytes, 1, 4);
      for (int k = 0; k < n; ++k) b[k] = static_cast<char>((code >> (8 * (n - 1 - k))) & 0xff);
      w = static_cast<const GfxCIDFont*>(font)->getWidth(b, n);
    } else {
      w = static_cast<const Gfx8BitFont*>(font)->getWidth(static_cast<unsigned char>(code & 0xff));
    }
    Widths& f = widths[*font->getName()];
    f.lo = std::min(f.lo, w);
    f.hi = std::max(f.hi, w);
    if (u < 0x0530 && u_isalpha(static_cast<UChar32>(u))) f.letters.insert(u);
  }
  // whether a font (by its full name) showed glyphs of one width only, over five letters
  bool fixed_pitch(const std::string& name) const {
    auto it = widths.find(name);
    return it != widths.end() && it->second.letters.size() >= 5 && it->second.hi > 0 &&
           it->second.hi - it->second.lo <= 0.02 * it->second.hi;
  }

  void fill(GfxState* state) override {
    add_path(state, false);
    TextOutputDev::fill(state);
  }
  void eoFill(GfxState* state) override {
    add_path(state, true);
    TextOutputDev::eoFill(state);
  }
  void stroke(GfxState* state) override {
    add_stroke(state);
    TextOutputDev::stroke(state);
  }

  bool functionShadedFill(GfxState* s, GfxFunctionShading*) override { return add_clip(s); }
  bool axialShadedFill(GfxState* s, GfxAxialShading*, double, double) override { return add_clip(s); }
  bool radialShadedFill(GfxState* s, GfxRadialShading*, double, double) override { return add_clip(s); }
  bool gouraudTriangleShadedFill(GfxState* s, GfxGouraudTriangleShading*) override { return add_clip(s); }
  bool patchMeshShadedFill(GfxState* s, GfxPatchMeshShading*) override { return add_clip(s); }

  void drawImageMask(GfxState* state, Object* ref, Stream* str, int w, int h, bool invert, bool interp, bool inl) override {
    // a stencil mask paints the fill colour: ink, but not a picture under text
    Shape s = picture_box(state);
    GfxRGB c;
    state->getFillRGB(&c);
    s.kind = Shape::stencil;
    s.rgb = {colToDbl(c.r), colToDbl(c.g), colToDbl(c.b)};
    InkMark m = ink_of(s);
    m.picture = false;
    add_mark(state, m, state->getFillOpacity());
    add_shape(state, s, state->getFillOpacity(), false);
    OutputDev::drawImageMask(state, ref, str, w, h, invert, interp, inl);  // skips inline data
  }
  void drawImage(GfxState* state, Object* ref, Stream* str, int w, int h, GfxImageColorMap* cm, bool interp,
                 const int* mask, bool inl) override {
    // a colour-key mask (`mask`) or alpha in a JPEG 2000 stream leaves parts of the box unpainted
    bool whole = mask == nullptr;
    if (whole && str && str->getDict()) {
      Object o = str->getDict()->lookup("SMaskInData");
      whole = !(o.isNum() && o.getNum() != 0);
    }
    add_picture(state, whole, false);
    OutputDev::drawImage(state, ref, str, w, h, cm, interp, mask, inl);  // skips inline data
  }
  // (Not OutputDev's own versions of these two: they call drawImage(), which would take
  // the picture for an unmasked, opaque one.)
  void drawMaskedImage(GfxState* state, Object*, Stream*, int, int, GfxImageColorMap*, bool, Stream*, int, int, bool, bool) override {
    add_picture(state, false, false);
  }
  void drawSoftMaskedImage(GfxState* state, Object*, Stream*, int, int, GfxImageColorMap*, bool, Stream*, int, int, GfxImageColorMap*,
                           bool) override {
    add_picture(state, false, true);
  }

 private:
  struct Tracked {
    bool soft_mask = false;    // an ExtGState /SMask is in force
    bool clip_known = true;    // every clip in force is an axis-aligned rectangle: the clip is its box
    double group_alpha = 1;    // product of the opacities of the transparency groups drawn in
    bool group_normal = true;  // and all of them Normal, without a soft mask
    bool knockout = false;
    int mask_depth = 0;        // inside the content of a soft mask
    // when saved: the state's own opacity and blend mode (a group's, for beginTransparencyGroup)
    double fill_opacity = 1;
    GfxBlendMode blend = gfxBlendNormal;
  };
  Tracked cur;
  std::vector<Tracked> saved;
  bool text_clip = false;

  void note_clip(GfxState* state) {
    Shape s;
    if (!path_box(state, s) || !s.exact) cur.clip_known = false;
  }
  bool normal(GfxState* state) const { return cur.group_normal && state->getBlendMode() == gfxBlendNormal; }
  // Records a shape that paints at opacity `opacity` (its own), within the clip's box.
  void add_shape(GfxState* state, Shape s, double opacity, bool own_soft_mask) {
    if (cur.mask_depth > 0) return;
    if (!clip_box(state, s)) return;
    s.exact = s.exact && cur.clip_known;
    s.alpha = opacity * cur.group_alpha;
    s.normal_blend = normal(state);
    s.soft_mask = cur.soft_mask || own_soft_mask;
    s.order = order++;
    shapes.push_back(s);
  }
  void add_glyph(GfxState* state, double x, double y, double dx, double dy, CharCode code, int nBytes, const Unicode* u, int uLen,
                 const std::array<double, 3>& rgb) {
    Glyph g;
    g.pos = char_pos;  // (drawChar moves char_pos on)
    g.bytes = nBytes;
    for (int i = 0; i < uLen; ++i) g.text += unicode::encode(static_cast<char32_t>(u[i]));
    g.render = state->getRender();
    g.fill = rgb;
    GfxRGB c;
    state->getStrokeRGB(&c);
    g.stroke = {colToDbl(c.r), colToDbl(c.g), colToDbl(c.b)};
    g.fill_known = state->getFillColorSpace() && state->getFillColorSpace()->getMode() != csPattern;
    g.stroke_known = state->getStrokeColorSpace() && state->getStrokeColorSpace()->getMode() != csPattern;
    // Text filled with a pattern: Gfx draws it in render mode 7 (5 when also stroked) to
    // clip the pattern to the glyphs, then paints the pattern: it is filled text
    if (!g.fill_known && (g.render == 7 || g.render == 5)) g.render = g.render == 5 ? 2 : 0;
    g.fill_alpha = state->getFillOpacity() * cur.group_alpha;
    g.stroke_alpha = state->getStrokeOpacity() * cur.group_alpha;
    g.normal_blend = normal(state);
    g.knockout = cur.knockout;
    if (cur.mask_depth > 0) {  // part of a soft mask: shows where the masked content is; colour unknown
      g.fill_alpha = g.stroke_alpha = 1;
      g.fill_known = g.stroke_known = false;
      g.normal_blend = false;
    }
    g.clip_known = cur.clip_known;
    state->getClipBBox(&g.clip[0], &g.clip[1], &g.clip[2], &g.clip[3]);
    g.size = state->getTransformedFontSize();
    // the box Poppler gives the character: its advance (without character and word
    // spacing), from the font's descent to its ascent
    double sp = state->getCharSpace();
    if (code == static_cast<CharCode>(0x20)) sp += state->getWordSpace();
    double sx, sy;
    state->textTransformDelta(sp * state->getHorizScaling(), 0, &sx, &sy);
    double ax = dx - sx, ay = dy - sy;
    // Poppler's own test (TextPage::addChar): the origin and advance wholly off the page
    double ox, oy, w1, h1;
    state->transform(x, y, &ox, &oy);
    state->transformDelta(ax, ay, &w1, &h1);
    g.off_page = !(ox + w1 >= 0 && ox <= state->getPageWidth() && oy + h1 >= 0 && oy <= state->getPageHeight());
    const GfxFont* font = state->getFont().get();
    double asc = font ? std::clamp(font->getAscent(), 0.5, 1.2) : 0.95;
    double desc = font ? std::clamp(font->getDescent(), -0.5, 0.0) : -0.35;
    double fs = state->getFontSize();
    g.x0 = g.y0 = 1e18;
    g.x1 = g.y1 = -1e18;
    // (vertical writing: the glyph stands half an em either side of its origin, across
    // the advance)
    bool vertical = font && font->getWMode() == 1;
    for (auto [t, v] : {std::pair{0.0, desc}, {1.0, desc}, {0.0, asc}, {1.0, asc}}) {
      double vx, vy, tx, ty;
      if (vertical) state->textTransformDelta((v > 0 ? 0.5 : -0.5) * fs, 0, &vx, &vy);
      else state->textTransformDelta(0, v * fs, &vx, &vy);
      state->transform(x + t * ax + vx, y + t * ay + vy, &tx, &ty);
      g.x0 = std::min(g.x0, tx); g.y0 = std::min(g.y0, ty);
      g.x1 = std::max(g.x1, tx); g.y1 = std::max(g.y1, ty);
    }
    // a glyph without advance (a combining mark) still has ink: a third of an em
    if (g.x1 - g.x0 < 0.01 * g.size && g.y1 - g.y0 > 0.01 * g.size) {
      double m = g.size / 6;
      g.x0 -= m;
      g.x1 += m;
    }
    g.order = order++;
    glyphs.push_back(std::move(g));
  }
  // The box of the current path in device space, and whether it is one axis-aligned
  // rectangle; false when empty.
  static bool path_box(GfxState* state, Shape& s) {
    const GfxPath* p = state->getPath();
    if (!p || p->getNumSubpaths() == 0) return false;
    s.x0 = s.y0 = 1e18;
    s.x1 = s.y1 = -1e18;
    std::vector<double> xs, ys;
    int points = 0;
    for (int i = 0; i < p->getNumSubpaths(); ++i) {
      const GfxSubpath* sp = p->getSubpath(i);
      for (int j = 0; j < sp->getNumPoints(); ++j) {
        double tx, ty;
        state->transform(sp->getX(j), sp->getY(j), &tx, &ty);
        s.x0 = std::min(s.x0, tx); s.y0 = std::min(s.y0, ty);
        s.x1 = std::max(s.x1, tx); s.y1 = std::max(s.y1, ty);
        xs.push_back(tx);
        ys.push_back(ty);
        ++points;
      }
    }
    if (points == 0) return false;
    auto on_edges = [&](const std::vector<double>& v, double a, double b) {
      return std::all_of(v.begin(), v.end(), [&](double t) { return std::abs(t - a) < 0.5 || std::abs(t - b) < 0.5; });
    };
    s.exact = p->getNumSubpaths() == 1 && points <= 5 && on_edges(xs, s.x0, s.x1) && on_edges(ys, s.y0, s.y1);
    return true;
  }
  static bool clip_box(GfxState* state, Shape& s) {
    double cx0, cy0, cx1, cy1;
    state->getClipBBox(&cx0, &cy0, &cx1, &cy1);
    s.x0 = std::max(s.x0, cx0); s.y0 = std::max(s.y0, cy0);
    s.x1 = std::min(s.x1, cx1); s.y1 = std::min(s.y1, cy1);
    return s.x1 > s.x0 && s.y1 > s.y0;
  }
  // Ink: anything painted with at least half opacity (fainter marks hardly show).
  void add_mark(GfxState* state, InkMark m, double opacity) {
    if (opacity < 0.5) return;
    double cx0, cy0, cx1, cy1;
    state->getClipBBox(&cx0, &cy0, &cx1, &cy1);
    m.x0 = std::max(m.x0, cx0); m.y0 = std::max(m.y0, cy0);
    m.x1 = std::min(m.x1, cx1); m.y1 = std::min(m.y1, cy1);
    if (m.x1 <= m.x0 || m.y1 <= m.y0) return;
    marks.push_back(std::move(m));
  }
  static InkMark ink_of(const Shape& s) {
    InkMark m;
    m.x0 = s.x0; m.y0 = s.y0; m.x1 = s.x1; m.y1 = s.y1;
    m.rgb = s.rgb;
    m.picture = s.kind == Shape::picture || s.kind == Shape::gradient;
    return m;
  }
  // The current path in device space, Bezier curves flattened to 8 segments each.
  static std::vector<std::vector<std::array<double, 2>>> flatten(GfxState* state) {
    std::vector<std::vector<std::array<double, 2>>> out;
    const GfxPath* p = state->getPath();
    if (!p) return out;
    for (int i = 0; i < p->getNumSubpaths(); ++i) {
      const GfxSubpath* sp = p->getSubpath(i);
      int n = sp->getNumPoints();
      std::vector<std::array<double, 2>> pts;
      auto dev = [&](int j) {
        double tx, ty;
        state->transform(sp->getX(j), sp->getY(j), &tx, &ty);
        return std::array<double, 2>{tx, ty};
      };
      for (int j = 0; j < n;) {
        if (j > 0 && j + 2 < n && sp->getCurve(j) && sp->getCurve(j + 1)) {  // control points j, j+1, end j+2
          auto p0 = pts.back(), p1 = dev(j), p2 = dev(j + 1), p3 = dev(j + 2);
          for (int t = 1; t <= 8; ++t) {
            double u = t / 8.0, v = 1 - u;
            double a = v * v * v, b = 3 * v * v * u, c = 3 * v * u * u, d = u * u * u;
            pts.push_back({a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]});
          }
          j += 3;
        } else {
          pts.push_back(dev(j));
          ++j;
        }
      }
      if (!pts.empty()) out.push_back(std::move(pts));
    }
    return out;
  }
  void add_path(GfxState* state, bool even_odd) {
    Shape s;
    if (!path_box(state, s)) return;
    GfxRGB c;
    state->getFillRGB(&c);
    s.rgb = {colToDbl(c.r), colToDbl(c.g), colToDbl(c.b)};
    if (s.x1 - s.x0 >= 0.5 || s.y1 - s.y0 >= 0.5) {
      InkMark m = ink_of(s);
      if (!s.exact) {
        m.kind = InkMark::fill;
        m.even_odd = even_odd;
        m.paths = flatten(state);
      }
      add_mark(state, std::move(m), state->getFillOpacity());
    }
    s.kind = Shape::fill;
    add_shape(state, s, state->getFillOpacity(), false);
  }
  // A stroke leaves ink along its segments only (a box's outline is not a filled box),
  // as wide as the line (a hairline is a pixel wide).
  void add_stroke(GfxState* state) {
    Shape s;
    if (!path_box(state, s)) return;
    double w = std::max(state->getTransformedLineWidth(), 0.75) / 2;
    InkMark m = ink_of(s);
    m.x0 -= w; m.y0 -= w; m.x1 += w; m.y1 += w;
    m.kind = InkMark::stroke;
    m.half_width = w;
    m.paths = flatten(state);
    GfxRGB c;
    state->getStrokeRGB(&c);
    m.rgb = {colToDbl(c.r), colToDbl(c.g), colToDbl(c.b)};
    add_mark(state, std::move(m), state->getStrokeOpacity());
    s.x0 -= w; s.y0 -= w; s.x1 += w; s.y1 += w;
    s.kind = Shape::stroke;
    s.exact = false;
    s.rgb = m.rgb;
    add_shape(state, s, state->getStrokeOpacity(), false);
  }
  void add_glyph_mark(GfxState* state, double x, double y, double dx, double dy, const std::array<double, 3>& rgb) {
    // where a glyph's ink is, about: most of its advance, from a descender's depth to a
    // capital's height (a font's ascent and descent reach well beyond, into the lines
    // around it)
    const GfxFont* font = state->getFont().get();
    double asc = font ? std::clamp(font->getAscent(), 0.3, 0.75) : 0.75;
    double desc = font ? std::clamp(font->getDescent(), -0.2, 0.0) : -0.2;
    x += 0.1 * dx;
    y += 0.1 * dy;
    dx *= 0.8;
    dy *= 0.8;
    Shape s;
    s.x0 = s.y0 = 1e18;
    s.x1 = s.y1 = -1e18;
    // x, y and the advance dx, dy are in user space, the rise included; the font's
    // vertical is along the text matrix
    double fs = state->getFontSize();
    for (auto [u, v] : {std::pair{0.0, desc}, {1.0, desc}, {0.0, asc}, {1.0, asc}}) {
      double vx, vy, tx, ty;
      state->textTransformDelta(0, v * fs, &vx, &vy);
      state->transform(x + u * dx + vx, y + u * dy + vy, &tx, &ty);
      s.x0 = std::min(s.x0, tx); s.y0 = std::min(s.y0, ty);
      s.x1 = std::max(s.x1, tx); s.y1 = std::max(s.y1, ty);
    }
    if (s.x1 - s.x0 < 0.1 || s.y1 - s.y0 < 0.1) return;
    s.rgb = rgb;
    InkMark m = ink_of(s);
    m.glyph = true;
    add_mark(state, std::move(m), state->getFillOpacity());
  }
  bool add_clip(GfxState* state) {
    Shape s;
    state->getClipBBox(&s.x0, &s.y0, &s.x1, &s.y1);
    s.kind = Shape::gradient;
    marks.push_back(ink_of(s));
    add_shape(state, s, state->getFillOpacity(), false);
    return true;  // drawn (nothing to draw here)
  }
  static Shape picture_box(GfxState* state) {
    const double* m = state->getCTM();
    Shape s;
    s.x0 = s.y0 = 1e18;
    s.x1 = s.y1 = -1e18;
    for (auto [u, v] : {std::pair{0.0, 0.0}, {1.0, 0.0}, {0.0, 1.0}, {1.0, 1.0}}) {
      double tx = m[0] * u + m[2] * v + m[4], ty = m[1] * u + m[3] * v + m[5];
      s.x0 = std::min(s.x0, tx); s.y0 = std::min(s.y0, ty);
      s.x1 = std::max(s.x1, tx); s.y1 = std::max(s.y1, ty);
    }
    s.kind = Shape::picture;
    s.exact = std::abs(m[1]) < 1e-6 && std::abs(m[2]) < 1e-6;
    return s;
  }
  // A picture: `whole`, it paints all of its box (no mask of any kind); `soft_masked`,
  // its own /SMask.
  void add_picture(GfxState* state, bool whole, bool soft_masked) {
    Shape s = picture_box(state);
    add_mark(state, ink_of(s), state->getFillOpacity());
    s.exact = s.exact && whole;
    add_shape(state, s, state->getFillOpacity(), soft_masked);
  }
};

void set_style(Word& w, std::map<std::string, std::pair<bool, bool>>& styles);

Word to_word(const TextWord& tw, std::map<std::string, std::pair<bool, bool>>& styles) {
  Word w;
  std::unique_ptr<GooString> text(tw.getText());
  if (text) w.text = text->toStr();
  tw.getBBox(&w.x0, &w.y0, &w.x1, &w.y1);
  w.space_after = tw.hasSpaceAfter();
  // A soft hyphen (U+00AD) drawn with a width is a hyphen a reader sees: LibreOffice maps
  // the hyphen of some fonts to it ("E\u00ADMail", "gpg \u00AD\u00ADgen\u00ADkey" in Courier 10
  // Pitch); one drawn as a zero-width glyph (cairo) is none, and goes later (hygiene).
  if (w.text.find("\xC2\xAD") != std::string::npos) {
    std::u32string t = unicode::decode(w.text);
    if (static_cast<int>(t.size()) == tw.getLength()) {
      bool changed = false;
      for (size_t k = 0; k < t.size(); ++k) {
        // (the word's last one, alone, is a line-end hyphenation point whether drawn or not:
        // join_wrapped decides; a run of them, "BLOCK-----", is hyphens)
        if (t[k] != 0xAD || (k + 1 == t.size() && (k == 0 || (t[k - 1] != 0xAD && t[k - 1] != U'-')))) continue;
        // (its advance: to where the next character starts, along the baseline; at least a
        // quarter em, as hyphens are: cairo maps a ligature drawn over a soft hyphen to
        // "f\u00ADf", which Poppler splits into thirds of 0.19 em)
        double x0, y0, x1, y1, nx0, ny0, nx1, ny1;
        tw.getCharBBox(static_cast<int>(k), &x0, &y0, &x1, &y1);
        if (k + 1 < t.size()) tw.getCharBBox(static_cast<int>(k + 1), &nx0, &ny0, &nx1, &ny1);
        else nx0 = x1, ny0 = y1;
        double advance = tw.getRotation() % 2 ? std::abs(ny0 - y0) : std::abs(nx0 - x0);
        if (advance > 0.25 * std::max(tw.getFontSize(), 1.0)) {
          t[k] = U'-';
          changed = true;
        }
      }
      if (changed) w.text = unicode::encode(t);
    }
  }
  // A Han ideograph twice in a row where the second starts within 0.6 em of the first
  // along the baseline is one glyph mapped to it twice (Keynote's ToUnicode maps a glyph of
  // "量" to "量量": Poppler gives each half the advance) or the same glyph drawn twice in
  // place; two glyphs drawn one after the other stand 1 em apart ("支持持续", "常常"), and
  // stay. (Decided here, where each character's box is known.)
  {
    std::u32string t = unicode::decode(w.text);
    auto han = unicode::is_han_ideograph;
    bool twice = false;
    for (size_t k = 0; k + 1 < t.size(); ++k) twice = twice || (han(t[k]) && t[k + 1] == t[k]);
    if (twice && static_cast<int>(t.size()) == tw.getLength()) {
      std::u32string out;
      double fs = std::max(tw.getFontSize(), 1.0);
      // (the word's usual step from one character to the next, where it has three steps or
      // more: a Type 3 font's size, as Skia embeds Noto Sans CJK, says nothing of its
      // advance; "往往" 0.5 of its size apart, as every other character of the word)
      {
        std::vector<double> steps;
        for (size_t k = 0; k + 1 < t.size(); ++k) {
          double ax0, ay0, ax1, ay1, bx0, by0, bx1, by1;
          tw.getCharBBox(static_cast<int>(k), &ax0, &ay0, &ax1, &ay1);
          tw.getCharBBox(static_cast<int>(k + 1), &bx0, &by0, &bx1, &by1);
          steps.push_back(tw.getRotation() % 2 ? std::abs(by0 - ay0) : std::abs(bx0 - ax0));
        }
        if (steps.size() >= 3) {
          std::nth_element(steps.begin(), steps.begin() + static_cast<long>(steps.size() / 2), steps.end());
          if (steps[steps.size() / 2] > 0) fs = std::min(fs, steps[steps.size() / 2]);
        }
      }
      for (size_t k = 0; k < t.size(); ++k) {
        out += t[k];
        if (k + 1 < t.size() && han(t[k]) && t[k + 1] == t[k]) {
          double ax0, ay0, ax1, ay1, bx0, by0, bx1, by1;
          tw.getCharBBox(static_cast<int>(k), &ax0, &ay0, &ax1, &ay1);
          tw.getCharBBox(static_cast<int>(k + 1), &bx0, &by0, &bx1, &by1);
          double step = tw.getRotation() % 2 ? std::abs(by0 - ay0) : std::abs(bx0 - ax0);
          if (step < 0.6 * fs) ++k;
        }
      }
      w.text = unicode::encode(out);
      w.han_checked = true;
    }
  }
  w.base = tw.getBaseline();
  w.rot = tw.getRotation();
  // Character positions for right-to-left words (visual order, ligatures) and for words
  // with combining marks (harakat, Thai vowels and tone marks: which letter a mark sits on)
  bool rtl = false;
  for (unsigned char c : w.text)  // lead bytes of U+0300..U+07FF (marks, Hebrew, Arabic), U+0E00.. (Thai...)
    if ((c >= 0xCC && c <= 0xDF) || c == 0xE0 || c == 0xE1 || c == 0xEF) {
      for (char32_t cp : unicode::decode(w.text)) rtl = rtl || direction::is_rtl(cp) || direction::is_mark(cp);
      break;
    }
  if (rtl) {
    for (int i = 0; i < tw.getLength(); ++i) {
      double x0, y0, x1, y1;
      tw.getCharBBox(i, &x0, &y0, &x1, &y1);
      w.char_x.push_back(x0);
    }
    w.char_x.push_back(w.x1);
  }
  w.size = tw.getFontSize();
  const TextFontInfo* fi = tw.getLength() > 0 ? tw.getFontInfo(0) : nullptr;
  const GooString* name = fi ? fi->getFontName() : nullptr;
  w.font = strip_subset(name ? name->toStr() : std::string());
  set_style(w, styles);
  return w;
}

// A word's bold and italic, from its font's name.
void set_style(Word& w, std::map<std::string, std::pair<bool, bool>>& styles) {
  auto it = styles.find(w.font);
  if (it == styles.end()) {
    bool bold = contains_ci(w.font, "bold") || contains_ci(w.font, "black") || contains_ci(w.font, "heavy") ||
                contains_ci(w.font, "semibold") || contains_ci(w.font, "demi") || contains_ci(w.font, ",bd") ||
                contains_ci(w.font, "-bd") || contains_ci(w.font, "cmbx") || contains_ci(w.font, "cmssbx") ||
                contains_ci(w.font, "lmsans10-bold");
    bool italic = contains_ci(w.font, "italic") || contains_ci(w.font, "oblique") || contains_ci(w.font, "cmti") ||
                  contains_ci(w.font, "-it") || contains_ci(w.font, ",it") || contains_ci(w.font, "cmssi");
    it = styles.emplace(w.font, std::make_pair(bold, italic)).first;
  }
  w.bold = it->second.first;
  w.italic = it->second.second;
}

}  // namespace

struct PageScanner::Impl {
  std::string file;
  // Poppler asks abort() every few operators (Gfx::go, also inside forms and glyphs)
  std::uint64_t checks = 0, max_checks = 0;
  bool aborted = false;
  static bool abort(void* self) {
    auto* i = static_cast<Impl*>(self);
    if (++i->checks > i->max_checks) i->aborted = true;
    return i->aborted;
  }
  std::unique_ptr<PDFDoc> doc;
  ScanDev dev;
  std::map<std::string, std::pair<bool, bool>> styles;  // font name -> bold, italic
};

PageScanner::PageScanner(std::string_view data, const std::string& password, const std::string& file)
    : impl_(std::make_unique<Impl>()) {
  impl_->file = file;
  if (!globalParams) globalParams = std::make_unique<GlobalParams>();
  std::optional<GooString> pw;
  if (!password.empty()) pw = GooString(password);
  auto* str = new MemStream(data.data(), 0, static_cast<Goffset>(data.size()), Object(objNull));
  impl_->doc = std::make_unique<PDFDoc>(str, pw, pw);
  if (!impl_->doc->isOk()) impl_->doc.reset();
}

PageScanner::~PageScanner() = default;

void PageScanner::scan(int index, PageScan& out) {
  out = PageScan{};
  if (!impl_->doc || index < 0 || index >= impl_->doc->getNumPages()) return;
  ScanDev& dev = impl_->dev;
  // the same call as poppler-cpp's page::text_list: crop box, no rotation, annotations drawn
  // (one check every 10 operators or so: stopped at twice the limit, so that only a page
  // the scan measured wrongly is ever stopped here)
  impl_->checks = 0;
  impl_->max_checks = limits().operators / 5 + 1000;
  impl_->aborted = false;
  PopplerErrors errors;
  {
    CollectPopplerErrors collect(errors);
    impl_->doc->displayPageSlice(&dev, index + 1, 72, 72, 0, false, false, false, -1, -1, -1, -1, &Impl::abort, impl_.get());
  }
  out.damage_count = errors.count;
  out.damage = std::move(errors.first);
  if (impl_->aborted)
    throw Error(Exit::bad_pdf, impl_->file,
                "page " + std::to_string(index + 1) + ": drawing the page takes over " + std::to_string(limits().operators) +
                    " operators, over the limit of " + std::to_string(limits().operators) + " (--max-operators)",
                "raise it with --max-operators if the input is genuine; see " + doc_path("limits.md"));
  if (std::unique_ptr<TextWordList> list = dev.makeWordList()) {
    out.words.reserve(static_cast<size_t>(list->getLength()));
    const auto& shown = dev.shown;
    auto at = [&](int pos) {  // the glyph shown at a character position
      auto it = std::lower_bound(shown.begin(), shown.end(), pos, [](const auto& s, int p) { return s.pos < p; });
      return it != shown.end() && it->pos == pos ? it : shown.end();
    };
    for (int i = 0; i < list->getLength(); ++i) {
      const TextWord& tw = *list->get(i);
      Word w = to_word(tw, impl_->styles);
      if (const TextFontInfo* fi = tw.getLength() > 0 ? tw.getFontInfo(0) : nullptr; fi && fi->getFontName())
        w.mono = dev.fixed_pitch(fi->getFontName()->toStr());
      w.order = tw.getCharPos();
      w.order_end = w.order + tw.getCharLen();
      if (auto f = at(w.order); f != shown.end()) {  // the colour and opacity it is drawn in
        for (size_t k = 0; k < 3; ++k) w.rgb[k] = f->rgb[k];
        w.alpha = f->alpha;
        if (w.font.empty() && f->named >= 0) {  // a Type 3 font: the name its descriptor gives
          w.font = strip_subset(dev.type3_names[static_cast<size_t>(f->named)]);
          set_style(w, impl_->styles);
        }
      }
      if (!w.char_x.empty()) {
        // the glyph of each character: a glyph maps to one character or more (a ligature)
        // (a glyph mapped to a space character TextPage keeps inside a word, U+2009 where
        // Impress joins a Persian word's parts, counts: tried with and without them)
        for (bool with_spaces : {false, true}) {
          std::vector<int> g;
          int n = 0;
          for (auto it = at(w.order); it != shown.end() && it->pos < w.order_end; ++it, ++n)
            if ((with_spaces || !it->space) && !it->skip)
              for (int k = 0; k < it->chars; ++k) g.push_back(n);
          if (static_cast<int>(g.size()) == tw.getLength()) {
            w.char_glyph = std::move(g);
            break;
          }
        }
        // (TextPage puts a combining mark after the letter it is drawn over, not where its
        // glyph comes: "لًا" of a lam-alef glyph and a tanween's; each character then goes to
        // the first glyph, in drawing order, that maps to it and has it left)
        if (!w.char_glyph.empty()) {
          std::u32string t = unicode::decode(w.text);
          std::vector<std::u32string> left;
          std::vector<int> gi;
          int n = 0;
          for (auto it = at(w.order); it != shown.end() && it->pos < w.order_end; ++it, ++n)
            if (!it->skip) left.push_back(it->text), gi.push_back(n);
          std::vector<int> g;
          for (char32_t c : t) {
            size_t k = 0;
            while (k < left.size() && left[k].find(c) == std::u32string::npos) ++k;
            if (k == left.size()) break;
            left[k].erase(left[k].find(c), 1);
            g.push_back(gi[k]);
          }
          if (g.size() == t.size() && static_cast<int>(t.size()) == tw.getLength()) w.char_glyph = std::move(g);
        }
      }
      // A word of a lam-alef glyph with a mark ("لًا"): TextPage's box for it may end where
      // the mark's character does, short of the glyph's advance, and leave a gap that reads
      // as a space ("واتصا لًا"); the word reaches as far as its letters' glyphs.
      if (!w.char_x.empty()) {
        auto first = std::lower_bound(dev.glyphs.begin(), dev.glyphs.end(), w.order,
                                      [](const Glyph& g, int p) { return g.pos < p; });
        double gx0 = 1e18, gx1 = -1e18;
        bool multi = false;
        for (auto it = first; it != dev.glyphs.end() && it->pos < w.order_end; ++it) {
          std::u32string t = unicode::decode(it->text);
          size_t letters = std::count_if(t.begin(), t.end(), [](char32_t c) { return !direction::is_mark(c); });
          if (letters == 0) continue;
          multi = multi || letters >= 2 || (t.size() == 1 && t[0] >= 0xFEF5 && t[0] <= 0xFEFC);
          gx0 = std::min(gx0, it->x0), gx1 = std::max(gx1, it->x1);
        }
        double em = std::max(w.size, 1.0);
        std::u32string wt = unicode::decode(w.text);
        multi = multi && std::any_of(wt.begin(), wt.end(), direction::is_mark);
        if (multi && gx1 > w.x1 + 0.05 * em && gx1 < w.x1 + em) w.x1 = w.char_x.back() = gx1;
        if (multi && gx0 < w.x0 - 0.05 * em && gx0 > w.x0 - em) w.x0 = w.char_x.front() = gx0;
      }
      out.words.push_back(std::move(w));
      out.ranges.push_back({tw.getCharPos(), tw.getCharPos() + tw.getCharLen()});
    }
  }
  for (const auto& [k, font, c] : dev.no_break_spaces)
    if (dev.plain_space_fonts.count(font)) dev.spaces[k].no_break = c;
  dev.place_joiners();
  std::sort(dev.spaces.begin(), dev.spaces.end(), [](const SpaceGlyph& a, const SpaceGlyph& b) { return a.y0 < b.y0; });
  out.spaces.swap(dev.spaces);
  out.chars.swap(dev.glyphs);
  out.shapes.swap(dev.shapes);
  out.marks.swap(dev.marks);
}

}  // namespace deckhand::extract

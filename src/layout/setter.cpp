#include "layout/setter.hpp"

#include <hb.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "core/direction.hpp"
#include "core/unicode.hpp"
#include "layout/text.hpp"

namespace deckhand::layout {
namespace {

// Joiners and selectors that belong to the character before them.
bool clings(char32_t c) {
  return direction::is_mark(c) || c == 0x200C || c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF) ||
         (c >= 0x1F3FB && c <= 0x1F3FF);
}

// Spaces and punctuation: drawn in the font of the text around them when it has them.
bool neutral(char32_t c) {
  int8_t t = u_charType(static_cast<UChar32>(c));
  return t == U_SPACE_SEPARATOR || (t >= U_DASH_PUNCTUATION && t <= U_OTHER_PUNCTUATION) || t == U_INITIAL_PUNCTUATION ||
         t == U_FINAL_PUNCTUATION;
}

// The script of each character, Common and Inherited ones taking their neighbour's
// (UAX #24), for HarfBuzz's script-specific shaping.
std::vector<UScriptCode> scripts(const std::u32string& s) {
  std::vector<UScriptCode> out(s.size(), USCRIPT_COMMON);
  UScriptCode last = USCRIPT_COMMON;
  for (size_t i = 0; i < s.size(); ++i) {
    UErrorCode e = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript(static_cast<UChar32>(s[i]), &e);
    if (U_FAILURE(e) || sc == USCRIPT_COMMON || sc == USCRIPT_INHERITED) sc = last;
    out[i] = last = sc;
  }
  // leading neutrals take the first real script
  UScriptCode first = USCRIPT_COMMON;
  for (auto sc : out)
    if (sc != USCRIPT_COMMON) { first = sc; break; }
  for (auto& sc : out) {
    if (sc != USCRIPT_COMMON) break;
    sc = first;
  }
  return out;
}

hb_script_t hb_script_of(UScriptCode sc) {
  if (sc == USCRIPT_COMMON || sc == USCRIPT_INHERITED || sc == USCRIPT_INVALID_CODE) return HB_SCRIPT_INVALID;
  const char* tag = uscript_getShortName(sc);
  return tag ? hb_script_from_string(tag, -1) : HB_SCRIPT_INVALID;
}

}  // namespace

std::vector<ShapedGlyph> shape(const FontMetrics& font, const std::u32string& text, size_t off, size_t len, bool rtl,
                               double size, const std::string& lang) {
  std::vector<ShapedGlyph> out;
  if (len == 0) return out;
  hb_buffer_t* buf = hb_buffer_create();
  hb_buffer_add_utf32(buf, reinterpret_cast<const uint32_t*>(text.data()), static_cast<int>(text.size()),
                      static_cast<unsigned>(off), static_cast<int>(len));
  hb_buffer_set_direction(buf, rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
  UErrorCode e = U_ZERO_ERROR;
  UScriptCode sc = USCRIPT_COMMON;
  for (size_t i = off; i < off + len; ++i) {
    UScriptCode c = uscript_getScript(static_cast<UChar32>(text[i]), &e);
    if (U_SUCCESS(e) && c != USCRIPT_COMMON && c != USCRIPT_INHERITED) { sc = c; break; }
  }
  hb_script_t hs = hb_script_of(sc);
  if (hs != HB_SCRIPT_INVALID) hb_buffer_set_script(buf, hs);
  if (!lang.empty()) hb_buffer_set_language(buf, hb_language_from_string(lang.c_str(), -1));
  unsigned flags = HB_BUFFER_FLAG_REMOVE_DEFAULT_IGNORABLES;
  if (off == 0) flags |= HB_BUFFER_FLAG_BOT;
  if (off + len == text.size()) flags |= HB_BUFFER_FLAG_EOT;
  hb_buffer_set_flags(buf, static_cast<hb_buffer_flags_t>(flags));
  hb_buffer_guess_segment_properties(buf);
  hb_shape(font.hb(), buf, nullptr, 0);
  unsigned n = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, nullptr);
  const double k = size / font.upem();
  out.reserve(n);
  for (unsigned i = 0; i < n; ++i)
    out.push_back({info[i].codepoint, info[i].cluster, pos[i].x_advance * k, pos[i].x_offset * k, pos[i].y_offset * k});
  hb_buffer_destroy(buf);
  return out;
}

const std::vector<TextSetter::Unscaled>& TextSetter::unscaled(const FontMetrics& font, const std::u32string& text, size_t off, size_t len,
                                                               bool rtl, const std::string& lang) const {
  std::string key;
  key.reserve(sizeof(void*) + 2 * sizeof(size_t) + lang.size() + 2 + text.size() * sizeof(char32_t));
  auto put = [&](const void* p, size_t n) { key.append(static_cast<const char*>(p), n); };
  const FontMetrics* fp = &font;
  put(&fp, sizeof fp);
  put(&off, sizeof off);
  put(&len, sizeof len);
  key += rtl ? 'r' : 'l';
  key += lang;
  key += '\0';
  put(text.data(), text.size() * sizeof(char32_t));
  auto it = shaped_.find(key);
  if (it == shaped_.end()) {
    if (shaped_.size() >= 20000) shaped_.clear();  // (a bound on memory: a deck's texts, not a book's)
    std::vector<Unscaled> raw;
    // at size = upem, HarfBuzz's font units come back as they are
    for (const auto& g : shape(font, text, off, len, rtl, font.upem(), lang))
      raw.push_back({g.id, g.cluster, static_cast<int>(g.advance), static_cast<int>(g.dx), static_cast<int>(g.dy)});
    it = shaped_.emplace(std::move(key), std::move(raw)).first;
  }
  return it->second;
}

std::vector<ShapedGlyph> TextSetter::shaped(const FontMetrics& font, const std::u32string& text, size_t off, size_t len, bool rtl,
                                            double size, const std::string& lang) const {
  const std::vector<Unscaled>& raw = unscaled(font, text, off, len, rtl, lang);
  const double k = size / font.upem();  // as shape() scales them
  std::vector<ShapedGlyph> out;
  out.reserve(raw.size());
  for (const auto& g : raw) out.push_back({g.id, g.cluster, g.advance * k, g.dx * k, g.dy * k});
  return out;
}

std::string TextSetter::source_font(const std::string& path) {
  auto it = source_ids_.find(path);
  if (it != source_ids_.end()) return it->second;
  // (named by its file, so that setters working apart name it alike)
  std::string id = "source:" + path;
  source_[id] = std::make_shared<FontMetrics>(path);
  source_ids_[path] = id;
  return id;
}

const FontMetrics& TextSetter::font(const std::string& id) const {
  auto it = source_.find(id);
  return it != source_.end() ? *it->second : fonts_.get(id);
}

std::map<std::string, std::string> TextSetter::paths() const {
  auto out = fonts_.paths();
  for (const auto& [path, id] : source_ids_) out[id] = path;
  return out;
}

double fit_size(double size, double min, const std::function<bool(double)>& fits) {
  if (!(min < size)) return size;
  for (double z = size;; z = std::max(min, z * 0.95)) {
    if (fits(z) || z <= min + 1e-9) return z;
  }
}

Paragraph TextSetter::paragraph(const std::string& utf8, const TextStyle& style, bool rtl_base, const std::string& lang,
                                const std::vector<StyledRange>& ranges) {
  return paragraph(unicode::decode(utf8), style, rtl_base, lang, ranges);
}

Paragraph::Paragraph(const Paragraph& o)
    : setter_(o.setter_), text_(o.text_), style_(o.style_), rtl_(o.rtl_), lang_(o.lang_), styles_(o.styles_), char_style_(o.char_style_),
      font_(o.font_), level_(o.level_), script_(o.script_), adv_(o.adv_) {
  rebase(o);
}

Paragraph& Paragraph::operator=(const Paragraph& o) {
  if (this != &o) {
    Paragraph c(o);
    *this = std::move(c);
  }
  return *this;
}

// a character's font that is a style's own font (TextStyle::first) names it in o.styles_:
// this copy's names the same in its own
void Paragraph::rebase(const Paragraph& o) {
  for (auto& f : font_)
    for (size_t k = 0; k < o.styles_.size() && k < styles_.size(); ++k)
      if (f == &o.styles_[k].first) {
        f = &styles_[k].first;
        break;
      }
}

namespace {
// what a paragraph's characters, fonts and bidi levels depend on: all but the size
std::string paragraph_key(const std::u32string& s, const TextStyle& style, bool rtl_base, const std::string& lang,
                          const std::vector<StyledRange>& ranges) {
  std::string key;
  key.reserve(s.size() * sizeof(char32_t) + 64 + lang.size() + style.first.size());
  auto put = [&](const void* p, size_t n) { key.append(static_cast<const char*>(p), n); };
  auto put_style = [&](const TextStyle& st) {
    const char flags[3] = {st.bold, st.italic, st.italic_face};
    put(flags, sizeof flags);
    put(&st.color.r, sizeof st.color.r), put(&st.color.g, sizeof st.color.g), put(&st.color.b, sizeof st.color.b);
    const size_t n = st.first.size();
    put(&n, sizeof n);
    key += st.first;
  };
  const size_t n = s.size();
  put(&n, sizeof n);
  put(s.data(), n * sizeof(char32_t));
  put_style(style);
  key += rtl_base ? 'r' : 'l';
  const size_t nl = lang.size();
  put(&nl, sizeof nl);
  key += lang;
  for (const auto& r : ranges) {
    put(&r.begin, sizeof r.begin), put(&r.end, sizeof r.end);
    put_style(r.style);
  }
  return key;
}
}  // namespace

Paragraph TextSetter::paragraph(std::u32string s, const TextStyle& style, bool rtl_base, const std::string& lang,
                                const std::vector<StyledRange>& ranges) {
  // the same text in the same style at another size (the shrink search sets one text at
  // many): its characters, fonts and levels as found before, its advances at this size
  std::string key = paragraph_key(s, style, rtl_base, lang, ranges);
  auto known = paragraphs_.find(key);
  if (known != paragraphs_.end()) {
    Paragraph p(known->second.p);
    p.style_.size = style.size;
    for (auto& st : p.styles_) st.size = style.size;
    measure(p, style.size, known->second.advances);
    return p;
  }
  Paragraph p;
  p.setter_ = this;
  p.style_ = style;
  p.rtl_ = rtl_base;
  p.lang_ = lang;
  const bool bold = style.bold;
  // characters no font of the chain has: a visible box, reported
  for (char32_t& c : s) {
    if (c == U'\t') c = U' ';
    if (c > 0x20 && c != 0xFEFF && !clings(c) && c != 0x200B && !fonts_.covers(c, bold) && fonts_.covers(0x25A1, bold)) {
      missing_.insert(c);
      c = 0x25A1;
    }
  }
  p.text_ = std::move(s);
  const std::u32string& t = p.text_;
  const size_t n = t.size();
  p.styles_ = {style};
  p.char_style_.assign(n, 0);
  for (const auto& r : ranges) {
    if (r.begin >= r.end || r.begin >= n || p.styles_.size() >= 255) continue;
    p.styles_.push_back(r.style);
    p.styles_.back().size = style.size;
    for (size_t i = r.begin; i < std::min(r.end, n); ++i) p.char_style_[i] = static_cast<unsigned char>(p.styles_.size() - 1);
  }
  p.font_.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const TextStyle& st = p.styles_[p.char_style_[i]];
    const FontMetrics* first = st.first.empty() ? nullptr : &font(st.first);
    const std::string* f = nullptr;
    if (i > 0 && clings(t[i])) f = p.font_[i - 1];
    else if (i > 0 && (neutral(t[i]) || t[i] == U'\n') && p.char_style_[i] == p.char_style_[i - 1] && font(*p.font_[i - 1]).has_glyph(t[i]))
      f = p.font_[i - 1];
    else if (first && first->has_glyph(t[i]) && !direction::in_rtl_script(t[i])) f = &st.first;
    else f = &fonts_.font_for(t[i], st.bold);
    p.font_[i] = f;
  }
  // a neutral at the start takes the font of what follows it when that font has it
  for (size_t i = n; i-- > 0;)
    if (i + 1 < n && (neutral(t[i]) || t[i] == U'\n') && p.font_[i] != p.font_[i + 1] && p.char_style_[i] == p.char_style_[i + 1] &&
        font(*p.font_[i + 1]).has_glyph(t[i]) &&
        (i == 0 || p.font_[i - 1] != p.font_[i]))
      p.font_[i] = p.font_[i + 1];
  p.level_ = direction::embedding_levels(t, rtl_base);
  const auto sc = scripts(t);
  p.script_.assign(sc.begin(), sc.end());
  if (paragraphs_.size() >= 4096) paragraphs_.clear();  // (a bound on memory: a deck's texts)
  std::vector<UnitAdvance> advances = unit_advances(p, lang);
  measure(p, style.size, advances);
  paragraphs_.emplace(std::move(key), Known{p, std::move(advances)});
  return p;
}

// each item (one font, one level, one script) shaped in the paragraph's context: its
// glyphs' advances in font units
std::vector<TextSetter::UnitAdvance> TextSetter::unit_advances(const Paragraph& p, const std::string& lang) const {
  std::vector<UnitAdvance> out;
  const std::u32string& t = p.text_;
  const size_t n = t.size();
  const auto& sc = p.script_;
  size_t a = 0;
  while (a < n) {
    size_t b = a + 1;
    while (b < n && p.font_[b] == p.font_[a] && p.level_[b] == p.level_[a] && sc[b] == sc[a] && p.char_style_[b] == p.char_style_[a]) ++b;
    const FontMetrics& f = font(*p.font_[a]);
    for (const auto& g : unscaled(f, t, a, b - a, p.level_[a] & 1, lang))
      if (g.cluster < n) out.push_back({g.cluster, g.advance, f.upem()});
    a = b;
  }
  return out;
}

// the advances at `size`, scaled as shaped() scales them (the same sums, bit for bit)
void TextSetter::measure(Paragraph& p, double size, const std::vector<UnitAdvance>& advances) {
  p.adv_.assign(p.text_.size(), 0.0);
  for (const auto& g : advances) p.adv_[g.at] += g.advance * (size / g.upem);
}

double Paragraph::width(size_t a, size_t b) const {
  double w = 0;
  for (size_t i = a; i < b && i < adv_.size(); ++i) w += adv_[i];
  return w;
}

std::vector<LineRange> Paragraph::wrap(double width, const std::string& lang, bool break_words) const {
  // the hyphen's advance in the font of the paragraph's first character
  double hyphen = 0;
  if (!font_.empty())
    for (const auto& g : setter_->shaped(setter_->font(*font_[0]), U"-", 0, 1, false, style_.size, lang)) hyphen += g.advance;
  return wrap_ranges_at(text_, [this](size_t i) { return text_[i] == U'\n' ? 0.0 : adv_[i]; }, hyphen, width, lang, break_words);
}

std::vector<TextRun> Paragraph::set(size_t a, size_t b, double x, double baseline, bool hyphen, bool with_text) const {
  std::vector<TextRun> out;
  b = std::min(b, text_.size());
  if (a >= b) return out;
  // the line alone is the shaping context: a word cut by the line break joins no further
  std::u32string line;
  std::vector<unsigned char> lv;
  std::vector<const std::string*> fo;
  std::vector<unsigned char> si;
  for (size_t i = a; i < b; ++i) {
    // a soft hyphen is a place to break, never drawn: a line that ends there gets a hyphen
    if (text_[i] == U'\n' || text_[i] == 0xAD) continue;
    line += text_[i];
    lv.push_back(level_[i]);
    fo.push_back(font_[i]);
    si.push_back(char_style_[i]);
  }
  if (line.empty()) return out;
  if (hyphen) {  // in the last character's font, direction and style
    line += U'-';
    lv.push_back(lv.back());
    fo.push_back(fo.back());
    si.push_back(si.back());
  }
  // A line that ends with a hyphen of the text's own ("по-" / "прежнему", "Wi-" / "Fi"):
  // readers built on Poppler (pdftotext, Evince, Okular) take a line ending in U+002D for a
  // word hyphenated by the typesetter and drop it when they join the lines. The hyphen's
  // text becomes "-" + U+200B ZERO WIDTH SPACE (a line-break opportunity, no glyph): the
  // text layer keeps the hyphen. A hyphen this line adds (`hyphen`) stays plain, so those
  // readers join the word again.
  const bool own_hyphen = !hyphen && line.back() == U'-' && !(lv.back() & 1);
  auto sc = scripts(line);
  std::vector<size_t> order = direction::visual_order(lv);
  const FontSet& fonts = setter_->fonts_;
  // visual runs: consecutive in visual order, one level, font and script, logically adjacent
  size_t k = 0;
  while (k < order.size()) {
    size_t lo = order[k], hi = order[k];
    size_t m = k + 1;
    const bool rtl = lv[order[k]] & 1;
    while (m < order.size()) {
      size_t c = order[m];
      bool adjacent = rtl ? c + 1 == lo : c == hi + 1;
      if (!adjacent || lv[c] != lv[order[k]] || fo[c] != fo[order[k]] || sc[c] != sc[order[k]] || si[c] != si[order[k]]) break;
      lo = std::min(lo, c), hi = std::max(hi, c);
      ++m;
    }
    const std::string& id = *fo[order[k]];
    const FontMetrics& f = setter_->font(id);
    auto gl = setter_->shaped(f, line, lo, hi + 1 - lo, rtl, style_.size, lang_);
    TextRun t;
    t.x = x;
    t.y = baseline;
    t.size = style_.size;
    t.font = id;
    const std::u32string_view lv_line(line);
    if (with_text) t.text = unicode::encode(lv_line.substr(lo, hi + 1 - lo));
    t.rtl = rtl;
    const TextStyle& st = styles_[si[order[k]]];
    t.color = st.color;
    t.stroke = st.bold && fonts.synthetic_bold(id);
    t.oblique = st.italic && !(id == st.first && st.italic_face);
    t.ascent = f.ascent(style_.size);
    t.descent = f.descent(style_.size);
    // each cluster's text: from its first character to the next cluster's
    std::vector<size_t> starts;
    if (with_text) {
      for (const auto& g : gl) starts.push_back(g.cluster);
      std::sort(starts.begin(), starts.end());
      starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    }
    std::vector<char> given(with_text ? line.size() + 1 : 0, 0);  // a cluster's text is its first glyph's
    t.glyphs.reserve(gl.size());
    for (const auto& g : gl) {
      Glyph o;
      o.id = g.id;
      o.advance = g.advance;
      o.dx = g.dx;
      o.dy = g.dy;
      if (g.cluster < given.size() && !given[g.cluster]) {
        given[g.cluster] = 1;
        auto nx = std::upper_bound(starts.begin(), starts.end(), g.cluster);
        size_t end = nx == starts.end() ? hi + 1 : *nx;
        o.text = unicode::encode(lv_line.substr(g.cluster, end - g.cluster));
      }
      if (with_text && own_hyphen && g.cluster + 1 == line.size() && !o.text.empty()) o.text += "\u200B", t.text += "\u200B";
      t.width += g.advance;
      t.glyphs.push_back(std::move(o));
    }
    x += t.width;
    out.push_back(std::move(t));
    k = m;
  }
  return out;
}

double Paragraph::line_width(size_t a, size_t b) const {
  double w = 0;
  for (const auto& r : set(a, b, 0, 0)) w += r.width;
  return w;
}

std::vector<TextRun> TextSetter::line(const std::string& utf8, const TextStyle& style, bool rtl_base, const std::string& lang,
                                      double x, double baseline, double* width) {
  Paragraph p = paragraph(utf8, style, rtl_base, lang);
  auto runs = p.set(0, p.text().size(), x, baseline);
  if (width) {
    *width = 0;
    for (const auto& r : runs) *width += r.width;
  }
  return runs;
}

double TextSetter::width(const std::string& utf8, const TextStyle& style, bool rtl_base, const std::string& lang) {
  double w = 0;
  line(utf8, style, rtl_base, lang, 0, 0, &w);
  return w;
}

}  // namespace deckhand::layout

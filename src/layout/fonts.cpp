#include "layout/fonts.hpp"

#include <hb.h>

#include <algorithm>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "core/error.hpp"
#include "core/io.hpp"
#include "core/direction.hpp"
#include "core/unicode.hpp"

namespace deckhand::layout {

struct FontMetrics::Impl {
  hb_blob_t* blob = nullptr;
  hb_face_t* face = nullptr;
  hb_font_t* font = nullptr;
  double upem = 1000;
  double asc = 0.8, desc = 0.2;  // per unit of size
  // U+0000..U+07FF (Latin, Greek, Cyrillic, Hebrew, Arabic), read when the font is opened:
  // looked up by the layout's workers without a lock
  static constexpr char32_t kTable = 0x800;
  std::vector<std::pair<bool, double>> table;
  mutable std::mutex mu;
  mutable std::unordered_map<char32_t, std::pair<bool, double>> cache;  // has glyph, advance per unit
  std::pair<bool, double> read(char32_t cp) const {
    hb_codepoint_t g = 0;
    bool has = hb_font_get_nominal_glyph(font, cp, &g);
    return {has, hb_font_get_glyph_h_advance(font, has ? g : 0) / upem};
  }
  std::pair<bool, double> lookup(char32_t cp) const {
    if (cp < table.size()) return table[cp];
    std::lock_guard<std::mutex> lock(mu);
    auto it = cache.find(cp);
    if (it != cache.end()) return it->second;
    return cache[cp] = read(cp);
  }
};

FontMetrics::FontMetrics(const std::string& path) : impl_(std::make_unique<Impl>()), path_(path) {
  // a regular file within --max-file-size: HarfBuzz reads a device (/dev/zero) or a FIFO as
  // a font, without end
  check_input_file(path, static_cast<int>(Exit::layout), "font (.ttf or .otf)");
  impl_->blob = hb_blob_create_from_file_or_fail(path.c_str());
  if (!impl_->blob) throw Error(Exit::layout, path, "cannot read the font file", "check the path in the layout's fonts section");
  impl_->face = hb_face_create(impl_->blob, 0);
  if (hb_face_get_glyph_count(impl_->face) == 0)
    throw Error(Exit::layout, path, "not a TrueType or OpenType font", "use a .ttf file from fonts/");
  impl_->font = hb_font_create(impl_->face);
  impl_->upem = hb_face_get_upem(impl_->face);
  hb_font_extents_t ext;
  if (hb_font_get_h_extents(impl_->font, &ext)) {
    impl_->asc = ext.ascender / impl_->upem;
    impl_->desc = -ext.descender / impl_->upem;
  }
  impl_->table.reserve(Impl::kTable);
  for (char32_t cp = 0; cp < Impl::kTable; ++cp) impl_->table.push_back(impl_->read(cp));
}

FontMetrics::~FontMetrics() {
  if (impl_->font) hb_font_destroy(impl_->font);
  if (impl_->face) hb_face_destroy(impl_->face);
  if (impl_->blob) hb_blob_destroy(impl_->blob);
}

double FontMetrics::advance(char32_t cp, double size) const { return impl_->lookup(cp).second * size; }

double FontMetrics::width(std::string_view utf8, double size) const {
  double w = 0;
  for (char32_t c : unicode::decode(utf8)) w += advance(c, size);
  return w;
}

hb_font_t* FontMetrics::hb() const { return impl_->font; }
double FontMetrics::upem() const { return impl_->upem; }

double FontMetrics::ascent(double size) const { return impl_->asc * size; }
double FontMetrics::descent(double size) const { return impl_->desc * size; }
bool FontMetrics::has_glyph(char32_t cp) const { return impl_->lookup(cp).first; }

void FontSet::add(const std::string& id, const std::string& path) {
  fonts_[id] = std::make_unique<FontMetrics>(path);
  resolve();
}

void FontSet::resolve() {
  for (int b = 0; b < 2; ++b) {
    chain_fonts_[b].clear();
    for (const auto& id : chains_[b]) {
      auto it = fonts_.find(id);
      chain_fonts_[b].push_back(it == fonts_.end() ? nullptr : it->second.get());
    }
  }
}

const FontMetrics& FontSet::get(const std::string& id) const {
  auto it = fonts_.find(id);
  if (it == fonts_.end()) throw Error(Exit::failure, "", "font id '" + id + "' is not loaded", "a bug: please report it");
  return *it->second;
}

void FontSet::set_chain(bool bold, std::vector<std::string> ids) {
  chains_[bold ? 1 : 0] = std::move(ids);
  resolve();
}

const std::vector<std::string>& FontSet::chain(bool bold) const { return chains_[bold ? 1 : 0]; }

const std::string& FontSet::font_for(char32_t cp, bool bold) const {
  const auto& ch = chain(bold);
  if (ch.empty()) throw Error(Exit::failure, "", "no fonts loaded", "a bug: please report it");
  // Arabic and Hebrew letters go to a fallback made for them (Noto Sans Arabic) before
  // the main font's own, plainer Arabic glyphs; everything else tries the chain in order.
  const auto& fs = chain_fonts_[bold ? 1 : 0];
  auto font = [&](size_t i) -> const FontMetrics& { return fs[i] ? *fs[i] : get(ch[i]); };
  if (direction::in_rtl_script(cp))
    for (size_t i = 1; i < ch.size(); ++i)
      if (font(i).has_glyph(cp)) return ch[i];
  for (size_t i = 0; i < ch.size(); ++i)
    if (font(i).has_glyph(cp)) return ch[i];
  return ch.front();
}

bool FontSet::covers(char32_t cp, bool bold) const {
  if (cp < 0x20 || cp == 0xFEFF || cp == 0x200B || cp == 0x200C || cp == 0x200D) return true;
  const auto& ch = chain(bold);
  const auto& fs = chain_fonts_[bold ? 1 : 0];
  for (size_t i = 0; i < ch.size(); ++i)
    if ((fs[i] ? *fs[i] : get(ch[i])).has_glyph(cp)) return true;
  return false;
}

double FontSet::advance(char32_t cp, double size, bool bold) const { return get(font_for(cp, bold)).advance(cp, size); }

std::map<std::string, std::string> FontSet::paths() const {
  std::map<std::string, std::string> out;
  for (const auto& [id, f] : fonts_) out[id] = f->path();
  return out;
}

}  // namespace deckhand::layout

namespace deckhand::layout {
bool FontSet::synthetic_bold(const std::string& id) const {
  const auto& bold = chains_[1];
  if (std::find(bold.begin(), bold.end(), id) == bold.end()) return false;
  const std::string& file = get(id).path();
  for (const auto& r : chains_[0])
    if (get(r).path() == file) return true;
  return false;
}
}  // namespace deckhand::layout

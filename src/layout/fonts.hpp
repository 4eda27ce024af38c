#pragma once
// Font metrics for layout, read with HarfBuzz from the same TrueType files the PDF
// writer embeds, so measured widths match the drawn text.
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct hb_font_t;

namespace deckhand::layout {

class FontMetrics {
 public:
  // Throws Error(Exit::layout) naming the file when it cannot be read as a font.
  explicit FontMetrics(const std::string& path);
  ~FontMetrics();
  FontMetrics(const FontMetrics&) = delete;
  FontMetrics& operator=(const FontMetrics&) = delete;
  double advance(char32_t cp, double size) const;        // points
  double width(std::string_view utf8, double size) const;
  double ascent(double size) const;
  double descent(double size) const;                     // positive, below the baseline
  bool has_glyph(char32_t cp) const;
  const std::string& path() const { return path_; }
  // The HarfBuzz font (scale: font units, upem() per em), for shaping (layout/setter.hpp).
  // HarfBuzz fonts are immutable once made, so shaping with it from several threads is safe.
  hb_font_t* hb() const;
  double upem() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string path_;
};

// The fonts of one layout, by id ("regular", "bold", "fallback1", ...), and the chains
// that pick, character by character, the first font that has a glyph.
class FontSet {
 public:
  void add(const std::string& id, const std::string& path);
  const FontMetrics& get(const std::string& id) const;
  std::map<std::string, std::string> paths() const;
  // The chain for regular or bold text: its font first, then the fallbacks.
  void set_chain(bool bold, std::vector<std::string> ids);
  const std::vector<std::string>& chain(bool bold) const;
  // The id of the font that draws `cp` (the chain's first if none has it: see covers).
  const std::string& font_for(char32_t cp, bool bold) const;
  bool covers(char32_t cp, bool bold) const;
  double advance(char32_t cp, double size, bool bold) const;
  // A font of the bold chain that has no bold face (its file is in the regular chain too):
  // its text is drawn with synthetic bold (TextRun::stroke).
  bool synthetic_bold(const std::string& id) const;

 private:
  std::map<std::string, std::unique_ptr<FontMetrics>> fonts_;
  std::vector<std::string> chains_[2];
  // chains_' fonts (nullptr: an id not added yet), so that the lookups of every character
  // go to the font without a search by name; kept by add and set_chain
  std::vector<const FontMetrics*> chain_fonts_[2];
  void resolve();
};

}  // namespace deckhand::layout

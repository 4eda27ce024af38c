#pragma once
// The text setter: the one place where deckhand turns text into positioned glyphs, for
// every output (handouts' text, outlines, leaflets, text frames, translated slides).
//
//   styled logical text (UTF-8, reading order)
//     → characters no font has become a visible box (U+25A1), reported in `missing`
//     → a font for each character: the first of the style's chain that has it; a mark,
//       joiner or variation selector stays in its base's font, and so does a space or
//       punctuation mark that font has (so a run is not cut at every space)
//     → bidi embedding levels (UAX #9 with ICU: core/direction.hpp)
//     → measured: each (font, level) item shaped with HarfBuzz in the paragraph's
//       context; each cluster's advance is the sum of its glyphs' (Paragraph::advance)
//     → lines broken (layout/text.hpp: UAX #14 opportunities, hyphenation points with a
//       hyphen where the language has a dictionary: layout/hyphenate.hpp)
//     → each line set: its characters in visual order (UAX #9 L2), cut into runs of one
//       font and direction, each shaped with HarfBuzz again (so a glyph's context is its
//       line), giving glyph runs (model/pages.hpp Glyph, TextRun): glyph ids, advances,
//       GPOS offsets (mark placement, kerning) and each cluster's logical text.
//
// Units: points; x grows to the right, y down (baselines, as in model/pages.hpp).
// Pure: no PDF library. Errors: none thrown for text; a font id the FontSet does not have
// is a bug (Error(Exit::failure)).
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "layout/fonts.hpp"
#include "layout/text.hpp"
#include "model/pages.hpp"

namespace deckhand::layout {

struct TextStyle {
  double size = 10;          // points
  bool bold = false;
  Color color;
  // A font tried before the layout's chain (TextSetter::source_font: the source deck's
  // font or its metric-compatible stand-in, docs/fonts.md); "" for the chain alone.
  std::string first;
  bool italic = false;       // drawn slanted (TextRun::oblique) unless `first` is an italic face
  bool italic_face = false;  // `first` is an italic face
};

// A stretch of a paragraph set in another style (a bold word: model/deck.hpp TextSpan):
// [begin, end) code points of the paragraph's text; sorted, not overlapping.
struct StyledRange {
  size_t begin = 0, end = 0;
  TextStyle style;
};

class TextSetter;
struct ShapedGlyph;

// One paragraph of logical text, prepared for breaking into lines and setting them.
class Paragraph {
 public:
  Paragraph() = default;
  Paragraph(const Paragraph& o);  // (its characters' fonts name the copy's own styles)
  Paragraph& operator=(const Paragraph& o);
  Paragraph(Paragraph&&) noexcept = default;
  Paragraph& operator=(Paragraph&&) noexcept = default;
  const std::u32string& text() const { return text_; }  // after the missing-glyph boxes
  const TextStyle& style() const { return style_; }
  bool rtl() const { return rtl_; }
  // the advance of the cluster that starts at character i (0 inside a cluster), points
  double advance(size_t i) const { return i < adv_.size() ? adv_[i] : 0; }
  // the sum of the advances of [a, b)
  double width(size_t a, size_t b) const;
  // Lines no wider than `width` (ranges of text(), without the spaces at their ends):
  // layout/text.hpp's rules, with these advances.
  // `break_words`: wrap_ranges_at's emergency breaks (text.hpp)
  std::vector<LineRange> wrap(double width, const std::string& lang, bool break_words = false) const;
  // Characters [a, b) as one line whose left end is at x: glyph runs, left to right; with
  // `hyphen`, a hyphen (U+002D) after the last character, in its font and direction. A
  // line that ends with a hyphen of the text's own (left to right) gives
  // that hyphen's cluster text, and the run's, as "-" + U+200B: readers built on Poppler
  // drop a line-end U+002D when they join lines (docs/text-setting.md, "The text layer").
  // Without `with_text`, the runs and glyphs carry no text (a trial that measures only).
  std::vector<TextRun> set(size_t a, size_t b, double x, double baseline, bool hyphen = false, bool with_text = true) const;
  std::vector<TextRun> set(const LineRange& r, double x, double baseline) const { return set(r.begin, r.end, x, baseline, r.hyphen); }
  // The width set() gives the line (shaped in the line's own context).
  double line_width(size_t a, size_t b) const;

 private:
  friend class TextSetter;
  const TextSetter* setter_ = nullptr;
  std::u32string text_;
  TextStyle style_;
  bool rtl_ = false;
  std::string lang_;
  std::vector<TextStyle> styles_;          // [0]: the paragraph's; then its ranges'
  std::vector<unsigned char> char_style_;  // style of each character (index into styles_)
  std::vector<const std::string*> font_;  // font id of each character
  std::vector<unsigned char> level_;       // bidi level of each character
  std::vector<int> script_;                // ICU script (UScriptCode) of each character
  std::vector<double> adv_;
  void rebase(const Paragraph& o);
};

class TextSetter {
 public:
  explicit TextSetter(const FontSet& fonts) : fonts_(fonts) {}
  // `rtl_base`: the paragraph's base direction is right to left (else left to right);
  // `lang`: BCP 47 tag of the text's language ("" unknown), for shaping and breaking.
  // `ranges`: stretches in other styles (same size); the rest is in `style`.
  Paragraph paragraph(const std::string& utf8, const TextStyle& style, bool rtl_base, const std::string& lang,
                      const std::vector<StyledRange>& ranges = {});
  Paragraph paragraph(std::u32string text, const TextStyle& style, bool rtl_base, const std::string& lang,
                      const std::vector<StyledRange>& ranges = {});
  // One line of text, not broken: its runs from x (its left end), and its width.
  std::vector<TextRun> line(const std::string& utf8, const TextStyle& style, bool rtl_base, const std::string& lang, double x,
                            double baseline, double* width = nullptr);
  // The width of one line of text as line() sets it.
  double width(const std::string& utf8, const TextStyle& style, bool rtl_base, const std::string& lang);
  const FontSet& fonts() const { return fonts_; }
  // A font file tried before the chain (TextStyle::first): its id ("source:" and the file's
  // path, so that setters working apart name it alike), loaded once. Throws
  // Error(Exit::layout) when the file cannot be read as a font.
  std::string source_font(const std::string& path);
  // The font of an id: the layout's (FontSet) or a source font's.
  const FontMetrics& font(const std::string& id) const;
  // Every font id this setter's runs may name, with its file: for LaidOutDoc::fonts.
  std::map<std::string, std::string> paths() const;
  // characters no font of the chain has (drawn as □)
  const std::set<char32_t>& missing() const { return missing_; }
  // layout::shape(), remembered: HarfBuzz's positions are in font units, so one shaping
  // serves every size (the shrink search sets one text at many). Same results as shape().
  std::vector<ShapedGlyph> shaped(const FontMetrics& font, const std::u32string& text, size_t off, size_t len, bool rtl, double size,
                                  const std::string& lang) const;

 private:
  friend class Paragraph;
  struct Unscaled {  // a glyph as HarfBuzz gave it, in font units
    unsigned id;
    size_t cluster;
    int advance, dx, dy;
  };
  // (a TextSetter is used by one thread at a time: this cache has no lock)
  mutable std::unordered_map<std::string, std::vector<Unscaled>> shaped_;
  const std::vector<Unscaled>& unscaled(const FontMetrics& font, const std::u32string& text, size_t off, size_t len, bool rtl,
                                        const std::string& lang) const;  // shape(), in font units, remembered
  // a glyph advance a paragraph's measure adds up: to character `at`, `advance` font units
  // of a font of `upem` units per em
  struct UnitAdvance {
    size_t at;
    int advance;
    double upem;
  };
  // paragraphs made before, without their advances, by all that is not their size; and
  // their glyphs' advances in font units (one shaping measures them at every size)
  struct Known {
    Paragraph p;
    std::vector<UnitAdvance> advances;
  };
  std::unordered_map<std::string, Known> paragraphs_;
  std::vector<UnitAdvance> unit_advances(const Paragraph& p, const std::string& lang) const;  // p's items shaped
  static void measure(Paragraph& p, double size, const std::vector<UnitAdvance>& advances);  // p's advances at `size`
  const FontSet& fonts_;
  std::set<char32_t> missing_;
  std::map<std::string, std::shared_ptr<FontMetrics>> source_;  // id -> font
  std::map<std::string, std::string> source_ids_;               // path -> id
};

// The setter's one rule for text that does not fit: the largest of size, size × 0.95,
// size × 0.95², ... down to `min` (inclusive) at which `fits` holds; `min` when none does.
double fit_size(double size, double min, const std::function<bool(double)>& fits);

// Glyphs of text[off, off + len) in one font, shaped by HarfBuzz with the rest of `text`
// as context, in visual order (left to right). Each glyph's `cluster` is the index in
// `text` of the first character of its cluster. Points at `size`.
struct ShapedGlyph {
  unsigned id = 0;
  size_t cluster = 0;
  double advance = 0, dx = 0, dy = 0;
};
std::vector<ShapedGlyph> shape(const FontMetrics& font, const std::u32string& text, size_t off, size_t len, bool rtl,
                               double size, const std::string& lang);

}  // namespace deckhand::layout

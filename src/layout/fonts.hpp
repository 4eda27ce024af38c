#pragma once
// Font metrics for layout, read with HarfBuzz from the same TrueType files the PDF
// writer embeds, so measured widths match the drawn text.
#include <map>
#include <memory>
#include <string>
#include <string_view>

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

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string path_;
};

// The fonts of one layout, by id ("regular", "bold").
class FontSet {
 public:
  void add(const std::string& id, const std::string& path);
  const FontMetrics& get(const std::string& id) const;
  std::map<std::string, std::string> paths() const;

 private:
  std::map<std::string, std::unique_ptr<FontMetrics>> fonts_;
};

}  // namespace deckhand::layout

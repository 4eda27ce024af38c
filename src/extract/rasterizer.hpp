#pragma once
// Slide pictures: pages of the source PDF rendered with Poppler at an exact pixel size,
// one Poppler document per worker thread.
#include <memory>
#include <string>
#include <vector>

namespace deckhand::extract {

class PdfDocument;

class Rasterizer {
 public:
  // Reads and opens `path` once per worker. Throws Error like extract_deck.
  Rasterizer(const std::string& path, const std::string& password, unsigned workers);
  ~Rasterizer();
  // RGB, w x h, rows top to bottom; the page as displayed (after /Rotate).
  std::vector<unsigned char> render(int page, int w, int h, unsigned worker) const;
  int pages() const;
  const std::string& data() const { return data_; }

 private:
  std::string data_;
  std::vector<std::unique_ptr<PdfDocument>> docs_;
};

}  // namespace deckhand::extract

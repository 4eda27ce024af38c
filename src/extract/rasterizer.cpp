#include "extract/rasterizer.hpp"

#include "core/error.hpp"
#include "core/io.hpp"
#include "extract/pdf_reader.hpp"

namespace deckhand::extract {

Rasterizer::Rasterizer(const std::string& path, const std::string& password, unsigned workers) {
  data_ = read_file(path);
  if (data_.substr(0, 1024).find("%PDF-") == std::string::npos)
    throw Error(Exit::bad_pdf, path, "not a PDF file (no %PDF- header)", "point the deck at its PDF with --source");
  for (unsigned w = 0; w < std::max(1u, workers); ++w) docs_.push_back(PdfDocument::open(data_, path, password));
}

Rasterizer::~Rasterizer() = default;

std::vector<unsigned char> Rasterizer::render(int page, int w, int h, unsigned worker) const {
  return docs_[worker % docs_.size()]->render(page - 1, w, h);
}

int Rasterizer::pages() const { return docs_.front()->info().pages; }

}  // namespace deckhand::extract

#pragma once
// The source PDF of a run, read once: its bytes are read and checked once, hashed once
// (SHA-256: beside the budget scan, or on first request), and opened with Poppler at most once per worker thread, on
// that worker's first use. Extraction (words, drawn bullets) and slide pictures (raster
// frames, the letterbox probe) share this one pool of documents.
#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace deckhand::extract {

class PdfDocument;

class SourcePdf {
 public:
  // Reads `path` (once in a run: core/io.hpp read_input) and checks its %PDF- header; opens the first document at once, so that a
  // damaged or encrypted file (or a wrong password) fails here. Throws Error: input (4,
  // missing), bad_pdf (5), encrypted (6). `workers` >= 1 documents at most are opened.
  // `hash`: the file's SHA-256 computed now, on this thread while the budget scan
  // (budget.hpp) runs on another (a deck JSON records it); false: on first request only.
  SourcePdf(const std::string& path, const std::string& password, unsigned workers, bool hash = true);
  ~SourcePdf();
  SourcePdf(const SourcePdf&) = delete;
  SourcePdf& operator=(const SourcePdf&) = delete;

  const std::string& path() const { return path_; }
  const std::string& data() const { return *data_; }
  unsigned workers() const { return static_cast<unsigned>(docs_.size()); }
  // Lower-case hex SHA-256 of the file's bytes, computed on the first call.
  const std::string& sha256() const;
  // Worker `worker`'s document (index taken modulo workers()), opened on first use. Only
  // that worker may call this with its index (documents are not thread-safe).
  PdfDocument& doc(unsigned worker) const;
  int pages() const;
  // Page `page` (1-based) as RGB, w x h, rows top to bottom, as displayed (after /Rotate).
  std::vector<unsigned char> render(int page, int w, int h, unsigned worker) const;

  // Poppler documents opened by every SourcePdf of this process (for tests: once per
  // worker at most in a run).
  static int opens();

 private:
  std::string path_, password_;
  std::shared_ptr<const std::string> data_;  // core/io.hpp read_input: read once in a run
  mutable std::vector<std::unique_ptr<PdfDocument>> docs_;
  mutable std::once_flag hashed_;
  mutable std::string sha_;
};

}  // namespace deckhand::extract

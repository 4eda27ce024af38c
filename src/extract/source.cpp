#include "extract/source.hpp"

#include <algorithm>
#include <future>

#include "core/log.hpp"
#include "core/error.hpp"
#include "core/io.hpp"
#include "core/sha256.hpp"
#include "extract/budget.hpp"
#include "extract/pdf_reader.hpp"

namespace deckhand::extract {
namespace {
std::atomic<int> g_opens{0};
}

SourcePdf::SourcePdf(const std::string& path, const std::string& password, unsigned workers, bool hash)
    : path_(path), password_(password) {
  data_ = read_input(path);
  if (data_->empty()) throw Error(Exit::bad_pdf, path, "the file is empty", "check that the download or copy finished");
  if (data_->substr(0, 1024).find("%PDF-") == std::string::npos)
    throw Error(Exit::bad_pdf, path, "not a PDF file: no %PDF- header", "give deckhand the deck exported as PDF");
  docs_.resize(std::max(1u, workers));
  doc(0);  // fail early: damaged, encrypted, wrong password
  // Before any page is drawn: the page tree, inflated bytes, operators (budget.hpp); the
  // file is hashed meanwhile, on the other core (a run that writes a deck JSON needs both).
  auto scan = std::async(std::launch::async, [this, log = scoped_log()] {
    LogScope scope(log);  // (its debug lines: the job's)
    check_pdf_budgets(*data_, path_, password_);
  });
  if (hash) sha256();
  scan.get();
}

SourcePdf::~SourcePdf() = default;

const std::string& SourcePdf::sha256() const {
  std::call_once(hashed_, [this] { sha_ = sha256_hex(*data_); });
  return sha_;
}

PdfDocument& SourcePdf::doc(unsigned worker) const {
  auto& d = docs_[worker % docs_.size()];
  if (!d) {
    d = PdfDocument::open(*data_, path_, password_);
    ++g_opens;
  }
  return *d;
}

int SourcePdf::pages() const { return doc(0).info().pages; }

std::vector<unsigned char> SourcePdf::render(int page, int w, int h, unsigned worker) const {
  return doc(worker).render(page - 1, w, h);
}

int SourcePdf::opens() { return g_opens.load(); }

}  // namespace deckhand::extract

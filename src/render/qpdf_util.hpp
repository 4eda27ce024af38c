#pragma once
// What the libqpdf code of render/ shares (vector_frames, slide_translate, print,
// preflight): numbers for content streams, rectangles of page boxes, and the one way
// deckhand writes a PDF with qpdf. Internal to render/; not a public interface.
#ifndef POINTERHOLDER_TRANSITION
#define POINTERHOLDER_TRANSITION 4  // qpdf 11: std::shared_ptr, no PointerHolder
#endif
#include "render/deflate.hpp"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/Pipeline.hh>
#include <qpdf/QPDFWriter.hh>
#include <qpdf/Pl_Flate.hh>
#include <qpdf/Pl_String.hh>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>

#include "core/io.hpp"
#include "render/pdf_number.hpp"

namespace deckhand::render::pdfq {

// A number for a content stream (render/pdf_number.hpp).
inline std::string num(double v, int decimals = 5) { return pdf_number(v, decimals); }

// A page box (PDF 32000-1:2008, 14.11.2), points in the page's default user space,
// normalised so that ll <= ur.
struct Rect {
  double llx = 0, lly = 0, urx = 0, ury = 0;
  bool contains(const Rect& o, double tol = 0.01) const {
    return o.llx >= llx - tol && o.lly >= lly - tol && o.urx <= urx + tol && o.ury <= ury + tol;
  }
};

// The rectangle an array object holds; all zero when it is not a rectangle.
inline Rect rect_of(QPDFObjectHandle a) {
  if (!a.isRectangle()) return {};
  auto q = a.getArrayAsRectangle();
  return {std::min(q.llx, q.urx), std::min(q.lly, q.ury), std::max(q.llx, q.urx), std::max(q.lly, q.ury)};
}

// Adds `entries` (name -> object) to the `kind` dictionary ("/Font", "/XObject",
// "/ColorSpace") of a page's /Resources. The page gets its own /Resources and its own
// `kind` dictionary (shallow copies), so that resources shared with other pages stay as
// they were.
inline void add_page_resources(QPDFObjectHandle page, const std::string& kind,
                               const std::map<std::string, QPDFObjectHandle>& entries) {
  QPDFObjectHandle res = page.getKey("/Resources");
  res = res.isDictionary() ? res.shallowCopy() : QPDFObjectHandle::newDictionary();
  page.replaceKey("/Resources", res);
  QPDFObjectHandle d = res.getKey(kind);
  d = d.isDictionary() ? d.shallowCopy() : QPDFObjectHandle::newDictionary();
  for (const auto& [name, obj] : entries) d.replaceKey(name, obj);
  res.replaceKey(kind, d);
}

// The end of QPDFWriter's pipeline: a file deckhand opens and closes itself, every write()
// checked. qpdf catches exceptions while it copies a stream's data (and may write the stream
// again unfiltered), so a failed write is kept ("sticky") and checked after write().
class FileSink : public Pipeline {
 public:
  explicit FileSink(const std::string& path) : Pipeline("deckhand output", nullptr), path_(path) {
    fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd_ < 0) throw_write_failed(path, errno);
  }
  ~FileSink() override {
    if (fd_ >= 0) ::close(fd_);
  }
  // (qpdf writes in small pieces: they are gathered in blocks of 64 KiB)
  void write(unsigned char const* data, size_t len) override {
    if (err_) fail();
    if (buf_.size() + len > kBlock) flush();
    if (len >= kBlock)
      put(reinterpret_cast<const char*>(data), len);
    else
      buf_.append(reinterpret_cast<const char*>(data), len);
    if (err_) fail();
  }
  // (QPDFWriter finishes the pipeline after every stream it writes: what is gathered stays
  // until the block is full or close() is called, else each stream was a write(2) of its own)
  void finish() override {}
  bool failed() const { return err_ != 0; }
  [[noreturn]] void fail() const { throw_write_failed(path_, err_); }
  // After QPDFWriter::write(): the file holds every byte written (its size), and closes
  // without an error (a delayed write failure is reported by close, or by the caller's fsync).
  void close() {
    flush();
    struct stat st;
    if (err_ == 0 && (::fstat(fd_, &st) != 0 || static_cast<unsigned long long>(st.st_size) != bytes_)) err_ = ENOSPC;
    int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0 && err_ == 0 && errno != EINTR) err_ = errno;
    if (err_) fail();
  }

 private:
  static constexpr size_t kBlock = 1 << 16;
  void flush() {
    if (!buf_.empty() && err_ == 0) put(buf_.data(), buf_.size());
    buf_.clear();
  }
  void put(const char* data, size_t len) {
    while (len > 0 && err_ == 0) {
      ssize_t w = ::write(fd_, data, len);
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) {
        err_ = w < 0 ? errno : EIO;
        break;
      }
      data += w, len -= static_cast<size_t>(w), bytes_ += static_cast<unsigned long long>(w);
    }
  }
  std::string path_, buf_;
  int fd_ = -1, err_ = 0;
  unsigned long long bytes_ = 0;
};

// A new stream of `q` holding bytes deflated() made, with its /Filter: written as it is
// (write_deterministic decodes no stream), not compressed again on the writer's thread.
inline QPDFObjectHandle flate_stream(QPDF& q, std::string deflated_bytes) {
  QPDFObjectHandle s = QPDFObjectHandle::newStream(&q);
  s.replaceStreamData(std::move(deflated_bytes), QPDFObjectHandle::newName("/FlateDecode"), QPDFObjectHandle::newNull());
  return s;
}

// Writes `q` to `path`: deterministic /ID, object streams generated, streams compressed,
// no encryption (so the same input gives the same bytes). Streams are not decoded: one the
// source compressed, or flate_stream made, is written as it is; one with no filter is
// compressed (Flate). A failed write of `path` is
// Error(Exit::output) (throw_write_failed: names TMPDIR for a scratch file); any other
// exception comes from reading the input (damaged stream data): it passes through, for the
// caller to name the input.
inline void write_deterministic(QPDF& q, const std::string& path) {
  FileSink sink(path);
  QPDFWriter w(q);
  w.setOutputPipeline(&sink);
  w.setDeterministicID(true);
  w.setPreserveEncryption(false);
  w.setObjectStreamMode(qpdf_o_generate);
  w.setCompressStreams(true);
  w.setDecodeLevel(qpdf_dl_none);
  try {
    w.write();
  } catch (...) {
    if (sink.failed()) sink.fail();
    throw;
  }
  if (sink.failed()) sink.fail();
  sink.close();
}

}  // namespace deckhand::render::pdfq

// pdfq::deflated (render/deflate.hpp): Flate compression with libdeflate (Debian:
// libdeflate-dev), which compresses a whole buffer at once. On the bench deck's page
// contents (1.4 MB) its level 6 took two thirds of zlib's level 6 time and made 1 % fewer
// bytes; and a compressor is made once a thread, not once a stream (zlib's deflateInit
// allocates and clears 256 KiB for each).
#include <libdeflate.h>

#include <memory>
#include <new>

#include "render/deflate.hpp"

namespace deckhand::render::pdfq {

namespace {
// libdeflate's default level: its ratio at level 6 is zlib's level 9's on page content
constexpr int kLevel = 6;

struct FreeCompressor {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};
}  // namespace

std::string deflated(const std::string& data) {
  thread_local std::unique_ptr<libdeflate_compressor, FreeCompressor> c(libdeflate_alloc_compressor(kLevel));
  if (!c) throw std::bad_alloc();
  std::string out(libdeflate_zlib_compress_bound(c.get(), data.size()), '\0');
  const size_t n = libdeflate_zlib_compress(c.get(), data.data(), data.size(), out.data(), out.size());
  if (n == 0) throw std::bad_alloc();  // (the bound is always enough: libdeflate.h)
  out.resize(n);
  return out;
}

}  // namespace deckhand::render::pdfq

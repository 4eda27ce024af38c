#pragma once
// Flate compression of the streams deckhand makes (no qpdf header: render/deflate.cpp).
#include <string>

namespace deckhand::render::pdfq {

// `data` compressed for /FlateDecode (the zlib format, RFC 1950; PDF 32000-1:2008, 7.4.4)
// by libdeflate at its level 6: done where it can run in parallel (pure bytes, no qpdf
// object), then given to a stream by flate_stream (render/qpdf_util.hpp). Throws
// std::bad_alloc when libdeflate cannot allocate its compressor.
std::string deflated(const std::string& data);

}  // namespace deckhand::render::pdfq

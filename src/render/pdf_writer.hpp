#pragma once
// The PDF writer: serializes laid-out pages with libharu. The only code in deckhand that
// includes libharu. It decides nothing about layout.
#include <functional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "model/pages.hpp"
#include "render/print.hpp"

namespace deckhand::render {

struct Raster {
  int w = 0, h = 0;
  std::vector<unsigned char> rgb;  // w * h * 3, rows top to bottom
};

// Renders page `page` (1-based) of the source at exactly w x h pixels; `worker` is the
// calling thread's index in [0, workers).
using RasterFn = std::function<Raster(int page, int w, int h, unsigned worker)>;

struct WriteOptions {
  unsigned workers = 1;
  // the source PDF, for frames shown as vector pages (render/vector_frames.hpp)
  std::string source, password;
  std::function<void(int done, int total)> progress;  // pages written
  // --impose booklet: the finished pages (with their print geometry) imposed two to a
  // sheet (render/print.hpp)
  bool impose = false;
  double creep = 0;         // points
  int signature = 0;
  int binding = 0;          // 0: from the handout's direction, 1: left edge, 2: right edge
};

// How a slide picture is stored. A picture with at most 512 colours (text, flat shapes)
// is Flate-coded (lossless); otherwise both codings are made and Flate is kept when it is
// at most 10% larger than JPEG. See docs/layouts.md for the sizes behind this.
enum class ImageCoding { jpeg, flate };
ImageCoding choose_coding(const Raster& r);

// Writes the PDF to `path`: raster frames are pictures from `raster`; when the layout has
// vector frames, libharu writes to a temporary file that place_vector_frames completes.
// Writes the PDF to `path` (give it a temporary path: see core/io.hpp write_output_via).
// Deterministic: same input, same bytes.
void write_pdf(const LaidOutDoc& doc, const RasterFn& raster, const WriteOptions& opts, const std::string& path);

}  // namespace deckhand::render

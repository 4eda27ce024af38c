// Fuzz target: `deckhand preflight` (render/preflight.cpp, libqpdf) on PDF bytes: page
// boxes, fonts, images and their resolution through Form XObjects, colour spaces. The
// booklet check is on for inputs of odd size.
#include <cstdint>

#include "core/io.hpp"
#include "fuzz_pdf.hpp"
#include "render/preflight.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // each input is a run of its own: the file written over for it is read again (core/io.hpp)
  const deckhand::InputRun input_run;
  static const std::string in = fuzzpdf::temp_path("preflight");
  if (!fuzzpdf::write_file(in, data, size)) return 0;
  try {
    deckhand::render::PreflightOptions o;
    o.booklet = size % 2 == 1;
    (void)deckhand::render::preflight(in, o);
  } catch (const deckhand::Error& e) {
    fuzzpdf::answer(e);
  }
  return 0;
}

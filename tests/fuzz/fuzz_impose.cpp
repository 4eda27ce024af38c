// Fuzz target: `deckhand impose` (render/print.cpp impose_booklet, libqpdf) on PDF bytes:
// every page made a Form XObject and placed two to a sheet, written with QPDFWriter. The
// options follow the input's size: marks, right-to-left binding, signatures of 1 or 2
// sheets, creep.
#include <cstdint>

#include "core/io.hpp"
#include "fuzz_pdf.hpp"
#include "render/print.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // each input is a run of its own: the file written over for it is read again (core/io.hpp)
  const deckhand::InputRun input_run;
  static const std::string in = fuzzpdf::temp_path("impose-in");
  static const std::string out = fuzzpdf::temp_path("impose-out");
  if (!fuzzpdf::write_file(in, data, size)) return 0;
  try {
    deckhand::render::ImposeOptions o;
    o.marks = size % 2 == 1;
    o.rtl = size / 2 % 2 == 1;
    o.signature = static_cast<int>(size / 4 % 3);
    o.creep = size / 12 % 2 == 1 ? 2.0 : 0.0;
    (void)deckhand::render::impose_booklet(in, "", out, o);
  } catch (const deckhand::Error& e) {
    fuzzpdf::answer(e);
  }
  return 0;
}

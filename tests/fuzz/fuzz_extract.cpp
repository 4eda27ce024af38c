// Fuzz target: extraction from PDF bytes (Poppler, then deckhand's analysis).
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>

#include "core/io.hpp"
#include "core/error.hpp"
#include "extract/extract.hpp"
#include "fuzz_pdf.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // each input is a run of its own: the file written over for it is read again (core/io.hpp)
  const deckhand::InputRun input_run;
  static const std::string path = fuzzpdf::temp_path("extract");  // (removed at exit)
  if (!fuzzpdf::write_file(path, data, size)) return 0;
  try {
    deckhand::Diagnostics diag;
    deckhand::extract::ExtractOptions eo;
    eo.threads = 1;
    (void)deckhand::extract::extract_deck(path, eo, diag);
  } catch (const deckhand::Error&) {
  }
  return 0;
}

// Fuzz target: extraction from PDF bytes (Poppler, then deckhand's analysis).
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>

#include "core/io.hpp"
#include "core/error.hpp"
#include "extract/extract.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // each input is a run of its own: the file written over for it is read again (core/io.hpp)
  const deckhand::InputRun input_run;
  static const std::string path = [] {
    char tmpl[] = "/tmp/deckhand-fuzz-extract-XXXXXX";
    int fd = ::mkstemp(tmpl);
    if (fd >= 0) ::close(fd);
    return std::string(tmpl);
  }();
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return 0;
  std::fwrite(data, 1, size, f);
  std::fclose(f);
  try {
    deckhand::Diagnostics diag;
    deckhand::extract::ExtractOptions eo;
    eo.threads = 1;
    (void)deckhand::extract::extract_deck(path, eo, diag);
  } catch (const deckhand::Error&) {
  }
  return 0;
}

// Fuzz target: the layout (YAML) parser and its checks.
#include <cstdint>
#include <string>

#include "core/io.hpp"
#include "core/error.hpp"
#include "layout/definition.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // each input is a run of its own: the file written over for it is read again (core/io.hpp)
  const deckhand::InputRun input_run;
  std::string text(reinterpret_cast<const char*>(data), size);
  try {
    (void)deckhand::layout::parse_layout(text, "fuzz.yaml");
  } catch (const deckhand::Error&) {
  }
  return 0;
}

// Fuzz target: the layout (YAML) parser and its checks.
#include <cstdint>
#include <string>

#include "core/error.hpp"
#include "layout/definition.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  try {
    (void)deckhand::layout::parse_layout(text, "fuzz.yaml");
  } catch (const deckhand::Error&) {
  }
  return 0;
}

// Fuzz target: the deck JSON loader (parse, nesting limit, every field's type and range).
#include <cstdint>
#include <string>

#include "core/io.hpp"
#include "core/error.hpp"
#include "model/deck.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // each input is a run of its own: the file written over for it is read again (core/io.hpp)
  const deckhand::InputRun input_run;
  std::string text(reinterpret_cast<const char*>(data), size);
  try {
    deckhand::Deck d = deckhand::deck_from_text(text, "fuzz.json");
    (void)deckhand::dump_deck(d);  // what was read can be written back
  } catch (const deckhand::Error&) {
  }
  return 0;
}

// Fuzz target: the XLIFF (1.2, 2.0) and gettext PO readers, then a merge into a small deck.
#include <cstdint>
#include <string>

#include "core/io.hpp"
#include "core/error.hpp"
#include "l10n/strings.hpp"
#include "model/deck.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // each input is a run of its own: the file written over for it is read again (core/io.hpp)
  const deckhand::InputRun input_run;
  std::string text(reinterpret_cast<const char*>(data), size);
  try {
    deckhand::l10n::Catalog c = deckhand::l10n::read_catalog(text, "fuzz.xlf");
    deckhand::Deck deck;
    deckhand::Slide s1, s2;
    s1.id = "s1";
    s1.page = 1;
    s1.title = "Hello";
    s1.blocks.push_back({"s1.b1", 1, "First point", {}, {}, "", 0});
    s2 = s1;
    s2.id = "s2";
    s2.page = 2;
    s2.overlay_of = "s1";
    s2.blocks.push_back({"nodot", 0, "x", {}, {}, "", 0});
    deck.slides = {s1, s2};
    (void)deckhand::l10n::merge(deck, c, c.target_lang.empty() ? "fr" : c.target_lang);
  } catch (const deckhand::Error&) {
  }
  return 0;
}

// Fuzz target: the layout engine fed a fuzzed deck with a fuzzed layout. The input is a
// layout (YAML), a line "%%DECK%%", then a deck JSON. Fonts are the built-in ones.
#include <cstdint>
#include <string>

#include "core/io.hpp"
#include "core/error.hpp"
#include "core/limits.hpp"
#include "layout/definition.hpp"
#include "layout/engine.hpp"
#include "model/deck.hpp"

using namespace deckhand;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // each input is a run of its own: the file written over for it is read again (core/io.hpp)
  const deckhand::InputRun input_run;
  static layout::FontSet* fonts = [] {
    auto* f = new layout::FontSet;
    layout::LayoutDef def = layout::load_layout("notes-3", DECKHAND_SOURCE_DIR);
    layout::load_fonts(def, *f);
    limits().output_pages = 2000;  // keep each run short; the limit itself is what is checked
    return f;
  }();
  std::string text(reinterpret_cast<const char*>(data), size);
  size_t cut = text.find("%%DECK%%");
  if (cut == std::string::npos) return 0;
  try {
    layout::LayoutDef def = layout::parse_layout(text.substr(0, cut), "fuzz.yaml");
    Deck deck = deck_from_text(text.substr(cut + 8), "fuzz.json");
    Diagnostics diag;
    layout::HandoutOptions ho;
    ho.file = "fuzz.json";
    (void)layout::lay_out(deck, def, *fonts, ho, diag);
  } catch (const Error&) {
  }
  return 0;
}

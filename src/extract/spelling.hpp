#pragma once
// Spelling dictionaries from the system (hunspell, /usr/share/hunspell), for the line-end
// hyphen rule (words.hpp: join_wrapped). This file and spelling.cpp are the only code that
// includes hunspell.
#include <memory>
#include <string>

#include "extract/words.hpp"

namespace deckhand::extract {

// The dictionary for `lang` (BCP 47 primary subtag: "de", "fr", "en"): LANG_REGION.dic
// (the region equal to the language first: de_DE, fr_FR; en: en_US) or LANG.dic, in
// $DECKHAND_HUNSPELL_DIR or /usr/share/hunspell. nullptr when none is installed or it is
// not UTF-8.
std::unique_ptr<Speller> system_speller(const std::string& lang);

// The same, loaded once per process and kept for its life (thread-safe): a dictionary
// costs as much time to free as to load (en_US: about a tenth of a second each, as much
// as reading a 50-page deck), and a process that extracts several decks loads it once.
// Keyed by language and dictionary folder; nullptr when system_speller gives none.
const Speller* shared_speller(const std::string& lang);

}  // namespace deckhand::extract

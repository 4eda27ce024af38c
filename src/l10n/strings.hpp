#pragma once
// Translatable strings of a deck, and the translators' file formats: XLIFF 1.2, XLIFF 2.0
// (with the size-restriction module) and gettext PO. Stage order: model -> extract ->
// l10n -> layout -> render; nothing here reads PDFs or writes them.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "model/deck.hpp"

namespace deckhand::l10n {

enum class Format { xliff12, xliff2, po };
std::optional<Format> format_from(const std::string& name);  // "xliff12", "xliff2", "po"
const char* to_string(Format f);

// One thing to translate: a slide title, a block, or a paragraph of speaker notes.
struct Unit {
  std::string id;       // "s3.b2-1a2b3c4d": the block id and a hash of its source text
  std::string key;      // "s3.b2" (or "s3.title", "s3.n1" for the first paragraph of notes): where it goes in the deck
  std::string source;
  std::string target;   // "" when not translated
  // Withheld: the file says the target must not be used yet (PO "fuzzy"; XLIFF 1.2
  // needs-review-*, needs-adaptation, needs-l10n; deckhand's own XLIFF 2 subState
  // deckhand:fuzzy). Every other state with a non-empty target is used: docs/translation.md.
  bool fuzzy = false;
  std::string state;    // the state as the file wrote it ("fuzzy", "new", "initial", ...), for reports
  int slide = 0;        // page number
  std::string role;     // "title", "section title", "deck title", "bullet level 2", "paragraph", "speaker notes"
  int max_chars = 0;    // size limit in characters (0: none)
};

struct Catalog {
  std::string source_lang, target_lang;
  std::string original;  // the deck's file name
  std::vector<Unit> units;
};

// The units of a deck: titles, blocks and speaker-notes paragraphs of every slide except
// overlay steps (their text is on the frame's last page too) and blank slides; furniture
// is never in a deck.
Catalog units_of(const Deck& deck, const std::string& target_lang);

// "s3.b2" + source -> "s3.b2-1a2b3c4d"
std::string unit_id(const std::string& key, const std::string& source);

std::string write_catalog(const Catalog& c, Format f);
// Reads XLIFF 1.2, XLIFF 2.x or PO (detected from the content). Throws
// Error(Exit::translation) naming the file (and line for PO) on malformed input.
Catalog read_catalog(const std::string& text, const std::string& file);

// True for the XLIFF 1.2 states that mean "do not use this target yet".
bool withheld_xliff12_state(const std::string& state);

struct MergeReport {
  std::vector<std::string> missing;  // unit ids left in the source language (no, empty or withheld target)
  // why they were left: "not in the file", "not translated yet" (no or an empty target), or the withholding state
  // ("fuzzy", "needs-review-translation", ...) -> count
  std::map<std::string, int> missing_by_reason;
  int deck_units = 0;  // units of the deck
  int matched = 0;     // of those, found in the file (by id, or by key and same source)
  std::vector<std::string> unknown;  // ids in the file that the deck does not have
  int translated = 0;
};

// Puts the translations into the deck (titles, block texts, notes); sets deck.lang.
MergeReport merge(Deck& deck, const Catalog& translations, const std::string& lang);

// Carries translations forward to a revised deck: by unit id, else by identical source
// text; everything else is left untranslated.
Catalog update(const Catalog& old, const Deck& revised);

// Pseudo-translation for testing layouts before translations arrive: accented letters,
// expanded by `expand` (0.4 = 40% longer), bracketed.
std::string pseudo(const std::string& s, double expand);

}  // namespace deckhand::l10n

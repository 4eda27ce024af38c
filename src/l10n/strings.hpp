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
  // Inline styles (docs/translation.md, "Inline styles"): source and target are in the
  // tagged form, <b>…</b>, <i>…</i>, <span style="color:#rrggbb">…</span> with & < >
  // written &amp; &lt; &gt;. Set for the units of blocks with spans, and for units whose
  // file has inline codes; the other units hold plain text, as they always did.
  bool markup = false;
  // Not for translation (Block::translate false: a code listing, text without a letter):
  // exported marked so (XLIFF translate="no", PO flag no-translate), left out of pseudo.
  bool no_translate = false;
  // Inline codes of the target that deckhand cannot read (an XLIFF code of another kind):
  // the target is then its text without styles. "" when none.
  std::string markup_problem;
};

struct Catalog {
  std::string source_lang, target_lang;
  std::string original;  // the deck's file name
  std::vector<Unit> units;
  // a target language the file gives that is no language tag ("French"), and where
  // ("the Language: header"): read_catalog refuses it unless the caller has one (--lang)
  std::string bad_lang, bad_lang_where;
};

// The units of a deck: titles, blocks and speaker-notes paragraphs of every slide except
// overlay steps (their text is on the frame's last page too) and blank slides; furniture
// is never in a deck. A slide listed twice (same id and page) gives its units once.
// The most plural forms (msgstr[N]) one message of a PO file may have: deck units have
// none, languages at most six; libgettextpo is quadratic in them (docs/limits.md). Past it,
// exit 11 with the line.
constexpr size_t max_plural_forms = 100;

Catalog units_of(const Deck& deck, const std::string& target_lang);

// "s3.b2" + source -> "s3.b2-1a2b3c4d" (the source as the unit holds it: tagged for a unit
// with markup, so styles are part of the id of a block with spans)
std::string unit_id(const std::string& key, const std::string& source);

// The tagged form of a text with spans ("The <b>bold</b> word"); & < > are escaped. Spans
// that are empty, out of the text, overlapping an earlier one or without any style are left out.
std::string to_tagged(const std::string& text, const std::vector<TextSpan>& spans);
struct Untagged {
  std::string text;              // the plain text (not normalised)
  std::vector<TextSpan> spans;   // code point offsets into text; sorted, adjacent equal styles merged
  std::string error;             // "" or what is wrong with the markup; then text has the tags
                                 // removed and spans is empty
};
// Reads the tagged form back. Lenient where no meaning is lost: <strong> and <em> are read
// as <b> and <i>, a bare '>' is a '>', &quot; &apos; and numeric character references are read.
Untagged from_tagged(const std::string& tagged);
// The plain text of a unit's source or target
std::string plain_text(const Unit& u, const std::string& s);

std::string write_catalog(const Catalog& c, Format f);
// Reads XLIFF 1.2, XLIFF 2.x or PO (detected from the content). Throws
// Error(Exit::translation) naming the file (and line for PO) on malformed input.
Catalog read_catalog(const std::string& text, const std::string& file, bool lang_given = false);

// True for the XLIFF 1.2 states that mean "do not use this target yet".
bool withheld_xliff12_state(const std::string& state);

struct MergeReport {
  std::vector<std::string> missing;  // unit ids left in the source language (no, empty or withheld target)
  // why they were left: "not in the file", "not translated yet" (no or an empty target),
  // "white space only" (a target of spaces or invisible characters alone), or the withholding state
  // ("fuzzy", "needs-review-translation", ...) -> count
  std::map<std::string, int> missing_by_reason;
  int deck_units = 0;  // units of the deck
  int matched = 0;     // of those, found in the file (by id, or by key and same source)
  std::vector<std::string> unknown;  // ids in the file that the deck does not have
  int translated = 0;
  // translated units whose inline markup could not be read, "s3.b2-1a2b3c4d (<b> is not
  // closed)": their text is used without styles
  std::vector<std::string> markup_problems;
  // units not for translation (Block::translate false) that the file translates all the same:
  // used (the translator's work), said with -v
  std::vector<std::string> not_for_translation;
};

// The script check (docs/translation.md, "Language tags"): the letters of the translations
// (units with a target that is used, not withheld, and differs from the source), by Unicode
// script; Common and Inherited characters are not letters of any script. A letter fits when
// its script, or one of its script extensions, is one `lang` is written in
// (language::scripts_of). A language with no known script is not checked (letters 0).
struct ScriptFit {
  size_t letters = 0;    // letters counted
  size_t off = 0;        // of those, in a script the language is not written in
  std::string seen;      // the script most of those are in ("Arabic"); "" when none
  int seen_scripts = 0;  // how many scripts those are in
  std::string expected;  // the language's scripts ("Latin", "Han, Bopomofo"); "" when unknown
  // over half of at least 10 letters do not fit: the file's language is probably wrong
  bool mismatch() const { return letters >= 10 && off * 2 > letters; }
};
ScriptFit script_fit(const Catalog& c, const std::string& lang);

// Puts the translations into the deck (titles, block texts and spans, notes); sets deck.lang.
MergeReport merge(Deck& deck, const Catalog& translations, const std::string& lang);

// Carries translations forward to a revised deck: by unit id, else by identical source
// text, else by the same words with other styles (then fuzzy when the new source has inline
// markup: the tags need placing); everything else is left untranslated.
Catalog update(const Catalog& old, const Deck& revised);

// Pseudo-translation for testing layouts before translations arrive: accented letters,
// expanded by `expand` (0.4 = 40% longer), bracketed. With `markup` (a tagged source), the
// tags are kept and only the text is accented.
std::string pseudo(const std::string& s, double expand, bool markup = false);

// What a review sheet shows of each unit of `deck` (deckhand review): its translation in
// `translations` as merge() finds it (by id, else by key and the same source), plain text,
// and its state: "missing" (not in the file), "not translated" (an empty target), "white
// space only: not used", "<state>: not used" for a withheld target (fuzzy, needs-review-*),
// else the file's state ("translated", "final", ...; "translated" when it says none).
// `used` is set when the target is what merge() prints. Deck order.
struct UnitReview {
  std::string key, id, source, target, state;
  bool used = false;
};
std::vector<UnitReview> review(const Deck& deck, const Catalog& translations, const std::string& lang);

}  // namespace deckhand::l10n

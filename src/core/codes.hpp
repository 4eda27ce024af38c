#pragma once
// The registry of deckhand's exit codes and warning codes: the one place they are defined.
//
// Every exit code (number, `Exit::` name, a summary for --help) and every warning code
// (its stable id, what it means) is one line of the lists below. The rest follows from them:
// - `enum class Exit` (core/error.hpp uses it) and the table kExitCodes, in number order;
// - one constant a warning, warn::NAME (warn::hidden_text is "hidden-text"), and the table
//   kWarningCodes. A Warning's code (core/error.hpp) is a WarningId, which only a registry
//   constant makes: a warning whose code is not here does not compile;
// - the exit-code paragraph of `deckhand --help` (exit_codes_help) and the codes other
//   help texts name (exit_code_list, exit_number).
// docs/exit-codes.md and the man page (docs/deckhand.1) list the same codes: the unit test
// tests/unit/codes_test.cpp fails when they, or the source's use of the codes, differ from
// this file. Numbers and ids are stable (scripts test them): never renumber or rename one.
#include <cstddef>
#include <initializer_list>
#include <ostream>
#include <string>
#include <string_view>

namespace deckhand {

// X(name, number, summary): the summary is a few words for --help, after the number.
#define DECKHAND_EXIT_CODES(X)                                                   \
  X(ok, 0, "ok")                                                                 \
  X(failure, 1, "internal error (a bug: please report it)")                      \
  X(usage, 2, "bad command line")                                                \
  X(warnings, 3, "warnings with --strict")                                       \
  X(input, 4, "input missing or unreadable")                                     \
  X(bad_pdf, 5, "not a PDF or damaged")                                          \
  X(encrypted, 6, "encrypted (no or wrong password)")                            \
  X(no_text, 7, "no text layer")                                                 \
  X(bad_deck, 8, "invalid deck JSON")                                            \
  X(layout, 9, "invalid layout or its font")                                     \
  X(output, 10, "output not writable")                                           \
  X(translation, 11, "unreadable translation file")                              \
  X(check_failed, 12, "check, fonts check or preflight found problems")          \
  X(jobs_failed, 13, "build: some jobs failed (the others are built)")           \
  X(manifest, 14, "build: invalid event manifest")

// X(name, id, meaning): the id is printed in brackets after the warning and named by
// --strict's error line; the meaning is one line (docs/exit-codes.md says more).
#define DECKHAND_WARNING_CODES(X)                                                                               \
  X(page_no_text, "page-no-text", "a page has no text (an image or a scan): it becomes a blank slide")          \
  X(damaged_page, "damaged-page", "Poppler could not read a page's content whole (a damaged file): its text may be missing") \
  X(hidden_text, "hidden-text", "words nobody can see were left out (one warning a deck, with their pages)")     \
  X(garbled_text, "garbled-text", "a font's text looks mis-mapped (a wrong ToUnicode map): it may be nonsense") \
  X(text_overflow, "text-overflow", "retypeset text does not fit its box at the smallest size: the rest is cut") \
  X(text_continues, "text-continues", "a slide's text runs past the page of its picture (flow layouts)")         \
  X(untranslated, "untranslated", "units kept in the source language (missing, empty or not yet translated)")   \
  X(translation_mismatch, "translation-mismatch", "--allow-mismatch: under half of the deck's units are in the translation file") \
  X(script_mismatch, "script-mismatch", "the translations are mostly in a script the file's language is not written in") \
  X(unknown_units, "unknown-units", "ids in a translation file that the deck does not have")                     \
  X(missing_glyph, "missing-glyph", "characters no font of the layout's chain has: they print as a box")        \
  X(font_not_embedded, "font-not-embedded", "the source PDF does not embed fonts of these slides: placed as pictures") \
  X(leaflet_long, "leaflet-long", "a leaflet layout made more than 16 pages")                                   \
  X(not_on_slide, "not-on-slide", "a unit none of whose text is on its slide's page: its translation is not drawn there") \
  X(text_collision, "text-collision", "translated text runs into a picture, a drawing, other text or the slide's edge") \
  X(inline_markup, "inline-markup", "inline tags deckhand cannot read: those units are taken as plain text")    \
  X(source_changed, "source-changed", "the PDF is not the one the deck JSON was extracted from (sha256)")       \
  X(title_cut, "title-cut", "a title over 4,000 bytes is cut in the PDF's properties and bookmarks")            \
  X(option_ignored, "option-ignored", "an option the run does not use (--pictures without a leaflet layout)")

// Exit codes (docs/exit-codes.md).
enum class Exit : int {
#define DECKHAND_X(name, number, summary) name = number,
  DECKHAND_EXIT_CODES(DECKHAND_X)
#undef DECKHAND_X
};

struct ExitCode {
  Exit code;
  int number;
  std::string_view name;     // the Exit:: name, "bad_pdf"
  std::string_view summary;  // "not a PDF or damaged"
};

inline constexpr ExitCode kExitCodes[] = {
#define DECKHAND_X(name, number, summary) {Exit::name, number, #name, summary},
    DECKHAND_EXIT_CODES(DECKHAND_X)
#undef DECKHAND_X
};

struct WarningCode {
  std::string_view id;       // stable: "page-no-text"
  std::string_view meaning;  // one line
};

// One constant a warning code: warn::page_no_text, ...
namespace warn {
#define DECKHAND_X(name, id, meaning) inline constexpr WarningCode name{id, meaning};
DECKHAND_WARNING_CODES(DECKHAND_X)
#undef DECKHAND_X
}  // namespace warn

inline constexpr const WarningCode* kWarningCodes[] = {
#define DECKHAND_X(name, id, meaning) &warn::name,
    DECKHAND_WARNING_CODES(DECKHAND_X)
#undef DECKHAND_X
};

// The code of a Warning: made only from a registry constant (implicitly, so
// `diag.warn({warn::hidden_text, file, 0, message})`), never from a string.
class WarningId {
 public:
  constexpr WarningId(const WarningCode& c) : id_(c.id) {}  // NOLINT: implicit on purpose
  constexpr std::string_view str() const { return id_; }
  friend constexpr bool operator==(WarningId a, WarningId b) { return a.id_ == b.id_; }
  friend std::ostream& operator<<(std::ostream& o, WarningId w) { return o << w.id_; }

 private:
  std::string_view id_;
};

namespace codes_detail {
constexpr bool exits_in_order() {
  for (size_t i = 0; i < std::size(kExitCodes); ++i)
    if ((i > 0 && kExitCodes[i].number <= kExitCodes[i - 1].number) || static_cast<int>(kExitCodes[i].code) != kExitCodes[i].number)
      return false;
  return true;
}
// An id is the constant's name with '-' for '_' (so a warn:: name says which id it makes),
// lower-case letters, digits and single hyphens, and no id is there twice.
constexpr bool warning_ids_well_formed() {
  for (size_t i = 0; i < std::size(kWarningCodes); ++i) {
    const std::string_view id = kWarningCodes[i]->id;
    if (id.empty() || id.front() == '-' || id.back() == '-' || kWarningCodes[i]->meaning.empty()) return false;
    for (size_t k = 0; k < id.size(); ++k) {
      const char c = id[k];
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && id[k - 1] != '-'))) return false;
    }
    for (size_t j = 0; j < i; ++j)
      if (kWarningCodes[j]->id == id) return false;
  }
  return true;
}
constexpr bool same_with_hyphens(std::string_view name, std::string_view id) {
  if (name.size() != id.size()) return false;
  for (size_t k = 0; k < name.size(); ++k)
    if ((name[k] == '_' ? '-' : name[k]) != id[k]) return false;
  return true;
}
}  // namespace codes_detail
static_assert(codes_detail::exits_in_order(), "exit codes: listed in number order, each once");
static_assert(codes_detail::warning_ids_well_formed(), "warning ids: lower-case words joined by '-', each once");
#define DECKHAND_X(name, id, meaning) \
  static_assert(codes_detail::same_with_hyphens(#name, id), "warn::" #name ": the id is the name with '-' for '_'");
DECKHAND_WARNING_CODES(DECKHAND_X)
#undef DECKHAND_X

// The registry entry of a code.
const ExitCode& exit_code(Exit e);
// "12"
std::string exit_number(Exit e);
// "Exit codes: 0 ok, 1 internal error (...), ..., 14 build: invalid event manifest." in
// lines of at most `width` characters, for the end of `deckhand --help`.
std::string exit_codes_help(size_t width = 100);
// "13 build: some jobs failed (...), 14 build: invalid event manifest": the codes a
// command's help names, with their summaries.
std::string exit_code_list(std::initializer_list<Exit> codes);

}  // namespace deckhand

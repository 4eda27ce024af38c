#pragma once
// The job's configuration, in the style of qpdf's QPDFJob::Config and checkConfiguration:
// JobOptions is the input form (strings as the command line gives them: src/cli fills it);
// check_configuration() turns it, once and before any work, into the typed options of each
// command (Config): lengths in points, enums, slide lists, a date checked against the
// calendar, canonical language tags. A value that is none throws Error(Exit::usage, ...)
// with the message the command line has always given for it (tests/e2e check them).
// Nothing here reads a file.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "l10n/strings.hpp"

namespace deckhand {

enum class Command {
  none,
  extract,         // PDF -> deck JSON
  inspect,         // PDF or deck JSON -> outline for a person
  handout,         // deck -> handout PDF (or --dump layout: the laid-out pages as JSON)
  list_layouts,    // handout --list-layouts
  strings_export,  // deck -> XLIFF / PO
  strings_update,  // old XLIFF / PO + revised deck -> XLIFF / PO
  strings_pseudo,  // deck -> pseudo-translation
  translate,       // deck + translation file -> translated deck JSON
  check,           // deck (+ translations) laid out: units that overflow (exit 12)
  slides,          // source PDF + translations -> the same slides in the target language
  preflight,       // any PDF: ready for a print shop? (exit 12 with one line a problem)
  impose,          // any PDF -> saddle-stitched booklet sheets
  fonts_check,     // characters no font of the layout covers (exit 12)
  review,          // deck + translation file -> review sheet PDF (a handout in layout mode review)
  build,           // an event manifest -> every deck x language x output (docs/events.md)
};

// The layout handout, check and fonts check use when none is given.
inline constexpr const char* kDefaultLayout = "notes-3";

struct JobOptions {
  Command command = Command::none;
  // global
  int verbose = 0;     // 0 warnings, 1 steps, 2 debug
  bool quiet = false;  // errors only
  bool strict = false; // warnings are errors (exit 3), nothing is written
  int threads = 0;     // workers; 0 = all cores
  // input and output
  std::string input;     // a PDF, a deck JSON, or (fonts check) a translation file
  std::string output;    // empty: standard output where the command allows it ("-")
  std::string password;  // of an encrypted PDF: every command that reads a PDF uses it
  std::string source;    // the deck's PDF when the input is a deck JSON (handout, slides, check)
  // extract
  std::string pages;     // "1-3,7,10-"
  // layout (handout, check, fonts check)
  std::string layout = kDefaultLayout, paper, title, event, date, dump;
  std::string review_layout = "review";  // `review --layout` (its own default)
  bool keep_overlays = false;
  // translations (handout, check, translate, slides)
  std::string translations, lang;
  // use a translation file that holds under half of the deck's units (else exit 11:
  // made for another deck or version), with a translation-mismatch warning
  bool allow_mismatch = false;
  // slides: smallest size (points on the slide) a translation is shrunk to; --check lists
  // what does not fit instead of writing a PDF
  double min_size = 8;
  bool slides_check = false;
  // print (handout; docs/printing.md): --print, --bleed/--marks imply it; lengths are
  // "3mm", "0.125in", "9pt" (mm without a unit)
  bool print = false;
  std::string bleed, marks, impose = "none", creep = "0", binding = "auto", contact, pictures;
  int signature = 0;
  // preflight and impose (any PDF)
  std::string preflight_bleed = "3mm", impose_binding = "left", impose_marks = "none";
  double min_dpi = 300;
  bool booklet = false;
  // strings
  std::string format, update_format, target_lang, old_file, expand = "40%";  // format: empty is po for -o *.po or *.pot, else xliff2
  bool force = false;  // strings export/pseudo: replace an output file that holds translations
  bool pseudo_all = false;  // strings pseudo --all: also the units not for translation
  // build (input: the event manifest; threads: the jobs run at once)
  std::vector<std::string> only;  // job ids (deck/lang/output) matching one of these globs
  std::string shard, report;      // "I/N"; report.json
  bool dry_run = false, keep_going = false;
  bool report_given = false;  // --report was given (also as --report '')
  bool init = false;  // build --init: write a starting manifest for the decks of its folder
};

// handout --impose
enum class Impose { none, booklet };
// handout --binding (with --impose booklet): which edge the sheets are bound at; automatic is
// the right edge for a right-to-left deck, else the left
enum class Binding { automatic, left, right };
// handout --dump: the laid-out pages instead of a PDF
enum class Dump { none, layout, layout_text };
// strings --format: l10n's own (the names l10n::format_from reads; "xliff" is xliff2)
using CatalogFormat = l10n::Format;

// Print geometry of a handout (docs/printing.md).
struct PrintConfig {
  bool on = false;                 // --print; --bleed and --marks imply it
  std::optional<double> bleed;     // points, 0 to 72 (1 in); unset: the layout's
  std::optional<bool> crop_marks;  // --marks crop (true) or none (false); unset: the layout's
  Impose impose = Impose::none;
  double creep = 0;                // points, with --impose booklet
  int signature = 0;               // sheets a signature; 0: one signature
  Binding binding = Binding::automatic;
};

// handout and review.
struct HandoutConfig {
  std::string layout = kDefaultLayout;          // a layout name or file (review: --layout of review)
  std::string paper;                            // as given ("A4"); empty: the layout's
  std::optional<std::array<double, 2>> paper_size;  // points, portrait (width < height)
  std::string date;                             // as given; YYYY-MM-DD is a real calendar day
  std::string contact;                          // the back page's text, "\n" between lines
  std::vector<int> pictures;                    // --pictures: slide numbers (checked against the deck later)
  Dump dump = Dump::none;
  PrintConfig print;
};

// slides.
struct SlidesConfig {
  double min_size = 8;        // points on the slide, more than 0 and at most 600
  bool check = false;         // --check: list what does not fit, write no PDF
  bool translated_json = false;  // the input is a deck JSON holding its translation (no --translations)
  Dump dump = Dump::none;
};

// preflight (any PDF).
struct PreflightConfig {
  double bleed = 0;   // points needed on every side
  double min_dpi = 300;
  bool booklet = false;
};

// impose (any PDF -> booklet sheets).
struct ImposeConfig {
  double creep = 0;     // points
  int signature = 0;    // sheets a signature; 0: one
  bool right_to_left = false;  // --binding right
  bool crop_marks = false;     // --marks crop
};

// strings export / update / pseudo.
struct StringsConfig {
  CatalogFormat format = CatalogFormat::xliff2;       // export, pseudo
  std::optional<CatalogFormat> update_format;         // update; unset: as the old file
  double expand = 0.4;                                 // pseudo: 0 to 5 (0% to 500%)
};

// Everything a run needs, resolved from JobOptions by check_configuration().
struct Config {
  Command command = Command::none;
  std::string lang, target_lang;  // canonical BCP 47 tags ("fr_FR" -> "fr-FR"); empty: not given
  HandoutConfig handout;
  SlidesConfig slides;
  PreflightConfig preflight;
  ImposeConfig impose;
  StringsConfig strings;
};

// Resolves and checks the options of o.command (and the language tags of every command).
// Throws Error(Exit::usage, ...) for a missing input or output the command needs, a value
// that is none of its kind, or options that do not go together.
Config check_configuration(const JobOptions& o);

// A length given as "3mm", "0.3cm", "0.125in" or "9pt" (millimetres without a unit), in
// points. Throws Error(Exit::usage) naming `option` for anything else or over 1000 pt.
double parse_length_mm(const std::string& s, const std::string& option);
// A bleed, "3mm" or "0.125in" (parse_length_mm), in points: 0 to 72 (1 in). Throws
// Error(Exit::usage) naming --bleed.
double parse_bleed(const std::string& s);
// "2026-03-14" must be a day of the calendar (it becomes the PDF's creation date); other
// text ("March 2026") is used as it is. Throws Error(Exit::usage) naming --date.
void check_date(const std::string& date);
// "xliff2" (or "xliff", "xliff20"), "xliff12" (or "xliff1.2"), "po"; nullopt for others.
std::optional<CatalogFormat> catalog_format(const std::string& name);

}  // namespace deckhand

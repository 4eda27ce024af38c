#pragma once
// The job: every command of deckhand as one library object, in the style of qpdf's
// QPDFJob. The command line (src/cli) only fills in JobOptions and calls run(); a program
// that links deckhand_core can do the same without a command line.
//
// A run goes through the pipeline of docs/architecture.md:
//   source (the PDF, opened once: extract/source.hpp) -> deck (extracted, or a deck JSON)
//   -> translations merged (l10n) -> laid-out pages (layout) -> pictures resolved for the
//   frames those pages use -> written output (render, or a text format).
// Each command stops at the step it needs. The job applies, in this one place:
//   - --strict: any warning makes the run exit 3 before anything is written;
//   - the output rules: a temporary file renamed into place; never over an input of the
//     run (core/io.hpp; the inputs are collected by inputs_of());
//   - the exit codes of docs/exit-codes.md (errors are thrown as deckhand::Error).
#include <string>
#include <vector>

#include "core/error.hpp"
#include "model/deck.hpp"

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
  std::string format = "xliff2", update_format, target_lang, old_file, expand = "40%";
  bool force = false;  // strings export/pseudo: replace an output file that holds translations
  bool pseudo_all = false;  // strings pseudo --all: also the units not for translation
  // build (input: the event manifest; threads: the jobs run at once)
  std::vector<std::string> only;  // job ids (deck/lang/output) matching one of these globs
  std::string shard, report;      // "I/N"; report.json
  bool dry_run = false, keep_going = false;
  bool report_given = false;  // --report was given (also as --report '')
  bool init = false;  // build --init: write a starting manifest for the decks of its folder
};

class Job {
 public:
  explicit Job(JobOptions o) : o_(std::move(o)) {}
  // Runs the command; returns its exit code (0, 3 for --strict, 12 for check). Throws
  // deckhand::Error for bad input (its code is the exit code, docs/exit-codes.md).
  int run();
  const JobOptions& options() const { return o_; }

  // The commands that need none of layout/, l10n/ and render/ (extract), and run() for
  // them alone (job_light.cpp): the `deckhand` executable runs these itself and hands
  // every other command to `deckhand-full` (docs/architecture.md, "Two executables").
  static bool light(Command c) { return c == Command::extract; }
  int run_light();

  // How often this process opened a source PDF with Poppler (one per worker at most for
  // a run: tests read it with DECKHAND_DEBUG_OPENS=1, which prints it on stderr).
  static int source_opens();

 private:
  int run_extract();
  int run_inspect();
  int run_handout();
  int run_review();
  int run_list_layouts();
  int run_strings();
  int run_translate();
  int run_check();
  int run_fonts_check();
  int run_slides();
  int run_preflight();
  int run_impose();

  // Prints the warnings; with --strict and any warning, says so and returns exit 3.
  int finish(const Diagnostics& diag) const;
  // With DECKHAND_DEBUG_OPENS=1: how often the source PDF was opened, on stderr.
  void debug_opens() const;
  bool strict_fails(const Diagnostics& diag) const { return o_.strict && diag.count() > 0; }
  std::string out() const { return o_.output.empty() ? "-" : o_.output; }

  JobOptions o_;
};

// "1 page", "2 pages"
// deckhand build (event_run.cpp): returns 0, 3 (--strict) or 13 (some jobs failed).
int run_event_build(const JobOptions& o);
// "1 page", "2 pages"
std::string count_of(size_t n, const std::string& singular, const std::string& plural = "");
// Where layouts/ and fonts/ are: $DECKHAND_DATA, else the installed share/deckhand, else
// the source tree of the build.
std::string data_dir();
// A length given as "3mm", "0.3cm", "0.125in" or "9pt" (millimetres without a unit), in
// points. Throws Error(Exit::usage) naming `option` for anything else or over 1000 pt.
double parse_length_mm(const std::string& s, const std::string& option);

}  // namespace deckhand

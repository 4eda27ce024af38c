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
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/log.hpp"
#include "job/config.hpp"
#include "model/deck.hpp"

namespace deckhand {

class Job {
 public:
  // Every message of the run (warnings, -v steps, result lines, progress) goes to `sink`
  // through the job's own logger (core/log.hpp); null: standard error, as the command line
  // prints them. Jobs with their own sinks may run at once, on threads of one program.
  explicit Job(JobOptions o, spdlog::sink_ptr sink = nullptr);
  // Runs the command; returns its exit code (0, 3 for --strict, 12 for check). Throws
  // deckhand::Error for bad input (its code is the exit code, docs/exit-codes.md).
  int run();
  const JobOptions& options() const { return o_; }
  // The options resolved by check_configuration() (job/config.hpp): set by run(), before
  // any work.
  const Config& config() const { return c_; }
  // The logger of the run.
  Log& log() { return log_; }

  // The commands that need none of layout/, l10n/ and render/ (extract), and run() for
  // them alone (job_light.cpp): the `deckhand` executable runs these itself and hands
  // every other command to `deckhand-full` (docs/architecture.md, "Two executables").
  static bool light(Command c) { return c == Command::extract; }
  // The same, by the command's name on the command line ("extract").
  static bool light_command_name(std::string_view name) { return name == "extract"; }
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
  Config c_;
  Log log_;
};

// "1 page", "2 pages"
// deckhand build (event_run.cpp): returns 0, 3 (--strict) or 13 (some jobs failed).
int run_event_build(const JobOptions& o);
// "1 page", "2 pages"
std::string count_of(size_t n, const std::string& singular, const std::string& plural = "");
// Where layouts/ and fonts/ are: $DECKHAND_DATA, else the installed share/deckhand, else
// the source tree of the build.
std::string data_dir();

}  // namespace deckhand

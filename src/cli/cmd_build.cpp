// deckhand build: every deck x language x output of an event, from one manifest
// (job/event.hpp, job/event_run.cpp; docs/events.md).
#include "cli/common.hpp"
#include "core/docs.hpp"

namespace deckhand::cli {

void setup_build(CLI::App& app, JobOptions& o) {
  auto* sc = app.add_subcommand(
      "build",
      "Build an event: every deck x language x output named in a manifest (YAML; " + deckhand::doc_path("events.md") + "), each\n"
      "output only when one of its inputs changed since the last build (the deck, its PDF, the\n"
      "translation file, the layout, the options, deckhand's version). Missing translation files are\n"
      "exported for the translators; their outputs wait until a file translates something. -j N runs N\n"
      "jobs at once (default: all cores; a global option: 'deckhand -j 2 build ...' or after the manifest);\n"
      "--strict: a job with warnings writes nothing, and jobs waiting for a translation count (exit " +
      exit_number(Exit::warnings) + "\n"
      "if nothing failed otherwise).\n"
      "Exit codes: " + exit_code_list({Exit::ok, Exit::usage, Exit::warnings, Exit::output}) + ",\n" +
      exit_code_list({Exit::jobs_failed, Exit::manifest}) + ".\n"
      "Examples:\n"
      "  deckhand build event.yaml                      # what changed since the last build\n"
      "  deckhand build event.yaml --dry-run            # what would run, and why\n"
      "  deckhand build event.yaml --only '*/fr/*'      # the French outputs only\n"
      "  deckhand build event.yaml --shard 1/2          # half the jobs (the other machine: --shard 2/2)\n"
      "  deckhand build event.yaml --keep-going --report report.json\n"
      "  deckhand build --init talks/event.yaml          # a starting manifest for the PDFs in talks/");
  sc->add_option("manifest", o.input, "The event manifest (YAML)")->required();
  sc->add_flag("--init", o.init, "Write a starting manifest (never over an existing file) for the PDFs and deck JSONs\n"
                                 "in its folder, to edit: languages, outputs, where they go");
  sc->add_flag("-n,--dry-run", o.dry_run, "Say what would be built and why; build and write nothing");
  sc->add_flag("-k,--keep-going", o.keep_going, "After a job fails, build the others (else: start no new job)");
  sc->add_option("--only", o.only, "Build only the jobs whose id (deck/lang/output, such as talk/fr/notes-3) matches\n"
                                   "this glob; may be given more than once");
  sc->add_option("--shard", o.shard, "I/N: build only the I-th of N stable parts of the jobs (for a CI matrix)");
  sc->add_option("--report", o.report, "Write a JSON report of every job and translation file")->each([&o](const std::string&) { o.report_given = true; });
  add_password_option(sc, o);
  runs(sc, o, Command::build);
}

}  // namespace deckhand::cli

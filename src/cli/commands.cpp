#include "cli/commands.hpp"

#include <vector>

#include "cli/common.hpp"

namespace deckhand::cli {

void setup_commands(CLI::App& app, JobOptions& o) {
  app.add_flag("-v,--verbose", o.verbose, "Say more: -v for steps, -vv for debug detail (incl. Poppler's messages)");
  app.add_flag("-q,--quiet", o.quiet, "Print errors only (no warnings, no progress)");
  app.add_flag("--strict", o.strict, "Treat warnings as errors: exit " + exit_number(Exit::warnings) + " and write no output");
  app.add_option("-j,--jobs", o.threads, "Worker threads (default: all cores)")->check(number_in(0, 256, true));
  add_limit_options(app);
  setup_extract(app, o);
  setup_handout(app, o);
  setup_slides(app, o);
  setup_strings(app, o);
  setup_translate(app, o);
  setup_check(app, o);
  setup_review(app, o);
  setup_fonts(app, o);
  setup_inspect(app, o);
  setup_preflight(app, o);
  setup_build(app, o);
  // a command's help lists its own options; the ones every command takes are the
  // top-level help's (CLI11 shows a parent's options only there): say where they are
  std::vector<CLI::App*> todo = app.get_subcommands({});
  while (!todo.empty()) {
    CLI::App* sc = todo.back();
    todo.pop_back();
    for (CLI::App* c : sc->get_subcommands({})) todo.push_back(c);  // (strings export, fonts list...)
    if (sc->get_footer().empty())
      sc->footer("Options of every command (before or after its name): -v/-vv, -q, --strict, -j N, and the limits\n"
                 "--max-file-size, --max-pages, --max-operators... (run 'deckhand --help' for all of them).");
  }
}

}  // namespace deckhand::cli

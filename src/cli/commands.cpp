#include "cli/commands.hpp"

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
}

}  // namespace deckhand::cli

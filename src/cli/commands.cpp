#include "cli/commands.hpp"

#include "cli/common.hpp"

namespace deckhand::cli {

void setup_commands(CLI::App& app, Global& g, std::function<int()>& run) {
  app.add_flag("-v,--verbose", g.verbose, "Say more: -v for steps, -vv for debug detail (incl. Poppler's messages)");
  app.add_flag("-q,--quiet", g.quiet, "Print errors only (no warnings, no progress)");
  app.add_flag("--strict", g.strict, "Treat warnings as errors: exit 3 and write no output");
  app.add_option("-j,--jobs", g.threads, "Worker threads (default: all cores)")->check(CLI::Range(0, 256));
  add_limit_options(app);
  setup_extract(app, g, run);
  setup_handout(app, g, run);
  setup_strings(app, g, run);
  setup_translate(app, g, run);
  setup_check(app, g, run);
  setup_fonts(app, g, run);
  setup_inspect(app, g, run);
  setup_preflight(app, g, run);
}

}  // namespace deckhand::cli

#include "cli/common.hpp"

namespace deckhand::cli {

void setup_extract(CLI::App& app, JobOptions& o) {
  auto* ex = app.add_subcommand("extract",
                                "Recover the deck's structure (titles, bullets with levels, reading order; page\n"
                                "furniture removed) as deck JSON. Example: deckhand extract talk.pdf -o talk.json");
  ex->add_option("input", o.input, "The slide deck, a PDF")->required();
  ex->add_option("-o,--output", o.output, "Where to write the deck JSON ('-' = standard output, the default)");
  add_pages_option(ex, o, "Only these pages, e.g. 1-3,7,10- (slide ids keep the page numbers)");
  add_password_option(ex, o);
  runs(ex, o, Command::extract);
}

}  // namespace deckhand::cli

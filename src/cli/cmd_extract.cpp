#include "cli/common.hpp"

namespace deckhand::cli {

void setup_extract(CLI::App& app, JobOptions& o) {
  auto* ex = app.add_subcommand("extract",
                                "Recover the deck's structure (titles, bullets with levels, reading order; page\n"
                                "furniture removed) as deck JSON. Example: deckhand extract talk.pdf -o talk.json");
  ex->add_option("input", o.input, "The slide deck, a PDF")->required();
  ex->add_option("-o,--output", o.output, "Where to write the deck JSON ('-' = standard output, the default)");
  ex->add_option("--pages", o.pages, "Only these pages, e.g. 1-3,7,10- (slide ids keep the page numbers)")
      ->check(CLI::Validator(
          [](std::string& s) {
            return s.find_first_not_of(" \t") == std::string::npos ? std::string("an empty page list (write ranges like 1-3,7,10-)")
                                                                     : std::string();
          },
          "PAGES"));
  add_password_option(ex, o);
  runs(ex, o, Command::extract);
}

}  // namespace deckhand::cli

#include "cli/common.hpp"

namespace deckhand::cli {

void setup_inspect(CLI::App& app, JobOptions& o) {
  auto* in = app.add_subcommand("inspect",
                                "Print a deck's outline for a person: slide number, kind, title and indented\n"
                                "bullets. Reads a PDF or a deck JSON. Example: deckhand inspect talk.pdf");
  in->add_option("input", o.input, "A PDF or a deck JSON (.json)")->required();
  add_password_option(in, o);
  runs(in, o, Command::inspect);
}

}  // namespace deckhand::cli

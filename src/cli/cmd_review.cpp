#include "cli/common.hpp"
#include "core/docs.hpp"

namespace deckhand::cli {

void setup_review(CLI::App& app, JobOptions& o) {
  auto* rc = app.add_subcommand("review",
                                std::string("A review sheet for translators and reviewers: slide by slide, the translated slide's picture,\n"
                                "then each unit's source and translation side by side, with its state (translated, final,\n"
                                "fuzzy: not used, missing...) and, in red, where it does not fit its slide (" + doc_path("translation.md") + ").\n"
                                "Example: deckhand review talk.json --translations talk.ar.xlf -o review-ar.pdf"));
  rc->add_option("input", o.input, "The deck: a PDF, or a deck JSON (its PDF is found through 'source' or --source)")->required();
  rc->add_option("--translations", o.translations, "The translation file to review (XLIFF 1.2, XLIFF 2.x or PO)")->required();
  rc->add_option("-o,--output", o.output, "The review sheet PDF to write")->required();
  rc->add_option("-l,--layout", o.review_layout, "A layout of mode review: the built-in 'review' or a file (.yaml)")->capture_default_str();
  rc->add_option("--source", o.source, "The deck's PDF, when the input is a deck JSON");
  rc->add_flag("--allow-mismatch", o.allow_mismatch,
               "Review a translation file that holds under half of the deck's units (made for another version)");
  rc->add_option("--lang", o.lang, "Target language (BCP 47) when the translation file does not say it");
  rc->add_option("--title", o.title, "Title for the header (default: the deck's title)");
  add_password_option(rc, o);
  runs(rc, o, Command::review);
}

}  // namespace deckhand::cli

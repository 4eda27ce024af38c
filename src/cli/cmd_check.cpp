#include "cli/common.hpp"

namespace deckhand::cli {

void setup_check(CLI::App& app, JobOptions& o) {
  auto* ck = app.add_subcommand("check",
                                "Before printing: lay the (translated) deck out and list every unit that does not fit its\n"
                                "box even at the smallest size the layout allows. Writes no PDF; exits " + exit_number(Exit::check_failed) + " when any does not fit.\n"
                                "Example: deckhand check talk.json --layout grid-6 --translations talk.fr.xlf");
  ck->add_option("input", o.input, "A deck JSON or a PDF (its PDF is found through 'source' or --source)")->required();
  ck->add_option("-l,--layout", o.layout, "Layout name or file")->capture_default_str();
  ck->add_option("--translations", o.translations, "XLIFF or PO file to merge first");
  ck->add_option("--lang", o.lang, "Target language when the file does not say it");
  ck->add_flag("--allow-mismatch", o.allow_mismatch,
               "Use a translation file that holds under half of the deck's units (made for another deck or version?:\n"
                 "else exit " + exit_number(Exit::translation) + "), with a " + std::string(warn::translation_mismatch.id) + " warning");
  ck->add_option("--source", o.source,
                 "The deck's PDF, when the input is a deck JSON (needed with --translations and a layout that shows\n"
                 "slide pictures: their translated slides are checked)");
  add_password_option(ck, o);
  runs(ck, o, Command::check);
}

void setup_fonts(CLI::App& app, JobOptions& o) {
  auto* fc = app.add_subcommand("fonts", "Fonts: 'deckhand fonts check' lists characters no font of a layout can draw.");
  fc->require_subcommand(1);
  auto* fck = fc->add_subcommand("check",
                                 "List every code point of a deck (or a translation file's targets) that no font in the layout's\n"
                                 "fallback chain covers; exits " + exit_number(Exit::check_failed) + " when there is one.\n"
                                 "Example: deckhand fonts check talk.zh.po --lang zh");
  fck->add_option("input", o.input, "A deck JSON, a PDF, or a translation file (XLIFF or PO)")->required();
  fck->add_option("--lang", o.lang, "The language the text is in (for the report)");
  fck->add_option("-l,--layout", o.layout, "Layout whose fonts to check")->capture_default_str();
  add_password_option(fck, o);
  runs(fck, o, Command::fonts_check);
}

}  // namespace deckhand::cli

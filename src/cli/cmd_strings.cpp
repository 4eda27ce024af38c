#include "cli/common.hpp"

namespace deckhand::cli {

void setup_strings(CLI::App& app, JobOptions& o) {
  auto* st = app.add_subcommand("strings", "Strings for translators: export a deck's strings, carry translations to a revised\n"
                                           "deck, or make a pseudo-translation to test layouts.");
  st->require_subcommand(1);
  auto* sx = st->add_subcommand("export",
                                "One unit per slide title and block, with a stable id, its slide and role, and a size limit.\n"
                                "Example: deckhand strings export talk.pdf --format po --target-lang fr -o talk.fr.po");
  sx->add_option("input", o.input, "A PDF or a deck JSON")->required();
  sx->add_option("--format", o.format, "xliff2 (XLIFF 2.0 with size restrictions; xliff means the same), xliff12 (XLIFF 1.2) or po (gettext); default: po for an output named .po or .pot, else xliff2")
      ->check(CLI::IsMember({"xliff2", "xliff", "xliff12", "po"}))->capture_default_str();
  sx->add_option("--target-lang", o.target_lang, "Target language (BCP 47), e.g. fr, zh, ar");
  sx->add_option("-o,--output", o.output, "Where to write ('-' = standard output, the default)");
  sx->add_flag("--force", o.force, "Replace an output file that already holds translations (else refused: see 'strings update')");
  add_password_option(sx, o);
  runs(sx, o, Command::strings_export);

  auto* su = st->add_subcommand("update",
                                "Carry translations forward to a revised deck: units whose text did not change keep their\n"
                                "translation. Example: deckhand strings update talk.fr.po talk-v2.json -o talk-v2.fr.po");
  su->add_option("old", o.old_file, "The translation file of the earlier deck (XLIFF or PO)")->required();
  su->add_option("input", o.input, "The revised deck: a PDF or a deck JSON")->required();
  su->add_option("--format", o.update_format, "Format to write: xliff2, xliff12 or po (default: as the old file)")
      ->check(CLI::IsMember({"xliff2", "xliff", "xliff12", "po"}));
  su->add_option("-o,--output", o.output, "Where to write ('-' = standard output)");
  su->add_flag("--force", o.force, "Replace an output file that already holds translations");
  add_password_option(su, o);
  runs(su, o, Command::strings_update);

  auto* sp = st->add_subcommand("pseudo",
                                "A pseudo-translation (accented, expanded, bracketed) to test a layout before translations\n"
                                "arrive. Example: deckhand strings pseudo talk.pdf --expand 40% --format po -o pseudo.po");
  sp->add_option("input", o.input, "A PDF or a deck JSON")->required();
  sp->add_option("--expand", o.expand, "How much longer than the source, e.g. 40%")->capture_default_str();
  sp->add_option("--format", o.format, "xliff2, xliff12 or po; default: po for an output named .po or .pot, else xliff2")->check(CLI::IsMember({"xliff2", "xliff", "xliff12", "po"}));
  sp->add_option("-o,--output", o.output, "Where to write ('-' = standard output)");
  sp->add_flag("--force", o.force, "Replace an output file that already holds translations");
  sp->add_flag("--all", o.pseudo_all,
               "Also the units not for translation (code listings, text without words): a layout tested as if all were translated");
  add_password_option(sp, o);
  runs(sp, o, Command::strings_pseudo);
}

void setup_translate(CLI::App& app, JobOptions& o) {
  auto* tr = app.add_subcommand("translate",
                                "Merge a translation file into a deck and write the translated deck JSON. Missing, empty or\n"
                                "fuzzy units stay in the source language (one warning lists them).\n"
                                "Example: deckhand translate talk.json talk.fr.po -o talk.fr.json");
  tr->add_option("input", o.input, "A deck JSON (or a PDF)")->required();
  tr->add_option("translations", o.translations, "XLIFF 1.2, XLIFF 2.x or PO")->required();
  tr->add_option("-o,--output", o.output, "Where to write ('-' = standard output)");
  tr->add_option("--lang", o.lang, "Target language when the file does not say it");
  tr->add_flag("--allow-mismatch", o.allow_mismatch,
               "Use a translation file that holds under half of the deck's units (made for another deck or version?:\n"
                 "else exit " + exit_number(Exit::translation) + "), with a " + std::string(warn::translation_mismatch.id) + " warning");
  add_password_option(tr, o);
  runs(tr, o, Command::translate);
}

}  // namespace deckhand::cli

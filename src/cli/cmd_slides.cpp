// deckhand slides: the source PDF's pages, in the target language, keeping their design
// (Job::run_slides; render/translated_slides.hpp; docs/translation.md).
#include "cli/common.hpp"

namespace deckhand::cli {

void setup_slides(CLI::App& app, JobOptions& o) {
  auto* sc = app.add_subcommand(
      "slides",
      "Translate the slides themselves: the same pages, colours, pictures and drawings, with the text of\n"
      "translated units replaced by the translation, set in the same boxes (right to left for Arabic).\n"
      "Units left untranslated stay on the page as they are, and are listed in one warning.\n"
      "Examples:\n"
      "  deckhand slides talk.pdf --translations talk.fr.po -o talk-fr.pdf\n"
      "  deckhand slides talk.json --translations talk.ar.xlf -o talk-ar.pdf   # an edited deck JSON and its PDF\n"
      "  deckhand slides talk.pdf --translations pseudo.po --check             # what does not fit, no PDF\n"
      "  deckhand slides talk.pdf --translations talk.es.po --pages 2-3 -o two.pdf   # those pages only");
  sc->add_option("input", o.input, "The deck: a PDF, or a deck JSON (its PDF is found through 'source' or --source)");
  sc->add_option("-o,--output", o.output, "The translated PDF to write");
  sc->add_option("--translations", o.translations, "The translation file (XLIFF 1.2, XLIFF 2.x or PO); not needed for a deck JSON made by deckhand translate");
  sc->add_option("--lang", o.lang, "Target language (BCP 47) when the translation file does not say it");
  sc->add_flag("--allow-mismatch", o.allow_mismatch,
               "Use a translation file that holds under half of the deck's units (made for another deck or version?:\n"
                 "else exit " + exit_number(Exit::translation) + "), with a " + std::string(warn::translation_mismatch.id) + " warning");
  sc->add_option("--min-size", o.min_size,
                 "Smallest size, in points on the slide, a text that does not fit is shrunk to (never below half its\n"
                 "source size either); what still does not fit is cut and reported")
      ->capture_default_str()
      ->check(number_in(0.01, 600, false));
  sc->add_option("-l,--layout", o.layout, "The layout whose fonts (and fallback chain) set the text")->capture_default_str();
  sc->add_option("--dump", o.dump, "Write the translated text as laid out instead of a PDF: layout (JSON: each unit's room as a frame, its glyph runs) or layout-text (one item a line)")
      ->check(CLI::IsMember({"layout", "layout-text"}));
  sc->add_flag("--check", o.slides_check, "List the units that do not fit even at --min-size, and the set lines that run into a picture, a\n"
                      "drawing, other text or the slide's edge (exit " + exit_number(Exit::check_failed) + " if any); write no PDF (so no -o)");
  sc->add_option("--source", o.source, "The deck's PDF, when the input is a deck JSON");
  add_pages_option(sc, o, "Only these pages of a PDF input, e.g. 2-3,7 (the output has those pages, in order)");
  add_password_option(sc, o);
  runs(sc, o, Command::slides);
}

}  // namespace deckhand::cli

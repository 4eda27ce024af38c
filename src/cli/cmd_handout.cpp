#include <memory>

#include "cli/common.hpp"
#include "core/docs.hpp"

namespace deckhand::cli {

void setup_handout(CLI::App& app, JobOptions& o) {
  auto* hc = app.add_subcommand(
      "handout",
      "Make a handout PDF from a deck (a PDF, or a deck JSON you edited) and a layout definition.\n"
      "A layout that shows no slide picture (outline) needs only the deck JSON, not its PDF.\n"
      "Examples:\n"
      "  deckhand handout talk.pdf --layout notes-3 -o talk-notes.pdf\n"
      "  deckhand handout talk.json --layout outline --event 'IGF 2026' --date 2026-03-14 -o outline.pdf\n"
      "  deckhand handout talk.pdf --layout my-layout.yaml -o custom.pdf     # your own layout file\n"
      "  deckhand handout talk.pdf --layout leaflet-a5 --event 'IGF 2026' --print -o leaflet.pdf  # for a print shop\n"
      "  deckhand handout talk.pdf --layout leaflet-a5 --impose booklet -o sheets.pdf  # office printer, duplex\n"
      "  deckhand handout --list-layouts");
  auto list = std::make_shared<bool>(false);
  hc->add_option("input", o.input, "The deck: a PDF, or a deck JSON (its PDF is found through 'source' or --source)");
  hc->add_option("-o,--output", o.output, "The handout PDF to write ('-' = standard output)");
  hc->add_option("-l,--layout", o.layout, "A built-in layout name (see --list-layouts) or a layout file (.yaml)")->capture_default_str();
  hc->add_flag("--list-layouts", *list, "List the built-in layouts and exit");
  hc->add_option("--title", o.title, "Title for headers and the PDF's metadata (default: the deck's title)");
  hc->add_option("--event", o.event, "Event name for the {event} field of headers and footers");
  hc->add_option("--date", o.date, "Date for the {date} field; YYYY-MM-DD also sets the PDF's creation date");
  hc->add_option("--paper", o.paper, "Paper size instead of the layout's: A3, A4, A5, Letter, Legal");
  hc->add_flag("--keep-overlays", o.keep_overlays,
               "Keep every step of an overlay (a build); by default only each frame's last page is printed");
  hc->add_flag_callback("--skip-overlays", [&o] { o.keep_overlays = false; },
                        "Leave out the earlier steps of overlays (builds), keeping each frame's last page (the default)");
  hc->add_option("--source", o.source, "The deck's PDF, when the input is a deck JSON");
  hc->add_option("--translations", o.translations, "A translation file (XLIFF 1.2, XLIFF 2.x or PO) to merge into the deck");
  hc->add_option("--lang", o.lang, "Target language (BCP 47) when the translation file does not say it");
  hc->add_flag("--allow-mismatch", o.allow_mismatch,
               "Use a translation file that holds under half of the deck's units (made for another deck or version?:\n"
                 "else exit " + exit_number(Exit::translation) + "), with a " + std::string(warn::translation_mismatch.id) + " warning");
  add_password_option(hc, o);
  hc->add_flag("--print", o.print,
               "Print-ready pages (" + doc_path("printing.md") + "): TrimBox, BleedBox, 3 mm bleed, text 5 mm inside the trim, crop marks");
  hc->add_option("--bleed", o.bleed, "Bleed on every side (mm unless a unit is given: 3mm, 0.125in); implies --print");
  hc->add_option("--marks", o.marks, "crop: crop marks outside the bleed; none: no marks (some shops ask for none); implies --print")
      ->check(CLI::IsMember({"crop", "none"}));
  hc->add_option("--impose", o.impose, "booklet: pages two to a sheet in saddle-stitch order, for duplex printing; none (default)")
      ->check(CLI::IsMember({"booklet", "none"}))->capture_default_str();
  hc->add_option("--creep", o.creep, "With --impose booklet: total shift of the innermost pages toward the spine (mm unless a unit is given)")
      ->capture_default_str();
  hc->add_option("--signature", o.signature, "With --impose booklet: sheets a signature (folded together); 0: one")->check(number_in(0, 1000, true));
  hc->add_option("--binding", o.binding, "With --impose booklet: auto (right edge for a right-to-left deck), left or right")
      ->check(CLI::IsMember({"auto", "left", "right"}))->capture_default_str();
  hc->add_option("--contact", o.contact, "Leaflet layouts: the back page's text ('\\n' between lines; default: none)");
  hc->add_option("--pictures", o.pictures, "Leaflet layouts: slides shown as pictures inside, e.g. 3,5,9 (default: the layout's)");
  hc->add_option("--dump", o.dump, "Write the laid-out pages instead of a PDF: layout (JSON) or layout-text (one item a line)")
      ->check(CLI::IsMember({"layout", "layout-text"}));
  hc->callback([&o, list] { o.command = *list ? Command::list_layouts : Command::handout; });
}

}  // namespace deckhand::cli

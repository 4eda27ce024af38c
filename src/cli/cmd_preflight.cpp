// deckhand preflight FILE.pdf: checks a PDF against what print shops ask for; deckhand
// impose IN.pdf -o OUT.pdf: any PDF as a saddle-stitched booklet (Job::run_preflight,
// Job::run_impose; docs/printing.md).
#include "cli/common.hpp"

namespace deckhand::cli {

void setup_preflight(CLI::App& app, JobOptions& o) {
  auto* pc = app.add_subcommand(
      "preflight",
      "Check a PDF (any, not only deckhand's) for a print shop: TrimBox and BleedBox on every page and nested,\n"
      "the bleed's size, fonts embedded, every image's effective resolution, colour spaces, and (--booklet) a page\n"
      "count that is a multiple of 4. One line a problem on standard output; exit " + exit_number(Exit::check_failed) + " when there is any.\n"
      "Examples:\n"
      "  deckhand preflight leaflet.pdf\n"
      "  deckhand preflight leaflet.pdf --bleed 0.125in --min-dpi 250 --booklet");
  pc->add_option("input", o.input, "The PDF to check")->required();
  pc->add_option("--bleed", o.preflight_bleed, "Bleed needed on every side (mm unless a unit is given: 3mm, 0.125in)")->capture_default_str();
  pc->add_option("--min-dpi", o.min_dpi, "Lowest effective resolution of an image, as printed")->capture_default_str()->check(number_in(1, 10000, false));
  pc->add_flag("--booklet", o.booklet, "A saddle-stitched booklet: the page count must be a multiple of 4");
  add_password_option(pc, o);
  runs(pc, o, Command::preflight);

  auto* ic = app.add_subcommand(
      "impose",
      "Impose any PDF as a saddle-stitched booklet: two pages a sheet, in the order that, printed duplex\n"
      "(flip on the short edge), folded and stapled, reads 1, 2, 3...; blank pages before the back cover\n"
      "up to a multiple of 4. 'deckhand handout --impose booklet' does the same for a handout.\n"
      "Examples:\n"
      "  deckhand impose leaflet.pdf -o leaflet-sheets.pdf\n"
      "  deckhand impose thick.pdf --signature 4 --creep 0.8 -o sheets.pdf\n"
      "  deckhand impose arabic.pdf --binding right -o sheets.pdf");
  ic->add_option("input", o.input, "The PDF, its pages in reading order")->required();
  ic->add_option("-o,--output", o.output, "The imposed PDF to write")->required();
  ic->add_option("--creep", o.creep, "Total shift of the innermost pages toward the spine (mm unless a unit is given)")->capture_default_str();
  ic->add_option("--signature", o.signature, "Sheets a signature (folded together); 0: one signature")->check(number_in(0, 1000, true));
  ic->add_option("--binding", o.impose_binding, "left (left-to-right reading) or right (Arabic, Hebrew: mirrored)")
      ->check(CLI::IsMember({"left", "right"}))->capture_default_str();
  ic->add_option("--marks", o.impose_marks, "crop: trim and fold marks on each sheet; none")->check(CLI::IsMember({"crop", "none"}))->capture_default_str();
  add_password_option(ic, o);
  runs(ic, o, Command::impose);
}

}  // namespace deckhand::cli

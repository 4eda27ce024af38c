// deckhand slides: the source PDF's pages, in the target language, keeping their design
// (render/slide_translate.hpp, layout/slide_text.hpp; docs/translation.md).
#include <spdlog/spdlog.h>

#include <cmath>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "core/io.hpp"
#include "l10n/strings.hpp"
#include "layout/definition.hpp"
#include "layout/engine.hpp"
#include "layout/slide_text.hpp"
#include "model/deck.hpp"
#include "render/translated_slides.hpp"

#include "cli/common.hpp"

namespace deckhand::cli {
namespace {

struct SlidesOpts {
  std::string in, out, translations, lang, source, password, layout = kDefaultLayout;
  double min_size = 8;
  bool check = false;
};

// The PDF a deck JSON came from: --source, else source.file next to the JSON or here.
std::string slides_source(const Deck& d, const std::string& json_path, const std::string& given) {
  namespace fs = std::filesystem;
  if (!given.empty()) return given;
  for (fs::path cand : {fs::path(json_path).parent_path() / d.source.file, fs::path(d.source.file)})
    if (!d.source.file.empty() && fs::exists(cand)) return cand.string();
  throw Error(Exit::input, json_path, "cannot find the deck's PDF '" + d.source.file + "'", "pass it with --source");
}

int run_slides(const Global& g, const SlidesOpts& o) {
  if (o.in.empty()) throw Error(Exit::usage, "", "no input deck given", "deckhand slides talk.pdf --translations talk.fr.po -o talk-fr.pdf");
  if (o.translations.empty())
    throw Error(Exit::usage, "", "no translation file given", "add --translations talk.fr.po (XLIFF or PO)");
  if (o.out.empty() && !o.check) throw Error(Exit::usage, "", "no output file given", "add -o talk-fr.pdf");
  if (!(o.min_size > 0 && o.min_size <= 600))
    throw Error(Exit::usage, "", "--min-size " + std::to_string(o.min_size) + ": out of range", "give a size in points, e.g. --min-size 8");
  std::vector<std::string> inputs{o.in, o.source, o.translations};
  if (!o.out.empty()) check_output_path(o.out, inputs);
  Diagnostics diag;
  const Deck source_deck = load_deck(o.in, o.password, g, diag);
  if (source_deck.slides.empty())
    throw Error(Exit::bad_deck, o.in, "the deck has no slides: nothing to translate", "extract the deck again, or check its \"slides\" list");
  Deck deck = source_deck;
  apply_translations(deck, o.translations, o.lang, diag, g.strict || o.check);
  std::string pdf = looks_like_json(o.in) ? slides_source(deck, o.in, o.source) : (o.source.empty() ? o.in : o.source);
  inputs.push_back(pdf);
  inputs = run_inputs(inputs, deck, o.in);
  layout::LayoutDef def = layout::load_layout(o.layout, data_dir());
  layout::FontSet fonts;
  layout::load_fonts(def, fonts);
  for (const auto& [id, path] : fonts.paths()) inputs.push_back(path);
  if (!o.out.empty()) check_output_path(o.out, inputs);

  layout::SlideTextOptions so;
  so.min_size = o.min_size;
  so.file = o.in;
  const size_t translated = render::translated_units(source_deck, deck).translated.size();
  if (o.check) {
    LaidOutDoc doc = render::translate_slides(source_deck, deck, pdf, o.password, fonts, so, diag, "");
    std::map<std::string, std::string> ids;  // key -> unit id
    for (const auto& u : l10n::units_of(source_deck, "").units) ids[u.key] = u.id;
    std::ostringstream out;
    for (const auto& ov : doc.overflows)
      out << "slide " << ov.slide << "\t" << (ids.count(ov.key) ? ids[ov.key] : ov.key) << "\tneeds "
          << static_cast<int>(std::lround(ov.needed * 100)) << "% of its room at the minimum size\n";
    write_output("-", out.str(), {});
    Diagnostics rest;  // text-overflow is what the listing says
    for (const auto& w : diag.warnings())
      if (w.code != "text-overflow") rest.warn(w);
    finish(g, rest);
    if (!doc.overflows.empty()) {
      std::cerr << "deckhand: error: " << o.in << ": " << doc.overflows.size() << " of " << translated
                << " translated units do not fit their slide boxes even at the minimum size (shorten them, or lower --min-size)\n";
      return static_cast<int>(Exit::check_failed);
    }
    std::cerr << "deckhand: all " << translated << " translated units fit their slide boxes\n";
    return 0;
  }
  if (g.strict) {  // warnings found before writing: nothing is written
    Diagnostics dry;
    render::translate_slides(source_deck, deck, pdf, o.password, fonts, so, dry, "");
    if (diag.count() + dry.count() > 0) {
      for (const auto& w : dry.warnings()) diag.warn(w);
      return finish(g, diag);
    }
  }
  LaidOutDoc doc;
  write_output_via(o.out, inputs, [&](const std::string& tmp) { doc = render::translate_slides(source_deck, deck, pdf, o.password, fonts, so, diag, tmp); });
  spdlog::info("{}: {} ({} units translated)", o.out, count_of(deck.slides.size(), "page"), translated);
  return finish(g, diag);
}

}  // namespace

void setup_slides(CLI::App& app, Global& g, std::function<int()>& run) {
  auto so = std::make_shared<SlidesOpts>();
  auto* sc = app.add_subcommand(
      "slides",
      "Translate the slides themselves: the same pages, colours, pictures and drawings, with the text of\n"
      "translated units replaced by the translation, set in the same boxes (right to left for Arabic).\n"
      "Units left untranslated stay on the page as they are, and are listed in one warning.\n"
      "Examples:\n"
      "  deckhand slides talk.pdf --translations talk.fr.po -o talk-fr.pdf\n"
      "  deckhand slides talk.json --translations talk.ar.xlf -o talk-ar.pdf   # an edited deck JSON and its PDF\n"
      "  deckhand slides talk.pdf --translations pseudo.po --check             # what does not fit, no PDF");
  sc->add_option("input", so->in, "The deck: a PDF, or a deck JSON (its PDF is found through 'source' or --source)");
  sc->add_option("-o,--output", so->out, "The translated PDF to write");
  sc->add_option("--translations", so->translations, "The translation file (XLIFF 1.2, XLIFF 2.x or PO)");
  sc->add_option("--lang", so->lang, "Target language (BCP 47) when the translation file does not say it");
  sc->add_option("--min-size", so->min_size,
                 "Smallest size, in points on the slide, a text that does not fit is shrunk to (never below half its\n"
                 "source size either); what still does not fit is cut and reported")
      ->capture_default_str();
  sc->add_option("-l,--layout", so->layout, "The layout whose fonts (and fallback chain) set the text")->capture_default_str();
  sc->add_flag("--check", so->check, "List the units that do not fit even at --min-size (exit 12 if any); write no PDF");
  sc->add_option("--source", so->source, "The deck's PDF, when the input is a deck JSON");
  sc->add_option("--password", so->password, "Password of an encrypted PDF (the output is not encrypted)");
  sc->callback([&g, so, &run] { run = [&g, so] { return run_slides(g, *so); }; });
}

}  // namespace deckhand::cli

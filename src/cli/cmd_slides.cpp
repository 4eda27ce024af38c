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
#include "render/pdf_writer.hpp"
#include "render/slide_translate.hpp"

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
  // a unit counts as translated when its text changed (a target equal to its source stays as it is)
  layout::SlideUnits units;
  for (size_t i = 0; i < deck.slides.size(); ++i) {
    const Slide& a = source_deck.slides[i];
    const Slide& b = deck.slides[i];
    if (a.title != b.title) units.translated.insert(b.id + ".title");
    for (size_t k = 0; k < b.blocks.size() && k < a.blocks.size(); ++k)
      if (a.blocks[k].text != b.blocks[k].text) units.translated.insert(b.blocks[k].id);
  }
  std::string pdf = looks_like_json(o.in) ? slides_source(deck, o.in, o.source) : (o.source.empty() ? o.in : o.source);
  inputs.push_back(pdf);
  inputs = run_inputs(inputs, deck, o.in);
  layout::LayoutDef def = layout::load_layout(o.layout, data_dir());
  layout::FontSet fonts;
  layout::load_fonts(def, fonts);
  for (const auto& [id, path] : fonts.paths()) inputs.push_back(path);
  if (!o.out.empty()) check_output_path(o.out, inputs);

  render::SlideRewriter rw(pdf, o.password);
  std::vector<int> pages, layer;
  for (const auto& s : deck.slides) {
    if (s.page < 1 || s.page > rw.page_count())
      throw Error(Exit::bad_deck, o.in, "the deck has page " + std::to_string(s.page) + " but the PDF has " + std::to_string(rw.page_count()),
                  "pass the deck's own PDF with --source");
    std::vector<render::TextRegion> regions;
    if (!s.title.empty() && units.translated.count(s.id + ".title")) regions.push_back({s.id + ".title", layout::removal_box(s, s.id + ".title")});
    for (const auto& b : s.blocks)
      if (units.translated.count(b.id)) regions.push_back({b.id, layout::removal_box(s, b.id)});
    for (const auto& r : rw.remove_text(s.page, regions)) {
      units.colors[r.key] = r.color;
      units.starts[r.key] = r.starts;
      if (r.operators == 0) spdlog::debug("slide {}: no text found in the box of {}", s.page, r.key);
    }
    pages.push_back(s.page);
    layer.push_back(static_cast<int>(layer.size()));
  }
  layout::SlideTextOptions so;
  so.min_size = o.min_size;
  so.file = o.in;
  LaidOutDoc doc = layout::lay_out_slide_text(deck, units, fonts, so, diag);
  if (o.check) {
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
      std::cerr << "deckhand: error: " << o.in << ": " << doc.overflows.size() << " of " << units.translated.size()
                << " translated units do not fit their slide boxes even at the minimum size (shorten them, or lower --min-size)\n";
      return static_cast<int>(Exit::check_failed);
    }
    std::cerr << "deckhand: all " << units.translated.size() << " translated units fit their slide boxes\n";
    return 0;
  }
  if (g.strict && diag.count() > 0) return finish(g, diag);
  write_output_via(o.out, inputs, [&](const std::string& tmp) {
    const std::string layer_pdf = tmp + ".text.pdf";
    render::WriteOptions wo;
    try {
      render::write_pdf(doc, {}, wo, layer_pdf);
      rw.write(pages, layer_pdf, layer, tmp);
    } catch (...) {
      std::filesystem::remove(layer_pdf);
      throw;
    }
    std::filesystem::remove(layer_pdf);
  });
  spdlog::info("{}: {} ({} units translated)", o.out, count_of(pages.size(), "page"), units.translated.size());
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

#include "render/translated_slides.hpp"

#include <filesystem>
#include <spdlog/spdlog.h>

#include "render/pdf_writer.hpp"
#include "render/slide_translate.hpp"

namespace deckhand::render {

layout::SlideUnits translated_units(const Deck& source, const Deck& translated) {
  layout::SlideUnits units;
  for (size_t i = 0; i < translated.slides.size() && i < source.slides.size(); ++i) {
    const Slide& a = source.slides[i];
    const Slide& b = translated.slides[i];
    if (a.title != b.title) units.translated.insert(b.id + ".title");
    for (size_t k = 0; k < b.blocks.size() && k < a.blocks.size(); ++k)
      if (a.blocks[k].text != b.blocks[k].text) units.translated.insert(b.blocks[k].id);
  }
  return units;
}

LaidOutDoc translate_slides(const Deck& source, const Deck& deck, const std::string& pdf, const std::string& password,
                            const layout::FontSet& fonts, const layout::SlideTextOptions& opts, Diagnostics& diag,
                            const std::string& out, bool all_pages) {
  layout::SlideUnits units = translated_units(source, deck);
  SlideRewriter rw(pdf, password);
  std::vector<int> pages, layer;
  for (const auto& s : deck.slides) {
    if (s.page < 1 || s.page > rw.page_count())
      throw Error(Exit::bad_deck, opts.file, "the deck has page " + std::to_string(s.page) + " but the PDF has " + std::to_string(rw.page_count()),
                  "pass the deck's own PDF with --source");
    std::vector<TextRegion> regions;
    if (!s.title.empty() && units.translated.count(s.id + ".title")) regions.push_back({s.id + ".title", layout::removal_box(s, s.id + ".title")});
    for (const auto& b : s.blocks)
      if (units.translated.count(b.id)) regions.push_back({b.id, layout::removal_box(s, b.id)});
    std::vector<layout::Ink> ink;
    for (const auto& r : rw.remove_text(s.page, regions, &ink)) {
      units.colors[r.key] = r.color;
      units.starts[r.key] = r.starts;
      units.lines[r.key] = r.lines;
      if (r.operators == 0) spdlog::debug("slide {}: no text found in the box of {}", s.page, r.key);
    }
    if (!regions.empty()) units.ink[s.id] = std::move(ink);
    pages.push_back(s.page);
    layer.push_back(static_cast<int>(layer.size()));
  }
  LaidOutDoc doc = layout::lay_out_slide_text(deck, units, fonts, opts, diag);
  if (out.empty()) return doc;
  if (all_pages) {
    std::vector<int> l(static_cast<size_t>(rw.page_count()), -1);
    for (size_t i = 0; i < pages.size(); ++i) l[static_cast<size_t>(pages[i] - 1)] = layer[i];
    pages.clear();
    for (int p = 1; p <= rw.page_count(); ++p) pages.push_back(p);
    layer = l;
  }
  const std::string layer_pdf = out + ".text.pdf";
  try {
    write_pdf(doc, {}, WriteOptions{}, layer_pdf);
    rw.write(pages, layer_pdf, layer, out);
  } catch (...) {
    std::filesystem::remove(layer_pdf);
    throw;
  }
  std::filesystem::remove(layer_pdf);
  return doc;
}

}  // namespace deckhand::render

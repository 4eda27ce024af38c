// Fuzz target: translated slides (`deckhand slides`: render/translated_slides.cpp,
// render/slide_translate.cpp, libqpdf), the source PDF being the fuzzer's bytes. A fixed
// small deck over its first pages (at most 3; a fourth slide shows page 1 again for inputs
// of odd size: a page object of its own) has a title, a bullet and a paragraph on each
// page, in boxes that cover the page: their text is taken out of the page's content
// streams and the Form XObjects it draws (every text operator rewritten), the pseudo-
// translation laid out over what ink stays, and the PDF written with the text layer. Inputs
// whose size is a multiple of 3 keep every page of the PDF (handout frames: all_pages).
// Fonts: those of the notes-3 layout (the default).
#include <cstdint>
#include <memory>

#include "core/io.hpp"
#include "core/limits.hpp"
#include "fuzz_pdf.hpp"
#include "layout/definition.hpp"
#include "layout/engine.hpp"
#include "layout/fonts.hpp"
#include "layout/slide_text.hpp"
#include "model/deck.hpp"
#include "render/slide_translate.hpp"
#include "render/translated_slides.hpp"

using namespace deckhand;

namespace {

Slide slide_of(int page, const std::string& id, std::array<double, 2> size, bool translated) {
  // a page size extraction would refuse (--max-page-size, exit 5) or not have: a slide's usual
  if (!(size[0] >= 1 && size[0] <= limits().page_size && size[1] >= 1 && size[1] <= limits().page_size)) size = {720, 405};
  const double w = size[0], h = size[1];
  Slide s;
  s.page = page;
  s.id = id;
  s.size = size;
  s.title = translated ? "[Ŝļíďé ţíţļé " + std::to_string(page) + " ļöŕéɱ]" : "Slide title " + std::to_string(page);
  s.title_bbox = {0, 0, w, h * 0.25};
  s.title_style.size = 24;
  Block b;
  b.id = s.id + ".b1";
  b.level = 1;
  b.marker = "•";
  b.text = translated ? "[Ƀüľľéţ ţéxţ ŵíţĥ ɱöŕé ŵöŕďš ţĥáñ ƀéƒöŕé, ļöŕéɱ íþšüɱ ďöľöŕ]" : "Bullet text";
  b.bbox = {w * 0.05, h * 0.25, w * 0.95, h * 0.6};
  b.style.size = 16;
  s.blocks.push_back(b);
  Block p;
  p.id = s.id + ".b2";
  p.text = translated ? "ضع النص هنا" : "Paragraph";  // right to left
  p.bbox = {0, h * 0.6, w, h};
  p.style.size = 12;
  p.flow = {{w * 0.5, h * 0.6, w, h * 0.8}};  // flowed on into a second column
  s.blocks.push_back(p);
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // each input is a run of its own: the file written over for it is read again (core/io.hpp)
  const deckhand::InputRun input_run;
  static layout::FontSet* fonts = [] {
    auto* f = new layout::FontSet;
    layout::LayoutDef def = layout::load_layout("notes-3", DECKHAND_SOURCE_DIR);
    layout::load_fonts(def, *f);
    return f;
  }();
  static const std::string in = fuzzpdf::temp_path("slides-in");
  static const std::string out = fuzzpdf::temp_path("slides-out");
  if (!fuzzpdf::write_file(in, data, size)) return 0;
  try {
    auto rw = std::make_unique<render::SlideRewriter>(in, "");
    const int n = std::min(rw->page_count(), 3);
    if (n < 1) return 0;
    Deck source, translated;
    std::vector<int> pages;
    for (int p = 1; p <= n; ++p) pages.push_back(p);
    if (size % 2 == 1) pages.push_back(1);  // page 1 again
    for (size_t i = 0; i < pages.size(); ++i) {
      const std::string id = "s" + std::to_string(i + 1);
      source.slides.push_back(slide_of(pages[i], id, rw->page_size(pages[i]), false));
      translated.slides.push_back(slide_of(pages[i], id, rw->page_size(pages[i]), true));
    }
    Diagnostics diag;
    layout::SlideTextOptions so;
    so.threads = 1;
    so.file = "fuzz.pdf";
    (void)render::translate_slides(source, translated, in, "", *fonts, so, diag, out, size % 3 == 0, std::move(rw));
  } catch (const Error& e) {
    fuzzpdf::answer(e);
  }
  return 0;
}

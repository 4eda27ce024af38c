// Fuzz target: slides placed as vector pages (render/vector_frames.cpp finish_pages, the
// last step of a handout whose frames show the source's pages; libqpdf), the source PDF
// being the fuzzer's bytes, then print geometry on the result (render/print.cpp
// apply_print_geometry: `handout --print --marks crop`). The handout is a fixed 2-page PDF
// (made once); its frames show source pages 1, 2 and 3 (those the PDF has), whole and
// cropped.
#include <cstdint>
#include <cstring>


#include "core/io.hpp"
#include "fuzz_pdf.hpp"
#include "model/pages.hpp"
#include "render/print.hpp"
#include "render/slide_translate.hpp"
#include "render/vector_frames.hpp"

using namespace deckhand;

namespace {

// Two empty A4 pages, as libharu would have written them (its frame borders aside).
const char kHandout[] =
    "%PDF-1.4\n"
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    "2 0 obj << /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >> endobj\n"
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R /Resources << >> >> endobj\n"
    "4 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R /Resources << >> >> endobj\n"
    "5 0 obj << /Length 18 >> stream\n0 0 1 RG 10 10 m S\nendstream endobj\n"
    "trailer << /Size 6 /Root 1 0 R >>\n%%EOF\n";

// the pages qpdf finds (render/slide_translate.hpp opens the file with it)
int source_pages(const std::string& path) {
  try {
    return render::SlideRewriter(path, "").page_count();
  } catch (const Error&) {
    return 0;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // each input is a run of its own: the file written over for it is read again (core/io.hpp)
  const deckhand::InputRun input_run;
  static const std::string handout = [] {
    std::string p = fuzzpdf::temp_path("vector-handout");
    fuzzpdf::write_file(p, reinterpret_cast<const uint8_t*>(kHandout), std::strlen(kHandout));
    return p;
  }();
  static const std::string src = fuzzpdf::temp_path("vector-src");
  static const std::string out = fuzzpdf::temp_path("vector-out");
  static const std::string printed = fuzzpdf::temp_path("vector-print");
  if (!fuzzpdf::write_file(src, data, size)) return 0;
  // frames only of pages the PDF has (one it has not is the deck's fault: exit 8, tested
  // elsewhere); a PDF qpdf cannot read still goes to finish_pages, which must say so
  const int n = source_pages(src);
  LaidOutDoc doc;
  doc.pages.resize(2);
  for (auto& p : doc.pages) p.width = 595, p.height = 842;
  auto frame = [&](int page, double x, double y, double w, double h, std::array<double, 4> crop) {
    ImageBox ib;
    ib.x = x, ib.y = y, ib.w = w, ib.h = h;
    ib.page = page;
    ib.mode = PictureMode::vector;
    ib.crop = crop;
    doc.pages[page == 1 ? 0 : 1].images.push_back(ib);
  };
  frame(1, 40, 40, 515, 290, {0, 0, 0, 0});           // the whole page
  if (n >= 2) frame(2, 40, 40, 240, 135, {0, 0, 0, 0});
  if (n >= 3) frame(3, 300, 40, 240, 135, {10, 10, 200, 100});  // a part of it
  if (n >= 2) frame(1, 40, 400, 240, 135, {50, 20, 1e6, 1e6});  // a crop beyond the page: clamped
  try {
    render::finish_pages(doc, handout, src, "", out);
    PrintGeometry g;
    g.on = true;
    g.bleed = 9;
    g.marks = size % 2 == 1;
    g.mark_length = 14;
    g.mark_offset = 12;
    render::apply_print_geometry(g, out, printed);
  } catch (const Error& e) {
    fuzzpdf::answer(e);
  }
  return 0;
}

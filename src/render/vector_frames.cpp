#include "render/vector_frames.hpp"

#define POINTERHOLDER_TRANSITION 4  // qpdf 11: std::shared_ptr, no PointerHolder
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <stdexcept>

#include "core/error.hpp"
#include "extract/budget.hpp"
#include "core/io.hpp"
#include "render/qpdf_util.hpp"
#include "render/text_layer.hpp"

namespace deckhand::render {
namespace {

using pdfq::num;
using pdfq::Rect;
using pdfq::rect_of;




// A source page as placed: its Form XObject in the output file, and how it is shown
// (CropBox within the MediaBox, /Rotate), which is how Poppler renders it.
struct Placed {
  QPDFObjectHandle form;
  Rect box;       // the CropBox, in the page's user space
  int rotate = 0; // 0, 90, 180, 270 (clockwise, as displayed)
};

Placed place_source_page(QPDF& out, QPDFPageObjectHelper& page) {
  Placed p;
  Rect media = rect_of(page.getMediaBox());
  Rect crop = rect_of(page.getCropBox());  // falls back to the MediaBox
  p.box = {std::max(media.llx, crop.llx), std::max(media.lly, crop.lly), std::min(media.urx, crop.urx), std::min(media.ury, crop.ury)};
  if (p.box.urx <= p.box.llx || p.box.ury <= p.box.lly) p.box = media;
  QPDFObjectHandle rot = page.getAttribute("/Rotate", false);
  if (rot.isInteger()) {
    long long r = rot.getIntValue() % 360;
    if (r < 0) r += 360;
    p.rotate = static_cast<int>(r / 90 * 90);
  }
  // the page as it is, without its /Rotate (the matrix below does that), cut to the CropBox
  QPDFObjectHandle fo = page.getFormXObjectForPage(false);
  fo.getDict().replaceKey("/BBox", QPDFObjectHandle::newArray(QPDFObjectHandle::Rectangle(p.box.llx, p.box.lly, p.box.urx, p.box.ury)));
  fo.getDict().removeKey("/Matrix");
  p.form = out.copyForeignObject(fo);
  return p;
}

// q <clip to the frame> <source user space -> sheet> cm /Name Do Q
std::string draw(const Placed& p, const ImageBox& ib, double sheet_h, const std::string& name) {
  const Rect& b = p.box;
  const bool turned = p.rotate == 90 || p.rotate == 270;
  const double dw = turned ? b.ury - b.lly : b.urx - b.llx, dh = turned ? b.urx - b.llx : b.ury - b.lly;
  // the part shown, in displayed units (top-left origin), within the page
  double cx0 = ib.crop[0], cy0 = ib.crop[1], cx1 = ib.crop[2], cy1 = ib.crop[3];
  if (!(cx1 > cx0 && cy1 > cy0)) cx0 = 0, cy0 = 0, cx1 = dw, cy1 = dh;
  cx0 = std::clamp(cx0, 0.0, dw), cx1 = std::clamp(cx1, 0.0, dw), cy0 = std::clamp(cy0, 0.0, dh), cy1 = std::clamp(cy1, 0.0, dh);
  if (!(cx1 > cx0 && cy1 > cy0)) cx0 = 0, cy0 = 0, cx1 = dw, cy1 = dh;
  const double sx = ib.w / (cx1 - cx0), sy = ib.h / (cy1 - cy0);
  const double top = sheet_h - ib.y;
  // user space (u, v) -> displayed (X, Y) -> sheet: x + (X - cx0) sx, top - (Y - cy0) sy
  double a = 0, bb = 0, c = 0, d = 0, e = 0, f = 0;
  switch (p.rotate) {
    case 90:   // X = v - lly, Y = u - llx
      c = sx, e = ib.x - (b.lly + cx0) * sx;
      bb = -sy, f = top + (b.llx + cy0) * sy;
      break;
    case 180:  // X = urx - u, Y = v - lly
      a = -sx, e = ib.x + (b.urx - cx0) * sx;
      d = -sy, f = top + (b.lly + cy0) * sy;
      break;
    case 270:  // X = ury - v, Y = urx - u
      c = -sx, e = ib.x + (b.ury - cx0) * sx;
      bb = sy, f = top - (b.urx - cy0) * sy;
      break;
    default:   // X = u - llx, Y = ury - v
      a = sx, e = ib.x - (b.llx + cx0) * sx;
      d = sy, f = top - (b.ury - cy0) * sy;
  }
  return "q\n" + num(ib.x) + " " + num(sheet_h - ib.y - ib.h) + " " + num(ib.w) + " " + num(ib.h) + " re W n\n" +
         num(a) + " " + num(bb) + " " + num(c) + " " + num(d) + " " + num(e) + " " + num(f) + " cm\n" + name + " Do\nQ\n";
}

}  // namespace

bool has_vector_frames(const LaidOutDoc& doc) {
  for (const auto& p : doc.pages)
    for (const auto& i : p.images)
      if (i.mode == PictureMode::vector) return true;
  return false;
}

void finish_pages(const LaidOutDoc& doc, const std::string& haru_pdf, const std::string& source, const std::string& password,
                  const std::string& out_path) {
  QPDF src, out;
  src.setSuppressWarnings(true);  // a damaged source is repaired as far as qpdf can; Poppler read it already
  out.setSuppressWarnings(true);
  const bool vector = has_vector_frames(doc);
  // the bytes Poppler read (core/io.hpp read_input): the same file, even if it was replaced
  // since; qpdf keeps them in memory until `src` ends
  std::shared_ptr<const std::string> bytes;
  try {
    if (vector) {
      bytes = read_input(source);
      extract::check_pdf_budgets(*bytes, source, password);  // (done already when the run read the source: budget.hpp)
      src.processMemoryFile(source.c_str(), bytes->data(), bytes->size(), password.empty() ? nullptr : password.c_str());
    }
  } catch (const Error&) {
    throw;
  } catch (const QPDFExc& e) {
    throw Error(Exit::bad_pdf, source, std::string("qpdf cannot read this PDF for the vector slides: ") + e.getMessageDetail(),
                "repair it (qpdf in.pdf out.pdf), or set image.mode: raster in the layout");
  } catch (const std::exception& e) {
    throw Error(Exit::bad_pdf, source, std::string("qpdf cannot read this PDF for the vector slides: ") + e.what(),
                "repair it (qpdf in.pdf out.pdf), or set image.mode: raster in the layout");
  }
  try {
    out.processFile(haru_pdf.c_str());
    std::vector<QPDFPageObjectHelper> spages;
    if (vector) spages = QPDFPageDocumentHelper(src).getAllPages();
    std::vector<QPDFPageObjectHelper> opages = QPDFPageDocumentHelper(out).getAllPages();
    if (opages.size() != doc.pages.size())
      throw Error(Exit::failure, "", "the handout has " + std::to_string(opages.size()) + " pages, the layout " +
                                         std::to_string(doc.pages.size()), "a bug: please report it");
    std::map<int, Placed> placed;  // source page -> its Form XObject in `out`, made once
    for (size_t pi = 0; pi < doc.pages.size(); ++pi) {
      const LaidOutPage& lp = doc.pages[pi];
      std::string content;
      std::map<std::string, QPDFObjectHandle> names;
      for (const ImageBox& ib : lp.images) {
        if (ib.mode != PictureMode::vector) continue;
        if (ib.page < 1 || ib.page > static_cast<int>(spages.size()))
          throw Error(Exit::bad_deck, source, "the deck shows page " + std::to_string(ib.page) + " but the PDF has " +
                                                  std::to_string(spages.size()) + " pages", "pass the deck's own PDF with --source");
        auto it = placed.find(ib.page);
        if (it == placed.end()) it = placed.emplace(ib.page, place_source_page(out, spages[ib.page - 1])).first;
        std::string name = "/DhSlide" + std::to_string(ib.page);
        names[name] = it->second.form;
        content += draw(it->second, ib, lp.height, name);
      }
      if (content.empty()) continue;
      pdfq::add_page_resources(opages[pi].getObjectHandle(), "/XObject", names);
      // beneath everything libharu drew (frame borders, labels), as the raster pictures were
      opages[pi].addPageContents(QPDFObjectHandle::newStream(&out, content), true);
    }
    // the text, above everything libharu drew
    add_text_layer(out, opages, doc);
    for (auto& p : opages) p.getObjectHandle().coalesceContentStreams();  // one stream a page: smaller
    pdfq::write_deterministic(out, out_path);
  } catch (const Error&) {
    throw;  // a failed write among them (pdfq::write_deterministic)
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    // reading, not writing: the source's pages (their streams are read while the handout is
    // written) are damaged
    if (vector)
      throw Error(Exit::bad_pdf, source, std::string("qpdf cannot read this PDF's pages for the vector slides: ") + e.what(),
                  "repair it (qpdf in.pdf out.pdf), or set image.mode: raster in the layout");
    throw Error(Exit::failure, source, std::string("qpdf failed adding the handout's text: ") + e.what(), "a bug: please report it with the input");
  }
}

}  // namespace deckhand::render

#include "render/print.hpp"

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
#include <utility>
#include <functional>
#include <map>
#include <vector>

#include "core/error.hpp"
#include "extract/budget.hpp"
#include "core/io.hpp"
#include "render/qpdf_util.hpp"

namespace deckhand::render {
namespace {

std::string num(double v) { return pdfq::num(v, 4); }
using pdfq::Rect;
using pdfq::rect_of;


QPDFObjectHandle box(double llx, double lly, double urx, double ury) {
  return QPDFObjectHandle::newArray(QPDFObjectHandle::Rectangle(llx, lly, urx, ury));
}

// The registration colour: a Separation colour space named "All" (PDF 32000-1:2008,
// 8.6.6.4: "The special colorant name All shall refer collectively to all colorants
// available on an output device"), whose alternate is 100 % of C, M, Y and K.
QPDFObjectHandle registration_space(QPDF& q) {
  QPDFObjectHandle fn = QPDFObjectHandle::parse("<< /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [1 1 1 1] /N 1 >>");
  QPDFObjectHandle cs = QPDFObjectHandle::newArray();
  cs.appendItem(QPDFObjectHandle::newName("/Separation"));
  cs.appendItem(QPDFObjectHandle::newName("/All"));
  cs.appendItem(QPDFObjectHandle::newName("/DeviceCMYK"));
  cs.appendItem(q.makeIndirectObject(fn));
  return q.makeIndirectObject(cs);
}

void add_colour_space(QPDFPageObjectHelper& page, QPDFObjectHandle cs) {
  pdfq::add_page_resources(page.getObjectHandle(), "/ColorSpace", {{"/DhRegistration", cs}});
}

// Crop marks round the rectangle (x0, y0)-(x1, y1): two lines at each corner, along the
// trim lines extended, starting `start` outside it, `len` long.
std::string crop_marks(double x0, double y0, double x1, double y1, double start, double len) {
  std::string s;
  auto line = [&](double ax, double ay, double bx, double by) {
    s += num(ax) + " " + num(ay) + " m " + num(bx) + " " + num(by) + " l S\n";
  };
  for (double x : {x0, x1}) {
    line(x, y0 - start, x, y0 - start - len);
    line(x, y1 + start, x, y1 + start + len);
  }
  for (double y : {y0, y1}) {
    line(x0 - start, y, x0 - start - len, y);
    line(x1 + start, y, x1 + start + len, y);
  }
  return s;
}

std::string marks_prefix(double weight) {
  return "q /DhRegistration CS 1 SCN " + num(weight) + " w 0 J [] 0 d\n";
}


// Opens `in` in `q`: a user's input from the bytes read once (read_input, kept in `bytes`
// as long as `q` is used), deckhand's own scratch file by path.
void open(QPDF& q, const std::string& in, const std::string& password, bool scratch,
          std::shared_ptr<const std::string>& bytes) {
  q.setSuppressWarnings(true);
  if (!scratch) {
    bytes = read_input(in);  // (its errors: no such file, --max-file-size, FIFO)
    extract::check_pdf_budgets(*bytes, in, password);  // before libqpdf walks the page tree (budget.hpp)
  }
  try {
    if (scratch)
      q.processFile(in.c_str(), password.empty() ? nullptr : password.c_str());
    else
      q.processMemoryFile(in.c_str(), bytes->data(), bytes->size(), password.empty() ? nullptr : password.c_str());
  } catch (const QPDFExc& e) {
    if (e.getErrorCode() == qpdf_e_password)
      throw Error(Exit::encrypted, in, "the PDF is encrypted and needs a password", "give it with --password");
    throw Error(Exit::bad_pdf, in, std::string("qpdf cannot read this PDF: ") + e.getMessageDetail(), "repair it (qpdf in.pdf out.pdf)");
  } catch (const std::exception& e) {
    throw Error(Exit::bad_pdf, in, std::string("qpdf cannot read this PDF: ") + e.what(), "repair it (qpdf in.pdf out.pdf)");
  }
}



}  // namespace

void apply_print_geometry(const PrintGeometry& g, const std::string& in, const std::string& out) {
  QPDF q;
  std::shared_ptr<const std::string> bytes;
  open(q, in, "", true, bytes);
  try {
    QPDFObjectHandle reg = g.marks ? registration_space(q) : QPDFObjectHandle::newNull();
    const double o = g.slug();
    for (auto& page : QPDFPageDocumentHelper(q).getAllPages()) {
      Rect m = rect_of(page.getMediaBox());
      const double w = m.urx - m.llx, h = m.ury - m.lly;
      QPDFObjectHandle p = page.getObjectHandle();
      // the trim at (o, o): everything drawn moves by (o - llx, o - lly)
      page.addPageContents(QPDFObjectHandle::newStream(&q, "q 1 0 0 1 " + num(o - m.llx) + " " + num(o - m.lly) + " cm\n"), true);
      std::string tail = "Q\n";
      if (g.marks) {
        add_colour_space(page, reg);
        tail += marks_prefix(g.mark_weight) + crop_marks(o, o, o + w, o + h, g.mark_start(), g.mark_length) + "Q\n";
      }
      page.addPageContents(QPDFObjectHandle::newStream(&q, tail), false);
      p.coalesceContentStreams();
      p.replaceKey("/MediaBox", box(0, 0, w + 2 * o, h + 2 * o));
      p.replaceKey("/CropBox", box(0, 0, w + 2 * o, h + 2 * o));
      p.replaceKey("/BleedBox", box(o - g.bleed, o - g.bleed, o + w + g.bleed, o + h + g.bleed));
      p.replaceKey("/TrimBox", box(o, o, o + w, o + h));
    }
    // bookmark destinations (/FitH top) and links move with the content
    std::function<void(QPDFObjectHandle)> fix_outline = [&](QPDFObjectHandle item) {
      for (int guard = 0; item.isDictionary() && guard < 100000; ++guard) {
        QPDFObjectHandle dest = item.getKey("/Dest");
        if (dest.isArray() && dest.getArrayNItems() == 3 && dest.getArrayItem(1).isName() &&
            dest.getArrayItem(1).getName() == "/FitH" && dest.getArrayItem(2).isNumber())
          dest.setArrayItem(2, QPDFObjectHandle::newReal(dest.getArrayItem(2).getNumericValue() + o, 2));
        fix_outline(item.getKey("/First"));
        item = item.getKey("/Next");
      }
    };
    fix_outline(q.getRoot().getKey("/Outlines").getKey("/First"));
    pdfq::write_deterministic(q, out);
  } catch (const Error&) {
    throw;  // a failed write among them (pdfq::write_deterministic)
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {  // reading `in`'s streams: damage it took from the source
    throw Error(Exit::bad_pdf, in, std::string("qpdf cannot read this PDF: ") + e.what(), "repair it (qpdf in.pdf out.pdf)");
  }
}

std::vector<SheetSide> booklet_order(int n, int signature, bool rtl) {
  std::vector<SheetSide> out;
  if (n <= 0) return out;
  const int P = (n + 3) / 4 * 4;
  std::vector<int> seq(static_cast<size_t>(P), 0);
  for (int i = 0; i < n - 1; ++i) seq[static_cast<size_t>(i)] = i + 1;
  seq[static_cast<size_t>(n == 1 ? 0 : P - 1)] = n;  // the back cover stays last; blanks before it
  const int S = P / 4;
  const int N = signature > 0 ? signature : S;
  for (int first = 0; first < S; first += N) {
    const int m = std::min(N, S - first);
    const int* q = &seq[static_cast<size_t>(first) * 4];
    for (int k = 0; k < m; ++k) {
      SheetSide front{q[4 * m - 1 - 2 * k], q[2 * k], k, m};
      SheetSide back{q[2 * k + 1], q[4 * m - 2 - 2 * k], k, m};
      if (rtl) {
        std::swap(front.left, front.right);
        std::swap(back.left, back.right);
      }
      out.push_back(front);
      out.push_back(back);
    }
  }
  return out;
}

int impose_booklet(const std::string& in, const std::string& password, const std::string& out_path, const ImposeOptions& o) {
  QPDF src, out;
  std::shared_ptr<const std::string> bytes;
  open(src, in, password, o.scratch, bytes);
  try {
    out.emptyPDF();
    out.setSuppressWarnings(true);
    std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(src).getAllPages();
    const int n = static_cast<int>(pages.size());
    if (n == 0) throw Error(Exit::bad_pdf, in, "the PDF has no pages", "impose a PDF with pages");
    // the page size: the first page's trim (TrimBox, else CropBox, else MediaBox)
    Rect t = rect_of(pages[0].getTrimBox());
    const double pw = t.urx - t.llx, ph = t.ury - t.lly;
    if (!(pw > 1 && ph > 1)) throw Error(Exit::bad_pdf, in, "the first page has an empty page box", "repair the PDF");
    const double slug = o.marks ? o.mark_offset + o.mark_length + 3 : 0;
    double sw = 2 * pw + 2 * slug, sh = ph + 2 * slug;
    double ox = slug, oy = slug;  // where the spread's lower left corner is on the sheet
    // For an office printer (no marks), a spread within 1.5 % of a paper size is centred on
    // that paper: two A5 pages (ISO 216: 148 x 210 mm) make 296 x 210 mm, and the printer's
    // A4 is 297 x 210 mm. Papers: A3, A4 (ISO 216), Letter, Tabloid (ANSI/ASME Y14.1).
    if (!o.marks) {
      const double mm = 72 / 25.4;
      for (auto [W, H] : {std::pair{297 * mm, 210 * mm}, std::pair{420 * mm, 297 * mm}, std::pair{792.0, 612.0}, std::pair{1224.0, 792.0}})
        if (sw <= W + 0.01 && sh <= H + 0.01 && (W - sw) / W < 0.015 && (H - sh) / H < 0.015) {
          ox = (W - sw) / 2, oy = (H - sh) / 2;
          sw = W, sh = H;
          break;
        }
    }
    std::map<int, QPDFObjectHandle> forms;
    QPDFObjectHandle reg = o.marks ? registration_space(out) : QPDFObjectHandle::newNull();
    QPDFPageDocumentHelper outdoc(out);
    auto sides = booklet_order(n, o.signature, o.rtl);
    for (const SheetSide& s : sides) {
      std::string content;
      QPDFObjectHandle xo = QPDFObjectHandle::newDictionary();
      const double shift = s.sheets > 1 ? o.creep * s.sheet / (s.sheets - 1) : 0.0;
      for (int half = 0; half < 2; ++half) {
        const int pno = half == 0 ? s.left : s.right;
        if (pno == 0) continue;
        auto it = forms.find(pno);
        if (it == forms.end()) {
          QPDFObjectHandle fo = pages[static_cast<size_t>(pno - 1)].getFormXObjectForPage(true);
          it = forms.emplace(pno, out.copyForeignObject(fo)).first;
        }
        std::string name = "/DhP" + std::to_string(pno);
        xo.replaceKey(name, it->second);
        // the slot: left or right half of the spread; toward the spine by `shift`
        const double x = ox + half * pw + (half == 0 ? shift : -shift), y = oy;
        QPDFObjectHandle::Rectangle slot(x, y, x + pw, y + ph);
        // clip to the slot without the shift (what is pushed past the spine is cut off)
        const double cx = ox + half * pw;
        content += "q " + num(cx) + " " + num(y) + " " + num(pw) + " " + num(ph) + " re W n\n";
        content += pages[static_cast<size_t>(pno - 1)].placeFormXObject(it->second, name, slot, false, true, true);
        content += "Q\n";
      }
      QPDFObjectHandle res = QPDFObjectHandle::newDictionary();
      res.replaceKey("/XObject", xo);
      if (o.marks) {
        QPDFObjectHandle cs = QPDFObjectHandle::newDictionary();
        cs.replaceKey("/DhRegistration", reg);
        res.replaceKey("/ColorSpace", cs);
        content += marks_prefix(o.mark_weight) + crop_marks(slug, slug, slug + 2 * pw, slug + ph, o.mark_offset, o.mark_length);
        // fold marks: the spine line extended beyond the trim, top and bottom
        content += num(slug + pw) + " " + num(slug - o.mark_offset) + " m " + num(slug + pw) + " " + num(slug - o.mark_offset - o.mark_length) + " l S\n";
        content += num(slug + pw) + " " + num(slug + ph + o.mark_offset) + " m " + num(slug + pw) + " " + num(slug + ph + o.mark_offset + o.mark_length) + " l S\nQ\n";
      }
      QPDFObjectHandle page = QPDFObjectHandle::newDictionary();
      page.replaceKey("/Type", QPDFObjectHandle::newName("/Page"));
      page.replaceKey("/MediaBox", box(0, 0, sw, sh));
      page.replaceKey("/TrimBox", box(ox, oy, ox + 2 * pw, oy + ph));
      page.replaceKey("/Resources", res);
      page.replaceKey("/Contents", QPDFObjectHandle::newStream(&out, content));
      outdoc.addPage(QPDFPageObjectHelper(out.makeIndirectObject(page)), false);
    }
    QPDFObjectHandle info = QPDFObjectHandle::newDictionary();
    info.replaceKey("/Creator", QPDFObjectHandle::newUnicodeString("deckhand (booklet imposition)"));
    out.getTrailer().replaceKey("/Info", out.makeIndirectObject(info));
    pdfq::write_deterministic(out, out_path);
    return (n + 3) / 4 * 4 - n;
  } catch (const Error&) {
    throw;  // a failed write among them (pdfq::write_deterministic)
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    // reading, not writing: the pages' streams are read while the sheets are written
    throw Error(Exit::bad_pdf, in, std::string("qpdf cannot read this PDF's pages: ") + e.what(), "repair it (qpdf in.pdf out.pdf)");
  }
}

}  // namespace deckhand::render

#include "render/preflight.hpp"

#define POINTERHOLDER_TRANSITION 4  // qpdf 11: std::shared_ptr, no PointerHolder
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>

#include "core/error.hpp"
#include "extract/budget.hpp"
#include "core/io.hpp"
#include "render/qpdf_util.hpp"

namespace deckhand::render {
namespace {

using pdfq::Rect;
using pdfq::rect_of;

using M = std::array<double, 6>;  // a b c d e f

M mul(const M& x, const M& y) {  // x then y (PDF: x × y)
  return {x[0] * y[0] + x[1] * y[2], x[0] * y[1] + x[1] * y[3], x[2] * y[0] + x[3] * y[2],
          x[2] * y[1] + x[3] * y[3], x[4] * y[0] + x[5] * y[2] + y[4], x[4] * y[1] + x[5] * y[3] + y[5]};
}

std::string mm(double pt) {
  char b[32];
  std::snprintf(b, sizeof b, "%.1f mm", pt * 25.4 / 72);
  return b;
}



std::string space_name(QPDFObjectHandle cs) {
  if (cs.isName()) {
    std::string n = cs.getName().substr(1);
    if (n == "RGB") return "DeviceRGB";
    if (n == "CMYK") return "DeviceCMYK";
    if (n == "G") return "DeviceGray";
    return n;
  }
  if (cs.isArray() && cs.getArrayNItems() > 0 && cs.getArrayItem(0).isName()) {
    std::string fam = cs.getArrayItem(0).getName().substr(1);
    if (fam == "Separation" && cs.getArrayNItems() > 1 && cs.getArrayItem(1).isName()) return "Separation " + cs.getArrayItem(1).getName().substr(1);
    if (fam == "ICCBased" && cs.getArrayNItems() > 1 && cs.getArrayItem(1).isStream()) {
      auto n = cs.getArrayItem(1).getDict().getKey("/N");
      return "ICCBased (" + (n.isInteger() ? std::to_string(n.getIntValue()) : std::string("?")) + ")";
    }
    if (fam == "Indexed" && cs.getArrayNItems() > 1) return "Indexed " + space_name(cs.getArrayItem(1));
    return fam;
  }
  return "unknown";
}

struct Walker : QPDFObjectHandle::ParserCallbacks {
  PreflightReport& rep;
  const PreflightOptions& opt;
  int page = 0;
  std::vector<QPDFObjectHandle> resources{};
  std::vector<M> stack{};
  M ctm{1, 0, 0, 1, 0, 0};
  std::vector<QPDFObjectHandle> operands{};
  std::map<std::string, double> worst{};  // image -> lowest dpi on this page
  std::map<std::string, std::string> worst_text{};
  int depth = 0;

  Walker(PreflightReport& r, const PreflightOptions& o) : rep(r), opt(o) {}

  QPDFObjectHandle resource(const char* cat, const std::string& name) {
    QPDFObjectHandle d = resources.back().isDictionary() ? resources.back().getKey(cat) : QPDFObjectHandle::newNull();
    return d.isDictionary() ? d.getKey(name) : QPDFObjectHandle::newNull();
  }

  void handleObject(QPDFObjectHandle obj) override {
    if (obj.isOperator()) {
      op(obj.getOperatorValue());
      operands.clear();
    } else {
      operands.push_back(obj);
    }
  }
  void handleEOF() override {}

  double numarg(size_t i) { return i < operands.size() && operands[i].isNumber() ? operands[i].getNumericValue() : 0; }

  void op(const std::string& o) {
    if (o == "q") stack.push_back(ctm);
    else if (o == "Q") {
      if (!stack.empty()) ctm = stack.back(), stack.pop_back();
    } else if (o == "cm" && operands.size() == 6) {
      ctm = mul({numarg(0), numarg(1), numarg(2), numarg(3), numarg(4), numarg(5)}, ctm);
    } else if (o == "rg" || o == "RG") rep.colour_spaces.insert("DeviceRGB");
    else if (o == "k" || o == "K") rep.colour_spaces.insert("DeviceCMYK");
    else if (o == "g" || o == "G") rep.colour_spaces.insert("DeviceGray");
    else if ((o == "cs" || o == "CS") && operands.size() == 1 && operands[0].isName()) {
      std::string n = operands[0].getName();
      if (n == "/DeviceRGB" || n == "/DeviceCMYK" || n == "/DeviceGray" || n == "/Pattern") rep.colour_spaces.insert(n.substr(1));
      else rep.colour_spaces.insert(space_name(resource("/ColorSpace", n)));
    } else if (o == "Do" && operands.size() == 1 && operands[0].isName()) {
      std::string name = operands[0].getName();
      QPDFObjectHandle x = resource("/XObject", name);
      if (!x.isStream()) return;
      QPDFObjectHandle d = x.getDict();
      std::string sub = d.getKey("/Subtype").isName() ? d.getKey("/Subtype").getName() : "";
      if (sub == "/Image") image(name, d);
      else if (sub == "/Form" && depth < 12) {
        M m{1, 0, 0, 1, 0, 0};
        QPDFObjectHandle mx = d.getKey("/Matrix");
        if (mx.isArray() && mx.getArrayNItems() == 6)
          for (int i = 0; i < 6; ++i) m[static_cast<size_t>(i)] = mx.getArrayItem(i).isNumber() ? mx.getArrayItem(i).getNumericValue() : m[static_cast<size_t>(i)];
        M saved = ctm;
        auto saved_stack = stack;
        auto saved_ops = operands;
        ctm = mul(m, ctm);
        QPDFObjectHandle res = d.getKey("/Resources");
        resources.push_back(res.isDictionary() ? res : resources.back());
        fonts(resources.back());
        ++depth;
        try {
          x.parseAsContents(this);
        } catch (const std::exception&) {
        }
        --depth;
        resources.pop_back();
        ctm = saved, stack = saved_stack, operands = saved_ops;
      }
    }
  }

  void image(const std::string& name, QPDFObjectHandle d) {
    if (d.getKey("/ImageMask").isBool() && d.getKey("/ImageMask").getBoolValue()) return;  // a stencil: its colour is the fill
    double w = d.getKey("/Width").isNumber() ? d.getKey("/Width").getNumericValue() : 0;
    double h = d.getKey("/Height").isNumber() ? d.getKey("/Height").getNumericValue() : 0;
    if (d.getKey("/ColorSpace").isInitialized() && !d.getKey("/ColorSpace").isNull()) rep.colour_spaces.insert(space_name(d.getKey("/ColorSpace")));
    double dw = std::hypot(ctm[0], ctm[1]), dh = std::hypot(ctm[2], ctm[3]);  // the unit square as drawn, points
    if (w <= 0 || h <= 0 || dw < 0.5 || dh < 0.5) return;
    double dpi = std::min(w / (dw / 72), h / (dh / 72));
    ++rep.images;
    rep.lowest_dpi = rep.images == 1 ? dpi : std::min(rep.lowest_dpi, dpi);
    if (dpi + 0.5 < opt.min_dpi && (!worst.count(name) || dpi < worst[name])) {
      worst[name] = dpi;
      char b[200];
      std::snprintf(b, sizeof b, "image %s (%.0f x %.0f px) drawn at %s x %s: %.0f dpi, under %.0f", name.substr(1).c_str(), w, h,
                    mm(dw).c_str(), mm(dh).c_str(), dpi, opt.min_dpi);
      worst_text[name] = b;
    }
  }

  std::set<std::string> seen_fonts{};  // objects already checked (object id), once a document
  void fonts(QPDFObjectHandle res) {
    if (!res.isDictionary()) return;
    QPDFObjectHandle fd = res.getKey("/Font");
    if (!fd.isDictionary()) return;
    for (const auto& key : fd.getKeys()) {
      QPDFObjectHandle f = fd.getKey(key);
      if (!f.isDictionary()) continue;
      std::string id = f.isIndirect() ? f.getObjGen().unparse(' ') : key + "@" + std::to_string(page);
      if (!seen_fonts.insert(id).second) continue;
      std::string sub = f.getKey("/Subtype").isName() ? f.getKey("/Subtype").getName() : "";
      if (sub == "/Type3") continue;
      QPDFObjectHandle desc = f.getKey("/FontDescriptor");
      if (sub == "/Type0") {
        QPDFObjectHandle df = f.getKey("/DescendantFonts");
        if (df.isArray() && df.getArrayNItems() > 0 && df.getArrayItem(0).isDictionary())
          desc = df.getArrayItem(0).getKey("/FontDescriptor");
      }
      bool embedded = desc.isDictionary() && (desc.getKey("/FontFile").isStream() || desc.getKey("/FontFile2").isStream() ||
                                              desc.getKey("/FontFile3").isStream());
      if (!embedded) {
        std::string base = f.getKey("/BaseFont").isName() ? f.getKey("/BaseFont").getName().substr(1) : key.substr(1);
        rep.problems.push_back({page, "font " + base + " is not embedded (embed it when making the PDF, or print to PDF with fonts embedded)"});
      }
    }
  }
};

}  // namespace

PreflightReport preflight(const std::string& file, const PreflightOptions& o) {
  PreflightReport rep;
  QPDF q;
  q.setSuppressWarnings(true);
  // read once, within the input limits (core/io.hpp read_input: --max-file-size, FIFOs)
  const std::shared_ptr<const std::string> bytes = read_input(file);
  extract::check_pdf_budgets(*bytes, file, o.password);  // before libqpdf walks the page tree or parses a page (budget.hpp)
  try {
    q.processMemoryFile(file.c_str(), bytes->data(), bytes->size(), o.password.empty() ? nullptr : o.password.c_str());
  } catch (const QPDFExc& e) {
    if (e.getErrorCode() == qpdf_e_password)
      throw Error(Exit::encrypted, file, "the PDF is encrypted and needs a password", "give it with --password");
    throw Error(Exit::bad_pdf, file, std::string("qpdf cannot read this PDF: ") + e.getMessageDetail(), "repair it (qpdf in.pdf out.pdf)");
  } catch (const std::exception& e) {
    throw Error(Exit::bad_pdf, file, std::string("qpdf cannot read this PDF: ") + e.what(), "repair it (qpdf in.pdf out.pdf)");
  }
  std::vector<QPDFPageObjectHelper> pages;
  try {
    pages = QPDFPageDocumentHelper(q).getAllPages();
  } catch (const std::exception& e) {
    throw Error(Exit::bad_pdf, file, std::string("qpdf cannot read the page tree: ") + e.what(), "repair it (qpdf in.pdf out.pdf)");
  }
  rep.pages = static_cast<int>(pages.size());
  if (pages.empty()) throw Error(Exit::bad_pdf, file, "the PDF has no pages", "check the file");
  Walker w(rep, o);
  for (size_t i = 0; i < pages.size(); ++i) {
    const int pn = static_cast<int>(i) + 1;
    w.page = pn;
    QPDFPageObjectHelper& p = pages[i];
    // boxes (inherited MediaBox and CropBox are found through the page tree)
    QPDFObjectHandle mb = p.getAttribute("/MediaBox", false), cb = p.getAttribute("/CropBox", false);
    QPDFObjectHandle bb = p.getObjectHandle().getKey("/BleedBox"), tb = p.getObjectHandle().getKey("/TrimBox");
    if (!mb.isRectangle()) {
      rep.problems.push_back({pn, "no MediaBox"});
      continue;
    }
    Rect media = rect_of(mb), crop = cb.isRectangle() ? rect_of(cb) : media;
    if (!tb.isRectangle()) rep.problems.push_back({pn, "no TrimBox (the finished size); make it with a bleed, e.g. deckhand handout --print"});
    if (!bb.isRectangle() && o.bleed > 0) rep.problems.push_back({pn, "no BleedBox (the trim plus " + mm(o.bleed) + " on every side)"});
    if (tb.isRectangle() && bb.isRectangle()) {
      Rect trim = rect_of(tb), bleed = rect_of(bb);
      if (!media.contains(crop)) rep.problems.push_back({pn, "CropBox extends beyond the MediaBox"});
      if (!crop.contains(bleed)) rep.problems.push_back({pn, "BleedBox is not inside the CropBox (and MediaBox): the bleed is cut off"});
      if (!bleed.contains(trim)) rep.problems.push_back({pn, "TrimBox is not inside the BleedBox"});
      else {
        double least = std::min({trim.llx - bleed.llx, trim.lly - bleed.lly, bleed.urx - trim.urx, bleed.ury - trim.ury});
        if (least + 0.05 < o.bleed)
          rep.problems.push_back({pn, "bleed " + mm(least) + ", " + mm(o.bleed) + " needed on every side (extend backgrounds past the trim)"});
      }
    } else if (tb.isRectangle() && !media.contains(rect_of(tb))) {
      rep.problems.push_back({pn, "TrimBox is not inside the MediaBox"});
    }
    // colour spaces named in resources, fonts, images (walking the content)
    QPDFObjectHandle res = p.getAttribute("/Resources", false);
    w.resources = {res};
    w.stack.clear();
    w.ctm = {1, 0, 0, 1, 0, 0};
    w.worst.clear();
    w.worst_text.clear();
    w.fonts(res);
    try {
      p.parseContents(&w);
    } catch (const std::exception& e) {
      rep.problems.push_back({pn, std::string("content stream cannot be read: ") + e.what()});
    }
    for (const auto& [name, text] : w.worst_text) rep.problems.push_back({pn, text});
  }
  if (o.booklet && rep.pages % 4 != 0)
    rep.problems.push_back({0, std::to_string(rep.pages) + " pages: a saddle-stitched booklet needs a multiple of 4 (add " +
                                   std::to_string(4 - rep.pages % 4) + " blank pages before the back cover)"});
  return rep;
}

}  // namespace deckhand::render

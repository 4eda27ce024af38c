#include "render/slide_translate.hpp"

#define POINTERHOLDER_TRANSITION 4  // qpdf 11: std::shared_ptr, no PointerHolder
#include <qpdf/Pl_String.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFTokenizer.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <stdexcept>

#include "core/error.hpp"
#include "render/qpdf_util.hpp"

namespace deckhand::render {
namespace {

std::string num(double v) { return pdfq::num(v, 4); }
using pdfq::Rect;
using pdfq::rect_of;


// a b c d e f: (x, y) -> (a x + c y + e, b x + d y + f)
struct M {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
};
// first m, then n
M mul(const M& m, const M& n) {
  return {m.a * n.a + m.b * n.c, m.a * n.b + m.b * n.d, m.c * n.a + m.d * n.c,
          m.c * n.b + m.d * n.d, m.e * n.a + m.f * n.c + n.e, m.e * n.b + m.f * n.d + n.f};
}



// The page as displayed: the CropBox within the MediaBox, turned by /Rotate.
struct View {
  Rect box;
  int rotate = 0;
  // user space -> displayed (top-left origin, y down)
  void map(double u, double v, double& X, double& Y) const {
    switch (rotate) {
      case 90: X = v - box.lly, Y = u - box.llx; break;
      case 180: X = box.urx - u, Y = v - box.lly; break;
      case 270: X = box.ury - v, Y = box.urx - u; break;
      default: X = u - box.llx, Y = box.ury - v;
    }
  }
  double width() const { return rotate == 90 || rotate == 270 ? box.ury - box.lly : box.urx - box.llx; }
  double height() const { return rotate == 90 || rotate == 270 ? box.urx - box.llx : box.ury - box.lly; }
};

View view_of(QPDFPageObjectHelper& page) {
  View v;
  Rect media = rect_of(page.getMediaBox());
  Rect crop = rect_of(page.getCropBox());
  v.box = {std::max(media.llx, crop.llx), std::max(media.lly, crop.lly), std::min(media.urx, crop.urx), std::min(media.ury, crop.ury)};
  if (v.box.urx <= v.box.llx || v.box.ury <= v.box.lly) v.box = media;
  QPDFObjectHandle rot = page.getAttribute("/Rotate", false);
  if (rot.isInteger()) {
    long long r = rot.getIntValue() % 360;
    if (r < 0) r += 360;
    v.rotate = static_cast<int>(r / 90 * 90);
  }
  return v;
}

double number_of(QPDFObjectHandle o, double dflt = 0) {
  if (o.isInteger()) return static_cast<double>(o.getIntValue());
  if (o.isReal()) return std::atof(o.getRealValue().c_str());
  return dflt;
}

// Advances of a font's character codes, in text space units per unit of font size.
struct FontInfo {
  bool two_byte = false;
  std::map<int, double> widths;
  double missing = 0;
  double width(int code) const {
    auto it = widths.find(code);
    return it == widths.end() ? missing : it->second;
  }
};

FontInfo font_info(QPDFObjectHandle font) {
  FontInfo fi;
  if (!font.isDictionary()) return fi;
  std::string sub = font.getKey("/Subtype").isName() ? font.getKey("/Subtype").getName() : "";
  if (sub == "/Type0") {
    fi.two_byte = true;
    QPDFObjectHandle df = font.getKey("/DescendantFonts");
    QPDFObjectHandle cid = df.isArray() && df.getArrayNItems() > 0 ? df.getArrayItem(0) : QPDFObjectHandle::newNull();
    fi.missing = 1.0;
    if (!cid.isDictionary()) return fi;
    fi.missing = number_of(cid.getKey("/DW"), 1000) / 1000;
    QPDFObjectHandle w = cid.getKey("/W");
    if (!w.isArray()) return fi;
    int n = w.getArrayNItems();
    for (int i = 0; i < n;) {
      QPDFObjectHandle first = w.getArrayItem(i);
      if (!first.isNumber() || i + 1 >= n) break;
      long long c = static_cast<long long>(number_of(first));
      QPDFObjectHandle next = w.getArrayItem(i + 1);
      if (next.isArray()) {  // c [w1 w2 ...]
        int m = next.getArrayNItems();
        for (int k = 0; k < m && c + k <= 0xFFFF; ++k) fi.widths[static_cast<int>(c + k)] = number_of(next.getArrayItem(k)) / 1000;
        i += 2;
      } else {  // c_first c_last w
        if (i + 2 >= n) break;
        long long last = static_cast<long long>(number_of(next));
        double wv = number_of(w.getArrayItem(i + 2)) / 1000;
        for (long long k = std::max(0LL, c); k <= std::min(last, 0xFFFFLL); ++k) fi.widths[static_cast<int>(k)] = wv;
        i += 3;
      }
    }
    return fi;
  }
  double scale = 1.0 / 1000;
  if (sub == "/Type3") {
    QPDFObjectHandle fm = font.getKey("/FontMatrix");
    scale = fm.isArray() && fm.getArrayNItems() == 6 ? number_of(fm.getArrayItem(0), 0.001) : 0.001;
  }
  QPDFObjectHandle desc = font.getKey("/FontDescriptor");
  QPDFObjectHandle ws = font.getKey("/Widths");
  if (!ws.isArray()) {
    fi.missing = 0.5;  // a standard-14 font: no widths in the file (decision: half an em)
    return fi;
  }
  fi.missing = desc.isDictionary() ? number_of(desc.getKey("/MissingWidth")) * scale : 0;
  int first = static_cast<int>(number_of(font.getKey("/FirstChar")));
  int n = ws.getArrayNItems();
  for (int k = 0; k < n && first + k <= 255; ++k) fi.widths[first + k] = number_of(ws.getArrayItem(k)) * scale;
  return fi;
}

Color gray(double g) { return {g, g, g}; }
Color colour_from(const std::vector<double>& v) {
  auto cl = [](double x) { return std::clamp(x, 0.0, 1.0); };
  if (v.size() == 1) return gray(cl(v[0]));
  if (v.size() == 3) return {cl(v[0]), cl(v[1]), cl(v[2])};
  if (v.size() == 4) return {1 - std::min(1.0, v[0] + v[3]), 1 - std::min(1.0, v[1] + v[3]), 1 - std::min(1.0, v[2] + v[3])};
  return {};
}

struct GState {
  M ctm;
  Color fill, stroke;
  // text state
  std::string font;  // resource name
  const FontInfo* fi = nullptr;
  double size = 0, tc = 0, tw = 0, th = 1, tl = 0, rise = 0;
  int mode = 0;
};

// What a page's strippers share: the regions, the results, fonts, new form names.
struct Shared {
  QPDF* pdf = nullptr;
  View view;
  const std::vector<TextRegion>* regions = nullptr;
  std::vector<RemovedText>* out = nullptr;
  std::vector<std::map<std::string, double>> colour_weight;  // per region: colour key -> characters
  std::vector<std::map<std::string, Color>> colours;
  std::map<QPDFObjGen, FontInfo> fonts;
  std::vector<std::unique_ptr<FontInfo>> direct_fonts;
  int* form_counter = nullptr;
  std::set<QPDFObjGen> active;  // forms being filtered (a form drawing itself)
};

class Stripper : public QPDFObjectHandle::TokenFilter {
 public:
  Stripper(Shared& sh, QPDFObjectHandle resources, const GState& gs, int depth)
      : sh_(sh), res_(resources), gs_(gs), depth_(depth) {}
  bool changed = false;

  void handleToken(QPDFTokenizer::Token const& t) override {
    if (t.getType() == QPDFTokenizer::tt_word) {
      op(t);
      pending_.clear();
    } else {
      pending_.push_back(t);
    }
  }
  void handleEOF() override { flush(); }

 private:
  Shared& sh_;
  QPDFObjectHandle res_;
  GState gs_;
  std::vector<GState> stack_;
  M tm_, tlm_;
  int depth_;
  std::vector<QPDFTokenizer::Token> pending_;

  void flush() {
    for (const auto& t : pending_) writeToken(t);
  }
  void keep(QPDFTokenizer::Token const& t) {
    flush();
    writeToken(t);
  }
  std::vector<double> nums() const {
    std::vector<double> v;
    for (const auto& t : pending_)
      if (t.getType() == QPDFTokenizer::tt_integer || t.getType() == QPDFTokenizer::tt_real) v.push_back(std::atof(t.getValue().c_str()));
    return v;
  }
  std::string last_name() const {
    for (auto it = pending_.rbegin(); it != pending_.rend(); ++it)
      if (it->getType() == QPDFTokenizer::tt_name) return it->getValue();
    return "";
  }

  void set_font(const std::string& name, double size) {
    gs_.font = name;
    gs_.size = size;
    gs_.fi = nullptr;
    QPDFObjectHandle fonts = res_.isDictionary() ? res_.getKey("/Font") : QPDFObjectHandle::newNull();
    QPDFObjectHandle f = fonts.isDictionary() ? fonts.getKey(name) : QPDFObjectHandle::newNull();
    if (f.isIndirect()) {
      auto it = sh_.fonts.find(f.getObjGen());
      if (it == sh_.fonts.end()) it = sh_.fonts.emplace(f.getObjGen(), font_info(f)).first;
      gs_.fi = &it->second;
    } else {
      sh_.direct_fonts.push_back(std::make_unique<FontInfo>(font_info(f)));
      gs_.fi = sh_.direct_fonts.back().get();
    }
  }

  void td(double tx, double ty) {
    tlm_ = mul(M{1, 0, 0, 1, tx, ty}, tlm_);
    tm_ = tlm_;
  }

  // A text-showing operator, glyph by glyph: a glyph whose middle (half its advance along
  // the baseline, 0.3 em above it) lies in a region is replaced by a move of its advance;
  // the others are kept. One string may hold text of two units (Keynote sets a code line's
  // columns in one Tj) or a unit's text and a word that is not translated.
  void show(QPDFTokenizer::Token const& t, const std::string& prefix) {
    const FontInfo empty;
    const FontInfo& fi = gs_.fi ? *gs_.fi : empty;
    const M trm = mul(tm_, gs_.ctm);
    const double k = gs_.size * gs_.th;  // text space per 1000 units of a TJ number
    const double probe_y = gs_.rise + 0.3 * gs_.size;
    double tx = 0;
    bool any = false;
    std::string arr;        // the new TJ array's items
    std::string kept;       // kept codes not yet written (hex)
    double move = 0;        // removed advance not yet written (text space)
    bool prev_removed = false, prev_space = false;
    static const char* hex = "0123456789ABCDEF";
    auto put_kept = [&]() {
      if (kept.empty()) return;
      arr += '<';
      arr += kept;
      arr += '>';
      kept.clear();
    };
    auto put_move = [&]() {
      if (move != 0 && std::abs(k) > 1e-9) {
        arr += ' ';
        arr += num(-move * 1000 / k);
        arr += ' ';
      }
      move = 0;
    };
    auto region_at = [&](double x) {
      double u = trm.a * x + trm.c * probe_y + trm.e, v = trm.b * x + trm.d * probe_y + trm.f;
      double X = 0, Y = 0;
      sh_.view.map(u, v, X, Y);
      for (size_t i = 0; i < sh_.regions->size(); ++i) {
        const auto& b = (*sh_.regions)[i].box;
        if (X >= b[0] - 0.5 && X <= b[2] + 0.5 && Y >= b[1] - 0.5 && Y <= b[3] + 0.5) return static_cast<int>(i);
      }
      return -1;
    };
    auto glyph = [&](int code, const char* bytes, size_t n, bool space) {
      double adv = (fi.width(code) * gs_.size + gs_.tc + (space ? gs_.tw : 0)) * gs_.th;
      int hit = region_at(tx + adv / 2);
      if (hit >= 0 && !space) {
        put_kept();
        move += adv;
        any = true;
        RemovedText& r = (*sh_.out)[static_cast<size_t>(hit)];
        ++r.glyphs;
        if (!prev_removed || prev_space) {
          ++r.operators;
          double u = trm.a * tx + trm.c * gs_.rise + trm.e, v = trm.b * tx + trm.d * gs_.rise + trm.f, sx = 0, sy = 0;
          sh_.view.map(u, v, sx, sy);
          r.starts.push_back(sx);
        }
        Color c = gs_.mode == 1 || gs_.mode == 5 ? gs_.stroke : gs_.fill;
        char key[64];
        std::snprintf(key, sizeof key, "%.4f %.4f %.4f", c.r, c.g, c.b);
        sh_.colour_weight[static_cast<size_t>(hit)][key] += 1;
        sh_.colours[static_cast<size_t>(hit)][key] = c;
        prev_removed = true;
      } else if (hit >= 0) {
        // code 32 in a region goes too: between removed glyphs it is their space, and in a
        // subset font it may well draw a visible glyph (LibreOffice's "(" is code 32)
        put_kept();
        move += adv;
      } else {
        put_move();
        for (size_t i = 0; i < n; ++i) {
          unsigned char ch = static_cast<unsigned char>(bytes[i]);
          kept += hex[ch >> 4];
          kept += hex[ch & 15];
        }
        prev_removed = false;
      }
      prev_space = space;
      tx += adv;
    };
    const bool tj = t.getValue() == "TJ";
    for (const auto& p : pending_) {
      if (p.getType() == QPDFTokenizer::tt_string) {
        const std::string s = p.getValue();
        if (fi.two_byte) {
          for (size_t i = 0; i + 1 < s.size(); i += 2)
            glyph((static_cast<unsigned char>(s[i]) << 8) | static_cast<unsigned char>(s[i + 1]), s.data() + i, 2, false);
        } else {
          for (size_t i = 0; i < s.size(); ++i) glyph(static_cast<unsigned char>(s[i]), s.data() + i, 1, s[i] == ' ');
        }
      } else if (tj && (p.getType() == QPDFTokenizer::tt_integer || p.getType() == QPDFTokenizer::tt_real)) {
        double n = std::atof(p.getValue().c_str());
        put_kept();
        put_move();
        arr += ' ';
        arr += num(n);
        arr += ' ';
        tx -= n / 1000 * k;
      }
    }
    if (!any) {
      keep(t);
    } else {
      put_kept();
      put_move();
      // operands of " (aw ac string) set word and character spacing: kept
      std::string w;
      if (t.getValue() == "\"") {
        auto n = nums();
        if (n.size() >= 2) w = num(n[0]) + " Tw " + num(n[1]) + " Tc ";
      }
      w += prefix;
      w += '[';
      w += arr;
      w += "] TJ";
      write(w);
      changed = true;
    }
    tm_ = mul(M{1, 0, 0, 1, tx, 0}, tm_);
  }
  void draw_form(QPDFTokenizer::Token const& t) {
    std::string name = last_name();
    QPDFObjectHandle xo = res_.isDictionary() ? res_.getKey("/XObject") : QPDFObjectHandle::newNull();
    QPDFObjectHandle form = xo.isDictionary() ? xo.getKey(name) : QPDFObjectHandle::newNull();
    if (!form.isStream() || !form.isFormXObject() || depth_ >= 12 || sh_.active.count(form.getObjGen())) {
      keep(t);
      return;
    }
    GState inner = gs_;
    QPDFObjectHandle mx = form.getDict().getKey("/Matrix");
    if (mx.isMatrix()) {
      auto m = mx.getArrayAsMatrix();
      inner.ctm = mul(M{m.a, m.b, m.c, m.d, m.e, m.f}, gs_.ctm);
    }
    QPDFObjectHandle fres = form.getDict().getKey("/Resources");
    Stripper child(sh_, fres.isDictionary() ? fres : res_, inner, depth_ + 1);
    std::string data;
    sh_.active.insert(form.getObjGen());
    {
      Pl_String pl("form", nullptr, data);
      form.filterAsContents(&child, &pl);
    }
    sh_.active.erase(form.getObjGen());
    if (!child.changed) {
      keep(t);
      return;
    }
    // this page's own copy of the form, under a new name (other pages may draw the original)
    QPDFObjectHandle copy = form.copyStream();
    copy.replaceStreamData(data, QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
    copy = sh_.pdf->makeIndirectObject(copy);
    std::string fresh = "/DhText" + std::to_string(++*sh_.form_counter);
    xo.replaceKey(fresh, copy);
    for (const auto& p : pending_)
      if (p.getType() != QPDFTokenizer::tt_name) writeToken(p);
    write(fresh + " Do");
    changed = true;
  }

  void op(QPDFTokenizer::Token const& t) {
    const std::string& o = t.getValue();
    if (o == "Tj" || o == "TJ") return show(t, "");
    if (o == "'") {
      td(0, -gs_.tl);
      return show(t, "T* ");
    }
    if (o == "\"") {
      auto n = nums();
      if (n.size() >= 2) gs_.tw = n[0], gs_.tc = n[1];
      td(0, -gs_.tl);
      return show(t, "T* ");
    }
    if (o == "Do") return draw_form(t);
    auto n = nums();
    if (o == "q") stack_.push_back(gs_);
    else if (o == "Q") {
      if (!stack_.empty()) gs_ = stack_.back(), stack_.pop_back();
    } else if (o == "cm" && n.size() == 6) gs_.ctm = mul(M{n[0], n[1], n[2], n[3], n[4], n[5]}, gs_.ctm);
    else if (o == "BT") tm_ = tlm_ = M{};
    else if (o == "Tf" && !n.empty()) set_font(last_name(), n.back());
    else if (o == "Td" && n.size() == 2) td(n[0], n[1]);
    else if (o == "TD" && n.size() == 2) gs_.tl = -n[1], td(n[0], n[1]);
    else if (o == "T*") td(0, -gs_.tl);
    else if (o == "Tm" && n.size() == 6) tm_ = tlm_ = M{n[0], n[1], n[2], n[3], n[4], n[5]};
    else if (o == "Tc" && n.size() == 1) gs_.tc = n[0];
    else if (o == "Tw" && n.size() == 1) gs_.tw = n[0];
    else if (o == "Tz" && n.size() == 1) gs_.th = n[0] / 100;
    else if (o == "TL" && n.size() == 1) gs_.tl = n[0];
    else if (o == "Ts" && n.size() == 1) gs_.rise = n[0];
    else if (o == "Tr" && n.size() == 1) gs_.mode = static_cast<int>(n[0]);
    else if (o == "g" || o == "rg" || o == "k" || o == "sc" || o == "scn") gs_.fill = colour_from(n);
    else if (o == "G" || o == "RG" || o == "K" || o == "SC" || o == "SCN") gs_.stroke = colour_from(n);
    else if (o == "cs") gs_.fill = {};
    else if (o == "CS") gs_.stroke = {};
    keep(t);
  }
};

}  // namespace

struct SlideRewriter::Impl {
  QPDF pdf;
  std::string source;
  std::vector<QPDFPageObjectHelper> pages;
  int form_counter = 0;
};

SlideRewriter::SlideRewriter(const std::string& source, const std::string& password) : impl_(std::make_unique<Impl>()) {
  impl_->source = source;
  impl_->pdf.setSuppressWarnings(true);
  try {
    impl_->pdf.processFile(source.c_str(), password.empty() ? nullptr : password.c_str());
    impl_->pages = QPDFPageDocumentHelper(impl_->pdf).getAllPages();
  } catch (const std::exception& e) {
    throw Error(Exit::input, source, std::string("qpdf cannot read this PDF: ") + e.what(),
                "repair it (qpdf in.pdf out.pdf), or check --password");
  }
}

SlideRewriter::~SlideRewriter() = default;

int SlideRewriter::page_count() const { return static_cast<int>(impl_->pages.size()); }

std::array<double, 2> SlideRewriter::page_size(int page) const {
  if (page < 1 || page > page_count()) return {0, 0};
  View v = view_of(impl_->pages[static_cast<size_t>(page - 1)]);
  return {v.width(), v.height()};
}

std::vector<RemovedText> SlideRewriter::remove_text(int page, const std::vector<TextRegion>& regions) {
  std::vector<RemovedText> out(regions.size());
  for (size_t i = 0; i < regions.size(); ++i) out[i].key = regions[i].key;
  if (regions.empty() || page < 1 || page > page_count()) return out;
  QPDFPageObjectHelper& pg = impl_->pages[static_cast<size_t>(page - 1)];
  Shared sh;
  sh.pdf = &impl_->pdf;
  sh.view = view_of(pg);
  sh.regions = &regions;
  sh.out = &out;
  sh.colour_weight.resize(regions.size());
  sh.colours.resize(regions.size());
  sh.form_counter = &impl_->form_counter;
  try {
    QPDFObjectHandle res = pg.getAttribute("/Resources", true);
    if (res.isDictionary() && !res.getKey("/XObject").isDictionary()) res.replaceKey("/XObject", QPDFObjectHandle::newDictionary());
    Stripper st(sh, res, GState{}, 0);
    std::string data;
    {
      Pl_String pl("page", nullptr, data);
      pg.filterContents(&st, &pl);
    }
    if (st.changed)
      pg.getObjectHandle().replaceKey("/Contents", impl_->pdf.makeIndirectObject(QPDFObjectHandle::newStream(&impl_->pdf, data)));
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    throw Error(Exit::input, impl_->source, "page " + std::to_string(page) + ": qpdf cannot read its content: " + e.what(),
                "repair the PDF (qpdf in.pdf out.pdf)");
  }
  for (size_t i = 0; i < regions.size(); ++i) {
    double best = -1;
    for (const auto& [key, w] : sh.colour_weight[i])
      if (w > best) best = w, out[i].color = sh.colours[i][key];
  }
  return out;
}

void SlideRewriter::write(const std::vector<int>& pages, const std::string& text_layer_pdf, const std::vector<int>& layer,
                          const std::string& out_path) {
  QPDF& pdf = impl_->pdf;
  try {
    QPDF tl;
    tl.setSuppressWarnings(true);
    tl.processFile(text_layer_pdf.c_str());
    std::vector<QPDFPageObjectHelper> lpages = QPDFPageDocumentHelper(tl).getAllPages();
    std::set<int> keep(pages.begin(), pages.end());
    for (size_t i = 0; i < pages.size(); ++i) {
      int p = pages[i];
      if (p < 1 || p > page_count()) continue;
      int li = i < layer.size() ? layer[i] : -1;
      if (li < 0 || li >= static_cast<int>(lpages.size())) continue;
      QPDFPageObjectHelper& pg = impl_->pages[static_cast<size_t>(p - 1)];
      View v = view_of(pg);
      QPDFObjectHandle fo = pdf.copyForeignObject(lpages[static_cast<size_t>(li)].getFormXObjectForPage(false));
      QPDFObjectHandle res = pg.getAttribute("/Resources", true);
      if (!res.isDictionary()) {
        res = QPDFObjectHandle::newDictionary();
        pg.getObjectHandle().replaceKey("/Resources", res);
      }
      QPDFObjectHandle xo = res.getKey("/XObject");
      if (!xo.isDictionary()) {
        xo = QPDFObjectHandle::newDictionary();
        res.replaceKey("/XObject", xo);
      }
      std::string name = "/DhLayer" + std::to_string(p);
      xo.replaceKey(name, fo);
      std::string place = pg.placeFormXObject(fo, name, QPDFObjectHandle::Rectangle(v.box.llx, v.box.lly, v.box.urx, v.box.ury), true, true, true);
      // the source's content in q ... Q (it may leave its graphics state changed), the text on top
      pg.addPageContents(QPDFObjectHandle::newStream(&pdf, "q\n"), true);
      pg.addPageContents(QPDFObjectHandle::newStream(&pdf, "\nQ\nq\n" + place + "\nQ\n"), false);
    }
    QPDFPageDocumentHelper dh(pdf);
    for (auto& pg : dh.getAllPages()) {
      // pages outside the deck (another --pages selection) are dropped
      bool wanted = false;
      for (size_t i = 0; i < impl_->pages.size(); ++i)
        if (impl_->pages[i].getObjectHandle().getObjGen() == pg.getObjectHandle().getObjGen()) wanted = keep.count(static_cast<int>(i + 1)) > 0;
      if (!wanted) dh.removePage(pg);
    }
    pdfq::write_deterministic(pdf, out_path);
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    throw Error(Exit::output, out_path, std::string("cannot write the translated slides: ") + e.what(),
                "check free disk space and that the folder is writable");
  }
}

}  // namespace deckhand::render

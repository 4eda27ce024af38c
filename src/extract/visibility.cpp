// Poppler output device that records characters, filled shapes and pictures in drawing
// order, to tell which characters nobody can see (see visibility.hpp).
#include "extract/visibility.hpp"

#include <GfxState.h>
#include <GlobalParams.h>
#include <OutputDev.h>
#include <PDFDoc.h>
#include <Stream.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

namespace deckhand::extract {

namespace {

using Shape = DrawnShape;
using Glyph = DrawnChar;

class VisibilityDev : public OutputDev {
 public:
  std::vector<Shape> shapes;
  std::vector<Glyph> glyphs;
  size_t order = 0;

  bool upsideDown() override { return true; }
  bool useDrawChar() override { return true; }
  bool interpretType3Chars() override { return false; }
  bool needNonText() override { return true; }
  bool useShadedFills(int) override { return true; }

  void startPage(int, GfxState*, XRef*) override {
    shapes.clear();
    glyphs.clear();
    order = 0;
  }

  void drawChar(GfxState* state, double x, double y, double dx, double dy, double, double, CharCode, int, const Unicode*,
                int uLen) override {
    if (uLen <= 0) return;
    double tx, ty;
    state->transform(x + dx / 2, y + dy / 2, &tx, &ty);
    ty -= 0.3 * state->getTransformedFontSize();
    GfxRGB c;
    state->getFillRGB(&c);
    glyphs.push_back({tx, ty, state->getRender(), {colToDbl(c.r), colToDbl(c.g), colToDbl(c.b)}, order++});
  }

  void fill(GfxState* state) override { add_path(state); }
  void eoFill(GfxState* state) override { add_path(state); }

  bool functionShadedFill(GfxState* s, GfxFunctionShading*) override { return add_clip(s); }
  bool axialShadedFill(GfxState* s, GfxAxialShading*, double, double) override { return add_clip(s); }
  bool radialShadedFill(GfxState* s, GfxRadialShading*, double, double) override { return add_clip(s); }
  bool gouraudTriangleShadedFill(GfxState* s, GfxGouraudTriangleShading*) override { return add_clip(s); }
  bool patchMeshShadedFill(GfxState* s, GfxPatchMeshShading*) override { return add_clip(s); }

  void drawImage(GfxState* state, Object* ref, Stream* str, int w, int h, GfxImageColorMap* cm, bool interp,
                 const int* mask, bool inl) override {
    add_picture(state, mask == nullptr);
    OutputDev::drawImage(state, ref, str, w, h, cm, interp, mask, inl);  // skips inline data
  }
  void drawMaskedImage(GfxState* state, Object* ref, Stream* str, int w, int h, GfxImageColorMap* cm, bool interp,
                       Stream* ms, int mw, int mh, bool mi, bool minterp) override {
    add_picture(state, false);
    OutputDev::drawMaskedImage(state, ref, str, w, h, cm, interp, ms, mw, mh, mi, minterp);
  }
  void drawSoftMaskedImage(GfxState* state, Object* ref, Stream* str, int w, int h, GfxImageColorMap* cm, bool interp,
                           Stream* ms, int mw, int mh, GfxImageColorMap* mcm, bool minterp) override {
    add_picture(state, false);
    OutputDev::drawSoftMaskedImage(state, ref, str, w, h, cm, interp, ms, mw, mh, mcm, minterp);
  }

 private:
  void add_path(GfxState* state) {
    const GfxPath* p = state->getPath();
    if (!p || p->getNumSubpaths() == 0) return;
    Shape s;
    s.x0 = s.y0 = 1e18;
    s.x1 = s.y1 = -1e18;
    std::vector<double> xs, ys;
    int points = 0;
    for (int i = 0; i < p->getNumSubpaths(); ++i) {
      const GfxSubpath* sp = p->getSubpath(i);
      for (int j = 0; j < sp->getNumPoints(); ++j) {
        double tx, ty;
        state->transform(sp->getX(j), sp->getY(j), &tx, &ty);
        s.x0 = std::min(s.x0, tx); s.y0 = std::min(s.y0, ty);
        s.x1 = std::max(s.x1, tx); s.y1 = std::max(s.y1, ty);
        xs.push_back(tx);
        ys.push_back(ty);
        ++points;
      }
    }
    if (s.x1 - s.x0 < 1 || s.y1 - s.y0 < 1) return;
    auto on_edges = [&](const std::vector<double>& v, double a, double b) {
      return std::all_of(v.begin(), v.end(), [&](double t) { return std::abs(t - a) < 0.5 || std::abs(t - b) < 0.5; });
    };
    s.rect = p->getNumSubpaths() == 1 && points <= 5 && on_edges(xs, s.x0, s.x1) && on_edges(ys, s.y0, s.y1);
    // clip to what can be seen
    double cx0, cy0, cx1, cy1;
    state->getClipBBox(&cx0, &cy0, &cx1, &cy1);
    s.x0 = std::max(s.x0, cx0); s.y0 = std::max(s.y0, cy0);
    s.x1 = std::min(s.x1, cx1); s.y1 = std::min(s.y1, cy1);
    if (s.x1 <= s.x0 || s.y1 <= s.y0) return;
    GfxRGB c;
    state->getFillRGB(&c);
    s.rgb = {colToDbl(c.r), colToDbl(c.g), colToDbl(c.b)};
    s.opaque = state->getFillOpacity() >= 0.99 && state->getBlendMode() == gfxBlendNormal;
    s.order = order++;
    shapes.push_back(s);
  }
  bool add_clip(GfxState* state) {
    Shape s;
    state->getClipBBox(&s.x0, &s.y0, &s.x1, &s.y1);
    s.picture = true;
    s.opaque = false;
    s.order = order++;
    shapes.push_back(s);
    return true;  // drawn (nothing to draw here)
  }
  void add_picture(GfxState* state, bool opaque) {
    const double* m = state->getCTM();
    Shape s;
    s.x0 = s.y0 = 1e18;
    s.x1 = s.y1 = -1e18;
    for (auto [u, v] : {std::pair{0.0, 0.0}, {1.0, 0.0}, {0.0, 1.0}, {1.0, 1.0}}) {
      double tx = m[0] * u + m[2] * v + m[4], ty = m[1] * u + m[3] * v + m[5];
      s.x0 = std::min(s.x0, tx); s.y0 = std::min(s.y0, ty);
      s.x1 = std::max(s.x1, tx); s.y1 = std::max(s.y1, ty);
    }
    s.picture = true;
    s.rect = std::abs(m[1]) < 1e-6 && std::abs(m[2]) < 1e-6;
    s.opaque = opaque && state->getFillOpacity() >= 0.99;
    s.order = order++;
    shapes.push_back(s);
  }
};

}  // namespace

struct VisibilityProbe::Impl {
  std::unique_ptr<PDFDoc> doc;
  VisibilityDev dev;
};

VisibilityProbe::VisibilityProbe(std::string_view data, const std::string& password) : impl_(std::make_unique<Impl>()) {
  if (!globalParams) globalParams = std::make_unique<GlobalParams>();
  std::optional<GooString> pw;
  if (!password.empty()) pw = GooString(password);
  auto* str = new MemStream(data.data(), 0, static_cast<Goffset>(data.size()), Object(objNull));
  impl_->doc = std::make_unique<PDFDoc>(str, pw, pw);
  if (!impl_->doc->isOk()) impl_->doc.reset();
}

VisibilityProbe::~VisibilityProbe() = default;

void VisibilityProbe::scan(int index, std::vector<DrawnChar>& chars, std::vector<DrawnShape>& shapes) {
  chars.clear();
  shapes.clear();
  if (!impl_->doc || index < 0 || index >= impl_->doc->getNumPages()) return;
  VisibilityDev& dev = impl_->dev;
  impl_->doc->displayPage(&dev, index + 1, 72, 72, 0, false, true, false);
  chars.swap(dev.glyphs);
  shapes.swap(dev.shapes);
}

}  // namespace deckhand::extract

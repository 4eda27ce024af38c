#pragma once
// What the libqpdf code of render/ shares (vector_frames, slide_translate, print,
// preflight): numbers for content streams, rectangles of page boxes, and the one way
// deckhand writes a PDF with qpdf. Internal to render/; not a public interface.
#ifndef POINTERHOLDER_TRANSITION
#define POINTERHOLDER_TRANSITION 4  // qpdf 11: std::shared_ptr, no PointerHolder
#endif
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>

namespace deckhand::render::pdfq {

// A number for a content stream: fixed notation with `decimals` places, no trailing
// zeros, never "-0"; NaN and infinities are written 0 (the same bytes every run).
inline std::string num(double v, int decimals = 5) {
  if (!std::isfinite(v) || std::abs(v) < 5e-6) v = 0;
  char b[64];
  std::snprintf(b, sizeof b, "%.*f", decimals, v);
  std::string s = b;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

// A page box (PDF 32000-1:2008, 14.11.2), points in the page's default user space,
// normalised so that ll <= ur.
struct Rect {
  double llx = 0, lly = 0, urx = 0, ury = 0;
  bool contains(const Rect& o, double tol = 0.01) const {
    return o.llx >= llx - tol && o.lly >= lly - tol && o.urx <= urx + tol && o.ury <= ury + tol;
  }
};

// The rectangle an array object holds; all zero when it is not a rectangle.
inline Rect rect_of(QPDFObjectHandle a) {
  if (!a.isRectangle()) return {};
  auto q = a.getArrayAsRectangle();
  return {std::min(q.llx, q.urx), std::min(q.lly, q.ury), std::max(q.llx, q.urx), std::max(q.lly, q.ury)};
}

// Adds `entries` (name -> object) to the `kind` dictionary ("/Font", "/XObject",
// "/ColorSpace") of a page's /Resources. The page gets its own /Resources and its own
// `kind` dictionary (shallow copies), so that resources shared with other pages stay as
// they were.
inline void add_page_resources(QPDFObjectHandle page, const std::string& kind,
                               const std::map<std::string, QPDFObjectHandle>& entries) {
  QPDFObjectHandle res = page.getKey("/Resources");
  res = res.isDictionary() ? res.shallowCopy() : QPDFObjectHandle::newDictionary();
  page.replaceKey("/Resources", res);
  QPDFObjectHandle d = res.getKey(kind);
  d = d.isDictionary() ? d.shallowCopy() : QPDFObjectHandle::newDictionary();
  for (const auto& [name, obj] : entries) d.replaceKey(name, obj);
  res.replaceKey(kind, d);
}

// Writes `q` to `path`: deterministic /ID, object streams generated, streams compressed,
// no encryption (so the same input gives the same bytes). qpdf's exceptions pass through.
inline void write_deterministic(QPDF& q, const std::string& path) {
  QPDFWriter w(q, path.c_str());
  w.setDeterministicID(true);
  w.setPreserveEncryption(false);
  w.setObjectStreamMode(qpdf_o_generate);
  w.setStreamDataMode(qpdf_s_compress);
  w.write();
}

}  // namespace deckhand::render::pdfq

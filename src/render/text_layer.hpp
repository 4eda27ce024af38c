#pragma once
// The text of laid-out pages, written with libqpdf: each glyph of each run (model/pages.hpp
// TextRun::glyphs) drawn by its glyph id at the position HarfBuzz gave it, in a Type 0 font
// (PDF 32000-1:2008, 9.7: Identity-H encoding, a CIDFontType2 descendant with
// /CIDToGIDMap /Identity, so a character code is a glyph id of the embedded font) made from
// the font file subset by HarfBuzz (hb-subset) to the glyphs and characters the document
// uses. The text layer gives back the logical text (14.9.4 "Replacement text"):
//  - a cluster of one glyph for one character maps through the font's /ToUnicode CMap
//    (9.10.3), unless that glyph already stands for another character there;
//  - any other cluster (a base letter with its marks, a ligature, a glyph shared by two
//    characters) is wrapped in a marked-content span with /ActualText holding its
//    characters in reading order, its glyphs drawn in HarfBuzz's (visual) order: as
//    Chromium (Skia) writes it, which Poppler's pdftotext and deckhand's extraction read
//    back in reading order (docs/text-setting.md).
// Why libqpdf and not libharu: libharu 2.3 draws text only through a character encoding
// (for TrueType, Unicode through the font's cmap), so it cannot draw a glyph that no
// character maps to (Arabic contextual forms with marks, ligatures) nor place a mark by
// its GPOS offset. Only render/ includes libqpdf.
#include <exception>
#include <memory>
#include <string>
#include <vector>

#include "model/pages.hpp"

class QPDF;
class QPDFPageObjectHelper;

namespace deckhand::render {

bool has_text(const LaidOutDoc& doc);

// Appends each page's text to `pages` (one per doc.pages, in order) of `q`, above what
// they already draw. Fonts are embedded once per file. Throws Error(Exit::layout) naming
// a font file that cannot be read or subset, or that has no TrueType outlines. The pages'
// content is built and compressed on worker_count(threads) threads (core/parallel.hpp; 0:
// the cores): each page gets one stream (Flate) more, or its only one when it has no
// /Contents.
void add_text_layer(QPDF& q, std::vector<QPDFPageObjectHelper>& pages, const LaidOutDoc& doc, int threads = 0);

// The same, each page's stream holding before[i], its text, then after[i] (content-stream
// operators: a transformation and a clip for a text layer drawn straight into another
// page), its fonts named `font_prefix` and their number (/DhF1, /DhF2...: give another
// prefix when a page the stream is drawn into has fonts of such names).
//
// With while_written, the pages' streams are added at once and their content is built on
// worker threads while `q` is written: qpdf's writer asks each stream for its data as it
// comes to it, and waits for a worker to have built it (the writer runs on one thread; the
// content, a third of the text layer's time, is built on the other cores meanwhile). The
// object returned (null without while_written) holds those threads: keep it, and `doc`,
// until `q` is written; its destructor stops and joins them. A page whose content could
// not be built makes the writing throw (qpdf wraps the error): failure() gives the error
// itself.
struct TextLayerWrap {
  std::string font_prefix = "/DhF";
  std::vector<std::string> before, after;  // by page of doc (empty or missing: nothing)
  bool while_written = false;
};
class TextLayerBuild {
 public:
  virtual ~TextLayerBuild() = default;
  virtual std::exception_ptr failure() const = 0;  // the first error building a page's content, or null
};
std::unique_ptr<TextLayerBuild> add_text_layer(QPDF& q, std::vector<QPDFPageObjectHelper>& pages, const LaidOutDoc& doc, int threads,
                                               const TextLayerWrap& wrap);

}  // namespace deckhand::render

#pragma once
// Translated slides that keep their design (docs/translation.md, "Translated slides"): the
// source PDF's pages with the text of translated units taken out of their content streams,
// and a text layer (the translated text, laid out by layout/slide_text.hpp and written by
// libharu) drawn on top. Uses libqpdf (like vector_frames.*); nothing here lays out text.
//
// Coordinates: boxes are in points on the page as displayed (after /Rotate, within the
// CropBox), origin top-left, y down: the deck model's convention (model/deck.hpp).
#include <array>
#include <future>
#include <memory>
#include <string>
#include <vector>

#include "layout/slide_text.hpp"
#include "model/pages.hpp"

namespace deckhand::render {

// Where the text of one translated unit lies on its page.
struct TextRegion {
  std::string key;             // "s3.b2", "s3.title"
  std::array<double, 4> box{}; // x0, y0, x1, y1 (displayed points, top-left origin)
};

// What was taken out of one region.
struct RemovedText {
  std::string key;
  int operators = 0;  // runs of removed glyphs (a run ends at a kept glyph, a space or an operator's end)
  int glyphs = 0;     // glyphs removed (a run that began in another region counts here too)
  // The fill colour in force at the removed operators (the stroke colour for stroked text,
  // render mode 1), the one that covered most characters: the colour of the translated text.
  // Device gray, RGB and CMYK are read (CMYK turned to RGB naively, 1 - min(1, c + k));
  // other colour spaces (patterns, ICC, separations with a tint transform) read as black.
  Color color;
  // where each run of removed glyphs started: x as displayed (points from the left edge)
  std::vector<double> starts;
  // the removed glyphs as lines: each stretch of them along one baseline (x0, x1, y); a gap
  // of over 0.8 em starts another (two labels side by side, a rule between them, stay apart)
  std::vector<layout::SourceLine> lines;
};

// The source PDF opened once with libqpdf. Not thread-safe; one per run.
class SlideRewriter {
 public:
  // Throws Error(Exit::input) naming `source` when qpdf cannot read it (wrong password too).
  SlideRewriter(const std::string& source, const std::string& password);
  ~SlideRewriter();
  SlideRewriter(const SlideRewriter&) = delete;
  SlideRewriter& operator=(const SlideRewriter&) = delete;

  // The source's pages (copies made by copy_page are not counted).
  int page_count() const;
  // A page object of its own that shows page `page` (1-based) as it is now: a slide the deck
  // lists twice gets its own text taken out and its own text layer. Returns its number,
  // after the source's pages (page_count() + 1, ...), for remove_text and write. It is in
  // the output only where write's `pages` names it.
  int copy_page(int page);
  // Reads now every object write will write (qpdf reads an object when first asked for it):
  // those the trailer leads to, but the structure tree (PDF 32000-1:2008, 14.7), which
  // write drops; the others (the tree's, objects nothing uses) become null, unread. To be
  // called on a thread of its own while other work goes on, before any other call.
  void read_all();
  // Displayed size (points, after /Rotate) of page `page` (1-based).
  std::array<double, 2> page_size(int page) const;
  // Reads ahead, on a thread of its own, what remove_text reads of source pages `pages`
  // (1-based, in that order) before it knows its regions: each page's content and the Form
  // XObjects it draws, tokenized and interpreted (where every glyph and mark of ink lies).
  // The thread waits for `gate` (an invalid future: does not wait), so that it runs when a
  // core is idle: `slides` opens the gate when the deck's pages are read and only the
  // analysis, on one core, remains. remove_text then only sets the regions against what was
  // read, or reads a page itself when the thread has not come to it. The thread stops when
  // what it read holds 256 MiB, when remove_text begins (after the page it is reading), and
  // before write or the destructor goes on; at most one
  // such thread (a second call does nothing). Errors reading a page are thrown by remove_text
  // for that page, as when it reads the page itself.
  void prescan(std::vector<int> pages, std::shared_future<void> gate);

  // Removes, from page `page` (1-based) and the Form XObjects it draws, every glyph whose
  // middle (half its advance along the baseline, 0.3 em above it) lies in one of `regions`
  // (the first one that holds it), and the spaces between such glyphs. A text-showing
  // operator (Tj, TJ, ', ") with removed glyphs becomes a TJ whose removed glyphs are moves
  // of the same advance, so the glyphs kept and later text of the same text object keep
  // their places; every other operator (paths, images, shadings, colours, text state) is
  // kept byte for byte. Text in clipping render modes (4-7: Keynote paints coloured words
  // through their glyphs) is removed too, so what was painted through it is no longer shown.
  // Advances come from the font dictionary: /Widths and /FirstChar of simple fonts
  // (/MissingWidth, else 0, outside them; a standard 14 font without /Widths is measured
  // with the standard fonts' widths, from fonts-urw-base35's AFM files, else 0.5 em a
  // character; a Type3 font's widths are scaled by its /FontMatrix), /W and /DW of a Type0
  // font, whose codes are read as 2 bytes (Identity-H/V and the usual CJK CMaps; a CMap
  // with 1-byte codes is misread: decision, docs/translation.md). A Form XObject with
  // removed text is copied for this page (under a new name), so other pages that draw it are
  // unchanged. Returns one entry per region, in the same order. Call once per page, on one
  // thread. The page's new content is kept aside and becomes its /Contents in write
  // (compress may deflate it first, on another thread).
  // When `ink` is given, it receives the marks of ink the page keeps (layout::Ink): every
  // painted path, image, inline image, shading and glyph run that is not removed, in
  // drawing order, with its box clipped to the clipping path's box in force (a box, not its
  // outline: a clip that is no rectangle clips to its box). Text in render mode 3 or 7
  // (invisible) leaves none. At most 20 000 marks a page (a page of hatching); past that,
  // further marks are merged into the last one's box.
  std::vector<RemovedText> remove_text(int page, const std::vector<TextRegion>& regions, std::vector<layout::Ink>* ink = nullptr);
  // Compresses page `page`'s content as remove_text left it (Flate), for write to use as it
  // is: safe to call from other threads while remove_text works on later pages (each page
  // once; a second call, or a page without new content, does nothing). A page not given to
  // compress is compressed by qpdf's writer, on write's thread.
  void compress(int page);

  // Writes `out`: the pages `pages` (1-based, in that order, each at most once: copy_page
  // gives a page to show again; the others are dropped), page
  // i with the text of page layer[i] (0-based; -1 for none) of `text` drawn on top (made in
  // memory by render/text_layer.hpp as the content stream of a page of that page's size,
  // drawn last by page i as qpdf would place that page as a Form XObject: scaled from its
  // displayed size onto the CropBox, upright whatever the /Rotate, clipped to it; its fonts
  // in page i's resources, named so as not to meet the page's own). MediaBox,
  // CropBox and /Rotate are the source's. Deterministic (same input, same bytes), never
  // encrypted. Throws Error(Exit::output) when it cannot write, Error(Exit::layout) when a
  // font cannot be embedded (render/text_layer.hpp).
  void write(const std::vector<int>& pages, const LaidOutDoc& text, const std::vector<int>& layer, const std::string& out, int threads = 0);
  // What write says of the whole document: `lang` (BCP 47) becomes the catalog's /Lang
  // (PDF 32000-1:2008, 14.9.2: the natural language of the text, now the translation's);
  // the document information's /Title, when it is `source_title` (the source deck's own
  // title, spaces collapsed), becomes `title`. Empty strings change nothing.
  void set_document(const std::string& lang, const std::string& source_title, const std::string& title);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace deckhand::render

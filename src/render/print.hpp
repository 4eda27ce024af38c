#pragma once
// Print finishing, with libqpdf (docs/printing.md):
//  - page boxes and crop marks on a finished handout (model/pages.hpp PrintGeometry);
//  - booklet imposition of any PDF: its pages placed two to a sheet in saddle-stitch order.
// Coordinates are PDF user space (points, origin bottom-left). Page boxes follow PDF
// 32000-1:2008, 14.11.2 (MediaBox ⊇ BleedBox ⊇ TrimBox; CropBox = MediaBox here).
// Errors: deckhand::Error, Exit::bad_pdf for a PDF qpdf cannot read, Exit::output for one
// that cannot be written.
#include <string>
#include <vector>

#include "model/pages.hpp"

namespace deckhand::render {

// Sets TrimBox, BleedBox, MediaBox and CropBox on every page of `in` (whose pages are the
// trim, as libharu wrote them), moves the content inside the larger MediaBox, and draws
// crop marks when `g.marks`. Writes `out` deterministically. `in` is deckhand's own scratch
// file; qpdf's errors reading it are Error(Exit::bad_pdf) naming it (the caller names the
// source it came from), a failed write Error(Exit::output) (core/io.hpp throw_write_failed).
void apply_print_geometry(const PrintGeometry& g, const std::string& in, const std::string& out);

struct ImposeOptions {
  // total shift of the innermost sheet's pages toward the spine, points; sheet k of a
  // signature of m sheets (0 outermost) shifts creep * k / (m - 1)
  double creep = 0;
  int signature = 0;        // sheets a signature (folded and stitched together); 0: one signature
  bool rtl = false;         // right-edge binding: every sheet mirrored
  bool marks = false;       // trim and fold marks on each sheet, outside the spread
  double mark_length = 6 * 72 / 25.4, mark_offset = 3 * 72 / 25.4, mark_weight = 0.25;
  // `in` is deckhand's own scratch file (handout --impose booklet), not a user's input: read
  // by path, without the input limits (core/io.hpp read_input)
  bool scratch = false;
};

// Saddle-stitch order of `pages` pages (padded: a multiple of 4, blanks before the last
// page). For each sheet side, in printing order (front, back, front, ...), the 1-based
// page numbers on its left and right halves; 0 is a blank. Pure: tested directly.
struct SheetSide {
  int left = 0, right = 0;
  int sheet = 0;            // index of the sheet within its signature, 0 outermost
  int sheets = 1;           // sheets in that signature
};
std::vector<SheetSide> booklet_order(int pages, int signature, bool rtl);

// Imposes `in` as a booklet into `out`: sheets twice a page's size (its TrimBox, else
// CropBox/MediaBox: qpdf's getFormXObjectForPage uses the TrimBox), two pages a side,
// for duplex printing flipped on the short edge. Without marks, a spread within 1.5 % of
// A4, A3, Letter or Tabloid (landscape) is centred on that paper (A5 pages on A4 sheets).
// The TrimBox is the spread.
// Returns the number of blank pages added. A user's `in` is read once, within the input
// limits (core/io.hpp read_input: --max-file-size, no FIFO without a writer); a damaged one
// is Error(Exit::bad_pdf) naming it, also when its streams fail while the sheets are
// written; a failed write Error(Exit::output).
int impose_booklet(const std::string& in, const std::string& password, const std::string& out, const ImposeOptions& o);

}  // namespace deckhand::render

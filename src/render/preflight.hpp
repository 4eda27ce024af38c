#pragma once
// Preflight: checks any PDF (ours or anyone's) against what print shops ask for
// (docs/printing.md), reading it with libqpdf:
//  - every page has a TrimBox and a BleedBox, nested MediaBox ⊇ CropBox ⊇ BleedBox ⊇
//    TrimBox (PDF 32000-1:2008, 14.11.2);
//  - the bleed (BleedBox beyond TrimBox) is at least `bleed` on every side;
//  - every font is embedded (FontFile, FontFile2 or FontFile3 in its descriptor; Type 3
//    fonts are drawn by the file itself);
//  - every image placement has at least `min_dpi` effective resolution: its pixels over
//    the size it is drawn at, following the content stream's CTM (cm, q/Q) into Form
//    XObjects (their /Matrix); inline images are not checked;
//  - (booklet) the page count is a multiple of 4.
// It also lists the colour spaces the pages use (not a problem in itself: digital print
// shops take RGB and convert it).
// Errors: deckhand::Error Exit::bad_pdf / Exit::encrypted when qpdf cannot read the file.
#include <set>
#include <string>
#include <vector>

namespace deckhand::render {

struct PreflightOptions {
  double bleed = 3 * 72 / 25.4;  // points, on every side
  double min_dpi = 300;
  bool booklet = false;
  std::string password;
};

struct PreflightProblem {
  int page = 0;                  // 1-based; 0: the whole document
  std::string what;
};

struct PreflightReport {
  int pages = 0;
  std::vector<PreflightProblem> problems;
  std::set<std::string> colour_spaces;  // "DeviceRGB", "DeviceCMYK", "Separation All", "ICCBased (3)", ...
  int images = 0;                       // image placements checked
  double lowest_dpi = 0;                // of those (0 when none)
};

PreflightReport preflight(const std::string& file, const PreflightOptions& o);

}  // namespace deckhand::render

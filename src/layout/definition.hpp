#pragma once
// Layout definitions: data files (YAML) in layouts/ or anywhere, documented key by key in
// docs/layouts.md. Loading validates every key and reports file:line, the key and what
// is allowed.
#include <map>
#include <cstdint>
#include <string>
#include <vector>

#include "model/pages.hpp"

namespace deckhand::layout {

struct Band {  // header or footer
  std::string left, center, right;
  double size = 8;
  bool empty() const { return left.empty() && center.empty() && right.empty(); }
};

struct Role {
  double size = 10;
  bool bold = false;
};

// Print geometry (key `print`, or --print; docs/printing.md). Lengths in points. The
// defaults are what print shops ask for: 3 mm bleed, content 5 mm inside the trim, crop
// marks 6 mm long starting 3 mm from the trim (never inside the bleed), 0.25 pt.
struct PrintDef {
  bool on = false;
  double trim_w = 0, trim_h = 0;  // the finished size; 0: the paper
  double bleed = 3 * 72 / 25.4;
  double safe = 5 * 72 / 25.4;
  bool marks = true;              // marks: crop (true) or none
  double mark_length = 6 * 72 / 25.4, mark_offset = 3 * 72 / 25.4, mark_weight = 0.25;
  bool booklet = false;           // page count padded to a multiple of 4 (blanks before the last page)
};

// mode: leaflet (docs/layouts.md): a cover, the outline with some slide pictures, a back page
struct LeafletDef {
  std::vector<int> pictures;      // slide numbers (pages) shown as pictures; empty: auto
  bool pictures_auto = true;
  std::string contact;            // text of the back page; "": the last slide's
  double picture_share = 0.7;     // width of a picture, share of the text width
};

struct LayoutDef {
  std::string name, description, file;
  std::string path;  // the file read (built-in layouts too): an input a run must not overwrite
  double paper_w = 595.28, paper_h = 841.89;  // points, after orientation
  std::string paper_name = "A4";
  double m_top = 42.52, m_right = 42.52, m_bottom = 42.52, m_left = 42.52;
  Band header, footer;
  enum class Mode { grid, flow, leaflet, trifold, review } mode = Mode::grid;
  PrintDef print;
  LeafletDef leaflet;
  double safe_inset = 14.17;  // set by the engine: distance of cover text from a band's edge
  // grid
  int rows = 1, cols = 1;
  double row_gap = 14.17, col_gap = 14.17;  // 5mm
  bool order_down = false;
  // cell
  bool beside = true;
  double slide_share = 1.0;  // 0..1
  double cell_gap = 10;
  double border = 0.5;
  std::string label = "{slide}";
  int note_lines = 0;
  double note_spacing = 0;
  bool cell_text = false;
  // cell.notes.text: the slide's speaker notes (Slide::notes, a notes-page export) printed
  // in the notes area, ruled lines below them
  bool notes_text = false;
  // flow
  bool thumbs = false;
  double thumb_share = 0.4;
  double slide_gap = 11.34;  // 4mm
  // fonts and colours
  std::string font_regular = "DejaVuSans.ttf", font_bold = "DejaVuSans-Bold.ttf";
  // code listings (Block::code) in handouts' retypeset text: a monospaced face, tried
  // before the chain (characters it lacks fall back as any text's do)
  std::string font_mono = "DejaVuSansMono.ttf";
  // tried in order for characters the font lacks
  std::vector<std::string> fallback = {"NotoSansArabic-Regular.ttf", "DroidSansFallbackFull.ttf", "Symbola.ttf"};
  std::vector<std::string> fallback_bold = {"NotoSansArabic-Bold.ttf", "DroidSansFallbackFull.ttf", "Symbola.ttf"};
  std::map<std::string, int> font_lines;  // font file as written -> its line in the layout file
  // what a frame shows: the slide's picture, its text retypeset in the slide's shape, or
  // auto (text when the deck was translated: the pictures show the source language)
  enum class Content { picture, text, automatic } content = Content::automatic;
  // direction of the page: auto follows the deck (mirrored for Arabic and Hebrew)
  std::string direction = "auto";
  Role title{12, true}, body{9, false}, label_role{7.5, false}, section{16, true}, deck_title{20, true};
  double level_indent = 14;
  Color text{0, 0, 0}, rules{0.69, 0.69, 0.69}, border_color{0.5, 0.5, 0.5}, muted{0.38, 0.38, 0.38};
  Color accent{0.12, 0.31, 0.47};  // leaflet cover band
  // images and overflow: slides placed as vector pages (image.mode: vector, the default)
  // or as raster pictures of `dpi` (image.mode: raster)
  bool vector = true;
  double dpi = 150;
  int quality = 85;
  double min_size = 5;  // overflow.min_size: no retypeset text is smaller (points, as printed)
};

// Names of the built-in layouts (files in <data>/layouts).
std::vector<std::string> builtin_layouts(const std::string& data_dir);

// True when `name_or_file` names a file (has a '/' or ends in .yaml/.yml), not a built-in.
bool is_layout_file(const std::string& name_or_file);

// `name_or_file`: a built-in name ("notes-3") or a path to a YAML file.
// The largest layout file: 256 KiB (the built-in layouts are under 4 KB). Checked before the
// file is read and before YAML parses it: yaml-cpp takes some 300 bytes of memory for each
// byte of a layout (a 10 MB layout took 2.9 GB; issue 20). Exit 9; no option raises it.
constexpr std::uint64_t max_layout_bytes = 256 * 1024;
LayoutDef load_layout(const std::string& name_or_file, const std::string& data_dir);
LayoutDef parse_layout(const std::string& yaml_text, const std::string& file);

// Paper names and sizes in points (portrait).
bool paper_size(const std::string& name, double* w, double* h);

}  // namespace deckhand::layout

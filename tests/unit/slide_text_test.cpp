// The text layer of translated slides (layout/slide_text.hpp) on the sample deck with every
// unit pseudo-translated 80 % longer: each text stays on its slide and off the other
// blocks' boxes, none is smaller than the minimum size, and what does not fit is reported.
#include <gtest/gtest.h>

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <future>
#include <thread>
#include <filesystem>
#include <set>

#include "core/io.hpp"
#include "l10n/strings.hpp"
#include "layout/definition.hpp"
#include "layout/engine.hpp"
#include "layout/slide_text.hpp"
#include "model/deck.hpp"
#include "render/qpdf_util.hpp"
#include "render/slide_translate.hpp"
#include "render/text_layer.hpp"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

namespace fs = std::filesystem;
using namespace deckhand;

namespace {
const fs::path kRootDir = DECKHAND_SOURCE_DIR;

struct Layer {
  Deck deck;
  LaidOutDoc doc;
};

Layer make(double expand, double min_size) {
  Layer r;
  const Deck src = deck_from_text(read_file((kRootDir / "tests/golden/ietf-wsis20.deck.json").string()), "golden");
  r.deck = src;
  layout::SlideUnits units;
  for (auto& s : r.deck.slides) {
    if (!s.title.empty()) s.title = l10n::pseudo(s.title, expand), units.translated.insert(s.id + ".title");
    for (auto& b : s.blocks) b.text = l10n::pseudo(b.text, expand), units.translated.insert(b.id);
  }
  layout::LayoutDef def = layout::load_layout("notes-3", kRootDir.string());
  layout::FontSet fonts;
  layout::load_fonts(def, fonts);
  Diagnostics diag;
  layout::SlideTextOptions o;
  o.min_size = min_size;
  r.doc = layout::lay_out_slide_text(r.deck, units, fonts, o, diag);
  return r;
}
}  // namespace

TEST(SlideText, PseudoTranslationStaysOnItsSlideAndOffOtherBlocks) {
  Layer l = make(0.8, 8);
  ASSERT_EQ(l.doc.pages.size(), l.deck.slides.size());
  for (size_t i = 0; i < l.deck.slides.size(); ++i) {
    const Slide& s = l.deck.slides[i];
    const LaidOutPage& pg = l.doc.pages[i];
    EXPECT_DOUBLE_EQ(pg.width, s.size[0]);
    std::vector<std::pair<std::string, BBox>> boxes;
    if (!s.title.empty()) boxes.push_back({s.id + ".title", s.title_bbox});
    for (const auto& b : s.blocks) boxes.push_back({b.id, b.bbox});
    ASSERT_EQ(pg.frames.size(), boxes.size());  // one room a translated unit, in order
    for (size_t k = 0; k < pg.frames.size(); ++k) {
      const auto& [key, room] = pg.frames[k];
      EXPECT_EQ(key, boxes[k].first);
      EXPECT_GE(room[0], -0.01) << key;
      EXPECT_GE(room[1], -0.01) << key;
      EXPECT_LE(room[0] + room[2], pg.width + 0.01) << key;
      EXPECT_LE(room[1] + room[3], pg.height + 0.01) << key;
      for (const auto& [other, b] : boxes) {  // a room never crosses another block's box
        if (other == key) continue;
        double ox = std::min(room[0] + room[2], b[2]) - std::max(room[0], b[0]);
        double oy = std::min(room[1] + room[3], b[3]) - std::max(room[1], b[1]);
        EXPECT_FALSE(ox > 0.5 && oy > 0.5) << key << " crosses " << other << " on slide " << s.page;
      }
    }
    for (const auto& t : pg.texts) {  // every line inside the page and inside a room
      EXPECT_GE(t.x, -0.01);
      EXPECT_LE(t.x + t.width, pg.width + 0.01) << t.text;
      EXPECT_GE(t.y - t.ascent, -0.01);
      EXPECT_LE(t.y + t.descent, pg.height + 0.01) << t.text;
      EXPECT_GE(t.size, 8 - 1e-9) << t.text;
      bool inside = false;
      for (const auto& [key, room] : pg.frames)
        inside |= t.x >= room[0] - 0.01 && t.x + t.width <= room[0] + room[2] + 0.01 && t.y - t.ascent >= room[1] - 0.01 &&
                  t.y + t.descent <= room[1] + room[3] + 0.01;
      EXPECT_TRUE(inside) << t.text << " on slide " << s.page;
    }
  }
}

TEST(SlideText, WhatDoesNotFitAtTheMinimumSizeIsReported) {
  Layer small = make(0.8, 8), big = make(0.8, 18);
  EXPECT_GT(big.doc.overflows.size(), small.doc.overflows.size());
  ASSERT_FALSE(big.doc.overflows.empty());
  for (const auto& ov : big.doc.overflows) EXPECT_GT(ov.needed, 1.0) << ov.key;
  Layer same = make(0.0, 8);  // the source's own length: fits as it did
  EXPECT_TRUE(same.doc.overflows.empty());
}

// A left-to-right deck translated into Arabic (the merge makes every slide right to left):
// the source's level indent is mirrored, so the level-2 items of slide 6 all end at one
// right edge, the source's indent left of the level-1 items' edge, whatever the length of
// the English each source box held (it once came from the source boxes' right edges), and
// the level-1 edge is the body's right end on the source (issue 18: right to left mirrors
// the alignment, not the position; the sixteenth session mirrored the left margin).
TEST(SlideText, RightToLeftLevelIndentIsTheSourcesMirrored) {
  Deck deck = deck_from_text(read_file((kRootDir / "tests/golden/ietf-wsis20.deck.json").string()), "golden");
  deck.translated_from = "en";
  deck.direction = "rtl";
  layout::SlideUnits units;
  for (auto& s : deck.slides) {
    s.direction = "rtl";
    for (auto& b : s.blocks) b.text = "نص مترجم قصير", units.translated.insert(b.id);
  }
  const Slide& s6 = deck.slides.at(5);
  layout::LayoutDef def = layout::load_layout("notes-3", kRootDir.string());
  layout::FontSet fonts;
  layout::load_fonts(def, fonts);
  Diagnostics diag;
  LaidOutDoc doc = layout::lay_out_slide_text(deck, units, fonts, layout::SlideTextOptions{}, diag);
  const LaidOutPage& pg = doc.pages.at(5);
  ASSERT_EQ(pg.frames.size(), s6.blocks.size());
  double lo1 = 1e9, lo2 = 1e9, right1 = -1, right2 = -1;
  int level2 = 0;
  for (size_t k = 0; k < s6.blocks.size(); ++k) {
    const auto& room = pg.frames[k].second;
    double right = room[0] + room[2];
    if (s6.blocks[k].level == 1) right1 = std::max(right1, right), lo1 = std::min(lo1, s6.blocks[k].bbox[0]);
    if (s6.blocks[k].level == 2) {
      if (level2++) EXPECT_NEAR(right, right2, 0.01) << s6.blocks[k].id;
      right2 = right, lo2 = std::min(lo2, s6.blocks[k].bbox[0]);
    }
  }
  ASSERT_EQ(level2, 3);
  EXPECT_NEAR(right1 - right2, lo2 - lo1, 0.01);  // the source's indent, mirrored
  EXPECT_GT(right1 - right2, 10);
  // and the frame ends where the source's body ended: the alignment is mirrored, the
  // text set against the right end of the frame the bullets had
  double hi = -1;
  for (const auto& b : s6.blocks)
    if (b.level >= 1) hi = std::max(hi, b.bbox[2]);
  EXPECT_NEAR(right1, hi, 0.01);
}

// Issue 18: the page's ink (SlideUnits::ink) on a synthetic slide, 720 x 405 pt.
namespace {
struct OneSlide {
  Deck deck;
  layout::SlideUnits units;
  Slide& slide() { return deck.slides.front(); }
  Block& add(const std::string& id, const std::string& text, BBox box, double size = 20, int level = 0) {
    Block b;
    b.id = id, b.text = text, b.bbox = box, b.style.size = size, b.level = level;
    slide().blocks.push_back(b);
    units.translated.insert(id);
    return slide().blocks.back();
  }
  void ink(layout::Ink::Kind kind, BBox box) { units.ink["s1"].push_back({kind, box}); }
  void line(const std::string& id, double x0, double x1, double y) { units.lines[id].push_back({x0, x1, y}); }
  LaidOutDoc lay_out() {
    layout::LayoutDef def = layout::load_layout("notes-3", kRootDir.string());
    static layout::FontSet fonts;
    static bool loaded = false;
    if (!loaded) layout::load_fonts(def, fonts), loaded = true;
    Diagnostics diag;
    return layout::lay_out_slide_text(deck, units, fonts, layout::SlideTextOptions{}, diag);
  }
  OneSlide() {
    deck.source.page_size = {720, 405};
    Slide s;
    s.page = 1, s.id = "s1", s.size = {720, 405};
    deck.slides.push_back(s);
  }
};
const std::string kLong = "Une traduction bien plus longue que le texte source, qui demande plusieurs lignes pour tenir dans la place";
BBox room_of(const LaidOutDoc& d, const std::string& key) {
  for (const auto& [k, r] : d.pages.at(0).frames)
    if (k == key) return {r[0], r[1], r[0] + r[2], r[1] + r[3]};
  return {0, 0, 0, 0};
}
bool crosses(const BBox& a, const BBox& b) { return std::min(a[2], b[2]) - std::max(a[0], b[0]) > 0.5 && std::min(a[3], b[3]) - std::max(a[1], b[1]) > 0.5; }
}  // namespace

TEST(SlideText, APictureBesideOrBelowIsAnObstacle) {
  OneSlide t;
  t.add("s1.b1", kLong, {40, 100, 300, 124});
  t.line("s1.b1", 40, 300, 118);
  const BBox photo{420, 90, 680, 300}, rule{40, 200, 400, 202};
  t.ink(layout::Ink::picture, photo);
  t.ink(layout::Ink::stroke, rule);
  LaidOutDoc d = t.lay_out();
  BBox room = room_of(d, "s1.b1");
  EXPECT_FALSE(crosses(room, photo));
  EXPECT_FALSE(crosses(room, rule));
  EXPECT_LT(room[3], 200);
  EXPECT_GT(room[2], 300);  // it still grew right, up to the photo
  EXPECT_TRUE(d.collisions.empty());
  // without the ink the same text runs under where the photo was
  OneSlide bare;
  bare.add("s1.b1", kLong, {40, 100, 300, 124});
  EXPECT_TRUE(crosses(room_of(bare.lay_out(), "s1.b1"), photo));
}

TEST(SlideText, AMarkInsideTheBoxClearOfTheSourceLinesIsAnObstacle) {
  OneSlide t;  // a star where the second source line ended (Keynote's slide 9)
  t.add("s1.b1", kLong, {40, 100, 680, 160});
  t.line("s1.b1", 40, 680, 118), t.line("s1.b1", 40, 500, 142);
  const BBox star{520, 124, 560, 160};
  t.ink(layout::Ink::picture, star);
  const BBox highlight{40, 100, 200, 124};  // under the first line: its background
  t.ink(layout::Ink::fill, highlight);
  LaidOutDoc d = t.lay_out();
  for (const auto& r : d.pages[0].texts) EXPECT_FALSE(crosses({r.x, r.y - r.ascent, r.x + r.width, r.y + r.descent}, star)) << r.text;
  EXPECT_TRUE(d.collisions.empty());
}

TEST(SlideText, AShapeHoldingTheBoxBoundsItsRoomAndAMiddleAnchorStaysInTheMiddle) {
  OneSlide t;  // a label in the middle of a rounded box
  t.add("s1.b1", kLong, {220, 190, 500, 214});
  t.line("s1.b1", 300, 420, 208);
  const BBox shape{200, 150, 520, 254};
  t.ink(layout::Ink::fill, shape);
  LaidOutDoc d = t.lay_out();
  BBox room = room_of(d, "s1.b1");
  EXPECT_GE(room[0], shape[0] - 0.01);
  EXPECT_LE(room[2], shape[2] + 0.01);
  EXPECT_LE(room[3], shape[3] + 0.01);
  EXPECT_LT(room[1], 190);  // it may grow up as well as down
  double top = 1e9, bottom = -1e9, left = 1e9, right = -1e9;
  for (const auto& r : d.pages[0].texts)
    top = std::min(top, r.y - r.ascent), bottom = std::max(bottom, r.y + r.descent), left = std::min(left, r.x), right = std::max(right, r.x + r.width);
  EXPECT_NEAR((top + bottom) / 2, 202, 6);     // centred on the source's middle
  EXPECT_NEAR((left + right) / 2, 360, 6);     // a single line centred in its shape stays centred
}

TEST(SlideText, ALabelCentredUnderAnIconStaysCentredAndRightToLeftMirrorsAlignment) {
  OneSlide t;
  t.add("s1.b1", "Pourquoi TiDB", {100, 200, 180, 220}, 14);
  t.line("s1.b1", 100, 180, 215);
  t.ink(layout::Ink::picture, {115, 140, 165, 190});  // the icon above, centred on 140
  t.add("s1.b2", "Texte", {400, 200, 520, 220}, 14);  // a left-aligned line, nothing around it
  t.line("s1.b2", 400, 520, 215);
  LaidOutDoc d = t.lay_out();
  auto extent = [&](const LaidOutDoc& doc, double x0, double x1) {
    double l = 1e9, r = -1e9;
    for (const auto& run : doc.pages[0].texts)
      if (run.x >= x0 && run.x < x1) l = std::min(l, run.x), r = std::max(r, run.x + run.width);
    return std::pair<double, double>{l, r};
  };
  auto [l1, r1] = extent(d, 0, 300);
  EXPECT_NEAR((l1 + r1) / 2, 140, 1);
  auto [l2, r2] = extent(d, 300, 720);
  EXPECT_NEAR(l2, 400, 0.5);  // left to right: where the source started
  // in Arabic: the label stays centred; the left-aligned line is set against its box's right end
  t.deck.translated_from = "en";
  t.slide().blocks[0].text = "لماذا TiDB";
  t.slide().blocks[1].text = "نص";
  LaidOutDoc a = t.lay_out();
  auto [al, ar] = extent(a, 0, 300);
  EXPECT_NEAR((al + ar) / 2, 140, 1);
  auto [bl, br] = extent(a, 300, 720);
  EXPECT_NEAR(br, 520, 0.5);
}

TEST(SlideText, SourceAlignmentIsReadFromItsLines) {
  using layout::Align;
  using L = layout::SourceLine;
  EXPECT_EQ(layout::source_alignment({{100, 400, 20}, {100, 250, 44}}, 20), Align::left);
  EXPECT_EQ(layout::source_alignment({{100, 400, 20}, {250, 400, 44}, {200, 400, 68}}, 20), Align::right);
  EXPECT_EQ(layout::source_alignment({{100, 400, 20}, {250, 400, 44}}, 20), std::nullopt);  // two lines ending together: chance
  EXPECT_EQ(layout::source_alignment({{100, 400, 20}, {175, 325, 44}}, 20), Align::centre);
  EXPECT_EQ(layout::source_alignment({L{100, 400, 20}}, 20), std::nullopt);                      // one line
  EXPECT_EQ(layout::source_alignment({{100, 400, 20}, {100, 402, 44}}, 20), std::nullopt);       // one width
  EXPECT_EQ(layout::source_alignment({{100, 200, 20}, {210, 400, 21}, {100, 250, 44}}, 20), Align::left);  // pieces of one line
}

TEST(SlideText, TextThatCannotAvoidAMarkOrAnotherTranslationIsReported) {
  OneSlide t;  // one word with no break, wider than the room even at the minimum size, a picture beside it
  t.add("s1.b1", "Donaudampfschifffahrtsgesellschaftskapitaenswitwenversicherung", {40, 100, 140, 124}, 20);
  t.line("s1.b1", 40, 140, 118);
  t.ink(layout::Ink::picture, {150, 90, 400, 300});
  // two translated blocks whose source boxes overlap (a listing read as two blocks)
  t.add("s1.b2", "premier bloc de texte", {40, 320, 300, 344}, 20);
  t.add("s1.b3", "second bloc de texte", {60, 322, 320, 346}, 20);
  LaidOutDoc d = t.lay_out();
  std::set<std::string> seen;
  for (const auto& c : d.collisions) {
    seen.insert(c.key + ": " + c.what);
    EXPECT_GE(c.by, 1) << c.key;
  }
  EXPECT_TRUE(seen.count("s1.b1: a picture"));
  EXPECT_TRUE(seen.count("s1.b2: the translation of s1.b3"));
  EXPECT_TRUE(seen.count("s1.b3: the translation of s1.b2"));
  EXPECT_EQ(seen.size(), 3u);
}

// Object `n` of a hand-written PDF, and a stream object (its /Length counted), for the
// SlideRewriter tests below
namespace {
std::string obj(int n, const std::string& body) { return std::to_string(n) + " 0 obj\n" + body + "\nendobj\n"; }
std::string stream(int n, const std::string& dict, const std::string& data) {
  return obj(n, "<<" + dict + " /Length " + std::to_string(data.size()) + ">>\nstream\n" + data + "\nendstream");
}
}  // namespace

// What a Form XObject draws lies inside its /BBox (PDF 32000-1:2008, 8.10.1): a page-sized
// fill inside a form whose box is a bar is recorded as the bar (Beamer paints its title
// bar's shading so; taken for the whole slide, it became the slide's background colour
// and the bar no title's shape).
TEST(SlideRewriter, AFormsBBoxClipsTheInkItDraws) {
  std::string pdf = "%PDF-1.4\n";
  pdf += obj(1, "<</Type /Catalog /Pages 2 0 R>>");
  pdf += obj(2, "<</Type /Pages /Kids [3 0 R] /Count 1>>");
  pdf += obj(3, "<</Type /Page /Parent 2 0 R /MediaBox [0 0 400 300] /Resources <</XObject <</Fm 4 0 R>> /Font <</F1 6 0 R>>>> /Contents 5 0 R>>");
  pdf += stream(4, "/Type /XObject /Subtype /Form /BBox [0 250 400 280]", "0 0 0 rg 0 0 400 300 re f");
  pdf += stream(5, "", "/Fm Do BT /F1 12 Tf 20 100 Td (Hello) Tj ET");
  pdf += obj(6, "<</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>");
  pdf += "trailer\n<</Root 1 0 R /Size 7>>\n%%EOF\n";  // (no xref: qpdf rebuilds it)
  const fs::path file = fs::temp_directory_path() / ("deckhand-formbbox-" + std::to_string(::getpid()) + ".pdf");
  write_output(file.string(), pdf, {});
  render::SlideRewriter rw(file.string(), "");
  std::vector<layout::Ink> ink;
  auto removed = rw.remove_text(1, {{"s1.title", {10, 180, 120, 210}}}, &ink);
  fs::remove(file);
  ASSERT_EQ(removed.size(), 1u);
  EXPECT_GT(removed[0].glyphs, 0);
  bool bar = false;
  for (const auto& m : ink) {
    EXPECT_LE(m.box[3] - m.box[1], 31) << "a mark taller than the form's box: " << m.box[1] << " to " << m.box[3];
    if (m.kind == layout::Ink::fill && std::abs(m.box[1] - 20) < 0.5 && std::abs(m.box[3] - 50) < 0.5) bar = true;
  }
  EXPECT_TRUE(bar) << "the fill is recorded as the form's box, 20 to 50 pt from the top";
}

// The text's removal in two steps (render/slide_translate.cpp: a Scan of the page, then the
// regions set against it): a page read ahead by prescan gives what remove_text gives when it
// reads the page itself (removed glyphs, their lines and starts, colours, the ink kept, the
// written file byte for byte), also for a Form XObject that loses text (its copy is named
// after the page) and for ' and " (next line, then show). A rewriter destroyed while its
// read-ahead waits or runs stops it.
TEST(SlideRewriter, ReadAheadGivesWhatRemoveTextReadsItself) {
  std::string pdf = "%PDF-1.4\n";
  pdf += obj(1, "<</Type /Catalog /Pages 2 0 R>>");
  pdf += obj(2, "<</Type /Pages /Kids [3 0 R 7 0 R] /Count 2 /Resources <</XObject <</Fm 4 0 R>> /Font <</F1 6 0 R>>>> /MediaBox [0 0 400 300]>>");
  pdf += obj(3, "<</Type /Page /Parent 2 0 R /Contents 5 0 R>>");
  pdf += stream(4, "/Type /XObject /Subtype /Form /BBox [0 0 400 300]", "BT /F1 14 Tf 20 250 Td (In a form) Tj ET 0 0 1 RG 2 w 10 10 m 390 290 l S");
  pdf += stream(5, "", "q 1 0 0 rg 0 0 400 40 re f Q /Fm Do BT /F1 12 Tf 20 100 Td 16 TL (Hello world) Tj (Next line)' 1 0.5 (Spaced)\" ET");
  pdf += obj(6, "<</Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 126 /Widths [" + [] {
    std::string w;
    for (int c = 32; c <= 126; ++c) w += " 556";
    return w;
  }() + "]>>");
  pdf += stream(8, "", "BT /F1 12 Tf 20 100 Td [(Other) -250 (page)] TJ ET");
  pdf += obj(7, "<</Type /Page /Parent 2 0 R /Contents 8 0 R>>");
  pdf += "trailer\n<</Root 1 0 R /Size 9>>\n%%EOF\n";  // (no xref: qpdf rebuilds it)
  const fs::path dir = fs::temp_directory_path() / ("deckhand-readahead-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string file = (dir / "in.pdf").string();
  write_output(file, pdf, {});
  // regions (displayed points, top-left origin): the page's lines, the form's line
  const std::vector<std::vector<render::TextRegion>> regions{
      {{"s1.b1", {10, 180, 200, 240}}, {"s1.title", {10, 35, 200, 60}}},
      {{"s2.b1", {10, 180, 200, 210}}}};
  LaidOutDoc none;
  auto run = [&](bool ahead, const std::string& out) {
    render::SlideRewriter rw(file, "");
    if (ahead) {
      std::promise<void> open;
      open.set_value();
      rw.prescan({1, 2}, open.get_future().share());
      std::this_thread::sleep_for(std::chrono::milliseconds(200));  // (done or not, the results are the same)
    }
    std::vector<std::vector<render::RemovedText>> removed;
    std::vector<std::vector<layout::Ink>> inks(2);
    for (int p = 1; p <= 2; ++p) removed.push_back(rw.remove_text(p, regions[static_cast<size_t>(p - 1)], &inks[static_cast<size_t>(p - 1)]));
    rw.write({1, 2}, none, {-1, -1}, out);
    return std::pair{removed, inks};
  };
  const auto [r1, i1] = run(false, (dir / "a.pdf").string());
  const auto [r2, i2] = run(true, (dir / "b.pdf").string());
  ASSERT_EQ(r1.size(), r2.size());
  int glyphs = 0;
  for (size_t p = 0; p < r1.size(); ++p) {
    ASSERT_EQ(r1[p].size(), r2[p].size());
    for (size_t k = 0; k < r1[p].size(); ++k) {
      const auto &a = r1[p][k], &b = r2[p][k];
      EXPECT_EQ(a.key, b.key);
      EXPECT_EQ(a.glyphs, b.glyphs) << a.key;
      EXPECT_EQ(a.operators, b.operators) << a.key;
      EXPECT_EQ(a.starts, b.starts) << a.key;
      EXPECT_EQ(a.color, b.color) << a.key;
      ASSERT_EQ(a.lines.size(), b.lines.size()) << a.key;
      glyphs += a.glyphs;
    }
    ASSERT_EQ(i1[p].size(), i2[p].size()) << "page " << p + 1;
    for (size_t k = 0; k < i1[p].size(); ++k) {
      EXPECT_EQ(i1[p][k].kind, i2[p][k].kind);
      EXPECT_EQ(i1[p][k].box, i2[p][k].box);
    }
  }
  EXPECT_GT(r1[0][0].glyphs, 10) << "the page's lines (Tj, ' and \") lost their glyphs";
  EXPECT_GT(r1[0][1].glyphs, 5) << "the form's line lost its glyphs";
  EXPECT_GT(r1[1][0].glyphs, 5);
  EXPECT_GT(glyphs, 25);
  EXPECT_EQ(read_file((dir / "a.pdf").string()), read_file((dir / "b.pdf").string())) << "the same file, byte for byte";
  {  // a read-ahead that waits for a gate never opened, and one that runs: both stop
    std::promise<void> never;
    render::SlideRewriter waits(file, "");
    waits.prescan({1, 2}, never.get_future().share());
    render::SlideRewriter runs(file, "");
    runs.prescan({2, 1, 2, 99, -3}, std::shared_future<void>());
  }
  fs::remove_all(dir);
}

// The text layer built while qpdf writes the file (TextLayerWrap::while_written: qpdf's
// writer takes each page's content from a stream that waits for a worker) is the one built
// before, byte for byte; and its workers stop when it is dropped unwritten.
TEST(TextLayer, BuiltWhileWrittenIsTheSameFile) {
  const Layer l = make(0.4, 8);
  ASSERT_FALSE(l.doc.pages.empty());
  ASSERT_TRUE(render::has_text(l.doc));
  const fs::path dir = fs::temp_directory_path() / ("deckhand-layer-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto write = [&](int mode, const std::string& out) {  // 0: built first; 1: while written; 2: dropped unwritten
    QPDF q;
    q.emptyPDF();
    QPDFPageDocumentHelper dh(q);
    std::vector<QPDFPageObjectHelper> pages;
    for (const auto& p : l.doc.pages) {
      QPDFObjectHandle d = QPDFObjectHandle::newDictionary();
      d.replaceKey("/Type", QPDFObjectHandle::newName("/Page"));
      d.replaceKey("/MediaBox", QPDFObjectHandle::newArray(QPDFObjectHandle::Rectangle(0, 0, p.width, p.height)));
      d.replaceKey("/Resources", QPDFObjectHandle::newDictionary());
      QPDFPageObjectHelper page(q.makeIndirectObject(d));
      dh.addPage(page, false);
      pages.push_back(page);
    }
    render::TextLayerWrap wrap;
    wrap.while_written = mode > 0;
    auto build = render::add_text_layer(q, pages, l.doc, 2, wrap);
    EXPECT_EQ(build != nullptr, mode > 0);
    if (mode == 2) {
      build.reset();  // (its workers stop; not written)
      return;
    }
    render::pdfq::write_deterministic(q, out);
    if (build) EXPECT_EQ(build->failure(), nullptr);
  };
  write(0, (dir / "first.pdf").string());
  write(1, (dir / "while.pdf").string());
  write(2, "");
  const std::string a = read_file((dir / "first.pdf").string()), b = read_file((dir / "while.pdf").string());
  EXPECT_GT(a.size(), 10000u);
  EXPECT_EQ(a, b) << "the same file, byte for byte";
  fs::remove_all(dir);
}

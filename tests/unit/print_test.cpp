// Issue 12, print geometry and imposition on the models (no PDF read back here; the
// end-to-end checks are in tests/e2e/print.sh): layout keys, margins raised to the safe
// margin, backgrounds extended into the bleed, leaflet page counts, saddle-stitch order.
#include <gtest/gtest.h>

#include "deckhand/data_dir.hpp"
#include "layout/engine.hpp"
#include "render/print.hpp"

using namespace deckhand;
using namespace deckhand::layout;

namespace {
const std::string kData = deckhand::kSourceDataDir;
const double kMm = 72 / 25.4;

Deck deck(int n, const std::string& lang = "en") {
  Deck d;
  d.title = "Print test deck";
  d.lang = lang;
  d.source.page_size = {720, 405};
  for (int i = 1; i <= n; ++i) {
    Slide s;
    s.page = i;
    s.id = "s" + std::to_string(i);
    s.size = {720, 405};
    s.kind = i == 1 ? SlideKind::title : SlideKind::content;
    s.title = "Slide " + std::to_string(i);
    for (int b = 0; b < (i % 3 == 0 ? 1 : 4); ++b) {
      Block bl;
      bl.id = s.id + ".b" + std::to_string(b);
      bl.level = 1;
      bl.text = i % 3 == 0 ? "A diagram" : "A bullet with enough words to wrap onto a second line in a column, number " + std::to_string(b);
      s.blocks.push_back(bl);
    }
    d.slides.push_back(s);
  }
  return d;
}

LaidOutDoc run(LayoutDef def, const Deck& d, HandoutOptions o = {}) {
  FontSet fonts;
  load_fonts(def, fonts);
  Diagnostics diag;
  return lay_out(d, def, fonts, o, diag);
}
}  // namespace

TEST(PrintKeys, ParsedWithTheirDefaults) {
  LayoutDef d = parse_layout("print: {enabled: true}\n", "x.yaml");
  EXPECT_TRUE(d.print.on);
  EXPECT_NEAR(d.print.bleed, 3 * kMm, 1e-9);
  EXPECT_NEAR(d.print.safe, 5 * kMm, 1e-9);
  EXPECT_TRUE(d.print.marks);
  EXPECT_NEAR(d.print.mark_length, 6 * kMm, 1e-9);
  LayoutDef e = parse_layout("paper: A4\nprint: {trim: A5, bleed: 0.125in, marks: {type: none, weight: 0.5pt}, booklet: true}\n", "x.yaml");
  EXPECT_FALSE(e.print.on);  // settings only: --print turns it on
  EXPECT_NEAR(e.paper_w, 419.53, 0.01);  // the trim is the page laid out
  EXPECT_NEAR(e.print.bleed, 9, 1e-9);
  EXPECT_FALSE(e.print.marks);
  EXPECT_NEAR(e.print.mark_weight, 0.5, 1e-9);
  EXPECT_TRUE(e.print.booklet);
}

TEST(PrintKeys, MistakesNameTheKey) {
  for (const char* bad : {"print: {marks: dots}\n", "print: {bleed: 3}\nprint: {bleed: 4}\n", "print: {trim: B7}\n",
                          "print: {bleeds: 3mm}\n", "leaflet: {pictures: some}\n", "mode: fold\n"}) {
    try {
      parse_layout(bad, "x.yaml");
      ADD_FAILURE() << bad;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), Exit::layout) << bad;
      EXPECT_NE(e.line().find("x.yaml:"), std::string::npos) << e.line();
    }
  }
}

TEST(PrintGeometry, MarginsAtLeastTheSafeMarginAndFillsIntoTheBleed) {
  LayoutDef def = load_layout("leaflet-a5", kData);
  def.m_top = def.m_left = def.m_right = def.m_bottom = 2 * kMm;  // less than the 5 mm safe margin
  def.print.on = true;
  LaidOutDoc doc = run(def, deck(9));
  ASSERT_TRUE(doc.print.on);
  EXPECT_NEAR(doc.print.bleed, 3 * kMm, 1e-9);
  for (const auto& p : doc.pages)
    for (const auto& t : p.texts) {
      EXPECT_GE(t.x, 5 * kMm - 0.01) << t.text;
      EXPECT_LE(t.x + t.width, p.width - 5 * kMm + 0.01) << t.text;
      EXPECT_GE(t.y - t.ascent, 5 * kMm - 1) << t.text;
      EXPECT_LE(t.y + t.descent, p.height - 5 * kMm + 1) << t.text;
    }
  // the cover band reaches the top, left and right trim edges: it continues 3 mm beyond them
  ASSERT_FALSE(doc.pages[0].fills.empty());
  const Fill& band = doc.pages[0].fills[0];
  EXPECT_NEAR(band.x, -3 * kMm, 1e-6);
  EXPECT_NEAR(band.y, -3 * kMm, 1e-6);
  EXPECT_NEAR(band.x + band.w, doc.pages[0].width + 3 * kMm, 1e-6);
  EXPECT_LT(band.y + band.h, doc.pages[0].height / 2);  // but not its bottom, which is inside the page
  // without --print the same band stops at the trim
  def.print.on = false;
  LaidOutDoc plain = run(def, deck(9));
  EXPECT_NEAR(plain.pages[0].fills[0].x, 0, 1e-9);
  EXPECT_NEAR(plain.pages[0].fills[0].y, 0, 1e-9);
}

TEST(Leaflet, CoverInsideBackAndAMultipleOfFour) {
  LayoutDef def = load_layout("leaflet-a5", kData);
  for (int n : {1, 2, 5, 9, 30}) {
    HandoutOptions o;
    o.event = "IGF 2026";
    o.contact = "Contact\nsomeone@example.org";
    LaidOutDoc doc = run(def, deck(n), o);
    EXPECT_EQ(doc.pages.size() % 4, 0u) << n;
    // the cover has the title and the event, the back page the contact text
    std::string cover, back;
    for (const auto& t : doc.pages.front().texts) cover += t.text + " ";
    for (const auto& t : doc.pages.back().texts) back += t.text + " ";
    EXPECT_NE(cover.find("Print"), std::string::npos) << cover;
    EXPECT_NE(cover.find("IGF"), std::string::npos) << cover;
    EXPECT_NE(back.find("someone@example.org"), std::string::npos) << back;
  }
  // auto pictures: the slides with few words (every third slide here) on the inside pages
  LaidOutDoc doc = run(def, deck(9));
  std::vector<int> shown;
  for (size_t i = 1; i + 1 < doc.pages.size(); ++i)
    for (const auto& im : doc.pages[i].images) shown.push_back(im.page);
  EXPECT_EQ(shown, (std::vector<int>{3, 6, 9}));
  // without contact text the back page shows no slide: the last slide is inside (issue 19)
  std::string back, inside;
  for (const auto& t : doc.pages.back().texts) back += t.text + " ";
  for (size_t i = 1; i + 1 < doc.pages.size(); ++i)
    for (const auto& t : doc.pages[i].texts) inside += t.text + " ";
  EXPECT_EQ(back.find("Slide 9"), std::string::npos) << back;
  EXPECT_NE(inside.find("Slide 9"), std::string::npos) << inside;
}

TEST(Leaflet, TrifoldPanelsKeepClearOfTheFolds) {
  LayoutDef def = load_layout("leaflet-trifold", kData);
  LaidOutDoc doc = run(def, deck(6));
  ASSERT_EQ(doc.pages.size(), 2u);
  const double W = doc.pages[0].width;
  EXPECT_NEAR(W, 841.89, 0.01);
  const double fold_in = 97 * kMm + (W - 297 * kMm) / 3;  // 97 mm on A4
  std::vector<std::vector<double>> folds = {{fold_in, W - (W - fold_in) / 2}, {(W - fold_in) / 2, W - fold_in}};
  for (int p = 0; p < 2; ++p)
    for (const auto& t : doc.pages[static_cast<size_t>(p)].texts)
      for (double f : folds[static_cast<size_t>(p)]) EXPECT_FALSE(t.x < f + 5 * kMm && t.x + t.width > f - 5 * kMm) << t.text << " fold " << f / kMm;
}

TEST(Imposition, SaddleStitchOrder) {
  using render::booklet_order;
  auto pairs = [](const std::vector<render::SheetSide>& v) {
    std::vector<std::pair<int, int>> out;
    for (const auto& s : v) out.push_back({s.left, s.right});
    return out;
  };
  EXPECT_EQ(pairs(booklet_order(4, 0, false)), (std::vector<std::pair<int, int>>{{4, 1}, {2, 3}}));
  EXPECT_EQ(pairs(booklet_order(8, 0, false)), (std::vector<std::pair<int, int>>{{8, 1}, {2, 7}, {6, 3}, {4, 5}}));
  EXPECT_EQ(pairs(booklet_order(8, 0, true)), (std::vector<std::pair<int, int>>{{1, 8}, {7, 2}, {3, 6}, {5, 4}}));
  // 5 pages: three blanks before the back cover (page 5), never at the front
  EXPECT_EQ(pairs(booklet_order(5, 0, false)), (std::vector<std::pair<int, int>>{{5, 1}, {2, 0}, {0, 3}, {4, 0}}));
  // signatures of 1 sheet: each sheet is folded on its own, pages 1-4, 5-8
  EXPECT_EQ(pairs(booklet_order(8, 1, false)), (std::vector<std::pair<int, int>>{{4, 1}, {2, 3}, {8, 5}, {6, 7}}));
  auto v = booklet_order(40, 3, false);
  ASSERT_EQ(v.size(), 20u);
  EXPECT_EQ(v[6].sheets, 3);   // sheets 0-2, 3-5, 6-8: three sheets
  EXPECT_EQ(v[18].sheets, 1);  // the last signature: one sheet
  EXPECT_EQ(v[4].sheet, 2);    // the third sheet of the first signature is its innermost
}

// ---- numbers in content streams (render/pdf_number.hpp) --------------------------------

#include <charconv>
#include <random>

#include "render/pdf_number.hpp"

namespace {
// what pdf_number must write: printf's "%.*f" digits (to_chars), trailing zeros and point
// dropped, "-0" as "0", tiny and non-finite values as 0
std::string reference_number(double v, int decimals) {
  if (!std::isfinite(v) || std::abs(v) < 5e-6) v = 0;
  char b[400];
  auto r = std::to_chars(b, b + sizeof b, v, std::chars_format::fixed, decimals);
  std::string s(b, r.ptr);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s == "-0" ? "0" : s;
}
}  // namespace

TEST(PdfNumber, WritesPrintfsDigitsForEveryKindOfValue) {
  using deckhand::render::pdf_number;
  EXPECT_EQ(pdf_number(0), "0");
  EXPECT_EQ(pdf_number(-0.0), "0");
  EXPECT_EQ(pdf_number(1e-7), "0");
  EXPECT_EQ(pdf_number(-0.004, 2), "0");
  EXPECT_EQ(pdf_number(0.5, 2), "0.5");
  EXPECT_EQ(pdf_number(12.5, 4), "12.5");
  EXPECT_EQ(pdf_number(-3.25), "-3.25");
  EXPECT_EQ(pdf_number(100), "100");
  EXPECT_EQ(pdf_number(0.07, 4), "0.07");
  EXPECT_EQ(pdf_number(0.125, 2), reference_number(0.125, 2));  // an exact tie: to_chars decides
  EXPECT_EQ(pdf_number(std::nan("")), "0");
  EXPECT_EQ(pdf_number(1e300), reference_number(1e300, 5));
  // random values of every magnitude a page uses and beyond, and values near ties
  std::mt19937_64 rng(20261207);
  std::uniform_real_distribution<double> unit(-1, 1);
  std::uniform_int_distribution<int> exp10(-8, 14), dec(0, 9);
  for (int i = 0; i < 300000; ++i) {
    double v = unit(rng) * std::pow(10.0, exp10(rng));
    if (i % 7 == 0) v = std::round(v * 1000) / 1000 + 0.0005;  // near a tie at 3 decimals
    if (i % 11 == 0) v = std::round(v * 100) / 100;           // few decimals of its own
    const int d = i % 3 == 0 ? dec(rng) : (i % 3 == 1 ? 2 : 5);
    ASSERT_EQ(pdf_number(v, d), reference_number(v, d)) << "v=" << v << " decimals=" << d;
  }
}

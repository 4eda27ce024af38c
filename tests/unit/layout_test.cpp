// Layout engine tests on the laid-out page model (no PDF written): every built-in layout
// keeps everything on the printable area, frames apart, pictures in proportion, notes
// lines as configured; layout files with mistakes are refused with file:line and key.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/direction.hpp"
#include "core/io.hpp"
#include "deckhand/data_dir.hpp"
#include "layout/bullets.hpp"
#include "layout/setter.hpp"
#include "layout/engine.hpp"

using namespace deckhand;
using namespace deckhand::layout;

namespace {
const std::string kData = deckhand::kSourceDataDir;

Deck sample_deck(int n = 7, double w = 720, double h = 405) {
  Deck d;
  d.title = "The IETF and WSIS+20";
  d.lang = "en";
  d.source.page_size = {w, h};
  for (int i = 1; i <= n; ++i) {
    Slide s;
    s.page = i;
    s.id = "s" + std::to_string(i);
    s.size = {w, h};
    s.kind = i == 1 ? SlideKind::title : i == 4 ? SlideKind::section : SlideKind::content;
    s.title = "Slide title number " + std::to_string(i);
    if (s.kind == SlideKind::content)
      for (int b = 1; b <= 4; ++b) {
        Block bl;
        bl.id = s.id + ".b" + std::to_string(b);
        bl.level = b == 4 ? 2 : 1;
        bl.text = "A bullet with enough words to wrap onto a second line in a narrow column, number " + std::to_string(b);
        s.blocks.push_back(bl);
      }
    d.slides.push_back(s);
  }
  return d;
}

LaidOutDoc run(const std::string& layout, const Deck& d, Diagnostics* diag = nullptr) {
  LayoutDef def = load_layout(layout, kData);
  FontSet fonts;
  load_fonts(def, fonts);
  Diagnostics local;
  return lay_out(d, def, fonts, {}, diag ? *diag : local);
}

bool overlap(const std::array<double, 4>& a, const std::array<double, 4>& b) {
  return a[0] < b[0] + b[2] - 0.01 && b[0] < a[0] + a[2] - 0.01 && a[1] < b[1] + b[3] - 0.01 && b[1] < a[1] + a[3] - 0.01;
}

class BuiltIn : public ::testing::TestWithParam<std::string> {};
}  // namespace

TEST_P(BuiltIn, EverythingOnThePrintableArea) {
  LayoutDef def = load_layout(GetParam(), kData);
  for (auto [w, h] : {std::pair{720.0, 405.0}, {1024.0, 768.0}, {612.0, 792.0}}) {
    LaidOutDoc doc = run(GetParam(), sample_deck(7, w, h));
    ASSERT_FALSE(doc.pages.empty());
    const double x0 = def.m_left - 0.01, y0 = def.m_top - 0.01;
    const double x1 = def.paper_w - def.m_right + 0.01, y1 = def.paper_h - def.m_bottom + 0.01;
    for (const auto& p : doc.pages) {
      EXPECT_DOUBLE_EQ(p.width, def.paper_w);
      EXPECT_DOUBLE_EQ(p.height, def.paper_h);
      for (const auto& im : p.images) {
        EXPECT_GE(im.x, x0); EXPECT_GE(im.y, y0);
        EXPECT_LE(im.x + im.w, x1); EXPECT_LE(im.y + im.h, y1);
      }
      for (const auto& r : p.rules) {
        EXPECT_GE(std::min(r.x0, r.x1), x0); EXPECT_LE(std::max(r.x0, r.x1), x1);
        EXPECT_GE(std::min(r.y0, r.y1), y0); EXPECT_LE(std::max(r.y0, r.y1), y1);
      }
      for (const auto& t : p.texts) {
        EXPECT_GE(t.x, x0) << t.text;
        EXPECT_LE(t.x + t.width, x1) << t.text;
        EXPECT_GE(t.y - t.ascent, y0 - 1) << t.text;
        EXPECT_LE(t.y + t.descent, y1 + 1) << t.text;
      }
    }
  }
}

TEST_P(BuiltIn, FramesDoNotOverlapAndPicturesKeepTheSlideShape) {
  for (auto [w, h] : {std::pair{720.0, 405.0}, {1024.0, 768.0}, {612.0, 792.0}}) {
    LaidOutDoc doc = run(GetParam(), sample_deck(7, w, h));
    for (const auto& p : doc.pages) {
      for (size_t i = 0; i < p.frames.size(); ++i)
        for (size_t k = i + 1; k < p.frames.size(); ++k)
          EXPECT_FALSE(overlap(p.frames[i].second, p.frames[k].second)) << p.frames[i].first << " " << p.frames[k].first;
      for (const auto& im : p.images) {
        EXPECT_NEAR(im.w / im.h, w / h, 0.005 * w / h);
        EXPECT_NEAR(double(im.px_w) / im.px_h, w / h, 0.02 * w / h);
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Layouts, BuiltIn, ::testing::ValuesIn(builtin_layouts(kData)), [](const auto& info) {
  std::string n = info.param;
  for (auto& c : n) if (c == '-') c = '_';
  return n;
});

TEST(Grid, Notes3PutsThreeSlidesAPageWithNineLinesEach) {
  LaidOutDoc doc = run("notes-3", sample_deck(7));
  ASSERT_EQ(doc.pages.size(), 3u);
  EXPECT_EQ(doc.pages[0].images.size(), 3u);
  EXPECT_EQ(doc.pages[2].images.size(), 1u);
  EXPECT_EQ(doc.pages[0].rules.size(), 27u);
  EXPECT_EQ(doc.pages[2].rules.size(), 9u);
  // notes beside the pictures: every rule starts right of its picture
  for (const auto& r : doc.pages[0].rules) EXPECT_GT(r.x0, doc.pages[0].images[0].x + doc.pages[0].images[0].w);
}

TEST(Grid, PageCountsFollowTheGrid) {
  EXPECT_EQ(run("grid-2", sample_deck(7)).pages.size(), 4u);
  EXPECT_EQ(run("grid-4", sample_deck(7)).pages.size(), 2u);
  EXPECT_EQ(run("grid-6", sample_deck(7)).pages.size(), 2u);
  EXPECT_EQ(run("grid-9", sample_deck(7)).pages.size(), 1u);
  EXPECT_EQ(run("slides-1", sample_deck(7)).pages.size(), 7u);
}

TEST(Grid, OverlayStepsAreSkippedUnlessAsked) {
  Deck d = sample_deck(4);
  d.slides[1].overlay_of = "s3";
  EXPECT_EQ(run("grid-9", d).pages[0].images.size(), 3u);
  LayoutDef def = load_layout("grid-9", kData);
  FontSet fonts;
  load_fonts(def, fonts);
  Diagnostics diag;
  HandoutOptions o;
  o.skip_overlays = false;
  EXPECT_EQ(lay_out(d, def, fonts, o, diag).pages[0].images.size(), 4u);
}

TEST(Grid, SpacingGivesAsManyLinesAsFit) {
  std::string yaml = "mode: grid\npaper: A4\nmargins: 20mm\ngrid: {rows: 1, columns: 1}\n"
                     "cell: {arrange: below, slide: 50%, gap: 0pt, label: \"\", notes: {spacing: 10mm}}\n";
  LayoutDef def = parse_layout(yaml, "t.yaml");
  def.font_regular = kData + "/fonts/DejaVuSans.ttf";
  def.font_bold = kData + "/fonts/DejaVuSans-Bold.ttf";
  FontSet fonts;
  load_fonts(def, fonts);
  Diagnostics diag;
  LaidOutDoc doc = lay_out(sample_deck(1), def, fonts, {}, diag);
  double notes_h = (def.paper_h - 2 * def.m_top) * 0.5;
  EXPECT_EQ(doc.pages[0].rules.size(), static_cast<size_t>(notes_h / (10 * 72 / 25.4)));
}

TEST(Flow, OutlineHasEveryTitleAndBlockInOrderAndSectionsAsParents) {
  Deck d = sample_deck(7);
  LaidOutDoc doc = run("outline", d);
  std::string all;
  for (const auto& p : doc.pages)
    for (const auto& t : p.texts) all += t.text + " ";
  size_t pos = 0;
  for (const auto& s : d.slides) {
    size_t at = all.find(s.title, pos);
    ASSERT_NE(at, std::string::npos) << s.title;
    pos = at;
  }
  ASSERT_EQ(doc.bookmarks.size(), 7u);
  EXPECT_EQ(doc.bookmarks[3].level, 0);  // the section
  EXPECT_EQ(doc.bookmarks[4].level, 1);  // under it
  EXPECT_EQ(doc.bookmarks[1].level, 0);  // before any section
}

TEST(Flow, LongDecksContinueOnNextPages) {
  LaidOutDoc doc = run("outline", sample_deck(60));
  EXPECT_GT(doc.pages.size(), 5u);
}

TEST(Overflow, TextThatDoesNotFitShrinksThenIsCutWithAWarning) {
  std::string yaml = "mode: grid\ngrid: {rows: 4, columns: 1}\ncell: {slide: 30%, text: true}\noverflow: {min_size: 7}\n";
  LayoutDef def = parse_layout(yaml, "t.yaml");
  def.font_regular = kData + "/fonts/DejaVuSans.ttf";
  def.font_bold = kData + "/fonts/DejaVuSans-Bold.ttf";
  FontSet fonts;
  load_fonts(def, fonts);
  Deck d = sample_deck(3);
  for (int i = 0; i < 40; ++i) d.slides[1].blocks.push_back(d.slides[1].blocks[0]);
  Diagnostics diag;
  LaidOutDoc doc = lay_out(d, def, fonts, {}, diag);
  ASSERT_EQ(diag.count(), 1u);
  EXPECT_EQ(diag.warnings()[0].code, warn::text_overflow);
  EXPECT_EQ(diag.warnings()[0].page, 2);
  double min_size = 1e9;
  for (const auto& t : doc.pages[0].texts) min_size = std::min(min_size, t.size);
  EXPECT_NEAR(min_size, 7, 0.01);
}

// ---- layout files with mistakes
namespace {
std::string error_of(const std::string& yaml) {
  try {
    parse_layout(yaml, "my-layout.yaml");
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), Exit::layout);
    return e.line();
  }
  return "(no error)";
}
}  // namespace

TEST(LayoutFile, UnknownKeyNamesFileLineKeyAndAllowed) {
  std::string e = error_of("mode: grid\ngrid:\n  rows: 3\n  colums: 2\n");
  EXPECT_NE(e.find("my-layout.yaml:4: key 'grid.colums': unknown key (allowed here: column_gap, columns, gap, order, row_gap, rows)"),
            std::string::npos) << e;
}

TEST(LayoutFile, BadValuesSayWhatIsAllowed) {
  EXPECT_NE(error_of("grid: {rows: three}\n").find("my-layout.yaml:1: key 'grid.rows': must be a number, not 'three'"), std::string::npos);
  EXPECT_NE(error_of("grid: {rows: 0}\n").find("must be from 1 to 12"), std::string::npos);
  EXPECT_NE(error_of("paper: B7\n").find("unknown paper 'B7' (allowed: A3, A4, A5, Letter, Legal"), std::string::npos);
  EXPECT_NE(error_of("margins: 15 furlongs\n").find("must be a length like 15mm"), std::string::npos);
  EXPECT_NE(error_of("colors: {text: red}\n").find("must be a colour like \"#336699\""), std::string::npos);
  EXPECT_NE(error_of("orientation: sideways\n").find("must be portrait or landscape"), std::string::npos);
  EXPECT_NE(error_of("header: {left: \"{speaker}\"}\n").find("unknown field {speaker}"), std::string::npos);
  EXPECT_NE(error_of("mode: grid\ncell: {notes: {lines: 3, spacing: 5mm}}\n").find("give lines or spacing, not both"), std::string::npos);
  EXPECT_NE(error_of("grid: [1, 2\n").find("my-layout.yaml:"), std::string::npos);
}

TEST(LayoutFile, OddNodesAreLayoutErrorsNotCrashes) {
  EXPECT_NE(error_of("? [a, b]\n: 1\n").find("my-layout.yaml:"), std::string::npos);
  EXPECT_NE(error_of("grid: {rows: [1, 2]}\n").find("key 'grid.rows': must be a number"), std::string::npos);
  EXPECT_NE(error_of("- just\n- a list\n").find("a layout must be a mapping"), std::string::npos);
}

TEST(LayoutFile, CustomPaperAndUnits) {
  LayoutDef d = parse_layout("paper: [200mm, 10in]\norientation: landscape\nmargins: {top: 1cm, left: 36pt}\n", "x.yaml");
  EXPECT_NEAR(d.paper_w, 720, 0.01);
  EXPECT_NEAR(d.paper_h, 200 * 72 / 25.4, 0.01);
  EXPECT_NEAR(d.m_top, 72 / 2.54, 0.01);
  EXPECT_NEAR(d.m_left, 36, 0.01);
}

TEST(LayoutFile, BuiltInNamesAndUnknownNames) {
  auto names = builtin_layouts(kData);
  for (const char* n : {"notes-3", "grid-2", "grid-4", "grid-6", "grid-9", "slides-1", "outline", "outline-thumbs"})
    EXPECT_NE(std::find(names.begin(), names.end(), n), names.end()) << n;
  try {
    load_layout("notes-4", kData);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(e.line().find("notes-4: no such layout (built-in layouts: booklet-a5, grid-2"), std::string::npos) << e.line();
  }
}

// ---- font fallback: no character is dropped silently
TEST(Fonts, EachCharacterIsDrawnWithTheFirstFontOfTheChainThatHasIt) {
  // a CJK-only font first (Droid Sans Fallback has no Latin letters), DejaVu after it
  FontSet fonts;
  fonts.add("cjk", kData + "/fonts/DroidSansFallbackFull.ttf");
  fonts.add("latin", kData + "/fonts/DejaVuSans.ttf");
  fonts.set_chain(false, {"cjk", "latin"});
  fonts.set_chain(true, {"cjk", "latin"});
  EXPECT_FALSE(fonts.get("cjk").has_glyph(U'H'));
  EXPECT_EQ(fonts.font_for(U'H', false), "latin");
  EXPECT_EQ(fonts.font_for(U'你', false), "cjk");
  EXPECT_TRUE(fonts.covers(U'H', false));
  EXPECT_FALSE(fonts.covers(0x13000, false));  // an Egyptian hieroglyph: nobody has it
}

TEST(Fonts, HandoutTextIsSplitIntoRunsByFontAndMissingCharactersAreReported) {
  Deck d = sample_deck(2);
  d.slides[1].title = "Hello 你好 مرحبا \xF0\x93\x80\x80";
  Diagnostics diag;
  LaidOutDoc doc = run("outline", d, &diag);
  std::map<std::string, std::string> by_font;
  for (const auto& p : doc.pages)
    for (const auto& t : p.texts) by_font[t.font] += t.text;
  EXPECT_NE(by_font["bold"].find("Hello"), std::string::npos);
  bool cjk = false, arabic = false;
  for (const auto& [id, text] : by_font) {
    if (text.find("你好") != std::string::npos) cjk = doc.fonts[id].find("DroidSansFallback") != std::string::npos;
    if (text.find("مرحبا") != std::string::npos) arabic = doc.fonts[id].find("NotoSansArabic") != std::string::npos;
  }
  EXPECT_TRUE(cjk);
  EXPECT_TRUE(arabic);
  bool warned = false;
  for (const auto& w : diag.warnings())
    if (w.code == warn::missing_glyph && w.message.find("U+13000") != std::string::npos) warned = true;
  EXPECT_TRUE(warned);
}

TEST(Rtl, ArabicDeckMirrorsFramesNotesAndAlignment) {
  Deck d = sample_deck(3);
  d.direction = "rtl";
  for (auto& s : d.slides) s.title = "عنوان الشريحة";
  LaidOutDoc doc = run("notes-3", d);
  const auto& p = doc.pages[0];
  // the picture on the right, the notes lines on the left
  EXPECT_GT(p.images[0].x + p.images[0].w / 2, p.width / 2);
  for (const auto& r : p.rules) EXPECT_LT(r.x1, p.images[0].x);
}

// ---- line breaking: UAX #14
#include "core/unicode.hpp"
#include "layout/text.hpp"

TEST(Wrap, FrenchNoBreakSpaceKeepsThePunctuationWithItsWord) {
  FontMetrics f(kData + "/fonts/DejaVuSans.ttf");
  std::string s = "Pourquoi s’engager dans le SMSI+20\u202F? Principe directeur\u00A0: parler de l’IETF";
  for (double w = 40; w < 400; w += 7) {
    for (const auto& l : wrap(s, f, 10, w, "fr")) {
      EXPECT_NE(l.text.rfind("?", 0), 0u) << "line starts with '?' at width " << w;
      EXPECT_NE(l.text.rfind(":", 0), 0u) << "line starts with ':' at width " << w;
    }
  }
}

TEST(Wrap, ChineseNeverStartsALineWithClosingPunctuationAndAddsNoSpaces) {
  FontMetrics f(kData + "/fonts/DroidSansFallbackFull.ttf");
  std::string s = "IETF 是制定技术标准的首要场所，这些标准服务于运行良好、安全、可信且不碎片化的互联网基础设施。";
  for (double w = 30; w < 300; w += 5) {
    std::string joined;
    for (const auto& l : wrap(s, f, 10, w, "zh")) {
      for (const char* p : {"，", "。", "、", "」"}) EXPECT_NE(l.text.rfind(p, 0), 0u) << l.text << " at width " << w;
      joined += l.text;
    }
    auto no_space = [](std::string x) { x.erase(std::remove(x.begin(), x.end(), ' '), x.end()); return x; };
    EXPECT_EQ(no_space(joined), no_space(s)) << "no characters lost or added";
  }
}

// Issue 9, point 3 (pictures as data): each frame says what it shows; vector by default,
// raster with its pixel size when the layout says image.mode: raster.
TEST(Issue9, FramesSayVectorPageOrRasterPictureAndTheirCrop) {
  Deck d = sample_deck(3);
  LaidOutDoc v = run("grid-6", d);
  ASSERT_EQ(v.pages[0].images.size(), 3u);
  for (const auto& im : v.pages[0].images) {
    EXPECT_EQ(im.mode, PictureMode::vector);
    double sw = d.slides[0].size[0] > 0 ? d.slides[0].size[0] : d.source.page_size[0];
    double sh = d.slides[0].size[1] > 0 ? d.slides[0].size[1] : d.source.page_size[1];
    EXPECT_EQ(im.crop, (std::array<double, 4>{0, 0, sw, sh}));  // the whole page, in its units
  }
  std::string yaml = "mode: grid\npaper: A4\nmargins: 20mm\ngrid: {rows: 3, columns: 2}\nimage: {mode: raster, dpi: 300}\n";
  LayoutDef def = parse_layout(yaml, "t.yaml");
  def.font_regular = kData + "/fonts/DejaVuSans.ttf";
  def.font_bold = kData + "/fonts/DejaVuSans-Bold.ttf";
  FontSet fonts;
  load_fonts(def, fonts);
  Diagnostics diag;
  LaidOutDoc r = lay_out(d, def, fonts, {}, diag);
  ASSERT_FALSE(r.pages[0].images.empty());
  const ImageBox& im = r.pages[0].images[0];
  EXPECT_EQ(im.mode, PictureMode::raster);
  EXPECT_EQ(im.px_w, static_cast<int>(std::lround(im.w / 72.0 * 300)));
  EXPECT_EQ(to_json(r)["pages"][0]["images"][0]["mode"], "raster");
  EXPECT_EQ(to_json(v)["pages"][0]["images"][0]["mode"], "vector");
  EXPECT_NE(error_of("image: {mode: bitmap}\n").find("key 'image.mode': must be vector"), std::string::npos);
}

// ---- the text setter (layout/setter.hpp): bidi with ICU, shaping with HarfBuzz, on the
// bundled fonts of the outline layout

struct SetterFixture {
  LayoutDef def = load_layout("outline", kData);
  FontSet fonts;
  SetterFixture() { load_fonts(def, fonts); }
  std::vector<TextRun> line(const std::string& text, bool rtl, double size = 20) {
    TextSetter ts(fonts);
    return ts.line(text, {size, false, {}}, rtl, rtl ? "ar" : "", 0, 100);
  }
};

TEST(Setter, ArabicLineRunsAreInVisualOrderWithLatinRunsIntact) {
  SetterFixture f;
  auto runs = f.line("لماذا نشارك في WSIS+20؟", true);
  ASSERT_GE(runs.size(), 3u);
  // drawn left to right: the question mark first, "WSIS+20" left to right, "لماذا" last
  EXPECT_NE(runs.front().text.find("؟"), std::string::npos);
  EXPECT_TRUE(std::any_of(runs.begin(), runs.end(), [](const TextRun& r) { return r.text == "WSIS+20" && !r.rtl; }));
  EXPECT_EQ(runs.back().text.rfind("لماذا", 0), 0u) << runs.back().text;
  EXPECT_TRUE(runs.back().rtl);
  double x = 0;
  for (const auto& r : runs) {
    EXPECT_NEAR(r.x, x, 1e-9);  // runs abut, left to right
    x += r.width;
    for (const auto& g : r.glyphs) EXPECT_NE(g.id, 0u) << "a .notdef glyph in " << r.text;
  }
}

TEST(Setter, ArabicMarksArePlacedByTheFontAndBelongToTheirLetter) {
  SetterFixture f;
  auto runs = f.line("بَ", true);
  ASSERT_EQ(runs.size(), 1u);
  const auto& g = runs[0].glyphs;
  ASSERT_EQ(g.size(), 2u);
  // one cluster: the first glyph drawn carries the cluster's text, the other none
  EXPECT_EQ(g[0].text, "بَ");
  EXPECT_EQ(g[1].text, "");
  // the fatha: no advance, moved by GPOS (mark-to-base) off the pen position
  const Glyph& mark = g[0].advance == 0 ? g[0] : g[1];
  EXPECT_EQ(mark.advance, 0);
  EXPECT_TRUE(mark.dx != 0 || mark.dy != 0);
}

TEST(Setter, LamAlefIsOneGlyphStandingForBothLetters) {
  SetterFixture f;
  auto runs = f.line("لا", true);
  ASSERT_EQ(runs.size(), 1u);
  ASSERT_EQ(runs[0].glyphs.size(), 1u);
  EXPECT_EQ(runs[0].glyphs[0].text, "لا");
}

TEST(Setter, LeftToRightTextIsOneRunWithKerning) {
  SetterFixture f;
  auto runs = f.line("AVAV Wave", false);
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].text, "AVAV Wave");
  EXPECT_FALSE(runs[0].rtl);
  ASSERT_EQ(runs[0].glyphs.size(), 9u);
  // GPOS kerning: "AV" is set tighter than the sum of the letters' advances
  const FontMetrics& m = f.fonts.get("regular");
  double nominal = 0;
  for (char32_t c : unicode::decode("AVAV Wave")) nominal += m.advance(c, 20);
  EXPECT_LT(runs[0].width, nominal - 0.5);
}

TEST(Setter, ABoldWordInsideALineStaysBoldAndAColouredOneKeepsItsColour) {
  SetterFixture f;
  TextSetter ts(f.fonts);
  const Color red{0.8, 0, 0};
  std::vector<StyledRange> ranges(2);
  ranges[0].begin = 5, ranges[0].end = 9, ranges[0].style.bold = true;          // "open"
  ranges[1].begin = 13, ranges[1].end = 16, ranges[1].style.color = red;        // "all"
  ranges[1].style.italic = true;
  Paragraph p = ts.paragraph("IETF open to all people", {12, false, {}}, false, "en", ranges);
  auto runs = p.set(0, p.text().size(), 0, 0);
  std::map<std::string, const TextRun*> by_text;
  for (const auto& r : runs) by_text[r.text] = &r;
  ASSERT_TRUE(by_text.count("open")) << runs.size() << " runs";
  EXPECT_EQ(by_text["open"]->font, "bold");
  ASSERT_TRUE(by_text.count("all"));
  EXPECT_EQ(by_text["all"]->color, red);
  EXPECT_TRUE(by_text["all"]->oblique);  // no italic face in the chain: slanted
  EXPECT_EQ(by_text["all"]->font, "regular");
  for (const auto& r : runs)
    if (r.text != "open" && r.text != "all") {
      EXPECT_EQ(r.font, "regular") << r.text;
      EXPECT_FALSE(r.oblique) << r.text;
    }
}

TEST(Setter, WrappedLinesRejoinToTheParagraphAndFit) {
  SetterFixture f;
  TextSetter ts(f.fonts);
  Paragraph p = ts.paragraph("يُشَجَّعُ المشاركون في IETF أيضًا على الحديث عن IETF في المشاورات الوطنية والإقليمية",
                             {12, false, {}}, true, "ar");
  auto lines = p.wrap(150, "ar");
  ASSERT_GE(lines.size(), 2u);
  for (const auto& l : lines)
    EXPECT_LE(p.line_width(l.begin, l.end), 150 + 1e-6) << unicode::encode(p.text().substr(l.begin, l.end - l.begin));
  EXPECT_EQ(lines.front().begin, 0u);
  EXPECT_EQ(lines.back().end, p.text().size());
}

// Issue 7, rule 6: a table's cells (Block::table) print row by row, one row a line.
TEST(Flow, TableCellsPrintOneRowALine) {
  Deck d = sample_deck(2);
  Slide& s = d.slides[1];
  s.blocks.clear();
  const char* cells[2][3] = {{"Venue", "Seats", "Cost"}, {"City centre", "600", "12 000"}};
  for (int r = 0; r < 2; ++r)
    for (int c = 0; c < 3; ++c) {
      Block b;
      b.id = s.id + ".b" + std::to_string(r * 3 + c + 1);
      b.text = cells[r][c];
      b.table = TableCell{s.id + ".t1", r, c};
      s.blocks.push_back(b);
    }
  LaidOutDoc doc = run("outline", d);
  std::vector<std::string> lines;
  for (const auto& p : doc.pages)
    for (const auto& t : p.texts) lines.push_back(t.text);
  auto has = [&](const std::string& x) { return std::find(lines.begin(), lines.end(), x) != lines.end(); };
  EXPECT_TRUE(has("Venue \u00B7 Seats \u00B7 Cost"));
  EXPECT_TRUE(has("City centre \u00B7 600 \u00B7 12 000"));
  EXPECT_FALSE(has("Seats"));
}

// Issue 17: a symbol font's private-use bullet (Wingdings U+F0A7) is a bullet, not a number
// to print as found (no font has it: it printed as a box); translated slides keep a bullet
// glyph as found and map the private-use one to its Unicode equivalent.
TEST(Markers, PrivateUseBulletsAreBulletsAndSlidesKeepTheSourceGlyph) {
  EXPECT_EQ(marker_for("\uF0A7", 1), "•");
  EXPECT_EQ(marker_for("\uF0A7", 2), "–");
  EXPECT_EQ(marker_for("1.", 1), "1.");
  EXPECT_EQ(unicode_marker("\uF0A7", "Calibri"), "▪");
  EXPECT_EQ(unicode_marker("·", ""), "·");
}

// A line ending with the text's own hyphen ("по-" of "по-прежнему") keeps it in the text
// layer: its cluster text is "-" + U+200B, so pdftotext does not take it for a typeset
// hyphen and drop it; a hyphen the setter adds (a hyphenated word) stays a plain U+002D.
TEST(Setter, OwnHyphenAtALineEndIsFollowedByAZeroWidthSpace) {
  SetterFixture f;
  TextSetter ts(f.fonts);
  Paragraph p = ts.paragraph("по-прежнему", {20, false, {}}, false, "ru");
  auto own = p.set(0, 3, 0, 0);  // "по-" ends the line
  ASSERT_FALSE(own.empty());
  EXPECT_EQ(own.back().text, "по-\u200B");
  EXPECT_EQ(own.back().glyphs.back().text, "-\u200B");
  auto whole = p.set(0, p.text().size(), 0, 0);  // the hyphen inside the line: plain
  for (const auto& r : whole) EXPECT_EQ(r.text.find("\u200B"), std::string::npos) << r.text;
  auto added = p.set(0, 2, 0, 0, true);  // "по" + a hyphen the setter adds
  ASSERT_FALSE(added.empty());
  EXPECT_EQ(added.back().text, "по-");
  EXPECT_EQ(added.back().glyphs.back().text, "-");
  auto number = ts.paragraph("2020-2025", {20, false, {}}, false, "en").set(0, 5, 0, 0);  // after a digit too
  EXPECT_EQ(number.back().text, "2020-\u200B");
}

// A soft hyphen is never drawn (nor in the text layer): a line that ends after it gets a
// plain hyphen (readers join it again), a line that holds it has nothing there.
TEST(Setter, ASoftHyphenIsNotDrawn) {
  SetterFixture f;
  TextSetter ts(f.fonts);
  Paragraph p = ts.paragraph("откры\u00ADто", {20, false, {}}, false, "ru");
  std::string whole, first;
  for (const auto& r : p.set(0, p.text().size(), 0, 0)) whole += r.text;
  EXPECT_EQ(whole, "открыто");
  auto lines = p.wrap(p.width(0, 6) + 0.5 * 20, "ru");  // room for "откры-" (a hyphen is under half an em), not "открыто"
  ASSERT_GE(lines.size(), 2u);
  EXPECT_TRUE(lines[0].hyphen);
  for (const auto& r : p.set(lines[0], 0, 0)) first += r.text;
  EXPECT_EQ(first, "откры-");
}

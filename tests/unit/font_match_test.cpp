// Source fonts and their substitutes (layout/font_match.hpp): PDF font names read into
// family, weight and slant; metric-compatible free families found with fontconfig (a test
// is skipped only when the Debian package that holds the substitute is not installed);
// glyph coverage; symbol-font bullets read as Unicode (layout/bullets.hpp).
#include <gtest/gtest.h>

#include <filesystem>
#include <thread>
#include <vector>

#include "layout/bullets.hpp"
#include "layout/font_match.hpp"

using namespace deckhand::layout;

namespace {

struct NameCase {
  const char* name;
  const char* family;
  int weight;
  bool italic;
  int width = 100;
  bool symbol = false;
};

// Names as pdffonts lists them in real decks (PowerPoint, Keynote, Google Slides,
// LibreOffice, pdfTeX/LuaTeX, Ghostscript), and a few more of each kind.
const NameCase kNames[] = {
    {"Calibri", "Calibri", 400, false},
    {"ABCDEE+Calibri", "Calibri", 400, false},
    {"BCDEEE+Calibri-Light", "Calibri", 300, false},
    {"ABCDEE+Calibri Light", "Calibri", 300, false},
    {"LZIGAO+CalibriLight", "Calibri", 300, false},
    {"WQDACH+Calibri,Bold", "Calibri", 700, false},
    {"ABCDEE+Calibri,Italic", "Calibri", 400, true},
    {"GMRRVF+Calibri-BoldItalic", "Calibri", 700, true},
    {"ArialMT", "Arial", 400, false},
    {"Arial-BoldMT", "Arial", 700, false},
    {"MUFUZY+Arial-BoldItalicMT", "Arial", 700, true},
    {"Arial,Italic", "Arial", 400, true},
    {"PRHSLT+ArialNarrow", "ArialNarrow", 400, false, 75},
    {"HYRLVR+Helvetica-Light", "Helvetica", 300, false},
    {"QIQXNV+Helvetica-LightOblique", "Helvetica", 300, true},
    {"NJELUJ+Helvetica-BoldOblique", "Helvetica", 700, true},
    {"XEBIDQ+HelveticaNeue", "HelveticaNeue", 400, false},
    {"AEASBB+HelveticaNeue-Medium", "HelveticaNeue", 500, false},
    {"HelveticaNeue-UltraLight", "HelveticaNeue", 200, false},
    {"HelveticaNeueLTStd-Lt", "HelveticaNeueLTStd", 300, false},
    {"MUFUZY+TimesNewRomanPSMT", "TimesNewRoman", 400, false},
    {"MUFUZY+TimesNewRomanPS-ItalicMT", "TimesNewRoman", 400, true},
    {"TimesNewRomanPS-BoldItalicMT", "TimesNewRoman", 700, true},
    {"BCDHEE+CourierNewPSMT", "CourierNew", 400, false},
    {"BCDLEE+CourierNewPS-BoldMT", "CourierNew", 700, false},
    {"ABCDEE+Courier New", "Courier New", 400, false},
    {"Cambria", "Cambria", 400, false},
    {"Cambria-BoldItalic", "Cambria", 700, true},
    {"CenturyGothic", "CenturyGothic", 400, false},
    {"CenturyGothic-Bold", "CenturyGothic", 700, false},
    {"Segoe UI Semibold", "Segoe UI", 600, false},
    {"Arial Black", "Arial Black", 400, false},
    {"MUFUZY+MS-PGothic", "MS-PGothic", 400, false},
    {"UFOXAZ+PingFangSC-Semibold", "PingFangSC", 600, false},
    {"HiraKakuProN-W6", "HiraKakuProN", 600, false},
    {"ORSGAP+NimbusSanL-Bold", "NimbusSanL", 700, false},
    {"ZKOERP+NimbusSanL-ReguItal", "NimbusSanL", 400, true},
    {"PODYDK+NimbusMonL-ReguObli", "NimbusMonL", 400, true},
    {"CenturySchL-Ital", "CenturySchL", 400, true},
    {"URWBookmanL-Ligh", "URWBookmanL", 300, false},
    {"Courier10PitchBT-Roman", "Courier10Pitch", 400, false},
    {"SourceSansPro-Semibold", "SourceSansPro", 600, false},
    {"BAAAAA+DejaVuLGCSans", "DejaVuLGCSans", 400, false},
    {"DejaVuSans-BoldOblique", "DejaVuSans", 700, true},
    {"KAAAAA+Menlo-Regular", "Menlo", 400, false},
    {"CAAAAA+KaTeX_Main-Regular", "KaTeX_Main", 400, false},
    {"CIDFont+F3", "CIDFont+F3", 400, false},
    {"ZQYOLH+PingFangSC-", "PingFangSC", 400, false},
    // TeX
    {"WBLOVY+LMRoman10-Regular", "Latin Modern Roman", 400, false},
    {"LMRoman10-Bold", "Latin Modern Roman", 700, false},
    {"LMRoman12-BoldItalic", "Latin Modern Roman", 700, true},
    {"LMSans10-Regular", "Latin Modern Sans", 400, false},
    {"LMSans10-Oblique", "Latin Modern Sans", 400, true},
    {"LMMono10-Regular", "Latin Modern Mono", 400, false},
    {"LMRomanDemi10-Regular", "Latin Modern Roman", 600, false},
    {"LMSansDemiCond10-Regular", "Latin Modern Sans", 600, false, 75},
    {"QDHEUF+CMR10", "Computer Modern Roman", 400, false},
    {"CMBX12", "Computer Modern Roman", 700, false},
    {"CMTI10", "Computer Modern Roman", 400, true},
    {"CMSS10", "Computer Modern Sans", 400, false},
    {"CMSSBX10", "Computer Modern Sans", 700, false},
    {"CMTT10", "Computer Modern Typewriter", 400, false},
    {"SFRM1000", "Computer Modern Roman", 400, false},
    {"SFBX1200", "Computer Modern Roman", 700, false},
    // symbol, dingbat and math fonts
    {"KPSHBO+Wingdings", "Wingdings", 400, false, 100, true},
    {"BCDIEE+Wingdings-Regular", "Wingdings", 400, false, 100, true},
    {"SymbolMT", "Symbol", 400, false, 100, true},
    {"CAAAAA+OpenSymbol", "OpenSymbol", 400, false, 100, true},
    {"WFRFAK+ZapfDingbatsITC", "ZapfDingbatsITC", 400, false, 100, true},
    {"AQKOUH+CMSY8", "CMSY8", 400, false, 100, true},
    {"BFLQCD+MSAM10", "MSAM10", 400, false, 100, true},
    {"BCDFEE+CambriaMath", "CambriaMath", 400, false, 100, true},
};

TEST(FontName, ParsesRealNames) {
  for (const auto& c : kNames) {
    SCOPED_TRACE(c.name);
    FontName n = parse_font_name(c.name);
    EXPECT_EQ(n.family, c.family);
    EXPECT_EQ(n.weight, c.weight);
    EXPECT_EQ(n.italic, c.italic);
    EXPECT_EQ(n.width, c.width);
    EXPECT_EQ(n.symbol, c.symbol);
  }
}

TEST(FontName, KeyIgnoresCaseSpacesAndHyphens) {
  EXPECT_EQ(parse_font_name("Courier New").key, "couriernew");
  EXPECT_EQ(parse_font_name("CourierNewPSMT").key, "couriernew");
  EXPECT_EQ(parse_font_name("Times New Roman,Bold").key, "timesnewroman");
  EXPECT_EQ(parse_font_name("KaTeX_Main-Regular").key, "katexmain");
  EXPECT_EQ(parse_font_name("").family, "");
}

// The substitute's package is not installed here: the test cannot run.
#define SKIP_UNLESS_INSTALLED(family) \
  if (!family_installed(family)) GTEST_SKIP() << family << " is not installed"

struct MatchCase {
  const char* name;
  bool bold, italic;
  const char* family;
  bool bold_face, italic_face;
  bool metric;
};

void expect_match(const MatchCase& c) {
  SCOPED_TRACE(c.name);
  FontMatch m = match_font({c.name, c.bold, c.italic});
  ASSERT_TRUE(m.found()) << m.why;
  EXPECT_TRUE(std::filesystem::exists(m.path)) << m.path;
  // (a machine with Microsoft's fonts installed has the source font itself)
  if (m.why.find("the font itself") != std::string::npos) return;
  EXPECT_EQ(m.family, c.family) << m.why;
  EXPECT_EQ(m.bold, c.bold_face) << m.why;
  EXPECT_EQ(m.italic, c.italic_face) << m.why;
  EXPECT_FALSE(m.synthetic_bold) << m.why;
  EXPECT_EQ(m.metric_compatible, c.metric) << m.why;
  EXPECT_EQ(m.format, "TrueType") << m.why;
  EXPECT_NE(m.why.find(std::string("→ ") + c.family), std::string::npos) << m.why;
}

TEST(FontMatch, CalibriToCarlito) {
  SKIP_UNLESS_INSTALLED("Carlito");
  for (const MatchCase& c : {MatchCase{"Calibri", false, false, "Carlito", false, false, true},
                             MatchCase{"ABCDEE+Calibri", false, false, "Carlito", false, false, true},
                             MatchCase{"Calibri-Bold", false, false, "Carlito", true, false, true},
                             MatchCase{"Calibri", true, false, "Carlito", true, false, true},
                             MatchCase{"Calibri,Bold", false, false, "Carlito", true, false, true},
                             MatchCase{"Calibri-Italic", false, false, "Carlito", false, true, true},
                             MatchCase{"Calibri-BoldItalic", false, false, "Carlito", true, true, true},
                             MatchCase{"Calibri", true, true, "Carlito", true, true, true},
                             // Carlito has no Light face: Regular, about 1% wider than Calibri Light
                             MatchCase{"Calibri-Light", false, false, "Carlito", false, false, false},
                             MatchCase{"ABCDEE+Calibri Light", false, false, "Carlito", false, false, false},
                             MatchCase{"LZIGAO+CalibriLight", false, false, "Carlito", false, false, false}})
    expect_match(c);
  FontMatch light = match_font({"Calibri-Light"});
  EXPECT_EQ(light.weight, 400);
  EXPECT_NE(light.why.find("no Light face"), std::string::npos) << light.why;
  EXPECT_EQ(match_font({"Calibri"}).why, "Calibri → Carlito Regular (metric-compatible with Calibri)");
  // bold Calibri Light (PowerPoint's bold button on a Light title): Carlito Bold
  FontMatch bold_light = match_font({"Calibri-Light", true, false});
  EXPECT_TRUE(bold_light.bold) << bold_light.why;
}

TEST(FontMatch, ArialAndHelveticaToLiberationSans) {
  SKIP_UNLESS_INSTALLED("Liberation Sans");
  for (const MatchCase& c : {MatchCase{"Arial", false, false, "Liberation Sans", false, false, true},
                             MatchCase{"ArialMT", false, false, "Liberation Sans", false, false, true},
                             MatchCase{"Arial-BoldMT", false, false, "Liberation Sans", true, false, true},
                             MatchCase{"MUFUZY+Arial-BoldItalicMT", false, false, "Liberation Sans", true, true, true},
                             MatchCase{"Arial,Italic", false, false, "Liberation Sans", false, true, true},
                             MatchCase{"Helvetica", false, false, "Liberation Sans", false, false, true},
                             MatchCase{"Helvetica-Bold", false, false, "Liberation Sans", true, false, true},
                             MatchCase{"NJELUJ+Helvetica-BoldOblique", false, false, "Liberation Sans", true, true, true},
                             // no Light face: Regular, not metric-compatible with the Light
                             MatchCase{"Helvetica-Light", false, false, "Liberation Sans", false, false, false},
                             MatchCase{"QIQXNV+Helvetica-LightOblique", false, false, "Liberation Sans", false, true, false},
                             // Helvetica Neue: similar, its own widths
                             MatchCase{"HelveticaNeue", false, false, "Liberation Sans", false, false, false},
                             MatchCase{"NimbusSanL-Regu", false, false, "Liberation Sans", false, false, true}})
    expect_match(c);
}

TEST(FontMatch, TimesAndCourierToLiberation) {
  SKIP_UNLESS_INSTALLED("Liberation Serif");
  SKIP_UNLESS_INSTALLED("Liberation Mono");
  for (const MatchCase& c : {MatchCase{"TimesNewRomanPSMT", false, false, "Liberation Serif", false, false, true},
                             MatchCase{"TimesNewRomanPS-BoldMT", false, false, "Liberation Serif", true, false, true},
                             MatchCase{"MUFUZY+TimesNewRomanPS-ItalicMT", false, false, "Liberation Serif", false, true, true},
                             MatchCase{"Times-Roman", false, false, "Liberation Serif", false, false, true},
                             MatchCase{"CourierNewPSMT", false, false, "Liberation Mono", false, false, true},
                             MatchCase{"BCDLEE+CourierNewPS-BoldMT", false, false, "Liberation Mono", true, false, true},
                             MatchCase{"ABCDEE+Courier New", false, false, "Liberation Mono", false, false, true},
                             MatchCase{"Courier", false, false, "Liberation Mono", false, false, true}})
    expect_match(c);
}

TEST(FontMatch, CambriaToCaladea) {
  SKIP_UNLESS_INSTALLED("Caladea");
  expect_match({"Cambria", false, false, "Caladea", false, false, true});
  expect_match({"Cambria-Bold", false, false, "Caladea", true, false, true});
  expect_match({"Cambria,BoldItalic", false, false, "Caladea", true, true, true});
}

TEST(FontMatch, SameDesignsInstalled) {
  SKIP_UNLESS_INSTALLED("DejaVu Sans");
  SKIP_UNLESS_INSTALLED("DejaVu Sans Mono");
  expect_match({"BAAAAA+DejaVuLGCSans", false, false, "DejaVu Sans", false, false, true});
  expect_match({"DejaVuLGCSansMono", false, false, "DejaVu Sans Mono", false, false, true});
  expect_match({"KAAAAA+Menlo-Regular", false, false, "DejaVu Sans Mono", false, false, true});
  FontMatch itself = match_font({"DejaVuSans-Bold"});
  ASSERT_TRUE(itself.found()) << itself.why;
  EXPECT_EQ(itself.family, "DejaVu Sans");
  EXPECT_TRUE(itself.bold);
  EXPECT_NE(itself.why.find("the font itself"), std::string::npos) << itself.why;
  // DejaVu Sans lists its Condensed faces under both names: the normal width is chosen
  EXPECT_EQ(itself.path.find("Condensed"), std::string::npos) << itself.path;
}

TEST(FontMatch, TexGyreIsCffAndSaysSo) {
  SKIP_UNLESS_INSTALLED("TeX Gyre Adventor");
  FontMatch m = match_font({"CenturyGothic-Bold"});
  ASSERT_TRUE(m.found()) << m.why;
  EXPECT_EQ(m.family, "TeX Gyre Adventor");
  EXPECT_EQ(m.format, "CFF");  // fonts-texgyre has OpenType CFF files only
  EXPECT_TRUE(m.bold) << m.why;
  EXPECT_FALSE(m.metric_compatible) << m.why;  // Century Gothic is not Avant Garde
  EXPECT_NE(m.why.find("not metric-compatible"), std::string::npos) << m.why;
  if (!m.truetype()) {
    EXPECT_NE(m.why.find(m.format + " outlines"), std::string::npos) << m.why;
  }
}

TEST(FontMatch, NoMatchIsEmptyNeverFontconfigsDefault) {
  for (const char* name : {"Frobnicator-Bold", "CIDFont+F3", "BCDJEE+Impact", "UECDBW+LucidaGrande", "Consolas",
                           "font000000002524fb16", "Arial Black", ""}) {
    SCOPED_TRACE(name);
    FontMatch m = match_font({name});
    EXPECT_FALSE(m.found()) << m.why;
    EXPECT_TRUE(m.path.empty());
    EXPECT_TRUE(m.family.empty());
    EXPECT_NE(m.why.find("none"), std::string::npos) << m.why;
  }
  // symbol fonts have no substitute: their bullets are mapped to Unicode instead
  for (const char* name : {"Wingdings", "SymbolMT", "CAAAAA+OpenSymbol", "CMSY10", "ZapfDingbatsITC"}) {
    FontMatch m = match_font({name});
    EXPECT_FALSE(m.found()) << m.why;
    EXPECT_NE(m.why.find("symbol font"), std::string::npos) << m.why;
  }
}

TEST(FontMatch, CachedAndThreadSafe) {
  std::vector<std::string> names = {"Calibri", "Arial-BoldMT", "Helvetica-Light", "Frobnicator", "CMBX12", "Cambria-Italic"};
  std::vector<FontMatch> first;
  for (const auto& n : names) first.push_back(match_font({n}));
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int k = 0; k < 50; ++k)
        for (size_t i = 0; i < names.size(); ++i) {
          FontMatch m = match_font({names[i]});
          if (m.path != first[i].path || m.why != first[i].why) ++mismatches[t];
        }
    });
  for (auto& th : threads) th.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(mismatches[t], 0);
}

TEST(FontMatch, CoversByScript) {
  SKIP_UNLESS_INSTALLED("Carlito");
  FontMatch m = match_font({"Calibri"});
  ASSERT_TRUE(m.found()) << m.why;
  EXPECT_TRUE(covers(m, U"Hello, world!\n"));
  EXPECT_TRUE(covers(m, U"Привет, мир"));
  EXPECT_TRUE(covers(m, U"Γειά σου κόσμε"));
  EXPECT_TRUE(covers(m, U"\u00A0soft\u00ADhyphen\u200B"));
  EXPECT_FALSE(covers(m, U"مرحبا"));
  EXPECT_FALSE(covers(m, U"你好"));
  EXPECT_FALSE(covers(m, U"abc 中"));
  EXPECT_TRUE(covers(m, U""));
  EXPECT_FALSE(covers(FontMatch{}, U"a"));
  FontMatch broken = m;
  broken.path = "/nonexistent/font.ttf";
  EXPECT_FALSE(covers(broken, U"a"));
}

// ---------------------------------------------------------------------------------------

TEST(UnicodeBullet, WingdingsAndSymbolPrivateUse) {
  EXPECT_EQ(unicode_bullet(0xF0A7, "Wingdings"), U'▪');   // "§": PowerPoint's square bullet
  EXPECT_EQ(unicode_bullet(0xF076, "Wingdings"), U'❖');   // "v"
  EXPECT_EQ(unicode_bullet(0xF0D8, "Wingdings"), U'➢');   // "Ø"
  EXPECT_EQ(unicode_bullet(0xF0FC, "Wingdings"), U'✓');   // "ü"
  EXPECT_EQ(unicode_bullet(0xF06E, "Wingdings"), U'■');   // "n"
  EXPECT_EQ(unicode_bullet(0xF06C, "Wingdings"), U'●');   // "l"
  EXPECT_EQ(unicode_bullet(0xF0A8, "Wingdings"), U'◻');   // a white square, not a diamond
  EXPECT_EQ(unicode_bullet(0xF0E8, "Wingdings"), U'➔');
  EXPECT_EQ(unicode_bullet(0xF04A, "Wingdings"), U'☺');
  EXPECT_EQ(unicode_bullet(0xF0A7, "BCDIEE+Wingdings-Regular"), U'▪');
  EXPECT_EQ(unicode_bullet(0xF0B7, "SymbolMT"), U'•');
  EXPECT_EQ(unicode_bullet(0xF0B7, "Symbol"), U'•');
  EXPECT_EQ(unicode_bullet(0xF0A7, "SymbolMT"), U'♣');    // the same code in Symbol
  EXPECT_EQ(unicode_bullet(0xF0DE, "Symbol"), U'⇒');
  EXPECT_EQ(unicode_bullet(0xF0E0, "Symbol"), U'◊');
  // the deck model does not keep the marker's font: PowerPoint's bullets still read right
  EXPECT_EQ(unicode_bullet(0xF0A7, ""), U'▪');
  EXPECT_EQ(unicode_bullet(0xF0B7, ""), U'•');
  EXPECT_EQ(unicode_bullet(0xF0D8, "Calibri"), U'➢');
  EXPECT_EQ(unicode_bullet(0xF0FC, ""), U'✓');
}

TEST(UnicodeBullet, SymbolFontCodesWithoutOffset) {
  // Wingdings as a simple font without ToUnicode: the byte itself
  EXPECT_EQ(unicode_bullet(0xA7, "GCKSVI+Wingdings"), U'▪');
  EXPECT_EQ(unicode_bullet(U'v', "Wingdings"), U'❖');
  EXPECT_EQ(unicode_bullet(U'Ø', "Wingdings"), U'➢');
  EXPECT_EQ(unicode_bullet(U'ü', "Wingdings"), U'✓');
  EXPECT_EQ(unicode_bullet(0x0178, "Wingdings"), U'•');  // 0x9F read through WinAnsiEncoding as Ÿ
  EXPECT_EQ(unicode_bullet(0x2022, "Wingdings"), U'•');  // a ToUnicode that gave the bullet
  EXPECT_EQ(unicode_bullet(0xB7, "SymbolMT"), U'•');
  EXPECT_EQ(unicode_bullet(U'-', "Symbol"), U'−');
  EXPECT_EQ(unicode_bullet(U'l', "ZapfDingbats"), U'●');
  EXPECT_EQ(unicode_bullet(U'4', "ZapfDingbatsITC"), U'✔');
  EXPECT_EQ(unicode_bullet(U'u', "ZapfDingbats"), U'◆');
  EXPECT_EQ(unicode_bullet(0xD4, "ZapfDingbats"), U'➔');
  EXPECT_EQ(unicode_bullet(U'✓', "WFRFAK+ZapfDingbatsITC"), U'✓');  // Keynote's ToUnicode
  // the same bytes in a text font are text
  EXPECT_EQ(unicode_bullet(0xA7, "Calibri"), U'§');
  EXPECT_EQ(unicode_bullet(U'ü', "Arial"), U'ü');
}

TEST(UnicodeBullet, OpenSymbolAndPlainBullets) {
  EXPECT_EQ(unicode_bullet(0xE00A, "OpenSymbol"), U'■');  // LibreOffice's "solid large square"
  EXPECT_EQ(unicode_bullet(0xE00C, "OpenSymbol"), U'◆');  // "solid diamond"
  EXPECT_EQ(unicode_bullet(0xE00A, "DejaVuLGCSans"), U'■');  // the block's font, not the marker's
  EXPECT_EQ(unicode_bullet(0xE00D, ""), U'❖');
  for (char32_t c : {U'•', U'·', U'–', U'▪', U'►', U'✓', U'○', U'◦', U'➢', U'o', U'-', U'*', U'>'}) {
    EXPECT_EQ(unicode_bullet(c, "Calibri"), c);
    EXPECT_EQ(unicode_bullet(c, ""), c);
  }
  EXPECT_EQ(unicode_bullet(U'•', "OpenSymbol"), U'•');
  // no known equivalent: 0, the caller uses its own bullet for the level
  EXPECT_EQ(unicode_bullet(0xE123, ""), 0U);
  EXPECT_EQ(unicode_bullet(0xF8FF, "Symbol"), 0U);
  EXPECT_EQ(unicode_bullet(0xF027, "Wingdings"), 0U);   // a candle
  EXPECT_EQ(unicode_bullet(0xF097, "Wingdings 2"), 0U);  // no table for Wingdings 2
  EXPECT_EQ(unicode_bullet(U'l', "Webdings"), 0U);
}

TEST(UnicodeBullet, Markers) {
  EXPECT_EQ(unicode_marker("\uF0A7", ""), "▪");
  EXPECT_EQ(unicode_marker("\uF0D8", "Wingdings"), "➢");
  EXPECT_EQ(unicode_marker("\uE00A", ""), "■");
  EXPECT_EQ(unicode_marker("•", "Arial"), "•");
  EXPECT_EQ(unicode_marker("1.", "Calibri"), "1.");
  EXPECT_EQ(unicode_marker("a)", ""), "a)");
  EXPECT_EQ(unicode_marker("graphic", ""), "graphic");
  EXPECT_EQ(unicode_marker("", ""), "");
  EXPECT_EQ(unicode_marker("\uE123", ""), "");
}

}  // namespace

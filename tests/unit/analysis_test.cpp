// Unit tests of the structure analysis (extract/analysis.hpp rules 1-7 and
// extract/words.hpp), on synthetic word boxes: no PDF involved.
#include <gtest/gtest.h>

#include "extract/analysis.hpp"
#include "synthetic.hpp"

using namespace deckhand;
using deckhand::test::PageBuilder;
using deckhand::test::texts;

namespace {
Deck analyze(const std::vector<PageBuilder>& pages) { return test::analyze_pages(pages); }

std::vector<int> levels(const Slide& s) {
  std::vector<int> out;
  for (const auto& b : s.blocks) out.push_back(b.level);
  return out;
}

// A content page: title at the top, bullets below.
PageBuilder content(int n, const std::string& title, const std::vector<std::pair<int, std::string>>& items) {
  PageBuilder p(n);
  p.line(title, 40, 20, 30, true);
  double y = 90;
  for (const auto& [lvl, text] : items) {
    double mx = 40 + 36 * (lvl - 1);
    p.bullet(lvl == 1 ? "•" : "–", text, mx, mx + 20, y, 18);
    y += 30;
  }
  return p;
}
}  // namespace

// ---- rule 2: titles
TEST(Title, LargestTextAtTheTopIsTheTitle) {
  Deck d = analyze({content(1, "Why Engage in WSIS+20?", {{1, "IETF needs to be seen"}, {1, "It does not exist in isolation"}})});
  ASSERT_EQ(d.slides.size(), 1u);
  EXPECT_EQ(d.slides[0].title, "Why Engage in WSIS+20?");
  EXPECT_EQ(d.slides[0].kind, SlideKind::content);
  EXPECT_EQ(texts(d.slides[0]), (std::vector<std::string>{"IETF needs to be seen", "It does not exist in isolation"}));
}

TEST(Title, TitleWrappingOntoTwoLinesIsJoined) {
  PageBuilder p(1);
  p.line("3. The IETF Promotes Good Internet", 40, 10, 30, true);
  p.line("Governance", 40, 10 + 36 + 2, 30, true);
  p.bullet("•", "The development of the Internet", 40, 60, 110, 18);
  p.bullet("•", "Not all digital issues are Internet issues", 40, 60, 140, 18);
  Deck d = analyze({p});
  EXPECT_EQ(d.slides[0].title, "3. The IETF Promotes Good Internet Governance");
  EXPECT_EQ(d.slides[0].blocks.size(), 2u);
}

TEST(Title, TitleSlideOpensTheDeckAndLaterDisplaySlidesAreSections) {
  PageBuilder t(1);
  t.line("The IETF and WSIS+20", 200, 170, 40, true);
  PageBuilder s(3);
  s.line("The IETF Message to", 220, 150, 40, true);
  s.line("WSIS+20", 300, 150 + 48 + 2, 40, true);
  Deck d = analyze({t, content(2, "Agenda", {{1, "One"}, {1, "Two"}}), s});
  EXPECT_EQ(d.slides[0].kind, SlideKind::title);
  EXPECT_EQ(d.slides[0].title, "The IETF and WSIS+20");
  EXPECT_EQ(d.slides[1].kind, SlideKind::content);
  EXPECT_EQ(d.slides[2].kind, SlideKind::section);
  EXPECT_EQ(d.slides[2].title, "The IETF Message to WSIS+20");
  EXPECT_EQ(d.title, "The IETF and WSIS+20");
}

TEST(Title, SubtitleLinesOfATitleSlideArePararaphs) {
  PageBuilder t(1);
  t.line("Planning a Forum", 200, 120, 40, true);
  t.line("Programme committee briefing", 220, 220, 22);
  t.line("14 March 2026", 280, 250, 22);
  Deck d = analyze({t, content(2, "Agenda", {{1, "One"}})});
  EXPECT_EQ(d.slides[0].kind, SlideKind::title);
  EXPECT_EQ(texts(d.slides[0]), (std::vector<std::string>{"Programme committee briefing", "14 March 2026"}));
  EXPECT_EQ(levels(d.slides[0]), (std::vector<int>{0, 0}));
}

// ---- rule 5: markers
TEST(Bullets, GlyphPuaAndNumberMarkersStartItems) {
  PageBuilder p(1);
  p.line("Markers", 40, 20, 30, true);
  p.bullet("•", "round bullet", 40, 60, 90, 18);
  p.bullet("\xEF\x82\xA7", "wingdings bullet", 40, 60, 120, 18);  // U+F0A7
  p.bullet("\xEE\x80\x8A", "opensymbol bullet", 40, 60, 150, 18);  // U+E00A
  p.bullet("▸", "triangle", 40, 60, 180, 18);
  p.bullet("✓", "check", 40, 60, 210, 18);
  p.bullet("1.", "numbered", 40, 66, 240, 18);
  p.bullet("a)", "lettered", 40, 66, 270, 18);
  Deck d = analyze({p});
  const Slide& s = d.slides[0];
  ASSERT_EQ(s.blocks.size(), 7u);
  EXPECT_EQ(texts(s), (std::vector<std::string>{"round bullet", "wingdings bullet", "opensymbol bullet", "triangle", "check",
                                                "numbered", "lettered"}));
  for (const auto& b : s.blocks) EXPECT_EQ(b.level, 1) << b.text;
  EXPECT_EQ(s.blocks[0].marker, "•");
  EXPECT_EQ(s.blocks[1].marker, "\xEF\x82\xA7");
  EXPECT_EQ(s.blocks[5].marker, "1.");
  EXPECT_EQ(s.blocks[6].marker, "a)");
}

TEST(Bullets, GlyphGluedToTheFirstWordIsSplitOff) {
  PageBuilder p(1);
  p.line("Glued", 40, 20, 30, true);
  p.line("•IETF people are encouraged", 40, 90, 18);
  p.line("•Guiding principle", 40, 120, 18);
  Deck d = analyze({p});
  EXPECT_EQ(texts(d.slides[0]), (std::vector<std::string>{"IETF people are encouraged", "Guiding principle"}));
  EXPECT_EQ(d.slides[0].blocks[0].marker, "•");
}

TEST(Bullets, DashInsideWrappedTextIsNotAMarker) {
  PageBuilder p(1);
  p.line("Dashes", 40, 20, 30, true);
  p.bullet("•", "Not all digital issues are Internet issues very long line", 40, 60, 90, 18);
  // the next line starts with an en dash followed by an ordinary space
  p.line("– although they may be enabled", 60, 90 + 21.6 + 1, 18);
  Deck d = analyze({p});
  ASSERT_EQ(d.slides[0].blocks.size(), 1u);
  EXPECT_EQ(d.slides[0].blocks[0].text, "Not all digital issues are Internet issues very long line – although they may be enabled");
}

TEST(Bullets, BulletsDrawnAsGraphicsAreFoundByTheInkProbe) {
  PageBuilder p(1, 453, 255);
  p.line("Why open standards matter", 20, 10, 14.4, true);
  p.line("Anyone can read the specifications", 40, 60, 11);
  p.line("No licence fees", 60, 80, 11);
  p.line("Interoperability across vendors", 40, 100, 11);
  auto ls = p.lines();
  ASSERT_EQ(ls.lines.size(), 4u);
  // what the PDF layer would find: a drawn ball before each item
  for (size_t k = 1; k < 4; ++k) ls.lines[k].ink_before = true;
  Diagnostics diag;
  Deck d = extract::analyze({ls}, {"t.pdf", ""}, diag);
  EXPECT_EQ(texts(d.slides[0]), (std::vector<std::string>{"Anyone can read the specifications", "No licence fees",
                                                          "Interoperability across vendors"}));
  EXPECT_EQ(levels(d.slides[0]), (std::vector<int>{1, 2, 1}));
  EXPECT_EQ(d.slides[0].blocks[0].marker, "graphic");
}

TEST(Bullets, InkProbeIsAskedForLinesWithRoomForABulletAndNoGlyph) {
  // every line with room before it (a page whose lines all have drawn bullets has no
  // indent to tell them by), but not the top band, nor a line at the page's edge
  PageBuilder p(1, 453, 255);
  p.line("Frame title", 20, 10, 14.4, true);
  p.line("A paragraph at the margin", 20, 40, 11);
  p.line("An item", 40, 60, 11);
  p.line("Another item", 40, 80, 11);
  p.line("At the edge", 5, 100, 11);
  auto ls = p.lines();
  auto probe = extract::needs_ink_probe(ls);
  EXPECT_EQ(probe.size(), 3u);
  PageBuilder g(2);
  g.bullet("•", "glyph item", 40, 60, 90, 18);
  g.line("indented continuation", 60, 112, 18);
  EXPECT_TRUE(extract::needs_ink_probe(g.lines()).empty());
}

// ---- rule 6: levels
TEST(Levels, ThreeLevelsFromIndentation) {
  Deck d = analyze({content(1, "Goals", {{1, "Broaden participation"}, {2, "Civil society"}, {3, "Travel grants"}, {2, "Technical community"}, {1, "Publish outcomes"}})});
  EXPECT_EQ(levels(d.slides[0]), (std::vector<int>{1, 2, 3, 2, 1}));
}

TEST(Levels, ASlideThatStartsAtLevelTwoKeepsItsDepthAcrossTheDeck) {
  auto a = content(1, "A", {{1, "one"}, {2, "two"}});
  auto b = content(2, "B", {{1, "one"}, {2, "two"}});
  auto c = content(3, "C", {{2, "continued sub-point"}, {2, "another sub-point"}});
  Deck d = analyze({a, b, c});
  EXPECT_EQ(levels(d.slides[2]), (std::vector<int>{2, 2}));
}

// ---- rule 5: wrapped lines
TEST(Wrap, WrappedLinesJoinWithOneSpace) {
  PageBuilder p(1);
  p.line("Wrap", 40, 20, 30, true);
  double end = p.line("IETF needs to be seen to defend the multistakeholder", 60, 90, 18);
  p.word("•", 40, 90, 18);
  (void)end;
  p.line("approach to Internet Governance", 60, 90 + 21.6 + 1, 18);
  p.bullet("•", "IETF doesn’t need a license", 40, 60, 150, 18);
  Deck d = analyze({p});
  EXPECT_EQ(texts(d.slides[0]), (std::vector<std::string>{
                                    "IETF needs to be seen to defend the multistakeholder approach to Internet Governance",
                                    "IETF doesn’t need a license"}));
}

TEST(Wrap, HyphenAtLineEndIsKeptForCompounds) {
  EXPECT_EQ(extract::join_wrapped("non-discriminatory and demand-", "driven Internet"),
            "non-discriminatory and demand-driven Internet");
  EXPECT_EQ(extract::join_wrapped("a soft hyphen: inter\xC2\xAD", "national"), "a soft hyphen: international");
  EXPECT_EQ(extract::join_wrapped("a dash -", "then more"), "a dash - then more");
  EXPECT_EQ(extract::join_wrapped("spaced", "words"), "spaced words");
}

TEST(Wrap, CjkLinesJoinWithoutSpace) {
  EXPECT_EQ(extract::join_wrapped("任何人都可以免费阅读", "和实施这些技术规范。"), "任何人都可以免费阅读和实施这些技术规范。");
  PageBuilder p(1);
  p.line("为什么要参与", 40, 20, 30, true);
  p.word("•", 40, 90, 18);
  p.word("互联网工程任务组制定的标准对所有人开放", 60, 90, 18);
  p.word("任何人都可以免费阅读", 60, 90 + 21.6 + 1, 18);
  Deck d = analyze({p});
  ASSERT_EQ(d.slides[0].blocks.size(), 1u);
  EXPECT_EQ(d.slides[0].blocks[0].text, "互联网工程任务组制定的标准对所有人开放任何人都可以免费阅读");
}

TEST(Wrap, AShortLineEndsItsParagraph) {
  PageBuilder p(1);
  p.line("Paragraphs", 40, 20, 30, true);
  p.line("A long first paragraph line that fills the whole text box width", 40, 90, 18);
  p.line("and wraps here.", 40, 90 + 21.6 + 1, 18);
  p.line("Second paragraph.", 40, 90 + 2 * (21.6 + 1), 18);
  Deck d = analyze({p});
  EXPECT_EQ(texts(d.slides[0]), (std::vector<std::string>{
                                    "A long first paragraph line that fills the whole text box width and wraps here.",
                                    "Second paragraph."}));
  EXPECT_EQ(levels(d.slides[0]), (std::vector<int>{0, 0}));
}

// ---- rule 1: furniture
TEST(Furniture, RepeatedFooterAndSlideNumbersAreRemoved) {
  std::vector<PageBuilder> pages;
  for (int n = 1; n <= 4; ++n) {
    auto p = content(n, "Slide " + std::string(1, char('A' + n)), {{1, "point one"}, {1, "point two"}});
    p.line("Regional IGF 2026 · Planning notes", 40, 385, 10);
    p.line(std::to_string(n), 680, 385, 10);
    pages.push_back(p);
  }
  Deck d = analyze(pages);
  for (const auto& s : d.slides) {
    EXPECT_EQ(texts(s), (std::vector<std::string>{"point one", "point two"})) << s.id;
    EXPECT_EQ(s.title.rfind("Slide ", 0), 0u);
  }
  EXPECT_NE(std::find(d.furniture.begin(), d.furniture.end(), "Regional IGF # · Planning notes"), d.furniture.end());
}

TEST(Furniture, PageNumbersInArabicIndicAndPersianDigitsAreRemoved) {
  // a new user's cairo deck in Persian numbered "۱" … "۴", and a XeLaTeX deck whose
  // polyglossia counter reads "4/١" … "4/٤": each page kept its number as a block
  std::vector<PageBuilder> pages;
  const char* fa[] = {"۱", "۲", "۳", "۴"};
  const char* ar[] = {"4/١", "4/٢", "4/٣", "4/٤"};
  for (int n = 1; n <= 4; ++n) {
    auto p = content(n, "Slide " + std::string(1, char('A' + n)), {{1, "point one"}, {1, "point two"}});
    p.line(fa[n - 1], 40, 385, 10);
    p.line(ar[n - 1], 680, 385, 10);
    pages.push_back(p);
  }
  Deck d = analyze(pages);
  for (const auto& s : d.slides) EXPECT_EQ(texts(s), (std::vector<std::string>{"point one", "point two"})) << s.id;
  // (the deck's furniture list masks them as it masks ASCII digits: once, not per page)
  EXPECT_EQ(std::count(d.furniture.begin(), d.furniture.end(), "#"), 1);
  EXPECT_EQ(std::count(d.furniture.begin(), d.furniture.end(), "#/#"), 1);
}

TEST(Furniture, LonePageNumberIsFurnitureEvenOnce) {
  auto p = content(1, "Only slide", {{1, "point"}});
  p.line("7 / 20", 650, 388, 10);
  Deck d = analyze({p});
  EXPECT_EQ(texts(d.slides[0]), (std::vector<std::string>{"point"}));
}

TEST(Furniture, RepeatedTitleAtTheTopStaysATitle) {
  std::vector<PageBuilder> pages;
  for (int n = 1; n <= 3; ++n) pages.push_back(content(n, "Example", {{1, "case " + std::to_string(n)}}));
  Deck d = analyze(pages);
  for (const auto& s : d.slides) EXPECT_EQ(s.title, "Example");
}

// ---- rule 4: reading order
TEST(Columns, LeftColumnIsReadBeforeTheRightOne) {
  PageBuilder p(1);
  p.line("Venue options", 40, 20, 30, true);
  p.bullet("•", "City centre", 40, 60, 90, 18);
  p.bullet("•", "University campus", 380, 400, 90, 18);
  p.bullet("–", "600 seats", 76, 96, 120, 18);
  p.bullet("–", "350 seats", 416, 436, 120, 18);
  Deck d = analyze({p});
  EXPECT_EQ(texts(d.slides[0]), (std::vector<std::string>{"City centre", "600 seats", "University campus", "350 seats"}));
  EXPECT_EQ(levels(d.slides[0]), (std::vector<int>{1, 2, 1, 2}));
  EXPECT_EQ(d.slides[0].blocks[2].column, 1);
}

TEST(Rtl, ArabicWordsDrawnInVisualOrderReadInLogicalOrder) {
  // "لماذا نشارك في WSIS+20؟" as a PDF draws it, left to right: ؟ WSIS+ 20 في نشارك لماذا
  auto w = [](const std::string& t, double x0, double x1) {
    extract::Word x;
    x.text = t;
    x.x0 = x0; x.x1 = x1; x.y0 = 0; x.y1 = 20; x.size = 20;
    return x;
  };
  std::vector<extract::Word> visual = {w("؟", 0, 10), w("WSIS+", 10, 60), w("20", 60, 80),
                                       w("يف", 90, 110), w("كراشن", 120, 170), w("اذامل", 180, 230)};
  // poppler gives Arabic words with their letters in visual order too: reverse them
  EXPECT_EQ(extract::rtl_text(visual), "لماذا نشارك في WSIS+20؟");
}

TEST(Rtl, LamAlefLigatureKeepsItsLogicalOrder) {
  extract::Word x;
  x.text = "تنرتنلإا";  // visual order of الإنترنت; "لإ" is one glyph split in equal halves
  x.size = 20;
  x.x0 = 0; x.x1 = 80;
  // ت ن ر ت ن are 10 wide; ل [50,56) and إ [56,62) share one glyph; ا [62,70)
  x.char_x = {0, 10, 20, 30, 40, 50, 56, 62, 70};
  EXPECT_EQ(extract::rtl_text({x}), "الإنترنت");
}

// cairo draws a right-to-left run glyph by glyph, right to left (logical order), one
// Poppler word per glyph; the words below are in visual order with their stream order.
extract::Word cairo_glyph(const std::string& t, double x0, double x1, int order) {
  extract::Word x;
  x.text = t;
  x.x0 = x0; x.x1 = x1; x.y0 = 0; x.y1 = 20; x.size = 20; x.base = 15;
  x.order = order; x.order_end = order + 2;
  std::u32string s = unicode::decode(t);
  if (s.size() == 1) x.char_x = {x0, x1};
  return x;
}

TEST(Rtl, NonJoinerCarriedWithoutGlyphGoesBetweenItsLetters) {
  // "می‌شود": م ی | ZWNJ | ش و د, drawn right to left; cairo writes the ZWNJ as an
  // ActualText span without glyphs, which page_scan keeps as a joiner at x = 40
  std::vector<extract::Word> visual = {cairo_glyph("د", 0, 10, 10), cairo_glyph("و", 10, 20, 8), cairo_glyph("ش", 20, 40, 6),
                                       cairo_glyph("ی", 40, 50, 2), cairo_glyph("م", 50, 60, 0)};
  extract::SpaceGlyph j{40, 0, 40, 19};
  j.joiner = 0x200C;
  std::vector<extract::SpaceGlyph> spaces = {j};
  EXPECT_EQ(extract::rtl_text(visual, true, &spaces), "می\u200Cشود");
  EXPECT_EQ(extract::rtl_text(visual, true, nullptr), "میشود");
  // a shadow copy's joiner beside the text's own: one joiner
  extract::SpaceGlyph shadow = j;
  shadow.x0 = shadow.x1 = 40.6;
  std::vector<extract::SpaceGlyph> two = {j, shadow};
  EXPECT_EQ(extract::rtl_text(visual, true, &two), "می\u200Cشود");
  // a joiner of another line (a diagonal watermark's, a smaller text's) is not this line's
  spaces[0].y0 = 30, spaces[0].y1 = 49;
  EXPECT_EQ(extract::rtl_text(visual, true, &spaces), "میشود");
}

TEST(Rtl, ZeroWidthAlefAtAWordsLeftEdgeStaysWithIt) {
  // "بالا در": Noto Naskh's lam-alef drawn as the lam's glyph [30,40) and a zero-advance
  // alef at its left edge (30); the word space lies left of both
  std::vector<extract::Word> visual = {cairo_glyph("ر", 0, 8, 12), cairo_glyph("د", 8, 16, 10), cairo_glyph("ا", 30, 30, 6),
                                       cairo_glyph("ل", 30, 40, 4), cairo_glyph("ا", 40, 45, 2), cairo_glyph("ب", 45, 50, 0)};
  EXPECT_EQ(extract::rtl_text(visual), "بالا در");
}

TEST(Rtl, MarkDrawnAfterItsLetterRightToLeftSitsOnIt) {
  // "همهٔ": cairo draws heh [0,8) then the hamza above at 3 (inside the heh's advance,
  // close to the meem on its right), drawn right to left
  extract::Word heh = cairo_glyph("هٔ", 0, 8, 0);
  heh.char_x = {0, 3, 8};
  std::vector<extract::Word> visual = {heh, cairo_glyph("م", 8, 15, -2), cairo_glyph("ه", 15, 24, -4)};
  for (auto& w : visual) w.order += 4, w.order_end += 4;
  visual[0].order_end = visual[0].order + 4;
  EXPECT_EQ(extract::rtl_text(visual), "همهٔ");
}

TEST(Rtl, AlefAndLamOfNearlyOneWidthAreTwoGlyphs) {
  // "المللی" drawn left to right (Impress, Amiri): the lam [32.65, 39.44) and the alef
  // [39.44, 46.41) are separate glyphs 0.18 pt apart in width, not a lam-alef split in halves
  extract::Word x;
  x.text = "یللملا";  // visual order
  x.size = 32;
  x.x0 = 0.49; x.x1 = 46.41;
  x.char_x = {0.49, 15.5, 21.58, 27.95, 32.65, 39.44, 46.41};
  EXPECT_EQ(extract::rtl_text({x}), "المللی");
}

TEST(Rtl, NumberAtTheLeftEndOfARightToLeftRunInALeftToRightParagraphEndsTheRun) {
  auto w = [](const std::string& visual_text, double x0, double x1) {
    extract::Word x;
    x.text = visual_text;
    x.x0 = x0; x.x1 = x1; x.y0 = 0; x.y1 = 20; x.size = 20;
    std::u32string t = unicode::decode(visual_text);
    bool rtl = false;
    for (char32_t c : t) rtl = rtl || (c >= 0x590 && c <= 0x6FF && !(c >= 0x660 && c <= 0x669) && !(c >= 0x6F0 && c <= 0x6F9));
    if (rtl) test::even_char_x(x);
    return x;
  };
  // "יעדים ל־2026" in a left-to-right paragraph is drawn "2026־ל םידעי": the number
  // touches the run it ends
  EXPECT_EQ(extract::rtl_text({w("2026", 0, 50), w("־ל", 50, 64), w("םידעי", 70, 120)}, false), "יעדים ל־2026");
  // across a space the drawing is the same whether the number was typed first or last;
  // on a line of no left-to-right letters it is read last (a date, a sum ending the text)
  EXPECT_EQ(extract::rtl_text({w("2026", 0, 50), w("םידעי", 60, 110)}, false), "יעדים 2026");

  // Arabic-Indic digits end the run across a space ("مجمع اینترنت ۲۰۲۶")
  EXPECT_EQ(extract::rtl_text({w("۲۰۲۶", 0, 40), w("تنرتنیا", 50, 110), w("عمجم", 120, 160)}, false), "مجمع اینترنت ۲۰۲۶");
}

TEST(Rtl, XeTeXMarkJustLeftOfItsLetterSitsOnIt) {
  // "يسِّر" (XeLaTeX, Amiri 10 pt), drawn left to right: the shadda and the kasra of the
  // sin drawn at 188.25 and 188.42, inside the reh [183.7, 189.21), 1 pt left of the sin
  auto w = [](const std::string& t, double x0, double x1, std::vector<double> xs) {
    extract::Word x;
    x.text = t;
    x.x0 = x0; x.x1 = x1; x.y0 = 0; x.y1 = 14; x.size = 10;
    x.char_x = std::move(xs);
    return x;
  };
  std::vector<extract::Word> visual = {w("ر", 183.7, 189.21, {183.7, 189.21}), w("\u0651", 188.25, 188.25, {188.25, 188.25}),
                                       w("\u0650", 188.42, 188.42, {188.42, 188.42}), w("سي", 189.21, 194.61, {189.21, 193, 194.61})};
  EXPECT_EQ(extract::rtl_text(visual), "ي\u0633\u0650\u0651ر");
}

TEST(Rtl, RightToLeftDeckReadsColumnsAndMarkersFromTheRight) {
  PageBuilder p(1);
  // an Arabic title and two items with bullets on the right; like Poppler, the words
  // carry their letters in visual (left-to-right) order
  p.word("فيك", 560, 20, 30, true);
  p.word("•", 670, 90, 18);
  p.word("الوأ", 600, 90, 18);
  p.word("•", 670, 120, 18);
  p.word("ايناث", 600, 120, 18);
  Deck d = analyze({p});
  EXPECT_EQ(d.direction, "rtl");
  EXPECT_EQ(d.slides[0].title, "كيف");
  ASSERT_EQ(texts(d.slides[0]), (std::vector<std::string>{"أولا", "ثانيا"}));
  EXPECT_EQ(d.slides[0].blocks[0].level, 1);
  EXPECT_EQ(d.slides[0].blocks[0].marker, "•");
}

// ---- rule 7: overlays
TEST(Overlays, PagesSharingALabelAreStepsOfOneFrame) {
  auto a = content(1, "Taking part", {{1, "Join a list"}});
  a.pw.label = "3";
  auto b = content(2, "Taking part", {{1, "Join a list"}, {1, "Attend meetings"}});
  b.pw.label = "3";
  auto c = content(3, "Summary", {{1, "Done"}});
  c.pw.label = "4";
  Deck d = analyze({a, b, c});
  EXPECT_EQ(d.slides[0].overlay_of, "s2");
  EXPECT_EQ(d.slides[1].overlay_of, "");
  EXPECT_EQ(d.slides[2].overlay_of, "");
}

TEST(Overlays, SameTitleWithGrowingTextIsAnOverlayWithoutLabels) {
  auto a = content(1, "Steps", {{1, "one"}});
  auto b = content(2, "Steps", {{1, "one"}, {1, "two"}});
  auto c = content(3, "Steps", {{1, "one"}, {1, "two"}, {1, "three"}});
  auto e = content(4, "Steps", {{1, "other"}});
  Deck d = analyze({a, b, c, e});
  EXPECT_EQ(d.slides[0].overlay_of, "s3");
  EXPECT_EQ(d.slides[1].overlay_of, "s3");
  EXPECT_EQ(d.slides[2].overlay_of, "");
  EXPECT_EQ(d.slides[3].overlay_of, "");
}

// ---- text hygiene
TEST(Hygiene, LigaturesTabsPuaAndNfc) {
  EXPECT_EQ(unicode::clean("\xEF\xAC\x81nance \xEF\xAC\x82ow"), "finance flow");
  EXPECT_EQ(unicode::collapse_spaces(unicode::clean("code\tspaces\t\tout")), "code spaces out");
  EXPECT_EQ(unicode::clean("a\xEF\x82\xA7" "b"), "ab");
  EXPECT_EQ(unicode::clean("e\xCC\x81t\xC3\xA9"), "\xC3\xA9t\xC3\xA9");  // NFC
  PageBuilder p(1);
  p.line("Hygiene", 40, 20, 30, true);
  p.bullet("\xEF\x82\xA7", "\xEF\xAC\x81rst\tword", 40, 60, 90, 18);
  Deck d = analyze({p});
  EXPECT_EQ(d.slides[0].blocks[0].text, "first word");
}

TEST(Pages, BlankPageIsABlankSlideWithAWarning) {
  PageBuilder empty(2);
  std::vector<extract::PageLines> ls = {content(1, "A", {{1, "x"}}).lines(), empty.lines()};
  Diagnostics diag;
  Deck d = extract::analyze(ls, {"t.pdf", ""}, diag);
  ASSERT_EQ(d.slides.size(), 2u);
  EXPECT_EQ(d.slides[1].kind, SlideKind::blank);
  EXPECT_EQ(diag.count(), 1u);
  EXPECT_EQ(diag.warnings()[0].code, warn::page_no_text);
}

TEST(Pages, DamagedPageIsSaidAsDamageNotAsAScan) {
  // a page Poppler could not draw whole: damaged-page, naming Poppler's first message, for a
  // page with no text left (not "an image or a scan?") and for one with some
  PageBuilder empty(2);
  auto content_page = content(3, "B", {{1, "y"}}).lines();
  content_page.damage_count = 1;
  content_page.damage = "Illegal character ')'";
  std::vector<extract::PageLines> ls = {content(1, "A", {{1, "x"}}).lines(), empty.lines(), content_page};
  ls[1].damage_count = 3;
  ls[1].damage = "Missing 'endstream' or incorrect stream length";
  Diagnostics diag;
  Deck d = extract::analyze(ls, {"t.pdf", ""}, diag);
  ASSERT_EQ(d.slides.size(), 3u);
  EXPECT_EQ(d.slides[1].kind, SlideKind::blank);
  ASSERT_EQ(diag.count(), 2u);
  EXPECT_EQ(diag.warnings()[0].code, warn::damaged_page);
  EXPECT_EQ(diag.warnings()[0].page, 2);
  EXPECT_NE(diag.warnings()[0].message.find("Missing 'endstream' or incorrect stream length, and 2 more"), std::string::npos);
  EXPECT_NE(diag.warnings()[0].message.find("a blank slide"), std::string::npos);
  EXPECT_EQ(diag.warnings()[1].code, warn::damaged_page);
  EXPECT_EQ(diag.warnings()[1].page, 3);
  EXPECT_NE(diag.warnings()[1].message.find("some of its text may be missing"), std::string::npos);
}

TEST(Pages, PortraitAndTallPagesWork) {
  PageBuilder p(1, 612, 792);
  p.line("Portrait title", 40, 30, 30, true);
  p.bullet("•", "item on a portrait page", 40, 60, 120, 18);
  Deck d = analyze({p});
  EXPECT_EQ(d.slides[0].title, "Portrait title");
  EXPECT_EQ(d.slides[0].size[1], 792);
}

TEST(Lang, GuessFromScriptsAndWords) {
  EXPECT_EQ(extract::guess_lang("The IETF is an open venue and the process is open to all"), "en");
  EXPECT_EQ(extract::guess_lang("Открытые стандарты Интернета"), "ru");
  EXPECT_EQ(extract::guess_lang("互联网工程任务组简介"), "zh");
  EXPECT_EQ(extract::guess_lang("シミュレーション工学の誤差"), "ja");
  EXPECT_EQ(extract::guess_lang("لماذا نشارك"), "ar");
  // (Persian, Urdu and Thai told apart: a new user's Persian deck was "ar", Thai nothing)
  EXPECT_EQ(extract::guess_lang("این برنامه‌ها به کاربران کمک می‌کنند"), "fa");
  EXPECT_EQ(extract::guess_lang("يتيح نهج أصحاب المصلحة المتعددين في حوكمة الإنترنت"), "ar");
  EXPECT_EQ(extract::guess_lang("پاکستان میں انٹرنیٹ کی ترقی ہو رہی ہے"), "ur");
  EXPECT_EQ(extract::guess_lang("ภาษาไทยไม่มีการเว้นวรรคระหว่างคำ"), "th");
  EXPECT_EQ(extract::guess_lang("Die Sicherheit ist nicht das Problem und der Schlüssel"), "de");
  EXPECT_EQ(extract::guess_lang("123 456"), std::nullopt);
  // (a deck of a few lines: two words of one language and none of another's; one word, or
  // two languages' words, say nothing)
  EXPECT_EQ(extract::guess_lang("Hyphenation in a narrow column\nFellowships for participants\nInteroperability requirements"), "en");
  EXPECT_EQ(extract::guess_lang("Hyphenation in a narrow column"), std::nullopt);
  EXPECT_EQ(extract::guess_lang("Hyphenation in a column\ndie Spalte und"), std::nullopt);
  // (Spanish, whose commonest words "de" and "en" are Dutch too: a new user's Beamer deck
  // in Spanish was no language; and French, and Dutch, stay theirs)
  EXPECT_EQ(extract::guess_lang("Informe de resultados Departamento de ventas María Núñez 12 de marzo de 2025 ¿Por qué "
                                "cambiamos? Los clientes piden entregas más rápidas En España y en Portugal Sobre todo en "
                                "verano La competencia ya ofrece envíos en 24 horas, incluso a las islas, sin coste adicional "
                                "para pedidos superiores a 50 euros ¡Es el momento de actuar! Plan de acción Abrir un almacén "
                                "en Zaragoza Contratar a doce conductores Renegociar las tarifas Presupuesto aprobado en "
                                "febrero. Comparativa Antes Entrega en 72 horas Tres almacenes Después Entrega en 24 horas"),
            "es");
  EXPECT_EQ(extract::guess_lang("Le budget de la conférence est approuvé en janvier et les inscriptions sont ouvertes"), "fr");
  EXPECT_EQ(extract::guess_lang("De begroting is goedgekeurd en het congres is open voor een ieder van de regio"), "nl");
}

// ---- regressions found on the real-world corpus
TEST(Bullets, ShortWordInASymbolFontIsAMarker) {
  // pdfTeX Beamer: the itemize triangle from MSAM10 has no ToUnicode and reads "I"
  PageBuilder p(1, 363, 272);
  p.line("Rules", 12, 15, 14.3, true);
  p.word("I", 28, 113, 10.9);
  p.pw.words.back().font = "MSAM10";
  p.line("Rule of 3", 38.5, 113, 10.9);
  p.word("I", 28, 130, 10.9);
  p.pw.words.back().font = "MSAM10";
  p.line("Rule of Zero", 38.5, 130, 10.9);
  Deck d = analyze({p});
  EXPECT_EQ(texts(d.slides[0]), (std::vector<std::string>{"Rule of 3", "Rule of Zero"}));
  EXPECT_EQ(levels(d.slides[0]), (std::vector<int>{1, 1}));
  // its marker is the triangle it draws (\blacktriangleright, code 0x49 of AMSa), not the
  // "I" of its code: translated slides draw "▸" again, not a letter
  for (const auto& b : d.slides[0].blocks) EXPECT_EQ(b.marker, "\u25B8") << b.text;
}

TEST(Bullets, AmsSymbolCodesAreTheirShapesAndOtherFontsKeepTheirLetters) {
  PageBuilder p(1, 363, 272);
  p.line("Checks", 12, 15, 14.3, true);
  p.word("X", 28, 113, 10.9);
  p.pw.words.back().font = "ABCDEF+MSAM7";
  p.line("Done", 38.5, 113, 10.9);
  p.word("I", 28, 130, 10.9);
  p.pw.words.back().font = "Wingdings-Regular";  // (another symbol font: its code as found)
  p.line("Open", 38.5, 130, 10.9);
  Deck d = analyze({p});
  ASSERT_EQ(texts(d.slides[0]), (std::vector<std::string>{"Done", "Open"}));
  EXPECT_EQ(d.slides[0].blocks[0].marker, "\u2713");
  EXPECT_EQ(d.slides[0].blocks[1].marker, "I");
}

TEST(Title, BigLogoLowOnTheTitlePageIsNotTheTitle) {
  PageBuilder p(1, 363, 272);
  p.line("The Canonical Class", 115, 38, 14.3);
  p.line("Understanding what goes into a class", 72, 58, 10.9);
  p.line("ciere consulting", 70, 162, 33.5);
  p.line("Michael Caisse", 144, 202, 10.9);
  Deck d = analyze({p, content(2, "Next", {{1, "point"}})});
  EXPECT_EQ(d.slides[0].title, "The Canonical Class");
  EXPECT_EQ(d.slides[0].kind, SlideKind::title);
}

TEST(Columns, FullWidthTextAboveTwoColumnsIsReadFirst) {
  PageBuilder p(1);
  p.line("Two boxes", 40, 20, 30, true);
  p.line("An introduction that runs across the whole width of the slide", 40, 80, 18);
  p.line("Left box first line", 40, 160, 14);
  p.line("Right box first line", 400, 160, 14);
  p.line("Left box second thought", 40, 200, 14);
  p.line("Right box second thought", 400, 200, 14);
  Deck d = analyze({p});
  EXPECT_EQ(texts(d.slides[0]), (std::vector<std::string>{"An introduction that runs across the whole width of the slide",
                                                          "Left box first line", "Left box second thought",
                                                          "Right box first line", "Right box second thought"}));
}

TEST(Wrap, EvenlySpacedShortLinesAreSeparateParagraphs) {
  // PowerPoint agenda without bullets: lines 1.8 line-heights apart are paragraphs
  PageBuilder p(1);
  p.line("Agenda", 93, 85, 36);
  p.line("Walls of code are ugly", 93, 186, 18);
  p.line("Lambdas are beautiful", 93, 221.5, 18);
  p.line("Other people’s code is beautiful", 93, 257, 18);
  Deck d = analyze({p});
  EXPECT_EQ(d.slides[0].blocks.size(), 3u);
}

TEST(Overlays, ASectionPageSharingALabelIsNotAStep) {
  // pandoc + Beamer: \AtBeginSection pages keep the number of the frame before them
  auto a = content(1, "Installing", {{1, "Install git"}});
  a.pw.label = "2";
  PageBuilder sec(2);
  sec.line("Basic settings", 200, 170, 30, true);
  sec.pw.label = "2";
  auto c = content(3, "Basic settings", {{1, "Set the name"}});
  c.pw.label = "3";
  Deck d = analyze({a, sec, c});
  EXPECT_EQ(d.slides[0].overlay_of, "");
  EXPECT_EQ(d.slides[1].kind, SlideKind::section);
  EXPECT_EQ(d.slides[1].overlay_of, "");
}

TEST(Title, BoldTopLineOfTheSameSizeAsTheBodyIsTheTitle) {
  PageBuilder p(1);
  p.line("Same size, but bold", 40, 20, 18, true);
  p.bullet("•", "a regular bullet", 40, 60, 60, 18);
  p.bullet("•", "another regular bullet", 40, 60, 90, 18);
  Deck d = analyze({p, content(2, "Next", {{1, "x"}})});
  EXPECT_EQ(d.slides[0].title, "Same size, but bold");
  EXPECT_EQ(d.slides[0].blocks.size(), 2u);
}

TEST(Furniture, RepeatedHeaderInSmallTypeIsRemoved) {
  std::vector<PageBuilder> pages;
  for (int n = 1; n <= 4; ++n) {
    auto p = content(n, "Topic " + std::to_string(n), {{1, "point"}});
    p.line("Internet Governance Forum 2026", 40, 4, 9);  // a running header above the title
    pages.push_back(p);
  }
  Deck d = analyze(pages);
  for (const auto& s : d.slides) {
    EXPECT_EQ(s.title.rfind("Topic ", 0), 0u) << s.title;
    EXPECT_EQ(texts(s), (std::vector<std::string>{"point"}));
  }
}

TEST(Furniture, LoneNumberThatIsNotThePagesNumberIsText) {
  // The last line of a code listing ("2") standing low on page 14 is text; "14" there is
  // the page's number (issue 16: the Impress corpus deck lost 1234 and 2 as page numbers).
  auto p = content(14, "Output", {{1, "cat data.txt"}});
  p.line("2", 60, 360, 18);
  p.line("14", 680, 388, 10);
  Deck d = analyze({p});
  EXPECT_EQ(texts(d.slides[0]), (std::vector<std::string>{"cat data.txt", "2"}));
}

TEST(Rtl, NumberStartingALeftToRightLineOfHebrewEndsTheHebrewText) {
  // cairo (paragraphs left to right) draws "מושב הפתיחה, 12 במרץ 2026" as
  // "2026 ץרמב 12 ,החיתפה בשומ": the year at the left end, a space, Hebrew. With no
  // left-to-right letter on the line, the number ends the text (issue 16).
  auto w = [](const std::string& t, double x0, double x1) { return test::even_word(t, x0, x1); };
  std::vector<extract::Word> visual = {w("2026", 0, 40), w("ץרמב", 48, 88), w("12", 96, 116), w(",החיתפה", 124, 194),
                                       w("בשומ", 202, 242)};
  EXPECT_EQ(extract::rtl_text(visual, false), "מושב הפתיחה, 12 במרץ 2026");
  // punctuation between, and a Latin word after the Hebrew: "עלות למשתתף: 120 USD"
  std::vector<extract::Word> mixed = {w("120", 0, 30), w(":ףתתשמל", 38, 108), w("תולע", 116, 156), w("USD", 164, 200)};
  EXPECT_EQ(extract::rtl_text(mixed, false), "עלות למשתתף: 120 USD");
  // a per cent sign after the number, glued to the Hebrew: "מספר החברים גדל ב־18%"
  // (drawn as cairo draws it: the number one cluster, no positions of its characters)
  std::vector<extract::Word> percent = {test::even_word("18%", 0, 40, false), w("־ב", 40, 60), w("לדג", 68, 100), w("םירבחה", 108, 170),
                                        w("רפסמ", 178, 218)};
  EXPECT_EQ(extract::rtl_text(percent, false), "מספר החברים גדל ב־18%");
}

TEST(Rtl, TatweelEndingAWordIsTypedOneInsideAWordStretchesIt) {
  auto w = [](const std::string& t, double x0, double x1) { return test::even_word(t, x0, x1); };
  // "تعمل بـ IPv6" drawn "IPv6 ـب لمعت": the tatweel ends "بـ" (issue 16)
  EXPECT_EQ(extract::rtl_text({w("IPv6", 0, 40), w("ـب", 48, 68), w("لمعت", 76, 116)}), "تعمل بـ IPv6");
  // a kashida stretching "مرحبا" inside the word is no text
  EXPECT_EQ(extract::rtl_text({w("ابحـرم", 0, 80)}), "مرحبا");
}

TEST(Rtl, AsciiCharacterWithNoAdvanceBetweenArabicLettersIsNoText) {
  // impress-pptx-ar-7315 page 5: LibreOffice maps a glyph of Noto Kufi Arabic drawn with no
  // advance inside "المشاركة" to "#" (elsewhere ".", "+", "*", "^", a digit) (issue 16)
  extract::Word x;
  x.text = "ةكرا#شملا";
  x.char_x = {385.12, 399.19, 412.18, 421.48, 429.51, 429.70, 451.89, 465.79, 473.66, 481.09};
  x.x0 = 385.12; x.x1 = 481.09; x.y0 = 65.47; x.y1 = 93.14; x.size = 21.3;
  for (int i = 0; i < 9; ++i) x.char_glyph.push_back(i);
  EXPECT_EQ(extract::rtl_text({x}), "المشاركة");
  // a full stop with its advance between two words stays
  EXPECT_NE(extract::rtl_text({test::even_word("ةكراشملا", 0, 80), test::even_word(".", 80, 85), test::even_word("نع", 90, 110)})
                .find('.'),
            std::string::npos);
}

TEST(Rtl, WordStartingWithAMarkDrawnRightOfItsLetterMeasuresFromItsLetter) {
  // impress-pptx-ar-7051 page 2: "مجانًا" as two words, the final alef [418.35, 424.04] and
  // "ًناجم" whose box starts at its fathatan, 427.10, the noon under it starting at 424.29:
  // touching, one word, not "مجانً ا" (issue 16)
  extract::Word a;
  a.text = "ا";
  a.char_x = {418.35, 424.04};
  a.char_glyph = {0};
  a.x0 = 418.35; a.x1 = 424.04; a.y0 = 99.01; a.y1 = 122.41; a.size = 18;
  extract::Word b;
  b.text = "ًناجم";
  b.char_x = {427.10, 424.29, 429.58, 435.27, 445.57, 455.90};
  b.char_glyph = {0, 1, 2, 3, 4};
  b.x0 = 427.10; b.x1 = 455.90; b.y0 = 99.49; b.y1 = 122.89; b.size = 18;
  EXPECT_EQ(extract::rtl_text({a, b}), "مجانًا");
}

TEST(Rtl, MarkDrawnLeftToRightBeforeItsLetterGoesOnThatLetter) {
  // Impress draws Arabic left to right, each word's characters in visual order (its
  // logical order reversed): a mark comes right before its letter, its pen position
  // inside the letter on its left (issue 16)
  auto w = [](const std::string& t, std::vector<double> xs, int order) {
    extract::Word x;
    x.text = t;
    x.char_x = std::move(xs);
    x.x0 = x.char_x.front(); x.x1 = x.char_x.back(); x.y0 = 0; x.y1 = 20; x.size = 20;
    x.order = order;
    x.order_end = order + static_cast<int>(unicode::decode(t).size());
    for (size_t i = 0; i + 1 < x.char_x.size(); ++i) x.char_glyph.push_back(static_cast<int>(i));
    return x;
  };
  // "ويُشجع" drawn "عجش" [0, 30), the damma alone at 24.4 (inside the sheen), "يو" [30, 44):
  // the damma is the yeh's, the letter drawn right after it
  EXPECT_EQ(extract::rtl_text({w("عجش", {0, 10, 20, 30}, 0), w("ُ", {24.4, 24.4}, 3), w("يو", {30, 34.4, 44}, 4)}), "ويُشجع");
  // inside a word: "يُنظر" drawn "رظنُي", the damma right before the yeh
  EXPECT_EQ(extract::rtl_text({w("رظنُي", {397.19, 401.59, 408.60, 408.80, 410.79, 414.57}, 0)}), "يُنظر");
  // "ستُسجل" drawn as two words, "لجسُ" [0, 30] ending in the damma of the teh, and "تس"
  // 4 pt on, drawn right after it; the line draws its spaces elsewhere, none between
  std::vector<extract::SpaceGlyph> spaces{{100, 0, 105, 20}};
  EXPECT_EQ(extract::rtl_text({w("لجسُ", {0, 10, 20, 30, 30}, 0), w("تس", {34, 42, 50}, 4)}, true, &spaces), "ستُسجل");
}

TEST(Rtl, NumbersJoinedByAHyphenAfterArabicLettersComeBackInTypedOrder) {
  // "مثل 2026-014." is drawn ".014-2026 لثم": after an Arabic letter the numbers are
  // Arabic numbers (UAX #9 W2), and the hyphen between them stays neutral (issue 16)
  auto w = [](const std::string& t, double x0, double x1, bool rtl) { return test::even_word(t, x0, x1, rtl); };
  EXPECT_EQ(extract::rtl_text({w(".014-2026", 0, 88, false), w("لثم", 96, 130, true)}), "مثل 2026-014.");
  // after Hebrew letters the hyphen joins them (W4 on European numbers): drawn as typed
  EXPECT_EQ(extract::rtl_text({w(".2026-014", 0, 88, false), w("לשמל", 96, 130, true)}), "למשל 2026-014.");
}

TEST(Rtl, FullStopBeforeRightToLeftTextInALeftToRightParagraphEndsIt) {
  // cairo lays a Persian or Arabic paragraph out right to left (Pango takes the direction
  // from the first letter) in a deck whose paragraphs run left to right: "نتوقع كثيرا."
  // is drawn ".اريثك عقوتن", the stop at the left end (issue 16)
  auto w = [](const std::string& t, double x0, double x1) { return test::even_word(t, x0, x1); };
  EXPECT_EQ(extract::rtl_text({w(".اريثك", 0, 60), w("عقوتن", 68, 118)}, false), "نتوقع كثيرا.");
}

TEST(Blocks, WrappedChineseItemsInLooseLineSpacingStayWhole) {
  // impress-pptx-zh-1068 page 5: items a) and b) at 18 pt, line spacing 1.3 (wrapped lines
  // 28 pt apart, 1.56 em), 6 pt between items; a Chinese deck has no lower case to measure
  // its wrapped-line pitch by, and 1.2 em is assumed
  PageBuilder p(1);
  p.line("总览", 43, 17, 24, true);
  p.word("a)", 71, 79, 18);
  p.word("本次调查收到来自九十三个国家的回", 87, 79, 18);
  p.word("复一千二百四十份创下该社区的纪", 87, 107, 18);
  p.word("录。", 87, 135, 18);
  p.word("b)", 71, 169, 18);
  p.word("小型运营商往往缺少人手难以", 87, 169, 18);
  p.word("跟进多个组织的标准工作。", 87, 197, 18);
  // (no two lines end within a point of each other: nothing measures the page's pitch)
  Deck d = analyze({p});
  ASSERT_EQ(d.slides.size(), 1u);
  EXPECT_EQ(texts(d.slides[0]), (std::vector<std::string>{"本次调查收到来自九十三个国家的回复一千二百四十份创下该社区的纪录。",
                                                          "小型运营商往往缺少人手难以跟进多个组织的标准工作。"}));
}

TEST(Wrap, ThaiLineEndingInADrawnSpaceJoinsWithASpace) {
  // impress-pptx-th-1165 page 8: Impress draws the space typed where a Thai item wrapped
  // at the end of the upper line; Thai sets no space where it wraps between words
  PageBuilder p(1);
  p.line("Budget", 43, 17, 24, true);
  p.bullet("•", "งบประมาณปี 2026 มีความสมดุล", 63, 83, 143.5, 18);
  double end = p.pw.words.back().x1;
  p.pw.spaces.push_back({end, 143.5, end + 5, 143.5 + 21.6});
  p.line("พร้อมเงินสำรองเล็กน้อยสำหรับค่าเดินทาง", 83, 166.1, 18);
  p.bullet("•", "เอกสารมีหมายเลขตามปีและลำดับเลขที่", 63, 83, 200.0, 18);
  p.line("เพิ่มเติมอีกด้วย", 83, 222.6, 18);
  Deck d = analyze({p});
  ASSERT_EQ(d.slides.size(), 1u);
  EXPECT_EQ(texts(d.slides[0]), (std::vector<std::string>{"งบประมาณปี 2026 มีความสมดุล พร้อมเงินสำรองเล็กน้อยสำหรับค่าเดินทาง",
                                                          "เอกสารมีหมายเลขตามปีและลำดับเลขที่เพิ่มเติมอีกด้วย"}));
}

TEST(Wrap, ChineseLinesEndedShortJoinWithASpace) {
  // cairo-zh-1123 page 4: four level-0 paragraphs of one box at the line pitch (one item,
  // as readers take them); the upper lines end where the next line's first ideograph
  // would have fitted within the widest line: paragraph ends, joined with a space
  PageBuilder p(1);
  p.line("背景", 43, 15.5, 28, true);
  p.word("我们建议循序渐进，从最大的网络开始部署。", 43, 81.2, 16);
  p.word("每个会场都有实时字幕", 43, 104.19, 16);
  p.word("14个城市设有远程分会场", 43, 127.18, 16);
  p.pw.words.back().x1 = 219.99;
  p.word("一段简短的视频用不到五分钟介绍了标准制定流程。", 43, 150.18, 16);
  Deck d = analyze({p});
  ASSERT_EQ(d.slides.size(), 1u);
  EXPECT_EQ(texts(d.slides[0]),
            (std::vector<std::string>{"我们建议循序渐进，从最大的网络开始部署。 每个会场都有实时字幕 14个城市设有远程分会场 "
                                      "一段简短的视频用不到五分钟介绍了标准制定流程。"}));
}

TEST(Wrap, JapaneseLineEndedAWordShortStaysJoined) {
  // impress-pptx-ja-1162 page 5: LibreOffice breaks Japanese between dictionary words;
  // "この地域の事業者による" ends two ideographs short of the widest line, where UAX #14
  // would have let "と、" stand: a wrap all the same, no space
  PageBuilder p(1);
  p.line("IETF の活動", 43.2, 17, 28, true);
  p.bullet("•", "この地域の事業者による", 63.21, 81.21, 174.4, 20);
  p.word("と、IXでのサービス停止の主", 81.21, 205.18, 20);
  p.pw.words.back().x1 = 347.77;
  p.word("な原因は今も停電です。", 81.21, 232.87, 20);
  Deck d = analyze({p});
  ASSERT_EQ(d.slides.size(), 1u);
  EXPECT_EQ(texts(d.slides[0]), (std::vector<std::string>{"この地域の事業者によると、IXでのサービス停止の主な原因は今も停電です。"}));
}

TEST(Bullets, NumberGluedToJapaneseTextIsCutWhereItsTextStarts) {
  // impress-pptx-ja-1030 page 10: Impress sets no space after a Japanese item's number:
  // "(1)ラフコンセンサスと動く" is one word, its wrapped line starting under the text, 22 pt
  // in; "(2)14" is one word before "都市にリモート拠点"
  PageBuilder p(1);
  p.line("参加者の構成", 43.2, 17.2, 32, true);
  p.word("(1)ラフコンセンサスと動く", 67.21, 84.88, 20);
  p.pw.words.back().x1 = 309.91;
  p.word("コード", 89.21, 108.89, 20);
  p.word("(2)14", 67.21, 138.88, 20);
  p.pw.words.back().x1 = 113.52;
  p.word("都市にリモート拠点", 117.0, 138.88, 20);
  Deck d = analyze({p});
  ASSERT_EQ(d.slides.size(), 1u);
  ASSERT_EQ(d.slides[0].blocks.size(), 2u);
  EXPECT_EQ(d.slides[0].blocks[0].marker, "(1)");
  EXPECT_EQ(d.slides[0].blocks[0].text, "ラフコンセンサスと動くコード");
  EXPECT_EQ(d.slides[0].blocks[1].marker, "(2)");
  EXPECT_EQ(d.slides[0].blocks[1].text, "14都市にリモート拠点");
}

TEST(Blocks, WrappedChineseItemGoingOnWithADigitStaysWhole) {
  // impress-pptx-zh-1068 page 5: item a)'s wrapped line starts with "1240", a digit, which
  // tells no more than an ideograph would (loose line spacing, 1.56 em)
  PageBuilder p(1);
  p.line("总览", 43, 17, 24, true);
  p.word("a)", 71, 79, 18);
  p.word("本次调查收到来自九十三个国家的回", 87, 79, 18);
  p.word("1240份答复创下该社区的纪录", 87, 107, 18);
  p.word("b)", 71, 141, 18);
  p.word("小型运营商往往缺少人手难以", 87, 141, 18);
  p.word("跟进多个组织的标准工作。", 87, 169, 18);
  Deck d = analyze({p});
  ASSERT_EQ(d.slides.size(), 1u);
  EXPECT_EQ(texts(d.slides[0]), (std::vector<std::string>{"本次调查收到来自九十三个国家的回1240份答复创下该社区的纪录",
                                                          "小型运营商往往缺少人手难以跟进多个组织的标准工作。"}));
}

TEST(Rtl, MarkOnTheFirstLetterOfALeftToRightParagraphStaysInItsRun) {
  // "اصل دربارهٔ" in a left-to-right paragraph (Impress from PPTX, Persian with rtl="0"),
  // drawn left to right: the hamza above alone first (zero width, at 100.6, over the heh
  // at the line's left end), then "دربارهٔ" as drawn, "هرابرد", then "اصل" as "لصا".
  // Reversed into the visual string, the mark stands first, where UAX #9 (W1) would give
  // it the paragraph's direction and read it before the whole line.
  extract::Word mark = cairo_glyph("\u0654", 100.6, 100.6, 0);
  mark.order_end = 1;
  extract::Word w = cairo_glyph("هرابرد", 97.71, 148.61, 1);
  w.char_x = {97.71, 107.41, 116.70, 122.78, 129.28, 138.67, 148.61};
  w.order_end = 7;
  extract::Word a = cairo_glyph("لصا", 153.89, 193.0, 8);
  a.char_x = {153.89, 168.0, 186.0, 193.0};
  a.order_end = 11;
  EXPECT_EQ(extract::rtl_text({w, mark, a}, false), "اصل دربارهٔ");
}

TEST(Rtl, MarkDrawnAloneRightToLeftGoesWithTheLetterDrawnBeforeIt) {
  // "بُعد" (cairo-ar-1034 page 2): cairo draws a glyph a word, right to left in logical
  // order: beh [581.0, 587.5), then the damma alone at 580.0, zero width, on the edge
  // between the beh and the ain [568.0, 580.5), then the ain and the dal. Where it is
  // drawn says "ain"; the drawing order says "beh", the letter it sits on.
  extract::Word beh = cairo_glyph("ب", 581.01, 587.46, 87);
  extract::Word damma = cairo_glyph("\u064F", 580.0, 580.0, 89);
  extract::Word ain = cairo_glyph("ع", 568.0, 580.5, 91);
  extract::Word dal = cairo_glyph("د", 554.99, 567.76, 93);
  EXPECT_EQ(extract::rtl_text({dal, ain, damma, beh}), "بُعد");
}

TEST(Rtl, NumberInPartsAtTheLeftOfAnAllRightToLeftLineEndsItsSentence) {
  // "המסמכים ממוספרים למשל 2026-014." in a left-to-right paragraph (impress-odp-fa-3045,
  // cairo-he-3121): the number ends the right-to-left run, so it is drawn at the line's
  // left; the full stop takes the paragraph's direction and stands at the right end. A
  // line of no left-to-right letters ends in its number far more often than it starts so.
  extract::Word num = cairo_glyph("2026-014", 10, 80, 0);
  extract::Word a = cairo_glyph("למשל", 90, 130, 2);
  a.char_x = {90, 100, 110, 120, 130};
  extract::Word b = cairo_glyph("ממוספרים", 140, 220, 4);
  b.char_x = {140, 150, 160, 170, 180, 190, 200, 210, 220};
  extract::Word stop = cairo_glyph(".", 221, 225, 6);
  // (the letters as drawn, visual order: each word reversed)
  a.text = "לשמל";
  b.text = "םירפסוממ";
  EXPECT_EQ(extract::rtl_text({num, a, b, stop}, false), "ממוספרים למשל 2026-014.");
}

TEST(Bullets, InkProbeIsAskedForALineFlushRightNearTheMiddle) {
  // cairo-th-20404 page 2 (th1): a right-aligned item 0.7 em off the page's middle, its
  // right edge the one of the paragraph above it: probed as a line set flush right (not
  // left to the centred lines' vote, where a lone line's mark is never taken)
  PageBuilder p(1, 720, 540);
  p.span("วิดีโอสั้น ๆ อธิบายกระบวนการจัดทำมาตรฐานในเวลาไม่ถึงห้านาที", 49.0, 677.01, 100, 24);
  p.span("โครงการนำร่องจะดำเนินการหกเดือนในสามประเทศ ก่อนจะ", 110.0, 677.05, 150, 24);
  auto ls = p.lines();
  auto probe = extract::needs_ink_probe(ls);
  ASSERT_EQ(probe.size(), 2u);
  EXPECT_EQ(ls.lines[probe[1]].text, "โครงการนำร่องจะดำเนินการหกเดือนในสามประเทศ ก่อนจะ");
}

TEST(Bullets, InkProbeReachesFurtherBeforeRightToLeftLetters) {
  // cairo sets an Arabic item's drawn bullet 1.3 to 1.7 em from its text (cairo-ar-1089,
  // cairo-ar-7161): the probe reaches 2.2 em before a line of right-to-left letters, on
  // whichever side its paragraph starts; 1.6 em before a left-to-right line
  extract::Line ar;
  ar.text = "مسودة الميثاق قيد المراجعة";
  ar.x0 = 94.19, ar.x1 = 269.6, ar.y0 = 101.1, ar.y1 = 134.89, ar.size = 16;
  auto r = extract::ink_probe_rect(ar, 720);
  EXPECT_NEAR(r[0], 94.19 - 2.2 * 16, 1e-9);
  EXPECT_NEAR(r[2], 94.19 - 0.12 * 16, 1e-9);
  ar.rtl = true;
  r = extract::ink_probe_rect(ar, 720);
  EXPECT_NEAR(r[0], 269.6 + 0.12 * 16, 1e-9);
  EXPECT_NEAR(r[2], 269.6 + 2.2 * 16, 1e-9);
  extract::Line en = ar;
  en.rtl = false;
  en.text = "Draft charter under review";
  r = extract::ink_probe_rect(en, 720);
  EXPECT_NEAR(r[0], 94.19 - 1.6 * 16, 1e-9);
}

TEST(Bullets, InkProbeIsAskedForALongLineNearTheMiddle) {
  // cairo-ar-7161 page 2 (arfa): a right-to-left item 0.72 of the page wide, its middle
  // 0.35 em off the page's: probed on its own (its drawn bullet 1.7 em right of it), and
  // still in the centred lines' vote
  PageBuilder p(1, 720, 405);
  p.span("تساعد مواصفات IETF المتاحة مجانًا على سد الفجوة المعرفية.", 91.19, 611.81, 85.1, 24);
  p.span("ثلاثة مسارات متوازية", 420.28, 582.21, 147.97, 21.6);
  auto ls = p.lines();
  auto probe = extract::needs_ink_probe(ls);
  auto mid = extract::centred_ink_candidates(ls);
  size_t long_line = ls.lines.size();
  for (size_t k = 0; k < ls.lines.size(); ++k)
    if (ls.lines[k].x1 - ls.lines[k].x0 > 400) long_line = k;
  ASSERT_LT(long_line, ls.lines.size());
  EXPECT_NE(std::find(probe.begin(), probe.end(), long_line), probe.end());
  EXPECT_NE(std::find(mid.begin(), mid.end(), long_line), mid.end());
}

// ---- inline styles (Block::spans): bold, italic and coloured words inside a block
namespace {
struct Styled {
  std::string text;
  bool bold = false, italic = false;
  std::array<double, 3> rgb{0, 0, 0};
};
const Styled B(const std::string& t) { return {t, true}; }
const Styled I(const std::string& t) { return {t, false, true}; }
const Styled R(const std::string& t) { return {t, false, false, {0.8, 0, 0}}; }
// A line of words in their own styles from x, at 18 pt; the font name follows the style.
void styled_line(PageBuilder& p, const std::vector<Styled>& ws, double x, double y) {
  for (const auto& s : ws) {
    p.word(s.text, x, y, 18, s.bold);
    auto& w = p.pw.words.back();
    w.italic = s.italic;
    w.font = std::string("Test") + (s.bold ? "-Bold" : "") + (s.italic ? "-Italic" : "");
    w.rgb = s.rgb;
    x = w.x1 + 0.25 * 18;
  }
  p.pw.words.back().space_after = false;
}
// A content page with a title and one bullet per list of words.
PageBuilder styled_page(const std::vector<std::vector<Styled>>& items) {
  PageBuilder p(1);
  p.line("Inline styles", 40, 20, 30, true);
  double y = 90;
  for (const auto& ws : items) {
    p.word("•", 40, y, 18);
    styled_line(p, ws, 60, y);
    y += 30;
  }
  return p;
}
std::vector<TextSpan> spans_of(const Block& b) { return b.spans; }
}  // namespace

TEST(InlineStyles, ABoldWordInABulletIsASpan) {
  Deck d = analyze({styled_page({{{"IETF"}, {"is"}, B("open"), {"to"}, {"everyone"}}, {{"Plain"}, {"text"}, {"here"}}})});
  ASSERT_EQ(d.slides[0].blocks.size(), 2u);
  const Block& b = d.slides[0].blocks[0];
  EXPECT_EQ(b.text, "IETF is open to everyone");
  EXPECT_FALSE(b.style.bold);
  EXPECT_EQ(spans_of(b), (std::vector<TextSpan>{{8, 12, true, false, ""}}));
  EXPECT_TRUE(d.slides[0].blocks[1].spans.empty());
  // written to the deck JSON as "spans"; a block of one style has no such key
  auto j = to_json(d);
  EXPECT_EQ(j["slides"][0]["blocks"][0]["spans"].dump(), R"([{"begin":8,"end":12,"bold":true}])");
  EXPECT_FALSE(j["slides"][0]["blocks"][1].contains("spans"));
}

TEST(InlineStyles, ARedWordAndAnItalicOne) {
  Deck d = analyze({styled_page({{{"Registration"}, {"is"}, R("free"), {"for"}, I("everyone")}})});
  const Block& b = d.slides[0].blocks[0];
  EXPECT_EQ(b.text, "Registration is free for everyone");
  EXPECT_EQ(spans_of(b), (std::vector<TextSpan>{{16, 20, false, false, "#cc0000"}, {25, 33, false, true, ""}}));
}

TEST(InlineStyles, AnAllBoldBlockHasNoSpansNorDoesARegularWordInIt) {
  // the block's style is bold: its bold words need no span, and a word that is not bold
  // in it is not modelled ("unbold")
  Deck d = analyze({styled_page({{B("Everything"), B("is"), B("bold"), B("here")}, {B("Mostly"), B("bold"), {"but"}, B("this")}})});
  ASSERT_EQ(d.slides[0].blocks.size(), 2u);
  EXPECT_TRUE(d.slides[0].blocks[0].style.bold);
  EXPECT_TRUE(d.slides[0].blocks[0].spans.empty());
  EXPECT_TRUE(d.slides[0].blocks[1].style.bold);
  EXPECT_TRUE(d.slides[0].blocks[1].spans.empty());
}

TEST(InlineStyles, AdjacentWordsOfOneStyleMakeOneSpanOverTheSpaceBetween) {
  Deck d = analyze({styled_page({{{"IETF"}, {"is"}, B("open"), B("to"), {"everyone"}, R("in"), R("every"), I("country")}})});
  const Block& b = d.slides[0].blocks[0];
  EXPECT_EQ(b.text, "IETF is open to everyone in every country");
  // (the red words and the italic one touch but differ: two spans)
  EXPECT_EQ(spans_of(b), (std::vector<TextSpan>{{8, 15, true, false, ""}, {25, 33, false, false, "#cc0000"},
                                                {34, 41, false, true, ""}}));
}

TEST(InlineStyles, ABoldWordOnTheSecondLineOfABlock) {
  PageBuilder p(1);
  p.line("Inline styles", 40, 20, 30, true);
  p.word("•", 40, 90, 18);
  styled_line(p, {{"The"}, {"IETF"}, {"works"}, {"in"}, {"the"}, {"open"}, {"and"}, {"anyone"}}, 60, 90);
  styled_line(p, {{"can"}, B("join"), {"its"}, {"mailing"}, I("lists")}, 60, 112);
  p.word("•", 40, 150, 18);
  styled_line(p, {{"Next"}, {"item"}}, 60, 150);
  Deck d = analyze({p});
  ASSERT_EQ(d.slides[0].blocks.size(), 2u);
  const Block& b = d.slides[0].blocks[0];
  EXPECT_EQ(b.text, "The IETF works in the open and anyone can join its mailing lists");
  EXPECT_EQ(spans_of(b), (std::vector<TextSpan>{{42, 46, true, false, ""}, {59, 64, false, true, ""}}));
}

TEST(InlineStyles, OffsetsAreCodePointsOfTheFinalText) {
  // a word with letters outside ASCII before the span, a hyphen at the line end joined
  // ("groupe-" + "ment" keeps it without a dictionary), a bold word across the wrap
  PageBuilder p(1);
  p.line("Inline styles", 40, 20, 30, true);
  p.word("•", 40, 90, 18);
  styled_line(p, {{"Élégant"}, {"déjà"}, {"vu"}, {"très"}, B("bien")}, 60, 90);
  p.word("•", 40, 150, 18);
  styled_line(p, {{"Réunion"}, {"du"}, {"premier"}, {"grand"}, {"et"}, {"long"}, B("regroupe-")}, 60, 150);
  styled_line(p, {B("ment"), {"des"}, {"idées"}}, 60, 172);
  Deck d = analyze({p});
  ASSERT_EQ(d.slides[0].blocks.size(), 2u);
  EXPECT_EQ(d.slides[0].blocks[0].text, "Élégant déjà vu très bien");
  EXPECT_EQ(spans_of(d.slides[0].blocks[0]), (std::vector<TextSpan>{{21, 25, true, false, ""}}));
  const Block& b = d.slides[0].blocks[1];
  EXPECT_EQ(b.text, "Réunion du premier grand et long regroupe-ment des idées");
  EXPECT_EQ(spans_of(b), (std::vector<TextSpan>{{33, 46, true, false, ""}}));
}

TEST(InlineStyles, AMarkerInAnotherColourIsNoSpan) {
  PageBuilder p = styled_page({{{"A"}, {"plain"}, {"item"}}});
  p.pw.words[2].rgb = {0.8, 0, 0};  // the bullet (after the title's two words)
  ASSERT_EQ(p.pw.words[2].text, "•");
  Deck d = analyze({p});
  EXPECT_EQ(d.slides[0].blocks[0].marker, "•");
  EXPECT_TRUE(d.slides[0].blocks[0].spans.empty());
}

TEST(InlineStyles, ARightToLeftBlockHasSpansInItsLogicalText) {
  // a Hebrew item with a bold word and a bold Latin run, drawn right to left (each word's
  // letters in visual order): the spans are offsets into the logical text
  auto rev = [](const std::string& s) {
    std::u32string t = unicode::decode(s);
    std::reverse(t.begin(), t.end());
    return unicode::encode(t);
  };
  PageBuilder p(1);
  p.word(rev("תוכנית"), 600, 20, 30, true);
  test::even_char_x(p.pw.words.back());
  p.word("•", 690, 100, 12);
  struct H { std::string t; double x; bool bold; };
  for (const H& h : {H{"מושב", 620, false}, H{"פתוח", 570, true}, H{"IETF", 520, true}, H{"לכל", 480, false}}) {
    bool latin = h.t == "IETF";
    p.word(latin ? h.t : rev(h.t), h.x, 96, 20, h.bold);
    if (!latin) test::even_char_x(p.pw.words.back());
  }
  Deck d = analyze({p});
  ASSERT_EQ(d.slides[0].blocks.size(), 1u);
  const Block& b = d.slides[0].blocks[0];
  EXPECT_EQ(b.text, "מושב פתוח IETF לכל");
  EXPECT_EQ(spans_of(b), (std::vector<TextSpan>{{5, 14, true, false, ""}}));
}

TEST(InlineStyles, CodeListingsHaveNone) {
  PageBuilder p(1);
  p.line("Inline styles", 40, 20, 30, true);
  for (int k = 0; k < 3; ++k) {
    styled_line(p, {{"let"}, B("x"), {"="}, {"1;"}}, 60, 90 + 22.0 * k);
    for (size_t q = p.pw.words.size() - 4; q < p.pw.words.size(); ++q) {
      p.pw.words[q].mono = true;
      p.pw.words[q].font = p.pw.words[q].bold ? "Courier-Bold" : "Courier";
    }
  }
  Deck d = analyze({p});
  ASSERT_FALSE(d.slides[0].blocks.empty());
  for (const auto& b : d.slides[0].blocks) {
    EXPECT_TRUE(b.code) << b.text;
    EXPECT_TRUE(b.spans.empty()) << b.text;
  }
}

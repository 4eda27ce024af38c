// Issue 7: one test per extraction rule (1-11), on synthetic word boxes (no PDF). The
// test suite names follow the rule numbers of issue 7 ("Rule1_...").
#include <gtest/gtest.h>
#include <set>

#include "core/direction.hpp"
#include "extract/analysis.hpp"
#include "extract/ink.hpp"
#include "extract/visibility.hpp"
#include "synthetic.hpp"

using namespace deckhand;
using deckhand::test::PageBuilder;
using deckhand::test::analyze_pages;
using deckhand::test::texts;
using deckhand::test::even_char_x;

namespace {

// Hebrew drawn the way Impress writes it: each word's characters in visual order
// (reversed), words placed right to left.
bool has_rtl_letters(const std::string& s) {
  for (char32_t c : unicode::decode(s))
    if (c >= 0x0590 && c <= 0x08FF) return true;
  return false;
}

std::string rev(const std::string& s) {
  std::u32string u = unicode::decode(s);
  std::reverse(u.begin(), u.end());
  return unicode::encode(u);
}

// A right-to-left word's characters at even positions (even_char_x), each drawn with a
// glyph of its own (no ligature), as Poppler gives a word it has a glyph map for.
void glyph_each(extract::Word& w) {
  even_char_x(w);
  w.char_glyph.clear();
  for (size_t g = 0; g + 1 < w.char_x.size(); ++g) w.char_glyph.push_back(static_cast<int>(g));
}

// A right-to-left line set flush left: the words of `logical` placed from x on, the last
// word leftmost, `gap` apart, each `height` points tall (a tall font's line box) from y and
// drawn a glyph a character. Returns the x right of the line.
double rtl_line_from_left(PageBuilder& p, const std::vector<std::string>& logical, double x, double y, double size,
                          double height, double gap, bool bold = false) {
  for (auto it = logical.rbegin(); it != logical.rend(); ++it) {
    p.word(rev(*it), x, y, size, bold);
    auto& w = p.pw.words.back();
    w.y1 = y + height;
    glyph_each(w);
    x = w.x1 + gap;
  }
  return x;
}

// rtl_line_from_left, its words then stretched or squeezed to span from x to x1 (the page's
// own width of the line), each word's characters at even positions again.
void rtl_line_spanning(PageBuilder& p, const std::vector<std::string>& logical, double x, double y, double size,
                       double height, double x1) {
  size_t from = p.pw.words.size();
  double right = rtl_line_from_left(p, logical, x, y, size, height, 6) - 6;
  double k = (x1 - x) / (right - x);
  for (size_t i = from; i < p.pw.words.size(); ++i) {
    auto& w = p.pw.words[i];
    w.x0 = x + (w.x0 - x) * k;
    w.x1 = x + (w.x1 - x) * k;
    even_char_x(w);
  }
}

// A word as a content stream draws it: its box from x0 to x1, top y, `height` tall, its
// baseline `base` under the top, drawn at `order` (the count of the page's characters so
// far), which moves on past its characters and, where `space_after`, a space drawn after it.
extract::Word& drawn_word(PageBuilder& p, int& order, const std::string& t, double x0, double x1, double y, double size,
                          double height, double base, bool space_after) {
  auto& w = p.span(t, x0, x1, y, size);
  w.y1 = y + height;
  w.base = y + base;
  w.order = order;
  order += static_cast<int>(unicode::decode(t).size());
  w.order_end = order;
  if (space_after) ++order;
  w.space_after = false;
  return w;
}
// The text of the one line that words on one baseline make (top `y`, `size` points): each
// word from x0 to x1, with a space after it only where `space_after`. Empty when they make
// no line or more than one.
struct Span {
  const char* text;
  double x0, x1;
  bool space_after = false;
};
std::string one_line(const std::vector<Span>& spans, double y, double size) {
  PageBuilder p(1);
  for (const auto& s : spans) p.span(s.text, s.x0, s.x1, y, size).space_after = s.space_after;
  auto pl = p.lines();
  return pl.lines.size() == 1 ? pl.lines[0].text : std::string();
}
}  // namespace

// ---- rule 1: right to left
TEST(Rule1_RightToLeft, DirectionComesFromThePageNotFromTheLatinWordCount) {
  // "מושב IETF על WSIS+20" has more Latin letters than Hebrew ones; on a Hebrew page it
  // is still a right-to-left line: bullet at the right is the marker, the level is 1.
  PageBuilder p(1);
  // title (right aligned)
  p.word(rev("תוכנית"), 600, 20, 30, true);
  p.word(rev("הכנס"), 500, 20, 30, true);
  p.word("•", 690, 100, 12);
  p.word(rev("מושב"), 620, 96, 20);
  p.word("IETF", 570, 96, 20);
  p.word(rev("על"), 545, 96, 20);
  p.word("WSIS+20", 460, 96, 20);
  p.word("•", 690, 130, 12);
  p.word(rev("הרשמה"), 600, 126, 20);
  p.word(rev("פתוחה"), 540, 126, 20);
  for (auto& w : p.pw.words)
    if (w.text != "•" && w.text.find("IETF") == std::string::npos && w.text.find("WSIS") == std::string::npos) {
      even_char_x(w);
    }
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  EXPECT_EQ(d.direction, "rtl");
  ASSERT_EQ(d.slides[0].blocks.size(), 2u);
  EXPECT_EQ(d.slides[0].blocks[0].text, "מושב IETF על WSIS+20");
  EXPECT_EQ(d.slides[0].blocks[0].level, 1);
  EXPECT_EQ(d.slides[0].blocks[0].marker, "•");
  EXPECT_EQ(d.slides[0].title, "תוכנית הכנס");  // read from the right
}

TEST(Rule1_RightToLeft, FullFirstLineContinuesAcrossLooseHebrewLineSpacing) {
  // cairo-he-1130 page 8: a Hebrew paragraph at 24 pt filling its box, wrapped 35.9 pt
  // (1.5 em) under it, where a deck with no lower case to measure assumes 1.2 em
  PageBuilder p(1);
  auto line = [&](const std::vector<std::string>& ws, double right, double y) {
    double x = right;
    for (const auto& t : ws) {
      double w = 12.0 * static_cast<double>(unicode::decode(t).size());
      auto& wd = p.span(rev(t), x - w, x, y, 24);
      even_char_x(wd);
      x -= w + 6;
    }
  };
  p.word(rev("המסמכים"), 560, 15.5, 28, true);
  even_char_x(p.pw.words.back());
  line({"הסקירה", "תסתיים", "בדצמבר", "בפגישה", "ברמה", "גבוהה", "של", "העצרת", "הכללית", "של", "האומות"}, 677.2, 72.8);
  line({"המאוחדות."}, 677.2, 108.7);
  line({"תהליך", "פתוח", "ושקוף", "לכל", "המשתתפים", "בכנס", "האזורי", "הזה", "השנה"}, 677.2, 156.6);
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  ASSERT_EQ(d.slides[0].blocks.size(), 2u);
  EXPECT_EQ(d.slides[0].blocks[0].text, "הסקירה תסתיים בדצמבר בפגישה ברמה גבוהה של העצרת הכללית של האומות המאוחדות.");
}

TEST(Rule1_RightToLeft, FullStopAtTheRightEndOfARightToLeftLineEndsItsSentence) {
  // cairo-ar-1001 page 3: an Arabic sentence in a left-to-right paragraph, set flush left;
  // its full stop, a neutral, takes the paragraph's direction and stands at the right end,
  // where a right-to-left reading of the line starts
  PageBuilder p(1);
  double x = 43;
  for (const std::string t : {"هنا", "مشارك", "ستمائة", "نحو", "نتوقع"}) {
    double w = 9.0 * static_cast<double>(unicode::decode(t).size());
    auto& wd = p.span(rev(t), x, x + w, 81.9, 18);
    even_char_x(wd);
    x += w + 5;
  }
  p.word(".", x - 5, 81.9, 18);
  p.pw.words.back().x1 = x - 1;
  extract::PageLines pl = extract::build_lines(p.pw, true);
  ASSERT_EQ(pl.lines.size(), 1u);
  EXPECT_EQ(pl.lines[0].text, "نتوقع نحو ستمائة مشارك هنا.");
}

TEST(Rule1_RightToLeft, AHarakaDrawnAloneStaysOnItsLetterBesideAnotherDrawnAlone) {
  // a new user's cairo deck in Amiri and a page of our own (Pango): cairo draws each haraka
  // as a word of its own, in logical order, the fatha of "قَ" 0.16 em right of the sukun of
  // the "بْ" drawn after it; the sukun's word took the fatha ("قبَْلَ")
  PageBuilder p(1);
  auto glyph = [&](const char* t, double x0, double x1, int order) {
    auto& w = p.span(t, x0, x1, 30, 32);
    w.y1 = 86.26;
    w.base = 68;
    w.order = order;
    w.order_end = order + 2;
    w.space_after = false;
    glyph_each(w);
  };
  glyph("ق", 197.01, 206.45, 0);
  glyph("\u064E", 190.99, 190.99, 2);  // fatha
  glyph("ب", 189.01, 196.82, 4);
  glyph("\u0652", 186.0, 186.0, 6);  // sukun
  glyph("ل", 167.98, 188.59, 8);
  glyph("\u064E", 169.01, 169.01, 10);
  auto pl = p.lines();
  ASSERT_EQ(pl.lines.size(), 1u);
  EXPECT_EQ(pl.lines[0].text, "\u0642\u064E\u0628\u0652\u0644\u064E");
}

TEST(Rule1_RightToLeft, AHarakaGluedToTheLetterDrawnAfterItGoesToTheOneBefore) {
  // a new user's cairo deck in Amiri and a page of our own (Pango): the fatha of "مَ" drawn
  // right after the meem, 0.34 em from its left edge, and glued by Poppler to the waw drawn
  // next ("َو"): it went to the waw ("يوْمََ" for "يَوْمَ", "الموْق" for "المَوْق")
  PageBuilder p(1);
  auto glyph = [&](const char* t, double x0, double x1, int order, int len = 2) -> extract::Word& {
    auto& w = p.span(t, x0, x1, 100, 32);
    w.y1 = 156.26;
    w.base = 138;
    w.order = order;
    w.order_end = order + len;
    w.space_after = false;
    glyph_each(w);
    return w;
  };
  glyph("ا", 221.0, 227.9, 68);
  glyph("ل", 214.0, 220.6, 70);
  glyph("م", 209.0, 213.7, 72);
  auto& fw = glyph("\u064Eو", 201.98, 209.02, 74, 4);
  fw.char_x = {201.98, 197.98, 209.02};
  fw.char_glyph = {0, 1};
  glyph("\u0652", 197.0, 197.0, 78);
  glyph("ق", 189.0, 198.4, 80);
  auto pl = p.lines();
  ASSERT_EQ(pl.lines.size(), 1u);
  EXPECT_EQ(pl.lines[0].text, "\u0627\u0644\u0645\u064E\u0648\u0652\u0642");
}

TEST(Rule1_RightToLeft, WrappedLineOfATallFontAtLooseSpacingContinuesItsParagraph) {
  // impress-odp-fa-3177 page 3: a Persian paragraph in Noto Sans Arabic at 28 pt and 1.5
  // lines, set flush left; its boxes 1.3 em tall (36.4 pt), its lines 3.16 em apart: the
  // boxes stand 52 pt apart, more than their height (issue 16)
  PageBuilder p(1);
  auto line = [&](const std::vector<std::string>& ws, double left, double y) {
    double x = left;
    for (auto it = ws.rbegin(); it != ws.rend(); ++it) {
      double w = 11.0 * static_cast<double>(unicode::decode(*it).size());
      auto& wd = p.span(rev(*it), x, x + w, y, 28);
      wd.y1 = y + 36.4;
      wd.base = y + 26.6;
      x += w + 7;
    }
  };
  p.word(rev("منابع"), 560, 15.5, 40, true);
  line({"پرسش‌ها", "را", "می‌توان", "با", "ایمیل", "فرستاد", "یا", "پشت", "میکروفون"}, 43, 129.4);
  line({"آزاد", "مطرح", "کرد."}, 43, 217.9);
  line({"بودجه", "متوازن", "است."}, 43, 330);
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  ASSERT_EQ(d.slides[0].blocks.size(), 2u);
  EXPECT_EQ(d.slides[0].blocks[0].text, "پرسش‌ها را می‌توان با ایمیل فرستاد یا پشت میکروفون آزاد مطرح کرد.");
}

TEST(Rule1_RightToLeft, CentredItemWrappedUnderLooseSpacingStaysWhole) {
  // impress-odp-fa-1021 page 5: centred Persian items at 20 pt, each first line filling
  // the box, wrapped 34.8 pt (1.74 em) under it
  PageBuilder p(1);
  auto line = [&](const std::vector<std::string>& ws, double right, double y, bool marker) {
    double x = right;
    if (marker) {
      p.span("\u25AA", right + 10, right + 22, y, 20);
    }
    for (const auto& t : ws) {
      double w = 10.0 * static_cast<double>(unicode::decode(t).size());
      auto& wd = p.span(rev(t), x - w, x, y, 20);
      even_char_x(wd);
      x -= w + 5;
    }
  };
  p.word(rev("درس‌ها"), 240, 14, 32, true);
  even_char_x(p.pw.words.back());
  line({"مشارکت", "از", "راه", "دور", "رایگان", "است", "و", "برای", "همهٔ", "کسانی", "که", "از", "پیش", "ثبت‌نام"}, 629.2, 129.1, true);
  line({"کنند", "باز", "است."}, 394.2, 163.9, false);
  line({"مشارکت", "از", "راه", "دور", "رایگان", "است", "و", "برای", "همهٔ", "کسانی", "که", "از", "پیش", "ثبت‌نام"}, 629.2, 207.9, true);
  line({"می‌شود."}, 371.8, 242.7, false);
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  ASSERT_EQ(d.slides[0].blocks.size(), 2u);
  EXPECT_EQ(d.slides[0].blocks[0].text,
            "مشارکت از راه دور رایگان است و برای همهٔ کسانی که از پیش ثبت‌نام کنند باز است.");
}

TEST(Rule1_RightToLeft, NumbersDrawnLeftwardsOnARightToLeftPageReadFromTheRight) {
  // impress-odp-fa-1065 page 2: a Persian table's cell "12 000 EUR", which UAX #9 shows as
  // "EUR 000 12" in a right-to-left paragraph, drawn in logical order from the right end
  PageBuilder p(1);
  auto at = [&](const std::string& t, double x0, double x1, double y, int order) {
    auto& w = p.span(t, x0, x1, y, 18);
    w.order = order, w.order_end = order + static_cast<int>(unicode::decode(t).size());
    even_char_x(w);
  };
  at(rev("ملاحظات"), 120.0, 220.8, 20.4, 0);
  at(rev("امنیتی"), 43.0, 110.0, 20.4, 8);
  at("EUR", 171.3, 205.2, 97.1, 26);
  at("000", 210.5, 239.2, 97.1, 22);
  at("12", 244.6, 263.8, 97.1, 19);
  // (a Latin name drawn left to right stays as it is)
  at("Open", 300.9, 340.0, 97.1, 40);
  at("Source", 345.0, 400.0, 97.1, 45);
  extract::PageLines pl = extract::build_lines(p.pw, true);
  std::vector<std::string> got;
  for (const auto& l : pl.lines)
    if (l.y0 > 90) got.push_back(l.text);
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, (std::vector<std::string>{"12 000 EUR", "Open Source"}));
}

TEST(Rule1_RightToLeft, NumberAndBracketDrawnAsTwoWordsAreTheLinesMarker) {
  // impress-pptx-ar-1067 page 2: "1)" at the right end of an Arabic item, the digit in Noto
  // Sans Arabic and the bracket in Noto Sans, two words touching, 18 pt before the text
  PageBuilder p(1);
  auto at = [&](const std::string& t, double x0, double x1, const std::string& font) {
    auto& w = p.span(t, x0, x1, 89.9, 22);
    w.font = font;
    if (has_rtl_letters(t)) even_char_x(w);
  };
  at("1", 640.29, 652.87, "NotoSansArabic");
  at(")", 633.71, 640.31, "NotoSans");
  at(rev("مرحبا"), 575.0, 615.37, "NotoSansArabic");
  at(rev("بكم"), 520.0, 568.0, "NotoSansArabic");
  extract::PageLines pl = extract::build_lines(p.pw, true);
  ASSERT_EQ(pl.lines.size(), 1u);
  EXPECT_EQ(pl.lines[0].marker, "1)");
  EXPECT_EQ(pl.lines[0].text, "مرحبا بكم");
}

TEST(Rule1_RightToLeft, BulletAtTheLeftEndOfARightToLeftLineIsItsMarkerAndMakesTheParagraphLeftToRight) {
  // A PPTX paragraph left at rtl="0" with Hebrew text: Impress draws its bullet on the left.
  PageBuilder p(1);
  p.word(rev("שלום"), 600, 100, 20);
  p.word(rev("עולם"), 540, 100, 20);
  p.word("•", 520, 104, 12);
  auto pl = p.lines();
  ASSERT_EQ(pl.lines.size(), 1u);
  EXPECT_FALSE(pl.lines[0].rtl);
  EXPECT_EQ(pl.lines[0].marker_side, -1);
  EXPECT_EQ(pl.lines[0].marker, "•");
  EXPECT_EQ(pl.lines[0].text, "שלום עולם");
}

TEST(Rule1_RightToLeft, BulletAtTheRightEndMakesTheParagraphRightToLeft) {
  PageBuilder p(1);
  p.word("•", 680, 104, 12);
  p.word(rev("שלום"), 600, 100, 20);
  p.word("IETF", 540, 100, 20);
  auto pl = p.lines();
  ASSERT_EQ(pl.lines.size(), 1u);
  EXPECT_TRUE(pl.lines[0].rtl);
  EXPECT_EQ(pl.lines[0].marker_side, 1);
  EXPECT_EQ(pl.lines[0].text, "שלום IETF");
}

TEST(Rule1_RightToLeft, MixedLineOfARightToLeftDeckIsRightToLeftEvenWithAsManyLatinLetters) {
  // "רסלה IETF אלי WSIS+20": as many Latin letters as Hebrew ones, alone on its page. The
  // page alone cannot tell; the deck (right to left, taken together) can (extract.cpp
  // reads such pages again with build_lines(page, true)).
  PageBuilder p(1);
  p.word("WSIS+20", 300, 100, 20);
  p.word(rev("אלי"), 390, 100, 20);
  p.word("IETF", 430, 100, 20);
  p.word(rev("רסלה"), 480, 100, 20);
  for (auto& w : p.pw.words)
    if (w.text.find("IETF") == std::string::npos && w.text.find("WSIS") == std::string::npos) {
      even_char_x(w);
    }
  extract::PageLines alone = extract::build_lines(p.pw);
  ASSERT_EQ(alone.lines.size(), 1u);
  EXPECT_FALSE(alone.lines[0].rtl);  // on its own: a left-to-right line...
  EXPECT_EQ(alone.lines[0].text, "WSIS+20 " + std::string("אלי") + " IETF " + std::string("רסלה"));  // ...its Hebrew words still in logical order
  extract::PageLines in_deck = extract::build_lines(p.pw, true);
  ASSERT_EQ(in_deck.lines.size(), 1u);
  EXPECT_TRUE(in_deck.lines[0].rtl);
  EXPECT_EQ(in_deck.lines[0].text, std::string("רסלה") + " IETF " + std::string("אלי") + " WSIS+20");
}

TEST(Rule1_RightToLeft, WatermarkDrawnALetterAWordIsOneFaintWord) {
  // cairo draws a letter-spaced watermark "טיוטה" one Poppler word per letter, light grey,
  // 60 pt, over a title at 44 pt; the letters drawn in a row are one faint word, which
  // the deck finds on many pages and leaves out
  auto page = [] {
    PageBuilder p(1);
    double x = 400;
    int order = 0;
    for (const char* letter : {"ט", "י", "ו", "ט", "ה"}) {  // drawn right to left
      p.word(letter, x, 100, 60);
      auto& w = p.pw.words.back();
      w.x1 = x + 30;
      w.rgb = {0.85, 0.85, 0.85};
      w.order = order, w.order_end = order + 2, order += 2;
      x -= 32;
    }
    double right = 500;
    for (const char* word : {"תקנים", "פתוחים"}) {
      p.word(rev(word), right - 100, 110, 44);
      auto& w = p.pw.words.back();
      w.x1 = right;
      w.order = order, w.order_end = order + 10, order += 10;
      right -= 115;
    }
    return p;
  };
  PageBuilder p = page();
  extract::PageLines first = extract::build_lines(p.pw, true);
  ASSERT_EQ(first.faint.size(), 1u);
  EXPECT_EQ(first.faint[0].text, "טיוטה");
  std::vector<extract::FaintWord> marks = first.faint;
  extract::PageLines again = extract::build_lines(p.pw, true, std::nullopt, &marks);
  ASSERT_EQ(again.lines.size(), 1u);
  EXPECT_EQ(again.lines[0].text, "תקנים פתוחים");
  EXPECT_EQ(again.watermarks, std::vector<std::string>{"טיוטה"});
}

TEST(Rule1_RightToLeft, NarrowLetterTwiceSideBySideIsNoShadowCopy) {
  // "יי" of "להתייעצות" drawn one glyph a word (cairo): the second yod, 0.2 em to the
  // left of the first on the same baseline, is a letter, not a shadow copy
  PageBuilder p(1);
  double x = 500;
  int order = 0;
  for (const char* letter : {"ל", "ה", "ת", "י", "י", "ע", "צ", "ו", "ת"}) {
    bool yod = std::string(letter) == "י";
    double width = yod ? 4 : 10;
    p.word(letter, x - width, 100, 20);
    auto& w = p.pw.words.back();
    w.x1 = x;
    w.space_after = false;
    w.order = order, w.order_end = order + 2, order += 2;
    w.char_x = {w.x0, w.x1};
    x -= width;
  }
  extract::PageLines pl = extract::build_lines(p.pw, true);
  ASSERT_EQ(pl.lines.size(), 1u);
  EXPECT_EQ(pl.lines[0].text, "להתייעצות");
}

TEST(Rule1_RightToLeft, ParagraphSetFlushLeftKeepsItsWrappedLines) {
  // Impress's "end" alignment in a right-to-left paragraph: the lines share their left
  // edge, their starts (right edges) ragged 4.3 em apart; the second line wraps the first
  auto rtl_line = [](PageBuilder& p, const std::vector<std::string>& logical, double left, double y, double size) {
    double x = left;
    for (auto it = logical.rbegin(); it != logical.rend(); ++it) {  // visual order: last word leftmost
      p.word(rev(*it), x, y, size);
      auto& w = p.pw.words.back();
      even_char_x(w);
      x = w.x1 + 0.25 * size;
    }
  };
  PageBuilder p(1);
  rtl_line(p, {"שאלות", "פתוחות"}, 520, 20, 30);
  rtl_line(p, {"הפיילוט", "יימשך", "שישה", "חודשים", "בשלוש", "אזורים", "ברחבי", "העולם"}, 222, 120, 20);
  rtl_line(p, {"לפני", "קבלת", "החלטה", "סופית."}, 222, 145, 20);
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  EXPECT_EQ(texts(d.slides[0]), (std::vector<std::string>{"הפיילוט יימשך שישה חודשים בשלוש אזורים ברחבי העולם לפני קבלת החלטה סופית."}));
  // set loose (1.75 em, as Noto Naskh and Noto Hebrew stand in Impress): the page's own
  // wrapped pair, the full line over one ending at its left edge, measures the pitch
  PageBuilder q(1);
  rtl_line(q, {"שאלות", "פתוחות"}, 520, 20, 30);
  rtl_line(q, {"הפיילוט", "יימשך", "שישה", "חודשים", "בשלוש", "אזורים", "ברחבי", "העולם"}, 222, 120, 20);
  rtl_line(q, {"לפני", "קבלת", "החלטה", "סופית."}, 222, 155, 20);
  Deck e = analyze_pages({q});
  EXPECT_EQ(texts(e.slides[0]), (std::vector<std::string>{"הפיילוט יימשך שישה חודשים בשלוש אזורים ברחבי העולם לפני קבלת החלטה סופית."}));
}

TEST(Rule1_RightToLeft, ListSetFlushLeftTakesItsLevelsFromTheTypeSize) {
  // a right-to-left list with "end" alignment: every line starts at x = 43 on the left,
  // its bullet on the ragged right; the 20 pt item is a level deeper than the 22 pt ones
  PageBuilder p(1);
  p.word(rev("שאלות"), 500, 20, 30, true);
  struct Item { std::vector<std::string> words; double size; double y; };
  std::vector<Item> items = {{{"גישה", "והכללה"}, 22, 90}, {{"מימון", "לטווח", "ארוך", "מובטח", "היום"}, 22, 130}, {{"דוחות", "רבעוניים"}, 20, 170},
                             {{"הרשמה", "עד", "אפריל"}, 22, 210}};
  for (const auto& it : items) {
    double x = 43;
    for (auto w = it.words.rbegin(); w != it.words.rend(); ++w) {
      p.word(rev(*w), x, it.y, it.size);
      auto& word = p.pw.words.back();
      even_char_x(word);
      x = word.x1 + 0.25 * it.size;
    }
    p.word("\u2022", x + 0.5 * it.size, it.y, it.size);
  }
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  std::vector<int> lv;
  for (const auto& b : d.slides[0].blocks) lv.push_back(b.level);
  EXPECT_EQ(lv, (std::vector<int>{1, 1, 2, 1}));
}

TEST(Rule1_RightToLeft, ZeroWidthMarkDrawnApartLeavesNoGapInTheLine) {
  // "دو شاخهٔ تازه تأسیس شد" (Impress, Amiri 16 pt): the hamza above of "شاخهٔ" is a word
  // of its own, zero wide, drawn 3 pt into the word; "دو" stands 4.6 pt (a word space)
  // after the word's right edge, 30 pt after the mark
  PageBuilder p(1);
  auto at = [&](const std::string& t, double x0, double x1) {
    auto& w = p.span(t, x0, x1, 123, 16);
    even_char_x(w);
  };
  at("دش", 293.1, 309.7); at("سیسأت", 314.3, 352.1); at("هزات", 356.7, 375.6); at("هخاش", 380.3, 408.7);
  at("\u0654", 383.4, 383.4); at("ود", 413.3, 426.9);
  extract::PageLines pl = extract::build_lines(p.pw, true);
  ASSERT_EQ(pl.lines.size(), 1u);
  EXPECT_EQ(pl.lines[0].text, "دو شاخهٔ تازه تأسیس شد");
}

TEST(Rule1_RightToLeft, DiagonalWatermarkWithANarrowLetterIsSlanted) {
  // "טיוטה" at 73 pt (Impress), one word a letter falling to the left; the yod steps only
  // 10 pt down for 33 pt across, under an eighth of its 95 pt box, but at the run's angle
  PageBuilder p(1);
  auto letter = [&](const std::string& t, double x0, double y0, double x1) {
    auto& w = p.span(t, x0, x1, y0, 73.3);
    w.y1 = y0 + 95.3;
    w.rgb = {0.8, 0.8, 0.8};
  };
  letter("ט", 326.2, 177.5, 370.1);
  letter("י", 304.1, 187.8, 326.2);
  letter("ו", 281.6, 198.2, 304.1);
  letter("ט", 238.6, 218.2, 282.5);
  p.word(rev("תונכהה"), 339.7, 182, 29.3, true);
  p.word(rev("תריקסל"), 230.9, 182, 29.3, true);
  extract::PageLines pl = extract::build_lines(p.pw, true);
  // the title's line holds its two words (13 characters) and no letter of the watermark
  size_t title_chars = 0;
  for (const auto& l : pl.lines)
    if (l.size < 40) title_chars = unicode::decode(l.text).size();
  EXPECT_EQ(title_chars, 13u);
}

TEST(Rule1_Lines, StretchedGapOfANarrowJustifiedColumnIsNoColumnGap) {
  // impress-odp-de-1106 page 7: a level-2 item justified in a column 195 pt wide, beside
  // another column; "gesetz" and "verpflichtet" stretched 39 pt (2 em) apart, the lines
  // above and below sharing both edges and a word across the gap
  PageBuilder p(1);
  auto at = [&](const std::string& t, double x0, double x1, double y) {
    p.span(t, x0, x1, y, 20);
  };
  // the other column, on the same lines
  at("ausdrücklich", 160.0, 260.0, 149.0);
  at("er-", 266.0, 290.0, 149.0);
  at("wünscht.", 101.9, 188.7, 169.1);
  at("Das", 481.9, 520.0, 129.0);
  at("IT-Sicherheits-", 525.0, 676.9, 129.0);
  at("gesetz", 481.9, 540.9, 149.0);
  at("verpflichtet", 580.0, 676.9, 149.0);
  at("Betreiber", 481.9, 560.0, 169.1);
  at("kritischer", 565.0, 640.0, 169.1);
  at("In-", 645.0, 676.9, 169.1);
  // a table of two columns whose second starts in one place: its gaps stay
  at("Budget", 43.2, 100.0, 250.0);
  at("12", 154.8, 168.0, 250.0);
  at("Fragen", 43.2, 110.0, 270.0);
  at("5", 154.8, 161.5, 270.0);
  extract::PageLines pl = extract::build_lines(p.pw);
  std::vector<std::string> got;
  for (const auto& l : pl.lines) got.push_back(l.text);
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, (std::vector<std::string>{"12", "5", "Betreiber kritischer In-", "Budget", "Das IT-Sicherheits-", "Fragen",
                                           "ausdrücklich er-", "gesetz verpflichtet", "wünscht."}));
}

TEST(Rule1_Lines, TwoStretchedLinesEachCrossingTheOthersGapAreWhole) {
  // cairo-th-1099 page 2: justified Thai in a column 260 pt wide, the first two lines of an
  // item each stretched with one wide gap, each gap under the other line's text, and the
  // text drawn in pieces (letter-spaced)
  PageBuilder p(1);
  auto at = [&](const std::string& t, double x0, double x1, double y) {
    p.span(t, x0, x1, y, 16);
  };
  at("IETF", 85.4, 120.1, 95.7);
  at("ไม่จำเป็", 151.9, 230.0, 95.7);
  at("นต้องมีใบอนุญาตใน", 231.0, 344.7, 95.7);
  at("การดำเนิ", 85.4, 150.0, 121.1);
  at("นงาน", 151.0, 187.2, 121.1);
  at("แต่ก็ไม่ได้อยู่อย่าง", 222.9, 344.6, 121.1);
  at("โดดเดี่ยว", 85.4, 147.3, 146.6);
  extract::PageLines pl = extract::build_lines(p.pw);
  std::vector<std::string> got;
  for (const auto& l : pl.lines) got.push_back(l.text);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].rfind("IETF ไม่จำเป็", 0), 0u) << got[0];
  EXPECT_EQ(got[1].rfind("การดำเนิ", 0), 0u) << got[1];
  EXPECT_NE(got[1].find("แต่ก็"), std::string::npos) << got[1];
}

TEST(Rule1_Lines, StretchedLinesOfOneParagraphTwoLinesApartAreWhole) {
  // impress-odp-de-1018 page 2: justified items at 28 pt, "Alle      Ergebnisse" and
  // "Stromausfälle      an" stretched to one width, 2.3 em apart, a wrapped line between;
  // a side note in 12 pt on the first one's band
  PageBuilder p(1);
  auto at = [&](const std::string& t, double x0, double x1, double y, double size = 28) {
    p.span(t, x0, x1, y, size);
  };
  at("Alle", 107.9, 159.7, 115.8);
  at("Ergebnisse", 353.8, 506.8, 115.8);
  at("Quelle:", 450.0 + 100, 590.0, 124.0, 12);
  at("veröffentlichen", 107.9, 318.3, 148.3);
  at("Stromausfälle", 107.9, 301.1, 180.8);
  at("an", 472.0, 506.8, 180.8);
  at("Austauschpunkten", 107.9, 367.9, 213.3);
  extract::PageLines pl = extract::build_lines(p.pw);
  std::vector<std::string> got;
  for (const auto& l : pl.lines)
    if (l.size > 20) got.push_back(l.text);
  EXPECT_EQ(got, (std::vector<std::string>{"Alle Ergebnisse", "veröffentlichen", "Stromausfälle an", "Austauschpunkten"}));
}

TEST(Rule1_Lines, SideNoteInSmallTypeAfterALineIsALineOfItsOwn) {
  // impress-odp-de-1018 page 2: "Quelle: Umfrage 2025" at 12 pt in a box 33 pt right of a
  // 28 pt item's last word, its baseline 6 pt above the item's
  PageBuilder p(1);
  double end = p.line("Alle Ergebnisse", 107.9, 115.8, 28) - 7;
  p.line("Quelle: Umfrage 2025", end + 33, 124.0, 12);
  extract::PageLines pl = extract::build_lines(p.pw);
  std::vector<std::string> got;
  for (const auto& l : pl.lines) got.push_back(l.text);
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, (std::vector<std::string>{"Alle Ergebnisse", "Quelle: Umfrage 2025"}));
}

TEST(Rule1_Lines, IdeographsAnEmApartWithNothingDrawnBetweenAreTwoCells) {
  // cairo-ja-1041 page 2: a table's header of words of one length in cells 129.6 pt wide,
  // its gaps all 97.6 pt (a stretched line's look), over rows whose cells start where the
  // header's do; the last cells of the rows start 1.16 em after the ones before them, no
  // space drawn between (ideographs and kana leave no gap in running text)
  PageBuilder p(1);
  auto at = [&](const std::string& t, double x0, double x1, double y) {
    p.span(t, x0, x1, y, 16);
    p.pw.words.back().space_after = false;
  };
  at("都市", 42.0, 74.0, 160.0);
  at("日付", 171.6, 203.6, 160.0);
  at("会場", 301.2, 333.2, 160.0);
  at("部屋", 430.8, 462.8, 160.0);
  at("トラック", 560.4, 624.4, 160.0);
  at("メインホール", 42.0, 138.0, 193.2);
  at("ヨーロッパ", 171.6, 251.6, 193.2);
  at("ホスト委員会", 301.2, 397.2, 193.2);
  at("ラテンアメリカ", 430.8, 541.8, 193.2);
  at("大学キャンパス", 560.4, 672.4, 193.2);
  at("国際会議場", 42.0, 122.0, 226.3);
  at("ホテル宴会場", 171.6, 267.6, 226.3);
  at("小規模事業者向", 301.2, 413.2, 226.3);
  at("ワークショップ", 430.8, 542.0, 226.3);
  at("東京", 560.4, 592.4, 226.3);
  extract::PageLines pl = extract::build_lines(p.pw);
  EXPECT_EQ(pl.lines.size(), 15u);
  for (const auto& l : pl.lines) EXPECT_EQ(l.text.find(' '), std::string::npos) << l.text;
}

TEST(Rule1_Lines, LineStretchedAtSeveralGapsIsWholeAcrossTheRun) {
  // a justified line of three words stretched across a narrow column, gaps of 2.1 and 2.6 em
  // (cairo-fa-1098 page 2 sets "اعتبارسنجی   مبدأ   مسیر" so); the line under it
  // shares both edges only with the whole line, not with a part between two gaps
  PageBuilder p(1);
  auto at = [&](const std::string& t, double x0, double x1, double y) {
    p.span(t, x0, x1, y, 20);
  };
  at("Validation", 98.7, 134.5, 117.4);
  at("of", 176.8, 190.5, 117.4);
  at("routes", 242.9, 340.5, 117.4);
  at("now", 98.7, 130.0, 144.2);
  at("covers", 136.0, 190.0, 144.2);
  at("more", 196.0, 240.0, 144.2);
  at("than", 246.0, 280.0, 144.2);
  at("half", 286.0, 340.5, 144.2);
  extract::PageLines pl = extract::build_lines(p.pw);
  ASSERT_EQ(pl.lines.size(), 2u);
  EXPECT_EQ(pl.lines[0].text, "Validation of routes");
}

TEST(Rule1_Lines, TwoIdeographDiagonalWatermarkIsSlanted) {
  // impress-odp-ja-1107 page 8: "草案" at 110 pt, two ideographs climbing to the right over
  // centred 24 pt lines; each letter had joined the line it crosses ("閉会全体会合案")
  PageBuilder p(1);
  auto at = [&](const std::string& t, double x0, double y0, double x1, double y1, double size, int order) {
    p.word(t, x0, y0, size);
    auto& w = p.pw.words.back();
    w.x1 = x1, w.y1 = y1;
    w.order = order, w.order_end = order + static_cast<int>(unicode::decode(t).size());
  };
  at("草", 280.4, 220.1, 380.2, 363.1, 110, 0);
  at("案", 380.1, 173.8, 479.9, 316.8, 110, 1);
  at("学生40名に奨学金", 255.8, 134.2, 464.3, 165.4, 24, 10);
  at("すべての成果を公開", 252.3, 215.1, 467.9, 246.3, 24, 20);
  at("閉会全体会合", 288.0, 255.5, 432.1, 286.7, 24, 30);
  at("オープンで透明なプロセス", 217.1, 296.0, 503.0, 327.2, 24, 40);
  extract::PageLines pl = extract::build_lines(p.pw);
  std::vector<std::string> upright;
  for (const auto& l : pl.lines)
    if (!l.rotated) upright.push_back(l.text);
  EXPECT_EQ(upright, (std::vector<std::string>{"学生40名に奨学金", "すべての成果を公開", "閉会全体会合", "オープンで透明なプロセス"}));
}

TEST(Rule1_Lines, LoneRomanNumberBeforeJapaneseIsAMarker) {
  // cairo-ja-1041 page 6: the only level-2 item of its page, "i." 0.34 em before Japanese
  // text; alone, a letter with a full stop is taken for an abbreviation ("z. B."), but no
  // abbreviation comes before Han or Kana
  PageBuilder p(1);
  p.word("i.", 87.0, 244.1, 21.6);
  p.pw.words.back().x1 = 99.0;
  p.word("短い動画で、標準化のプロセスを説明しています", 106.4, 244.1, 21.6);
  extract::PageLines pl = extract::build_lines(p.pw);
  ASSERT_EQ(pl.lines.size(), 1u);
  EXPECT_EQ(pl.lines[0].marker, "i.");
  EXPECT_EQ(pl.lines[0].text, "短い動画で、標準化のプロセスを説明しています");
}

TEST(Rule1_Lines, FaintLetterOfALargeWatermarkNeverJoinsALine) {
  // cairo-ar-1089 page 2: "مسودة" at 96 pt in light grey, a letter a word, on the band of
  // a 30 pt line; its last letters, right of the line's words, had joined it
  PageBuilder p(1);
  auto at = [&](const std::string& t, double x0, double x1, double y0, double y1, double size, bool faint) {
    p.word(t, x0, y0, size);
    auto& w = p.pw.words.back();
    w.x1 = x1, w.y1 = y1;
    if (faint) w.rgb = {0.85, 0.85, 0.85};
    even_char_x(w);
  };
  at(rev("مرحبا"), 314.0, 409.1, 164.5, 227.8, 30, false);
  at("ة", 210.4, 260.0, 116.1, 318.9, 96, true);
  at("د", 262.0, 305.0, 116.1, 318.9, 96, true);
  extract::PageLines pl = extract::build_lines(p.pw, true);
  bool found = false;
  for (const auto& l : pl.lines)
    if (l.size < 40) found = found || l.text == "مرحبا";
  EXPECT_TRUE(found);
}

TEST(Rule1_Lines, DiagonalWatermarkOverATableIsWalkedInDrawingOrder) {
  // impress-pptx-es-1072 page 3: "BORRAD" at 110 pt, one word a letter climbing to the
  // right, drawn first, over a table; sorted for reading, the cell "Bogotá" comes between
  // its A and its second R, and "A" and "D" once joined the cells beside them
  PageBuilder p(1);
  int order = 0;
  auto letter = [&](const std::string& t, double x0, double y0) {
    p.word(t, x0, y0, 110);
    auto& w = p.pw.words.back();
    w.x1 = x0 + 72;
    w.y1 = y0 + 143;
    w.rgb = {0.85, 0.85, 0.85};
    w.order = order, w.order_end = order + 1, ++order;
  };
  letter("B", 131.9, 190.1);
  letter("O", 203.9, 156.7);
  letter("R", 281.5, 120.7);
  letter("R", 353.5, 87.2);
  letter("A", 425.6, 53.8);
  letter("D", 497.7, 20.3);
  auto cell = [&](const std::string& t, double x, double y) {
    p.line(t, x, y, 14);
    for (size_t k = p.pw.words.size(); k-- > 0 && p.pw.words[k].order < 0;) p.pw.words[k].order = 100 + order++;
  };
  cell("Taller", 43.2, 73.6);
  cell("Plenaria", 259.2, 73.6);
  cell("Bogotá", 475.2, 73.6);
  cell("Confirmado", 43.2, 102.1);
  cell("Campus universitario", 259.2, 102.1);
  cell("Comité anfitrión", 475.2, 102.1);
  // the reading sort that build_lines' caller gives: by middle, then left
  std::stable_sort(p.pw.words.begin(), p.pw.words.end(), [](const extract::Word& a, const extract::Word& b) {
    return (a.y0 + a.y1) / 2 < (b.y0 + b.y1) / 2;
  });
  extract::PageLines pl = extract::build_lines(p.pw, true);
  std::vector<std::string> upright;
  for (const auto& l : pl.lines)
    if (!l.rotated) upright.push_back(l.text);
  std::sort(upright.begin(), upright.end());
  EXPECT_EQ(upright, (std::vector<std::string>{"Bogotá", "Campus universitario", "Comité anfitrión", "Confirmado", "Plenaria",
                                                "Taller"}));
}

TEST(Rule1_RightToLeft, TableRowOfCellsAlignedRightIsCutAtEachGap) {
  // impress-pptx-ar-1155 page 7: a right-to-left table, cells aligned right, its columns
  // about 128 pt apart; the header's gaps come even (a stretched line's look), told from
  // one by the rows under it, whose fragments end where the header's words end
  PageBuilder p(1);
  auto at = [&](const std::string& t, double x0, double x1, double y) {
    auto& w = p.span(t, x0, x1, y, 20);
    even_char_x(w);
  };
  at(rev("التاريخ"), 152.59, 190.85, 177.0);
  at(rev("المسار"), 317.31, 352.79, 177.0);
  at(rev("القاعة"), 479.51, 514.83, 177.0);
  at(rev("الحالة"), 644.40, 676.80, 177.0);
  at(rev("أفريقيا"), 150.01, 190.72, 227.4);
  at("12", 331.51, 352.85, 227.4);
  at("41%", 480.39, 514.71, 227.4);
  at(rev("ملغى"), 647.49, 676.79, 227.4);
  at("88%", 156.39, 190.71, 277.8);
  at("93", 331.51, 352.85, 277.8);
  at("33%", 480.39, 514.71, 277.8);
  at(rev("الرباط"), 636.41, 676.83, 277.8);
  extract::PageLines pl = extract::build_lines(p.pw, true);
  EXPECT_EQ(pl.lines.size(), 12u);
  for (const auto& l : pl.lines) EXPECT_EQ(l.text.find(' '), std::string::npos) << l.text;
}

TEST(Rule1_RightToLeft, CheckMarkLeftOfRightToLeftTextIsItsMarker) {
  // impress-odp-he-1020 page 6: a left-to-right list of Hebrew items; the level-2 check
  // mark (11 pt) stands 38 pt (1.5 em of the 25 pt text) left of its item
  PageBuilder p(1);
  auto at = [&](const std::string& t, double x0, double x1, double y0, double y1, double size) {
    p.word(t, x0, y0, size);
    auto& w = p.pw.words.back();
    w.x1 = x1, w.y1 = y1;
    even_char_x(w);
  };
  at("\u2713", 95.10, 104.47, 199.47, 214.02, 11.2);
  at(rev("תהליך"), 270.0, 333.84, 190.04, 222.54, 25);
  at(rev("פתוח"), 210.0, 262.0, 190.04, 222.54, 25);
  at(rev("ושקוף"), 142.70, 202.0, 190.04, 222.54, 25);
  extract::PageLines pl = extract::build_lines(p.pw, true);
  ASSERT_EQ(pl.lines.size(), 1u);
  EXPECT_EQ(pl.lines[0].marker, "\u2713");
  EXPECT_EQ(pl.lines[0].text, "תהליך פתוח ושקוף");
}

TEST(Rule1_RightToLeft, DashBetweenTwoColumnsIsTheMarkerOfTheTextRightOfIt) {
  // impress-pptx-he-1119 page 2: two columns of Hebrew, left-to-right lists; the right
  // column's dash stands 66.6 pt (3.3 em) after the left column's line and 6.9 pt (0.345
  // em) before its item's text
  PageBuilder p(1);
  // (drawn as Impress draws them: the dash first, each run left to right)
  auto at = [&](const std::string& t, double x0, double x1, int order) {
    auto& w = p.span(t, x0, x1, 72.8, 20);
    w.order = order, w.order_end = order + static_cast<int>(unicode::decode(t).size());
    glyph_each(w);
  };
  at(rev("כל"), 43.1, 63.8, 87);
  at(rev("של"), 79.7, 105.0, 90);
  at(rev("סיכום"), 120.9, 168.1, 93);
  at(rev("תפרסם"), 184.1, 246.8, 99);
  at(rev("המזכירות"), 262.7, 340.6, 105);
  at("\u2013", 407.2, 418.3, 8);
  at(rev("תשובות"), 425.2, 489.4, 25);
  at("1,240", 506.0, 556.1, 19);
  at(rev("קיבל"), 572.8, 611.7, 10);
  at(rev("הסקר"), 628.3, 676.7, 15);
  // the right column's next item, its dash under the first
  auto below = [&](const std::string& t, double x0, double x1, int order) {
    at(t, x0, x1, order);
    p.pw.words.back().y0 += 87, p.pw.words.back().y1 += 87;
  };
  below("\u2013", 407.2, 418.3, 40);
  below(rev("סטודנטים"), 425.2, 510.0, 41);
  below(rev("ל־40"), 520.0, 560.0, 50);
  below(rev("מלגות"), 570.0, 620.0, 55);
  extract::PageLines pl = extract::build_lines(p.pw, true);
  std::erase_if(pl.lines, [](const extract::Line& l) { return l.y0 > 100; });
  ASSERT_EQ(pl.lines.size(), 2u);
  const auto& right = pl.lines[0].x0 > pl.lines[1].x0 ? pl.lines[0] : pl.lines[1];
  const auto& left = pl.lines[0].x0 > pl.lines[1].x0 ? pl.lines[1] : pl.lines[0];
  EXPECT_EQ(right.marker, "\u2013");
  EXPECT_EQ(right.text, "הסקר קיבל 1,240 תשובות");
  EXPECT_EQ(left.marker, "");
  EXPECT_EQ(left.text, "המזכירות תפרסם סיכום של כל");
}

TEST(Rule1_RightToLeft, MarkDrawnApartIsNoStepOfASlantedLine) {
  // cairo-fa-1098 page 7: "...نامهٔ را..." drawn a glyph a word, right to left; the hamza
  // above the heh is a zero-width word 4 pt under it. Walked in drawing order, heh ->
  // hamza -> reh stepped down and back up and read as a slanted run of three
  PageBuilder p(1);
  int order = 43;
  auto at = [&](const std::string& t, double x0, double x1, double y0) {
    auto& w = p.span(t, x0, x1, y0, 24);
    w.y1 = y0 + 27.9;
    w.space_after = false;
    w.order = order, w.order_end = order + 2, order += 2;
    even_char_x(w);
  };
  at("ن", 649.98, 656.66, 83.2);
  at("ا", 642.98, 650.27, 83.2);
  at("م", 629.94, 642.78, 83.2);
  at("ه", 616.94, 629.80, 83.2);
  at("\u0654", 617.0, 617.0, 87.2);
  p.pw.words.back().space_after = true;
  ++order;
  at("ر", 596.98, 608.54, 83.2);
  at("ا", 589.97, 596.62, 83.2);
  extract::PageLines pl = extract::build_lines(p.pw, true);
  ASSERT_EQ(pl.lines.size(), 1u);
  EXPECT_FALSE(pl.lines[0].rotated);
  EXPECT_EQ(pl.lines[0].text, "نامهٔ را");
}

TEST(Rule1_RightToLeft, ZeroWidthAlefAtItsLamsLeftEdgeReadsAfterTheLam) {
  // "الأعمال" drawn by cairo a glyph a word, right to left: the lam-alef as the lam's
  // glyph [623, 631.7) and a zero-width hamza-alef at its left edge, listed after the lam
  PageBuilder p(1);
  auto at = [&](const std::string& t, double x0, double x1, int order) {
    auto& w = p.span(t, x0, x1, 15.5, 16);
    w.space_after = false;
    w.order = order, w.order_end = order + 2;
    w.char_x = {x0, x1};
  };
  at("ل", 593, 602.8, 31); at("ا", 603, 607.6, 29); at("م", 608, 614.6, 27); at("ع", 615, 623.3, 25);
  at("ل", 623, 631.7, 21); at("أ", 623, 623, 23); at("ا", 632, 636.5, 19);
  extract::PageLines pl = extract::build_lines(p.pw, true);
  ASSERT_EQ(pl.lines.size(), 1u);
  EXPECT_EQ(pl.lines[0].text, "الأعمال");
}

TEST(Rule1_RightToLeft, AgendaWithItsPagesOnTheLeftIsATable) {
  // XeLaTeX, right to left: entries on the right, their pages on the left (leaders dropped)
  PageBuilder p(1);
  p.word(rev("תוכנית"), 236, 13, 20.7, true);
  const char* entries[] = {"הדיון", "המבוא", "הצעדים", "ההצעות", "הנספח"};
  const char* pages[] = {"2", "6", "7", "8", "11"};
  for (int k = 0; k < 5; ++k) {
    double y = 88 + 17 * k;
    p.word(pages[k], 120, y, 14.3);
    std::string e = entries[k];
    size_t n = unicode::decode(e).size();
    p.word(rev(e), 334.5 - 7.15 * static_cast<double>(n), y, 14.3);
    auto& w = p.pw.words.back();
    even_char_x(w);
  }
  PageBuilder cover(1);
  cover.word(rev("הכנס"), 300, 150, 40, true);
  p.pw.page = 2;
  Deck d = analyze_pages({cover, p});
  ASSERT_EQ(d.slides.size(), 2u);
  EXPECT_EQ(texts(d.slides[1]), (std::vector<std::string>{"הדיון", "2", "המבוא", "6", "הצעדים", "7", "ההצעות", "8", "הנספח", "11"}));
}

TEST(Rule1_RightToLeft, MirroredBracketsAcrossTwoLinesAreReadBack) {
  // XeTeX maps a mirrored bracket glyph to the character it looks like; a pair that opens
  // on one line and closes on the next is seen whole only in the block
  std::u32string block = U"\u0625\u0637\u0627\u0631 IETF )\u0627\u0644\u0630\u064A \u0643\u0628\u064A\u0631( \u064A\u062D\u062A\u0627\u062C";
  EXPECT_TRUE(extract::unmirror_brackets(block));
  EXPECT_EQ(block, U"\u0625\u0637\u0627\u0631 IETF (\u0627\u0644\u0630\u064A \u0643\u0628\u064A\u0631) \u064A\u062D\u062A\u0627\u062C");
  std::u32string right = U"(a) b";
  EXPECT_FALSE(extract::unmirror_brackets(right));  // already in order: left alone
  std::u32string one = U")a";
  EXPECT_FALSE(extract::unmirror_brackets(one));    // a lone bracket tells nothing
}

TEST(Rule1_RightToLeft, NumberDrawnWithItsFullStopOnTheLeftIsTheMarker) {
  // "2. IETF منفتح" in a right-to-left paragraph is drawn "منفتح IETF .2"
  PageBuilder p(1);
  p.word(rev("שלום"), 400, 100, 20);
  p.word(rev("עולם"), 460, 100, 20);
  p.word(".2", 530, 100, 20);
  auto pl = p.lines();
  ASSERT_EQ(pl.lines.size(), 1u);
  EXPECT_TRUE(pl.lines[0].rtl);
  EXPECT_TRUE(pl.lines[0].numbered);
  EXPECT_EQ(pl.lines[0].marker, "2.");
}

// ---- rule 2: rotated and repeated text
TEST(Rule2_Rotated, RotatedLabelIsOneLineAndNeverJoinsHorizontalLines) {
  PageBuilder p(1);
  p.line("Status update", 40, 20, 30, true);
  p.bullet("•", "Budget approved", 60, 80, 110, 22);
  p.bullet("•", "Next review", 60, 80, 140, 22);
  // a label read bottom to top at the left edge, its words level with the bullets
  double y = 300;
  for (const char* w : {"INTERNAL", "DRAFT", "v3"}) {
    p.word(w, 11, 0, 14);
    auto& b = p.pw.words.back();
    double len = 0.5 * 14 * static_cast<double>(std::string(w).size());
    b.rot = 3;
    b.x0 = 11; b.x1 = 29; b.y1 = y; b.y0 = y - len;
    y = b.y0 - 5;
  }
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  EXPECT_EQ(texts(d.slides[0]), (std::vector<std::string>{"Budget approved", "Next review", "INTERNAL DRAFT v3"}));
  EXPECT_EQ(d.slides[0].blocks[2].level, 0);
}

TEST(Rule2_Rotated, DiagonalWatermarkRepeatedOnEverySlideIsFurniture) {
  std::vector<PageBuilder> pages;
  for (int n = 1; n <= 3; ++n) {
    PageBuilder p(n);
    p.line("Slide " + std::string(1, static_cast<char>('A' + n)), 40, 20, 30, true);
    p.bullet("•", "First point", 40, 60, 110, 22);
    p.bullet("•", "Second point", 40, 60, 140, 22);
    // CONFIDENTIAL, one big character per word, climbing to the right, drawn last
    const std::string wm = "CONFIDENTIAL";
    for (size_t i = 0; i < wm.size(); ++i) {
      p.word(std::string(1, wm[i]), 130 + 42.0 * static_cast<double>(i), 300 - 20.0 * static_cast<double>(i), 72);
      p.pw.words.back().x1 = p.pw.words.back().x0 + 42;
      p.pw.words.back().space_after = false;
    }
    pages.push_back(p);
  }
  Deck d = analyze_pages(pages);
  ASSERT_EQ(d.slides.size(), 3u);
  for (const auto& s : d.slides) {
    EXPECT_EQ(s.title.rfind("Slide", 0), 0u) << s.title;
    EXPECT_EQ(texts(s), (std::vector<std::string>{"First point", "Second point"}));
  }
  EXPECT_NE(std::find(d.furniture.begin(), d.furniture.end(), "CONFIDENTIAL"), d.furniture.end());
}

// ---- rule 4: spacing by script
TEST(Rule4_CjkSpacing, NoSpaceAtHanLatinBoundariesUnlessTyped) {
  PageBuilder p(1);
  // "2026年IGF筹备会议": scripts set apart by a quarter em of automatic spacing
  double x = 40;
  for (const char* w : {"2026", "年", "IGF", "筹备会议"}) {
    p.word(w, x, 100, 20);
    x = p.pw.words.back().x1 + 5;  // 0.25 em
  }
  // "Python 与 Java": typed spaces (0.25 em of space glyph on top)
  x = 40;
  for (const char* w : {"Python", "与", "Java"}) {
    p.word(w, x, 140, 20);
    x = p.pw.words.back().x1 + 11;
  }
  p.word("问题", 40, 180, 20);
  p.word("？", p.pw.words.back().x1 + 10, 180, 20);
  auto pl = p.lines();
  ASSERT_EQ(pl.lines.size(), 3u);
  EXPECT_EQ(pl.lines[0].text, "2026年IGF筹备会议");
  EXPECT_EQ(pl.lines[1].text, "Python 与 Java");
  EXPECT_EQ(pl.lines[2].text, "问题？");
}

TEST(Rule4_CjkSpacing, LatinWordBrokenAtALineEndInsideCjkTextIsJoined) {
  EXPECT_EQ(extract::join_wrapped("各利益相关方应当在Open Consultati", "on阶段积极参与"),
            "各利益相关方应当在Open Consultation阶段积极参与");
  // a typed space around a Latin word is kept across the break
  EXPECT_EQ(extract::join_wrapped("培训课程各开设 3", "期"), "培训课程各开设 3 期");
  EXPECT_EQ(extract::join_wrapped("地址的网络", "占比"), "地址的网络占比");
  // Latin text outside CJK keeps its space
  EXPECT_EQ(extract::join_wrapped("the open", "consultation"), "the open consultation");
}

// ---- tables: where a line's words are cut into cells
TEST(Rule10_Cells, TableRowIsCutAtGapsWithoutTypedSpaceAndAtUnevenWideGaps) {
  // cairo's table of two rows (20 pt): "Montevideo" and "Mentoring" 0.6 em apart with no
  // space glyph between them on a line that draws its spaces; "28%", "2026" and "12 000"
  // 1.4 em, 4.2 em and 3.9 em apart (not a line stretched wide: its gaps differ)
  PageBuilder p(1);
  auto at = [&](const std::string& t, double x0, double x1, double y) {
    p.span(t, x0, x1, y, 20);
    p.pw.words.back().space_after = false;
  };
  at("Montevideo", 42, 159, 71); at("Mentoring", 171.5, 273, 71); at("28%", 301, 346, 71); at("2026", 430.8, 482.5, 71);
  at("12", 560.4, 583, 71); at("000", 589, 622, 71);
  at("Lisbon", 42, 106.6, 174); at("Q3", 171.5, 200, 174); at("2026", 301.1, 352.8, 174); at("10", 430.8, 456.5, 174);
  at("93", 560.4, 586, 174);
  p.pw.spaces.push_back({583, 71, 589, 95});  // the typed space of "12 000"
  extract::PageLines pl = extract::build_lines(p.pw);
  std::vector<std::string> row1;
  for (const auto& l : pl.lines)
    if (l.y0 < 100) row1.push_back(l.text);
  std::sort(row1.begin(), row1.end());
  EXPECT_EQ(row1, (std::vector<std::string>{"12 000", "2026", "28%", "Mentoring", "Montevideo"}));
}

TEST(Rule10_Cells, SideNoteSetSmallBesideALineIsALineOfItsOwn) {
  // Impress: a 12 pt source note level with the top of a 32 pt bullet's first line,
  // drawn first; and a check-mark bullet (14.4 pt) between them in height
  PageBuilder p(1);
  auto at = [&](const std::string& t, double x0, double y0, double size, double base) {
    p.word(t, x0, y0, size);
    p.pw.words.back().base = base;
  };
  at("Quelle:", 500, 100.9, 12, 112.3);
  at("Umfrage", 545, 100.9, 12, 112.3);
  at("2025", 595, 100.9, 12, 112.3);
  at("Stellungnahmen", 98, 93.5, 32, 123.9);
  at("der", 350, 93.5, 32, 123.9);
  at("\u00D6f-", 420, 93.5, 32, 123.9);  // ends 32 pt (1 em) before the note
  at("\u2713", 67, 101.2, 14.4, 119.9);   // nearer the note's middle than the line's
  extract::PageLines pl = extract::build_lines(p.pw);
  std::vector<std::string> got;
  for (const auto& l : pl.lines) got.push_back(l.marker + "|" + l.text);
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, (std::vector<std::string>{"|Quelle: Umfrage 2025", "\u2713|Stellungnahmen der \u00D6f-"}));
}

TEST(Rule10_Cells, DotLeaderDrawnAsOneWordSplitsTheEntryFromItsPage) {
  // cairo draws an agenda's leader as one word of 32 dots between the entry and its page
  PageBuilder p(1);
  auto at = [&](const std::string& t, double x0, double x1) {
    p.span(t, x0, x1, 68, 20);
  };
  at("Anexo", 43, 105.2);
  at(std::string(32, '.'), 228.9, 420.7);
  at("2", 424.9, 437.6);
  extract::PageLines pl = extract::build_lines(p.pw);
  std::vector<std::string> got;
  for (const auto& l : pl.lines) got.push_back(l.text);
  EXPECT_EQ(got, (std::vector<std::string>{"Anexo", "2"}));
  ASSERT_FALSE(pl.dropped.empty());
  EXPECT_EQ(pl.dropped.back().reason, "leader");
}

TEST(Rule10_Cells, TabBeforeAnAgendasPageNumberCutsTheLine) {
  // Impress: "Annex<tab>4", the tab drawn as nothing (the two words follow each other in
  // the content stream), 0.65 em apart, on a page that draws its spaces ("Next steps")
  PageBuilder p(1);
  auto at = [&](const std::string& t, double x0, double x1, double y, int order) {
    auto& w = p.span(t, x0, x1, y, 20);
    w.order = order, w.order_end = order + static_cast<int>(t.size());
  };
  at("Annex", 43.2, 102.2, 83.8, 6);
  at("4", 115.2, 126.7, 83.8, 11);
  at("Next", 43.2, 87.1, 115, 12);
  at("steps", 92.2, 142.3, 115, 17);
  p.pw.spaces.push_back({87.1, 115, 92.2, 139});
  extract::PageLines pl = extract::build_lines(p.pw);
  std::vector<std::string> got;
  for (const auto& l : pl.lines) got.push_back(l.text);
  EXPECT_EQ(got, (std::vector<std::string>{"Annex", "4", "Next steps"}));
}

TEST(Rule8_Markers, RightAlignedListNumbersAfterAShrunkenTabOrNone) {
  // Impress, right-aligned: the tab after a roman numeral shrinks to 0.2 em or to nothing
  PageBuilder p(1);
  auto at = [&](const std::string& t, double x0, double x1, double y) {
    p.span(t, x0, x1, y, 22);
  };
  at("I.", 119.9, 133.4, 72); at("Budget", 144.1, 223.1, 72); at("im", 230.1, 257.6, 72); at("Januar", 264.5, 334.7, 72);
  at("II.", 177, 196.9, 129); at("Offenes", 201.2, 286, 129); at("und", 292.9, 334.7, 129);
  at("III.Sicherheit", 149.2, 285.9, 208); at("und", 292.8, 334.6, 208);
  at("A.Smith", 400, 480, 300); at("visited", 486, 560, 300);  // a name, not a number
  extract::PageLines pl = extract::build_lines(p.pw);
  std::vector<std::string> got;
  for (const auto& l : pl.lines) got.push_back(l.marker + "|" + l.text);
  EXPECT_EQ(got, (std::vector<std::string>{"I.|Budget im Januar", "II.|Offenes und", "III.|Sicherheit und", "|A.Smith visited"}));
}

TEST(Rule8_Markers, OfficeLevelTwoODrawnApartInAnotherFontIsAMarker) {
  // cairo: a Japanese item's "o" in DejaVu Sans, 0.3 em before the text and drawn after it
  PageBuilder p(1);
  p.word("o", 126.7, 126, 18);
  auto& o = p.pw.words.back();
  o.x1 = 137.7, o.font = "DejaVuSans", o.order = 121, o.order_end = 122;
  p.word("参加者には、国や地域の協議の場でも", 143.1, 122, 18);
  auto& t = p.pw.words.back();
  t.font = "NotoSerifCJKjp-Regular", t.order = 43, t.order_end = 60;
  extract::PageLines pl = extract::build_lines(p.pw);
  ASSERT_EQ(pl.lines.size(), 1u);
  EXPECT_EQ(pl.lines[0].marker, "o");
  EXPECT_EQ(pl.lines[0].text, "参加者には、国や地域の協議の場でも");
}

TEST(Rule8_Markers, RomanNumberBeforeChineseTextAtATabStop) {
  // Impress from PPTX: "i." and "ii." with their text at one tab stop (87.99); "ii." is
  // wider, 0.1 em before its text
  PageBuilder p(1);
  auto at = [&](const std::string& t, double x0, double x1, double y) {
    p.span(t, x0, x1, y, 12);
  };
  at("i.", 74.81, 82.62, 111); at("按需开展能力建设", 87.99, 183.9, 111);
  at("ii.", 74.81, 86.61, 148); at("文件按年份和顺序编号", 87.99, 243.75, 148);
  extract::PageLines pl = extract::build_lines(p.pw);
  std::vector<std::string> got;
  for (const auto& l : pl.lines) got.push_back(l.marker + "|" + l.text);
  EXPECT_EQ(got, (std::vector<std::string>{"i.|按需开展能力建设", "ii.|文件按年份和顺序编号"}));
}

// ---- rule 8: markers
TEST(Rule8_Markers, LineStartAbbreviationIsNotAListNumber) {
  PageBuilder p(1);
  p.line("Exemples", 40, 20, 30, true);
  p.line("p. ex. une liste", 40, 100, 20);
  p.line("z. B. eine Liste", 40, 140, 20);
  auto pl = p.lines();
  ASSERT_EQ(pl.lines.size(), 3u);
  EXPECT_EQ(pl.lines[1].marker, "");
  EXPECT_EQ(pl.lines[1].text, "p. ex. une liste");
  EXPECT_EQ(pl.lines[2].text, "z. B. eine Liste");
}

TEST(Rule8_Markers, LetterNumbersInASequenceAreNumbers) {
  PageBuilder p(1);
  p.line("a. first", 40, 100, 20);
  p.line("b. second", 40, 140, 20);
  auto pl = p.lines();
  ASSERT_EQ(pl.lines.size(), 2u);
  EXPECT_EQ(pl.lines[0].marker, "a.");
  EXPECT_EQ(pl.lines[1].marker, "b.");
}

TEST(Rule8_Markers, CourierOAndWingdingsGlyphsAreMarkers) {
  PageBuilder p(1);
  p.line("Office defaults", 40, 20, 30, true);
  p.word("§", 40, 100, 18);
  p.pw.words.back().font = "Wingdings-Regular";
  p.line("Wingdings item", 65, 100, 20);
  p.word("o", 80, 130, 18);
  p.pw.words.back().font = "CourierNewPSMT";
  p.line("Courier item", 105, 130, 20);
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  EXPECT_EQ(texts(d.slides[0]), (std::vector<std::string>{"Wingdings item", "Courier item"}));
  EXPECT_EQ(d.slides[0].blocks[0].level, 1);
  EXPECT_EQ(d.slides[0].blocks[1].level, 2);
}

// ---- rule 11: text hygiene
TEST(Rule11_Hygiene, LigaturesFormatCharactersAndSoftHyphensGo) {
  EXPECT_EQ(extract::hygiene("E\uFB03ciency \uFB01gures sta\uFB00 \uFB02ag Be\uFB06"), "Efficiency figures staff flag Best");
  EXPECT_EQ(extract::hygiene("\uFEFFzero\u200Bwidth\u2060joiner\u200Eleft\u200Fright"), "zerowidthjoinerleftright");
  EXPECT_EQ(extract::hygiene("Tele\u00ADkommunikation"), "Telekommunikation");
  EXPECT_EQ(extract::hygiene("ZWNJ\u200Cin\u200DLatin"), "ZWNJinLatin");
  // Persian: the ZWNJ in "می‌خواهم" shapes the word and stays; Devanagari ZWJ too
  EXPECT_EQ(extract::hygiene("می\u200Cخواهم"), "می\u200Cخواهم");
  EXPECT_EQ(extract::hygiene("क्\u200Dष"), "क्\u200Dष");
}

namespace {
struct WordList : extract::Speller {
  std::set<std::string> words;
  bool known(const std::string& w) const override { return words.count(w) > 0; }
};
}  // namespace

TEST(Rule11_Hygiene, LongSTLigatureReadsFtUnlessTheDictionarySaysSt) {
  // fonts map their f_t ligature to U+FB05: "ft" unless the dictionary knows only "st"
  EXPECT_EQ(extract::resolve_long_s_t("Ti\uFB05is, so\uFB05ware"), "Tiftis, software");
  WordList en;
  en.words = {"Best", "software"};
  EXPECT_EQ(extract::resolve_long_s_t("Be\uFB05 so\uFB05ware from Ti\uFB05is", &en), "Best software from Tiftis");
  // through the analysis: the word is decided after the lines are built
  PageBuilder p(1);
  p.line("Be\uFB05 practice", 40, 20, 30, true);
  p.bullet("•", "Li\uFB05 of so\uFB05ware", 40, 60, 100, 20);
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  EXPECT_EQ(d.slides[0].title, "Beft practice");  // no dictionary: "ft"
  EXPECT_EQ(texts(d.slides[0]), (std::vector<std::string>{"Lift of software"}));
}

TEST(Rule11_Hygiene, WordsFromThePdfAreCleanedEvenWithCharacterPositions) {
  // a ligature word carries character positions (U+FB0x shares a lead byte with Arabic
  // presentation forms): it is still cleaned
  PageBuilder p(1);
  p.word("E\uFB03ciency", 40, 100, 20);
  p.pw.words.back().char_x = {40, 45, 55, 60, 65, 70, 75, 80, 85};
  auto pl = p.lines();
  ASSERT_EQ(pl.lines.size(), 1u);
  EXPECT_EQ(pl.lines[0].text, "Efficiency");
}

// ---- rule 6: reading order
TEST(Rule6_ReadingOrder, TwoColumnsUnderAFullWidthParagraphWithTightLeading) {
  PageBuilder p(1, 794, 447);
  p.line("Venue options", 46, 44, 30, true);
  // full-width paragraph, leading tighter than the line boxes (boxes overlap)
  p.line("We compared two venues for the regional forum against the same", 45, 110, 22);
  p.line("criteria.", 45, 135.5, 22);
  // two columns, their first lines level with each other
  p.bullet("•", "City conference centre", 45, 68, 161, 22);
  p.bullet("•", "University campus", 419, 442, 161, 22);
  p.bullet("–", "600 seats", 79, 102, 191, 22);
  p.bullet("–", "350 seats", 453, 476, 191, 22);
  p.bullet("–", "Booths on the", 79, 102, 220.7, 22);
  p.bullet("–", "Needs portable booths", 453, 476, 220.7, 22);
  p.line("ground floor", 102, 246.3, 22);  // wrapped, tight leading
  p.line("Recommendation: book the conference centre and keep the campus", 45, 348, 22);
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  EXPECT_EQ(texts(d.slides[0]),
            (std::vector<std::string>{"We compared two venues for the regional forum against the same criteria.",
                                      "City conference centre", "600 seats", "Booths on the ground floor",
                                      "University campus", "350 seats", "Needs portable booths",
                                      "Recommendation: book the conference centre and keep the campus"}));
  std::vector<int> lv;
  for (const auto& b : d.slides[0].blocks) lv.push_back(b.level);
  EXPECT_EQ(lv, (std::vector<int>{0, 1, 2, 2, 1, 2, 2, 0}));
}

TEST(Rule6_ReadingOrder, TableIsReadRowByRowOneBlockPerCell) {
  PageBuilder p(1, 720, 405);
  p.line("Venue comparison", 40, 20, 30, true);
  p.line("We compared three venues on the same criteria.", 40, 80, 18);
  // header row, then two rows; the middle cell of row 1 wraps over two lines
  p.line("Venue", 40, 130, 18, true); p.line("Seats", 300, 130, 18, true); p.line("Cost", 520, 130, 18, true);
  p.line("City centre", 40, 170, 18); p.line("600 in the main", 300, 170, 18); p.line("12 000", 520, 170, 18);
  p.line("hall", 300, 192, 18);
  p.line("Campus", 40, 232, 18); p.line("350", 300, 232, 18); p.line("4 000", 520, 232, 18);
  p.line("We recommend the city centre.", 40, 310, 18);
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  const Slide& s = d.slides[0];
  EXPECT_EQ(texts(s), (std::vector<std::string>{"We compared three venues on the same criteria.", "Venue", "Seats", "Cost",
                                                "City centre", "600 in the main hall", "12 000", "Campus", "350", "4 000",
                                                "We recommend the city centre."}));
  ASSERT_EQ(s.blocks.size(), 11u);
  EXPECT_FALSE(s.blocks[0].table);
  EXPECT_FALSE(s.blocks[10].table);
  std::vector<std::pair<int, int>> rc;
  for (size_t k = 1; k <= 9; ++k) {
    ASSERT_TRUE(s.blocks[k].table) << k;
    EXPECT_EQ(s.blocks[k].table->id, "s1.t1");
    EXPECT_EQ(s.blocks[k].level, 0);
    rc.push_back({s.blocks[k].table->row, s.blocks[k].table->column});
  }
  EXPECT_EQ(rc, (std::vector<std::pair<int, int>>{{0, 0}, {0, 1}, {0, 2}, {1, 0}, {1, 1}, {1, 2}, {2, 0}, {2, 1}, {2, 2}}));
  // the table survives the deck JSON round trip; old readers see paragraphs in row order
  Deck back = deck_from_json(nlohmann::json::parse(dump_deck(d)), "t.json");
  ASSERT_TRUE(back.slides[0].blocks[5].table);
  EXPECT_EQ(*back.slides[0].blocks[5].table, *s.blocks[5].table);
}

TEST(Rule6_ReadingOrder, TwoColumnsOfProseAreNoTable) {
  PageBuilder p(1, 720, 405);
  p.line("Two columns", 40, 20, 30, true);
  const char* left[] = {"The forum met in March and agreed", "on a common statement about access", "for rural communities across the"};
  const char* right[] = {"The next meeting takes place in", "October; the host city is still to", "be confirmed by the committee."};
  for (int k = 0; k < 3; ++k) {
    p.line(left[k], 40, 100 + 24.0 * k, 18);
    p.line(right[k], 360, 100 + 24.0 * k, 18);
  }
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  for (const auto& b : d.slides[0].blocks) EXPECT_FALSE(b.table) << b.text;
}

// ---- rule 9: notes pages
TEST(Rule9_NotesPages, SpeakerNotesBelowTheSlideGoToNotes) {
  std::vector<PageBuilder> pages;
  for (int n = 1; n <= 2; ++n) {
    PageBuilder p(n, 595, 842);
    p.line(n == 1 ? "Opening" : "Closing", 85, 84, 18, true);
    p.bullet("•", "Welcome participants", 84, 98, 127, 13.4);
    p.bullet("•", "Explain the agenda", 84, 98, 145.6, 13.4);
    p.line("Thank the hosts by name.", 62, 370, 22);
    p.line("Keep this under five minutes.", 62, 400, 22);
    pages.push_back(p);
  }
  Deck d = analyze_pages(pages);
  ASSERT_EQ(d.slides.size(), 2u);
  EXPECT_EQ(d.slides[0].title, "Opening");
  EXPECT_EQ(texts(d.slides[0]), (std::vector<std::string>{"Welcome participants", "Explain the agenda"}));
  EXPECT_EQ(d.slides[0].notes, (std::vector<std::string>{"Thank the hosts by name.", "Keep this under five minutes."}));
  EXPECT_EQ(d.slides[1].title, "Closing");
}

TEST(Rule9_NotesPages, LandscapeSlidesHaveNoNotes) {
  PageBuilder p(1);
  p.line("Title", 40, 20, 30, true);
  p.line("A paragraph near the top", 40, 90, 18);
  p.line("A paragraph far below", 40, 330, 18);
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  EXPECT_TRUE(d.slides[0].notes.empty());
  EXPECT_EQ(d.slides[0].blocks.size(), 2u);
}

// ---- rule 7: titles
TEST(Rule7_Titles, TitleBandAtTheTopWinsOverALargerHeadingLower) {
  std::vector<PageBuilder> pages;
  for (int n = 1; n <= 4; ++n) {
    PageBuilder p(n);
    const char* names[] = {"Agenda", "Budget review", "Outcomes", "Next steps"};
    p.line(names[n - 1], 40, 24, 24);  // the placeholder, in a coloured band
    if (n == 3) {
      p.line("Key figures", 40, 120, 30, true);  // a bigger heading lower down
      p.bullet("•", "Forty countries", 40, 60, 180, 18);
    } else {
      p.bullet("•", "First point", 40, 60, 110, 18);
      p.bullet("•", "Second point", 40, 60, 140, 18);
    }
    pages.push_back(p);
  }
  Deck d = analyze_pages(pages);
  ASSERT_EQ(d.slides.size(), 4u);
  EXPECT_EQ(d.slides[2].title, "Outcomes");
  EXPECT_EQ(texts(d.slides[2]), (std::vector<std::string>{"Key figures", "Forty countries"}));
  EXPECT_EQ(d.slides[1].title, "Budget review");
}

TEST(Rule7_Titles, BoldTitleInTheBandMayBeSmallerThanTheBody) {
  // a 16 pt bold title at the same place on every page, over 20 pt paragraphs
  std::vector<PageBuilder> pages;
  const char* names[] = {"Roles", "Budget", "Outcomes", "Next steps"};
  for (int n = 1; n <= 4; ++n) {
    PageBuilder p(n);
    p.line(names[n - 1], 40, 16, 16, true);
    p.line("Long-term funding was secured this year", 80, 90, 20);
    p.line("Documents are numbered by year and sequence", 80, 140, 20);
    pages.push_back(p);
  }
  Deck d = analyze_pages(pages);
  ASSERT_EQ(d.slides.size(), 4u);
  for (int n = 0; n < 4; ++n) {
    EXPECT_EQ(d.slides[static_cast<size_t>(n)].title, names[n]);
    EXPECT_EQ(d.slides[static_cast<size_t>(n)].blocks.size(), 2u);
  }
}

TEST(Rule7_Titles, ListSetLargerThanTheTitleLeavesItTheTitle) {
  // cairo: a 28 pt title over 32 pt bullets, one of them wrapped
  PageBuilder cover(1);
  cover.word("Forum", 200, 150, 40, true);
  PageBuilder p(2);
  p.line("Next steps", 43, 15.5, 28, true);
  p.bullet("\u2013", "Anyone can take part", 63, 91.8, 69, 32);
  p.bullet("\u2013", "The draft charter is under", 63, 91.8, 105, 32);
  p.line("review", 91.8, 145, 32);
  p.bullet("\u2013", "Grants for 40 students", 63, 91.8, 184, 32);
  Deck d = analyze_pages({cover, p});
  ASSERT_EQ(d.slides.size(), 2u);
  EXPECT_EQ(d.slides[1].title, "Next steps");
  EXPECT_EQ(d.slides[1].blocks.size(), 3u);
}

// ---- rule 5: line-end hyphens
#include <set>

#include "extract/spelling.hpp"

namespace {
struct FakeSpeller : extract::Speller {
  std::set<std::string> words;
  bool known(const std::string& w) const override { return words.count(w) > 0; }
};
}  // namespace

TEST(Rule5_Hyphens, DictionaryTellsASoftBreakFromAHyphenatedWord) {
  FakeSpeller sp;
  sp.words = {"veröffentlicht", "demand", "driven", "Telekommunikationsinfrastruktur"};
  EXPECT_EQ(extract::join_wrapped("wurde ver-", "öffentlicht", &sp), "wurde veröffentlicht");
  EXPECT_EQ(extract::join_wrapped("Telekommunikationsin-", "frastruktur", &sp), "Telekommunikationsinfrastruktur");
  EXPECT_EQ(extract::join_wrapped("a demand-", "driven approach", &sp), "a demand-driven approach");
  EXPECT_EQ(extract::join_wrapped("das IT-", "Sicherheitsgesetz", &sp), "das IT-Sicherheitsgesetz");
  // without a dictionary: today's rule, the hyphen kept
  EXPECT_EQ(extract::join_wrapped("wurde ver-", "öffentlicht"), "wurde ver-öffentlicht");
  // a two-letter first piece: German's compound rules accept "er-wünscht" as well as
  // "erwünscht"; only after one letter does the hyphenated word win ("e-mail")
  FakeSpeller de;
  de.words = {"er", "wünscht", "erwünscht", "er-wünscht", "e-mail", "email", "mail"};
  EXPECT_EQ(extract::join_wrapped("ausdrücklich er-", "wünscht.", &de), "ausdrücklich erwünscht.");
  EXPECT_EQ(extract::join_wrapped("per e-", "mail", &de), "per e-mail");
}

TEST(Rule5_Hyphens, AnalysisAsksForTheDecksDictionary) {
  FakeSpeller sp;
  sp.words = {"Netzbetreiber"};
  PageBuilder p(1);
  p.line("Die Netze der Zukunft", 40, 20, 30, true);
  p.bullet("•", "Die Zusammenarbeit der Netz-", 40, 60, 100, 20);
  p.line("betreiber ist gut und die", 60, 124, 20);
  std::vector<extract::PageLines> ls{p.lines()};
  Diagnostics diag;
  std::string asked;
  extract::AnalysisOptions o{"test.pdf", ""};
  o.speller = [&](const std::string& lang) -> const extract::Speller* { asked = lang; return &sp; };
  Deck d = extract::analyze(ls, o, diag);
  EXPECT_EQ(asked, "de");
  ASSERT_EQ(d.slides.size(), 1u);
  ASSERT_EQ(d.slides[0].blocks.size(), 1u);
  EXPECT_EQ(d.slides[0].blocks[0].text, "Die Zusammenarbeit der Netzbetreiber ist gut und die");
}

TEST(Rule5_Hyphens, WithoutADictionaryForTheLanguageTheHyphenIsKept) {
  // beamer-lualatex-ru-1054 page 3, on a machine without a Russian dictionary: the deck's
  // language has none, so no word is known; that must not read as both pieces unknown (a
  // soft break): "Конгресс-" + "центр" stays "Конгресс-центр" (issue 16)
  PageBuilder p(1);
  p.line("Площадки", 40, 20, 30, true);
  p.bullet("•", "Мы встречаемся в здании Конгресс-", 40, 60, 100, 20);
  p.line("центр и в университетском кампусе", 60, 124, 20);
  std::vector<extract::PageLines> ls{p.lines()};
  Diagnostics diag;
  std::string asked;
  extract::AnalysisOptions o{"test.pdf", ""};
  o.speller = [&](const std::string& lang) -> const extract::Speller* { asked = lang; return nullptr; };
  Deck d = extract::analyze(ls, o, diag);
  EXPECT_EQ(asked, "ru");
  ASSERT_EQ(d.slides.size(), 1u);
  ASSERT_EQ(d.slides[0].blocks.size(), 1u);
  EXPECT_EQ(d.slides[0].blocks[0].text, "Мы встречаемся в здании Конгресс-центр и в университетском кампусе");
}

TEST(Rule5_Hyphens, SystemDictionaryWhenInstalled) {
  auto de = extract::system_speller("de");
  if (!de) GTEST_SKIP() << "no German hunspell dictionary (apt-get install hunspell-de-de)";
  EXPECT_TRUE(de->known("veröffentlicht"));
  EXPECT_EQ(extract::join_wrapped("ver-", "öffentlicht", de.get()), "veröffentlicht");
  EXPECT_EQ(extract::join_wrapped("IT-", "Sicherheitsgesetz", de.get()), "IT-Sicherheitsgesetz");
  auto en = extract::system_speller("en");
  if (en) EXPECT_EQ(extract::join_wrapped("demand-", "driven", en.get()), "demand-driven");
  EXPECT_EQ(extract::system_speller("xx"), nullptr);
}

// ---- rule 10: geometry
TEST(Rule10_Geometry, APageOfAnotherSizeKeepsItsLevels) {
  // three 720 pt pages, and one 1440 pt page with the same slide drawn twice as large:
  // its first indent (80 pt) equals the others' second (76 pt) in points, not on the page
  std::vector<PageBuilder> pages;
  for (int n = 1; n <= 4; ++n) {
    double k = n == 4 ? 2 : 1;
    PageBuilder p(n, 720 * k, 405 * k);
    p.line("Slide " + std::to_string(n) + " title", 40 * k, 20 * k, 30 * k, true);
    p.bullet("•", "First level", 40 * k, 60 * k, 100 * k, 18 * k);
    p.bullet("–", "Second level", 76 * k, 96 * k, 130 * k, 18 * k);
    pages.push_back(p);
  }
  Deck d = analyze_pages(pages);
  ASSERT_EQ(d.slides.size(), 4u);
  for (const auto& s : d.slides) {
    ASSERT_EQ(s.blocks.size(), 2u) << s.title;
    EXPECT_EQ(s.blocks[0].level, 1) << s.title;
    EXPECT_EQ(s.blocks[1].level, 2) << s.title;
  }
}

TEST(Rule9_NotesPages, NotesSurviveTheDeckJsonRoundTripAndAreOptional) {
  Deck d;
  Slide s;
  s.page = 1;
  s.id = "s1";
  s.notes = {"Thank the hosts.", "Keep it short."};
  d.slides.push_back(s);
  Slide plain;
  plain.page = 2;
  plain.id = "s2";
  d.slides.push_back(plain);
  auto j = nlohmann::json::parse(dump_deck(d));
  EXPECT_EQ(j["slides"][0]["notes"].size(), 2u);
  EXPECT_FALSE(j["slides"][1].contains("notes"));
  Deck e = deck_from_json(j, "x.json");
  EXPECT_EQ(e.slides[0].notes, s.notes);
  EXPECT_TRUE(e.slides[1].notes.empty());
  j["slides"][0]["notes"] = "not a list";
  EXPECT_THROW(deck_from_json(j, "x.json"), Error);
}

// ---- rule 3: hidden text (issue 16: decided with transparency; when in doubt, visible)
namespace {
using extract::DrawnChar;
using extract::DrawnShape;
using extract::Hidden;

// A glyph 10 pt wide and 20 pt high at x, y (top-left), black, drawn at `order`.
DrawnChar glyph(double x, double y, size_t order, std::array<double, 3> rgb = {0, 0, 0}, int render = 0) {
  DrawnChar c;
  c.x0 = x; c.y0 = y; c.x1 = x + 10; c.y1 = y + 20;
  c.size = 20;
  c.text = "a";
  c.render = render;
  c.fill = c.stroke = rgb;
  c.order = order;
  c.pos = static_cast<int>(order);
  c.bytes = 1;
  return c;
}
// An opaque axis-aligned rectangle fill (exact), `rgb`, drawn at `order`.
DrawnShape rect(double x0, double y0, double x1, double y1, size_t order, std::array<double, 3> rgb = {1, 1, 1}) {
  DrawnShape s;
  s.kind = DrawnShape::fill;
  s.x0 = x0; s.y0 = y0; s.x1 = x1; s.y1 = y1;
  s.exact = true;
  s.rgb = rgb;
  s.order = order;
  return s;
}
DrawnShape picture(double x0, double y0, double x1, double y1, size_t order) {
  DrawnShape s = rect(x0, y0, x1, y1, order, {0, 0, 0});
  s.kind = DrawnShape::picture;
  return s;
}
std::vector<Hidden> hidden(const std::vector<DrawnChar>& chars, const std::vector<DrawnShape>& shapes) {
  return extract::hidden_chars(chars, shapes, 720, 405);
}
}  // namespace

TEST(Rule3_HiddenText, InvisibleSameColourAndCoveredTextIsDroppedOcrLayerStays) {
  std::vector<DrawnShape> shapes = {
      rect(0, 0, 720, 405, 0),                  // white slide background
      picture(400, 300, 700, 400, 1),           // a scanned picture
      rect(0, 200, 300, 260, 10),               // a white box drawn after the text
      rect(400, 0, 700, 100, 2, {0.1, 0.2, 0.6}),  // a blue band
  };
  std::vector<DrawnChar> chars = {
      glyph(50, 50, 3),                       // black on white: visible
      glyph(50, 100, 4, {0, 0, 0}, 3),        // render mode 3: hidden
      glyph(50, 150, 5, {1, 1, 1}),           // white on white: hidden
      glyph(50, 220, 6),                      // under the white box drawn later: hidden
      glyph(500, 350, 7, {0, 0, 0}, 3),       // invisible OCR layer over the scan: visible
      glyph(500, 50, 8, {1, 1, 1}),           // white on the blue band: visible
      glyph(600, 50, 9, {0.1, 0.2, 0.6}),     // blue on the blue band: hidden
  };
  EXPECT_EQ(hidden(chars, shapes), (std::vector<Hidden>{Hidden::no, Hidden::render_mode, Hidden::background, Hidden::covered,
                                                        Hidden::no, Hidden::no, Hidden::background}));
}

TEST(Rule3_HiddenText, SeeThroughOrSoftMaskedPictureOrFillOverTextNeverHidesIt) {
  // a logo stamped over a slide at /ca 0.5, a picture with its own /SMask (LibreOffice's
  // diagram over the text of the GnuPG deck), a white box under an ExtGState soft mask, a
  // white box in a transparency group drawn at /ca 0.3: the text shows through
  DrawnShape logo = picture(0, 0, 300, 100, 10);
  logo.alpha = 0.5;
  DrawnShape diagram = picture(0, 100, 300, 200, 11);
  diagram.soft_mask = true;
  DrawnShape masked = rect(0, 200, 300, 300, 12);
  masked.soft_mask = true;
  DrawnShape in_group = rect(0, 300, 300, 400, 13);
  in_group.alpha = 1.0 * 0.3;  // its own /ca 1 in a group drawn at /ca 0.3
  std::vector<DrawnChar> chars = {glyph(50, 50, 1), glyph(50, 150, 2), glyph(50, 250, 3), glyph(50, 350, 4)};
  EXPECT_EQ(hidden(chars, {logo, diagram, masked, in_group}), std::vector<Hidden>(4, Hidden::no));
  // the same shapes, opaque, hide it
  for (auto* s : {&logo, &diagram, &masked, &in_group}) {
    s->alpha = 1;
    s->soft_mask = false;
  }
  EXPECT_EQ(hidden(chars, {logo, diagram, masked, in_group}), std::vector<Hidden>(4, Hidden::covered));
}

TEST(Rule3_HiddenText, OnlyAnOpaqueShapeDrawnLaterThatCoversTheWholeGlyphHidesIt) {
  std::vector<DrawnChar> chars = {glyph(50, 50, 5), glyph(150, 50, 5), glyph(250, 50, 5), glyph(350, 50, 5), glyph(450, 50, 5)};
  DrawnShape before = rect(40, 40, 70, 80, 1);  // drawn before the text: beneath it
  DrawnShape half = rect(140, 40, 155, 80, 6);  // covers half the glyph
  DrawnShape multiply = rect(240, 40, 270, 80, 7, {0.9, 0.9, 0.9});
  multiply.normal_blend = false;  // /BM /Multiply: the text shows through
  // Keynote's star: a 300 x 300 picture clipped to a star, its box far larger than the
  // star (the clip is a path, so the picture is not known to paint all of its box)
  DrawnShape star = picture(340, 40, 640, 340, 8);
  star.exact = false;
  DrawnShape opaque = rect(440, 40, 470, 80, 9, {0, 0, 0});
  EXPECT_EQ(hidden(chars, {before, half, multiply, star, opaque}),
            (std::vector<Hidden>{Hidden::no, Hidden::no, Hidden::no, Hidden::no, Hidden::covered}));
}

TEST(Rule3_HiddenText, AColourBeneathThatIsNotKnownNeverMakesTextTheBackground) {
  // Google Slides fills a black rectangle at /ca 0 (fully transparent) before black text:
  // the text is on the white slide, visible. White text over a see-through red box, a
  // picture, a gradient, a stroke, a path that is not a rectangle, or a dark shadow copy
  // of itself is visible; white text over nothing is not (paper is white).
  DrawnShape bg = rect(0, 0, 720, 405, 0);
  DrawnShape clear = rect(0, 0, 100, 100, 1, {0, 0, 0});
  clear.alpha = 0;
  DrawnShape red = rect(100, 0, 200, 100, 2, {1, 0, 0});
  red.alpha = 0.4;
  DrawnShape pic = picture(200, 0, 300, 100, 3);
  DrawnShape grad = rect(300, 0, 400, 100, 4);
  grad.kind = DrawnShape::gradient;
  grad.exact = false;
  DrawnShape line = rect(400, 0, 500, 100, 5);
  line.kind = DrawnShape::stroke;
  line.exact = false;
  DrawnShape disc = rect(500, 0, 600, 100, 6);
  disc.exact = false;  // a white disc: its box says nothing of the colour beneath the glyph
  DrawnChar shadow = glyph(602, 52, 7, {0.2, 0.2, 0.2});
  std::vector<DrawnChar> chars = {glyph(50, 50, 10), glyph(150, 50, 11, {1, 1, 1}), glyph(250, 50, 12, {1, 1, 1}),
                                  glyph(350, 50, 13, {1, 1, 1}), glyph(450, 50, 14, {1, 1, 1}), glyph(550, 50, 15, {1, 1, 1}),
                                  shadow, glyph(600, 50, 16, {1, 1, 1}), glyph(50, 200, 17, {1, 1, 1})};
  EXPECT_EQ(hidden(chars, {bg, clear, red, pic, grad, line, disc}),
            (std::vector<Hidden>{Hidden::no, Hidden::no, Hidden::no, Hidden::no, Hidden::no, Hidden::no, Hidden::no, Hidden::no,
                                 Hidden::background}));
  // with nothing at all drawn, white text is on white paper; black is not
  EXPECT_EQ(hidden({glyph(50, 50, 1, {1, 1, 1}), glyph(80, 50, 2)}, {}), (std::vector<Hidden>{Hidden::background, Hidden::no}));
  // a blend mode other than Normal, or a knockout group: the colour it makes is not known
  DrawnChar screen = glyph(50, 50, 1, {1, 1, 1});
  screen.normal_blend = false;
  DrawnChar knocks = glyph(80, 50, 2, {1, 1, 1});
  knocks.knockout = true;
  EXPECT_EQ(hidden({screen, knocks}, {}), (std::vector<Hidden>{Hidden::no, Hidden::no}));
}

TEST(Rule3_HiddenText, TransparentClippedOffPageAndZeroSizeText) {
  DrawnChar clear = glyph(50, 50, 1);
  clear.fill_alpha = 0;  // /ca 0
  DrawnChar clipped = glyph(150, 50, 2);
  clipped.clip = {0, 200, 720, 405};  // a rectangular clip below it
  DrawnChar clipped_unknown = glyph(250, 50, 3);
  clipped_unknown.clip = {0, 200, 720, 405};
  clipped_unknown.clip_known = false;  // some clip is a path: its box says too little
  DrawnChar off = glyph(800, 50, 4);
  DrawnChar tiny = glyph(350, 50, 5);
  tiny.size = 0.05;
  DrawnChar stroked = glyph(450, 50, 6, {0, 0, 0}, 1);  // stroke only, /CA 0: nothing shows
  stroked.stroke_alpha = 0;
  DrawnChar half_clear = glyph(550, 50, 7, {0, 0, 0}, 2);  // fill at /ca 0, stroke shows
  half_clear.fill_alpha = 0;
  EXPECT_EQ(hidden({clear, clipped, clipped_unknown, off, tiny, stroked, half_clear}, {}),
            (std::vector<Hidden>{Hidden::transparent, Hidden::clipped, Hidden::no, Hidden::outside_page, Hidden::zero_size,
                                 Hidden::transparent, Hidden::no}));
  // PowerPoint draws a title with effects as outlines and lays a copy of its text at /ca 0
  // over them: that copy is the title's text, and stays (so does an OCR layer over a scan)
  DrawnShape outlines = rect(40, 45, 300, 75, 0, {0.1, 0.1, 0.3});
  outlines.exact = false;
  EXPECT_EQ(hidden({clear}, {outlines}), (std::vector<Hidden>{Hidden::no}));
  DrawnShape big_disc = rect(0, 0, 400, 400, 0, {0.1, 0.1, 0.3});  // not outlines: far taller than the text
  big_disc.exact = false;
  EXPECT_EQ(hidden({clear}, {big_disc}), (std::vector<Hidden>{Hidden::transparent}));
}

TEST(Rule3_HiddenText, WordsOfHiddenCharactersAreDroppedAndRecorded) {
  // three words of Poppler's, their characters by position; a word with one visible
  // character stays (a shadow under it, a partly covered word)
  std::vector<DrawnChar> chars = {glyph(50, 50, 0), glyph(60, 50, 1), glyph(50, 100, 2, {1, 1, 1}), glyph(60, 100, 3, {1, 1, 1}),
                                  glyph(50, 150, 4, {1, 1, 1}), glyph(60, 150, 5)};
  auto why = hidden(chars, {});
  std::vector<extract::Word> words(3);
  for (int k = 0; k < 3; ++k) {
    words[k].text = std::string("w") + std::to_string(k);
    words[k].x0 = 50; words[k].x1 = 70; words[k].y0 = 50 + 50 * k; words[k].y1 = 70 + 50 * k;
  }
  std::vector<extract::CharRange> ranges = {{0, 2}, {2, 4}, {4, 6}};
  auto rec = extract::drop_hidden_words(words, ranges, chars, why);
  ASSERT_EQ(words.size(), 2u);
  EXPECT_EQ(words[0].text, "w0");
  EXPECT_EQ(words[1].text, "w2");
  ASSERT_EQ(rec.size(), 1u);
  EXPECT_EQ(rec[0], (Dropped{"w1", "hidden", "background", {50, 100, 70, 120}}));
}

TEST(Rule3_HiddenText, CharactersPopplerLeavesOutAreRecorded) {
  // Poppler keeps one copy of text drawn twice (a shadow) and leaves out text off the
  // page: neither is in its words, both are in the record
  std::vector<DrawnChar> chars = {glyph(50, 50, 0), glyph(60, 50, 1), glyph(51, 51, 2), glyph(61, 51, 3), glyph(800, 50, 4)};
  chars[0].text = chars[2].text = "h";
  chars[1].text = chars[3].text = "i";
  chars[4].text = "x";
  DrawnChar cut = glyph(50, 395, 5);  // its origin below the page, its ascent on it
  cut.off_page = true;
  chars.push_back(cut);
  auto why = hidden(chars, {});
  auto rec = extract::unworded_chars(chars, {{0, 2}}, why);
  ASSERT_EQ(rec.size(), 3u);
  EXPECT_EQ(rec[0], (Dropped{"hi", "duplicate", "", {51, 51, 71, 71}}));
  EXPECT_EQ(rec[1], (Dropped{"x", "hidden", "outside-page", {800, 50, 810, 70}}));
  EXPECT_EQ(rec[2].reason, "cut");
}

TEST(Rule3_HiddenText, TheRecordReachesTheSlideWithFurnitureAndLoneGlyphs) {
  // what the PDF layer dropped, a lone bullet glyph and the page furniture all end in
  // the slide's record; the old furniture list stays as it was
  std::vector<PageBuilder> pages;
  for (int i = 1; i <= 3; ++i) {
    PageBuilder p(i);
    p.line("Title " + std::to_string(i), 40, 20, 30, true);
    p.bullet("•", "Point one", 40, 60, 100, 20);
    p.line("Footer text", 40, 385, 10);
    p.line(std::to_string(i), 690, 385, 10);
    if (i == 2) {
      p.word("•", 40, 200, 20);  // a bullet with nothing beside it but a Private Use glyph
      p.word("\uf0a7", 60, 200, 20);
      p.pw.dropped.push_back({"ghost", "hidden", "covered", {40, 300, 80, 320}});
    }
    pages.push_back(p);
  }
  Deck d = analyze_pages(pages);
  ASSERT_EQ(d.slides.size(), 3u);
  ASSERT_TRUE(d.slides[1].dropped.has_value());
  std::set<std::string> seen;
  for (const auto& x : *d.slides[1].dropped) seen.insert(x.text + "|" + x.reason + "|" + x.detail);
  EXPECT_EQ(seen, (std::set<std::string>{"ghost|hidden|covered", "•|glyph|", "Footer text|furniture|footer", "2|furniture|page-number"}));
  EXPECT_EQ(d.furniture, (std::vector<std::string>{"#", "Footer text"}));
  // and the JSON round trip keeps it; a deck JSON without the record reads as before
  Deck e = deck_from_json(nlohmann::json::parse(to_json(d).dump()), "x.json");
  EXPECT_EQ(e.slides[1].dropped, d.slides[1].dropped);
  auto j = nlohmann::json::parse(to_json(d).dump());
  for (auto& s : j["slides"]) s.erase("dropped");
  Deck f = deck_from_json(j, "x.json");
  EXPECT_FALSE(f.slides[1].dropped.has_value());
  EXPECT_EQ(to_json(f).dump().find("dropped"), std::string::npos);
  j["slides"][0]["dropped"] = {{{"text", "x"}}};  // no reason
  EXPECT_THROW(deck_from_json(j, "x.json"), Error);
}

// ---- faults found on real decks (issue 7, tester's list): one test each
TEST(Rule11_Hygiene, SpaceAndNoBreakSpaceRunsFoldToOneSpace) {
  EXPECT_EQ(unicode::collapse_spaces("Access \u00A0 for\u00A0 all  \u00A0"), "Access for all");
  // a no-break space alone stays (French punctuation)
  EXPECT_EQ(unicode::collapse_spaces("Pourquoi\u00A0?"), "Pourquoi\u00A0?");
  EXPECT_EQ(unicode::collapse_spaces("Pourquoi\u00A0\u00A0?"), "Pourquoi\u00A0?");
  PageBuilder p(1);
  p.line("Title", 40, 20, 30, true);
  p.word("•", 40, 100, 20);
  p.word("Access \u00A0 for all", 60, 100, 20);  // one word from the PDF layer, padded with a no-break space
  Deck d = analyze_pages({p});
  EXPECT_EQ(texts(d.slides[0]), (std::vector<std::string>{"Access for all"}));
}

TEST(Rule11_Hygiene, KeynoteDoubledIdeographsAreReadOnce) {
  // one glyph mapped to "量量": the word is as wide as the text with 量 once
  EXPECT_EQ(extract::undouble_ideographs("万亿量量级", 4 * 30, 30), "万亿量级");
  // drawn reduplication (two glyphs) stays
  EXPECT_EQ(extract::undouble_ideographs("常常见面", 4 * 30, 30), "常常见面");
  // Kangxi radical + ideograph + ideograph from one glyph: "⾏行行" -> 行
  PageBuilder p(1);
  p.line("日增", 40, 20, 30, true);
  p.word("日增⾏行行数", 40, 100, 20);
  p.pw.words.back().x1 = 40 + 4 * 20;  // four glyphs drawn
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  EXPECT_EQ(texts(d.slides[0]), (std::vector<std::string>{"日增行数"}));
}

TEST(Rule11_Hygiene, CjkRadicalsSupplementFoldLikeKangxiRadicals) {
  // as EquivalentUnifiedIdeograph.txt gives them: U+2EDA (C-simplified leaf) is 页,
  // U+2EA0 (civilian) is 民, U+2ED1 (long one) is 長
  EXPECT_EQ(unicode::fold_cjk_compat("首\u2EDA"), "首页");
  EXPECT_EQ(unicode::fold_cjk_compat("\u2EDA页"), "页");  // radical + its ideograph from one glyph
  EXPECT_EQ(unicode::fold_cjk_compat("\u2EA0"), "民");
  EXPECT_EQ(unicode::fold_cjk_compat("\u2ED1"), "長");
}

TEST(Rule7_Titles, PlaceholderDocumentTitlesAreNotTheDecksTitle) {
  for (const char* t : {"Untitled", "untitled presentation", "Presentation1", "PowerPoint Presentation", "talk-final.pptx",
                        "Microsoft PowerPoint - talk.pptx", "无标题演示文稿", "Unbenannt", "Без названия", "Keynote", ""})
    EXPECT_TRUE(extract::placeholder_title(t)) << t;
  for (const char* t : {"Internet governance in 2026", "Untitled and unplanned: a history", "Slides for the IGF"})
    EXPECT_FALSE(extract::placeholder_title(t)) << t;
  // the deck's title comes from its slides then
  std::vector<PageBuilder> pages;
  for (int n = 1; n <= 2; ++n) {
    PageBuilder p(n);
    p.line(n == 1 ? "Agenda" : "Next steps", 40, 20, 30, true);
    p.bullet("•", "Point one", 40, 60, 100, 20);
    p.bullet("•", "Point two", 40, 60, 130, 20);
    pages.push_back(p);
  }
  std::vector<extract::PageLines> ls;
  for (const auto& p : pages) ls.push_back(p.lines());
  Diagnostics diag;
  Deck d = extract::analyze(ls, {"test.pdf", "Untitled presentation"}, diag);
  EXPECT_EQ(d.title, "Agenda");
  d = extract::analyze(ls, {"test.pdf", "Governance  forum"}, diag);
  EXPECT_EQ(d.title, "Governance forum");
}

TEST(Rule11_Hygiene, GarbledToUnicodeMapIsReportedOncePerFont) {
  std::vector<PageBuilder> pages;
  for (int n = 1; n <= 2; ++n) {
    PageBuilder p(n);
    p.line("$NN+]YQEsp<Yk<jQ][䛾ᇶ♏䛸", 40, 20, 30, true);          // Quartz export of Google Slides
    p.bullet("•", "⢭ᗘ䛾ホ౯䜘䜚䜒ពᛮỴᐃ䜢ホ౯䛩䜛䛣䛸䜢⪃䛘䜛", 40, 60, 100, 20);
    p.bullet("•", "std::vector<int> getElementById", 40, 60, 130, 20);  // code is not garbled
    for (auto& w : p.pw.words) w.font = w.text.rfind("std", 0) == 0 || w.text == "getElementById" ? "Courier" : "font0000";
    pages.push_back(p);
  }
  std::vector<extract::PageLines> ls;
  for (const auto& p : pages) ls.push_back(p.lines());
  auto g = extract::garbled_fonts(ls);
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].font, "font0000");
  EXPECT_EQ(g[0].first_page, 1);
  Diagnostics diag;
  extract::analyze(ls, {"test.pdf", ""}, diag);
  size_t n = 0;
  for (const auto& w : diag.warnings()) n += w.code == warn::garbled_text;
  EXPECT_EQ(n, 1u);
  // clean Japanese, Chinese and code give no warning
  PageBuilder ok(1);
  ok.line("オフポリシー評価の基礎と応用について", 40, 20, 30, true);
  ok.bullet("•", "在知乎万亿量级业务数据下的实践", 40, 60, 100, 20);
  ok.bullet("•", "template<typename T> struct Vec;", 40, 60, 130, 20);
  EXPECT_TRUE(extract::garbled_fonts({ok.lines()}).empty());
}

TEST(Rule2_Rotated, PageCounterRepeatedAtTheSamePlaceIsFurnitureOutsideTheBands) {
  // "4/49" in body-size type above the bottom band (a slide letterboxed on Letter paper)
  std::vector<PageBuilder> pages;
  for (int n = 1; n <= 5; ++n) {
    PageBuilder p(n, 792, 612);
    p.line("Comparators " + std::to_string(n), 60, 130, 30, true);
    p.bullet("•", "Generalization of operator<", 60, 85, 200, 20);
    p.bullet("•", "Used by various STL algorithms", 60, 85, 234, 20);
    p.line(std::to_string(n) + "/49", n < 10 ? 722 : 716, 497, 18);
    pages.push_back(p);
  }
  Deck d = analyze_pages(pages);
  ASSERT_EQ(d.slides.size(), 5u);
  for (const auto& s : d.slides) {
    EXPECT_EQ(texts(s), (std::vector<std::string>{"Generalization of operator<", "Used by various STL algorithms"})) << s.id;
  }
  // a fraction in the body, at different places, stays
  PageBuilder q(1, 792, 612);
  q.line("Results", 60, 130, 30, true);
  q.bullet("•", "Share", 60, 85, 200, 20);
  q.line("3/4", 400, 300, 20);
  Deck e = analyze_pages({q});
  EXPECT_EQ(texts(e.slides[0]).size(), 2u);
}

TEST(Rule11_Hygiene, ByteOrderMarkAloneIsNoRightToLeftLetter) {
  // cairo writes a leading BOM as a zero-width word of its own; U+FEFF is outside Arabic
  // Presentation Forms-B (U+FE70..U+FEFC), so the word is cleaned like any other
  EXPECT_FALSE(direction::is_rtl(0xFEFF));
  EXPECT_TRUE(direction::is_rtl(0xFEFC));
  PageBuilder p(1);
  p.word("\uFEFF", 50, 42, 30, true);
  p.pw.words.back().x1 = 50;
  p.pw.words.back().char_x = {50, 50};  // as the PDF layer gives a word it takes for right to left
  p.word("Multi\u200Bstakeholder", 50, 42, 30, true);
  p.word("model", 260, 42, 30, true);
  p.bullet("•", "Point", 50, 75, 120, 20);
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  EXPECT_EQ(d.slides[0].title, "Multistakeholder model");
}

TEST(Rule7_Titles, OpeningSlideWithItsTitleLowOnThePageHasThatTitle) {
  // PowerPoint 2016 title slide: a picture above, the title alone in the lower third
  std::vector<PageBuilder> pages;
  PageBuilder p1(1, 765, 540);
  p1.line("丰巢支付平台的TiDB迁移之旅", 247, 318, 36, true);
  pages.push_back(p1);
  PageBuilder p2(2, 765, 540);
  p2.line("自我介绍", 60, 40, 24);
  p2.bullet("•", "十年支付系统经验", 60, 85, 120, 18);
  p2.bullet("•", "负责数据库迁移", 60, 85, 150, 18);
  pages.push_back(p2);
  Deck d = analyze_pages(pages);
  ASSERT_EQ(d.slides.size(), 2u);
  EXPECT_EQ(d.slides[0].title, "丰巢支付平台的TiDB迁移之旅");
  EXPECT_EQ(d.slides[0].kind, SlideKind::title);
  EXPECT_EQ(d.title, "丰巢支付平台的TiDB迁移之旅");
}

TEST(Rule6_ReadingOrder, TwoColumnGridIsATableOnlyWithAHeaderOrNumbers) {
  auto page = [](bool header, bool numbers) {
    PageBuilder p(1, 720, 405);
    p.line("Algorithms", 40, 20, 30, true);
    const char* left[] = {"Name", "for_each", "transform", "all_of"};
    const char* right_words[] = {"Uses", "equal_range", "sort", "stable_sort"};
    const char* right_numbers[] = {"Uses", "12", "7 %", "1 200"};
    for (int r = 0; r < 4; ++r) {
      bool bold = header && r == 0;
      p.line(left[r], 40, 100 + 36.0 * r, 18, bold);
      p.line(numbers ? right_numbers[r] : right_words[r], 360, 100 + 36.0 * r, 18, bold);
    }
    return analyze_pages({p});
  };
  auto cells = [](const Deck& d) {
    size_t n = 0;
    for (const auto& b : d.slides[0].blocks) n += b.table.has_value();
    return n;
  };
  EXPECT_EQ(cells(page(false, false)), 0u);  // a list in two columns: read column by column
  auto cols = texts(page(false, false).slides[0]);
  ASSERT_EQ(cols.size(), 2u);
  EXPECT_EQ(cols[0].rfind("Name for_each", 0), 0u);
  EXPECT_EQ(cols[1].rfind("Uses equal_range", 0), 0u);
  EXPECT_EQ(cells(page(true, false)), 8u);   // a bold header row
  EXPECT_EQ(cells(page(false, true)), 8u);   // a column of numbers
  EXPECT_EQ(texts(page(false, true).slides[0]),
            (std::vector<std::string>{"Name", "Uses", "for_each", "12", "transform", "7 %", "all_of", "1 200"}));
}

TEST(Rule2_Markers, SmallListNumberFarBeforeItsTextStaysWithIt) {
  // A notes page draws the slide small; Impress sets the list number in its own small
  // size (4.1 pt) 15 pt before text of 9.2 pt: more than 1.5 em of either apart, yet one
  // item (issue 16, generated Impress decks in Chinese).
  PageBuilder p(1, 595, 842);
  p.word("1)", 119.79, 215.68 - 1.2 * 4.1, 4.1);
  p.line("Membership grew 18%", 139.10, 204.64, 9.2);
  p.word("2)", 119.79, 237.48 - 1.2 * 4.1, 4.1);
  p.line("Free access to all specifications", 139.10, 226.44, 9.2);
  auto pl = p.lines();
  ASSERT_EQ(pl.lines.size(), 2u);
  EXPECT_EQ(pl.lines[0].marker, "1)");
  EXPECT_EQ(pl.lines[0].text, "Membership grew 18%");
  EXPECT_EQ(pl.lines[1].marker, "2)");
}

TEST(Rule8_Blocks, WrappedJapaneseParagraphAtLooseLinePitchIsOneBlock) {
  // cairo sets a Japanese paragraph at 1.67 x its type size; with no lower-case start to
  // tell a wrap, the page's pitch comes from lines that fill the box to one edge (issue 16).
  PageBuilder p(1);
  p.word("どのように関わるか", 43, 15.5, 24, true);
  const char* lines[] = {"小規模な事業者には、複数", "の組織で同時に標準化作業", "を追う人手が足りないこと", "が多いです。"};
  for (int k = 0; k < 4; ++k) p.word(lines[k], 89, 75.5 + 33.3 * k, 20);
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  ASSERT_EQ(d.slides[0].blocks.size(), 1u);
  EXPECT_EQ(d.slides[0].blocks[0].text, "小規模な事業者には、複数の組織で同時に標準化作業を追う人手が足りないことが多いです。");
}

TEST(Rule8_Blocks, JapaneseListOfShortItemsAtLoosePitchStaysApart) {
  // Items of about one width whose ends line up with no other line: no filled box, so no
  // wrapped paragraph (Impress from PPTX, issue 16).
  PageBuilder p(1);
  p.word("コミュニティからの意見", 58.79, 67.92, 16, true);
  const char* items[] = {"4月30日までに登録", "IPv6のみのネットワークに対応", "すべての草案をピアレビュー", "オープンで透明なプロセス"};
  for (int k = 0; k < 4; ++k) p.word(items[k], 58.79, 109.35 + 24 * k, 13.4);
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  EXPECT_EQ(d.slides[0].blocks.size(), 4u);
}

TEST(Rule2_Markers, DashOrOfficeOALittleWiderThanASpaceBeforeACapitalIsAMarker) {
  // cairo and Impress from PPTX set the dash and Office's level-2 "o" in the text font,
  // 0.40 em before the text (issue 16); a dash before lower case carries a sentence on.
  PageBuilder p(1);
  p.word("–", 77, 100, 24);                 // 0.5 em wide: ends at 89
  p.line("Langfristige Finanzierung", 98.6, 100, 24);
  p.word("o", 91, 150, 18);                 // ends at 100
  p.line("Kommentare bis Freitag", 108.8, 150, 18);
  p.word("–", 77, 200, 24);
  p.line("although it rained", 98.6, 200, 24);
  auto pl = p.lines();
  ASSERT_EQ(pl.lines.size(), 3u);
  EXPECT_EQ(pl.lines[0].marker, "–");
  EXPECT_EQ(pl.lines[0].text, "Langfristige Finanzierung");
  EXPECT_EQ(pl.lines[1].marker, "o");
  EXPECT_EQ(pl.lines[1].text, "Kommentare bis Freitag");
  EXPECT_EQ(pl.lines[2].marker, "");
}

TEST(Rule2_Markers, NumberGluedToJapaneseTextIsTheMarker) {
  // Impress from PPTX sets no space between "(b)" and Japanese text (issue 16).
  PageBuilder p(1);
  p.word("(b)誰でも参加できる", 81.5, 168.7, 12);
  p.word("(c)学生40名に奨学金", 81.5, 187.1, 12);
  auto pl = p.lines();
  ASSERT_EQ(pl.lines.size(), 2u);
  EXPECT_EQ(pl.lines[0].marker, "(b)");
  EXPECT_EQ(pl.lines[0].text, "誰でも参加できる");
  EXPECT_EQ(pl.lines[1].marker, "(c)");
}

TEST(Rule9_Levels, RightAlignedListIsOneLevelWhereverItsBulletsStand) {
  // Impress draws a right-aligned paragraph's bullet just before its text: the bullets
  // stand wherever the lines start, and tell no level (issue 16, generated decks).
  PageBuilder p(1);
  p.word("Key messages", 43, 13, 32, true);
  const char* items[] = {"Fellowships for 40 students", "Guiding principle: speak about the IETF",
                         "Remote hubs in 14 cities and more", "A survey"};
  double y = 70;
  for (const char* t : items) {
    PageBuilder scratch(1);
    double w = scratch.line(t, 0, y, 18) - 0.25 * 18;  // the line's width as line() sets it
    double x = 676 - w;
    p.word("–", x - 18, y, 18);  // 0.5 em before the text
    p.line(t, x, y, 18);
    y += 25;
  }
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  ASSERT_EQ(d.slides[0].blocks.size(), 4u);
  for (const auto& b : d.slides[0].blocks) EXPECT_EQ(b.level, 1) << b.text;
}

TEST(Rule9_Levels, AColumnOfSubItemsGoesOnWithTheListOfTheColumnBeside) {
  // cairo-fa-7346 page 9 (drawn left to right here): a list set in two columns, the
  // break among its sub-items; the second column holds only "–" items in the sub-items'
  // size, which the first column sets at level 2 under its "•" item (issue 16)
  PageBuilder p(1);
  p.line("How we take part", 43, 15, 32, true);
  p.bullet("•", "Sponsors signed", 43, 61, 78, 18);
  p.bullet("•", "Open source tools for small operators", 43, 61, 105, 18);
  p.bullet("–", "The IETF needs no licence", 61, 79, 140, 16.2);
  p.bullet("–", "Free access to all specifications", 400, 418, 78, 16.2);
  p.bullet("–", "Quarterly reports to the board", 400, 418, 110, 16.2);
  p.bullet("–", "Translation into six languages", 400, 418, 142, 16.2);
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  ASSERT_EQ(d.slides[0].blocks.size(), 6u);
  for (const auto& b : d.slides[0].blocks) EXPECT_EQ(b.level, b.marker == "•" ? 1 : 2) << b.text;
}

TEST(Rule8_Blocks, ASubItemBrokenByHandAtLooseLineSpacingStaysOneItem) {
  // impress-odp-de-1194 page 6: "– 40 Länder erreichen" and, Shift+Enter, "Freier Zugang zu
  // allen Spezifikationen" where its text starts, 2.04 em (1.57 line boxes) under it at 1.5
  // line spacing: one item, past the 1.9 em an item's next line was allowed (issue 16)
  PageBuilder p(1);
  p.line("Nächste Schritte", 43.09, 18.1, 28, true);
  p.line("Open-Source-Werkzeuge für kleine Betreiber", 43.09, 91.0, 20);
  p.bullet("•", "Das IT-Sicherheitsgesetz verpflichtet Betreiber kritischer In-", 63.1, 91.11, 143.98, 20);
  p.line("frastrukturen zu Sicherheitsüberprüfungen.", 91.11, 185.0, 20);
  p.bullet("–", "40 Länder erreichen", 93.09, 121.1, 236.2, 18);
  p.line("Freier Zugang zu allen Spezifikationen", 121.1, 272.91, 18);
  for (auto& w : p.pw.words) w.y1 = w.y0 + 1.3 * w.size;  // Impress's line boxes
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  auto t = texts(d.slides[0]);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[2], "40 Länder erreichen Freier Zugang zu allen Spezifikationen");
}

TEST(Rule2_Lines, FooterDrawnOverABodyLineIsALineOfItsOwn) {
  // A body line that runs into the footer band: the footer's smaller words fall between
  // the body's words (pdftotext -layout gives "bezProgramovacídalšího"); they are another
  // layer, never one line with it (issue 16, Impress corpus deck, page 102).
  PageBuilder p(1);
  p.word("porovnávají", 92.3, 547.3, 32);
  p.word("bez", 290.4, 547.3, 32);
  p.word("Programovací", 341.8, 567.4, 14);
  p.word("dalšího", 357.5, 547.3, 32);
  p.word("jazyk", 443.3, 567.4, 14);
  p.word("zpracování", 481.9, 547.3, 32);
  p.word("TCL", 484.2, 567.4, 14);
  auto pl = p.lines();
  std::set<std::string> got;
  for (const auto& l : pl.lines) got.insert(l.text);
  EXPECT_TRUE(got.count("porovnávají bez dalšího zpracování")) << *got.begin();
  EXPECT_TRUE(got.count("Programovací jazyk TCL"));
}

TEST(Rule10_Join, OneHyphenDrawnMappedToSeveralHyphenCharactersIsOne) {
  // PowerPoint for Mac maps its hyphen glyph to "-", U+00AD and U+2010 at once; its space
  // glyph to "\t\r \u00A0" inside the word before it (issue 16, corpus deck).
  PageBuilder p(1);
  p.word("now-\u00AD\u2010standard", 40, 100, 20);
  p.word("as\t\r \u00A0", 200, 100, 20);
  p.word("--verbose", 240, 100, 20);
  auto& as = p.pw.words[1];
  as.space_after = false;
  as.x1 = 240;  // the next word starts where it ends: only the mapped space tells
  auto pl = p.lines();
  ASSERT_EQ(pl.lines.size(), 1u);
  EXPECT_EQ(pl.lines[0].text, "now-standard as --verbose");
}

TEST(Rule10_Join, LatinPhraseInChineseTextWrapsAtItsSpace) {
  // Google Slides wraps a Latin phrase in a Chinese line at a space (issue 16, corpus deck);
  // a Latin word broken inside stays whole ("Consultati" + "on阶段").
  EXPECT_EQ(extract::join_wrapped("扩展的统计信息：multi-column order dependency, multi-column", "function dependency"),
            "扩展的统计信息：multi-column order dependency, multi-column function dependency");
  EXPECT_EQ(extract::join_wrapped("各利益相关方应当在Open Consultati", "on阶段积极参与"), "各利益相关方应当在Open Consultation阶段积极参与");
}

TEST(Rule5_Title, ASlideThatIsAllCodeHasNoTitle) {
  // The top line of a listing is no title (issue 16: "#define red 0 #define orange 1 ..."
  // was the title of PowerPoint 2013 corpus slides that show only code).
  PageBuilder a(1);
  a.line("Colours", 40, 20, 30, true);
  a.bullet("•", "Names for numbers", 40, 60, 90, 18);
  PageBuilder p(2);
  const char* code[] = {"#define red 0", "#define orange 1", "#define yellow 2", "void f()"};
  for (int k = 0; k < 4; ++k) p.line(code[k], 18.8, 16.5 + 25.2 * k, 18.7);
  for (auto& w : p.pw.words) w.mono = true;
  Deck d = analyze_pages({a, p});
  ASSERT_EQ(d.slides.size(), 2u);
  EXPECT_EQ(d.slides[1].title, "");
  ASSERT_FALSE(d.slides[1].blocks.empty());
  EXPECT_EQ(d.slides[1].blocks[0].text.substr(0, 14), "#define red 0\n");
}

TEST(Rule8_Blocks, LinksSetApartStayApart) {
  // A URL starts in lower case but carries no sentence on: links set apart by paragraph
  // spacing are a list (issue 16, Google Slides corpus deck, page 68).
  PageBuilder p(1);
  p.line("Further reading", 42.75, 41.8, 36, true);
  p.line("http://stackoverflow.com/questions/6218812/implementing-comparision-operators-via-tuple-and-tie-a-", 42.75, 155.5, 14);
  p.line("good-idea", 42.75, 172.0, 14);
  p.line("http://siliconkiwi.blogspot.com/2012/04/stdtie-and-strict-weak-ordering.html", 42.75, 194.5, 14);
  p.line("http://latedev.wordpress.com/2013/08/12/less-than-obvious/", 42.75, 217.0, 14);
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  EXPECT_EQ(d.slides[0].blocks.size(), 3u);
}

TEST(Rule8_Blocks, WrappedChineseItemAtLooseLinePitchIsOneItem) {
  // An item's second line starts under its text, not its bullet (issue 16, cairo, 1.88 em).
  PageBuilder p(1);
  p.word("IETF 做什么", 43, 15.5, 32, true);
  p.bullet("➢", "大部分工作在公开邮件列表上", 76.4, 96.8, 163.8, 18);
  p.word("进行，远早于会议并延续到会", 96.8, 197.7, 18);
  p.word("后。", 96.8, 231.6, 18);
  p.bullet("➢", "远程参会免费，向所有提前注", 76.4, 96.8, 269.7, 18);
  p.word("册的人开放。", 96.8, 303.6, 18);
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  ASSERT_EQ(d.slides[0].blocks.size(), 2u);
  EXPECT_EQ(d.slides[0].blocks[0].text, "大部分工作在公开邮件列表上进行，远早于会议并延续到会后。");
}

TEST(Rule8_Blocks, WrappedThaiParagraphSetFlushRightMeasuresItsPitch) {
  // cairo, Loma 28 pt, right-aligned, lines 1.88 em apart (looser than Thai's 1.6 em
  // default): the full line over one ending at its right edge measures the page's pitch
  PageBuilder p(1);
  p.word("บทเรียนที่ได้รับ", 43, 19.5, 36, true);
  auto right = [&](const std::string& t, double x0, double y) {
    p.word(t, x0, y, 28);
    p.pw.words.back().x1 = 676.6;
  };
  right("เราคาดว่าจะมีผู้เข้าร่วมในสถานที่ประมาณหกร้อยคน", 60, 152.2);
  right("และทางออนไลน์มากกว่านั้นสองเท่า", 246, 204.8);
  right("นิยามธรรมาภิบาลอินเทอร์เน็ตในปัจจุบันเป็นนิยาม", 79, 280);
  right("เชิงปฏิบัติและไม่ควรนำกลับมาเปิดใหม่", 203, 332.6);
  PageBuilder cover(1);
  cover.word("การประชุม", 200, 150, 40, true);
  p.pw.page = 2;
  Deck d = analyze_pages({cover, p});
  ASSERT_EQ(d.slides.size(), 2u);
  EXPECT_EQ(texts(d.slides[1]), (std::vector<std::string>{"เราคาดว่าจะมีผู้เข้าร่วมในสถานที่ประมาณหกร้อยคนและทางออนไลน์มากกว่านั้นสองเท่า",
                                                           "นิยามธรรมาภิบาลอินเทอร์เน็ตในปัจจุบันเป็นนิยามเชิงปฏิบัติและไม่ควรนำกลับมาเปิดใหม่"}));
}

TEST(Rule8_Blocks, WrappedThaiItemAtThaiLinePitchIsOneItem) {
  // Thai fonts stand taller: XeLaTeX sets Thai lines 1.57 em apart. Without lower case to
  // measure wraps by, a Thai deck's expected pitch is 1.6 em (issue 16).
  PageBuilder p(1);
  p.word("บทเรียนที่ได้รับ", 135.9, 18.3, 14.3, true);
  p.bullet("•", "ผู้ให้บริการรายเล็กมักขาดบุคลากร", 32.9, 44.95, 97.9, 12);
  p.word("ที่จะติดตามงานมาตรฐานในหลาย", 44.95, 116.75, 12);
  p.word("องค์กรพร้อมกัน", 44.95, 135.6, 12);
  p.bullet("•", "สามหัวข้อคู่ขนาน", 32.9, 44.95, 157.2, 12);
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  ASSERT_EQ(d.slides[0].blocks.size(), 2u);
  EXPECT_EQ(d.slides[0].blocks[0].text, "ผู้ให้บริการรายเล็กมักขาดบุคลากรที่จะติดตามงานมาตรฐานในหลายองค์กรพร้อมกัน");
}

TEST(Rule6_Tables, HorizontalRulesAreStrokedSegmentsBarsAndTheEdgesOfFills) {
  using extract::InkMark;
  auto mark = [](InkMark::Kind k, double x0, double y0, double x1, double y1) {
    InkMark m;
    m.kind = k;
    m.x0 = x0; m.y0 = y0; m.x1 = x1; m.y1 = y1;
    return m;
  };
  std::vector<InkMark> marks;
  // a stroked row rule (0.6 pt), a vertical cell border, a short tick
  auto rule = mark(InkMark::stroke, 40, 99.7, 400, 100.3);
  rule.half_width = 0.3;
  rule.paths = {{{40, 100}, {400, 100}}};
  marks.push_back(rule);
  auto border = mark(InkMark::stroke, 199.7, 60, 200.3, 140);
  border.paths = {{{200, 60}, {200, 140}}};
  marks.push_back(border);
  auto tick = mark(InkMark::stroke, 10, 50, 14, 50.5);
  tick.paths = {{{10, 50.2}, {14, 50.2}}};
  marks.push_back(tick);
  // a row band (a rectangle filled), a bar 1 pt tall, a glyph's box and a picture
  marks.push_back(mark(InkMark::box, 40, 120, 400, 150));
  marks.push_back(mark(InkMark::box, 40, 170, 400, 171));
  auto glyph = mark(InkMark::box, 40, 200, 60, 220);
  glyph.glyph = true;
  marks.push_back(glyph);
  auto pic = mark(InkMark::box, 40, 230, 200, 300);
  pic.picture = true;
  marks.push_back(pic);
  // a filled path: a cell's background drawn as a closed path
  auto cell = mark(InkMark::fill, 40, 310, 200, 330);
  cell.paths = {{{40, 310}, {200, 310}, {200, 330}, {40, 330}}};
  marks.push_back(cell);
  auto rules = extract::horizontal_rules(marks);
  std::vector<double> ys;
  for (const auto& r : rules) ys.push_back(r.y);
  std::sort(ys.begin(), ys.end());
  EXPECT_EQ(ys, (std::vector<double>{100, 120, 150, 170.5, 310, 330}));
  EXPECT_EQ(extract::horizontal_rules(marks, 2).size(), 2u);  // at most `limit`
}

TEST(Rule6_Tables, ARuleBetweenTwoRowsSetTightMakesTheShorterOneARowOfItsOwn) {
  // Beamer's \hline table (issue 16): rows set with tight leading; a row with a merged
  // cell fills fewer cells than the row above. Without its rule it reads as that row's
  // wrapped lines; the rule says it is a row.
  auto page = [](bool ruled) {
    PageBuilder p(1, 720, 405);
    p.line("Funding sources", 40, 20, 30, true);
    const std::vector<std::vector<std::string>> rows = {
        {"Room", "Owner", "Status"}, {"Secretariat", "Lisbon", "600"}, {"Plenary", "75%", ""}, {"Africa", "Pending", "2026"}};
    for (size_t r = 0; r < rows.size(); ++r)
      for (size_t c = 0; c < 3; ++c)
        if (!rows[r][c].empty()) p.line(rows[r][c], 40 + 160.0 * c, 100 + 13.0 * r, 10, r == 0);
    if (ruled)
      for (size_t r = 0; r <= rows.size(); ++r) p.pw.rules.push_back({38, 520, 99 + 13.0 * r});
    return analyze_pages({p});
  };
  auto plain = texts(page(false).slides[0]);
  EXPECT_TRUE(std::find(plain.begin(), plain.end(), "Plenary") == plain.end());  // merged into the cell above
  auto ruled = texts(page(true).slides[0]);
  EXPECT_EQ(ruled, (std::vector<std::string>{"Room", "Owner", "Status", "Secretariat", "Lisbon", "600", "Plenary", "75%",
                                             "Africa", "Pending", "2026"}));
}

TEST(Rule2_Markers, DashALittleApartBeforeChineseTextIsAMarker) {
  // Impress from PPTX: an en dash in Liberation Sans 0.34 em before Chinese text (issue 16)
  PageBuilder p(1);
  p.word("–", 67.2, 83.8, 24);  // 0.5 em wide: ends at 79.2
  p.word("新成立两个分会", 87.4, 85.1, 24);
  auto pl = p.lines();
  ASSERT_EQ(pl.lines.size(), 1u);
  EXPECT_EQ(pl.lines[0].marker, "–");
  EXPECT_EQ(pl.lines[0].text, "新成立两个分会");
}

TEST(Rule1_RightToLeft, ListNumberAtTheLeftEndOfPersianTextIsItsMarker) {
  // Impress from PPTX (paragraphs left at rtl="0"): "1)" glued to the left of the Persian
  // words, or "a)" set 0.13 em apart and drawn first (issue 16)
  PageBuilder p(1);
  p.word("1)" + rev("فراگیری"), 395, 127, 22);
  even_char_x(p.pw.words.back());
  p.word(rev("و"), 500, 127, 22);
  even_char_x(p.pw.words.back());
  p.word(rev("دسترسی"), 517, 127, 22);
  even_char_x(p.pw.words.back());
  p.word("a)", 87.2, 211.5, 20);
  p.pw.words.back().order = 0;
  p.word(rev("کشور"), 107, 211.5, 20);
  p.pw.words.back().order = 5;
  even_char_x(p.pw.words.back());
  p.word(rev("رسیدن"), 160, 211.5, 20);
  p.pw.words.back().order = 1;
  even_char_x(p.pw.words.back());
  // a year at the left end of a right-to-left line is no marker
  p.word("2026", 87.2, 300, 20);
  p.pw.words.back().order = 0;
  p.word(rev("مارس"), 140, 300, 20);
  p.pw.words.back().order = 1;
  even_char_x(p.pw.words.back());
  auto pl = p.lines();
  ASSERT_EQ(pl.lines.size(), 3u);
  EXPECT_EQ(pl.lines[0].marker, "1)");
  EXPECT_FALSE(pl.lines[0].rtl);
  EXPECT_EQ(pl.lines[0].marker_side, -1);
  EXPECT_EQ(pl.lines[0].text, "دسترسی و فراگیری");
  EXPECT_EQ(pl.lines[1].marker, "a)");
  EXPECT_EQ(pl.lines[1].marker_side, 0);  // set apart: says nothing of the deck's paragraphs
  EXPECT_EQ(pl.lines[1].text, "رسیدن کشور");
  EXPECT_EQ(pl.lines[2].marker, "");
}

TEST(Rule6_ReadingOrder, ColumnsOfAPersianDeckWithLeftToRightParagraphsReadFromTheRight) {
  // A PPTX export keeps Persian paragraphs left to right and puts the first column on
  // the right: the deck's letters, not its paragraphs, say which column comes first.
  PageBuilder p(1);
  p.word(rev("عنوان"), 40, 20, 30, true);
  even_char_x(p.pw.words.back());
  const char* right[] = {"یک", "دو", "سه"};
  const char* left[] = {"چهار", "پنج", "شش"};
  for (int k = 0; k < 3; ++k) {
    p.word(rev(right[k]), 500, 100 + 30.0 * k, 20);
    even_char_x(p.pw.words.back());
    p.word(rev(left[k]), 60, 100 + 30.0 * k, 20);
    even_char_x(p.pw.words.back());
  }
  std::vector<extract::PageLines> ls{p.lines()};
  for (auto& l : ls[0].lines) l.rtl = false;  // the paragraphs run left to right
  Diagnostics diag;
  Deck d = extract::analyze(ls, {"test.pdf", ""}, diag);
  ASSERT_EQ(d.slides.size(), 1u);
  auto t = texts(d.slides[0]);
  ASSERT_FALSE(t.empty());
  EXPECT_EQ(t.front().rfind("یک", 0), 0u);
}

TEST(Rule2_Lines, TableOfTwoRowsWithEvenGapsIsCutAtItsColumns) {
  // Impress: a table row "Оргкомитет | Москва | Отменено | Ташкент" whose cells happen to
  // stand at near even gaps (86, 114, 96 pt) looks like a line stretched by justification;
  // the row under it starts its cells at the same places, so it is cut (issue 16).
  PageBuilder p(1);
  const double xs[] = {41.7, 203.7, 365.7, 527.7};
  const char* r1[] = {"Оргкомитет", "Москва", "Отменено", "Ташкент"};
  const char* r2[] = {"Пленарное", "Семинар", "Латинская Америка", "Азиатско-"};
  for (int c = 0; c < 4; ++c) {
    p.line(r1[c], xs[c], 138.6, 14);
    p.line(r2[c], xs[c], 167.0, 14);
  }
  for (auto& w : p.pw.words) w.space_after = false;
  auto pl = p.lines();
  std::vector<std::string> t;
  for (const auto& l : pl.lines) t.push_back(l.text);
  EXPECT_EQ(t, (std::vector<std::string>{"Оргкомитет", "Москва", "Отменено", "Ташкент", "Пленарное", "Семинар",
                                         "Латинская Америка", "Азиатско-"}));
}

TEST(Rule6_Tables, ABoldHeaderRowOverRowLabelsGainsTheLabelsColumn) {
  // beamer-pdflatex-es-1047 page 2: the header row "Fecha | Ciudad" leaves the top-left
  // cell empty; the row labels under it stand left of every header column. The table
  // starts at the header, its first column found at the second row (issue 16)
  PageBuilder p(1, 362.8, 272.1);
  p.line("Lecciones aprendidas", 8.5, 20.97, 20.7, true);
  p.line("Recomendamos un enfoque gradual, empezando por las", 13.67, 93.11, 14.3);
  p.line("redes más grandes.", 13.67, 110.05, 14.3);
  p.line("Fecha", 129.69, 129.64, 12, true);
  p.line("Ciudad", 239.34, 129.64, 12, true);
  p.line("Asia-Pacífico", 20.05, 143.99, 12);
  p.line("Campus", 239.34, 143.99, 12);
  p.line("universitario", 239.34, 157.94, 12);
  p.line("Montevideo", 20.05, 172.28, 12);
  p.line("1 240", 129.69, 172.28, 12);
  p.line("Secretaría", 239.34, 172.28, 12);
  p.line("Cancelado", 20.05, 186.63, 12);
  p.line("2026", 129.69, 186.63, 12);
  p.line("1240", 239.34, 186.63, 12);
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  EXPECT_EQ(texts(d.slides[0]),
            (std::vector<std::string>{"Recomendamos un enfoque gradual, empezando por las redes más grandes.", "Fecha", "Ciudad",
                                      "Asia-Pacífico", "Campus universitario", "Montevideo", "1 240", "Secretaría", "Cancelado",
                                      "2026", "1240"}));
}

TEST(Rule6_Tables, TwoColumnGridRuledBetweenEveryRowIsATable) {
  // Beamer's \hline tabular of words only, without a bold header (its header row has an
  // empty first cell): the rules between all its rows make it a table (issue 16).
  auto page = [](bool ruled) {
    PageBuilder p(1, 363, 272);
    p.line("Как мы будем участвовать", 8.5, 11, 14.3);
    const char* left[] = {"Семинар", "Латинская Америка", "Оргкомитет", "Отменено"};
    const char* right[] = {"Спонсоры подписали договоры", "Ташкент", "Q3", "Алматы"};
    for (int r = 0; r < 4; ++r) {
      p.line(left[r], 14.9, 38.8 + 9.86 * r, 8);
      p.line(right[r], 165, 38.8 + 9.86 * r, 8);
    }
    if (ruled)
      for (int r = 0; r <= 4; ++r) p.pw.rules.push_back({10, 345, 38.3 + 9.86 * r});
    return analyze_pages({p});
  };
  auto cells = [](const Deck& d) {
    size_t n = 0;
    for (const auto& b : d.slides[0].blocks) n += b.table.has_value();
    return n;
  };
  EXPECT_EQ(cells(page(false)), 0u);
  EXPECT_EQ(cells(page(true)), 8u);
  EXPECT_EQ(texts(page(true).slides[0])[2], "Латинская Америка");
}

TEST(Rule2_Markers, HebrewLetterNumbersWithGereshAreMarkers) {
  // XeLaTeX (bidi) numbers a Hebrew list "א׳." "ב׳.", drawn ".׳א" at the right end of
  // each right-to-left line (issue 16)
  PageBuilder p(1);
  auto rtl_line = [&](const std::string& number, const std::vector<std::string>& logical, double right, double y) {
    double x = right;
    p.word(rev(number), x - 16, y, 11);
    even_char_x(p.pw.words.back());
    x -= 20;
    for (const auto& t : logical) {
      double w = 0.5 * 11 * static_cast<double>(unicode::decode(t).size());
      p.word(rev(t), x - w, y, 11);
      even_char_x(p.pw.words.back());
      x -= w + 3;
    }
  };
  rtl_line("א׳.", {"להגיע", "לארבעים", "מדינות"}, 423, 86);
  rtl_line("ב׳.", {"כל", "אחד", "יכול"}, 423, 103);
  auto pl = p.lines();
  ASSERT_EQ(pl.lines.size(), 2u);
  EXPECT_TRUE(pl.lines[0].rtl);
  EXPECT_EQ(pl.lines[0].marker, "א׳.");
  EXPECT_EQ(pl.lines[0].text, "להגיע לארבעים מדינות");
  EXPECT_EQ(pl.lines[1].marker, "ב׳.");
}

TEST(Rule1_RightToLeft, LabelsAtTheLeftOfHebrewLinesDrawnAfterTheirTextAreMarkers) {
  // cairo, a Hebrew deck whose paragraphs run left to right: the list labels ("a.", "b.",
  // Office's "o" in DejaVu Sans) stand at the left end, 0.8 em before the text, drawn
  // after it (issue 16); the labels "a." "b." stand one under the other.
  PageBuilder p(1);
  int order = 0;
  auto item = [&](const std::string& label, const std::vector<std::string>& logical, double y, bool own_font) {
    double x = 90;  // the text set flush left, the label 14 pt before it
    for (auto it = logical.rbegin(); it != logical.rend(); ++it) {
      p.word(rev(*it), x, y, 18);
      auto& ww = p.pw.words.back();
      even_char_x(ww);
      ww.order = order + static_cast<int>(it - logical.rbegin());
      ww.order_end = ww.order + 1;
      x = ww.x1 + 5;
    }
    order += static_cast<int>(logical.size());
    p.word(label, 90 - 14 - 9.0 * static_cast<double>(label.size()), y, 18);
    p.pw.words.back().order = order++;
    if (own_font) p.pw.words.back().font = "DejaVuSans";
  };
  item("a.", {"מלגות", "לסטודנטים"}, 116, false);
  item("b.", {"כתוביות", "חיות"}, 142, false);
  item("o", {"תרגומים", "לשש", "שפות"}, 194, true);
  auto pl = p.lines();
  ASSERT_EQ(pl.lines.size(), 3u);
  EXPECT_EQ(pl.lines[0].marker, "a.");
  EXPECT_FALSE(pl.lines[0].rtl);
  EXPECT_EQ(pl.lines[0].text, "מלגות לסטודנטים");
  EXPECT_EQ(pl.lines[1].marker, "b.");
  EXPECT_EQ(pl.lines[2].marker, "o");
  EXPECT_EQ(pl.lines[2].text, "תרגומים לשש שפות");
}

TEST(Rule11_Hygiene, ThaiMarksInTheirOrderOnTheirLetters) {
  PageBuilder p(1);
  // Impress draws "ที่อ" with sara ii 0.11 pt right of its consonant's advance, at the
  // next letter's left edge: it stays on the consonant before (issue 16)
  p.word("ท่อี", 348, 100, 14);
  p.pw.words.back().char_x = {348, 376.01, 376.03, 384.23, 376.12};  // sara ii drawn at 376.12
  p.pw.words.back().space_after = true;
  // a tone mark drawn before the vowel above ("น่ัง" is "นั่ง"); sara am drawn as
  // nikhahit and sara aa, split between two words ("แนะนํ" + "าให้")
  p.word("น่ัง", 48, 140, 14);
  p.word("แนะนํ", 48, 180, 14);
  p.pw.words.back().space_after = false;
  p.word("าให้", p.pw.words.back().x1, 180, 14);
  // the tone mark of "ผู้" drawn after the sara u, 0.75 pt on, at the next letter's edge
  p.word("ผู้มี", 585.44, 220, 20);
  p.pw.words.back().char_x = {585.44, 606.15, 606.90, 606.90, 626.07, 626.07};
  auto pl = p.lines();
  ASSERT_EQ(pl.lines.size(), 4u);
  EXPECT_EQ(pl.lines[3].text, "ผู้มี");
  EXPECT_EQ(pl.lines[0].text, "ที่อ");
  EXPECT_EQ(pl.lines[1].text, "นั่ง");
  EXPECT_EQ(pl.lines[2].text, "แนะนำให้");
}

TEST(Rule11_Hygiene, ASpaceGlyphTheLetterBeforeReachesOverIsStillASpace) {
  auto word = [](double x0, double x1) {
    extract::Word w;
    w.x0 = x0; w.x1 = x1; w.y0 = 100; w.y1 = 121; w.size = 16;
    return w;
  };
  bool no_room = false;
  // Impress, Amiri: "گشوده" ends at 307.95 by its unkerned advance, the space glyph is
  // drawn at [304.0, 308.67], "دوباره" starts at 308.68: a space (issue 16)
  std::vector<extract::SpaceGlyph> spaces{{304.0, 100, 308.67, 121}};
  auto typed = extract::typed_space(word(269.74, 307.95), word(308.68, 342.32), &spaces, &no_room);
  ASSERT_TRUE(typed.has_value());
  EXPECT_TRUE(*typed);
  EXPECT_FALSE(no_room);
  // XeTeX: a non-joiner drawn with the space glyph, the next letter drawn over it
  std::vector<extract::SpaceGlyph> zwnj{{100.0, 100, 104.6, 121}};
  typed = extract::typed_space(word(80, 100.1), word(100.2, 130), &zwnj, &no_room);
  ASSERT_TRUE(typed.has_value());
  EXPECT_FALSE(*typed);
  EXPECT_TRUE(no_room);
}

TEST(Rule11_Hygiene, ATypedNoBreakSpaceBetweenWordsStaysOne) {
  // French as LibreOffice's autocorrect and deckhand's slides set it: "directeur\u00A0:" and
  // "SMSI+20\u202F?". Poppler ends a word at a no-break space as at any space; the page's
  // space glyphs tell which it was (issue 18). A no-break space glyph of a font that draws
  // no ordinary space (LibreOffice's Courier code listings) has no_break 0: a space.
  PageBuilder p(1);
  auto w = [&](const char* t, double x0, double x1, double y) {
    auto& x = p.span(t, x0, x1, y, 20);
    x.space_after = true;
  };
  w("Principe", 40, 120, 100);
  w("directeur", 126, 216, 100);
  w(":", 222, 228, 100);
  w("parler", 234, 290, 100);
  w("SMSI+20", 40, 120, 200);
  w("?", 123, 131, 200);
  w("mot", 40, 80, 300);
  w(":", 86, 92, 300);
  p.pw.spaces.push_back({120, 90, 126, 124});
  p.pw.spaces.push_back({216, 90, 222, 124});
  p.pw.spaces.back().no_break = 0xA0;
  p.pw.spaces.push_back({228, 90, 234, 124});
  p.pw.spaces.push_back({120, 190, 123, 224});
  p.pw.spaces.back().no_break = 0x202F;
  p.pw.spaces.push_back({80, 290, 86, 324});  // no_break 0: an ordinary space
  std::sort(p.pw.spaces.begin(), p.pw.spaces.end(), [](const auto& a, const auto& b) { return a.y0 < b.y0; });
  auto pl = p.lines();
  ASSERT_EQ(pl.lines.size(), 3u);
  EXPECT_EQ(pl.lines[0].text, "Principe directeur\u00A0: parler");
  EXPECT_EQ(pl.lines[1].text, "SMSI+20\u202F?");
  EXPECT_EQ(pl.lines[2].text, "mot :");
}

TEST(Rule8_Blocks, ShortLastLineOfAnArabicParagraphMeasuresTheWrapPitch) {
  // Impress, Amiri 24 pt: right-to-left paragraphs set flush left, lines 1.69 em apart; the
  // wrapped last lines are one or two words, under a sixth of the line above. Their pairs
  // still measure the page's wrap pitch, so the short lines stay with their paragraphs
  // (issue 16).
  PageBuilder cover(1), p(2);
  cover.word(rev("التمويل"), 300, 150, 40, true);
  even_char_x(cover.pw.words.back());
  // (Amiri's tall line box, 33.4 pt)
  auto rtl_line = [&](const std::vector<std::string>& logical, double y) { rtl_line_from_left(p, logical, 43.1, y, 24, 33.4, 6); };
  rtl_line({"مصادر", "التمويل"}, 26.6);
  p.pw.words[0].bold = p.pw.words[1].bold = true;
  rtl_line({"إن", "التعريف", "الحالي", "لحوكمة", "الإنترنت", "تعريف", "عملي", "ولا", "ينبغي"}, 104.4);
  rtl_line({"إعادة", "فتحه."}, 145.0);
  rtl_line({"التسجيل", "قبل", "ثلاثين", "أبريل"}, 197.6);
  rtl_line({"تساعد", "مواصفات", "المنظمة", "المتاحة", "مجانا", "على", "سد", "الفجوة"}, 248.8);
  rtl_line({"المعرفية."}, 289.4);
  Deck d = analyze_pages({cover, p});
  ASSERT_EQ(d.slides.size(), 2u);
  auto t = texts(d.slides[1]);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0], "إن التعريف الحالي لحوكمة الإنترنت تعريف عملي ولا ينبغي إعادة فتحه.");
  EXPECT_EQ(t[2], "تساعد مواصفات المنظمة المتاحة مجانا على سد الفجوة المعرفية.");
}

TEST(Rule1_RightToLeft, MarkBeforeItsLetterInAWordDrawnLeftToRight) {
  // Impress (ODP), Amiri 14 pt: "أن يُنظر" drawn left to right, "رظنُي" with the damma
  // before the yeh it belongs to (issue 16)
  PageBuilder p(1);
  p.word("رظنُي", 397.19, 160, 14.2);
  auto& a = p.pw.words.back();
  a.x1 = 414.57;
  a.char_x = {397.19, 401.59, 408.60, 408.80, 410.79, 414.57};
  a.char_glyph = {0, 1, 2, 3, 4};
  a.order = 10; a.order_end = 15;
  p.word("نأ", 418.5, 160, 14.2);
  auto& b = p.pw.words.back();
  b.x1 = 430;
  b.char_x = {418.5, 424, 430};
  b.char_glyph = {0, 1};
  b.order = 16; b.order_end = 18;
  auto pl = p.lines();
  ASSERT_EQ(pl.lines.size(), 1u);
  EXPECT_EQ(pl.lines[0].text, "أن يُنظر");
}

TEST(Rule8_Blocks, ArabicScriptLinesAreNoCloserThanTheirTallBoxes) {
  // cairo, Noto Naskh Arabic 20 pt: line boxes 2.16 em tall, a wrapped Persian line 2.35 em
  // under the one above; with nothing on the page to measure a wrap by, 1.2 em is all the
  // deck expects. Lines are never set closer than their boxes there, so a pitch up to the
  // box height (and a quarter em) is no paragraph spacing; more is (issue 16).
  PageBuilder cover(1), p(2);
  cover.word(rev("پیش‌نویس"), 300, 150, 40, true);
  even_char_x(cover.pw.words.back());
  auto rtl_line = [&](const std::vector<std::string>& logical, double y) {
    double x = 676.5;
    for (const auto& t : logical) {  // from the right: the first word rightmost
      double w = 0.5 * 20 * static_cast<double>(unicode::decode(t).size());
      p.word(rev(t), x - w, y, 20);
      auto& ww = p.pw.words.back();
      ww.y1 = y + 43.2;  // a tall line box
      glyph_each(ww);
      x -= w + 5;
    }
  };
  rtl_line({"دبیرخانه", "دو", "هفته", "پس", "از", "پایان", "رایزنی،", "خلاصه‌ای", "از", "همهٔ", "نظرهای", "کتبی", "منتشر"}, 224.3);
  rtl_line({"می‌کند."}, 271.3);  // 47 pt on
  rtl_line({"محل", "برگزاری", "قطعی", "شد"}, 326.3);  // 55 pt on: a paragraph of its own
  Deck d = analyze_pages({cover, p});
  ASSERT_EQ(d.slides.size(), 2u);
  auto t = texts(d.slides[1]);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0], "دبیرخانه دو هفته پس از پایان رایزنی، خلاصه‌ای از همهٔ نظرهای کتبی منتشر می‌کند.");
  EXPECT_EQ(t[1], "محل برگزاری قطعی شد");
}

TEST(Rule8_Blocks, RightToLeftLinesAtTheColumnsTightestPitchUnderALooserOneAreOneParagraph) {
  // impress-odp-ar-1012 page 3: Noto Naskh Arabic 20 pt, line boxes 1.3 em tall, lines
  // broken by hand 2.19 em apart (Impress's 1.15 line spacing of a tall font), paragraphs
  // 3.08 em apart (18 pt spacing). No wrap on the page or in the deck measures the pitch;
  // the column's two pitches do: the tighter is the line pitch, the looser by 0.9 em a
  // paragraph's, so lines at the tighter are one paragraph (issue 16).
  PageBuilder cover(1), p(2);
  cover.word(rev("توصياتنا"), 300, 150, 40, true);
  even_char_x(cover.pw.words.back());
  auto rtl_line = [&](const std::vector<std::string>& logical, double y) { rtl_line_from_left(p, logical, 43.09, y, 20, 26.0, 5); };
  rtl_line({"النسخة", "النهائية", "في", "مايو"}, 102.99);
  rtl_line({"مسودة", "الميثاق", "قيد", "المراجعة"}, 164.70);
  rtl_line({"أدوات", "مفتوحة", "المصدر", "للمشغلين", "الصغار"}, 208.50);
  rtl_line({"الجلسة", "العامة", "الختامية"}, 270.18);
  rtl_line({"عملية", "مفتوحة", "وشفافة"}, 314.00);
  Deck d = analyze_pages({cover, p});
  ASSERT_EQ(d.slides.size(), 2u);
  EXPECT_EQ(texts(d.slides[1]), (std::vector<std::string>{"النسخة النهائية في مايو",
                                                          "مسودة الميثاق قيد المراجعة أدوات مفتوحة المصدر للمشغلين الصغار",
                                                          "الجلسة العامة الختامية عملية مفتوحة وشفافة"}));
}

TEST(Rule8_Blocks, NumberedItemsSetLargerThanTheTitleLeaveItTheTitle) {
  // impress-odp-fa-1153 page 3: a bold 24 pt title over a numbered list in 28 pt, its
  // right-to-left paragraphs set flush left (the numbers float beside their text). "1."
  // and "2." make a list: neither item, nor the wrapped line of the second, is the title
  // (a numbered line alone may be one: "2. IETF منفتحة") (issue 16)
  PageBuilder cover(1), p(2);
  cover.word(rev("پیش‌نویس"), 300, 150, 40, true);
  even_char_x(cover.pw.words.back());
  auto rtl_line = [&](const std::vector<std::string>& logical, double y, double size, bool bold = false) {
    return rtl_line_from_left(p, logical, 43.09, y, size, 1.3 * size, 7, bold);
  };
  rtl_line({"پیشینه"}, 24.98, 24, true);
  double x = rtl_line({"ترجمه", "به", "شش", "زبان"}, 129.39, 28);
  p.word(".1", x + 8, 144.01, 12.6);
  x = rtl_line({"IETF", "باید", "به‌عنوان", "مدافع", "رویکرد", "چندذی‌نفعی", "در"}, 217.88, 28);
  p.word(".2", x + 8, 232.5, 12.6);
  rtl_line({"حکمرانی", "اینترنت", "دیده", "شود."}, 306.49, 28);
  Deck d = analyze_pages({cover, p});
  ASSERT_EQ(d.slides.size(), 2u);
  EXPECT_EQ(d.slides[1].title, "پیشینه");
  ASSERT_GE(d.slides[1].blocks.size(), 2u);
  EXPECT_EQ(d.slides[1].blocks[0].text, "ترجمه به شش زبان");
}

TEST(Rule2_Markers, OfficeOSetSmallBeyondTheEndOfARightToLeftLineIsItsMarker) {
  // Impress (ODP), an Arabic level-2 item: its "o" in Liberation Mono at 5.7 pt, 20.8 pt
  // right of the 12.8 pt text (issue 16)
  PageBuilder p(1);
  double x = 451.73;
  for (const char* t : {"يجب", "أن", "ينظر"}) {
    double w = 0.5 * 12.8 * static_cast<double>(unicode::decode(t).size());
    p.word(rev(t), x - w, 254.03, 12.8);
    auto& ww = p.pw.words.back();
    glyph_each(ww);
    x -= w + 3.5;
  }
  p.word("o", 472.51, 259.09, 5.7);
  p.pw.words.back().font = "LiberationMono";
  auto pl = p.lines();
  ASSERT_EQ(pl.lines.size(), 1u);
  EXPECT_EQ(pl.lines[0].marker, "o");
  EXPECT_EQ(pl.lines[0].text, "يجب أن ينظر");
}

TEST(Rule8_Blocks, FullLineThenLowerCaseStartJoinsAtVeryLooseLineSpacing) {
  // Impress at 1.5 line spacing sets a wrapped line 2.04 em under the one above, further
  // than the deck's measured pitch allows for spacing: the line above fills its box and
  // does not end a sentence, the one below starts in lower case (issue 16).
  PageBuilder p(1);
  p.word("Budget overview", 43, 18.6, 32, true);
  p.word("Closing plenary", 43, 93.3, 16);
  p.word("Route origin validation now protects more than half of the announced address", 43, 134.9, 16);
  p.word("space.", 43, 167.5, 16);
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  ASSERT_EQ(d.slides[0].blocks.size(), 2u);
  EXPECT_EQ(d.slides[0].blocks[1].text,
            "Route origin validation now protects more than half of the announced address space.");
}

// impress-odp-ar-1100 page 3: an Arabic paragraph at 24 pt set flush left (Impress's
// "end" in a right-to-left paragraph), its last word wrapped 55.9 pt (2.33 em: Noto Naskh's
// tall line) under a line of ten words that does not end its sentence; no other line of its
// size gives the box. (No lam in it: equal advances would read as lam-alef.)
static PageBuilder tall_arabic_paragraph() {
  PageBuilder p(1);
  auto line = [&](const std::vector<std::string>& ws, double left, double y) {
    double total = 0;
    for (const auto& t : ws) total += 11.0 * static_cast<double>(unicode::decode(t).size()) + 6;
    double x = left + total - 6;
    for (const auto& t : ws) {
      double w = 11.0 * static_cast<double>(unicode::decode(t).size());
      auto& wd = p.span(rev(t), x - w, x, y, 24);
      wd.y1 = y + 31.2;  // (Noto Naskh Arabic's box: 1.3 em)
      even_char_x(wd);
      x -= w + 6;
    }
  };
  p.word(rev("المشاركة"), 300, 26.6, 28, true);
  even_char_x(p.pw.words.back());
  line({"نوصي", "بنهج", "تدريجي", "يبدأ", "بأكبر", "شبكة،", "ثم", "يمضي", "نحو", "شبكات"}, 43.2, 112.2);
  line({"أصغر."}, 43.2, 168.1);
  return p;
}

TEST(Rule1_RightToLeft, LongLineThenAShortSentenceEndIsOneParagraphAtATallFontsPitch) {
  PageBuilder p = tall_arabic_paragraph();
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  ASSERT_EQ(d.slides[0].blocks.size(), 1u);
  EXPECT_EQ(d.slides[0].blocks[0].text, "نوصي بنهج تدريجي يبدأ بأكبر شبكة، ثم يمضي نحو شبكات أصغر.");
  // the same lines in a deck whose paragraphs run left to right (its bullets stand on the
  // left: cairo and PPTX exports of Arabic with rtl="0"), read as such
  Diagnostics diag;
  Deck ltr = extract::analyze({extract::build_lines(p.pw, true, false)}, {"test.pdf", ""}, diag);
  ASSERT_EQ(ltr.slides.size(), 1u);
  ASSERT_EQ(ltr.slides[0].blocks.size(), 1u);
  EXPECT_EQ(ltr.slides[0].blocks[0].text, d.slides[0].blocks[0].text);
}

TEST(Rule8_Blocks, ParagraphFlowsFromTheFootOfAColumnToTheTopOfTheNext) {
  // impress-odp-en-1014 page 6: a text box of two columns; the last paragraph of the first
  // column goes on at the top of the second, in lower case (issue 16)
  PageBuilder p(1);
  p.line("Column flow", 40, 20, 28, true);
  p.line("First paragraph of the first column.", 40, 100, 16);
  p.line("The host country has offered to", 40, 130, 16);
  p.line("waive visa fees for all accredited", 40, 154, 16);
  p.line("participants at the meeting.", 400, 100, 16);
  p.line("Registration closes in April.", 400, 130, 16);
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  const auto& b = d.slides[0].blocks;
  ASSERT_EQ(b.size(), 3u);
  EXPECT_EQ(b[1].text, "The host country has offered to waive visa fees for all accredited participants at the meeting.");
  EXPECT_LT(b[1].bbox[2], 400.0);  // its box: where it starts, in the first column
  // and where it goes on, in the second (translated slides take its text out of both)
  ASSERT_EQ(b[1].flow.size(), 1u);
  EXPECT_GE(b[1].flow[0][0], 400.0);
  EXPECT_LT(b[1].flow[0][1], 110.0);
  EXPECT_LT(b[1].flow[0][3], 125.0);  // not down to the next paragraph
  EXPECT_TRUE(b[0].flow.empty());
  EXPECT_TRUE(b[2].flow.empty());
  EXPECT_EQ(b[2].text, "Registration closes in April.");
}

TEST(Rule8_Blocks, UnmarkedLineAtAnItemsTextStartContinuesItAtLooseLineSpacing) {
  // impress-pptx-de-1161 page 6: at 1.5 line spacing, an item broken by hand (Shift+Enter)
  // goes on 1.56 em under it, where its text starts, in a capital; the deck measures 1.2 em
  PageBuilder p(1);
  p.line("Stand der IPv6-Einführung", 43, 17, 28, true);
  p.bullet("►", "Drei Arbeitsgruppen abgeschlossen", 63.2, 89.6, 161, 24);
  p.bullet("►", "Sicherheit und Vertrauen", 63.2, 89.6, 204.4, 24);
  p.bullet("•", "Kosten pro Person: 120 EUR", 83.2, 109.6, 247.8, 22);
  p.line("Offenes und transparentes Verfahren", 109.6, 282.1, 22);
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  const auto& b = d.slides[0].blocks;
  ASSERT_EQ(b.size(), 3u);
  EXPECT_EQ(b[2].text, "Kosten pro Person: 120 EUR Offenes und transparentes Verfahren");
}

TEST(Rule10_Join, LineStretchedAtEveryWordWithNoOtherLineToShowItsBoxIsOneLine) {
  // cairo-he-3066 page 5: a Hebrew item broken by hand, its first line justified (cairo
  // stretches a line ending in a line separator): eight words, every gap 32-34 pt, and the
  // line under it short, so no other line shows the box (issue 16)
  PageBuilder p(1);
  const std::vector<std::pair<std::string, std::pair<double, double>>> ws = {
      {"לניסיון.", {89.0, 149.04}}, {"או", {181.98, 200.76}},   {"למעסיק", {232.98, 295.04}}, {"לרקע,", {328.0, 375.04}},
      {"קשר", {406.98, 442.36}},     {"בלי", {475.98, 502.76}}, {"מוזמנים,", {535.98, 605.54}}, {"כולם", {638.96, 676.96}}};
  // (cairo draws a glyph at a time: each letter a word of its own, no space glyph)
  for (const auto& [t, x] : ws) {
    std::u32string v = unicode::decode(rev(t));
    double step = (x.second - x.first) / static_cast<double>(v.size());
    for (size_t i = 0; i < v.size(); ++i) {
      auto& w = p.span(unicode::encode(v.substr(i, 1)), x.first + step * static_cast<double>(i),
                       x.first + step * static_cast<double>(i + 1), 73.9, 20);
      even_char_x(w);
      w.space_after = false;
    }
  }
  double x = 89;
  for (const std::string t : {"חדשים", "סניפים", "שני", "נוסדו"}) {
    double w = 10.0 * static_cast<double>(unicode::decode(t).size());
    even_char_x(p.span(rev(t), x, x + w, 98.3, 20));
    x += w + 5;
  }
  extract::PageLines pl = extract::build_lines(p.pw, true);
  ASSERT_EQ(pl.lines.size(), 2u);
  EXPECT_EQ(pl.lines[0].text, "כולם מוזמנים, בלי קשר לרקע, למעסיק או לניסיון.");
}

TEST(Rule10_Join, ThreeWordsStretchedAtTwoEvenGapsAreOneLine) {
  // cairo-ar-1089 page 2: a justified Arabic item of three words in 30 pt, its two gaps
  // 49 and 50 pt (1.6 em), the line under it its short last line: one line, not three
  // fragments (issue 16)
  PageBuilder p(1);
  // (cairo draws a glyph at a time: each letter a word of its own, no space glyph)
  auto letters = [&](const std::string& t, double x0, double x1, double y, double y1) {
    std::u32string v = unicode::decode(rev(t));
    double step = (x1 - x0) / static_cast<double>(v.size());
    for (size_t i = 0; i < v.size(); ++i) {
      auto& w = p.span(unicode::encode(v.substr(i, 1)), x0 + step * static_cast<double>(i),
                       x0 + step * static_cast<double>(i + 1), y, 30);
      w.y1 = y1;
      even_char_x(w);
      w.space_after = false;
    }
  };
  letters("على", 313.99, 360.10, 101.1, 164.46);
  letters("الملاحظات", 409.0, 537.13, 101.1, 164.46);
  letters("استمارة", 586.99, 677.14, 101.1, 164.46);
  letters("الإنترنت", 314.01, 409.14, 164.46, 227.82);
  extract::PageLines pl = extract::build_lines(p.pw, true);
  ASSERT_EQ(pl.lines.size(), 2u);
  EXPECT_EQ(pl.lines[0].text, "استمارة الملاحظات على");
}

TEST(Rule1_RightToLeft, NumberGroupsApartBySpacesInARightToLeftCellReadFromTheRight) {
  // cairo-ar-7194 page 3: a table cell "1 240" in a right-to-left paragraph, drawn "240 1"
  // (UAX #9 N1: the space between two numbers takes the paragraph's direction); a cell of
  // one number, "2026", stays as it is (issue 16)
  PageBuilder p(1);
  double x = 300;
  for (const char* t : {"المسار", "المنطقة", "المسؤول"}) {
    auto& w = p.span(rev(t), x, x + 60, 140, 20);
    glyph_each(w);
    x += 120;
  }
  p.span("240", 241.2, 274.64, 180.26, 20);
  p.span("1", 278.2, 289.64, 180.26, 20);
  p.span("2026", 396.8, 440.0, 180.26, 20);
  extract::PageLines pl = extract::build_lines(p.pw, true);
  std::vector<std::string> texts;
  for (const auto& l : pl.lines) texts.push_back(l.text);
  EXPECT_NE(std::find(texts.begin(), texts.end(), "1 240"), texts.end());
  EXPECT_NE(std::find(texts.begin(), texts.end(), "2026"), texts.end());
}

TEST(Rule2_Markers, BracketedNumberDrawnMirroredAtARightToLeftLinesStartIsItsMarker) {
  // cairo-ar-7282 page 5: "(1) ترجمات بست لغات", the number's brackets drawn mirrored and
  // each mapped to the bracket it looks like: the word reads ")1(" (issue 16)
  PageBuilder p(1);
  p.span(")1(", 637.2, 661.21, 171.23, 18);
  double x = 488.8;
  for (const char* t : {"لغات", "بست", "ترجمات"}) {
    auto& w = p.span(rev(t), x, x + 40, 163.2, 18);
    glyph_each(w);
    x += 46;
  }
  extract::PageLines pl = extract::build_lines(p.pw, true);
  ASSERT_EQ(pl.lines.size(), 1u);
  EXPECT_EQ(pl.lines[0].marker, "(1)");
  EXPECT_EQ(pl.lines[0].text, "ترجمات بست لغات");
}

TEST(Rule2_Markers, SmallRomanNumberAndItsStopAsTwoWordsLeftOfPersianTextAreItsMarker) {
  // impress-odp-fa-7049 page 6 (a notes page, the slide drawn small): Impress sets a Persian
  // item's "i." left of its text in a left-to-right paragraph, "i" in Noto Sans and "." in
  // Noto Naskh Arabic, drawn first; they touch, 5.1 pt beside 11.3 pt text (issue 16)
  PageBuilder p(1);
  auto& stop = p.span(".", 94.31, 95.68, 138.76, 5.1);
  stop.order = 66; stop.order_end = 67;
  auto& num = p.span("i", 92.89, 94.21, 138.76, 5.1);
  num.order = 67; num.order_end = 68;
  int order = 68;
  for (auto [t, x0, x1] : std::vector<std::tuple<const char*, double, double>>{
           {"شفاف", 108.79, 133.13}, {"و", 135.6, 140.89}, {"باز", 143.3, 153.69}, {"فرایندی", 156.08, 187.81}}) {
    auto& w = p.span(rev(t), x0, x1, 132.86, 11.3);
    glyph_each(w);
    w.order = order;
    order += static_cast<int>(w.char_x.size());
    w.order_end = order++;
  }
  extract::PageLines pl = extract::build_lines(p.pw, true);
  ASSERT_EQ(pl.lines.size(), 1u);
  EXPECT_EQ(pl.lines[0].marker, "i.");
  EXPECT_EQ(pl.lines[0].text, "فرایندی باز و شفاف");
}

TEST(Rule2_Markers, ListLetterSetSmallBeyondARightToLeftLinesEndIsItsMarker) {
  // impress-odp-ar-7128 page 3: Impress sets the Arabic items' "a." in a 7 pt Latin font
  // 1.5 em right of their 16 pt text, a little lower, drawn ".a" before the item's words;
  // the items stand at their line pitch, each marker a line of its own until it joins its
  // item (issue 16)
  PageBuilder p(1);
  struct G { const char* t; double x0, x1, y0, y1, size; int order; };
  const G gs[] = {{"ةاعرلا", 43.09, 84.06, 145.62, 166.40, 16, 163},  {"دوقع", 89.02, 121.90, 145.62, 166.40, 16, 170},
                  {"عيقوت", 126.84, 160.43, 145.62, 166.40, 16, 175}, {".a", 184.59, 191.29, 153.97, 163.33, 7.2, 161},
                  {"تاغل", 43.09, 73.53, 166.66, 186.16, 15, 182},     {"تسب", 78.34, 110.67, 166.66, 186.16, 15, 187},
                  {"تامجرت", 115.47, 164.38, 166.66, 186.16, 15, 191}, {")a", 188.70, 195.39, 174.55, 183.25, 6.7, 180}};
  for (const G& g : gs) {
    auto& w = p.span(g.t, g.x0, g.x1, g.y0, g.size);
    w.y1 = g.y1;
    w.order = g.order;
    w.order_end = g.order + static_cast<int>(unicode::decode(g.t).size());
    w.space_after = false;
    if (g.t[0] != '.' && g.t[0] != ')') {
      glyph_each(w);
    }
  }
  extract::PageLines pl = extract::build_lines(p.pw, true);
  ASSERT_EQ(pl.lines.size(), 2u);
  EXPECT_EQ(pl.lines[0].text, "توقيع عقود الرعاة");
  EXPECT_EQ(pl.lines[0].marker, "a.");
  EXPECT_EQ(pl.lines[1].marker, "a)");
}

TEST(Rule1_RightToLeft, PerCentSignAtTheRightOfALeftToRightParagraphFollowsItsNumber) {
  // impress-odp-ar-3168 page 2: "زيادة العضوية بنسبة 18%" in a left-to-right paragraph,
  // drawn in the order typed: the words (right to left), the number at the line's left,
  // then the sign, touching the line's rightmost letter; with no marker to tell the
  // paragraph's direction the line is read right to left, the sign first
  PageBuilder p(1);
  struct G { const char* t; double x0, x1; int order; };
  const G gs[] = {{"ةبسنب", 81.0, 127.66, 31}, {"ةي", 135.72, 151.66, 37}, {"وضعنا", 155.02, 206.08, 39},
                  {"ةداي", 214.25, 248.78, 45},  {"ز", 252.03, 263.21, 49},     {"18", 43.09, 72.80, 50},
                  {"%", 263.31, 281.54, 52}};
  for (const G& g : gs) {
    auto& w = p.span(g.t, g.x0, g.x1, 168.6, 28);
    if (std::string(g.t) != "18" && std::string(g.t) != "%") even_char_x(w);
    w.order = g.order;
    w.order_end = g.order + static_cast<int>(unicode::decode(g.t).size());
    w.space_after = std::string(g.t) != "ز" && std::string(g.t) != "%";
  }
  extract::PageLines pl = extract::build_lines(p.pw, true, false);
  ASSERT_EQ(pl.lines.size(), 1u);
  EXPECT_EQ(pl.lines[0].text, "زيادة انعضوية بنسبة 18%");  // (no lam: equal advances read as lam-alef)
}

TEST(Rule1_RightToLeft, NumberBetweenAMirroredClosingBracketAndItsRunStaysInsideTheBrackets) {
  // cairo-ar-1089 page 7 (and -3113, -6050, -7249; DejaVu Sans, Noto Sans Arabic, Noto Kufi
  // Arabic, Amiri): "منح دراسية (للطلاب 20)" in a left-to-right paragraph is drawn
  // ")20 بالطلل( ةيسارد حنم" from the left: the run's closing bracket, mirrored, at its
  // left end, the number typed last inside it next to the bracket. Read as typed, not
  // "20 منح دراسية (للطلاب)" (issue 16)
  auto visual = [](const std::string& number, const std::string& inner) {
    std::vector<extract::Word> v;
    auto add = [&](const std::string& t, double x0, double x1, bool space) {
      extract::Word w;
      w.text = t;
      w.x0 = x0, w.x1 = x1, w.y0 = 110, w.y1 = 133;
      w.size = 20;
      w.space_after = space;
      v.push_back(w);
    };
    add(")" + number, 60, 93.7, true);
    add(rev(inner), 99.8, 159.9, false);
    add("(", 159.9, 167.6, true);
    add(rev("دراسية"), 173.9, 232.8, true);
    add(rev("منح"), 239.0, 268.7, false);
    return v;
  };
  EXPECT_EQ(extract::rtl_text(visual("20", "للطلبة"), false), "منح دراسية (للطلبة 20)");
  EXPECT_EQ(extract::rtl_text(visual("3.5", "نسخة"), false), "منح دراسية (نسخة 3.5)");
  // (a right-to-left paragraph reads it so already)
  EXPECT_EQ(extract::rtl_text(visual("20", "للطلبة"), true), "منح دراسية (للطلبة 20)");
}

TEST(Rule1_RightToLeft, PerCentSignDrawnLeftOfAnArabicNumberFollowsIt) {
  // cairo-ar-6017 page 5, beamer-xelatex-fa-3023 page 7: "بنسبة 18%" and "۱۸٪" in a
  // right-to-left paragraph are drawn "%18" and "٪۱۸" from the left: digits after an Arabic
  // letter are an Arabic number (UAX #9 W2), whose terminator stays neutral (W5 joins it
  // to European numbers only) and takes the paragraph's direction. Typed after the number
  // (issue 16)
  auto word = [](const std::string& t, double x0, double x1, bool space) {
    extract::Word w;
    w.text = t;
    w.x0 = x0, w.x1 = x1, w.y0 = 100, w.y1 = 123;
    w.size = 20;
    w.space_after = space;
    return w;
  };
  std::vector<extract::Word> ar = {word("%12", 60, 95, true), word(rev("مشاركتنا"), 100, 180, true),
                                   word(rev("زادت"), 185, 230, false)};
  EXPECT_EQ(extract::rtl_text(ar, true), "زادت مشاركتنا 12%");
  std::vector<extract::Word> fa = {word(rev("یافت"), 60, 100, true), word(rev("افزایش"), 105, 170, true),
                                   word("٪۱۸", 175, 205, true), word(rev("عضویت"), 210, 260, false)};
  EXPECT_EQ(extract::rtl_text(fa, true), "عضویت ۱۸٪ افزایش یافت");
  // (a European number, after a Latin word, keeps the sign it was drawn with after it)
  std::vector<extract::Word> latin = {word("IPv6", 60, 100, true), word("18%", 105, 140, true),
                                      word(rev("زادت"), 145, 190, false)};
  EXPECT_EQ(extract::rtl_text(latin, true), "زادت IPv6 18%");
}

TEST(Rule1_RightToLeft, FullStopDrawnLeftOfTwoArabicNumbersEndsTheSentence) {
  // cairo-ar-7073 page 8: "…مثل 2026-014." ends a right-to-left line drawn
  // ".014-2026 لثم…" from the left: the numbers are Arabic numbers (UAX #9 W2) drawn in
  // reverse order, and the stop stands at the run's left end with them (issue 16)
  std::vector<extract::Word> v(2);
  v[0].text = ".014-2026", v[0].x0 = 60, v[0].x1 = 130, v[0].space_after = true;
  v[1].text = rev("مثل"), v[1].x0 = 135, v[1].x1 = 170;
  for (auto& w : v) w.y0 = 100, w.y1 = 123, w.size = 20;
  EXPECT_EQ(extract::rtl_text(v, true), "مثل 2026-014.");
  std::u32string t = U"رقم 3.5 و .014-2026";  // (a decimal point stays where it is)
  extract::arabic_number_order(t);
  EXPECT_EQ(unicode::encode(t), "رقم 3.5 و 2026-014.");
}

TEST(Rule1_RightToLeft, ArabicNumbersWrappedOntoALineOfTheirOwnAreReadInTheOrderTyped) {
  // cairo-fa-1043 page 2: "…مانند 2026-014." wraps before the numbers, which stand on a
  // line of their own, no letter to tell its direction: read from the left, ".014-2026"
  // (issue 16)
  PageBuilder p(1);
  auto line = [&](const std::vector<std::string>& ws, double right, double y) {
    double x = right;
    for (const auto& t : ws) {
      double w = 10.0 * static_cast<double>(unicode::decode(t).size());
      p.span(rev(t), x - w, x, y, 20);
      x -= w + 5;
    }
  };
  p.word(rev("اسناد"), 600, 15.5, 28, true);
  line({"اسناد", "بر", "اساس", "سال", "و", "ترتیب", "شماره", "می‌شوند،", "مانند", "نمونه", "دیگر", "اینجا", "است"}, 677, 100);
  p.span(".014-2026", 587, 677, 126, 20);
  line({"زیرنویس", "زنده", "در", "همهٔ", "سالن‌ها"}, 677, 170);
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  ASSERT_EQ(d.slides[0].blocks.size(), 2u);
  EXPECT_EQ(d.slides[0].blocks[0].text,
            "اسناد بر اساس سال و ترتیب شماره می‌شوند، مانند نمونه دیگر اینجا است 2026-014.");
}

TEST(Rule1_RightToLeft, ALoneLabelAtTheLeftOfAnArabicLineIsAMarkerWhereThePageReadsItsItemsLeftToRight) {
  // cairo-ar-7249 page 5, cairo-he-3066 page 4: a left-to-right list of Arabic items, its
  // labels drawn after their text at the left end; a label alone at its place (the only
  // item of its level) is a marker too where other items on the page were read left to
  // right with their labels (issue 16)
  PageBuilder p(1);
  int order = 0;
  auto item = [&](const std::string& label, const std::vector<std::string>& visual, double x, double y) {
    for (const auto& t : visual) {
      p.word(t, x, y, 20);
      auto& ww = p.pw.words.back();
      ww.order = order++;
      x = ww.x1 + 5;
    }
    double lx = (visual.empty() ? x : p.pw.words[p.pw.words.size() - visual.size()].x0) - 12 - 20;
    p.word(label, lx, y, 20);
    p.pw.words.back().order = order++;
  };
  p.word(rev("القائمة"), 40, 40, 30, true);  // (the page's title, above: the first line is no item)
  item("1.", {rev("مضمون"), rev("منح")}, 80, 110);
  item("a)", {rev("مفتوح"), rev("مكتب")}, 120, 150);
  item("b)", {rev("جديد"), rev("موعد")}, 120, 190);
  item("c)", {rev("قريب"), rev("موقع")}, 120, 230);
  auto pl = p.lines();
  ASSERT_EQ(pl.lines.size(), 5u);
  EXPECT_EQ(pl.lines[2].marker, "a)");  // (a column of labels: markers)
  EXPECT_EQ(pl.lines[4].marker, "c)");
  EXPECT_EQ(pl.lines[1].marker, "1.");  // (and the label alone at its place, on the same page)
  EXPECT_EQ(pl.lines[1].text, "منح مضمون");
  EXPECT_FALSE(pl.lines[1].rtl);
}

TEST(Rule1_RightToLeft, LettersOnOneBaselineAreNoSlantedRunWhateverTheirBoxes) {
  // cairo-ar-7073 page 2: "قابلاً" in Noto Naskh Arabic at line spacing 0.8, drawn a glyph
  // at a time; the lam-alef's alef carries the tanween, its box 3 pt taller than its
  // neighbours' (1.7 em line boxes). Three glyphs stepping by the boxes' middles read as a
  // letter-spaced diagonal watermark, and the letters left their line ("ل لاً", issue 16).
  // On one baseline they are no step.
  auto glyph = [](const std::string& t, double x0, double x1, double y0, int order) {
    extract::Word w;
    w.text = t;
    w.x0 = x0, w.x1 = x1, w.y0 = y0, w.y1 = 162.67;
    w.size = 24, w.base = 147.46;
    w.order = order, w.order_end = order + 2;
    return w;
  };
  std::vector<extract::Word> ws = {glyph("ب", 593.59, 600.19, 121.8, 161), glyph("ل", 578.59, 593.23, 121.8, 163),
                                   glyph("اً", 578.59, 578.60, 118.8, 165), glyph("ل", 568.61, 573.70, 121.8, 170)};
  extract::mark_slanted(ws, 24);
  for (const auto& w : ws) EXPECT_EQ(w.rot, 0) << w.text;
  // (a watermark's letters, each on its own baseline, still are)
  std::vector<extract::Word> mark = {glyph("م", 100, 130, 300, 1), glyph("س", 135, 165, 270, 3), glyph("و", 170, 200, 240, 5),
                                     glyph("د", 205, 235, 210, 7)};
  for (size_t k = 0; k < mark.size(); ++k) mark[k].size = 60, mark[k].y1 = mark[k].y0 + 70, mark[k].base = mark[k].y0 + 55;
  extract::mark_slanted(mark, 24);
  for (const auto& w : mark) EXPECT_EQ(w.rot, 4) << w.text;
}

TEST(Rule2_Markers, ClosingGuillemetBeforeACommaIsNoMarker) {
  // found by a new user on LibreOffice, cairo and Beamer pages: "« où », « là »" read
  // "« où » , « là »": Poppler's word "»," was split at "»", a glyph that may be a bullet
  // (issue 16)
  PageBuilder p(1);
  p.line("Sous-point : « guillemets », n’est-ce pas ?", 50, 150, 20);
  p.line("(« office », « fluffy »)", 50, 180, 20);
  auto pl = p.lines();
  ASSERT_EQ(pl.lines.size(), 2u);
  EXPECT_EQ(pl.lines[0].text, "Sous-point : « guillemets », n’est-ce pas ?");
  EXPECT_EQ(pl.lines[1].text, "(« office », « fluffy »)");
  // (a bullet glyph glued to a word still is one: "»Texte")
  PageBuilder q(1);
  q.line("»Texte du point", 50, 150, 20);
  q.line("»Second point", 50, 180, 20);
  auto ql = q.lines();
  ASSERT_EQ(ql.lines.size(), 2u);
  EXPECT_EQ(ql.lines[0].marker, "»");
}

TEST(Rule2_Markers, ListNumberGluedToThaiTextIsAMarker) {
  // impress-pptx-th-3189 page 5 and -3057 page 8: Impress sets no space between an item's
  // number and its Thai text ("(a)รองรับ…"), or a narrow one ("iv. แปล…"), as it does for
  // Chinese and Japanese (issue 16)
  PageBuilder p(1);
  p.line("(a)รองรับเครือข่าย IPv6", 100, 100, 20);
  p.line("(b)เราแนะนำให้ดำเนินการ", 100, 130, 20);
  p.line("iii. การประชุมใหญ่ปิดงาน", 100, 160, 20);
  p.pw.words.back().x0 = p.pw.words[p.pw.words.size() - 2].x1 + 2;  // (a space of 0.1 em)
  p.line("iv. แปลเป็นหกภาษา", 100, 190, 20);
  p.pw.words.back().x0 = p.pw.words[p.pw.words.size() - 2].x1 + 2;
  extract::PageLines pl = extract::build_lines(p.pw);
  ASSERT_EQ(pl.lines.size(), 4u);
  EXPECT_EQ(pl.lines[0].marker, "(a)");
  EXPECT_EQ(pl.lines[0].text, "รองรับเครือข่าย IPv6");
  EXPECT_EQ(pl.lines[1].marker, "(b)");
  EXPECT_EQ(pl.lines[3].marker, "iv.");
  EXPECT_EQ(pl.lines[3].text, "แปลเป็นหกภาษา");
}


TEST(Rule2_Markers, RightToLeftItemNumberWithAMirroredBracketIsAMarker) {
  // beamer-xelatex-fa-3111 page 3: XeTeX's bidi package draws a Persian item's "1)" with
  // the closing bracket mirrored and mapped to "(": the word reads "(1" as drawn, right
  // of the item's text (issue 16)
  PageBuilder p(1);
  auto item = [&](const std::string& n, const std::vector<std::string>& ws, double y) {
    p.span("(" + n, 334.4, 340.3, y, 14.3);
    double x = 330;
    for (const auto& t : ws) {
      double w = 7.0 * static_cast<double>(unicode::decode(t).size());
      even_char_x(p.span(rev(t), x - w, x, y, 14.3));
      x -= w + 4;
    }
  };
  item("1", {"رسیدن", "به", "کشور"}, 89);
  item("2", {"نشست", "عمومی", "پایانی"}, 109);
  item("3", {"قرارداد", "حامیان"}, 128.5);
  extract::PageLines pl = extract::build_lines(p.pw, true);
  ASSERT_EQ(pl.lines.size(), 3u);
  EXPECT_EQ(pl.lines[0].marker, "1)");
  EXPECT_EQ(pl.lines[1].marker, "2)");
  EXPECT_EQ(pl.lines[1].text, "نشست عمومی پایانی");
}

TEST(Rule2_Markers, LatinItemNumberTouchingRightToLeftTextIsAMarker) {
  // impress-pptx-fa-3056 page 8: "a)ظرفیت‌سازی بر پایهٔ نیاز", a right-to-left paragraph
  // whose item number Impress sets as a word of its own, touching the text (issue 16)
  PageBuilder p(1);
  auto item = [&](const std::string& n, const std::vector<std::string>& ws, double y) {
    double x = 446.4;
    p.span(n, x + 0.12, x + 12.0, y, 12);
    for (const auto& t : ws) {
      double w = 6.0 * static_cast<double>(unicode::decode(t).size());
      even_char_x(p.span(rev(t), x - w, x, y, 12));
      x -= w + 4;
    }
  };
  item(")a", {"ظرفیت", "بر", "پایه", "نیاز"}, 109);
  item(")b", {"تعریف", "کنونی", "حکمرانی"}, 128);
  extract::PageLines pl = extract::build_lines(p.pw, true);
  ASSERT_EQ(pl.lines.size(), 2u);
  EXPECT_EQ(pl.lines[0].marker, "a)");
  EXPECT_EQ(pl.lines[0].text, "ظرفیت بر پایه نیاز");
  EXPECT_EQ(pl.lines[1].marker, "b)");
}

TEST(Rule8_Blocks, ParagraphsAtTheLinePitchOfACertainWrapAreOneParagraph) {
  // cairo at 1.5 line spacing: a box's lines stand 2.04 em apart, its paragraphs too (Pango
  // adds the spacing to the last line's own height, no further); the wrap in lower case
  // shows that pitch to be the box's line pitch, so the sentence above it, at the same
  // pitch, is no paragraph apart (issue 16; cairo-fa-1043 page 8 in Persian)
  PageBuilder p(1);
  p.word("Survey results", 43, 18.6, 32, true);
  p.word("The review ends in December with a high-level meeting.", 43, 100, 20);
  p.word("Route origin validation now protects more than half of the announced", 43, 140.8, 20);
  p.word("address space.", 43, 181.6, 20);
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  ASSERT_EQ(d.slides[0].blocks.size(), 1u);
  EXPECT_EQ(d.slides[0].blocks[0].text,
            "The review ends in December with a high-level meeting. Route origin validation now protects more than half "
            "of the announced address space.");
  // a pitch further than the wrap's by a quarter em is paragraph spacing
  PageBuilder q(1);
  q.word("Survey results", 43, 18.6, 32, true);
  q.word("The review ends in December with a high-level meeting.", 43, 100, 20);
  q.word("Route origin validation now protects more than half of the announced", 43, 146.8, 20);
  q.word("address space.", 43, 187.6, 20);
  Deck e = analyze_pages({q});
  ASSERT_EQ(e.slides.size(), 1u);
  EXPECT_EQ(e.slides[0].blocks.size(), 2u);
}

TEST(Rule8_Blocks, ListItemFlowsFromTheFootOfAColumnToTheTopOfTheNext) {
  // impress-odp-ru-1016 page 6: a list in a text box of two columns; the last item's first
  // line stands alone at the foot of the first column, its text goes on at the top of the
  // second, in lower case (issue 16)
  PageBuilder p(1);
  p.line("Column flow", 40, 20, 28, true);
  p.line("• Members of the IAB and the chair will", 40, 100, 16);
  p.line("contribute to the consultations", 56, 120, 16);
  p.line("• Reach 40 countries", 40, 140, 16);
  p.line("• Open standards are the", 40, 160, 16);
  p.line("building blocks of an interoperable", 400, 100, 16);
  p.line("internet.", 400, 120, 16);
  p.line("• Captions in every room", 400, 140, 16);
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  const auto& b = d.slides[0].blocks;
  ASSERT_EQ(b.size(), 4u);
  EXPECT_EQ(b[2].text, "Open standards are the building blocks of an interoperable internet.");
  EXPECT_EQ(b[2].level, 1);
  EXPECT_EQ(b[3].text, "Captions in every room");
}

TEST(Rule2_Markers, LetterNumbersOfAListInTwoColumnsAreMarkersByTheirGap) {
  // cairo-de-1007 page 4: a lettered list set in two columns, "A." in the first, "B." and
  // "C." in the second: no sequence at one start, but each 0.47 em before its text, more
  // than a space (issue 16)
  PageBuilder p(1);
  p.line("Wie wir uns beteiligen", 43, 20, 28, true);
  p.span("A.", 71, 87.83, 89, 18);
  p.line("Leitgedanke: über die IETF", 96.2, 89, 18);
  p.line("sprechen, nicht im Namen der IETF.", 96.2, 110.6, 18);
  p.bullet("B.", "Drei Arbeitsgruppen abgeschlossen", 404, 424, 89, 18);
  p.bullet("C.", "Endfassung im Mai", 404, 424, 125.8, 18);
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  const auto& b = d.slides[0].blocks;
  ASSERT_EQ(b.size(), 3u);
  EXPECT_EQ(b[0].text, "Leitgedanke: über die IETF sprechen, nicht im Namen der IETF.");
  EXPECT_EQ(b[0].level, 1);
  // cairo-de-1183 page 2: a sublist's first letter, "a.", 0.28 em before its text, its
  // "b." under another column's item: one list, restarting
  PageBuilder r(1);
  r.line("Kernbotschaften", 43, 15.5, 24, true);
  r.bullet("(1)", "Das Budget für 2026 ist ausgeglichen.", 389.4, 414.8, 110, 18);
  r.span("a.", 414.96, 428.31, 212.5, 16.2);
  r.line("Das neue IT-Sicherheitsgesetz gilt ab Juli.", 432.82, 212.5, 16.2);
  r.bullet("(2)", "Kleinen Betreibern fehlt oft das Personal.", 57.4, 82.8, 110, 18);
  r.span("a.", 82.96, 96.31, 337.3, 16.2);
  r.line("Begutachtung jedes Entwurfs", 100.82, 337.3, 16.2);
  r.span("b.", 81.96, 96.26, 371.4, 16.2);
  r.line("Internationalisierte Domainnamen", 100.82, 371.4, 16.2);
  Deck f = analyze_pages({r});
  ASSERT_EQ(f.slides.size(), 1u);
  bool found = false;
  for (const auto& blk : f.slides[0].blocks)
    if (blk.text == "Das neue IT-Sicherheitsgesetz gilt ab Juli.") {
      found = true;
      EXPECT_EQ(blk.level, 2);
    }
  EXPECT_TRUE(found);
  // an abbreviation a space before its text, with no other letter number, stays text; so
  // does "d. h." where a "c." and an "e." stand elsewhere (only a list's first letter
  // counts a sequence away from its own start)
  PageBuilder q(1);
  q.line("Beispiele", 43, 20, 28, true);
  q.line("z. B. die Arbeitsgruppen der IETF", 71, 89, 18);
  q.line("d. h. alle Mitglieder", 71, 120, 18);
  q.bullet("c.", "Budget", 404, 430, 200, 18);
  q.bullet("e.", "Zugang", 404, 430, 230, 18);
  Deck e = analyze_pages({q});
  ASSERT_EQ(e.slides.size(), 1u);
  ASSERT_FALSE(e.slides[0].blocks.empty());
  EXPECT_EQ(e.slides[0].blocks[0].text, "z. B. die Arbeitsgruppen der IETF d. h. alle Mitglieder");
  EXPECT_EQ(e.slides[0].blocks[0].level, 0);
}

TEST(Rule2_Markers, LoneLetterNumberSetApartByBeamersLabelSepIsAMarker) {
  // beamer-pdflatex-fr-6062 page 6: an enumerate of one item, "A." 0.49 em before its text
  PageBuilder p(1);
  p.line("Nos recommandations", 8.5, 11.8, 20.7, true);
  p.span("A.", 36.23, 49.42, 73.6, 14.3);
  p.line("Outils libres pour les petits opérateurs", 56.45, 73.6, 14.3);
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  ASSERT_EQ(d.slides[0].blocks.size(), 1u);
  EXPECT_EQ(d.slides[0].blocks[0].text, "Outils libres pour les petits opérateurs");
  EXPECT_EQ(d.slides[0].blocks[0].level, 1);
}

TEST(Rule10_Join, LetterSpacedTextIsReadAsItsWords) {
  // powerpoint2013-making-cpp-code-beautiful page 1: a name set with expanded character
  // spacing, 0.1 em between letters, kerned pairs drawn together; the typed space between
  // the words is a space glyph (issue 16)
  PageBuilder p(1);
  p.line("Making C++ Code Beautiful", 93.6, 175, 40, true);
  auto piece = [&](const char* t, double x0, double x1, double y) { p.span(t, x0, x1, y, 20).space_after = false; };
  piece("JA", 93.84, 113.14, 352.1);
  piece("MES", 115.16, 154.80, 352.1);
  piece("MCN", 162.84, 207.27, 352.1);
  piece("E", 209.35, 219.15, 352.1);
  piece("L", 221.21, 229.61, 352.1);
  piece("LIS", 231.64, 257.83, 352.1);
  p.pw.spaces.push_back({155.9, 352.1, 161.8, 376.1});  // the typed space, in the wider gap
  // a line with no space glyph: every gap 0.1 em, on a page that draws its spaces
  piece("@", 93.84, 111.72, 413.7);
  piece("JA", 113.76, 133.06, 413.7);
  piece("MESMCNELL", 135.08, 253.38, 413.7);
  piece("IS", 255.40, 271.29, 413.7);
  // cairo justifying a line of one word: single letters 0.3 em apart, no space glyph
  double x = 100;
  for (const char* c : {"I", "n", "t", "e", "r", "n", "a", "t", "i", "o", "n", "a", "l"}) {
    piece(c, x, x + 8, 460);
    x += 8 + 5;
  }
  std::vector<std::string> got;
  for (const auto& l : p.lines().lines) got.push_back(l.text);
  EXPECT_NE(std::find(got.begin(), got.end(), "JAMES MCNELLIS"), got.end());
  EXPECT_NE(std::find(got.begin(), got.end(), "@JAMESMCNELLIS"), got.end());
  EXPECT_NE(std::find(got.begin(), got.end(), "International"), got.end());
  // words 0.3 em apart on a page that draws no spaces (TeX) stay words
  PageBuilder q(1);
  q.line("Tools we use for the review", 100, 100, 20);
  EXPECT_EQ(q.lines().lines.at(0).text, "Tools we use for the review");
}

TEST(Rule10_Join, ANumberInAFallbackFontStaysInItsLine) {
  // cairo-th-1044 page 9: "40" in a fallback font, its box 1.7 pt higher than its Thai
  // line's, comes (by its middle) before that line begins and touches the line above in the
  // next column by half its height; it belongs to the line it overlaps fully (issue 16)
  PageBuilder p(1);
  p.line("Who takes part", 43, 15.5, 16, true);
  auto at = [&](const char* t, double x0, double x1, double y0, double y1) {
    auto& w = p.span(t, x0, x1, y0, 20);
    w.y1 = y1;
  };
  at("Three", 403, 460, 206.04, 236.26);
  at("tracks", 466, 530, 206.04, 236.26);
  at("Local", 403, 455, 236.26, 267.48);
  at("content", 461, 540, 236.26, 267.48);
  at("Reach", 99, 146.78, 222.66, 252.88);
  at("40", 152, 174.12, 220.92, 252.68);
  at("countries", 179, 238.56, 222.66, 252.88);
  std::vector<std::string> got;
  for (const auto& l : p.lines().lines) got.push_back(l.text);
  EXPECT_NE(std::find(got.begin(), got.end(), "Reach 40 countries"), got.end());
  EXPECT_NE(std::find(got.begin(), got.end(), "Three tracks"), got.end());
}

TEST(Rule10_Join, LineStretchedFiveEmAtEveryWordWithANumberAmongThemIsOneLine) {
  // impress-pptx-he-1163 page 6: a Hebrew item broken by hand, its first line justified by
  // Impress across the box: four pieces 110 pt (5 em) apart, "120" among them (issue 16)
  PageBuilder p(1);
  auto at = [&](const std::string& t, double x0, double x1, double y0, double y1, double size, bool rtl,
                const char* font) {
    auto& w = p.span(rtl ? rev(t) : t, x0, x1, y0, size);
    w.y1 = y1;
    w.font = font;
    if (rtl) even_char_x(w);
  };
  at("שאלות", 589.05, 676.77, 21.19, 62.79, 32, true, "NotoSerifHebrew-Bold");
  at("✓", 590.51, 608.92, 181.30, 209.89, 22, false, "DejaVuSans");
  at(":", 342.99, 350.38, 182.52, 211.11, 22, false, "DejaVuSans");
  at("למשתתף", 350.39, 429.00, 182.52, 211.11, 22, true, "NotoSerifHebrew-Regular");
  at("עלות", 539.41, 582.23, 182.52, 211.11, 22, true, "NotoSerifHebrew-Regular");
  at("120", 197.69, 232.69, 182.52, 211.11, 22, false, "AmiriQuranColored-Regular");
  at("USD", 43.20, 87.33, 182.52, 211.11, 22, false, "NotoSans-Regular");
  at("באפריל", 385.99, 452.07, 208.91, 237.50, 22, true, "NotoSerifHebrew-Regular");
  at("30", 457.99, 481.29, 208.91, 237.50, 22, false, "AmiriQuranColored-Regular");
  at("עד", 486.91, 509.52, 208.91, 237.50, 22, true, "NotoSerifHebrew-Regular");
  at("הרשמה", 515.24, 582.24, 208.91, 237.50, 22, true, "NotoSerifHebrew-Regular");
  extract::PageLines pl = extract::build_lines(p.pw, true);
  std::vector<std::string> got;
  for (const auto& l : pl.lines) got.push_back(l.text);
  // (one line; the order of "120" and "USD" a right-to-left paragraph shows one way for
  // two logical orders, "120 USD" and "USD 120", is not asked here)
  bool one = std::any_of(got.begin(), got.end(), [](const std::string& t) {
    return t.rfind("עלות למשתתף: ", 0) == 0 && t.find("USD") != std::string::npos && t.find("120") != std::string::npos;
  });
  EXPECT_TRUE(one) << ::testing::PrintToString(got);
}

TEST(Rule8_Blocks, ItemBrokenByHandCloserThanItsItemsAtAnyLineSpacing) {
  // impress-odp-fa-1109 page 2: Persian items in left-to-right paragraphs (markers on the
  // left), Amiri at loose line spacing: the first item's second line, broken by hand,
  // 53 pt (2.65 em, two line boxes) under it where the text starts; the items 59.4 pt
  // apart (issue 16). Sketched in Latin script with the same geometry.
  PageBuilder p(1);
  p.line("Deployment status", 43, 23.7, 28, true);
  auto item = [&](const char* text, double y) { p.bullet("▪", text, 77.1, 105.1, y, 20); };
  item("Reach 40 countries", 117.7);
  p.line("Support for IPv6-only networks", 105.1, 170.7, 20);
  item("Capacity building on demand", 229.6);
  item("Three parallel tracks", 289.0);
  item("Closing plenary", 348.4);
  for (auto& w : p.pw.words)
    if (w.size == 20) w.y1 = w.y0 + 26;  // (Amiri's tall line box)
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  const auto& b = d.slides[0].blocks;
  ASSERT_EQ(b.size(), 4u);
  EXPECT_EQ(b[0].text, "Reach 40 countries Support for IPv6-only networks");
  EXPECT_EQ(b[0].level, 1);
  EXPECT_EQ(b[1].text, "Capacity building on demand");
}

TEST(Rule2_Markers, ANumberTouchingItsTextIsTheMarkerWhereItsListContinuesIt) {
  // impress-pptx-zh-1068 page 5 ("c)WSIS+20审查…"), impress-pptx-ja-6002 page 2 ("ii." 0.11
  // em before "IX…") and pages of our own set with Pango: a number wider than its list's
  // hanging indent is set right against its text (issue 16)
  PageBuilder p(1);
  p.line("Next steps", 40, 20, 32, true);
  p.bullet("a)", "Open process", 60, 84, 90, 20);
  p.bullet("b)", "Venue confirmed", 60, 84, 126, 20);
  p.line("c)WSIS+20 review ends", 60, 162, 20);
  p.bullet("d)", "Publish all results", 60, 84, 198, 20);
  p.bullet("i.", "Open process", 460, 484, 90, 20);
  p.word("ii.", 460, 126, 20);
  p.line("IX outages", 462 + 30, 126, 20);  // (0.1 em after the number)
  p.line("iii.Domain names", 460, 162, 20);
  auto pl = p.lines();
  auto find = [&](const extract::PageLines& ls, const std::string& text) -> const extract::Line* {
    for (const auto& l : ls.lines)
      if (l.text.find(text) != std::string::npos) return &l;
    return nullptr;
  };
  ASSERT_NE(find(pl, "WSIS+20 review"), nullptr);
  EXPECT_EQ(find(pl, "WSIS+20 review")->marker, "c)");
  EXPECT_EQ(find(pl, "WSIS+20 review")->text, "WSIS+20 review ends");
  ASSERT_NE(find(pl, "IX outages"), nullptr);
  EXPECT_EQ(find(pl, "IX outages")->marker, "ii.");
  ASSERT_NE(find(pl, "Domain names"), nullptr);
  EXPECT_EQ(find(pl, "Domain names")->marker, "iii.");
  // (alone, with no list to continue, a touching number stays text)
  PageBuilder q(2);
  q.line("Next steps", 40, 20, 32, true);
  q.line("c)WSIS+20 alone", 60, 162, 20);
  q.bullet("•", "Publish all results", 60, 84, 198, 20);
  auto ql = q.lines();
  ASSERT_NE(find(ql, "WSIS+20 alone"), nullptr);
  EXPECT_EQ(find(ql, "WSIS+20 alone")->marker, "");
}

TEST(Rule2_Markers, ADashBeforeDigitsRunningIntoHanIsAMarker) {
  // impress-pptx-zh-1156 page 4 and a page of our own (Pango): a level-2 dash in Liberation
  // Sans 0.34 em before "14个城市…", where a dash before Han is a marker from 0.2 em (no
  // sentence starts with a dash there); before digits, the first letter after them decides
  // (issue 16)
  PageBuilder p(1);
  p.line("待解决的问题", 40, 20, 32, true);
  p.word("–", 60, 90, 22);
  p.word("14个城市设有远程分会场", 60 + 11 + 7.5, 90, 22);
  p.word("–", 60, 150, 22);
  p.line("14 cities connected", 60 + 11 + 7.5, 150, 22);
  auto pl = p.lines();
  ASSERT_EQ(pl.lines.size(), 3u);
  EXPECT_EQ(pl.lines[1].marker, "–");
  EXPECT_EQ(pl.lines[1].text, "14个城市设有远程分会场");
  // (before Latin text a dash so close carries a sentence on, as before)
  EXPECT_EQ(pl.lines[2].marker, "");
}

TEST(Rule2_Markers, ASmallNumberLeftOfALineIsItsMarker) {
  // impress-odp-th-3090 page 2 and impress-odp-th-6038 page 4: Impress sets a Thai item's
  // "1." (or "(a)") in a 8-9 pt Latin font, 0.9 em before its 20 pt text, drawn apart from
  // it: a line of its own, which read as a block "1." (issue 16; the mirror of the rule for
  // right-to-left lines above)
  PageBuilder p(1);
  p.line("วิธีการทำงาน", 43, 25, 32, true);
  p.line("ส่งคำถามทางอีเมลหรือถามที่", 43, 107, 18);
  auto& n = p.span("1.", 419.1, 425.9, 116.7, 8.1);
  n.y1 = 127.25;
  n.base = 124.4;
  n.order = 76;
  n.order_end = 78;
  n.space_after = false;
  auto& t = p.span("วิดีโอสั้น ๆ อธิบายกระบวนการ", 444.3, 669, 107.3, 18);
  t.y1 = 130.7;
  t.base = 124.4;
  t.order = 78;
  t.order_end = 100;
  p.span("2.", 419.1, 434, 144.5, 18).order = 120;
  p.span("หลักการสำคัญ", 444.3, 600, 144.5, 18).order = 122;
  p.span("นาที", 444.3, 480, 181.7, 18).order = 130;  // (lines of the right column start at its text)
  p.span("ไม่ใช่พูดในนามของ IETF", 444.3, 632, 218.9, 18).order = 140;
  p.line("ไมโครโฟนเปิดได้", 43, 144.5, 18);
  p.line("ลงทะเบียนก่อน", 77, 218.9, 18);
  p.line("ได้รับทุนระยะยาวแล้ว", 77, 181.7, 18);
  auto pl = p.lines();
  const extract::Line* found = nullptr;
  for (const auto& l : pl.lines)
    if (l.text.find("วิดีโอ") != std::string::npos) found = &l;
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->marker, "1.");
  for (const auto& l : pl.lines) EXPECT_NE(l.text, "1.");
}

TEST(Rule6_Tables, ATeXTabularsCellsAFifthOfAnEmApartAreCells) {
  // a new user's pdfLaTeX Beamer table ({|l|r|r|}, figures aligned right) and
  // luatex-beamer-template-ja page 10: TeX draws no spaces and sets a tabular's cells 1.1 em
  // apart, so no row was cut at a gap wide enough to tell the columns; rows read
  // "Región 2023 2024" and "Norte Sur" (issue 16)
  PageBuilder p(1);
  p.line("Cifras clave", 8.5, 11, 14.3, true);
  auto cell = [&](const char* t, double x0, double x1, double y, bool bold = false) {
    auto& w = p.span(t, x0, x1, y, 10.9);
    w.space_after = false;
    w.bold = bold;
  };
  cell("Región", 127.66, 161.88, 99.5, true), cell("2023", 174.49, 198.53, 99.5, true), cell("2024", 211.14, 235.17, 99.5, true);
  cell("Norte", 127.66, 152.81, 113.4), cell("1.200", 173.84, 198.53, 113.4), cell("1.450", 210.48, 235.17, 113.4);
  cell("Sur", 127.66, 142.94, 127.4), cell("980", 182.27, 198.53, 127.4), cell("1.310", 210.48, 235.17, 127.4);
  cell("Centro", 127.66, 158.0, 141.3), cell("2.100", 173.84, 198.53, 141.3), cell("2.250", 210.48, 235.17, 141.3);
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  EXPECT_EQ(texts(d.slides[0]), (std::vector<std::string>{"Región", "2023", "2024", "Norte", "1.200", "1.450", "Sur", "980", "1.310",
                                                          "Centro", "2.100", "2.250"}));
  for (const auto& b : d.slides[0].blocks) EXPECT_TRUE(b.table.has_value()) << b.text;
  // (a column of bullets drawn as letters before their text, each line one gap: no table)
  PageBuilder q(2);
  q.line("Points", 8.5, 11, 14.3, true);
  for (int k = 0; k < 3; ++k) {
    auto& b = q.span("o", 40, 45, 60 + 20.0 * k, 10.9);
    b.space_after = false;
    auto& t = q.span(k == 0 ? "alpha" : k == 1 ? "beta" : "gamma", 60, 90, 60 + 20.0 * k, 10.9);
    t.space_after = false;
  }
  auto ql = q.lines();
  ASSERT_EQ(ql.lines.size(), 4u);
}

TEST(Rule8_Blocks, AnItemWhoseNumberOverflowedItsIndentWrapsAtTheIndent) {
  // impress-pptx-ja-6002 page 2 and impress-pptx-ru-1071 page 3: "vii." wider than the hanging
  // indent, its text set right after it, its second line at the indent, left of where the
  // first line's text starts (issue 16)
  PageBuilder p(1);
  p.line("Options", 40, 20, 32, true);
  p.bullet("v.", "Open process", 60, 84, 90, 20);
  p.bullet("vi.", "Rough consensus", 60, 94, 126, 20);
  p.line("vii.The review ends in December at the General", 60, 162, 20);
  p.line("Assembly meeting", 84, 186, 20);
  p.bullet("viii.", "Mentoring", 60, 114, 222, 20);
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  EXPECT_EQ(texts(d.slides[0]), (std::vector<std::string>{"Open process", "Rough consensus",
                                                          "The review ends in December at the General Assembly meeting",
                                                          "Mentoring"}));
}

TEST(Rule8_Blocks, ChineseSentenceWrappedAtLooseLineSpacingStaysOneParagraph) {
  // impress-pptx-zh-1068 page 6, and a page of our own set with Pango (Noto Sans CJK SC,
  // 24 pt, 1.5 lines): a sentence wrapped over three lines 52 pt (2.17 em) apart, its
  // line boxes 1.45 em tall; under it short phrases 43 pt apart, the last one no sentence
  // (issue 16)
  PageBuilder p(1);
  p.line("开放标准的实践", 40, 20, 32, true);
  auto line = [&](const char* text, double y) {
    auto& w = p.span(text, 40, 40 + 24.0 * static_cast<double>(unicode::decode(text).size()), y, 24);
    w.y1 = y + 34.75;
    w.base = y + 27.84;
  };
  line("我们也鼓励参会者在国家和区域磋", 90);
  line("商中介绍互联网工程任务组的工", 142.1);
  line("作。", 194.3);
  line("开放透明的流程", 244.4);
  line("长期资金已落实", 287.6);
  line("赞助协议已签署", 330.8);
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  EXPECT_EQ(texts(d.slides[0]), (std::vector<std::string>{"我们也鼓励参会者在国家和区域磋商中介绍互联网工程任务组的工作。",
                                                          "开放透明的流程", "长期资金已落实", "赞助协议已签署"}));
}

TEST(Rule8_Blocks, JapaneseSentenceWrappedByTeXAtTwiceTheLineHeightStaysOneParagraph) {
  // a new user's XeLaTeX (xeCJK) frame at \linespread{1.6}: lines 2 em apart, their boxes
  // 1 em tall, a box's height or more between them, which read as separate paragraphs;
  // the phrases under them, at the same pitch, stay apart (issue 16)
  PageBuilder p(1);
  p.line("働き方の変化", 8.5, 19.2, 14.3, true);
  auto line = [&](const char* text, double y) {
    auto& w = p.span(text, 28.35, 28.35 + 10.9 * static_cast<double>(unicode::decode(text).size()), y, 10.9);
    w.y1 = y + 10.9;
    w.base = y + 9.6;
  };
  line("近年、在宅勤務やフレックスタイム制度の導入が進み、多くの", 84.25);
  line("企業で働き方が大きく変わりつつあります。社員一人ひとりの", 105.93);
  line("生活に合わせた柔軟な制度づくりが求められています。", 127.61);
  line("通勤時間の削減", 161.24);
  line("家族との時間", 182.92);
  line("集中できる環境", 204.6);
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  EXPECT_EQ(texts(d.slides[0]),
            (std::vector<std::string>{"近年、在宅勤務やフレックスタイム制度の導入が進み、多くの企業で働き方が大きく変わりつつあります。"
                                      "社員一人ひとりの生活に合わせた柔軟な制度づくりが求められています。",
                                      "通勤時間の削減", "家族との時間", "集中できる環境"}));
}

TEST(Rule8_Blocks, ChinesePhrasesOfAListStayApartAtLooseLineSpacing) {
  // impress-pptx-ja-1074 page 9, sketched in Chinese: unmarked phrases 1.79 em apart, two of
  // them nearly as wide as the widest, none ending a sentence: a list, not a wrap
  PageBuilder p(1);
  p.line("社区意见", 40, 20, 32, true);
  const char* phrases[] = {"四月三十日前注册", "支持纯IPv6网络的运营商", "所有草案都经过同行评审", "三个工作组已经结束了工作",
                           "开放透明的流程"};
  double y = 109.4;
  for (const char* t : phrases) {
    auto& w = p.span(t, 58.8, 58.8 + 13.4 * static_cast<double>(unicode::decode(t).size()), y, 13.4);
    w.y1 = y + 19.4;
    w.base = y + 15.5;
    y += 24;
  }
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  EXPECT_EQ(d.slides[0].blocks.size(), 5u);
}

TEST(Rule8_Blocks, LabelAndLinkLinesAreEachABlock) {
  // powerpoint2016-tidb-migration-zh page 2: a profile, one fact a line, then lines of a
  // label and a link ("github：https://…") at the same pitch, no spacing: each its own
  // (issue 16); a link under the sentence it completes still goes on with it
  PageBuilder p(1);
  p.line("About me", 184, 52, 24, true);
  p.line("Worked on research and development at several companies", 327.6, 289.8, 14);
  p.line("github：https://github.com/mantuliu/", 327.6, 306.6, 14);
  p.line("blog：https://www.cnblogs.com/mantu/", 327.6, 323.4, 14);
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  const auto& b = d.slides[0].blocks;
  ASSERT_EQ(b.size(), 3u);
  EXPECT_EQ(b[1].text, "github：https://github.com/mantuliu/");
  EXPECT_EQ(b[2].text, "blog：https://www.cnblogs.com/mantu/");
}

TEST(Rule10_Join, AnAgendasPageNumberAfterATabIsItsOwn) {
  // impress-pptx-ru-1115 page 2 and impress-pptx-en-1025 page 3: an agenda set with tab
  // stops and no leaders; the tab stop falls 0.26-0.41 em after a short entry, nothing is
  // drawn in the gap, on a page that draws its spaces; a line of the same width above it
  // ("Next steps") must not make it a justified line (issue 16)
  PageBuilder p(1);
  p.line("Agenda", 43.2, 21, 28, true);
  auto w = [&](const char* t, double x0, double x1, double y, int order, bool space_after) {
    auto& x = p.span(t, x0, x1, y, 18);
    x.order = order;
    x.order_end = order + static_cast<int>(std::string(t).size());
    x.space_after = space_after;
  };
  w("Next", 43.2, 85.12, 143.3, 42, true);
  w("steps", 90.92, 139.05, 143.3, 47, false);
  w("7", 187.2, 198.65, 143.3, 52, false);
  w("Budget", 43.2, 107.82, 171.3, 53, false);
  w("10", 115.2, 138.04, 171.3, 59, false);
  w("Proposals", 43.2, 128.92, 199.4, 61, false);
  w("12", 187.2, 210.04, 199.4, 70, false);
  p.pw.spaces.push_back({85.3, 143.3, 90.7, 164.9});  // the typed space of "Next steps"
  p.pw.spaces.push_back({300, 380, 305, 400});        // (more of the page's spaces)
  std::vector<std::string> got;
  for (const auto& l : p.lines().lines) got.push_back(l.text);
  EXPECT_NE(std::find(got.begin(), got.end(), "Budget"), got.end()) << ::testing::PrintToString(got);
  EXPECT_NE(std::find(got.begin(), got.end(), "10"), got.end());
  EXPECT_NE(std::find(got.begin(), got.end(), "Next steps"), got.end());
}

TEST(Rule10_Join, AJapaneseAgendasPageNumbersAfterTabsAreTheirOwn) {
  // impress-pptx-ja-6046 page 3: an agenda in Japanese with tab stops and no leaders, on a
  // page that draws no space glyphs; "付録" 1.3 em before its page "4", and "はじめに" 2.5
  // em before "3", its end lined up with "次のステップ 7" two lines under it (issue 16)
  PageBuilder p(1);
  p.word("アジェンダ", 43.2, 21.2, 32, true);
  auto w = [&](const char* t, double x0, double x1, double y, int order) {
    auto& x = p.span(t, x0, x1, y, 22);
    x.order = order;
    x.order_end = order + static_cast<int>(unicode::decode(t).size());
    x.space_after = false;
  };
  w("はじめに", 43.2, 131.08, 102.9, 5);
  w("3", 187.2, 199.45, 102.9, 9);
  w("付録", 43.2, 87.19, 137.2, 10);
  w("4", 115.2, 127.41, 137.2, 12);
  w("次のステップ", 43.2, 174.46, 171.5, 13);
  w("7", 187.2, 199.28, 171.5, 19);
  std::vector<std::string> got;
  for (const auto& l : p.lines().lines) got.push_back(l.text);
  for (const char* t : {"はじめに", "3", "付録", "4", "次のステップ", "7"})
    EXPECT_NE(std::find(got.begin(), got.end(), t), got.end()) << t << " in " << ::testing::PrintToString(got);
}

TEST(Rule10_Join, TypedSpacesBetweenScriptsTellFromTheEnginesNarrowerSpacing) {
  // beamer-lualatex-ja-1055 page 9 (issue 16): LuaTeX-ja puts xkanjiskip (0.2 em) between
  // kana and digits where no space was typed, and an interword space (0.32 em) where one
  // was, with no space glyph drawn: "参加費は[0.21]1[0.20]人あたり[0.33]120[0.32]ドル"
  EXPECT_EQ(one_line({{"参加費は", 100, 146}, {"1", 148.4, 155.7}, {"人あたり", 158.0, 204.0}, {"120", 207.8, 229.7}, {"ドル", 233.4, 256.4}},
                     150, 11.5),
            "参加費は1人あたり 120 ドル");
}

TEST(Rule10_Join, AThirdOfAnEmBetweenTwoIdeographsIsATypedSpace) {
  // beamer-lualatex-ja-1055 page 1 (issue 16): the author "田中 健", 0.33 em between 中
  // and 健, as TeX sets a typed space; no layout engine spaces two ideographs apart
  EXPECT_EQ(one_line({{"田中", 207.6, 230.6}, {"健", 234.4, 245.9}}, 120, 11.5), "田中 健");
  // (a justified line that spreads every pair of ideographs as far sets no space)
  std::vector<Span> spread;
  double x = 100;
  for (const char* t : {"本", "次", "调", "查", "收", "到"}) {
    spread.push_back({t, x, x + 20});
    x += 20 + 0.33 * 20;
  }
  EXPECT_EQ(one_line(spread, 120, 20), "本次调查收到");
}

TEST(Wrap, LatinRunAfterAWrapKeepsItsTypedSpaceBeforeHanOrKana) {
  // cairo-ja-1041 page 7 (issue 16): "例えば" + "2026-014 です。": the writer set the
  // number apart on its other side, with hyphens in it
  EXPECT_EQ(extract::join_wrapped("文書は年と通し番号で番号付けされます。例えば", "2026-014 です。"),
            "文書は年と通し番号で番号付けされます。例えば 2026-014 です。");
  EXPECT_EQ(extract::join_wrapped("例えば", "TiDB 5.0 では"), "例えば TiDB 5.0 では");
  EXPECT_EQ(extract::join_wrapped("国や地域の協議の場でも", "IETFについて"), "国や地域の協議の場でもIETFについて");
}

TEST(Wrap, ASpaceGlyphDrawnAtTheLineEndIsTypedBeforeHan) {
  // impress-pptx-zh-1024 page 5 (issue 16): Impress draws the space typed before
  // "2026-014" at the end of the line it wrapped: "…例如 " + "2026-014。"
  PageBuilder p(1);
  p.line("文件", 40, 20, 30, true);
  p.word("•", 40, 90, 12);
  auto& a = p.span("文件按年份和顺序编号，例如", 60, 216, 90, 12);
  a.space_after = false;
  p.pw.spaces.push_back({216.1, 90, 219.2, 104.4});  // the space glyph after 如
  auto& b = p.span("2026-014。", 60, 125, 90 + 16.5, 12);
  b.space_after = false;
  Deck d = test::analyze_pages({p});
  ASSERT_EQ(d.slides[0].blocks.size(), 1u);
  EXPECT_EQ(d.slides[0].blocks[0].text, "文件按年份和顺序编号，例如 2026-014。");
}

TEST(Rule1_RightToLeft, ALetterWithItsMarksBesideATallerLineStaysInItsOwnLine) {
  // cairo-ar-7337 page 5 (issue 16): a 12 pt note "… مُقرَّبة إلى" level with the lower
  // half of a 32 pt item; Poppler gives each Kufi letter as a word, "رَّ" (a letter and
  // two marks) among them. Single letters may join the taller line for a while
  // (superscripts do) and come apart at the column gap; "رَّ", three characters, was read
  // as a side note apart from the 32 pt line, made a line of its own, took "مُ" with it,
  // and the word came out as "ق بة" and "مُ رَّ"
  PageBuilder p(5);
  rtl_line_from_left(p, {"التكلفة", "لكل", "مشارك"}, 300, 94.8, 32, 60.7, 10);
  for (auto& w : p.pw.words) w.base = 135.83;
  auto letter = [&](const char* t, double x0, double x1, double y1, int order, int order_end) {
    auto& w = p.span(t, x0, x1, 134.8, 12);
    w.y1 = y1;
    w.order = order;
    w.order_end = order_end;
    w.base = 150.18;
    w.space_after = false;
    glyph_each(w);
  };
  letter("ى", 109.0, 120.57, 157.56, 150, 152);
  letter("ل", 121.0, 124.79, 157.56, 148, 150);
  letter("إ", 125.0, 128.46, 157.56, 146, 148);
  p.pw.words.back().space_after = true;
  letter("ة", 132.0, 139.19, 157.56, 143, 145);
  letter("ب", 139.0, 142.61, 157.56, 141, 143);
  letter("رَّ", 143.0, 147.31, 160.56, 137, 141);
  p.pw.words.back().char_x = {143.0, 145.0, 145.0, 147.31};  // (the marks one glyph at 145, no advance)
  p.pw.words.back().char_glyph = {0, 1, 1};
  letter("ق", 147.0, 154.21, 157.56, 135, 137);
  letter("مُ", 154.0, 160.89, 160.56, 131, 135);
  p.pw.words.back().char_x = {154.0, 157.0, 160.89};
  std::vector<std::string> got;
  for (const auto& l : p.lines().lines) got.push_back(l.text);
  std::string all;
  for (const auto& t : got) all += "|" + t;
  EXPECT_NE(std::find(got.begin(), got.end(), "مُقرَّبة إلى"), got.end()) << all;
}

TEST(Rule8_Markers, CourierOInTheFontsThatStandInForCourierIsAMarker) {
  // impress-odp-th-3002 page 2 (issue 16): LibreOffice sets PowerPoint's level-2 "o" in
  // Courier New's metric stand-in, Liberation Mono (Ghostscript: Nimbus Mono, ChromeOS:
  // Cousine), small, well before its text
  for (const char* font : {"LiberationMono", "NimbusMonoPS-Regular", "Cousine"}) {
    PageBuilder p(1);
    p.line("Office defaults", 40, 20, 30, true);
    p.word("•", 40, 100, 18);
    p.line("First item", 65, 100, 20);
    p.word("o", 80, 134, 6.3);
    p.pw.words.back().font = font;
    p.line("Second item", 105, 130, 14);
    Deck d = analyze_pages({p});
    ASSERT_EQ(d.slides.size(), 1u);
    EXPECT_EQ(texts(d.slides[0]), (std::vector<std::string>{"First item", "Second item"})) << font;
  }
}

TEST(Rule10_Join, LatinLettersSpreadByAChineseLinesJustificationAreOneWord) {
  // cairo-zh-1035 page 3 (issue 16): Pango justifies a Chinese line by spreading every
  // character 0.07 em; Poppler cuts "IETF" 0.10 em between T and F, seeing a space there
  EXPECT_EQ(one_line({{"指导原则：谈论IET", 413.40, 562.41, true}, {"F，而不是代表", 564.02, 677.00}}, 110.29, 16),
            "指导原则：谈论IETF，而不是代表");
  // (in a Latin line the same gap is the PDF layer's to judge)
  EXPECT_EQ(one_line({{"Word", 100, 140, true}, {"spacing", 141.6, 200}}, 110, 16), "Word spacing");
}

TEST(Rule1_RightToLeft, ACommaEndingAWrappedLineOfALeftToRightParagraphEndsItsText) {
  // cairo-he-3121 page 7 (issue 16): a left-to-right paragraph of Hebrew (its bullet on
  // the left) wrapped after "לרקע,": the comma belongs to the right-to-left run and is
  // drawn at the line's left end
  PageBuilder p(7);
  p.word("✓", 50, 176, 18);
  rtl_line_from_left(p, {"כולם", "מוזמנים,", "בלי", "קשר", "לרקע,"}, 70.4, 176, 18, 21, 4);
  auto pl = extract::build_lines(p.pw, false, false);
  ASSERT_EQ(pl.lines.size(), 1u);
  EXPECT_EQ(pl.lines[0].text, "כולם מוזמנים, בלי קשר לרקע,");
}

TEST(Rule1_RightToLeft, WordsThatTouchInARightToLeftTablesCellAreOneRun) {
  // impress-pptx-he-3055 page 2 (issue 16): a Hebrew table's cell "Q3", "Q" in Noto Sans
  // and "3" in Amiri, touching, drawn right to left ("3" first): one run, read left to
  // right, where runs set apart ("12 000 EUR") are read right to left
  PageBuilder p(2);
  rtl_line_from_left(p, {"רבעון", "ראשון", "של", "השנה"}, 300, 100, 16, 21, 4);
  auto w = [&](const char* t, double x0, double x1, int order, const char* font) {
    auto& x = p.span(t, x0, x1, 163.11, 16);
    x.order = order;
    x.order_end = order + 1;
    x.font = font;
    x.space_after = false;
  };
  w("Q", 205.20, 217.69, 58, "NotoSans-Regular");
  w("3", 217.59, 226.09, 57, "AmiriQuranColored-Regular");
  std::vector<std::string> got;
  for (const auto& l : p.lines().lines) got.push_back(l.text);
  EXPECT_NE(std::find(got.begin(), got.end(), "Q3"), got.end()) << ::testing::PrintToString(got);
}

TEST(Rule1_RightToLeft, TheAllahLigatureKeepsItsLettersInTheOrderMapped) {
  // impress-odp-ar-1144 page 1 (issue 16): Noto Kufi Arabic draws "الله" as one glyph
  // that maps to its four letters in logical order; the rule that reads a two-letter
  // lam-alef glyph mapped alef first (visual order) as lam + alef made it "لاله"
  PageBuilder p(1);
  p.word("فسوي", 368.58, 268.68, 20);
  p.pw.words.back().x1 = 425.27;
  glyph_each(p.pw.words.back());
  p.word("دبع", 333.09, 268.68, 20);
  p.pw.words.back().x1 = 361.69;
  glyph_each(p.pw.words.back());
  p.word("الله", 294.89, 268.68, 20);
  p.pw.words.back().x1 = 326.29;
  even_char_x(p.pw.words.back());
  p.pw.words.back().char_glyph = {0, 0, 0, 0};
  auto pl = p.lines();
  ASSERT_EQ(pl.lines.size(), 1u);
  EXPECT_EQ(pl.lines[0].text, "يوسف عبد الله");
}

TEST(Rule1_RightToLeft, ACommaEndingAWrappedLineAfterLatinWordsEndsItsText) {
  // impress-pptx-fa-1032 page 5 (issue 16): a left-to-right paragraph "IETF برای … ندارد،
  // اما …" (a PPTX export's), wrapped after the comma: the comma, drawn at the left end of
  // the right-to-left run, came out after "IETF"
  PageBuilder p(5);
  p.word("•", 50, 100, 18);
  p.word("IETF", 70, 100, 18);
  rtl_line_from_left(p, {"برای", "کار", "ندارد،"}, 70 + 36 + 5, 100, 18, 21, 5);
  auto pl = extract::build_lines(p.pw, false, false);
  ASSERT_EQ(pl.lines.size(), 1u);
  EXPECT_EQ(pl.lines[0].text, "IETF برای کار ندارد،");
}

TEST(Rule8_Markers, BareNumbersCountingDownATablesColumnAreNoList) {
  // keynote-tidb-at-zhihu-zh page 27 (issue 16, found by a new user): a table's column of
  // "3 年" over "2 天"; read as a list numbered without stops, the digits went into the
  // markers and the cells read "年" and "天". Lists count up down the page
  // (two cells, a number and its text, one under the other, 47 pt apart; each line read
  // as marker|text)
  auto column = [](const char* n1, const char* t1, const char* n2, const char* t2, double text_x1) {
    PageBuilder p(27);
    int row = 0;
    for (auto [n, t] : {std::pair{n1, t1}, std::pair{n2, t2}}) {
      double y = 188.8 + 47 * row++;
      p.span(n, 457, 468.1, y, 20).space_after = true;
      p.span(t, 475.66, text_x1, y, 20).space_after = false;
      p.pw.spaces.push_back({468.1, y, 473.7, y + 24});  // (Keynote draws its spaces)
    }
    std::vector<std::string> got;
    for (const auto& l : p.lines().lines) got.push_back(l.marker + "|" + l.text);
    return got;
  };
  EXPECT_EQ(column("3", "年", "2", "天", 495.66), (std::vector<std::string>{"|3 年", "|2 天"}));
  // (counting up, they are a list's numbers)
  EXPECT_EQ(column("1", "确认场地", "2", "发布结果", 555.66), (std::vector<std::string>{"1|确认场地", "2|发布结果"}));
}

TEST(Rule1_RightToLeft, LamAlefGlyphWithATanweenReadsLamMarkAlef) {
  // cairo-ar-1034 page 9: "واتصالًا" in Noto Sans Arabic, its lam-alef one glyph and the
  // tanween another; TextPage puts the mark after the letter it is drawn over, between the
  // glyph's two letters ("لًا", glyphs 0 1 0): the lam and the alef are still one cluster,
  // and the mark stays on the lam, not "اًل" (issue 16)
  extract::Word w;
  w.text = "لًا";
  w.x0 = 144.34, w.x1 = 158.02, w.y0 = 100, w.y1 = 128, w.size = 24;
  w.char_x = {144.34, 145.90, 147.45, 158.02};
  w.char_glyph = {0, 1, 0};
  w.order = 110, w.order_end = 114;
  extract::Word a;  // the alef before it, no space between (it joins no letter after it)
  a.text = "ا";
  a.x0 = 158.36, a.x1 = 165.66, a.y0 = 100, a.y1 = 128, a.size = 24;
  a.char_x = {158.36, 165.66};
  a.char_glyph = {0};
  a.order = 108, a.order_end = 109;
  EXPECT_EQ(extract::rtl_text({w, a}, true), "الًا");
}

TEST(Rule8_Blocks, PersianLinesInALeftToRightParagraphAtTheColumnsTightestPitchAreOneParagraph) {
  // impress-odp-fa-7093 page 4: Persian paragraphs whose direction stayed left to right,
  // set flush left at single spacing, 22 pt, line boxes 1.3 em tall: paragraphs 2.57 em
  // apart (18 pt spacing), the last broken by hand 1.76 em under its first line. The
  // column's tighter pitch is the line pitch, as in a right-to-left paragraph; and the
  // second line, the page's widest, is no full line of a box (no other line shows that
  // box), so its paragraph does not run on into the next one (issue 16).
  PageBuilder cover(1), p(2);
  cover.word(rev("پیش‌نویس"), 300, 150, 40, true);
  even_char_x(cover.pw.words.back());
  // (each line scaled to span the page's own width of it, from 43.1 pt to x1)
  auto line = [&](const std::vector<std::string>& logical, double y, double x1) {
    rtl_line_spanning(p, logical, 43.1, y, 22, 28.6, x1);
  };
  rtl_line_from_left(p, {"زمان‌بندی"}, 43.2, 24.39, 32, 41.6, 6, true);
  line({"اجماع", "تقریبی", "و", "کد", "در", "حال", "اجرا"}, 107.80, 274.5);
  line({"پیش‌نویس", "اساسنامه", "در", "دست", "بررسی", "است"}, 164.40, 352.2);
  line({"قرارداد", "حامیان", "امضا", "شد"}, 221.01, 220.9);
  line({"تأمین", "مالی", "بلندمدت", "تضمین", "شد"}, 259.71, 266.4);
  // (the deck's bullets stand on the left: its paragraphs run left to right)
  std::vector<extract::PageLines> ls{cover.lines(), extract::build_lines(p.pw, false, false)};
  Diagnostics diag;
  Deck d = extract::analyze(ls, {"test.pdf", ""}, diag);
  ASSERT_EQ(d.slides.size(), 2u);
  EXPECT_EQ(texts(d.slides[1]), (std::vector<std::string>{"اجماع تقریبی و کد در حال اجرا",
                                                          "پیش‌نویس اساسنامه در دست بررسی است",
                                                          "قرارداد حامیان امضا شد تأمین مالی بلندمدت تضمین شد"}));
}

TEST(Rule8_Blocks, PersianParagraphsAQuarterEmApartStayApartOverAWrapsPitch) {
  // impress-pptx-fa-3144 page 5: Persian paragraphs in left-to-right direction, 24 pt at
  // 1.5 line spacing, 6 pt (a quarter em) apart: 49.2 pt from one to the next, and a wrap
  // 43.2 pt. The pitch a quarter em over the line pitch is nearer the looser one than the
  // tighter: a paragraph's (issue 16).
  PageBuilder cover(1), p(2);
  cover.word(rev("پیش‌نویس"), 300, 150, 40, true);
  even_char_x(cover.pw.words.back());
  auto line = [&](const std::vector<std::string>& logical, double y, double x1) {
    rtl_line_spanning(p, logical, 43.2, y, 24, 31.2, x1);
  };
  rtl_line_from_left(p, {"اهداف", "سال", "۲۰۲۶"}, 43.2, 20.79, 24, 31.2, 6, true);
  line({"نام‌های", "دامنهٔ", "بین‌المللی‌شده"}, 104.10, 271.2);
  line({"ترجمه", "به", "شش", "زبان"}, 153.28, 204.9);
  line({"اعتبارسنجی", "مبدأ", "مسیر", "اکنون", "از", "بیش", "از", "نیمی", "از", "فضای", "نشانی", "اعلام‌شده"}, 202.49, 642.6);
  line({"محافظت", "می‌کند."}, 245.69, 186.8);
  std::vector<extract::PageLines> ls{cover.lines(), extract::build_lines(p.pw, false, false)};
  Diagnostics diag;
  Deck d = extract::analyze(ls, {"test.pdf", ""}, diag);
  ASSERT_EQ(d.slides.size(), 2u);
  EXPECT_EQ(texts(d.slides[1]),
            (std::vector<std::string>{"نام‌های دامنهٔ بین‌المللی‌شده", "ترجمه به شش زبان",
                                      "اعتبارسنجی مبدأ مسیر اکنون از بیش از نیمی از فضای نشانی اعلام‌شده محافظت می‌کند."}));
}

TEST(Rule8_Blocks, ASideNotesSecondLineBesideATallerLineStaysUnderItsFirst) {
  // cairo-en-6019 page 5 (and cairo-ru-1038, cairo-ar-6017; the same in the code of
  // keynote-types-dont-know-hash): a 12 pt side note of two lines level with a 28 pt line,
  // whose band takes in both; the note's second line stands under its first, not in it
  // ("Figures hundred rounded to the nearest") (issue 16)
  PageBuilder p(1);
  p.line("Budget overview", 43, 16.7, 28, true);
  p.line("Representatives of inter-", 43, 81.5, 28);
  p.line("Figures rounded to the nearest", 521, 93.1, 12);
  p.line("hundred", 521, 105.1, 12);
  p.line("governmental bodies", 43, 109.5, 28);
  int order = 0;  // (drawn in reading order)
  for (auto& w : p.pw.words) {
    w.y1 = w.y0 + 1.1 * w.size;
    w.base = w.y0 + 0.9 * w.size;
    w.order = order;
    order += static_cast<int>(w.text.size()) + 1;
    w.order_end = order - 1;
  }
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  auto t = texts(d.slides[0]);
  EXPECT_NE(std::find(t.begin(), t.end(), "Figures rounded to the nearest hundred"), t.end()) << ::testing::PrintToString(t);
}

TEST(Rule8_Blocks, WordsDrawnWithAnotherLinesWordsBetweenThemAreTwoBoxes) {
  // cairo-en-1179 page 3 (and impress-odp-en-13158, impress-pptx-ja-13042 of a set never
  // tuned on): a table's row, its second cell wrapped ("Mentoring" over "for first-",
  // "time", "attendees"), its third cell "28%" 1.4 em after "Mentoring", no space glyph
  // between them. The wrapped cell's lines are drawn between the two: two boxes' text, not
  // one line (issue 16).
  PageBuilder p(1);
  p.line("Goals for 2026", 43, 15.5, 28, true);
  int order = 14;
  auto cell = [&](const char* t, double x0, double x1, double y) { drawn_word(p, order, t, x0, x1, y, 20, 23.26, 18.56, true); };
  cell("Montevideo", 42.0, 159.12, 71.2);
  cell("Mentoring", 171.48, 273.06, 71.2);
  cell("for", 171.6, 198.8, 94.48);
  cell("first-", 204.56, 250.72, 94.48);
  cell("time", 171.6, 216.88, 117.77);
  cell("attendees", 171.6, 271.94, 141.05);
  cell("28%", 301.2, 346.2, 71.2);
  cell("2026", 430.78, 482.5, 71.2);
  cell("1240", 560.36, 612.08, 71.2);
  cell("Lisbon", 42.0, 106.58, 174.33);
  cell("Q3", 171.52, 200.24, 174.33);
  cell("2026", 301.1, 352.82, 174.33);
  cell("10", 430.8, 456.52, 174.33);
  cell("93", 560.38, 586.1, 174.33);
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  auto t = texts(d.slides[0]);
  EXPECT_NE(std::find(t.begin(), t.end(), "28%"), t.end()) << ::testing::PrintToString(t);
  for (const auto& x : t) EXPECT_EQ(x.find("Mentoring 28%"), std::string::npos) << x;
}

TEST(Rule8_Blocks, ATableCellWrappedCloseToTheNextCellKeepsItsSecondLine) {
  // cairo-ru-1005 page 3 (and cairo-de-13151, beamer-pdflatex-ru-13193 of a set never
  // tuned on): "Университетский" wraps to "кампус" in its cell, the next cell's
  // "Ожидается" 0.41 em after it; the wrapped line is drawn between them (issue 16)
  PageBuilder p(1);
  p.line("Итоги", 43, 19.5, 28, true);
  int order = 10;
  auto cell = [&](const char* t, double x0, double x1, double y) { drawn_word(p, order, t, x0, x1, y, 18, 24.5, 19.3, true); };
  cell("Ташкент", 42.0, 115.57, 87.0);
  cell("бесплатно", 204.0, 295.89, 87.0);
  cell("Москва", 366.0, 432.1, 87.0);
  cell("Конгресс-центр", 42.0, 180.08, 121.52);
  cell("Университетский", 204.0, 358.57, 121.52);
  cell("кампус", 204.0, 265.63, 146.03);
  cell("Ожидается", 366.0, 463.06, 121.52);
  cell("Подтверждено", 42.0, 171.89, 180.55);
  cell("Семинар", 204.0, 282.07, 180.55);
  cell("уточняется", 366.0, 463.06, 180.55);
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  auto t = texts(d.slides[0]);
  EXPECT_NE(std::find(t.begin(), t.end(), "Университетский кампус"), t.end()) << ::testing::PrintToString(t);
  EXPECT_NE(std::find(t.begin(), t.end(), "Ожидается"), t.end()) << ::testing::PrintToString(t);
}

TEST(Rule8_Blocks, AgendaRowsEachWithAPageNumberBesideThemAreEachTheirOwn) {
  // impress-pptx-es-6000 page 3 (and impress-pptx-fr-1158; impress-pptx-en-13125 and
  // impress-pptx-fr-13082 of a set never tuned on): an agenda whose page numbers stand at
  // PowerPoint's default tab stops, every inch: "Debate" is short, so its "4" stands an
  // inch nearer than the other rows' numbers; no column of numbers lines up to make a
  // table of the first rows, and "Debate" went on "Calendario" (issue 16)
  // (as the PDF has it: each word drawn after the one before, the spaces drawn; the rows
  // 1.39 em apart, the deck's line pitch)
  PageBuilder p(1);
  int order = 0;
  auto word = [&](const char* t, double x0, double x1, double y, double size) {
    drawn_word(p, order, t, x0, x1, y, size, 1.3 * size, 1.04 * size, false);
  };
  word("Orden", 43.2, 110.0, 20.8, 24);
  p.pw.spaces.push_back({110.0, 20.8, 116.7, 52.0});
  ++order;
  word("del", 116.7, 150.0, 20.8, 24);
  p.pw.spaces.push_back({150.0, 20.8, 156.7, 52.0});
  ++order;
  word("día", 156.7, 184.6, 20.8, 24);
  auto row = [&](const char* label, double x1, const char* number, double nx, double y) {
    word(label, 43.2, x1, y, 18);
    word(number, nx, nx + 9, y, 18);
  };
  row("Calendario", 122.27, "3", 187.2, 81.9);
  row("Debate", 94.19, "4", 115.2, 106.9);
  word("Próximos", 43.2, 117.0, 131.9, 18);
  p.pw.spaces.push_back({117.0, 131.9, 122.0, 155.3});
  ++order;
  word("pasos", 122.0, 156.73, 131.9, 18);
  word("7", 187.2, 196.2, 131.9, 18);
  row("Introducción", 135.31, "9", 187.2, 156.9);
  row("Presupuesto", 130.12, "11", 187.2, 181.9);
  row("Propuestas", 121.12, "12", 187.2, 206.9);
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  auto t = texts(d.slides[0]);
  EXPECT_NE(std::find(t.begin(), t.end(), "Calendario"), t.end()) << ::testing::PrintToString(t);
  EXPECT_NE(std::find(t.begin(), t.end(), "Debate"), t.end()) << ::testing::PrintToString(t);
}

TEST(Rule8_Blocks, AByLineUnderATitleSlidesSubtitleIsItsOwn) {
  // impress-pptx-es-1116 page 1 (and impress-odp-es-13161 of a set never tuned on): the
  // subtitle "Resultados de la encuesta de 2025" over the author, "María José Ruiz", under
  // it at the deck's line pitch: a line of three capitalised words under a title slide's
  // subtitle is a byline, not the subtitle's words carried on (issue 16)
  PageBuilder p(1);
  p.line("Foro para la Gobernanza de", 58.4, 119.6, 44, true);
  p.line("Internet 2026", 211.3, 172.4, 44, true);
  p.line("Resultados de la encuesta de 2025", 198.0, 241.2, 20);
  p.line("María José Ruiz", 288.8, 265.2, 20);  // (at the deck's line pitch, 1.2 em)
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  auto t = texts(d.slides[0]);
  EXPECT_NE(std::find(t.begin(), t.end(), "María José Ruiz"), t.end()) << ::testing::PrintToString(t);
}

// --- issue 16, twelfth session: Thai (generated Thai decks th1, seeds 20000-21400) ---

namespace {
// A Thai line as Poppler gives it: one word from x0 to x1, its top at y, `height` tall,
// its baseline `base` under the top.
extract::Word& thai_span(PageBuilder& p, const std::string& t, double x0, double x1, double y, double size, double height,
                         double base) {
  auto& w = p.span(t, x0, x1, y, size);
  w.y1 = y + height;
  w.base = y + base;
  return w;
}
}  // namespace

TEST(Rule8_Blocks, ThaiLinesWithinTheirTallLineBoxesAreNotSpacedApart) {
  // cairo, Garuda 18 pt: its line box 1.88 em, a line broken by hand 2.06 em under the
  // one above (the 1.6 em a Thai deck is taken to set would make it a paragraph of its own)
  PageBuilder p(1);
  p.word("เราจะมีส่วนร่วมอย่างไร", 43, 15.5, 28, true);
  thai_span(p, "นิยามธรรมาภิบาลอินเทอร์เน็ตในปัจจุบัน", 43, 420, 94.1, 18, 33.75, 23.11);
  thai_span(p, "เป็นนิยามเชิงปฏิบัติ", 43, 250, 131.23, 18, 33.75, 23.11);
  PageBuilder cover(1);
  cover.word("การประชุม", 200, 150, 40, true);
  p.pw.page = 2;
  Deck d = analyze_pages({cover, p});
  ASSERT_EQ(d.slides.size(), 2u);
  EXPECT_EQ(texts(d.slides[1]), (std::vector<std::string>{"นิยามธรรมาภิบาลอินเทอร์เน็ตในปัจจุบันเป็นนิยามเชิงปฏิบัติ"}));
  // but Pango, at 1.5 line spacing, sets a paragraph's own lines 2.67 em apart and the next
  // paragraph 2.16 em under the one above: the tighter pitch is no paragraph's line pitch
  PageBuilder q(1);
  q.word("บทเรียนที่ได้รับ", 43, 15.5, 32, true);
  thai_span(q, "วิดีโอสั้น ๆ อธิบายกระบวนการ", 300, 677, 83.9, 24, 42.77, 30.86);
  thai_span(q, "โครงการนำร่องจะดำเนินการ", 350, 677, 135.67, 24, 42.77, 30.86);
  thai_span(q, "ตัดสินใจ", 594, 677, 199.82, 24, 42.77, 30.86);
  q.pw.page = 2;
  Deck e = analyze_pages({cover, q});
  ASSERT_EQ(e.slides.size(), 2u);
  ASSERT_FALSE(e.slides[1].blocks.empty());
  EXPECT_EQ(e.slides[1].blocks[0].text, "วิดีโอสั้น ๆ อธิบายกระบวนการ");
}

TEST(Rule8_Blocks, ThaiLineFillingItsBoxWrapsAtLooseSpacing) {
  // cairo, Sawasdee 20 pt at 1.3 lines: a line 0.45 em short of the left margin mirrored,
  // "เปิด" not fitting after it, its last word 2.04 em under it (line boxes 1.57 em): one
  // paragraph
  PageBuilder p(1);
  p.word("การเข้าร่วมทางไกล", 43, 19.5, 28, true);
  thai_span(p, "นิยามธรรมาภิบาลอินเทอร์เน็ตในปัจจุบันเป็นนิยามเชิงปฏิบัติ และไม่ควรนำกลับมา", 43, 668.16, 88.61, 20, 31.4,
            23.12);
  thai_span(p, "เปิดใหม่", 43, 98.96, 129.43, 20, 31.4, 23.12);
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  EXPECT_EQ(texts(d.slides[0]),
            (std::vector<std::string>{"นิยามธรรมาภิบาลอินเทอร์เน็ตในปัจจุบันเป็นนิยามเชิงปฏิบัติ และไม่ควรนำกลับมาเปิดใหม่"}));
  // a paragraph that happens to end 0.7 em short of the box, at the paragraphs' pitch (a
  // quarter em looser than the box's wrapped lines): the next paragraph stays its own
  PageBuilder q(1);
  q.word("การลงทะเบียนและการเดินทาง", 43.2, 16.79, 24, true);
  thai_span(q, "มาตรฐานเปิดเป็นรากฐานของอินเทอร์เน็ตที่ทำงานร่วมกันได้", 43.2, 676.46, 117.29, 18, 23.4, 17.1);
  thai_span(q, "เคลื่อนด้วยความต้องการ", 43.2, 226.39, 145.41, 18, 23.4, 17.1);
  thai_span(q, "ผู้ให้บริการรายเล็กมักขาดบุคลากร ที่จะติดตามงานมาตรฐาน", 43.2, 664.18, 213.61, 18, 23.4, 17.1);
  thai_span(q, "ข้อกำหนดที่เข้าถึงได้ฟรี", 43.2, 286.44, 247.6, 18, 23.4, 17.1);
  Deck e = analyze_pages({q});
  ASSERT_EQ(e.slides.size(), 1u);
  EXPECT_EQ(texts(e.slides[0]), (std::vector<std::string>{"มาตรฐานเปิดเป็นรากฐานของอินเทอร์เน็ตที่ทำงานร่วมกันได้เคลื่อนด้วยความต้องการ",
                                                           "ผู้ให้บริการรายเล็กมักขาดบุคลากร ที่จะติดตามงานมาตรฐาน",
                                                           "ข้อกำหนดที่เข้าถึงได้ฟรี"}));
}

TEST(Rule8_Blocks, ThaiLineShortOfAnotherParagraphsEndIsNoWrap) {
  // impress-pptx-th-30557 page 3 (thirteenth session, th3): Loma 18 pt, four one-line
  // paragraphs 2.0 em apart; the first ends 0.49 em short of the third, 2.75 em short of
  // the left margin mirrored, no other text beside them: four paragraphs
  auto page = [](double beside_x) {
    PageBuilder p(1);
    p.word("การเข้าร่วมทางไกล", 43.2, 20.99, 28, true);
    thai_span(p, "ผู้ให้บริการรายเล็กมักขาดบุคลากร ที่จะติดตามงานมาตรฐานในหลายองค์กรพร้อมกัน", 43.2, 627.30, 87.61, 18,
              23.4, 17.1);
    thai_span(p, "ข้อกำหนดที่เข้าถึงได้ฟรีช่วยลดช่องว่างความรู้ระหว่างภูมิภาค", 43.2, 460.83, 123.90, 18, 23.4, 17.1);
    thai_span(p, "เราคาดว่าจะมีผู้เข้าร่วมในสถานที่ประมาณ 600 คน และทางออนไลน์มากกว่านั้นสองเท่า", 43.2, 636.06, 160.21,
              18, 23.4, 17.1);
    thai_span(p, "เราแนะนำให้ดำเนินการทีละขั้น โดยเริ่มจากเครือข่ายที่ใหญ่ที่สุด", 43.2, 469.24, 196.60, 18, 23.4, 17.1);
    if (beside_x > 0) thai_span(p, "ภาพรวม", beside_x, beside_x + 40, 100, 18, 23.4, 17.1);
    return analyze_pages({p});
  };
  Deck d = page(0);
  ASSERT_EQ(d.slides.size(), 1u);
  EXPECT_EQ(d.slides[0].blocks.size(), 4u) << ::testing::PrintToString(texts(d.slides[0]));
  // impress-odp-th-3090 page 2: a Thai line in the left one of two columns, 0.53 em short
  // of another paragraph's end and 23 em short of the left margin mirrored: with the other
  // column's text to its right, that end is its column's edge, and the line wraps; alone on
  // the page, it does not
  auto columns = [](bool right_column) {
    PageBuilder p(1);
    p.word("วิธีการทำงาน", 43.09, 25.61, 32, true);
    thai_span(p, "ส่งคำถามทางอีเมลหรือถามที่", 43.09, 255.34, 107.31, 18, 23.4, 17.1);
    thai_span(p, "ไมโครโฟนเปิดได้", 43.09, 170.17, 144.50, 18, 23.4, 17.1);
    p.word("•", 63.1, 181.69, 18);
    thai_span(p, "ได้รับทุนระยะยาวแล้ว", 77.10, 264.95, 181.69, 18, 23.4, 17.1);
    if (right_column) {
      thai_span(p, "วิดีโอสั้น ๆ อธิบายกระบวนการ", 419.10, 669.05, 107.31, 18, 23.4, 17.1);
      thai_span(p, "จัดทำมาตรฐานในเวลาไม่ถึงห้า", 419.10, 669.22, 144.50, 18, 23.4, 17.1);
      thai_span(p, "นาที", 419.10, 451.47, 181.69, 18, 23.4, 17.1);
    }
    return analyze_pages({p});
  };
  Deck e = columns(true);
  ASSERT_EQ(e.slides.size(), 1u);
  ASSERT_FALSE(e.slides[0].blocks.empty());
  EXPECT_EQ(e.slides[0].blocks[0].text, "ส่งคำถามทางอีเมลหรือถามที่ไมโครโฟนเปิดได้");
  Deck f = columns(false);
  ASSERT_EQ(f.slides.size(), 1u);
  ASSERT_FALSE(f.slides[0].blocks.empty());
  EXPECT_EQ(f.slides[0].blocks[0].text, "ส่งคำถามทางอีเมลหรือถามที่");
}

TEST(Rule8_Blocks, ThaiLineFillingThePageWideBoxWrapsAtLooseLineSpacing) {
  // impress-odp-th-40358 page 4 (thirteenth session, th4): Garuda 18 pt at 1.3 lines, a
  // line 0.19 em short of the left margin mirrored, "ใหม่" 1.88 of the line boxes under it
  PageBuilder p(1);
  p.word("สิ่งที่ต้องตัดสินใจวันนี้", 43.09, 25.61, 32, true);
  thai_span(p, "นิยามธรรมาภิบาลอินเทอร์เน็ตในปัจจุบันเป็นนิยามเชิงปฏิบัติ และไม่ควรนำกลับมาเปิด", 43.09, 673.55, 114.0, 18,
            23.4, 17.1);
  thai_span(p, "ใหม่", 43.09, 73.97, 158.0, 18, 23.4, 17.1);
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  EXPECT_EQ(texts(d.slides[0]),
            (std::vector<std::string>{"นิยามธรรมาภิบาลอินเทอร์เน็ตในปัจจุบันเป็นนิยามเชิงปฏิบัติ และไม่ควรนำกลับมาเปิดใหม่"}));
}

TEST(Rule8_Blocks, ShortThaiLinesEndingTogetherShowNoBox) {
  // impress-pptx-th-40589 page 4 (th4): four short one-line paragraphs, Garuda 16 pt, the
  // first ending where the fourth does (0.07 pt apart), a third of the page wide: no box
  // edge, four paragraphs
  PageBuilder p(1);
  p.word("ข้อเสนอแนะของเรา", 58.79, 67.92, 18.7, true);
  thai_span(p, "ผู้สนับสนุนลงนามแล้ว", 58.79, 203.29, 121.92, 16, 20.79, 15.2);
  thai_span(p, "ฉบับสมบูรณ์ในเดือนพฤษภาคม", 58.79, 262.19, 153.11, 16, 20.79, 15.2);
  thai_span(p, "เข้าถึง 40 ประเทศ", 58.79, 180.78, 184.31, 16, 20.79, 15.2);
  thai_span(p, "ได้รับทุนระยะยาวแล้ว", 58.79, 203.22, 215.52, 16, 20.79, 15.2);
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  EXPECT_EQ(d.slides[0].blocks.size(), 4u) << ::testing::PrintToString(texts(d.slides[0]));
}

TEST(Rule4_Lines, JustifiedThaiLineStretchedAtItsOneSpaceIsOneLine) {
  // Impress justifies a Thai line at its spaces only: "บุคลากร ที่จะติดตามงาน" spread
  // 2.2 em apart across the column, the lines around it (no space in them) ragged
  PageBuilder p(1);
  p.span("ผู้ให้บริการรายเล็กมักขาด", 108.51, 256.82, 150.41, 14.2);
  p.span("บุคลากร", 108.51, 157.54, 173.11, 14.2);
  p.span("ที่จะติดตามงาน", 188.57, 279.74, 173.11, 14.2);
  p.span("มาตรฐานในหลายองค์กร", 108.51, 252.84, 195.82, 14.2);
  p.span("พร้อมกัน", 108.51, 161.26, 218.61, 14.2);
  auto pl = p.lines();
  ASSERT_EQ(pl.lines.size(), 4u);
  EXPECT_EQ(pl.lines[1].text, "บุคลากร ที่จะติดตามงาน");
  // cairo: a numbered item's first line, "(2)" and its text stretched at one space to the
  // edge that the first item's first line, five em above, reaches too
  PageBuilder q(1);
  q.span("(1)", 71, 100, 94.1, 24);
  q.span("ผู้เข้าร่วมได้รับการสนับสนุนให้พูดถึง", 111.8, 676.54, 94.1, 24);
  q.span("หารือระดับชาติและระดับภูมิภาค", 111.8, 428.5, 152.6, 24);
  q.span("(2)", 71, 100, 215.6, 24);
  q.span("ผู้ให้บริการรายเล็กมักขาดบุคลากร", 111.8, 447.85, 215.6, 24);
  q.span("ที่จะติดตามงาน", 524, 677.02, 215.6, 24);
  q.span("มาตรฐานในหลายองค์กรพร้อมกัน", 111.8, 445.81, 274.1, 24);
  auto ql = q.lines();
  ASSERT_EQ(ql.lines.size(), 4u);
  EXPECT_EQ(ql.lines[2].text, "ผู้ให้บริการรายเล็กมักขาดบุคลากร ที่จะติดตามงาน");
}

TEST(Rule11_Hygiene, ThaiMarkGivenAfterTheNextLetterGoesOnItsOwn) {
  // Impress, Kinnari: "ที่สุด" drawn as "ท", tone mark and "ส" (a word of their own), the
  // sara ii at the "ส"'s left edge, then sara u and "ด" (another word)
  PageBuilder p(1);
  auto word = [&](const std::string& t, std::vector<double> xs) {
    p.span(t, xs.front(), xs.back(), 175.81, 14.2);
    p.pw.words.back().char_x = std::move(xs);
    p.pw.words.back().space_after = false;
  };
  word("โดยท", {280.77, 290, 300, 432.27, 441.57});
  word("่ส", {441.47, 441.55, 449.78});
  word("ี", {441.57, 441.57});
  word("ุด", {449.75, 449.75, 458.40});
  auto pl = p.lines();
  ASSERT_EQ(pl.lines.size(), 1u);
  EXPECT_EQ(pl.lines[0].text, "โดยที่สุด");
}

TEST(Rule11_Hygiene, ThaiGapOfJustificationIsNoSpace) {
  // Pango justifying a Thai line adds 0.21 em inside "ไฟฟ้า" (Poppler guesses a space)
  PageBuilder p(1);
  p.span("ไฟฟ้", 84.6, 124.61, 94.1, 24);
  p.span("าดับที่จุดแลกเปลี่ยนข้อมูล", 129.6, 386.79, 94.1, 24);
  auto pl = p.lines();
  ASSERT_EQ(pl.lines.size(), 1u);
  EXPECT_EQ(pl.lines[0].text, "ไฟฟ้าดับที่จุดแลกเปลี่ยนข้อมูล");
}

TEST(Rule5_Furniture, FooterInSmallTypeOverATableOfSmallCellsIsFurniture) {
  // a notes page's slide: its footer (8 pt) stands mid-page, in the bottom band of the
  // slide's text; a table of 10 pt cells on each slide makes 10 pt the commonest size by
  // lines, but not by text, whose body is 16 pt
  std::vector<PageBuilder> pages;
  for (int n = 1; n <= 3; ++n) {
    PageBuilder p(n, 720, 540);
    p.word("สาระสำคัญ", 43, 60, 28, true);
    p.line("ผู้ให้บริการรายเล็กมักขาดบุคลากรที่จะติดตามงานมาตรฐานในหลายองค์กรพร้อมกันเสมอมา", 43, 110, 16);
    p.line("ข้อกำหนดที่เข้าถึงได้ฟรีช่วยลดช่องว่างความรู้ระหว่างภูมิภาคต่าง ๆ ทั่วโลกได้ดีมาก", 43, 135, 16);
    for (int r = 0; r < 4; ++r)
      for (int c = 0; c < 3; ++c) p.word(std::to_string(10 * (r + 1) + c), 60 + 150 * c, 180 + 25 * r, 10);
    p.word("เอกสารเผยแพร่", 70, 430, 8);
    p.word(std::to_string(n), 520, 430, 8);
    pages.push_back(p);
  }
  Deck d = analyze_pages(pages);
  ASSERT_EQ(d.slides.size(), 3u);
  for (const auto& s : d.slides)
    for (const auto& b : s.blocks) EXPECT_EQ(b.text.find("เอกสารเผยแพร่"), std::string::npos) << "slide " << s.page;
}

TEST(Rule10_Join, AThaiAgendasPageNumberAtADefaultTabStopIsItsOwn) {
  // impress-pptx, Garuda 20 pt: the agenda's numbers at PowerPoint's default tab stops, an
  // inch apart; "ข้อเสนอ" ends 0.22 em before the stop its "13" stands at, nothing drawn
  // between. The page draws one space glyph (its footer's) for many words: Poppler breaks
  // Thai words at their marks
  PageBuilder p(1);
  p.word("วาระการประชุม", 43.2, 20.8, 24, true);
  auto w = [&](const char* t, double x0, double x1, double y, int order, double size = 20) {
    auto& x = p.span(t, x0, x1, y, size);
    x.order = order;
    x.order_end = order + static_cast<int>(unicode::decode(t).size());
    x.space_after = true;
  };
  w("งบประมาณ", 43.2, 137.36, 101, 21);
  w("4", 187.2, 198.33, 101, 29);
  w("ความเป็", 43.2, 106, 132.2, 30);
  w("นมาและเป้าหมาย", 107.98, 253.48, 132.2, 37);
  w("7", 259.2, 270.33, 132.2, 51);
  w("ข้อเสนอ", 43.2, 110.8, 194.6, 65);
  w("13", 115.2, 137.51, 194.6, 72);
  w("สไลด์", 646.81, 670, 383, 85, 11);
  w("2", 675.6, 681.21, 383, 91, 11);
  p.pw.spaces.push_back({670, 383, 675.6, 397});  // the footer's space
  std::vector<std::string> got;
  for (const auto& l : p.lines().lines) got.push_back(l.text);
  EXPECT_NE(std::find(got.begin(), got.end(), "ข้อเสนอ"), got.end()) << ::testing::PrintToString(got);
  EXPECT_NE(std::find(got.begin(), got.end(), "13"), got.end());
  EXPECT_NE(std::find(got.begin(), got.end(), "7"), got.end());
  // an exponent, smaller, after a formula on a page drawing few spaces stays on its line
  PageBuilder q(1);
  auto& x = q.span("𝑥−𝜇", 578.3, 651.94, 208.23, 32.1);
  x.order = 50, x.order_end = 56;
  x.y1 = 240.33, x.base = 232;
  auto& e = q.span("2", 666.05, 679.6, 203.22, 23.4);
  e.order = 56, e.order_end = 58;
  e.y1 = 226.64, e.base = 232;
  q.span("平均𝜇、分散𝜎のガウス分布", 219.82, 441.67, 96.64, 36);
  for (int k = 0; k < 10; ++k) q.span("分布", 50 + 60 * k, 90 + 60 * k, 300, 20);  // (a page of many words)
  // nor a number a quarter em after kana, the spacing layouts add between the scripts
  auto& k1 = q.span("参加者は", 43, 123, 350, 20);
  k1.order = 200, k1.order_end = 204;
  auto& k2 = q.span("120", 128, 158, 350, 20);
  k2.order = 204, k2.order_end = 207;
  q.pw.spaces.push_back({500, 96, 505, 130});
  auto ql = q.lines();
  bool alone = false;
  for (const auto& l : ql.lines) alone = alone || l.text == "2";
  for (const auto& l : ql.lines) alone = alone || l.text == "120";
  EXPECT_FALSE(alone) << ::testing::PrintToString([&] { std::vector<std::string> v; for (const auto& l : ql.lines) v.push_back(l.text); return v; }());
}

TEST(Rule8_Blocks, AnAgendasPageNumbersAreNoLinesOfTheRowsUnderThem) {
  // impress-pptx-th-20745 page 3: the agenda's numbers at PowerPoint's default tab stops;
  // "คำถาม"'s "6" an inch nearer than the others, right above "กำหนดการ" (whose right end
  // it shares), went on it; "2" and "4", one under the other at one tab stop, made one
  // block "2 4" (issue 16)
  PageBuilder p(1);
  p.word("วาระการประชุม", 43.2, 17, 28, true);
  auto row = [&](const char* label, double x1, const char* number, double nx, double y) {
    p.span(label, 43.2, x1, y, 18).space_after = false;
    p.span(number, nx, nx + 10, y, 18).space_after = false;
  };
  row("ผลการสำรวจ", 146.9, "2", 187.2, 89.6);
  row("งบประมาณ", 132.8, "4", 187.2, 117.69);
  row("คำถาม", 85.0, "6", 115.2, 145.81);
  row("กำหนดการ", 130.72, "7", 187.2, 173.81);
  row("ข้อเสนอ", 86.65, "10", 115.2, 201.91);
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  auto got = texts(d.slides[0]);
  for (const char* t : {"ผลการสำรวจ", "งบประมาณ", "คำถาม", "6", "กำหนดการ", "2", "4", "7", "10"})
    EXPECT_NE(std::find(got.begin(), got.end(), std::string(t)), got.end()) << t << " " << ::testing::PrintToString(got);
}

TEST(Rule8_Blocks, ThaiItemsWrappedLineAtItsTallFontsPitchIsTheItems) {
  // impress-odp-th-20998 page 5, a notes page's slide drawn small: Garuda 17 pt at 1.5
  // lines, the item's second line 2.44 em under its first (its line boxes 1.3 em tall:
  // 1.88 of them), where its text starts (issue 16)
  PageBuilder p(1);
  p.word("ทำไมเวทีระดับภูมิภาคจึงสำคัญ", 73, 77.6, 28, true);
  p.span("•", 90.11, 98, 193.04, 17).space_after = false;
  thai_span(p, "งบประมาณปี 2026 มีความสมดุล พร้อมเงินสำรองเล็กน้อย", 105.39, 511.69, 193.04, 17, 22.11, 16.16);
  thai_span(p, "สำหรับค่าเดินทางที่ไม่คาดคิด", 105.39, 306.28, 234.45, 17, 22.11, 16.16);
  PageBuilder cover(1);
  cover.word("การประชุม", 200, 150, 40, true);
  p.pw.page = 2;
  Deck d = analyze_pages({cover, p});
  ASSERT_EQ(d.slides.size(), 2u);
  EXPECT_EQ(texts(d.slides[1]), (std::vector<std::string>{"งบประมาณปี 2026 มีความสมดุล พร้อมเงินสำรองเล็กน้อยสำหรับค่าเดินทางที่ไม่คาดคิด"}));
}

TEST(Rule8_Blocks, ThaiLineFillingThePageWideBoxWrapsOverShorterParagraphs) {
  // cairo-th-20844 page 4: Sawasdee 20 pt at 1.5 lines, paragraphs 18 pt apart; the first
  // paragraph's line ends 0.33 em short of the left margin mirrored, its last word 2.36 em
  // under it; the paragraphs under it are shorter, so they show no box edge. Pango's
  // paragraph step is 2.47 em, its line pitch 2.36: the three read as one paragraph, as
  // the generated truth has them (issue 16)
  PageBuilder p(1);
  p.word("ข้อพิจารณาด้านความปลอดภัย", 43, 19.5, 28, true);
  thai_span(p, "ผู้เข้าร่วมได้รับการสนับสนุนให้พูดถึง IETF ในการปรึกษาหารือระดับชาติและระดับ", 43, 670.42, 101.81, 20, 31.4,
            23.12);
  thai_span(p, "ภูมิภาค", 43, 99.88, 148.92, 20, 31.4, 23.12);
  thai_span(p, "รายงานรายไตรมาสต่อคณะกรรมการ", 43, 343.68, 198.32, 20, 31.4, 23.12);
  thai_span(p, "เนื้อหาและภาษาท้องถิ่น", 43, 220.76, 247.73, 20, 31.4, 23.12);
  PageBuilder cover(1);
  cover.word("การประชุม", 200, 150, 40, true);
  p.pw.page = 2;
  Deck d = analyze_pages({cover, p});
  ASSERT_EQ(d.slides.size(), 2u);
  EXPECT_EQ(texts(d.slides[1]), (std::vector<std::string>{"ผู้เข้าร่วมได้รับการสนับสนุนให้พูดถึง IETF ในการปรึกษาหารือ"
                                                           "ระดับชาติและระดับภูมิภาค รายงานรายไตรมาสต่อคณะกรรมการ "
                                                           "เนื้อหาและภาษาท้องถิ่น"}));
}

TEST(Rule11_Hygiene, ThaiMarksPangoDrawsAtTheNextLettersEdgeStayOnTheirOwn) {
  // a new user's Pango decks in Kinnari (issue 16): the thanthakhat of "ธิ์" drawn 1 pt on
  // from the end of "ธ", into the "ข" after it (a word of its own, raised); the tone mark of
  // "ปู่" drawn 4 pt after the "ปู" at the next letter's edge (justification between them)
  PageBuilder p(1);
  auto word = [&](const std::string& t, std::vector<double> xs, double y, double size, bool space_after = false) {
    auto& w = p.span(t, xs.front(), xs.back(), y, size);
    w.char_x = std::move(xs);
    w.space_after = space_after;
    return &w;
  };
  // (the words in the order the page gives them: "ข" before the word the mark belongs to)
  word("ข", {168, 189.84}, 12, 37.3);
  word("ศักดิ์ส", {36, 50, 50, 70, 88, 88, 100, 124.99}, 12, 37.3);
  word("ิทธิ", {124.99, 124.99, 148.99, 167.96, 167.96}, 12, 37.3);
  word("์", {169, 169}, 9, 37.3)->base = 12 + 37.3 - 3;
  p.pw.words[2].base = p.pw.words[1].base = p.pw.words[0].base = 12 + 37.3;
  word("องฝั่ง", {189.99, 200, 210, 220, 230, 230, 240}, 12, 37.3)->base = 12 + 37.3;
  word("ผู้แก่เล่าเรื่องปู", {58.01, 73.99, 73.99, 73.99, 82.01, 100.99, 100.99, 111.0, 127.01, 127.01, 127.01, 142.01, 156.0,
                          156.0, 163.99, 178.01, 178.01, 187.99, 196.01, 208.01, 205.99, 208.01, 222.0, 232.99, 244.99,
                          244.99},
       195, 24, true);
  p.pw.words.back().text = "ผู้เฒ่าผู้แก่เล่าเรื่องปู";
  word("่ย่า", {249.0, 249.0, 262.99, 262.99, 273.0}, 195, 24);
  // XeTeX and Pango draw the sara ue of "ฟื้" 2.2 pt right of the tone mark that ends
  // Poppler's word, where the "ฟ" ends: 0.17 em before "นฟู", no space
  word("แนวทางการฟื้", {8.5, 17.24, 26.75, 34.0, 43.39, 49.52, 56.39, 65.03, 71.15, 77.78, 85.69, 83.51, 83.51}, 300, 14.3, true);
  word("นฟู", {88.15, 97.67, 108.04, 108.04}, 300, 14.3);
  auto pl = p.lines();
  std::vector<std::string> got;
  for (const auto& l : pl.lines) got.push_back(l.text);
  EXPECT_NE(std::find(got.begin(), got.end(), "ศักดิ์สิทธิ์ของฝั่ง"), got.end()) << ::testing::PrintToString(got);
  EXPECT_NE(std::find(got.begin(), got.end(), "ผู้เฒ่าผู้แก่เล่าเรื่องปู่ย่า"), got.end()) << ::testing::PrintToString(got);
  EXPECT_NE(std::find(got.begin(), got.end(), "แนวทางการฟื้นฟู"), got.end()) << ::testing::PrintToString(got);
}

// --- issue 16, thirteenth session: furniture and notes pages (Thai sets th3, th4) ---

TEST(Rule5_Furniture, PageLabelSetFlushRightIsFurnitureWhenItGrowsLeft) {
  // cairo-th-40787: "สไลด์ 9" set flush right at the page's edge, then "สไลด์ 10", 6 pt
  // wider, its middle in the next twentieth of the page: the same label where it ends.
  // (A German "Folie" is no word the page-number pattern knows, as Thai "สไลด์" is not.)
  std::vector<PageBuilder> pages;
  for (int n = 1; n <= 10; ++n) {
    PageBuilder p(n);
    p.line("Thema " + std::to_string(n), 43, 20, 28, true);
    p.bullet("•", "erster Punkt", 43, 70, 100, 20);
    p.bullet("•", "zweiter Punkt", 43, 70, 140, 20);
    p.span("Folie " + std::to_string(n), n < 10 ? 652 : 646, 683.5, 385, 10);
    pages.push_back(p);
  }
  Deck d = analyze_pages(pages);
  ASSERT_EQ(d.slides.size(), 10u);
  for (const auto& s : d.slides)
    EXPECT_EQ(texts(s), (std::vector<std::string>{"erster Punkt", "zweiter Punkt"})) << s.id;
}

namespace {
// A notes page as Impress exports one on A4 (595 x 842 pt): the slide drawn above (its title
// and two items, its number in 10.5 pt, not small beside them, at its bottom right,
// mid-page: outside the page's bands), the speaker
// notes from `notes_y` down. `slide_text`: false for a slide that is a picture alone.
PageBuilder notes_page(int n, bool slide_text, double notes_y, bool number = true) {
  PageBuilder p(n, 595.28, 841.89);
  if (slide_text) {
    p.line("ภาพรวม " + std::to_string(n), 72.99, 70.75, 17, true);
    p.word("•", 72.99, 111.12, 14.2);
    thai_span(p, "คำบรรยายสดในทุกห้อง", 90.0, 206.46, 111.12, 14.2, 18.46, 13.49);
    p.word("•", 72.99, 130.0, 14.2);
    thai_span(p, "ทุนสำหรับนักศึกษา 40 คน", 90.0, 221.76, 130.0, 14.2, 18.46, 13.49);
  }
  if (number) p.line(std::to_string(n), 520.7, 423.49, 10.5);
  thai_span(p, "ข้ามสไลด์นี้หากเวลาไม่พอ", 56.69, 173.15, notes_y, 12, 15.59, 11.39);
  thai_span(p, "ยกตัวอย่างจริงจากการประชุมปีที่แล้ว", 56.69, 230.0, notes_y + 22.79, 12, 15.59, 11.39);
  return p;
}
}  // namespace

TEST(Rule9_NotesPages, SlideNumberInsideTheSlidesPictureIsFurniture) {
  // impress-odp-th-40270: the slide's number, drawn with the slide mid-page, outside the
  // page's top and bottom bands, the page's own number at the same place on every page
  std::vector<PageBuilder> pages;
  for (int n = 1; n <= 5; ++n) pages.push_back(notes_page(n, true, 471.92));
  Deck d = analyze_pages(pages);
  ASSERT_EQ(d.slides.size(), 5u);
  for (const auto& s : d.slides) {
    EXPECT_EQ(texts(s), (std::vector<std::string>{"คำบรรยายสดในทุกห้อง", "ทุนสำหรับนักศึกษา 40 คน"})) << s.id;
    EXPECT_EQ(s.notes.size(), 2u) << s.id;
  }
  // the same number on every page there, not the page's own, stays text (a figure)
  std::vector<PageBuilder> q;
  for (int n = 1; n <= 5; ++n) {
    q.push_back(notes_page(n, true, 471.92, false));
    q.back().line("12", 520.7, 423.49, 10.5);
  }
  Deck e = analyze_pages(q);
  ASSERT_EQ(e.slides.size(), 5u);
  EXPECT_EQ(texts(e.slides[2]).size(), 3u) << ::testing::PrintToString(texts(e.slides[2]));
}

TEST(Rule9_NotesPages, PictureSlidesNotesStartingWhereTheOthersDoAreNotes) {
  // impress-odp-th-40930 page 6: a slide that is a picture alone over its notes, which start
  // 375 pt down the page (0.445 of it), as on every other page: all of it is notes
  std::vector<PageBuilder> pages;
  for (int n = 1; n <= 6; ++n) pages.push_back(notes_page(n, n != 6, 375.0, false));
  Deck d = analyze_pages(pages);
  ASSERT_EQ(d.slides.size(), 6u);
  EXPECT_TRUE(d.slides[5].blocks.empty()) << ::testing::PrintToString(texts(d.slides[5]));
  EXPECT_EQ(d.slides[5].notes, (std::vector<std::string>{"ข้ามสไลด์นี้หากเวลาไม่พอ", "ยกตัวอย่างจริงจากการประชุมปีที่แล้ว"}));
}

TEST(Rule9_NotesPages, PictureSlidesFooterIsFurnitureThoughItsLargestType) {
  // impress-odp-th-40446 pages 1 and 8: a slide that is a picture alone, drawn over its
  // notes with its date and number (7.8 pt) at its foot, 0.39 of the page down: on that
  // page they are its largest type in its upper half, which a repeated title would be; but
  // they stand in the lower half of the slides' text, where no title does
  std::vector<PageBuilder> pages;
  for (int n = 1; n <= 4; ++n) {
    PageBuilder p(n, 595.28, 841.89);
    if (n != 1) {
      p.line("ข้อพิจารณา " + std::to_string(n), 72.99, 76.68, 19.8, true);
      p.word("A.", 92.89, 131.24, 11.3);
      thai_span(p, "การเข้าร่วมทางไกลไม่มีค่าใช้จ่าย", 112.0, 300.0, 131.24, 11.3, 14.71, 10.75);
      p.word("B.", 92.89, 161.06, 11.3);
      thai_span(p, "งานส่วนใหญ่เกิดขึ้นในรายชื่อส่งเมลสาธารณะ", 112.0, 350.0, 161.06, 11.3, 14.71, 10.75);
    }
    thai_span(p, "12 มีนาคม 2026", 333.89, 388.91, 327.71, 7.8, 10.13, 7.4);
    thai_span(p, "สไลด์ " + std::to_string(n), 500.91, 525.23, 327.71, 7.8, 10.13, 7.4);
    thai_span(p, "ยกตัวอย่างจริงจากการประชุมปีที่แล้ว", 56.69, 240.06, 377.72, 12, 15.59, 11.39);
    pages.push_back(p);
  }
  Deck d = analyze_pages(pages);
  ASSERT_EQ(d.slides.size(), 4u);
  EXPECT_TRUE(d.slides[0].blocks.empty()) << ::testing::PrintToString(texts(d.slides[0]));
  EXPECT_EQ(d.slides[0].notes, (std::vector<std::string>{"ยกตัวอย่างจริงจากการประชุมปีที่แล้ว"}));
  EXPECT_EQ(texts(d.slides[1]).size(), 2u) << ::testing::PrintToString(texts(d.slides[1]));
}

TEST(Rule9_NotesPages, ANotesSentenceThatIsTheWidestLineEndsItsParagraph) {
  // a new user's Impress notes pages (A4): "Greet everyone and introduce the two
  // facilitators." is the page's widest notes line, 170 pt short of the notes box (the left
  // margin mirrored), and "Mention" would have fitted after it: two paragraphs; a long
  // note on another page wraps at the box's edge and stays one
  std::vector<PageBuilder> pages;
  for (int n = 1; n <= 3; ++n) {
    PageBuilder p(n, 595.28, 841.89);
    p.line(n == 1 ? "Welcome" : n == 2 ? "Exercise" : "Wrap-up", 84.19, 68.89, 19.4, true);
    p.bullet("•", "Introductions", 84.19, 100, 127.47, 13.4);
    p.bullet("•", "Housekeeping", 84.19, 100, 145.55, 13.4);
    if (n == 1) {
      p.span("Greet everyone and introduce the two facilitators.", 62.39, 362.71, 371.12, 12);
      p.span("Mention that coffee is at 10:30.", 62.39, 251.0, 389.40, 12);
    } else if (n == 2) {
      p.span("Work in pairs.", 62.39, 140.0, 371.12, 12);
      p.span("Fifteen minutes.", 62.39, 150.0, 389.40, 12);
    } else {
      p.span("Gracias por participar.", 62.39, 195.0, 371.12, 12);
      p.span("Nos vemos mañana.", 62.39, 184.74, 389.40, 12);
    }
    pages.push_back(p);
  }
  Deck d = analyze_pages(pages);
  ASSERT_EQ(d.slides.size(), 3u);
  EXPECT_EQ(d.slides[0].notes,
            (std::vector<std::string>{"Greet everyone and introduce the two facilitators.", "Mention that coffee is at 10:30."}));
  EXPECT_EQ(d.slides[1].notes, (std::vector<std::string>{"Work in pairs.", "Fifteen minutes."}));
  EXPECT_EQ(d.slides[2].notes, (std::vector<std::string>{"Gracias por participar.", "Nos vemos mañana."}));
  // a long note wraps at the box's edge and stays one paragraph
  pages[1] = PageBuilder(2, 595.28, 841.89);
  pages[1].line("Exercise", 84.19, 68.89, 19.4, true);
  pages[1].bullet("•", "Work in pairs", 84.19, 100, 127.47, 13.4);
  pages[1].span("This note is a long paragraph that will certainly wrap onto several lines in", 62.39, 528.0, 371.12, 12);
  pages[1].span("the notes area of the page.", 62.39, 215.0, 389.40, 12);
  Deck e = analyze_pages(pages);
  ASSERT_EQ(e.slides.size(), 3u);
  EXPECT_EQ(e.slides[1].notes,
            (std::vector<std::string>{
                "This note is a long paragraph that will certainly wrap onto several lines in the notes area of the page."}));
}

TEST(Rule4_Lines, JustifiedThaiLineSpanningThePageAtItsOneSpaceIsOneLine) {
  // cairo-th-30843 page 7 (th3): Kinnari 20 pt justified, "บุคลากร" and "ที่จะ…" 2.1 em
  // apart, the line from the left margin to the margin mirrored, its paragraph's last words
  // under it flush left; no other line near crosses the gap: one line (it was read as two
  // columns, "…บุคลากร พร้อมกัน" and "ที่จะ…องค์กร")
  PageBuilder p(1);
  p.word("สถานะการใช้งาน IPv6", 43, 19.5, 16, true);
  thai_span(p, "ผู้ให้บริการรายเล็กมักขาดบุคลากร", 43, 315.28, 93.9, 20, 35.64, 25.72);
  thai_span(p, "ที่จะติดตามงานมาตรฐานในหลายองค์กร", 358, 677.28, 93.9, 20, 35.64, 25.72);
  thai_span(p, "พร้อมกัน", 43, 116.3, 124.19, 20, 35.64, 25.72);
  thai_span(p, "ร่างกฎบัตรอยู่ระหว่างการพิจารณา", 43, 310.54, 183.83, 20, 35.64, 25.72);
  auto pl = p.lines();
  std::vector<std::string> got;
  for (const auto& l : pl.lines) got.push_back(l.text);
  EXPECT_NE(std::find(got.begin(), got.end(), "ผู้ให้บริการรายเล็กมักขาดบุคลากร ที่จะติดตามงานมาตรฐานในหลายองค์กร"), got.end())
      << ::testing::PrintToString(got);
  // the same two pieces with the right one's column going on below it: two columns
  thai_span(p, "เข้าถึงข้อกำหนดทั้งหมดได้ฟรี", 358, 600, 124.19, 20, 35.64, 25.72);
  auto ql = p.lines();
  std::vector<std::string> got2;
  for (const auto& l : ql.lines) got2.push_back(l.text);
  EXPECT_NE(std::find(got2.begin(), got2.end(), "ผู้ให้บริการรายเล็กมักขาดบุคลากร"), got2.end()) << ::testing::PrintToString(got2);
}

// --- issue 16, fourteenth session ---

TEST(Rule8_Blocks, ThaiCentredLineFillingThePageWrapsUnderIt) {
  // impress-odp-th-40402 page 4 (th4): Garuda 20 pt centred, paragraphs 2.14 line boxes
  // apart; a first line 0.2 em short of both margins (the title's, mirrored), its last
  // word centred under it 1.44 boxes down: one paragraph each
  PageBuilder p(1);
  p.word("เป้าหมายปี 2026", 43.09, 22.89, 24, true);
  thai_span(p, "อนุมัติงบประมาณในเดือนมกราคม", 219.40, 500.52, 88.68, 20, 26.01, 19.01);
  thai_span(p, "เราคาดว่าจะมีผู้เข้าร่วมในสถานที่ประมาณ 600 คน และทางออนไลน์มากกว่า", 47.00, 672.98, 144.29, 20, 26.02, 19.01);
  thai_span(p, "นั้นสองเท่า", 315.41, 404.65, 181.79, 20, 26.02, 19.02);
  thai_span(p, "การตรวจสอบต้นทางของเส้นทางปกป้องพื้นที่ที่อยู่ที่ประกาศแล้วมากกว่าครึ่ง", 48.70, 671.30, 237.38, 20, 26.02,
            19.01);
  thai_span(p, "หนึ่ง", 341.80, 378.21, 275.00, 20, 26.01, 19.01);
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  EXPECT_EQ(texts(d.slides[0]), (std::vector<std::string>{"อนุมัติงบประมาณในเดือนมกราคม",
                                                          "เราคาดว่าจะมีผู้เข้าร่วมในสถานที่ประมาณ 600 คน และทางออนไลน์มากกว่านั้นสองเท่า",
                                                          "การตรวจสอบต้นทางของเส้นทางปกป้องพื้นที่ที่อยู่ที่ประกาศแล้วมากกว่าครึ่งหนึ่ง"}));
  // a first line 2 em short of each margin (the next word's room): the last word under it
  // is a paragraph of its own
  PageBuilder q(1);
  q.word("เป้าหมายปี 2026", 43.09, 22.89, 24, true);
  thai_span(q, "อนุมัติงบประมาณในเดือนมกราคม", 219.40, 500.52, 88.68, 20, 26.01, 19.01);
  thai_span(q, "เราคาดว่าจะมีผู้เข้าร่วมในสถานที่ประมาณ 600 คน และทางออนไลน์", 83.0, 637.0, 144.29, 20, 26.02, 19.01);
  thai_span(q, "นั้นสองเท่า", 315.41, 404.65, 181.79, 20, 26.02, 19.02);
  Deck e = analyze_pages({q});
  ASSERT_EQ(e.slides.size(), 1u);
  EXPECT_EQ(texts(e.slides[0]), (std::vector<std::string>{"อนุมัติงบประมาณในเดือนมกราคม",
                                                          "เราคาดว่าจะมีผู้เข้าร่วมในสถานที่ประมาณ 600 คน และทางออนไลน์",
                                                          "นั้นสองเท่า"}));
}

TEST(Rule7_Order, AgendaPageNumbersAtTabStopsAreReadAfterTheirEntries) {
  // impress-pptx-en-1025 page 3 (dev): entries at the margin, each page number at the
  // first default tab stop past its entry, nothing drawn between them on a page that draws
  // its spaces (a tab): the numbers make columns of their own, read after the entries'
  // column; read row by row
  PageBuilder p(1);
  p.word("Agenda", 43.2, 20.99, 28, true);
  int order = 0;
  auto row = [&](const std::string& entry, double x1, const std::string& num, double nx0, double nx1, double y) {
    auto& e = p.span(entry, 43.2, x1, y, 18);
    e.space_after = false;
    e.order = order;
    order += static_cast<int>(entry.size());
    e.order_end = order;
    auto& n = p.span(num, nx0, nx1, y, 18);
    n.order = order;
    order += static_cast<int>(num.size());
    n.order_end = order;
  };
  row("Results", 110.0, "2", 259.2, 270.65, 87.19);
  row("Timeline", 119.7, "5", 187.2, 198.65, 115.19);
  row("Next", 90.0, "7", 187.2, 198.65, 143.31);
  row("Budget", 107.82, "10", 115.2, 138.04, 171.29);
  row("Proposals", 128.92, "12", 187.2, 210.04, 199.41);
  p.pw.spaces.push_back({500, 300, 505, 320});  // a space drawn elsewhere on the page
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  EXPECT_EQ(texts(d.slides[0]),
            (std::vector<std::string>{"Results", "2", "Timeline", "5", "Next", "7", "Budget", "10", "Proposals", "12"}));
}

TEST(Rule4_Lines, ThaiEntryAnEmBeforeItsPageNumberOnASpacelessPageIsCut) {
  // impress-pptx-th-20657 page 2 (th1): Sawasdee 18 pt agenda, no space glyph on the page;
  // "คำถาม" 1.4 em before its page "12" at a tab stop, nothing drawn between: two lines
  PageBuilder p(1);
  p.word("วาระการประชุม", 43.2, 20.99, 28, true);
  auto& a = thai_span(p, "คำถาม", 43.2, 90.33, 183.39, 18, 23.4, 17.1);
  a.space_after = false;
  a.order = 10;
  a.order_end = 15;
  auto& b = p.span("12", 115.2, 136.08, 183.39, 18);
  b.y1 = 183.39 + 23.4;
  b.base = 183.39 + 17.1;
  b.order = 15;
  b.order_end = 17;
  auto pl = p.lines();
  std::vector<std::string> got;
  for (const auto& l : pl.lines) got.push_back(l.text);
  EXPECT_NE(std::find(got.begin(), got.end(), "คำถาม"), got.end()) << ::testing::PrintToString(got);
  EXPECT_NE(std::find(got.begin(), got.end(), "12"), got.end()) << ::testing::PrintToString(got);
}

TEST(Rule1_RightToLeft, CentredListWithItsMarkersRightTakesItsLevelsFromTheTypeSize) {
  // impress-pptx-ar-6039 page 5 (fresh): a centred Arabic list, "►" right of each 16 pt
  // item and "•" right of each 14 pt one; Impress centres a deeper item in its indented box,
  // its text's middle 17 pt off the others': the type size tells the level, not the
  // markers' places
  PageBuilder p(1);
  p.word(rev("توصياتنا"), 559.9, 17.19, 32, true);
  struct Item { std::vector<std::string> words; double x0, x1, y, size; const char* marker; };
  std::vector<Item> items = {{{"سيقدم", "أعضاء", "IAB", "ورئيس", "IETF", "مساهمات", "في", "مشاورة", "أصحاب", "المصلحة", "ويشاركون", "في"},
                              65.59, 620.50, 106.42, 16, "\u25BA"},
                             {{"التسجيل", "قبل", "30", "أبريل"}, 265.10, 420.99, 148.83, 16, "\u25BA"},
                             {{"يمكن", "لأي", "شخص", "المشاركة"}, 252.20, 433.89, 171.90, 16, "\u25BA"},
                             {{"الجلسة", "العامة", "الختامية"}, 257.10, 394.89, 195.19, 14, "\u2022"},
                             {{"بناء", "القدرات", "حسب", "الطلب"}, 253.11, 432.79, 215.92, 16, "\u25BA"},
                             {{"انقطاع", "الكهرباء", "في", "نقاط", "التبادل"}, 234.00, 417.99, 258.28, 14, "\u2022"},
                             {{"استمارة", "الملاحظات", "على", "الإنترنت"}, 229.21, 422.81, 279.09, 14, "\u2022"}};
  for (const auto& it : items) {
    // the marker at the right end, its text ending 14.7 pt before the line's end (as Impress
    // sets "►" 12.3 pt wide 2.4 pt on, "•" 4.9 pt wide 9.6 pt on)
    double text_x1 = it.x1 - 14.7, width = (text_x1 - it.x0 - 0.25 * it.size * (it.words.size() - 1));
    double chars = 0;
    for (const auto& w : it.words) chars += static_cast<double>(unicode::decode(w).size());
    double x = it.x0;
    for (auto w = it.words.rbegin(); w != it.words.rend(); ++w) {
      double ww = width * static_cast<double>(unicode::decode(*w).size()) / chars;
      auto& word = p.span(rev(*w), x, x + ww, it.y, it.size);
      even_char_x(word);
      x = word.x1 + 0.25 * it.size;
    }
    p.span(it.marker, it.size > 15 ? it.x1 - 12.3 : it.x1 - 4.9, it.x1, it.y, it.size);
    if (it.y < 110) {  // the first item's second line, centred under its text
      double cx = 199.3;
      for (const char* w : {"ذلك", "أمكن", "كلما", "المستوى", "الرفيعة", "المناقشات"}) {
        double ww = 40.0;
        auto& word = p.span(rev(w), cx, cx + ww, 126.6, 16);
        even_char_x(word);
        cx = word.x1 + 6.5;
      }
    }
  }
  Deck d = analyze_pages({p});
  ASSERT_EQ(d.slides.size(), 1u);
  std::vector<int> lv;
  for (const auto& b : d.slides[0].blocks) lv.push_back(b.level);
  EXPECT_EQ(lv, (std::vector<int>{1, 1, 1, 2, 1, 2, 2})) << ::testing::PrintToString(texts(d.slides[0]));
}

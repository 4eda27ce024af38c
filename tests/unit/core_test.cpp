#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/error.hpp"
#include "core/io.hpp"
#include "core/parallel.hpp"
#include "core/scan.hpp"
#include "core/sha256.hpp"
#include "core/unicode.hpp"
#include "extract/extract.hpp"
#include "extract/ink.hpp"
#include "extract/words.hpp"

#include <atomic>
#include <thread>
#include <cmath>

using namespace deckhand;

TEST(Sha256, KnownVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Error, OneLineWithFileWhatAndHint) {
  Error e(Exit::bad_pdf, "talk.pdf", "not a PDF file", "give deckhand the PDF");
  EXPECT_EQ(e.line(), "deckhand: error: talk.pdf: not a PDF file (give deckhand the PDF)");
  EXPECT_EQ(static_cast<int>(e.code()), 5);
}

TEST(Io, AtomicWriteLeavesNoTemporaryAndRefusesTheInput) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "deckhand-io-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string out = (dir / "out.json").string();
  write_output(out, "hello", {});
  EXPECT_EQ(read_file(out), "hello");
  size_t files = std::distance(fs::directory_iterator(dir), fs::directory_iterator());
  EXPECT_EQ(files, 1u);
  try {
    write_output(out, "x", {out});
    FAIL() << "overwrote the input";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), Exit::output);
  }
  EXPECT_EQ(read_file(out), "hello");
  // an output path through a file ("out.json/x.pdf"): that part is named, not "create it first"
  for (const std::string bad : {(dir / "out.json" / "x.pdf").string(), (dir / "out.json" / "sub" / "x.pdf").string()}) {
    try {
      write_output(bad, "x", {});
      FAIL() << "wrote " << bad;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), Exit::output);
      EXPECT_NE(e.line().find("out.json is a file, not a folder"), std::string::npos) << e.line();
    }
  }
  try {
    write_output((dir / "missing" / "x.pdf").string(), "x", {});
    FAIL() << "wrote into a missing folder";
  } catch (const Error& e) {
    EXPECT_NE(e.line().find("the output folder does not exist"), std::string::npos) << e.line();
  }
  fs::remove_all(dir);
}

TEST(Io, WriteThroughASymbolicLinkReplacesItsTargetAndKeepsTheLink) {
  // "-o /dev/stdout" with standard output sent to a file once put a file where the link
  // /dev/stdout was (a fresh-user trial, issue 16 session 7): a link is followed
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "deckhand-io-link-test";
  fs::remove_all(dir);
  fs::create_directories(dir / "real");
  std::string target = (dir / "real" / "deck.pdf").string();
  write_output(target, "old", {});
  fs::path link = dir / "link.pdf";
  fs::create_symlink(target, link);
  write_output(link.string(), "new", {});
  EXPECT_TRUE(fs::is_symlink(fs::symlink_status(link)));
  EXPECT_EQ(read_file(target), "new");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir / "real"), fs::directory_iterator()), 1);
  // the link's target is an input of the run: refused, as the input itself is
  EXPECT_THROW(write_output(link.string(), "x", {target}), Error);
  EXPECT_EQ(read_file(target), "new");
  fs::remove_all(dir);
}

// read_input reads a file once in a run; the next run reads it again (a program running job
// after job, a fuzz target writing each input over one file: issue 21, and the fuzzers of
// issue 20 fuzzed their first input only before InputRun)
TEST(Io, ReadInputOnceARunThenAgainInTheNext) {
  const auto dir = std::filesystem::temp_directory_path() / ("deckhand-io-run-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string f = (dir / "in.pdf").string();
  auto put = [&](const std::string& text) { std::ofstream(f, std::ios::binary) << text; };
  put("first");
  {
    deckhand::InputRun run;
    const auto gen = deckhand::input_run_generation();
    EXPECT_EQ(*deckhand::read_input(f), "first");
    put("second, longer");
    EXPECT_EQ(*deckhand::read_input(f), "first");  // replaced during the run: the bytes read first
    {
      deckhand::InputRun overlapping;  // a second job at the same time shares them
      EXPECT_EQ(*deckhand::read_input(f), "first");
    }
    EXPECT_EQ(deckhand::input_run_generation(), gen);  // still in the first run
  }
  {
    deckhand::InputRun next;
    EXPECT_EQ(*deckhand::read_input(f), "second, longer");
  }
  std::filesystem::remove_all(dir);
}

TEST(Parallel, EveryItemOnceAndErrorsPropagate) {
  std::vector<int> hits(100, 0);
  parallel_for(100, 2, [&](int i, unsigned) { hits[i]++; });
  for (int h : hits) EXPECT_EQ(h, 1);
  EXPECT_THROW(parallel_for(10, 2, [](int i, unsigned) { if (i == 5) throw std::runtime_error("x"); }), std::runtime_error);
}

TEST(Pages, RangeParsing) {
  EXPECT_EQ(extract::parse_page_ranges("1-3,5,7-", 8), (std::vector<int>{1, 2, 3, 5, 7, 8}));
  EXPECT_EQ(extract::parse_page_ranges("", 3), (std::vector<int>{1, 2, 3}));
  EXPECT_THROW(extract::parse_page_ranges("0-2", 3), Error);
  EXPECT_THROW(extract::parse_page_ranges("4", 3), Error);
  EXPECT_THROW(extract::parse_page_ranges("a", 3), Error);
}

// Issue 20: ranges merged and counted before listing; bounded in count and length.
TEST(Pages, RangesMergedAndBounded) {
  EXPECT_EQ(extract::page_ranges("5,1-3,2-4,9-", 10), (std::vector<std::pair<int, int>>{{1, 5}, {9, 10}}));
  EXPECT_EQ(extract::page_count(extract::page_ranges("1-,1-,1-", 20000)), 20000);
  std::string many;
  for (int i = 0; i < 10001; ++i) many += (i ? ",1" : "1");
  EXPECT_THROW(extract::page_ranges(many, 3), Error);  // more than 10,000 ranges
  EXPECT_THROW(extract::page_ranges(std::string(100001, '1'), 3), Error);
  EXPECT_EQ(extract::page_ranges("", 0).size(), 0u);
}

// Issue 20: the scanners that replaced std::regex, on short and on very long text.
TEST(Scan, NumbersUnitsFieldsColours) {
  auto m = scan::number_unit(" 15.5 mm ", {"mm", "cm", "in", "pt"});
  ASSERT_TRUE(m);
  EXPECT_EQ(m->number, "15.5");
  EXPECT_EQ(m->unit, "mm");
  EXPECT_TRUE(scan::number_unit("36", {"mm"}));
  EXPECT_EQ(scan::number_unit(".5in", {"in"})->number, ".5");
  EXPECT_FALSE(scan::number_unit("5.", {"mm"}));
  EXPECT_FALSE(scan::number_unit("nan", {"mm"}));
  EXPECT_FALSE(scan::number_unit("1e9", {"mm"}));
  EXPECT_FALSE(scan::number_unit("5 furlongs", {"mm"}));
  EXPECT_EQ(*scan::percentage("40%"), "40");
  EXPECT_FALSE(scan::percentage("nan%"));
  EXPECT_FALSE(scan::percentage("40"));
  EXPECT_EQ(scan::braced_fields("{page} / {pages} {{x} {Bad} {}"), (std::vector<std::string>{"page", "pages", "x"}));
  EXPECT_EQ(scan::braced_fields("{" + std::string(100000, 'a') + "}").at(0).size(), 100000u);
  EXPECT_TRUE(scan::ends_with_letter("210mm  "));
  EXPECT_FALSE(scan::ends_with_letter("210" + std::string(100000, ' ')));
  EXPECT_TRUE(scan::is_hex_colour("#33669a"));
  EXPECT_FALSE(scan::is_hex_colour("#3366"));
  EXPECT_FALSE(scan::is_hex_colour("#33669g"));
}

TEST(Scan, Utf8AndMessages) {
  EXPECT_EQ(scan::invalid_utf8_at("café ’ 日本 😀"), std::string::npos);
  EXPECT_EQ(scan::invalid_utf8_at("caf\xE9"), 3u);         // Latin-1 é
  EXPECT_EQ(scan::invalid_utf8_at("a\xC0\xAF"), 1u);       // overlong
  EXPECT_EQ(scan::invalid_utf8_at("\xED\xA0\x80"), 0u);    // a surrogate
  EXPECT_EQ(scan::invalid_utf8_at("\xF4\x90\x80\x80"), 0u);  // past U+10FFFF
  EXPECT_EQ(scan::invalid_utf8_at("ab\xE2\x80"), 2u);      // truncated
  EXPECT_EQ(scan::for_message("short"), "short");
  std::string cut = scan::for_message(std::string(10, 'a') + "é" + std::string(100, 'b'), 11);
  EXPECT_EQ(cut, std::string(10, 'a') + "… (112 bytes)");  // never inside a character
}

TEST(Workers, ClampedToCoresAndAtLeastOne) {
  unsigned hc = std::max(1u, std::thread::hardware_concurrency());
  EXPECT_LE(worker_count(256), hc);
  EXPECT_GE(worker_count(256), 1u);
  EXPECT_EQ(worker_count(1), 1u);
}

// Drawn bullets: every line needs_ink_probe() picks is asked about, once, on its own page.
TEST(DrawnBullets, EveryCandidateIsProbedAndRightToLeftIsMirrored) {
  extract::PageLines pl;
  pl.page = 1;
  pl.width = 453;
  pl.height = 255;
  auto line = [&](const std::string& t, double x, double y, double x1) {
    extract::Line l;
    extract::Word w;
    w.text = t; w.x0 = x; w.x1 = x + 30; w.y0 = y; w.y1 = y + 11; w.size = 11;
    l.words = {w};
    l.x0 = x; l.x1 = x1; l.y0 = y; l.y1 = y + 11; l.size = 11;
    l.text = l.full_text = t;
    l.text_start = l.marker_start = x;
    pl.lines.push_back(l);
  };
  line("Frame title", 20, 10, 200);
  line("A paragraph at the margin", 20, 60, 300);
  line("First item", 40, 80, 120);
  line("Second item that wraps to the edge", 40, 100, 420);
  line("and goes on", 40, 113, 110);
  pl.lines[0].size = 14;
  extract::PageLines rtl = pl;
  int calls = 0;
  size_t asked = 0;
  auto ink = [&](const std::vector<std::array<double, 4>>& rs) {
    ++calls;
    asked += rs.size();
    std::vector<std::optional<double>> out;
    for (const auto& r : rs) {
      EXPECT_LT(r[2], 40);  // before the line's start (the paragraph at the margin: x 20)
      // a mark before the items, none before the wrapped line (y 113)
      if (r[1] < 110) out.push_back(r[0] + 2);
      else out.push_back(std::nullopt);
    }
    return out;
  };
  extract::probe_drawn_bullets(pl, ink);
  EXPECT_EQ(calls, 1);
  // the paragraph at the margin is asked too (a page whose every line has a drawn bullet
  // has no indent to tell); the title in the top band is not
  EXPECT_EQ(asked, 4u);
  EXPECT_FALSE(pl.lines[0].ink_before.has_value());
  EXPECT_TRUE(pl.lines[2].ink_before.value_or(false));
  EXPECT_TRUE(pl.lines[3].ink_before.value_or(false));
  EXPECT_FALSE(pl.lines[4].ink_before.value_or(true));
  EXPECT_NEAR(pl.lines[2].ink_x, 40 - 1.6 * 11 + 2, 1e-9);
  // a right-to-left line: the mark's edge is measured from the right
  for (auto& l : rtl.lines) l.rtl = true;
  auto mirror = [&](const std::vector<std::array<double, 4>>& rs) {
    std::vector<std::optional<double>> out;
    for (const auto& r : rs) out.push_back(r[0] + 2);
    return out;
  };
  extract::probe_drawn_bullets(rtl, mirror);
  for (const auto& l : rtl.lines)
    if (l.ink_before.value_or(false)) EXPECT_NEAR(l.ink_x, 453 - (l.x1 + 0.12 * 11 + 2), 1e-9);
}

// cairo-he-3066 page 9: a centred list of Hebrew items in left-to-right paragraphs, each
// line centred on its own, its drawn bullet 0.6-0.8 em left of its text; a centred line
// with ink beside it alone stays text (issue 16)
TEST(DrawnBullets, CentredRightToLeftItemsWithTheirBulletsOnTheLeft) {
  extract::PageLines pl;
  pl.page = 1;
  pl.width = 720;
  pl.height = 405;
  auto line = [&](double x0, double x1, double y, double size) {
    extract::Line l;
    extract::Word w;
    w.text = "שלום"; w.x0 = x0; w.x1 = x1; w.y0 = y; w.y1 = y + size; w.size = size;
    l.words = {w};
    l.x0 = x0; l.x1 = x1; l.y0 = y; l.y1 = y + size; l.size = size; l.rtl = true;
    l.text = l.full_text = w.text;
    l.text_start = l.marker_start = x1;
    pl.lines.push_back(l);
  };
  line(272.0, 485.5, 98.8, 20);
  line(287.0, 471.1, 128.0, 20);
  line(327.1, 459.4, 154.4, 18);
  line(303.0, 456.1, 243.5, 20);
  auto ink = [&](const std::vector<std::array<double, 4>>& rs) {
    std::vector<std::optional<double>> out;
    for (const auto& r : rs) {
      std::optional<double> hit;
      for (const auto& l : pl.lines)  // a dot 0.85 em left of each line's text
        if (r[1] < l.yc() && r[3] > l.yc() && r[0] < l.x0 - 0.85 * l.size && r[2] > l.x0 - 0.85 * l.size) hit = l.x0 - 0.85 * l.size;
      out.push_back(hit);
    }
    return out;
  };
  extract::probe_drawn_bullets(pl, ink);
  for (const auto& l : pl.lines) {
    EXPECT_TRUE(l.ink_before.value_or(false));
    EXPECT_NEAR(l.ink_x, l.x0 - 0.85 * l.size, 1e-9);  // from the left: the bullets stand there
    EXPECT_EQ(l.marker_side, -1);  // a left-to-right paragraph, for the deck's vote
  }
  // one centred line with a mark beside it: no list
  extract::PageLines one = pl;
  one.lines.resize(1);
  for (auto& l : one.lines) l.ink_before.reset();
  extract::probe_drawn_bullets(one, ink);
  EXPECT_FALSE(one.lines[0].ink_before.value_or(false));
}

// Drawn bullets without a render: the window painted from the marks the page's one pass
// recorded, and tested as a render was.
TEST(DrawnBullets, MarkFoundAmongTheRecordedInk) {
  using extract::InkMark;
  std::array<double, 4> win{100, 200, 118, 208};  // x0, y0, x1, y1: before a line at x 120
  auto box = [](double x0, double y0, double x1, double y1, std::array<double, 3> rgb) {
    InkMark s;
    s.x0 = x0; s.y0 = y0; s.x1 = x1; s.y1 = y1; s.rgb = rgb;
    return s;
  };
  auto disc = [&](double cx, double cy, double rad, std::array<double, 3> rgb) {
    InkMark s = box(cx - rad, cy - rad, cx + rad, cy + rad, rgb);
    s.kind = InkMark::fill;
    s.paths.emplace_back();
    for (int i = 0; i < 16; ++i) s.paths[0].push_back({cx + rad * std::cos(i * M_PI / 8), cy + rad * std::sin(i * M_PI / 8)});
    return s;
  };
  const std::array<double, 3> black{0, 0, 0}, white{1, 1, 1}, blue{0.1, 0.2, 0.8};
  // nothing drawn: no mark
  EXPECT_FALSE(extract::drawn_mark({}, win).has_value());
  // a ball bullet (a filled disc) in the window: its left edge, to the pixel (0.75 pt)
  auto ball = disc(110.5, 204, 2.5, blue);
  ASSERT_TRUE(extract::drawn_mark({ball}, win).has_value());
  EXPECT_NEAR(*extract::drawn_mark({ball}, win), 108, 0.8);
  // a picture bullet (colour unknown) counts too
  auto pic = box(108, 201, 113, 206, white);
  pic.picture = true;
  EXPECT_TRUE(extract::drawn_mark({pic}, win).has_value());
  // a white disc on a white slide leaves no ink
  EXPECT_FALSE(extract::drawn_mark({disc(110.5, 204, 2.5, white)}, win).has_value());
  // ... but on a dark box covering the window it does; a box drawn later hides the ball
  EXPECT_TRUE(extract::drawn_mark({box(0, 0, 400, 400, black), disc(110.5, 204, 2.5, white)}, win).has_value());
  EXPECT_FALSE(extract::drawn_mark({ball, box(0, 0, 400, 400, white)}, win).has_value());
  // a box's left border running into the window: not a bullet (touches its left edge)
  EXPECT_FALSE(extract::drawn_mark({box(90, 150, 104, 260, black)}, win).has_value());
  // a box outline (a stroke) whose left side runs through the window: a thin rule, not a bullet
  InkMark outline = box(110, 150, 300, 260, black);
  outline.kind = InkMark::stroke;
  outline.half_width = 0.5;
  outline.paths = {{{110, 150}, {300, 150}, {300, 260}, {110, 260}, {110, 150}}};
  EXPECT_FALSE(extract::drawn_mark({outline}, win).has_value());
  // the same box filled would be a block taking most of the window's right part: too wide
  EXPECT_FALSE(extract::drawn_mark({box(103, 150, 300, 260, black)}, win).has_value());
  // a big brace glyph around the lines: only its thin middle is in the window
  InkMark brace = box(108, 150, 116, 260, black);
  brace.glyph = true;
  EXPECT_FALSE(extract::drawn_mark({brace}, win).has_value());
  // a horizontal rule across the window: too wide to be a bullet
  EXPECT_FALSE(extract::drawn_mark({box(101, 203, 117.9, 204, black)}, win).has_value());
  // a speck under three pixels: not ink enough
  EXPECT_FALSE(extract::drawn_mark({box(108, 203, 108.6, 203.6, black)}, win).has_value());
  // a shape outside the window does not count
  EXPECT_FALSE(extract::drawn_mark({disc(132, 204, 2.5, black)}, win).has_value());
}

// Issue 8, point 6: Kangxi radicals and CJK compatibility ideographs that Keynote writes
// for Chinese become the unified ideographs.
TEST(Issue8, point6_kangxi_folded) {
  using deckhand::unicode::clean;
  using deckhand::unicode::fold_cjk_compat;
  EXPECT_EQ(fold_cjk_compat("\u8D1F\u8D23\u2F08"), "\u8D1F\u8D23\u4EBA");  // 负责⼈ -> 负责人
  EXPECT_EQ(clean("\u2F00\uF900"), "\u4E00\u8C48");
  EXPECT_EQ(fold_cjk_compat("plain"), "plain");
  // Keynote maps one glyph to the radical and then its ideograph: one character, not two
  EXPECT_EQ(fold_cjk_compat("\u2F6C\u76EE\u5F55"), "\u76EE\u5F55");  // ⽬目录 -> 目录
  EXPECT_EQ(fold_cjk_compat("\u5199\u2F0A\u5165"), "\u5199\u5165");  // 写⼊入 -> 写入
  EXPECT_EQ(fold_cjk_compat("\u8C22\u8C22"), "\u8C22\u8C22");          // 谢谢: a real repeat stays
}

#include "core/direction.hpp"

TEST(Direction, InverseBidiOfALeftToRightParagraphKeepsANumberWithTheRightToLeftRunAroundIt) {
  // "מלגות ל־40 סטודנטים" in a left-to-right paragraph (Impress, cairo): UAX #9 puts "40" in the Hebrew
  // run (W2 leaves it a European number, N1 makes the spaces around it right to left),
  // so it is drawn inside the run; reading the visual string back gives the logical one
  std::u32string logical = U"\u05DE\u05DC\u05D2\u05D5\u05EA \u05DC\u05BE40 \u05E1\u05D8\u05D5\u05D3\u05E0\u05D8\u05D9\u05DD";
  std::u32string visual = U"\u05DD\u05D9\u05D8\u05E0\u05D3\u05D5\u05D8\u05E1 40\u05BE\u05DC \u05EA\u05D5\u05D2\u05DC\u05DE";
  EXPECT_EQ(deckhand::direction::logical_from_visual(visual, false), logical);
  // a right-to-left paragraph keeps "WSIS+20" a left-to-right word
  std::u32string rtl_visual = U"WSIS+20 \u05DC\u05E2";  // "על WSIS+20" drawn: Latin on the left
  EXPECT_EQ(deckhand::direction::logical_from_visual(rtl_visual, true), U"\u05E2\u05DC WSIS+20");
}

// Directional marks and zero-width spaces in a text layer (deckhand's own text layer adds
// U+200F after a right-to-left run's last vowel mark and U+200B after a line-end hyphen of
// the text's own) do not reach the deck's text.
TEST(Unicode, CleanDropsDirectionalMarksAndZeroWidthSpaces) {
  using deckhand::unicode::clean;
  EXPECT_EQ(clean("وَقِمَّةُ\u200F"), "وَقِمَّةُ");
  EXPECT_EQ(clean("\u200Eabc\u061C"), "abc");
  EXPECT_EQ(clean("по-\u200Bпрежнему"), "по-прежнему");
  EXPECT_EQ(clean("a\u200Db"), "a\u200Db");  // a joiner changes how letters join: kept
}

// leave_to_exit: in a process that goes on (the flag off: the default) the object stays the
// caller's; in one that ends with its command it is taken and never destroyed.
TEST(Parallel, LeaveToExitKeepsWhatTheProcessEndsWith) {
  static std::atomic<int> destroyed{0};
  struct Counted {
    ~Counted() { ++destroyed; }
  };
  ASSERT_FALSE(deckhand::process_ends_after_command());
  auto p = std::make_unique<Counted>();
  deckhand::leave_to_exit(p);
  ASSERT_NE(p, nullptr) << "a process that goes on: the caller frees it";
  p.reset();
  EXPECT_EQ(destroyed, 1);
  deckhand::set_process_ends_after_command(true);
  auto q = std::make_unique<Counted>();
  deckhand::leave_to_exit(q);
  deckhand::set_process_ends_after_command(false);
  EXPECT_EQ(q, nullptr) << "taken, to be left to the process's exit";
  EXPECT_EQ(destroyed, 1) << "and not destroyed";
  {
    deckhand::FreeInBackground none(std::move(q));  // (null: no thread, nothing to free)
  }
  EXPECT_EQ(destroyed, 1);
}

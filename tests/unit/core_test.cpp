#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/error.hpp"
#include "core/io.hpp"
#include "core/parallel.hpp"
#include "core/sha256.hpp"
#include "core/unicode.hpp"
#include "extract/extract.hpp"
#include "extract/words.hpp"

#include <atomic>

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
  fs::remove_all(dir);
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

// Drawn bullets: what the first pages show is reused; renders only where needed.
TEST(DrawnBullets, FirstPagesTeachTheRestAndWrappedLinesAreAlwaysChecked) {
  std::vector<extract::PageLines> pages;
  for (int p = 1; p <= 20; ++p) {
    extract::PageLines pl;
    pl.page = p;
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
    line("First item", 40, 80, 120);                 // short: a new block
    line("Second item that wraps to the edge", 40, 100, 420);
    line("and goes on", 40, 113, 110);               // may continue the line above
    pl.lines[0].size = 14;
    pages.push_back(pl);
  }
  std::atomic<int> renders{0}, rects{0};
  extract::probe_drawn_bullets(pages, [&](int, const std::vector<std::array<double, 4>>& rs, unsigned) {
    ++renders;
    rects += static_cast<int>(rs.size());
    std::vector<std::optional<double>> out;
    for (const auto& r : rs) {
      // a mark before the items, none before the wrapped line (y 113)
      if (r[1] < 110) out.push_back(r[0] + 2);
      else out.push_back(std::nullopt);
    }
    return out;
  }, 2);
  for (const auto& pl : pages) {
    EXPECT_TRUE(pl.lines[2].ink_before.value_or(false)) << pl.page;
    EXPECT_TRUE(pl.lines[3].ink_before.value_or(false)) << pl.page;
    EXPECT_FALSE(pl.lines[4].ink_before.value_or(true)) << pl.page;
  }
  // 8 pages learnt with every line, then only the possible continuation on each page
  EXPECT_EQ(rects.load(), 8 * 3 + 12 * 1);
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

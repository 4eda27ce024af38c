#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/error.hpp"
#include "core/io.hpp"
#include "core/parallel.hpp"
#include "core/sha256.hpp"
#include "extract/extract.hpp"

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

// Issue 9: the library job (src/job/job.hpp) used without a command line, the way a
// program linking deckhand_core would: a handout laid out from a PDF and from a deck JSON,
// the source opened once per worker at most, --strict writing nothing.
#include <gtest/gtest.h>

#include <filesystem>

#include "core/io.hpp"
#include "job/job.hpp"

using namespace deckhand;
namespace fs = std::filesystem;

namespace {
const fs::path kRoot = DECKHAND_SOURCE_DIR;

JobOptions handout_of(const std::string& input, const std::string& out, const std::string& layout, int threads) {
  JobOptions o;
  o.command = Command::handout;
  o.quiet = true;
  o.input = input;
  o.output = out;
  o.layout = layout;
  o.threads = threads;
  return o;
}
}  // namespace

TEST(Issue9, JobRunsAHandoutAndOpensTheSourceOncePerWorkerAtMost) {
  TempDir tmp;
  for (int threads : {1, 2}) {
    const std::string out = tmp.path() + "/h" + std::to_string(threads) + ".pdf";
    int before = Job::source_opens();
    EXPECT_EQ(Job(handout_of((kRoot / "samples" / "ietf-wsis20.pdf").string(), out, "grid-6", threads)).run(), 0);
    int opened = Job::source_opens() - before;
    EXPECT_GE(opened, 1);
    EXPECT_LE(opened, threads) << "the source was opened " << opened << " times with " << threads << " worker(s)";
    EXPECT_EQ(read_file(out).substr(0, 5), "%PDF-");
  }
}

TEST(Issue9, JobLaysOutAnOutlineFromADeckJsonWithoutItsPdf) {
  TempDir tmp;
  // the golden deck JSON names zh.pdf, which is not beside it: the outline needs none
  JobOptions o = handout_of((kRoot / "tests" / "golden" / "zh.deck.json").string(), tmp.path() + "/o.txt", "outline", 2);
  o.dump = "layout-text";
  int before = Job::source_opens();
  EXPECT_EQ(Job(o).run(), 0);
  EXPECT_EQ(Job::source_opens(), before);
  std::string text = read_file(tmp.path() + "/o.txt");
  EXPECT_NE(text.find("page 1 595.28 841.89"), std::string::npos);
  EXPECT_EQ(text.find("  image "), std::string::npos);  // no picture
  // grid-6 shows pictures: the PDF is needed, and missing
  o.layout = "grid-6";
  try {
    Job(o).run();
    ADD_FAILURE() << "grid-6 without the PDF did not fail";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), Exit::input);
  }
}

TEST(Issue9, JobWritesNothingWhenStrictFails) {
  TempDir tmp;
  // a translation file with no translated unit: an "untranslated" warning
  const std::string po = tmp.path() + "/empty.fr.po";
  JobOptions x;
  x.command = Command::strings_export;
  x.quiet = true;
  x.input = (kRoot / "tests" / "golden" / "zh.deck.json").string();
  x.output = po;
  x.format = "po";
  x.target_lang = "fr";
  ASSERT_EQ(Job(x).run(), 0);
  JobOptions t;
  t.command = Command::translate;
  t.quiet = true;
  t.strict = true;
  t.input = x.input;
  t.translations = po;
  t.output = tmp.path() + "/t.json";
  EXPECT_EQ(Job(t).run(), static_cast<int>(Exit::warnings));
  EXPECT_FALSE(fs::exists(t.output));
  t.strict = false;
  EXPECT_EQ(Job(t).run(), 0);
  EXPECT_TRUE(fs::exists(t.output));
}

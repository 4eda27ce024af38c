// Golden tests on the committed samples (real PDFs from Impress and Beamer):
//  - Truth: kinds, titles, block levels and texts, overlays equal samples/NAME.truth.json,
//    which scripts/make-samples.py derives from the deck's source (not from deckhand).
//  - Golden: the whole deck JSON equals tests/golden/NAME.deck.json. Run with
//    UPDATE_GOLDEN=1 to rewrite those files, then review the diff before committing.
//  - Determinism: one thread and all threads give the same bytes.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/io.hpp"
#include "extract/extract.hpp"

using namespace deckhand;
namespace fs = std::filesystem;

namespace {
const fs::path kRoot = DECKHAND_SOURCE_DIR;

std::vector<std::string> sample_names() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(kRoot / "samples"))
    if (e.path().extension() == ".pdf") out.push_back(e.path().stem().string());
  std::sort(out.begin(), out.end());
  return out;
}

Deck extract_sample(const std::string& name, int threads) {
  extract::ExtractOptions o;
  o.threads = threads;
  Diagnostics diag;
  Deck d = extract::extract_deck((kRoot / "samples" / (name + ".pdf")).string(), o, diag);
  d.source.file = name + ".pdf";
  return d;
}

class Sample : public ::testing::TestWithParam<std::string> {};
}  // namespace

TEST_P(Sample, MatchesGroundTruth) {
  const std::string name = GetParam();
  auto truth = nlohmann::json::parse(read_file((kRoot / "samples" / (name + ".truth.json")).string()));
  Deck d = extract_sample(name, 0);
  const auto& ts = truth["slides"];
  ASSERT_EQ(d.slides.size(), ts.size());
  EXPECT_EQ(d.lang.value_or(""), truth["lang"].get<std::string>());
  EXPECT_EQ(d.direction, truth["direction"].get<std::string>());
  for (size_t i = 0; i < ts.size(); ++i) {
    const Slide& s = d.slides[i];
    SCOPED_TRACE(name + " page " + std::to_string(i + 1));
    EXPECT_EQ(s.page, ts[i]["page"].get<int>());
    EXPECT_EQ(to_string(s.kind), ts[i]["kind"].get<std::string>());
    EXPECT_EQ(s.title, ts[i]["title"].get<std::string>());
    EXPECT_EQ(!s.overlay_of.empty(), ts[i]["overlay"].get<bool>());
    const auto& tb = ts[i]["blocks"];
    ASSERT_EQ(s.blocks.size(), tb.size());
    for (size_t k = 0; k < tb.size(); ++k) {
      EXPECT_EQ(s.blocks[k].level, tb[k]["level"].get<int>()) << tb[k]["text"];
      EXPECT_EQ(s.blocks[k].text, tb[k]["text"].get<std::string>());
    }
  }
}

TEST_P(Sample, MatchesGoldenOutput) {
  const std::string name = GetParam();
  fs::path golden = kRoot / "tests" / "golden" / (name + ".deck.json");
  std::string got = dump_deck(extract_sample(name, 0));
  const char* update = std::getenv("UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    write_output(golden.string(), got, {});
    GTEST_SKIP() << "rewrote " << golden;
  }
  ASSERT_TRUE(fs::exists(golden)) << golden << " is missing: run with UPDATE_GOLDEN=1";
  EXPECT_EQ(got, read_file(golden.string())) << "run with UPDATE_GOLDEN=1 and review the diff";
}

TEST_P(Sample, SameBytesOnOneThreadAndOnAll) {
  const std::string name = GetParam();
  EXPECT_EQ(dump_deck(extract_sample(name, 1)), dump_deck(extract_sample(name, 4)));
}

INSTANTIATE_TEST_SUITE_P(Samples, Sample, ::testing::ValuesIn(sample_names()),
                         [](const auto& info) {
                           std::string n = info.param;
                           for (auto& c : n) if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           return n;
                         });
